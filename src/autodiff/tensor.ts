/**
 * Float64 tensors with a shape, and the recording half of reverse mode: every op result keeps its
 * parents and a vector-Jacobian product (VJP) closure. VJPs are written with tensor ops, so while
 * a transform is nested (grad of grad) the backward pass records too and can be differentiated.
 *
 * Op implementations live in ops-*.ts and register themselves in `opTable`; the methods here only
 * dispatch, which keeps this file free of import cycles.
 */
import { ArgumentError, LimitError, ShapeError } from '../core/errors.js';
import { RandomState } from '../core/random.js';
import { fmtShape, shapeSize } from './kernels.js';

/** Nested number arrays, a number or a tensor: anything `tensor()` accepts. */
export type TensorLike = number | readonly TensorLike[] | Float64Array | Tensor;

/** VJP: given the cotangent of the output, the cotangents of the parents (null = no gradient). */
export type VjpFn = (g: Tensor) => Array<Tensor | null>;

/** Global recording switch: off during a backward pass that nobody will differentiate. */
export const tape = { recording: true, depth: 0 };

/** Ops registered by ops-*.ts, looked up by the Tensor methods. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const opTable: Record<string, (...args: any[]) => Tensor> = {};

function call(name: string, ...args: unknown[]): Tensor {
  const f = opTable[name];
  if (!f) throw new ArgumentError(`tensor op '${name}' is not loaded: import from 'nabla/autodiff' (index), not tensor.js`);
  return f(...args);
}

/**
 * A float64 tensor: row-major `data` and a `shape` (`[]` for a scalar). Immutable by convention.
 *
 * @example
 * const x = tensor([[1, 2], [3, 4]]);
 * x.mul(2).sum().item() // → 20
 */
export class Tensor {
  readonly data: Float64Array;
  readonly shape: readonly number[];
  /** True when this value depends on a variable some transform is differentiating. */
  traced = false;
  parents: Tensor[] | null = null;
  vjpFn: VjpFn | null = null;
  /** Op name, for messages and debugging. */
  op = 'const';
  /** This node's number in the backward walk that last met it (transforms.ts; -1 = none). */
  slot = -1;

  constructor(data: Float64Array, shape: readonly number[]) {
    if (data.length !== shapeSize(shape)) {
      throw new ShapeError(`tensor: ${data.length} values do not fill shape ${fmtShape(shape)}`);
    }
    this.data = data;
    this.shape = shape;
  }

  get size(): number {
    return this.data.length;
  }
  get ndim(): number {
    return this.shape.length;
  }

  /** The single value of a size-1 tensor. */
  item(): number {
    if (this.data.length !== 1) throw new ShapeError(`item: tensor of shape ${fmtShape(this.shape)} has ${this.data.length} values, not 1`);
    return this.data[0]!;
  }

  /** Nested arrays (a number for a scalar). */
  toArray(): number | number[] | number[][] | unknown[] {
    if (this.shape.length === 0) return this.data[0]!;
    const build = (dim: number, off: number): unknown[] => {
      const n = this.shape[dim]!;
      if (dim === this.shape.length - 1) return Array.from(this.data.subarray(off, off + n));
      const stride = shapeSize(this.shape.slice(dim + 1));
      return Array.from({ length: n }, (_, i) => build(dim + 1, off + i * stride));
    };
    return build(0, 0);
  }

  toString(): string {
    return `Tensor(${JSON.stringify(this.toArray())}, shape=${fmtShape(this.shape)})`;
  }

  /** A constant copy cut from the graph. */
  detach(): Tensor {
    return new Tensor(this.data, this.shape);
  }

  add(b: TensorLike): Tensor { return call('add', this, b); }
  sub(b: TensorLike): Tensor { return call('sub', this, b); }
  mul(b: TensorLike): Tensor { return call('mul', this, b); }
  div(b: TensorLike): Tensor { return call('div', this, b); }
  pow(b: TensorLike): Tensor { return call('pow', this, b); }
  neg(): Tensor { return call('neg', this); }
  exp(): Tensor { return call('exp', this); }
  log(): Tensor { return call('log', this); }
  sqrt(): Tensor { return call('sqrt', this); }
  abs(): Tensor { return call('abs', this); }
  sin(): Tensor { return call('sin', this); }
  cos(): Tensor { return call('cos', this); }
  tanh(): Tensor { return call('tanh', this); }
  sigmoid(): Tensor { return call('sigmoid', this); }
  relu(): Tensor { return call('relu', this); }
  softplus(): Tensor { return call('softplus', this); }
  square(): Tensor { return call('mul', this, this); }
  /** Element-wise max with another tensor (gradient goes to the larger side). */
  maximum(b: TensorLike): Tensor { return call('maximum', this, b); }
  /** Clip into [lo, hi]; the gradient is zero where clipped. */
  clip(lo: number, hi: number): Tensor { return call('clip', this, lo, hi); }
  /** Matrix product (2-D · 2-D; 1-D operands are treated as row/column vectors and squeezed). */
  matmul(b: TensorLike): Tensor { return call('matmul', this, b); }
  /** Inverse of a square matrix (VJP −A⁻ᵀḠA⁻ᵀ). */
  inv(): Tensor { return call('inv', this); }
  /** Determinant of a square matrix, a scalar (VJP Ḡ·det·A⁻ᵀ). */
  det(): Tensor { return call('det', this); }
  /** Permute axes (default: reverse them). */
  transpose(axes?: readonly number[]): Tensor { return call('transpose', this, axes); }
  get T(): Tensor { return this.transpose(); }
  reshape(shape: readonly number[]): Tensor { return call('reshape', this, shape); }
  broadcastTo(shape: readonly number[]): Tensor { return call('broadcastTo', this, shape); }
  /** Sum over `axis` (all axes when omitted). */
  sum(axis?: number | readonly number[], keepdims = false): Tensor { return call('sum', this, axis, keepdims); }
  mean(axis?: number | readonly number[], keepdims = false): Tensor { return call('mean', this, axis, keepdims); }
  /** Max over `axis`; ties share the gradient equally. */
  max(axis?: number | readonly number[], keepdims = false): Tensor { return call('max', this, axis, keepdims); }
  /** Min over `axis`; ties share the gradient equally. */
  min(axis?: number | readonly number[], keepdims = false): Tensor { return call('min', this, axis, keepdims); }
  /** Index of the largest entry along `axis` (of all entries, flattened, when omitted); first on ties. Not differentiable. */
  argmax(axis?: number, keepdims = false): Tensor { return call('argmax', this, axis, keepdims); }
  /** Index of the smallest entry along `axis`, as {@link Tensor.argmax}. */
  argmin(axis?: number, keepdims = false): Tensor { return call('argmin', this, axis, keepdims); }
  /** log Σ exp over `axis` (all axes when omitted), computed without overflow. */
  logsumexp(axis?: number | readonly number[], keepdims = false): Tensor { return call('logsumexp', this, axis, keepdims); }
  /** x − logsumexp(x) along `axis` (default last): stable log-probabilities from logits. */
  logSoftmax(axis = -1): Tensor { return call('logSoftmax', this, axis); }
  /** exp(x − max) / Σ exp(x − max) along `axis` (default last). */
  softmax(axis = -1): Tensor { return call('softmax', this, axis); }
  /** `torch.gather`: out[i][j] = x[i][index[i][j]] for axis 1 (index has x's number of axes). */
  gather(axis: number, index: TensorLike): Tensor { return call('gather', this, axis, index); }
  /** Entries `indices` along `axis` (default 0). */
  take(indices: readonly number[], axis = 0): Tensor { return call('take', this, indices, axis); }
  /** `x[i]` along the first axis, that axis dropped. */
  index(i: number): Tensor { return call('index', this, i); }
  /** `x[start:end]` along `axis`. */
  slice(axis: number, start: number, end: number): Tensor { return call('slice', this, axis, start, end); }
  /** Comparisons give constant 0/1 tensors (not differentiable). */
  gt(b: TensorLike): Tensor { return call('compare', 'gt', this, b); }
  lt(b: TensorLike): Tensor { return call('compare', 'lt', this, b); }
  ge(b: TensorLike): Tensor { return call('compare', 'ge', this, b); }
  eq(b: TensorLike): Tensor { return call('compare', 'eq', this, b); }

  /** `cond ? a : b` element-wise (cond is a constant mask). */
  static where(cond: TensorLike, a: TensorLike, b: TensorLike): Tensor { return call('where', cond, a, b); }
  /** Join tensors along `axis`. */
  static concat(parts: readonly TensorLike[], axis = 0): Tensor { return call('concat', parts, axis); }
  /** Join same-shape tensors along a new axis. */
  static stack(parts: readonly TensorLike[], axis = 0): Tensor { return call('stack', parts, axis); }
  /** A tensor of zeros (`Tensor.zeros([2, 3])`); like `ones`, `full`, `randn` it refuses bad or huge shapes. */
  static zeros(shape: readonly number[]): Tensor { return new Tensor(new Float64Array(newSize('zeros', shape)), [...shape]); }
  static ones(shape: readonly number[]): Tensor { return new Tensor(new Float64Array(newSize('ones', shape)).fill(1), [...shape]); }
  static full(shape: readonly number[], value: number): Tensor { return new Tensor(new Float64Array(newSize('full', shape)).fill(value), [...shape]); }
  /** Standard normals from NumPy's legacy stream: `Tensor.randn([2, 3], 42)` = `np.random.seed(42); randn(2, 3)`. */
  static randn(shape: readonly number[], seed: number | RandomState = 0): Tensor {
    const rs = seed instanceof RandomState ? seed : new RandomState(seed);
    return new Tensor(rs.randn(newSize('randn', shape)), [...shape]);
  }
}

/** The shape of nested arrays, checking they are rectangular. */
function shapeOfNested(x: TensorLike): number[] {
  const shape: number[] = [];
  let cur: TensorLike = x;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    if (cur.length === 0) break;
    cur = cur[0] as TensorLike;
  }
  return shape;
}

/** Most elements a constructor allocates: 2²⁸ doubles = 2 GiB. */
const MAX_ELEMENTS = 2 ** 28;

/** The size of a new tensor of `shape`: dims must be integers ≥ 0 and the product ≤ 2²⁸. */
function newSize(op: string, shape: readonly number[]): number {
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new ShapeError(`${op}: a shape is a list of integers >= 0, got ${Array.isArray(shape) ? fmtShape(shape) : String(shape)}`);
  }
  const n = shapeSize(shape);
  if (n > MAX_ELEMENTS) throw new LimitError(`${op}: shape ${fmtShape(shape)} has ${n} elements, above the limit of ${MAX_ELEMENTS}`);
  return n;
}

/**
 * Make a tensor from a number, nested arrays or a Float64Array (with `shape`). Tensors pass through.
 *
 * @example
 * tensor([[1, 2, 3]]).shape // → [1, 3]
 * tensor(new Float64Array([1, 2, 3, 4]), [2, 2]).toArray() // → [[1, 2], [3, 4]]
 */
export function tensor(x: TensorLike, shape?: readonly number[]): Tensor {
  if (shape !== undefined && !Array.isArray(shape)) {
    throw new ArgumentError(`tensor(x, shape): the second argument is a shape (an array of sizes), got ${shape === null ? 'null' : typeof shape}; tensors hold float64 numbers (there is no dtype option)`);
  }
  if (x instanceof Tensor) return shape ? x.reshape(shape) : x;
  if (typeof x === 'number') return new Tensor(Float64Array.of(x), shape ? [...shape] : []);
  if (x instanceof Float64Array) return new Tensor(x, shape ? [...shape] : [x.length]);
  const s = shapeOfNested(x);
  const out = new Float64Array(shapeSize(s));
  let k = 0;
  // Iterative flatten with an explicit stack (no recursion on deep input).
  const stack: Array<[TensorLike, number]> = [[x, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (Array.isArray(node)) {
      if (node.length !== s[depth]) throw new ShapeError(`tensor: ragged nested array (expected length ${s[depth]} at depth ${depth}, got ${node.length})`);
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i] as TensorLike, depth + 1]);
    } else {
      if (typeof node !== 'number' || depth !== s.length) throw new ShapeError('tensor: ragged nested array or non-number entry');
      out[k++] = node;
    }
  }
  const t = new Tensor(out, s);
  return shape ? t.reshape(shape) : t;
}

/**
 * Record an op result: it is traced when recording and any parent is traced.
 * Ops call this; it returns `out` for chaining.
 */
export function record(out: Tensor, op: string, parents: Tensor[], vjp: VjpFn): Tensor {
  out.op = op;
  if (!tape.recording) return out;
  for (const p of parents) {
    if (p.traced) {
      out.traced = true;
      out.parents = parents;
      out.vjpFn = vjp;
      return out;
    }
  }
  return out;
}
