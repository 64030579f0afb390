// Defects the hostile-input properties (test/property/*.test.ts) found, kept as plain regression
// tests with the counterexample each one shrank to.
import { describe, expect, it } from 'vitest';
import { ArgumentError, DomainError, LimitError, describeValue } from '../../src/core/errors.js';
import { LIMITS } from '../../src/core/limits.js';
import { diff, hessian, limit, parse, series, toString } from '../../src/symbolic/index.js';
import { derivative, fromRows, linsolve, quad } from '../../src/numeric/index.js';
import { mlpModel } from '../../src/nn/index.js';
import { minimize } from '../../src/optimize/index.js';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

describe('counterexamples of the hostile-input properties', () => {
  it('a power whose exponent has a huge denominator: 0.1^(-400^-400) (was RangeError: Maximum BigInt size exceeded)', () => {
    expect(toString(parse('x*0.1^-400^-400'))).toMatch(/^10\^\(1\/6668014432879854274079851790721257797144758322315908160396\d+\)\*x$/);
    // Perfect powers beyond the double range are still recognised exactly.
    expect(toString(parse(`(10^400)^(1/2)`))).toBe(`1${'0'.repeat(200)}`);
    expect(toString(parse('(3^600)^(1/3)'))).toBe(String(3n ** 200n));
  });

  it("parse('0', null) and odd parse options are ArgumentErrors (was TypeError reading 'vars')", () => {
    expect(() => parse('0', null as never)).toThrow(ArgumentError);
    expect(() => parse('x', { vars: 'x' } as never)).toThrow(/options\.vars must be an array of names/);
  });

  it('a value with no prototype in an error message (was TypeError: Cannot convert object to primitive value)', () => {
    const bare = Object.create(null) as never;
    expect(() => limit('0', 'x', 'constructor', bare)).toThrow(/limit direction must be '\+', '-' or '\+-', got an object/);
    expect(() => series('0', 'x', 'x', bare)).toThrow(/series order must be a positive integer, got an object/);
    expect(() => mlpModel(bare, '' as never)).toThrow(/mlpModel: need at least two layer sizes, got an object/);
    expect(describeValue(Symbol('s'))).toBe('a symbol');
  });

  it('a Symbol or a prototype-less object as an option value (was TypeError: Cannot convert a Symbol value to a string)', () => {
    const f = (x: Float64Array | number[]) => x[0]! ** 2;
    for (const v of [Symbol('s'), Object.create(null)] as never[]) {
      expect(() => minimize(f, [1], { method: 'bfgs', maxiter: v })).toThrow(/maxiter must be a non-negative integer, got (a symbol|an object)/);
      expect(() => quad(Math.sin, 0, 1, { limit: v })).toThrow(/limit must be a positive integer, got (a symbol|an object)/);
      expect(() => quad(Math.sin, 0, 1, { maxEval: v })).toThrow(ArgumentError);
    }
  });

  it("an unknown option name is an ArgumentError, not ignored (SciPy's nested options: {maxiter} was dropped silently)", () => {
    const f = (x: Float64Array | number[]) => x[0]! ** 2;
    expect(() => minimize(f, [1], { method: 'bfgs', options: { maxiter: 5 } } as never)).toThrow(/minimize: unknown option 'options' .*go at the top level/);
    expect(() => minimize(f, [1], { maxIter: 5 } as never)).toThrow(/unknown option 'maxIter'.*the name is maxiter/);
    expect(() => quad(Math.sin, 0, 1, { epsRel: 1e-3 } as never)).toThrow(/quad: unknown option 'epsRel' \(have epsabs, epsrel/);
    expect(minimize(f, [1], { method: 'bfgs', maxiter: 5 }).success).toBe(true);
  });

  it('every "got ${value}" in an error message goes through describeValue (a Symbol cannot be interpolated)', () => {
    // Interpolating a user value directly throws a TypeError for a Symbol or an object without a
    // prototype, hiding the real message; lengths and counts (`.length`) are numbers by construction.
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) {
          readFileSync(p, 'utf8').split('\n').forEach((line, i) => {
            for (const m of line.matchAll(/got \$\{([a-zA-Z_.]+)\}/g)) if (!/\.(length|nOut|rows)$/.test(m[1]!)) offenders.push(`${p}:${i + 1}: ${m[0]}`);
          });
        }
      }
    };
    walk(join(dirname(fileURLToPath(import.meta.url)), '../../src'));
    expect(offenders).toEqual([]);
  });

  it('the third derivative of sin nested 300 deep is refused by its construction work (was a minute of work)', () => {
    const e = `${'sin('.repeat(300)}x${')'.repeat(300)}`;
    expect(() => diff(e, ['x', 3])).toThrow(new RegExp(`above the limit of ${LIMITS.derivativeWork} \\(derivativeWork`));
    expect(toString(diff('sin(sin(x))', ['x', 3]))).toContain('cos(sin(x))');
  });

  it('printing the Hessian of a 300-level tower is refused by printedSize (was an out-of-memory abort)', () => {
    const h = hessian(Array(300).fill('x').join('^'), 'x');
    expect(() => toString(h)).toThrow(/printedSize/);
    expect(() => JSON.stringify(h)).toThrow(LimitError);
  });

  it('numeric entry points given a Symbol or a nested array (were TypeErrors)', () => {
    expect(() => quad((x) => x * x, 0, Symbol('s') as never)).toThrow(/quad: the limits must be numbers, got 0 and a symbol/);
    expect(() => derivative((x) => x * x, Symbol('s') as never)).toThrow(ArgumentError);
    expect(() => linsolve([] as never, null as never)).toThrow(/expected a Matrix \(build one with fromRows\(\[\[…\], …\]\) or matrix\(rows, cols, data\)\), got a nested array/);
    expect(() => linsolve(fromRows([[1, 0], [0, 1]]), null as never)).toThrow(ArgumentError);
    expect(() => linsolve(fromRows([[1, 0], [0, 1]]), [1, 'a'] as never)).toThrow(DomainError);
  });

  it('a layer of 3 × 10⁹ weights is a LimitError (was a hang allocating 24 GB)', () => {
    expect(() => mlpModel([3, 1e9])).toThrow(/Dense: 3 × 1000000000 = 3000000000 weights, above the limit of 268435456/);
  });

  it('null options and odd option values are ArgumentErrors (were TypeErrors reading a field of null)', async () => {
    const { minimize } = await import('../../src/optimize/index.js');
    const { SVC, LinearSVC } = await import('../../src/svm/index.js');
    const { figure } = await import('../../src/plot/index.js');
    const { brentq } = await import('../../src/numeric/index.js');
    const sq = (x: number) => x * x;
    expect(() => derivative(sq, 0, null as never)).toThrow(/derivative: options must be an object, got null/);
    expect(() => minimize((v) => v[0]! ** 2, [0], null as never)).toThrow(/minimize: options must be an object, got null/);
    expect(() => new SVC(null as never)).toThrow(/SVC: options must be an object/);
    expect(() => new LinearSVC(7 as never)).toThrow(/LinearSVC: options must be an object, got 7/);
    expect(() => figure(null as never)).toThrow(/figure: options must be an object/);
    expect(() => brentq(sq, (() => 1) as never, Object.create(null))).toThrow(/brentq: the bracket must be two numbers, got a function and an object/);
    expect(() => quad(() => Infinity, 0, -1e-323, { points: 0 } as never)).toThrow(/quad: options.points must be an array of numbers, got 0/);
  });
});

describe('counterexamples of the 1000-case CI run', () => {
  it('matdiff --wrt constructor: no shape declared (was "internal error: dims is not iterable")', async () => {
    const { cli } = await import('../cli/run-cli.js');
    const r = await cli('matdiff', "logsumexp(W*x) - y'*W*x", '--wrt', 'constructor', '--shapes', 'W:k,d x:d y:k');
    expect(r.code).toBe(2);
    expect(r.err).toBe('error: --wrt constructor: declare its shape in --shapes (e.g. "constructor:m" for a vector)');
  });

  it('option values without a prototype in messages (were TypeErrors)', async () => {
    const { minimize } = await import('../../src/optimize/index.js');
    const { SVC } = await import('../../src/svm/index.js');
    const bare = Object.create(null) as never;
    expect(() => quad((x) => x * x, 0, 0, { epsabs: bare })).toThrow(/quad: epsabs and epsrel must be numbers ≥ 0, got an object/);
    expect(() => derivative((x) => x * x, 0, { method: bare })).toThrow(/derivative: unknown method an object/);
    expect(() => minimize((v) => v[0]! ** 2, [0], { method: bare })).toThrow(/unknown method an object/);
    expect(() => new SVC({ kernel: bare })).toThrow(/kernel must be .* got an object/);
  });
});

describe('counterexamples of the 1000-case CI run: plot', () => {
  it('line and scatter without y (null) are ArgumentErrors (were TypeErrors on the first point)', async () => {
    const { figure, line, scatter } = await import('../../src/plot/index.js');
    expect(() => figure().axes(0, 0, {}).add(line({ x: [NaN], y: null as never }))).toThrow(/line: channel 'y' must be an array of numbers/);
    expect(() => scatter({ x: [1] } as never)).toThrow(/scatter: give \{ x, y \}/);
  });
});
