/**
 * The symbolic layer's public API: interned expressions, parsing, canonical forms,
 * differentiation, gradients/Jacobians/Hessians, integrals, limits, series, equations, printers
 * and compilation to JS. Every function that takes an expression accepts text, numbers or
 * expressions: the coercion happens once, in api/ (api/coerce.ts); the folders below take nodes.
 * In this layer's examples x, y and z are the symbols `symbol('x')`, `symbol('y')`, `symbol('z')`.
 */
// The node model: kinds, numbers, symbols, constants, low-level node makers and accessors.
export * from './expr/expr.js';
export { toExpr, coeffAndTerm, asBaseExp, addTerms, mulFactors, addArray, mulArray, type ExprLike } from './expr/arith.js';
export { SymMatrix, isSymMatrix } from './walk/matrix.js';
export { BUILTIN_FORMS, FUNCTIONS, isKnownFunction, looksNegative, registerAntiderivative, erfNum, type FunctionDef } from './functions/index.js';
export { postorder, postorderReleasing, rebuild, mapExpr } from './walk/traverse.js';
export * from './parse/parse.js';
// The boundary and the public functions built on it.
export type { ExprInput, SymbolInput, SymbolsInput } from './api/coerce.js';
export * from './api/build.js';
export * from './api/algebra.js';
export * from './api/calculus.js';
export { toString as exprToString } from './api/algebra.js';
export { PRETTY_MAX_DEPTH, type PrettyOptions } from './print/pretty.js';
export type { CompiledFunction } from './print/lambdify.js';
export type { ComplexValue } from './walk/evaluate-complex.js';
export type { ExpandOptions } from './algebra/expand.js';
export type { SimplifyOptions } from './algebra/simplify.js';
export type { DiffOptions, DiffStep, DiffTrace } from './calculus/diff/diff.js';
export type { IntegrateOptions, IntegrateResult, IntegrationStep } from './calculus/integrate/index.js';
export type { LimitDir } from './calculus/limit/index.js';
export { SeriesError, type PowerSeries, type SeriesResult } from './calculus/series/index.js';
export type { Solution, SolveOptions } from './calculus/solve/index.js';
export { IdentityError } from './calculus/solve/index.js';
export { zeroFactors, type SystemSolution, type SystemResult } from './calculus/solve/system.js';
export type { CriticalKind, CriticalPoint, CriticalResult } from './calculus/critical/index.js';
export * as QPoly from './poly/index.js';
