/**
 * Float64Array kernels behind the tensor ops: shapes, broadcasting element-wise loops and
 * reductions along an axis (the blocked matrix products are in matmul.ts). No allocation inside
 * the loops; callers pass `out`.
 */
import { ShapeError } from '../core/errors.js';

/** Number of elements of a shape (1 for a scalar `[]`). */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** `[2,3]` → `'[2, 3]'`, for messages. */
export function fmtShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** Row-major strides of a shape. */
export function stridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i]!;
  }
  return s;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** NumPy broadcasting: align right, each pair equal or one of them 1. */
export function broadcastShapes(op: string, a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new ShapeError(`${op}: shapes ${fmtShape(a)} and ${fmtShape(b)} do not broadcast (axis ${i}: ${da} vs ${db})`);
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** Strides of `shape` read as if broadcast to `target` (0 on stretched axes). */
function broadcastStrides(shape: readonly number[], target: readonly number[]): number[] {
  const own = stridesOf(shape);
  const off = target.length - shape.length;
  return target.map((d, i) => (i < off || shape[i - off] === 1 ? 0 : own[i - off]!));
}

/** Copy `src` (of `shape`) broadcast to `target` into `out`. */
export function broadcastInto(src: Float64Array, shape: readonly number[], target: readonly number[], out: Float64Array): void {
  const n = out.length;
  if (src.length === n) {
    out.set(src);
    return;
  }
  if (src.length === 1) {
    out.fill(src[0]!);
    return;
  }
  const st = broadcastStrides(shape, target);
  const nd = target.length;
  const idx = new Array<number>(nd).fill(0);
  let p = 0;
  for (let i = 0; i < n; i++) {
    out[i] = src[p]!;
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]!++;
      p += st[d]!;
      if (idx[d]! < target[d]!) break;
      p -= st[d]! * target[d]!;
      idx[d] = 0;
    }
  }
}

/** Binary element-wise kernel codes with dedicated loops. */
export type BinaryCode = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'max' | 'min' | 'eq' | 'gt' | 'ge' | 'lt' | 'le';

function apply(code: BinaryCode, x: number, y: number): number {
  switch (code) {
    case 'add': return x + y;
    case 'sub': return x - y;
    case 'mul': return x * y;
    case 'div': return x / y;
    case 'pow': return Math.pow(x, y);
    case 'max': return x >= y ? x : y;
    case 'min': return x <= y ? x : y;
    case 'eq': return x === y ? 1 : 0;
    case 'gt': return x > y ? 1 : 0;
    case 'ge': return x >= y ? 1 : 0;
    case 'lt': return x < y ? 1 : 0;
    case 'le': return x <= y ? 1 : 0;
  }
}

/**
 * out = a ∘ b with broadcasting. Same shapes, a scalar side, and "matrix ∘ row vector" (the bias
 * add) get tight loops; everything else walks broadcast strides.
 */
export function binaryInto(
  code: BinaryCode,
  a: Float64Array, sa: readonly number[],
  b: Float64Array, sb: readonly number[],
  outShape: readonly number[], out: Float64Array,
): void {
  const n = out.length;
  if (a.length === n && b.length === n) {
    switch (code) {
      case 'add': for (let i = 0; i < n; i++) out[i] = a[i]! + b[i]!; return;
      case 'sub': for (let i = 0; i < n; i++) out[i] = a[i]! - b[i]!; return;
      case 'mul': for (let i = 0; i < n; i++) out[i] = a[i]! * b[i]!; return;
      case 'div': for (let i = 0; i < n; i++) out[i] = a[i]! / b[i]!; return;
      default: for (let i = 0; i < n; i++) out[i] = apply(code, a[i]!, b[i]!); return;
    }
  }
  if (b.length === 1) {
    const y = b[0]!;
    switch (code) {
      case 'add': for (let i = 0; i < n; i++) out[i] = a[i]! + y; return;
      case 'sub': for (let i = 0; i < n; i++) out[i] = a[i]! - y; return;
      case 'mul': for (let i = 0; i < n; i++) out[i] = a[i]! * y; return;
      case 'div': for (let i = 0; i < n; i++) out[i] = a[i]! / y; return;
      default: for (let i = 0; i < n; i++) out[i] = apply(code, a[i]!, y); return;
    }
  }
  if (a.length === 1) {
    const x = a[0]!;
    for (let i = 0; i < n; i++) out[i] = apply(code, x, b[i]!);
    return;
  }
  const last = outShape[outShape.length - 1] ?? 1;
  // Matrix ∘ row: b broadcasts along every axis but the last (z = a@W + b).
  if (a.length === n && b.length === last && sb[sb.length - 1] === last) {
    for (let r = 0; r < n; r += last) {
      if (code === 'add') for (let j = 0; j < last; j++) out[r + j] = a[r + j]! + b[j]!;
      else for (let j = 0; j < last; j++) out[r + j] = apply(code, a[r + j]!, b[j]!);
    }
    return;
  }
  const stA = broadcastStrides(sa, outShape);
  const stB = broadcastStrides(sb, outShape);
  const nd = outShape.length;
  const idx = new Array<number>(nd).fill(0);
  let pa = 0;
  let pb = 0;
  for (let i = 0; i < n; i++) {
    out[i] = apply(code, a[pa]!, b[pb]!);
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]!++;
      pa += stA[d]!;
      pb += stB[d]!;
      if (idx[d]! < outShape[d]!) break;
      pa -= stA[d]! * outShape[d]!;
      pb -= stB[d]! * outShape[d]!;
      idx[d] = 0;
    }
  }
}

/**
 * Reduce along `axes` (sorted, unique) by sum or max; `out` has the kept shape's size.
 * The input is viewed as [outer, axis, inner] per reduced axis run, so one pass suffices.
 */
export function reduceInto(kind: 'sum' | 'max', x: Float64Array, shape: readonly number[], axes: readonly number[], out: Float64Array): void {
  const nd = shape.length;
  const reduced = new Array<boolean>(nd).fill(false);
  for (const a of axes) reduced[a] = true;
  // Output strides in the input's index space (0 on reduced axes).
  const outStr = new Array<number>(nd);
  let acc = 1;
  for (let d = nd - 1; d >= 0; d--) {
    if (reduced[d]) outStr[d] = 0;
    else {
      outStr[d] = acc;
      acc *= shape[d]!;
    }
  }
  out.fill(kind === 'sum' ? 0 : -Infinity);
  const n = x.length;
  // Fast path: reduce over all leading axes of a 2-D view (column sums, e.g. db = Σ_rows dz).
  if (nd === 2 && reduced[0] && !reduced[1]) {
    const cols = shape[1]!;
    for (let r = 0; r < n; r += cols) {
      if (kind === 'sum') for (let j = 0; j < cols; j++) out[j]! += x[r + j]!;
      else for (let j = 0; j < cols; j++) if (x[r + j]! > out[j]! || Number.isNaN(x[r + j]!)) out[j] = x[r + j]!;
    }
    return;
  }
  const idx = new Array<number>(nd).fill(0);
  let p = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    if (kind === 'sum') out[p]! += v;
    else if (v > out[p]! || Number.isNaN(v)) out[p] = v;
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]!++;
      p += outStr[d]!;
      if (idx[d]! < shape[d]!) break;
      p -= outStr[d]! * shape[d]!;
      idx[d] = 0;
    }
  }
}
