/**
 * Lesson 02 — integration as a running sum of f(x)·δx: for f(x) = 2x on arange(−10, 10, 0.1)
 * the running sum is x² shifted down by a constant (the antiderivative is fixed only up to +C).
 */
import { pyRepr } from '../core/format.js';
import { arange, argmin, cumsum, vmap } from '../numeric/index.js';
import type { Exercise, Lesson, LessonRun } from './types.js';
import { lesson02Figures } from './figures/lesson-02.js';

const DELTA_X = 0.1;

/** The listing: x = arange(−10, 10, δx); fx = f(x)·δx; y = fx.cumsum(). */
export function runningSum(f: (x: number) => number, deltaX = DELTA_X): { x: Float64Array; runningSum: Float64Array } {
  const x = arange(-10, 10, deltaX);
  return { x, runningSum: cumsum(vmap(x, (v) => f(v) * deltaX)) };
}

/** Round away float noise for display (−101.00000000000037 → −101.0), then print like Python. */
function show(v: number): string {
  return pyRepr(Number(v.toPrecision(12)));
}

const exercises: Exercise[] = [
  {
    id: '02-antiderivative',
    prompt: 'Take f(x) = 3x² − 4x. Which function does the running sum of f(x)·δx follow (up to a constant)?',
    answer: 'x^3 - 2*x^2',
    kind: 'symbolic',
    variables: ['x'],
    hints: [
      'Find F with F′(x) = 3x² − 4x: reverse the power rule, xⁿ → xⁿ⁺¹/(n+1).',
      'Any constant C can be added: the running sum starts at x = −10, not at 0.',
    ],
    solution: 'F(x) = x³ − 2x² (+ C). The running sum from x = −10 is F(x) − F(−10) ≈ x³ − 2x² + 1200, a shifted copy.',
  },
];

/** Lesson 02 as data. */
export const lesson02: Lesson = {
  id: 2,
  slug: 'integration',
  title: 'Integration',
  run(): LessonRun {
    const main = runningSum((x) => 2 * x);
    const y = main.runningSum;
    const iMin = argmin(y);
    const ex = runningSum((x) => 3 * x ** 2 - 4 * x);
    const antiderivative = vmap(ex.x, (x) => x ** 3 - 2 * x ** 2);
    const offset = ex.runningSum[0]! - antiderivative[0]!;
    const lines = [
      'f(x) = 2x, x = arange(-10, 10, 0.1): running sum of f(x)*0.1',
      `${main.x.length} points; first ${show(y[0]!)}, minimum ${show(y[iMin]!)} at x = ${show(main.x[iMin]!)}, last ${show(y[y.length - 1]!)}`,
      // S_i = Σ_{k≤i} 2x_k·δx = (i+1)(0.01i − 2) with i = 10(x + 10), i.e. x² + 0.1x − 101.
      'On the grid the running sum is x^2 + 0.1x - 101: the antiderivative x^2, shifted by a constant (and by O(dx))',
      'Exercise: f(x) = 3x^2 - 4x; antiderivative x^3 - 2x^2 (+C)',
      `running sum - (x^3 - 2x^2) at the first point: ${show(offset)}`,
    ];
    return {
      lines,
      get figures() { return lesson02Figures(this.data); },
      exercises,
      data: {
        x: main.x,
        runningSum: y,
        antiderivative: vmap(main.x, (x) => x * x - 101),
        first: y[0],
        min: y[iMin],
        argMin: main.x[iMin],
        last: y[y.length - 1],
        exercise: { x: ex.x, runningSum: ex.runningSum, antiderivative },
      },
    };
  },
};
