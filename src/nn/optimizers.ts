/**
 * First-order optimizers for tensor parameters, updating them in place:
 *   SGD:       θ ← θ − η g
 *   momentum:  v ← μ v + g,  θ ← θ − η v
 *   Adam:      m ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²,  θ ← θ − η m̂ / (√v̂ + ε)
 */
import { ArgumentError, ShapeError } from '../core/errors.js';
import type { Tensor } from '../autodiff/index.js';

/** An optimizer: `step(params, grads)` changes the parameters' data in place. */
export interface Optimizer {
  name: string;
  step(params: readonly Tensor[], grads: readonly Tensor[]): void;
}

function check(params: readonly Tensor[], grads: readonly Tensor[]): void {
  if (params.length !== grads.length) throw new ShapeError(`optimizer: ${params.length} parameters but ${grads.length} gradients`);
  params.forEach((p, i) => {
    if (p.size !== grads[i]!.size) throw new ShapeError(`optimizer: parameter ${i} has ${p.size} values, its gradient ${grads[i]!.size}`);
  });
}

function positive(name: string, v: number): number {
  if (!(v > 0)) throw new ArgumentError(`${name} must be > 0, got ${v}`);
  return v;
}

/** Plain gradient descent. Default lr 0.01. */
function sgd(options: { lr?: number } = {}): Optimizer {
  const lr = positive('sgd: lr', options.lr ?? 0.01);
  return {
    name: 'sgd',
    step(params, grads) {
      check(params, grads);
      params.forEach((p, k) => {
        const d = p.data, g = grads[k]!.data;
        for (let i = 0; i < d.length; i++) d[i] = d[i]! - lr * g[i]!;
      });
    },
  };
}

/** Heavy-ball momentum. Defaults lr 0.01, beta 0.9. */
function momentum(options: { lr?: number; beta?: number } = {}): Optimizer {
  const lr = positive('momentum: lr', options.lr ?? 0.01);
  const beta = options.beta ?? 0.9;
  let vel: Float64Array[] | null = null;
  return {
    name: 'momentum',
    step(params, grads) {
      check(params, grads);
      vel ??= params.map((p) => new Float64Array(p.size));
      params.forEach((p, k) => {
        const d = p.data, g = grads[k]!.data, v = vel![k]!;
        for (let i = 0; i < d.length; i++) {
          v[i] = beta * v[i]! + g[i]!;
          d[i] = d[i]! - lr * v[i]!;
        }
      });
    },
  };
}

/** Adam (Kingma & Ba) with bias correction. Defaults lr 0.001, beta1 0.9, beta2 0.999, eps 1e-8. */
function adam(options: { lr?: number; beta1?: number; beta2?: number; eps?: number } = {}): Optimizer {
  const lr = positive('adam: lr', options.lr ?? 0.001);
  const b1 = options.beta1 ?? 0.9;
  const b2 = options.beta2 ?? 0.999;
  const eps = options.eps ?? 1e-8;
  let m: Float64Array[] | null = null;
  let v: Float64Array[] | null = null;
  let t = 0;
  return {
    name: 'adam',
    step(params, grads) {
      check(params, grads);
      m ??= params.map((p) => new Float64Array(p.size));
      v ??= params.map((p) => new Float64Array(p.size));
      t++;
      const c1 = 1 - b1 ** t;
      const c2 = 1 - b2 ** t;
      params.forEach((p, k) => {
        const d = p.data, g = grads[k]!.data, mk = m![k]!, vk = v![k]!;
        for (let i = 0; i < d.length; i++) {
          const gi = g[i]!;
          mk[i] = b1 * mk[i]! + (1 - b1) * gi;
          vk[i] = b2 * vk[i]! + (1 - b2) * gi * gi;
          d[i] = d[i]! - (lr * (mk[i]! / c1)) / (Math.sqrt(vk[i]! / c2) + eps);
        }
      });
    },
  };
}

/**
 * The optimizers: `optimizers.sgd({lr})`, `optimizers.momentum({lr, beta})`, `optimizers.adam({lr, beta1, beta2, eps})`.
 *
 * @example
 * const opt = optimizers.adam({ lr: 0.01 }); // then opt.step(params, grads) each iteration
 */
export const optimizers = { sgd, momentum, adam } as const;
export type OptimizerName = keyof typeof optimizers;
