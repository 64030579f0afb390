/**
 * Small dense kernels private to the optimizers (row-major Float64Array, sizes passed along).
 * Kept here so the solvers' inner loops avoid allocation-heavy general wrappers.
 */

/**
 * Householder QR of an r×c matrix M (row-major): M = Q·R with Q r×r orthogonal (returned
 * explicitly) and R r×c upper triangular.
 */
export function qrFull(M: Float64Array, r: number, c: number): { q: Float64Array; rr: Float64Array } {
  const a = Float64Array.from(M);
  const q = new Float64Array(r * r);
  for (let i = 0; i < r; i++) q[i * r + i] = 1;
  const v = new Float64Array(r);
  for (let k = 0; k < Math.min(r - 1, c); k++) {
    let norm = 0;
    for (let i = k; i < r; i++) norm += a[i * c + k]! ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) continue;
    const alpha = a[k * c + k]! > 0 ? -norm : norm;
    v.fill(0);
    for (let i = k; i < r; i++) v[i] = a[i * c + k]!;
    v[k]! -= alpha;
    let vtv = 0;
    for (let i = k; i < r; i++) vtv += v[i]! ** 2;
    if (vtv === 0) continue;
    // A ← H·A, Q ← Q·H with H = I − 2vvᵀ/vᵀv
    for (let j = k; j < c; j++) {
      let s = 0;
      for (let i = k; i < r; i++) s += v[i]! * a[i * c + j]!;
      s = (2 * s) / vtv;
      for (let i = k; i < r; i++) a[i * c + j]! -= s * v[i]!;
    }
    for (let i = 0; i < r; i++) {
      let s = 0;
      for (let l = k; l < r; l++) s += q[i * r + l]! * v[l]!;
      s = (2 * s) / vtv;
      for (let l = k; l < r; l++) q[i * r + l]! -= s * v[l]!;
    }
  }
  for (let i = 0; i < r; i++) for (let j = 0; j < Math.min(i, c); j++) a[i * c + j] = 0;
  return { q, rr: a };
}

/** Lower Cholesky factor L (L·Lᵀ = M) of an n×n symmetric matrix, or null if not positive definite. */
export function choleskyLower(M: Float64Array, n: number): Float64Array | null {
  const L = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let s = M[j * n + j]!;
    for (let k = 0; k < j; k++) s -= L[j * n + k]! ** 2;
    if (!(s > 0) || !Number.isFinite(s)) return null;
    const d = Math.sqrt(s);
    L[j * n + j] = d;
    for (let i = j + 1; i < n; i++) {
      let t = M[i * n + j]!;
      for (let k = 0; k < j; k++) t -= L[i * n + k]! * L[j * n + k]!;
      L[i * n + j] = t / d;
    }
  }
  return L;
}

/** Solve L·y = b (L lower triangular n×n). */
export function forwardSub(L: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i * n + k]! * y[k]!;
    y[i] = s / L[i * n + i]!;
  }
  return y;
}

/** Solve Lᵀ·x = b (L lower triangular n×n). */
export function backSubT(L: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= L[k * n + i]! * x[k]!;
    x[i] = s / L[i * n + i]!;
  }
  return x;
}

/** y = M·x for an r×c matrix. */
export function mulVec(M: Float64Array, r: number, c: number, x: ArrayLike<number>): Float64Array {
  const y = new Float64Array(r);
  for (let i = 0; i < r; i++) {
    let s = 0;
    for (let j = 0; j < c; j++) s += M[i * c + j]! * x[j]!;
    y[i] = s;
  }
  return y;
}

/** y = Mᵀ·x for an r×c matrix. */
export function mulTVec(M: Float64Array, r: number, c: number, x: ArrayLike<number>): Float64Array {
  const y = new Float64Array(c);
  for (let i = 0; i < r; i++) {
    const xi = x[i]!;
    if (xi === 0) continue;
    for (let j = 0; j < c; j++) y[j]! += M[i * c + j]! * xi;
  }
  return y;
}

/** The n×n identity. */
export function eye(n: number): Float64Array {
  const I = new Float64Array(n * n);
  for (let i = 0; i < n; i++) I[i * n + i] = 1;
  return I;
}

/**
 * Damped BFGS update of a Hessian approximation B (n×n, in place), Powell's modification:
 * if sᵀy < 0.2·sᵀBs, replace y by θy + (1 − θ)Bs with θ = 0.8·sᵀBs/(sᵀBs − sᵀy), so that
 * B stays positive definite: B ← B + yyᵀ/sᵀy − (Bs)(Bs)ᵀ/sᵀBs. Returns false if skipped.
 */
export function dampedBfgsUpdate(B: Float64Array, n: number, s: Float64Array, yIn: Float64Array): boolean {
  const Bs = mulVec(B, n, n, s);
  let sBs = 0, sy = 0;
  for (let i = 0; i < n; i++) {
    sBs += s[i]! * Bs[i]!;
    sy += s[i]! * yIn[i]!;
  }
  if (!(sBs > 0) || !Number.isFinite(sBs)) return false;
  let y = yIn;
  if (sy < 0.2 * sBs) {
    const theta = (0.8 * sBs) / (sBs - sy);
    y = new Float64Array(n);
    for (let i = 0; i < n; i++) y[i] = theta * yIn[i]! + (1 - theta) * Bs[i]!;
    sy = 0;
    for (let i = 0; i < n; i++) sy += s[i]! * y[i]!;
  }
  if (!(sy > 0) || !Number.isFinite(sy)) return false;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) B[i * n + j]! += (y[i]! * y[j]!) / sy - (Bs[i]! * Bs[j]!) / sBs;
  }
  return true;
}
