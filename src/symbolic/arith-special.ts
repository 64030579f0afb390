/**
 * The special corners of arithmetic, kept apart from the canonicalising constructors in
 * `arith.ts`: infinities and nan in sums and products, and exact powers of rationals (with the
 * size limit that refuses 9^9^9^9).
 *
 * @example
 * import { ratPow } from './arith-special.js';
 * ratPow({ num: 8n, den: 27n }, { num: 1n, den: 3n }); // 2/3
 */
import { LimitError } from '../core/errors.js';
import * as Qm from '../core/rational.js';
import { NAN, NEG_OO, OO, ZERO, ZOO, numFromRational, numIsZero, numSign, type Expr, type Num } from './expr.js';

/** True for the infinities and nan (oo, -oo, zoo, nan). @example isInf(OO) // true */
export const isInf = (e: Expr): boolean =>
  e.kind === 'Constant' && (e.name === 'oo' || e.name === '-oo' || e.name === 'zoo' || e.name === 'nan');

/** Infinity arithmetic for a sum's numbers: oo + 1 = oo, oo - oo = nan. @example addInfinite([OO], [ONE]) === OO */
export function addInfinite(special: Expr[], others: Expr[]): Expr {
  let pos = false;
  let negv = false;
  for (const s of special) {
    if (s === NAN || s === ZOO) return s === NAN ? NAN : others.length || special.length > 1 ? NAN : ZOO;
    if (s === OO) pos = true;
    if (s === NEG_OO) negv = true;
  }
  if (pos && negv) return NAN;
  return pos ? OO : NEG_OO;
}

/** True for oo/-oo/zoo/nan or a product with one of them as a factor. @example hasInfiniteBase(mul(2, OO)) // true */
export function hasInfiniteBase(t: Expr): boolean {
  if (isInf(t)) return true;
  if (t.kind !== 'Mul') return false;
  for (const b of t.bases) if (isInf(b)) return true;
  return false;
}

/** The product of a number and infinities: 0·oo = nan, -2·oo = -oo. @example mulInfinite(int(-2), [OO]) === NEG_OO */
export function mulInfinite(coeff: Num, special: Expr[]): Expr {
  if (special.includes(NAN)) return NAN;
  if (numIsZero(coeff)) return NAN;
  if (special.includes(ZOO)) return ZOO;
  let s = numSign(coeff);
  for (const x of special) if (x === NEG_OO) s = -s as -1 | 1;
  return s > 0 ? OO : NEG_OO;
}

/** Refuse exact powers whose result would be absurdly large (bits). @example ratPow(10^6, 10^6) // LimitError */
export const MAX_POW_BITS = 100_000;

/** The exact integer k-th root of n ≥ 0, or null when n is not a perfect k-th power. @example exactRoot(27n, 3n) === 3n */
export function exactRoot(n: bigint, k: bigint): bigint | null {
  if (n < 2n) return n;
  const approx = BigInt(Math.round(Math.pow(Number(n), 1 / Number(k))));
  for (const c of [approx - 1n, approx, approx + 1n]) if (c >= 0n && c ** k === n) return c;
  return null;
}

/** r^e for exact rationals; null when it is not exact (2^(1/2)). @example ratPow({num: 4n, den: 9n}, {num: 1n, den: 2n}) // 2/3 */
export function ratPow(r: Qm.Rational, e: Qm.Rational): Expr | null {
  const bits = Math.max(r.num.toString(2).length, r.den.toString(2).length);
  if (Math.abs(Qm.toNumber(e)) * bits > MAX_POW_BITS)
    throw new LimitError(`exact power too large: (${Qm.toString(r)})^(${Qm.toString(e)}); use floats`);
  if (e.den === 1n) {
    if (r.num === 0n) return e.num < 0n ? ZOO : ZERO;
    return numFromRational(Qm.powInt(r, e.num));
  }
  if (r.num < 0n) return null; // (-8)^(1/3) stays symbolic
  const pn = exactRoot(r.num, e.den);
  const pd = exactRoot(r.den, e.den);
  if (pn !== null && pd !== null) return numFromRational(Qm.powInt(Qm.rational(pn, pd), e.num));
  return null;
}
