// The pages' view of the symbolic layer (web/src/cas.ts, live.ts, format-value.ts), against exact math.
import { describe, expect, it } from 'vitest';
import { ArgumentError, ParseError } from '../../src/core/index.js';
import { gradient, parse } from '../../src/symbolic/index.js';
import { criticalPoints1D, evalAt, freeNames, text } from '../../web/src/cas.js';
import { numericFunction } from '../../web/src/live.js';
import { formatLibraryObject } from '../../web/src/format-value.js';

describe('cas helpers', () => {
  it("labels f(x) = x³ − 2x² + 1's critical points: max at 0, min at 4/3", () => {
    const cps = criticalPoints1D(parse('x^3 - 2x^2 + 1'), 'x').points;
    expect(cps.map((c) => [c.exact, c.kind])).toEqual([
      ['0', 'local maximum'],
      ['4/3', 'local minimum'],
    ]);
    expect(cps[1]!.x).toBeCloseTo(4 / 3, 14);
  });
  it('keeps only the points inside [a, b]', () => {
    expect(criticalPoints1D(parse('x^3 - 2x^2 + 1'), 'x', 1, 2).points.map((c) => c.exact)).toEqual(['4/3']);
  });
  it('lists every critical point of a periodic function on the range, alternating max and min (D14)', () => {
    const r = criticalPoints1D(parse('sin(x)'), 'x');
    // π/2 + kπ for k = −3 … 2 lie in [−10, 10].
    expect(r.points.map((c) => c.x)).toEqual([-3, -2, -1, 0, 1, 2].map((k) => expect.closeTo(Math.PI / 2 + k * Math.PI, 9)));
    expect(r.points.map((c) => c.kind)).toEqual(['local minimum', 'local maximum', 'local minimum', 'local maximum', 'local minimum', 'local maximum']);
    const s = criticalPoints1D(parse('sin(x) + x/2'), 'x').points;
    // cos x = −1/2 at ±2π/3 + 2kπ: six in [−10, 10].
    expect(s).toHaveLength(6);
    expect(s.some((c) => Math.abs(c.x - (2 * Math.PI) / 3) < 1e-9 && c.kind === 'local maximum')).toBe(true);
    expect(criticalPoints1D(parse('sin(1/x)'), 'x').more).toBe(true);
  });
  it('labels corners and flat-bottomed minima by the sign of f′, not as "flat" (D15)', () => {
    expect(criticalPoints1D(parse('abs(x)'), 'x').points).toEqual([{ x: 0, exact: '0', kind: 'local minimum' }].map((p) => expect.objectContaining({ ...p, x: expect.closeTo(0, 9) })));
    const flat = criticalPoints1D(parse('(x+1)^10*(x-1)^10'), 'x').points;
    expect(flat.map((c) => [c.exact, c.kind])).toEqual([
      ['-1', 'local minimum'],
      ['0', 'local maximum'],
      ['1', 'local minimum'],
    ]);
    expect(criticalPoints1D(parse('x^3'), 'x').points.map((c) => [c.exact, c.kind])).toEqual([['0', 'stationary, not an extremum']]);
    expect(criticalPoints1D(parse('1/x^2'), 'x').points).toEqual([]);
    expect(criticalPoints1D(parse('exp(x)'), 'x').points).toEqual([]);
  });
  it('prints matrices as nested lists and lists free names sorted', () => {
    expect(text(gradient(parse('x^2 + 3y'), ['x', 'y']))).toBe('[[2*x], [3]]');
    expect(freeNames(parse('y*z + x'))).toEqual(['x', 'y', 'z']);
  });
  it('gives NaN where the library cannot evaluate (a missing variable), not a throw', () => {
    expect(evalAt(parse('x + y'), { x: 1 })).toBeNaN();
    expect(evalAt(parse('x^2'), { x: 3 })).toBe(9);
  });
});

describe('numericFunction', () => {
  it('compiles typed text with implicit products', () => {
    expect(numericFunction('3x^2 - 4x', ['x']).fn(2)).toBe(4);
  });
  it('raises typed errors: ParseError with the position, ArgumentError for an unknown name', () => {
    expect(() => numericFunction('x +', ['x'])).toThrow(ParseError);
    expect(() => numericFunction('x + t', ['x'])).toThrow(ArgumentError);
    expect(() => numericFunction('x + t', ['x'])).toThrow(/unknown name 't'/);
  });
});

describe('formatLibraryObject', () => {
  it('prints expressions as text, matrices in 2-D, and declines other objects', () => {
    expect(formatLibraryObject(parse('x^2 + 1'))).toBe('x^2 + 1');
    expect(formatLibraryObject(gradient(parse('x*y'), ['x', 'y']))).toContain('y');
    expect(formatLibraryObject({ kind: 'Tensor' })).toBeNull();
    expect(formatLibraryObject({})).toBeNull();
  });
});
