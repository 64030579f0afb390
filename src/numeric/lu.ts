/**
 * LU factorization with partial pivoting, P·A = L·U, and what it gives: solve, det, inverse and a
 * 1-norm condition estimate.
 */
import { SingularMatrixError, ShapeError } from '../core/index.js';
import { assertFiniteMatrix, assertFiniteVector, assertSquare, matNorm, type Matrix } from './matrix.js';

/** A packed LU factorization: unit-lower L below the diagonal of `lu`, U on and above it. */
export interface LUFactors {
  /** L (strictly lower, unit diagonal implied) and U packed in one matrix. */
  lu: Matrix;
  /** Row i of P·A is row `piv[i]` of A. */
  piv: Int32Array;
  /** +1 or −1: the sign of the permutation, for determinants. */
  sign: number;
}

/**
 * Factor a square matrix as P·A = L·U by Gaussian elimination with partial pivoting (at step k the
 * row with the largest |a_ik| becomes the pivot, which keeps every |l_ik| ≤ 1).
 *
 * Throws SingularMatrixError when a pivot is zero or below n·ε·max|a_ij| (singular to working
 * precision), and DomainError on NaN/Infinity entries.
 *
 * @example
 * const f = luFactor(matrix(2, 2, [0, 1, 1, 0]));
 * f.sign // → -1
 */
export function luFactor(a: Matrix): LUFactors {
  assertSquare(a, 'luFactor');
  assertFiniteMatrix(a, 'luFactor');
  const n = a.rows;
  const d = Float64Array.from(a.data);
  const piv = new Int32Array(n);
  for (let i = 0; i < n; i++) piv[i] = i;
  let sign = 1;
  let amax = 0;
  for (const v of d) amax = Math.max(amax, Math.abs(v));
  const tiny = n * Number.EPSILON * amax;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(d[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(d[i * n + k]!);
      if (v > best) { best = v; p = i; }
    }
    if (best === 0 || best <= tiny) {
      throw new SingularMatrixError(
        `matrix is singular${best === 0 ? '' : ' to working precision'}: pivot ${k + 1} of ${n} is ${best === 0 ? 0 : best.toExponential(3)} (max |a_ij| = ${amax.toExponential(3)})`,
      );
    }
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = d[k * n + j]!;
        d[k * n + j] = d[p * n + j]!;
        d[p * n + j] = t;
      }
      const t = piv[k]!; piv[k] = piv[p]!; piv[p] = t;
      sign = -sign;
    }
    const pk = d[k * n + k]!;
    for (let i = k + 1; i < n; i++) {
      const l = d[i * n + k]! / pk;
      d[i * n + k] = l;
      if (l === 0) continue;
      for (let j = k + 1; j < n; j++) d[i * n + j]! -= l * d[k * n + j]!;
    }
  }
  return { lu: { rows: n, cols: n, data: d }, piv, sign };
}

/**
 * Solve A·x = b from a factorization: forward substitution L·y = P·b, back substitution U·x = y.
 *
 * @example
 * luSolve(luFactor(matrix(2, 2, [2, 0, 0, 4])), [2, 4]) // → Float64Array [1, 1]
 */
export function luSolve(f: LUFactors, b: ArrayLike<number>): Float64Array {
  const n = f.lu.rows;
  if (typeof b !== 'object' || b === null || typeof b.length !== 'number') assertFiniteVector(b, 'luSolve'); // ArgumentError: not an array
  if (b.length !== n) throw new ShapeError(`luSolve: matrix is ${n}×${n}, right-hand side has length ${b.length}`);
  assertFiniteVector(b, 'luSolve');
  const d = f.lu.data;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[f.piv[i]!]!;
    for (let j = 0; j < i; j++) s -= d[i * n + j]! * x[j]!;
    x[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let j = i + 1; j < n; j++) s -= d[i * n + j]! * x[j]!;
    x[i] = s / d[i * n + i]!;
  }
  return x;
}

/** Solve Aᵀ·x = b from the factorization of A (Uᵀ·z = b, Lᵀ·w = z, x = Pᵀ·w). */
function luSolveTransposed(f: LUFactors, b: ArrayLike<number>): Float64Array {
  const n = f.lu.rows;
  const d = f.lu.data;
  const z = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let s = z[i]!;
    for (let j = 0; j < i; j++) s -= d[j * n + i]! * z[j]!;
    z[i] = s / d[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let j = i + 1; j < n; j++) s -= d[j * n + i]! * z[j]!;
    z[i] = s;
  }
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[f.piv[i]!] = z[i]!;
  return x;
}

/**
 * Solve the square system A·x = b (b a vector, or a Matrix of right-hand sides) by LU with
 * partial pivoting. Exported flat as `linsolve` (the package-wide name `solve` is the symbolic
 * equation solver); `import { solve } from 'nabla/numeric/lu'`-style deep imports inside the
 * package may use the short alias `solve`.
 *
 * @example
 * linsolve(matrix(2, 2, [3, 1, 1, 2]), [9, 8]) // → Float64Array [2, 3]
 */
export function linsolve(a: Matrix, b: ArrayLike<number>): Float64Array;
export function linsolve(a: Matrix, b: Matrix): Matrix;
export function linsolve(a: Matrix, b: ArrayLike<number> | Matrix): Float64Array | Matrix {
  const f = luFactor(a);
  if (isMatrix(b)) {
    if (b.rows !== a.rows) throw new ShapeError(`solve: A is ${a.rows}×${a.cols}, B is ${b.rows}×${b.cols}`);
    const out = new Float64Array(b.rows * b.cols);
    const col = new Float64Array(b.rows);
    for (let j = 0; j < b.cols; j++) {
      for (let i = 0; i < b.rows; i++) col[i] = b.data[i * b.cols + j]!;
      const x = luSolve(f, col);
      for (let i = 0; i < b.rows; i++) out[i * b.cols + j] = x[i]!;
    }
    return { rows: b.rows, cols: b.cols, data: out };
  }
  return luSolve(f, b);
}

/** Alias of `linsolve` for imports from this file (not re-exported flat: symbolic owns `solve`). */
export const solve = linsolve;

function isMatrix(b: unknown): b is Matrix {
  return typeof b === 'object' && b !== null && 'rows' in b && 'cols' in b && 'data' in b;
}

/**
 * The determinant, ±Π u_kk from the LU factors (0 for a matrix singular to working precision).
 *
 * @example
 * det(matrix(2, 2, [1, 2, 3, 4])) // → -2
 */
export function det(a: Matrix): number {
  let f: LUFactors;
  try {
    f = luFactor(a);
  } catch (e) {
    if (e instanceof SingularMatrixError) return 0;
    throw e;
  }
  const n = a.rows;
  let p = f.sign;
  for (let i = 0; i < n; i++) p *= f.lu.data[i * n + i]!;
  return p;
}

/**
 * The inverse A⁻¹ (solve A·X = I). Prefer `solve` for systems: it is cheaper and more accurate.
 *
 * @example
 * inverse(matrix(2, 2, [2, 0, 0, 4])).data // → Float64Array [0.5, 0, 0, 0.25]
 */
export function inverse(a: Matrix): Matrix {
  const f = luFactor(a);
  const n = a.rows;
  const out = new Float64Array(n * n);
  const e = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e.fill(0);
    e[j] = 1;
    const x = luSolve(f, e);
    for (let i = 0; i < n; i++) out[i * n + j] = x[i]!;
  }
  return { rows: n, cols: n, data: out };
}

/**
 * Estimate the 1-norm condition number κ₁(A) = ‖A‖₁·‖A⁻¹‖₁ with Hager's method (Higham's
 * refinement of LAPACK's xLACON): ‖A⁻¹‖₁ is the max of ‖A⁻¹x‖₁ over the unit 1-ball, climbed by
 * a few solves with A and Aᵀ instead of forming A⁻¹. Returns Infinity for a singular matrix.
 *
 * @example
 * condEstimate(identity(3)) // → 1
 */
export function condEstimate(a: Matrix): number {
  let f: LUFactors;
  try {
    f = luFactor(a);
  } catch (e) {
    if (e instanceof SingularMatrixError) return Infinity;
    throw e;
  }
  const n = a.rows;
  if (n === 0) return 0;
  let x = new Float64Array(n).fill(1 / n);
  let est = 0;
  for (let iter = 0; iter < 5; iter++) {
    const y = luSolve(f, x);
    let ny = 0;
    for (const v of y) ny += Math.abs(v);
    if (iter > 0 && ny <= est) break;
    est = ny;
    const xi = y.map((v) => (v >= 0 ? 1 : -1));
    const z = luSolveTransposed(f, xi);
    let j = 0;
    for (let i = 1; i < n; i++) if (Math.abs(z[i]!) > Math.abs(z[j]!)) j = i;
    let zx = 0;
    for (let i = 0; i < n; i++) zx += z[i]! * x[i]!;
    if (iter > 0 && Math.abs(z[j]!) <= zx) break;
    x = new Float64Array(n);
    x[j] = 1;
  }
  // Higham's extra test vector guards against the estimate getting stuck low.
  const alt = new Float64Array(n);
  for (let i = 0; i < n; i++) alt[i] = (i % 2 === 0 ? 1 : -1) * (1 + i / Math.max(1, n - 1));
  const w = luSolve(f, alt);
  let nw = 0;
  for (const v of w) nw += Math.abs(v);
  est = Math.max(est, (2 * nw) / (3 * n));
  return matNorm(a, '1') * est;
}
