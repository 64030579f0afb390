/**
 * Derivatives of plain JS functions by finite differences (with SciPy's step rules), Richardson
 * extrapolation, or dual numbers; gradients, Jacobians, Hessians and gradient checking.
 */
import { ArgumentError, DomainError, ShapeError, describeValue, checkOptionsArg } from '../core/index.js';
import { dualDerivative, type Dual, type DualLike } from './dual.js';
import type { Matrix } from './matrix.js';

const EPS = Number.EPSILON;

/** Options for `derivative`. */
export interface DerivativeOptions {
  /**
   * `'central'` (default): (f(x+h) − f(x−h))/2h, error O(h²), h = ε^⅓·max(1, |x|);
   * `'forward'`: (f(x+h) − f(x))/h, O(h), h = ε^½·max(1, |x|);
   * `'five-point'`: (−f(x+2h) + 8f(x+h) − 8f(x−h) + f(x−2h))/12h, O(h⁴), h = ε^⅕·max(1, |x|);
   * `'richardson'`: central differences at shrinking h extrapolated to h → 0 (Ridders);
   * `'dual'`: exact, for f written over dual numbers with `D`.
   */
  method?: 'forward' | 'central' | 'five-point' | 'richardson' | 'dual';
  /** Override the step h (finite-difference methods) or the first step (richardson). */
  step?: number;
}

/**
 * SciPy's absolute step: h = r·sign(x)·max(1, |x|) with r = ε^(1/(order+1)) — balancing the
 * truncation error O(h^order) against rounding O(ε/h) — then rounded so that x + h − x = h exactly.
 */
function stepFor(x: number, rel: number, step?: number): number {
  const h = step ?? rel * (x >= 0 ? 1 : -1) * Math.max(1, Math.abs(x));
  const exact = x + h - x;
  return exact === 0 ? h : exact;
}

function checkFinite(x: number, what: string): void {
  if (typeof x !== 'number') throw new ArgumentError(`${what} must be a number, got ${describeValue(x)}`);
  if (!Number.isFinite(x)) throw new DomainError(`${what} must be finite, got ${describeValue(x)}`);
}

/**
 * f′(x) of a scalar function.
 *
 * @example
 * const f = (x: number) => Math.exp(x) / Math.sqrt(Math.sin(x) ** 3 + Math.cos(x) ** 3);
 * derivative(f, 1.5) // → ≈ 4.05342789 (central differences, error ~1e−9)
 * derivative(f, 1.5, { method: 'richardson' }) // → ≈ 4.053427893898621 (~1e−14)
 */
export function derivative(f: (x: number) => number, x: number, options?: DerivativeOptions): number;
export function derivative(f: (x: Dual) => DualLike, x: number, options: DerivativeOptions & { method: 'dual' }): number;
export function derivative(f: ((x: number) => number) | ((x: Dual) => DualLike), x: number, options: DerivativeOptions = {}): number {
  checkOptionsArg(options, 'derivative');
  if (typeof f !== 'function') throw new ArgumentError(`derivative: f must be a function, got ${describeValue(f)}`);
  checkFinite(x, 'derivative: x');
  const d = derivativeRaw(f, x, options);
  // NaN means f was undefined at a sample (√x just left of 0, log at a negative step): say so
  // instead of handing back a silent NaN.
  if (Number.isNaN(d)) throw new DomainError(`derivative: f is not defined (NaN) at or next to x = ${x}; try another method (forward steps one way) or a smaller step`);
  return d;
}

function derivativeRaw(f: ((x: number) => number) | ((x: Dual) => DualLike), x: number, options: DerivativeOptions): number {
  const method = options.method ?? 'central';
  if (method === 'dual') return dualDerivative(f as (x: Dual) => DualLike, x);
  const g = f as (x: number) => number;
  switch (method) {
    case 'forward': {
      const h = stepFor(x, Math.sqrt(EPS), options.step);
      return (g(x + h) - g(x)) / h;
    }
    case 'central': {
      const h = Math.abs(stepFor(x, Math.cbrt(EPS), options.step));
      return (g(x + h) - g(x - h)) / (2 * h);
    }
    case 'five-point': {
      const h = Math.abs(stepFor(x, EPS ** 0.2, options.step));
      return (-g(x + 2 * h) + 8 * g(x + h) - 8 * g(x - h) + g(x - 2 * h)) / (12 * h);
    }
    case 'richardson':
      return richardson(g, x, options.step).value;
    default:
      throw new ArgumentError(`derivative: unknown method ${describeValue(method)} (forward, central, five-point, richardson, dual)`);
  }
}

/**
 * Ridders' method: central differences D(h_k) at h_k = h₀/1.4^k, extrapolated in a Neville
 * tableau (D's error is a series in h², so each column removes one more power of h²); stops when
 * the error estimate starts to grow (rounding takes over). Returns the best value and its error.
 *
 * @example
 * richardson(Math.sin, 0).value // → 1
 */
export function richardson(f: (x: number) => number, x: number, h0?: number): { value: number; error: number } {
  checkFinite(x, 'richardson: x');
  const CON = 1.4, CON2 = CON * CON, NTAB = 12, SAFE = 2;
  let h = h0 ?? 0.1 * Math.max(1, Math.abs(x));
  const a: number[][] = Array.from({ length: NTAB }, () => new Array<number>(NTAB).fill(0));
  // |f| near x at each step, for the rounding floor of the error estimate.
  const fscale: number[] = [];
  const central = (step: number, i: number): number => {
    const fp = f(x + step), fm = f(x - step);
    fscale[i] = Math.max(Math.abs(fp), Math.abs(fm));
    return (fp - fm) / (2 * step);
  };
  a[0]![0] = central(h, 0);
  // Near the edge of f's domain (√x at x = 0.01) the first step can leave it: shrink until the
  // difference is finite.
  for (let tries = 0; !Number.isFinite(a[0]![0]!) && tries < 60; tries++) {
    h /= 4;
    a[0]![0] = central(h, 0);
  }
  let best = a[0]![0]!, err = Infinity, bestRow = 0;
  const steps = [h];
  for (let i = 1; i < NTAB; i++) {
    h /= CON;
    steps.push(h);
    a[0]![i] = central(h, i);
    let fac = CON2;
    for (let j = 1; j <= i; j++) {
      // Eliminate the h^{2j} term: (fac·A_new − A_old)/(fac − 1)
      a[j]![i] = (a[j - 1]![i]! * fac - a[j - 1]![i - 1]!) / (fac - 1);
      fac *= CON2;
      const errt = Math.max(Math.abs(a[j]![i]! - a[j - 1]![i]!), Math.abs(a[j]![i]! - a[j - 1]![i - 1]!));
      if (errt <= err) {
        err = errt;
        best = a[j]![i]!;
        bestRow = i;
      }
    }
    if (Math.abs(a[i]![i]! - a[i - 1]![i - 1]!) >= SAFE * err) break;
  }
  // The tableau cannot resolve below the rounding noise of its finest difference, ≈ ε·|f|/h.
  const floor = (2 * EPS * fscale[bestRow]!) / steps[bestRow]!;
  return { value: best, error: Math.max(err, floor) };
}

/** Options for gradients, Jacobians and Hessians. */
export interface GradientOptions {
  /** `'central'` (default) or `'forward'` differences. */
  method?: 'central' | 'forward';
  /** Relative step (default ε^⅓ central, ε^½ forward); the absolute step is rel·max(1, |x_i|). */
  relStep?: number;
}

function perturbed(x: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(x);
  for (let i = 0; i < out.length; i++) checkFinite(out[i]!, `x[${i}]`);
  return out;
}

/**
 * ∇f(x) for f: ℝⁿ → ℝ, one coordinate at a time.
 *
 * @example
 * numericGradient(([x, y]) => x! ** 2 + y! ** 3, [2, 3]) // → ≈ Float64Array [4, 27]
 */
export function numericGradient(f: (x: Float64Array) => number, x: ArrayLike<number>, options: GradientOptions = {}): Float64Array {
  const jac = numericJacobian((v) => [f(v)], x, options);
  return jac.data;
}

/**
 * The m×n Jacobian J_ij = ∂f_i/∂x_j of f: ℝⁿ → ℝᵐ (column j from perturbing x_j).
 *
 * @example
 * numericJacobian(([x, y]) => [2 * x! * y!, x! ** 2 * y!], [1, 2]).data // → ≈ [4, 2, 4, 1]
 */
export function numericJacobian(f: (x: Float64Array) => ArrayLike<number>, x: ArrayLike<number>, options: GradientOptions = {}): Matrix {
  const method = options.method ?? 'central';
  if (method !== 'central' && method !== 'forward') throw new ArgumentError(`numericJacobian: method must be 'central' or 'forward', got ${describeValue(method)}`);
  const rel = options.relStep ?? (method === 'central' ? Math.cbrt(EPS) : Math.sqrt(EPS));
  const xv = perturbed(x);
  const n = xv.length;
  const f0 = method === 'forward' ? Float64Array.from(f(Float64Array.from(xv))) : null;
  let m = f0 ? f0.length : -1;
  let data = new Float64Array(0);
  for (let j = 0; j < n; j++) {
    const xj = xv[j]!;
    const h = stepFor(xj, rel);
    const xp = Float64Array.from(xv);
    xp[j] = xj + h;
    const fp = f(xp);
    let col: Float64Array;
    if (method === 'central') {
      const xm = Float64Array.from(xv);
      xm[j] = xj - h;
      const fm = f(xm);
      col = Float64Array.from(fp, (v, i) => (v - fm[i]!) / (2 * h));
    } else {
      col = Float64Array.from(fp, (v, i) => (v - f0![i]!) / h);
    }
    if (m < 0) m = col.length;
    if (col.length !== m) throw new ShapeError(`numericJacobian: f returned ${col.length} values, earlier ${m}`);
    if (data.length === 0) data = new Float64Array(m * n);
    for (let i = 0; i < m; i++) data[i * n + j] = col[i]!;
  }
  if (m < 0) m = 0;
  return { rows: m, cols: n, data: data.length === m * n ? data : new Float64Array(m * n) };
}

/**
 * The Hessian H_ij = ∂²f/∂x_i∂x_j by central differences with h = ε^¼·max(1, |x|):
 * H_ij ≈ [f(x+h_i+h_j) − f(x+h_i−h_j) − f(x−h_i+h_j) + f(x−h_i−h_j)]/(4h_ih_j), symmetric.
 *
 * @example
 * numericHessian(([x, y]) => x! ** 2 * y!, [1, 2]).data // → ≈ [4, 2, 2, 0]
 */
export function numericHessian(f: (x: Float64Array) => number, x: ArrayLike<number>, options: { relStep?: number } = {}): Matrix {
  const xv = perturbed(x);
  const n = xv.length;
  const rel = options.relStep ?? EPS ** 0.25;
  const h = Array.from(xv, (v) => Math.abs(stepFor(v, rel)));
  const H = new Float64Array(n * n);
  const at = (di: number, si: number, dj: number, sj: number): number => {
    const p = Float64Array.from(xv);
    p[di]! += si * h[di]!;
    p[dj]! += sj * h[dj]!;
    return f(p);
  };
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const v = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h[i]! * h[j]!);
      H[i * n + j] = v;
      H[j * n + i] = v;
    }
  }
  return { rows: n, cols: n, data: H };
}

/**
 * The rate of change of f at x along `direction`: ∇f·u with u = direction/‖direction‖ (or the raw
 * direction with `normalize: false`), by a central difference along the line.
 *
 * @example
 * directionalDerivative(([x, y]) => x! ** 2 + y! ** 2, [1, 1], [1, 1]) // → ≈ 2.8284271 (2√2)
 */
export function directionalDerivative(
  f: (x: Float64Array) => number,
  x: ArrayLike<number>,
  direction: ArrayLike<number>,
  options: { normalize?: boolean } = {},
): number {
  const xv = perturbed(x);
  if (direction.length !== xv.length) throw new ShapeError(`directionalDerivative: x has length ${xv.length}, direction ${direction.length}`);
  let norm = 0;
  for (let i = 0; i < direction.length; i++) norm += direction[i]! ** 2;
  norm = Math.sqrt(norm);
  if (norm === 0) throw new DomainError('directionalDerivative: the direction is the zero vector');
  const scale = options.normalize === false ? 1 : 1 / norm;
  let xmax = 1;
  for (const v of xv) xmax = Math.max(xmax, Math.abs(v));
  const t = (Math.cbrt(EPS) * xmax) / (norm * scale);
  const along = (s: number) => f(Float64Array.from(xv, (v, i) => v + s * scale * direction[i]!));
  return (along(t) - along(-t)) / (2 * t);
}

/** What `checkGradient` found. */
export interface GradientCheck {
  /** The worst relative error |g_i − ĝ_i| / max(|g_i|, |ĝ_i|, 1e−8) over components. */
  maxRelError: number;
  /** Component where it occurs. */
  index: number;
  analytic: Float64Array;
  numeric: Float64Array;
  /** maxRelError ≤ tolerance. */
  ok: boolean;
}

/**
 * Compare an analytic gradient with central differences and report the worst relative error.
 *
 * @example
 * checkGradient(([x, y]) => x! * y!, ([x, y]) => [y!, x!], [2, 3]).ok // → true
 */
export function checkGradient(
  f: (x: Float64Array) => number,
  grad: (x: Float64Array) => ArrayLike<number>,
  x: ArrayLike<number>,
  options: { tolerance?: number } = {},
): GradientCheck {
  const tolerance = options.tolerance ?? 1e-6;
  const xv = perturbed(x);
  const analytic = Float64Array.from(grad(Float64Array.from(xv)));
  const numeric = numericGradient(f, xv);
  if (analytic.length !== numeric.length) {
    throw new ShapeError(`checkGradient: grad returned ${analytic.length} components for x of length ${numeric.length}`);
  }
  let worst = 0, index = -1;
  for (let i = 0; i < numeric.length; i++) {
    const a = analytic[i]!, b = numeric[i]!;
    const rel = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-8);
    if (!(rel <= worst)) {
      worst = rel;
      index = i;
    }
  }
  return { maxRelError: worst, index, analytic, numeric, ok: worst <= tolerance };
}
