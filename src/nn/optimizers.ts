/**
 * First-order optimizers for tensor parameters, updating them in place (PyTorch's rules):
 *   SGD:       θ ← θ − η g
 *   momentum:  v ← μ v + g,  θ ← θ − η v
 *   Adam:      m ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²,  θ ← θ − η m̂ / (√v̂ + ε)
 * Weight decay λ adds λθ to g (L2 regularization, `torch.optim.SGD`/`Adam`'s `weight_decay`);
 * AdamW decouples it: θ ← θ − ηλθ before the Adam step (`torch.optim.AdamW`).
 * `lr` is a plain field, so a learning-rate schedule can change it between steps.
 */
import { ArgumentError, ShapeError, describeValue, checkOptions as known } from '../core/errors.js';
import type { Tensor } from '../autodiff/index.js';

/** An optimizer: `step(params, grads)` changes the parameters' data in place. */
export interface Optimizer {
  name: string;
  /** The learning rate of the next step (schedules set it). */
  lr: number;
  step(params: readonly Tensor[], grads: readonly Tensor[]): void;
}

function check(params: readonly Tensor[], grads: readonly Tensor[]): void {
  if (params.length !== grads.length) throw new ShapeError(`optimizer: ${params.length} parameters but ${grads.length} gradients`);
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!, g = grads[i]!;
    if (p.size !== g.size) throw new ShapeError(`optimizer: parameter ${i} has ${p.size} values, its gradient ${g.size}`);
  }
}

function positive(name: string, v: number): number {
  if (!(typeof v === 'number' && v > 0 && Number.isFinite(v))) throw new ArgumentError(`${name} must be a finite number > 0, got ${describeValue(v)}`);
  return v;
}

function nonNegative(name: string, v: number): number {
  if (!(typeof v === 'number' && v >= 0 && Number.isFinite(v))) throw new ArgumentError(`${name} must be a finite number ≥ 0, got ${describeValue(v)}`);
  return v;
}

function unitInterval(name: string, v: number): number {
  if (!(typeof v === 'number' && v >= 0 && v < 1)) throw new ArgumentError(`${name} must be in [0, 1), got ${describeValue(v)}`);
  return v;
}

/** Options of {@link optimizers}.sgd. */
export interface SgdOptions {
  /** Default 0.01. */
  lr?: number;
  /** L2 weight decay λ (adds λθ to the gradient). Default 0. */
  weightDecay?: number;
}

// Each optimizer is a class: its step is one prototype method, whose optimized code every
// instance shares (an object literal's method would be a new closure per optimizer, and each fit
// makes an optimizer).

/** Plain gradient descent. */
class Sgd implements Optimizer {
  readonly name = 'sgd';
  lr: number;
  private readonly wd: number;
  constructor(options: SgdOptions) {
    known('sgd', options, ['lr', 'weightDecay']);
    this.wd = nonNegative('sgd: weightDecay', options.weightDecay ?? 0);
    this.lr = positive('sgd: lr', options.lr ?? 0.01);
  }
  step(params: readonly Tensor[], grads: readonly Tensor[]): void {
    check(params, grads);
    const lr = this.lr, wd = this.wd;
    for (let k = 0; k < params.length; k++) {
      const d = params[k]!.data, g = grads[k]!.data;
      if (wd === 0) for (let i = 0; i < d.length; i++) d[i] = d[i]! - lr * g[i]!;
      else for (let i = 0; i < d.length; i++) d[i] = d[i]! - lr * (g[i]! + wd * d[i]!);
    }
  }
}

function sgd(options: SgdOptions = {}): Optimizer {
  return new Sgd(options);
}

/** Options of {@link optimizers}.momentum. */
export interface MomentumOptions extends SgdOptions {
  /** Momentum μ. Default 0.9. */
  beta?: number;
}

/** Heavy-ball momentum. */
class Momentum implements Optimizer {
  readonly name = 'momentum';
  lr: number;
  private readonly beta: number;
  private readonly wd: number;
  private vel: Float64Array[] | null = null;
  constructor(options: MomentumOptions) {
    known('momentum', options, ['lr', 'beta', 'weightDecay']);
    this.beta = unitInterval('momentum: beta', options.beta ?? 0.9);
    this.wd = nonNegative('momentum: weightDecay', options.weightDecay ?? 0);
    this.lr = positive('momentum: lr', options.lr ?? 0.01);
  }
  step(params: readonly Tensor[], grads: readonly Tensor[]): void {
    check(params, grads);
    const lr = this.lr, beta = this.beta, wd = this.wd;
    const vel = (this.vel ??= params.map((p) => new Float64Array(p.size)));
    for (let k = 0; k < params.length; k++) {
      const d = params[k]!.data, g = grads[k]!.data, v = vel[k]!;
      for (let i = 0; i < d.length; i++) {
        v[i] = beta * v[i]! + g[i]! + wd * d[i]!;
        d[i] = d[i]! - lr * v[i]!;
      }
    }
  }
}

function momentum(options: MomentumOptions = {}): Optimizer {
  return new Momentum(options);
}

/** Options of {@link optimizers}.adam and `adamw`. */
export interface AdamOptions {
  /** Default 0.001. */
  lr?: number;
  /** Default 0.9. */
  beta1?: number;
  /** Default 0.999. */
  beta2?: number;
  /** Default 1e-8. */
  eps?: number;
  /** Weight decay λ: L2 in the gradient for `adam`, decoupled for `adamw`. Default 0 (adamw: 0.01). */
  weightDecay?: number;
}

class AdamLike implements Optimizer {
  lr: number;
  private readonly b1: number;
  private readonly b2: number;
  private readonly eps: number;
  private readonly wd: number;
  private readonly decoupled: boolean;
  private m: Float64Array[] | null = null;
  private v: Float64Array[] | null = null;
  private t = 0;
  constructor(readonly name: 'adam' | 'adamw', options: AdamOptions) {
    known(name, options, ['lr', 'beta1', 'beta2', 'eps', 'weightDecay']);
    this.b1 = unitInterval(`${name}: beta1`, options.beta1 ?? 0.9);
    this.b2 = unitInterval(`${name}: beta2`, options.beta2 ?? 0.999);
    this.eps = positive(`${name}: eps`, options.eps ?? 1e-8);
    this.wd = nonNegative(`${name}: weightDecay`, options.weightDecay ?? (name === 'adamw' ? 0.01 : 0));
    this.decoupled = name === 'adamw';
    this.lr = positive(`${name}: lr`, options.lr ?? 0.001);
  }
  step(params: readonly Tensor[], grads: readonly Tensor[]): void {
    check(params, grads);
    const { lr, b1, b2, eps, wd, decoupled } = this;
    const m = (this.m ??= params.map((p) => new Float64Array(p.size)));
    const v = (this.v ??= params.map((p) => new Float64Array(p.size)));
    const t = ++this.t;
    const c1 = 1 - b1 ** t;
    const c2 = 1 - b2 ** t;
    for (let k = 0; k < params.length; k++) {
      const d = params[k]!.data, g = grads[k]!.data, mk = m[k]!, vk = v[k]!;
      for (let i = 0; i < d.length; i++) {
        let gi = g[i]!;
        if (decoupled) d[i] = d[i]! * (1 - lr * wd);
        else gi += wd * d[i]!;
        mk[i] = b1 * mk[i]! + (1 - b1) * gi;
        vk[i] = b2 * vk[i]! + (1 - b2) * gi * gi;
        d[i] = d[i]! - (lr * (mk[i]! / c1)) / (Math.sqrt(vk[i]! / c2) + eps);
      }
    }
  }
}

function adamLike(name: 'adam' | 'adamw', options: AdamOptions): Optimizer {
  return new AdamLike(name, options);
}

/** Adam (Kingma & Ba) with bias correction; `weightDecay` is L2 added to the gradient, as `torch.optim.Adam`. */
function adam(options: AdamOptions = {}): Optimizer {
  return adamLike('adam', options);
}

/** AdamW (Loshchilov & Hutter): Adam with decoupled weight decay θ ← θ(1 − ηλ), as `torch.optim.AdamW`. */
function adamw(options: AdamOptions = {}): Optimizer {
  return adamLike('adamw', options);
}

/**
 * The optimizers: `optimizers.sgd({lr, weightDecay})`, `optimizers.momentum({lr, beta, weightDecay})`,
 * `optimizers.adam({lr, beta1, beta2, eps, weightDecay})`, `optimizers.adamw({…})`. Unknown options
 * are an ArgumentError.
 *
 * @example
 * const opt = optimizers.adam({ lr: 0.01, weightDecay: 1e-4 }); // then opt.step(params, grads) each iteration
 * typeof opt.step // → 'function'
 */
export const optimizers = { sgd, momentum, adam, adamw } as const;
/** The name of an optimizer in `optimizers` ('sgd', 'momentum', 'adam' or 'adamw'), as `fit`'s `optimizer` option takes it. */
export type OptimizerName = keyof typeof optimizers;
