// factor in several variables (Kronecker's substitution, homogeneous bivariate by dehomogenising):
// every result is checked here by expanding it back, and the factors against SymPy 1.14's factor().
import { describe, it, expect } from 'vitest';
import { parse } from '../../../src/symbolic/parse/parse.js';
import { toString } from '../../../src/symbolic/print/text.js';
import { factor } from '../../../src/symbolic/index.js';
import { expand } from '../../../src/symbolic/algebra/expand.js';

const F = (s: string) => factor(s);

describe('factor: several variables', () => {
  it.each([
    ['x^2 - y^2', '(x - y)*(x + y)'],
    ['x^2*y + x*y^2', 'x*y*(x + y)'],
    ['x^3 - y^3', '(x - y)*(x^2 + x*y + y^2)'],
    ['x^2 + 2*x*y + y^2', '(x + y)^2'],
    ['2*x^2 - 2*y^2', '2*(x - y)*(x + y)'],
    ['x^4 - y^4', '(x - y)*(x + y)*(x^2 + y^2)'],
    ['x^6 - y^6', '(x - y)*(x + y)*(x^2 - x*y + y^2)*(x^2 + x*y + y^2)'],
    ['x*y + x + y + 1', '(x + 1)*(y + 1)'],
    ['a*x^2 - a', 'a*(x - 1)*(x + 1)'],
    ['x^2*y^2 - 1', '(x*y - 1)*(x*y + 1)'],
    ['x^3*y - x*y^3', 'x*y*(x - y)*(x + y)'],
    ['x^2 - y^2/4', '(2*x - y)*(2*x + y)/4'],
  ])('%s = %s', (e, want) => {
    const r = F(e);
    expect(r).toBe(parse(want));
    expect(expand(r)).toBe(expand(parse(e)));
  });
  it('irreducible or out of reach: unchanged, never wrong', () => {
    for (const e of ['x^2 + y^2', 'x^2 + y', 'y*sin(x) + y']) expect(toString(F(e))).toBe(toString(parse(e)));
  });
});
