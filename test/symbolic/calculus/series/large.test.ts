// Series with large integer powers and high orders (review rows U1, H1), against SymPy's
// coefficients in test/reference/symbolic/series-large.json.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LimitError } from '../../../../src/core/errors.js';
import { parse, symbol, toString, series, seriesCoefficients } from '../../../../src/symbolic/index.js';

interface Case { expr: string; order: number; coefficients: string[] }
const ref = JSON.parse(readFileSync(resolve(__dirname, '../../../reference/symbolic/series-large.json'), 'utf8')) as { cases: Case[] };
const x = symbol('x');

describe('series with large powers and orders agree with SymPy', () => {
  it.each(ref.cases.map((c) => [c.expr, c.order, c] as const))('%s to order %i', (_, __, c) => {
    const got = seriesCoefficients(parse(c.expr), x, 0, c.order).map((e) => toString(e));
    expect(got).toEqual(c.coefficients.map((s) => toString(parse(s))));
  });

  it('a polynomial power above 64 is a polynomial, not "no power series"', () => {
    expect(toString(series(parse('(1+x)^100'), x, 0, 3))).toBe('4950*x^2 + 100*x + 1');
    expect(toString(series(parse('x^65'), x, 0, 3))).toBe('0');
    expect(toString(series(parse('x^70*sin(x)'), x, 0, 73))).toBe('x^71');
  });

  it('a power whose exact value is too large is a LimitError that says so', () => {
    expect(() => series(parse('(2+x)^1000000000'), x, 0, 2)).toThrow(LimitError);
    expect(() => series(parse('(2+x)^1000000000'), x, 0, 2)).toThrow(/too large/);
  });
});
