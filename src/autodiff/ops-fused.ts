/**
 * Fused ops for training: a dense layer g(x·W + b) and the two cross-entropies from logits, each
 * one tape node with a hand-written VJP instead of a chain of small element-wise nodes.
 *
 *   dense:   y = g(x·W + b);   ż = ḡ ⊙ g′ (read off y),  x̄ = ż·Wᵀ,  W̄ = xᵀ·ż,  b̄ = Σ_rows ż
 *   sigmoid cross-entropy from logits z, targets t:  ℓ = max(z,0) − z·t + ln(1 + e^−|z|),  ∂ℓ/∂z = σ(z) − t
 *   softmax cross-entropy from logits z, class c:    ℓ = logΣ_k e^{z_k} − z_c,            ∂ℓ/∂z = softmax(z) − onehot(c)
 *
 * Outputs and first-order cotangents come from {@link newBuffer}, so a training loop with a
 * BufferPool reuses them every step. When the backward pass itself is being recorded (grad of
 * grad), the VJPs are written with ordinary tensor ops instead, so they can be differentiated.
 */
import { ArgumentError, ShapeError, describeValue } from '../core/errors.js';
import { fmtShape } from './kernels.js';
import { matmulInto, matmulNTInto, matmulTNInto } from './matmul.js';
import { newBuffer } from './pool.js';
import { Tensor, opTable, record, tape, tensor, type TensorLike } from './tensor.js';

/** Activations of the fused dense op (the names a Dense layer and ONNX export use). */
export type FusedActivation = 'relu' | 'sigmoid' | 'tanh' | 'softplus' | 'linear';

/** σ(z) without overflow of e^−z for very negative z. */
export function sigmoidOf(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** z += b per row, then z = g(z) in place (one pass). */
const FORWARD: Record<FusedActivation, (z: Float64Array, b: Float64Array, cols: number) => void> = {
  // max(v, 0) branch-free (random signs defeat branch prediction); + 0 turns −0 into +0.
  relu: (z, b, cols) => {
    for (let r = 0; r < z.length; r += cols) {
      for (let j = 0; j < cols; j++) {
        const v = z[r + j]! + b[j]!;
        z[r + j] = v === -Infinity ? 0 : v * +(v > 0) + 0;
      }
    }
  },
  sigmoid: (z, b, cols) => {
    for (let r = 0; r < z.length; r += cols) for (let j = 0; j < cols; j++) z[r + j] = sigmoidOf(z[r + j]! + b[j]!);
  },
  tanh: (z, b, cols) => {
    for (let r = 0; r < z.length; r += cols) for (let j = 0; j < cols; j++) z[r + j] = Math.tanh(z[r + j]! + b[j]!);
  },
  // softplus v = max(v, 0) + ln(1 + e^−|v|)
  softplus: (z, b, cols) => {
    for (let r = 0; r < z.length; r += cols) {
      for (let j = 0; j < cols; j++) {
        const v = z[r + j]! + b[j]!;
        z[r + j] = Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
      }
    }
  },
  linear: (z, b, cols) => {
    for (let r = 0; r < z.length; r += cols) for (let j = 0; j < cols; j++) z[r + j] = z[r + j]! + b[j]!;
  },
};

/** Widest layer whose backward pass runs column by column (see backwardKernel). */
const NARROW = 8;

/**
 * One column j of a narrow layer: dz[·, j] = g ⊙ g′ and its sum over rows in a register (rows in
 * order, so the same sum as the row-by-row loop, bit for bit).
 */
function backwardColumn(act: FusedActivation, a: Float64Array, g: Float64Array, dz: Float64Array, n: number, cols: number, j: number): number {
  let s = 0;
  switch (act) {
    case 'relu':
      for (let r = j; r < n; r += cols) { const v = g[r]! * +(a[r]! > 0); dz[r] = v; s += v; }
      return s;
    case 'sigmoid':
      for (let r = j; r < n; r += cols) { const t = a[r]!; const v = g[r]! * t * (1 - t); dz[r] = v; s += v; }
      return s;
    case 'tanh':
      for (let r = j; r < n; r += cols) { const t = a[r]!; const v = g[r]! * (1 - t * t); dz[r] = v; s += v; }
      return s;
    case 'softplus':
      for (let r = j; r < n; r += cols) { const v = g[r]! * -Math.expm1(-a[r]!); dz[r] = v; s += v; }
      return s;
    case 'linear':
      for (let r = j; r < n; r += cols) { const v = g[r]!; dz[r] = v; s += v; }
      return s;
  }
}

/**
 * dz = g ⊙ g′ with g′ written in terms of the output a; db[j] += Σ_rows dz (db starts at 0).
 * Narrow layers (≤ 8 units, the small networks where fixed costs dominate) go column by column
 * with the bias sum in a register; wide ones row by row, reading memory in order.
 */
function backwardKernel(act: FusedActivation, a: Float64Array, g: Float64Array, dz: Float64Array, db: Float64Array, cols: number): void {
  const n = a.length;
  if (cols <= NARROW) {
    for (let j = 0; j < cols; j++) db[j] = backwardColumn(act, a, g, dz, n, cols, j);
    return;
  }
  switch (act) {
    // relu′ = [a > 0]
    case 'relu':
      for (let r = 0; r < n; r += cols) for (let j = 0; j < cols; j++) { const v = g[r + j]! * +(a[r + j]! > 0); dz[r + j] = v; db[j] = db[j]! + v; }
      return;
    // σ′ = a(1 − a)
    case 'sigmoid':
      for (let r = 0; r < n; r += cols) for (let j = 0; j < cols; j++) { const s = a[r + j]!; const v = g[r + j]! * s * (1 - s); dz[r + j] = v; db[j] = db[j]! + v; }
      return;
    // tanh′ = 1 − a²
    case 'tanh':
      for (let r = 0; r < n; r += cols) for (let j = 0; j < cols; j++) { const t = a[r + j]!; const v = g[r + j]! * (1 - t * t); dz[r + j] = v; db[j] = db[j]! + v; }
      return;
    // softplus′(v) = σ(v) = 1 − e^−a
    case 'softplus':
      for (let r = 0; r < n; r += cols) for (let j = 0; j < cols; j++) { const v = g[r + j]! * -Math.expm1(-a[r + j]!); dz[r + j] = v; db[j] = db[j]! + v; }
      return;
    case 'linear':
      for (let r = 0; r < n; r += cols) for (let j = 0; j < cols; j++) { const v = g[r + j]!; dz[r + j] = v; db[j] = db[j]! + v; }
  }
}

/** g′ as tensor ops of the output y (recorded VJPs); null for the identity. */
const DERIVATIVE: Record<FusedActivation, (y: Tensor) => Tensor | null> = {
  relu: (y) => y.detach().gt(0),
  sigmoid: (y) => y.mul(tensor(1).sub(y)),
  tanh: (y) => tensor(1).sub(y.mul(y)),
  softplus: (y) => tensor(1).sub(y.neg().exp()),
  linear: () => null,
};

opTable['dense'] = (xv: TensorLike, Wv: TensorLike, bv: TensorLike, act: FusedActivation): Tensor => {
  const x = tensor(xv), W = tensor(Wv), b = tensor(bv);
  if (!(act in FORWARD)) throw new ArgumentError(`dense: unknown activation ${describeValue(act)} (have ${Object.keys(FORWARD).join(', ')})`);
  if (x.ndim !== 2 || W.ndim !== 2 || x.shape[1] !== W.shape[0] || b.size !== W.shape[1] || b.ndim > 2) {
    throw new ShapeError(`dense: x ${fmtShape(x.shape)}, W ${fmtShape(W.shape)} and b ${fmtShape(b.shape)} do not make x·W + b`);
  }
  const [m, nIn] = x.shape as [number, number];
  const nOut = W.shape[1]!;
  const out = newBuffer(m * nOut);
  matmulInto(x.data, W.data, out, m, nIn, nOut);
  FORWARD[act](out, b.data, nOut);
  const y = new Tensor(out, [m, nOut]);
  return record(y, `dense(${act})`, [x, W, b], (g) => {
    if (tape.recording) {
      // Differentiable form for higher-order derivatives.
      const d = DERIVATIVE[act](y);
      const dz = d ? g.mul(d) : g;
      return [x.traced ? dz.matmul(W.transpose()) : null, W.traced ? x.transpose().matmul(dz) : null, b.traced ? dz.sum(0).reshape(b.shape) : null];
    }
    const dz = newBuffer(m * nOut);
    const db = newBuffer(nOut).fill(0);
    backwardKernel(act, out, g.data, dz, db, nOut);
    let dW: Tensor | null = null;
    if (W.traced) {
      const buf = newBuffer(nIn * nOut);
      matmulTNInto(x.data, dz, buf, m, nIn, nOut);
      dW = new Tensor(buf, W.shape);
    }
    let dx: Tensor | null = null;
    if (x.traced) {
      const buf = newBuffer(m * nIn);
      matmulNTInto(dz, W.data, buf, m, nOut, nIn, newBuffer(nIn * nOut));
      dx = new Tensor(buf, x.shape);
    }
    return [dx, dW, b.traced ? new Tensor(db, b.shape) : null];
  });
};

/** Targets as a Float64Array of `n` finite values. */
function targetsOf(op: string, t: TensorLike | ArrayLike<number>, n: number): Float64Array {
  const d = t instanceof Tensor ? t.data : t instanceof Float64Array ? t : Float64Array.from(t as ArrayLike<number>);
  if (d.length !== n) throw new ShapeError(`${op}: ${n} logits but ${d.length} targets`);
  return d;
}

// Σ or mean of max(z,0) − z·t + ln(1 + e^−|z|): binary cross-entropy of σ(z), without forming σ(z).
opTable['sigmoidCrossEntropy'] = (zv: TensorLike, tv: TensorLike | ArrayLike<number>, reduction: 'mean' | 'sum' = 'mean'): Tensor => {
  const z = tensor(zv);
  const t = targetsOf('sigmoidCrossEntropy', tv, z.size);
  const zd = z.data;
  // e = e^−|z| is kept for the VJP: σ(z) = 1/(1 + e) for z ≥ 0, e/(1 + e) below (one exp per entry in all).
  const e = newBuffer(zd.length);
  let s = 0;
  for (let i = 0; i < zd.length; i++) {
    const v = zd[i]!;
    const ei = Math.exp(-Math.abs(v));
    e[i] = ei;
    s += Math.max(v, 0) - v * t[i]! + Math.log1p(ei);
  }
  const scale = reduction === 'sum' ? 1 : 1 / zd.length;
  const y = new Tensor(Float64Array.of(s * scale), []);
  return record(y, 'sigmoidCrossEntropy', [z], (g) => {
    if (tape.recording) return [g.mul(z.sigmoid().sub(new Tensor(t, z.shape))).mul(scale)];
    const c = g.data[0]! * scale;
    const dz = newBuffer(zd.length);
    for (let i = 0; i < zd.length; i++) {
      const ei = e[i]!;
      dz[i] = ((zd[i]! >= 0 ? 1 : ei) / (1 + ei) - t[i]!) * c;
    }
    return [new Tensor(dz, z.shape)];
  });
};

// mean over rows of logΣ_k e^{z_ik} − z_{i,c_i}, the max subtracted per row for stability.
opTable['softmaxCrossEntropy'] = (zv: TensorLike, labels: ArrayLike<number>): Tensor => {
  const z = tensor(zv);
  if (z.ndim !== 2) throw new ShapeError(`softmaxCrossEntropy: logits must be 2-d (samples × classes), got ${fmtShape(z.shape)}`);
  const [n, k] = z.shape as [number, number];
  if (labels.length !== n) throw new ShapeError(`softmaxCrossEntropy: ${n} rows of logits but ${labels.length} labels`);
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    if (!Number.isInteger(c) || c < 0 || c >= k) throw new ArgumentError(`softmaxCrossEntropy: label ${c} (row ${i}) is not a class index in [0, ${k})`);
  }
  const zd = z.data;
  // Softmax probabilities are kept for the VJP: p = e^{z − max} / Σ e^{z − max}.
  const p = newBuffer(n * k);
  let s = 0;
  for (let i = 0, r = 0; i < n; i++, r += k) {
    let mx = -Infinity;
    for (let j = 0; j < k; j++) if (zd[r + j]! > mx) mx = zd[r + j]!;
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const e = Math.exp(zd[r + j]! - mx);
      p[r + j] = e;
      sum += e;
    }
    for (let j = 0; j < k; j++) p[r + j] = p[r + j]! / sum;
    s += Math.log(sum) + (mx - zd[r + labels[i]!]!);
  }
  const y = new Tensor(Float64Array.of(s / n), []);
  return record(y, 'softmaxCrossEntropy', [z], (g) => {
    if (tape.recording) {
      const onehot = new Float64Array(n * k);
      for (let i = 0; i < n; i++) onehot[i * k + labels[i]!] = 1;
      return [g.mul(z.softmax(-1).sub(new Tensor(onehot, [n, k]))).div(n)];
    }
    const c = g.data[0]! / n;
    const dz = newBuffer(n * k);
    for (let i = 0; i < n * k; i++) dz[i] = p[i]! * c;
    for (let i = 0; i < n; i++) { const at = i * k + labels[i]!; dz[at] = dz[at]! - c; }
    return [new Tensor(dz, z.shape)];
  });
};
