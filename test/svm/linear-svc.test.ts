import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../src/core/errors.js';
import { LinearSVC, NotFittedError, type LinearSVCOptions } from '../../src/svm/index.js';

// scikit-learn's LinearSVC (liblinear) on blobs, moons and circles: make_svm_reference.py.
const here = dirname(fileURLToPath(import.meta.url));
const ref = JSON.parse(readFileSync(resolve(here, '../reference/svm/linear.json'), 'utf8'));

interface Case {
  name: string;
  params: Record<string, unknown>;
  sample_weight: number[] | null;
  coef: number[][];
  intercept: number[];
  n_iter: number;
  decision_test: number[] | number[][];
  predict_test: number[];
}

function options(p: Record<string, unknown>): LinearSVCOptions {
  const o: LinearSVCOptions = { C: p['C'] as number, randomState: p['random_state'] as number };
  if (p['loss'] !== undefined) o.loss = p['loss'] as 'hinge';
  if (p['max_iter'] !== undefined) o.maxIter = p['max_iter'] as number;
  if (p['class_weight'] !== undefined) o.classWeight = p['class_weight'] as 'balanced';
  if (p['intercept_scaling'] !== undefined) o.interceptScaling = p['intercept_scaling'] as number;
  return o;
}

const maxDiff = (a: number[], b: number[]): number => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

describe('LinearSVC against scikit-learn (liblinear)', () => {
  for (const c of ref.linear as Case[]) {
    it(c.name, () => {
      const data = ref.data[c.name.split(' ')[0]!];
      const m = new LinearSVC(options(c.params)).fit(data.X, data.y, c.sample_weight ?? undefined);
      // Same coordinate order (liblinear's MT19937 draws) and the same updates: same epochs and
      // the same weights up to rounding.
      expect(m.nIter).toBe(c.n_iter);
      expect(maxDiff(m.coef.flat(), c.coef.flat())).toBeLessThan(1e-12);
      expect(maxDiff(m.intercept, c.intercept)).toBeLessThan(1e-12);
      const dec = m.classes.length === 2 ? m.decisionFunction(data.X_test) : m.decisionMatrix(data.X_test).flat();
      expect(maxDiff(dec, (c.decision_test as number[]).flat())).toBeLessThan(1e-12);
      expect(m.predict(data.X_test)).toEqual(c.predict_test);
    });
  }
  it('bad options and use before fit', () => {
    expect(() => new LinearSVC({ loss: 'log' as 'hinge' })).toThrow(ArgumentError);
    expect(() => new LinearSVC({ C: 0 })).toThrow(ArgumentError);
    expect(() => new LinearSVC({ maxIter: 0 })).toThrow(ArgumentError);
    expect(() => new LinearSVC().predict([[0]])).toThrow(NotFittedError);
    const m = new LinearSVC().fit([[0], [1], [2]], [0, 1, 2]);
    expect(() => m.decisionFunction([[0]])).toThrow(/decisionMatrix/);
  });
});
