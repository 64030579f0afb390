import { describe, expect, it } from 'vitest';
import { brentq, newton, polyRoots } from '../../src/numeric/index.js';
import { ArgumentError, ConvergenceError } from '../../src/core/index.js';

describe('brentq', () => {
  it('finds √2, π and the Dottie number', () => {
    expect(Math.abs(brentq((x) => x * x - 2, 0, 2).root - Math.SQRT2)).toBeLessThan(4e-12);
    expect(Math.abs(brentq(Math.sin, 3, 4).root - Math.PI)).toBeLessThan(4e-12);
    // cos x = x at 0.7390851332151607 (the Dottie number)
    expect(Math.abs(brentq((x) => Math.cos(x) - x, 0, 1).root - 0.7390851332151607)).toBeLessThan(4e-12);
  });
  it('handles steep and flat functions within the iteration budget', () => {
    const r = brentq((x) => x ** 9 - 1e-9, -1, 2, { xtol: 1e-14 });
    expect(Math.abs(r.root - 1e-1)).toBeLessThan(1e-12);
    expect(r.iterations).toBeLessThan(100);
  });
  it('requires a sign change', () => {
    expect(() => brentq((x) => x * x + 1, -1, 1)).toThrow(ArgumentError);
  });
});

describe('newton', () => {
  it('with a derivative and by secants', () => {
    expect(Math.abs(newton((x) => x * x - 2, 1, { fprime: (x) => 2 * x }).root - Math.SQRT2)).toBeLessThan(1e-12);
    expect(Math.abs(newton(Math.cos, 1).root - Math.PI / 2)).toBeLessThan(1e-10);
  });
  it('reports a zero derivative', () => {
    expect(() => newton((x) => x * x + 1, 0, { fprime: (x) => 2 * x })).toThrow(ConvergenceError);
  });
});

describe('polyRoots', () => {
  const close = (got: { re: number; im: number }[], want: [number, number][], tol: number) => {
    expect(got.length).toBe(want.length);
    got.forEach((z, k) => {
      expect(Math.abs(z.re - want[k]![0])).toBeLessThan(tol);
      expect(Math.abs(z.im - want[k]![1])).toBeLessThan(tol);
    });
  };
  it('quadratics, complex pairs, zero roots', () => {
    close(polyRoots([1, -3, 2]), [[1, 0], [2, 0]], 1e-15);
    close(polyRoots([1, 0, 1]), [[0, -1], [0, 1]], 1e-15);
    close(polyRoots([2, -4, 0, 0]), [[0, 0], [0, 0], [2, 0]], 1e-15);
    close(polyRoots([0, 0, 3, 6]), [[-2, 0]], 1e-15);
  });
  it('Wilkinson-like degree 10: roots 1..10', () => {
    // ∏_{k=1}^{10} (x − k) expanded
    let p = [1];
    for (let k = 1; k <= 10; k++) p = [...p, 0].map((v, i) => v - k * (i > 0 ? p[i - 1]! : 0));
    const r = polyRoots(p);
    r.forEach((z, i) => {
      expect(Math.abs(z.re - (i + 1))).toBeLessThan(1e-8);
      expect(Math.abs(z.im)).toBeLessThan(1e-8);
    });
  });
  it('roots of unity: z⁸ = 1', () => {
    const r = polyRoots([1, 0, 0, 0, 0, 0, 0, 0, -1]);
    for (const z of r) expect(Math.abs(Math.hypot(z.re, z.im) - 1)).toBeLessThan(1e-14);
    expect(r.filter((z) => z.im === 0).map((z) => z.re)).toEqual([-1, 1]);
  });
  it('a double root converges (to about √ε)', () => {
    const r = polyRoots([1, -2, 1]);
    for (const z of r) expect(Math.hypot(z.re - 1, z.im)).toBeLessThan(1e-7);
  });
  it('rejects the zero polynomial', () => {
    expect(() => polyRoots([0, 0])).toThrow(ArgumentError);
  });
});
