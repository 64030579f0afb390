/**
 * The shape every lesson module returns. Lessons compute; they never print or touch the DOM. The
 * CLI prints `lines` exactly and saves `figures`; the web course renders the same data.
 */
import type { Figure } from '../plot/index.js';

/** An exercise: a prompt, the expected answer and how to check an attempt. */
export interface Exercise {
  id: string;
  prompt: string;
  /** The expected answer: an expression in nabla's syntax, or a number. */
  answer: string | number;
  /** `symbolic`: equivalent expressions (simplify + random points); `numeric`: within tolerance. */
  kind: 'symbolic' | 'numeric' | 'choice';
  /** Variables of a symbolic answer. */
  variables?: string[];
  tolerance?: number;
  hints: string[];
  solution: string;
}

/** A figure the lesson draws, named for its output file (`01-f-and-derivative`). */
export interface LessonFigure {
  name: string;
  figure: Figure;
}

/** One run of a lesson: output lines, figures, exercises and the raw numbers behind them. */
export interface LessonRun {
  lines: string[];
  figures: LessonFigure[];
  exercises: Exercise[];
  /** Numbers the lines and figures were made from, for tests and the web course. */
  data: Record<string, unknown>;
}

/** Options of {@link Lesson.run}; lessons that do little work ignore them. */
export interface LessonRunOptions {
  /**
   * Called as long work advances, with `done` rising to `total` (e.g. training epochs). The lesson
   * never prints: the CLI draws a bar from it, the web course may show its own.
   */
  onProgress?: (done: number, total: number) => void;
}

/** A course lesson: its number, slug and title, and `run`, which computes its lines, figures and exercises. */
export interface Lesson {
  /** 1..7 */
  id: number;
  slug: string;
  title: string;
  /** Compute the lesson (lesson 05 reports its training epochs to `onProgress`). @example getLesson(2)!.run().lines.length > 0 // → true */
  run(options?: LessonRunOptions): LessonRun;
}
