// The example checker itself: what it accepts and, as important, what it rejects.
import { describe, expect, it } from 'vitest';
import { mismatch, parseStated } from './stated-value.js';
import { compileExample } from './examples.js';
import { parse, symMatrix } from '../../src/symbolic/index.js';

const check = (actual: unknown, text: string): string => {
  const s = parseStated(text);
  return mismatch(actual, s.pattern!, s.approx);
};

describe('stated values', () => {
  it('numbers: exact to 1e-12, ≈ to half a unit of the last digit (6 decimals at least)', () => {
    expect(check(0.1 + 0.2, '0.30000000000000004')).toBe('');
    expect(check(0.3001, '0.3')).not.toBe('');
    expect(check(Math.SQRT2, '≈ 1.4142136')).toBe('');
    expect(check(1.41425, '≈ 1.4142136')).not.toBe('');
    expect(check(1 + 4e-7, '≈ 1')).toBe('');
    expect(check(1 + 1e-5, '≈ 1')).not.toBe('');
    expect(check(2 / 3, '≈ 2/3')).toBe('');
  });
  it('expressions by interned equality or their printed text', () => {
    expect(check(parse('x^2 + 2*x + 1'), 'x^2 + 2*x + 1')).toBe('');
    expect(check(parse('(x + 1)^2'), 'x^2 + 2*x + 1')).not.toBe('');
    expect(check([parse('x'), parse('y')], '[x, y]')).toBe('');
    expect(check(symMatrix([[1, 'x']]), '[[1, x]]')).toBe('');
  });
  it('strings, arrays, typed arrays, objects and remarks', () => {
    expect(check('a\nb', "'a\\nb'")).toBe('');
    expect(check('ab', "'a'")).not.toBe('');
    expect(check(Float64Array.of(1, 2), 'Float64Array [1, 2]')).toBe('');
    expect(check([1, 2], 'Float64Array [1, 2]')).not.toBe('');
    expect(check([1, 2], '[1, 2, 3]')).not.toBe('');
    expect(check({ a: 1, b: 2 }, '{ a: 1 }')).toBe('');
    expect(check({ a: 1 }, '{ a: 2 }')).not.toBe('');
    expect(check(3, '3 (a remark)')).toBe('');
    expect(check(parse('(3*x + 2)^7/21 + x'), 'x + (3*x + 2)^7/21')).toBe('');
    expect(() => parseStated('3, and prose')).toThrow();
  });
  it('compiles `// →` lines into checks, multi-line statements whole', () => {
    const c = compileExample("const a = [1,\n  2];\nf(a,\n  3) // → 4\n// plain comment\ng() // →\n// line 1\n// line 2");
    expect(c.checks.map((k) => [k.code, k.want])).toEqual([['f(a,\n  3)', '4'], ['g()', 'line 1\nline 2']]);
    expect(() => compileExample('const a = 1 // → 1')).toThrow(/expression/);
  });
});
