// Names that are keys of Object.prototype are ordinary names (review W10): every table the parser,
// the evaluator, the printers and the CLI look names up in has no prototype.
import { describe, expect, it } from 'vitest';
import { ArgumentError, ParseError } from '../../../src/core/errors.js';
import { diff, evaluate, integrate, lambdify, latex, parse, solve, subs, symbol, toString } from '../../../src/symbolic/index.js';
import { cli } from '../../cli/run-cli.js';

const NAMES = ['constructor', 'valueOf', '__proto__', 'toString', 'hasOwnProperty', 'isPrototypeOf'];

describe('Object.prototype keys as variables and functions', () => {
  it.each(NAMES)('%s is a plain symbol everywhere', (n) => {
    const s = symbol(n);
    expect(parse(n)).toBe(s);
    expect(toString(parse(`${n} + 1`))).toBe(`${n} + 1`);
    expect(toString(diff(parse(`${n}^2`), n))).toBe(`2*${n}`);
    expect(solve(`${n} = 2`, n).map(toString)).toEqual(['2']);
    expect(evaluate(parse(`${n}*2`), { [n]: 3 })).toBe(6);
    expect(() => evaluate(parse(`${n}*2`), {})).toThrow(ArgumentError);
    expect(toString(integrate(parse(`x*${n}`), 'x'))).toBe(`${n}*x^2/2`);
    expect(lambdify(`${n} + 1`, [n])(2)).toBe(3);
    expect(toString(subs(parse(`${n} + 1`), { [n]: 2 }))).toBe('3');
    expect(latex(parse(n))).toBe(n.replace(/_/g, '\\_'));
  });

  it.each(NAMES)('%s(x) is an unknown function, or an undefined one on request', (n) => {
    expect(() => parse(`${n}(x)`)).toThrow(ParseError);
    const f = parse(`${n}(x)`, { undefinedFunctions: true });
    expect(f.kind).toBe('Function');
    expect(toString(diff(f, 'x'))).toBe(`Derivative(${n}(x), x)`);
    expect(() => evaluate(f, { x: 1 })).toThrow(/unknown function/);
  });

  it('the CLI commands of the review treat them as names (exit 0, right answers)', async () => {
    expect(await cli('eval', 'toString*2', '--at', 'toString=3')).toMatchObject({ code: 0, out: '6' });
    expect(await cli('diff', 'constructor + 1', '--wrt', 'constructor')).toMatchObject({ code: 0, out: '1' });
    expect(await cli('diff', 'constructor^2', '--wrt', 'constructor')).toMatchObject({ code: 0, out: '2*constructor' });
    expect((await cli('solve', 'valueOf = 2', '--var', 'valueOf')).out).toMatch(/valueOf = 2/);
    expect(await cli('integrate', 'x*constructor', '--var', 'x')).toMatchObject({ code: 0, out: 'constructor*x^2/2' });
    const r = await cli('critical', '__proto__^2');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/__proto__ = 0: local min/);
  });
});
