// Regression tests for the newcomer review's defect table (newcomer-review.md, handed over with the reviews: rows W2, W5, W6, W8,
// W9, C1, C2): each input gets the right answer or a typed error that says what to do.
import { describe, expect, it } from 'vitest';
import { ArgumentError, LimitError } from '../../../src/core/errors.js';
import { LIMITS } from '../../../src/core/limits.js';
import {
  IdentityError, SymMatrix, criticalPoints, diff, diffMany, gradient, hessian, parse, parseMatrix, solve, solveDetailed, symbol, toString, latex,
} from '../../../src/symbolic/index.js';

const S = (e: Parameters<typeof toString>[0]) => toString(e);

describe('solve without a variable (W2) and identities (W9)', () => {
  it('infers the only unknown, and asks for it when there are several', () => {
    expect(solve(parse('x^2-4')).map(S)).toEqual(['-2', '2']);
    expect(solve('x^2-4').map(S)).toEqual(['-2', '2']);
    expect(() => solve('x^2 - y')).toThrow(ArgumentError);
    expect(() => solve('x^2 - y')).toThrow(/say which variable to solve for — the equation has x, y/);
    expect(() => solve('2 = 3')).toThrow(/no unknown/);
  });
  it('an equation that holds for every x says so with an IdentityError', () => {
    expect(() => solveDetailed('x=x', 'x')).toThrow(IdentityError);
    expect(() => solve('x = x')).toThrow(/every real value is a solution: 'x = x' holds identically/);
    expect(() => solve('2*(x+1) = 2*x + 2', 'x')).toThrow(/every real x is a solution/);
    expect(solve('x = 2*x', 'x').map(S)).toEqual(['0']);
  });
});

describe('criticalPoints with parameters (W8)', () => {
  it('x = 0 is the critical point of x^2 + y^2 in x, a minimum', () => {
    const r = criticalPoints('x^2+y^2', 'x');
    expect(r.points.map((p) => [S(p.point.x!), p.kind, S(p.value)])).toEqual([['0', 'min', 'y^2']]);
    expect(r.complete).toBe(true);
  });
  it('a second derivative that depends on a parameter decides nothing', () => {
    const r = criticalPoints('x^2*y', 'x');
    expect(r.points.map((p) => [S(p.point.x!), p.kind])).toEqual([['0', 'inconclusive']]);
    expect(r.points[0]!.test).toBe("f''(0) = 2*y depends on y");
  });
  it('with a parameter, "never 0" is still proven', () => {
    const r = criticalPoints('1/x + y', 'x');
    expect(r.points).toEqual([]);
    expect(r.reason).toBe("f'(x) = -1/x^2 is never 0");
  });
});

describe('derivatives of matrices and lists (W5, W6)', () => {
  it('diff of a SymMatrix is elementwise, by the given variables', () => {
    const g = gradient('x^2*y', 'x y');
    const d = diff(g, 'x');
    expect(d).toBeInstanceOf(SymMatrix);
    expect(d.toRows().map((r) => r.map(S))).toEqual([['2*y'], ['2*x']]);
    expect(diff(parseMatrix('[x^3, x*y; 1, sin(x)]'), ['x', 2]).toRows().map((r) => r.map(S))).toEqual([['6*x', '0'], ['0', '-sin(x)']]);
    expect(diff(parseMatrix('[x^2, 3*x]')).toRows().map((r) => r.map(S))).toEqual([['2*x', '3']]);
    expect(() => diff(parseMatrix('[x*y]'))).toThrow(/say which variable/);
    expect(() => diff(['x^2'] as never, 'x')).toThrow(ArgumentError);
  });
  it('diffMany takes a variable name and text', () => {
    expect(diffMany([parse('x^2')], 'x').map(S)).toEqual(['2*x']);
    expect(diffMany(['x^2', 'sin(x)'], symbol('x')).map(S)).toEqual(['2*x', 'cos(x)']);
  });
  it('gradient and hessian of a matrix or a list are refused, not zeros', () => {
    expect(() => hessian(['x^2'] as never, 'x')).toThrow(ArgumentError);
    expect(() => hessian(['x^2'] as never, 'x')).toThrow(/hessian: argument 'expr' must be an/);
    expect(() => gradient(parseMatrix('[x*y]') as never, 'x y')).toThrow(ArgumentError);
  });
});

describe('documented limits, enforced in the API (C1, C2)', () => {
  it('a derivative order above the limit is refused before any work', () => {
    expect(() => diff(parse('sin(x)'), ['x', 1e9])).toThrow(LimitError);
    expect(() => diff(parse('sin(x)'), ['x', 1e9])).toThrow(/derivative order is 1000000000, above the limit of 1000/);
    expect(() => diff('x^2', ['x', 600], ['x', 600])).toThrow(/order is 1200/);
    expect(toString(diff(parse('sin(x)'), ['x', LIMITS.derivativeOrder]))).toBe('sin(x)');
  });
  it('a 3000-level tower x^x^…^x parses and differentiates, and printing its derivative is refused', () => {
    const tower = parse(Array(3000).fill('x').join('^'));
    const d = diff(tower, 'x');
    expect(() => toString(d)).toThrow(LimitError);
    expect(() => toString(d)).toThrow(/printedSize/);
    expect(() => latex(d)).toThrow(LimitError);
    // Small towers still print (SymPy: x**(x**x)*(x**x*(log(x) + 1)*log(x) + x**x/x)).
    expect(toString(diff(parse('x^x^x'), 'x'))).toBe('x^(x^x)*(x^x*(log(x) + 1)*log(x) + x^(x - 1))');
  });
  it('input longer than the limit, or nested deeper, is a LimitError naming the limit', () => {
    expect(() => parse('x+'.repeat(LIMITS.inputLength / 2) + 'x')).toThrow(/inputLength/);
    const deep = LIMITS.nestingDepth + 1;
    expect(() => parse('('.repeat(deep) + 'x' + ')'.repeat(deep))).toThrow(/nestingDepth/);
    expect(() => parse('sin('.repeat(deep) + 'x' + ')'.repeat(deep))).toThrow(LimitError);
    expect(() => parse(Array(deep + 1).fill('x').join('^'))).toThrow(/nests 10001 levels deep/);
  });
});

describe('the README limits table is LIMITS', () => {
  it('lists every limit with its value, and nothing else', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('### Limits'), readme.indexOf('### Progress on a terminal'));
    const rows = [...table.matchAll(/^\| `(\w+)` \| (\d+) \|/gm)].map((m) => [m[1], Number(m[2])]);
    expect(Object.fromEntries(rows)).toEqual(LIMITS);
  });
});
