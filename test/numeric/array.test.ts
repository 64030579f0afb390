import { describe, expect, it } from 'vitest';
import {
  arange, argmax, argmin, arrayDiff, cumsum, linspace, meshgrid, vadd, vdiv, vdot, vmap, vmul, vnorm, vsub, vsum, vzip,
} from '../../src/numeric/index.js';
import { ArgumentError, ShapeError } from '../../src/core/index.js';

// Expected values computed with NumPy 2.4 (np.linspace, np.arange, np.cumsum, np.meshgrid).
describe('ranges', () => {
  it('linspace matches NumPy element for element', () => {
    const x = linspace(-10, 10, 500);
    expect(x.length).toBe(500);
    expect([x[0], x[1], x[2], x[499]]).toEqual([-10, -9.959919839679358, -9.919839679358718, 10]);
    expect(Array.from(linspace(0, 1, 5))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(linspace(3, 7, 1))).toEqual([3]);
    expect(linspace(0, 1, 0).length).toBe(0);
    expect(() => linspace(0, 1, -1)).toThrow(ArgumentError);
  });
  it("arange follows NumPy's length rule and start + i·delta values", () => {
    const x = arange(-10, 10, 0.1);
    expect(x.length).toBe(200); // ceil(20/0.1) = 200
    expect(x[1]).toBe(-9.9);
    expect(x[199]).toBe(9.899999999999928); // np.arange(-10, 10, 0.1)[-1]
    const a = arange(0, 360, 0.1);
    expect([a.length, a[84], a[450], a[3599]]).toEqual([3600, 8.4, 45, 359.90000000000003]);
    expect(Array.from(arange(5))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(arange(3, 0, -1))).toEqual([3, 2, 1]);
    expect(arange(0, 1, -1).length).toBe(0);
    expect(arange(1, 1.3, 0.1).length).toBe(4); // NumPy's quirk: np.arange(1, 1.3, 0.1) → [1. 1.1 1.2 1.3]
    expect(() => arange(0, 1, 0)).toThrow(ArgumentError);
  });
  it('meshgrid ij and xy', () => {
    const ij = meshgrid([1, 2], [3, 4, 5], 'ij');
    expect([ij.rows, ij.cols]).toEqual([2, 3]);
    expect(Array.from(ij.xv)).toEqual([1, 1, 1, 2, 2, 2]);
    expect(Array.from(ij.yv)).toEqual([3, 4, 5, 3, 4, 5]);
    const xy = meshgrid([1, 2], [3, 4, 5]);
    expect([xy.rows, xy.cols]).toEqual([3, 2]);
    expect(Array.from(xy.xv)).toEqual([1, 2, 1, 2, 1, 2]);
    expect(Array.from(xy.yv)).toEqual([3, 3, 4, 4, 5, 5]);
  });
});

describe('running sums and differences', () => {
  it('cumsum accumulates left to right like np.cumsum', () => {
    expect(Array.from(cumsum([1, 2, 3]))).toEqual([1, 3, 6]);
    const y = cumsum(vmap(arange(-10, 10, 0.1), (v) => 2 * v * 0.1));
    expect([y[0], Math.min(...y), y[199]]).toEqual([-2, -101.00000000000037, -2.000000000001413]);
  });
  it('arrayDiff of order n', () => {
    expect(Array.from(arrayDiff([1, 4, 9, 16]))).toEqual([3, 5, 7]);
    expect(Array.from(arrayDiff([1, 4, 9, 16], 2))).toEqual([2, 2]);
    expect(arrayDiff([1], 1).length).toBe(0);
  });
});

describe('elementwise helpers', () => {
  it('arithmetic, dot, norms, arg-extrema', () => {
    expect(Array.from(vadd([1, 2], [3, 4]))).toEqual([4, 6]);
    expect(Array.from(vsub([3, 4], 1))).toEqual([2, 3]);
    expect(Array.from(vmul([1, 2], 3))).toEqual([3, 6]);
    expect(Array.from(vdiv([2, 4], [2, 8]))).toEqual([1, 0.5]);
    expect(Array.from(vzip([1, 5], [3, 4], Math.max))).toEqual([3, 5]);
    expect(vdot([1, 2, 3], [4, 5, 6])).toBe(32);
    expect(vnorm([3, 4])).toBe(5);
    expect(vnorm([1e200, 1e200])).toBeCloseTo(Math.SQRT2 * 1e200, -185); // no overflow
    expect(vnorm([3, -4], Infinity)).toBe(4);
    expect(vnorm([3, -4], 1)).toBe(7);
    expect(Math.abs(vsum(new Float64Array(1000).fill(0.1)) - 100)).toBeLessThan(1e-12);
    expect(argmax([1, 5, 5, 2])).toBe(1);
    expect(argmin([3, 1, 1])).toBe(1);
    expect(() => vadd([1], [1, 2])).toThrow(ShapeError);
  });
});
