/**
 * u-substitution: every inner function u(x) whose derivative divides out (or whose inverse is
 * easy) turns ∫ f dx into ∫ g(t) dt; rational new integrands first, then the smallest. A u whose
 * inverse brings in new roots (x = u^(1/3)) is refused: it only moves the difficulty.
 *
 * @example
 * integrate('x*exp(x^2)', 'x') // → exp(x^2)/2
 */
import { mul, pow, sub } from '../../../expr/arith.js';
import { E, ZERO, isNum, rat, type Expr, type SymbolNode } from '../../../expr/expr.js';
import { fn } from '../../../functions/index.js';
import { diff } from '../../diff/diff.js';
import { free, nodeCount, substitute, walkDependent } from '../../../algebra/util.js';
import { linearIn } from '../../diff/polynomial-in.js';
import { exprToRatFun } from '../../../poly/convert.js';
import { tidy } from '../../../algebra/simplify.js';
import { toString } from '../../../print/text.js';
import { freshSymbol } from './trig.js';
import { inverseFunctionOf } from './inverse.js';
import type { IntegrationRule } from './rule.js';

/** At most this many candidate u are tried, largest first. */
const MAX_CANDIDATES = 12;
/** A factor xᵐ with m up to this suggests u = x^(m+1). */
const MAX_POWER_HINT = 8n;

export const uSubstitutionRule: IntegrationRule = {
  name: 'u-substitution',
  step: 'u-substitution',
  apply: ({ f, x, integrate }) => {
    const subs: Array<{ u: Expr; du: Expr; t: SymbolNode; g: Expr; rational: boolean }> = [];
    for (const u of substitutionCandidates(f, x)) {
      const du = diff(u, x);
      if (du === ZERO) continue;
      const t = freshSymbol();
      let g = substitute(mul(f, pow(du, -1)), u, t);
      if (!free(g, x)) {
        const inv = inverseOf(u, x, t);
        const invF = inv ? null : inverseFunctionOf(u, x, t);
        if (!inv && !invF) continue;
        g = inv ? substitute(g, x, inv) : invF!.clean(tidy(substitute(g, x, invF!.x)));
        if (!free(g, x)) continue;
      }
      // A substitution that brings in roots the integrand did not have (x²·sin²x with
      // u = x³ needs x = u^(1/3)) only moves the difficulty.
      if (g === f || radicals(g, t) > radicals(f, x)) continue;
      subs.push({ u, du, t, g, rational: exprToRatFun(g, t) !== null });
    }
    // Rational new integrands first (eˣ/(1 + e²ˣ) with u = eˣ is 1/(1 + t²)), then the smaller new
    // integrand, then the smaller u (eˣ before e⁻ˣ), then √x before 1/√x.
    const negPow = (u: Expr) => Number(u.kind === 'Pow' && isNum(u.exp) && u.exp.kind !== 'Float' && u.exp.value.num < 0n);
    subs.sort((a, b) => Number(b.rational) - Number(a.rational) || nodeCount(a.g) - nodeCount(b.g) || nodeCount(a.u) - nodeCount(b.u) || negPow(a.u) - negPow(b.u));
    for (const { u, du, t, g } of subs) {
      const G = integrate(g, t);
      if (G === null) continue;
      return { result: tidy(substitute(G, t, u)), detail: () => `${t.name} = ${toString(u)}, d${t.name} = ${toString(du)} d${x.name}` };
    }
    return null;
  },
};

/** Candidate inner functions u(x) for substitution, largest first. */
function substitutionCandidates(f: Expr, x: SymbolNode): Expr[] {
  const seen = new Set<Expr>();
  const out: Expr[] = [];
  const addC = (u: Expr) => {
    if (u === x || isNum(u) || seen.has(u) || free(u, x)) return;
    seen.add(u);
    out.push(u);
  };
  walkDependent(f, x, (n) => {
    switch (n.kind) {
      case 'Function':
        addC(n);
        n.args.forEach(addC);
        break;
      case 'Pow':
        if (n.base === E) addC(n), addC(n.exp);
        else {
          addC(n.base);
          if (n.exp.kind !== 'Integer' || n.base === x) addC(n);
          // x^(−1/2) also suggests u = √x
          if (n.exp.kind === 'Rational' && n.exp.value.num < 0n) addC(pow(n.base, mul(-1, n.exp)));
        }
        break;
      case 'Mul':
        // A factor xᵐ suggests u = x^(m+1) (du ∝ xᵐ dx), e.g. x/(1 + x⁴) with u = x².
        n.bases.forEach((b, i) => {
          const k = n.exps[i]!;
          if (b === x && k.kind === 'Integer' && k.value.num >= 1n && k.value.num <= MAX_POWER_HINT) addC(pow(x, Number(k.value.num) + 1));
        });
        break;
    }
  });
  out.sort((a, b) => nodeCount(b) - nodeCount(a));
  // e^(6x) and e^(4x) together suggest u = e^(2x) (the gcd of the rates), which appears nowhere.
  const g = exponentialGcd(f, x);
  if (g !== null && !seen.has(g)) out.unshift(g);
  return out.slice(0, MAX_CANDIDATES);
}

/** e^(g·x) for the rational gcd g of the rates a of every e^(a·x + b) in f (at least two), or null. */
function exponentialGcd(f: Expr, x: SymbolNode): Expr | null {
  const rates: Array<{ num: bigint; den: bigint }> = [];
  // Only for rational functions of such exponentials (x nowhere else): then u = e^(g·x) makes
  // the integrand rational; elsewhere the extra candidate would only cost work.
  const ok = walkDependent(f, x, (n) => {
    if (n === x || n.kind === 'Function') return false;
    if (n.kind !== 'Pow' || n.base !== E) return n.kind === 'Pow' && n.exp.kind !== 'Integer' ? false : undefined;
    const l = linearIn(n.exp, x);
    if (!l || (l[0].kind !== 'Integer' && l[0].kind !== 'Rational')) return false;
    rates.push(l[0].value);
    return [];
  });
  if (!ok || rates.length < 2) return null;
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
  let num = 0n, den = 1n;
  for (const r of rates) {
    num = gcd(num * r.den, r.num * den);
    den = den * r.den;
  }
  return pow(E, mul(rat(num, den), x));
}

/** How many distinct fractional powers of expressions in x e contains. */
function radicals(e: Expr, x: SymbolNode): number {
  let n = 0;
  walkDependent(e, x, (m) => void (m.kind === 'Pow' && m.exp.kind === 'Rational' && n++));
  return n;
}

/** x in terms of t when u(x) = t is easy to invert. */
function inverseOf(u: Expr, x: SymbolNode, t: SymbolNode): Expr | null {
  if (u.kind === 'Function' && u.name === 'log' && u.args[0] === x) return pow(E, t);
  // x = t^(1/k) is an identity only for u = x^(1/n) or odd k (even k loses the sign of x).
  if (u.kind === 'Pow' && u.base === x && isNum(u.exp)) {
    const k = u.exp;
    const inv = pow(k, -1);
    if (inv.kind === 'Integer' || (k.kind === 'Integer' && k.value.num % 2n !== 0n)) return pow(t, inv);
    return null;
  }
  if (u.kind === 'Pow' && u.base === E) {
    const l = linearIn(u.exp, x);
    if (l) return mul(sub(fn('log', t), l[1]), pow(l[0], -1));
  }
  const l = linearIn(u, x);
  if (l) return mul(sub(t, l[1]), pow(l[0], -1));
  return null;
}
