import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

const here = dirname(fileURLToPath(import.meta.url));
const ref = JSON.parse(readFileSync(resolve(here, '../reference/svm/svc.json'), 'utf8'));


describe('nabla svm', () => {
  it('--json on make_circles(1000) reports what libsvm reports', async () => {
    const r = await cli('svm', '--data', 'circles', '--samples', '1000', '--kernel', 'rbf', '--json');
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.out);
    const want = ref.circles_rbf_1000;
    expect(rep.data).toBe('make_circles(n_samples=1000, factor=0.5, noise=0.1, seed=0)');
    expect(Math.abs(rep.nSupport - want.n_support)).toBeLessThanOrEqual(0.01 * want.n_support);
    expect(Math.abs(rep.intercept - want.intercept)).toBeLessThan(1e-2);
    expect(rep.testAccuracy).toBeGreaterThanOrEqual(want.test_accuracy);
    expect(rep.trainAccuracy).toBe(want.train_accuracy);
    expect(rep.fitMs).toBeGreaterThan(0);
  });

  it('prints a text report', async () => {
    const r = await cli('svm', '--samples', '300', '--kernel', 'linear', '--C', '0.5', '--test-samples', '100');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^SVC\(kernel='linear', C=0.5, gamma='scale' = [\d.]+\) on make_circles\(n_samples=300/);
    expect(r.out).toMatch(/support vectors: \d+ \(\d+ of class 0, \d+ of class 1\)/);
    expect(r.out).toMatch(/test accuracy: +0\.\d{4} \(100 points, seed=12345\)/);
    expect(r.out).toMatch(/fit time: +[\d.]+ ms \(\d+ SMO iterations\)/);
  });

  it('bad options are exit 2 with a message', async () => {
    for (const args of [
      ['--samples', 'abc'],
      ['--kernel', 'cubic'],
      ['--gamma', '-1'],
      ['--C', '0'],
      ['--data', 'spirals'],
    ]) {
      const r = await cli('svm', ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^error: --/);
    }
  });
});

describe('nabla svm: several classes, LinearSVC, ONNX', () => {
  it('blobs with 3 classes and probabilities', async () => {
    const r = await cli('svm', '--data', 'blobs', '--classes', '3', '--samples', '300', '--test-samples', '200', '--probability', '--json');
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.out);
    expect(rep.classes).toEqual([0, 1, 2]);
    expect(rep.intercept).toHaveLength(3);
    expect(rep.testAccuracy).toBeGreaterThan(0.7);
  });

  it('a linear kernel on many samples uses LinearSVC; --onnx writes a model', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nabla-svm-'));
    const file = join(dir, 'lin.onnx');
    const r = await cli('svm', '--data', 'blobs', '--classes', '2', '--kernel', 'linear', '--samples', '30000', '--test-samples', '1000', '--onnx', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^LinearSVC\(C=1, loss='squared_hinge'\)/);
    expect(r.out).toMatch(/test accuracy: +0\.9\d{3}/);
    expect(r.err).toMatch(/wrote .*lin\.onnx \(ONNX, \d+ bytes: input X \[N, 2\] float64; outputs label, decision \(float64\)\)/);
    expect(readFileSync(file).length).toBeGreaterThan(50);
    rmSync(dir, { recursive: true });
  });

  it('a kernel fit that would take too long is refused with an estimate and the way out', async () => {
    const r = await cli('svm', '--data', 'circles', '--samples', '400000', '--test-samples', '10');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/would take about [\d.]+ (s|min|h)/);
    expect(r.err).toMatch(/--solver linear/);
  });

  it('bad new options are exit 2', async () => {
    for (const args of [['--solver', 'fast'], ['--classes', '1', '--data', 'blobs'], ['--samples', '1e9'], ['--solver', 'linear', '--probability'], ['--onnx', '/nonexistent-dir/x.onnx', '--samples', '50'], ['--onnx-ml', '--samples', '50']]) {
      const r = await cli('svm', ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^error: /);
    }
  });
});
