/**
 * Lesson 01 — differential calculus: the derivative as the limit of the rate of change
 * (f(x+δ) − f(x))/δ, compared with the power rule on 500 points of [−10, 10].
 */
import { linspace, vmap } from '../numeric/index.js';
import type { Exercise, Lesson, LessonRun } from './types.js';
import { lesson01Figures } from './figures/lesson-01.js';

/** The listing's step δ. */
const DELTA = 0.0001;

/** Python-style short scientific notation: 1.0e-04. */
function sci(v: number, digits = 1): string {
  const [m, e] = v.toExponential(digits).split('e');
  const n = Number(e);
  return `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
}

/** f on the grid, f′ by the rate of change with step δ and by the rule, and their largest gap. */
export function rateVersusRule(
  f: (x: number) => number,
  rule: (x: number) => number,
  x: Float64Array = linspace(-10, 10, 500),
  delta = DELTA,
): { x: Float64Array; f: Float64Array; rate: Float64Array; rule: Float64Array; maxGap: number; argMaxGap: number } {
  const y = vmap(x, f);
  // The listing's vectorised (f(x + δ) − f(x))/δ, elementwise in the same order.
  const rate = vmap(x, (v) => (f(v + delta) - f(v)) / delta);
  const exact = vmap(x, rule);
  let maxGap = 0, argMaxGap = 0;
  for (let i = 0; i < x.length; i++) {
    const g = Math.abs(rate[i]! - exact[i]!);
    if (g > maxGap) {
      maxGap = g;
      argMaxGap = x[i]!;
    }
  }
  return { x, f: y, rate, rule: exact, maxGap, argMaxGap };
}

const exercises: Exercise[] = [
  {
    id: '01-power-rule',
    prompt: "Repeat the comparison for f(x) = x³ − 2x² + 1. What is f'(x) by the rules?",
    answer: '3*x^2 - 4*x',
    kind: 'symbolic',
    variables: ['x'],
    hints: [
      'The power rule: d/dx xⁿ = n·xⁿ⁻¹; constants differentiate to 0.',
      'Differentiate term by term: x³, then −2x², then +1.',
    ],
    solution: "f'(x) = 3x² − 4x. The rate of change (f(x+δ) − f(x))/δ = 3x² − 4x + (3x − 2)δ + δ², so on [−10, 10] the curves differ by at most about 32δ = 3.2e-03.",
  },
  {
    id: '01-gap',
    prompt: 'For f(x) = x², how far apart are the rate of change with δ = 1e-4 and the rule 2x, at most?',
    answer: 1e-4,
    kind: 'numeric',
    tolerance: 1e-6,
    hints: ['Expand (x + δ)² − x² and divide by δ.'],
    solution: '((x + δ)² − x²)/δ = 2x + δ: the gap is δ = 1e-4 everywhere (up to rounding).',
  },
];

/** Lesson 01 as data: lines, arrays for the figures, exercises. */
export const lesson01: Lesson = {
  id: 1,
  slug: 'differentiation',
  title: 'Differential calculus',
  run(): LessonRun {
    const main = rateVersusRule((x) => x ** 2, (x) => 2 * x);
    const ex = rateVersusRule((x) => x ** 3 - 2 * x ** 2 + 1, (x) => 3 * x ** 2 - 4 * x);
    const lines = [
      'f(x) = x^2 on 500 points of [-10, 10]; f\'(x) by the rate of change (f(x+d)-f(x))/d, d = 0.0001, and by the rule 2x',
      `Largest gap between rate and rule: ${sci(main.maxGap)}`,
      "Exercise: f(x) = x^3 - 2x^2 + 1, rule f'(x) = 3x^2 - 4x",
      `Largest gap between rate and rule: ${sci(ex.maxGap)} (at x = ${ex.argMaxGap})`,
    ];
    return {
      lines,
      get figures() { return lesson01Figures(this.data); },
      exercises,
      data: {
        x: main.x,
        f: main.f,
        rate: main.rate,
        rule: main.rule,
        maxGap: main.maxGap,
        delta: DELTA,
        exercise: { x: ex.x, f: ex.f, rate: ex.rate, rule: ex.rule, maxGap: ex.maxGap },
      },
    };
  },
};
