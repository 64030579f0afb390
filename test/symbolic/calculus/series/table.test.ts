// Series reads everything it knows per function from the function table's `series` field: a
// function registered here, with a table entry and nothing else, is expanded (test/architecture
// checks that calculus/series never branches on a function's name).
import { afterAll, describe, expect, it } from 'vitest';
import { SeriesError } from '../../../../src/symbolic/calculus/series/index.js';
import { add, mul, pow, sub } from '../../../../src/symbolic/expr/arith.js';
import { NEG_ONE, symbol } from '../../../../src/symbolic/expr/expr.js';
import { FUNCTIONS, fn, type FunctionDef } from '../../../../src/symbolic/functions/index.js';
import { registerFunctions } from '../../../../src/symbolic/functions/def.js';
import { limit, parse, series, seriesCoefficients, toString } from '../../../../src/symbolic/index.js';

const x = symbol('x');
const base = (name: string, numeric: (v: number) => number): FunctionDef => ({ name, arity: 1, numeric, rule: name, latex: name, js: name });
const atanDerivative = ([u]: readonly unknown[]) => pow(add(mul(u as never, u as never), 1), -1);

// expm1 through a rule written with the series operations: exp(g) − 1.
const EXPM1: FunctionDef = { ...base('_t_expm1', Math.expm1), derivative: ([u]) => fn('exp', u!), series: { expand: (g, S) => S.add(S.exp(g), S.constant(NEG_ONE)) } };
// atan again, by Taylor's formula only (the generic rule F(g₀) + ∫F′(g)·g′).
const ATAN: FunctionDef = { ...base('_t_atan', Math.atan), derivative: atanDerivative, series: { taylor: true } };
// The same derivative with no series field: not expanded.
const BARE: FunctionDef = { ...base('_t_bare', Math.atan), derivative: atanDerivative };

registerFunctions([EXPM1, ATAN, BARE]);
afterAll(() => {
  const reg = FUNCTIONS as Record<string, FunctionDef>;
  for (const n of ['_t_expm1', '_t_atan', '_t_bare']) delete reg[n];
});

describe('a function is one table entry for series', () => {
  it('an entry with an expand rule is expanded by it', () => {
    expect(seriesCoefficients(fn('_t_expm1', x), x, 0, 5).map((c) => toString(c))).toEqual(['0', '1', '1/2', '1/6', '1/24']);
    // composed with another series: expm1(sin x) = exp(sin x) − 1
    expect(toString(series(fn('_t_expm1', fn('sin', x)), x, 0, 6))).toBe(toString(series(sub(fn('exp', fn('sin', x)), 1), x, 0, 6)));
  });

  it('an entry marked taylor is expanded by the generic rule, at 0 and elsewhere', () => {
    // the same coefficients as atan's, with the constant term _t_atan(x₀) left as it is
    for (const at of [0, 1]) {
      const want = add(series(fn('atan', x), x, at, 6), fn('_t_atan', at), mul(-1, fn('atan', at)));
      expect(toString(series(fn('_t_atan', x), x, at, 6))).toBe(toString(want));
    }
  });

  it('the limit code (Gruntz) uses the same entries', () => {
    // x·_t_atan(1/x) → 1 as x → ∞ needs the Taylor expansion at 0 of the argument
    expect(toString(limit(mul(fn('_t_atan', pow(x, -1)), x), x, parse('oo')))).toBe('1');
  });

  it('an entry without a series field is refused, not guessed', () => {
    expect(() => series(fn('_t_bare', x), x, 0, 4)).toThrow(SeriesError);
  });
});
