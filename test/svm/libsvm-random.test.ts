import { describe, expect, it } from 'vitest';
import { LibsvmRandom, sklearnSeed } from '../../src/svm/libsvm-random.js';

describe('libsvm random numbers', () => {
  it("sklearnSeed is NumPy's RandomState(s).randint(2**31 - 1)", () => {
    // Values printed by np.random.RandomState(s).randint(np.iinfo('i').max), NumPy 1.24.
    expect([0, 1, 42].map(sklearnSeed)).toEqual([209652396, 1791095845, 1608637542]);
  });
  it('boundedInt stays in range, is uniform, and reseed repeats the stream', () => {
    const r = new LibsvmRandom(7);
    const counts = new Array(10).fill(0);
    const first: number[] = [];
    for (let i = 0; i < 20000; i++) {
      const v = r.boundedInt(10);
      if (i < 5) first.push(v);
      counts[v]++;
    }
    for (const c of counts) expect(Math.abs(c - 2000)).toBeLessThan(200);
    r.reseed();
    expect(Array.from({ length: 5 }, () => r.boundedInt(10))).toEqual(first);
    // Ranges that need the rejection step (2³² mod range > 0) and the largest int.
    for (const range of [3, 1000003, 2147483647]) for (let i = 0; i < 100; i++) expect(r.boundedInt(range)).toBeLessThan(range);
  });
});
