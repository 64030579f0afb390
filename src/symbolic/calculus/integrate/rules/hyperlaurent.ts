/**
 * A polynomial times hyperbolic functions that make a Laurent polynomial in E = e^w:
 * 1/(1 − tanh w) = (E² + 1)/2, 1/(1 + tanh w)² = (1 + E⁻²)²/4, sinh w·cosh 2w, … With every
 * argument a multiple k·w of one angle, sinh kw = (Eᵏ − E⁻ᵏ)/2, cosh kw = (Eᵏ + E⁻ᵏ)/2,
 * tanh kw = (E²ᵏ − 1)/(E²ᵏ + 1) (coth, sech, csch as quotients) make the
 * non-polynomial part a rational function of E; when its denominator is a monomial, the integrand
 * is Σ cⱼ·P(x)·e^(jw), which parts finish term by term.
 *
 * @example
 * integrate('x/(1 - tanh(x))', 'x') // → x^2/4 + x*exp(2*x)/4 - exp(2*x)/8
 */
import { add, mul, pow, sub } from '../../../expr/arith.js';
import { isNum, numFromRational, numValue, type Expr, type SymbolNode } from '../../../expr/expr.js';
import { E } from '../../../expr/expr.js';
import { free, walkDependent } from '../../../algebra/util.js';
import { exprToPoly, exprToRatFun } from '../../../poly/convert.js';
import { mapExpr } from '../../../walk/traverse.js';
import { commonAngle } from './multiangle.js';
import { freshSymbol } from './trig.js';
import { HYPERBOLIC_NAMES, hasFunction, type IntegrationRule } from './rule.js';

const HYPERBOLIC = new Set(['sinh', 'cosh', 'tanh', 'coth', 'sech', 'csch']);
const QUOTIENTS = new Set(['tanh', 'coth', 'sech', 'csch']);

/** Whether e divides by something depending on x, or holds tanh, coth, sech or csch. */
function hasQuotient(e: Expr, x: SymbolNode): boolean {
  return !walkDependent(e, x, (n) => {
    if (n.kind === 'Function') return QUOTIENTS.has(n.name) ? false : [];
    if (n.kind === 'Pow' && isNum(n.exp) && numValue(n.exp) < 0) return false;
  });
}

export const hyperbolicLaurentRule: IntegrationRule = {
  name: 'polynomial × Laurent polynomial in e^w',
  step: 'rewrite hyperbolic functions as exponentials',
  needs: (s) => hasFunction(s, HYPERBOLIC_NAMES),
  apply: ({ x, c, fs, integrate }) => {
    const poly: Expr[] = [], rest: Expr[] = [];
    for (const [b, k] of fs) (exprToPoly(pow(b, k), x) ? poly : rest).push(pow(b, k));
    if (!poly.length || !rest.length) return null;
    // The arguments of the hyperbolic functions and exponentials: the only x-dependence of the rest.
    const args = new Set<Expr>();
    let hyperbolic = false;
    const H = mul(...rest);
    const ok = walkDependent(H, x, (n) => {
      if (n.kind === 'Function') {
        if (!HYPERBOLIC.has(n.name)) return false;
        hyperbolic = true;
        args.add(n.args[0]!);
        return [];
      }
      if (n === x || (n.kind === 'Pow' && !free(n.exp, x))) return false;
    });
    // Only quotients (tanh, sech, 1/(1 + tanh w)…): a polynomial in sinh and cosh has its own rules.
    if (!ok || !hyperbolic || !hasQuotient(H, x)) return null;
    const common = commonAngle(args, x);
    if (!common) return null;
    const { w, ks } = common;
    const t = freshSymbol();
    const h = mapExpr(H, (o, e) => {
      const k = o.kind === 'Function' ? ks.get(o.args[0]!) : undefined;
      if (k === undefined) return e;
      const ep = pow(t, k), em = pow(t, -k);
      const sinh = mul(pow(2, -1), sub(ep, em)), cosh = mul(pow(2, -1), add(ep, em));
      const name = (o as Extract<Expr, { kind: 'Function' }>).name;
      const v: Record<string, Expr> = { sinh, cosh, tanh: mul(sinh, pow(cosh, -1)), coth: mul(cosh, pow(sinh, -1)), sech: pow(cosh, -1), csch: pow(sinh, -1) };
      return v[name]!;
    });
    const r = exprToRatFun(h, t);
    if (!r) return null;
    const [num, den] = r;
    // A monomial denominator d·tᵐ: the quotient is Σ (nᵢ/d)·t^(i − m).
    const m = den.findIndex((q) => q.num !== 0n);
    if (m < 0 || den.some((q, i) => i !== m && q.num !== 0n)) return null;
    const d = numFromRational(den[m]!);
    const P = mul(c, ...poly);
    const terms: Expr[] = [];
    num.forEach((q, i) => {
      if (q.num !== 0n) terms.push(mul(numFromRational(q), pow(d, -1), P, pow(E, mul(i - m, w))));
    });
    return terms.length ? integrate(add(...terms)) : null;
  },
};
