/**
 * The symbolic layer: interned expressions, parsing, canonical forms, differentiation,
 * gradients/Jacobians/Hessians, printers and compilation to JS.
 */
export * from './expr.js';
export * from './arith.js';
export * from './functions.js';
export * from './traverse.js';
export * from './parse.js';
export * from './diff.js';
export * from './matrix.js';
export * from './jacobian.js';
export { toString, toString as exprToString } from './print-text.js';
export { pretty, PRETTY_MAX_DEPTH, type PrettyOptions } from './print-pretty.js';
export { latex } from './print-latex.js';
export { lambdify, type CompiledFunction } from './lambdify.js';
export { expand, type ExpandOptions } from './expand.js';
export * from './integrate.js';
export * from './limit.js';
export * from './series.js';
export * from './solve.js';
export * from './solve-system.js';
export * from './simplify.js';
export * from './factor.js';
export * from './critical.js';
export * as QPoly from './poly/index.js';
