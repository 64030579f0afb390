// Regression tests for the newcomer review's defect table (newcomer-review.md, handed over with the reviews: rows W2, W3, W5, W6,
// W8, W9, W11, W13, W14, C1, C2, U2, U4, U6, U7, U8, D2): each input gets the right answer or a typed error that says what to do.
// The CLI's rows are in test/cli/review-defects.test.ts, D3 (package contents) in test/package.test.ts.
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

// Rows W3, W6, W11, W13, W14, U2, U6, U7, U8 and D2 (the second pass over the review's table).
describe('the rest of the review table, through the public API', () => {
  it('W11: 0x10, 0b101, 0o17 are integers in base 16, 2, 8 (not 0·x10); a stray digit is a ParseError', async () => {
    const { ParseError } = await import('../../../src/core/errors.js');
    expect(['0x10', '0X1f', '0b101', '0o17', '2*0x10'].map((s) => S(parse(s)))).toEqual(['16', '31', '5', '15', '32']);
    expect(() => parse('0b12')).toThrow(ParseError);
    expect(() => parse('0x1g')).toThrow(/'g' cannot follow the base-16 number 0x1/);
    expect(S(parse('0x'))).toBe('0'); // no digit after the prefix: 0·x, as before
  });

  it('W3: isPeriodicIn takes the variable by name', async () => {
    const { isPeriodicIn } = await import('../../../src/symbolic/index.js');
    expect(isPeriodicIn(parse('sin(x)'), 'x')).toBe(true);
    expect(isPeriodicIn('cos(2*x) + y', 'y')).toBe(false);
  });

  it('W6: a matrix prints as [a, b; c, d] (String, toString, JSON, console.log) and subs works elementwise', async () => {
    const { subs, evaluate } = await import('../../../src/symbolic/index.js');
    const { inspect } = await import('node:util');
    const g = gradient('x^2*y', 'x y');
    expect(String(diff(g, 'x'))).toBe('[2*y; 2*x]');
    expect(toString(g)).toBe('[2*x*y; x^2]');
    expect(toString(parseMatrix(toString(g)))).toBe(toString(g));
    expect(JSON.stringify(g)).toBe('[["2*x*y"],["x^2"]]');
    expect(inspect(g)).toBe('SymMatrix([2*x*y; x^2])');
    expect(String(subs(g, { x: 1 }))).toBe('[2*y; 1]');
    expect(() => evaluate(g as never, { x: 1, y: 2 })).toThrow(/m\.evaluate\(env\)/);
  });

  it('U7: an expression shows as its text in JSON and console.log (no BigInt error, no internals)', async () => {
    const { inspect } = await import('node:util');
    expect(JSON.stringify(criticalPoints('x^2'))).toBe(
      '{"points":[{"point":{"x":"0"},"value":"0","kind":"min","test":"second derivative: f\'\'(0) = 2 > 0","numeric":false}],"derivative":["2*x"],"complete":true}',
    );
    expect(inspect(parse('x^2+1'))).toBe('Expr(x^2 + 1)');
  });

  it('W13: critical points of exp(-x^2)*sin(x): tiny f″ still decides, values print as numbers, no "periodic" claim', () => {
    const r = criticalPoints('exp(-x^2)*sin(x)', 'x');
    expect(r.points).toHaveLength(14);
    // Every point is a strict extremum, alternating max/min (f″ ≠ 0 at each, however small).
    expect(r.points.every((p) => p.kind === 'min' || p.kind === 'max')).toBe(true);
    expect(r.points.every((p) => /^second derivative: f''\(-?\d+\.\d+\) = -?[\d.]+(e-\d+)? [<>] 0$/.test(p.test))).toBe(true);
    const at = (x: number) => r.points.find((p) => Math.abs(Number(S(p.point.x!).replace(/^float\(|\)$/g, '')) - x) < 0.01)!;
    expect(at(6.3616).kind).toBe('max');
    expect(at(-9.4775).kind).toBe('max');
    expect(at(0.6533).value.kind).toBe('Float');
    expect(Math.abs((at(0.6533).value as { value: number }).value - 0.396652961085471)).toBeLessThan(1e-12); // e^(-x²) sin x there
    expect(r.reason).toMatch(/solved numerically by a scan of \[-20, 20\]/);
    expect(r.reason).not.toMatch(/periodic/);
    // A periodic f′ still says so; a trigonometric but not periodic one says only "principal".
    expect(criticalPoints('x + sin(x)', 'x').reason).toMatch(/cos\(x\) \+ 1 is periodic/);
  });

  it('W14: bounds given as extra arguments are an ArgumentError saying where they go; unknown options too', async () => {
    const { integrate } = await import('../../../src/symbolic/index.js');
    expect(() => (integrate as (...a: unknown[]) => unknown)('x^2', symbol('x'), 0, 1)).toThrow(/the bounds go with the variable, as integrate\(e, \['x', a, b\]\)/);
    expect(S(integrate('x^2', ['x', 0, 1]))).toBe('1/3');
    expect(() => integrate('x^2', 'x', { from: 0 } as never)).toThrow(/unknown option 'from'/);
    expect(() => integrate('x^2', ['x', 0, NaN])).toThrow(/upper bound is nan, not a number/);
    expect(() => integrate('x^2', ['x', 'nan', 1])).toThrow(ArgumentError);
  });

  it('U8: ∫₀^1e308 sin x is 1 - cos(1e308): a continuous antiderivative is not second-guessed by quadrature', async () => {
    const { integrate } = await import('../../../src/symbolic/index.js');
    const r = integrate('sin(x)', ['x', 0, '1e308']);
    expect(S(r)).toBe(`1 - cos(1${'0'.repeat(308)})`);
    // A jumping antiderivative is still caught: ∫₀^{2π} 1/(2 + cos x) = 2π/√3.
    expect(S(integrate('1/(2+cos(x))', ['x', 0, '2*pi']))).toBe('2*sqrt(3)*pi/3');
  });

  it('U2: a too-large exact power says that decimals are exact and how to get a float', () => {
    expect(() => parse('2.0^100000')).toThrow(/numbers are exact here \(2\.0 is 2\), so for a floating-point power write float\(\.\.\.\)/);
    expect(S(parse('float(2)^1000'))).toBe('float(1.0715086071862673e+301)');
  });

  it('U6: solve that finds no root numerically is an UndecidedError that says [] means proven', async () => {
    const { UndecidedError } = await import('../../../src/core/errors.js');
    expect(() => solve('exp(x)=x', 'x')).toThrow(UndecidedError);
    expect(() => solve('exp(x)=x', 'x')).toThrow(/undecided: .* \(\[\] is returned only when "no solution" is proven\)/);
    expect(solve('exp(x)=-1', 'x')).toEqual([]);
  });

  it('U2/U7 elsewhere: tensor(x, {dtype}) and JAX-style vmap(f) are ArgumentErrors that say what to do', async () => {
    const { tensor } = await import('../../../src/autodiff/index.js');
    const { vmap } = await import('../../../src/numeric/index.js');
    expect(() => tensor([1], { dtype: 'float32' } as never)).toThrow(/second argument is a shape .* no dtype option/);
    expect(() => (vmap as unknown as (f: unknown) => unknown)((v: number) => v)).toThrow(/not JAX's vmap\(f\) transform: call vmap\(x, f\)/);
    expect(Array.from(vmap([1, 2], (v) => v * v))).toEqual([1, 4]);
  });

  it('U4: a polynomial kernel that overflows names the kernel, not C', async () => {
    const { SVC } = await import('../../../src/svm/index.js');
    const X = [[3, 3], [-3, -3], [3, -3], [-3, 3]];
    expect(() => new SVC({ kernel: 'poly', degree: 100, gamma: 1 }).fit(X, [0, 0, 1, 1])).toThrow(/kernel value k\(x\[0\], x\[0\]\) = .* is too large \(\(gamma\*<x, x'> \+ coef0\)\^degree with degree 100/);
  });

  it('D2: the README factor example prints as the README says', async () => {
    const { factor } = await import('../../../src/symbolic/index.js');
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const line = readme.split('\n').find((l) => l.startsWith("factor('x^4 + 4');"))!;
    expect(line.split('// ')[1]).toBe(S(factor('x^4 + 4')));
  });
});
