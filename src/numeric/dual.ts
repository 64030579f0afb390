/**
 * Forward-mode dual numbers a + b·ε with ε² = 0: evaluating f on x + 1·ε gives f(x) + f′(x)·ε,
 * so derivatives come out exact to rounding. Write f with the `D` namespace (`D.exp(D.mul(x, x))`).
 */
import { DomainError, describeValue } from '../core/index.js';

/** A dual number re + du·ε. */
export interface Dual {
  readonly re: number;
  readonly du: number;
}

/** A number or a dual; numbers are constants (du = 0). */
export type DualLike = Dual | number;

/**
 * A dual number; `dual(x, 1)` seeds the variable of differentiation.
 *
 * @example
 * dual(2, 1) // → { re: 2, du: 1 }
 */
export function dual(re: number, du = 0): Dual {
  return { re, du };
}

function lift(a: DualLike): Dual {
  return typeof a === 'number' ? { re: a, du: 0 } : a;
}

/** Apply a unary function with value v = g(a) and derivative g′(a): (a, a′) ↦ (g(a), g′(a)·a′). */
function chain(a: DualLike, value: number, slope: number): Dual {
  const x = lift(a);
  return { re: value, du: x.du === 0 ? 0 : slope * x.du };
}

/**
 * Arithmetic and elementary functions on dual numbers. Each rule is the chain rule for that
 * function, e.g. D.sin: (a, a′) ↦ (sin a, cos a · a′).
 *
 * @example
 * const f = (x: Dual) => D.div(D.exp(x), D.sqrt(D.add(D.pow(D.sin(x), 3), D.pow(D.cos(x), 3))));
 * f(dual(1.5, 1)).du // → 4.05342789389862 (exact: 4.0534278938986206…)
 */
export const D = {
  /** A constant (derivative 0). */
  constant: (c: number): Dual => ({ re: c, du: 0 }),
  /** The variable x itself, seeded with derivative 1. */
  variable: (x: number): Dual => ({ re: x, du: 1 }),
  add: (a: DualLike, b: DualLike): Dual => {
    const x = lift(a), y = lift(b);
    return { re: x.re + y.re, du: x.du + y.du };
  },
  sub: (a: DualLike, b: DualLike): Dual => {
    const x = lift(a), y = lift(b);
    return { re: x.re - y.re, du: x.du - y.du };
  },
  /** (uv)′ = u′v + uv′ */
  mul: (a: DualLike, b: DualLike): Dual => {
    const x = lift(a), y = lift(b);
    return { re: x.re * y.re, du: x.du * y.re + x.re * y.du };
  },
  /** (u/v)′ = (u′v − uv′)/v² */
  div: (a: DualLike, b: DualLike): Dual => {
    const x = lift(a), y = lift(b);
    return { re: x.re / y.re, du: (x.du * y.re - x.re * y.du) / (y.re * y.re) };
  },
  neg: (a: DualLike): Dual => {
    const x = lift(a);
    return { re: -x.re, du: -x.du };
  },
  /** (u^v)′ = v·u^(v−1)·u′ + u^v·ln u·v′ (the second term only when the exponent varies). */
  pow: (a: DualLike, b: DualLike): Dual => {
    const x = lift(a), y = lift(b);
    const v = x.re ** y.re;
    let du = 0;
    if (x.du !== 0) du += y.re === 0 ? 0 : y.re * x.re ** (y.re - 1) * x.du;
    if (y.du !== 0) {
      if (!(x.re > 0)) throw new DomainError(`D.pow: a variable exponent needs a positive base, got ${describeValue(x.re)}`);
      du += v * Math.log(x.re) * y.du;
    }
    return { re: v, du };
  },
  exp: (a: DualLike): Dual => {
    const v = Math.exp(lift(a).re);
    return chain(a, v, v);
  },
  log: (a: DualLike): Dual => chain(a, Math.log(lift(a).re), 1 / lift(a).re),
  sqrt: (a: DualLike): Dual => {
    const v = Math.sqrt(lift(a).re);
    return chain(a, v, 0.5 / v);
  },
  sin: (a: DualLike): Dual => chain(a, Math.sin(lift(a).re), Math.cos(lift(a).re)),
  cos: (a: DualLike): Dual => chain(a, Math.cos(lift(a).re), -Math.sin(lift(a).re)),
  /** tan′ = 1 + tan² */
  tan: (a: DualLike): Dual => {
    const t = Math.tan(lift(a).re);
    return chain(a, t, 1 + t * t);
  },
  asin: (a: DualLike): Dual => chain(a, Math.asin(lift(a).re), 1 / Math.sqrt(1 - lift(a).re ** 2)),
  acos: (a: DualLike): Dual => chain(a, Math.acos(lift(a).re), -1 / Math.sqrt(1 - lift(a).re ** 2)),
  atan: (a: DualLike): Dual => chain(a, Math.atan(lift(a).re), 1 / (1 + lift(a).re ** 2)),
  sinh: (a: DualLike): Dual => chain(a, Math.sinh(lift(a).re), Math.cosh(lift(a).re)),
  cosh: (a: DualLike): Dual => chain(a, Math.cosh(lift(a).re), Math.sinh(lift(a).re)),
  /** tanh′ = 1 − tanh² */
  tanh: (a: DualLike): Dual => {
    const t = Math.tanh(lift(a).re);
    return chain(a, t, 1 - t * t);
  },
  /** |u|′ = sign(u)·u′ (0 at u = 0, a subgradient) */
  abs: (a: DualLike): Dual => chain(a, Math.abs(lift(a).re), Math.sign(lift(a).re)),
  /** σ(u) = 1/(1 + e^−u), σ′ = σ(1 − σ) */
  sigmoid: (a: DualLike): Dual => {
    const s = 1 / (1 + Math.exp(-lift(a).re));
    return chain(a, s, s * (1 - s));
  },
};

/**
 * The exact derivative f′(x) of a function written over duals.
 *
 * @example
 * dualDerivative((x) => D.mul(x, D.sin(x)), 0) // → 0
 */
export function dualDerivative(f: (x: Dual) => DualLike, x: number): number {
  return lift(f({ re: x, du: 1 })).du;
}

/**
 * The exact gradient of f: ℝⁿ → ℝ written over duals, by n forward passes (seed e_i each time).
 *
 * @example
 * dualGradient(([x, y]) => D.mul(x!, y!), [2, 3]) // → Float64Array [3, 2]
 */
export function dualGradient(f: (x: Dual[]) => DualLike, x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const g = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const args = Array.from({ length: n }, (_, j) => ({ re: x[j]!, du: j === i ? 1 : 0 }));
    g[i] = lift(f(args)).du;
  }
  return g;
}
