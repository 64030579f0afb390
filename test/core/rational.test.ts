import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Q from '../../src/core/rational.js';
import { DomainError } from '../../src/core/errors.js';

describe('exact rationals', () => {
  it('normalises sign and common factors', () => {
    expect(Q.rational(6n, -4n)).toEqual({ num: -3n, den: 2n });
    expect(Q.toString(Q.add(Q.rational(1n, 3n), Q.rational(1n, 6n)))).toBe('1/2');
  });
  it('refuses a zero denominator with a typed error', () => {
    expect(() => Q.rational(1n, 0n)).toThrow(DomainError);
    expect(() => Q.inv(Q.ZERO)).toThrow(DomainError);
  });
  it('reads decimals exactly', () => {
    expect(Q.toString(Q.fromDecimalString('0.1'))).toBe('1/10');
    expect(Q.toString(Q.fromDecimalString('1e-3'))).toBe('1/1000');
    expect(Q.toString(Q.fromDecimalString('-2.50E2'))).toBe('-250');
    expect(() => Q.fromDecimalString('1.2.3')).toThrow();
  });
  it('converts doubles exactly and back', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Q.toNumber(Q.fromNumberExact(x))).toBe(x === 0 ? 0 : x);
      }),
    );
  });
  it('field laws hold', () => {
    const arb = fc.tuple(fc.bigInt({ min: -1000n, max: 1000n }), fc.bigInt({ min: 1n, max: 1000n })).map(([n, d]) => Q.rational(n, d));
    fc.assert(
      fc.property(arb, arb, arb, (a, b, c) => {
        expect(Q.eq(Q.mul(a, Q.add(b, c)), Q.add(Q.mul(a, b), Q.mul(a, c)))).toBe(true);
        if (!Q.isZero(b)) expect(Q.eq(Q.mul(Q.div(a, b), b), a)).toBe(true);
        expect(Q.cmp(Q.sub(a, b), Q.ZERO)).toBe(Q.cmp(a, b));
      }),
    );
  });
  it('powers', () => {
    expect(Q.toString(Q.powInt(Q.rational(2n, 3n), -3n))).toBe('27/8');
    expect(Q.toNumber(Q.powInt(Q.rational(10n), 400n)) ).toBe(Infinity);
  });
});

describe('toNumber rounds correctly at the extremes', () => {
  it('subnormals, huge values and ties', () => {
    expect(Q.toNumber(Q.rational(1n, 1n << 1074n))).toBe(5e-324);
    expect(Q.toNumber(Q.rational(3n, 1n << 1075n))).toBe(1e-323); // 1.5 ulp → ties to even (2 ulp)
    expect(Q.toNumber(Q.rational(10n ** 400n))).toBe(Infinity);
    expect(Q.toNumber(Q.rational(10n ** 300n + 1n, 10n ** 299n))).toBe(10);
    expect(Q.toNumber(Q.rational(-(10n ** 30n), 3n))).toBe(-(10 ** 30) / 3);
  });
});
