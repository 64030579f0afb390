// Limit's methods are data: the whole-limit strategies and the three fallback chains live in lists
// in calculus/limit/index.ts, and ARCHITECTURE.md shows the same names in the same order.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { INDETERMINATE_PRODUCT_METHODS, LIMIT_METHODS, SUM_METHODS, UNDECIDED_PRODUCT_METHODS } from '../../../../src/symbolic/calculus/limit/index.js';

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
