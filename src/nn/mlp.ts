/**
 * The course's explicit multilayer perceptron (lesson 05): layer sizes, activation/derivative
 * pairs, `forward`, a `backward` that keeps every intermediate (z, a, dz, dW, db, da per layer) and
 * `update`. Buffers are allocated once per batch size; the loops are Float64Array kernels.
 *
 * Forward:   z[l] = a[l−1]·W[l] + b[l],  a[l] = g_l(z[l])
 * Backward:  dz[l] = da[l] ⊙ g′_l(z[l]),  dW[l] = a[l−1]ᵀ·dz[l],  db[l] = mean_rows dz[l],
 *            da[l−1] = dz[l]·W[l]ᵀ   (W[l] is the Jacobian of z[l] with respect to a[l−1])
 */
import { ArgumentError, ShapeError, describeValue } from '../core/errors.js';
import { RandomState } from '../core/random.js';
import type { Matrix } from '../numeric/matrix.js';
import { matmulInto, matmulNTInto, matmulTNInto } from '../autodiff/matmul.js';
import { wasmArena } from '../autodiff/wasm-matmul.js';
import { activations as table, type Activation, type ActivationName } from './activations.js';
import { mlpLosses, type LossPair, type MlpLossName } from './mlp-losses.js';

/** Options of {@link MLP}. */
export interface MlpOptions {
  /** Units per layer, input first: `[2, 4, 3, 1]`. */
  layerSizes: readonly number[];
  /** One activation per non-input layer (name or pair). */
  activations: ReadonlyArray<Activation | ActivationName>;
  /** Loss whose derivative starts backward. Default `bceSum` (the listing's). */
  loss?: LossPair | MlpLossName;
  /** How db reduces dz over the batch: the listing's `mean` (default) or `sum`. */
  biasGradient?: 'mean' | 'sum';
  /**
   * Keep every buffer in a WebAssembly arena when a batch has ≥ 2¹⁶ activations in its widest
   * layer, so the SIMD matrix kernels run without copying operands (same results to the bit).
   * Default true.
   */
  wasm?: boolean;
}

const empty = (): Matrix => ({ rows: 0, cols: 0, data: new Float64Array(0) });
const alloc = (rows: number, cols: number): Matrix => ({ rows, cols, data: new Float64Array(rows * cols) });

/**
 * A multilayer perceptron with hand-written backpropagation, mirroring the listing's fields.
 * Index 0 of `a`/`da` is the input layer; W, b, z, dz, dW, db use indices 1…L−1.
 *
 * @example
 * const m = new MLP({ layerSizes: [2, 4, 3, 1], activations: ['relu', 'relu', 'sigmoid'] }).initialize(42);
 * m.W[1].data[0] // → 0.04967141530112327 (np.random.seed(42); randn(2, 4)·0.1)
 */
export class MLP {
  readonly layerSizes: readonly number[];
  readonly activations: Activation[];
  readonly loss: LossPair;
  readonly biasGradient: 'mean' | 'sum';
  W: Matrix[];
  b: Matrix[];
  z: Matrix[];
  a: Matrix[];
  dz: Matrix[];
  dW: Matrix[];
  db: Matrix[];
  da: Matrix[];
  private scratch: Float64Array[] = [];
  private readonly useWasm: boolean;
  /** Input copy and transposed-weights scratch inside the arena (null when not in arena mode). */
  private xCopy: Float64Array | null = null;
  private bt: Float64Array | undefined;
  /** The last input array `forward` checked for shape and finite values. */
  private checkedInput: Float64Array | null = null;

  constructor(options: MlpOptions) {
    const sizes = options.layerSizes;
    if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
      throw new ArgumentError(`MLP: layerSizes must be at least two positive integers, got [${sizes.join(', ')}]`);
    }
    if (options.activations.length !== sizes.length - 1) {
      throw new ArgumentError(`MLP: ${sizes.length - 1} layers need ${sizes.length - 1} activations, got ${options.activations.length}`);
    }
    this.layerSizes = [...sizes];
    this.activations = options.activations.map((a) => {
      if (typeof a !== 'string') return a;
      const f = table[a];
      if (!f) throw new ArgumentError(`MLP: unknown activation '${a}' (have ${Object.keys(table).join(', ')})`);
      return f;
    });
    const loss = options.loss ?? 'bceSum';
    this.loss = typeof loss === 'string' ? mlpLosses[loss] : loss;
    if (!this.loss) throw new ArgumentError(`MLP: unknown loss ${describeValue(loss)}`);
    this.biasGradient = options.biasGradient ?? 'mean';
    this.useWasm = options.wasm ?? true;
    const L = sizes.length;
    const list = (): Matrix[] => Array.from({ length: L }, empty);
    this.W = list();
    this.b = list();
    this.z = list();
    this.a = list();
    this.dz = list();
    this.dW = list();
    this.db = list();
    this.da = list();
    for (let l = 1; l < L; l++) {
      this.W[l] = alloc(sizes[l - 1]!, sizes[l]!);
      this.b[l] = alloc(1, sizes[l]!);
      this.dW[l] = alloc(sizes[l - 1]!, sizes[l]!);
      this.db[l] = alloc(1, sizes[l]!);
    }
  }

  /**
   * `np.random.seed(seed)`, then per layer `W[l] = randn(n_in, n_out)·σ` and `b[l] = randn(1, n_out)·σ`
   * (W before b, layer by layer), exactly as the listing. Default seed 42, σ 0.1.
   */
  initialize(seed: number | RandomState = 42, sigma = 0.1): this {
    const rs = seed instanceof RandomState ? seed : new RandomState(seed);
    for (let l = 1; l < this.layerSizes.length; l++) {
      const w = this.W[l]!.data;
      for (let i = 0; i < w.length; i++) w[i] = rs.standardNormal() * sigma;
      const b = this.b[l]!.data;
      for (let i = 0; i < b.length; i++) b[i] = rs.standardNormal() * sigma;
    }
    return this;
  }

  private ensure(rows: number): void {
    if (this.z[1]!.rows === rows) return;
    const sizes = this.layerSizes;
    const L = sizes.length;
    const widest = Math.max(...sizes);
    // Arena layout: W, b, dW, db, then per layer z, a, dz, da, scratch; da[0], the input copy and
    // a transposed-weights buffer. Each block is rounded to an even count (16-byte alignment).
    const even = (n: number): number => n + (n % 2);
    let total = 0;
    for (let l = 1; l < L; l++) total += 2 * even(sizes[l - 1]! * sizes[l]!) + 2 * even(sizes[l]!) + 5 * even(rows * sizes[l]!);
    total += 2 * even(rows * sizes[0]!) + even(widest * widest);
    const arena = this.useWasm && rows * widest >= 1 << 16 ? wasmArena(total) : null;
    let off = 0;
    const take = (r: number, c: number): Matrix => {
      if (!arena) return alloc(r, c);
      const m = { rows: r, cols: c, data: arena.subarray(off, off + r * c) };
      off += even(r * c);
      return m;
    };
    for (let l = 1; l < L; l++) {
      // Parameters move into the arena with their values.
      for (const list of [this.W, this.b, this.dW, this.db]) {
        const old = list[l]!;
        const moved = take(old.rows, old.cols);
        moved.data.set(old.data);
        list[l] = moved;
      }
    }
    for (let l = 1; l < L; l++) {
      const n = sizes[l]!;
      this.z[l] = take(rows, n);
      this.a[l] = take(rows, n);
      this.dz[l] = take(rows, n);
      this.da[l] = take(rows, n);
      this.scratch[l] = take(rows, n).data;
    }
    this.da[0] = take(rows, sizes[0]!);
    this.xCopy = arena ? take(rows, sizes[0]!).data : null;
    this.bt = arena ? take(widest, widest).data : undefined;
  }

  /** Forward pass on a batch (rows = samples); returns a[L−1] (a view into the model's buffer). */
  forward(X: Matrix): Matrix {
    if (X.cols !== this.layerSizes[0]) throw new ShapeError(`MLP.forward: input has ${X.cols} columns, the first layer takes ${this.layerSizes[0]}`);
    if (X.data !== this.checkedInput) {
      // Once per input array (training passes the same X every epoch): a short buffer would read
      // as NaN and a NaN/∞ feature would silently turn every loss into NaN.
      if (!Number.isInteger(X.rows) || X.rows < 1 || X.data.length < X.rows * X.cols) {
        throw new ShapeError(`MLP.forward: input is ${X.rows}×${X.cols} but holds ${X.data.length} values`);
      }
      for (let i = 0; i < X.rows * X.cols; i++) {
        if (!Number.isFinite(X.data[i]!)) throw new ArgumentError(`MLP.forward: input row ${Math.floor(i / X.cols)}, column ${i % X.cols} is ${X.data[i]}`);
      }
      this.checkedInput = X.data;
    }
    this.ensure(X.rows);
    if (this.xCopy) {
      // Arena mode: the input joins the other operands (a[0] is that copy).
      this.xCopy.set(X.data.subarray(0, this.xCopy.length));
      this.a[0] = { rows: X.rows, cols: X.cols, data: this.xCopy };
    } else {
      this.a[0] = X;
    }
    const m = X.rows;
    for (let l = 1; l < this.layerSizes.length; l++) {
      const nIn = this.layerSizes[l - 1]!;
      const nOut = this.layerSizes[l]!;
      const z = this.z[l]!.data;
      matmulInto(this.a[l - 1]!.data, this.W[l]!.data, z, m, nIn, nOut);
      const b = this.b[l]!.data;
      const act = this.activations[l - 1]!;
      if (act.forwardBias) act.forwardBias(z, b, nOut, this.a[l]!.data);
      else {
        for (let r = 0; r < m * nOut; r += nOut) for (let j = 0; j < nOut; j++) z[r + j]! += b[j]!;
        act.forward(z, this.a[l]!.data);
      }
    }
    return this.a[this.layerSizes.length - 1]!;
  }

  /** Backward pass from the loss derivative at (y, ŷ); fills dz, dW, db, da for every layer. */
  backward(y: Matrix, yhat: Matrix): void {
    const L = this.layerSizes.length;
    if (y.data.length !== yhat.data.length) throw new ShapeError(`MLP.backward: y has ${y.data.length} values, ŷ has ${yhat.data.length}`);
    this.ensure(yhat.rows);
    const m = yhat.rows;
    this.loss.derivative(y.data, yhat.data, this.da[L - 1]!.data);
    for (let l = L - 1; l >= 1; l--) {
      const nIn = this.layerSizes[l - 1]!;
      const nOut = this.layerSizes[l]!;
      const dz = this.dz[l]!.data;
      const da = this.da[l]!.data;
      const act = this.activations[l - 1]!;
      const db = this.db[l]!.data;
      db.fill(0);
      if (act.backwardBias) act.backwardBias(this.z[l]!.data, da, dz, db, nOut);
      else {
        if (act.backward) act.backward(this.z[l]!.data, da, dz);
        else {
          const gp = this.scratch[l]!;
          act.derivative(this.z[l]!.data, gp);
          for (let i = 0; i < dz.length; i++) dz[i] = da[i]! * gp[i]!;
        }
        for (let r = 0; r < m * nOut; r += nOut) for (let j = 0; j < nOut; j++) db[j]! += dz[r + j]!;
      }
      matmulTNInto(this.a[l - 1]!.data, dz, this.dW[l]!.data, m, nIn, nOut);
      if (this.biasGradient === 'mean') for (let j = 0; j < nOut; j++) db[j] = db[j]! / m;
      matmulNTInto(dz, this.W[l]!.data, this.da[l - 1]!.data, m, nOut, nIn, this.bt);
    }
  }

  /** Gradient step: W[l] −= η·dW[l], b[l] −= η·db[l]. */
  update(eta: number): void {
    for (let l = 1; l < this.layerSizes.length; l++) {
      const w = this.W[l]!.data, dw = this.dW[l]!.data;
      for (let i = 0; i < w.length; i++) w[i] = w[i]! - eta * dw[i]!;
      const b = this.b[l]!.data, db = this.db[l]!.data;
      for (let i = 0; i < b.length; i++) b[i] = b[i]! - eta * db[i]!;
    }
  }

  /** The model's loss at (y, ŷ). */
  lossValue(y: Matrix, yhat: Matrix): number {
    return this.loss.value(y.data, yhat.data);
  }

  /** A copy of the network's output for X. */
  predict(X: Matrix): Float64Array {
    return Float64Array.from(this.forward(X).data);
  }
}
