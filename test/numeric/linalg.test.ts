import { describe, expect, it } from 'vitest';
import {
  cholesky, choleskySolve, condEstimate, det, eigSym, fromRows, identity, inverse, lstsq, luFactor, luSolve, linsolve as solve,
  matmul, matrix, matvec, matNorm, matAdd, qr, transpose, type Matrix,
} from '../../src/numeric/index.js';
import { DomainError, SingularMatrixError, ShapeError } from '../../src/core/index.js';

// A small seeded generator (mulberry32) so the "random" matrices are reproducible.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function randomMatrix(m: number, n: number, r: () => number): Matrix {
  return matrix(m, n, Array.from({ length: m * n }, () => 2 * r() - 1));
}
function hilbert(n: number): Matrix {
  const a = matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a.data[i * n + j] = 1 / (i + j + 1);
  return a;
}
function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}
function norm(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! ** 2;
  return Math.sqrt(s);
}

describe('matrix basics', () => {
  it('matmul, transpose, matvec agree with hand results', () => {
    const a = fromRows([[1, 2, 3], [4, 5, 6]]);
    const b = fromRows([[7, 8], [9, 10], [11, 12]]);
    expect(Array.from(matmul(a, b).data)).toEqual([58, 64, 139, 154]);
    expect(Array.from(transpose(a).data)).toEqual([1, 4, 2, 5, 3, 6]);
    expect(Array.from(matvec(a, [1, 1, 1]))).toEqual([6, 15]);
    expect(() => matmul(a, a)).toThrow(ShapeError);
    expect(matNorm(a, '1')).toBe(9);
    expect(matNorm(a, 'inf')).toBe(15);
  });
});

describe('LU', () => {
  it('solves random systems with a tiny backward residual', () => {
    const r = rng(1);
    for (const n of [1, 2, 5, 20, 60]) {
      const a = randomMatrix(n, n, r);
      const xTrue = Float64Array.from({ length: n }, () => r() - 0.5);
      const b = matvec(a, xTrue);
      const x = solve(a, b);
      const res = maxAbsDiff(matvec(a, x), b);
      expect(res / (matNorm(a, 'inf') * norm(x))).toBeLessThan(1e-14);
    }
  });
  it('P·A = L·U reconstructs A', () => {
    const a = randomMatrix(6, 6, rng(2));
    const { lu, piv } = luFactor(a);
    const n = 6;
    const L = identity(n), U = matrix(n, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      if (j < i) L.data[i * n + j] = lu.data[i * n + j]!; else U.data[i * n + j] = lu.data[i * n + j]!;
    }
    const PA = matrix(n, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) PA.data[i * n + j] = a.data[piv[i]! * n + j]!;
    expect(maxAbsDiff(matmul(L, U).data, PA.data)).toBeLessThan(1e-14);
  });
  it('det and inverse match exact values', () => {
    expect(det(fromRows([[1, 2], [3, 4]]))).toBeCloseTo(-2, 14);
    expect(det(fromRows([[2, 0, 0], [0, 3, 0], [0, 0, 4]]))).toBe(24);
    // det of the n×n Hilbert matrix: n=4 → 1/6048000
    expect(det(hilbert(4)) * 6048000).toBeCloseTo(1, 9);
    const a = randomMatrix(8, 8, rng(3));
    expect(maxAbsDiff(matmul(a, inverse(a)).data, identity(8).data)).toBeLessThan(1e-12);
  });
  it('Hilbert systems: small residual, error bounded by κ·ε', () => {
    for (const n of [4, 8, 10]) {
      const h = hilbert(n);
      const xTrue = new Float64Array(n).fill(1);
      const b = matvec(h, xTrue);
      const x = solve(h, b);
      expect(maxAbsDiff(matvec(h, x), b)).toBeLessThan(1e-14);
      const kappa = condEstimate(h);
      expect(maxAbsDiff(x, xTrue)).toBeLessThan(10 * kappa * Number.EPSILON);
    }
  });
  it('condition estimate matches exact κ₁ of Hilbert matrices', () => {
    // κ₁(H_n) = ‖H‖₁‖H⁻¹‖₁ from the exact integer inverse: n=3 → 748, n=5 → 943656
    expect(condEstimate(hilbert(3))).toBeCloseTo(748, 6);
    expect(condEstimate(hilbert(5)) / 943656).toBeCloseTo(1, 6);
    expect(condEstimate(identity(4))).toBe(1);
  });
  it('singular and non-finite input give typed errors', () => {
    expect(() => solve(fromRows([[1, 2], [2, 4]]), [1, 2])).toThrow(SingularMatrixError);
    expect(() => solve(fromRows([[1, 2, 3], [4, 5, 6], [7, 8, 9]]), [1, 2, 3])).toThrow(/singular/);
    expect(() => solve(fromRows([[1, NaN], [0, 1]]), [1, 2])).toThrow(DomainError);
    expect(() => solve(identity(2), [1, Infinity])).toThrow(DomainError);
    expect(() => solve(matrix(2, 3), [1, 2])).toThrow(ShapeError);
    expect(det(fromRows([[1, 2], [2, 4]]))).toBe(0);
    expect(condEstimate(fromRows([[1, 2], [2, 4]]))).toBe(Infinity);
  });
  it('luSolve solves several right-hand sides and solve accepts a matrix', () => {
    const a = randomMatrix(5, 5, rng(4));
    const f = luFactor(a);
    const B = randomMatrix(5, 3, rng(5));
    const X = solve(a, B);
    expect(maxAbsDiff(matmul(a, X).data, B.data)).toBeLessThan(1e-13);
    const x0 = luSolve(f, [1, 0, 0, 0, 0]);
    expect(maxAbsDiff(matvec(a, x0), [1, 0, 0, 0, 0])).toBeLessThan(1e-14);
  });
});

describe('Cholesky', () => {
  it('factors SPD matrices: L·Lᵀ = A and solves', () => {
    const r = rng(6);
    const b0 = randomMatrix(10, 10, r);
    const a = matAdd(matmul(b0, transpose(b0)), identity(10), 0.1);
    const L = cholesky(a);
    expect(maxAbsDiff(matmul(L, transpose(L)).data, a.data)).toBeLessThan(1e-13);
    const rhs = Float64Array.from({ length: 10 }, () => r());
    expect(maxAbsDiff(matvec(a, choleskySolve(L, rhs)), rhs)).toBeLessThan(1e-12);
  });
  it('Hilbert matrices are SPD: Cholesky solves them', () => {
    const h = hilbert(8);
    const x = choleskySolve(cholesky(h), matvec(h, new Float64Array(8).fill(1)));
    expect(maxAbsDiff(x, new Float64Array(8).fill(1))).toBeLessThan(1e-5);
  });
  it('rejects non-symmetric and indefinite matrices', () => {
    expect(() => cholesky(fromRows([[1, 2], [0, 1]]))).toThrow(/symmetric/);
    expect(() => cholesky(fromRows([[1, 2], [2, 1]]))).toThrow(/positive definite/);
  });
});

describe('QR and least squares', () => {
  it('Q orthonormal, R upper triangular, Q·R = A (tall and wide)', () => {
    for (const [m, n] of [[7, 4], [4, 7], [5, 5]] as const) {
      const a = randomMatrix(m, n, rng(m * 10 + n));
      const { q, r } = qr(a);
      const k = Math.min(m, n);
      expect(maxAbsDiff(matmul(transpose(q), q).data, identity(k).data)).toBeLessThan(1e-14);
      for (let i = 0; i < r.rows; i++) for (let j = 0; j < Math.min(i, n); j++) expect(r.data[i * n + j]).toBe(0);
      expect(maxAbsDiff(matmul(q, r).data, a.data)).toBeLessThan(1e-14);
      const full = qr(a, { mode: 'complete' });
      expect(full.q.cols).toBe(m);
      expect(maxAbsDiff(matmul(transpose(full.q), full.q).data, identity(m).data)).toBeLessThan(1e-14);
      expect(maxAbsDiff(matmul(full.q, full.r).data, a.data)).toBeLessThan(1e-14);
    }
  });
  it('lstsq: exact line fit and normal-equation optimality', () => {
    const fit = lstsq(fromRows([[1, 0], [1, 1], [1, 2]]), [1, 3, 5]);
    expect(maxAbsDiff(fit.x, [1, 2])).toBeLessThan(1e-14);
    expect(fit.rank).toBe(2);
    const r = rng(9);
    const a = randomMatrix(30, 5, r);
    const b = Float64Array.from({ length: 30 }, () => r());
    const { x, residual } = lstsq(a, b);
    const res = matvec(a, x).map((v, i) => v - b[i]!);
    // Aᵀ(Ax − b) = 0 at the minimizer
    expect(Math.max(...matvec(transpose(a), res).map(Math.abs))).toBeLessThan(1e-13);
    expect(residual).toBeCloseTo(norm(res) ** 2, 12);
  });
  it('lstsq on a rank-deficient matrix gives the minimum-norm solution', () => {
    // columns 2 = column 1: min-norm solution splits the weight equally
    const a = fromRows([[1, 1], [1, 1], [1, 1]]);
    const out = lstsq(a, [2, 2, 2]);
    expect(out.rank).toBe(1);
    expect(maxAbsDiff(out.x, [1, 1])).toBeLessThan(1e-14);
    // underdetermined x + 2y + 2z = 9 → min-norm (1, 2, 2)
    const u = lstsq(fromRows([[1, 2, 2]]), [9]);
    expect(maxAbsDiff(u.x, [1, 2, 2])).toBeLessThan(1e-14);
  });
  it('lstsq on an ill-conditioned Vandermonde fit recovers the coefficients', () => {
    const m = 20, n = 8;
    const a = matrix(m, n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) a.data[i * n + j] = (i / (m - 1)) ** j;
    const c = Float64Array.from({ length: n }, (_, j) => j + 1);
    const { x } = lstsq(a, matvec(a, c));
    expect(maxAbsDiff(x, c)).toBeLessThan(1e-7);
  });
});

describe('symmetric eigen', () => {
  it('decomposes random symmetric matrices: A·V = V·Λ, VᵀV = I', () => {
    const r = rng(11);
    const b = randomMatrix(12, 12, r);
    const a = matAdd(b, transpose(b));
    const { values, vectors } = eigSym(a);
    const AV = matmul(a, vectors);
    for (let j = 0; j < 12; j++) for (let i = 0; i < 12; i++) {
      expect(Math.abs(AV.data[i * 12 + j]! - values[j]! * vectors.data[i * 12 + j]!)).toBeLessThan(1e-13);
    }
    expect(maxAbsDiff(matmul(transpose(vectors), vectors).data, identity(12).data)).toBeLessThan(1e-14);
    for (let j = 1; j < 12; j++) expect(values[j]).toBeGreaterThanOrEqual(values[j - 1]!);
  });
  it('known spectra', () => {
    expect(Array.from(eigSym(fromRows([[2, 1], [1, 2]])).values).map((v) => +v.toFixed(14))).toEqual([1, 3]);
    // tridiagonal (2, −1): λ_k = 2 − 2cos(kπ/(n+1))
    const n = 6;
    const t = matrix(n, n);
    for (let i = 0; i < n; i++) {
      t.data[i * n + i] = 2;
      if (i > 0) t.data[i * n + i - 1] = t.data[(i - 1) * n + i] = -1;
    }
    const exact = Array.from({ length: n }, (_, k) => 2 - 2 * Math.cos(((k + 1) * Math.PI) / (n + 1)));
    expect(maxAbsDiff(eigSym(t).values, exact)).toBeLessThan(1e-14);
    // Hilbert(6): smallest eigenvalue 1.0827994845e-7 (a classical value)
    expect(eigSym(hilbert(6)).values[0]! / 1.0827994845e-7).toBeCloseTo(1, 8);
  });
  it('rejects non-symmetric input', () => {
    expect(() => eigSym(fromRows([[1, 2], [3, 4]]))).toThrow(DomainError);
  });
  it('QL and Jacobi agree; Jacobi resolves tiny eigenvalues to high relative accuracy', () => {
    const r = rng(21);
    for (const n of [1, 2, 3, 30]) {
      const b = randomMatrix(n, n, r);
      const a = matAdd(b, transpose(b));
      const ql = eigSym(a), jac = eigSym(a, { method: 'jacobi' });
      expect(maxAbsDiff(ql.values, jac.values)).toBeLessThan(1e-13);
      const AV = matmul(a, jac.vectors);
      for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) {
        expect(Math.abs(AV.data[i * n + j]! - jac.values[j]! * jac.vectors.data[i * n + j]!)).toBeLessThan(1e-13);
      }
    }
    // graded [[1, c], [c, d]], c = 5e-9, d = 1e-16: λ_min = d − c²/(1 − d) + O(c⁴) = 7.5e-17
    const lam = eigSym(fromRows([[1, 5e-9], [5e-9, 1e-16]]), { method: 'jacobi' }).values[0]!;
    expect(Math.abs(lam / 7.5e-17 - 1)).toBeLessThan(1e-8);
    // a diagonal matrix with a zero block and repeated values
    const d = eigSym(fromRows([[2, 0, 0], [0, 0, 0], [0, 0, 2]]));
    expect(Array.from(d.values)).toEqual([0, 2, 2]);
  });
});
