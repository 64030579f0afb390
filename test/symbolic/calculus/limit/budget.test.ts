import { describe, it, expect } from 'vitest';
import { parse } from '../../../../src/symbolic/parse/parse.js';
import { symbol, OO } from '../../../../src/symbolic/expr/expr.js';
import { LimitError } from '../../../../src/core/errors.js';
import { toString, limit, solve } from '../../../../src/symbolic/index.js';

const x = symbol('x');
const L = (s: string, to: typeof OO | number, dir?: '+' | '-' | '+-') => toString(limit(parse(s), x, to, dir));

// Each limit below needs one method (usually L'Hôpital) after others (series, log of a product)
// have failed: every method gets its own work budget, so an expensive failure does not starve it.
describe('limit: per-method work budgets', () => {
  it('(2x + sin x)/(x − cos x) → 2 at ∞', () => expect(L('(2*x+sin(x))/(x-cos(x))', OO)).toBe('2'));
  it('(x² + x·sin x)/(x² + 1) → 1 at ∞', () => expect(L('(x^2+x*sin(x))/(x^2+1)', OO)).toBe('1'));
  it('(1/x)^tan x → 1 at 0⁺', () => expect(L('(1/x)^tan(x)', 0, '+')).toBe('1'));
  it('(eˣ + x)^(1/x) → e at ∞', () => expect(L('(exp(x)+x)^(1/x)', OO)).toBe('E'));
  it('log(1 + eˣ)/x → 1 at ∞', () => expect(L('log(1+exp(x))/x', OO)).toBe('1'));
  it('x·(π/2 − atan x) → 1 at ∞', () => expect(L('x*(pi/2-atan(x))', OO)).toBe('1'));
  it('√(x + √x) − √x → 1/2 at ∞', () => expect(L('sqrt(x+sqrt(x))-sqrt(x)', OO)).toBe('1/2'));
  it('hopeless limits still end with LimitError (bounded total work)', () => {
    expect(() => limit(parse('sin(x)'), x, OO)).toThrow(LimitError);
    expect(() => limit(parse('x*sin(x)'), x, OO)).toThrow(LimitError);
  });
});

// Not a limit, but the same pass over exactness: bᵘ = r with r and b powers of one base.
describe('solve: bˣ = r with r, b rational powers of one base', () => {
  it('gives the exact exponent ratio', () => {
    const sol = (s: string) => solve(s, 'x').map((v) => toString(v));
    expect(sol('9^x = 3')).toEqual(['1/2']);
    expect(sol('8^x = 1/4')).toEqual(['-2/3']);
    expect(sol('(1/4)^x = 8')).toEqual(['-3/2']);
    expect(sol('10^x = 1000')).toEqual(['3']);
    expect(sol('2^x = 3')).toEqual(['log(3)/log(2)']);
  });
});
