/**
 * Rational functions the partial-fraction rule declines: repeated factors whose partial
 * fractions it cannot build (1/(3 − x²)², (x³ + 3)²/(2x³ − 1)²) and irreducible factors of
 * degree ≥ 3 (1/(x⁸ − 3x⁴ + 1)).
 *
 * 1. Hermite reduction (over ℚ, no factoring): with D = Π Dᵢⁱ square-free, each Dᵢ with i > 1
 *    is peeled off by solving B·U·Dᵢ′ + C·Dᵢ = −A/j (extended Euclid), which gives the rational
 *    part Σ B/Dᵢʲ and leaves ∫ A₁/D₁ with D₁ square-free.
 * 2. The logarithmic part of ∫ A₁/D₁ (Rothstein–Trager): the roots c of
 *    R(t) = resultant_x(D₁, A₁ − t·D₁′) are the residues, and ∫ A₁/D₁ = Σ c·log Gc with
 *    Gc = gcd(D₁, A₁ − c·D₁′). R is found by interpolation (its degree is at most deg D₁). Rational
 *    roots give logs over ℚ; a quadratic factor of R with real roots c = a ± b√δ gives a conjugate
 *    pair of logs over ℚ(√δ), computed with exact arithmetic in that field. Other factors of R
 *    (complex residues, degree ≥ 3) are declined: the answer would need RootSum or arctangents
 *    of algebraic numbers this module does not build.
 *
 * The square-free remainder first goes to the partial-fraction rule (it knows log + atan for
 * quadratics); only what that declines reaches Rothstein–Trager.
 *
 * @example
 * integrate('1/(3 - x^2)^2', 'x') // → -x/6/(x^2 - 3) - sqrt(3)*(-log(abs(x + sqrt(3))) + log(abs(x - sqrt(3))))/36
 */
import * as Q from '../../../../core/rational.js';
import { add, mul, pow } from '../../../expr/arith.js';
import { numFromRational, type Expr, type SymbolNode } from '../../../expr/expr.js';
import { exprToRatFun, polyToExpr } from '../../../poly/convert.js';
import { polyFactorQ } from '../../../poly/factor.js';
import { polySquareFree } from '../../../poly/factor.js';
import {
  polyAdd, polyDegree, polyDeriv, polyDivmod, polyExactDiv, polyGcd, polyGcdex, polyIntegral, polyIsZero, polyLc, polyMul, polyPow, polyRem, polyScale, polySub, type Poly,
} from '../../../poly/poly.js';
import { sqrtRational } from '../../../algebra/util.js';
import { logAbs } from '../../../functions/sign.js';

/** Denominators above this degree are declined (coefficient growth). */
const MAX_DEGREE = 24;

/**
 * ∫ f dx for a rational f by Hermite reduction and Rothstein–Trager; `partialFractions` is the
 * existing rule, tried on the square-free remainder. Null when f is not rational over ℚ or a
 * residue is not real of degree ≤ 2.
 */
export function integrateHermite(f: Expr, x: SymbolNode, partialFractions: (g: Expr) => Expr | null): Expr | null {
  const split = hermiteSplit(f, x, 1);
  if (!split) return null;
  const { parts, rational, A, D } = split;
  if (!polyIsZero(A)) {
    const remainder = mul(polyToExpr(A, x), pow(polyToExpr(D, x), -1));
    const viaFractions = rational.length ? partialFractions(remainder) : null;
    const logs = viaFractions ?? logPart(A, D, x);
    if (logs === null) return null;
    parts.push(logs);
  }
  return add(...parts);
}

/**
 * A rational f over ℚ (denominator degree from `minDegree` to MAX_DEGREE) as the integrated
 * polynomial part and Hermite's rational part (`parts`), plus the square-free remainder A/D; or null.
 */
export function hermiteSplit(f: Expr, x: SymbolNode, minDegree: number): { parts: Expr[]; rational: Array<[Poly, Poly]>; A: Poly; D: Poly } | null {
  const rf = exprToRatFun(f, x);
  if (!rf) return null;
  const [num, den] = rf;
  if (polyDegree(den) < minDegree || polyDegree(den) > MAX_DEGREE) return null;
  const [q, r] = polyDivmod(num, den);
  const { rational, A, D } = hermiteReduce(r, den);
  const parts: Expr[] = [polyToExpr(polyIntegral(q), x), ...rational.map(([B, V]) => mul(polyToExpr(B, x), pow(polyToExpr(V, x), -1)))];
  return { parts, rational, A, D };
}

/** Hermite reduction of A/D (deg A < deg D): Σ B/V (rational part) and A₁/D₁ with D₁ square-free. */
function hermiteReduce(A0: Poly, D0: Poly): { rational: Array<[Poly, Poly]>; A: Poly; D: Poly } {
  let A = A0;
  const lc = polyLc(D0);
  let D = polyScale(D0, Q.inv(lc));
  A = polyScale(A, Q.inv(lc));
  const rational: Array<[Poly, Poly]> = [];
  for (const { poly: V, mult } of polySquareFree(D)) {
    if (mult < 2) continue;
    const U = polyExactDiv(D, polyPow(V, mult));
    const dV = polyDeriv(V);
    for (let j = mult - 1; j >= 1; j--) {
      // B·U·V′ + C·V = −A/j, deg B < deg V
      const [B, C] = solveBezout(polyMul(U, dV), V, polyScale(A, Q.neg(Q.inv(Q.rational(BigInt(j))))));
      if (!polyIsZero(B)) rational.push([B, polyPow(V, j)]);
      A = polySub(polyScale(C, Q.neg(Q.rational(BigInt(j)))), polyMul(U, polyDeriv(B)));
    }
    D = polyMul(U, V);
  }
  return { rational, A, D };
}

/** s·a + t·b = c with deg s < deg b (a, b coprime). */
function solveBezout(a: Poly, b: Poly, c: Poly): [Poly, Poly] {
  const [, s0] = polyGcdex(a, b);
  const s = polyRem(polyMul(s0, c), b);
  const t = polyExactDiv(polySub(c, polyMul(s, a)), b);
  return [s, t];
}

/** Resultant of two polynomials over ℚ by the Euclidean remainder sequence. */
function resultant(a0: Poly, b0: Poly): Q.Rational {
  let a = a0, b = b0;
  let acc = Q.ONE;
  for (;;) {
    const m = polyDegree(a), n = polyDegree(b);
    if (n < 0 || m < 0) return Q.ZERO;
    if (n === 0) return Q.mul(acc, Q.powInt(polyLc(b), BigInt(m)));
    const r = polyRem(a, b);
    if (polyIsZero(r)) return Q.ZERO;
    if ((m * n) % 2 === 1) acc = Q.neg(acc);
    acc = Q.mul(acc, Q.powInt(polyLc(b), BigInt(m - polyDegree(r))));
    [a, b] = [b, r];
  }
}

/** The polynomial through (tᵢ, vᵢ) by Newton's divided differences. */
function interpolate(ts: Q.Rational[], vs: Q.Rational[]): Poly {
  const c = [...vs];
  for (let k = 1; k < ts.length; k++) for (let i = ts.length - 1; i >= k; i--) c[i] = Q.div(Q.sub(c[i]!, c[i - 1]!), Q.sub(ts[i]!, ts[i - k]!));
  let p: Poly = [];
  for (let i = ts.length - 1; i >= 0; i--) p = polyAdd(polyMul(p, [Q.neg(ts[i]!), Q.ONE]), [c[i]!]);
  return p;
}

/** Σ c·log|Gc| over the residues (see the module comment), or null. */
function logPart(A: Poly, D: Poly, x: SymbolNode): Expr | null {
  const dD = polyDeriv(D);
  const n = polyDegree(D);
  const ts = Array.from({ length: n + 1 }, (_, i) => Q.rational(BigInt(i)));
  const R = interpolate(ts, ts.map((t) => resultant(D, polySub(A, polyScale(dD, t)))));
  if (polyDegree(R) < 1) return null;
  const terms: Expr[] = [];
  for (const { poly: r, irreducible } of polyFactorQ(R).factors) {
    if (!irreducible) return null;
    const d = polyDegree(r);
    if (d === 1) {
      const c = Q.neg(Q.div(r[0]!, r[1]!));
      const G = polyGcd(D, polySub(A, polyScale(dD, c)));
      terms.push(mul(numFromRational(c), logAbs(polyToExpr(G, x))));
    } else if (d === 2) {
      // c = α ± β√δ with r = r₂t² + r₁t + r₀: α = −r₁/(2r₂), β√δ = √(r₁² − 4r₂r₀)/(2r₂) → δ = disc, β = 1/(2r₂).
      const disc = Q.sub(Q.mul(r[1]!, r[1]!), Q.mul(Q.rational(4n), Q.mul(r[2]!, r[0]!)));
      if (Q.sign(disc) <= 0) return null;
      const alpha = Q.neg(Q.div(r[1]!, Q.mul(Q.rational(2n), r[2]!)));
      const beta = Q.inv(Q.mul(Q.rational(2n), r[2]!));
      const field = new QuadraticField(disc);
      for (const s of [1n, -1n]) {
        const c: Qs = [alpha, Q.mul(beta, Q.rational(s))];
        const G = field.gcd(field.lift(D), field.sub(field.lift(A), field.scale(field.lift(dD), c)));
        if (G.length < 2) return null;
        terms.push(mul(field.toExpr(c), logAbs(add(...G.map((g, k) => mul(field.toExpr(g), pow(x, k)))))));
      }
    } else return null;
  }
  return add(...terms);
}

/** a + b√δ. */
type Qs = [Q.Rational, Q.Rational];
type QsPoly = Qs[];

/** Exact arithmetic in ℚ(√δ) and polynomials over it (just enough for a gcd). */
class QuadraticField {
  constructor(private readonly delta: Q.Rational) {}
  lift(p: Poly): QsPoly {
    return p.map((c): Qs => [c, Q.ZERO]);
  }
  private isZero(a: Qs): boolean {
    return Q.isZero(a[0]) && Q.isZero(a[1]);
  }
  private mulE(a: Qs, b: Qs): Qs {
    return [Q.add(Q.mul(a[0], b[0]), Q.mul(this.delta, Q.mul(a[1], b[1]))), Q.add(Q.mul(a[0], b[1]), Q.mul(a[1], b[0]))];
  }
  private inv(a: Qs): Qs {
    const nrm = Q.sub(Q.mul(a[0], a[0]), Q.mul(this.delta, Q.mul(a[1], a[1])));
    return [Q.div(a[0], nrm), Q.neg(Q.div(a[1], nrm))];
  }
  private norm(p: QsPoly): QsPoly {
    const out = [...p];
    while (out.length && this.isZero(out[out.length - 1]!)) out.pop();
    return out;
  }
  sub(a: QsPoly, b: QsPoly): QsPoly {
    const n = Math.max(a.length, b.length);
    const out: QsPoly = [];
    for (let k = 0; k < n; k++) {
      const u = a[k] ?? [Q.ZERO, Q.ZERO], v = b[k] ?? [Q.ZERO, Q.ZERO];
      out.push([Q.sub(u[0], v[0]), Q.sub(u[1], v[1])]);
    }
    return this.norm(out);
  }
  scale(p: QsPoly, c: Qs): QsPoly {
    return this.norm(p.map((e) => this.mulE(e, c)));
  }
  private rem(a0: QsPoly, b: QsPoly): QsPoly {
    let a = this.norm(a0);
    const lb = this.inv(b[b.length - 1]!);
    while (a.length >= b.length) {
      const k = a.length - b.length;
      const c = this.mulE(a[a.length - 1]!, lb);
      const shifted: QsPoly = [...Array.from({ length: k }, (): Qs => [Q.ZERO, Q.ZERO]), ...b.map((e) => this.mulE(e, c))];
      a = this.sub(a, shifted);
    }
    return a;
  }
  /** Monic gcd. */
  gcd(a0: QsPoly, b0: QsPoly): QsPoly {
    let a = this.norm(a0), b = this.norm(b0);
    while (b.length) [a, b] = [b, this.rem(a, b)];
    return a.length ? this.scale(a, this.inv(a[a.length - 1]!)) : a;
  }
  toExpr(a: Qs): Expr {
    return add(numFromRational(a[0]), mul(numFromRational(a[1]), sqrtRational(this.delta)));
  }
}
