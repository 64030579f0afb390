/** Cholesky factorization A = L·Lᵀ of a symmetric positive-definite matrix, and solves with it. */
import { DomainError, ShapeError } from '../core/index.js';
import { assertFiniteMatrix, assertFiniteVector, assertSquare, type Matrix } from './matrix.js';

/**
 * The lower-triangular L with A = L·Lᵀ:  l_jj = √(a_jj − Σ_{k<j} l_jk²),
 * l_ij = (a_ij − Σ_{k<j} l_ik·l_jk) / l_jj  for i > j.
 *
 * Throws DomainError if A is not symmetric (relative tolerance 1e−10) or not positive definite.
 *
 * @example
 * cholesky(matrix(2, 2, [4, 2, 2, 3])).data // → Float64Array [2, 0, 1, 1.4142135623730951]
 */
export function cholesky(a: Matrix): Matrix {
  assertSquare(a, 'cholesky');
  assertFiniteMatrix(a, 'cholesky');
  const n = a.rows;
  const A = a.data;
  let amax = 0;
  for (const v of A) amax = Math.max(amax, Math.abs(v));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (Math.abs(A[i * n + j]! - A[j * n + i]!) > 1e-10 * amax) {
        throw new DomainError(`cholesky needs a symmetric matrix: a[${i}][${j}] = ${A[i * n + j]} but a[${j}][${i}] = ${A[j * n + i]}`);
      }
    }
  }
  const L = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let s = A[j * n + j]!;
    for (let k = 0; k < j; k++) s -= L[j * n + k]! * L[j * n + k]!;
    if (!(s > 0)) {
      throw new DomainError(`cholesky: matrix is not positive definite (leading minor ${j + 1} gives pivot ${s})`);
    }
    const ljj = Math.sqrt(s);
    L[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let t = A[i * n + j]!;
      for (let k = 0; k < j; k++) t -= L[i * n + k]! * L[j * n + k]!;
      L[i * n + j] = t / ljj;
    }
  }
  return { rows: n, cols: n, data: L };
}

/**
 * Solve A·x = b given A's Cholesky factor L (L·y = b, then Lᵀ·x = y).
 *
 * @example
 * choleskySolve(cholesky(matrix(2, 2, [4, 2, 2, 3])), [6, 5]) // → Float64Array [1, 1]
 */
export function choleskySolve(l: Matrix, b: ArrayLike<number>): Float64Array {
  const n = l.rows;
  if (b.length !== n) throw new ShapeError(`choleskySolve: factor is ${n}×${n}, right-hand side has length ${b.length}`);
  assertFiniteVector(b, 'choleskySolve');
  const L = l.data;
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let s = x[i]!;
    for (let k = 0; k < i; k++) s -= L[i * n + k]! * x[k]!;
    x[i] = s / L[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let k = i + 1; k < n; k++) s -= L[k * n + i]! * x[k]!;
    x[i] = s / L[i * n + i]!;
  }
  return x;
}
