/**
 * Walking expressions without recursion: an iterative post-order fold over the DAG (each shared
 * node visited once), and what is built on it — `rebuild`, `mapExpr`, `subs`, `freeSymbols`,
 * `has`, `evaluate`. Depth is limited only by memory, never by the call stack.
 *
 * @example
 * const [x, y] = symbols('x y');
 * evaluate(add(x, mul(2, y)), { x: 1, y: 2 }); // → 5
 * subs(pow(x, 2), { x: y }) === pow(y, 2);     // → true
 */
import { ArgumentError } from '../../core/errors.js';
import { addArray, mul, mulArray, pow, toExpr, type ExprLike } from '../expr/arith.js';
import {
  children,
  isAtom,
  makeDerivative,
  makeIntegral,
  symbol,
  type Expr,
  type SymbolNode,
} from '../expr/expr.js';
import { fn } from '../functions/index.js';

/**
 * Fold `root` bottom-up: `visit(node, childResults)` is called once per distinct node, children
 * (as listed by `children`) first. `memo` may be shared between calls. `visit` must not return
 * `undefined` (that marks "not computed yet"). `settle`, when given, may answer for a node without
 * descending into it (it returns the result, or `undefined` to walk the node as usual): a pruned
 * walk, e.g. a derivative that is 0 wherever the variable does not occur.
 * @example postorder(parse('sin(x) + x'), (n, kids: number[]) => 1 + kids.reduce((a, b) => a + b, 0)) // → 7 (x counted once per use)
 */
export function postorder<R>(
  root: Expr,
  visit: (e: Expr, kids: R[]) => R,
  memo: Map<Expr, R> = new Map(),
  settle?: (e: Expr) => R | undefined,
): R {
  const done = memo.get(root);
  if (done !== undefined) return done;
  if (settle !== undefined) {
    const s = settle(root);
    if (s !== undefined) {
      memo.set(root, s);
      return s;
    }
  }
  const stack: Expr[] = [root];
  const kidsOf: Array<readonly Expr[] | null> = [null];
  while (stack.length > 0) {
    const top = stack.length - 1;
    const e = stack[top]!;
    let kids = kidsOf[top]!;
    if (kids === null) {
      if (memo.get(e) !== undefined) {
        stack.pop();
        kidsOf.pop();
        continue;
      }
      kids = children(e);
      kidsOf[top] = kids;
      let pushed = false;
      for (let i = kids.length - 1; i >= 0; i--) {
        const k = kids[i]!;
        if (memo.get(k) === undefined) {
          const s = settle === undefined ? undefined : settle(k);
          if (s !== undefined) memo.set(k, s);
          // Atoms (numbers, symbols, constants) are most children: visit them without a push.
          else if (k.kind === 'Integer' || k.kind === 'Symbol' || k.kind === 'Rational' || k.kind === 'Float' || k.kind === 'Constant')
            memo.set(k, visit(k, []));
          else {
            stack.push(k);
            kidsOf.push(null);
            pushed = true;
          }
        }
      }
      if (pushed) continue;
    }
    stack.pop();
    kidsOf.pop();
    if (memo.get(e) !== undefined) continue;
    const vals: R[] = new Array(kids.length);
    for (let i = 0; i < kids.length; i++) vals[i] = memo.get(kids[i]!)!;
    memo.set(e, visit(e, vals));
  }
  return memo.get(root)!;
}

/**
 * Like `postorder`, but each node's result is dropped as soon as all its parents have used it,
 * so memory holds only the live frontier (a derivative of a 10⁴-deep chain would otherwise keep
 * every intermediate product). Costs one extra counting pass.
 * @example postorderReleasing(parse('sin(x) + x'), (n, kids: number[]) => 1 + kids.reduce((a, b) => a + b, 0)) // → 7 (as postorder, less memory)
 */
export function postorderReleasing<R>(root: Expr, visit: (e: Expr, kids: R[]) => R): R {
  // Pass 1: how many parent edges point at each node (distinct parents × multiplicity).
  const uses = new Map<Expr, number>();
  const stack: Expr[] = [root];
  uses.set(root, 1);
  while (stack.length) {
    const e = stack.pop()!;
    for (const k of children(e)) {
      const u = uses.get(k);
      if (u === undefined) {
        uses.set(k, 1);
        stack.push(k);
      } else uses.set(k, u + 1);
    }
  }
  // Pass 2: an iterative post-order (children first); results are freed when their uses run out.
  const memo = new Map<Expr, R>();
  const post: Expr[] = [];
  const seen = new Set<Expr>();
  const st: Array<[Expr, boolean]> = [[root, false]];
  while (st.length) {
    const [e, expanded] = st.pop()!;
    if (expanded) {
      post.push(e);
      continue;
    }
    if (seen.has(e)) continue;
    seen.add(e);
    st.push([e, true]);
    const kids = children(e);
    for (let i = kids.length - 1; i >= 0; i--) if (!seen.has(kids[i]!)) st.push([kids[i]!, false]);
  }
  for (const e of post) {
    const kids = children(e);
    const vals: R[] = new Array(kids.length);
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i]!;
      vals[i] = memo.get(k)!;
      const left = uses.get(k)! - 1;
      if (left === 0) memo.delete(k);
      else uses.set(k, left);
    }
    memo.set(e, visit(e, vals));
  }
  return memo.get(root)!;
}

/** A node of the same kind and head as `e` with new children (the inverse of `children`). @example rebuild(parse('sin(x)'), [y]) === sin(y) // → true */
export function rebuild(e: Expr, kids: readonly Expr[]): Expr {
  switch (e.kind) {
    case 'Add': {
      const n = e.terms.length;
      const parts: Expr[] = [kids[0]!];
      for (let i = 0; i < n; i++) parts.push(mul(kids[1 + i]!, kids[1 + n + i]!));
      return addArray(parts);
    }
    case 'Mul': {
      const n = e.bases.length;
      const parts: Expr[] = [kids[0]!];
      for (let i = 0; i < n; i++) parts.push(pow(kids[1 + i]!, kids[1 + n + i]!));
      return mulArray(parts);
    }
    case 'Pow':
      return pow(kids[0]!, kids[1]!);
    case 'Function':
      return fn(e.name, ...kids);
    case 'Derivative': {
      const vars = kids.slice(1);
      if (!vars.every((v) => v.kind === 'Symbol')) throw new ArgumentError('cannot substitute a non-symbol for a derivative variable');
      return makeDerivative(kids[0]!, vars as SymbolNode[]);
    }
    case 'Integral': {
      const v = kids[1]!;
      if (v.kind !== 'Symbol') throw new ArgumentError('cannot substitute a non-symbol for an integration variable');
      return makeIntegral(kids[0]!, v, kids[2] ?? null, kids[3] ?? null);
    }
    default:
      return e;
  }
}

/**
 * Rewrite bottom-up: `f(node, rebuiltNode)` sees each node after its children were rewritten and
 * returns the replacement (return the second argument to keep it).
 * @example mapExpr(parse('sin(x) + x'), (o, r) => (o === x ? y : r)) // → y + sin(y)
 */
export function mapExpr(root: Expr, f: (original: Expr, rebuilt: Expr) => Expr): Expr {
  return postorder<Expr>(root, (e, kids) => {
    let changed = false;
    const orig = children(e);
    for (let i = 0; i < kids.length; i++) if (kids[i] !== orig[i]) changed = true;
    return f(e, changed ? rebuild(e, kids) : e);
  });
}

/** A substitution: a Map from expressions, or an object keyed by symbol name. @example subs(parse('x + 1'), new Map([[x, 2]])) // → 3 (or subs(e, { x: 2 })) */
export type Substitution = ReadonlyMap<Expr, ExprLike> | Readonly<Record<string, ExprLike>>;

function substitutionMap(s: Substitution): Map<Expr, Expr> {
  const m = new Map<Expr, Expr>();
  if (s instanceof Map) for (const [k, v] of s) m.set(k, toExpr(v));
  else for (const [k, v] of Object.entries(s as Record<string, ExprLike>)) m.set(symbol(k), toExpr(v));
  return m;
}

/**
 * Replace sub-expressions (simultaneously) and re-canonicalise.
 * @example subs(add(x, y), { x: 1 }) === add(1, y) // → true
 */
export function subs(e: Expr, s: Substitution): Expr {
  const m = substitutionMap(s);
  if (m.size === 0) return e;
  return postorder<Expr>(e, (node, kids) => {
    const r = m.get(node);
    if (r !== undefined) return r;
    const orig = children(node);
    for (let i = 0; i < kids.length; i++) if (kids[i] !== orig[i]) return rebuild(node, kids);
    return node;
  });
}

/** The symbols in e, sorted by name (a definite integral's variable is bound, not free). @example freeSymbols(parse('x*y + z')) // → [x, y, z] */
export function freeSymbols(e: Expr): SymbolNode[] {
  const seen = new Set<SymbolNode>();
  postorder<0>(e, (node) => {
    if (node.kind === 'Symbol') seen.add(node);
    return 0;
  });
  if (e.kind === 'Integral' && e.lower !== null && !has(e.lower, e.var) && !has(e.upper!, e.var)) seen.delete(e.var);
  return [...seen].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * True when some node of e (e itself included) satisfies `test`: one iterative walk of the DAG,
 * each shared node visited once.
 * @example someNode(parse('x + sin(y)'), (n) => n.kind === 'Function') // → true
 */
export function someNode(e: Expr, test: (n: Expr) => boolean): boolean {
  const seen = new Set<Expr>([e]);
  const stack: Expr[] = [e];
  while (stack.length) {
    const n = stack.pop()!;
    if (test(n)) return true;
    for (const k of children(n)) if (!seen.has(k)) {
      seen.add(k);
      stack.push(k);
    }
  }
  return false;
}

/** True when `target` occurs in e. @example has(sin(x), x) // → true */
export function has(e: Expr, target: Expr): boolean {
  if (e === target) return true;
  return !isAtom(e) && someNode(e, (n) => n === target);
}

export { evaluate, type Env } from './evaluate.js';
