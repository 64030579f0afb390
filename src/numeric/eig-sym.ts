/** Eigenvalues and eigenvectors of a real symmetric matrix by the cyclic Jacobi method. */
import { ConvergenceError, DomainError } from '../core/index.js';
import { assertFiniteMatrix, assertSquare, type Matrix } from './matrix.js';

/** The result of `eigSym`: A = V·diag(values)·Vᵀ. */
export interface EigSymResult {
  /** Eigenvalues in ascending order. */
  values: Float64Array;
  /** Orthonormal eigenvectors as the columns of an n×n matrix, in the order of `values`. */
  vectors: Matrix;
}

/**
 * Symmetric eigendecomposition. Each Jacobi rotation zeroes one off-diagonal a_pq with the angle
 * θ = ½·atan2(2a_pq, a_qq − a_pp) computed through t = tan θ = sign(τ)/(|τ| + √(1+τ²)),
 * τ = (a_qq − a_pp)/(2a_pq) (the smaller root, for stability); sweeps repeat until the
 * off-diagonal mass is below ε² of the total. Accurate to high relative precision; O(n³) a sweep.
 *
 * @example
 * eigSym(matrix(2, 2, [2, 1, 1, 2])).values // Float64Array [1, 3]
 */
export function eigSym(a: Matrix, options: { maxSweeps?: number } = {}): EigSymResult {
  assertSquare(a, 'eigSym');
  assertFiniteMatrix(a, 'eigSym');
  const n = a.rows;
  const A = Float64Array.from(a.data);
  let amax = 0;
  for (const v of A) amax = Math.max(amax, Math.abs(v));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (Math.abs(A[i * n + j]! - A[j * n + i]!) > 1e-10 * amax) {
        throw new DomainError(`eigSym needs a symmetric matrix: a[${i}][${j}] = ${A[i * n + j]} but a[${j}][${i}] = ${A[j * n + i]}`);
      }
    }
  }
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  const maxSweeps = options.maxSweeps ?? 100;
  let converged = n <= 1;
  for (let sweep = 0; sweep < maxSweeps && !converged; sweep++) {
    let off = 0, total = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const v = A[i * n + j]! ** 2;
        total += v;
        if (i !== j) off += v;
      }
    }
    if (off <= Number.EPSILON ** 2 * total || off === 0) {
      converged = true;
      break;
    }
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q]!;
        if (apq === 0) continue;
        const app = A[p * n + p]!, aqq = A[q * n + q]!;
        const tau = (aqq - app) / (2 * apq);
        const t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        // A ← Jᵀ·A·J on rows/columns p and q.
        for (let k = 0; k < n; k++) {
          const akp = A[k * n + p]!, akq = A[k * n + q]!;
          A[k * n + p] = c * akp - s * akq;
          A[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p * n + k]!, aqk = A[q * n + k]!;
          A[p * n + k] = c * apk - s * aqk;
          A[q * n + k] = s * apk + c * aqk;
        }
        A[p * n + q] = 0;
        A[q * n + p] = 0;
        for (let k = 0; k < n; k++) {
          const vkp = V[k * n + p]!, vkq = V[k * n + q]!;
          V[k * n + p] = c * vkp - s * vkq;
          V[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  if (!converged) throw new ConvergenceError(`eigSym: Jacobi did not converge in ${maxSweeps} sweeps`);
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => A[i * n + i]! - A[j * n + j]!);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = A[src * n + src]!;
    for (let k = 0; k < n; k++) vectors[k * n + dst] = V[k * n + src]!;
  });
  return { values, vectors: { rows: n, cols: n, data: vectors } };
}
