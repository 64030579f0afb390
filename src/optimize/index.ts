/**
 * optimize: `minimize` over gradient descent, BFGS, L-BFGS-B, Nelder–Mead, Newton and SLSQP, with
 * SciPy-shaped results and resumable step-by-step solving (`minimizeSteps`). Takes plain callbacks
 * only; symbolic expressions reach it through `lambdify`, autodiff functions through `grad`.
 */
export { minimize, minimizeSteps, SOLVERS, type Solver as OptimizeSolver } from './minimize.js';
export { STATUS_MESSAGES } from './status.js';
export { wolfeLineSearch, type WolfeOptions, type LinePoint } from './line-search.js';
export type {
  Method as OptimizeMethod,
  ObjectiveFn,
  GradientFn,
  HessianFn,
  Constraint,
  Bound,
  Callback as OptimizeCallback,
  MinimizeOptions,
  OptimizeResult,
  OptimizeStep,
} from './types.js';
