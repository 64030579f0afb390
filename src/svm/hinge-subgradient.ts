/**
 * The teaching variant: a linear SVM trained on the primal by subgradient descent, no QP at all.
 *
 *   J(w, b) = ½‖w‖² + C Σ_i max(0, 1 − y_i (w·x_i + b))
 *
 * The hinge is not differentiable at margin 1; a subgradient there is any value between its
 * one-sided slopes, and we take 0. So
 *   ∂J/∂w ∋ w − C Σ_{y_i f_i < 1} y_i x_i,   ∂J/∂b ∋ −C Σ_{y_i f_i < 1} y_i.
 * With steps η_t = η₀/√t the best iterate converges to the same (w, b) as SVC, slowly: the
 * point of the lesson is that it is the same objective, and why SMO is worth its complexity.
 */
import { ArgumentError } from '../core/errors.js';
import { encodeLabels, flattenX, positiveOption, type SvmLabel, type SvmMatrix } from './validate.js';

/** Options of {@link linearSvcSubgradient}. */
export interface HingeSubgradientOptions {
  /** Penalty on the hinge losses. Default 1. */
  C?: number;
  /** Full-batch steps. Default 2000. */
  iterations?: number;
  /** η₀ in η_t = η₀/√t. Default 0.1. */
  learningRate?: number;
}

/** The best iterate and the objective along the way. */
export interface HingeSubgradientResult {
  w: number[];
  b: number;
  /** J at the best iterate. */
  objective: number;
  /** J(w_t, b_t) at every step (not monotone: subgradient steps can go uphill). */
  history: number[];
  classes: [SvmLabel, SvmLabel];
}

/**
 * Minimise ½‖w‖² + C Σ hinge by full-batch subgradient descent (deterministic).
 *
 * @example
 * const r = linearSvcSubgradient([[0, 0], [1, 2], [2, 1]], [-1, 1, 1], { C: 10, iterations: 5000, learningRate: 0.5 });
 * r.w // → ≈ [0.6667552, 0.6667552] (5000 steps for 4 digits: compare SVC)
 * r.b // → ≈ -1.0001057
 */
export function linearSvcSubgradient(X: SvmMatrix, y: ArrayLike<SvmLabel>, options: HingeSubgradientOptions = {}): HingeSubgradientResult {
  const { data, n, d } = flattenX(X);
  const { classes, index } = encodeLabels(y, n);
  const C = positiveOption('C', options.C ?? 1);
  const iterations = options.iterations ?? 2000;
  if (!Number.isInteger(iterations) || iterations < 1) throw new ArgumentError(`iterations must be a positive integer, got ${String(options.iterations)}`);
  const eta0 = positiveOption('learningRate', options.learningRate ?? 0.1);
  const s = Float64Array.from(index, (c) => (c === 1 ? 1 : -1));
  const w = new Float64Array(d);
  const gw = new Float64Array(d);
  let b = 0;
  const best = { w: new Float64Array(d), b: 0, J: Infinity };
  const history: number[] = [];
  for (let t = 1; t <= iterations; t++) {
    // One pass computes J(w, b) and a subgradient at the same point.
    let J = 0;
    for (let k = 0; k < d; k++) {
      J += 0.5 * w[k]! * w[k]!;
      gw[k] = w[k]!;
    }
    let gb = 0;
    for (let i = 0; i < n; i++) {
      let f = b;
      for (let k = 0; k < d; k++) f += w[k]! * data[i * d + k]!;
      const m = s[i]! * f;
      if (m < 1) {
        J += C * (1 - m);
        for (let k = 0; k < d; k++) gw[k] = gw[k]! - C * s[i]! * data[i * d + k]!;
        gb -= C * s[i]!;
      }
    }
    history.push(J);
    if (J < best.J) {
      best.J = J;
      best.w.set(w);
      best.b = b;
    }
    const eta = eta0 / Math.sqrt(t);
    for (let k = 0; k < d; k++) w[k] = w[k]! - eta * gw[k]!;
    b -= eta * gb;
  }
  return { w: Array.from(best.w), b: best.b, objective: best.J, history, classes };
}
