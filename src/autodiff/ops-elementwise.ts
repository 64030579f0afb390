/**
 * Element-wise ops, each forward beside its vector-Jacobian product. VJPs use tensor ops only, so
 * they are differentiable again (second derivatives of exp, tanh, sigmoid … come for free).
 */
import { ShapeError } from '../core/errors.js';
import { binaryInto, broadcastShapes, fmtShape, sameShape, shapeSize, type BinaryCode } from './kernels.js';
import { Tensor, opTable, record, tensor, type TensorLike } from './tensor.js';

/** Sum a broadcast gradient back down to `shape` (the VJP of broadcasting). */
export function sumTo(g: Tensor, shape: readonly number[]): Tensor {
  if (sameShape(g.shape, shape)) return g;
  const lead = g.shape.length - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < g.shape.length; i++) {
    if (i < lead || (shape[i - lead] === 1 && g.shape[i] !== 1)) axes.push(i);
  }
  const s = axes.length ? g.sum(axes, true) : g;
  return s.reshape(shape);
}

/** A constant (untraced) tensor computed from data only. */
function constant(data: Float64Array, shape: readonly number[]): Tensor {
  return new Tensor(data, [...shape]);
}

function binaryForward(op: string, code: BinaryCode, a: Tensor, b: Tensor): Tensor {
  const shape = sameShape(a.shape, b.shape) ? [...a.shape] : broadcastShapes(op, a.shape, b.shape);
  const out = new Float64Array(shapeSize(shape));
  binaryInto(code, a.data, a.shape, b.data, b.shape, shape, out);
  return new Tensor(out, shape);
}

type BinaryVjp = (g: Tensor, a: Tensor, b: Tensor, y: Tensor, needs: boolean[]) => Array<Tensor | null>;

function defBinary(name: string, code: BinaryCode, vjp: BinaryVjp): void {
  opTable[name] = (x: TensorLike, z: TensorLike): Tensor => {
    const a = tensor(x);
    const b = tensor(z);
    const y = binaryForward(name, code, a, b);
    return record(y, name, [a, b], (g) => {
      const needs = [a.traced, b.traced];
      const [ga, gb] = vjp(g, a, b, y, needs);
      return [ga ? sumTo(ga, a.shape) : null, gb ? sumTo(gb, b.shape) : null];
    });
  };
}

// d(a+b) = da + db
defBinary('add', 'add', (g, _a, _b, _y, n) => [n[0] ? g : null, n[1] ? g : null]);
// d(a−b) = da − db
defBinary('sub', 'sub', (g, _a, _b, _y, n) => [n[0] ? g : null, n[1] ? g.neg() : null]);
// d(ab) = b·da + a·db
defBinary('mul', 'mul', (g, a, b, _y, n) => [n[0] ? g.mul(b) : null, n[1] ? g.mul(a) : null]);
// d(a/b) = da/b − a·db/b²
defBinary('div', 'div', (g, a, b, _y, n) => [n[0] ? g.div(b) : null, n[1] ? g.mul(a).div(b.mul(b)).neg() : null]);
// d(aᵇ) = b·aᵇ⁻¹·da + ln a·aᵇ·db (the log term only when b varies, so negative bases work with constant exponents)
defBinary('pow', 'pow', (g, a, b, y, n) => [
  n[0] ? g.mul(b).mul(a.pow(b.sub(1))) : null,
  n[1] ? g.mul(a.log()).mul(y) : null,
]);
// max(a, b): the gradient flows to the larger argument (to a on ties).
defBinary('maximum', 'max', (g, a, b, _y, n) => {
  const mask = binaryForward('maximum', 'ge', a.detach(), b.detach());
  return [n[0] ? g.mul(mask) : null, n[1] ? g.mul(tensor(1).sub(mask)) : null];
});

opTable['compare'] = (code: BinaryCode, x: TensorLike, z: TensorLike): Tensor => {
  const r = binaryForward(code, code, tensor(x), tensor(z));
  return constant(r.data, r.shape);
};

type UnaryVjp = (g: Tensor, x: Tensor, y: Tensor) => Tensor;

function defUnary(name: string, kernel: (src: Float64Array, dst: Float64Array) => void, vjp: UnaryVjp): void {
  opTable[name] = (v: TensorLike): Tensor => {
    const x = tensor(v);
    const out = new Float64Array(x.size);
    kernel(x.data, out);
    const y = new Tensor(out, x.shape);
    return record(y, name, [x], (g) => [vjp(g, x, y)]);
  };
}

/** 0/1 mask of a predicate on x's values, as a constant. */
function maskOf(x: Tensor, pred: (v: number) => boolean): Tensor {
  const m = new Float64Array(x.size);
  for (let i = 0; i < m.length; i++) m[i] = pred(x.data[i]!) ? 1 : 0;
  return constant(m, x.shape);
}

/** [x > 0] as a constant 0/1 tensor, branch-free (the relu derivative). */
function positiveMask(x: Tensor): Tensor {
  const m = new Float64Array(x.size);
  const d = x.data;
  for (let i = 0; i < m.length; i++) m[i] = +(d[i]! > 0);
  return constant(m, x.shape);
}

/** sign(x) ∈ {−1, 0, 1} as a constant tensor (the abs derivative). */
function signOf(x: Tensor): Tensor {
  const m = new Float64Array(x.size);
  const d = x.data;
  for (let i = 0; i < m.length; i++) m[i] = +(d[i]! > 0) - +(d[i]! < 0);
  return constant(m, x.shape);
}

function sigmoidScalar(z: number): number {
  // σ(z) = 1/(1+e^−z), written to avoid overflow of e^−z for very negative z.
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

defUnary('neg', (s, d) => { for (let i = 0; i < s.length; i++) d[i] = -s[i]!; }, (g) => g.neg());
// d eˣ = eˣ dx
defUnary('exp', (s, d) => { for (let i = 0; i < s.length; i++) d[i] = Math.exp(s[i]!); }, (g, _x, y) => g.mul(y));
// d ln x = dx / x
defUnary('log', (s, d) => { for (let i = 0; i < s.length; i++) d[i] = Math.log(s[i]!); }, (g, x) => g.div(x));
// d √x = dx / (2√x)
defUnary('sqrt', (s, d) => { for (let i = 0; i < s.length; i++) d[i] = Math.sqrt(s[i]!); }, (g, _x, y) => g.div(y.mul(2)));
// d |x| = sign(x) dx (0 at 0)
defUnary('abs', (s, d) => { for (let i = 0; i < s.length; i++) d[i] = Math.abs(s[i]!); }, (g, x) => g.mul(signOf(x)));
// d sin x = cos x dx
defUnary('sin', (s, d) => { for (let i = 0; i < s.length; i++) d[i] = Math.sin(s[i]!); }, (g, x) => g.mul(x.cos()));
// d cos x = −sin x dx
defUnary('cos', (s, d) => { for (let i = 0; i < s.length; i++) d[i] = Math.cos(s[i]!); }, (g, x) => g.mul(x.sin()).neg());
// d tanh x = (1 − tanh² x) dx
defUnary('tanh', (s, d) => { for (let i = 0; i < s.length; i++) d[i] = Math.tanh(s[i]!); }, (g, _x, y) => g.mul(tensor(1).sub(y.mul(y))));
// d σ(x) = σ(x)(1 − σ(x)) dx
defUnary('sigmoid', (s, d) => { for (let i = 0; i < s.length; i++) d[i] = sigmoidScalar(s[i]!); }, (g, _x, y) => g.mul(y.mul(tensor(1).sub(y))));
// d relu x = [x > 0] dx
// (max(x, 0) written branch-free, as in nn/activations.ts: random signs defeat branch prediction)
defUnary('relu', (s, d) => {
  for (let i = 0; i < s.length; i++) {
    const v = s[i]!;
    d[i] = v === -Infinity ? 0 : v * +(v > 0) + 0;
  }
}, (g, x) => g.mul(positiveMask(x)));
// softplus x = ln(1 + eˣ) = max(x, 0) + ln(1 + e^−|x|);  d softplus x = σ(x) dx
defUnary('softplus', (s, d) => {
  for (let i = 0; i < s.length; i++) {
    const v = s[i]!;
    d[i] = Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
  }
}, (g, x) => g.mul(x.sigmoid()));

// clip(x, lo, hi): gradient 1 inside [lo, hi], 0 where clipped.
opTable['clip'] = (v: TensorLike, lo: number, hi: number): Tensor => {
  const x = tensor(v);
  if (lo > hi) throw new ShapeError(`clip: lower bound ${lo} is above upper bound ${hi}`);
  const out = new Float64Array(x.size);
  for (let i = 0; i < out.length; i++) out[i] = Math.min(Math.max(x.data[i]!, lo), hi);
  const y = new Tensor(out, x.shape);
  return record(y, 'clip', [x], (g) => [g.mul(maskOf(x, (t) => t >= lo && t <= hi))]);
};

// where(c, a, b) = c·a + (1−c)·b with a constant mask c: the gradient goes to the chosen side.
opTable['where'] = (c: TensorLike, x: TensorLike, z: TensorLike): Tensor => {
  const cond = tensor(c).detach();
  const a = tensor(x);
  const b = tensor(z);
  const shape = broadcastShapes('where', broadcastShapes('where', cond.shape, a.shape), b.shape);
  const n = shapeSize(shape);
  const cb = new Float64Array(n);
  const ab = new Float64Array(n);
  const bb = new Float64Array(n);
  const zero = new Float64Array(n);
  binaryInto('add', cond.data, cond.shape, zero, shape, shape, cb);
  binaryInto('add', a.data, a.shape, zero, shape, shape, ab);
  binaryInto('add', b.data, b.shape, zero, shape, shape, bb);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = cb[i] !== 0 ? ab[i]! : bb[i]!;
  const y = new Tensor(out, shape);
  const mask = constant(cb.map((v) => (v !== 0 ? 1 : 0)), shape);
  return record(y, 'where', [a, b], (g) => [
    a.traced ? sumTo(g.mul(mask), a.shape) : null,
    b.traced ? sumTo(g.mul(tensor(1).sub(mask)), b.shape) : null,
  ]);
};

export function checkSameShape(op: string, a: Tensor, b: Tensor): void {
  if (!sameShape(a.shape, b.shape)) throw new ShapeError(`${op}: shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)} differ`);
}
