// SLSQP on random strictly convex QPs with random feasible linear constraints and bounds: the
// returned point and multipliers must satisfy the KKT conditions, which for a convex problem
// certify the global minimum. Seeded, so failures reproduce.
import { describe, expect, it } from 'vitest';
import { minimize } from '../../src/optimize/index.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

describe('slsqp on random convex QPs', () => {
  it('satisfies KKT on 60 random problems (exact and forward-difference gradients)', () => {
    const rnd = lcg(2024);
    for (let t = 0; t < 60; t++) {
      const n = 2 + (t % 5), mIn = 1 + (t % 6), mEq = t % 3 === 0 ? 1 : 0;
      const M = Array.from({ length: n }, () => Array.from({ length: n }, () => rnd()));
      // Q = MᵀM + 0.5 I (positive definite), f = ½xᵀQx + cᵀx
      const Q = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => M.reduce((s, row) => s + row[i]! * row[j]!, 0) + (i === j ? 0.5 : 0)));
      const c = Array.from({ length: n }, () => 4 * rnd());
      const xf = Array.from({ length: n }, () => rnd()); // a feasible point
      const A = Array.from({ length: mIn + mEq }, () => Array.from({ length: n }, () => rnd()));
      const b = A.map((a, k) => a.reduce((s, v, j) => s + v * xf[j]!, 0) - (k < mIn ? Math.abs(rnd()) : 0));
      const grad = (x: Float64Array) => Q.map((row, i) => row.reduce((s, q, j) => s + q * x[j]!, 0) + c[i]!);
      const f = (x: Float64Array) => 0.5 * x.reduce((s, xi, i) => s + xi * grad(x)[i]! - xi * c[i]!, 0) + x.reduce((s, xi, i) => s + c[i]! * xi, 0);
      const exact = t % 2 === 0;
      const constraints = A.map((a, k) => ({
        type: (k < mIn ? 'ineq' : 'eq') as 'ineq' | 'eq',
        fun: (x: Float64Array) => a.reduce((s, v, j) => s + v * x[j]!, 0) - b[k]!,
        ...(exact ? { jac: () => a } : {}),
      }));
      const bounds = Array.from({ length: n }, () => [-2, 2] as [number, number]);
      const r = minimize(f, Array.from({ length: n }, () => 3 * rnd()), { method: 'slsqp', constraints, bounds, ...(exact ? { jac: grad } : {}) });
      expect(r.success, `problem ${t}: ${r.message}`).toBe(true);
      expect(r.maxcv!).toBeLessThan(1e-8);
      // stationarity: Qx + c = Σ λₖ aₖ + μ (bounds)
      const g = grad(r.x);
      const res = g.map((gi, j) => gi - A.reduce((s, a, k) => s + r.multipliers![k]! * a[j]!, 0) - r.boundMultipliers![j]!);
      const tolG = exact ? 1e-6 : 1e-4;
      res.forEach((v) => expect(Math.abs(v)).toBeLessThan(tolG * Math.max(1, Math.abs(r.fun))));
      // dual feasibility and complementarity for the inequalities
      for (let k = 0; k < mIn; k++) {
        const slack = A[k]!.reduce((s, v, j) => s + v * r.x[j]!, 0) - b[k]!;
        expect(r.multipliers![k]!).toBeGreaterThanOrEqual(0);
        expect(Math.abs(r.multipliers![k]! * slack)).toBeLessThan(1e-6);
      }
    }
  });
});
