import { describe, expect, it } from 'vitest';
import { ShapeError } from '../../../../src/core/errors.js';
import { add, diff, gradient, hessian, jacobian, mul, parse, sigmoid, symbol, symMatrix, symbols, tanh, toString } from '../../../../src/symbolic/index.js';

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
  it('gradient, jacobian and hessian walk only the paths to each variable, and give the same nodes as diff', () => {
    // A 6-input, 7-unit network: 49 weights, so the per-node variable sets need two 32-bit words.
    const xs = Array.from({ length: 6 }, (_, i) => symbol(`x${i}`));
    const ws: ReturnType<typeof symbol>[] = [];
    const hidden = [];
    for (let k = 0; k < 7; k++) {
      const row = xs.map((xi, i) => {
        const w = symbol(`w${i}_${k}`);
        ws.push(w);
        return mul(w, xi);
      });
      const u = symbol(`u${k}`);
      ws.push(u);
      hidden.push(mul(u, tanh(add(...row))));
    }
    const f = sigmoid(add(...hidden));
    // Repeated and absent variables, and the inputs too.
    const vars = [...ws, ws[3]!, symbol('absent'), ...xs];
    expect(vars.length).toBeGreaterThan(32);
    const g = gradient(f, vars);
    vars.forEach((v, i) => expect(g.get(i, 0)).toBe(diff(f, v)));
    expect(g.get(vars.length - 7, 0)).toBe(parse('0')); // the absent variable
    // Shared subexpressions, unevaluated derivatives and integrals, several rows.
    const fs = ['sin(x*y)^2 + sin(x*y)*z', 'f(x, z) + Integral(exp(t*y), t)', 'x^y*z', '7'].map((e) => parse(e, { undefinedFunctions: true }));
    const v3 = symbols('x y z t');
    const J = jacobian(fs, v3);
    for (let i = 0; i < fs.length; i++) for (let j = 0; j < v3.length; j++) expect(J.get(i, j)).toBe(diff(fs[i]!, v3[j]!));
    const h = parse('exp(x*y)*sin(z) + x^3*y^2');
    const H = hessian(h, v3);
    for (let i = 0; i < v3.length; i++) for (let j = 0; j < v3.length; j++) expect(H.get(i, j)).toBe(diff(diff(h, v3[i]!), v3[j]!));
    expect(toString(H.get(0, 1))).toBe('6*x^2*y + x*y*exp(x*y)*sin(z) + exp(x*y)*sin(z)') // (1 + xy)·e^(xy)·sin z + 6x²y;
  });
});
