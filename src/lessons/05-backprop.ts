/**
 * Lesson 05 — backpropagation. Reproduces the course listing digit for digit (make_circles after
 * seed 0, weights randn·0.1 after seed 42, the listing's dsigmoid = 2σ(1−σ), summed
 * cross-entropy, 150 epochs at η = 0.005), then trains the corrected network (true σ′, mean loss;
 * same data and initial weights) and compares. The tiny [2,4,3,1] net under plain gradient descent
 * sits on a plateau for ~1000 epochs before it separates the circles; the listing's summed loss
 * (steps 1000× larger) oscillates instead.
 */
import { pyRepr } from '../core/format.js';
import type { Matrix } from '../numeric/matrix.js';
import { accuracy, makeCircles, MLP, type MlpOptions } from '../nn/index.js';
import type { Lesson, LessonRun, LessonRunOptions } from './types.js';
import { lesson05Figures } from './figures/lesson-05.js';
import { backpropDerivedLines, compareWithBackward } from './05-backprop-derived.js';

/** NumPy's print of a float inside an array (precision 8, trailing zeros dropped): `683.6170298`. */
function npFloat(x: number): string {
  if (!Number.isFinite(x)) return pyRepr(x);
  const s = x.toFixed(8).replace(/0+$/, '');
  return s;
}

function thresholdAccuracy(y: ArrayLike<number>, yhat: Float64Array): number {
  const pred = Array.from(yhat, (p) => (p > 0.5 ? 1 : 0));
  return accuracy(y, pred);
}

interface TrainTrace {
  before: { loss: number; accuracy: number };
  loss: number[];
  accuracy: number[];
  model: MLP;
}

/** `progress(n)` is called after epoch n (0-based) of this run. */
function train(options: MlpOptions, X: Matrix, Y: Matrix, y: number[], epochs: number, eta: number, progress?: (n: number) => void): TrainTrace {
  const model = new MLP(options).initialize(42);
  let yhat = model.forward(X);
  const before = { loss: model.lossValue(Y, yhat), accuracy: thresholdAccuracy(y, yhat.data) };
  const loss: number[] = [];
  const acc: number[] = [];
  for (let n = 0; n < epochs; n++) {
    yhat = model.forward(X);
    model.backward(Y, yhat);
    model.update(eta);
    // As in the listing: loss and accuracy of the predictions made before this update.
    loss.push(model.lossValue(Y, yhat));
    acc.push(thresholdAccuracy(y, yhat.data));
    progress?.(n);
  }
  return { before, loss, accuracy: acc, model };
}

/** The listing's data: make_circles(1000, factor 0.5, noise 0.1) after np.random.seed(0). */
export function lesson05Data(): { X: Matrix; Y: Matrix; y: number[]; rows: number[][] } {
  const { X: rows, y } = makeCircles({ nSamples: 1000, factor: 0.5, noise: 0.1, seed: 0 });
  const X: Matrix = { rows: rows.length, cols: 2, data: Float64Array.from(rows.flat()) };
  const Y: Matrix = { rows: y.length, cols: 1, data: Float64Array.from(y) };
  return { X, Y, y, rows };
}

function predictor(model: MLP): (x: number, y: number) => number {
  const input: Matrix = { rows: 1, cols: 2, data: new Float64Array(2) };
  return (x, y) => {
    input.data[0] = x;
    input.data[1] = y;
    return model.predict(input)[0]!;
  };
}

/** Settings of the corrected run (shown in the output). */
const FIXED = { epochs: 3000, eta: 0.8 };

/** Epochs of the listing's run. */
const LISTING_EPOCHS = 150;

function run(options: LessonRunOptions = {}): LessonRun {
  const { onProgress } = options;
  // One progress scale over both runs: the listing's epochs, then the corrected run's.
  const total = LISTING_EPOCHS + FIXED.epochs;
  const { X, Y, y, rows } = lesson05Data();
  const listing = train(
    { layerSizes: [2, 4, 3, 1], activations: ['relu', 'relu', 'sigmoidListing'], loss: 'bceSum' },
    X, Y, y, LISTING_EPOCHS, 0.005, onProgress && ((n) => onProgress(n + 1, total)),
  );
  const lines: string[] = [];
  lines.push(`Before training - loss value ${npFloat(listing.before.loss)} accuracy ${pyRepr(listing.before.accuracy)}`);
  listing.loss.forEach((l, n) => lines.push(`Iteration ${n} - loss value ${npFloat(l)} accuracy ${pyRepr(listing.accuracy[n]!)}`));

  const fixed = train(
    { layerSizes: [2, 4, 3, 1], activations: ['relu', 'relu', 'sigmoid'], loss: 'bceMean' },
    X, Y, y, FIXED.epochs, FIXED.eta, onProgress && ((n) => onProgress(LISTING_EPOCHS + n + 1, total)),
  );
  const lastListing = listing.loss.length - 1;
  const lastFixed = fixed.loss.length - 1;
  lines.push('');
  lines.push(`Corrected: true sigmoid derivative s(1-s), mean loss, same data and initial weights, ${FIXED.epochs} epochs at learning rate ${FIXED.eta}`);
  for (let n = 0; n < fixed.loss.length; n += 250) {
    const at = n === 0 ? 0 : n - 1;
    lines.push(`Iteration ${at} - mean loss ${npFloat(fixed.loss[at]!)} accuracy ${pyRepr(fixed.accuracy[at]!)}`);
  }
  lines.push(`Iteration ${lastFixed} - mean loss ${npFloat(fixed.loss[lastFixed]!)} accuracy ${pyRepr(fixed.accuracy[lastFixed]!)}`);
  lines.push(
    `Listing after 150 epochs: mean loss ${npFloat(listing.loss[lastListing]! / 1000)} accuracy ${pyRepr(listing.accuracy[lastListing]!)}; ` +
      `corrected: mean loss ${npFloat(fixed.loss[lastFixed]!)} accuracy ${pyRepr(fixed.accuracy[lastFixed]!)}`,
  );
  // The same four equations, derived by the matrix-calculus engine, checked on the trained network.
  lines.push(...backpropDerivedLines());
  fixed.model.backward(Y, fixed.model.forward(X));
  const gap = compareWithBackward(fixed.model);
  lines.push(`  evaluated on the corrected network (all 3 layers, 1000 rows): ${gap <= 1e-12 ? 'equal to' : 'DIFFERENT from'} backward()'s dz, dW, db, da (largest relative difference ${gap <= 1e-12 ? 'below 1e-12' : gap})`);
  return {
    lines,
    get figures() { return lesson05Figures(this.data); },
    exercises: [
      {
        id: '05-jacobian-in-backward',
        prompt:
          'backward() computes da[l-1] = dz[l] @ W[l].T. Which factor is the Jacobian (transposed) of z[l] = a[l-1] @ W[l] + b[l] ' +
          'with respect to a[l-1]? Choices: dz[l], W[l].T, a[l-1].T, db[l].',
        answer: 'W[l].T',
        kind: 'choice',
        hints: [
          'Write one sample: z_j = Σ_i a_i W_ij + b_j. What is ∂z_j/∂a_i?',
          'The chain rule multiplies the upstream gradient dz by that Jacobian: da_i = Σ_j dz_j ∂z_j/∂a_i.',
        ],
        solution: '∂z_j/∂a_i = W_ij, so ∂z/∂a = W[l]ᵀ and da[l-1] = dz[l] @ W[l].T: the weight matrix carries the gradient back through the layer.',
      },
    ],
    data: {
      X: rows,
      y,
      listing: { before: listing.before, loss: listing.loss, accuracy: listing.accuracy, predict: predictor(listing.model), W: listing.model.W, b: listing.model.b },
      corrected: { before: fixed.before, loss: fixed.loss, accuracy: fixed.accuracy, predict: predictor(fixed.model), W: fixed.model.W, b: fixed.model.b, ...FIXED },
    },
  };
}

export const lesson05: Lesson = {
  id: 5,
  slug: 'backprop',
  title: 'Backpropagation',
  run,
};
