import { describe, expect, it } from 'vitest';
import {
  checkGradient, D, derivative, directionalDerivative, dual, dualGradient, numericGradient, numericHessian,
  numericJacobian, richardson, type Dual,
} from '../../src/numeric/index.js';
import { ArgumentError, DomainError } from '../../src/core/index.js';

// d/dx eˣ/√(sin³x + cos³x) at 1.5 (the known case; exact value from the symbolic derivative)
const EXACT = 4.053427893898621;
const f = (x: number) => Math.exp(x) / Math.sqrt(Math.sin(x) ** 3 + Math.cos(x) ** 3);
const fd = (x: Dual) => D.div(D.exp(x), D.sqrt(D.add(D.pow(D.sin(x), 3), D.pow(D.cos(x), 3))));

describe('derivative', () => {
  it('central ~1e-10, Richardson ~1e-14, dual exact on the known case', () => {
    const central = derivative(f, 1.5);
    expect(Math.abs(central - EXACT)).toBeLessThan(1e-9);
    expect(Math.abs(central - EXACT)).toBeGreaterThan(1e-13); // it really is an approximation
    expect(Math.abs(derivative(f, 1.5, { method: 'richardson' }) - EXACT)).toBeLessThan(5e-14);
    expect(Math.abs(derivative(f, 1.5, { method: 'five-point' }) - EXACT)).toBeLessThan(1e-10);
    expect(Math.abs(derivative(f, 1.5, { method: 'forward' }) - EXACT)).toBeLessThan(1e-6);
    expect(Math.abs(derivative(fd, 1.5, { method: 'dual' }) - EXACT)).toBeLessThanOrEqual(4 * Number.EPSILON * EXACT);
  });
  it('follows SciPy step rules: forward error ~ √ε, central ~ ε^(2/3) relative to |x|', () => {
    // d/dx x³ at 1e4 = 3e8: the step scales with |x|
    const big = derivative((x) => x ** 3, 1e4);
    expect(Math.abs(big - 3e8) / 3e8).toBeLessThan(1e-9);
    expect(Math.abs(derivative(Math.sin, 0, { method: 'forward' }) - 1)).toBeLessThan(1e-7);
  });
  it('richardson reports an error estimate that bounds the truth', () => {
    const r = richardson(Math.exp, 1);
    expect(Math.abs(r.value - Math.E)).toBeLessThanOrEqual(10 * r.error + 1e-16);
    expect(r.error).toBeLessThan(1e-12);
  });
  it('rejects bad input', () => {
    expect(() => derivative(f, NaN)).toThrow(DomainError);
    expect(() => derivative(f, 1, { method: 'bogus' as 'central' })).toThrow(ArgumentError);
  });
});

describe('dual numbers', () => {
  it('apply the chain rule exactly', () => {
    expect(D.mul(dual(3, 1), dual(3, 1))).toEqual({ re: 9, du: 6 });
    expect(D.div(1, dual(2, 1)).du).toBe(-0.25);
    expect(D.pow(2, dual(3, 1)).du).toBeCloseTo(8 * Math.LN2, 15);
    expect(D.tanh(dual(0, 1)).du).toBe(1);
    expect(D.sigmoid(dual(0, 1)).du).toBe(0.25);
    expect(D.log(dual(Math.E, 1)).du).toBeCloseTo(1 / Math.E, 16);
    expect(dualGradient(([x, y]) => D.add(D.mul(x!, x!), D.pow(y!, 3)), [2, 3])).toEqual(new Float64Array([4, 27]));
  });
});

describe('gradients, Jacobians, Hessians', () => {
  const g = (v: Float64Array) => v[0]! ** 2 + v[1]! ** 3; // lesson 03's f
  it('numericGradient of x²+y³ at (2,3) ≈ (4, 27)', () => {
    const grad = numericGradient(g, [2, 3]);
    expect(Math.abs(grad[0]! - 4)).toBeLessThan(1e-9);
    expect(Math.abs(grad[1]! - 27)).toBeLessThan(1e-8);
    const fwd = numericGradient(g, [2, 3], { method: 'forward' });
    expect(Math.abs(fwd[1]! - 27)).toBeLessThan(1e-6);
  });
  it('numericJacobian of (2xy, x²y) is [[2y, 2x], [2xy, x²]] (lesson 04)', () => {
    const J = numericJacobian((v) => [2 * v[0]! * v[1]!, v[0]! ** 2 * v[1]!], [1.5, -2]);
    const exact = [-4, 3, -6, 2.25];
    for (let k = 0; k < 4; k++) expect(Math.abs(J.data[k]! - exact[k]!)).toBeLessThan(1e-9);
    expect([J.rows, J.cols]).toEqual([2, 2]);
  });
  it('numericHessian of x²y + sin(y) matches [[2y, 2x], [2x, −sin y]]', () => {
    const H = numericHessian((v) => v[0]! ** 2 * v[1]! + Math.sin(v[1]!), [1, 2]);
    const exact = [4, 2, 2, -Math.sin(2)];
    for (let k = 0; k < 4; k++) expect(Math.abs(H.data[k]! - exact[k]!)).toBeLessThan(1e-6);
  });
  it('directionalDerivative: ∇f·u', () => {
    const d = directionalDerivative((v) => v[0]! ** 2 + v[1]! ** 2, [1, 1], [1, 1]);
    expect(Math.abs(d - 2 * Math.SQRT2)).toBeLessThan(1e-9);
    expect(Math.abs(directionalDerivative(g, [2, 3], [0, 2], { normalize: false }) - 54)).toBeLessThan(1e-7);
    expect(() => directionalDerivative(g, [2, 3], [0, 0])).toThrow(DomainError);
  });
  it('checkGradient: passes a right gradient, flags a wrong one at the right index', () => {
    const ok = checkGradient(g, (v) => [2 * v[0]!, 3 * v[1]! ** 2], [2, 3]);
    expect(ok.ok).toBe(true);
    expect(ok.maxRelError).toBeLessThan(1e-9);
    const bad = checkGradient(g, (v) => [2 * v[0]!, 2 * v[1]! ** 2], [2, 3]);
    expect(bad.ok).toBe(false);
    expect(bad.index).toBe(1);
    expect(bad.maxRelError).toBeCloseTo(1 / 3, 6);
  });
});

describe('richardson near a domain edge', () => {
  it('d/dx √x at 0.01 = 5 (the first step would leave the domain)', () => {
    expect(Math.abs(derivative(Math.sqrt, 0.01, { method: 'richardson' }) - 5)).toBeLessThan(1e-9);
  });
});
