/**
 * nabla: calculus for machine learning in TypeScript. The whole public API; each layer is also a
 * subpath export (`nabla/symbolic`, `nabla/numeric`, …).
 */
export * from './core/index.js';
export * from './numeric/index.js';
export * from './symbolic/index.js';
export * from './autodiff/index.js';
export * from './nn/index.js';
export * from './optimize/index.js';
export * from './svm/index.js';
export * from './plot/index.js';
export * from './plot/png.js';
export { toONNX } from './onnx/index.js';
export type { ToOnnxOptions, OnnxExportable } from './onnx/index.js';
// Matrix calculus: whole under `mc` (its short names — add, mul, gradient, … — belong to other
// layers at the root), its distinctive names flat. `nabla/matcalc` exports everything flat.
export * as mc from './matcalc/index.js';
export {
  matrixSymbol,
  vectorSymbol,
  scalarSymbol,
  parseMatrixExpr,
  parseShapes,
  checkDerivative,
  compileMatrixExpr,
  evaluateMatrixExpr,
  derivative as matrixDerivative,
  gradient as matrixGradient,
  jacobian as matrixJacobian,
  hessian as matrixHessian,
  toText as matrixToText,
  toUnicode as matrixToUnicode,
  toLatex as matrixToLatex,
  type MExpr,
} from './matcalc/index.js';
