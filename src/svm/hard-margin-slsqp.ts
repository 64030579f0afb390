/**
 * The hard-margin primal through the general optimizer, as lesson 7 does it in SciPy:
 *
 *   min_{w, b} ½‖w‖²  s.t.  y_i (w·x_i + b) − 1 ≥ 0
 *
 * With the ½, SLSQP's Lagrange multipliers are exactly the SVM's α (SciPy's listing minimises
 * ‖w‖², so its multipliers come out as 2α). For any size where the exact QP is too slow, use
 * `SVC` instead: this is the textbook route, not the fast one.
 */
import { ConvergenceError } from '../core/errors.js';
import { minimize } from '../optimize/index.js';
import type { OptimizeResult } from '../optimize/index.js';
import { encodeLabels, flattenX, type SvmLabel, type SvmMatrix } from './validate.js';

/** The primal solution with SLSQP's multipliers read as α. */
export interface HardMarginSlsqpResult {
  w: number[];
  b: number;
  /** α_i = multiplier of point i's constraint. */
  alpha: number[];
  /** α_i > 1e-8·max α: the active constraints (support vectors), in input order. */
  active: boolean[];
  margin: number;
  /** The optimizer's full result (nit, nfev, message…). */
  result: OptimizeResult;
}

/**
 * Hard-margin linear SVM by SLSQP on the primal (bounds none, start w = 0, b = 0).
 *
 * @example
 * const r = hardMarginSlsqp([[0, 0], [1, 2], [2, 1]], [-1, 1, 1]);
 * r.w     // → ≈ [2/3, 2/3]
 * r.b     // → ≈ -1
 * r.alpha // → ≈ [4/9, 2/9, 2/9]
 */
export function hardMarginSlsqp(X: SvmMatrix, y: ArrayLike<SvmLabel>): HardMarginSlsqpResult {
  const { data, n, d } = flattenX(X);
  const { index } = encodeLabels(y, n);
  const s = Array.from(index, (c) => (c === 1 ? 1 : -1));
  // Variables v = (w_1..w_d, b).
  const constraints = s.map((si, i) => ({
    type: 'ineq' as const,
    fun: (v: Float64Array) => {
      let f = v[d]!;
      for (let k = 0; k < d; k++) f += v[k]! * data[i * d + k]!;
      return si * f - 1;
    },
    jac: (_v: Float64Array) => {
      const g = new Array<number>(d + 1);
      for (let k = 0; k < d; k++) g[k] = si * data[i * d + k]!;
      g[d] = si;
      return g;
    },
  }));
  const result = minimize(
    (v) => {
      let f = 0;
      for (let k = 0; k < d; k++) f += v[k]! * v[k]!;
      return f / 2;
    },
    new Array(d + 1).fill(0),
    { method: 'slsqp', constraints, jac: (v) => [...Array.from(v.subarray(0, d)), 0], tol: 1e-12, maxiter: 500 },
  );
  if (!result.success) throw new ConvergenceError(`SLSQP did not solve the hard-margin QP (${result.message}); are the classes linearly separable?`);
  const w = Array.from(result.x.subarray(0, d));
  const alpha = Array.from(result.multipliers ?? new Float64Array(n));
  const top = Math.max(...alpha);
  return {
    w,
    b: result.x[d]!,
    alpha,
    active: alpha.map((a) => a > 1e-8 * top),
    margin: 1 / Math.hypot(...w),
    result,
  };
}
