// Canonical-form invariants and the parse/print round trip, as fast-check properties over random
// expressions built with the smart constructors.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  E, NAN, NEG_OO, ONE, OO, PI, ZERO, ZOO, has, add, children, div, evaluate, fn, float, int, isNum, mul, neg, numIsZero, parse, pow, rat, sub, symbols,
  toString, compareExpr, type Expr,
} from '../../src/symbolic/index.js';

const [x, y, z] = symbols('x y z');

/** Throws when e (or any sub-expression) breaks the invariants documented in expr.ts. */
function assertCanonical(root: Expr): void {
  const seen = new Set<Expr>();
  const stack: Expr[] = [root];
  while (stack.length) {
    const e = stack.pop()!;
    if (seen.has(e)) continue;
    seen.add(e);
    switch (e.kind) {
      case 'Integer':
        expect(e.value.den).toBe(1n);
        break;
      case 'Rational':
        expect(e.value.den > 1n).toBe(true);
        break;
      case 'Add':
        expect(e.terms.length + (numIsZero(e.coeff) ? 0 : 1)).toBeGreaterThanOrEqual(2);
        e.terms.forEach((t, i) => {
          expect(isNum(t) || t.kind === 'Add').toBe(false);
          if (t.kind === 'Mul') expect(t.coeff).toBe(ONE);
          expect(numIsZero(e.coeffs[i]!)).toBe(false);
          if (i > 0) expect(compareExpr(e.terms[i - 1]!, t)).toBeLessThan(0);
        });
        break;
      case 'Mul':
        expect(numIsZero(e.coeff)).toBe(false);
        expect(e.bases.length >= 2 || e.coeff !== ONE).toBe(true);
        e.bases.forEach((b, i) => {
          if (b.kind === 'Mul') expect(e.exps[i]!.kind === 'Integer').toBe(false); // (2x)^(1/2) stays whole
          expect(e.exps[i]).not.toBe(ZERO);
          if (isNum(b)) expect(e.exps[i]!.kind === 'Integer').toBe(false);
          if (i > 0) expect(compareExpr(e.bases[i - 1]!, b)).toBeLessThan(0);
        });
        break;
      case 'Pow':
        expect(e.exp === ZERO || e.exp === ONE).toBe(false);
        expect(e.base === ONE).toBe(false);
        if (e.base === ZERO) expect(isNum(e.exp)).toBe(false); // 0^y stays symbolic
        break;
      default:
    }
    for (const c of children(e)) stack.push(c);
  }
}

const leaf = fc.oneof(
  fc.constantFrom<Expr>(x, y, z, PI, E),
  fc.integer({ min: -6, max: 6 }).map((n) => int(n) as Expr),
  fc.constantFrom<Expr>(float(0.5), float(-1.25), float(3)),
  fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 4 })).map(([p, q]) => rat(p, q) as Expr),
);
const FNS = ['sin', 'cos', 'tan', 'exp', 'log', 'atan', 'tanh', 'erf', 'abs', 'sigmoid', 'sqrt', 'asinh'];
const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('e'), { minLength: 2, maxLength: 4 }).map((a) => add(...a)),
    fc.array(tie('e'), { minLength: 2, maxLength: 3 }).map((a) => mul(...a)),
    fc.tuple(tie('e'), fc.oneof(fc.integer({ min: -3, max: 4 }).map((n) => int(n) as Expr), fc.constant(rat(1, 2) as Expr), fc.constant<Expr>(y))).map(([b, e]) => {
      try {
        return pow(b, e);
      } catch {
        return b;
      }
    }),
    fc.tuple(fc.constantFrom(...FNS), tie('e')).map(([f, a]) => fn(f, a)),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => fn('max', a, b)),
  ),
})).e;

describe('canonical forms', () => {
  it('collects like terms and powers, folds numbers', () => {
    expect(add(x, x)).toBe(mul(2, x));
    expect(sub(x, x)).toBe(ZERO);
    expect(div(x, x)).toBe(ONE);
    expect(mul(x, pow(x, 2))).toBe(pow(x, 3));
    expect(mul(pow(x, rat(1, 2)), pow(x, rat(1, 2)))).toBe(x);
    expect(add(mul(2, x, y), mul(3, y, x))).toBe(mul(5, x, y));
    expect(mul(2, add(x, 1))).toBe(add(mul(2, x), 2));
    expect(pow(mul(2, x), 2)).toBe(mul(4, pow(x, 2)));
    expect(pow(pow(x, 2), 3)).toBe(pow(x, 6));
    expect(pow(int(8), rat(2, 3))).toBe(int(4));
    expect(add(float(0.5), x, float(0.25))).toBe(add(x, float(0.75)));
    expect(mul(E, E)).toBe(pow(E, 2));
    expect(mul(pow(E, x), pow(E, neg(x)))).toBe(ONE);
  });
  it('interns: the same expression built twice is the same object', () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        expect(parse(toString(e))).toBe(e);
      }),
      { numRuns: 1000 },
    );
  });
  it('every constructed expression satisfies the invariants', () => {
    fc.assert(fc.property(exprArb, (e) => assertCanonical(e)), { numRuns: 1000 });
  });
  it('add and mul are commutative and associative up to identity', () => {
    fc.assert(
      fc.property(exprArb, exprArb, exprArb, (a, b, c) => {
        if ([a, b, c].some((t) => has(t, NAN) || has(t, ZOO) || has(t, OO) || has(t, NEG_OO))) return;
        expect(add(a, b)).toBe(add(b, a));
        expect(mul(a, b)).toBe(mul(b, a));
        // Float addition is not associative; exact numbers are.
        if (![a, b, c].some((t) => toString(t).includes('float('))) expect(add(add(a, b), c)).toBe(add(a, add(b, c)));
        expect(add(a, neg(a))).toBe(ZERO);
      }),
      { numRuns: 200 },
    );
  });
  it('printing then parsing keeps the numeric value', () => {
    fc.assert(
      fc.property(exprArb, fc.double({ min: 0.1, max: 2, noNaN: true }), (e, v) => {
        const env = { x: v, y: 0.7, z: 1.3 };
        const a = evaluate(e, env);
        const b = evaluate(parse(toString(e)), env);
        if (Number.isFinite(a)) expect(b).toBe(a);
      }),
      { numRuns: 200 },
    );
  });
});
