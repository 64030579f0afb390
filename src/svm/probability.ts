/**
 * Probabilities from SVM decision values, as libsvm computes them (and so scikit-learn's
 * `SVC(probability=True)`):
 *
 * - Platt scaling: P(y = +1 | f) = 1 / (1 + exp(A·f + B)), with A, B minimising the cross-entropy
 *   against regularised targets t₊ = (N₊+1)/(N₊+2), t₋ = 1/(N₋+2), by Newton's method with a
 *   backtracking line search (Lin, Lin & Weng, "A note on Platt's probabilistic outputs", 2007);
 * - the decision values Platt is fitted to come from 5-fold cross-validation, folds drawn by
 *   libsvm's shuffle (see libsvm-random.ts);
 * - k classes: the pairwise probabilities r_ij are coupled into p by method 2 of Wu, Lin & Weng
 *   (JMLR 5, 2004): min ½ pᵀQp subject to Σp = 1, Q_tt = Σ_{j≠t} r_jt², Q_tj = −r_jt r_tj.
 */

/** Platt's A and B for decision values `f` and labels ±1 (positive label = class with f > 0). @example sigmoidTrain(Float64Array.of(-2, -1, 1, 2), Int8Array.of(-1, -1, 1, 1)).A < 0 // → true (P(+1) grows with f) */
export function sigmoidTrain(f: Float64Array, y: Int8Array): { A: number; B: number } {
  const l = f.length;
  let nPos = 0;
  for (let i = 0; i < l; i++) if (y[i]! > 0) nPos++;
  const nNeg = l - nPos;
  const hi = (nPos + 1) / (nPos + 2);
  const lo = 1 / (nNeg + 2);
  const t = new Float64Array(l);
  for (let i = 0; i < l; i++) t[i] = y[i]! > 0 ? hi : lo;
  // Cross-entropy Σ t·z + log(1 + e^−z) with z = A f + B, written to never overflow.
  const objective = (A: number, B: number): number => {
    let v = 0;
    for (let i = 0; i < l; i++) {
      const z = f[i]! * A + B;
      v += z >= 0 ? t[i]! * z + Math.log(1 + Math.exp(-z)) : (t[i]! - 1) * z + Math.log(1 + Math.exp(z));
    }
    return v;
  };
  let A = 0;
  let B = Math.log((nNeg + 1) / (nPos + 1));
  let fval = objective(A, B);
  const sigma = 1e-12; // keeps the Hessian strictly positive definite
  for (let iter = 0; iter < 100; iter++) {
    let h11 = sigma;
    let h22 = sigma;
    let h21 = 0;
    let g1 = 0;
    let g2 = 0;
    for (let i = 0; i < l; i++) {
      const z = f[i]! * A + B;
      // p = 1/(1 + e^z) and q = 1 − p, each from the side that does not cancel.
      let p: number;
      let q: number;
      if (z >= 0) {
        const e = Math.exp(-z);
        p = e / (1 + e);
        q = 1 / (1 + e);
      } else {
        const e = Math.exp(z);
        p = 1 / (1 + e);
        q = e / (1 + e);
      }
      const w = p * q;
      h11 += f[i]! * f[i]! * w;
      h22 += w;
      h21 += f[i]! * w;
      const r = t[i]! - p;
      g1 += f[i]! * r;
      g2 += r;
    }
    if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) break;
    const det = h11 * h22 - h21 * h21;
    const dA = -(h22 * g1 - h21 * g2) / det;
    const dB = -(-h21 * g1 + h11 * g2) / det;
    const gd = g1 * dA + g2 * dB;
    let step = 1;
    while (step >= 1e-10) {
      const nA = A + step * dA;
      const nB = B + step * dB;
      const nf = objective(nA, nB);
      if (nf < fval + 1e-4 * step * gd) {
        A = nA;
        B = nB;
        fval = nf;
        break;
      }
      step /= 2;
    }
    if (step < 1e-10) break; // the line search failed: keep the last good point
  }
  return { A, B };
}

/** 1/(1 + exp(A f + B)), from the side that does not cancel. @example sigmoidPredict(0, -1, 0) // → 0.5 */
export function sigmoidPredict(f: number, A: number, B: number): number {
  const z = f * A + B;
  return z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
}

/** Class probabilities from pairwise ones (`r[i][j]` = P(i | i or j), r[j][i] = 1 − r[i][j]). @example multiclassProbability([Float64Array.of(0, 0.5), Float64Array.of(0.5, 0)], 2) // → ≈ Float64Array [0.5, 0.5] */
export function multiclassProbability(r: Float64Array[], k: number): Float64Array {
  const p = new Float64Array(k).fill(1 / k);
  const Q = Array.from({ length: k }, () => new Float64Array(k));
  for (let t = 0; t < k; t++) {
    for (let j = 0; j < t; j++) {
      Q[t]![t] = Q[t]![t]! + r[j]![t]! * r[j]![t]!;
      Q[t]![j] = Q[j]![t]!;
    }
    for (let j = t + 1; j < k; j++) {
      Q[t]![t] = Q[t]![t]! + r[j]![t]! * r[j]![t]!;
      Q[t]![j] = -r[j]![t]! * r[t]![j]!;
    }
  }
  const Qp = new Float64Array(k);
  const eps = 0.005 / k;
  const maxIter = Math.max(100, k);
  for (let iter = 0; iter < maxIter; iter++) {
    // Optimality: (Qp)_t = pᵀQp for every t. Recomputed each sweep for accuracy.
    let pQp = 0;
    for (let t = 0; t < k; t++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += Q[t]![j]! * p[j]!;
      Qp[t] = s;
      pQp += p[t]! * s;
    }
    let maxError = 0;
    for (let t = 0; t < k; t++) maxError = Math.max(maxError, Math.abs(Qp[t]! - pQp));
    if (maxError < eps) break;
    for (let t = 0; t < k; t++) {
      // Move p_t to satisfy its condition, then renormalise p (and Qp, pQp with it).
      const diff = (-Qp[t]! + pQp) / Q[t]![t]!;
      p[t] = p[t]! + diff;
      pQp = (pQp + diff * (diff * Q[t]![t]! + 2 * Qp[t]!)) / (1 + diff) / (1 + diff);
      for (let j = 0; j < k; j++) {
        Qp[j] = (Qp[j]! + diff * Q[t]![j]!) / (1 + diff);
        p[j] = p[j]! / (1 + diff);
      }
    }
  }
  return p;
}

/** Pairwise probabilities are kept in [1e−7, 1 − 1e−7] before coupling (libsvm's min_prob). */
export const MIN_PAIR_PROB = 1e-7;
