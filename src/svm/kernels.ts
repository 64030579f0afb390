/**
 * Kernels for the SVM: k(a, b) = φ(a)·φ(b) for a feature map φ the solver never builds.
 *
 *   linear   k = a·b
 *   rbf      k = exp(−γ‖a − b‖²) = exp(−γ(‖a‖² + ‖b‖² − 2a·b))   (squared norms precomputed)
 *   poly     k = (γ a·b + coef0)^degree
 *   sigmoid  k = tanh(γ a·b + coef0)
 *   custom   any symmetric positive semi-definite (a, b) => number
 */
import { ArgumentError, describeValue } from '../core/errors.js';

/** A kernel by name, or a function of two rows. */
export type SvmKernel = 'linear' | 'rbf' | 'poly' | 'sigmoid' | ((a: number[], b: number[]) => number);

/** Kernel parameters after `gamma` has been resolved to a number. */
export interface KernelParams {
  kernel: SvmKernel;
  gamma: number;
  degree: number;
  coef0: number;
}

/**
 * γ as scikit-learn resolves it: 'scale' = 1/(n_features·Var(X)) over every entry of X (1 when
 * X is constant), 'auto' = 1/n_features, or the number given.
 *
 * @example
 * resolveGamma('auto', new Float64Array([1, 2, 3, 4]), 2, 2) // → 0.5
 */
export function resolveGamma(gamma: 'scale' | 'auto' | number, X: Float64Array, n: number, d: number): number {
  if (typeof gamma === 'number') {
    if (!(gamma > 0) || !Number.isFinite(gamma)) throw new ArgumentError(`gamma must be a positive number, 'scale' or 'auto', got ${describeValue(gamma)}`);
    return gamma;
  }
  if (gamma === 'auto') return 1 / d;
  if (gamma !== 'scale') throw new ArgumentError(`gamma must be a positive number, 'scale' or 'auto', got ${describeValue(gamma)}`);
  const m = n * d;
  // NumPy's X.var(): pairwise sums for the mean and for the squared deviations, so that γ (and
  // with it every kernel value) is scikit-learn's to the last bit.
  const mean = pairwiseSum(X, 0, m) / m;
  const dev = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const t = X[i]! - mean;
    dev[i] = t * t;
  }
  const v = pairwiseSum(dev, 0, m) / m;
  return v !== 0 ? 1 / (d * v) : 1;
}

/**
 * Σ a[from … from+n) in NumPy's summation order: eight running sums over blocks of up to 128
 * values, halves (cut at multiples of 8) added recursively above that.
 */
export function pairwiseSum(a: Float64Array, from: number, n: number): number {
  if (n < 8) {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[from + i]!;
    return s;
  }
  if (n <= 128) {
    const r = a.slice(from, from + 8);
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] = r[j]! + a[from + i + j]!;
    let s = r[0]! + r[1]! + (r[2]! + r[3]!) + (r[4]! + r[5]! + (r[6]! + r[7]!));
    for (; i < n; i++) s += a[from + i]!;
    return s;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, from, n2) + pairwiseSum(a, from + n2, n - n2);
}

// e^x by table and polynomial: x = (128m + j)·ln2/128 + r with |r| ≤ ln2/256, so
// e^x = 2^m · 2^(j/128) · e^r and a degree-4 Taylor polynomial gives e^r to ~1e-15 (relative
// error of the whole ≲ 3e-15, invisible after rounding to the cache's float32). Faster than
// Math.exp, which matters because kernel columns are most of the solver's time.
const ROUND = 6755399441055744.0; // 1.5·2^52: x + ROUND − ROUND rounds x to an integer
const INV_STEP = 128 / Math.LN2;
const STEP = Math.LN2 / 128;
const POW_J = Float64Array.from({ length: 128 }, (_, j) => 2 ** (j / 128));
const POW_M = Float64Array.from({ length: 1100 }, (_, m) => 2 ** (m - 1090));

/**
 * e^x for x ≤ 0 (kernel arguments), accurate to a few ulps; falls back to Math.exp elsewhere.
 *
 * @example
 * expFast(-1) // → 0.36787944117144233 (≈ Math.exp(-1))
 */
export function expFast(x: number): number {
  if (!(x <= 0 && x > -700)) return Math.exp(x);
  const kf = x * INV_STEP + ROUND - ROUND;
  const r = x - kf * STEP;
  const k = kf | 0;
  const p = 1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24))));
  return p * POW_J[k & 127]! * POW_M[(k >> 7) + 1090]!;
}

// One table 2^(t/128) for t in [−EXP_SPAN, 0], i.e. x ∈ [−44.36, 0]: the hot rbf column loop
// then needs a single lookup, e^x = 2^(k/128)·e^r with the same |r| ≤ ln2/256 and degree-4
// polynomial as expFast (relative error measured ≤ 7e-15 over 10⁶ points). Arguments below the
// span (e^x < 6e-20, far below float32's resolution next to the diagonal's 1) use Math.exp.
/** Length of the negative exponent range covered by {@link EXP_TABLE}, in steps of ln2/128. */
export const EXP_SPAN = 128 * 64;
/** EXP_TABLE[t] = 2^((t − EXP_SPAN)/128), t = 0 … EXP_SPAN. */
export const EXP_TABLE = Float64Array.from({ length: EXP_SPAN + 1 }, (_, t) => 2 ** ((t - EXP_SPAN) / 128));
/** 128/ln2 and ln2/128 and the rounding constant, for loops that inline the table exp. */
export const EXP_INV_STEP = INV_STEP;
export const EXP_STEP = STEP;
export const EXP_ROUND = ROUND;

/** x_i·x_j for rows of a flat row-major matrix with `d` columns. */
export function rowDot(A: Float64Array, i: number, B: Float64Array, j: number, d: number): number {
  let s = 0;
  const a = i * d;
  const b = j * d;
  for (let k = 0; k < d; k++) s += A[a + k]! * B[b + k]!;
  return s;
}

/** Squared norms ‖x_i‖² of every row. */
export function rowSquaredNorms(X: Float64Array, n: number, d: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = rowDot(X, i, X, i, d);
  return out;
}

/** powi: base^times by repeated squaring (libsvm's, so poly kernels agree bit for bit). */
export function powi(base: number, times: number): number {
  let tmp = base;
  let ret = 1;
  for (let t = times; t > 0; t = Math.floor(t / 2)) {
    if (t % 2 === 1) ret *= tmp;
    tmp *= tmp;
  }
  return ret;
}

/**
 * k(A_i, B_j) for rows of two flat matrices with the same `d`; `sqA`/`sqB` are their squared norms
 * (used by rbf only). Custom kernels get plain arrays.
 */
export function kernelValue(
  p: KernelParams,
  A: Float64Array,
  i: number,
  sqA: Float64Array,
  B: Float64Array,
  j: number,
  sqB: Float64Array,
  d: number,
): number {
  const k = p.kernel;
  if (k === 'rbf') return Math.exp(-p.gamma * (sqA[i]! + sqB[j]! - 2 * rowDot(A, i, B, j, d)));
  if (k === 'linear') return rowDot(A, i, B, j, d);
  if (k === 'poly') return powi(p.gamma * rowDot(A, i, B, j, d) + p.coef0, p.degree);
  if (k === 'sigmoid') return Math.tanh(p.gamma * rowDot(A, i, B, j, d) + p.coef0);
  const v = k(Array.from(A.subarray(i * d, i * d + d)), Array.from(B.subarray(j * d, j * d + d)));
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ArgumentError(`custom kernel returned ${String(v)} (need a finite number)`);
  return v;
}

/** Check a kernel option and name it for messages. */
export function checkKernel(kernel: unknown): SvmKernel {
  if (typeof kernel === 'function') return kernel as SvmKernel;
  if (kernel === 'linear' || kernel === 'rbf' || kernel === 'poly' || kernel === 'sigmoid') return kernel;
  throw new ArgumentError(`kernel must be 'linear', 'rbf', 'poly', 'sigmoid' or a function (a, b) => number, got ${describeValue(kernel)}`);
}

/**
 * k(A_i, B_j) as libsvm evaluates it at prediction time (rbf from Σ(a − b)², not from norms), so
 * decision values agree with scikit-learn's to the last bits.
 */
export function kernelDirect(p: KernelParams, A: Float64Array, i: number, B: Float64Array, j: number, d: number): number {
  if (p.kernel !== 'rbf') return kernelValue(p, A, i, EMPTY, B, j, EMPTY, d);
  let s = 0;
  const a = i * d;
  const b = j * d;
  for (let k = 0; k < d; k++) {
    const t = A[a + k]! - B[b + k]!;
    s += t * t;
  }
  return Math.exp(-p.gamma * s);
}
const EMPTY = new Float64Array(0);
