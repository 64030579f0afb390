/** Integrals of sampled data: trapezoid, Simpson and the cumulative trapezoid. */
import { ArgumentError, ShapeError, describeValue } from '../core/index.js';

/** Where the samples are: `x` (any spacing) or a uniform `dx` (default 1). */
export interface SampleSpacing {
  x?: ArrayLike<number>;
  dx?: number;
}

function spacing(y: ArrayLike<number>, s: SampleSpacing, op: string): (i: number) => number {
  if (s.x !== undefined) {
    const x = s.x;
    if (x.length !== y.length) throw new ShapeError(`${op}: y has ${y.length} samples, x has ${x.length}`);
    return (i) => x[i + 1]! - x[i]!;
  }
  const dx = s.dx ?? 1;
  if (!Number.isFinite(dx)) throw new ArgumentError(`${op}: dx must be finite, got ${describeValue(dx)}`);
  return () => dx;
}

/**
 * The trapezoid rule Σ (x_{i+1} − x_i)·(y_i + y_{i+1})/2.
 *
 * @example
 * trapezoid([0, 1, 4], { x: [0, 1, 2] }) // → 3
 */
export function trapezoid(y: ArrayLike<number>, spacingOptions: SampleSpacing = {}): number {
  const h = spacing(y, spacingOptions, 'trapezoid');
  let s = 0;
  for (let i = 0; i + 1 < y.length; i++) s += (h(i) * (y[i]! + y[i + 1]!)) / 2;
  return s;
}

/**
 * Running trapezoid integral: value i is ∫ from x_0 to x_{i+1} (length n − 1), or with `initial`
 * prepended (length n), as SciPy's `cumulative_trapezoid`.
 *
 * @example
 * cumulativeTrapezoid([0, 1, 2, 3], { initial: 0 }) // → Float64Array [0, 0.5, 2, 4.5]
 */
export function cumulativeTrapezoid(y: ArrayLike<number>, options: SampleSpacing & { initial?: number } = {}): Float64Array {
  const h = spacing(y, options, 'cumulativeTrapezoid');
  const n = Math.max(0, y.length - 1);
  const off = options.initial === undefined ? 0 : 1;
  const out = new Float64Array(n + off);
  if (off) out[0] = options.initial!;
  // SciPy adds `initial` only as the first element; the running sums start from 0.
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc += (h(i) * (y[i]! + y[i + 1]!)) / 2;
    out[i + off] = acc;
  }
  return out;
}

/**
 * Composite Simpson's rule, exact for cubics. Each pair of intervals (h₀, h₁) contributes
 * (h₀+h₁)/6·[(2 − h₁/h₀)y₀ + (h₀+h₁)²/(h₀h₁)·y₁ + (2 − h₀/h₁)y₂] (uneven spacing allowed). With an
 * odd number of intervals the last one gets Cartwright's correction, as SciPy ≥ 1.11 does:
 * α·y_n + β·y_{n−1} − η·y_{n−2}, α = (2h₁² + 3h₀h₁)/(6(h₀+h₁)), β = (h₁² + 3h₀h₁)/(6h₀),
 * η = h₁³/(6h₀(h₀+h₁)).
 *
 * @example
 * simpson([0, 1, 8, 27, 64], { dx: 1 }) // → 64  (∫₀⁴ x³ = 64)
 */
export function simpson(y: ArrayLike<number>, spacingOptions: SampleSpacing = {}): number {
  const h = spacing(y, spacingOptions, 'simpson');
  const n = y.length;
  if (n < 2) return 0;
  if (n === 2) return trapezoid(y, spacingOptions);
  const pairsEnd = n % 2 === 1 ? n - 1 : n - 2; // last index covered by whole pairs
  let s = 0;
  for (let i = 0; i + 2 <= pairsEnd; i += 2) {
    const h0 = h(i), h1 = h(i + 1);
    const hs = h0 + h1;
    s += (hs / 6) * ((2 - h1 / h0) * y[i]! + ((hs * hs) / (h0 * h1)) * y[i + 1]! + (2 - h0 / h1) * y[i + 2]!);
  }
  if (n % 2 === 0) {
    const h0 = h(n - 3), h1 = h(n - 2);
    const alpha = (2 * h1 * h1 + 3 * h0 * h1) / (6 * (h0 + h1));
    const beta = (h1 * h1 + 3 * h0 * h1) / (6 * h0);
    const eta = (h1 * h1 * h1) / (6 * h0 * (h0 + h1));
    s += alpha * y[n - 1]! + beta * y[n - 2]! - eta * y[n - 3]!;
  }
  return s;
}
