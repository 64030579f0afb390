/**
 * Gradients, Jacobians and Hessians as symbolic matrices, built by composing `diff` (one memo per
 * variable, shared by all the expressions, so common subexpressions differentiate once).
 *
 * @example
 * pretty(jacobian(['2*x*y', 'x^2*y'], ['x', 'y'])) // →
 * // ⎡ 2⋅y   2⋅x⎤
 * // ⎢          ⎥
 * // ⎢        2 ⎥
 * // ⎣2⋅x⋅y  x  ⎦
 */
import { ArgumentError } from '../../../core/errors.js';
import { diffMany, zeroWhereFree } from './diff.js';
import type { Expr, SymbolNode } from '../../expr/expr.js';
import { SymMatrix } from '../../walk/matrix.js';
import { freeSymbols } from '../../walk/traverse.js';

/** The variables, or by default every free symbol of the expressions, sorted by name. */
function toVars(vars: readonly SymbolNode[] | undefined, exprs: readonly Expr[]): SymbolNode[] {
  if (vars !== undefined) return [...vars];
  const s = new Set<SymbolNode>();
  for (const e of exprs) for (const v of freeSymbols(e)) s.add(v);
  return [...s].sort((a, b) => (a.name < b.name ? -1 : 1));
}

/**
 * The Jacobian J[i][j] = ∂fᵢ/∂xⱼ (rows: expressions, columns: variables). Variables default to
 * all free symbols, sorted by name.
 * @example jacobian(['x*y', 'x + y'], ['x', 'y']).get(0, 0) // → y
 */
export function jacobian(exprs: readonly Expr[] | SymMatrix, vars?: readonly SymbolNode[]): SymMatrix {
  const fs = exprs instanceof SymMatrix ? [...exprs.data] : [...exprs];
  const xs = toVars(vars, fs);
  if (fs.length === 0 || xs.length === 0) throw new ArgumentError('jacobian needs at least one expression and one variable');
  const free = zeroWhereFree(fs, xs);
  const cols = xs.map((x) => diffMany(fs, x, free(x)));
  const data: Expr[] = [];
  for (let i = 0; i < fs.length; i++) for (let j = 0; j < xs.length; j++) data.push(cols[j]![i]!);
  return SymMatrix.of(fs.length, xs.length, data);
}

/**
 * The gradient ∇f as a column (n×1) matrix.
 * @example gradient('x^2 + y^3', ['x', 'y']).get(1, 0) // → 3*y^2
 */
export function gradient(f: Expr, vars?: readonly SymbolNode[]): SymMatrix {
  const xs = toVars(vars, [f]);
  if (xs.length === 0) throw new ArgumentError('gradient needs at least one variable');
  const free = zeroWhereFree([f], xs);
  return SymMatrix.of(xs.length, 1, xs.map((x) => diffMany([f], x, free(x))[0]!));
}

/**
 * The Hessian H[i][j] = ∂²f/∂xᵢ∂xⱼ (symmetric; each mixed partial computed once).
 * @example hessian('x^2*y', ['x', 'y']).get(0, 1) // → 2*x
 */
export function hessian(f: Expr, vars?: readonly SymbolNode[]): SymMatrix {
  const xs = toVars(vars, [f]);
  if (xs.length === 0) throw new ArgumentError('hessian needs at least one variable');
  const freeInF = zeroWhereFree([f], xs);
  const g = xs.map((x) => diffMany([f], x, freeInF(x))[0]!);
  const freeInG = zeroWhereFree(g, xs);
  const n = xs.length;
  const data: Expr[] = new Array(n * n);
  for (let j = 0; j < n; j++) {
    const col = diffMany(g.slice(0, j + 1), xs[j]!, freeInG(xs[j]!));
    for (let i = 0; i <= j; i++) data[i * n + j] = data[j * n + i] = col[i]!;
  }
  return SymMatrix.of(n, n, data);
}
