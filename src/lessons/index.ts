/** The course's lessons in order. Each module computes a lesson's output; see types.ts. */
import type { Lesson } from './types.js';
export type { Lesson, LessonRun, LessonFigure, Exercise } from './types.js';

export const lessons: Lesson[] = [];

/** Look a lesson up by its number (1..7). */
export function getLesson(id: number): Lesson | undefined {
  return lessons.find((l) => l.id === id);
}
