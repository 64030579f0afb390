/**
 * Dual coordinate descent for the L2-regularised linear SVM, the method of liblinear (Hsieh,
 * Chang, Lin, Keerthi & Sundararajan, ICML 2008, Algorithm 3). Written from the paper.
 *
 *   min_α  ½ αᵀ(Q + D)α − eᵀα,   0 ≤ α_i ≤ U_i,   Q_ij = y_i y_j x_iᵀx_j,   w = Σ y_i α_i x_i
 *
 *   hinge (L1 loss):          U_i = C_i, D_ii = 0
 *   squared hinge (L2 loss):  U_i = ∞,   D_ii = 1/(2C_i)
 *
 * Each epoch visits the active coordinates in a random order; coordinate i moves to the exact
 * minimiser along it, α_i ← clip(α_i − G_i/(Q_ii + D_ii)), with G_i = y_i wᵀx_i − 1 + D_ii α_i,
 * and w follows in O(d). Shrinking: a coordinate at a bound whose projected gradient points out of
 * the box by more than last epoch's extreme violation is set aside until the end, when everything
 * is checked once more. Stop when max PG − min PG ≤ eps over a full pass.
 *
 * With `bias` > 0 every sample carries one more feature equal to `bias` (liblinear's intercept,
 * regularised like the other weights); w then has d + 1 entries.
 */
import type { LibsvmRandom } from './libsvm-random.js';

/** A binary problem for {@link dcdSolve}: rows of X (d features each) by index. */
export interface DcdProblem {
  X: Float64Array;
  d: number;
  /** Which rows, in the solver's order. */
  rows: Int32Array;
  /** ±1 per position. */
  y: Int8Array;
  /** C_i per position (C · class weight · sample weight). */
  C: Float64Array;
  loss: 'hinge' | 'squared_hinge';
  /** Intercept feature value (≤ 0: no intercept). */
  bias: number;
  eps: number;
  maxIter: number;
  rng: LibsvmRandom;
  /** Called after each epoch with the epoch count. */
  onEpoch?: (epoch: number) => void;
}

/**
 * Solve one binary linear SVM by dual coordinate descent: w (d entries, then the bias weight when
 * bias > 0) and the epochs taken.
 * @example
 * const { w } = dcdSolve({ X: Float64Array.of(0, 0, 2, 2), d: 2, rows: Int32Array.of(0, 1), y: Int8Array.of(-1, 1),
 *   C: Float64Array.of(1, 1), loss: 'hinge', bias: 1, eps: 1e-6, maxIter: 1000, rng: new LibsvmRandom(0) });
 * w.length // → 3 (two weights and the bias weight)
 * w[0]! * 2 + w[1]! * 2 + w[2]! > 0 // → true (the second point is on the + side)
 */
export function dcdSolve(p: DcdProblem): { w: Float64Array; nIter: number } {
  const { X, d, rows, y, bias, eps, maxIter, rng } = p;
  const l = rows.length;
  const hasBias = bias > 0;
  const w = new Float64Array(d + (hasBias ? 1 : 0));
  const diag = new Float64Array(l);
  const upper = new Float64Array(l);
  const QD = new Float64Array(l);
  const alpha = new Float64Array(l);
  const index = new Int32Array(l);
  for (let i = 0; i < l; i++) {
    const Ci = p.C[i]!;
    diag[i] = p.loss === 'hinge' ? 0 : 0.5 / Ci;
    upper[i] = p.loss === 'hinge' ? Ci : Infinity;
    let q = diag[i]!;
    const o = rows[i]! * d;
    for (let t = 0; t < d; t++) q += X[o + t]! * X[o + t]!;
    if (hasBias) q += bias * bias;
    QD[i] = q;
    index[i] = i;
  }
  let activeSize = l;
  let PGmaxOld = Infinity;
  let PGminOld = -Infinity;
  let iter = 0;
  while (iter < maxIter) {
    let PGmax = -Infinity;
    let PGmin = Infinity;
    for (let i = 0; i < activeSize; i++) {
      const j = i + rng.boundedInt(activeSize - i);
      const t = index[i]!;
      index[i] = index[j]!;
      index[j] = t;
    }
    for (let s = 0; s < activeSize; s++) {
      const i = index[s]!;
      const yi = y[i]!;
      const o = rows[i]! * d;
      let G = 0;
      for (let t = 0; t < d; t++) G += w[t]! * X[o + t]!;
      if (hasBias) G += w[d]! * bias;
      G = G * yi - 1;
      const C = upper[i]!;
      const a = alpha[i]!;
      G += a * diag[i]!;
      let PG = 0;
      if (a === 0) {
        if (G > PGmaxOld) {
          // At 0 and pushed further out: set aside.
          activeSize--;
          index[s] = index[activeSize]!;
          index[activeSize] = i;
          s--;
          continue;
        } else if (G < 0) PG = G;
      } else if (a === C) {
        if (G < PGminOld) {
          activeSize--;
          index[s] = index[activeSize]!;
          index[activeSize] = i;
          s--;
          continue;
        } else if (G > 0) PG = G;
      } else PG = G;
      if (PG > PGmax) PGmax = PG;
      if (PG < PGmin) PGmin = PG;
      if (Math.abs(PG) > 1e-12) {
        const next = Math.min(Math.max(a - G / QD[i]!, 0), C);
        alpha[i] = next;
        const delta = (next - a) * yi;
        for (let t = 0; t < d; t++) w[t] = w[t]! + delta * X[o + t]!;
        if (hasBias) w[d] = w[d]! + delta * bias;
      }
    }
    iter++;
    p.onEpoch?.(iter);
    if (PGmax - PGmin <= eps) {
      if (activeSize === l) break;
      // Optimal on the active set: bring every coordinate back and check again.
      activeSize = l;
      PGmaxOld = Infinity;
      PGminOld = -Infinity;
      continue;
    }
    PGmaxOld = PGmax <= 0 ? Infinity : PGmax;
    PGminOld = PGmin >= 0 ? -Infinity : PGmin;
  }
  return { w, nIter: iter };
}
