/**
 * One-dimensional Float64Array helpers: ranges, grids, running sums and elementwise arithmetic.
 * Only what the lessons and solvers use; every function returns a fresh array.
 */
import { ArgumentError, ShapeError, describeValue } from '../core/index.js';

/**
 * `num` evenly spaced values from `start` to `stop` inclusive (NumPy's `linspace`: value i is
 * start + i·step with step = (stop − start)/(num − 1), and the last value is exactly `stop`).
 *
 * @example
 * linspace(0, 1, 5) // → Float64Array [0, 0.25, 0.5, 0.75, 1]
 */
export function linspace(start: number, stop: number, num = 50): Float64Array {
  if (!Number.isInteger(num) || num < 0) throw new ArgumentError(`linspace: num must be a non-negative integer, got ${describeValue(num)}`);
  if (!Number.isFinite(start) || !Number.isFinite(stop)) throw new ArgumentError(`linspace: start and stop must be finite, got ${describeValue(start)}, ${describeValue(stop)}`);
  if (num > 2 ** 31) throw new ArgumentError(`linspace: num = ${num} is too large for one Float64Array`);
  const out = new Float64Array(num);
  if (num === 0) return out;
  if (num === 1) {
    out[0] = start;
    return out;
  }
  const div = num - 1;
  const step = (stop - start) / div;
  for (let i = 0; i < num; i++) out[i] = start + i * step;
  out[num - 1] = stop;
  return out;
}

/**
 * Values start, start+step, … below `stop` (above it for a negative step), following NumPy's
 * `arange`: length ⌈(stop − start)/step⌉ and value i = start + i·step, so
 * `arange(-10, 10, 0.1)` has 200 entries even though 0.1 is not exact in binary.
 *
 * @example
 * arange(0, 1, 0.25) // → Float64Array [0, 0.25, 0.5, 0.75]
 */
export function arange(start: number, stop?: number, step = 1): Float64Array {
  if (stop === undefined) {
    stop = start;
    start = 0;
  }
  if (step === 0 || !Number.isFinite(step)) throw new ArgumentError(`arange: step must be a finite non-zero number, got ${describeValue(step)}`);
  if (!Number.isFinite(start) || !Number.isFinite(stop)) throw new ArgumentError(`arange: start and stop must be finite, got ${describeValue(start)}, ${describeValue(stop)}`);
  const len = Math.max(0, Math.ceil((stop - start) / step));
  if (len > 2 ** 31) throw new ArgumentError(`arange: ${len} values is too many`);
  const out = new Float64Array(len);
  // NumPy fills from the first two values: delta = (start + step) − start, then start + i·delta.
  const delta = start + step - start;
  for (let i = 0; i < len; i++) out[i] = start + i * delta;
  return out;
}

/** The pair of coordinate grids returned by `meshgrid`, each row-major `rows × cols`. */
export interface Meshgrid {
  xv: Float64Array;
  yv: Float64Array;
  rows: number;
  cols: number;
}

/**
 * Coordinate grids from two axes. `indexing: 'xy'` (default, like NumPy) gives grids of shape
 * (ny, nx) with xv[i][j] = x[j]; `'ij'` gives (nx, ny) with xv[i][j] = x[i], yv[i][j] = y[j].
 *
 * @example
 * meshgrid([1, 2], [3, 4, 5], 'ij').yv // → Float64Array [3, 4, 5, 3, 4, 5]
 */
export function meshgrid(x: ArrayLike<number>, y: ArrayLike<number>, indexing: 'xy' | 'ij' = 'xy'): Meshgrid {
  const nx = x.length, ny = y.length;
  if (indexing === 'ij') {
    const xv = new Float64Array(nx * ny), yv = new Float64Array(nx * ny);
    for (let i = 0; i < nx; i++) for (let j = 0; j < ny; j++) {
      xv[i * ny + j] = x[i]!;
      yv[i * ny + j] = y[j]!;
    }
    return { xv, yv, rows: nx, cols: ny };
  }
  if (indexing !== 'xy') throw new ArgumentError(`meshgrid: indexing must be 'xy' or 'ij', got '${indexing as string}'`);
  const xv = new Float64Array(nx * ny), yv = new Float64Array(nx * ny);
  for (let i = 0; i < ny; i++) for (let j = 0; j < nx; j++) {
    xv[i * nx + j] = x[j]!;
    yv[i * nx + j] = y[i]!;
  }
  return { xv, yv, rows: ny, cols: nx };
}

/**
 * Running sum s_i = x_0 + … + x_i, accumulated left to right in float64 exactly as NumPy's
 * `cumsum` does for 1-D input.
 *
 * @example
 * cumsum([1, 2, 3]) // → Float64Array [1, 3, 6]
 */
export function cumsum(x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(x.length);
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    s += x[i]!;
    out[i] = s;
  }
  return out;
}

/**
 * Differences x_{i+1} − x_i (NumPy's `diff`, n times). Named `arrayDiff` because `diff` is the
 * symbolic derivative.
 *
 * @example
 * arrayDiff([1, 4, 9, 16]) // → Float64Array [3, 5, 7]
 */
export function arrayDiff(x: ArrayLike<number>, n = 1): Float64Array {
  let cur = Float64Array.from(x);
  for (let k = 0; k < n && cur.length > 0; k++) {
    const next = new Float64Array(Math.max(0, cur.length - 1));
    for (let i = 0; i < next.length; i++) next[i] = cur[i + 1]! - cur[i]!;
    cur = next;
  }
  return cur;
}

/**
 * Apply f to every element.
 *
 * @example
 * vmap([1, 2], (v) => v * v) // → Float64Array [1, 4]
 */
export function vmap(x: ArrayLike<number>, f: (v: number, i: number) => number): Float64Array {
  if (typeof f !== 'function') {
    throw new ArgumentError(
      typeof x === 'function'
        ? "vmap(x, f) applies f to every element of the array x; it is not JAX's vmap(f) transform: call vmap(x, f)"
        : `vmap(x, f): f must be a function, got ${f === null ? 'null' : typeof f}`,
    );
  }
  if (x === null || typeof x !== 'object' || typeof x.length !== 'number') throw new ArgumentError(`vmap(x, f): x must be an array of numbers, got ${x === null ? 'null' : typeof x}`);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = f(x[i]!, i);
  return out;
}

function sameLength(a: ArrayLike<number>, b: ArrayLike<number>, op: string): void {
  if (a.length !== b.length) throw new ShapeError(`${op}: lengths ${a.length} and ${b.length} differ`);
}

/**
 * Combine two arrays elementwise with f.
 *
 * @example
 * vzip([1, 2], [3, 4], Math.max) // → Float64Array [3, 4]
 */
export function vzip(a: ArrayLike<number>, b: ArrayLike<number>, f: (u: number, v: number) => number): Float64Array {
  sameLength(a, b, 'vzip');
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = f(a[i]!, b[i]!);
  return out;
}

/**
 * a + b, or a + s when b is a number.
 *
 * @example
 * vadd([1, 2], [3, 4]) // → Float64Array [4, 6]
 */
export function vadd(a: ArrayLike<number>, b: ArrayLike<number> | number): Float64Array {
  if (typeof b === 'number') return vmap(a, (v) => v + b);
  return vzip(a, b, (u, v) => u + v);
}

/**
 * a − b, or a − s when b is a number.
 *
 * @example
 * vsub([3, 4], [1, 1]) // → Float64Array [2, 3]
 */
export function vsub(a: ArrayLike<number>, b: ArrayLike<number> | number): Float64Array {
  if (typeof b === 'number') return vmap(a, (v) => v - b);
  return vzip(a, b, (u, v) => u - v);
}

/**
 * Elementwise a·b, or a·s when b is a number.
 *
 * @example
 * vmul([1, 2], 3) // → Float64Array [3, 6]
 */
export function vmul(a: ArrayLike<number>, b: ArrayLike<number> | number): Float64Array {
  if (typeof b === 'number') return vmap(a, (v) => v * b);
  return vzip(a, b, (u, v) => u * v);
}

/**
 * Elementwise a / b, or a / s when b is a number.
 *
 * @example
 * vdiv([2, 4], 2) // → Float64Array [1, 2]
 */
export function vdiv(a: ArrayLike<number>, b: ArrayLike<number> | number): Float64Array {
  if (typeof b === 'number') return vmap(a, (v) => v / b);
  return vzip(a, b, (u, v) => u / v);
}

/**
 * The dot product Σ a_i·b_i.
 *
 * @example
 * vdot([1, 2, 3], [4, 5, 6]) // → 32
 */
export function vdot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  sameLength(a, b, 'vdot');
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/**
 * The Euclidean norm ‖x‖₂ (scaled to avoid overflow), or the max-norm with `ord = Infinity`.
 *
 * @example
 * vnorm([3, 4]) // → 5
 */
export function vnorm(x: ArrayLike<number>, ord: 2 | 1 | typeof Infinity = 2): number {
  let scale = 0;
  for (let i = 0; i < x.length; i++) scale = Math.max(scale, Math.abs(x[i]!));
  if (ord === Infinity || scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  if (ord === 1) {
    for (let i = 0; i < x.length; i++) s += Math.abs(x[i]!);
    return s;
  }
  for (let i = 0; i < x.length; i++) s += (x[i]! / scale) ** 2;
  return scale * Math.sqrt(s);
}

/**
 * The sum of the elements (pairwise summation, as NumPy does, for a small rounding error).
 *
 * @example
 * vsum([0.1, 0.2, 0.3]) // → 0.6000000000000001
 */
export function vsum(x: ArrayLike<number>): number {
  return pairwise(x, 0, x.length);
}

function pairwise(x: ArrayLike<number>, lo: number, hi: number): number {
  // Plain loop on blocks of ≤ 128, halves combined above (depth log₂ n). Close to, not
  // bit-identical with, NumPy's unrolled pairwise sum.
  const n = hi - lo;
  if (n <= 128) {
    let s = 0;
    for (let i = lo; i < hi; i++) s += x[i]!;
    return s;
  }
  const mid = lo + 8 * Math.floor(n / 16);
  return pairwise(x, lo, mid) + pairwise(x, mid, hi);
}

/**
 * The index of the largest element (first on ties); −1 for an empty array.
 *
 * @example
 * argmax([1, 5, 5, 2]) // → 1
 */
export function argmax(x: ArrayLike<number>): number {
  let best = -1;
  for (let i = 0; i < x.length; i++) if (best < 0 || x[i]! > x[best]!) best = i;
  return best;
}

/**
 * The index of the smallest element (first on ties); −1 for an empty array.
 *
 * @example
 * argmin([3, 1, 1]) // → 1
 */
export function argmin(x: ArrayLike<number>): number {
  let best = -1;
  for (let i = 0; i < x.length; i++) if (best < 0 || x[i]! < x[best]!) best = i;
  return best;
}
