/**
 * Functions written through a related table function whose integration rules exist, from each
 * entry's `viaRelative` (erfc u = 1 − erf u): the rewrite rule `rewrite: through related
 * functions` integrates the result when no rule applied to the integrand as written.
 *
 * @example
 * viaRelatives(parse('x*erfc(x)')) // → x*(1 - erf(x))
 */
import type { Expr } from '../../../expr/expr.js';
import { FUNCTIONS } from '../../../functions/index.js';
import { mapExpr } from '../../../walk/traverse.js';

/** e with every function that has a `viaRelative` form rewritten by it (e itself when none has). */
export function viaRelatives(e: Expr): Expr {
  return mapExpr(e, (_o, n) => {
    if (n.kind !== 'Function') return n;
    const via = FUNCTIONS[n.name]?.viaRelative;
    return via ? via(n.args) : n;
  });
}
