/**
 * The training loop behind `Sequential.fit`: (mini)batches through the autodiff tape, with the
 * loss taken from the last layer's logits where that is the stable form (sigmoid + binary
 * cross-entropy, softmax + cross-entropy), weight decay in the optimizer, a learning-rate schedule,
 * a validation split with early stopping, and labels checked against the output layer first.
 *
 * Speed: every step runs the same graph, so a BufferPool per batch size hands each op last step's
 * buffers; for large batches the pool, the parameters and the batch move into one WebAssembly
 * arena so the SIMD matrix kernels work in place. The parameters move back to ordinary arrays
 * when fit returns (or throws).
 */
import { ArgumentError, ShapeError, describeValue, checkOptions } from '../core/errors.js';
import { RandomState } from '../core/random.js';
import {
  BufferPool, newBuffer, setActivePool, sigmoidCrossEntropy, softmaxCrossEntropyWithLogits, Tensor, valueAndGradList,
} from '../autodiff/index.js';
import { takeLabels, takeRows, toLabels, toMatrix, type MatrixLike } from './data.js';
import type { Dense } from './layers.js';
import { mseLoss } from './losses.js';
import { splitIndices } from './model-selection.js';
import { optimizers, type Optimizer, type OptimizerName } from './optimizers.js';
import type { Schedule } from './schedules.js';

/** Loss names for `fit`: binary cross-entropy (mean or sum), mean squared error, softmax cross-entropy. */
export type LossName = 'bce' | 'bceSum' | 'mse' | 'softmax';
const LOSSES: readonly LossName[] = ['bce', 'bceSum', 'mse', 'softmax'];

/** Early stopping on the validation loss. */
export interface EarlyStopping {
  /** Epochs without improvement before stopping. Default 10. */
  patience?: number;
  /** Smallest decrease of the validation loss that counts as an improvement. Default 0. */
  minDelta?: number;
  /** Put back the weights of the best epoch at the end. Default true. */
  restoreBest?: boolean;
}

/** Options of `Sequential.fit`. Unknown options are an ArgumentError. */
export interface FitOptions {
  /** Default 100. */
  epochs?: number;
  /**
   * Default: 'bce' for a sigmoid output, 'softmax' (cross-entropy) for a softmax output or a
   * linear one with several units, 'mse' for one linear unit.
   */
  loss?: LossName;
  /** An optimizer or its name. Default 'sgd'. */
  optimizer?: Optimizer | OptimizerName;
  /** Learning rate when `optimizer` is a name. Default 0.1 (sgd, momentum) or 0.01 (adam, adamw). */
  lr?: number;
  /** Weight decay λ when `optimizer` is a name (L2 for sgd/momentum/adam, decoupled for adamw). Default 0. */
  weightDecay?: number;
  /** Learning rate per epoch from the base rate (see `schedules`). Default constant. */
  lrSchedule?: Schedule;
  /** Samples per gradient step. Default: all (full batch); larger values are clamped to the data size. */
  batchSize?: number;
  /** Reshuffle the training rows every epoch (when batchSize is below the data size). Default true. */
  shuffle?: boolean;
  /** Seed of the shuffles and of the validation split. Default 0. */
  seed?: number;
  /** Hold out this fraction of the rows (seeded, as `trainTestSplit`) to validate on after every epoch. */
  validationSplit?: number;
  /** Validate on these rows instead. */
  validationData?: { X: MatrixLike; y: ArrayLike<number> | ReadonlyArray<ArrayLike<number>> };
  /** Stop when the validation loss stops improving (needs validationSplit or validationData). */
  earlyStopping?: EarlyStopping | boolean;
  /** Called after each epoch (for progress output). */
  onEpoch?: (info: EpochInfo) => void;
  /** Called after each epoch with (epochs done, epochs in total), e.g. for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

const FIT_KEYS: readonly (keyof FitOptions)[] = [
  'epochs', 'loss', 'optimizer', 'lr', 'weightDecay', 'lrSchedule', 'batchSize', 'shuffle', 'seed', 'validationSplit',
  'validationData', 'earlyStopping', 'onEpoch', 'onProgress',
];

/** What one epoch of `fit` reports. */
export interface EpochInfo {
  epoch: number;
  /** Training loss: the mean over the epoch's batches, each measured before its update (full batch: before the epoch's update). */
  loss: number;
  /** Training accuracy on the same outputs (NaN for 'mse'). */
  accuracy: number;
  /** Milliseconds the epoch's training steps took. */
  ms: number;
  /** The learning rate used this epoch. */
  lr: number;
  /** Loss on the validation rows after the epoch's updates (when validating). */
  valLoss?: number;
  valAccuracy?: number;
}

/** How outputs become a loss: which op, from logits or from the activated output. */
type Head = 'sigmoid' | 'softmax' | 'mse';

function headOf(last: Dense, loss: LossName): Head {
  const act = last.activation;
  if (loss === 'mse') return 'mse';
  if (loss === 'softmax') {
    if (act !== 'linear' && act !== 'softmax') throw new ArgumentError(`fit: loss 'softmax' (cross-entropy) takes the logits of a 'softmax' or 'linear' last layer, but it is '${act}'; build the model with output: 'softmax'`);
    if (last.nOut < 2) throw new ArgumentError(`fit: loss 'softmax' needs an output layer of one unit per class (≥ 2), got ${last.nOut}; for two classes a single sigmoid unit with loss 'bce' also works`);
    return 'softmax';
  }
  if (act !== 'sigmoid') throw new ArgumentError(`fit: loss '${loss}' needs probabilities from a 'sigmoid' last layer, but it is '${act}'${act === 'softmax' || last.nOut > 1 ? "; for classes use loss 'softmax'" : ''}`);
  return 'sigmoid';
}

/** The default loss for a last layer. */
export function defaultLoss(last: Dense): LossName {
  if (last.activation === 'sigmoid') return 'bce';
  if (last.activation === 'softmax' || (last.activation === 'linear' && last.nOut > 1)) return 'softmax';
  return last.activation === 'linear' ? 'mse' : 'bce';
}

function fmtValues(vals: readonly number[]): string {
  return vals.length > 6 ? `${vals.slice(0, 6).join(', ')}, …` : vals.join(', ');
}

/** Labels that fit the output layer, or an ArgumentError that says what to change. */
function checkLabels(y: Float64Array, head: Head, last: Dense, rows: number, where: string): void {
  const k = last.nOut;
  const perRow = head === 'softmax' ? 1 : k;
  if (y.length !== rows * perRow) {
    const hint = head === 'sigmoid' && k > 1 && y.length === rows ? "; for one class label per row use a 'softmax' output with loss 'softmax'" : '';
    throw new ShapeError(`fit: ${where}X has ${rows} rows but ${where}y has ${y.length} labels (expected ${rows * perRow}${perRow > 1 ? `: ${perRow} per row for ${perRow} outputs` : ''})${hint}`);
  }
  const distinct = [...new Set(y)].sort((a, b) => a - b);
  if (head === 'sigmoid') {
    if (distinct.every((v) => v === 0 || v === 1)) return;
    if (distinct.every((v) => v === -1 || v === 1)) {
      throw new ArgumentError(`fit: labels are -1/1 (as an SVM takes) but a sigmoid output with binary cross-entropy needs 0/1; map them first: y.map((v) => (v > 0 ? 1 : 0))`);
    }
    if (k === 1 && distinct.every((v) => Number.isInteger(v) && v >= 0)) {
      const c = distinct[distinct.length - 1]! + 1;
      throw new ArgumentError(`fit: labels have ${distinct.length} values (${fmtValues(distinct)}) but the output layer is one sigmoid unit, which separates 2 classes (0/1); for ${c} classes use ${c} output units with output 'softmax', e.g. mlpModel([…, ${c}], { output: 'softmax' })`);
    }
    throw new ArgumentError(`fit: binary cross-entropy needs labels 0 or 1, got ${fmtValues(distinct)}`);
  }
  if (head === 'softmax') {
    const bad = distinct.find((v) => !Number.isInteger(v) || v < 0 || v >= k);
    if (bad !== undefined) {
      const hint = Number.isInteger(bad) && bad >= k ? `; the output layer has ${k} units, so classes are 0…${k - 1}` : '; classes are integers 0…k−1 (map your labels to indices first)';
      throw new ArgumentError(`fit: label ${bad} is not a class index${hint}`);
    }
  }
}

interface Split {
  X: Tensor;
  y: Float64Array;
}

/** Snapshot of parameter values (for restoring the best epoch). */
function snapshot(layers: readonly Dense[]): Float64Array[] {
  return layers.flatMap((l) => [Float64Array.from(l.W.data), Float64Array.from(l.b.data)]);
}

/**
 * Train `layers` (a Sequential's) on X, y. Returns one {@link EpochInfo} per epoch run.
 * The layers' W and b are replaced by trained tensors (same shapes).
 */
export function fitLayers(layers: Dense[], X: MatrixLike, yIn: ArrayLike<number> | ReadonlyArray<ArrayLike<number>>, options: FitOptions = {}): EpochInfo[] {
  checkOptions('fit', options, FIT_KEYS);
  const last = layers[layers.length - 1]!;
  const loss = options.loss ?? defaultLoss(last);
  if (!LOSSES.includes(loss)) throw new ArgumentError(`fit: unknown loss ${describeValue(loss)} (have ${LOSSES.join(', ')})`);
  const head = headOf(last, loss);
  const epochs = options.epochs ?? 100;
  if (!(Number.isInteger(epochs) && epochs >= 0)) throw new ArgumentError(`fit: epochs must be a non-negative integer, got ${describeValue(epochs)}`);
  const seed = options.seed ?? 0;
  if (!(Number.isInteger(seed) && seed >= 0)) throw new ArgumentError(`fit: seed must be a non-negative integer, got ${describeValue(seed)}`);

  const opt = makeOptimizer(options);
  const baseLr = opt.lr;
  const schedule = options.lrSchedule;
  if (schedule !== undefined && typeof schedule !== 'function') throw new ArgumentError('fit: lrSchedule must be a schedule function, e.g. schedules.step({ stepSize: 10 })');

  const Xall = toMatrix('fit', X);
  if (Xall.shape[1] !== layers[0]!.nIn) throw new ArgumentError(`fit: X has ${Xall.shape[1]} features but the first layer takes ${layers[0]!.nIn}`);
  const perRow = head === 'softmax' ? 1 : last.nOut;
  const yAll = toLabels('fit', yIn, perRow);
  checkLabels(yAll, head, last, Xall.shape[0]!, '');

  // Validation rows: a seeded split of the data, or data given separately.
  let train: Split = { X: Xall, y: yAll };
  let val: Split | null = null;
  if (options.validationSplit !== undefined && options.validationData !== undefined) throw new ArgumentError('fit: give validationSplit or validationData, not both');
  if (options.validationSplit !== undefined) {
    const f = options.validationSplit;
    if (!(typeof f === 'number' && f > 0 && f < 1)) throw new ArgumentError(`fit: validationSplit must be a fraction in (0, 1), got ${describeValue(f)}`);
    const { train: tr, test: te } = splitIndices(Xall.shape[0]!, { testSize: f, seed });
    train = { X: takeRows(Xall, tr), y: takeLabels(yAll, tr, perRow) };
    val = { X: takeRows(Xall, te), y: takeLabels(yAll, te, perRow) };
  } else if (options.validationData !== undefined) {
    const vd = options.validationData;
    if (vd === null || typeof vd !== 'object') throw new ArgumentError('fit: validationData must be { X, y }');
    checkOptions('fit: validationData', vd, ['X', 'y']);
    const vX = toMatrix('fit: validationData', vd.X);
    if (vX.shape[1] !== layers[0]!.nIn) throw new ArgumentError(`fit: validationData.X has ${vX.shape[1]} features but the first layer takes ${layers[0]!.nIn}`);
    const vy = toLabels('fit: validationData', vd.y, perRow);
    checkLabels(vy, head, last, vX.shape[0]!, 'validationData.');
    val = { X: vX, y: vy };
  }
  const es = options.earlyStopping === true ? {} : options.earlyStopping === false ? undefined : options.earlyStopping;
  if (es !== undefined) {
    checkOptions('fit: earlyStopping', es, ['patience', 'minDelta', 'restoreBest']);
    if (!val) throw new ArgumentError('fit: earlyStopping watches the validation loss: give validationSplit (e.g. 0.1) or validationData');
  }
  const patience = es?.patience ?? 10;
  if (es && !(Number.isInteger(patience) && patience >= 1)) throw new ArgumentError(`fit: earlyStopping.patience must be an integer ≥ 1, got ${describeValue(patience)}`);
  const minDelta = es?.minDelta ?? 0;
  if (es && !(minDelta >= 0)) throw new ArgumentError(`fit: earlyStopping.minDelta must be ≥ 0, got ${describeValue(minDelta)}`);

  const n = train.X.shape[0]!;
  const batchIn = options.batchSize ?? n;
  if (!(Number.isInteger(batchIn) && batchIn >= 1)) throw new ArgumentError(`fit: batchSize must be a positive integer, got ${describeValue(batchIn)}`);
  const batch = Math.min(batchIn, n);
  const shuffle = options.shuffle ?? true;
  if (typeof shuffle !== 'boolean') throw new ArgumentError(`fit: shuffle must be true or false, got ${String(shuffle)}`);
  const rs = new RandomState(seed);
  const d = train.X.shape[1]!;

  const stepper = new Stepper(layers, head, loss, opt, train.X.data, train.y, d, perRow);

  const pools = new Map<number, BufferPool>();
  const widest = Math.max(...layers.map((l) => l.nOut), d);
  let arenaTried = false;
  let movedToArena = false;
  const history: EpochInfo[] = [];
  let best = Infinity;
  let bestParams: Float64Array[] | null = null;
  let sinceBest = 0;
  let order: number[] = Array.from({ length: n }, (_, i) => i);
  const inOrder = batch >= n || !shuffle;
  try {
    for (let epoch = 0; epoch < epochs; epoch++) {
      const lr = schedule ? schedule(epoch, baseLr) : baseLr;
      if (!(lr > 0 && Number.isFinite(lr)) && !(lr === 0)) throw new ArgumentError(`fit: the learning-rate schedule gave ${lr} at epoch ${epoch}`);
      opt.lr = lr;
      if (!inOrder) order = rs.permutation(n);
      const t0 = performance.now();
      let lossSum = 0;
      stepper.hits = 0;
      for (let start = 0; start < n; start += batch) {
        const rows = Math.min(batch, n - start);
        let pool = pools.get(rows);
        if (!pool) pools.set(rows, (pool = new BufferPool()));
        const value = stepper.run(pool, inOrder && rows === n ? null : order, start, rows);
        lossSum += loss === 'bceSum' ? value : value * rows;
        if (!arenaTried && rows === batch && rows * widest >= 1 << 16) {
          // After the first big step: buffers, parameters and batch into one arena.
          arenaTried = true;
          const moved = pool.toArena(layers.flatMap((l) => [l.W.data, l.b.data]));
          if (moved) movedToArena = true;
          if (moved) layers.forEach((l, i) => {
            l.W = new Tensor(moved[2 * i]!, l.W.shape);
            l.b = new Tensor(moved[2 * i + 1]!, l.b.shape);
          });
        }
      }
      const ms = performance.now() - t0;
      const info: EpochInfo = { epoch, loss: loss === 'bceSum' ? lossSum : lossSum / n, accuracy: head === 'mse' ? NaN : stepper.hits / (head === 'sigmoid' && perRow > 1 ? n * perRow : n), ms, lr };
      if (val) {
        const [vl, va] = evaluate(layers, val, head, loss);
        info.valLoss = vl;
        info.valAccuracy = va;
      }
      history.push(info);
      options.onEpoch?.(info);
      options.onProgress?.(epoch + 1, epochs);
      if (es && val) {
        if (info.valLoss! < best - minDelta) {
          best = info.valLoss!;
          sinceBest = 0;
          if (es.restoreBest !== false) bestParams = snapshot(layers);
        } else if (++sinceBest >= patience) break;
      }
    }
  } finally {
    // Parameters leave the arena as ordinary arrays. (Without an arena they are the layers' own
    // arrays, updated in place: the layers keep their tensors, and their fields stay unwritten.)
    if (movedToArena) layers.forEach((l) => {
      l.W = new Tensor(Float64Array.from(l.W.data), l.W.shape);
      l.b = new Tensor(Float64Array.from(l.b.data), l.b.shape);
    });
    for (const p of pools.values()) p.release();
  }
  if (bestParams) {
    layers.forEach((l, i) => {
      l.W.data.set(bestParams![2 * i]!);
      l.b.data.set(bestParams![2 * i + 1]!);
    });
  }
  return history;
}

/**
 * One fit's training steps. The step is a prototype method and the loss a module-level function
 * (not closures made per fit), so their optimized code carries over from one fit to the next, and
 * a step allocates little: the pool is made active without a closure, and the input tensor and
 * the parameter list are made again only when their arrays change.
 */
class Stepper {
  /** Correct predictions since the counter was last reset (per epoch). */
  hits = 0;
  /** The network output of the last step (logits for the cross-entropies). */
  out: Tensor | null = null;
  private xt: Tensor | null = null;
  private readonly params: Tensor[];

  constructor(
    readonly layers: readonly Dense[], readonly head: Head, readonly loss: LossName, private readonly opt: Optimizer,
    private readonly X: Float64Array, private readonly y: Float64Array, private readonly d: number, private readonly perRow: number,
  ) {
    this.params = new Array<Tensor>(2 * layers.length);
  }

  /** One gradient step on the rows order[start…start+rows) (rows 0…rows−1 when order is null); returns the batch loss. */
  run(pool: BufferPool, order: readonly number[] | null, start: number, rows: number): number {
    const { d, perRow, X, y, layers, params } = this;
    pool.begin();
    const outer = setActivePool(pool);
    try {
      // The batch: rows of X and their targets, copied into pool buffers.
      const xb = newBuffer(rows * d);
      const tb = newBuffer(rows * perRow);
      if (order === null) {
        xb.set(X.subarray(0, rows * d));
        tb.set(y.subarray(0, rows * perRow));
      } else {
        for (let i = 0; i < rows; i++) {
          const r = order[start + i]!;
          xb.set(X.subarray(r * d, (r + 1) * d), i * d);
          for (let j = 0; j < perRow; j++) tb[i * perRow + j] = y[r * perRow + j]!;
        }
      }
      if (this.xt === null || this.xt.data !== xb) this.xt = new Tensor(xb, [rows, d]);
      for (let i = 0; i < layers.length; i++) {
        params[2 * i] = layers[i]!.W;
        params[2 * i + 1] = layers[i]!.b;
      }
      const [v, grads] = valueAndGradList(objective, params, this, this.xt, tb);
      this.opt.step(params, grads);
      if (this.head !== 'mse') this.hits += correct(this.out!, tb, this.head);
      return v.item();
    } finally {
      setActivePool(outer);
    }
  }
}

/** One step's loss on a batch already copied into pool buffers (and the output kept for accuracy). */
function objective(ps: Tensor[], st: Stepper, xb: Tensor, tb: Float64Array): Tensor {
  const out = outputs(st.layers, xb, ps, st.head);
  st.out = out;
  if (st.head === 'sigmoid') return sigmoidCrossEntropy(out, tb, st.loss === 'bceSum' ? 'sum' : 'mean');
  if (st.head === 'softmax') return softmaxCrossEntropyWithLogits(out, tb);
  return mseLoss(out, new Tensor(tb, out.shape));
}

function makeOptimizer(options: FitOptions): Optimizer {
  const o = options.optimizer;
  if (o !== undefined && typeof o === 'object') {
    if (o === null || typeof o.step !== 'function') throw new ArgumentError('fit: optimizer must be a name (sgd, momentum, adam, adamw) or an optimizer object');
    for (const k of ['lr', 'weightDecay'] as const) {
      if (options[k] !== undefined) throw new ArgumentError(`fit: ${k} is ignored when optimizer is an object; set it there (optimizers.${o.name}({ ${k}: … }))`);
    }
    return o;
  }
  const name = o ?? 'sgd';
  const make = Object.hasOwn(optimizers, name) ? optimizers[name as OptimizerName] : undefined;
  if (!make) throw new ArgumentError(`fit: unknown optimizer ${describeValue(name)} (have ${Object.keys(optimizers).join(', ')})`);
  const lr = options.lr ?? (name === 'adam' || name === 'adamw' ? 0.01 : 0.1);
  return make(options.weightDecay === undefined ? { lr } : { lr, weightDecay: options.weightDecay });
}

/** The network's last pre-loss tensor: logits for the cross-entropies, the output for mse. */
export function outputs(layers: readonly Dense[], x: Tensor, ps: readonly Tensor[] | null, head: Head): Tensor {
  let h = x;
  const L = layers.length;
  for (let i = 0; i < L; i++) {
    const l = layers[i]!;
    const W = ps ? ps[2 * i]! : l.W;
    const b = ps ? ps[2 * i + 1]! : l.b;
    h = i === L - 1 && head !== 'mse' ? l.logits(h, W, b) : l.forward(h, W, b);
  }
  return h;
}

/** Correct predictions among logits `z` for targets `t`: σ(z) > 0.5 per entry, or the argmax class per row. */
function correct(z: Tensor, t: Float64Array, head: Head): number {
  const d = z.data;
  let hits = 0;
  if (head === 'sigmoid') {
    for (let i = 0; i < d.length; i++) hits += +((d[i]! > 0 ? 1 : 0) === t[i]);
    return hits;
  }
  const k = z.shape[1]!;
  for (let i = 0, r = 0; r < d.length; i++, r += k) {
    let best = 0;
    for (let j = 1; j < k; j++) if (d[r + j]! > d[r + best]!) best = j;
    hits += +(best === t[i]);
  }
  return hits;
}

/** Loss and accuracy on held-out rows with the current weights (no gradients). */
function evaluate(layers: readonly Dense[], s: Split, head: Head, loss: LossName): [number, number] {
  const out = outputs(layers, s.X, null, head);
  const rows = s.X.shape[0]!;
  if (head === 'mse') return [mseLoss(out, new Tensor(s.y, out.shape)).item(), NaN];
  const l = head === 'sigmoid' ? sigmoidCrossEntropy(out, s.y, loss === 'bceSum' ? 'sum' : 'mean') : softmaxCrossEntropyWithLogits(out, s.y);
  return [l.item(), correct(out, s.y, head) / (head === 'sigmoid' ? s.y.length : rows)];
}
