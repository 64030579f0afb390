/**
 * A `Sequential` stack of `Dense` layers trained through autodiff (fit.ts): predictions,
 * probabilities, and saving to / loading from versioned JSON that round-trips every weight exactly.
 * (The explicit MLP in mlp.ts does the same training by hand.)
 *
 * Public shape (read by exporters): `model.layers` is the list of Dense layers, each with `W`
 * [nIn, nOut], `b` [nOut] and `activation`.
 */
import { ArgumentError, ShapeError, describeValue, checkOptions } from '../core/errors.js';
import { Tensor } from '../autodiff/index.js';
import { toMatrix, type MatrixLike } from './data.js';
import { defaultLoss, fitLayers, outputs, type EpochInfo, type FitOptions } from './fit.js';
import { Dense, DENSE_ACTIVATIONS, type DenseActivation } from './layers.js';

export type { EpochInfo, FitOptions, LossName, EarlyStopping } from './fit.js';
export { Dense, DENSE_ACTIVATIONS } from './layers.js';
export type { DenseActivation, DenseOptions } from './layers.js';

/** The `format` field of a saved model. */
export const MODEL_FORMAT = 'nabla.sequential';
/** The version `save` writes; `load` reads versions up to this one. */
export const MODEL_VERSION = 1;

/** One layer in a saved model: sizes, activation, and W (row-major, nIn·nOut values) and b. */
export interface SavedLayer {
  nIn: number;
  nOut: number;
  activation: DenseActivation;
  W: number[];
  b: number[];
}

/** A saved model (what `toJSON` returns and `save` writes). */
export interface SavedModel {
  format: typeof MODEL_FORMAT;
  version: number;
  layers: SavedLayer[];
}

/** Numbers as JSON, keeping −0 (JSON.stringify writes 0) so a round trip is exact to the bit. */
function numbersJson(a: ArrayLike<number>): string {
  let s = '[';
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    s += (i ? ',' : '') + (Object.is(v, -0) ? '-0' : String(v));
  }
  return s + ']';
}

/**
 * Layers applied in order; `fit` trains them through autodiff (full batch or minibatches).
 *
 * @example
 * const model = new Sequential([new Dense(2, 8, { activation: 'tanh', seed: 0 }), new Dense(8, 1, { activation: 'sigmoid', seed: 1 })]);
 * const history = model.fit([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0], { epochs: 500, optimizer: 'adam', lr: 0.05 });
 * history.at(-1)!.accuracy // → 1
 */
export class Sequential {
  constructor(readonly layers: Dense[]) {
    if (!Array.isArray(layers) || layers.length === 0) throw new ArgumentError('Sequential: no layers');
    for (let i = 0; i < layers.length; i++) {
      if (!(layers[i] instanceof Dense)) throw new ArgumentError(`Sequential: layer ${i} is not a Dense layer`);
      if (i > 0 && layers[i]!.nIn !== layers[i - 1]!.nOut) throw new ShapeError(`Sequential: layer ${i} takes ${layers[i]!.nIn} inputs but layer ${i - 1} gives ${layers[i - 1]!.nOut}`);
      if (i < layers.length - 1 && layers[i]!.activation === 'softmax') throw new ArgumentError(`Sequential: softmax is only for the last layer (layer ${i} of ${layers.length})`);
    }
  }

  /** All parameters, [W1, b1, W2, b2, …]. */
  get params(): Tensor[] {
    return this.layers.flatMap((l) => l.params);
  }

  /** The network's output for X (rows = samples), optionally with other parameters (for grad). */
  forward(X: MatrixLike | Tensor, params: readonly Tensor[] = this.params): Tensor {
    let h = X instanceof Tensor ? X : toMatrix('forward', X);
    this.layers.forEach((layer, i) => {
      h = layer.forward(h, params[2 * i]!, params[2 * i + 1]!);
    });
    return h;
  }

  private get output(): Dense {
    return this.layers[this.layers.length - 1]!;
  }

  /** Whether the output layer scores classes (sigmoid, softmax, or several linear logits). */
  private classifierHead(op: string): 'sigmoid' | 'softmax' {
    const last = this.output;
    if (last.activation === 'sigmoid') return 'sigmoid';
    if (last.activation === 'softmax' || (last.activation === 'linear' && last.nOut > 1)) return 'softmax';
    throw new ArgumentError(`${op}: the output layer ('${last.activation}', ${last.nOut} unit${last.nOut > 1 ? 's' : ''}) does not score classes; use output 'sigmoid' (two classes) or 'softmax'`);
  }

  /**
   * Predicted classes: σ > 0.5 for one sigmoid output (per entry for several), else the class with
   * the largest score.
   */
  predictClasses(X: MatrixLike): number[] {
    const head = this.classifierHead('predictClasses');
    const z = outputs(this.layers, toMatrix('predictClasses', X), null, head);
    const k = z.shape[1]!;
    if (head === 'sigmoid') return Array.from(z.data, (v) => (v > 0 ? 1 : 0));
    const res: number[] = [];
    for (let r = 0; r < z.size; r += k) {
      let best = 0;
      for (let j = 1; j < k; j++) if (z.data[r + j]! > z.data[r + best]!) best = j;
      res.push(best);
    }
    return res;
  }

  /**
   * Class probabilities, one row per sample (scikit-learn's `predict_proba`): [1 − p, p] for one
   * sigmoid output, the softmax of the scores for several classes.
   *
   * @example
   * mlpModel([2, 4, 3], { output: 'softmax' }).predictProba([[0, 1]])[0].length // → 3
   */
  predictProba(X: MatrixLike): number[][] {
    const head = this.classifierHead('predictProba');
    const x = toMatrix('predictProba', X);
    if (head === 'sigmoid' && this.output.nOut > 1) throw new ArgumentError('predictProba: several sigmoid outputs are independent probabilities (multi-label); use forward(X)');
    const z = outputs(this.layers, x, null, head);
    const rows = x.shape[0]!;
    if (head === 'sigmoid') {
      const p = z.sigmoid().data;
      return Array.from({ length: rows }, (_, i) => [1 - p[i]!, p[i]!]);
    }
    const p = z.softmax(-1);
    const k = p.shape[1]!;
    return Array.from({ length: rows }, (_, i) => Array.from(p.data.subarray(i * k, (i + 1) * k)));
  }

  /**
   * Train on X (rows = samples) and labels y; returns one EpochInfo per epoch. See FitOptions for
   * batch size, weight decay, schedules, validation and early stopping.
   */
  fit(X: MatrixLike, y: ArrayLike<number> | ReadonlyArray<ArrayLike<number>>, options: FitOptions = {}): EpochInfo[] {
    return fitLayers(this.layers, X, y, options);
  }

  /** The loss `fit` uses when none is given. */
  get defaultLoss(): string {
    return defaultLoss(this.output);
  }

  /** The model as a plain object (`JSON.stringify(model)` uses it; use `save` to keep −0 too). */
  toJSON(): SavedModel {
    return {
      format: MODEL_FORMAT,
      version: MODEL_VERSION,
      layers: this.layers.map((l) => ({ nIn: l.nIn, nOut: l.nOut, activation: l.activation, W: Array.from(l.W.data), b: Array.from(l.b.data) })),
    };
  }

  /**
   * The model as versioned JSON text; `Sequential.load(text)` gives back a model whose weights are
   * equal to the bit (so its predictions are identical).
   *
   * @example
   * const model = mlpModel([2, 4, 1]);
 * Sequential.load(model.save()).save() === model.save() // → true (same weights, same outputs)
   */
  save(): string {
    for (const [i, l] of this.layers.entries()) {
      for (const [name, t] of [['W', l.W], ['b', l.b]] as const) {
        const bad = t.data.findIndex((v) => !Number.isFinite(v));
        if (bad >= 0) throw new ArgumentError(`save: layer ${i} ${name}[${bad}] is ${t.data[bad]} (training diverged?); JSON cannot hold it`);
      }
    }
    const layers = this.layers.map(
      (l) => `{"nIn":${l.nIn},"nOut":${l.nOut},"activation":${JSON.stringify(l.activation)},"W":${numbersJson(l.W.data)},"b":${numbersJson(l.b.data)}}`,
    );
    return `{"format":${JSON.stringify(MODEL_FORMAT)},"version":${MODEL_VERSION},"layers":[${layers.join(',')}]}`;
  }

  /** A model from `save()` text or a `toJSON()` object; malformed input is an ArgumentError. */
  static load(saved: string | SavedModel): Sequential {
    let obj: unknown = saved;
    if (typeof saved === 'string') {
      try {
        obj = JSON.parse(saved);
      } catch (e) {
        throw new ArgumentError(`Sequential.load: not JSON (${(e as Error).message})`);
      }
    }
    const m = obj as Partial<SavedModel> | null;
    if (!m || typeof m !== 'object' || m.format !== MODEL_FORMAT) throw new ArgumentError(`Sequential.load: not a saved nabla model (format should be '${MODEL_FORMAT}')`);
    if (!Number.isInteger(m.version) || m.version! < 1 || m.version! > MODEL_VERSION) {
      throw new ArgumentError(`Sequential.load: model version ${String(m.version)} is not supported (this nabla reads up to ${MODEL_VERSION})`);
    }
    if (!Array.isArray(m.layers) || m.layers.length === 0) throw new ArgumentError('Sequential.load: the model has no layers');
    const layers = m.layers.map((s, i) => {
      if (!s || typeof s !== 'object') throw new ArgumentError(`Sequential.load: layer ${i} is not an object`);
      if (!DENSE_ACTIVATIONS.includes(s.activation)) throw new ArgumentError(`Sequential.load: layer ${i} has unknown activation ${describeValue(s.activation)}`);
      const layer = new Dense(s.nIn, s.nOut, { activation: s.activation, init: 0 });
      const fill = (name: 'W' | 'b', values: unknown, n: number): Float64Array => {
        if (!Array.isArray(values) || values.length !== n) throw new ArgumentError(`Sequential.load: layer ${i} ${name} should have ${n} values`);
        const out = Float64Array.from(values as number[]);
        const bad = values.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
        if (bad >= 0) throw new ArgumentError(`Sequential.load: layer ${i} ${name}[${bad}] is not a finite number`);
        return out;
      };
      layer.W = new Tensor(fill('W', s.W, s.nIn * s.nOut), [s.nIn, s.nOut]);
      layer.b = new Tensor(fill('b', s.b, s.nOut), [s.nOut]);
      return layer;
    });
    return new Sequential(layers);
  }
}

/** Options of {@link mlpModel}. */
export interface MlpModelOptions {
  /** Hidden activation. Default 'relu'. */
  hidden?: DenseActivation;
  /** Output activation: 'sigmoid' (default), 'softmax' for classes, 'linear' for regression. */
  output?: DenseActivation;
  /** Layer i is seeded with seed + i. Default 0. */
  seed?: number;
}

/**
 * A Sequential MLP from layer sizes: hidden layers use `hidden` (default relu), the last one
 * `output` (default sigmoid); layer i is seeded with `seed + i`.
 *
 * @example
 * mlpModel([2, 16, 16, 1]).layers.length // → 3
 * mlpModel([4, 8, 3], { output: 'softmax' }).predictProba([[1, 2, 3, 4]])[0].length // → 3 (a 3-class classifier)
 */
export function mlpModel(sizes: readonly number[], options: MlpModelOptions = {}): Sequential {
  if (!Array.isArray(sizes) || sizes.length < 2) throw new ArgumentError(`mlpModel: need at least two layer sizes, got ${Array.isArray(sizes) ? `[${sizes.map(describeValue).join(', ')}]` : describeValue(sizes)}`);
  checkOptions('mlpModel', options, ['hidden', 'output', 'seed']);
  const { hidden = 'relu', output = 'sigmoid', seed = 0 } = options;
  if (hidden === 'softmax') throw new ArgumentError("mlpModel: softmax is only for the output layer (hidden: 'relu', 'tanh', …)");
  const layers: Dense[] = [];
  for (let i = 1; i < sizes.length; i++) {
    layers.push(new Dense(sizes[i - 1]!, sizes[i]!, { activation: i === sizes.length - 1 ? output : hidden, seed: seed + i }));
  }
  return new Sequential(layers);
}
