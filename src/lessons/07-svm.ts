/**
 * Lesson 07 — the maximum-margin line as constrained optimization. For points xᵢ with labels
 * yᵢ ∈ {−1, +1}, find the line a·x₁ + b·x₂ + c = 0 that minimises a² + b² subject to
 * yᵢ(a·xᵢ₁ + b·xᵢ₂ + c) − 1 ≥ 0 (every point on its side, outside the margin), bounds [−10, 10],
 * from (1, 1, 1), by SLSQP — the listing's problem. The Lagrange multipliers say which constraints
 * hold the line in place: added points whose constraints are inactive (multiplier 0) change nothing.
 */
import { ArgumentError, ShapeError } from '../core/errors.js';
import { numpyArrayString, pyRepr } from '../core/format.js';
import { minimize, type Constraint, type OptimizeResult } from '../optimize/index.js';
import type { Exercise, Lesson, LessonRun } from './types.js';
import { lesson07Figures } from './figures/lesson-07.js';
import { svmView } from './07-svm-view.js';

/** The listing's points: (0,0) in class −1; (1,2), (2,1) in class +1. */
export const MARGIN_POINTS = { X: [[0, 0], [1, 2], [2, 1]], y: [-1, 1, 1] };
/** The exercise adds (−1,−1), (−3,−1) to class −1 and (3,3) to class +1. */
export const MARGIN_EXERCISE_POINTS = {
  X: [[0, 0], [1, 2], [2, 1], [-1, -1], [-3, -1], [3, 3]],
  y: [-1, 1, 1, -1, -1, 1],
};

/** The solved margin problem for a labelled point set. */
export interface MarginSolution {
  result: OptimizeResult;
  /** (a, b): the line's normal. */
  w: [number, number];
  /** c: the intercept. */
  b: number;
  /** Multipliers λᵢ ≥ 0, one per point (0 = inactive constraint). */
  multipliers: number[];
  /** yᵢ(w·xᵢ + c) − 1 at the solution: 0 on the margin, > 0 outside it. */
  slack: number[];
}

/** Round away solver noise (|v| < 1e-9 → 0) for printing, and never print −0. */
const clean = (v: number): number => (Math.abs(v) < 1e-9 ? 0 : v);

/**
 * Minimise a² + b² s.t. yᵢ(a·xᵢ₁ + b·xᵢ₂ + c) ≥ 1, a, b, c ∈ [−10, 10], from (1, 1, 1), by SLSQP.
 *
 * @example
 * const s = maxMarginLine(MARGIN_POINTS.X, MARGIN_POINTS.y);
 * s.result.fun // → ≈ 8/9
 * s.w // → ≈ [2/3, 2/3]
 * s.b // → ≈ -1
 */
export function maxMarginLine(X: number[][], y: number[]): MarginSolution {
  // Bad points would only reach SLSQP as NaN constraints (status 3) or, with none, a "solved" w = 0.
  if (X.length === 0) throw new ArgumentError('maxMarginLine: no points');
  if (X.length !== y.length) throw new ShapeError(`maxMarginLine: ${X.length} points but ${y.length} labels`);
  X.forEach((p, i) => {
    if (p.length !== 2 || !p.every(Number.isFinite)) throw new ArgumentError(`maxMarginLine: point ${i} must be two finite numbers, got [${p.join(', ')}]`);
    if (y[i] !== 1 && y[i] !== -1) throw new ArgumentError(`maxMarginLine: label ${i} must be −1 or +1, got ${y[i]}`);
  });
  const constraints: Constraint[] = X.map((p, i) => ({
    type: 'ineq',
    fun: (w: Float64Array) => y[i]! * (w[0]! * p[0]! + w[1]! * p[1]! + w[2]!) - 1,
  }));
  const result = minimize((w) => w[0]! ** 2 + w[1]! ** 2, [1, 1, 1], {
    method: 'slsqp',
    bounds: [[-10, 10], [-10, 10], [-10, 10]],
    constraints,
  });
  const [a, b, c] = result.x as unknown as [number, number, number];
  return {
    result,
    w: [a, b],
    b: c,
    multipliers: Array.from(result.multipliers ?? []),
    slack: X.map((p, i) => y[i]! * (a * p[0]! + b * p[1]! + c) - 1),
  };
}

const point = (p: number[]): string => `(${p.join(',')})`;

const exercises: Exercise[] = [
  {
    id: '07-six-points',
    prompt: 'Add (−1,−1) and (−3,−1) to class −1 and (3,3) to class +1, and solve again. What is the minimum of a² + b²?',
    answer: 8 / 9,
    kind: 'numeric',
    tolerance: 1e-6,
    hints: [
      'Check each new point against the old line (2/3)x₁ + (2/3)x₂ − 1: is yᵢ·(line) ≥ 1 already?',
      'A constraint that already holds with room to spare cannot change the optimum: its multiplier is 0.',
    ],
    solution:
      'The same 8/9 at a = b = 2/3, c = −1: the new points lie outside the margin (yᵢ·(line) − 1 = 4/3, 8/3, 2), their constraints are inactive and their multipliers 0, so the solution does not move.',
  },
  {
    id: '07-multipliers',
    prompt: 'Which points have a nonzero Lagrange multiplier in the six-point problem?',
    answer: '(0,0), (1,2), (2,1)',
    kind: 'choice',
    hints: ['Nonzero multipliers belong to active constraints: points exactly on the margin.'],
    solution: 'The three original points: they are the support vectors; λ = (8/9, 4/9, 4/9) and 0 for the new points.',
  },
];

/** Lesson 07 as data. */
export const lesson07: Lesson = {
  id: 7,
  slug: 'svm',
  title: 'Support vector machine',
  run(): LessonRun {
    const main = maxMarginLine(MARGIN_POINTS.X, MARGIN_POINTS.y);
    const ex = maxMarginLine(MARGIN_EXERCISE_POINTS.X, MARGIN_EXERCISE_POINTS.y);
    const newIdx = [3, 4, 5];
    const same = ex.result.x.every((v, i) => Math.abs(v - main.result.x[i]!) < 1e-6);
    const lines = [
      `Objective: ${pyRepr(main.result.fun)}`,
      `Solution: ${numpyArrayString(main.result.x)}`,
      `Multipliers: ${numpyArrayString(main.multipliers.map(clean), 4)}  (points ${MARGIN_POINTS.X.map(point).join(', ')}: all three constraints active)`,
      'Exercise: add (-1,-1), (-3,-1) to class -1 and (3,3) to class +1',
      `Objective: ${pyRepr(ex.result.fun)}`,
      `Solution: ${numpyArrayString(ex.result.x)}`,
      `Multipliers: ${numpyArrayString(ex.multipliers.map(clean), 4)}`,
      same
        ? `The same line: the new points ${newIdx.map((i) => point(MARGIN_EXERCISE_POINTS.X[i]!)).join(', ')} lie outside the margin ` +
          `(y(a x1 + b x2 + c) - 1 = ${newIdx.map((i) => clean(ex.slack[i]!).toFixed(4)).join(', ')} > 0), so their constraints are inactive, ` +
          'their multipliers are 0 and the solution does not move.'
        : 'The line moved: some new point lies inside the old margin.',
    ];
    // The same problem seen as an SVM: its dual, the multipliers alpha, the margin, and SMO.
    const svm = svmView();
    lines.push('', ...svm.lines);
    return {
      lines,
      get figures() { return lesson07Figures(this.data); },
      exercises,
      data: {
        points: MARGIN_POINTS.X,
        labels: MARGIN_POINTS.y,
        w: main.w,
        b: main.b,
        objective: main.result.fun,
        multipliers: main.multipliers,
        slack: main.slack,
        nit: main.result.nit,
        nfev: main.result.nfev,
        success: main.result.success,
        exercise: {
          points: MARGIN_EXERCISE_POINTS.X,
          labels: MARGIN_EXERCISE_POINTS.y,
          w: ex.w,
          b: ex.b,
          objective: ex.result.fun,
          multipliers: ex.multipliers,
          slack: ex.slack,
          unchanged: same,
        },
        svm: svm.data,
      },
    };
  },
};
