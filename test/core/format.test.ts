import { describe, expect, it } from 'vitest';
import { numpyArrayString, pyRepr } from '../../src/core/format.js';

describe('pyRepr matches Python repr()', () => {
  it.each([
    [2, '2.0'],
    [-1, '-1.0'],
    [0.1, '0.1'],
    [1e-5, '1e-05'],
    [1.5e-7, '1.5e-07'],
    [0.0001, '0.0001'],
    [1e16, '1e+16'],
    [123456789012345.6, '123456789012345.6'],
    [0.8888888888888942, '0.8888888888888942'],
    [3.987419245872443, '3.987419245872443'],
    [NaN, 'nan'],
    [-Infinity, '-inf'],
    [-0, '-0.0'],
  ])('%s → %s', (x, s) => expect(pyRepr(x)).toBe(s));
});

describe('numpyArrayString matches print(np.array(...))', () => {
  it('lesson 07 solution', () => {
    expect(numpyArrayString([2 / 3, 2 / 3, -1])).toBe('[ 0.66666667  0.66666667 -1.        ]');
  });
  it('integers and mixed signs', () => {
    expect(numpyArrayString([1, 2, 3])).toBe('[1. 2. 3.]');
    expect(numpyArrayString([-1, 2])).toBe('[-1.  2.]');
    expect(numpyArrayString([0.5, 0.25])).toBe('[0.5  0.25]');
  });
});
