/**
 * What the real evaluator (`evaluate.ts`) and the complex one (`evaluate-complex.ts`) share: the
 * symbol values they take and real powers of doubles (also used by `lambdify`'s generated code).
 *
 * @example
 * realPow(-8, 1 / 3, true, true) // → -2
 */
import { children, type Expr, type SymbolNode } from '../expr/expr.js';

/** Values for evaluate: an object keyed by symbol name, or a Map from symbols. @example evaluate(parse('2*x'), new Map([[x, 1.5]])) // → 3 (or { x: 1.5 }) */
export type Env = Readonly<Record<string, number>> | ReadonlyMap<SymbolNode, number>;

/** A symbol's value in an Env (undefined when it has none; own keys only, never the prototype's). */
export function envLookup(env: Env): (s: SymbolNode) => number | undefined {
  return env instanceof Map ? (s) => env.get(s) : (s) => (Object.hasOwn(env, s.name) ? (env as Record<string, number>)[s.name] : undefined);
}

/**
 * `value(node, get)` for every distinct node of e not in `memo` yet, children first (`get` reads a
 * child's value), without recursion; e's value. The real, dual and complex evaluators walk with
 * it; pass one `memo` to several calls to share their common parts, and `kids` to fold over a
 * subset of the children (default: all of them).
 */
export function foldDag<T>(
  e: Expr,
  value: (n: Expr, get: (c: Expr) => T) => T,
  memo: Map<Expr, T> = new Map(),
  kids: (n: Expr) => readonly Expr[] = children,
): T {
  const get = (c: Expr) => memo.get(c)!;
  const stack: Expr[] = [e];
  while (stack.length) {
    const n = stack[stack.length - 1]!;
    if (memo.has(n)) {
      stack.pop();
      continue;
    }
    let ready = true;
    for (const c of kids(n))
      if (!memo.has(c)) {
        ready = false;
        stack.push(c);
      }
    if (!ready) continue;
    stack.pop();
    memo.set(n, value(n, get));
  }
  return memo.get(e)!;
}

/**
 * b^x on the reals: `Math.pow`, except a negative base with an exact rational exponent p/q, q odd,
 * which gives the real root (sign (−1)^p). `oddDen` says x is such an exponent; `oddNum` that p is odd.
 * @example realPow(-8, 1/3, true, true) // → -2
 */
export function realPow(b: number, x: number, oddDen: boolean, oddNum: boolean): number {
  if (b >= 0 || !oddDen || Number.isInteger(x)) return Math.pow(b, x);
  const r = Math.pow(-b, x);
  return oddNum ? -r : r;
}
