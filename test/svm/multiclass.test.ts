import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SVC, type SVCOptions } from '../../src/svm/index.js';

// scikit-learn's SVC on blobs (3 and 4 classes), moons and circles, with class and sample weights
// and probabilities: test/reference/svm/make_svm_reference.py.
const here = dirname(fileURLToPath(import.meta.url));
const ref = JSON.parse(readFileSync(resolve(here, '../reference/svm/multiclass.json'), 'utf8'));

interface Case {
  name: string;
  params: Record<string, unknown>;
  sample_weight: number[] | null;
  support: number[];
  n_support: number[];
  dual_coef: number[][];
  intercept: number[];
  coef?: number[][];
  decision_train: number[] | number[][];
  decision_test: number[] | number[][];
  predict_train: number[];
  predict_test: number[];
  probA?: number[];
  probB?: number[];
  proba_test?: number[][];
  proba_train?: number[][];
}

/** scikit-learn's SVC parameters as nabla options. */
export function svcOptions(p: Record<string, unknown>): SVCOptions {
  const o: SVCOptions = { kernel: p['kernel'] as SVCOptions['kernel'], C: p['C'] as number };
  if (p['gamma'] !== undefined) o.gamma = p['gamma'] as number;
  if (p['degree'] !== undefined) o.degree = p['degree'] as number;
  if (p['coef0'] !== undefined) o.coef0 = p['coef0'] as number;
  if (p['decision_function_shape'] !== undefined) o.decisionFunctionShape = p['decision_function_shape'] as 'ovo';
  if (p['class_weight'] !== undefined) o.classWeight = p['class_weight'] as 'balanced';
  if (p['probability']) o.probability = true;
  if (p['random_state'] !== undefined) o.randomState = p['random_state'] as number;
  return o;
}

/** Largest |a − b| over nested arrays of the same shape. */
function maxDiff(a: unknown, b: unknown): number {
  if (Array.isArray(a) && Array.isArray(b)) {
    expect(a.length).toBe(b.length);
    return a.reduce((m: number, v, i) => Math.max(m, maxDiff(v, b[i])), 0);
  }
  return Math.abs((a as number) - (b as number));
}

const cases: Case[] = ref.svc;
const report: string[] = [];

describe('multiclass SVC against scikit-learn (libsvm)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const data = ref.data[c.name.split(' ')[0]!];
      const m = new SVC(svcOptions(c.params)).fit(data.X, data.y, c.sample_weight ?? undefined);
      expect(m.support).toEqual(c.support);
      expect(m.nSupport).toEqual(c.n_support);
      const two = m.classes.length === 2;
      const dTrain = two ? m.decisionFunction(data.X) : m.decisionMatrix(data.X);
      const dTest = two ? m.decisionFunction(data.X_test) : m.decisionMatrix(data.X_test);
      const diffs = {
        dual: maxDiff(m.dualCoefs, c.dual_coef),
        intercept: maxDiff(m.intercepts, c.intercept),
        decision: Math.max(maxDiff(dTrain, c.decision_train), maxDiff(dTest, c.decision_test)),
      };
      // Same SMO iterates as libsvm (same γ, same float32 cache, same rounding order): the
      // dual coefficients agree to the bit; decision values to rounding in the kernel sums.
      expect(diffs.dual).toBeLessThan(1e-12);
      expect(diffs.intercept).toBeLessThan(1e-12);
      expect(diffs.decision).toBeLessThan(1e-12);
      expect(m.predict(data.X)).toEqual(c.predict_train);
      expect(m.predict(data.X_test)).toEqual(c.predict_test);
      if (c.coef) expect(maxDiff(m.coefs, c.coef)).toBeLessThan(1e-12);
      let line = `${c.name}: dual ${diffs.dual.toExponential(1)}, intercept ${diffs.intercept.toExponential(1)}, decision ${diffs.decision.toExponential(1)}`;
      if (c.probA) {
        const pd = { A: maxDiff(m.probA, c.probA), B: maxDiff(m.probB, c.probB) };
        const proba = Math.max(maxDiff(m.predictProba(data.X_test), c.proba_test), maxDiff(m.predictProba(data.X), c.proba_train));
        line += `, probA ${pd.A.toExponential(1)}, probB ${pd.B.toExponential(1)}, proba ${proba.toExponential(1)}`;
        // The folds are libsvm's (same MT19937 draws), so Platt's A, B and the coupled
        // probabilities agree to rounding too.
        expect(pd.A).toBeLessThan(1e-12);
        expect(pd.B).toBeLessThan(1e-12);
        expect(proba).toBeLessThan(1e-12);
      }
      report.push(line);
    });
  }
  it('report (printed with NABLA_REPORT=1)', () => {
    expect(report.length).toBe(cases.length);
    if (process.env['NABLA_REPORT']) console.log(report.join('\n'));
  });
});

describe('multiclass SVC: exact relations', () => {
  const data = ref.data.blobs3;
  it('sampleWeight = 2 everywhere is C doubled; classWeight as a Map is the object', () => {
    const a = new SVC({ C: 2 }).fit(data.X, data.y);
    const b = new SVC({ C: 1 }).fit(data.X, data.y, new Array(data.y.length).fill(2));
    expect(b.dualCoefs).toEqual(a.dualCoefs);
    const c = new SVC({ classWeight: { 1: 3 } }).fit(data.X, data.y);
    const d = new SVC({ classWeight: new Map([[1, 3]]) }).fit(data.X, data.y);
    expect(d.dualCoefs).toEqual(c.dualCoefs);
  });
  it("'ovr' is votes plus a confidence in (−1/3, 1/3); breakTies predicts its argmax", () => {
    const m = new SVC({ decisionFunctionShape: 'ovr' }).fit(data.X, data.y);
    const ovo = new SVC({ decisionFunctionShape: 'ovo' }).fit(data.X, data.y).decisionMatrix(data.X_test);
    const ovr = m.decisionMatrix(data.X_test);
    ovr.forEach((row, i) => {
      const votes: [number, number, number] = [0, 0, 0];
      expect(ovo[i]).toHaveLength(3);
      const [f01, f02, f12] = ovo[i] as [number, number, number];
      votes[f01 > 0 ? 0 : 1]++;
      votes[f02 > 0 ? 0 : 2]++;
      votes[f12 > 0 ? 1 : 2]++;
      row.forEach((v, c) => expect(Math.abs(v - votes[c]!)).toBeLessThan(1 / 3));
    });
    const tie = new SVC({ breakTies: true }).fit(data.X, data.y);
    expect(tie.predict(data.X_test)).toEqual(ovr.map((r) => r.indexOf(Math.max(...r))));
  });
  it('probabilities sum to 1 and the two-class SVC gives one decision column', () => {
    const m = new SVC({ probability: true }).fit(data.X, data.y);
    for (const p of m.predictProba(data.X_test)) expect(Math.abs(p.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-12);
    const moons = ref.data.moons;
    const b = new SVC().fit(moons.X, moons.y);
    expect(b.decisionMatrix(moons.X_test)).toEqual(b.decisionFunction(moons.X_test).map((f) => [f]));
  });
});

describe('SVC progress', () => {
  it('reports each pair from 0 to 100 steps, ending at the total, and changes nothing', () => {
    const data = ref.data.blobs3;
    const calls: [number, number][] = [];
    const m = new SVC({ C: 10, onProgress: (d, t) => calls.push([d, t]) }).fit(data.X, data.y);
    expect(calls.length).toBeGreaterThanOrEqual(3);
    for (const [d, t] of calls) {
      expect(t).toBe(300);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(300);
    }
    expect(calls.at(-1)).toEqual([300, 300]);
    expect(m.dualCoefs).toEqual(new SVC({ C: 10 }).fit(data.X, data.y).dualCoefs);
  });
});
