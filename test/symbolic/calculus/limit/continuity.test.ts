// The 'continuity' limit method answers only what continuity or determinate extended-real
// arithmetic forces, exactly; everything else goes on to Gruntz (null here).
import { describe, expect, it } from 'vitest';
import { limitByContinuity } from '../../../../src/symbolic/calculus/limit/continuity.js';
import { NEG_OO, OO, limit, parse, symbol, toString } from '../../../../src/symbolic/index.js';

const t = symbol('t');
const show = (e: string, mode: 'zero' | 'inf'): string | null => {
  const r = limitByContinuity(parse(e), t, mode);
  return r === null ? null : r.k === 'inf' ? (r.s > 0 ? 'oo' : '-oo') : toString(r.v);
};

describe('limits by continuity', () => {
  it('continuous functions at finite limits and table values at ±∞', () => {
    expect(show('sqrt(pi)*erf(t)/2', 'inf')).toBe('sqrt(pi)/2');
    expect(show('atan(t) + exp(-t)', 'inf')).toBe('pi/2');
    expect(show('cos(t) + 2*sqrt(t)', 'zero')).toBe('1');
    expect(show('log(t + 2)', 'zero')).toBe('log(2)');
    expect(show('sigmoid(-t)', 'inf')).toBe('0');
  });

  it('infinities of known sign, and 1/0 from a known side', () => {
    expect(show('pi*t - 1', 'inf')).toBe('oo');
    expect(show('1/(2*sqrt(t))', 'zero')).toBe('oo');
    expect(show('-1/t^3', 'zero')).toBe('-oo');
    expect(show('log(t)', 'zero')).toBe('-oo');
    expect(show('exp(1/t)', 'zero')).toBe('oo');
    expect(show('exp(-1/t)', 'zero')).toBe('0');
  });

  it('leaves indeterminate or unproven cases to the other methods', () => {
    expect(show('t*exp(-t)', 'inf')).toBeNull(); // ∞·0
    expect(show('t - log(t)', 'inf')).toBeNull(); // ∞ − ∞
    expect(show('sin(t)/t', 'zero')).toBeNull(); // 0/0: sin(t) → 0 from a side not tracked
    expect(show('t*(log(2) + log(3) - log(6))', 'inf')).toBeNull(); // a hidden 0 times ∞
    expect(show('1/(t + log(2) + log(3) - log(6))', 'zero')).toBeNull();
    expect(show('sqrt(t - 1)', 'zero')).toBeNull(); // not real near the point
    expect(show('log(-t)', 'zero')).toBeNull();
    expect(show('sign(t)', 'zero')).toBeNull(); // sign jumps at 0
    expect(show('sin(t)', 'inf')).toBeNull(); // oscillates
    expect(show('a*t', 'inf')).toBeNull(); // the sign of a is not known
  });

  it('the whole limit agrees with the other methods on these (limit at points and at ±∞)', () => {
    const x = symbol('x');
    expect(limit(parse('sqrt(pi)*erf(x)/2'), x, NEG_OO)).toBe(parse('-sqrt(pi)/2'));
    expect(limit(parse('atan(x)'), x, OO)).toBe(parse('pi/2'));
    expect(limit(parse('2*sqrt(x)'), x, parse('0'), '+')).toBe(parse('0'));
    expect(limit(parse('x*log(x) - x'), x, parse('0'), '+')).toBe(parse('0'));
    expect(limit(parse('1/x'), x, parse('0'), '-')).toBe(NEG_OO);
  });
});
