/**
 * Rebuilding nodes from new children through the smart constructors, and the generic bottom-up
 * map built on it (`mapMExpr`), used for substitution and simplification passes.
 */
import { ArgumentError, LimitError } from '../core/errors.js';
import { subs, type Expr } from '../symbolic/index.js';
import { det, diag, inv, lift, logsumexp, lower, matmul, norm, softmax, sum, trace, transpose } from './build.js';
import { atomSymbol, ewAtoms, mchildren, type MExpr } from './node.js';

/** `e` with its children replaced by `kids` (same order as `mchildren`), re-canonicalized. */
export function rebuild(e: MExpr, kids: readonly MExpr[]): MExpr {
  const old = mchildren(e);
  if (old.every((k, i) => k === kids[i])) return e;
  switch (e.kind) {
    case 'ew': {
      const m = new Map<Expr, Expr>();
      old.forEach((k, i) => m.set(atomSymbol(k), lift(kids[i]!)));
      return lower(subs(e.expr, m), e.shape);
    }
    case 'matmul':
      return matmul(...kids);
    case 'transpose':
      return transpose(kids[0]!);
    case 'inv':
      return inv(kids[0]!);
    case 'det':
      return det(kids[0]!);
    case 'trace':
      return trace(kids[0]!);
    case 'diag':
      return diag(kids[0]!);
    case 'sum':
      return sum(kids[0]!);
    case 'norm':
      return norm(kids[0]!);
    case 'softmax':
      return softmax(kids[0]!);
    case 'lse':
      return logsumexp(kids[0]!);
    default:
      throw new ArgumentError(`rebuild: a ${e.kind} node has no children`);
  }
}

/** Deepest nesting the recursive passes accept (the parser refuses deeper input first). */
export const MAX_DEPTH = 400;

/**
 * Map bottom-up: `f(original, rebuilt)` for every node, children first, memoized on the DAG.
 * @example mapMExpr(matmul(X, w), (_o, r) => (r === X ? Y : r)) === matmul(Y, w) // → true (X replaced by Y)
 */
export function mapMExpr(root: MExpr, f: (original: MExpr, rebuilt: MExpr) => MExpr, memo: Map<MExpr, MExpr> = new Map()): MExpr {
  const stack: Array<[MExpr, number]> = [[root, 0]];
  while (stack.length) {
    if (stack.length > MAX_DEPTH * 4) throw new LimitError(`expression nested deeper than ${MAX_DEPTH}`);
    const top = stack[stack.length - 1]!;
    const [n, state] = top;
    if (memo.has(n)) {
      stack.pop();
      continue;
    }
    const kids = n.kind === 'ew' ? ewAtoms(n) : mchildren(n);
    if (state === 0) {
      top[1] = 1;
      for (const k of kids) if (!memo.has(k)) stack.push([k, 0]);
      continue;
    }
    stack.pop();
    memo.set(n, f(n, rebuild(n, kids.map((k) => memo.get(k)!))));
  }
  return memo.get(root)!;
}

/**
 * Replace sub-expressions: `substitute(e, new Map([[X, Y]]))`.
 * @example substitute(matmul(X, w), new Map([[w, v]])) === matmul(X, v) // → true
 */
export function substitute(e: MExpr, m: ReadonlyMap<MExpr, MExpr>): MExpr {
  for (const [k, v] of m) {
    if (k.shape.rows !== v.shape.rows || k.shape.cols !== v.shape.cols) throw new ArgumentError('substitute: a replacement must have the shape of what it replaces');
  }
  return mapMExpr(e, (orig, rebuilt) => m.get(orig) ?? rebuilt);
}
