/**
 * What every solver does at its two ends: evaluate f and ∇f at the start, and turn its state
 * into a SciPy-shaped `OptimizeResult` through the one status → message table.
 */
import type { Problem } from './problem.js';
import { Status, statusMessage } from './status.js';
import type { Method, OptimizeResult } from './types.js';

/**
 * x0, f(x0) and ∇f(x0). ∇f is not evaluated where f(x0) is not finite (a NaN-filled vector
 * stands in), so solvers can report status 3 without calling a gradient that may throw.
 */
export function startPoint(p: Problem): { x: Float64Array; f: number; g: Float64Array } {
  const x = Float64Array.from(p.x0);
  const f = p.f(x);
  const g = Number.isFinite(f) ? p.g(x, f) : new Float64Array(p.n).fill(NaN);
  return { x, f, g };
}

/** The solver state a result reports. */
export interface ResultState {
  x: Float64Array;
  fun: number;
  jac?: Float64Array;
  nit: number;
}

/**
 * An `OptimizeResult` from a solver's state: counters from the problem, `message` from the status
 * table (with `detail` appended), `success` exactly when `status` is 0. `extra` adds
 * method-specific fields (`nhev`, `multipliers`, …).
 */
export function solverResult(
  p: Problem,
  method: Method,
  state: ResultState,
  status: number,
  detail?: string,
  extra?: Partial<OptimizeResult>,
): OptimizeResult {
  return {
    ...state,
    nfev: p.counts.nfev,
    njev: p.counts.njev,
    ...extra,
    status,
    message: statusMessage(status, detail),
    success: status === Status.success,
    method,
    warnings: p.warnings,
  };
}
