import { describe, expect, it } from 'vitest';
import { cumulativeTrapezoid, simpson, trapezoid } from '../../src/numeric/index.js';
import { ShapeError } from '../../src/core/index.js';

// Expected values from SciPy 1.17 (trapezoid, simpson, cumulative_trapezoid) or exact calculus.
describe('sampled integration', () => {
  it('trapezoid', () => {
    expect(trapezoid([0, 1, 4], { x: [0, 1, 2] })).toBe(3);
    expect(trapezoid([1, 2, 3], { dx: 0.5 })).toBe(2);
    expect(() => trapezoid([1, 2], { x: [0] })).toThrow(ShapeError);
  });
  it('cumulativeTrapezoid', () => {
    expect(Array.from(cumulativeTrapezoid([0, 1, 2, 3], { initial: 0 }))).toEqual([0, 0.5, 2, 4.5]);
    expect(Array.from(cumulativeTrapezoid([0, 1, 2, 3]))).toEqual([0.5, 2, 4.5]);
  });
  it('simpson: exact on cubics, Cartwright correction for an even number of samples', () => {
    expect(simpson([0, 1, 8, 27, 64], { dx: 1 })).toBe(64);
    expect(simpson([0, 1, 8, 27], { dx: 1 })).toBeCloseTo(20.5, 13); // SciPy 20.5 (exact 20.25 is for x³; Cartwright on 4 points)
    expect(simpson([1, 4, 2, 7, 3, 9], { x: [0, 0.5, 1.5, 2, 3.1, 4] })).toBeCloseTo(19.84227272727273, 13);
    expect(simpson([1, 4, 2, 7, 3], { x: [0, 0.5, 1.5, 2, 3.1] })).toBeCloseTo(15.06818181818182, 13);
  });
});
