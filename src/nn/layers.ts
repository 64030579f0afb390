/**
 * The Dense layer of a Sequential model: y = g(x·W + b), one fused tape node (autodiff `dense`)
 * for the element-wise activations, or the linear layer followed by a row softmax.
 *
 * Public shape (read by exporters such as ONNX): `W` is a Tensor of shape [nIn, nOut] (row-major,
 * `x·W`), `b` a Tensor of shape [nOut], `activation` one of {@link DenseActivation}.
 */
import { ArgumentError, LimitError, ShapeError, describeValue, checkOptions } from '../core/errors.js';
import { RandomState } from '../core/random.js';
import { dense, Tensor } from '../autodiff/index.js';

/** Activations a Dense layer can apply ('softmax' is row-wise, for a classifier's last layer). */
export type DenseActivation = 'relu' | 'sigmoid' | 'tanh' | 'softplus' | 'linear' | 'softmax';

/** Every {@link DenseActivation}, for validation and messages. */
export const DENSE_ACTIVATIONS: readonly DenseActivation[] = ['relu', 'sigmoid', 'tanh', 'softplus', 'linear', 'softmax'];

/** Weights one Dense layer may hold (a tensor's element limit). */
const MAX_WEIGHTS = 2 ** 28;

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
 * layer.forward(tensor([[1, 2]])).shape // → [1, 3]
 */
export class Dense {
  /** Weights, shape [nIn, nOut]. */
  W: Tensor;
  /** Biases, shape [nOut]. */
  b: Tensor;
  readonly activation: DenseActivation;

  constructor(readonly nIn: number, readonly nOut: number, options: DenseOptions = {}) {
    checkOptions('Dense', options, ['activation', 'seed', 'init']);
    if (!Number.isInteger(nIn) || !Number.isInteger(nOut) || nIn < 1 || nOut < 1) {
      throw new ArgumentError(`Dense: sizes must be positive integers, got ${describeValue(nIn)} → ${describeValue(nOut)}`);
    }
    if (nIn * nOut > MAX_WEIGHTS) throw new LimitError(`Dense: ${nIn} × ${nOut} = ${nIn * nOut} weights, above the limit of ${MAX_WEIGHTS} (2^28, 2 GB of float64)`);
    this.activation = options.activation ?? 'linear';
    if (!DENSE_ACTIVATIONS.includes(this.activation)) throw new ArgumentError(`Dense: unknown activation ${describeValue(this.activation)} (have ${DENSE_ACTIVATIONS.join(', ')})`);
    if (this.activation === 'softmax' && nOut < 2) throw new ArgumentError('Dense: a softmax layer needs at least 2 units (use sigmoid for one)');
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

  /** g(x·W + b) with the given parameters (default: the layer's own); x is [m, nIn] or one row [nIn]. */
  forward(x: Tensor, W: Tensor = this.W, b: Tensor = this.b): Tensor {
    return this.activation === 'softmax' ? this.logits(x, W, b).softmax(-1) : this.apply(x, W, b, this.activation);
  }

  /** x·W + b without the activation (what the losses from logits take). */
  logits(x: Tensor, W: Tensor = this.W, b: Tensor = this.b): Tensor {
    return this.apply(x, W, b, 'linear');
  }

  private apply(x: Tensor, W: Tensor, b: Tensor, act: Exclude<DenseActivation, 'softmax'>): Tensor {
    if (x.shape[x.ndim - 1] !== this.nIn || x.ndim > 2 || x.ndim === 0) {
      throw new ShapeError(`Dense.forward: input shape ${JSON.stringify(x.shape)} must be [rows, ${this.nIn}] or [${this.nIn}]`);
    }
    if (x.ndim === 1) return dense(x.reshape([1, this.nIn]), W, b, act).reshape([this.nOut]);
    return dense(x, W, b, act);
  }
}
