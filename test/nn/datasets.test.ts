import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../src/core/errors.js';
import { RandomState } from '../../src/core/random.js';
import { makeBlobs, makeCircles, makeMoons } from '../../src/nn/datasets.js';

const here = dirname(fileURLToPath(import.meta.url));
type Ref = { X: number[][]; y: number[] };

/**
 * The random streams are bit-identical (see test/core/random.test.ts); the coordinates go through
 * cos, sin and log, which V8 computes with fdlibm and NumPy with glibc. Both are within 1 ulp of
 * the true value but disagree in the last bit for ~1-3 % of arguments, so coordinates are compared
 * to 2 ulps (|Δ| ≤ 2·2⁻⁵²·max(1, |x|)) and everything else exactly.
 */
function expectRowsClose(actual: number[][], expected: number[][]): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  let exact = 0;
  actual.forEach((row, i) => {
    expect(row.length).toBe(expected[i]!.length);
    row.forEach((v, j) => {
      const e = expected[i]![j]!;
      if (v === e) exact++;
      worst = Math.max(worst, Math.abs(v - e) / Math.max(1, Math.abs(e)));
    });
  });
  expect(worst).toBeLessThanOrEqual(2 * 2 ** -52);
  // Most coordinates agree to the bit: a wrong draw order would break this at once.
  expect(exact / (actual.length * actual[0]!.length)).toBeGreaterThan(0.9);
}
const ref = JSON.parse(readFileSync(resolve(here, '../../../shared/reference/nn/datasets.json'), 'utf8')) as Record<string, Ref>;

describe('datasets identical to scikit-learn', () => {
  it('make_circles(1000, factor=0.5, noise=0.1) after np.random.seed(0)', () => {
    const r = ref['make_circles_1000_factor0.5_noise0.1_seed0']!;
    const d = makeCircles({ nSamples: 1000, factor: 0.5, noise: 0.1, seed: 0 });
    expect(d.y).toEqual(r.y);
    expectRowsClose(d.X, r.X);
  });

  it('a RandomState continues the global stream the same way', () => {
    const r = ref['make_circles_1000_factor0.5_noise0.1_seed0']!;
    const d = makeCircles({ nSamples: 1000, factor: 0.5, noise: 0.1, seed: new RandomState(0) });
    expectRowsClose(d.X, r.X);
  });

  it('make_moons(200, noise=0.2, random_state=3)', () => {
    const r = ref['make_moons_200_noise0.2_seed3']!;
    const d = makeMoons({ nSamples: 200, noise: 0.2, seed: 3 });
    expect(d.y).toEqual(r.y);
    expectRowsClose(d.X, r.X);
  });

  it('make_blobs(150, centers=3, random_state=5)', () => {
    const r = ref['make_blobs_150_centers3_seed5']!;
    const d = makeBlobs({ nSamples: 150, centers: 3, seed: 5 });
    expect(d.y).toEqual(r.y);
    expectRowsClose(d.X, r.X);
  });

  it('without noise or shuffle the geometry is exact', () => {
    const c = makeCircles({ nSamples: 8, factor: 0.5, shuffle: false });
    expect(c.y).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    for (const [i, p] of c.X.entries()) expect(Math.hypot(p[0]!, p[1]!)).toBeCloseTo(i < 4 ? 1 : 0.5, 14);
    const m = makeMoons({ nSamples: 6, shuffle: false });
    expect(m.X[2]).toEqual([Math.cos(Math.PI), Math.sin(Math.PI)]);
  });

  it('refuses bad options', () => {
    expect(() => makeCircles({ factor: 1.5 })).toThrow(ArgumentError);
    expect(() => makeMoons({ nSamples: 0 })).toThrow(ArgumentError);
    expect(() => makeBlobs({ centers: 2, clusterStd: [1, 2, 3] })).toThrow(ArgumentError);
  });
});
