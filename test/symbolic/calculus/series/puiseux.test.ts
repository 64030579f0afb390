// Series beyond Laurent: at ±oo, with fractional powers (Puiseux), with log terms, and in several
// variables (total degree), against SymPy in test/reference/symbolic/series-puiseux.json
// (make-series-puiseux.py). Each answer must equal SymPy's exactly: their difference expands to 0.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ArgumentError } from '../../../../src/core/errors.js';
import { NEG_OO, OO, ZERO, evaluate, expand, parse, series, seriesCoefficients, seriesDetailed, laurent, sub, symbol, toString, SeriesError } from '../../../../src/symbolic/index.js';

interface Case { expr: string; at: string; order: number; expected: string }
interface Multi { expr: string; vars: string[]; at: number[]; order: number; expected: string }
interface Special { expr: string; at: string; order: number; coefficients: string[] }
const ref = JSON.parse(readFileSync(resolve(__dirname, '../../../reference/symbolic/series-puiseux.json'), 'utf8')) as { cases: Case[]; multivariate: Multi[]; special: Special[] };
const x = symbol('x');
const point = (at: string) => (at === 'oo' ? OO : at === '-oo' ? NEG_OO : parse(at));

describe('series agrees with SymPy at ±oo, with fractional powers and with logs', () => {
  it('has the cases the reference promises', () => {
    expect(ref.cases.length).toBeGreaterThanOrEqual(50);
    expect(ref.multivariate.length).toBeGreaterThanOrEqual(12);
  });

  it.each(ref.cases.map((c) => [c.expr, c.at, c.order, c] as const))('%s at %s, order %i', (_, __, ___, c) => {
    const got = series(parse(c.expr), x, point(c.at), c.order);
    const diff = expand(sub(got, parse(c.expected)));
    expect(diff, `${toString(got)} vs SymPy ${c.expected}`).toBe(ZERO);
  });

  it.each(ref.multivariate.map((c) => [c.expr, c.at.join(','), c.order, c] as const))('%s at (%s), total degree < %i', (_, __, ___, c) => {
    const got = series(c.expr, c.vars, c.at, c.order);
    expect(expand(sub(got, parse(c.expected))), `${toString(got)} vs ${c.expected}`).toBe(ZERO);
  });
});

describe('functions whose derivative is written with themselves (Γ, ψ, W): Taylor from derivatives', () => {
  it.each(ref.special.map((c) => [c.expr, c.at, c.order, c] as const))('%s at %s, order %i', (_, __, ___, c) => {
    const got = seriesCoefficients(c.expr, 'x', c.at, c.order).map((e) => evaluate(e));
    const want = c.coefficients.map(Number);
    for (let k = 0; k < want.length; k++) expect(Math.abs(got[k]! - want[k]!), `coefficient ${k}: ${got[k]} vs ${want[k]}`).toBeLessThan(1e-12 * Math.max(1, Math.abs(want[k]!)));
  });

  it('a pole is refused; where the derivative formula is 0/0 the table gives the coefficients', () => {
    expect(() => series('gamma(x)', 'x', 0, 3)).toThrow(SeriesError);
    // W′ = W/(x(1 + W)) is 0/0 at 0: W's coefficients there are (−k)^(k−1)/k!
    expect(toString(series('LambertW(x)', 'x', 0, 4))).toBe('3*x^3/2 - x^2 + x');
    expect(toString(series('LambertW(2*x + x^2)', 'x', 0, 3))).toBe('-3*x^2 + 2*x');
  });
});

describe('the error term', () => {
  it('names the log power of the first omitted terms, as SymPy prints it', () => {
    const o = (e: string, at: string, n: number) => toString(seriesDetailed(e, 'x', at, n).order);
    expect(o('x^x', '0', 3)).toBe('x^3*log(x)^3');
    expect(o('exp(x)*log(x)', '0', 3)).toBe('x^3*log(x)');
    expect(o('sqrt(x)*exp(x)', '0', 3)).toBe('x^3');
    expect(o('sqrt(x^2 + 1)', 'oo', 3)).toBe('1/x^3');
    expect(o('sqrt(x^2 + 1)', '-oo', 3)).toBe('1/x^3');
    expect(o('sqrt(x)', '1', 2)).toBe('(x - 1)^2');
  });
});

describe('what has no such series is refused with a SeriesError, never a wrong answer', () => {
  it.each([
    ['exp(1/x)', '0'], // essential singularity
    ['exp(x)', 'oo'],
    ['sin(x)', 'oo'], // oscillates
    ['x^a', '0'], // a symbolic power of x
    ['exp(log(x)^2)', '0'], // faster than any power
    ['erf(x)', 'oo'], // 1 − e^(−x²)·(…): beyond every power of 1/x
    ['sqrt(x - 1)', '0'], // no real value near 0
  ])('%s at %s', (e, at) => {
    expect(() => series(e, 'x', at, 4)).toThrow(SeriesError);
  });

  it('several variables: not analytic at the point, a pole, a bad point', () => {
    expect(() => series('sqrt(x^2 + y^2)', ['x', 'y'], [0, 0], 3)).toThrow(SeriesError);
    expect(() => series('abs(x + y)', 'x y', [0, 0], 3)).toThrow(SeriesError);
    expect(() => series('1/(x + y)', ['x', 'y'], [0, 0], 3)).toThrow(SeriesError);
    expect(() => series('x*y', ['x', 'y'], [0], 3)).toThrow(ArgumentError);
    expect(() => series('x*y', ['x', 'y'], ['oo', 0], 3)).toThrow(ArgumentError);
  });

  it('the two-sided (Laurent) functions keep refusing roots and logs, and |t| read as t', () => {
    expect(() => laurent(parse('sqrt(x)'), x, ZERO, 3)).toThrow(SeriesError);
    expect(() => laurent(parse('x*log(x)'), x, ZERO, 3)).toThrow(SeriesError);
    // √(1 − cos x) = |x|/√2 + …: not a Laurent series (it was x/√2 on both sides)
    expect(() => laurent(parse('sqrt(1 - cos(x))'), x, ZERO, 3)).toThrow(SeriesError);
    expect(() => seriesCoefficients(parse('sqrt(x^2)'), x, ZERO, 3)).toThrow(SeriesError);
  });

  it('Laurent coefficients at oo are those of 1/x', () => {
    expect(seriesCoefficients('x/(x + 1)', 'x', 'oo', 4).map((c) => toString(c))).toEqual(['1', '-1', '1', '-1']);
    expect(seriesCoefficients('x/(x + 1)', 'x', '-oo', 4).map((c) => toString(c))).toEqual(['1', '1', '1', '1']);
  });
});
