import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../src/core/errors.js';
import { linearSvcSubgradient } from '../../src/svm/index.js';

describe('linearSvcSubgradient (teaching variant)', () => {
  const X = [
    [0, 0],
    [1, 2],
    [2, 1],
  ];
  const y = [-1, 1, 1];
  it('approaches the exact max-margin line: J* = ½‖w‖² = 4/9 (C ≥ max α = 4/9)', () => {
    const r = linearSvcSubgradient(X, y, { C: 10, iterations: 5000, learningRate: 0.5 });
    expect(r.objective).toBeGreaterThanOrEqual(4 / 9 - 1e-12); // J* is a lower bound
    expect(r.objective - 4 / 9).toBeLessThan(1e-3);
    r.w.forEach((v) => expect(Math.abs(v - 2 / 3)).toBeLessThan(1e-3));
    expect(Math.abs(r.b + 1)).toBeLessThan(1e-3);
    expect(r.history).toHaveLength(5000);
    expect(Math.min(...r.history)).toBe(r.objective);
  });
  it('starts at w = 0, b = 0 where J = C·n', () => {
    const r = linearSvcSubgradient(X, y, { C: 2, iterations: 1 });
    expect(r.history[0]).toBe(6);
  });
  it('checks its options', () => {
    expect(() => linearSvcSubgradient(X, y, { iterations: 0 })).toThrow(ArgumentError);
    expect(() => linearSvcSubgradient(X, y, { learningRate: -1 })).toThrow(ArgumentError);
    expect(() => linearSvcSubgradient(X, [1, 2, 3])).toThrow(/not binary/);
  });
});
