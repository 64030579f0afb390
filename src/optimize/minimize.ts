/**
 * `minimize` and `minimizeSteps`: one entry point over a `Record<Method, Solver>`. Every solver is
 * a generator that yields each iterate and returns the result, so the state is resumable: the
 * course can pull one step at a time and animate it.
 */
import { ArgumentError, checkOptions, describeValue } from '../core/errors.js';
import { makeProblem, type Problem } from './problem.js';
import type { Method, MinimizeOptions, ObjectiveFn, OptimizeResult, OptimizeStep } from './types.js';
import { slsqp } from './slsqp.js';
import { bfgs } from './bfgs.js';
import { lbfgsb } from './lbfgsb.js';
import { nelderMead } from './nelder-mead.js';
import { gradientDescent } from './gradient-descent.js';
import { newton } from './newton.js';

/** A solver: yields iterates, returns the result. */
export type Solver = (p: Problem, options: MinimizeOptions) => Generator<OptimizeStep, OptimizeResult, void>;

/**
 * The methods `minimize` knows, by name: one generator-based solver each.
 *
 * @example
 * Object.keys(SOLVERS) // → ['gradient-descent', 'bfgs', 'l-bfgs-b', 'nelder-mead', 'newton', 'slsqp']
 */
export const SOLVERS: Readonly<Record<Method, Solver>> = {
  'gradient-descent': gradientDescent,
  bfgs,
  'l-bfgs-b': lbfgsb,
  'nelder-mead': nelderMead,
  newton,
  slsqp,
};

/** Which methods accept bounds and constraints. */
const ACCEPTS: Record<Method, { bounds: boolean; constraints: boolean }> = {
  'gradient-descent': { bounds: false, constraints: false },
  bfgs: { bounds: false, constraints: false },
  'l-bfgs-b': { bounds: true, constraints: false },
  'nelder-mead': { bounds: true, constraints: false },
  newton: { bounds: false, constraints: false },
  slsqp: { bounds: true, constraints: true },
};

/** Every `MinimizeOptions` name (an unknown one is an ArgumentError, not silently ignored). */
const MINIMIZE_KEYS = Object.keys({
  method: 1, jac: 1, hess: 1, bounds: 1, constraints: 1, tol: 1, maxiter: 1, maxfev: 1, callback: 1,
  fdStep: 1, stepRule: 1, learningRate: 1, memory: 1, adaptive: 1, xatol: 1, fatol: 1, clipX0: 1,
} satisfies Record<keyof MinimizeOptions, 1>);
const MINIMIZE_HINTS = {
  options: "SciPy's per-method `options` entries (maxiter, xatol, …) go at the top level here: { method, maxiter }",
  maxIter: 'the name is maxiter',
  x0: 'the start point is the second argument',
};

function chooseMethod(options: MinimizeOptions): Method {
  if (options.method !== undefined) {
    if (typeof options.method !== 'string' || !Object.hasOwn(SOLVERS, options.method)) {
      throw new ArgumentError(`unknown method ${describeValue(options.method)}; expected one of ${Object.keys(SOLVERS).join(', ')}`);
    }
    return options.method;
  }
  if (options.constraints && options.constraints.length > 0) return 'slsqp';
  if (options.bounds) return 'l-bfgs-b';
  return 'bfgs';
}

function prepare(fun: ObjectiveFn, x0: ArrayLike<number>, options: MinimizeOptions): Generator<OptimizeStep, OptimizeResult, void> {
  const method = chooseMethod(options);
  const acc = ACCEPTS[method];
  if (!acc.constraints && options.constraints && options.constraints.length > 0) {
    throw new ArgumentError(`method '${method}' does not handle constraints; use 'slsqp'`);
  }
  if (!acc.bounds && options.bounds) {
    throw new ArgumentError(`method '${method}' does not handle bounds; use 'l-bfgs-b', 'nelder-mead' or 'slsqp'`);
  }
  if (options.tol !== undefined && (typeof options.tol !== 'number' || !(options.tol > 0))) throw new ArgumentError(`tol must be a positive number, got ${describeValue(options.tol)}`);
  if (options.maxiter !== undefined && !(Number.isInteger(options.maxiter) && options.maxiter >= 0)) {
    throw new ArgumentError(`maxiter must be a non-negative integer, got ${describeValue(options.maxiter)}`);
  }
  if (options.maxfev !== undefined && !(options.maxfev >= 1 && (Number.isInteger(options.maxfev) || options.maxfev === Infinity))) {
    throw new ArgumentError(`maxfev must be a positive integer or Infinity, got ${describeValue(options.maxfev)}`);
  }
  if (options.fdStep !== undefined && !(options.fdStep > 0 && options.fdStep < 1)) {
    throw new ArgumentError(`fdStep must be a relative step in (0, 1), got ${describeValue(options.fdStep)}`);
  }
  if (options.learningRate !== undefined && !(options.learningRate > 0)) throw new ArgumentError(`learningRate must be positive, got ${describeValue(options.learningRate)}`);
  if (options.memory !== undefined && !(Number.isInteger(options.memory) && options.memory >= 1)) {
    throw new ArgumentError(`memory must be a positive integer, got ${describeValue(options.memory)}`);
  }
  if (options.stepRule !== undefined && options.stepRule !== 'fixed' && options.stepRule !== 'backtracking') {
    throw new ArgumentError(`stepRule must be 'fixed' or 'backtracking', got ${describeValue(options.stepRule)}`);
  }
  if (options.callback !== undefined && typeof options.callback !== 'function') throw new ArgumentError('callback must be a function');
  const p = makeProblem(fun, x0, options, options.clipX0 ?? true);
  return SOLVERS[method](p, options);
}

/**
 * Minimise a scalar function of n variables. Returns SciPy's `OptimizeResult` fields; never throws
 * for numerical failure (check `success`/`message`), but throws `ArgumentError`/`ShapeError` for
 * malformed arguments.
 *
 * @example
 * const rosen = (x: Float64Array) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
 * const res = minimize(rosen, [-1.2, 1], { method: 'bfgs' });
 * res.success // → true
 * res.x // → ≈ [0.999995, 0.99999] (the minimum is at (1, 1); BFGS stops at gtol 1e-5)
 * @example
 * // minimise x² + y² subject to x + y ≥ 1
 * minimize((v) => v[0] ** 2 + v[1] ** 2, [2, 0], {
 *   constraints: [{ type: 'ineq', fun: (v) => v[0] + v[1] - 1 }],
 * }).x // → ≈ [0.5, 0.5]
 */
export function minimize(fun: ObjectiveFn, x0: ArrayLike<number>, options: MinimizeOptions = {}): OptimizeResult {
  checkOptions('minimize', options, MINIMIZE_KEYS, MINIMIZE_HINTS);
  const it = prepare(fun, x0, options);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/**
 * The same solve as `minimize`, one iterate at a time: a generator that yields an
 * `OptimizeStep` after each iteration and returns the `OptimizeResult`. Stop pulling to pause;
 * the solver state lives in the generator.
 *
 * @example
 * const steps = minimizeSteps((x) => (x[0] - 3) ** 2, [0], { method: 'gradient-descent', learningRate: 0.25, stepRule: 'fixed' });
 * steps.next().value // → { nit: 1, x: Float64Array [1.5], fun: 2.25 }
 */
export function minimizeSteps(
  fun: ObjectiveFn,
  x0: ArrayLike<number>,
  options: MinimizeOptions = {},
): Generator<OptimizeStep, OptimizeResult, void> {
  checkOptions('minimizeSteps', options, MINIMIZE_KEYS, MINIMIZE_HINTS);
  return prepare(fun, x0, options);
}
