import { describe, expect, it } from 'vitest';
import { ShapeError } from '../../../../src/core/errors.js';
import { gradient, hessian, jacobian, parse, symMatrix, symbols, toString } from '../../../../src/symbolic/index.js';

const [x, y] = symbols('x y');

describe('SymMatrix and the derivative matrices', () => {
  it('jacobian rows are expressions, columns variables', () => {
    const J = jacobian(['x*y', 'x + y', 'sin(x)'], ['x', 'y']);
    expect([J.rows, J.cols]).toEqual([3, 2]);
    expect(J.get(0, 0)).toBe(y);
    expect(J.get(2, 1)).toBe(parse('0'));
    expect(() => J.get(3, 0)).toThrow(/outside a 3×2 matrix/);
  });
  it('gradient is a column, hessian symmetric', () => {
    const g = gradient('x^2*y + y^3', [x, y]);
    expect([g.rows, g.cols]).toEqual([2, 1]);
    expect(g.get(1, 0)).toBe(parse('x^2 + 3*y^2'));
    const H = hessian('x^3*y^2 + exp(x*y)', 'x y');
    expect(H.get(0, 1)).toBe(H.get(1, 0));
    expect(toString(H.get(1, 1))).toBe('2*x^3 + x^2*exp(x*y)');
  });
  it('map, subs, evaluate, transpose', () => {
    const H = hessian('x^2*y', ['x', 'y']);
    expect(H.subs({ y: 3 }).get(0, 0)).toBe(parse('6'));
    expect(H.evaluate({ x: 1, y: 2 })).toEqual([[4, 2], [2, 0]]);
    expect(H.map((e) => parse('2').kind === 'Integer' ? e : e).get(0, 1)).toBe(parse('2*x'));
    const J = jacobian(['x*y'], ['x', 'y']);
    expect(J.transpose().rows).toBe(2);
  });
  it('variables default to the free symbols, sorted', () => {
    expect(jacobian(['b*a']).toRows().flat().map(toString)).toEqual(['b', 'a']);
  });
  it('symMatrix checks shapes', () => {
    expect(() => symMatrix([[1, 2], [3]])).toThrow(ShapeError);
  });
});
