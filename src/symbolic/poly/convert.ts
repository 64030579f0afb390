/**
 * Conversions between expressions and polynomials over ℚ in one variable: an expression is a
 * polynomial in x when it is built from x and exact rationals by +, · and non-negative integer
 * powers; a rational function when negative integer powers are allowed too.
 *
 * @example
 * exprToPoly(parse('(2x+1)^2'), x)    // → [1, 4, 4]
 * exprToRatFun(parse('1/(x^2-1) + x'), x) // → [[1, -1, 0, 1], [-1, 0, 1]] (x³ − x + 1 over x² − 1)
 */
import * as Q from '../../core/rational.js';
import { add, mul, pow } from '../expr/arith.js';
import { ZERO, numFromRational, type Expr } from '../expr/expr.js';
import {
  polyAdd, polyMul, polyPow, polyConst, polyGcd, polyExactDiv, polyLc, polyScale, polyDegree,
  POLY_X, type Poly,
} from './poly.js';

/** Largest degree the conversions build (refuse rather than blow up on (x+1)^100000). */
const MAX_DEGREE = 2000;

/**
 * e as a polynomial in x with exact rational coefficients, or null when it is not one (other
 * symbols, floats, functions of x, fractional or negative powers of x).
 */
export function exprToPoly(e: Expr, x: Expr): Poly | null {
  const memo = new Map<Expr, Poly | null>();
  const go = (e: Expr): Poly | null => {
    const hit = memo.get(e);
    if (hit !== undefined) return hit;
    let r: Poly | null = null;
    switch (e.kind) {
      case 'Integer':
      case 'Rational':
        r = polyConst(e.value);
        break;
      case 'Symbol':
        r = e === x ? POLY_X : null;
        break;
      case 'Add': {
        let acc = polyConst(e.coeff.kind === 'Float' ? Q.ZERO : e.coeff.value);
        if (e.coeff.kind === 'Float') break;
        let ok = true;
        for (let i = 0; i < e.terms.length && ok; i++) {
          const c = e.coeffs[i]!;
          const t = go(e.terms[i]!);
          if (!t || c.kind === 'Float') ok = false;
          else acc = polyAdd(acc, polyScale(t, c.value));
        }
        r = ok ? acc : null;
        break;
      }
      case 'Mul': {
        if (e.coeff.kind === 'Float') break;
        let acc: Poly = polyConst(e.coeff.value);
        let ok = true;
        for (let i = 0; i < e.bases.length && ok; i++) {
          const p = powerOf(e.bases[i]!, e.exps[i]!);
          if (!p) ok = false;
          else acc = polyMul(acc, p);
        }
        r = ok ? acc : null;
        break;
      }
      case 'Pow':
        r = powerOf(e.base, e.exp);
        break;
      default:
        r = null;
    }
    memo.set(e, r);
    return r;
  };
  const powerOf = (b: Expr, n: Expr): Poly | null => {
    if (n.kind !== 'Integer' || n.value.num < 0n) return null;
    const base = go(b);
    if (!base) return null;
    const k = Number(n.value.num);
    if (polyDegree(base) * k > MAX_DEGREE) return null;
    return polyPow(base, k);
  };
  return go(e);
}

/**
 * e as a reduced fraction num/den of polynomials in x (den monic), or null. Sums are brought to a
 * common denominator; the result has gcd(num, den) = 1.
 */
export function exprToRatFun(e: Expr, x: Expr): [Poly, Poly] | null {
  const memo = new Map<Expr, [Poly, Poly] | null>();
  const one: Poly = [Q.ONE];
  const reduce = (n: Poly, d: Poly): [Poly, Poly] => {
    const g = polyGcd(n, d);
    if (polyDegree(g) > 0) {
      n = polyExactDiv(n, g);
      d = polyExactDiv(d, g);
    }
    const lc = polyLc(d);
    if (!Q.isOne(lc)) {
      n = polyScale(n, Q.inv(lc));
      d = polyScale(d, Q.inv(lc));
    }
    return [n, d];
  };
  const go = (e: Expr): [Poly, Poly] | null => {
    const hit = memo.get(e);
    if (hit !== undefined) return hit;
    let r: [Poly, Poly] | null = null;
    switch (e.kind) {
      case 'Integer':
      case 'Rational':
        r = [polyConst(e.value), one];
        break;
      case 'Symbol':
        r = e === x ? [POLY_X, one] : null;
        break;
      case 'Add': {
        if (e.coeff.kind === 'Float') break;
        let [n, d]: [Poly, Poly] = [polyConst(e.coeff.value), one];
        let ok = true;
        for (let i = 0; i < e.terms.length && ok; i++) {
          const c = e.coeffs[i]!;
          const t = go(e.terms[i]!);
          if (!t || c.kind === 'Float') {
            ok = false;
            break;
          }
          const [tn, td] = t;
          [n, d] = reduce(polyAdd(polyMul(n, td), polyMul(polyScale(tn, c.value), d)), polyMul(d, td));
          if (polyDegree(d) > MAX_DEGREE) ok = false;
        }
        r = ok ? [n, d] : null;
        break;
      }
      case 'Mul': {
        if (e.coeff.kind === 'Float') break;
        let [n, d]: [Poly, Poly] = [polyConst(e.coeff.value), one];
        let ok = true;
        for (let i = 0; i < e.bases.length && ok; i++) {
          const p = powerOf(e.bases[i]!, e.exps[i]!);
          if (!p) ok = false;
          else [n, d] = reduce(polyMul(n, p[0]), polyMul(d, p[1]));
        }
        r = ok ? [n, d] : null;
        break;
      }
      case 'Pow':
        r = powerOf(e.base, e.exp);
        break;
      default:
        r = null;
    }
    memo.set(e, r);
    return r;
  };
  const powerOf = (b: Expr, n: Expr): [Poly, Poly] | null => {
    if (n.kind !== 'Integer') return null;
    const base = go(b);
    if (!base) return null;
    const k = Number(n.value.num);
    const [bn, bd] = k >= 0 ? base : [base[1], base[0]];
    const m = Math.abs(k);
    if (Math.max(polyDegree(bn), polyDegree(bd)) * m > MAX_DEGREE) return null;
    if (bn.length === 0) return null; // 0^(-k)
    return reduce(polyPow(bn, m), polyPow(bd, m));
  };
  return go(e);
}

/** The expression Σ cₖ·xᵏ for a polynomial. */
export function polyToExpr(p: Poly, x: Expr): Expr {
  const terms: Expr[] = [];
  for (let k = 0; k < p.length; k++) {
    if (Q.isZero(p[k]!)) continue;
    terms.push(mul(numFromRational(p[k]!), k === 0 ? numFromRational(Q.ONE) : k === 1 ? x : pow(x, k)));
  }
  return terms.length ? add(...terms) : ZERO;
}
