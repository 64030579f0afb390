import type { Command } from 'commander';
import { ArgumentError } from '../../core/errors.js';
import { makeCircles, makeMoons, type Dataset } from '../../nn/datasets.js';
import { SVC, type SvmKernel } from '../../svm/index.js';
import type { CliIO } from '../io.js';

/** Options of `nabla svm` (commander's parsed strings). */
interface SvmCliOptions {
  data: string;
  samples: string;
  testSamples: string;
  noise: string;
  factor: string;
  seed: string;
  testSeed: string;
  kernel: string;
  C: string;
  gamma: string;
  degree: string;
  coef0: string;
  tol: string;
  json?: boolean;
}

function num(name: string, text: string, check: (v: number) => boolean, need: string): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || !check(v)) throw new ArgumentError(`--${name} must be ${need}, got '${text}'`);
  return v;
}

function makeData(kind: string, n: number, noise: number, factor: number, seed: number): Dataset {
  if (kind === 'circles') return makeCircles({ nSamples: n, factor, noise, seed });
  if (kind === 'moons') return makeMoons({ nSamples: n, noise, seed });
  throw new ArgumentError(`--data must be 'circles' or 'moons', got '${kind}'`);
}

/**
 * `nabla svm`: fit an SVC to a generated dataset and report support vectors, train and test
 * accuracy (on a fresh sample drawn with another seed) and the fit time.
 */
export function runSvm(opts: SvmCliOptions, io: CliIO): void {
  const n = num('samples', opts.samples, (v) => Number.isInteger(v) && v >= 2, 'an integer ≥ 2');
  const nTest = num('test-samples', opts.testSamples, (v) => Number.isInteger(v) && v >= 1, 'an integer ≥ 1');
  const noise = num('noise', opts.noise, (v) => v >= 0, 'a number ≥ 0');
  const factor = num('factor', opts.factor, (v) => v >= 0 && v < 1, 'a number in [0, 1)');
  const seed = num('seed', opts.seed, (v) => Number.isInteger(v) && v >= 0, 'a non-negative integer');
  const testSeed = num('test-seed', opts.testSeed, (v) => Number.isInteger(v) && v >= 0, 'a non-negative integer');
  const C = num('C', opts.C, (v) => v > 0, 'a positive number');
  const gamma = opts.gamma === 'scale' || opts.gamma === 'auto' ? opts.gamma : num('gamma', opts.gamma, (v) => v > 0, "'scale', 'auto' or a positive number");
  const degree = num('degree', opts.degree, (v) => Number.isInteger(v) && v >= 0, 'a non-negative integer');
  const coef0 = num('coef0', opts.coef0, () => true, 'a number');
  const tol = num('tol', opts.tol, (v) => v > 0, 'a positive number');
  const kernels = ['linear', 'rbf', 'poly', 'sigmoid'];
  if (!kernels.includes(opts.kernel)) throw new ArgumentError(`--kernel must be one of ${kernels.join(', ')}, got '${opts.kernel}'`);

  const train = makeData(opts.data, n, noise, factor, seed);
  const test = makeData(opts.data, nTest, noise, factor, testSeed);
  const svm = new SVC({ kernel: opts.kernel as SvmKernel, C, gamma, degree, coef0, tol });
  const t0 = performance.now();
  svm.fit(train.X, train.y);
  const fitMs = performance.now() - t0;
  const trainAcc = svm.score(train.X, train.y);
  const testAcc = svm.score(test.X, test.y);
  const dataDesc =
    opts.data === 'circles'
      ? `make_circles(n_samples=${n}, factor=${factor}, noise=${noise}, seed=${seed})`
      : `make_moons(n_samples=${n}, noise=${noise}, seed=${seed})`;
  const report = {
    data: dataDesc,
    testData: `${nTest} points, seed=${testSeed}`,
    kernel: opts.kernel,
    C,
    gamma: svm.gammaValue,
    nSupport: svm.support.length,
    nSupportPerClass: svm.nSupport,
    intercept: svm.intercept,
    trainAccuracy: trainAcc,
    testAccuracy: testAcc,
    fitMs: Math.round(fitMs * 10) / 10,
    iterations: svm.nIter,
    converged: svm.converged,
  };
  if (opts.json) {
    io.out(JSON.stringify(report, null, 2));
    return;
  }
  const gammaText = typeof gamma === 'string' ? `'${gamma}' = ${svm.gammaValue.toPrecision(6)}` : String(gamma);
  io.out(`SVC(kernel='${opts.kernel}', C=${C}, gamma=${gammaText}) on ${dataDesc}`);
  io.out(`support vectors: ${report.nSupport} (${svm.nSupport[0]} of class ${svm.classes[0]}, ${svm.nSupport[1]} of class ${svm.classes[1]})`);
  io.out(`intercept:       ${svm.intercept.toFixed(6)}`);
  io.out(`train accuracy:  ${trainAcc.toFixed(4)}`);
  io.out(`test accuracy:   ${testAcc.toFixed(4)} (${report.testData})`);
  io.out(`fit time:        ${fitMs.toFixed(1)} ms (${svm.nIter} SMO iterations${svm.converged ? '' : ', stopped by maxIter'})`);
}

export function register(program: Command, io: CliIO): void {
  program
    .command('svm')
    .description('fit a support vector classifier (SMO, libsvm-style) to a generated dataset and report it')
    .option('--data <name>', 'dataset: circles or moons', 'circles')
    .option('--samples <n>', 'training points', '1000')
    .option('--test-samples <n>', 'test points (a fresh sample)', '5000')
    .option('--noise <sd>', 'Gaussian noise on each coordinate', '0.1')
    .option('--factor <f>', 'inner/outer radius for circles', '0.5')
    .option('--seed <n>', 'seed of the training set', '0')
    .option('--test-seed <n>', 'seed of the test set', '12345')
    .option('--kernel <k>', 'linear, rbf, poly or sigmoid', 'rbf')
    .option('--C <c>', 'penalty C (box bound on α)', '1')
    .option('--gamma <g>', "kernel γ: 'scale', 'auto' or a number", 'scale')
    .option('--degree <d>', 'poly degree', '3')
    .option('--coef0 <c>', 'poly/sigmoid offset', '0')
    .option('--tol <t>', 'stopping tolerance on the KKT gap', '0.001')
    .option('--json', 'print a JSON report')
    .action((opts: SvmCliOptions) => runSvm(opts, io));
}
