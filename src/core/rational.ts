/**
 * Exact rational numbers on BigInt, always normalised: gcd(num, den) = 1 and den > 0.
 * The symbolic engine's Integer and Rational nodes and the polynomial algebra build on these.
 *
 * @example
 * const r = add(rational(1n, 3n), rational(1n, 6n));
 * r // → 1/2
 * toNumber(r) // → 0.5
 */
import { ArgumentError, DomainError } from './errors.js';

/** An exact rational num/den (BigInt), kept normalised: gcd(num, den) = 1 and den > 0. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

/** The greatest common divisor of |a| and |b| (0 when both are 0). @example gcd(12n, -18n) // → 6n */
export function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

/** The normalised rational num/den. Throws DomainError for a zero denominator. */
export function rational(num: bigint, den: bigint = 1n): Rational {
  if (den === 0n) throw new DomainError('division by zero in a rational number');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  // Integers (most coefficients) need no gcd.
  if (den === 1n) return { num, den };
  const g = gcd(num, den);
  return g === 1n ? { num, den } : { num: num / g, den: den / g };
}

/** The rational 0. */
export const ZERO: Rational = { num: 0n, den: 1n };
/** The rational 1. */
export const ONE: Rational = { num: 1n, den: 1n };

/** Whether a = 0. @example isZero(rational(0n, 5n)) // → true */
export const isZero = (a: Rational): boolean => a.num === 0n;
/** Whether a = 1. */
export const isOne = (a: Rational): boolean => a.num === 1n && a.den === 1n;
/** Whether a is an integer (its denominator is 1). @example isInteger(rational(4n, 2n)) // → true */
export const isInteger = (a: Rational): boolean => a.den === 1n;
/** The sign of a: −1, 0 or 1. */
export const sign = (a: Rational): -1 | 0 | 1 => (a.num < 0n ? -1 : a.num > 0n ? 1 : 0);

/** The exact sum a + b. @example add(rational(1n, 2n), rational(1n, 3n)) // → 5/6 */
export const add = (a: Rational, b: Rational): Rational =>
  a.num === 0n ? b : b.num === 0n ? a : a.den === b.den ? rational(a.num + b.num, a.den) : rational(a.num * b.den + b.num * a.den, a.den * b.den);
/** The exact difference a − b. */
export const sub = (a: Rational, b: Rational): Rational => add(a, neg(b));
/** The exact product a·b. @example mul(rational(2n, 3n), rational(3n, 4n)) // → 1/2 */
export const mul = (a: Rational, b: Rational): Rational =>
  a.num === 0n || b.num === 0n ? ZERO : a.den === 1n && b.den === 1n ? { num: a.num * b.num, den: 1n } : rational(a.num * b.num, a.den * b.den);
/** The negation −a. */
export const neg = (a: Rational): Rational => ({ num: -a.num, den: a.den });
/** The reciprocal 1/a; throws DomainError for a = 0. @example inv(rational(-2n, 3n)) // → -3/2 */
export function inv(a: Rational): Rational {
  if (a.num === 0n) throw new DomainError('division by zero in a rational number');
  return rational(a.den, a.num);
}
/** The exact quotient a / b; throws DomainError for b = 0. */
export const div = (a: Rational, b: Rational): Rational => mul(a, inv(b));
/** The absolute value |a|. */
export const abs = (a: Rational): Rational => (a.num < 0n ? neg(a) : a);
/** Compare a and b: negative when a < b, 0 when equal, positive when a > b. @example cmp(rational(1n, 3n), rational(1n, 2n)) < 0 // → true */
export const cmp = (a: Rational, b: Rational): number => {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};
/** Whether a = b (normalised forms make this a field comparison). */
export const eq = (a: Rational, b: Rational): boolean => a.num === b.num && a.den === b.den;

/** a^n for an integer n (negative n inverts). */
export function powInt(a: Rational, n: bigint): Rational {
  if (n < 0n) return powInt(inv(a), -n);
  let result = ONE;
  let base = a;
  while (n > 0n) {
    if (n & 1n) result = mul(result, base);
    base = mul(base, base);
    n >>= 1n;
  }
  return result;
}

/** The nearest double (correctly rounded, subnormals included). */
export function toNumber(a: Rational): number {
  const n = Number(a.num);
  const d = Number(a.den);
  // Both exact: one IEEE division rounds correctly.
  if (Math.abs(n) <= 2 ** 53 && d <= 2 ** 53) return n / d;
  const negative = a.num < 0n;
  const num = negative ? -a.num : a.num;
  if (num === 0n) return 0;
  const den = a.den;
  let value: number;
  if (num << 1022n < den) {
    // Subnormal: the unit in the last place is 2^-1074, so round num·2^1074/den to an integer
    // (half to even); it is below 2^52 and converts exactly.
    const scaled = num << 1074n;
    let q = scaled / den;
    const r2 = (scaled % den) * 2n;
    if (r2 > den || (r2 === den && (q & 1n) === 1n)) q += 1n;
    value = Number(q) * 2 ** -537 * 2 ** -537;
  } else {
    // Normal or overflowing: take 66 quotient bits plus a sticky bit, so the one rounding in
    // Number(bigint) is the correct one; scaling by a power of two is then exact.
    const k = 66 - (bitLength(num) - bitLength(den));
    const scaled = k >= 0 ? num << BigInt(k) : num;
    const divisor = k >= 0 ? den : den << BigInt(-k);
    let q = scaled / divisor;
    q = (q << 1n) | (scaled % divisor === 0n ? 0n : 1n);
    const e = -(k + 1);
    const half = Math.trunc(e / 2);
    value = Number(q) * 2 ** half * 2 ** (e - half);
  }
  return negative ? -value : value;
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** The exact value of a finite double, e.g. 0.1 → 3602879701896397/36028797018963968. */
export function fromNumberExact(x: number): Rational {
  if (!Number.isFinite(x)) throw new ArgumentError(`cannot make a rational from ${x}`);
  if (Number.isInteger(x)) return rational(BigInt(x));
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const bits = buf.getBigUint64(0);
  const signBit = bits >> 63n;
  const exp = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  if (exp !== 0) mant |= 1n << 52n;
  const e = (exp === 0 ? 1 : exp) - 1075;
  const num = signBit ? -mant : mant;
  return e >= 0 ? rational(num << BigInt(e)) : rational(num, 1n << BigInt(-e));
}

/**
 * The rational a decimal literal denotes: '0.1' → 1/10, '1e-3' → 1/1000, '2.5E2' → 250.
 * Throws ArgumentError for anything else.
 */
export function fromDecimalString(text: string): Rational {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new ArgumentError(`not a decimal number: '${text}'`);
  const intPart = m[2] ?? '';
  const frac = m[3] ?? '';
  const exp = Number(m[4] ?? '0');
  if (Math.abs(exp) > 100_000) throw new ArgumentError(`exponent too large in '${text}'`);
  let num = BigInt((intPart + frac) || '0');
  if (m[1] === '-') num = -num;
  const scale = exp - frac.length;
  return scale >= 0 ? rational(num * 10n ** BigInt(scale)) : rational(num, 10n ** BigInt(-scale));
}

/** '3', '-1/2'. */
export function toString(a: Rational): string {
  return a.den === 1n ? a.num.toString() : `${a.num}/${a.den}`;
}
