/**
 * Tabular integration in closed form: ∫ P(x)·g(u) dx for a polynomial P and g = eᵘ, sin u, cos u,
 * sinh u or cosh u of u = a·x + b, summing the parts table at once instead of one parts step per
 * degree (x⁸·cos x would need more nested steps than the engine allows):
 *
 *   ∫P·eᵘ    = eᵘ·Σ (−1)ᵏ P⁽ᵏ⁾/aᵏ⁺¹
 *   ∫P·sin u = −cos u·Σ (−1)ᵏ P⁽²ᵏ⁾/a²ᵏ⁺¹ + sin u·Σ (−1)ᵏ P⁽²ᵏ⁺¹⁾/a²ᵏ⁺²
 *   ∫P·cos u =  sin u·Σ (−1)ᵏ P⁽²ᵏ⁾/a²ᵏ⁺¹ + cos u·Σ (−1)ᵏ P⁽²ᵏ⁺¹⁾/a²ᵏ⁺²
 *   ∫P·sinh u = cosh u·Σ P⁽²ᵏ⁾/a²ᵏ⁺¹ − sinh u·Σ P⁽²ᵏ⁺¹⁾/a²ᵏ⁺²
 *   ∫P·cosh u = sinh u·Σ P⁽²ᵏ⁾/a²ᵏ⁺¹ − cosh u·Σ P⁽²ᵏ⁺¹⁾/a²ᵏ⁺²
 *
 * @example
 * tabular(parse('x^2'), parse('cos(x)'), x) // → x^2*sin(x) + 2*x*cos(x) - 2*sin(x)
 */
import { add, mul, pow } from '../../../expr/arith.js';
import { E, type Expr, type SymbolNode } from '../../../expr/expr.js';
import { fn } from '../../../functions/index.js';
import { linearIn } from '../../diff/polynomial-in.js';
import { exprToPoly, polyToExpr } from '../../../poly/convert.js';
import { polyDeriv, type Poly } from '../../../poly/poly.js';
import { expandProducts } from '../../../algebra/rewrite.js';

/**
 * For g = F(u): the function multiplying the even derivatives and the odd ones, with the sign of
 * the even sum, the sign of the odd sum, and whether the signs alternate with k.
 */
const TABLE: Record<string, { even: string; odd: string; se: 1 | -1; so: 1 | -1; alternate: boolean }> = {
  sin: { even: 'cos', odd: 'sin', se: -1, so: 1, alternate: true },
  cos: { even: 'sin', odd: 'cos', se: 1, so: 1, alternate: true },
  sinh: { even: 'cosh', odd: 'sinh', se: 1, so: -1, alternate: false },
  cosh: { even: 'sinh', odd: 'cosh', se: 1, so: -1, alternate: false },
};

/** ∫ P·g dx by the formulas above, or null when P is no polynomial or g is not of that form. */
export function tabular(P: Expr, g: Expr, x: SymbolNode): Expr | null {
  const p = exprToPoly(P, x);
  if (!p) return null;
  const ders: Poly[] = [];
  for (let d: Poly = p; d.length > 0; d = polyDeriv(d)) ders.push(d);
  const term = (k: number, sign: number, a: Expr) => mul(sign, polyToExpr(ders[k]!, x), pow(a, -(k + 1)));
  if (g.kind === 'Pow' && g.base === E) {
    const l = linearIn(g.exp, x);
    if (!l) return null;
    return expandProducts(mul(g, add(...ders.map((_, k) => term(k, k % 2 ? -1 : 1, l[0])))));
  }
  if (g.kind !== 'Function' || !(g.name in TABLE)) return null;
  const u = g.args[0]!;
  const l = linearIn(u, x);
  if (!l) return null;
  const t = TABLE[g.name]!;
  const even: Expr[] = [], odd: Expr[] = [];
  ders.forEach((_, k) => {
    const j = Math.floor(k / 2);
    const s = t.alternate && j % 2 ? -1 : 1;
    (k % 2 ? odd : even).push(term(k, s, l[0]));
  });
  return expandProducts(add(mul(t.se, fn(t.even, u), add(...even)), mul(t.so, fn(t.odd, u), add(...odd))));
}
