/**
 * The SMO solver's inner loops (see smo.ts), as top-level functions of typed arrays so that the
 * JIT keeps everything in registers. Positions are the solver's (permuted by shrinking).
 */
import { expFast } from './kernels.js';

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
 */
export function findSecondOrder(
  n: number,
  i: number,
  Gmax: number,
  y: Int8Array,
  status: Int8Array,
  G: Float64Array,
  QD: Float64Array,
  Qi: Float32Array,
  out: Float64Array,
): number {
  const yi = y[i]!;
  const QDi = QD[i]!;
  let Gmax2 = -Infinity;
  let best = -1;
  let objMin = Infinity;
  for (let j = 0; j < n; j++) {
    const Gj = G[j]!;
    if (y[j] === 1) {
      if (status[j] !== LOWER) {
        const gradDiff = Gmax + Gj;
        if (Gj >= Gmax2) Gmax2 = Gj;
        if (gradDiff > 0) {
          const quad = QDi + QD[j]! - 2 * yi * Qi[j]!;
          const obj = -(gradDiff * gradDiff) / (quad > 0 ? quad : TAU);
          if (obj <= objMin) {
            best = j;
            objMin = obj;
          }
        }
      }
    } else if (status[j] !== UPPER) {
      const gradDiff = Gmax - Gj;
      if (-Gj >= Gmax2) Gmax2 = -Gj;
      if (gradDiff > 0) {
        const quad = QDi + QD[j]! + 2 * yi * Qi[j]!;
        const obj = -(gradDiff * gradDiff) / (quad > 0 ? quad : TAU);
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
 * next working-set selection one sweep over memory.
 */
export function updateGradientFindMax(
  G: Float64Array,
  Qi: Float32Array,
  Qj: Float32Array,
  dai: number,
  daj: number,
  n: number,
  y: Int8Array,
  status: Int8Array,
  i: number,
  j: number,
  out: Float64Array,
): number {
  let Gmax = -Infinity;
  let idx = -1;
  for (let k = 0; k < n; k++) {
    const g = G[k]! + Qi[k]! * dai + Qj[k]! * daj;
    G[k] = g;
    if (y[k] === 1) {
      if (status[k] !== UPPER && -g >= Gmax && k !== i && k !== j) {
        Gmax = -g;
        idx = k;
      }
    } else if (status[k] !== LOWER && g >= Gmax && k !== i && k !== j) {
      Gmax = g;
      idx = k;
    }
  }
  out[0] = Gmax;
  return idx;
}

/** v += c·Q */
export function addScaled(v: Float64Array, Q: Float32Array, c: number, n: number): void {
  for (let k = 0; k < n; k++) v[k] = v[k]! + c * Q[k]!;
}

/** Column i of Q for the rbf kernel on 2-D data (the common case), unrolled. */
export function fillRbf2(i: number, col: Float32Array, start: number, len: number, X: Float64Array, y: Int8Array, sq: Float64Array, gamma: number): void {
  const yi = y[i]!;
  const x0 = X[2 * i]!;
  const x1 = X[2 * i + 1]!;
  const sqi = sq[i]!;
  for (let k = start; k < len; k++) {
    const dot = x0 * X[2 * k]! + x1 * X[2 * k + 1]!;
    col[k] = yi * y[k]! * expFast(-gamma * (sqi + sq[k]! - 2 * dot));
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
