import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConvergenceError, DomainError, LimitError, ShapeError } from '../../src/core/errors.js';
import { hardMarginSlsqp, hardMarginSvm } from '../../src/svm/index.js';
import { expFast, resolveGamma } from '../../src/svm/kernels.js';
import { KernelCache } from '../../src/svm/kernel-cache.js';

const here = dirname(fileURLToPath(import.meta.url));
const ref = JSON.parse(readFileSync(resolve(here, '../reference/svm/svc.json'), 'utf8'));

describe('hardMarginSvm: lesson 7 exactly', () => {
  it('three points: α = (4/9, 2/9, 2/9), w = (2/3, 2/3), b = −1, margin 3/(2√2)', () => {
    const r = hardMarginSvm(ref.three_points.X, ref.three_points.y);
    expect(r.exact).toEqual({ w: ['2/3', '2/3'], b: '-1', alpha: ['4/9', '2/9', '2/9'], objective: '8/9' });
    expect(r.support).toEqual(ref.three_points.support);
    r.dualCoef.forEach((c, i) => expect(c).toBeCloseTo(ref.three_points.dual_coef[i], 12));
    expect(r.margin).toBeCloseTo(3 / (2 * Math.SQRT2), 15);
    expect(r.objective).toBeCloseTo(ref.three_points.objective_a2_plus_b2, 12);
    expect(r.active).toEqual([true, true, true]);
  });

  it('six points (the exercise): same line, new points inactive', () => {
    const r = hardMarginSvm(ref.six_points.X, ref.six_points.y);
    expect(r.exact.w).toEqual(['2/3', '2/3']);
    expect(r.exact.b).toBe('-1');
    expect(r.exact.alpha).toEqual(['0', '0', '4/9', '0', '2/9', '2/9']);
    expect(r.support).toEqual(ref.six_points.support);
    expect(r.active).toEqual([false, false, true, false, true, true]);
  });

  it('non-integer coordinates stay exact (scaled problem: w scales by 1/s)', () => {
    const s = 0.5;
    const r = hardMarginSvm(
      ref.three_points.X.map((p: number[]) => p.map((v) => v * s)),
      ref.three_points.y,
    );
    expect(r.exact.w).toEqual(['4/3', '4/3']);
    expect(r.exact.alpha).toEqual(['16/9', '8/9', '8/9']);
  });

  it('refuses data that are not separable, or too many sets', () => {
    expect(() => hardMarginSvm([[0], [1], [2]], [0, 1, 0])).toThrow(DomainError);
    expect(() => hardMarginSvm([[0], [1], [2]], [0, 1, 0])).toThrow(/not linearly separable/);
    const big = Array.from({ length: 200 }, (_, i) => [i, i % 7, i % 3]);
    expect(() => hardMarginSvm(big, big.map((_, i) => i % 2))).toThrow(LimitError);
    expect(() => hardMarginSvm([[0, 0]], [0, 1])).toThrow(ShapeError);
  });
});

describe('hardMarginSlsqp: the primal through minimize(slsqp)', () => {
  for (const name of ['three_points', 'six_points'] as const) {
    it(`${name}: multipliers of ½‖w‖² are α; same line as the exact QP and the reference`, () => {
      const r = ref[name];
      const exact = hardMarginSvm(r.X, r.y);
      const qp = hardMarginSlsqp(r.X, r.y);
      qp.w.forEach((v, i) => expect(Math.abs(v - r.w[i])).toBeLessThan(1e-6));
      expect(Math.abs(qp.b - r.b)).toBeLessThan(1e-6);
      qp.alpha.forEach((a, i) => expect(Math.abs(a - exact.alpha[i]!)).toBeLessThan(1e-6));
      expect(qp.active).toEqual(exact.active);
      expect(qp.margin).toBeCloseTo(exact.margin, 9);
    });
  }
  it('not separable: ConvergenceError', () => {
    expect(() => hardMarginSlsqp([[0], [1], [2]], [0, 1, 0])).toThrow(ConvergenceError);
  });
});

describe('kernel helpers', () => {
  it('expFast agrees with Math.exp to a few ulps and rounds to the same float32', () => {
    let worst = 0;
    for (let i = 0; i <= 200000; i++) {
      const x = -40 * (i / 200000) ** 2;
      const e = Math.exp(x);
      worst = Math.max(worst, Math.abs(expFast(x) - e) / e);
    }
    expect(worst).toBeLessThan(1e-14);
    expect(expFast(0)).toBe(1);
    expect(expFast(-800)).toBe(Math.exp(-800));
    expect(expFast(2)).toBe(Math.exp(2));
  });

  it("gamma 'scale' is 1/(n_features·Var(X)); 'auto' is 1/n_features", () => {
    // X = [[0, 0], [1, 2], [2, 1]]: entries 0,0,1,2,2,1, mean 1, variance 4/6.
    const X = new Float64Array([0, 0, 1, 2, 2, 1]);
    expect(resolveGamma('scale', X, 3, 2)).toBeCloseTo(1 / (2 * (4 / 6)), 15);
    expect(resolveGamma('auto', X, 3, 2)).toBe(0.5);
    expect(resolveGamma('scale', new Float64Array([3, 3]), 1, 2)).toBe(1);
  });

  it('KernelCache: LRU eviction and swaps keep the right entries', () => {
    const c = new KernelCache(4, 2 * 4 * 4); // two columns of four floats
    const fill = (i: number, len: number) => {
      const start = c.request(i, len);
      const col = c.column(i);
      for (let k = start; k < len; k++) col[k] = 10 * i + k;
      return start;
    };
    expect(fill(0, 4)).toBe(0);
    expect(fill(1, 2)).toBe(0);
    expect(fill(1, 4)).toBe(2); // extended, not recomputed
    expect(fill(0, 4)).toBe(4); // hit
    expect(fill(2, 4)).toBe(0); // evicts 1, the least recently used
    expect(fill(1, 4)).toBe(0);
    // Swap positions 1 and 3: column 1 becomes column 3's (absent) and entries 1, 3 trade places.
    c.swap(1, 3);
    expect(c.request(3, 4)).toBe(4);
    expect(Array.from(c.column(3))).toEqual([10, 13, 12, 11]);
  });
});
