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
import { E, ZERO, type Expr, type SymbolNode } from '../../../expr/expr.js';
import { fn } from '../../../functions/index.js';
import { linearIn } from '../../../algebra/util.js';
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
