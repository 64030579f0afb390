/**
 * ∫ N(x)/D(x) dx over ℚ: polynomial division, then partial fractions over the irreducible
 * factors of D, each term integrated in closed form:
 *
 *   ∫ c/(x − r) = c·log|x − r|,   ∫ c/(x − r)ᵏ = −c / ((k − 1)(x − r)ᵏ⁻¹)
 *   ∫ (Ax + B)/(x² + px + q)ᵏ: write Ax + B = (A/2)(2x + p) + (B − Ap/2); the first part is
 *   log(Q)·A/2 (k = 1) or (A/2)·Q¹⁻ᵏ/(1 − k); the second, with t = x + p/2, m² = q − p²/4, is
 *   J₁ = atan(t/m)/m and Jₖ = t/(2m²(k−1)Qᵏ⁻¹) + (2k−3)/(2m²(k−1))·Jₖ₋₁.
 *
 * Irreducible factors of degree ≥ 3 are declined (null): their logarithmic part needs algebraic
 * numbers this module does not build.
 *
 * @example
 * integrateRational(parse('(x+3)/(x^2+3*x+2)'), x) // → 2*log(abs(x + 1)) - log(abs(x + 2))
 */
import * as Q from '../../../../core/rational.js';
import { add, mul, pow, sqrt, sub } from '../../../expr/arith.js';
import { numFromRational, symbol, ZERO, type Expr, type SymbolNode } from '../../../expr/expr.js';
import { fn } from '../../../functions/index.js';
import { exprToRatFun, polyToExpr } from '../../../poly/convert.js';
import { polyApart, type ApartTerm } from '../../../poly/apart.js';
import { polyIntegral, polyDegree, polyCoeff, polyToString, polyDivmod, polyDeriv, polyEq, polyScale, type Poly } from '../../../poly/poly.js';
import { sqrtRational, substitute } from '../../../algebra/util.js';
import { logAbs } from '../../../functions/sign.js';
import type { StepText } from './rule.js';

/** A description of the decomposition, for step traces. */
export interface RationalTrace {
  /** Written only when the step is recorded (a function: printing the polynomials costs). */
  decomposition: StepText;
}

const R = numFromRational;

/** Largest denominator degree integrated (larger: declined, the caller returns an Integral). */
const MAX_DEN_DEGREE = 64;

/**
 * Integrate e when it is a rational function of x with rational coefficients; null otherwise
 * (or when a denominator factor of degree ≥ 3 stays irreducible).
 */
export function integrateRational(e: Expr, x: SymbolNode, trace?: RationalTrace): Expr | null {
  const rf = exprToRatFun(e, x);
  if (!rf) return null;
  const [num, den] = rf;
  if (polyDegree(den) === 0) return polyToExpr(polyIntegral(num.map((c) => Q.div(c, den[0]!))), x);
  const viaPower = powerSubstitution(num, den, x, trace);
  if (viaPower) return viaPower;
  // Size budget: partial fractions of a denominator of degree > 64 (sin²⁰⁰x after Weierstrass
  // is 1/(1 + t²)²⁰¹) build rationals with thousands of digits and no readable answer.
  if (polyDegree(den) > MAX_DEN_DEGREE) return null;
  const ap = polyApart(num, den);
  const biquadratic = (t: ApartTerm) => polyDegree(t.factor) === 4 && t.power === 1 && biquadraticSplit(t.factor) !== null;
  if (ap.terms.some((t) => (polyDegree(t.factor) > 2 && !biquadratic(t)) || !t.irreducible)) return logDerivative(num, den, x);
  if (trace) trace.decomposition = () => describe(ap.poly, ap.terms, x.name);
  const parts: Expr[] = [polyToExpr(polyIntegral(ap.poly), x)];
  for (const t of ap.terms) {
    const d = polyDegree(t.factor);
    const r = d === 1 ? linearTerm(t, x) : d === 2 ? quadraticTerm(t, x) : biquadraticTerm(t, x);
    if (r === null) return null;
    parts.push(r);
  }
  return add(...parts);
}

/**
 * N/D = q + c·D′/D (the remainder of N ÷ D a constant multiple of D′): ∫ = ∫q + c·log|D|. Covers
 * (x² + 1)/(x³ + 3x + 1) = (1/3)·D′/D even though D has an irrational cubic root.
 */
function logDerivative(num: Poly, den: Poly, x: SymbolNode): Expr | null {
  const [q, r] = polyDivmod(num, den);
  const d = polyDeriv(den);
  if (polyDegree(r) !== polyDegree(d) || polyDegree(d) < 0) return null;
  const c = Q.div(r[r.length - 1]!, d[d.length - 1]!);
  if (!polyEq(r, polyScale(d, c))) return null;
  return add(polyToExpr(polyIntegral(q), x), mul(R(c), logAbs(polyToExpr(den, x))));
}

/**
 * N/D = x^(k−1)·R(x^k) (every power in D a multiple of k, every power in N one less than one):
 * u = xᵏ gives (1/k)·∫ R(u) du, a smaller rational function. x³/(x⁴ + 1) → log(x⁴ + 1)/4 and
 * x/(x⁴ + 1) → atan(x²)/2 instead of the four-factor decomposition over ℚ(√2).
 */
function powerSubstitution(num: Poly, den: Poly, x: SymbolNode, trace?: RationalTrace): Expr | null {
  const powers = (p: Poly) => p.flatMap((c, i) => (Q.isZero(c) ? [] : [i]));
  const dn = powers(num), dd = powers(den);
  for (let k = polyDegree(den); k >= 2; k--) {
    if (!dd.every((i) => i % k === 0) || !dn.every((i) => i % k === k - 1)) continue;
    const shrink = (p: Poly, off: number): Poly => p.filter((_, i) => i % k === off);
    const u = symbol('u');
    const inner: RationalTrace = { decomposition: '' };
    const G = integrateRational(mul(polyToExpr(shrink(num, k - 1), u), pow(polyToExpr(shrink(den, 0), u), -1)), u, inner);
    if (G === null) return null;
    if (trace) trace.decomposition = () => `u = ${x.name}^${k}, ${k === 2 ? x.name : `${x.name}^${k - 1}`} d${x.name} = du/${k}: ${typeof inner.decomposition === 'function' ? inner.decomposition() : inner.decomposition}`;
    return mul(pow(k, -1), substitute(G, u, pow(x, k)));
  }
  return null;
}

/** ∫ c/(x + a)ᵏ. */
function linearTerm(t: ApartTerm, x: SymbolNode): Expr {
  const c = R(polyCoeff(t.numer, 0));
  const base = add(x, R(polyCoeff(t.factor, 0)));
  if (t.power === 1) return mul(c, logAbs(base));
  return mul(c, R(Q.rational(-1n, BigInt(t.power - 1))), pow(base, 1 - t.power));
}

/** ∫ (Ax + B)/(x² + px + q)ᵏ with p² < 4q. */
function quadraticTerm(t: ApartTerm, x: SymbolNode): Expr | null {
  const A = polyCoeff(t.numer, 1);
  const B = polyCoeff(t.numer, 0);
  const p = polyCoeff(t.factor, 1);
  const q = polyCoeff(t.factor, 0);
  const k = t.power;
  const Qx = polyToExpr(t.factor, x);
  const half = Q.rational(1n, 2n);
  const out: Expr[] = [];
  if (!Q.isZero(A)) {
    const a2 = R(Q.mul(A, half));
    // x² + px + q > 0 when it has no real roots: log needs |·| only otherwise.
    const disc = Q.sub(Q.mul(p, p), Q.mul(Q.rational(4n), q));
    out.push(k === 1 ? mul(a2, Q.sign(disc) < 0 ? fn('log', Qx) : logAbs(Qx)) : mul(a2, R(Q.rational(1n, BigInt(1 - k))), pow(Qx, 1 - k)));
  }
  const C = Q.sub(B, Q.mul(A, Q.mul(p, half))); // B − A·p/2
  if (!Q.isZero(C)) {
    const m2 = Q.sub(q, Q.mul(Q.mul(p, p), Q.rational(1n, 4n)));
    const tt = add(x, R(Q.mul(p, half)));
    if (Q.sign(m2) > 0) out.push(mul(R(C), jIntegral(k, tt, R(m2), Qx)));
    else if (k === 1) {
      // Irreducible over ℚ but real roots t = ±√D (D = p²/4 − q > 0):
      // ∫ dt/(t² − D) = log|(t − √D)/(t + √D)|/(2√D)
      const sD = sqrtRational(Q.neg(m2));
      out.push(mul(R(C), pow(mul(2, sD), -1), sub(logAbs(add(tt, mul(-1, sD))), logAbs(add(tt, sD)))));
    } else return null;
  }
  return out.length ? add(...out) : ZERO;
}

/**
 * x⁴ + b·x² + c irreducible over ℚ with c > 0 and |b| < 2√c splits over ℝ as
 * (x² + s·x + r)(x² − s·x + r) with r = √c, s = √(2r − b) (both quadratics without real roots).
 * Returns [b, c] when that applies.
 */
function biquadraticSplit(f: Poly): [Q.Rational, Q.Rational] | null {
  if (f.length !== 5 || !Q.isOne(f[4]!) || !Q.isZero(f[3]!) || !Q.isZero(f[1]!)) return null;
  const b = f[2]!, c = f[0]!;
  if (Q.sign(c) <= 0) return null;
  const r = Math.sqrt(Q.toNumber(c)), bv = Q.toNumber(b);
  return 2 * r - bv > 0 && 2 * r + bv > 0 ? [b, c] : null;
}

/**
 * ∫ (n₃x³ + n₂x² + n₁x + n₀)/(x⁴ + bx² + c): with Q± = x² ± s·x + r write the numerator as
 * (Ax + B)·Q₋ + (Cx + D)·Q₊ (so N/(Q₊Q₋) = (Ax + B)/Q₊ + (Cx + D)/Q₋); matching coefficients gives B + D = n₀/r, D − B = (n₁ − n₃r)/s,
 * A + C = n₃, C − A = (n₂ − n₀/r)/s. Each half is a log + atan term.
 */
function biquadraticTerm(t: ApartTerm, x: SymbolNode): Expr | null {
  const bc = biquadraticSplit(t.factor);
  if (!bc) return null;
  const [b, c] = bc;
  const r = sqrtRational(c);
  const s = sqrt(sub(mul(2, r), R(b)));
  const n = [0, 1, 2, 3].map((k) => R(polyCoeff(t.numer, k)));
  const half = R(Q.rational(1n, 2n));
  const n0r = mul(n[0]!, pow(r, -1));
  const dMinusB = mul(sub(n[1]!, mul(n[3]!, r)), pow(s, -1));
  const cMinusA = mul(sub(n[2]!, n0r), pow(s, -1));
  const B = mul(half, sub(n0r, dMinusB)), D = mul(half, add(n0r, dMinusB));
  const A = mul(half, sub(n[3]!, cMinusA)), C = mul(half, add(n[3]!, cMinusA));
  // m = √(r − s²/4) = √((2r + b)/4)
  const m = sqrt(mul(add(mul(2, r), R(b)), R(Q.rational(1n, 4n))));
  const term = (P: Expr, Qm: Expr, p: Expr): Expr => {
    // ∫ (P·x + Qm)/(x² + p·x + r) = (P/2)·log(x² + px + r) + (Qm − P·p/2)/m · atan((x + p/2)/m)
    const quad = add(pow(x, 2), mul(p, x), r);
    return add(mul(P, half, fn('log', quad)), mul(sub(Qm, mul(P, p, half)), pow(m, -1), fn('atan', mul(add(x, mul(p, half)), pow(m, -1)))));
  };
  // (Ax + B) multiplies Q₋, so it sits over Q₊ = x² + s·x + r; (Cx + D) over Q₋.
  return add(term(A, B, s), term(C, D, mul(-1, s)));
}

/** Jₖ = ∫ dt/(t² + m²)ᵏ with Q = t² + m² (reduction formula, iterated). */
function jIntegral(k: number, t: Expr, m2: Expr, Qx: Expr): Expr {
  const m = m2.kind === 'Integer' || m2.kind === 'Rational' ? sqrtRational(m2.value) : sqrt(m2);
  let J = mul(pow(m, -1), fn('atan', mul(t, pow(m, -1))));
  for (let j = 2; j <= k; j++) {
    const c = mul(pow(mul(2, m2, j - 1), -1));
    J = add(mul(c, t, pow(Qx, 1 - j)), mul(c, 2 * j - 3, J));
  }
  return J;
}

function describe(p: Poly, terms: ApartTerm[], v: string): string {
  const parts: string[] = [];
  if (p.length) parts.push(polyToString(p, v));
  for (const t of terms) {
    const f = `(${polyToString(t.factor, v)})${t.power > 1 ? `^${t.power}` : ''}`;
    parts.push(`(${polyToString(t.numer, v)})/${f}`);
  }
  return parts.join(' + ');
}
