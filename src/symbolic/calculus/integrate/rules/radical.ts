/**
 * Substitutions that make an algebraic integrand rational.
 *
 * - Linear radicals: R(x)·A^(μ/q)·B^(ν/q) with A = a₁ + b₁x, B = a₂ + b₂x and (μ + ν)/q an
 *   integer: t = (A/B)^(1/q) gives x = (a₁ − a₂tᵠ)/(b₂tᵠ − b₁), A^(μ/q)·B^(ν/q) = t^μ·B^((μ+ν)/q),
 *   rational in t. With one radical base, t = A^(1/q); a power of the ratio itself, (A/B)^(μ/q),
 *   takes the same t.
 * - Chebyshev's binomial differentials xᵐ(a + b·xⁿ)ᵖ, p = r/q not an integer, are elementary
 *   exactly when p, (m + 1)/n or (m + 1)/n + p is an integer. (m + 1)/n = k: u = xⁿ leaves
 *   u^(k−1)(a + bu)ᵖ/n (a factor R(xⁿ) rides along); (m + 1)/n + p = k: tᵠ = a·x⁻ⁿ + b leaves
 *   −(q/(n·a))·((tᵠ − b)/a)^(−k−1)·t^(r+q−1).
 * - Even radicals of a binomial quadratic: R(x²)·(a + b·x²)^(j + 1/2) with t = x/√(a + b·x²),
 *   x² = a·t²/(1 − b·t²), a + b·x² = a/(1 − b·t²), dx = (a + b·x²)^(3/2)/a dt.
 *
 * Each writes t back in the integrand's own radicals and leaves the new integrand to the engine;
 * the final derivative check over the whole domain rejects a branch that does not fit.
 *
 * @example
 * // t = √(1 − x)/√(x + 1) makes it rational
 * integrate('sqrt(1 - x)/(x + 1)^(5/2)', 'x') // → -1*(1 - x)^(3/2)/(3*(x + 1)^(3/2))
 */
import { add, mul, pow, sub } from '../../../expr/arith.js';
import { ONE, ZERO, numFromRational, rat, type Expr, type SymbolNode } from '../../../expr/expr.js';
import { diff } from '../../diff/diff.js';
import { free, substitute, walkDependent } from '../../../algebra/util.js';
import { linearIn } from '../../diff/polynomial-in.js';
import { freshSymbol, splitFactors } from './trig.js';
import { show } from './parts.js';
import type { IntegrationRule, RuleContext } from './rule.js';
import { exprToPoly, exprToRatFun, polyToExpr } from '../../../poly/convert.js';
import { polyDegree, polyDeriv, polyEval, type Poly } from '../../../poly/poly.js';
import { polyApart } from '../../../poly/apart.js';
import { fn } from '../../../functions/index.js';
import * as Q from '../../../../core/rational.js';

type Frac = { num: bigint; den: bigint };

/** The exponent as a fraction, when it is an exact rational. */
function fracOf(k: Expr): Frac | null {
  return k.kind === 'Integer' || k.kind === 'Rational' ? { num: k.value.num, den: k.value.den } : null;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));

/** Is e a rational function of t (no function of t, no fractional power of a t-dependent base)? */
export function rationalIn(e: Expr, t: SymbolNode): boolean {
  return walkDependent(e, t, (n) => {
    if (n.kind === 'Function') return false;
    if (n.kind === 'Pow' && (n.exp.kind !== 'Integer' || !free(n.exp, t))) return false;
    if (n.kind !== 'Pow' && n.kind !== 'Add' && n.kind !== 'Mul' && n !== t) return false;
  });
}

/** b = c·A/B with A, B linear in x: [slope, intercept] of c·A and of B; or null. */
function linearRatio(b: Expr, x: SymbolNode): { A: [Expr, Expr]; B: [Expr, Expr] } | null {
  if (b.kind !== 'Mul' || b.bases.length !== 2) return null;
  const i = b.exps.findIndex((k) => k === ONE), j = b.exps.findIndex((k) => k.kind === 'Integer' && k.value.num === -1n);
  if (i < 0 || j < 0) return null;
  const A = linearIn(mul(b.coeff, b.bases[i]!), x), B = linearIn(b.bases[j]!, x);
  return A && B ? { A, B } : null;
}

/** Integrate g(t) (rational), put t = back, or null. */
function finish(ctx: RuleContext, g: Expr, t: SymbolNode, back: Expr, how: string): { result: Expr; detail: string } | null {
  if (!free(g, ctx.x) || !rationalIn(g, t)) return null;
  const G = ctx.integrate(g, t);
  return G && { result: substitute(G, t, back), detail: how };
}

/** R(x)·A^(μ/q)·B^(ν/q) with A, B linear and (μ + ν)/q an integer; see the module comment. */
export const linearRadicalRule: IntegrationRule = {
  name: 'linear radicals',
  needs: (s) => s.radical,
  step: 'rationalizing substitution',
  apply: (ctx) => {
    const { x, c, fs } = ctx;
    const radicals: Array<{ base: Expr; k: Frac; lin: [Expr, Expr] }> = [];
    let ratio: { base: Expr; k: Frac; A: [Expr, Expr]; B: [Expr, Expr] } | null = null;
    const rest: Expr[] = [c];
    for (const [b, k] of fs) {
      const fk = fracOf(k);
      if (fk && fk.den !== 1n) {
        const lin = linearIn(b, x);
        const quo = lin ? null : linearRatio(b, x);
        if (quo && !ratio) ratio = { base: b, k: fk, ...quo };
        else if (!lin) return null;
        else radicals.push({ base: b, k: fk, lin });
      } else rest.push(pow(b, k));
    }
    const R = mul(...rest);
    if (ratio && radicals.length === 0 && rationalIn(R, x)) {
      // ((a₁ + b₁x)/(a₂ + b₂x))^(μ/q) = t^μ with tᵠ the ratio: x = (a₁ − a₂tᵠ)/(b₂tᵠ − b₁)
      const t = freshSymbol();
      const q = ratio.k.den, tq = pow(t, rat(q));
      const [[b1, a1], [b2, a2]] = [ratio.A, ratio.B];
      const xt = mul(sub(a1, mul(a2, tq)), pow(sub(mul(b2, tq), b1), -1));
      const g = mul(substitute(R, x, xt), pow(t, rat(ratio.k.num)), diff(xt, t));
      const back = pow(ratio.base, rat(1n, q));
      return finish(ctx, g, t, back, `${t.name} = ${show(back)}`);
    }
    if (ratio || radicals.length === 0 || radicals.length > 2) return null;
    if (!rationalIn(R, x)) return null;
    const t = freshSymbol();
    if (radicals.length === 1) {
      const { base, k, lin } = radicals[0]!;
      const q = k.den;
      // A = a + b·x = tᵠ: x = (tᵠ − a)/b, dx = q·t^(q−1)/b dt.
      const [b, a] = lin;
      const xt = mul(sub(pow(t, rat(q)), a), pow(b, -1));
      const g = mul(substitute(R, x, xt), pow(t, rat(k.num)), rat(q), pow(t, rat(q - 1n)), pow(b, -1));
      return finish(ctx, g, t, pow(base, rat(1n, q)), `${t.name} = ${show(pow(base, rat(1n, q)))}`);
    }
    const [r1, r2] = radicals as [(typeof radicals)[0], (typeof radicals)[0]];
    const q = (r1.k.den * r2.k.den) / gcd(r1.k.den, r2.k.den);
    const mu = (r1.k.num * q) / r1.k.den, nu = (r2.k.num * q) / r2.k.den;
    if ((mu + nu) % q !== 0n) return null;
    const [b1, a1] = r1.lin, [b2, a2] = r2.lin;
    if (sub(mul(a1, b2), mul(a2, b1)) === ZERO) return null;
    // A/B = tᵠ: x = (a₁ − a₂tᵠ)/(b₂tᵠ − b₁); A^(μ/q)·B^(ν/q) = t^μ·B^((μ+ν)/q).
    const tq = pow(t, rat(q));
    const xt = mul(sub(a1, mul(a2, tq)), pow(sub(mul(b2, tq), b1), -1));
    const Bt = add(a2, mul(b2, xt));
    const g = mul(substitute(R, x, xt), pow(t, rat(mu)), pow(Bt, rat((mu + nu) / q)), diff(xt, t));
    const back = mul(pow(r1.base, rat(1n, q)), pow(r2.base, rat(-1n, q)));
    return finish(ctx, g, t, back, `${t.name} = (${show(r1.base)}/${show(r2.base)})^(1/${q})`);
  },
};

/** x's exponent n in a binomial a + b·xⁿ (n a non-zero rational), with a and b; or null. */
function binomial(B: Expr, x: SymbolNode): { a: Expr; b: Expr; n: Frac } | null {
  if (B.kind !== 'Add') return null;
  const dep = B.terms.map((term, i) => [term, B.coeffs[i]!] as const).filter(([term]) => !free(term, x));
  if (dep.length !== 1) return null;
  const [term, coef] = dep[0]!;
  const a = sub(B, mul(coef, term));
  if (!free(a, x) || a === ZERO) return null;
  const { c, fs } = splitFactors(term, x);
  if (fs.length !== 1 || fs[0]![0] !== x) return null;
  const n = fracOf(fs[0]![1]);
  if (!n || n.num === 0n) return null;
  return { a, b: mul(coef, c), n };
}

/** xᵐ·(a + b·xⁿ)ᵖ·R(xⁿ) by Chebyshev's substitutions; see the module comment. */
export const binomialRule: IntegrationRule = {
  name: 'binomial differential',
  needs: (s) => s.radical,
  step: 'rationalizing substitution',
  apply: (ctx) => {
    const { x, c, fs } = ctx;
    let found: { B: Expr; p: Frac; bin: { a: Expr; b: Expr; n: Frac } } | null = null;
    let m: Frac = { num: 0n, den: 1n };
    const rest: Expr[] = [c];
    for (const [b, k] of fs) {
      const fk = fracOf(k);
      if (b === x && fk) m = fk;
      else if (fk && fk.den !== 1n && !found) {
        const bin = binomial(b, x);
        if (!bin) return null;
        found = { B: b, p: fk, bin };
      } else rest.push(pow(b, k));
    }
    if (!found) return null;
    const { B, p, bin } = found;
    const { a, b, n } = bin;
    const nE = rat(n.num, n.den);
    const R = mul(...rest);
    const u = freshSymbol();
    // R must depend on x only through xⁿ.
    const Ru = substitute(substitute(R, pow(x, nE), u), x, pow(u, rat(n.den, n.num)));
    const Rfree = free(R, x);
    if (!free(Ru, x) || !rationalIn(Ru, u)) return null;
    // (m + 1)/n
    const k1 = { num: (m.num + m.den) * n.den, den: m.den * n.num };
    if (k1.num % k1.den === 0n) {
      // u = xⁿ: xᵐ dx = u^(k−1) du/n.
      const k = k1.num / k1.den;
      const g = mul(pow(nE, -1), pow(u, rat(k - 1n)), pow(add(a, mul(b, u)), rat(p.num, p.den)), Ru);
      const G = ctx.integrate(g, u);
      return G && { result: substitute(G, u, pow(x, nE)), detail: `${u.name} = ${show(pow(x, nE))}` };
    }
    if (!Rfree) return null;
    // (m + 1)/n + p = k:  tᵠ = a·x⁻ⁿ + b.
    const sum = { num: k1.num * p.den + p.num * k1.den, den: k1.den * p.den };
    if (sum.num % sum.den !== 0n) return null;
    const k = sum.num / sum.den;
    const q = p.den;
    const t = u;
    const g = mul(rat(-q * n.den, n.num), pow(a, -1), pow(mul(sub(pow(t, rat(q)), b), pow(a, -1)), rat(-k - 1n)), pow(t, rat(p.num + q - 1n)));
    // t = (a + b·xⁿ)^(1/q)·x^(−n/q), the integrand's own radical.
    const back = mul(pow(B, rat(1n, q)), pow(x, mul(nE, rat(-1n, q))));
    return finish(ctx, mul(c, g), t, back, `${t.name} = ${show(back)}`);
  },
};

/** An even rational function E(x) as E₂(s) with E(x) = E₂(x²), or null. */
function inSquare(E: Expr, x: SymbolNode, s: SymbolNode): Expr | null {
  const direct = substitute(E, pow(x, 2), s);
  if (free(direct, x)) return direct;
  const rf = exprToRatFun(E, x);
  if (!rf) return null;
  const squeeze = (p: Poly): Poly | null => (p.some((c, i) => i % 2 === 1 && !Q.isZero(c)) ? null : p.filter((_, i) => i % 2 === 0));
  const N = squeeze(rf[0]), D = squeeze(rf[1]);
  return N && D ? mul(polyToExpr(N, s), pow(polyToExpr(D, s), -1)) : null;
}

/** R(x²)·(a + b·x²)^(j + 1/2) by t = x/√(a + b·x²); an odd part x·S(x²) goes to u = x² first. */
export const evenRadicalRule: IntegrationRule = {
  name: 'even radical of a binomial quadratic',
  needs: (s) => s.radical,
  step: 'rationalizing substitution',
  apply: (ctx) => {
    const { x, fs, c } = ctx;
    let B: Expr | null = null;
    let j: bigint = 0n;
    const rest: Expr[] = [c];
    for (const [base, k] of fs) {
      const fk = fracOf(k);
      if (fk && fk.den === 2n && B === null) {
        const bin = binomial(base, x);
        if (!bin || bin.n.num !== 2n || bin.n.den !== 1n) return null;
        B = base;
        j = (fk.num - 1n) / 2n;
      } else rest.push(pow(base, k));
    }
    if (B === null) return null;
    const R = mul(...rest);
    if (!rationalIn(R, x)) return null;
    const { a, b } = binomial(B, x)!;
    const Rm = substitute(R, x, mul(-1, x));
    const even = mul(add(R, Rm), rat(1, 2)), odd = mul(sub(R, Rm), rat(1, 2));
    const parts: Expr[] = [];
    if (odd !== ZERO) {
      // x·S(x²)·B^(j+1/2): u = x².
      const u = freshSymbol();
      const S = inSquare(mul(odd, pow(x, -1)), x, u);
      if (S === null) return null;
      const G = ctx.integrate(mul(rat(1, 2), S, pow(add(a, mul(b, u)), rat(2n * j + 1n, 2n))), u);
      if (G === null) return null;
      parts.push(substitute(G, u, pow(x, 2)));
    }
    if (even !== ZERO) {
      const t = freshSymbol();
      const x2 = mul(a, pow(t, 2), pow(sub(ONE, mul(b, pow(t, 2))), -1));
      const Bt = mul(a, pow(sub(ONE, mul(b, pow(t, 2))), -1));
      const E2 = inSquare(even, x, t);
      if (E2 === null) return null;
      const Et = substitute(E2, t, x2);
      const g = mul(Et, pow(Bt, rat(j + 2n)), pow(a, -1));
      const r = finish(ctx, g, t, mul(x, pow(B, rat(-1, 2))), '');
      if (r === null) return null;
      parts.push(r.result);
      ctx.note(`${t.name} = ${show(x)}/√(${show(B)})`);
    }
    if (odd !== ZERO) ctx.note(`odd part: u = ${show(pow(x, 2))}`);
    return add(...parts);
  },
};

/**
 * R(x)·Q^(n/2) for a quadratic Q and a rational R with rational poles: S = R·Q^((n+1)/2) is
 * rational, split into partial fractions; the polynomial part over √Q goes to the ansatz rule,
 * and each c/(x − r)ᵏ/√Q to u = 1/(x − r), which gives −c·sign(u)·u^(k−1)/√Q̃(u) with
 * Q̃(u) = Q(r)·u² + Q′(r)·u + a (a polynomial over √Q̃ again, or over √(linear) when Q(r) = 0).
 */
export const rationalSqrtRule: IntegrationRule = {
  name: 'rational function × √quadratic',
  needs: (s) => s.radical,
  step: 'rationalizing substitution',
  apply: (ctx) => {
    const { x, c, fs } = ctx;
    let Qe: Expr | null = null, n: bigint = 0n;
    const rest: Expr[] = [c];
    for (const [b, k] of fs) {
      const fk = fracOf(k);
      if (fk && fk.den === 2n && Qe === null) {
        const p = exprToPoly(b, x);
        if (!p || polyDegree(p) !== 2) return null;
        Qe = b;
        n = fk.num;
      } else rest.push(pow(b, k));
    }
    if (Qe === null) return null;
    const Qp = exprToPoly(Qe, x)!;
    const rf = exprToRatFun(mul(...rest, pow(Qe, rat((n + 1n) / 2n))), x);
    if (!rf || polyDegree(rf[1]) < 1) return null;
    const ap = polyApart(rf[0], rf[1]);
    if (ap.terms.some((t) => polyDegree(t.factor) !== 1 || !t.irreducible)) return null;
    const invSqrtQ = pow(Qe, rat(-1, 2));
    const parts: Expr[] = [];
    if (ap.poly.length) {
      const G = ctx.integrate(mul(polyToExpr(ap.poly, x), invSqrtQ));
      if (G === null) return null;
      parts.push(G);
    }
    const u = freshSymbol();
    const QpD = polyDeriv(Qp);
    for (const t of ap.terms) {
      const r = Q.neg(t.factor[0]!);
      const cst = t.numer[0] ?? Q.ZERO;
      if (Q.isZero(cst)) continue;
      // Q̃(u) = Q(r)·u² + Q′(r)·u + a
      const Qt = polyToExpr([Qp[2]!, polyEval(QpD, r), polyEval(Qp, r)], u);
      const G = ctx.integrate(mul(numFromRational(Q.neg(cst)), pow(u, t.power - 1), pow(Qt, rat(-1, 2))), u);
      if (G === null) return null;
      const xr = sub(x, numFromRational(r));
      parts.push(mul(fn('sign', xr), substitute(G, u, pow(xr, -1))));
    }
    ctx.note(`partial fractions of the rational factor times √(${show(Qe)}), u = 1/(x − r) at each pole r`);
    return add(...parts);
  },
};
