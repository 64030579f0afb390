/**
 * Rational functions whose denominator has irreducible factors of degree ≥ 3 over ℚ with roots
 * in radicals: the logarithmic part is summed over the roots themselves.
 *
 * After Hermite reduction (rational part, square-free remainder A/D), the residue at a simple root
 * ρ of an irreducible factor P of D is c(ρ) = A(ρ)/D′(ρ), an element of ℚ(ρ) = ℚ[t]/P(t) computed
 * exactly as a polynomial c(t) of degree < deg P (D′ is inverted modulo P by extended Euclid).
 * Then ∫ A/D = Σ c(ρ)·log(x − ρ), written over ℝ:
 *
 *   real ρ:                     c(ρ)·log|x − ρ|
 *   ρ = p + iq, ρ̄ (q > 0):       α·log((x − p)² + q²) − 2β·atan((x − p)/q),  c(ρ) = α + iβ
 *
 * Roots are written exactly for linear and quadratic factors, binomials a·xᵈ + b (ρ = μ·e^(iφ),
 * μ = |b/a|^(1/d), φ a rational multiple of π) and quadratics in xᵏ, e₂y² + e₁y + e₀ with
 * y = xᵏ (the binomial roots of xᵏ = y for each root y, real or complex). In polar form
 * c(ρ) = Σ cⱼμʲ(cos jφ + i·sin jφ). Other factors are declined.
 *
 * @example
 * // one real root 2^(1/3) and a complex pair
 * integrate('1/(x^3 - 2)', 'x') // → 2^(1/3)*log(abs(x - 2^(1/3)))/6 - 2^(1/3)*log((x + 2^(1/3)/2)^2 + 3*2^(2/3)/4)/12 - 2^(1/3)*sqrt(3)*atan(2^(2/3)*sqrt(3)*(x + 2^(1/3)/2)/3)/6
 */
import * as Q from '../../../../core/rational.js';
import { add, mul, pow, sqrt, sub } from '../../../expr/arith.js';
import { PI, ZERO, numFromRational, rat, type Expr, type SymbolNode } from '../../../expr/expr.js';
import { fn } from '../../../functions/index.js';
import { evalNumber } from '../../../algebra/util.js';
import { logAbs } from '../../../functions/sign.js';
import { polyFactorQ } from '../../../poly/factor.js';
import { polyDegree, polyDeriv, polyGcdex, polyIsZero, polyMul, polyRem, type Poly } from '../../../poly/poly.js';
import { hermiteSplit } from './hermite.js';

const R = numFromRational;
const EMPTY = new Map<Expr, number>();
const val = (e: Expr): number => evalNumber(e, EMPTY);

/** A root of an irreducible factor: real (q = 0), or the upper one of a conjugate pair. */
interface Root {
  /** Real part (the root itself when real). */
  p: Expr;
  /** Imaginary part, > 0; ZERO for a real root. */
  q: Expr;
  /** c(ρ) = Σ cⱼρʲ as [real part, imaginary part]. */
  value(c: Poly): [Expr, Expr];
}

/** A root μ·e^(iφ) in polar form (φ = 0 or π for a real root). */
function polar(mu: Expr, phi: Expr, real: boolean): Root {
  const p = real ? mul(mu, fn('cos', phi)) : mul(mu, fn('cos', phi));
  return {
    p,
    q: real ? ZERO : mul(mu, fn('sin', phi)),
    value: (c) => {
      const re: Expr[] = [], im: Expr[] = [];
      c.forEach((cj, j) => {
        if (Q.isZero(cj)) return;
        re.push(mul(R(cj), pow(mu, j), fn('cos', mul(j, phi))));
        if (!real) im.push(mul(R(cj), pow(mu, j), fn('sin', mul(j, phi))));
      });
      return [add(...re), add(...im)];
    },
  };
}

/** A root given by its real and imaginary parts (linear and quadratic factors). */
function direct(p: Expr, q: Expr): Root {
  return {
    p,
    q,
    value: (c) => {
      // deg c ≤ 1 here: c₀ + c₁(p + iq)
      const c0 = R(c[0] ?? Q.ZERO), c1 = R(c[1] ?? Q.ZERO);
      return [add(c0, mul(c1, p)), mul(c1, q)];
    },
  };
}

/** The roots of xᵏ = y for a real y ≠ 0 (one of each conjugate pair). */
function binomialRoots(y: Expr, k: number): Root[] {
  const positive = val(y) > 0;
  const mu = pow(positive ? y : mul(-1, y), rat(1, k));
  const out: Root[] = [];
  // y > 0: φ = 2πj/k; y < 0: φ = π(2j + 1)/k; for φ in [0, π].
  for (let j = 0; ; j++) {
    const num = positive ? 2 * j : 2 * j + 1;
    if (num > k) break;
    const phi = mul(rat(num, k), PI);
    out.push(num === 0 || num === k ? polar(mu, phi, true) : polar(mu, phi, false));
  }
  return out;
}

/** Exact roots of an irreducible P (one of each conjugate pair), or null. */
function explicitRoots(P: Poly): Root[] | null {
  const d = polyDegree(P);
  if (d === 1) return [direct(R(Q.neg(Q.div(P[0]!, P[1]!))), ZERO)];
  if (d === 2) {
    const [c, b, a] = [P[0]!, P[1]!, P[2]!];
    const disc = Q.sub(Q.mul(b, b), Q.mul(Q.rational(4n), Q.mul(a, c)));
    const p = R(Q.neg(Q.div(b, Q.mul(Q.rational(2n), a))));
    const s = mul(sqrt(R(Q.abs(disc))), R(Q.inv(Q.abs(Q.mul(Q.rational(2n), a)))));
    return Q.sign(disc) > 0 ? [direct(add(p, s), ZERO), direct(sub(p, s), ZERO)] : [direct(p, s)];
  }
  const nonzero = P.flatMap((c, i) => (Q.isZero(c) ? [] : [i]));
  if (nonzero.length === 2 && nonzero[0] === 0) return binomialRoots(R(Q.neg(Q.div(P[0]!, P[d]!))), d);
  // e₂·y² + e₁·y + e₀ with y = xᵏ
  if (nonzero.length === 3 && nonzero[0] === 0 && d % 2 === 0 && nonzero[1] === d / 2) {
    const k = d / 2;
    const [e0, e1, e2] = [P[0]!, P[k]!, P[d]!];
    const disc = Q.sub(Q.mul(e1, e1), Q.mul(Q.rational(4n), Q.mul(e2, e0)));
    const mid = R(Q.neg(Q.div(e1, Q.mul(Q.rational(2n), e2))));
    if (Q.sign(disc) > 0) {
      const s = mul(sqrt(R(disc)), R(Q.inv(Q.abs(Q.mul(Q.rational(2n), e2)))));
      return [...binomialRoots(add(mid, s), k), ...binomialRoots(sub(mid, s), k)];
    }
    // y = |y|·e^(±iψ), |y| = √(e₀/e₂), ψ = acos(Re y/|y|) ∈ (0, π); xᵏ = y has the roots
    // |y|^(1/k)·e^(i(ψ + 2πj)/k), and their conjugates solve xᵏ = ȳ.
    const modY = sqrt(R(Q.div(e0, e2)));
    const psi = fn('acos', mul(mid, pow(modY, -1)));
    const mu = pow(modY, rat(1, k));
    const out: Root[] = [];
    for (let j = 0; j < k; j++) {
      const phi = mul(add(psi, mul(2 * j, PI)), rat(1, k));
      // the representative in (0, π): φ itself or 2π − φ (the conjugate)
      out.push(polar(mu, val(phi) < Math.PI ? phi : sub(mul(2, PI), phi), false));
    }
    return out;
  }
  return null;
}

/**
 * ∫ f dx for a rational f whose square-free part's irreducible factors all have explicit roots
 * (see the module comment); null otherwise.
 */
export function integrateByRoots(f: Expr, x: SymbolNode): Expr | null {
  const split = hermiteSplit(f, x, 3);
  if (!split) return null;
  const { parts, A, D } = split;
  if (!polyIsZero(A)) {
    const dD = polyDeriv(D);
    const fac = polyFactorQ(D);
    if (fac.factors.some((g) => !g.irreducible || g.mult !== 1)) return null;
    if (!fac.factors.some((g) => polyDegree(g.poly) >= 3)) return null;
    for (const { poly: P } of fac.factors) {
      const roots = explicitRoots(P);
      if (roots === null) return null;
      const real = roots.filter((r) => r.q === ZERO).length;
      if (real + 2 * (roots.length - real) !== polyDegree(P)) return null;
      // c(t) = A(t)·D′(t)⁻¹ mod P(t)
      const [g, s] = polyGcdex(polyRem(dD, P), P);
      if (polyDegree(g) !== 0) return null;
      const c = polyRem(polyMul(polyRem(A, P), s), P);
      for (const root of roots) {
        const [alpha, beta] = root.value(c);
        const u = sub(x, root.p);
        if (root.q === ZERO) parts.push(mul(alpha, logAbs(u)));
        else parts.push(mul(alpha, fn('log', add(pow(u, 2), pow(root.q, 2)))), mul(-2, beta, fn('atan', mul(u, pow(root.q, -1)))));
      }
    }
  }
  return add(...parts);
}
