import type { Command } from 'commander';
import { ArgumentError, ConvergenceError, LimitError } from '../../core/errors.js';
import { makeBlobs, makeCircles, makeMoons, mlpModel, type Dataset, type EpochInfo, type OptimizerName } from '../../nn/index.js';
import type { CliIO } from '../io.js';
import { createProgress } from '../progress.js';

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
  json?: boolean;
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

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/**
 * `nabla train`: build an MLP from `--layers`, train it full-batch through autodiff on a generated
 * dataset, and report loss, accuracy and time per epoch.
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
  if (!['sgd', 'momentum', 'adam'].includes(optimizer)) throw new ArgumentError(`--optimizer must be sgd, momentum or adam, got '${opts.optimizer}'`);
  const lr = opts.lr === undefined ? (optimizer === 'adam' ? 0.01 : 0.5) : num('lr', opts.lr, (v) => v > 0, 'a positive number');
  const outputs = layers[layers.length - 1]!;
  if (opts.data !== 'blobs' && outputs !== 1) throw new ArgumentError(`--data ${opts.data} has 2 classes: the last layer must have 1 unit (got ${outputs})`);
  const classes = outputs === 1 ? 2 : outputs;
  const { X, y } = dataset(opts.data, n, noise, classes, seed);

  const softmax = outputs > 1;
  const model = mlpModel(layers, { hidden: 'relu', output: softmax ? 'linear' : 'sigmoid', seed });
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
      const line = `epoch ${String(h.epoch).padStart(String(epochs).length)}  loss ${h.loss.toFixed(6)}  accuracy ${h.accuracy.toFixed(3)}  ${h.ms.toFixed(2)} ms`;
      bar.around(() => io.out(line));
    }
  };
  const desc = `${opts.data}, ${n} samples, layers [${layers.join(', ')}], ${optimizer} lr ${lr}, ${epochs} epochs, seed ${seed}`;
  if (!opts.json) io.out(`training an MLP through autodiff: ${desc}`);
  try {
    model.fit(X, y, { epochs, loss: softmax ? 'softmax' : 'bce', optimizer, lr, onEpoch, onProgress: bar.update });
  } finally {
    bar.done();
  }
  const last = history[history.length - 1]!;
  const msPerEpoch = median(history.map((h) => h.ms));
  if (opts.json) {
    io.out(JSON.stringify({
      data: opts.data, samples: n, layers, optimizer, lr, seed, epochs: history,
      finalLoss: last.loss, finalAccuracy: last.accuracy, msPerEpoch,
    }));
  } else {
    io.out(`final loss ${last.loss.toFixed(6)}, accuracy ${last.accuracy.toFixed(3)}; median ${msPerEpoch.toFixed(2)} ms per epoch`);
  }
}

export function register(program: Command, io: CliIO): void {
  program
    .command('train')
    .description('train an MLP (autodiff, full batch) on circles, moons or blobs; report loss, accuracy and time per epoch')
    .option('--data <kind>', 'circles | moons | blobs', 'circles')
    .option('--samples <n>', 'number of points', '1000')
    .option('--layers <sizes>', 'layer sizes, input first (blobs: last = number of classes)', '2,16,16,1')
    .option('--epochs <n>', 'full-batch epochs', '200')
    .option('--lr <rate>', 'learning rate (default 0.5 for sgd/momentum, 0.01 for adam)')
    .option('--optimizer <name>', 'sgd | momentum | adam', 'sgd')
    .option('--seed <s>', 'seed of the data and the initial weights', '0')
    .option('--noise <sd>', 'noise of circles/moons', '0.1')
    .option('--every <k>', 'print every k-th epoch', '1')
    .option('--json', 'print one JSON object instead of lines')
    .action((opts: TrainCliOptions) => runTrain(opts, io));
}
