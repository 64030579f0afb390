import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ArgumentError, ShapeError } from '../../src/core/errors.js';
import { RandomState } from '../../src/core/random.js';
import { makeBlobs, makeCircles, makeMoons } from '../../src/nn/datasets.js';

const here = dirname(fileURLToPath(import.meta.url));
type Ref = { X: number[][]; y: number[] };
const ref = JSON.parse(readFileSync(resolve(here, '../reference/nn/datasets.json'), 'utf8')) as Record<string, Ref>;

/**
 * The random streams are bit-identical (see test/core/random.test.ts) and cos, sin, log are
 * correctly rounded, as glibc's are except in rare near-halfway cases: two such angles of the
 * 500-point circle (sin at t₂₁₆, cos at t₄₁₃) make up to 4 coordinates differ by 1 ulp.
 */
function countDiffs(actual: number[][], expected: number[][]): number {
  expect(actual.length).toBe(expected.length);
  let diffs = 0;
  actual.forEach((row, i) => {
    row.forEach((v, j) => {
      const e = expected[i]![j]!;
      if (v !== e) {
        diffs++;
        expect(Math.abs(v - e)).toBeLessThanOrEqual(2 ** -52 * Math.max(1, Math.abs(e)));
      }
    });
  });
  return diffs;
}

describe('datasets identical to scikit-learn', () => {
  it('make_circles(1000, factor=0.5, noise=0.1) after np.random.seed(0)', () => {
    const r = ref['make_circles_1000_factor0.5_noise0.1_seed0']!;
    const d = makeCircles({ nSamples: 1000, factor: 0.5, noise: 0.1, seed: 0 });
    expect(d.y).toEqual(r.y);
    expect(countDiffs(d.X, r.X)).toBeLessThanOrEqual(4);
  });

  it('a RandomState continues the global stream the same way', () => {
    const r = ref['make_circles_1000_factor0.5_noise0.1_seed0']!;
    const d = makeCircles({ nSamples: 1000, factor: 0.5, noise: 0.1, seed: new RandomState(0) });
    expect(countDiffs(d.X, r.X)).toBeLessThanOrEqual(4);
  });

  it('make_moons(200, noise=0.2, random_state=3), bit for bit', () => {
    const r = ref['make_moons_200_noise0.2_seed3']!;
    const d = makeMoons({ nSamples: 200, noise: 0.2, seed: 3 });
    expect(d.y).toEqual(r.y);
    expect(d.X).toEqual(r.X);
  });

  it('make_blobs(150, centers=3, random_state=5), bit for bit', () => {
    const r = ref['make_blobs_150_centers3_seed5']!;
    const d = makeBlobs({ nSamples: 150, centers: 3, seed: 5 });
    expect(d.y).toEqual(r.y);
    expect(d.X).toEqual(r.X);
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
    expect(() => makeCircles({ noise: NaN })).toThrow(/noise must be a finite number >= 0/);
    expect(() => makeMoons({ noise: -0.1 })).toThrow(ArgumentError);
    expect(() => makeBlobs({ clusterStd: -1 })).toThrow(/clusterStd must be finite and >= 0/);
    expect(() => makeBlobs({ centers: [[1, 2], [3]] })).toThrow(ShapeError);
    expect(() => makeBlobs({ centers: [[1, NaN]] })).toThrow(/non-finite/);
    expect(() => makeBlobs({ nFeatures: 0 })).toThrow(/nFeatures/);
    expect(() => makeCircles({ nSamples: 1e9 })).toThrow(/above the limit of 10000000/); // V8 would abort the process
  });
});
