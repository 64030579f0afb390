import { describe, expect, it } from 'vitest';
import { ArgumentError, ShapeError } from '../../src/core/errors.js';
import { RandomState } from '../../src/core/random.js';
import { Tensor, tensor, valueAndGrad } from '../../src/autodiff/index.js';
import {
  accuracy, activations, binaryCrossEntropy, confusionMatrix, Dense, makeMoons, MLP, mlpLosses, mlpModel, mseLoss,
  optimizers, Sequential, softmax, softmaxCrossEntropy,
} from '../../src/nn/index.js';

const ref42 = [0.4967141530112327, -0.13826430117118466, 0.6476885381006925, 1.5230298564080254];

describe('explicit MLP (the course listing)', () => {
  it('initialize(42) draws W then b per layer from randn·0.1', () => {
    const m = new MLP({ layerSizes: [2, 2, 1], activations: ['relu', 'sigmoid'] }).initialize(42);
    expect(Array.from(m.W[1]!.data)).toEqual(ref42.map((v) => v * 0.1));
    expect(m.b[1]!.data[0]).toBe(-0.23415337472333597 * 0.1);
  });

  it('backward gives the true gradient of the loss (checked by autodiff)', () => {
    const { X: rows, y } = makeMoons({ nSamples: 40, noise: 0.1, seed: 1 });
    const X = { rows: 40, cols: 2, data: Float64Array.from(rows.flat()) };
    const Y = { rows: 40, cols: 1, data: Float64Array.from(y) };
    const m = new MLP({ layerSizes: [2, 5, 3, 1], activations: ['tanh', 'relu', 'sigmoid'], loss: 'bceSum', biasGradient: 'sum' }).initialize(3, 0.8);
    m.backward(Y, m.forward(X));
    const params = [1, 2, 3].flatMap((l) => [new Tensor(Float64Array.from(m.W[l]!.data), [m.W[l]!.rows, m.W[l]!.cols]), new Tensor(Float64Array.from(m.b[l]!.data), [m.b[l]!.cols])]);
    const acts = [(z: Tensor) => z.tanh(), (z: Tensor) => z.relu(), (z: Tensor) => z.sigmoid()];
    const [loss, grads] = valueAndGrad((ps: Tensor[]) => {
      let h = new Tensor(X.data, [40, 2]);
      for (let l = 0; l < 3; l++) h = acts[l]!(h.matmul(ps[2 * l]!).add(ps[2 * l + 1]!));
      return binaryCrossEntropy(h, y, { reduction: 'sum' });
    })(params);
    expect(loss.item()).toBeCloseTo(m.lossValue(Y, m.forward(X)), 10);
    for (let l = 1; l <= 3; l++) {
      const gW = grads[2 * (l - 1)]!.data;
      const gb = grads[2 * (l - 1) + 1]!.data;
      m.dW[l]!.data.forEach((v, i) => expect(v).toBeCloseTo(gW[i]!, 10));
      m.db[l]!.data.forEach((v, i) => expect(v).toBeCloseTo(gb[i]!, 10));
    }
  });

  it('arena mode (operands in WebAssembly memory) gives the same numbers to the bit', () => {
    const { X: rows, y } = makeMoons({ nSamples: 1100, noise: 0.2, seed: 2 });
    const X = { rows: 1100, cols: 2, data: Float64Array.from(rows.flat()) };
    const Y = { rows: 1100, cols: 1, data: Float64Array.from(y) };
    const make = (wasm: boolean) =>
      new MLP({ layerSizes: [2, 64, 12, 1], activations: ['relu', 'tanh', 'sigmoid'], loss: 'bceMean', wasm }).initialize(0, 0.5);
    const fast = make(true);
    const plain = make(false);
    for (let step = 0; step < 3; step++) {
      for (const m of [fast, plain]) {
        m.backward(Y, m.forward(X));
        m.update(0.3);
      }
    }
    // One shared arena holds every buffer of the fast model; the plain one has separate arrays.
    expect(fast.a[1]!.data.buffer).toBe(fast.dz[2]!.data.buffer);
    expect(plain.a[1]!.data.buffer).not.toBe(plain.dz[2]!.data.buffer);
    for (let l = 1; l <= 3; l++) {
      expect(Array.from(fast.W[l]!.data)).toEqual(Array.from(plain.W[l]!.data));
      expect(Array.from(fast.dW[l]!.data)).toEqual(Array.from(plain.dW[l]!.data));
      expect(Array.from(fast.db[l]!.data)).toEqual(Array.from(plain.db[l]!.data));
      expect(Array.from(fast.a[l]!.data)).toEqual(Array.from(plain.a[l]!.data));
    }
    expect(Array.from(fast.da[0]!.data)).toEqual(Array.from(plain.da[0]!.data));
  });

  it("the listing's dsigmoid is twice the true derivative", () => {
    const z = Float64Array.of(-1, 0, 2);
    const t = new Float64Array(3);
    const b = new Float64Array(3);
    activations.sigmoid.derivative(z, t);
    activations.sigmoidListing.derivative(z, b);
    expect(t[1]).toBe(0.25);
    b.forEach((v, i) => expect(v).toBe(2 * t[i]!));
  });

  it('refuses mismatched sizes', () => {
    expect(() => new MLP({ layerSizes: [2, 3], activations: ['relu', 'relu'] })).toThrow(ArgumentError);
    const m = new MLP({ layerSizes: [2, 1], activations: ['sigmoid'] });
    expect(() => m.forward({ rows: 1, cols: 3, data: new Float64Array(3) })).toThrow(ShapeError);
    expect(() => m.forward({ rows: 2, cols: 2, data: new Float64Array(3) })).toThrow(/input is 2×2 but holds 3 values/);
    expect(() => m.forward({ rows: 1, cols: 2, data: Float64Array.from([1, NaN]) })).toThrow(/row 0, column 1 is NaN/);
  });

  it('Sequential.fit refuses data that would only give NaN or a confusing reshape error', () => {
    const model = () => mlpModel([2, 3, 1]);
    expect(() => model().fit([[1, 2], [3, 4]], [1], { epochs: 1 })).toThrow(/X has 2 rows but y has 1 labels/);
    expect(() => model().fit([], [], { epochs: 1 })).toThrow(/non-empty matrix/);
    expect(() => model().fit([[NaN, 2], [3, 4]], [1, 0], { epochs: 1 })).toThrow(/X\[0\]\[0\] = NaN/);
    expect(() => model().fit([[1, 2], [3, 4]], [1, Infinity], { epochs: 1 })).toThrow(/y\[1\]/);
    expect(() => model().fit([[1, 2], [3, 4]], [1, 0], { epochs: -1 })).toThrow(/epochs must be a non-negative integer/);
    expect(() => model().fit([[1, 2], [3, 4]], [1, 0], { epochs: 1.5 })).toThrow(ArgumentError);
  });
});

describe('losses', () => {
  it('binary cross-entropy, sum and mean, and the explicit pair agree', () => {
    const p = tensor([0.9, 0.2, 0.6]);
    const y = [1, 0, 1];
    const want = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.6));
    expect(binaryCrossEntropy(p, y, { reduction: 'sum' }).item()).toBeCloseTo(want, 14);
    expect(binaryCrossEntropy(p, y).item()).toBeCloseTo(want / 3, 14);
    expect(mlpLosses.bceSum.value(Float64Array.from(y), p.data)).toBeCloseTo(want, 14);
    expect(mlpLosses.bceMean.value(Float64Array.from(y), p.data)).toBeCloseTo(want / 3, 14);
  });
  it('targets must match: a 0/1 label for BCE, the same shape (or both vectors) for MSE', () => {
    expect(() => binaryCrossEntropy(tensor([0.5]), [2])).toThrow(/target 2 \(entry 0\) is not in \[0, 1\]/);
    expect(() => mseLoss(tensor([[1], [2]]), [[1, 2]])).toThrow(/predictions \[2,1\] and targets \[1,2\] differ in shape/);
    expect(mseLoss(tensor([[1], [2]]), [1, 4]).item()).toBe(2);
  });
  it('mse and softmax cross-entropy', () => {
    expect(mseLoss(tensor([1, 2]), [0, 0]).item()).toBe(2.5);
    const z = tensor([[1, 2, 3], [0, 0, 0]]);
    const lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
    expect(softmaxCrossEntropy(z, [2, 0]).item()).toBeCloseTo(((lse - 3) + Math.log(3)) / 2, 14);
    expect((softmax(tensor([[0, 0]])).toArray() as number[][])[0]).toEqual([0.5, 0.5]);
    // ∂/∂z of mean softmax CE = (softmax − onehot)/n
    const [, g] = valueAndGrad((t: Tensor) => softmaxCrossEntropy(t, [1]))([[0, 0]]);
    expect(g.toArray()).toEqual([[0.5, -0.5]]);
  });
});

describe('optimizers', () => {
  const run = (name: 'sgd' | 'momentum' | 'adam', lr: number, steps: number): number[] => {
    const x = tensor([3, -2]);
    const opt = optimizers[name]({ lr });
    const f = valueAndGrad((t: Tensor) => t.sub(tensor([1, 1])).square().sum());
    for (let i = 0; i < steps; i++) opt.step([x], [f(x)[1]]);
    return Array.from(x.data);
  };
  it('one SGD step is θ − η∇f', () => {
    expect(run('sgd', 0.1, 1)).toEqual([3 - 0.1 * 4, -2 - 0.1 * -6]);
  });
  it('SGD, momentum and Adam reach the minimum of a quadratic', () => {
    for (const [name, lr, steps] of [['sgd', 0.1, 200], ['momentum', 0.05, 300], ['adam', 0.1, 500]] as const) {
      const x = run(name, lr, steps);
      expect(x[0]).toBeCloseTo(1, 3);
      expect(x[1]).toBeCloseTo(1, 3);
    }
  });
  it('Adam first step moves every coordinate by lr (bias correction)', () => {
    const x = run('adam', 0.01, 1);
    expect(x[0]).toBeCloseTo(3 - 0.01, 9); // up to ε = 1e-8 in the denominator
    expect(x[1]).toBeCloseTo(-2 + 0.01, 9);
  });
});

describe('Sequential / Dense through autodiff', () => {
  it('learns XOR', () => {
    const model = new Sequential([new Dense(2, 8, { activation: 'tanh', seed: 0 }), new Dense(8, 1, { activation: 'sigmoid', seed: 1 })]);
    const hist = model.fit([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0], { epochs: 300, optimizer: 'adam', lr: 0.05 });
    expect(hist.at(-1)!.accuracy).toBe(1);
    expect(hist.at(-1)!.loss).toBeLessThan(hist[0]!.loss / 5);
    expect(model.predictClasses([[0, 1], [1, 1]])).toEqual([1, 0]);
  });
  it('separates moons with an mlpModel', () => {
    const { X, y } = makeMoons({ nSamples: 200, noise: 0.1, seed: 0 });
    const model = mlpModel([2, 16, 16, 1], { seed: 0 });
    const hist = model.fit(X, y, { epochs: 300, optimizer: 'adam', lr: 0.02 });
    expect(hist.at(-1)!.accuracy).toBeGreaterThan(0.95);
  });
  it('Dense initial weights are seeded normals', () => {
    const d = new Dense(2, 2, { seed: new RandomState(42), init: 1 });
    expect(Array.from(d.W.data)).toEqual(ref42);
    expect(() => new Sequential([new Dense(2, 3), new Dense(4, 1)])).toThrow(/layer 1 takes 4 inputs but layer 0 gives 3/);
  });
});

describe('metrics', () => {
  it('accuracy and confusion matrix as scikit-learn', () => {
    expect(accuracy([0, 1, 1, 0], [0, 1, 0, 0])).toBe(0.75);
    expect(confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2])).toEqual([[2, 0, 0], [0, 0, 1], [1, 0, 2]]);
    expect(() => accuracy([1], [1, 0])).toThrow(ShapeError);
    expect(accuracy([], [])).toBeNaN();
  });
});
