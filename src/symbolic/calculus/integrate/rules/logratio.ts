/**
 * Logarithms of a ratio of two linear factors: f = R(x)·H(log A₁, log A₂, …) with R rational and
 * every Aᵢ = cᵢ·tᵏⁱ for one t = σ·(x − r₁)/(x − r₂) (cᵢ > 0, σ = ±1). The Möbius substitution
 * t = σ·(x − r₁)/(x − r₂), x = (σ·r₁ − r₂·t)/(σ − t), dx = σ·(r₁ − r₂)/(σ − t)²·dt, turns
 * R(x)·dx into a rational function of t (kept when its denominator is a monomial) and log Aᵢ into
 * log cᵢ + kᵢ·log t, so
 *
 *   ∫ dx/((x − 2)³·(log((x − 2)/(6x + 6)) − 2)) = ∫ P(t)·t⁻³/(log t − 2) dt   (P a polynomial)
 *
 * which the other rules finish term by term (Ei, powers of logs by parts, …). Where t may be
 * negative (every kᵢ with an even numerator and an odd denominator: log(2(x + 2)²/(x + 1)²)), each
 * ∫ tʲ·H(log|t|) dt = G(t) is found for t > 0, and s = −t gives sign(t)ʲ⁺¹·G(|t|) on the other
 * side. log t goes back as (log A₁ − log c₁)/k₁, the integrand's own logarithm. With one linear
 * factor, Aᵢ = cᵢ·(σ·(x − r₁))^kᵢ, t = σ·(x − r₁) the same way (1/√(−log x²) = erf of √(−log x²)).
 *
 * @example
 * integrate('1/((x + 1)^2*log((x - 1)/(x + 1)))', 'x') // → Ei(log((x - 1)/(x + 1)))/2
 */
import * as Q from '../../../../core/rational.js';
import { add, mul, pow, sub } from '../../../expr/arith.js';
import { ONE, numFromRational, type Expr, type SymbolNode } from '../../../expr/expr.js';
import { fn } from '../../../functions/index.js';
import { evalNumber, free, substitute, walkDependent } from '../../../algebra/util.js';
import { exprToRatFun } from '../../../poly/convert.js';
import { polyAdd, polyDegree, polyExactDiv, polyGcd, polyLc, polyMul, polyPow, polyScale, type Poly } from '../../../poly/poly.js';
import { linearIn } from '../../diff/polynomial-in.js';
import { expandProducts } from '../../../algebra/rewrite.js';
import { freshSymbol } from './trig.js';
import type { IntegrationRule } from './rule.js';

/** A = c·(σ·(x − r₁)/(x − r₂))^k, or c·(σ·(x − r₁))^k when r₂ is null (one linear factor). */
interface Ratio {
  c: Expr;
  r1: Q.Rational;
  r2: Q.Rational | null;
  sigma: 1 | -1;
  k: Q.Rational;
}

const rationalOf = (e: Expr): Q.Rational | null => (e.kind === 'Integer' || e.kind === 'Rational' ? e.value : null);

/**
 * A as c·Π (σⱼ·(x − rⱼ))^pⱼ with c free of x, each linear factor split as |a|·σ·(x − r) (its
 * sign kept with the factor, so fractional powers stay real); null for anything else.
 */
function linearFactors(A: Expr, x: SymbolNode): { c: Expr; fs: Array<{ r: Q.Rational; sigma: 1 | -1; p: Q.Rational }> } | null {
  const cs: Expr[] = [];
  const fs: Array<{ r: Q.Rational; sigma: 1 | -1; p: Q.Rational }> = [];
  const go = (e: Expr, p: Q.Rational): boolean => {
    if (free(e, x)) return cs.push(pow(e, numFromRational(p))), true;
    if (e.kind === 'Mul') {
      cs.push(pow(e.coeff, numFromRational(p)));
      return e.bases.every((b, i) => {
        const k = rationalOf(e.exps[i]!);
        return k !== null && go(b, Q.mul(p, k));
      });
    }
    if (e.kind === 'Pow') {
      const k = rationalOf(e.exp);
      return k !== null && go(e.base, Q.mul(p, k));
    }
    const l = linearIn(e, x);
    const a = l && rationalOf(l[0]), b = l && rationalOf(l[1]);
    if (!a || !b) return false;
    const sigma = Q.sign(a) > 0 ? 1 : -1;
    cs.push(pow(numFromRational(Q.abs(a)), numFromRational(p)));
    const r = Q.neg(Q.div(b, a));
    const same = fs.find((g) => Q.eq(g.r, r) && g.sigma === sigma);
    if (same) same.p = Q.add(same.p, p);
    else fs.push({ r, sigma, p });
    return true;
  };
  if (!go(A, Q.ONE)) return null;
  return { c: mul(...cs), fs: fs.filter((g) => !Q.isZero(g.p)) };
}

/** A as c·(σ(x − r₁)/(x − r₂))^k with c > 0, or null. */
function ratioOf(A: Expr, x: SymbolNode): Ratio | null {
  const lf = linearFactors(A, x);
  if (lf && lf.fs.length === 1 && evalNumber(lf.c, new Map()) > 0) {
    const [g] = lf.fs as [(typeof lf.fs)[0]];
    return { c: lf.c, r1: g.r, r2: null, sigma: g.sigma, k: g.p };
  }
  if (!lf || lf.fs.length !== 2) return null;
  const [f1, f2] = lf.fs as [(typeof lf.fs)[0], (typeof lf.fs)[0]];
  if (!Q.eq(f1.p, Q.neg(f2.p)) || !(evalNumber(lf.c, new Map()) > 0)) return null;
  // (σ₁u)^k·(σ₂v)^(−k) = (σ₁σ₂·u/v)^k: exact for integer k; for a fractional k both bases are ≥ 0.
  return { c: lf.c, r1: f1.r, r2: f2.r, sigma: f1.sigma === f2.sigma ? 1 : -1, k: f1.p };
}

/** Σ pⱼ·Aʲ·B^(n−j) for p of degree n: p(A/B)·Bⁿ. */
function homogeneous(p: Poly, A: Poly, B: Poly, n: number): Poly {
  let out: Poly = [];
  for (let j = 0; j < p.length; j++) if (!Q.isZero(p[j]!)) out = polyAdd(out, polyScale(polyMul(polyPow(A, j), polyPow(B, n - j)), p[j]!));
  return out;
}

/** ∫ f dx by the substitution above, or null. */
export function integrateLogRatio(f: Expr, x: SymbolNode, integrate: (g: Expr, v: SymbolNode) => Expr | null, note: (s: string) => void): Expr | null {
  const logs: Array<{ node: Expr; ratio: Ratio }> = [];
  let ok = true;
  walkDependent(f, x, (n) => {
    if (!ok) return false;
    if (n.kind !== 'Function' || n.name !== 'log') return undefined;
    const ratio = ratioOf(n.args[0]!, x);
    if (!ratio) ok = false;
    else logs.push({ node: n, ratio });
    return [];
  });
  if (!ok || logs.length === 0) return null;
  const { r1, r2, sigma } = logs[0]!.ratio;
  // Every log must be of the same t (or of 1/t: k negated).
  const ks: Q.Rational[] = [];
  const same = (a: Q.Rational | null, b: Q.Rational | null) => (a === null || b === null ? a === b : Q.eq(a, b));
  for (const { ratio } of logs) {
    if (Q.eq(ratio.r1, r1) && same(ratio.r2, r2) && ratio.sigma === sigma) ks.push(ratio.k);
    else if (r2 !== null && ratio.r2 !== null && Q.eq(ratio.r1, r2) && Q.eq(ratio.r2, r1) && ratio.sigma === sigma) ks.push(Q.neg(ratio.k));
    else return null;
  }
  const t = freshSymbol();
  let g = f;
  logs.forEach(({ node, ratio }, i) => {
    g = substitute(g, node, add(fn('log', ratio.c), mul(numFromRational(ks[i]!), fn('log', t))));
  });
  // g = R(x)·H(log t): split the factors.
  const gm = g;
  const factors: Array<[Expr, Expr]> = gm.kind === 'Mul' ? gm.bases.map((b, i) => [b, gm.exps[i]!]) : [[gm, ONE]];
  const coeff = gm.kind === 'Mul' ? gm.coeff : ONE;
  const rat: Expr[] = [], rest: Expr[] = [];
  for (const [b, e] of factors) {
    const term = pow(b, e);
    if (free(term, t)) rat.push(term);
    else if (free(term, x)) rest.push(term);
    else return null;
  }
  if (rest.length === 0) return null;
  const R = exprToRatFun(mul(coeff, ...rat), x);
  if (!R) return null;
  // x = X(t) = (σ·r₁ − r₂·t)/(σ − t) = A(t)/B(t); dx/dt = σ·(r₁ − r₂)/(σ − t)². One linear
  // factor: x = σ·t + r₁ = A(t)/1, dx/dt = σ.
  const A: Poly = r2 === null ? [r1, Q.rational(BigInt(sigma))] : [Q.mul(Q.rational(BigInt(sigma)), r1), Q.neg(r2)];
  const B: Poly = r2 === null ? [Q.ONE] : [Q.rational(BigInt(sigma)), Q.rational(-1n)];
  const [N, D] = R;
  const dN = polyDegree(N), dD = polyDegree(D);
  // R(X)·X′ = Ñ·B^(dD − dN)/D̃ · σ(r₁ − r₂)/B²
  const e = dD - dN - 2;
  let num = polyScale(homogeneous(N, A, B, dN), r2 === null ? Q.rational(BigInt(sigma)) : Q.mul(Q.rational(BigInt(sigma)), Q.sub(r1, r2)));
  let den = homogeneous(D, A, B, dD);
  if (e >= 0) num = polyMul(num, polyPow(B, e));
  else den = polyMul(den, polyPow(B, -e));
  const gcd = polyGcd(num, den);
  if (polyDegree(gcd) > 0) [num, den] = [polyExactDiv(num, gcd), polyExactDiv(den, gcd)];
  // Only a monomial denominator: the t-integrand is a sum of tʲ·H(log t).
  const m = polyDegree(den);
  if (den.slice(0, m).some((q) => !Q.isZero(q))) return null;
  const H = mul(...rest);
  // t > 0 wherever some log Aᵢ is defined unless every kᵢ has an even numerator and an odd denominator.
  const positive = ks.some((k) => k.num % 2n !== 0n || k.den % 2n === 0n);
  // Back to x: log t = (log A₁ − log c₁)/k₁ (that is log|t|), t = σ(x − r₁)/(x − r₂).
  const first = logs[0]!;
  const logT = mul(sub(first.node, fn('log', first.ratio.c)), numFromRational(Q.inv(ks[0]!)));
  const tx = mul(sigma, sub(x, numFromRational(r1)), r2 === null ? ONE : pow(sub(x, numFromRational(r2)), -1));
  const parts: Expr[] = [];
  for (let j = 0; j < num.length; j++) {
    if (Q.isZero(num[j]!)) continue;
    const G = integrate(mul(numFromRational(Q.div(num[j]!, polyLc(den))), pow(t, j - m), H), t);
    if (G === null) return null;
    const G1 = substitute(G, fn('log', t), logT);
    parts.push(positive ? substitute(G1, t, tx) : bothSides(G1, t, tx, j - m));
  }
  note(`t = ${sigma < 0 ? '−' : ''}(${x.name} − ${Q.toString(r1)})${r2 === null ? '' : `/(${x.name} − ${Q.toString(r2)})`}: the logarithms become log c + k·log t, the rest a rational function of t`);
  return add(...parts);
}

/**
 * G(|t|)·sign(t)ʲ⁺¹ with t = tx, for G = ∫ tʲ·H(log|t|) dt found for t > 0: for t < 0, s = −t
 * turns the integral into (−1)ʲ⁺¹·G(s). A term tⁱ·Φ (Φ free of t) becomes tⁱ·sign(t)ʲ⁺ⁱ⁺¹;
 * any other term keeps |t|.
 */
function bothSides(G: Expr, t: SymbolNode, tx: Expr, j: number): Expr {
  const E = expandProducts(G);
  const terms = E.kind === 'Add' ? [E.coeff, ...E.terms.map((u, i) => mul(E.coeffs[i]!, u))] : [E];
  const out = terms.map((u) => {
    const i = free(u, t) ? 0 : u === t ? 1 : u.kind === 'Pow' && u.base === t ? u.exp : u.kind === 'Mul' ? (u.exps[u.bases.indexOf(t)] ?? null) : null;
    const rest = i === null || typeof i === 'number' ? u : mul(u, pow(t, mul(-1, i)));
    const n = typeof i === 'number' ? i : i?.kind === 'Integer' ? Number(i.value.num) : null;
    if (n === null || !free(rest, t)) return mul((j + 1) % 2 !== 0 ? fn('sign', tx) : ONE, substitute(u, t, fn('abs', tx)));
    return mul(Math.abs(j + n + 1) % 2 === 1 ? fn('sign', tx) : ONE, substitute(u, t, tx));
  });
  return add(...out);
}

/** The rule: f holds only logarithms of one ratio of linear factors (see the module comment). */
export const logRatioRule: IntegrationRule = {
  name: 'logarithm of a linear ratio',
  needs: (s) => s.functions.has('log'),
  step: 'u-substitution',
  apply: ({ f, x, integrate, note }) => integrateLogRatio(f, x, integrate, note),
};
