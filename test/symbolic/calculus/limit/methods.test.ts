// Limit's methods are data: the whole-limit strategies and the three fallback chains live in lists
// in calculus/limit/index.ts, and ARCHITECTURE.md shows the same names in the same order.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { INDETERMINATE_PRODUCT_METHODS, LIMIT_METHODS, SUM_METHODS, UNDECIDED_PRODUCT_METHODS } from '../../../../src/symbolic/calculus/limit/index.js';
import { NEG_OO, OO, ZERO, limit, parse, symbol } from '../../../../src/symbolic/index.js';
import { LimitError } from '../../../../src/core/errors.js';

const ARCH = readFileSync(resolve(__dirname, '../../../../ARCHITECTURE.md'), 'utf8');

describe('limit methods as data', () => {
  it('ARCHITECTURE.md lists the four method chains in order', () => {
    const at = ARCH.indexOf('<!-- limit methods:');
    expect(at).toBeGreaterThan(0);
    const lines = ARCH.slice(at).split('\n').slice(1, 5);
    const listed = Object.fromEntries(lines.map((l) => {
      const m = /^- `(\w+)` \([^)]*\): (.*)$/.exec(l)!;
      return [m[1]!, m[2]!.split(' · ')];
    }));
    expect(listed).toEqual({
      LIMIT_METHODS: LIMIT_METHODS.map((m) => m.name),
      SUM_METHODS: SUM_METHODS.map((m) => m.name),
      UNDECIDED_PRODUCT_METHODS: UNDECIDED_PRODUCT_METHODS.map((m) => m.name),
      INDETERMINATE_PRODUCT_METHODS: INDETERMINATE_PRODUCT_METHODS.map((m) => m.name),
    });
  });
});

describe('a constant the simplifier keeps whole but that is exactly 0 (was ∞: a wrong answer)', () => {
  // √2·√3 − √6 = 0 and log 2 + log 3 − log 6 = 0 exactly; atan2(0, 1) = 0. Each used to be read as
  // a nonzero constant, so ∞ times it was ∞. (√2·√3 now merges to √6 as it is built, as in SymPy,
  // so that zero is no longer hidden; the logarithms still are.)
  const lim = (e: string) => limit(parse(e), symbol('x'), OO);
  it('x·(√2·√3 − √6) → 0 and x·(log 2 + log 3 − log 6) → 0 (the product is 0 for every x)', () => {
    expect(lim('x*(sqrt(2)*sqrt(3) - sqrt(6))')).toBe(ZERO);
    expect(lim('x*(log(2) + log(3) - log(6))')).toBe(ZERO);
    expect(lim('x*(sqrt(2)*sqrt(3) - sqrt(6)) + 1')).toBe(parse('1'));
  });
  it('a genuinely nonzero small constant keeps its sign, and division by a hidden 0 is not guessed', () => {
    expect(lim('x*(pi - 3)')).toBe(OO);
    expect(lim('x*(104348/33215 - pi)')).toBe(OO); // ≈ +3.3e-10: below the check's threshold, proved > 0
    expect(lim('x*(pi - 104348/33215)')).toBe(NEG_OO);
    expect(() => lim('x/(log(2) + log(3) - log(6))')).toThrow(LimitError);
    expect(parse('sqrt(2)*sqrt(3) - sqrt(6)')).toBe(ZERO);
  });
});
