/**
 * What the real evaluator (`evaluate.ts`) and the complex one (`evaluate-complex.ts`) share: the
 * symbol values they take and real powers of doubles (also used by `lambdify`'s generated code).
 *
 * @example
 * realPow(-8, 1 / 3, true, true) // → -2
 */
import type { SymbolNode } from '../expr/expr.js';

/** Values for evaluate: an object keyed by symbol name, or a Map from symbols. @example evaluate(parse('2*x'), new Map([[x, 1.5]])) // → 3 (or { x: 1.5 }) */
export type Env = Readonly<Record<string, number>> | ReadonlyMap<SymbolNode, number>;

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
