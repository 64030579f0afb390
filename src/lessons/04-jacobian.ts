/**
 * Lesson 04 — the Jacobian: the listing's f(x, y) = (2xy, x²y) with its Jacobian printed 2-D
 * exactly as SymPy's pprint shows it, then the exercise's three sigmoids σ(px+qy), σ(rx+sy),
 * σ(tx+uy): their Jacobian (pretty), the σᵢ(1−σᵢ)·(coefficients) check, and a numeric check
 * against central finite differences.
 */
import { pyRepr } from '../core/format.js';
import { numericJacobian } from '../numeric/index.js';
import { jacobian, lambdify, parse, pretty, toString, type SymMatrix } from '../symbolic/index.js';
import type { Exercise, Lesson, LessonRun } from './types.js';

/** The listing: J of (2xy, x²y) with respect to (x, y). 
 * @example
 * pretty(listingJacobian()) // →
 * // ⎡ 2⋅y   2⋅x⎤
 * // ⎢          ⎥
 * // ⎢        2 ⎥
 * // ⎣2⋅x⋅y  x  ⎦
 */
export function listingJacobian(): SymMatrix {
  return jacobian(['2*x*y', 'x^2*y'], ['x', 'y']);
}

const SIGMOIDS = ['1/(1+exp(-(p*x+q*y)))', '1/(1+exp(-(r*x+s*y)))', '1/(1+exp(-(t*x+u*y)))'];
/** Constants and the point used for the numeric check. */
const CONSTANTS = { p: 0.5, q: -1.2, r: 2.0, s: 0.3, t: -0.7, u: 1.1 };
const POINT: [number, number] = [0.4, -0.9];

/** The exercise's Jacobian, symbolic in x, y and the constants p…u. @example sigmoidJacobian().rows // → 3 */
export function sigmoidJacobian(): SymMatrix {
  return jacobian(SIGMOIDS, ['x', 'y']);
}

/** Largest |symbolic − finite-difference| entry of the sigmoid Jacobian at POINT. @example sigmoidCheck().maxError < 1e-8 // → true (symbolic vs central differences) */
export function sigmoidCheck(): { symbolic: number[][]; numeric: number[][]; maxError: number; rowRule: number } {
  const J = sigmoidJacobian().subs(CONSTANTS);
  const symbolic = J.evaluate({ x: POINT[0], y: POINT[1] });
  const f = lambdify(SIGMOIDS.map((s) => parse(s)), ['x', 'y', 'p', 'q', 'r', 's', 't', 'u']);
  const c = CONSTANTS;
  const fd = numericJacobian((v) => f(v[0]!, v[1]!, c.p, c.q, c.r, c.s, c.t, c.u), POINT);
  const numeric: number[][] = [];
  for (let i = 0; i < fd.rows; i++) numeric.push(Array.from(fd.data.subarray(i * fd.cols, (i + 1) * fd.cols)));
  let maxError = 0;
  symbolic.forEach((row, i) => row.forEach((v, j) => (maxError = Math.max(maxError, Math.abs(v - numeric[i]![j]!)))));
  // Row i is σᵢ(1 − σᵢ)·(coefficient of x, coefficient of y).
  const coeffs: Array<[number, number]> = [
    [c.p, c.q],
    [c.r, c.s],
    [c.t, c.u],
  ];
  let rowRule = 0;
  coeffs.forEach(([a, b], i) => {
    const z = a * POINT[0] + b * POINT[1];
    const sg = 1 / (1 + Math.exp(-z));
    rowRule = Math.max(rowRule, Math.abs(sg * (1 - sg) * a - symbolic[i]![0]!), Math.abs(sg * (1 - sg) * b - symbolic[i]![1]!));
  });
  return { symbolic, numeric, maxError, rowRule };
}

/** Lesson 04 (Jacobians): the listing, the sigmoid exercise and its numeric check. @example lesson04.run().lines[0] */
export const lesson04: Lesson = {
  id: 4,
  slug: 'jacobian',
  title: 'Jacobian',
  run(): LessonRun {
    const J = listingJacobian();
    const lines = pretty(J).split('\n');
    const S = sigmoidJacobian();
    const check = sigmoidCheck();
    const fmtRow = (r: number[]): string => `[${r.map((v) => pyRepr(v)).join(', ')}]`;
    lines.push(
      '',
      'Exercise: f(x, y) = (σ(px+qy), σ(rx+sy), σ(tx+uy)), σ(z) = 1/(1+e^-z)',
      ...pretty(S).split('\n'),
      '',
      `Numeric check at (x, y) = (${POINT.join(', ')}) with ${Object.entries(CONSTANTS).map(([k, v]) => `${k}=${v}`).join(', ')}:`,
      ...check.symbolic.map((r, i) => `  symbolic ${fmtRow(r)}   finite differences ${fmtRow(check.numeric[i]!)}`),
      `  max |symbolic - finite differences| = ${check.maxError.toExponential(2)}`,
      `  max |row_i - σ_i(1-σ_i)·(coefficients)| = ${check.rowRule.toExponential(2)}`,
    );
    const exercises: Exercise[] = [
      {
        id: '04-sigmoid-row1',
        prompt: 'Differentiate σ(px+qy) = 1/(1+e^-(px+qy)) with respect to x (row 1, column 1 of the Jacobian).',
        answer: toString(S.get(0, 0)),
        kind: 'symbolic',
        variables: ['x', 'y', 'p', 'q'],
        hints: ['Chain rule: d/dx σ(z) = σ(z)(1 − σ(z))·dz/dx.', 'dz/dx = p.'],
        solution: 'p·e^(−px−qy)/(e^(−px−qy)+1)², which is σ(1−σ)·p.',
      },
    ];
    return {
      lines,
      figures: [],
      exercises,
      data: {
        listing: J.toRows().map((r) => r.map(toString)),
        sigmoid: S.toRows().map((r) => r.map(toString)),
        check,
      },
    };
  },
};
