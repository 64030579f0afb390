/**
 * Real roots of polynomials over ℚ for `solve`: linear factors give rational roots, quadratics
 * the quadratic formula (radicals in simplest form), irreducible cubics Cardano's formula (one
 * real root) or the trigonometric form (three real roots), polynomials in xᵏ are solved in
 * y = xᵏ; anything else gets numeric real roots, flagged.
 *
 * @example
 * solve('x^3 - 2*x + 1', 'x') // → [-1/2 - sqrt(5)/2, -1/2 + sqrt(5)/2, 1]
 */
import * as Qn from '../../../core/rational.js';
import { add, mul, pow, sqrt, sub } from '../../expr/arith.js';
import { HALF, I, PI, ZERO, float, numFromRational, symbol, type Expr, type SymbolNode } from '../../expr/expr.js';
import { fn } from '../../functions/index.js';
import { evalNumber, sqrtRational } from '../../algebra/util.js';
import { polyFactorQ } from '../../poly/factor.js';
import { polyRealRootsNumeric } from '../../poly/roots.js';
import { polyDegree, polyCoeff, type Poly } from '../../poly/poly.js';

/** One real solution; `numeric` when it is a floating-point approximation. */
export interface Solution {
  value: Expr;
  numeric: boolean;
}

/** Thrown inside `solve` when no exact method decides the equation (as opposed to: no solutions). */
export class Unsolvable extends Error {}

const R = numFromRational;

/** Real roots of a polynomial over ℚ, exact where a formula applies. */
export function polyRoots(p: Poly, x: SymbolNode, numeric = true): Solution[] {
  const out: Solution[] = [];
  if (polyDegree(p) < 1) return out;
  // c₀ + c₁x: its one root, without factoring.
  if (polyDegree(p) === 1) return [{ value: R(Qn.neg(Qn.div(polyCoeff(p, 0), polyCoeff(p, 1)))), numeric: false }];
  for (const { poly } of polyFactorQ(p).factors) {
    const d = polyDegree(poly);
    if (d === 1) out.push({ value: R(Qn.neg(Qn.div(polyCoeff(poly, 0), polyCoeff(poly, 1)))), numeric: false });
    else if (d === 2) out.push(...quadraticRoots(poly));
    else if (d === 3) out.push(...cubicRoots(poly));
    else {
      const k = powerStride(poly);
      if (k > 1) {
        // p(x) = q(xᵏ): solve q(y) = 0, then xᵏ = y.
        const q: Qn.Rational[] = [];
        for (let i = 0; i < poly.length; i += k) q.push(poly[i]!);
        const y = symbol('_y_solve');
        for (const s of polyRoots(q, y, numeric)) {
          const v = evalNumber(s.value, new Map());
          if (k % 2 === 0) {
            if (v > 0) {
              const r = pow(s.value, pow(k, -1));
              out.push({ value: r, numeric: s.numeric }, { value: mul(-1, r), numeric: s.numeric });
            } else if (v === 0) out.push({ value: ZERO, numeric: s.numeric });
          } else {
            const r = v >= 0 ? pow(s.value, pow(k, -1)) : mul(-1, pow(mul(-1, s.value), pow(k, -1)));
            out.push({ value: r, numeric: s.numeric });
          }
        }
      } else if (numeric) {
        for (const r of polyRealRootsNumeric(poly)) out.push({ value: float(r), numeric: true });
      } else throw new Unsolvable();
    }
  }
  void x;
  return out;
}

/** The largest k with p(x) = q(xᵏ). */
export function powerStride(p: Poly): number {
  let g = 0;
  for (let i = 1; i < p.length; i++) if (!Qn.isZero(p[i]!)) g = gcdInt(g, i);
  return g || 1;
}
const gcdInt = (a: number, b: number): number => (b ? gcdInt(b, a % b) : a);

/** (−b ± √(b² − 4ac))/(2a): real roots, or with `complex` also m ± I·s when b² − 4ac < 0. */
export function quadraticRoots(p: Poly, complex = false): Solution[] {
  const [c, b, a] = [polyCoeff(p, 0), polyCoeff(p, 1), polyCoeff(p, 2)];
  const disc = Qn.sub(Qn.mul(b, b), Qn.mul(Qn.rational(4n), Qn.mul(a, c)));
  if (Qn.sign(disc) < 0 && !complex) return [];
  const m = R(Qn.div(Qn.neg(b), Qn.mul(Qn.rational(2n), a)));
  const s = mul(sqrtRational(disc), R(Qn.inv(Qn.mul(Qn.rational(2n), a))));
  return [
    { value: sub(m, s), numeric: false },
    { value: add(m, s), numeric: false },
  ];
}

/**
 * Real roots of an irreducible cubic a x³ + b x² + c x + d. With x = t − b/(3a):
 * t³ + p t + q = 0. Δ = −(4p³ + 27q²). Δ < 0: one real root by Cardano,
 * t = ∛(−q/2 + √(q²/4 + p³/27)) + ∛(−q/2 − √(q²/4 + p³/27)); Δ > 0: three real roots
 * t_k = 2√(−p/3)·cos(⅓·acos((3q/2p)·√(−3/p)) − 2πk/3). With `complex`, Δ < 0 also gives the
 * pair t = −(u + v)/2 ± I·(√3/2)·(u − v) of Cardano's u, v.
 */
export function cubicRoots(poly: Poly, complex = false): Solution[] {
  const a = polyCoeff(poly, 3), b = polyCoeff(poly, 2), c = polyCoeff(poly, 1), d = polyCoeff(poly, 0);
  const Q3 = Qn.rational(3n);
  const bb = Qn.div(b, a), cc = Qn.div(c, a), dd = Qn.div(d, a);
  const p = Qn.sub(cc, Qn.div(Qn.mul(bb, bb), Q3));
  const q = Qn.add(Qn.sub(Qn.div(Qn.mul(Qn.rational(2n), Qn.powInt(bb, 3n)), Qn.rational(27n)), Qn.div(Qn.mul(bb, cc), Q3)), dd);
  const shift = R(Qn.neg(Qn.div(bb, Q3)));
  const disc = Qn.add(Qn.div(Qn.mul(q, q), Qn.rational(4n)), Qn.div(Qn.powInt(p, 3n), Qn.rational(27n))); // q²/4 + p³/27
  if (Qn.sign(disc) >= 0) {
    const sd = sqrtRational(disc);
    const mq = R(Qn.neg(Qn.div(q, Qn.rational(2n))));
    const u = realCbrt(add(mq, sd)), v = realCbrt(sub(mq, sd));
    const real = { value: add(u, v, shift), numeric: false };
    if (!complex) return [real];
    // The other cube roots: u·ω + v·ω², u·ω² + v·ω with ω = −1/2 + I·√3/2.
    const mid = add(mul(-1, HALF, add(u, v)), shift);
    const im = mul(HALF, sqrt(3), I, sub(u, v));
    return [real, { value: sub(mid, im), numeric: false }, { value: add(mid, im), numeric: false }];
  }
  const r = mul(2, sqrtRational(Qn.neg(Qn.div(p, Q3)))); // 2√(−p/3), −p/3 > 0
  // cos(3θ) = (3q/(2p))·√(−3/p)
  const arg = mul(R(Qn.div(Qn.mul(Q3, q), Qn.mul(Qn.rational(2n), p))), sqrtRational(Qn.div(Qn.rational(-3n), p)));
  const th = mul(pow(3, -1), fn('acos', arg));
  const out: Solution[] = [];
  for (let k = 0; k < 3; k++) {
    out.push({ value: add(shift, mul(r, fn('cos', sub(th, mul(R(Qn.rational(BigInt(2 * k), 3n)), PI))))), numeric: false });
  }
  return out;
}

/** The real cube root of a (possibly negative) real expression. */
function realCbrt(e: Expr): Expr {
  const v = evalNumber(e, new Map());
  return v >= 0 ? pow(e, pow(3, -1)) : mul(-1, pow(mul(-1, e), pow(3, -1)));
}

