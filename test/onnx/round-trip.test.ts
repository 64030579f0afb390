import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { MLP } from '../../src/nn/mlp.js';
import { Dense, Sequential, mlpModel } from '../../src/nn/model.js';
import { toONNX } from '../../src/onnx/index.js';
import { LinearSVC, SVC } from '../../src/svm/index.js';

// Every exported model kind, loaded in ONNX Runtime (CPU) and run on held-out points: the same
// labels as nabla, and the same outputs / probabilities within the stated tolerances.
const here = dirname(fileURLToPath(import.meta.url));
const ref = JSON.parse(readFileSync(resolve(here, '../reference/svm/multiclass.json'), 'utf8'));

async function run(bytes: Uint8Array, X: number[][]): Promise<Record<string, ort.Tensor>> {
  const session = await ort.InferenceSession.create(bytes);
  const feed = { X: new ort.Tensor('float64', Float64Array.from(X.flat()), [X.length, X[0]!.length]) };
  return session.run(feed);
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
};
/** Largest |a − b| / max(1, |b|). */
const maxRel = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!) / Math.max(1, Math.abs(b[i]!)));
  return m;
};
const labels = (t: ort.Tensor): (number | string)[] => Array.from(t.data as ArrayLike<number | bigint | string>, (v) => (typeof v === 'bigint' ? Number(v) : v));
const report: string[] = [];

describe('ONNX export runs in ONNX Runtime with nabla’s answers', () => {
  const moons = ref.data.moons;
  const blobs = ref.data.blobs3;

  it('Sequential (tanh → sigmoid): outputs to 1e-12, same labels', async () => {
    const model = mlpModel([2, 8, 1], { hidden: 'tanh', output: 'sigmoid', seed: 1 });
    model.fit(moons.X, moons.y, { epochs: 50, optimizer: 'adam', lr: 0.05 });
    const r = await run(toONNX(model), moons.X_test);
    const mine = model.forward(moons.X_test).data;
    const d = maxDiff(r['output']!.data as Float64Array, mine);
    expect(d).toBeLessThan(1e-12);
    expect(labels(r['label']!)).toEqual(model.predictClasses(moons.X_test));
    report.push(`Sequential sigmoid: output ${d.toExponential(1)}`);
  });

  it('Sequential (relu → softplus → linear, 3 outputs): argmax labels', async () => {
    const model = new Sequential([new Dense(4, 6, { activation: 'relu', seed: 2 }), new Dense(6, 5, { activation: 'softplus', seed: 3 }), new Dense(5, 3, { seed: 4 })]);
    const r = await run(toONNX(model), blobs.X_test);
    const d = maxDiff(r['output']!.data as Float64Array, model.forward(blobs.X_test).data);
    expect(d).toBeLessThan(1e-12);
    expect(labels(r['label']!)).toEqual(model.predictClasses(blobs.X_test));
    report.push(`Sequential relu/softplus/linear: output ${d.toExponential(1)}`);
  });

  it('explicit MLP (relu, relu, sigmoid)', async () => {
    const m = new MLP({ layerSizes: [2, 4, 3, 1], activations: ['relu', 'relu', 'sigmoid'] }).initialize(42);
    const r = await run(toONNX(m), moons.X_test);
    const X = { rows: moons.X_test.length, cols: 2, data: Float64Array.from(moons.X_test.flat()) };
    const d = maxDiff(r['output']!.data as Float64Array, m.predict(X));
    expect(d).toBeLessThan(1e-12);
    report.push(`MLP: output ${d.toExponential(1)}`);
  });

  for (const [name, data, opts] of [
    ['SVC rbf, 3 classes, probabilities (ml, float32)', 'blobs3', { probability: true }],
    ['SVC rbf, 2 classes, probabilities', 'moons', { probability: true, C: 2 }],
    ['SVC poly, 4 classes, decision values', 'blobs4', { kernel: 'poly', degree: 3, coef0: 1, C: 0.5, decisionFunctionShape: 'ovo' }],
    ['SVC linear, 2 classes, decision values', 'circles', { kernel: 'linear' }],
    ['SVC sigmoid, 3 classes, probabilities', 'blobs3', { kernel: 'sigmoid', gamma: 0.01, probability: true }],
  ] as const) {
    it(name, async () => {
      const D = ref.data[data];
      const m = new SVC(opts).fit(D.X, D.y);
      const r = await run(toONNX(m, { svmFormat: 'ml' }), D.X_test);
      expect(labels(r['label']!)).toEqual(m.predict(D.X_test));
      const scores = r['scores']!.data as Float32Array;
      let d: number;
      if (m.probability) {
        d = maxDiff(scores, m.predictProba(D.X_test).flat());
        expect(d).toBeLessThan(1e-6);
      } else {
        const k = m.classes.length;
        // ONNX's scores are libsvm's pair values; with two classes [f, −f] per row. float32
        // arithmetic: compare relative to the size of the values.
        const want = k === 2 ? m.decisionFunction(D.X_test).flatMap((f) => [f, -f]) : m.decisionMatrix(D.X_test).flat();
        d = maxRel(scores, want);
        expect(d).toBeLessThan(1e-5);
      }
      report.push(`${name}: ${m.probability ? 'probabilities (absolute)' : 'decision values (relative)'} ${d.toExponential(1)}`);
    });
  }

  for (const [name, data] of [
    ['LinearSVC, 3 classes', 'blobs3'],
    ['LinearSVC, 2 classes', 'moons'],
  ] as const) {
    it(name, async () => {
      const D = ref.data[data];
      const m = new LinearSVC({ maxIter: 5000 }).fit(D.X, D.y);
      const r = await run(toONNX(m, { svmFormat: 'ml' }), D.X_test);
      expect(labels(r['label']!)).toEqual(m.predict(D.X_test));
      const dec = m.decisionMatrix(D.X_test);
      const want = dec[0]!.length === 1 ? dec.flatMap(([f]) => [-f!, f!]) : dec.flat();
      const d = maxRel(r['scores']!.data as Float32Array, want);
      expect(d).toBeLessThan(1e-5);
      report.push(`${name}: decision values (relative) ${d.toExponential(1)}`);
    });
  }

  // The float64 form (standard operators): decision values and probabilities to 1e-12.
  for (const [name, data, opts, relabel] of [
    ['SVC rbf, 3 classes, probabilities, ovr', 'blobs3', { probability: true }, null],
    ['SVC rbf, 2 classes, probabilities', 'moons', { probability: true, C: 2 }, null],
    ['SVC poly, 4 classes, ovo', 'blobs4', { kernel: 'poly', degree: 3, coef0: 1, C: 0.5, decisionFunctionShape: 'ovo' }, null],
    ['SVC poly degree 4, 4 classes, probabilities, breakTies', 'blobs4', { kernel: 'poly', degree: 4, gamma: 0.1, probability: true, breakTies: true }, null],
    ['SVC linear, 2 classes', 'circles', { kernel: 'linear' }, null],
    ['SVC linear, 3 classes, string labels', 'blobs3', { kernel: 'linear', C: 0.3 }, ['setosa', 'versicolor', 'virginica']],
    ['SVC sigmoid, 3 classes, probabilities', 'blobs3', { kernel: 'sigmoid', gamma: 0.01, probability: true }, null],
    ['SVC rbf, 4 classes, labels 2.5/−1/7/0', 'blobs4', { gamma: 0.5 }, [2.5, -1, 7, 0]],
  ] as const) {
    it(`float64: ${name}`, async () => {
      const D = ref.data[data];
      const y = relabel ? D.y.map((c: number) => relabel[c]!) : D.y;
      const m = new SVC(opts).fit(D.X, y);
      const r = await run(toONNX(m), D.X_test);
      expect(labels(r['label']!)).toEqual(m.predict(D.X_test));
      const dec = maxRel(r['decision']!.data as Float64Array, m.decisionMatrix(D.X_test).flat());
      expect(dec).toBeLessThan(1e-12);
      let prob = NaN;
      if (m.probability) {
        prob = maxDiff(r['probabilities']!.data as Float64Array, m.predictProba(D.X_test).flat());
        expect(prob).toBeLessThan(1e-12);
      } else expect(r['probabilities']).toBeUndefined();
      report.push(`float64 ${name}: decision ${dec.toExponential(1)}${m.probability ? `, probabilities ${prob.toExponential(1)}` : ''}`);
    });
  }

  for (const [name, data, relabel] of [
    ['LinearSVC, 3 classes', 'blobs3', null],
    ['LinearSVC, 2 classes, string labels', 'moons', ['no', 'yes']],
  ] as const) {
    it(`float64: ${name}`, async () => {
      const D = ref.data[data];
      const y = relabel ? D.y.map((c: number) => relabel[c]!) : D.y;
      const m = new LinearSVC({ maxIter: 5000 }).fit(D.X, y);
      const r = await run(toONNX(m, { svmFormat: 'float64' }), D.X_test);
      expect(labels(r['label']!)).toEqual(m.predict(D.X_test));
      const d = maxRel(r['decision']!.data as Float64Array, m.decisionMatrix(D.X_test).flat());
      expect(d).toBeLessThan(1e-12);
      report.push(`float64 ${name}: decision ${d.toExponential(1)}`);
    });
  }

  it('svmFormat is checked', () => {
    const m = new LinearSVC().fit(ref.data.moons.X, ref.data.moons.y);
    expect(() => toONNX(m, { svmFormat: 'f32' as never })).toThrow(/svmFormat must be 'float64' or 'ml'/);
    expect(() => toONNX(m, { format: 'ml' } as never)).toThrow(/unknown option 'format'/);
  });

  it('report (printed with NABLA_REPORT=1)', () => {
    expect(report.length).toBe(20);
    if (process.env['NABLA_REPORT']) console.log(report.join('\n'));
  });
});
