// Sequential.fit: the fast path (pool + arena) against a plain loop, minibatches and their
// shuffles, labels checked against the output layer, multiclass softmax, weight decay,
// schedules, early stopping, predictProba and save/load.
import { describe, expect, it } from 'vitest';
import { ArgumentError, ShapeError } from '../../src/core/errors.js';
import { RandomState } from '../../src/core/random.js';
import { sigmoidCrossEntropy, softmaxCrossEntropyWithLogits, Tensor, tensor, valueAndGrad } from '../../src/autodiff/index.js';
import { makeBlobs, makeMoons, mlpModel, optimizers, schedules, Sequential, splitIndices, trainTestSplit, StandardScaler, f1Score, rocAucScore, logLoss } from '../../src/nn/index.js';

/** Plain SGD on the same objective, batch by batch, without the pool or the arena. */
function manualSgd(model: Sequential, X: number[][], y: number[], lr: number, batches: number[][]): number[] {
  const losses: number[] = [];
  for (const idx of batches) {
    const xb = new Tensor(Float64Array.from(idx.flatMap((i) => X[i]!)), [idx.length, X[0]!.length]);
    const tb = Float64Array.from(idx.map((i) => y[i]!));
    const [v, g] = valueAndGrad((ps: Tensor[]) => {
      let h = xb;
      model.layers.forEach((l, i) => (h = i === model.layers.length - 1 ? l.logits(h, ps[2 * i], ps[2 * i + 1]) : l.forward(h, ps[2 * i], ps[2 * i + 1])));
      return sigmoidCrossEntropy(h, tb);
    })(model.params);
    model.params.forEach((p, k) => p.data.forEach((w, i) => (p.data[i] = w - lr * g[k]!.data[i]!)));
    losses.push(v.item());
  }
  return losses;
}

describe('fit: the fast path is the plain computation', () => {
  it('full batch in the WebAssembly arena (1100 × 64 activations) = a plain valueAndGrad loop, to the bit', () => {
    const { X, y } = makeMoons({ nSamples: 1100, noise: 0.2, seed: 2 });
    const fast = mlpModel([2, 64, 12, 1], { seed: 3 });
    const plain = mlpModel([2, 64, 12, 1], { seed: 3 });
    const hist = fast.fit(X, y, { epochs: 3, lr: 0.3 });
    const all = Array.from({ length: 1100 }, (_, i) => i);
    const losses = manualSgd(plain, X, y, 0.3, [all, all, all]);
    expect(hist.map((h) => h.loss)).toEqual(losses);
    fast.params.forEach((p, k) => expect(Array.from(p.data)).toEqual(Array.from(plain.params[k]!.data)));
    // The parameters left the arena: ordinary arrays of their own.
    expect(fast.layers[0]!.W.data.buffer.byteLength).toBe(fast.layers[0]!.W.data.byteLength);
  });
  it('minibatches follow RandomState(seed).permutation(n) each epoch, the last batch shorter', () => {
    const { X, y } = makeMoons({ nSamples: 50, noise: 0.2, seed: 1 });
    const a = mlpModel([2, 5, 1], { seed: 1 });
    const b = mlpModel([2, 5, 1], { seed: 1 });
    const hist = a.fit(X, y, { epochs: 2, lr: 0.2, batchSize: 16, seed: 7 });
    const rs = new RandomState(7);
    const batches: number[][] = [];
    for (let e = 0; e < 2; e++) {
      const perm = rs.permutation(50);
      for (let s = 0; s < 50; s += 16) batches.push(perm.slice(s, s + 16));
    }
    expect(batches.map((bt) => bt.length)).toEqual([16, 16, 16, 2, 16, 16, 16, 2]);
    const losses = manualSgd(b, X, y, 0.2, batches);
    // epoch loss = mean over samples of the batch losses (each batch's mean weighted by its size)
    const epochLoss = (k: number) => batches.slice(4 * k, 4 * k + 4).reduce((s, bt, i) => s + losses[4 * k + i]! * bt.length, 0) / 50;
    expect(hist[0]!.loss).toBeCloseTo(epochLoss(0), 14);
    expect(hist[1]!.loss).toBeCloseTo(epochLoss(1), 14);
    a.params.forEach((p, k) => expect(Array.from(p.data)).toEqual(Array.from(b.params[k]!.data)));
  });
});

describe('fit: labels and options are checked against the model', () => {
  const X = [[0, 1], [1, 1], [2, 2]];
  it('labels that do not fit one sigmoid output say what to do', () => {
    expect(() => mlpModel([2, 4, 1]).fit(X, [0, 1, 2], { epochs: 1 })).toThrow(/3 values \(0, 1, 2\) but the output layer is one sigmoid unit.*3 output units with output 'softmax'/);
    expect(() => mlpModel([2, 4, 1]).fit(X, [-1, 1, 1], { epochs: 1 })).toThrow(/-1\/1 \(as an SVM takes\).*needs 0\/1.*y\.map/);
    expect(() => mlpModel([2, 4, 1]).fit(X, [0, 0.5, 1], { epochs: 1 })).toThrow(/needs labels 0 or 1, got 0, 0.5, 1/);
    expect(() => mlpModel([2, 4, 3], { output: 'softmax' }).fit(X, [0, 1, 3], { epochs: 1 })).toThrow(/label 3 is not a class index; the output layer has 3 units/);
    expect(() => mlpModel([2, 4, 3]).fit(X, [0, 1, 2], { epochs: 1 })).toThrow(/X has 3 rows but y has 3 labels \(expected 9: 3 per row.*use a 'softmax' output/);
  });
  it('unknown losses, optimizers and options, and ignored ones, are ArgumentErrors', () => {
    const m = () => mlpModel([2, 4, 1]);
    expect(() => m().fit(X, [0, 1, 1], { loss: 'foo' as never })).toThrow(/unknown loss 'foo' \(have bce, bceSum, mse, softmax\)/);
    expect(() => m().fit(X, [0, 1, 1], { optimizer: 'foo' as never })).toThrow(/unknown optimizer 'foo'/);
    expect(() => m().fit(X, [0, 1, 1], { batchsize: 1 } as never)).toThrow(/unknown option 'batchsize'/);
    expect(() => m().fit(X, [0, 1, 1], { optimizer: optimizers.adam(), lr: 0.1 })).toThrow(/lr is ignored when optimizer is an object/);
    expect(() => m().fit(X, [0, 1, 1], { loss: 'softmax' })).toThrow(/takes the logits of a 'softmax' or 'linear' last layer/);
    expect(() => mlpModel([2, 4, 3], { output: 'softmax' }).fit(X, [0, 1, 2], { loss: 'bce' })).toThrow(/needs probabilities from a 'sigmoid' last layer.*use loss 'softmax'/);
    expect(() => m().fit(X, [0, 1, 1], { batchSize: 0 })).toThrow(/batchSize must be a positive integer/);
    expect(() => m().fit(X, [0, 1, 1], { earlyStopping: true })).toThrow(/give validationSplit/);
    expect(() => optimizers.adam({ weightdecay: 0.1 } as never)).toThrow(/adam: unknown option 'weightdecay'/);
    expect(() => m().fit(X, [[0], [1]], { epochs: 1 })).toThrow(ShapeError);
    expect(() => m().fit(X, [0, 1, NaN])).toThrow(ArgumentError);
  });
  it('typed arrays and Float64Array rows are accepted, and a label column', () => {
    const h = mlpModel([2, 3, 1]).fit([Float64Array.of(0, 1), Float64Array.of(1, 0)], Float64Array.of(0, 1), { epochs: 2 });
    expect(h).toHaveLength(2);
    expect(mlpModel([2, 3, 1]).fit(X, [[0], [1], [1]], { epochs: 1 })).toHaveLength(1);
  });
});

describe('multiclass, probabilities and training features', () => {
  const { X, y } = makeBlobs({ nSamples: 300, centers: 3, seed: 0 });
  it('softmax output + cross-entropy learns three blobs; predictProba rows are probabilities', () => {
    const model = mlpModel([2, 16, 3], { output: 'softmax', seed: 0 });
    const hist = model.fit(X, y, { epochs: 150, optimizer: 'adam', lr: 0.05 });
    expect(hist.at(-1)!.accuracy).toBeGreaterThan(0.9);
    const P = model.predictProba(X);
    const cls = model.predictClasses(X);
    P.forEach((row, i) => {
      expect(row.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 14);
      expect(row.indexOf(Math.max(...row))).toBe(cls[i]);
    });
    // forward applies the softmax too
    const F = model.forward([X[0]!]);
    expect(Array.from(F.data)).toEqual(P[0]);
  });
  it('predictProba of one sigmoid output is [1 − p, p]', () => {
    const m = mlpModel([2, 3, 1], { seed: 2 });
    const p = m.forward([[0.3, -1]]).item();
    expect(m.predictProba([[0.3, -1]])).toEqual([[1 - p, p]]);
    expect(() => mlpModel([2, 3, 1], { output: 'linear' }).predictProba([[0, 0]])).toThrow(/does not score classes/);
  });
  it('weight decay: sgd/momentum/adam add λθ to the gradient, adamw shrinks θ by ηλ', () => {
    const step = (opt: ReturnType<typeof optimizers.sgd>, g: number) => {
      const p = new Tensor(Float64Array.of(2), [1]);
      opt.step([p], [new Tensor(Float64Array.of(g), [1])]);
      return p.data[0]!;
    };
    expect(step(optimizers.sgd({ lr: 0.1, weightDecay: 0.5 }), 1)).toBe(2 - 0.1 * (1 + 0.5 * 2));
    expect(step(optimizers.momentum({ lr: 0.1, weightDecay: 0.5 }), 1)).toBe(2 - 0.1 * (1 + 0.5 * 2));
    // Adam's first step moves by lr·sign(g + λθ) (up to ε): with λθ = 1 > −g = 0.5 it goes down.
    expect(step(optimizers.adam({ lr: 0.1, weightDecay: 0.5 }), -0.5)).toBeCloseTo(2 - 0.1, 7);
    expect(step(optimizers.adam({ lr: 0.1 }), -0.5)).toBeCloseTo(2 + 0.1, 7);
    expect(step(optimizers.adamw({ lr: 0.1, weightDecay: 0.5 }), -0.5)).toBeCloseTo(2 * (1 - 0.05) + 0.1, 7);
    // In fit: decay shrinks the weights.
    const norm = (m: Sequential) => m.params.reduce((s, p) => s + p.data.reduce((t, v) => t + v * v, 0), 0);
    const a = mlpModel([2, 8, 3], { output: 'softmax', seed: 1 });
    const b = mlpModel([2, 8, 3], { output: 'softmax', seed: 1 });
    a.fit(X, y, { epochs: 30, optimizer: 'adam', lr: 0.05 });
    b.fit(X, y, { epochs: 30, optimizer: 'adam', lr: 0.05, weightDecay: 0.5 });
    expect(norm(b)).toBeLessThan(norm(a));
  });
  it('learning-rate schedules (PyTorch formulas) set the rate per epoch', () => {
    expect(schedules.step({ stepSize: 10, gamma: 0.5 })(25, 0.1)).toBe(0.1 * 0.25);
    expect(schedules.exponential({ gamma: 0.9 })(2, 1)).toBe(0.9 ** 2);
    expect(schedules.cosine({ epochs: 10 })(5, 0.2)).toBeCloseTo(0.1, 15);
    expect(schedules.cosine({ epochs: 10, minLr: 0.01 })(20, 0.2)).toBe(0.01);
    expect(schedules.warmup({ epochs: 4, start: 0.5 })(2, 1)).toBe(0.75);
    expect(() => schedules.step({ stepSize: 0 })).toThrow(ArgumentError);
    const hist = mlpModel([2, 4, 3], { output: 'softmax' }).fit(X, y, { epochs: 4, lr: 0.1, lrSchedule: schedules.step({ stepSize: 2, gamma: 0.1 }) });
    expect(hist.map((h) => h.lr)).toEqual([0.1, 0.1, 0.1 * 0.1, 0.1 * 0.1]);
  });
  it('early stopping on a validation split stops and restores the best epoch', () => {
    const model = mlpModel([2, 32, 3], { output: 'softmax', seed: 0 });
    // A learning rate far too high: the validation loss soon stops improving.
    const hist = model.fit(X, y, { epochs: 200, optimizer: 'adam', lr: 0.5, validationSplit: 0.2, earlyStopping: { patience: 5 } });
    expect(hist.length).toBeLessThan(200);
    const best = Math.min(...hist.map((h) => h.valLoss!));
    const bestAt = hist.findIndex((h) => h.valLoss === best);
    expect(hist.length).toBe(bestAt + 1 + 5);
    // The model now holds the best epoch's weights: validating again gives that loss.
    const { test } = splitIndices(300, { testSize: 0.2, seed: 0 });
    const logits = model.layers[1]!.logits(model.layers[0]!.forward(new Tensor(Float64Array.from(test.flatMap((i) => X[i]!)), [test.length, 2])));
    expect(softmaxCrossEntropyWithLogits(logits, test.map((i) => y[i]!)).item()).toBe(best);
    expect(hist.every((h) => Number.isFinite(h.valAccuracy!))).toBe(true);
  });
});

describe('save and load', () => {
  it('round-trips every weight to the bit (−0 included) and predicts the same', () => {
    const { X, y } = makeMoons({ nSamples: 100, noise: 0.1, seed: 0 });
    const model = mlpModel([2, 8, 8, 1], { seed: 4 });
    model.fit(X, y, { epochs: 20, optimizer: 'adam', lr: 0.02 });
    model.layers[1]!.b.data[0] = -0;
    const text = model.save();
    const copy = Sequential.load(text);
    expect(JSON.parse(text).version).toBe(1);
    copy.params.forEach((p, k) => {
      const a = new Uint8Array(p.data.buffer, p.data.byteOffset, p.data.byteLength);
      const src = model.params[k]!.data;
      expect(Array.from(a)).toEqual(Array.from(new Uint8Array(src.buffer, src.byteOffset, src.byteLength)));
    });
    expect(copy.forward(X).data).toEqual(model.forward(X).data);
    expect(copy.layers.map((l) => l.activation)).toEqual(['relu', 'relu', 'sigmoid']);
    expect(Sequential.load(JSON.parse(JSON.stringify(model))).predictClasses(X)).toEqual(model.predictClasses(X));
  });
  it('refuses malformed or newer files', () => {
    const good = JSON.parse(mlpModel([2, 1]).save());
    expect(() => Sequential.load('{')).toThrow(/not JSON/);
    expect(() => Sequential.load({ ...good, version: 2 })).toThrow(/version 2 is not supported/);
    expect(() => Sequential.load({ ...good, format: 'x' })).toThrow(/not a saved nabla model/);
    expect(() => Sequential.load({ ...good, layers: [{ ...good.layers[0], W: [1] }] })).toThrow(/W should have 2 values/);
    expect(() => Sequential.load({ ...good, layers: [{ ...good.layers[0], activation: 'gelu' }] })).toThrow(/unknown activation 'gelu'/);
    const bad = mlpModel([2, 1]);
    bad.layers[0]!.W.data[0] = NaN;
    expect(() => bad.save()).toThrow(/W\[0\] is NaN/);
  });
});

describe("the README's training example", () => {
  it('gives the scores its comments state', () => {
    const { X, y } = makeBlobs({ nSamples: 300, centers: 3, seed: 0 });
    const { XTrain, XTest, yTrain, yTest } = trainTestSplit(X, y, { testSize: 0.25, seed: 42 });
    const scaler = new StandardScaler().fit(XTrain);
    const clf = mlpModel([2, 16, 3], { output: 'softmax', seed: 0 });
    clf.fit(scaler.transform(XTrain), yTrain, {
      epochs: 100, optimizer: 'adamw', lr: 0.05, weightDecay: 1e-3, batchSize: 32,
      lrSchedule: schedules.cosine({ epochs: 100 }), validationSplit: 0.2, earlyStopping: { patience: 20 },
    });
    const proba = clf.predictProba(scaler.transform(XTest));
    expect((f1Score(yTest, clf.predictClasses(scaler.transform(XTest)), { average: 'macro' }) as number).toFixed(3)).toBe('0.917');
    expect(rocAucScore(yTest, proba, { multiClass: 'ovr' }).toFixed(3)).toBe('0.984');
    expect(logLoss(yTest, proba).toFixed(3)).toBe('0.325');
    expect(tensor([[1, 5, 2]]).argmax(1).toArray()).toEqual([1]);
    expect(tensor([[1000, 1000]]).logSoftmax().toArray()).toEqual([[-Math.LN2, -Math.LN2]]);
  });
});
