/**
 * The SMO solver's inner loops (see smo.ts), as top-level functions of typed arrays so that the
 * JIT keeps everything in registers. Positions are the solver's (permuted by shrinking).
 */
import { EXP_INV_STEP, EXP_ROUND, EXP_SPAN, EXP_STEP, EXP_TABLE } from './kernels.js';

/** Denominator floor for a non-positive curvature a_ij (non-PSD kernels). */
export const TAU = 1e-12;
/** α_t status codes: at 0, at C, strictly between. */
export const LOWER = 0;
export const UPPER = 1;
export const FREE = 2;

/** i = argmax_{t ∈ I_up} −y_t G_t (last index on ties, as libsvm); out[0] = that maximum. */
export function findMaxViolator(n: number, y: Int8Array, status: Int8Array, G: Float64Array, out: Float64Array): number {
  let Gmax = -Infinity;
  let idx = -1;
  for (let t = 0; t < n; t++) {
    if (y[t] === 1) {
      if (status[t] !== UPPER) {
        const v = -G[t]!;
        if (v >= Gmax) {
          Gmax = v;
          idx = t;
        }
      }
    } else if (status[t] !== LOWER) {
      const v = G[t]!;
      if (v >= Gmax) {
        Gmax = v;
        idx = t;
      }
    }
  }
  out[0] = Gmax;
  return idx;
}

/**
 * j = argmin over t ∈ I_low with b_it = Gmax + y_t G_t > 0 of −b_it²/a_it, a_it = K_ii + K_tt − 2K_it
 * (y_i y_t Q_it = K_it). out[1] = max_{I_low} y_t G_t (for the gap). −1 when no t qualifies.
 *
 * Branch-light form: t ∈ I_low ⇔ status_t ≠ lowOut_t, where lowOut_t = LOWER for y_t = +1 and
 * UPPER for y_t = −1 (fixed per variable), and the label enters as the double ys_t = ±1, so the
 * two label cases share one body (multiplying by ±1 is exact: same values as a case split).
 */
export function findSecondOrder(
  n: number,
  i: number,
  Gmax: number,
  ys: Float64Array,
  lowOut: Int8Array,
  status: Int8Array,
  G: Float64Array,
  QD: Float64Array,
  Qi: Float32Array,
  out: Float64Array,
): number {
  const tau = 1e-12; // = TAU
  const yi2 = 2 * ys[i]!;
  const QDi = QD[i]!;
  let Gmax2 = -Infinity;
  let best = -1;
  let objMin = Infinity;
  for (let j = 0; j < n; j++) {
    if (status[j] !== lowOut[j]) {
      const yj = ys[j]!;
      const yG = yj * G[j]!;
      if (yG >= Gmax2) Gmax2 = yG;
      const gradDiff = Gmax + yG;
      if (gradDiff > 0) {
        const quad = QDi + QD[j]! - yi2 * yj * Qi[j]!;
        // τ as a local literal: `quad > 0 ? quad : TAU` with the module constant made V8 box every
        // quad into a heap number (8 MB of garbage per 10k-point fit).
        const obj = -(gradDiff * gradDiff) / (quad > 0 ? quad : tau);
        if (obj <= objMin) {
          best = j;
          objMin = obj;
        }
      }
    }
  }
  out[1] = Gmax2;
  return best;
}

/** −y_t G_t if t ∈ I_up, else −∞. */
export function violation(t: number, y: Int8Array, status: Int8Array, G: Float64Array): number {
  if (y[t] === 1) return status[t] !== UPPER ? -G[t]! : -Infinity;
  return status[t] !== LOWER ? G[t]! : -Infinity;
}

/**
 * G += Q_i Δα_i + Q_j Δα_j on the active positions, and in the same pass the maximal violator
 * argmax_{t ∈ I_up, t ≠ i, j} −y_t G_t (last index on ties; out[0] = the maximum), saving the
 * next working-set selection one sweep over memory. t ∈ I_up ⇔ status_t ≠ 1 − lowOut_t (see
 * findSecondOrder).
 */
export function updateGradientFindMax(
  G: Float64Array,
  Qi: Float32Array,
  Qj: Float32Array,
  dai: number,
  daj: number,
  n: number,
  ys: Float64Array,
  lowOut: Int8Array,
  status: Int8Array,
  i: number,
  j: number,
  out: Float64Array,
): number {
  let Gmax = -Infinity;
  let idx = -1;
  for (let k = 0; k < n; k++) {
    // libsvm's association, G + (ΔG), so that the iterates are its iterates bit for bit.
    const g = G[k]! + (Qi[k]! * dai + Qj[k]! * daj);
    G[k] = g;
    if (status[k] !== 1 - lowOut[k]!) {
      const v = -ys[k]! * g;
      if (v >= Gmax && k !== i && k !== j) {
        Gmax = v;
        idx = k;
      }
    }
  }
  out[0] = Gmax;
  return idx;
}

/** v += c·Q */
export function addScaled(v: Float64Array, Q: Float32Array, c: number, n: number): void {
  for (let k = 0; k < n; k++) v[k] = v[k]! + c * Q[k]!;
}

/**
 * Column i of Q for the rbf kernel on 2-D data (the common case), unrolled:
 *   Q_ik = y_i y_k exp(−γ‖x_i‖² − γ‖x_k‖² + 2γ x_i·x_k)
 * with `nsq` = −γ‖x‖² and the factor 2γ applied once to x_i, so each entry costs two
 * multiply-adds and one table exp (EXP_TABLE, see kernels.ts). `ys` holds the labels as doubles.
 */
export function fillRbf2(i: number, col: Float32Array, start: number, len: number, X: Float64Array, ys: Float64Array, nsq: Float64Array, gamma: number): void {
  const yi = ys[i]!;
  const g2 = 2 * gamma;
  const a0 = g2 * X[2 * i]!;
  const a1 = g2 * X[2 * i + 1]!;
  const base = nsq[i]!;
  for (let k = start; k < len; k++) {
    let x = base + nsq[k]! + a0 * X[2 * k]! + a1 * X[2 * k + 1]!;
    if (x > 0) x = 0; // −γ‖x_i − x_k‖² ≤ 0; rounding can leave +1e-16
    const kf = x * EXP_INV_STEP + EXP_ROUND - EXP_ROUND;
    const t = kf | 0;
    let e: number;
    if (t >= -EXP_SPAN) {
      const r = x - kf * EXP_STEP;
      e = (1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24))))) * EXP_TABLE[t + EXP_SPAN]!;
    } else e = Math.exp(x);
    col[k] = yi * ys[k]! * e;
  }
}

/**
 * The two-variable step along a direction with gradient `grad` and curvature `quad`: grad/quad.
 * With no curvature (duplicate points with opposite labels give quad = 0) the objective is
 * linear along the direction, so the minimizer is the box bound: an infinite step, which the
 * clipping turns into exactly that bound. libsvm divides by τ = 1e−12 instead, which with a
 * huge C (1e300) creeps toward the bound by 1e12 per iteration and never arrives.
 */
export function step(grad: number, quad: number): number {
  if (quad > TAU) return grad / quad;
  return grad > 0 ? Infinity : grad < 0 ? -Infinity : 0;
}

/** Exchange entries i and j of a typed array (the per-variable state follows its variable). */
export function swapEntries(a: { [k: number]: number }, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * ρ: the average of y_i G_i over free variables (where the KKT conditions pin it), else the
 * middle of the interval the bounded ones allow.
 */
export function computeRho(activeSize: number, y: Int8Array, G: Float64Array, status: Int8Array): number {
  let nFree = 0;
  let sumFree = 0;
  let ub = Infinity;
  let lb = -Infinity;
  for (let i = 0; i < activeSize; i++) {
    const yG = y[i]! * G[i]!;
    if (status[i] === UPPER) {
      if (y[i] === -1) ub = Math.min(ub, yG);
      else lb = Math.max(lb, yG);
    } else if (status[i] === LOWER) {
      if (y[i] === 1) ub = Math.min(ub, yG);
      else lb = Math.max(lb, yG);
    } else {
      nFree++;
      sumFree += yG;
    }
  }
  return nFree > 0 ? sumFree / nFree : (ub + lb) / 2;
}

/** f(α) = ½ αᵀ(G − p) + pᵀα with p = −e  ⇒  Σ α_i (G_i − 1) / 2. */
export function dualObjective(alpha: Float64Array, G: Float64Array, l: number): number {
  let objective = 0;
  for (let i = 0; i < l; i++) objective += alpha[i]! * (G[i]! - 1);
  return objective / 2;
}
