/**
 * The symbolic layer: interned expressions, parsing, canonical forms, differentiation,
 * gradients/Jacobians/Hessians, printers and compilation to JS.
 */
export * from './expr/expr.js';
export * from './expr/arith.js';
export * from './functions/index.js';
export * from './walk/traverse.js';
export * from './parse/parse.js';
export * from './calculus/diff/diff.js';
export * from './expr/matrix.js';
export * from './calculus/diff/jacobian.js';
export { toString, toString as exprToString } from './print/text.js';
export { pretty, PRETTY_MAX_DEPTH, type PrettyOptions } from './print/pretty.js';
export { latex } from './print/latex.js';
export { lambdify, type CompiledFunction } from './print/lambdify.js';
export { expand, type ExpandOptions } from './algebra/expand.js';
export * from './calculus/integrate/index.js';
export * from './calculus/limit/index.js';
export * from './calculus/series/index.js';
export * from './calculus/solve/index.js';
export * from './calculus/solve/system.js';
export * from './algebra/simplify.js';
export * from './algebra/factor.js';
export * from './calculus/critical/index.js';
export * as QPoly from './poly/index.js';
