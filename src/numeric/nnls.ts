/**
 * Non-negative least squares by the active-set method of Lawson and Hanson (Solving Least Squares
 * Problems, 1974, ch. 23): minimise ‖A·x − b‖₂ subject to x ≥ 0.
 *
 * The KKT conditions are x ≥ 0, w = Aᵀ(b − A·x) ≤ 0 and xⱼ·wⱼ = 0. The method keeps a passive set P
 * (free variables) and a zero set Z; it moves the variable with the largest positive dual wⱼ into P,
 * solves the unconstrained least-squares problem on P, and while that solution has a non-positive
 * entry it steps back to the boundary and returns the offending variables to Z.
 */
import { ArgumentError, ShapeError, describeValue } from '../core/errors.js';
import type { Matrix } from './matrix.js';

/** Options for `nnls`. */
export interface NnlsOptions {
  /** Maximum outer iterations (default 3·cols, Lawson–Hanson's bound). */
  maxiter?: number;
  /** Dual tolerance: stop when every wⱼ ≤ tol (default 10·ε·‖A‖_F·max(rows, cols)). */
  tol?: number;
}

/** The result of `nnls`. */
export interface NnlsResult {
  /** The minimiser, x ≥ 0. */
  x: Float64Array;
  /** ‖A·x − b‖₂. */
  rnorm: number;
  /** The residual A·x − b. */
  residual: Float64Array;
  /** The dual vector w = Aᵀ(b − A·x) (≤ 0 at the solution, 0 on the passive set). */
  dual: Float64Array;
  /** Outer iterations used. */
  iterations: number;
  /** False when `maxiter` ran out before the KKT conditions held. */
  converged: boolean;
}

/**
 * Least squares on the columns `cols` of A (column-major view, `m` rows): Householder QR of the
 * m×p submatrix, then back substitution. Columns in P are linearly independent by construction
 * (a column enters only with a positive dual), so R is nonsingular up to rounding.
 */
function subsetLstsq(a: Float64Array, m: number, n: number, cols: number[], b: Float64Array): Float64Array {
  const p = cols.length;
  const w = new Float64Array(m * p); // column-major m×p
  for (let k = 0; k < p; k++) for (let i = 0; i < m; i++) w[k * m + i] = a[i * n + cols[k]!]!;
  const rhs = Float64Array.from(b);
  for (let k = 0; k < Math.min(p, m); k++) {
    let norm = 0;
    for (let i = k; i < m; i++) norm += w[k * m + i]! ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) continue;
    const alpha = w[k * m + k]! > 0 ? -norm : norm;
    // v = x − α·e₁ stored in place; H = I − 2vvᵀ/vᵀv
    w[k * m + k]! -= alpha;
    let vtv = 0;
    for (let i = k; i < m; i++) vtv += w[k * m + i]! ** 2;
    if (vtv > 0) {
      for (let j = k + 1; j < p; j++) {
        let s = 0;
        for (let i = k; i < m; i++) s += w[k * m + i]! * w[j * m + i]!;
        s = (2 * s) / vtv;
        for (let i = k; i < m; i++) w[j * m + i]! -= s * w[k * m + i]!;
      }
      let s = 0;
      for (let i = k; i < m; i++) s += w[k * m + i]! * rhs[i]!;
      s = (2 * s) / vtv;
      for (let i = k; i < m; i++) rhs[i]! -= s * w[k * m + i]!;
    }
    w[k * m + k] = alpha; // R's diagonal; entries below are the (now unused) reflector
  }
  const z = new Float64Array(p);
  for (let k = Math.min(p, m) - 1; k >= 0; k--) {
    let s = rhs[k]!;
    for (let j = k + 1; j < p; j++) s -= w[j * m + k]! * z[j]!;
    const d = w[k * m + k]!;
    z[k] = d === 0 ? 0 : s / d;
  }
  return z;
}

/**
 * Solve min ‖A·x − b‖₂ subject to x ≥ 0 (Lawson–Hanson active set).
 *
 * @example
 * // A = I, b = (1, −2): the negative component is clipped to 0
 * nnls(matrix(2, 2, [1, 0, 0, 1]), [1, -2]).x // → Float64Array [1, 0]
 */
export function nnls(a: Matrix, b: ArrayLike<number>, options: NnlsOptions = {}): NnlsResult {
  const m = a.rows, n = a.cols;
  if (b.length !== m) throw new ShapeError(`nnls: A is ${m}×${n} but b has length ${b.length}`);
  for (let i = 0; i < a.data.length; i++) {
    if (!Number.isFinite(a.data[i]!)) throw new ArgumentError(`nnls: A has a non-finite entry at index ${i}`);
  }
  for (let i = 0; i < m; i++) {
    if (!Number.isFinite(b[i]!)) throw new ArgumentError(`nnls: b[${i}] is not finite`);
  }
  const bb = Float64Array.from(b);
  const A = a.data;
  let fro = 0;
  for (let i = 0; i < A.length; i++) fro += A[i]! ** 2;
  const tol = options.tol ?? 10 * 2.220446049250313e-16 * Math.sqrt(fro) * Math.max(m, n, 1);
  const maxiter = options.maxiter ?? 3 * Math.max(n, 1);
  if (!(Number.isInteger(maxiter) && maxiter >= 0)) throw new ArgumentError(`nnls: maxiter must be a non-negative integer, got ${describeValue(maxiter)}`);
  if (!(tol >= 0 && Number.isFinite(tol))) throw new ArgumentError(`nnls: tol must be a finite number >= 0, got ${describeValue(tol)}`);
  const x = new Float64Array(n);
  const passive = new Uint8Array(n);
  const residual = new Float64Array(m); // A·x − b
  const dual = new Float64Array(n);
  const update = (): void => {
    for (let i = 0; i < m; i++) {
      let s = -bb[i]!;
      for (let j = 0; j < n; j++) if (x[j] !== 0) s += A[i * n + j]! * x[j]!;
      residual[i] = s;
    }
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < m; i++) s -= A[i * n + j]! * residual[i]!;
      dual[j] = s;
    }
  };
  update();
  let iterations = 0;
  let converged = false;
  const banned = new Uint8Array(n); // columns whose entry failed to come out positive (rounding)
  for (;;) {
    // Pick the zero-set variable with the largest positive dual.
    let t = -1, best = tol;
    for (let j = 0; j < n; j++) {
      if (!passive[j] && !banned[j] && dual[j]! > best) {
        best = dual[j]!;
        t = j;
      }
    }
    if (t < 0) {
      converged = true;
      break;
    }
    if (iterations >= maxiter) break;
    iterations++;
    passive[t] = 1;
    for (let inner = 0; inner <= 3 * n + 3; inner++) {
      const cols: number[] = [];
      for (let j = 0; j < n; j++) if (passive[j]) cols.push(j);
      const z = subsetLstsq(A, m, n, cols, bb);
      let allPositive = true;
      for (let k = 0; k < cols.length; k++) if (z[k]! <= 0) allPositive = false;
      if (allPositive) {
        x.fill(0);
        for (let k = 0; k < cols.length; k++) x[cols[k]!] = z[k]!;
        break;
      }
      if (inner === 0 && cols.length > 0 && z[cols.indexOf(t)]! <= 0 && x[t] === 0) {
        // The entering column did not help (its dual was positive only by rounding): drop it.
        passive[t] = 0;
        banned[t] = 1;
        break;
      }
      // Step from x towards z until the first passive variable hits zero:
      // α = min over zₖ ≤ 0 of xₖ / (xₖ − zₖ).
      let alpha = Infinity;
      for (let k = 0; k < cols.length; k++) {
        const j = cols[k]!;
        if (z[k]! <= 0) alpha = Math.min(alpha, x[j]! / (x[j]! - z[k]!));
      }
      for (let k = 0; k < cols.length; k++) {
        const j = cols[k]!;
        x[j] = x[j]! + alpha * (z[k]! - x[j]!);
        if (x[j]! <= tol * 1e-3 || (z[k]! <= 0 && x[j]! <= Math.abs(z[k]! - x[j]!) * 1e-14)) {
          x[j] = 0;
          passive[j] = 0;
        }
      }
    }
    update();
    for (let j = 0; j < n; j++) if (banned[j] && dual[j]! <= tol) banned[j] = 0;
  }
  let rn = 0;
  for (let i = 0; i < m; i++) rn += residual[i]! ** 2;
  return { x, rnorm: Math.sqrt(rn), residual, dual, iterations, converged };
}
