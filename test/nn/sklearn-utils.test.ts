// The scikit-learn-shaped utilities against values scikit-learn 1.2.1 produced
// (test/reference/nn/sklearn-utils.json, made by make_sklearn_utils.py beside it).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ArgumentError } from '../../src/core/errors.js';
import {
  confusionMatrix, crossValScore, f1Score, kFold, logLoss, meanSquaredError, MinMaxScaler, precisionRecallFscoreSupport,
  precisionScore, r2Score, recallScore, rocAucScore, splitIndices, StandardScaler, stratifiedKFold, trainTestSplit,
  type Average, type Estimator,
} from '../../src/nn/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const ref: any = JSON.parse(readFileSync(resolve(__dirname, '../reference/nn/sklearn-utils.json'), 'utf8'));

/** Relative closeness for values computed with a different summation order than NumPy's. */
function near(a: number, b: number, tol = 1e-12): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));
}
function nearAll(a: number[][] | number[], b: number[][] | number[], tol = 1e-12): void {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => (Array.isArray(v) ? nearAll(v, b[i] as number[], tol) : near(v, b[i] as number, tol)));
}

describe('model selection: the same indices as scikit-learn', () => {
  it('trainTestSplit (ShuffleSplit on NumPy RandomState)', () => {
    for (const c of ref.trainTestSplit) {
      const o = c.options;
      const opts = { testSize: o.test_size, trainSize: o.train_size, shuffle: o.shuffle, seed: o.random_state };
      for (const k of Object.keys(opts) as (keyof typeof opts)[]) if (opts[k] === undefined) delete opts[k];
      expect(splitIndices(c.n, opts)).toEqual({ train: c.train, test: c.test });
    }
    const X = Array.from({ length: 10 }, (_, i) => [i, -i]);
    const y = Array.from({ length: 10 }, (_, i) => i % 2);
    const s = trainTestSplit(X, y, { seed: 0 });
    expect(s.XTest.map((r) => r[0])).toEqual(ref.trainTestSplit[0].test);
    expect(s.yTrain).toEqual(ref.trainTestSplit[0].train.map((i: number) => i % 2));
    expect(() => trainTestSplit(X, y, { testSize: 1.5 })).toThrow(ArgumentError);
    expect(() => trainTestSplit(X, y, { testSize: 0.5, trainSize: 0.6 })).toThrow(/exceed/);
    expect(() => trainTestSplit(X, y.slice(1))).toThrow(/X has 10 rows but y has 9/);
    expect(() => trainTestSplit(X, y, { stratify: y, shuffle: false })).toThrow(/stratified split shuffles/);
  });
  it('trainTestSplit with stratify (StratifiedShuffleSplit: the same rows, in the same order)', () => {
    for (const c of ref.trainTestSplitStratified) {
      const o = c.options;
      const opts = { testSize: o.test_size, trainSize: o.train_size, seed: o.random_state, stratify: c.y as (number | string)[] };
      for (const k of Object.keys(opts) as (keyof typeof opts)[]) if (opts[k] === undefined) delete opts[k];
      const got = splitIndices(c.y.length, opts);
      expect(got).toEqual({ train: c.train, test: c.test });
      // The point of stratifying: every class keeps its share on each side (within one sample).
      const classes = [...new Set(c.y)];
      for (const cl of classes) {
        const share = c.y.filter((v: unknown) => v === cl).length / c.y.length;
        const inTest = got.test.filter((i) => c.y[i] === cl).length;
        expect(Math.abs(inTest - share * got.test.length)).toBeLessThanOrEqual(1);
      }
    }
    const X = Array.from({ length: 8 }, (_, i) => [i]);
    const y = ['a', 'a', 'b', 'b', 'a', 'b', 'a', 'b'];
    const s = trainTestSplit(X, y, { testSize: 0.5, stratify: y, seed: 0 });
    expect(s.yTest.filter((v) => v === 'a').length).toBe(2);
    expect(s.XTest.map((r) => y[r[0]!])).toEqual(s.yTest);
    expect(() => trainTestSplit(X, y, { stratify: ['a', 'a', 'a', 'a', 'a', 'a', 'a', 'b'] })).toThrow(/least populated class .* only 1 member/);
    expect(() => trainTestSplit(X, y, { stratify: y.slice(1) })).toThrow(/stratify has 7 labels for 8 samples/);
    expect(() => trainTestSplit(X, y, { stratify: [0, 0, 1, 1, 2, 2, 3, NaN] })).toThrow(/stratify\[7\] = NaN is not a class label/);
    expect(() => trainTestSplit(X, y, { testSize: 1, stratify: y })).toThrow(/test set \(1\) must hold at least one sample of each of the 2 classes/);
  });
  it('KFold, with and without shuffle', () => {
    for (const c of ref.kFold) expect(kFold(c.n, { nSplits: c.options.n_splits, shuffle: c.options.shuffle, seed: c.options.random_state })).toEqual(c.folds);
    expect(() => kFold(3, { nSplits: 4 })).toThrow(/greater than the number of samples/);
    expect(() => kFold(9, { seed: 1 })).toThrow(/seed has no effect without shuffle/);
  });
  it('StratifiedKFold (classes by first appearance, round-robin allocation)', () => {
    for (const c of ref.stratifiedKFold) expect(stratifiedKFold(c.y, { nSplits: c.options.n_splits, shuffle: c.options.shuffle, seed: c.options.random_state })).toEqual(c.folds);
  });
  it('crossValScore with a nearest-centroid classifier gives scikit-learn scores', () => {
    const { X, y } = ref.crossValScore as { X: number[][]; y: number[] };
    const nearestCentroid = (): Estimator => {
      let centroids: Array<[number, number[]]> = [];
      return {
        fit(Xt, yt) {
          const classes = [...new Set(yt)].sort((a, b) => a - b);
          centroids = classes.map((c) => {
            const rows = Xt.filter((_, i) => yt[i] === c);
            return [c, rows[0]!.map((_, j) => rows.reduce((s, r) => s + r[j]!, 0) / rows.length)];
          });
        },
        predict: (Xp) => Xp.map((r) => {
          let best = 0, bd = Infinity;
          centroids.forEach(([, m], k) => {
            const d = m.reduce((s, v, j) => s + (v - r[j]!) ** 2, 0);
            if (d < bd) { bd = d; best = k; }
          });
          return centroids[best]![0];
        }),
      };
    };
    nearAll(crossValScore(nearestCentroid, X, y), ref.crossValScore.default, 1e-15);
    nearAll(crossValScore(nearestCentroid, X, y, { cv: 3 }), ref.crossValScore.accuracy_cv3, 1e-15);
    const folds = kFold(60, { nSplits: 5, shuffle: true, seed: 0 });
    nearAll(crossValScore(nearestCentroid, X, y, { cv: folds, scoring: 'f1_macro' }), ref.crossValScore.f1_macro_kfold_shuffled_seed0, 1e-14);
    expect(() => crossValScore(nearestCentroid, X, y, { scoring: 'auc' as never })).toThrow(/unknown scoring 'auc'/);
  });
});

describe('scalers', () => {
  const s = ref.scalers;
  it('StandardScaler: mean, population variance, scale (1 for a constant feature), transform, inverse', () => {
    const sc = new StandardScaler().fit(s.X);
    nearAll(sc.mean, s.standard.mean);
    nearAll(sc.var, s.standard.var, 1e-9); // the 1e6-offset column loses digits in any summation order
    nearAll(sc.scale, s.standard.scale, 1e-9);
    expect(sc.scale[2]).toBe(1);
    nearAll(sc.transform(s.X), s.standard.transformX, 1e-8);
    nearAll(sc.transform(s.X2), s.standard.transformX2, 1e-9);
    nearAll(sc.inverseTransform(s.X2), s.standard.inverseX2, 1e-12);
    const nm = new StandardScaler({ withMean: false }).fit(s.X);
    nearAll(nm.scale, s.standardNoMean.scale, 1e-9);
    nearAll(nm.transform(s.X2), s.standardNoMean.transformX2, 1e-9);
    expect(() => new StandardScaler().transform(s.X)).toThrow(/call fit first/);
    expect(() => sc.transform([[1, 2]])).toThrow(/X has 2 features, the scaler was fitted on 4/);
  });
  it('MinMaxScaler: feature range, constant feature, clip, inverse', () => {
    const mm = new MinMaxScaler({ featureRange: s.minmax.range }).fit(s.X);
    nearAll(mm.dataMin, s.minmax.dataMin, 0);
    nearAll(mm.dataMax, s.minmax.dataMax, 0);
    nearAll(mm.scale, s.minmax.scale);
    nearAll(mm.min, s.minmax.min);
    nearAll(mm.transform(s.X), s.minmax.transformX);
    nearAll(mm.transform(s.X2), s.minmax.transformX2);
    nearAll(mm.inverseTransform(s.X2), s.minmax.inverseX2);
    nearAll(new MinMaxScaler({ clip: true }).fit(s.X).transform(s.X2), s.minmaxClip.transformX2);
    expect(() => new MinMaxScaler({ featureRange: [1, 0] })).toThrow(ArgumentError);
  });
});

describe('classification metrics', () => {
  const p = ref.prf;
  it('precision / recall / F-beta / support for every average', () => {
    for (const c of p.cases) {
      const r = precisionRecallFscoreSupport(p.yTrue, p.yPred, { average: c.average as Average, beta: c.beta });
      for (const k of ['precision', 'recall', 'fscore'] as const) {
        if (Array.isArray(c[k])) nearAll(r[k] as number[], c[k], 1e-14);
        else near(r[k] as number, c[k], 1e-14);
      }
      expect(r.support).toEqual(c.support);
    }
    const z1 = precisionRecallFscoreSupport(p.yTrue, p.yPred, { average: null, zeroDivision: 1 });
    nearAll(z1.precision as number[], p.zeroDivision1.precision, 1e-14);
    nearAll(z1.fscore as number[], p.zeroDivision1.fscore, 1e-14);
    const l = precisionRecallFscoreSupport(p.yTrue, p.yPred, { average: 'macro', labels: [3, 1, 0] });
    near(l.precision as number, p.labels310.precision, 1e-14);
    near(l.fscore as number, p.labels310.fscore, 1e-14);
  });
  it('binary scores (posLabel, F-beta)', () => {
    const b = p.binary;
    near(precisionScore(b.yTrue, b.yPred) as number, b.precision, 1e-15);
    near(recallScore(b.yTrue, b.yPred) as number, b.recall, 1e-15);
    near(f1Score(b.yTrue, b.yPred) as number, b.f1, 1e-15);
    near(f1Score(b.yTrue, b.yPred, { posLabel: 0 }) as number, b.f1pos0, 1e-15);
    near(precisionRecallFscoreSupport(b.yTrue, b.yPred, { beta: 0.5 }).fscore as number, b.fbeta05, 1e-15);
    expect(() => f1Score(p.yTrue, p.yPred)).toThrow(/average is 'binary'; choose average/);
    expect(() => f1Score([0, 2], [2, 0])).toThrow(/posLabel 1 is not a label/);
  });
  it('ROC AUC: binary with ties, other labels, multiclass one-vs-rest and one-vs-one', () => {
    const r = ref.rocAuc;
    near(rocAucScore(r.binary.yTrue, r.binary.score), r.binary.auc, 1e-14);
    near(rocAucScore(r.binaryLabels35.yTrue, r.binaryLabels35.score), r.binaryLabels35.auc, 1e-14);
    const m = r.multi;
    near(rocAucScore(m.yTrue, m.proba), m.ovrMacro, 1e-14);
    near(rocAucScore(m.yTrue, m.proba, { average: 'weighted' }), m.ovrWeighted, 1e-14);
    near(rocAucScore(m.yTrue, m.proba, { multiClass: 'ovo' }), m.ovoMacro, 1e-14);
    near(rocAucScore(m.yTrue, m.proba, { multiClass: 'ovo', average: 'weighted' }), m.ovoWeighted, 1e-14);
    expect(() => rocAucScore([1, 1], [0.2, 0.3])).toThrow(/only one class/);
  });
  it('log loss: clipping to [ε, 1−ε], renormalized rows, labels absent from yTrue', () => {
    const l = ref.logLoss;
    near(logLoss(l.binary.yTrue, l.binary.p), l.binary.loss, 1e-14);
    near(logLoss(l.binary.yTrue, l.binary.p, { normalize: false }), l.binary.sum, 1e-14);
    near(logLoss(l.multi.yTrue, l.multi.proba), l.multi.loss, 1e-14);
    near(logLoss(l.multiLabels.yTrue, l.multiLabels.proba, { labels: l.multiLabels.labels }), l.multiLabels.loss, 1e-14);
    expect(() => logLoss(l.multiLabels.yTrue, l.multiLabels.proba)).toThrow(/yTrue has 2 classes but yProb has rows of 3/);
  });
  it('confusion matrix: labels and the three normalizations', () => {
    const c = ref.confusionMatrix;
    expect(confusionMatrix(c.yTrue, c.yPred)).toEqual(c.plain);
    expect(confusionMatrix(c.yTrue, c.yPred, c.labels)).toEqual(c.withLabels);
    for (const n of ['true', 'pred', 'all'] as const) nearAll(confusionMatrix(c.yTrue, c.yPred, { normalize: n }), c[n], 1e-15);
  });
  it('R² and mean squared error', () => {
    const g = ref.regression;
    near(r2Score(g.yTrue, g.yPred), g.r2, 1e-13);
    near(meanSquaredError(g.yTrue, g.yPred), g.mse, 1e-14);
    expect(r2Score([2, 2, 2], [2, 2, 3])).toBe(g.r2Constant);
    expect(r2Score([2, 2, 2], [2, 2, 2])).toBe(g.r2ConstantPerfect);
  });
});
