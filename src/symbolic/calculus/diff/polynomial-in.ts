/**
 * Is u linear or quadratic in x? Read off by differentiating (a = u′, then b = u − a·x), so any
 * form that diff and the canonical Add/Mul agree on is recognised, expanded or not. Used by the
 * integration rules (linear inner arguments, completing the square) and by solve.
 *
 * @example
 * linearIn(parse('3*x + y'), symbol('x'))      // → [3, y]
 * quadraticIn(parse('x^2 - 2*x'), symbol('x')) // → [1, -2, 0]
 */
import { mul, pow, sub } from '../../expr/arith.js';
import { ONE, ZERO, type Expr, type SymbolNode } from '../../expr/expr.js';
import { free } from '../../algebra/util.js';
import { diff } from './diff.js';

/** If u = a·x + b with a ≠ 0, b free of x, return [a, b]. */
export function linearIn(u: Expr, x: SymbolNode): [Expr, Expr] | null {
  if (u === x) return [ONE, ZERO];
  if (free(u, x)) return null;
  if (u.kind !== 'Add' && u.kind !== 'Mul') return null;
  const a = diff(u, x);
  if (a === ZERO || !free(a, x)) return null;
  const b = sub(u, mul(a, x));
  if (!free(b, x)) return null;
  return [a, b];
}

/** If u = a·x² + b·x + c with a ≠ 0 (a, b, c free of x), return [a, b, c]. */
export function quadraticIn(u: Expr, x: SymbolNode): [Expr, Expr, Expr] | null {
  if (free(u, x)) return null;
  const d1 = diff(u, x);
  const d2 = diff(d1, x);
  if (d2 === ZERO || !free(d2, x)) return null;
  const a = mul(d2, pow(2, -1));
  const rest = sub(u, mul(a, pow(x, 2)));
  const l = rest === ZERO ? ([ZERO, ZERO] as [Expr, Expr]) : free(rest, x) ? ([ZERO, rest] as [Expr, Expr]) : linearIn(rest, x);
  if (!l) return null;
  return [a, l[0], l[1]];
}
