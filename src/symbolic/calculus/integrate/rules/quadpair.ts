/**
 * ∫ (αx + β)/(q(x)·√Q(x)) dx for two quadratics q, Q over ℚ (q without a rational root): the tail
 * of Ostrogradsky's method that a quadratic factor of the denominator brings (rules/ansatz.ts).
 *
 * When q and Q have the same vertex (b₁/a₁ = b₂/a₂), t = x + b₁/(2a₁) makes both even. Otherwise the
 * Möbius substitution x = (μt + ν)/(t + 1), with μ, ν the roots of z² − s·z + p where s, p solve
 * 2p + pᵢ·s + 2rᵢ = 0 for both monic quadratics x² + pᵢx + rᵢ, removes both linear terms:
 * q = (q(μ)t² + q(ν))/(t + 1)², Q = (Q(μ)t² + Q(ν))/(t + 1)², dx = (μ − ν)/(t + 1)²·dt, so
 *
 *   ∫ = (μ − ν)·sign(t + 1)·∫ (γt + δ)/((A₁t² + C₁)·√(A₂t² + C₂)) dt,   γ = αμ + β, δ = αν + β,
 *
 * and the two pieces are elementary: u = √(A₂t² + C₂) turns t·dt/(…) into du/(A₁u² + A₂C₁ − A₁C₂),
 * v = t/√(A₂t² + C₂) turns dt/(…) into dv/(C₁ + (A₁C₂ − C₁A₂)v²). sign(t + 1) jumps at x = μ (t = ∞)
 * where the integrand is smooth; the jump (from the arctangent at u = ∞) is subtracted, so the
 * answer is continuous on Q > 0.
 *
 * @example
 * // continuous across x = μ = 1, where sign(t + 1) switches:
 * const F = integrate('1/((3*x^2 + x + 3)*sqrt(3*x^2 + 2*x + 3))', 'x')
 * Math.abs(evaluate(F, { x: 1 - 1e-9 }) - evaluate(F, { x: 1 + 1e-9 })) < 1e-6 // → true
 */
import * as Q from '../../../../core/rational.js';
import { add, mul, pow, sqrt, sub } from '../../../expr/arith.js';
import { PI, numFromRational, type Expr, type SymbolNode } from '../../../expr/expr.js';
import { fn } from '../../../functions/index.js';
import { evalNumber } from '../../../algebra/util.js';
import { logAbs } from '../../../functions/sign.js';
import { expandProducts } from '../../../algebra/rewrite.js';
import { polyDegree, type Poly } from '../../../poly/poly.js';

const num = (r: Q.Rational): Expr => numFromRational(r);
const val = (e: Expr): number => evalNumber(e, new Map());

/** ∫ du/(a·u² + d) for constants a, d (a·d ≠ 0), and its limit at u = +∞ (0 for the log form). */
function inverseQuadratic(a: Expr, d: Expr, u: Expr): { F: Expr; atInf: Expr } | null {
  const av = val(a), dv = val(d);
  if (!Number.isFinite(av) || !Number.isFinite(dv) || av === 0 || dv === 0) return null;
  if (av * dv > 0) {
    // sign(a)·atan(u·√(a/d))/√(a·d)
    const r = sqrt(mul(a, d));
    const sg = av > 0 ? 1 : -1;
    return { F: mul(sg, fn('atan', mul(u, sqrt(mul(a, pow(d, -1))))), pow(r, -1)), atInf: mul(sg, PI, pow(mul(2, r), -1)) };
  }
  // a(u² − k²), k = √(−d/a): log|(u − k)/(u + k)|/(2ak)
  const k = sqrt(mul(-1, d, pow(a, -1)));
  return { F: mul(pow(mul(2, a, k), -1), sub(logAbs(sub(u, k)), logAbs(add(u, k)))), atInf: num(Q.ZERO) };
}

/** ∫ (αx + β)/(q·√Q) dx (see the module comment), or null when μ, ν are not real and distinct. */
export function integrateQuadraticPair(alpha: Q.Rational, beta: Q.Rational, q: Poly, Qp: Poly, sqrtQ: Expr, x: SymbolNode): Expr | null {
  if (polyDegree(q) !== 2 || polyDegree(Qp) !== 2) return null;
  const [c1, b1, a1] = q as [Q.Rational, Q.Rational, Q.Rational];
  const [c2, b2, a2] = Qp as [Q.Rational, Q.Rational, Q.Rational];
  const p1 = Q.div(b1, a1), r1 = Q.div(c1, a1), p2 = Q.div(b2, a2), r2 = Q.div(c2, a2);
  if (Q.eq(p1, p2)) {
    // Same vertex: t = x + p/2, q = a₁t² + n₁, Q = a₂t² + n₂, αx + β = αt + (β − αp/2).
    const h = Q.div(p1, Q.rational(2n));
    const n1 = Q.sub(c1, Q.div(Q.mul(b1, b1), Q.mul(Q.rational(4n), a1)));
    const n2 = Q.sub(c2, Q.div(Q.mul(b2, b2), Q.mul(Q.rational(4n), a2)));
    const t = add(x, num(h));
    const parts: Expr[] = [];
    if (!Q.isZero(alpha)) {
      const I = inverseQuadratic(num(a1), num(Q.sub(Q.mul(a2, n1), Q.mul(a1, n2))), sqrtQ);
      if (!I) return null;
      parts.push(mul(num(alpha), I.F));
    }
    const b = Q.sub(beta, Q.mul(alpha, h));
    if (!Q.isZero(b)) {
      const I = inverseQuadratic(num(Q.sub(Q.mul(a1, n2), Q.mul(n1, a2))), num(n1), mul(t, pow(sqrtQ, -1)));
      if (!I) return null;
      parts.push(mul(num(b), I.F));
    }
    return add(...parts);
  }
  const s = Q.div(Q.mul(Q.rational(2n), Q.sub(r2, r1)), Q.sub(p1, p2));
  const p = Q.neg(Q.div(Q.add(Q.mul(p1, s), Q.mul(Q.rational(2n), r1)), Q.rational(2n)));
  const disc = Q.sub(Q.mul(s, s), Q.mul(Q.rational(4n), p));
  if (Q.sign(disc) <= 0) return null;
  const rd = sqrt(num(disc));
  const mu = mul(add(num(s), rd), num(Q.rational(1n, 2n))), nu = mul(sub(num(s), rd), num(Q.rational(1n, 2n)));
  const at = (poly: Poly, z: Expr) => expandProducts(add(num(poly[0]!), mul(num(poly[1]!), z), mul(num(poly[2]!), pow(z, 2))));
  const A1 = at(q, mu), C1 = at(q, nu), A2 = at(Qp, mu), C2 = at(Qp, nu);
  const gamma = expandProducts(add(mul(num(alpha), mu), num(beta))), delta = expandProducts(add(mul(num(alpha), nu), num(beta)));
  const t = mul(sub(nu, x), pow(sub(x, mu), -1));
  const root = sqrt(add(mul(A2, pow(t, 2)), C2));
  const sg = fn('sign', mul(sub(nu, mu), pow(sub(x, mu), -1)));
  let inner: Expr = num(Q.ZERO);
  let jumpAtInf: Expr = num(Q.ZERO);
  if (val(gamma) !== 0) {
    const I = inverseQuadratic(A1, expandProducts(sub(mul(A2, C1), mul(A1, C2))), root);
    if (!I) return null;
    inner = add(inner, mul(gamma, I.F));
    jumpAtInf = mul(gamma, I.atInf);
  }
  if (val(delta) !== 0) {
    const I = inverseQuadratic(expandProducts(sub(mul(A1, C2), mul(C1, A2))), C1, mul(t, pow(root, -1)));
    if (!I) return null;
    inner = add(inner, mul(delta, I.F));
  }
  const F = mul(sub(mu, nu), sg, inner);
  // Jump at x = μ: F(μ⁺) − F(μ⁻) = 2(μ − ν)·sign(ν − μ)·γ·I₁(∞) (the v-part is odd in t and cancels);
  // subtract half of it times sign(x − μ). Only when μ is inside Q > 0 (A₂ > 0: t reaches ±∞).
  if (val(A2) > 0 && val(jumpAtInf) !== 0) {
    const J = mul(2, sub(mu, nu), val(nu) > val(mu) ? 1 : -1, jumpAtInf);
    return sub(F, mul(J, num(Q.rational(1n, 2n)), fn('sign', sub(x, mu))));
  }
  return F;
}
