/**
 * Integrands that depend on x only through one linear u = a·x + b (not x itself): ∫ g(u) dx =
 * G(u)/a with G = ∫ g(t) dt. The answer stays in powers of u, which is shorter and, above all,
 * evaluates accurately: (3x + 2)²¹/63 expanded has coefficients up to 10¹³ that cancel to
 * nothing near x = −2/3.
 *
 * @example
 * integrate('(3*x + 2)^6*((3*x + 2)^7 + 1)', 'x') // → (3*x + 2)^14/42 + (3*x + 2)^7/21
 */
import { mul, pow, sub } from '../../../expr/arith.js';
import { type Expr, type SymbolNode } from '../../../expr/expr.js';
import { free, substitute, walkDependent } from '../../../algebra/util.js';
import { linearIn } from '../../diff/polynomial-in.js';

/** The linear u through which alone f depends on x, its slope a, and g with f = g(u); or null. */
export function linearInner(f: Expr, x: SymbolNode, t: SymbolNode): { u: Expr; a: Expr; g: Expr } | null {
  let found: { u: Expr; a: Expr; g: Expr } | null = null;
  // First, without building anything: x must occur only inside one linear sum (no bare x, no
  // second sum), else no substitution of that sum can remove it.
  let only: Expr | null = null;
  let slope: Expr | null = null;
  const one = walkDependent(f, x, (n) => {
    if (n === x) return false;
    if (n.kind !== 'Add') return undefined;
    const l = linearIn(n, x);
    if (!l) return undefined;
    if (only !== null && only !== n) return false;
    only = n;
    slope = l[0];
    return [];
  });
  if (one && only !== null) {
    const g = substitute(f, only, t);
    if (free(g, x)) return { u: only, a: slope!, g };
  }
  // A linear base of a fractional power ((2x − 1)^(5/2)·3^(9x/2)): x = (t − b)/a everywhere, so
  // the root becomes t^(5/2) and the rest stays linear in t.
  walkDependent(f, x, (n) => {
    if (found) return false;
    const root = n.kind === 'Pow' ? [n.base, n.exp] : null;
    const roots = n.kind === 'Mul' ? n.bases.map((b, i) => [b, n.exps[i]!]) : root ? [root] : [];
    for (const [b, k] of roots) {
      if (b!.kind !== 'Add' || k!.kind !== 'Rational') continue;
      const l = linearIn(b!, x);
      if (!l) continue;
      found = { u: b!, a: l[0], g: substitute(f, x, mul(sub(t, l[1]), pow(l[0], -1))) };
      return false;
    }
    return undefined;
  });
  return found;
}
