/**
 * The symbolic layer as the pages show it: text of expressions and matrices, values at a point,
 * and 1-D critical points with a readable kind. (KaTeX is `tex(latex(e), true)` from math.ts.)
 */
import { NablaError } from '../../src/core/index.js';
import {
  criticalPoints,
  evaluate,
  exprToString,
  freeSymbols,
  isSymMatrix,
  type CriticalKind,
  type Env,
  type Expr,
  type SymMatrix,
} from '../../src/symbolic/index.js';

/** An expression or a matrix of them, as the symbolic layer returns. */
export type Shown = Expr | SymMatrix;

/** Plain text of an expression, or `[[a, b], [c, d]]` for a matrix. @example text(parse('x^2')) // 'x^2' */
export function text(e: Shown): string {
  if (isSymMatrix(e)) return `[${e.toRows().map((r) => `[${r.map(exprToString).join(', ')}]`).join(', ')}]`;
  return exprToString(e);
}

/** Free symbol names of an expression, sorted. @example freeNames(parse('y + x')) // ['x', 'y'] */
export function freeNames(e: Expr): string[] {
  return freeSymbols(e)
    .map((s) => s.name)
    .sort();
}

/**
 * Value of `e` at a point for plotting: NaN where the library reports the value undefined
 * (a library error), so one bad sample leaves a gap in the curve instead of breaking the figure.
 * @example evalAt(parse('1/x'), { x: 0 }) // Infinity or NaN, never a throw
 */
export function evalAt(e: Expr, env: Env): number {
  try {
    return evaluate(e, env);
  } catch (err) {
    if (err instanceof NablaError) return NaN;
    throw err;
  }
}

export interface CriticalPoint1D {
  x: number;
  /** The exact coordinate as text (`4/3`), when the solver found it exactly. */
  exact?: string;
  kind: 'local minimum' | 'local maximum' | 'inflection (not an extremum)' | 'flat';
}

const KIND: Record<CriticalKind, CriticalPoint1D['kind']> = {
  min: 'local minimum',
  max: 'local maximum',
  inflection: 'inflection (not an extremum)',
  saddle: 'inflection (not an extremum)',
  inconclusive: 'flat',
};

/**
 * Critical points of f(x) on [a, b] from the library's `criticalPoints`, labelled for learners.
 * @example criticalPoints1D(parse('x^3 - 2x^2 + 1'), 'x') // [{ x: 0, exact: '0', kind: 'local maximum' }, { x: 1.33…, exact: '4/3', kind: 'local minimum' }]
 */
export function criticalPoints1D(f: Expr, x: string, a = -10, b = 10): CriticalPoint1D[] {
  return criticalPoints(f, x)
    .points.map((p): CriticalPoint1D => {
      const c = p.point[x]!;
      return { x: evalAt(c, {}), ...(p.numeric ? {} : { exact: exprToString(c) }), kind: KIND[p.kind] };
    })
    .filter((p) => Number.isFinite(p.x) && p.x >= a && p.x <= b)
    .sort((p, q) => p.x - q.x);
}
