/**
 * Selection and stable reductions: min, argmax/argmin, gather (PyTorch's `torch.gather`) with its
 * transpose scatter, stack, logsumexp, logSoftmax and softmax. Everything differentiable is built
 * from recorded ops or has its VJP beside it.
 */
import { ArgumentError, ShapeError } from '../core/errors.js';
import { fmtShape, shapeSize, stridesOf } from './kernels.js';
import { Tensor, opTable, record, tensor, type TensorLike } from './tensor.js';

function axisOf(op: string, axis: number, nd: number): number {
  const a = axis < 0 ? axis + nd : axis;
  if (!Number.isInteger(a) || a < 0 || a >= nd) throw new ShapeError(`${op}: axis ${axis} is out of range for a ${nd}-d tensor`);
  return a;
}

// min = −max(−x): ties share the gradient, as for max.
opTable['min'] = (v: TensorLike, axis?: number | readonly number[], keepdims = false): Tensor => {
  const x = tensor(v);
  if (x.size === 0) throw new ShapeError('min: empty tensor');
  return x.neg().max(axis, keepdims).neg();
};

/** Index of the largest (or smallest) entry along `axis`, first on ties; all axes flattened when omitted. */
function argExtreme(op: string, v: TensorLike, axisIn: number | undefined, keepdims: boolean, larger: boolean): Tensor {
  const x = tensor(v);
  if (x.size === 0) throw new ShapeError(`${op}: empty tensor`);
  const flat = axisIn === undefined;
  const shape = flat ? [x.size] : x.shape;
  const axis = flat ? 0 : axisOf(op, axisIn, x.ndim);
  const n = shape[axis]!;
  const outer = shapeSize(shape.slice(0, axis));
  const inner = shapeSize(shape.slice(axis + 1));
  const out = new Float64Array(outer * inner);
  const d = x.data;
  for (let o = 0; o < outer; o++) {
    for (let t = 0; t < inner; t++) {
      let best = 0;
      let bv = d[o * n * inner + t]!;
      for (let i = 1; i < n && !Number.isNaN(bv); i++) {
        const w = d[(o * n + i) * inner + t]!;
        // NaN wins, as NumPy's argmax: it is the first NaN's index.
        if (Number.isNaN(w) || (larger ? w > bv : w < bv)) {
          best = i;
          bv = w;
        }
      }
      out[o * inner + t] = best;
    }
  }
  let outShape = flat ? [] : shape.filter((_, i) => i !== axis);
  if (keepdims) outShape = flat ? x.shape.map(() => 1) : shape.map((s, i) => (i === axis ? 1 : s));
  return new Tensor(out, outShape);
}

opTable['argmax'] = (v: TensorLike, axis?: number, keepdims = false): Tensor => argExtreme('argmax', v, axis, keepdims, true);
opTable['argmin'] = (v: TensorLike, axis?: number, keepdims = false): Tensor => argExtreme('argmin', v, axis, keepdims, false);

/**
 * Flat source offsets of `torch.gather(x, axis, index)`: out[p] = x[src[p]], where the output
 * position p (index's shape) reads x at the same coordinates except index[p] on `axis`.
 */
function gatherOffsets(x: Tensor, axis: number, index: Tensor): Int32Array {
  if (index.ndim !== x.ndim) throw new ShapeError(`gather: index ${fmtShape(index.shape)} must have as many axes as x ${fmtShape(x.shape)}`);
  for (let d = 0; d < x.ndim; d++) {
    if (d !== axis && index.shape[d]! > x.shape[d]!) throw new ShapeError(`gather: index ${fmtShape(index.shape)} is larger than x ${fmtShape(x.shape)} on axis ${d}`);
  }
  const xs = stridesOf(x.shape);
  const nd = index.ndim;
  const src = new Int32Array(index.size);
  const idx = new Array<number>(nd).fill(0);
  const n = x.shape[axis]!;
  for (let p = 0; p < index.size; p++) {
    const k = index.data[p]!;
    const j = k < 0 ? k + n : k;
    if (!Number.isInteger(j) || j < 0 || j >= n) throw new ShapeError(`gather: index ${k} is out of range for an axis of length ${n}`);
    let off = 0;
    for (let d = 0; d < nd; d++) off += (d === axis ? j : idx[d]!) * xs[d]!;
    src[p] = off;
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d]! < index.shape[d]!) break;
      idx[d] = 0;
    }
  }
  return src;
}

function gatherFlat(x: Tensor, src: Int32Array, shape: readonly number[]): Tensor {
  const out = new Float64Array(src.length);
  for (let p = 0; p < src.length; p++) out[p] = x.data[src[p]!]!;
  return record(new Tensor(out, [...shape]), 'gather', [x], (g) => [scatterFlat(g, src, x.shape)]);
}

/** The transpose of gather: zeros of `shape` with g added at the gathered offsets. */
function scatterFlat(g: Tensor, src: Int32Array, shape: readonly number[]): Tensor {
  const out = new Float64Array(shapeSize(shape));
  for (let p = 0; p < src.length; p++) out[src[p]!]! += g.data[p]!;
  return record(new Tensor(out, [...shape]), 'scatter', [g], (h) => [gatherFlat(h, src, g.shape)]);
}

opTable['gather'] = (v: TensorLike, axisIn: number, indexIn: TensorLike): Tensor => {
  const x = tensor(v);
  const index = tensor(indexIn);
  const axis = axisOf('gather', axisIn, x.ndim);
  return gatherFlat(x, gatherOffsets(x, axis, index), index.shape);
};

// stack: every part gets a new axis of length 1, then they are joined along it.
opTable['stack'] = (parts: readonly TensorLike[], axisIn = 0): Tensor => {
  if (!Array.isArray(parts) || parts.length === 0) throw new ArgumentError('stack: no tensors given');
  const ts = parts.map((p) => tensor(p));
  const first = ts[0]!;
  for (const t of ts) {
    if (t.shape.length !== first.shape.length || t.shape.some((d, i) => d !== first.shape[i])) {
      throw new ShapeError(`stack: shapes ${fmtShape(first.shape)} and ${fmtShape(t.shape)} differ`);
    }
  }
  const axis = axisOf('stack', axisIn, first.ndim + 1);
  const shape = [...first.shape];
  shape.splice(axis, 0, 1);
  return Tensor.concat(ts.map((t) => t.reshape(shape)), axis);
};

// logΣ e^x = m + logΣ e^{x − m} with m the (constant) max; rows that are all −∞ keep m = 0.
opTable['logsumexp'] = (v: TensorLike, axis: number | readonly number[] | undefined, keepdims = false): Tensor => {
  const x = tensor(v);
  const m = x.max(axis, true).detach();
  for (let i = 0; i < m.data.length; i++) if (!Number.isFinite(m.data[i]!)) m.data[i] = 0;
  const r = x.sub(m).exp().sum(axis, true).log().add(m);
  if (keepdims) return r;
  const axes = axis === undefined ? x.shape.map((_, i) => i) : (typeof axis === 'number' ? [axis] : [...axis]).map((a) => axisOf('logsumexp', a, x.ndim));
  return r.reshape(x.shape.filter((_, i) => !axes.includes(i)));
};

// (x − m) − logΣ e^{x − m}: subtracting the max first keeps the digits of x − m (1000 − 1000.69… would lose them).
opTable['logSoftmax'] = (v: TensorLike, axis = -1): Tensor => {
  const x = tensor(v);
  const m = x.max(axis, true).detach();
  for (let i = 0; i < m.data.length; i++) if (!Number.isFinite(m.data[i]!)) m.data[i] = 0;
  const s = x.sub(m);
  return s.sub(s.exp().sum(axis, true).log());
};

opTable['softmax'] = (v: TensorLike, axis = -1): Tensor => {
  const x = tensor(v);
  const e = x.sub(x.max(axis, true).detach()).exp();
  return e.div(e.sum(axis, true));
};
