/**
 * The hard-margin SVM of lesson 7, solved exactly: for tiny separable sets, find the multipliers
 * by the KKT conditions in rational arithmetic.
 *
 *   primal  min ½‖w‖²  s.t.  y_i (w·x_i + b) ≥ 1
 *   KKT     w = Σ α_i y_i x_i,  Σ α_i y_i = 0,  α_i ≥ 0,  α_i (y_i(w·x_i + b) − 1) = 0
 *
 * Guess the active set S (the support vectors): on S the constraints hold with equality, so
 *   Σ_{j∈S} α_j y_i y_j x_i·x_j + y_i b = 1  (i ∈ S),   Σ_{j∈S} α_j y_j = 0
 * is a square linear system. A guess is right when its α ≥ 0 and every other point satisfies
 * its constraint. Some optimal α has at most d + 1 nonzero entries (a vertex of the dual's
 * optimal face), so sets are tried smallest first, in index order, up to size d + 1.
 */
import { DomainError, LimitError } from '../core/errors.js';
import * as Q from '../core/rational.js';
import type { Rational } from '../core/rational.js';
import { encodeLabels, flattenX, type SvmLabel, type SvmMatrix } from './validate.js';

/** The exact maximum-margin separator and its multipliers. */
export interface HardMarginResult {
  /** Normal of the separating line, w = Σ α_i y_i x_i. */
  w: number[];
  /** Offset: the line is w·x + b = 0. */
  b: number;
  /** α_i ≥ 0 for every point, in input order (0 where the constraint is inactive). */
  alpha: number[];
  /** Whether point i's constraint y_i(w·x_i + b) ≥ 1 holds with equality and α_i > 0. */
  active: boolean[];
  /** Indices of the support vectors in scikit-learn's order (class by class, index order). */
  support: number[];
  /** y_i α_i for the support vectors, same order (scikit-learn's `dual_coef_`). */
  dualCoef: number[];
  /** 1/‖w‖: the distance from the line to the closest points. */
  margin: number;
  /** ‖w‖² (lesson 7's objective a² + b²). */
  objective: number;
  /** The two classes, sorted; y = +1 means classes[1]. */
  classes: [SvmLabel, SvmLabel];
  /** The same numbers as exact fractions ('4/9'). */
  exact: { w: string[]; b: string; alpha: string[]; objective: string };
}

/**
 * Largest number of candidate active sets tried before refusing.
 *
 * @example
 * HARD_MARGIN_MAX_SETS // → 200000 (hardMarginSvm throws ArgumentError when it would need more sets)
 */
export const HARD_MARGIN_MAX_SETS = 200_000;

/** Solve A z = r exactly (Gauss–Jordan with nonzero pivots); null when singular. */
function solveExact(A: Rational[][], r: Rational[]): Rational[] | null {
  const m = r.length;
  const M = A.map((row, i) => [...row, r[i]!]);
  for (let c = 0; c < m; c++) {
    let p = c;
    while (p < m && Q.isZero(M[p]![c]!)) p++;
    if (p === m) return null;
    [M[c], M[p]] = [M[p]!, M[c]!];
    const piv = M[c]!;
    const inv = Q.inv(piv[c]!);
    for (let k = c; k <= m; k++) piv[k] = Q.mul(piv[k]!, inv);
    for (let i = 0; i < m; i++) {
      if (i === c || Q.isZero(M[i]![c]!)) continue;
      const f = M[i]![c]!;
      const row = M[i]!;
      for (let k = c; k <= m; k++) row[k] = Q.sub(row[k]!, Q.mul(f, piv[k]!));
    }
  }
  return M.map((row) => row[m]!);
}

/**
 * The hard-margin (C = ∞) linear SVM, exactly. For tiny, linearly separable sets (lesson 7).
 * Labels are any two values; the larger one is the +1 class, as in scikit-learn.
 *
 * @example
 * const r = hardMarginSvm([[0, 0], [1, 2], [2, 1]], [-1, 1, 1]);
 * r.exact.alpha; // → ['4/9', '2/9', '2/9']
 * r.w           // → ≈ [2/3, 2/3]
 * r.b           // → -1
 * r.margin      // → 1.0606601717798212
 */
export function hardMarginSvm(X: SvmMatrix, y: ArrayLike<SvmLabel>): HardMarginResult {
  const { data, n, d } = flattenX(X);
  const { classes, index } = encodeLabels(y, n);
  const xs: Rational[][] = [];
  for (let i = 0; i < n; i++) xs.push(Array.from(data.subarray(i * d, i * d + d), (v) => Q.fromNumberExact(v)));
  const ys = Array.from(index, (c) => (c === 1 ? 1n : -1n));
  const dot = (a: Rational[], b: Rational[]): Rational => a.reduce((s, v, k) => Q.add(s, Q.mul(v, b[k]!)), Q.ZERO);
  const gram: Rational[][] = xs.map((a) => xs.map((b) => dot(a, b)));

  const maxSize = Math.min(n, d + 1);
  // Count candidate sets first so a too-large problem is refused before any work.
  let total = 0;
  for (let k = 2, c = (n * (n - 1)) / 2; k <= maxSize; k++, c = (c * (n - k + 1)) / k) total += c;
  if (total > HARD_MARGIN_MAX_SETS) {
    throw new LimitError(`hardMarginSvm tries every active set up to size d+1: ${Math.round(total)} sets for n=${n}, d=${d} is over ${HARD_MARGIN_MAX_SETS}; use new SVC({ kernel: 'linear', C: 1e6 })`);
  }

  const S: number[] = [];
  const tryS = (): Rational[] | null => {
    const m = S.length;
    let pos = 0;
    for (const i of S) if (ys[i]! > 0n) pos++;
    if (pos === 0 || pos === m) return null; // Σ α y = 0 needs both classes
    const A: Rational[][] = [];
    const r: Rational[] = [];
    for (const i of S) {
      const row = S.map((j) => Q.mul(Q.rational(ys[i]! * ys[j]!), gram[i]![j]!));
      row.push(Q.rational(ys[i]!));
      A.push(row);
      r.push(Q.ONE);
    }
    A.push([...S.map((j) => Q.rational(ys[j]!)), Q.ZERO]);
    r.push(Q.ZERO);
    const z = solveExact(A, r);
    if (!z) return null;
    for (let k = 0; k < m; k++) if (Q.sign(z[k]!) < 0) return null;
    const w: Rational[] = new Array(d).fill(Q.ZERO);
    S.forEach((j, k) => {
      const c = Q.mul(z[k]!, Q.rational(ys[j]!));
      for (let t = 0; t < d; t++) w[t] = Q.add(w[t]!, Q.mul(c, xs[j]![t]!));
    });
    const b = z[m]!;
    for (let i = 0; i < n; i++) {
      const f = Q.mul(Q.rational(ys[i]!), Q.add(dot(w, xs[i]!), b));
      if (Q.cmp(f, Q.ONE) < 0) return null;
    }
    return [...z, ...w];
  };
  // Depth-first over index-ordered sets of one size; on success S is left holding the set.
  let sol: Rational[] | null = null;
  const search = (start: number, size: number): boolean => {
    if (S.length === size) return (sol = tryS()) !== null;
    for (let i = start; i <= n - (size - S.length); i++) {
      S.push(i);
      if (search(i + 1, size)) return true;
      S.pop();
    }
    return false;
  };
  for (let size = 2; size <= maxSize; size++) if (search(0, size)) break;
  const set = [...S];
  const solution = sol as Rational[] | null;
  if (!solution) {
    throw new DomainError('the classes are not linearly separable, so no hard margin exists; use new SVC({ kernel, C }) for a soft margin');
  }
  const m = set.length;
  const alphaQ: Rational[] = new Array(n).fill(Q.ZERO);
  set.forEach((i, k) => (alphaQ[i] = solution[k]!));
  const bQ = solution[m]!;
  const wQ = solution.slice(m + 1);
  const normW2 = dot(wQ, wQ);
  const alpha = alphaQ.map(Q.toNumber);
  const active = alphaQ.map((a) => Q.sign(a) > 0);
  const support = [...index.keys()].filter((i) => active[i] && index[i] === 0).concat([...index.keys()].filter((i) => active[i] && index[i] === 1));
  return {
    w: wQ.map(Q.toNumber),
    b: Q.toNumber(bQ),
    alpha,
    active,
    support,
    dualCoef: support.map((i) => (index[i] === 1 ? alpha[i]! : -alpha[i]!)),
    margin: 1 / Math.sqrt(Q.toNumber(normW2)),
    objective: Q.toNumber(normW2),
    classes,
    exact: { w: wQ.map(Q.toString), b: Q.toString(bQ), alpha: alphaQ.map(Q.toString), objective: Q.toString(normW2) },
  };
}
