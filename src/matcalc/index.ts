/**
 * The matrix-calculus layer: shaped symbols, matrix expressions with ML operations, derivatives
 * in closed matrix form, printers, numeric evaluation and built-in verification.
 * In this layer's examples A, B, C are n×n matrices, X and Y n×m, x and y n-vectors, w and v
 * m-vectors (`matrixSymbol('A', 'n', 'n')`, `vectorSymbol('x', 'n')`, …), and `shapes` is the
 * string 'A:n,n B:n,n C:n,n X:n,m Y:n,m x:n y:n w:m v:m' that declares them to the parser.
 */
export type { Dim, Shape, MExpr, SymNode } from './node.js';
export { fmtShape } from './node.js';
export {
  matrixSymbol,
  vectorSymbol,
  scalarSymbol,
  ones,
  zeros,
  identity,
  scalar,
  add,
  sub,
  neg,
  mul,
  matmul,
  hadamard,
  hdiv,
  epow,
  ewFn,
  EW_FUNCTIONS,
  transpose,
  inv,
  det,
  trace,
  sum,
  norm,
  diag,
  softmax,
  logsumexp,
  pow,
  isSymmetric,
  type EwFunction,
  type MLike,
} from './build.js';
export { substitute } from './rebuild.js';
export { simplify, normalForm, sameExpression } from './simplify.js';
export { derivative, gradient, jacobian, hessian, type DerivativeOptions, type Layout } from './derive.js';
export { toText, toUnicode, toLatex } from './print.js';
export { toPretty } from './pretty.js';
export { parseMatrixExpr, parseShapes, MAX_NESTING, type ShapeSpec, type MatrixParseOptions } from './parse.js';
export { compileMatrixExpr, evaluateMatrixExpr, type Binding, type Bindings, type CompiledMatrixExpr } from './evaluate.js';
export { checkDerivative, type CheckOptions, type CheckReport } from './check.js';
