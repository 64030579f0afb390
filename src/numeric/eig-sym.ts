/** Eigenvalues and eigenvectors of a real symmetric matrix: implicit QL (default) or cyclic Jacobi. */
import { ArgumentError, ConvergenceError, DomainError } from '../core/index.js';
import { symmetricQL } from './eig-ql.js';
import { assertFiniteMatrix, assertSquare, type Matrix } from './matrix.js';

/** The result of `eigSym`: A = V·diag(values)·Vᵀ. */
export interface EigSymResult {
  /** Eigenvalues in ascending order. */
  values: Float64Array;
  /** Orthonormal eigenvectors as the columns of an n×n matrix, in the order of `values`. */
  vectors: Matrix;
}

/** Options for `eigSym`. */
export interface EigSymOptions {
  /**
   * `'ql'` (default): Householder tridiagonalization + implicit QL, fast, absolute accuracy
   * ≈ ε‖A‖; `'jacobi'`: cyclic Jacobi, slower (several O(n³) sweeps) but small eigenvalues come
   * out to high relative accuracy.
   */
  method?: 'ql' | 'jacobi';
  /** Jacobi only: sweep cap (default 100). */
  maxSweeps?: number;
}

/**
 * Symmetric eigendecomposition (eigenvalues ascending, orthonormal eigenvectors as columns).
 * Default method QL (see `EigSymOptions`). In the Jacobi method each rotation zeroes one off-diagonal a_pq with the angle
 * θ = ½·atan2(2a_pq, a_qq − a_pp) computed through t = tan θ = sign(τ)/(|τ| + √(1+τ²)),
 * τ = (a_qq − a_pp)/(2a_pq) (the smaller root, for stability); sweeps repeat until the
 * off-diagonal mass is below ε² of the total. Accurate to high relative precision; O(n³) a sweep.
 *
 * @example
 * eigSym(matrix(2, 2, [2, 1, 1, 2])).values // → Float64Array [1, 3]
 */
export function eigSym(a: Matrix, options: EigSymOptions = {}): EigSymResult {
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
  if ((options.method ?? 'ql') === 'ql') return sortPairs(symmetricQL(A, n), A, n, (k, i) => k * n + i);
  if (options.method !== 'jacobi') throw new ArgumentError(`eigSym: method must be 'ql' or 'jacobi', got '${options.method as string}'`);
  // Vt holds the eigenvectors as rows (the transpose of V) so rotations update contiguous rows.
  const Vt = new Float64Array(n * n);
  for (let i = 0; i < n; i++) Vt[i * n + i] = 1;
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
      const rp = p * n;
      for (let q = p + 1; q < n; q++) {
        const rq = q * n;
        const apq = A[rp + q]!;
        if (apq === 0) continue;
        const app = A[rp + p]!, aqq = A[rq + q]!;
        const tau = (aqq - app) / (2 * apq);
        const t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        // A ← Jᵀ·A·J touches rows/columns p and q only; by symmetry update the two rows and
        // mirror them into the columns: a'_kp = c·a_kp − s·a_kq, a'_kq = s·a_kp + c·a_kq.
        for (let k = 0; k < n; k++) {
          if (k === p || k === q) continue;
          const akp = A[rp + k]!, akq = A[rq + k]!;
          const np = c * akp - s * akq, nq = s * akp + c * akq;
          A[rp + k] = np;
          A[rq + k] = nq;
          A[k * n + p] = np;
          A[k * n + q] = nq;
        }
        // Diagonal: a'_pp = a_pp − t·a_pq, a'_qq = a_qq + t·a_pq, a'_pq = 0.
        A[rp + p] = app - t * apq;
        A[rq + q] = aqq + t * apq;
        A[rp + q] = 0;
        A[rq + p] = 0;
        for (let k = 0; k < n; k++) {
          const vp = Vt[rp + k]!, vq = Vt[rq + k]!;
          Vt[rp + k] = c * vp - s * vq;
          Vt[rq + k] = s * vp + c * vq;
        }
      }
    }
  }
  if (!converged) throw new ConvergenceError(`eigSym: Jacobi did not converge in ${maxSweeps} sweeps`);
  const diag = new Float64Array(n);
  for (let i = 0; i < n; i++) diag[i] = A[i * n + i]!;
  return sortPairs(diag, Vt, n, (k, i) => i * n + k);
}

/** Sort eigenpairs ascending; `index(k, i)` locates component k of eigenvector i in `vecs`. */
function sortPairs(vals: Float64Array, vecs: Float64Array, n: number, index: (k: number, i: number) => number): EigSymResult {
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => vals[i]! - vals[j]!);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = vals[src]!;
    for (let k = 0; k < n; k++) vectors[k * n + dst] = vecs[index(k, src)]!;
  });
  return { values, vectors: { rows: n, cols: n, data: vectors } };
}
