import { describe, expect, it } from 'vitest';
import { add, diff, evaluate, gradient, hessian, jacobian, lambdify, mul, parse, pow, rat, sin, exp, symbol, symMatrix } from '../../../src/symbolic/index.js';

describe('lambdify', () => {
  it('agrees with evaluate on the battery-style expressions', () => {
    const exprs = ['x^3 - 2*x^2 + 1', 'exp(x)/sqrt(sin(x)^3 + cos(x)^3)', 'atan2(y, x) + max(x, y) - min(x, 0)', 'erf(x*y) + sigmoid(x) + softplus(y) + relu(x - y)', 'x^(3/2) + y^-2 + 2^x', 'abs(x - y) + sign(y) + heaviside(x)', 'log(x, 2) + tanh(y)^2'];
    for (const t of exprs) {
      const e = parse(t);
      const f = lambdify(e, ['x', 'y']);
      for (const [a, b] of [[0.7, 1.3], [1.9, 0.4]] as const) {
        const want = evaluate(e, { x: a, y: b });
        expect(Math.abs(f(a, b) - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
      }
    }
  });
  it('returns lists and matrices, and evaluates Float64Array columns in one call', () => {
    const J = jacobian(['2*x*y', 'x^2*y'], ['x', 'y']);
    expect(lambdify(J, ['x', 'y'])(1, 2)).toEqual([[4, 2], [4, 1]]);
    expect(lambdify(['x + y', 'x*y'], 'x y')(2, 3)).toEqual([5, 6]);
    const f = lambdify(parse('x^2 + y'), ['x', 'y']);
    expect(Array.from(f.vectorized([Float64Array.of(1, 2, 3), Float64Array.of(0, 1, 2)]))).toEqual([1, 5, 11]);
    const g = lambdify(['x', '2'], ['x']);
    const [c0, c1] = g.vectorized([Float64Array.of(4, 5)]);
    expect([Array.from(c0!), Array.from(c1!)]).toEqual([[4, 5], [2, 2]]);
  });
  it('eliminates common subexpressions (shared nodes computed once)', () => {
    const f = lambdify(parse('sin(x*y)^2 + cos(x*y)*sin(x*y)'), ['x', 'y']);
    expect(f.code.match(/Math\.sin/g)!.length).toBe(1);
    expect(f.code.match(/a1 \* a0|a0 \* a1/g)!.length).toBe(1);
  });
  it('compiles big expressions in chunks and vectorizes them', () => {
    const x = symbol('x');
    const terms = [];
    for (let i = 1; i <= 60; i++) terms.push(mul(sin(mul(rat(i, 7), x)), exp(mul(rat(-i, 400), pow(x, 2))), pow(x, i)));
    const d = diff(add(...terms), x);
    const f = lambdify(d, ['x']);
    const pts = Float64Array.from({ length: 5000 }, (_, i) => i / 5000);
    const out = f.vectorized([pts]);
    for (const i of [0, 1234, 4999]) {
      const want = evaluate(d, { x: pts[i]! });
      expect(Math.abs(out[i]! - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
      expect(Math.abs(f(pts[i]!) - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
    }
  });
  it('checks arity and compiles gradient/Hessian matrices', () => {
    const f = lambdify(gradient('x^2*y', ['x', 'y']), ['x', 'y']);
    expect(f(3, 2)).toEqual([[12], [9]]);
    expect(() => f(1)).toThrow(/expected 2 arguments/);
    expect(lambdify(hessian('x^2*y', ['x', 'y']), ['x', 'y'])(3, 2)).toEqual([[4, 6], [6, 0]]);
    expect(lambdify(symMatrix([[1]]), [])()).toEqual([[1]]);
  });
});

describe('lambdify: code too big for one function', () => {
  it('splits into chunks that share temporaries and still agree with evaluate', () => {
    const x = symbol('x');
    const y = symbol('y');
    const shared = sin(mul(x, y));
    const terms = [];
    for (let i = 1; i <= 2500; i++) terms.push(mul(rat(1, i), shared, sin(mul(i, x)), pow(y, i % 7)));
    const e = add(...terms);
    const f = lambdify(e, ['x', 'y']);
    expect(f.code.length).toBeGreaterThan(55_000);
    const xs = Float64Array.from({ length: 300 }, (_, i) => i / 300);
    const ys = Float64Array.from({ length: 300 }, (_, i) => 1 - i / 600);
    const out = f.vectorized([xs, ys]);
    for (const i of [0, 150, 299]) {
      const want = evaluate(e, { x: xs[i]!, y: ys[i]! });
      expect(Math.abs(out[i]! - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
      expect(Math.abs(f(xs[i]!, ys[i]!) - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
    }
  });
});

describe('lambdify: the array form and argument checks (review W7)', () => {
  it('takes one array of the variables, as minimize passes it', () => {
    const f = lambdify('(x-3)^2', ['x']);
    expect(f(Float64Array.of(0.5))).toBe(6.25);
    expect(f([0.5])).toBe(6.25);
    const g = lambdify('x^2 + 10*y', ['x', 'y']);
    expect(g(Float64Array.of(2, 3))).toBe(34);
    expect(g([2, 3])).toBe(34);
    expect(g(2, 3)).toBe(34);
  });
  it('passed straight to minimize, finds the true minimum', async () => {
    const { minimize } = await import('../../../src/optimize/index.js');
    const f = lambdify('(x-3)^2 + (y+1)^2', ['x', 'y']);
    for (const method of ['nelder-mead', 'bfgs'] as const) {
      const r = minimize(f, [0, 0], { method });
      expect(r.success).toBe(true);
      expect(r.x[0]).toBeCloseTo(3, 4);
      expect(r.x[1]).toBeCloseTo(-1, 4);
    }
  });
  it('refuses strings, wrong counts and non-numbers with an ArgumentError', async () => {
    const { ArgumentError } = await import('../../../src/core/errors.js');
    const f = lambdify('x+y', ['x', 'y']) as unknown as (...a: unknown[]) => number;
    expect(() => f('2', '3')).toThrow(ArgumentError);
    expect(() => f('2', '3')).toThrow(/argument 1 \(x\) must be a number, got the string '2'/);
    expect(() => f(2)).toThrow(/expected 2 arguments \(x, y\) or one array of 2 numbers, got 1/);
    expect(() => f([1, 2, 3])).toThrow(/got an array of 3/);
    expect(() => f(1, 2, 3)).toThrow(ArgumentError);
    expect(() => f(1, null)).toThrow(/argument 2 \(y\) must be a number, got null/);
    expect(() => f([1, '2'])).toThrow(/argument 2 \(y\) must be a number/);
    expect(() => f(1n, 2)).toThrow(/got a bigint/);
    const v = lambdify('x+y', ['x', 'y']).vectorized as unknown as (c: unknown) => Float64Array;
    expect(() => v([[1, '2'], [3, 4]])).toThrow(/column 1 \(x\) entry 1 must be a number/);
    expect(() => v('ab')).toThrow(ArgumentError);
  });
});
