/**
 * Gradient checking in JAX's `check_grads` spirit: compare reverse-mode derivatives with central
 * finite differences along random directions, to first and second order.
 */
import { RandomState } from '../core/random.js';
import { Tensor, tensor, type TensorLike } from './tensor.js';
import { jvp, vjp } from './transforms.js';

/** Options of {@link checkGrads}. */
export interface CheckGradsOptions {
  /** 1: check VJP and JVP; 2: also the VJP of the VJP (second derivatives). Default 2. */
  order?: 1 | 2;
  /** Random directions per order. Default 2. */
  directions?: number;
  /** Central-difference step. Default 1e-6. */
  eps?: number;
  /** Pass when |analytic − numeric| ≤ atol + rtol·|numeric|. Defaults 1e-6 and 1e-5. */
  atol?: number;
  rtol?: number;
  /** Seed of the random directions. Default 0. */
  seed?: number;
}

/** One comparison made by {@link checkGrads}. */
export interface GradCheck {
  order: 1 | 2;
  mode: 'vjp' | 'jvp';
  analytic: number;
  numeric: number;
  error: number;
  ok: boolean;
}

/** The result of {@link checkGrads}: `ok` when every comparison passed. */
export interface GradCheckReport {
  ok: boolean;
  maxError: number;
  checks: GradCheck[];
}

function dot(a: Tensor, b: Tensor): number {
  let s = 0;
  for (let i = 0; i < a.size; i++) s += a.data[i]! * b.data[i]!;
  return s;
}

function shifted(x: Tensor, v: Tensor, h: number): Tensor {
  const d = new Float64Array(x.size);
  for (let i = 0; i < d.length; i++) d[i] = x.data[i]! + h * v.data[i]!;
  return new Tensor(d, x.shape);
}

function firstOrder(f: (x: Tensor) => Tensor, x: Tensor, order: 1 | 2, rs: RandomState, o: Required<CheckGradsOptions>, out: GradCheck[]): void {
  const y = tensor(f(x));
  for (let k = 0; k < o.directions; k++) {
    const v = new Tensor(rs.randn(x.size), x.shape);
    const u = new Tensor(rs.randn(y.size), y.shape);
    // uᵀ J v ≈ (uᵀ f(x + εv) − uᵀ f(x − εv)) / 2ε
    const numeric = (dot(u, tensor(f(shifted(x, v, o.eps)))) - dot(u, tensor(f(shifted(x, v, -o.eps))))) / (2 * o.eps);
    const back = vjp(f, x).pullback(u);
    const fwd = jvp(f, x, v).tangent;
    for (const [mode, analytic] of [['vjp', dot(back, v)], ['jvp', dot(u, fwd)]] as const) {
      const error = Math.abs(analytic - numeric);
      out.push({ order, mode, analytic, numeric, error, ok: error <= o.atol + o.rtol * Math.abs(numeric) });
    }
  }
}

/**
 * Check `f`'s derivatives at `x` against finite differences along random directions. The
 * second-order check differentiates x ↦ uᵀJ_f(x) (a VJP) and compares it the same way.
 *
 * @example
 * checkGrads((x: Tensor) => x.tanh().sum(), [0.3, -1.2]).ok // → true
 */
export function checkGrads(f: (x: Tensor) => Tensor, x: TensorLike, options: CheckGradsOptions = {}): GradCheckReport {
  const o: Required<CheckGradsOptions> = { order: 2, directions: 2, eps: 1e-6, atol: 1e-6, rtol: 1e-5, seed: 0, ...options };
  const rs = new RandomState(o.seed);
  const x0 = tensor(x).detach();
  const checks: GradCheck[] = [];
  firstOrder(f, x0, 1, rs, o, checks);
  if (o.order === 2) {
    const y = tensor(f(x0));
    for (let k = 0; k < o.directions; k++) {
      const u = new Tensor(rs.randn(y.size), y.shape);
      const h = (z: Tensor): Tensor => vjp(f, z).pullback(u);
      firstOrder(h, x0, 2, rs, { ...o, directions: 1 }, checks);
    }
  }
  const maxError = checks.reduce((m, c) => Math.max(m, c.error), 0);
  return { ok: checks.every((c) => c.ok), maxError, checks };
}
