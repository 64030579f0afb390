// NNLS against brute force over active sets (the exact minimiser of a strictly convex problem is
// the best feasible unconstrained least-squares solution over all subsets of free variables) and
// against the KKT conditions.
import { describe, expect, it } from 'vitest';
import { ArgumentError, ShapeError } from '../../src/core/errors.js';
import { nnls } from '../../src/numeric/nnls.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

/** Least squares on the columns in `cols` by the normal equations (tiny, well-conditioned cases). */
function lsSubset(A: number[][], b: number[], cols: number[]): number[] | null {
  const k = cols.length;
  const M = cols.map((i) => cols.map((j) => A.reduce((s, row) => s + row[i]! * row[j]!, 0)));
  const r = cols.map((i) => A.reduce((s, row, t) => s + row[i]! * b[t]!, 0));
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let i = c + 1; i < k; i++) if (Math.abs(M[i]![c]!) > Math.abs(M[p]![c]!)) p = i;
    if (Math.abs(M[p]![c]!) < 1e-12) return null;
    [M[c], M[p]] = [M[p]!, M[c]!];
    [r[c], r[p]] = [r[p]!, r[c]!];
    for (let i = c + 1; i < k; i++) {
      const f = M[i]![c]! / M[c]![c]!;
      for (let j = c; j < k; j++) M[i]![j]! -= f * M[c]![j]!;
      r[i]! -= f * r[c]!;
    }
  }
  const z = new Array<number>(k).fill(0);
  for (let i = k - 1; i >= 0; i--) {
    let s = r[i]!;
    for (let j = i + 1; j < k; j++) s -= M[i]![j]! * z[j]!;
    z[i] = s / M[i]![i]!;
  }
  return z;
}

function bruteForce(A: number[][], b: number[]): { x: number[]; rnorm: number } {
  const n = A[0]!.length;
  let best = { x: new Array<number>(n).fill(0), rnorm: Math.hypot(...b) };
  for (let mask = 1; mask < 1 << n; mask++) {
    const cols = [...Array(n).keys()].filter((j) => mask & (1 << j));
    const z = lsSubset(A, b, cols);
    if (!z || z.some((v) => v < 0)) continue;
    const x = new Array<number>(n).fill(0);
    cols.forEach((j, k) => (x[j] = z[k]!));
    const rn = Math.hypot(...A.map((row, t) => row.reduce((s, a, j) => s + a * x[j]!, 0) - b[t]!));
    if (rn < best.rnorm) best = { x, rnorm: rn };
  }
  return best;
}

describe('nnls', () => {
  it('clips a negative component (identity matrix)', () => {
    const r = nnls({ rows: 2, cols: 2, data: Float64Array.from([1, 0, 0, 1]) }, [1, -2]);
    expect(Array.from(r.x)).toEqual([1, 0]);
    expect(r.rnorm).toBeCloseTo(2, 14);
  });

  it('matches brute force over active sets on 60 random problems', () => {
    const rnd = lcg(7);
    for (let trial = 0; trial < 60; trial++) {
      const m = 3 + (trial % 5), n = 2 + (trial % 4);
      const A = Array.from({ length: m }, () => Array.from({ length: n }, () => rnd()));
      const b = Array.from({ length: m }, () => rnd());
      const r = nnls({ rows: m, cols: n, data: Float64Array.from(A.flat()) }, b);
      const bf = bruteForce(A, b);
      expect(r.converged).toBe(true);
      expect(r.rnorm).toBeCloseTo(bf.rnorm, 10);
      // the minimiser is unique when A has full column rank (m ≥ n here)
      if (m >= n) r.x.forEach((v, j) => expect(v).toBeCloseTo(bf.x[j]!, 8));
      // KKT: x ≥ 0, w = Aᵀ(b − Ax) ≤ 0, xⱼwⱼ = 0
      r.x.forEach((v, j) => {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(r.dual[j]!).toBeLessThanOrEqual(1e-10);
        expect(Math.abs(v * r.dual[j]!)).toBeLessThan(1e-10);
      });
    }
  });

  it('handles more columns than rows (the LDP case of SLSQP)', () => {
    const rnd = lcg(11);
    const m = 3, n = 7;
    const A = Array.from({ length: m }, () => Array.from({ length: n }, () => rnd()));
    const b = [0.3, -0.2, 1];
    const r = nnls({ rows: m, cols: n, data: Float64Array.from(A.flat()) }, b);
    expect(r.rnorm).toBeCloseTo(bruteForce(A, b).rnorm, 10);
  });

  it('rejects bad input', () => {
    expect(() => nnls({ rows: 2, cols: 1, data: Float64Array.from([1, 2]) }, [1])).toThrow(ShapeError);
    expect(() => nnls({ rows: 1, cols: 1, data: Float64Array.from([NaN]) }, [1])).toThrow(ArgumentError);
    // A negative limit used to return converged: false at x = 0 without a word.
    expect(() => nnls({ rows: 1, cols: 1, data: Float64Array.from([1]) }, [1], { maxiter: -1 })).toThrow(/maxiter must be a non-negative integer/);
    expect(() => nnls({ rows: 1, cols: 1, data: Float64Array.from([1]) }, [1], { tol: NaN })).toThrow(/tol must be a finite number/);
  });
});
