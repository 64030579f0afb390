/** Householder QR (optionally column-pivoted) and linear least squares built on it. */
import { ArgumentError, ShapeError } from '../core/index.js';
import { assertFiniteMatrix, assertFiniteVector, type Matrix } from './matrix.js';

/**
 * Compact Householder form: R stored column-major in `r` (column j at r[j·m … j·m + m)) so that
 * reflections and pivoting walk contiguous memory; reflectors I − β·v·vᵀ.
 */
interface Householder {
  m: number;
  n: number;
  r: Float64Array;
  vs: Float64Array[];
  betas: number[];
  perm: Int32Array;
}

/**
 * Reflect column k (rows k..m−1) onto α·e₁ with α = −sign(x₀)·‖x‖ (the sign that avoids
 * cancellation in v = x − α·e₁), applying each reflector to the trailing columns.
 */
function householder(a: Matrix, pivot: boolean): Householder {
  const { rows: m, cols: n } = a;
  const r = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) r[j * m + i] = a.data[i * n + j]!;
  const perm = new Int32Array(n);
  for (let j = 0; j < n; j++) perm[j] = j;
  const vs: Float64Array[] = [];
  const betas: number[] = [];
  const kmax = Math.min(m, n);
  for (let k = 0; k < kmax; k++) {
    if (pivot) {
      // Column pivoting: bring the column with the largest remaining norm forward, so |r_kk|
      // decreases and the numerical rank can be read off the diagonal.
      let best = -1, bj = k;
      for (let j = k; j < n; j++) {
        let s = 0;
        const o = j * m;
        for (let i = k; i < m; i++) s += r[o + i]! ** 2;
        if (s > best) { best = s; bj = j; }
      }
      if (bj !== k) {
        const ok = k * m, ob = bj * m;
        for (let i = 0; i < m; i++) {
          const t = r[ok + i]!; r[ok + i] = r[ob + i]!; r[ob + i] = t;
        }
        const t = perm[k]!; perm[k] = perm[bj]!; perm[bj] = t;
      }
    }
    const len = m - k;
    const ok = k * m + k;
    const v = r.slice(ok, ok + len);
    let norm = 0;
    for (let i = 0; i < len; i++) norm = Math.hypot(norm, v[i]!);
    if (norm === 0) {
      vs.push(v.fill(0));
      betas.push(0);
      continue;
    }
    const alpha = v[0]! >= 0 ? -norm : norm;
    v[0]! -= alpha;
    let vtv = 0;
    for (let i = 0; i < len; i++) vtv += v[i]! * v[i]!;
    const beta = vtv === 0 ? 0 : 2 / vtv;
    for (let j = k + 1; j < n; j++) {
      const o = j * m + k;
      let s = 0;
      for (let i = 0; i < len; i++) s += v[i]! * r[o + i]!;
      s *= beta;
      if (s === 0) continue;
      for (let i = 0; i < len; i++) r[o + i]! -= s * v[i]!;
    }
    r[ok] = alpha;
    for (let i = 1; i < len; i++) r[ok + i] = 0;
    vs.push(v);
    betas.push(beta);
  }
  return { m, n, r, vs, betas, perm };
}

/** Entry (i, j) of R. */
function rAt(h: Householder, i: number, j: number): number {
  return h.r[j * h.m + i]!;
}

/** y ← H_k·y for the k-th reflector H_k = I − β v vᵀ (acting on entries k, k+1, …). */
function reflect(h: Householder, k: number, y: Float64Array): void {
  const v = h.vs[k]!, beta = h.betas[k]!;
  if (beta === 0) return;
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * y[k + i]!;
  s *= beta;
  for (let i = 0; i < v.length; i++) y[k + i]! -= s * v[i]!;
}

/** y ← Qᵀ·y = H_{n−1}⋯H_0·y, applying the reflectors in order. */
function applyQt(h: Householder, y: Float64Array): void {
  for (let k = 0; k < h.vs.length; k++) reflect(h, k, y);
}

/** y ← Q·y = H_0⋯H_{n−1}·y, applying the reflectors in reverse order. */
function applyQ(h: Householder, y: Float64Array): void {
  for (let k = h.vs.length - 1; k >= 0; k--) reflect(h, k, y);
}

/** The result of `qr`: A·P = Q·R (P the identity unless `pivoting`). */
export interface QRResult {
  q: Matrix;
  r: Matrix;
  /** Column permutation: column j of A·P is column `perm[j]` of A. */
  perm: Int32Array;
}

/** Options for `qr`. */
export interface QROptions {
  /** `'reduced'` (default): Q is m×k, R is k×n with k = min(m, n); `'complete'`: Q is m×m. */
  mode?: 'reduced' | 'complete';
  /** Column pivoting (default false), for rank-revealing factorizations. */
  pivoting?: boolean;
}

/**
 * Householder QR factorization A = Q·R with Q orthonormal columns and R upper triangular.
 *
 * @example
 * const { q, r } = qr(matrix(2, 2, [3, 1, 4, 2]));
 * Math.abs(r.data[0]) // → 5
 */
export function qr(a: Matrix, options: QROptions = {}): QRResult {
  const mode = options.mode ?? 'reduced';
  if (mode !== 'reduced' && mode !== 'complete') throw new ArgumentError(`qr: mode must be 'reduced' or 'complete', got '${mode}'`);
  assertFiniteMatrix(a, 'qr');
  const h = householder(a, options.pivoting ?? false);
  const { m, n } = h;
  const k = mode === 'complete' ? m : Math.min(m, n);
  // Q = H₀·H₁·…: build column j as Q·e_j by applying the reflectors in reverse.
  const q = new Float64Array(m * k);
  const col = new Float64Array(m);
  for (let j = 0; j < k; j++) {
    col.fill(0);
    col[j] = 1;
    applyQ(h, col);
    for (let i = 0; i < m; i++) q[i * k + j] = col[i]!;
  }
  const rRows = mode === 'complete' ? m : Math.min(m, n);
  const r = new Float64Array(rRows * n);
  for (let i = 0; i < Math.min(rRows, m); i++) for (let j = i; j < n; j++) r[i * n + j] = rAt(h, i, j);
  return { q: { rows: m, cols: k, data: q }, r: { rows: rRows, cols: n, data: r }, perm: h.perm };
}

/** Options for `lstsq`. */
export interface LstsqOptions {
  /** Relative cutoff for the numerical rank: |r_kk| ≤ rcond·|r_00| counts as zero. Default ε·max(m, n). */
  rcond?: number;
}

/** The result of `lstsq`. */
export interface LstsqResult {
  /** The minimum-norm minimizer of ‖A·x − b‖₂. */
  x: Float64Array;
  /** ‖A·x − b‖₂². */
  residual: number;
  /** Numerical rank of A. */
  rank: number;
}

/**
 * Least squares: the x minimizing ‖A·x − b‖₂ (of least norm when A is rank-deficient), by
 * column-pivoted Householder QR. With A·P = Q·R and rank r, min ‖R₁·y − (Qᵀb)₁:r‖ over y = Pᵀx;
 * for r < n the minimum-norm y comes from a second QR, R₁ᵀ = Z·S, giving y = Z·S⁻ᵀ·c.
 *
 * @example
 * // fit y = c0 + c1·t through (0,1), (1,3), (2,5)
 * lstsq(matrix(3, 2, [1, 0, 1, 1, 1, 2]), [1, 3, 5]).x // → ≈ Float64Array [1, 2]
 */
export function lstsq(a: Matrix, b: ArrayLike<number>, options: LstsqOptions = {}): LstsqResult {
  assertFiniteMatrix(a, 'lstsq');
  assertFiniteVector(b, 'lstsq');
  const { rows: m, cols: n } = a;
  if (b.length !== m) throw new ShapeError(`lstsq: A is ${m}×${n}, b has length ${b.length}`);
  assertFiniteMatrix(a, 'lstsq');
  assertFiniteVector(b, 'lstsq');
  const rcond = options.rcond ?? Number.EPSILON * Math.max(m, n);
  const h = householder(a, true);
  const c = Float64Array.from(b);
  applyQt(h, c);
  const kmax = Math.min(m, n);
  const r00 = kmax > 0 ? Math.abs(rAt(h, 0, 0)) : 0;
  let rank = 0;
  while (rank < kmax && Math.abs(rAt(h, rank, rank)) > rcond * r00) rank++;
  const y = new Float64Array(n);
  if (rank === n) {
    for (let i = n - 1; i >= 0; i--) {
      let s = c[i]!;
      for (let j = i + 1; j < n; j++) s -= rAt(h, i, j) * y[j]!;
      y[i] = s / rAt(h, i, i);
    }
  } else if (rank > 0) {
    // R₁ is rank×n with full row rank; minimum-norm solution of R₁·y = c₁.
    const t: Matrix = { rows: n, cols: rank, data: new Float64Array(n * rank) };
    for (let i = 0; i < rank; i++) for (let j = 0; j < n; j++) t.data[j * rank + i] = rAt(h, i, j);
    const h2 = householder(t, false);
    // R₁ = Sᵀ·Zᵀ ⇒ Sᵀ·w = c₁ (forward substitution), y = Z·w.
    const w = new Float64Array(n);
    for (let i = 0; i < rank; i++) {
      let s = c[i]!;
      for (let j = 0; j < i; j++) s -= rAt(h2, j, i) * w[j]!;
      w[i] = s / rAt(h2, i, i);
    }
    applyQ(h2, w);
    y.set(w);
  }
  const x = new Float64Array(n);
  for (let j = 0; j < n; j++) x[h.perm[j]!] = y[j]!;
  let residual = 0;
  for (let i = 0; i < m; i++) {
    let s = -b[i]!;
    for (let j = 0; j < n; j++) s += a.data[i * n + j]! * x[j]!;
    residual += s * s;
  }
  return { x, residual, rank };
}
