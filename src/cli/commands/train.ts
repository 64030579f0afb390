import type { Command } from 'commander';
import { ArgumentError, ConvergenceError, LimitError, describeValue } from '../../core/errors.js';
import {
  makeBlobs, makeCircles, makeMoons, mlpModel, optimizers, schedules, type Dataset, type EpochInfo, type FitOptions, type OptimizerName, type Schedule,
} from '../../nn/index.js';
import type { CliIO } from '../io.js';
import { createProgress } from '../progress.js';
import { writeUserFile } from '../write-file.js';
import { toONNX } from '../../onnx/index.js';

/** Options of `nabla train` (commander's parsed strings). */
interface TrainCliOptions {
  data: string;
  samples: string;
  layers: string;
  epochs: string;
  lr?: string;
  optimizer: string;
  seed: string;
  noise: string;
  every: string;
  batchSize?: string;
  weightDecay?: string;
  schedule?: string;
  validation?: string;
  patience?: string;
  save?: string;
  json?: boolean;
  onnx?: string;
}

/**
 * Limits that keep a typo from exhausting memory or running for days: V8 aborts the whole process
 * (no catchable error) when arrays grow past its limits, e.g. at --samples 1e9.
 */
const MAX_SAMPLES = 1_000_000;
const MAX_EPOCHS = 1_000_000;
/** samples × widest layer: the activations of one layer, 2²⁶ doubles = 512 MiB. */
const MAX_ACTIVATIONS = 2 ** 26;

function num(name: string, text: string, check: (v: number) => boolean, need: string): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || !check(v)) throw new ArgumentError(`--${name} must be ${need}, got '${text}'`);
  return v;
}

function dataset(kind: string, n: number, noise: number, classes: number, seed: number): Dataset {
  if (kind === 'circles') return makeCircles({ nSamples: n, factor: 0.5, noise, seed });
  if (kind === 'moons') return makeMoons({ nSamples: n, noise, seed });
  if (kind === 'blobs') return makeBlobs({ nSamples: n, centers: classes, seed });
  throw new ArgumentError(`--data must be circles, moons or blobs, got '${kind}'`);
}

/** `--schedule`: cosine | step:<epochs>[:<gamma>] | exp:<gamma> | warmup:<epochs>. */
function parseSchedule(text: string, epochs: number): Schedule {
  const [kind, a, b, ...rest] = text.split(':');
  const arg = (name: string, v: string | undefined, check: (x: number) => boolean, need: string): number => num(`schedule ${name}`, v ?? '', check, need);
  if (rest.length === 0) {
    if (kind === 'cosine' && a === undefined) return schedules.cosine({ epochs });
    if (kind === 'step' && a !== undefined) {
      const stepSize = arg('step size', a, (v) => Number.isInteger(v) && v >= 1, 'a positive integer');
      return schedules.step({ stepSize, gamma: b === undefined ? 0.1 : arg('gamma', b, (v) => v > 0, 'a number > 0') });
    }
    if (kind === 'exp' && a !== undefined && b === undefined) return schedules.exponential({ gamma: arg('gamma', a, (v) => v > 0, 'a number > 0') });
    if (kind === 'warmup' && a !== undefined && b === undefined) return schedules.warmup({ epochs: arg('epochs', a, (v) => Number.isInteger(v) && v >= 1, 'a positive integer') });
  }
  throw new ArgumentError(`--schedule must be cosine, step:<epochs>[:<gamma>], exp:<gamma> or warmup:<epochs>, got '${text}'`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/**
 * `nabla train`: build an MLP from `--layers`, train it through autodiff on a generated dataset
 * (full batch or minibatches, optional weight decay, schedule, validation and early stopping),
 * report loss, accuracy and time per epoch, and optionally save the model.
 */
export function runTrain(opts: TrainCliOptions, io: CliIO): void {
  const n = num('samples', opts.samples, (v) => Number.isInteger(v) && v >= 2, 'an integer ≥ 2');
  if (n > MAX_SAMPLES) throw new LimitError(`--samples ${n} is above the limit of ${MAX_SAMPLES}`);
  const epochs = num('epochs', opts.epochs, (v) => Number.isInteger(v) && v >= 1, 'an integer ≥ 1');
  if (epochs > MAX_EPOCHS) throw new LimitError(`--epochs ${epochs} is above the limit of ${MAX_EPOCHS}`);
  const seed = num('seed', opts.seed, (v) => Number.isInteger(v) && v >= 0, 'a non-negative integer');
  const noise = num('noise', opts.noise, (v) => v >= 0, 'a number ≥ 0');
  const every = num('every', opts.every, (v) => Number.isInteger(v) && v >= 1, 'an integer ≥ 1');
  const layers = opts.layers.split(',').map((s) => num('layers', s, (v) => Number.isInteger(v) && v >= 1, 'comma-separated positive integers like 2,16,16,1'));
  if (layers.length < 2) throw new ArgumentError(`--layers needs at least an input and an output size, got '${opts.layers}'`);
  if (layers[0] !== 2) throw new ArgumentError(`--layers must start with 2: the datasets have 2 features (got ${layers[0]})`);
  const widest = Math.max(...layers);
  if (n * widest > MAX_ACTIVATIONS) {
    throw new LimitError(`--samples ${n} × widest layer ${widest} = ${n * widest} activations is above the limit of ${MAX_ACTIVATIONS}; use fewer samples or narrower layers`);
  }
  const optimizer = opts.optimizer as OptimizerName;
  const names = Object.keys(optimizers);
  if (!names.includes(optimizer)) throw new ArgumentError(`--optimizer must be ${names.slice(0, -1).join(', ')} or ${names.at(-1)}, got '${opts.optimizer}'`);
  const adamLike = optimizer === 'adam' || optimizer === 'adamw';
  const lr = opts.lr === undefined ? (adamLike ? 0.01 : 0.5) : num('lr', opts.lr, (v) => v > 0, 'a positive number');
  const fitExtra: FitOptions = {};
  if (opts.batchSize !== undefined) fitExtra.batchSize = num('batch-size', opts.batchSize, (v) => Number.isInteger(v) && v >= 1, 'a positive integer');
  if (opts.weightDecay !== undefined) fitExtra.weightDecay = num('weight-decay', opts.weightDecay, (v) => v >= 0, 'a number ≥ 0');
  if (opts.schedule !== undefined) fitExtra.lrSchedule = parseSchedule(opts.schedule, epochs);
  if (opts.validation !== undefined) fitExtra.validationSplit = num('validation', opts.validation, (v) => v > 0 && v < 1, 'a fraction between 0 and 1');
  if (opts.patience !== undefined) {
    if (fitExtra.validationSplit === undefined) throw new ArgumentError('--patience stops on the validation loss: give --validation too (e.g. --validation 0.2)');
    fitExtra.earlyStopping = { patience: num('patience', opts.patience, (v) => Number.isInteger(v) && v >= 1, 'a positive integer') };
  }
  if (opts.save !== undefined && !opts.save.toLowerCase().endsWith('.json')) throw new ArgumentError(`--save: use a .json file name, got '${opts.save}'`);
  const outputs = layers[layers.length - 1]!;
  if (opts.data !== 'blobs' && outputs !== 1) throw new ArgumentError(`--data ${opts.data} has 2 classes: the last layer must have 1 unit (got ${describeValue(outputs)})`);
  const classes = outputs === 1 ? 2 : outputs;
  const { X, y } = dataset(opts.data, n, noise, classes, seed);

  const softmax = outputs > 1;
  const model = mlpModel(layers, { hidden: 'relu', output: softmax ? 'softmax' : 'sigmoid', seed });
  const history: EpochInfo[] = [];
  // A bar on stderr when the output goes to a terminal; epoch lines are printed above it.
  const bar = createProgress({ label: 'training', enabled: process.stdout.isTTY === true });
  const onEpoch = (h: EpochInfo): void => {
    // A NaN/∞ loss never recovers: stop and say so rather than print NaN for every epoch left.
    if (!Number.isFinite(h.loss)) {
      throw new ConvergenceError(`training diverged: the loss became ${h.loss} at epoch ${h.epoch}; try a smaller --lr (was ${lr})`);
    }
    history.push(h);
    if (!opts.json && (h.epoch % every === 0 || h.epoch === epochs - 1)) {
      const val = h.valLoss === undefined ? '' : `  val loss ${h.valLoss.toFixed(6)}  val accuracy ${h.valAccuracy!.toFixed(3)}`;
      const line = `epoch ${String(h.epoch).padStart(String(epochs).length)}  loss ${h.loss.toFixed(6)}  accuracy ${h.accuracy.toFixed(3)}${val}  ${h.ms.toFixed(2)} ms`;
      bar.around(() => io.out(line));
    }
  };
  const extras = [
    fitExtra.batchSize === undefined ? 'full batch' : `batch ${fitExtra.batchSize}`,
    fitExtra.weightDecay === undefined ? '' : `weight decay ${fitExtra.weightDecay}`,
    opts.schedule === undefined ? '' : `schedule ${opts.schedule}`,
    fitExtra.validationSplit === undefined ? '' : `validation ${fitExtra.validationSplit}`,
    opts.patience === undefined ? '' : `patience ${opts.patience}`,
  ].filter(Boolean).join(', ');
  const desc = `${opts.data}, ${n} samples, layers [${layers.join(', ')}], ${optimizer} lr ${lr}, ${epochs} epochs, ${extras}, seed ${seed}`;
  if (!opts.json) io.out(`training an MLP through autodiff: ${desc}`);
  try {
    model.fit(X, y, { epochs, loss: softmax ? 'softmax' : 'bce', optimizer, lr, seed, onEpoch, onProgress: bar.update, ...fitExtra });
  } finally {
    bar.done();
  }
  const stopped = history.length < epochs;
  const last = history[history.length - 1]!;
  const msPerEpoch = median(history.map((h) => h.ms));
  if (opts.json) {
    io.out(JSON.stringify({
      data: opts.data, samples: n, layers, optimizer, lr, seed, batchSize: fitExtra.batchSize, weightDecay: fitExtra.weightDecay,
      schedule: opts.schedule, validation: fitExtra.validationSplit, patience: opts.patience === undefined ? undefined : Number(opts.patience), stoppedEarly: stopped, epochs: history,
      finalLoss: last.loss, finalAccuracy: last.accuracy, msPerEpoch, saved: opts.save,
    }));
  } else {
    if (stopped) io.out(`stopped early after ${history.length} epochs: the validation loss had not improved for ${opts.patience}; kept the best epoch's weights`);
    io.out(`final loss ${last.loss.toFixed(6)}, accuracy ${last.accuracy.toFixed(3)}; median ${msPerEpoch.toFixed(2)} ms per epoch`);
  }
  if (opts.save !== undefined) {
    writeUserFile('--save', opts.save, model.save());
    io.err(`wrote ${opts.save}`);
  }
  if (opts.onnx !== undefined) {
    const bytes = toONNX(model);
    writeUserFile('--onnx', opts.onnx, bytes);
    io.err(`wrote ${opts.onnx} (ONNX, ${bytes.length} bytes: input X [N, 2] float64; outputs label, output)`);
  }
}

export function register(program: Command, io: CliIO): void {
  program
    .command('train')
    .description('train an MLP through autodiff on circles, moons or blobs; report loss, accuracy and time per epoch')
    .option('--data <kind>', 'circles | moons | blobs', 'circles')
    .option('--samples <n>', 'number of points', '1000')
    .option('--layers <sizes>', 'layer sizes, input first (blobs: last = number of classes)', '2,16,16,1')
    .option('--epochs <n>', 'epochs (passes over the data)', '200')
    .option('--lr <rate>', 'learning rate (default 0.5 for sgd/momentum, 0.01 for adam/adamw)')
    .option('--optimizer <name>', 'sgd | momentum | adam | adamw', 'sgd')
    .option('--batch-size <n>', 'samples per step, reshuffled every epoch (default: all, full batch)')
    .option('--weight-decay <λ>', 'weight decay (L2; decoupled for adamw)')
    .option('--schedule <s>', 'learning-rate schedule: cosine | step:<epochs>[:<gamma>] | exp:<gamma> | warmup:<epochs>')
    .option('--validation <fraction>', 'hold out this fraction of the samples and report validation loss and accuracy')
    .option('--patience <k>', 'stop when the validation loss has not improved for k epochs (needs --validation)')
    .option('--save <file.json>', 'save the trained model (versioned JSON; load with Sequential.load)')
    .option('--seed <s>', 'seed of the data and the initial weights', '0')
    .option('--noise <sd>', 'noise of circles/moons', '0.1')
    .option('--every <k>', 'print every k-th epoch', '1')
    .option('--json', 'print one JSON object instead of lines')
    .option('--onnx <file>', 'also save the trained model as an ONNX file')
    .action((opts: TrainCliOptions) => runTrain(opts, io));
}
