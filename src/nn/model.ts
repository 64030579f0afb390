/**
 * A `Sequential` stack of `Dense` layers trained through autodiff: the forward pass is tensor
 * ops, `valueAndGrad` gives the gradients of the loss with respect to every W and b, and an
 * optimizer updates them. (The explicit MLP in mlp.ts does the same by hand.)
 */
import { ArgumentError, ShapeError } from '../core/errors.js';
import { RandomState } from '../core/random.js';
import { Tensor, tensor, valueAndGrad, type TensorLike } from '../autodiff/index.js';
import { binaryCrossEntropy, mseLoss, softmaxCrossEntropy } from './losses.js';
import { accuracy } from './metrics.js';
import { optimizers, type Optimizer, type OptimizerName } from './optimizers.js';

/** Activations a Dense layer can apply. */
export type DenseActivation = 'relu' | 'sigmoid' | 'tanh' | 'softplus' | 'linear';

const ACT: Record<DenseActivation, (z: Tensor) => Tensor> = {
  relu: (z) => z.relu(),
  sigmoid: (z) => z.sigmoid(),
  tanh: (z) => z.tanh(),
  softplus: (z) => z.softplus(),
  linear: (z) => z,
};

/** Options of {@link Dense}. */
export interface DenseOptions {
  /** Default 'linear'. */
  activation?: DenseActivation;
  /** Seed or stream for the initial weights. Default 0. */
  seed?: number | RandomState;
  /** Weight scale: 'he' √(2/n_in) (default for relu), 'glorot' √(1/n_in) (default otherwise), or a number. */
  init?: 'he' | 'glorot' | number;
}

/**
 * A fully connected layer y = g(x·W + b), W of shape [nIn, nOut], b of shape [nOut].
 *
 * @example
 * const layer = new Dense(2, 3, { activation: 'relu', seed: 1 });
 * layer.forward(tensor([[1, 2]])).shape // [1, 3]
 */
export class Dense {
  W: Tensor;
  b: Tensor;
  readonly activation: DenseActivation;

  constructor(readonly nIn: number, readonly nOut: number, options: DenseOptions = {}) {
    if (!Number.isInteger(nIn) || !Number.isInteger(nOut) || nIn < 1 || nOut < 1) {
      throw new ArgumentError(`Dense: sizes must be positive integers, got ${nIn} → ${nOut}`);
    }
    this.activation = options.activation ?? 'linear';
    if (!(this.activation in ACT)) throw new ArgumentError(`Dense: unknown activation '${this.activation}' (have ${Object.keys(ACT).join(', ')})`);
    const init = options.init ?? (this.activation === 'relu' ? 'he' : 'glorot');
    const scale = typeof init === 'number' ? init : Math.sqrt((init === 'he' ? 2 : 1) / nIn);
    const rs = options.seed instanceof RandomState ? options.seed : new RandomState(options.seed ?? 0);
    const w = rs.randn(nIn * nOut);
    for (let i = 0; i < w.length; i++) w[i] = w[i]! * scale;
    this.W = new Tensor(w, [nIn, nOut]);
    this.b = Tensor.zeros([nOut]);
  }

  get params(): Tensor[] {
    return [this.W, this.b];
  }

  /** g(x·W + b) with the given parameters (default: the layer's own). */
  forward(x: Tensor, W: Tensor = this.W, b: Tensor = this.b): Tensor {
    if (x.shape[x.ndim - 1] !== this.nIn) throw new ShapeError(`Dense.forward: input shape ${JSON.stringify(x.shape)} does not end in ${this.nIn}`);
    return ACT[this.activation](x.matmul(W).add(b));
  }
}

/** Loss names for {@link Sequential.fit}. */
export type LossName = 'bce' | 'bceSum' | 'mse' | 'softmax';

/** Options of {@link Sequential.fit}. */
export interface FitOptions {
  /** Default 100. */
  epochs?: number;
  /** Default 'bce' (binary cross-entropy, mean) — the last layer should output probabilities. */
  loss?: LossName;
  /** An optimizer or its name. Default 'sgd'. */
  optimizer?: Optimizer | OptimizerName;
  /** Learning rate when `optimizer` is a name. Default 0.1 (sgd, momentum) or 0.01 (adam). */
  lr?: number;
  /** Called after each epoch (for progress output). */
  onEpoch?: (info: EpochInfo) => void;
  /** Called after each epoch with (epochs done, epochs in total), e.g. for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** What one epoch of {@link Sequential.fit} reports. */
export interface EpochInfo {
  epoch: number;
  loss: number;
  accuracy: number;
  ms: number;
}

/**
 * Layers applied in order; `fit` trains them full-batch through autodiff.
 *
 * @example
 * const model = new Sequential([new Dense(2, 8, { activation: 'tanh', seed: 0 }), new Dense(8, 1, { activation: 'sigmoid', seed: 1 })]);
 * const history = model.fit([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0], { epochs: 500, optimizer: 'adam', lr: 0.05 });
 * history.at(-1)!.accuracy // 1
 */
export class Sequential {
  constructor(readonly layers: Dense[]) {
    if (layers.length === 0) throw new ArgumentError('Sequential: no layers');
    for (let i = 1; i < layers.length; i++) {
      if (layers[i]!.nIn !== layers[i - 1]!.nOut) throw new ShapeError(`Sequential: layer ${i} takes ${layers[i]!.nIn} inputs but layer ${i - 1} gives ${layers[i - 1]!.nOut}`);
    }
  }

  /** All parameters, [W1, b1, W2, b2, …]. */
  get params(): Tensor[] {
    return this.layers.flatMap((l) => l.params);
  }

  /** The network's output for X (rows = samples), optionally with other parameters (for grad). */
  forward(X: TensorLike, params: readonly Tensor[] = this.params): Tensor {
    let h = tensor(X);
    this.layers.forEach((layer, i) => {
      h = layer.forward(h, params[2 * i]!, params[2 * i + 1]!);
    });
    return h;
  }

  /** Predicted classes: threshold 0.5 for one output, argmax for several. */
  predictClasses(X: TensorLike): number[] {
    return classesOf(this.forward(X));
  }

  /** Train full-batch; returns one {@link EpochInfo} per epoch (loss before that epoch's update). */
  fit(X: TensorLike, y: readonly number[], options: FitOptions = {}): EpochInfo[] {
    const { epochs = 100, loss = 'bce' } = options;
    const opt = typeof options.optimizer === 'object'
      ? options.optimizer
      : optimizers[options.optimizer ?? 'sgd']({ lr: options.lr ?? (options.optimizer === 'adam' ? 0.01 : 0.1) });
    if (!opt) throw new ArgumentError(`fit: unknown optimizer '${String(options.optimizer)}' (have sgd, momentum, adam)`);
    if (!(Number.isInteger(epochs) && epochs >= 0)) throw new ArgumentError(`fit: epochs must be a non-negative integer, got ${epochs}`);
    const Xt = tensor(X);
    const nOut = this.layers[this.layers.length - 1]!.nOut;
    checkTrainingData(Xt, y, nOut, loss);
    const target = loss === 'softmax' ? null : new Tensor(Float64Array.from(y), [y.length, 1]).reshape(nOut === 1 ? [y.length, 1] : [y.length / nOut, nOut]);
    let yhatLast: Tensor | null = null;
    const objective = (ps: Tensor[]): Tensor => {
      const out = this.forward(Xt, ps);
      yhatLast = out;
      if (loss === 'softmax') return softmaxCrossEntropy(out, y);
      if (loss === 'mse') return mseLoss(out, target!);
      return binaryCrossEntropy(out, target!, { reduction: loss === 'bceSum' ? 'sum' : 'mean' });
    };
    const step = valueAndGrad(objective);
    const history: EpochInfo[] = [];
    for (let epoch = 0; epoch < epochs; epoch++) {
      const t0 = performance.now();
      const params = this.params;
      const [value, grads] = step(params);
      opt.step(params, grads);
      const ms = performance.now() - t0;
      const out = yhatLast as Tensor | null;
      let acc = NaN;
      if (out && loss !== 'mse') acc = accuracy(y, classesOf(out));
      const info = { epoch, loss: value.item(), accuracy: acc, ms };
      history.push(info);
      options.onEpoch?.(info);
      options.onProgress?.(epoch + 1, epochs);
    }
    return history;
  }
}

/** Classes from network outputs (rows = samples): threshold 0.5 for one output, argmax for several. */
function classesOf(out: Tensor): number[] {
  const k = out.shape[out.ndim - 1] ?? 1;
  const res: number[] = [];
  for (let i = 0; i < out.size; i += k) {
    if (k === 1) res.push(out.data[i]! > 0.5 ? 1 : 0);
    else {
      let best = 0;
      for (let j = 1; j < k; j++) if (out.data[i + j]! > out.data[i + best]!) best = j;
      res.push(best);
    }
  }
  return res;
}

/**
 * Refuse training data that would only give a NaN loss or a confusing reshape error later:
 * X must be a non-empty matrix of finite numbers with one row a label (one row per nOut labels
 * for a multi-output non-softmax loss), and the labels finite.
 */
function checkTrainingData(X: Tensor, y: readonly number[], nOut: number, loss: LossName): void {
  if (X.ndim !== 2 || X.shape[0] === 0) throw new ShapeError(`fit: X must be a non-empty matrix (rows = samples), got shape [${X.shape.join(', ')}]`);
  const rows = X.shape[0]!;
  const perRow = loss === 'softmax' || nOut === 1 ? 1 : nOut;
  if (!Array.isArray(y) || y.length !== rows * perRow) {
    throw new ShapeError(`fit: X has ${rows} rows but y has ${Array.isArray(y) ? y.length : typeof y} labels (expected ${rows * perRow})`);
  }
  const bad = X.data.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new ArgumentError(`fit: X[${Math.floor(bad / X.shape[1]!)}][${bad % X.shape[1]!}] = ${X.data[bad]} is not a finite number`);
  const badY = y.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
  if (badY >= 0) throw new ArgumentError(`fit: y[${badY}] = ${String(y[badY])} is not a finite number`);
}

/**
 * A Sequential MLP from layer sizes: hidden layers use `hidden` (default relu), the last one
 * `output` (default sigmoid); layer i is seeded with `seed + i`.
 *
 * @example
 * mlpModel([2, 16, 16, 1]).layers.length // 3
 */
export function mlpModel(sizes: readonly number[], options: { hidden?: DenseActivation; output?: DenseActivation; seed?: number } = {}): Sequential {
  if (sizes.length < 2) throw new ArgumentError(`mlpModel: need at least two layer sizes, got [${sizes.join(', ')}]`);
  const { hidden = 'relu', output = 'sigmoid', seed = 0 } = options;
  const layers: Dense[] = [];
  for (let i = 1; i < sizes.length; i++) {
    layers.push(new Dense(sizes[i - 1]!, sizes[i]!, { activation: i === sizes.length - 1 ? output : hidden, seed: seed + i }));
  }
  return new Sequential(layers);
}
