/** The course's lessons in order. Each module computes a lesson's output; see types.ts. */
import type { Lesson } from './types.js';
import { lesson01 } from './01-differentiation.js';
import { lesson02 } from './02-integration.js';
import { lesson03 } from './03-gradient.js';
import { lesson04 } from './04-jacobian.js';
import { lesson05 } from './05-backprop.js';
import { lesson06 } from './06-optimization.js';
import { lesson07 } from './07-svm.js';
export type { Lesson, LessonRun, LessonFigure, Exercise } from './types.js';

/** The seven course lessons in order, as runnable modules (`nabla lesson N` and the web course use them). */
export const lessons: Lesson[] = [lesson01, lesson02, lesson03, lesson04, lesson05, lesson06, lesson07];

/** Look a lesson up by its number (1..7); undefined for any other number. @example getLesson(3)?.slug // → 'gradient' */
export function getLesson(id: number): Lesson | undefined {
  return lessons.find((l) => l.id === id);
}
