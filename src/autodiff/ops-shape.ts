/**
 * Shape ops and reductions with their VJPs: reshape, transpose, broadcastTo, sum, mean, max,
 * take (indexing) and its transpose scatterAdd, index, slice, concat.
 */
import { ArgumentError, ShapeError } from '../core/errors.js';
import { broadcastInto, broadcastShapes, fmtShape, reduceInto, sameShape, shapeSize, stridesOf } from './kernels.js';
import { sumTo } from './ops-elementwise.js';
import { Tensor, opTable, record, tensor, type TensorLike } from './tensor.js';

function normAxis(op: string, axis: number, nd: number): number {
  const a = axis < 0 ? axis + nd : axis;
  if (!Number.isInteger(a) || a < 0 || a >= nd) throw new ShapeError(`${op}: axis ${axis} is out of range for a ${nd}-d tensor`);
  return a;
}

function normAxes(op: string, axis: number | readonly number[] | undefined, nd: number): number[] {
  if (axis === undefined) return Array.from({ length: nd }, (_, i) => i);
  const list = typeof axis === 'number' ? [axis] : [...axis];
  return [...new Set(list.map((a) => normAxis(op, a, nd)))].sort((p, q) => p - q);
}

function keptShape(shape: readonly number[], axes: readonly number[], keepdims: boolean): number[] {
  const out: number[] = [];
  shape.forEach((d, i) => {
    if (!axes.includes(i)) out.push(d);
    else if (keepdims) out.push(1);
  });
  return out;
}

opTable['reshape'] = (v: TensorLike, shape: readonly number[]): Tensor => {
  const x = tensor(v);
  const s = [...shape];
  const free = s.indexOf(-1);
  if (free >= 0) {
    const known = shapeSize(s.filter((d) => d !== -1));
    s[free] = known === 0 ? 0 : x.size / known;
  }
  if (shapeSize(s) !== x.size || s.some((d) => !Number.isInteger(d) || d < 0)) {
    throw new ShapeError(`reshape: cannot reshape ${fmtShape(x.shape)} (${x.size} values) to ${fmtShape(shape)}`);
  }
  if (sameShape(s, x.shape)) return x;
  const y = new Tensor(x.data, s);
  return record(y, 'reshape', [x], (g) => [g.reshape(x.shape)]);
};

opTable['transpose'] = (v: TensorLike, axesIn?: readonly number[]): Tensor => {
  const x = tensor(v);
  const nd = x.ndim;
  const axes = axesIn ? axesIn.map((a) => normAxis('transpose', a, nd)) : Array.from({ length: nd }, (_, i) => nd - 1 - i);
  if (axes.length !== nd || new Set(axes).size !== nd) {
    throw new ShapeError(`transpose: axes [${axesIn?.join(', ')}] are not a permutation for shape ${fmtShape(x.shape)}`);
  }
  const shape = axes.map((a) => x.shape[a]!);
  const out = new Float64Array(x.size);
  if (nd === 2) {
    const [r, c] = x.shape as [number, number];
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = x.data[i * c + j]!;
  } else if (nd <= 1) {
    out.set(x.data);
  } else {
    const inStr = stridesOf(x.shape);
    const st = axes.map((a) => inStr[a]!);
    const idx = new Array<number>(nd).fill(0);
    let p = 0;
    for (let i = 0; i < out.length; i++) {
      out[i] = x.data[p]!;
      for (let d = nd - 1; d >= 0; d--) {
        idx[d]!++;
        p += st[d]!;
        if (idx[d]! < shape[d]!) break;
        p -= st[d]! * shape[d]!;
        idx[d] = 0;
      }
    }
  }
  const inverse = new Array<number>(nd);
  axes.forEach((a, i) => (inverse[a] = i));
  return record(new Tensor(out, shape), 'transpose', [x], (g) => [g.transpose(inverse)]);
};

opTable['broadcastTo'] = (v: TensorLike, shape: readonly number[]): Tensor => {
  const x = tensor(v);
  const target = broadcastShapes('broadcastTo', x.shape, shape);
  if (!sameShape(target, shape)) throw new ShapeError(`broadcastTo: cannot broadcast ${fmtShape(x.shape)} to ${fmtShape(shape)}`);
  if (sameShape(x.shape, shape)) return x;
  const out = new Float64Array(shapeSize(shape));
  broadcastInto(x.data, x.shape, shape, out);
  return record(new Tensor(out, [...shape]), 'broadcastTo', [x], (g) => [sumTo(g, x.shape)]);
};

// Σ over axes; VJP: the cotangent broadcast back over the summed axes.
opTable['sum'] = (v: TensorLike, axis?: number | readonly number[], keepdims = false): Tensor => {
  const x = tensor(v);
  const axes = normAxes('sum', axis, x.ndim);
  const kshape = keptShape(x.shape, axes, true);
  const out = new Float64Array(shapeSize(kshape));
  reduceInto('sum', x.data, x.shape, axes, out);
  const y = new Tensor(out, keptShape(x.shape, axes, keepdims));
  return record(y, 'sum', [x], (g) => [g.reshape(kshape).broadcastTo(x.shape)]);
};

opTable['mean'] = (v: TensorLike, axis?: number | readonly number[], keepdims = false): Tensor => {
  const x = tensor(v);
  const axes = normAxes('mean', axis, x.ndim);
  let n = 1;
  for (const a of axes) n *= x.shape[a]!;
  return x.sum(axes, keepdims).div(n);
};

// max over axes; VJP: the cotangent shared equally by the entries that attain the max.
opTable['max'] = (v: TensorLike, axis?: number | readonly number[], keepdims = false): Tensor => {
  const x = tensor(v);
  if (x.size === 0) throw new ShapeError('max: empty tensor');
  const axes = normAxes('max', axis, x.ndim);
  const kshape = keptShape(x.shape, axes, true);
  const out = new Float64Array(shapeSize(kshape));
  reduceInto('max', x.data, x.shape, axes, out);
  const y = new Tensor(out, keptShape(x.shape, axes, keepdims));
  return record(y, 'max', [x], (g) => {
    const yk = new Tensor(out, kshape);
    const mask = x.detach().eq(yk);
    const count = mask.sum(axes, true);
    return [g.reshape(kshape).div(count).mul(mask)];
  });
};

function takeKernel(x: Tensor, idx: readonly number[], axis: number): Tensor {
  const outer = shapeSize(x.shape.slice(0, axis));
  const inner = shapeSize(x.shape.slice(axis + 1));
  const n = x.shape[axis]!;
  const k = idx.length;
  const out = new Float64Array(outer * k * inner);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < k; j++) {
      const src = (o * n + idx[j]!) * inner;
      out.set(x.data.subarray(src, src + inner), (o * k + j) * inner);
    }
  }
  const shape = [...x.shape];
  shape[axis] = k;
  return new Tensor(out, shape);
}

function checkIndices(op: string, idx: readonly number[], n: number): number[] {
  return idx.map((i) => {
    const j = i < 0 ? i + n : i;
    if (!Number.isInteger(j) || j < 0 || j >= n) throw new ShapeError(`${op}: index ${i} is out of range for an axis of length ${n}`);
    return j;
  });
}

// take(x, idx, axis): gather; VJP: scatter-add the cotangent back to the taken positions.
opTable['take'] = (v: TensorLike, indices: readonly number[], axisIn = 0): Tensor => {
  const x = tensor(v);
  const axis = normAxis('take', axisIn, x.ndim);
  const idx = checkIndices('take', indices, x.shape[axis]!);
  const y = takeKernel(x, idx, axis);
  return record(y, 'take', [x], (g) => [opTable['scatterAdd']!(g, idx, axis, x.shape[axis]!)]);
};

// scatterAdd(g, idx, axis, n): the transpose of take; its VJP is take again.
opTable['scatterAdd'] = (v: TensorLike, idx: readonly number[], axis: number, n: number): Tensor => {
  const g = tensor(v);
  const outer = shapeSize(g.shape.slice(0, axis));
  const inner = shapeSize(g.shape.slice(axis + 1));
  const k = idx.length;
  const shape = [...g.shape];
  shape[axis] = n;
  const out = new Float64Array(shapeSize(shape));
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < k; j++) {
      const dst = (o * n + idx[j]!) * inner;
      const src = (o * k + j) * inner;
      for (let t = 0; t < inner; t++) out[dst + t]! += g.data[src + t]!;
    }
  }
  return record(new Tensor(out, shape), 'scatterAdd', [g], (h) => [h.take(idx, axis)]);
};

opTable['index'] = (v: TensorLike, i: number): Tensor => {
  const x = tensor(v);
  if (x.ndim === 0) throw new ShapeError('index: cannot index a scalar tensor');
  return x.take([i], 0).reshape(x.shape.slice(1));
};

opTable['slice'] = (v: TensorLike, axisIn: number, start: number, end: number): Tensor => {
  const x = tensor(v);
  const axis = normAxis('slice', axisIn, x.ndim);
  const n = x.shape[axis]!;
  const s = Math.max(0, start < 0 ? start + n : start);
  const e = Math.min(n, end < 0 ? end + n : end);
  if (!(e >= s)) throw new ShapeError(`slice: empty or reversed range ${start}:${end} on an axis of length ${n}`);
  return x.take(Array.from({ length: e - s }, (_, i) => s + i), axis);
};

// concat: every part keeps its own slice of the cotangent.
opTable['concat'] = (parts: readonly TensorLike[], axisIn = 0): Tensor => {
  if (parts.length === 0) throw new ArgumentError('concat: no tensors given');
  const ts = parts.map((p) => tensor(p));
  const first = ts[0]!;
  const axis = normAxis('concat', axisIn, first.ndim);
  for (const t of ts) {
    const ok = t.ndim === first.ndim && t.shape.every((d, i) => i === axis || d === first.shape[i]);
    if (!ok) throw new ShapeError(`concat: shapes ${fmtShape(first.shape)} and ${fmtShape(t.shape)} differ off axis ${axis}`);
  }
  const outer = shapeSize(first.shape.slice(0, axis));
  const inner = shapeSize(first.shape.slice(axis + 1));
  const total = ts.reduce((s, t) => s + t.shape[axis]!, 0);
  const shape = [...first.shape];
  shape[axis] = total;
  const out = new Float64Array(shapeSize(shape));
  let off = 0;
  const offsets: number[] = [];
  for (const t of ts) {
    offsets.push(off);
    const len = t.shape[axis]! * inner;
    for (let o = 0; o < outer; o++) out.set(t.data.subarray(o * len, (o + 1) * len), o * total * inner + off * inner);
    off += t.shape[axis]!;
  }
  return record(new Tensor(out, shape), 'concat', ts, (g) => ts.map((t, i) => g.slice(axis, offsets[i]!, offsets[i]! + t.shape[axis]!)));
};
