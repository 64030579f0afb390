import type { Command } from 'commander';
import { ArgumentError } from '../../core/errors.js';
import { makeBlobs, makeCircles, makeMoons, type Dataset } from '../../nn/datasets.js';
import { toONNX } from '../../onnx/index.js';
import { LinearSVC, SVC, type SvmKernel } from '../../svm/index.js';
import type { CliIO } from '../io.js';
import { writeUserFile } from '../write-file.js';
import { createProgress } from '../progress.js';

/** Options of `nabla svm` (commander's parsed strings). */
interface SvmCliOptions {
  data: string;
  samples: string;
  testSamples: string;
  noise: string;
  factor: string;
  classes: string;
  seed: string;
  testSeed: string;
  kernel: string;
  C: string;
  gamma: string;
  degree: string;
  coef0: string;
  tol: string;
  solver: string;
  probability?: boolean;
  onnx?: string;
  onnxMl?: boolean;
  json?: boolean;
}

/** Most points a generated dataset may have (a typo like 1e9 must not exhaust memory). */
const MAX_SAMPLES = 5_000_000;
/** `--solver auto` uses LinearSVC for a linear kernel above this many samples. */
const LINEAR_ABOVE = 20_000;
/** Above this many samples `--solver auto` times SMO on a subsample before committing to it. */
const PROBE_SAMPLES = 5000;
/** Longest kernel fit `--solver auto` starts without being asked (seconds). */
const AUTO_LIMIT_S = 60;
/** SMO's fit time grows about as n^2.3 on these datasets (10k → 50k → 100k: 0.06 → 4.3 → 22 s). */
const SMO_EXPONENT = 2.3;

function num(name: string, text: string, check: (v: number) => boolean, need: string): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || !check(v)) throw new ArgumentError(`--${name} must be ${need}, got '${text}'`);
  return v;
}

function makeData(kind: string, n: number, noise: number, factor: number, classes: number, seed: number): Dataset {
  if (kind === 'circles') return makeCircles({ nSamples: n, factor, noise, seed });
  if (kind === 'moons') return makeMoons({ nSamples: n, noise, seed });
  if (kind === 'blobs') {
    // Unit Gaussians centred on a circle of radius 2 around the origin: overlapping classes that
    // a linear model separates well (and centred data, which coordinate descent likes).
    const centers = Array.from({ length: classes }, (_, c) => [2 * Math.cos((2 * Math.PI * c) / classes), 2 * Math.sin((2 * Math.PI * c) / classes)]);
    return makeBlobs({ nSamples: n, centers, clusterStd: 1, seed });
  }
  throw new ArgumentError(`--data must be 'circles', 'moons' or 'blobs', got '${kind}'`);
}

function duration(s: number): string {
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  if (s < 3600) return `${(s / 60).toFixed(0)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

/**
 * `nabla svm`: fit an SVC (or, for large linear problems, a LinearSVC) to a generated dataset and
 * report support vectors, train and test accuracy (on a fresh sample drawn with another seed)
 * and the fit time; optionally save the model as ONNX.
 */
export function runSvm(opts: SvmCliOptions, io: CliIO): void {
  const n = num('samples', opts.samples, (v) => Number.isInteger(v) && v >= 2 && v <= MAX_SAMPLES, `an integer in [2, ${MAX_SAMPLES}]`);
  const nTest = num('test-samples', opts.testSamples, (v) => Number.isInteger(v) && v >= 1 && v <= MAX_SAMPLES, `an integer in [1, ${MAX_SAMPLES}]`);
  const noise = num('noise', opts.noise, (v) => v >= 0, 'a number ≥ 0');
  const factor = num('factor', opts.factor, (v) => v >= 0 && v < 1, 'a number in [0, 1)');
  const classes = num('classes', opts.classes, (v) => Number.isInteger(v) && v >= 2 && v <= 50, 'an integer in [2, 50]');
  if (opts.data !== 'blobs' && opts.classes !== '2' && opts.classes !== '3') throw new ArgumentError(`--classes applies to --data blobs (circles and moons have 2 classes)`);
  const seed = num('seed', opts.seed, (v) => Number.isInteger(v) && v >= 0, 'a non-negative integer');
  const testSeed = num('test-seed', opts.testSeed, (v) => Number.isInteger(v) && v >= 0, 'a non-negative integer');
  const C = num('C', opts.C, (v) => v > 0, 'a positive number');
  const gamma: 'scale' | 'auto' | number = opts.gamma === 'scale' || opts.gamma === 'auto' ? opts.gamma : num('gamma', opts.gamma, (v) => v > 0, "'scale', 'auto' or a positive number");
  const degree = num('degree', opts.degree, (v) => Number.isInteger(v) && v >= 0, 'a non-negative integer');
  const coef0 = num('coef0', opts.coef0, () => true, 'a number');
  const tol = num('tol', opts.tol, (v) => v > 0, 'a positive number');
  const kernels = ['linear', 'rbf', 'poly', 'sigmoid'];
  if (!kernels.includes(opts.kernel)) throw new ArgumentError(`--kernel must be one of ${kernels.join(', ')}, got '${opts.kernel}'`);
  if (!['auto', 'smo', 'linear'].includes(opts.solver)) throw new ArgumentError(`--solver must be auto, smo or linear, got '${opts.solver}'`);

  const train = makeData(opts.data, n, noise, factor, classes, seed);
  const test = makeData(opts.data, nTest, noise, factor, classes, testSeed);
  const svcOptions = { kernel: opts.kernel as SvmKernel, C, gamma, degree, coef0, tol, probability: opts.probability === true };
  const useLinear = opts.solver === 'linear' || (opts.solver === 'auto' && opts.kernel === 'linear' && n > LINEAR_ABOVE);
  if (useLinear && opts.probability) throw new ArgumentError('--probability needs the kernel SVC (LinearSVC has no probabilities): use --solver smo');
  if (!useLinear && n > LINEAR_ABOVE) {
    // Time SMO on a subsample and extrapolate before committing minutes or hours to it.
    const probe = new SVC(svcOptions);
    const t0 = performance.now();
    probe.fit(train.X.slice(0, PROBE_SAMPLES), train.y.slice(0, PROBE_SAMPLES));
    const est = ((performance.now() - t0) / 1000) * (n / PROBE_SAMPLES) ** SMO_EXPONENT;
    const what = `SVC(kernel='${opts.kernel}') on ${n} samples would take about ${duration(est)} (a ${PROBE_SAMPLES}-sample fit, scaled by n^${SMO_EXPONENT})`;
    if (opts.solver === 'auto' && est > AUTO_LIMIT_S) {
      throw new ArgumentError(
        `${what}. A linear SVM (LinearSVC, dual coordinate descent) fits ${n} samples in seconds: use --solver linear ` +
          `(a linear boundary: fine for blobs, not for circles or moons), fewer --samples, or --solver smo to wait for the kernel fit`,
      );
    }
    if (!opts.json) io.err(`note: ${what}`);
  }

  let model: SVC | LinearSVC;
  const bar = createProgress({ label: useLinear ? 'LinearSVC epochs' : 'SVC fit (KKT gap toward tol)', enabled: process.stdout.isTTY === true });
  const t0 = performance.now();
  try {
    model = useLinear ? new LinearSVC({ C, onProgress: bar.update }) : new SVC({ ...svcOptions, onProgress: bar.update });
    model.fit(train.X, train.y);
  } finally {
    bar.done();
  }
  const fitMs = performance.now() - t0;
  const trainAcc = model.score(train.X, train.y);
  const testAcc = model.score(test.X, test.y);
  const dataDesc =
    opts.data === 'circles'
      ? `make_circles(n_samples=${n}, factor=${factor}, noise=${noise}, seed=${seed})`
      : opts.data === 'moons'
        ? `make_moons(n_samples=${n}, noise=${noise}, seed=${seed})`
        : `make_blobs(n_samples=${n}, ${classes} unit blobs on a circle of radius 2, seed=${seed})`;
  const common = { data: dataDesc, testData: `${nTest} points, seed=${testSeed}`, C, trainAccuracy: trainAcc, testAccuracy: testAcc, fitMs: Math.round(fitMs * 10) / 10 };
  if (model instanceof LinearSVC) {
    const report = { model: 'LinearSVC', ...common, coef: model.coef, intercept: model.intercept, epochs: model.nIter, converged: model.converged };
    if (opts.json) io.out(JSON.stringify(report, null, 2));
    else {
      io.out(`LinearSVC(C=${C}, loss='squared_hinge') on ${dataDesc}${opts.kernel !== 'linear' && opts.solver === 'linear' ? ' (--solver linear: a linear boundary, --kernel ignored)' : ''}`);
      io.out(`coef:            ${model.coef.map((r) => `[${r.map((v) => v.toFixed(6)).join(', ')}]`).join(' ')}`);
      io.out(`intercept:       ${model.intercept.map((v) => v.toFixed(6)).join(', ')}`);
      io.out(`train accuracy:  ${trainAcc.toFixed(4)}`);
      io.out(`test accuracy:   ${testAcc.toFixed(4)} (${common.testData})`);
      io.out(`fit time:        ${fitMs.toFixed(1)} ms (${model.nIter} epochs of dual coordinate descent${model.converged ? '' : ', stopped at maxIter'})`);
    }
  } else {
    const svm = model;
    const report = {
      ...common,
      kernel: opts.kernel,
      gamma: svm.gammaValue,
      classes: svm.classes,
      nSupport: svm.support.length,
      nSupportPerClass: svm.nSupport,
      intercept: svm.classes.length === 2 ? svm.intercept : svm.intercepts,
      iterations: svm.nIter,
      converged: svm.converged,
    };
    if (opts.json) io.out(JSON.stringify(report, null, 2));
    else {
      const gammaText = typeof gamma === 'string' ? `'${gamma}' = ${svm.gammaValue.toPrecision(6)}` : String(gamma);
      io.out(`SVC(kernel='${opts.kernel}', C=${C}, gamma=${gammaText}${opts.probability ? ', probability=True' : ''}) on ${dataDesc}`);
      io.out(`support vectors: ${report.nSupport} (${svm.nSupport.map((c, i) => `${c} of class ${svm.classes[i]}`).join(', ')})`);
      io.out(`intercept:       ${svm.intercepts.map((v) => v.toFixed(6)).join(', ')}`);
      io.out(`train accuracy:  ${trainAcc.toFixed(4)}`);
      io.out(`test accuracy:   ${testAcc.toFixed(4)} (${common.testData})`);
      io.out(`fit time:        ${fitMs.toFixed(1)} ms (${svm.nIter} SMO iterations${svm.converged ? '' : ', stopped by maxIter'})`);
    }
  }
  if (opts.onnxMl && opts.onnx === undefined) throw new ArgumentError('--onnx-ml chooses the form of the file --onnx writes: give --onnx <file> too');
  if (opts.onnx !== undefined) {
    const ml = opts.onnxMl === true;
    const bytes = toONNX(model, { svmFormat: ml ? 'ml' : 'float64' });
    writeUserFile('--onnx', opts.onnx, bytes);
    const outputs = ml ? 'label, scores (float32 ai.onnx.ml operators)' : `label, decision${model instanceof SVC && model.probability ? ', probabilities' : ''} (float64)`;
    io.err(`wrote ${opts.onnx} (ONNX, ${bytes.length} bytes: input X [N, 2] float64; outputs ${outputs})`);
  }
}

export function register(program: Command, io: CliIO): void {
  program
    .command('svm')
    .description('fit a support vector classifier (SMO as libsvm, or LinearSVC for large linear problems) to a generated dataset and report it')
    .option('--data <name>', 'dataset: circles, moons or blobs', 'circles')
    .option('--samples <n>', 'training points', '1000')
    .option('--test-samples <n>', 'test points (a fresh sample)', '5000')
    .option('--noise <sd>', 'Gaussian noise on each coordinate (circles, moons)', '0.1')
    .option('--factor <f>', 'inner/outer radius for circles', '0.5')
    .option('--classes <k>', 'number of blobs (--data blobs)', '3')
    .option('--seed <n>', 'seed of the training set', '0')
    .option('--test-seed <n>', 'seed of the test set', '12345')
    .option('--kernel <k>', 'linear, rbf, poly or sigmoid', 'rbf')
    .option('--C <c>', 'penalty C (box bound on α)', '1')
    .option('--gamma <g>', "kernel γ: 'scale', 'auto' or a number", 'scale')
    .option('--degree <d>', 'poly degree', '3')
    .option('--coef0 <c>', 'poly/sigmoid offset', '0')
    .option('--tol <t>', 'stopping tolerance on the KKT gap', '0.001')
    .option('--solver <s>', `auto (LinearSVC for a linear kernel above ${LINEAR_ABOVE} samples; refuses kernel fits estimated over ${AUTO_LIMIT_S} s), smo or linear`, 'auto')
    .option('--probability', 'fit Platt probabilities (5-fold cross-validation, as libsvm)')
    .option('--onnx <file>', 'save the fitted model as an ONNX file (float64, standard operators)')
    .option('--onnx-ml', "with --onnx: use the ai.onnx.ml SVMClassifier/LinearClassifier operators instead (float32)")
    .option('--json', 'print a JSON report')
    .action((opts: SvmCliOptions) => runSvm(opts, io));
}
