// solve(e, x, { domain: 'complex' }): every root over ℂ, against SymPy 1.11's solve
// (test/reference/symbolic/complex.json, made by make-complex.py beside it). For each equation:
// the same number of distinct roots, each of nabla's roots equal in value to one of SymPy's (and
// so all of them), every root checked by substitution — exactly (expand to 0) where the root is
// a radical expression that expand can decide, else to 1e-12 of the size of the terms (trig and
// Cardano forms, nested radicals), and to 1e-9 for the roots flagged numeric. The real domain,
// the default, still gives exactly SymPy's real roots.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import {
  ZERO, add, equationToExpr, evaluateComplex, expand, mul, parse, pow, solve, solveDetailed, subs, symbol, toString, type Expr,
} from '../../../../src/symbolic/index.js';
import { ArgumentError, LimitError, UndecidedError } from '../../../../src/core/errors.js';

interface Case {
  equation: string;
  roots: string[];
  values: Array<[number, number]>;
  real: number[];
}
const ref = JSON.parse(readFileSync(resolve(__dirname, '../../../reference/symbolic/complex.json'), 'utf8')) as { solve: Case[] };
const x = symbol('x');

/** Roots not proven by expand: trig forms, Cardano's cube roots, nested radicals, exp(log 2 + I·π). */
const NOT_BY_EXPAND: Record<string, number> = {
  'x^3 - 3*x + 1': 3, 'x^3 + x + 1': 3, 'x^4 - 2*x^2 + 5': 4, 'x^5 - 1': 4, 'x^2 + 1/x': 2, 'x^4 + 2*x^2 + 2': 4, 'exp(x) + 2': 1,
};
/** Irreducible factors without an exact method here: all their roots numeric (SymPy: radicals or CRootOf). */
const NUMERIC = new Set(['x^5 - x - 1', 'x^6 + x^3 + 1']);

const modulus = (z: { re: number; im: number }) => Math.hypot(z.re, z.im);

/** |f(r)| and the size of f's terms at r, over ℂ. */
function residual(f: Expr, r: Expr): [number, number] {
  const terms = f.kind === 'Add' ? [f.coeff, ...f.terms.map((t, i) => mul(f.coeffs[i]!, t))] : [f];
  return [modulus(evaluateComplex(subs(f, { x: r }))), terms.reduce((s, t) => s + modulus(evaluateComplex(subs(t, { x: r }))), 0)];
}

describe("solve over ℂ against SymPy's roots", () => {
  for (const c of ref.solve) {
    it(`${c.equation}: ${c.roots.length} roots`, () => {
      const f = equationToExpr(c.equation);
      const sols = solveDetailed(c.equation, 'x', { domain: 'complex' });
      expect(sols.length).toBe(c.values.length);
      // A bijection by value: each root matches a SymPy root, no two the same one.
      const left = [...c.values];
      for (const s of sols) {
        const z = evaluateComplex(s.value);
        const at = left.findIndex(([re, im]) => Math.hypot(z.re - re, z.im - im) <= 1e-9 * Math.max(1, Math.hypot(re, im)));
        expect(at, `${toString(s.value)} ≈ ${z.re} + ${z.im}i is not among SymPy's ${c.roots.join(', ')}`).toBeGreaterThanOrEqual(0);
        left.splice(at, 1);
      }
      // Exact or numeric as expected; each root checked by substitution.
      let notByExpand = 0;
      for (const s of sols) {
        expect(s.numeric, toString(s.value)).toBe(NUMERIC.has(c.equation));
        const [m, size] = residual(f, s.value);
        if (s.numeric) {
          expect(m).toBeLessThanOrEqual(1e-9 * Math.max(1, size));
          continue;
        }
        if (expand(subs(f, { x: s.value })) !== ZERO) {
          notByExpand++;
          expect(m).toBeLessThanOrEqual(1e-12 * Math.max(1, size));
        }
      }
      expect(notByExpand).toBe(NOT_BY_EXPAND[c.equation] ?? 0);
    });
  }

  it('the real domain (the default) keeps giving the real roots only', () => {
    for (const c of ref.solve) {
      const got = solve(c.equation, 'x').map((r) => evaluateComplex(r));
      expect(got.map((z) => z.im)).toEqual(got.map(() => 0));
      expect(got.length, c.equation).toBe(c.real.length);
      got.forEach((z, i) => expect(Math.abs(z.re - c.real[i]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(c.real[i]!))));
      expect(solve(c.equation, 'x', { domain: 'real' })).toEqual(solve(c.equation, 'x'));
    }
  });
});

describe('solve over ℂ: forms, families, options', () => {
  const C = { domain: 'complex' } as const;
  const texts = (e: string, v: string = 'x') => solve(e, v, C).map(toString);

  it('exact forms a SymPy user expects', () => {
    expect(texts('x^2 + 2*x + 5')).toEqual(['-1 - 2*I', '-1 + 2*I']);
    expect(texts('x^3 - 1')).toEqual(['1', '-1/2 - sqrt(3)*I/2', '-1/2 + sqrt(3)*I/2']);
    expect(texts('x^4 + 4')).toEqual(['-1 - I', '-1 + I', '1 - I', '1 + I']);
    expect(texts('x^4 - 3*x^2 + 4')).toEqual(['-sqrt(7)/2 - I/2', '-sqrt(7)/2 + I/2', 'sqrt(7)/2 - I/2', 'sqrt(7)/2 + I/2']);
    expect(texts('x^2 = -4')).toEqual(['-2*I', '2*I']);
    // Multiplicities: distinct roots, as the real domain gives them.
    expect(texts('(x^2 + 1)^2*(x - 2)^3')).toEqual(['2', '-I', 'I']);
  });

  it("quartics by Ferrari's method when the resolvent cubic has a rational root", () => {
    // The fifth roots of unity other than 1 (SymPy: -1/4 + sqrt(5)/4 + I*sqrt(sqrt(5)/8 + 5/8), …).
    expect(texts('x^4 + x^3 + x^2 + x + 1')).toEqual([
      '-I*sqrt(5/2 - sqrt(5)/2)/2 - 1/4 - sqrt(5)/4', 'I*sqrt(5/2 - sqrt(5)/2)/2 - 1/4 - sqrt(5)/4',
      '-I*sqrt(5/2 + sqrt(5)/2)/2 - 1/4 + sqrt(5)/4', 'I*sqrt(5/2 + sqrt(5)/2)/2 - 1/4 + sqrt(5)/4',
    ]);
    // No rational resolvent root: numeric, flagged.
    expect(solveDetailed('x^4 + x + 1', 'x', C).every((s) => s.numeric)).toBe(true);
  });

  it('complex coefficients: linear equations and square roots', () => {
    expect(texts('I*x - 2')).toEqual(['-2*I']);
    expect(texts('(1 + I)*x = 2')).toEqual(['1 - I']);
    expect(texts('x^2 = I')).toEqual(['-sqrt(2)/2 - sqrt(2)*I/2', 'sqrt(2)/2 + sqrt(2)*I/2']);
  });

  it('exp and log: the principal solution of a periodic family (SymPy: I*pi for exp(x) = -1)', () => {
    expect(texts('exp(x) + 1')).toEqual(['I*pi']);
    expect(texts('exp(x) = -2')).toEqual(['log(2) + I*pi']);
    expect(texts('exp(I*x) = -1')).toEqual(['pi']);
    expect(texts('log(x) = 2')).toEqual(['exp(2)']);
    expect(texts('exp(x) = 0')).toEqual([]);
    // sin u = r with |r| ≤ 1: every complex solution is real; the principal ones, as over ℝ.
    expect(texts('sin(x) = 1/2')).toEqual(['pi/6', '5*pi/6']);
  });

  it('what it cannot solve is an UndecidedError, never "no roots"', () => {
    expect(() => solve('sin(x) = 2', 'x', C)).toThrow(UndecidedError);
    expect(() => solve('cosh(x) = 2', 'x', C)).toThrow(UndecidedError);
    expect(() => solve('x^5 - x - 1', 'x', { domain: 'complex', numeric: false })).toThrow(LimitError);
    expect(() => solve('x^1000 - 1', 'x', C)).toThrow(LimitError);
  });

  it('parameters: the formulas, as over ℝ', () => {
    expect(texts('x^2 + a')).toEqual(['-sqrt(-a)', 'sqrt(-a)']);
    expect(solve('x^2 + a', 'x')).toEqual(solve('x^2 + a', 'x', C));
  });

  it('typed option checks: unknown values and keys are ArgumentErrors', () => {
    expect(() => solve('x^2 + 1', 'x', { domain: 'bogus' as 'real' })).toThrow(ArgumentError);
    expect(() => solve('x^2 + 1', 'x', { domain: 'bogus' as 'real' })).toThrow(/'domain' must be 'real' or 'complex'/);
    expect(() => solve('x^2 + 1', 'x', { numeric: 'yes' as unknown as boolean })).toThrow(ArgumentError);
    expect(() => solve('x^2 + 1', 'x', { dom: 'complex' } as never)).toThrow(/unknown option 'dom'/);
    expect(solve('x^2 + 1', 'x', { domain: 'real' })).toEqual([]);
    expect(solve('x^2 + 1', undefined, C).map(toString)).toEqual(['-I', 'I']);
  });

  it('the real domain with I in the equation: real x with both parts zero', () => {
    expect(solve('I*x', 'x')).toEqual([ZERO]);
    expect(solve('x^2 - 1 + I*(x - 1)', 'x').map(toString)).toEqual(['1']);
    expect(solve('x + I', 'x')).toEqual([]);
    expect(() => solve('sqrt(1 + I)*x - 1', 'x')).toThrow(UndecidedError);
  });

  it('random integer quadratics, cubics and quartics: deg(squarefree part) roots, each a root', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 3, maxLength: 5 }), (cs) => {
        fc.pre(cs[cs.length - 1] !== 0);
        const p = add(...cs.map((c, i) => mul(c, pow(x, i))));
        const sols = solveDetailed(p, x, C);
        const distinct = distinctRootCount(cs);
        expect(sols.length).toBe(distinct);
        for (const s of sols) {
          const [m, size] = residual(p, s.value);
          expect(m).toBeLessThanOrEqual((s.numeric ? 1e-9 : 1e-11) * Math.max(1, size));
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** Distinct complex roots of Σ cs[i]·xⁱ: deg p − deg gcd(p, p′), by integer pseudo-remainders. */
function distinctRootCount(cs: number[]): number {
  const trim = (a: bigint[]) => {
    while (a.length && a[a.length - 1] === 0n) a.pop();
    return a;
  };
  const prem = (a: bigint[], b: bigint[]): bigint[] => {
    let r = a.slice();
    const lb = b[b.length - 1]!;
    while (r.length >= b.length && r.length) {
      const lr = r[r.length - 1]!;
      const shift = r.length - b.length;
      r = r.map((c) => c * lb);
      for (let i = 0; i < b.length; i++) r[i + shift]! -= lr * b[i]!;
      trim(r);
    }
    return r;
  };
  const p = trim(cs.map(BigInt));
  const dp = trim(p.slice(1).map((c, i) => c * BigInt(i + 1)));
  let [a, b] = [p, dp];
  while (b.length) [a, b] = [b, prem(a, b)];
  return p.length - 1 - (a.length - 1);
}

