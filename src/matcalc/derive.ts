/**
 * Derivatives in closed matrix form.
 *
 * Layout convention (default `'mixed'`, as matrixcalculus.org and most ML texts):
 *   - scalar f by vector or matrix X: the gradient ∂f/∂X, shaped like X (∂f/∂X_ij at (i, j));
 *   - vector f (m) by vector x (n): the Jacobian, m×n, J_ij = ∂f_i/∂x_j (numerator layout);
 *   - anything by a scalar t: df/dt, shaped like f;
 *   - the Hessian of a scalar f by a vector x: n×n, H_ij = ∂²f/∂x_i∂x_j (the Jacobian of the gradient).
 * `layout: 'numerator'` transposes gradients (a 1×n row for a vector, Xᵀ's shape for a matrix);
 * `layout: 'denominator'` transposes Jacobians (n×m) and derivatives of vectors by scalars.
 */
import { ArgumentError, ShapeError } from '../core/errors.js';
import { add, scalar, transpose, zeros } from './build.js';
import { differential } from './differential.js';
import { cotangent, jacobianTerm } from './extract.js';
import { fmtShape, isColumn, isScalarShape, makeDSym, type Dim, type MExpr, type SymNode } from './node.js';
import { mapMExpr } from './rebuild.js';
import { simplify } from './simplify.js';

/** Which way derivatives are laid out (see the file header). */
export type Layout = 'mixed' | 'numerator' | 'denominator';

/** Options of {@link derivative}. */
export interface DerivativeOptions {
  /** Default `'mixed'`: gradients shaped like the variable, Jacobians m×n. */
  layout?: Layout;
  /** Simplify to textbook form (default true). */
  simplify?: boolean;
}

function checkVariable(x: MExpr): asserts x is SymNode {
  if (x.kind !== 'sym') throw new ArgumentError(`differentiate with respect to a variable, not ${x.kind}`);
  if (x.symmetric && !isScalarShape(x.shape)) {
    throw new ArgumentError(`${x.name} is declared symmetric: differentiate with respect to an unconstrained matrix (its entries must vary independently)`);
  }
}

const finish = (e: MExpr, o: DerivativeOptions): MExpr => (o.simplify === false ? e : simplify(e));

/**
 * ∂f/∂x in closed matrix form (see the layout convention above).
 * @example derivative(parseMatrixExpr("norm(X*w - y)^2", shapes), w) // → 2*X'*(X*w - y)
 */
export function derivative(f: MExpr, x: MExpr, options: DerivativeOptions = {}): MExpr {
  checkVariable(x);
  const layout = options.layout ?? 'mixed';
  if (!['mixed', 'numerator', 'denominator'].includes(layout)) throw new ArgumentError(`layout must be 'mixed', 'numerator' or 'denominator', got '${layout}'`);
  const terms = differential(f, x);
  if (isScalarShape(x.shape)) {
    const dx = makeDSym(x);
    const one = scalar(1);
    const d = terms.length ? add(...terms.map((t) => mapMExpr(t, (o, r) => (o === dx ? one : r)))) : zeroLike(f);
    return finish(layout === 'denominator' ? transpose(d) : d, options);
  }
  if (isScalarShape(f.shape)) {
    const g = terms.length ? add(...terms.map((t) => cotangent(t, x))) : zeroLike(x);
    return finish(layout === 'numerator' ? transpose(g) : g, options);
  }
  if (isColumn(f.shape) && isColumn(x.shape)) {
    const J = terms.length ? add(...terms.map((t) => jacobianTerm(t, x))) : zeroOf(f.shape.rows, x.shape.rows);
    return finish(layout === 'denominator' ? transpose(J) : J, options);
  }
  throw new ShapeError(`the derivative of ${fmtShape(f.shape)} by ${fmtShape(x.shape)} is a higher-order tensor, not a matrix (matrix form covers scalar by anything, vector by vector, anything by scalar)`);
}

function zeroLike(e: MExpr): MExpr {
  return zeros(e.shape.rows, e.shape.cols);
}
function zeroOf(r: Dim, c: Dim): MExpr {
  return zeros(r, c);
}

/**
 * The gradient of a scalar f: shaped like x (or transposed with `layout: 'numerator'`).
 * @example gradient(parseMatrixExpr("x'*A*x", shapes), x) // → (A + A')*x
 */
export function gradient(f: MExpr, x: MExpr, options: DerivativeOptions = {}): MExpr {
  if (!isScalarShape(f.shape)) throw new ShapeError(`gradient: f must be a scalar, got ${fmtShape(f.shape)} (use jacobian for a vector)`);
  return derivative(f, x, options);
}

/**
 * The Jacobian of a vector f by a vector x: m×n (n×m with `layout: 'denominator'`).
 * @example jacobian(parseMatrixExpr('A*x', shapes), x) // → A
 */
export function jacobian(f: MExpr, x: MExpr, options: DerivativeOptions = {}): MExpr {
  if (!isColumn(f.shape) && !isScalarShape(f.shape)) throw new ShapeError(`jacobian: f must be a column vector, got ${fmtShape(f.shape)}`);
  checkVariable(x);
  if (!isColumn(x.shape)) throw new ShapeError(`jacobian: x must be a column vector, got ${fmtShape(x.shape)}`);
  if (isScalarShape(f.shape)) {
    const g = derivative(f, x, { ...options, layout: 'numerator' });
    return options.layout === 'denominator' ? transpose(g) : g;
  }
  return derivative(f, x, options);
}

/**
 * The Hessian of a scalar f by a vector (or scalar) x: the Jacobian of the gradient, n×n.
 * @example hessian(parseMatrixExpr("x'*A*x", shapes), x) // → A + A'
 */
export function hessian(f: MExpr, x: MExpr, options: DerivativeOptions = {}): MExpr {
  if (!isScalarShape(f.shape)) throw new ShapeError(`hessian: f must be a scalar, got ${fmtShape(f.shape)}`);
  checkVariable(x);
  if (!isColumn(x.shape) && !isScalarShape(x.shape)) {
    throw new ShapeError(`hessian: by a ${fmtShape(x.shape)} matrix the Hessian is a 4-tensor, not a matrix; differentiate by a vector`);
  }
  const g = derivative(f, x, { simplify: options.simplify });
  return derivative(g, x, { simplify: options.simplify });
}
