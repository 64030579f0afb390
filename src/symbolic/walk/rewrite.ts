/**
 * The one rewriter of the symbolic engine: every rule-driven rewrite (tidy and the simplify
 * candidates, substitution of a sub-expression, the exp-log forms of the limit code, the shared
 * algebraic rewrites) is `rewrite(e, rule)`. It visits each distinct node of the DAG once
 * (memoised per call), rebuilds through the smart constructors, and refuses nesting deeper than
 * `REWRITE_MAX_DEPTH` with a LimitError instead of overflowing the stack.
 *
 * A rule sees the original node and `go`, which rewrites an operand: it returns the node's
 * replacement (a rule that rewrites after the operands calls `rebuildWith(n, go)` first), or
 * null to keep the node with its operands rewritten. `postRule(f)` is the common case "rewrite
 * the operands, then apply f to the rebuilt node".
 *
 * @example
 * const tanAsRatio: RewriteRule = (n, go) => (n.kind === 'Function' && n.name === 'tan' ? div(sin(go(n.args[0]!)), cos(go(n.args[0]!))) : null);
 * rewrite(parse('sin(x) + tan(x)'), tanAsRatio) // → sin(x) + sin(x)/cos(x)
 */
import { LimitError } from '../../core/errors.js';
import { add, mul, pow } from '../expr/arith.js';
import type { Expr } from '../expr/expr.js';
import { fn } from '../functions/index.js';

/** Nesting a rewrite follows before it refuses: each level costs a few stack frames, and about 2000 levels overflow a default Node stack. */
export const REWRITE_MAX_DEPTH = 1000;

/** A rewrite rule: the replacement of `n` (operands through `go`), or null to keep `n` with its operands rewritten. */
export type RewriteRule = (n: Expr, go: (operand: Expr) => Expr) => Expr | null;

/**
 * Rebuild a node from its operands mapped through f, via the smart constructors (Add terms, Mul
 * bases and exponents, Pow, Function arguments). When f changes no operand the node itself is
 * returned: the canonical form rebuilt from its own operands is the node (interning makes that
 * the same object), and skipping the constructors saves most of a rewrite that changes little.
 */
export function rebuildWith(e: Expr, f: (c: Expr) => Expr): Expr {
  switch (e.kind) {
    case 'Add': {
      const ts = e.terms.map(f);
      if (ts.every((t, i) => t === e.terms[i])) return e;
      const parts: Expr[] = [e.coeff];
      for (let i = 0; i < ts.length; i++) parts.push(mul(e.coeffs[i]!, ts[i]!));
      return add(...parts);
    }
    case 'Mul': {
      const bs = e.bases.map(f), ks = e.exps.map(f);
      if (bs.every((b, i) => b === e.bases[i]) && ks.every((k, i) => k === e.exps[i])) return e;
      const parts: Expr[] = [e.coeff];
      for (let i = 0; i < bs.length; i++) parts.push(pow(bs[i]!, ks[i]!));
      return mul(...parts);
    }
    case 'Pow': {
      const b = f(e.base), k = f(e.exp);
      return b === e.base && k === e.exp ? e : pow(b, k);
    }
    case 'Function': {
      const as = e.args.map(f);
      return as.every((a, i) => a === e.args[i]) ? e : fn(e.name, ...as);
    }
    default:
      return e;
  }
}

/**
 * Rewrite e bottom-up through `rule`, each distinct node once. Returns e itself (the same object)
 * when no rule fired anywhere, so callers can test `r === e` for "nothing to do".
 */
export function rewrite(e: Expr, rule: RewriteRule): Expr {
  let touched = false;
  let depth = 0;
  const memo = new Map<Expr, Expr>();
  const go = (n: Expr): Expr => {
    const hit = memo.get(n);
    if (hit !== undefined) return hit;
    if (++depth > REWRITE_MAX_DEPTH) throw new LimitError(`the expression is nested deeper than ${REWRITE_MAX_DEPTH} levels for a rewrite`);
    try {
      const fired = rule(n, go);
      let r: Expr;
      if (fired !== null) {
        touched = true;
        r = fired;
      } else r = rebuildWith(n, go);
      memo.set(n, r);
      return r;
    } finally {
      depth--;
    }
  };
  const r = go(e);
  return touched ? r : e;
}

/**
 * The rule "rewrite the operands, then apply f to the rebuilt node" (f returns its argument to keep it).
 * @example rewrite(parse('abs(-x) + abs(2)'), postRule((r) => (r.kind === 'Function' && r.name === 'abs' ? r.args[0]! : r))) // → x + 2
 */
export const postRule =
  (f: (rebuilt: Expr) => Expr): RewriteRule =>
  (n, go) =>
    f(rebuildWith(n, go));
