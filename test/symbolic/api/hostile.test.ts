// Hostile input: random strings, huge sums and deep nesting are handled or refused with a typed
// error — never a crash, hang or stack overflow.
import { describe, expect, it } from 'vitest';
import { LimitError, NablaError, ParseError } from '../../../src/core/errors.js';
import {
  add, diff, evaluate, expand, fn, lambdify, latex, mul, parse, pow, pretty, sin, symbol, symbols, toString, type Expr,
} from '../../../src/symbolic/index.js';

/** xorshift32: a tiny seeded generator so the strings are reproducible. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

describe('hostile input', () => {
  it('10^5 random strings: parse returns an expression or throws ParseError', () => {
    const alphabet = ['x', 'y', '1', '2', '9', '.', 'e', '+', '-', '*', '/', '^', '**', '(', ')', ',', ' ', 'sin', 'log', 'sqrt', '[', ']', ';', 'pi', 'oo', 'f', '0', '$', 'max', 'float', 'Derivative'];
    const r = rng(42);
    let ok = 0;
    let refused = 0;
    for (let i = 0; i < 100_000; i++) {
      const n = 1 + Math.floor(r() * 12);
      let s = '';
      for (let k = 0; k < n; k++) s += alphabet[Math.floor(r() * alphabet.length)];
      try {
        const e = parse(s);
        // whatever parses also prints back to the identical object
        if (parse(toString(e)) !== e) throw new Error(`round trip failed for ${JSON.stringify(s)}: ${toString(e)}`);
        ok++;
      } catch (e) {
        if (!(e instanceof ParseError)) throw e instanceof Error && e.message.startsWith('round trip') ? e : new Error(`parse(${JSON.stringify(s)}) threw ${String(e)}`);
        refused++;
      }
    }
    expect(ok + refused).toBe(100_000);
    expect(ok).toBeGreaterThan(1000);
  });

  it('refuses absurd exact powers with a ParseError, quickly', () => {
    expect(() => parse('9^9^9^9')).toThrow(ParseError);
    expect(() => parse('(10^6)^(10^6)')).toThrow(/too large/);
  });

  it('a sum of 10^5 terms parses, prints, differentiates, evaluates and compiles', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `${i + 1}*x${i}`).join(' + ');
    const e = parse(text);
    expect(e.kind).toBe('Add');
    const x5 = symbol('x5');
    expect(diff(e, x5)).toBe(parse('6'));
    // Printed in SymPy's order (symbols by name: x0, x1, x10, x100, …): exact text, which spares
    // a second parse of 10^5 terms (round trips are checked on the random strings above).
    const names = Array.from({ length: 100_000 }, (_, i) => `x${i}`).sort();
    const want = names.map((v) => `${Number(v.slice(1)) + 1}*${v}`).join(' + ').replace(/^1\*/, '');
    expect(toString(e)).toBe(want);
    const env: Record<string, number> = {};
    for (let i = 0; i < 100_000; i++) env[`x${i}`] = 1;
    expect(evaluate(e, env)).toBe((100_000 * 100_001) / 2);
    const big = add(...Array.from({ length: 100_000 }, (_, i) => mul(i + 1, pow(symbol('x'), i % 50))));
    const f = lambdify(big, ['x']);
    expect(f(1)).toBe((100_000 * 100_001) / 2);
  });

  it('nesting 10^4 deep: parse, toString, diff, evaluate, lambdify work; pretty/latex refuse with LimitError', () => {
    const depth = 10_000;
    const parens = '('.repeat(depth) + 'x' + ')'.repeat(depth);
    expect(parse(parens)).toBe(symbol('x'));
    const sins = 'sin('.repeat(depth) + 'x' + ')'.repeat(depth);
    const e = parse(sins);
    expect(toString(e)).toBe(sins);
    expect(parse(toString(e))).toBe(e);
    const x = symbol('x');
    // sin(x + sin(x + …)): its derivative nests as deep, with small nodes at every level.
    const nested = parse('sin(x + '.repeat(depth) + 'x' + ')'.repeat(depth));
    const d = diff(nested, x);
    const num = lambdify(nested, ['x']);
    const h = 1e-6;
    const fdv = (num(0.3 + h) - num(0.3 - h)) / (2 * h);
    expect(evaluate(d, { x: 0.3 })).toBeCloseTo(fdv, 5);
    expect(lambdify(d, ['x'])(0.3)).toBeCloseTo(fdv, 5);
    // (its printed tree is quadratic in size — the DAG is linear — so it is not printed here)
    // sin(sin(…)) 1000 deep: the derivative is one product of 1000 cosines.
    const sins2k = parse('sin('.repeat(1000) + 'x' + ')'.repeat(1000));
    expect(evaluate(diff(sins2k, x), { x: 0 })).toBeCloseTo(1, 12);
    expect(() => pretty(e)).toThrow(LimitError);
    expect(() => latex(e)).toThrow(LimitError);
    // unary minus, powers and products nested as deep
    expect(parse('-('.repeat(depth) + 'x' + ')'.repeat(depth))).toBe(x);
    const tower = parse(Array.from({ length: depth }, () => 'x').join('^'));
    expect(evaluate(tower, { x: 1 })).toBe(1);
    let chain: Expr = x;
    for (let i = 0; i < 1000; i++) chain = fn('exp', mul(2, chain));
    expect(toString(diff(chain, x)).length).toBeGreaterThan(1000);
  });

  it('expand refuses a blow-up with a LimitError', () => {
    const [a, b, c] = symbols('a b c');
    expect(() => expand(pow(add(a, b, c, 1), 60), { maxTerms: 1000 })).toThrow(LimitError);
    expect(expand(pow(add(a, 1), 3))).toBe(parse('a^3 + 3*a^2 + 3*a + 1'));
  });

  it('errors are typed', () => {
    expect(() => evaluate(sin(symbol('q')), {})).toThrow(NablaError);
    expect(() => lambdify(parse('x + y'), ['x'])).toThrow(/'y' is not among the variables/);
  });
});
