import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import * as Q from '../../../src/core/rational.js';
import {
  polyFromInts, polyAdd, polyMul, polySub, polyDivmod, polyGcd, polyDeriv, polyEval, polyToString,
  polySquareFree, polyFactorQ, polyRationalRoots, polyApart, polyPow, polyEq, polyScale, polyIntegral,
  polyCompose, polyRealRootsNumeric, polyGcdex, type Poly,
} from '../../../src/symbolic/poly/index.js';

const P = polyFromInts;
const str = (p: Poly) => polyToString(p);

describe('poly arithmetic', () => {
  it('normalises and prints', () => {
    expect(P([1, 0, 0])).toHaveLength(1);
    expect(str(P([3, -1, 2]))).toBe('2*x^2 - x + 3');
    expect(str(P([]))).toBe('0');
  });
  it('divides with remainder: a = q·b + r, deg r < deg b', () => {
    const a = P([5, 0, 3, 1]);
    const b = P([1, 2]);
    const [q, r] = polyDivmod(a, b);
    expect(polyEq(polyAdd(polyMul(q, b), r), a)).toBe(true);
    expect(r.length).toBeLessThan(b.length);
  });
  it('gcd of (x−1)²(x+2) and (x−1)(x+3) is x − 1', () => {
    const a = polyMul(polyPow(P([-1, 1]), 2), P([2, 1]));
    const b = polyMul(P([-1, 1]), P([3, 1]));
    expect(str(polyGcd(a, b))).toBe('x - 1');
  });
  it('gcdex satisfies s·a + t·b = g', () => {
    const a = P([1, 0, 1]);
    const b = P([-1, 1]);
    const [g, s, t] = polyGcdex(a, b);
    expect(str(polyAdd(polyMul(s, a), polyMul(t, b)))).toBe(str(g));
    expect(str(g)).toBe('1');
  });
  it('derivative, integral, composition, evaluation', () => {
    expect(str(polyDeriv(P([1, -4, 3])))).toBe('6*x - 4');
    expect(str(polyIntegral(P([0, -4, 3])))).toBe('x^3 - 2*x^2');
    expect(str(polyCompose(P([0, 0, 1]), P([1, 1])))).toBe('x^2 + 2*x + 1');
    expect(Q.toString(polyEval(P([1, 0, -2, 1]), Q.rational(4n, 3n)))).toBe('-5/27');
  });
  it('property: (a·b) div b = a exactly', () => {
    const arb = fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(arb, arb, (x, y) => {
        const a = P(x), b = P(y);
        if (!b.length) return true;
        const [q, r] = polyDivmod(polyMul(a, b), b);
        return polyEq(q, a) && r.length === 0;
      }),
      { numRuns: 200 },
    );
  });
});

describe('roots and factorisation', () => {
  it('rational roots of x³ − 6x² + 11x − 6 are 1, 2, 3', () => {
    expect(polyRationalRoots(P([-6, 11, -6, 1])).map(Q.toString)).toEqual(['1', '2', '3']);
  });
  it('rational roots of 6x² − 5x + 1 are 1/3, 1/2, and of x⁵ − x are −1, 0, 1', () => {
    expect(polyRationalRoots(P([1, -5, 6])).map(Q.toString)).toEqual(['1/3', '1/2']);
    expect(polyRationalRoots(P([0, -1, 0, 0, 0, 1])).map(Q.toString)).toEqual(['-1', '0', '1']);
  });
  it('square-free decomposition of (x−1)²(x+2)³x', () => {
    const p = polyMul(polyMul(polyPow(P([-1, 1]), 2), polyPow(P([2, 1]), 3)), P([0, 1]));
    const sf = polySquareFree(p).map((f) => [str(f.poly), f.mult]);
    expect(sf).toEqual([['x', 1], ['x - 1', 2], ['x + 2', 3]]);
  });
  it('factors 2x² − 2 as 2(x − 1)(x + 1)', () => {
    const f = polyFactorQ(P([-2, 0, 2]));
    expect(Q.toString(f.content)).toBe('2');
    expect(f.factors.map((x) => str(x.poly))).toEqual(['x - 1', 'x + 1']);
  });
  it('factors x³ + 1 into (x + 1)(x² − x + 1)', () => {
    const f = polyFactorQ(P([1, 0, 0, 1]));
    expect(f.factors.map((x) => str(x.poly))).toEqual(['x + 1', 'x^2 - x + 1']);
  });
  it('splits x⁴ + 4 = (x² − 2x + 2)(x² + 2x + 2) and keeps x⁴ + 1 irreducible', () => {
    expect(polyFactorQ(P([4, 0, 0, 0, 1])).factors.map((x) => str(x.poly))).toEqual(['x^2 - 2*x + 2', 'x^2 + 2*x + 2']);
    const g = polyFactorQ(P([1, 0, 0, 0, 1]));
    expect(g.factors.map((x) => [str(x.poly), x.irreducible])).toEqual([['x^4 + 1', true]]);
  });
  it('factors x⁶ − 1 and (x² + 2)²(3x − 1)/4', () => {
    expect(polyFactorQ(P([-1, 0, 0, 0, 0, 0, 1])).factors.map((x) => str(x.poly))).toEqual([
      'x - 1', 'x + 1', 'x^2 - x + 1', 'x^2 + x + 1',
    ]);
    const p = polyScale(polyMul(polyPow(P([2, 0, 1]), 2), P([-1, 3])), Q.rational(1n, 4n));
    const f = polyFactorQ(p);
    expect(Q.toString(f.content)).toBe('1/4');
    expect(f.factors.map((x) => [str(x.poly), x.mult])).toEqual([['3*x - 1', 1], ['x^2 + 2', 2]]);
  });
  it('property: the product of the factors is the polynomial', () => {
    const lin = fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 3 }));
    fc.assert(
      fc.property(fc.array(lin, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 3 }), (ls, q) => {
        let p: Poly = P([q + 1, 0, 1]); // x² + q + 1 (irreducible)
        for (const [a, b] of ls) p = polyMul(p, P([a, b]));
        const f = polyFactorQ(p);
        let back: Poly = [f.content];
        for (const x of f.factors) back = polyMul(back, polyPow(x.poly, x.mult));
        return polyEq(back, p) && f.factors.every((x) => x.poly.length <= 3);
      }),
      { numRuns: 100 },
    );
  });
  it('real roots numerically: x³ − 2x² + 1 → (1 − √5)/2, 1, (1 + √5)/2', () => {
    const r = polyRealRootsNumeric(P([1, 0, -2, 1]));
    expect(r).toHaveLength(3);
    expect(r[0]).toBeCloseTo((1 - Math.sqrt(5)) / 2, 14);
    expect(r[2]).toBeCloseTo((1 + Math.sqrt(5)) / 2, 14);
  });
});

describe('partial fractions', () => {
  const back = (num: Poly, den: Poly) => {
    const a = polyApart(num, den);
    // Recombine at a few rational points.
    for (const t of [Q.rational(7n, 3n), Q.rational(-11n, 5n), Q.rational(13n)]) {
      let v = polyEval(a.poly, t);
      for (const term of a.terms) v = Q.add(v, Q.div(polyEval(term.numer, t), Q.powInt(polyEval(term.factor, t), BigInt(term.power))));
      expect(Q.toString(v)).toBe(Q.toString(Q.div(polyEval(num, t), polyEval(den, t))));
    }
    return a;
  };
  it('(x + 3)/(x² + 3x + 2) = 2/(x + 1) − 1/(x + 2)', () => {
    const a = back(P([3, 1]), P([2, 3, 1]));
    expect(a.terms.map((t) => [str(t.numer), str(t.factor), t.power])).toEqual([['2', 'x + 1', 1], ['-1', 'x + 2', 1]]);
  });
  it('1/(x²(x + 1)) = 1/x² − 1/x + 1/(x + 1)', () => {
    const a = back(P([1]), P([0, 0, 1, 1]));
    expect(a.terms.map((t) => [str(t.numer), str(t.factor), t.power])).toEqual([['1', 'x', 2], ['-1', 'x', 1], ['1', 'x + 1', 1]]);
  });
  it('x³/(x² + 1) = x − x/(x² + 1)', () => {
    const a = back(P([0, 0, 0, 1]), P([1, 0, 1]));
    expect(str(a.poly)).toBe('x');
    expect(a.terms.map((t) => [str(t.numer), str(t.factor)])).toEqual([['-x', 'x^2 + 1']]);
  });
  it('repeated quadratic and mixed: (x⁴ + 1)/((x − 1)³(x² + x + 1)²)', () => {
    const den = polyMul(polyPow(P([-1, 1]), 3), polyPow(P([1, 1, 1]), 2));
    const a = back(P([1, 0, 0, 0, 1]), den);
    expect(a.terms.filter((t) => t.factor.length === 3).map((t) => t.power).sort()).toEqual([1, 2]);
  });
  it('non-monic denominator 1/(4x² − 1)', () => {
    const a = back(P([1]), P([-1, 0, 4]));
    expect(a.terms).toHaveLength(2);
    expect(polySub(a.terms[0]!.factor, P([])).length).toBe(2);
  });
});
