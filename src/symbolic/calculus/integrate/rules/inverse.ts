/**
 * Substitution t = F(a·x + b) for an inverse function F (asin, acos, atan, asinh, atanh):
 * x = (F⁻¹(t) − b)/a, and the radical that dt brings in is a plain function of t on F's range:
 *
 *   t = asin u:  √(1 − u²) = cos t   (cos ≥ 0 on [−π/2, π/2])
 *   t = acos u:  √(1 − u²) = sin t   (sin ≥ 0 on [0, π])
 *   t = atan u:  1 + u² = sec² t,  √(1 + u²) = sec t   (sec > 0 on (−π/2, π/2))
 *   t = asinh u: √(1 + u²) = cosh t
 *   t = atanh u: 1 − u² = sech² t = 1/cosh² t
 *
 * so ∫ dx/asin x = ∫ cos t/t dt = Ci(asin x), ∫ x/asin(x)² = ∫ sin t cos t/t² dt, …
 *
 * @example
 * integrate('asin(2*x)', 'x') // → x*asin(2*x) + sqrt(1 - 4*x^2)/2
 */
import { mul, pow, sub } from '../../../expr/arith.js';
import { type Expr, type SymbolNode } from '../../../expr/expr.js';
import { fn } from '../../../functions/index.js';
import { evalNumber } from '../../../algebra/util.js';
import { linearIn } from '../../diff/polynomial-in.js';
import { mapExpr } from '../../../walk/traverse.js';

/** F⁻¹ and the squares that are known on F's range: [expression in t, its square root there]. */
const INVERSES: Record<string, { inv: (t: Expr) => Expr; roots: (t: Expr) => Array<[Expr, Expr]> }> = {
  asin: { inv: (t) => fn('sin', t), roots: (t) => [[pow(fn('cos', t), 2), fn('cos', t)]] },
  acos: { inv: (t) => fn('cos', t), roots: (t) => [[pow(fn('sin', t), 2), fn('sin', t)]] },
  atan: { inv: (t) => fn('tan', t), roots: (t) => [[pow(fn('sec', t), 2), fn('sec', t)]] },
  asinh: { inv: (t) => fn('sinh', t), roots: (t) => [[pow(fn('cosh', t), 2), fn('cosh', t)]] },
  atanh: { inv: (t) => fn('tanh', t), roots: (t) => [[pow(fn('cosh', t), -2), pow(fn('cosh', t), -1)]] },
};

/** Probe values of t inside every range above ((0, π/2) is in all of them). */
const PROBES = [0.3141, 0.7183, 1.1213];

/**
 * For u = F(a·x + b): x as a function of t, and a clean-up that rewrites powers bᵏ (k a multiple
 * of 1/2) whose base equals one of F's known squares at the probe points. Null otherwise.
 */
export function inverseFunctionOf(u: Expr, x: SymbolNode, t: SymbolNode): { x: Expr; clean: (g: Expr) => Expr } | null {
  if (u.kind !== 'Function' || u.args.length !== 1) return null;
  const entry = INVERSES[u.name];
  const l = entry ? linearIn(u.args[0]!, x) : null;
  if (!entry || !l) return null;
  const xt = mul(sub(entry.inv(t), l[1]), pow(l[0], -1));
  const roots = entry.roots(t);
  const same = (a: Expr, b: Expr) =>
    PROBES.every((p) => {
      const env = new Map<Expr, number>([[t, p]]);
      const va = evalNumber(a, env), vb = evalNumber(b, env);
      return Number.isFinite(va) && Math.abs(va - vb) <= 1e-12 * Math.max(1, Math.abs(vb));
    });
  const rewrite = (base: Expr, k: Expr): Expr | null => {
    if (k.kind !== 'Rational' || k.value.den !== 2n || base.kind !== 'Add') return null;
    for (const [sq, root] of roots) if (same(base, sq)) return pow(root, mul(2, k));
    return null;
  };
  const clean = (g: Expr): Expr =>
    mapExpr(g, (_o, e) => {
      if (e.kind === 'Pow') return rewrite(e.base, e.exp) ?? e;
      if (e.kind === 'Mul') {
        const fs = e.bases.map((b, i) => rewrite(b, e.exps[i]!));
        return fs.some((f) => f !== null) ? mul(e.coeff, ...fs.map((f, i) => f ?? pow(e.bases[i]!, e.exps[i]!))) : e;
      }
      return e;
    });
  return { x: xt, clean };
}
