/**
 * Lesson 05's live figure: the library's course MLP [2, 4, 3, 1] (ReLU, ReLU, sigmoid) behind a
 * step-at-a-time trainer. "published" is the listing (dsigmoid with its factor 2, summed loss,
 * η = 0.005) and reproduces the course's trace; "corrected" is the lesson module's run.
 */
import { MLP, accuracy, type MlpOptions } from '../../../src/nn/index.js';
import type { Matrix } from '../../../src/numeric/index.js';

export interface Trainer {
  epoch: number;
  loss: number;
  accuracy: number;
  history: Array<{ loss: number; accuracy: number }>;
  /** One epoch: forward, backward, update; then loss and accuracy of that forward pass (as printed). */
  step(): void;
  /** P(class 1) at (x, y). */
  predict(x: number, y: number): number;
}

/** How to train: the network's options and the learning rate. */
export interface TrainerOptions {
  network: MlpOptions;
  /** Learning rate. */
  lr: number;
}

/** The published listing: `sigmoidListing` is dsigmoid with the factor 2; the loss is summed. */
export const PUBLISHED: TrainerOptions = {
  network: { layerSizes: [2, 4, 3, 1], activations: ['relu', 'relu', 'sigmoidListing'], loss: 'bceSum' },
  lr: 0.005,
};
/** The lesson module's corrected run: true σ′, mean loss, η = 0.8. */
export const CORRECTED: TrainerOptions = {
  network: { layerSizes: [2, 4, 3, 1], activations: ['relu', 'relu', 'sigmoid'], loss: 'bceMean' },
  lr: 0.8,
};

/**
 * A trainer for the lesson's network on (X, y), initialised as the listing (seed 42, σ 0.1).
 * @example const t = createTrainer(X, y, PUBLISHED); t.step(); t.history[0].accuracy
 */
export function createTrainer(X: number[][], y: number[], o: TrainerOptions): Trainer {
  const model = new MLP(o.network).initialize(42);
  const Xm: Matrix = { rows: X.length, cols: 2, data: Float64Array.from(X.flat()) };
  const Ym: Matrix = { rows: y.length, cols: 1, data: Float64Array.from(y) };
  const point: Matrix = { rows: 1, cols: 2, data: new Float64Array(2) };
  // Loss and accuracy of a forward pass (ŷ > 0.5 is class 1), as the listing prints them.
  const score = (yhat: Matrix): { loss: number; accuracy: number } => ({
    loss: model.lossValue(Ym, yhat),
    accuracy: accuracy(y, Array.from(yhat.data, (p) => (p > 0.5 ? 1 : 0))),
  });
  const first = score(model.forward(Xm));
  const t: Trainer = {
    epoch: 0,
    loss: first.loss,
    accuracy: first.accuracy,
    history: [],
    step() {
      const yhat = model.forward(Xm);
      model.backward(Ym, yhat);
      // Scored before the update, as the listing does (ŷ is the model's buffer: read it first).
      const s = score(yhat);
      model.update(o.lr);
      t.loss = s.loss;
      t.accuracy = s.accuracy;
      t.history.push(s);
      t.epoch++;
    },
    predict(px, py) {
      point.data[0] = px;
      point.data[1] = py;
      return model.predict(point)[0]!;
    },
  };
  return t;
}
