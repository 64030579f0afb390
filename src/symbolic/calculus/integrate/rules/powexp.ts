/**
 * ∫ xᵏ·e^(a·x + b) dx for a fractional k (also bᵘ for a constant base), by parts on the power
 * until k = ±1/2, where the erf/erfi rule takes over:
 *
 *   k > 0:   ∫ xᵏeᵘ = xᵏeᵘ/a − (k/a)·∫ xᵏ⁻¹eᵘ
 *   k < −1:  ∫ xᵏeᵘ = xᵏ⁺¹eᵘ/(k + 1) − (a/(k + 1))·∫ xᵏ⁺¹eᵘ
 *
 * @example
 * integrate('x^(5/2)*exp(x)', 'x') // → x^(5/2)*exp(x) - 5*x^(3/2)*exp(x)/2 + 15*sqrt(x)*exp(x)/4 - 15*sqrt(pi)*erfi(sqrt(x))/8
 */
import { add, mul, pow, sub } from '../../../expr/arith.js';
import * as Q from '../../../../core/rational.js';
import { E, ONE, ZERO, numFromRational, type Expr, type SymbolNode } from '../../../expr/expr.js';
import { fn } from '../../../functions/index.js';
import { free } from '../../../algebra/util.js';
import { linearIn } from '../../diff/polynomial-in.js';
import { exprToRatFun, polyToExpr } from '../../../poly/convert.js';
import { polyApart } from '../../../poly/apart.js';
import { polyDegree, polyDeriv } from '../../../poly/poly.js';
import { splitFactors } from './trig.js';

/** One step of the reduction above, with `integ` for the smaller integral; null when f is not c·xᵏ·B^(a·x + b) with k fractional and k ∉ (−1, 0) (B ≠ e: any k, the offset split off). */
export function integratePowerExp(f: Expr, x: SymbolNode, integ: (g: Expr) => Expr | null): Expr | null {
  const { c, fs } = splitFactors(f, x);
  if (fs.length !== 2) return null;
  const xp = fs.find(([b]) => b === x), ex = fs.find(([b]) => b !== x);
  if (!xp || !ex) return null;
  const k = xp[1];
  if (k.kind !== 'Rational') return null;
  const kv = Number(k.value.num) / Number(k.value.den);
  const l = linearIn(ex[1], x);
  if (!l) return null;
  const [base] = ex;
  // B^(a·x + b) = B^b·B^(a·x) for a constant base B ≠ e: the erf rule wants no offset.
  if (base !== E && l[1] !== ZERO) {
    const r = integ(mul(pow(x, k), pow(base, mul(l[0], x))));
    return r === null ? null : mul(c, pow(base, l[1]), r);
  }
  if (kv > -1 && kv < 0) return null;
  const a = base === E ? l[0] : mul(l[0], fn('log', base));
  const eu = pow(base, ex[1]);
  if (kv > 0) {
    const rest = integ(mul(pow(x, sub(k, 1)), eu));
    return rest === null ? null : mul(c, sub(mul(pow(x, k), eu, pow(a, -1)), mul(k, pow(a, -1), rest)));
  }
  const k1 = add(k, 1);
  const rest = integ(mul(pow(x, k1), eu));
  return rest === null ? null : mul(c, sub(mul(pow(x, k1), eu, pow(k1, -1)), mul(a, pow(k1, -1), rest)));
}

/**
 * ∫ e^(a·x + b)·R(x) dx for a rational R over ℚ whose denominator has rational roots only (also
 * Bᵘ = e^(u·log B)): partial fractions, then term by term
 *
 *   ∫ P(x)·eᵘ = eᵘ·Σⱼ (−1)ʲ P⁽ʲ⁾(x)/aʲ⁺¹                       (P a polynomial)
 *   ∫ eᵘ/(x − r)   = e^(a·r + b)·Ei(a·(x − r))
 *   ∫ eᵘ/(x − r)ᵏ = −eᵘ/((k − 1)(x − r)ᵏ⁻¹) + a/(k − 1)·∫ eᵘ/(x − r)ᵏ⁻¹
 *
 * so (x + 1)⁴e⁻ˣ/(x + 3)⁴ needs no search. Null when f is not of that form.
 */
export function integrateExpRational(f: Expr, x: SymbolNode): Expr | null {
  const { c, fs } = splitFactors(f, x);
  const at = fs.findIndex(([B, u]) => free(B, x) && linearIn(u, x) !== null);
  if (at < 0) return null;
  const [B, u] = fs[at]!;
  const rest = mul(c, ...fs.filter((_, i) => i !== at).map(([b, k]) => pow(b, k)));
  if (!free(c, x) || !rest || free(rest, x)) return null;
  const rf = exprToRatFun(rest, x);
  if (!rf || polyDegree(rf[1]) < 1) return null;
  const [slope, icpt] = linearIn(u, x)!;
  const logB = B === E ? ONE : fn('log', B);
  const a = mul(slope, logB), b = mul(icpt, logB);
  const eu = pow(B, u);
  const ap = polyApart(rf[0], rf[1]);
  if (ap.terms.some((t) => polyDegree(t.factor) !== 1 || !t.irreducible)) return null;
  const parts: Expr[] = [];
  // polynomial part: tabular integration
  let P = ap.poly, sign = 1;
  for (let j = 0; P.length > 0; j++, sign = -sign, P = polyDeriv(P)) parts.push(mul(sign, polyToExpr(P, x), pow(a, -(j + 1)), eu));
  for (const t of ap.terms) {
    const r = numFromRational(Q.neg(t.factor[0]!));
    const xr = sub(x, r);
    const cst = numFromRational(t.numer[0] ?? Q.ZERO);
    // I₁ = e^(a·r + b)·Ei(a(x − r)); Iₖ from Iₖ₋₁
    let I = mul(pow(E, add(mul(a, r), b)), fn('Ei', mul(a, xr)));
    for (let k = 2; k <= t.power; k++) I = add(mul(-1, eu, pow(mul(k - 1, pow(xr, k - 1)), -1)), mul(a, pow(k - 1, -1), I));
    parts.push(mul(cst, I));
  }
  return add(...parts);
}
