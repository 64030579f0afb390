/**
 * The special corners of arithmetic, kept apart from the canonicalising constructors in
 * `arith.ts`: infinities and nan in sums and products, and exact powers of rationals (with the
 * size limit that refuses 9^9^9^9).
 *
 * @example
 * import { ratPow } from './arith-special.js';
 * ratPow({ num: 8n, den: 27n }, { num: 1n, den: 3n }); // → 2/3
 */
import { LimitError } from '../../core/errors.js';
import * as Qm from '../../core/rational.js';
import { I, NAN, NEG_ONE, NEG_OO, ONE, OO, ZERO, ZOO, makeAdd, makeMul, numFromRational, numIsZero, numSign, type Expr, type Num } from './expr.js';

/** True for the infinities and nan (oo, -oo, zoo, nan). @example isInf(OO) // → true */
export const isInf = (e: Expr): boolean =>
  e.kind === 'Constant' && (e.name === 'oo' || e.name === '-oo' || e.name === 'zoo' || e.name === 'nan');

/** Infinity arithmetic for a sum's numbers: oo + 1 = oo, oo - oo = nan. @example addInfinite([OO], [ONE]) === OO // → true */
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

/** True for oo/-oo/zoo/nan or a product with one of them as a factor. @example hasInfiniteBase(mul(2, OO)) // → true */
export function hasInfiniteBase(t: Expr): boolean {
  if (isInf(t)) return true;
  if (t.kind !== 'Mul') return false;
  // Only an infinity to the first power absorbs a coefficient (2·x·oo = x·oo); zoo^y does not.
  for (let i = 0; i < t.bases.length; i++) if (isInf(t.bases[i]!) && t.exps[i] === ONE) return true;
  return false;
}

/** The product of a number and infinities: 0·oo = nan, -2·oo = -oo. @example mulInfinite(int(-2), [OO]) === NEG_OO // → true */
export function mulInfinite(coeff: Num, special: Expr[]): Expr {
  if (special.includes(NAN)) return NAN;
  if (numIsZero(coeff)) return NAN;
  if (special.includes(ZOO)) return ZOO;
  let s = numSign(coeff);
  for (const x of special) if (x === NEG_OO) s = -s as -1 | 1;
  return s > 0 ? OO : NEG_OO;
}

// ---------------------------------------------------------------------------------------------
// The imaginary unit: its integer powers and exact Gaussian rationals a + b·I. Only reached when
// an I is present (the callers test for it by identity), so real arithmetic pays nothing.

/** I^k for an integer k: I⁴ = 1, so one of 1, I, −1, −I. @example powOfI(7n) // → -I */
export function powOfI(k: bigint): Expr {
  const r = ((k % 4n) + 4n) % 4n;
  return r === 0n ? ONE : r === 1n ? I : r === 2n ? NEG_ONE : makeMul(NEG_ONE, [I], [ONE]);
}

/** The canonical node a + b·I for exact rationals a, b. @example gaussian({ num: 1n, den: 1n }, { num: -1n, den: 1n }) // → 1 - I */
export function gaussian(a: Qm.Rational, b: Qm.Rational): Expr {
  const re = numFromRational(a);
  if (b.num === 0n) return re;
  const im = numFromRational(b);
  if (a.num === 0n) return im === ONE ? I : makeMul(im, [I], [ONE]);
  return makeAdd(re, [im], [I]);
}

/** [a, b] when e is exactly the Gaussian rational a + b·I (b may be 0), else null. @example gaussianParts(parse('1/2 - 3*I'))?.[1].num === -3n // → true */
export function gaussianParts(e: Expr): [Qm.Rational, Qm.Rational] | null {
  const q = (n: Expr): Qm.Rational | null => (n.kind === 'Integer' || n.kind === 'Rational' ? n.value : null);
  const r = q(e);
  if (r) return [r, Qm.rational(0n)];
  if (e === I) return [Qm.rational(0n), Qm.rational(1n)];
  if (e.kind === 'Mul' && e.bases.length === 1 && e.bases[0] === I && e.exps[0] === ONE) {
    const b = q(e.coeff);
    return b ? [Qm.rational(0n), b] : null;
  }
  if (e.kind === 'Add' && e.terms.length === 1 && e.terms[0] === I) {
    const a = q(e.coeff), b = q(e.coeffs[0]!);
    return a && b ? [a, b] : null;
  }
  return null;
}

/**
 * 1/(a + b·I) = (a − b·I)/(a² + b²), rationalised as SymPy does (a + b·I ≠ 0).
 * @example gaussianInverse({ num: 1n, den: 1n }, { num: 1n, den: 1n }) // → 1/2 - I/2
 */
export function gaussianInverse(a: Qm.Rational, b: Qm.Rational): Expr {
  const m = Qm.add(Qm.mul(a, a), Qm.mul(b, b));
  return gaussian(Qm.div(a, m), Qm.neg(Qm.div(b, m)));
}

/** Refuse exact powers whose result would be absurdly large (bits). @example pow(10, 10 ** 6) // → throws LimitError (a million digits) */
export const MAX_POW_BITS = 100_000;

/** The exact integer k-th root of n ≥ 0, or null when n is not a perfect k-th power. @example exactRoot(27n, 3n) === 3n // → true */
export function exactRoot(n: bigint, k: bigint): bigint | null {
  if (n < 2n) return n;
  // A root c ≥ 2 has c^k ≥ 2^k, so k above n's bit length leaves none (and 2n ** k would not fit).
  const bits = n.toString(2).length;
  if (k > BigInt(bits)) return null;
  let approx: bigint;
  if (n <= 2n ** 53n) approx = BigInt(Math.round(Math.pow(Number(n), 1 / Number(k))));
  else {
    // Beyond doubles (Number(n) may be Infinity): Newton's iteration on integers, from above.
    approx = 1n << BigInt(Math.ceil(bits / Number(k)));
    for (;;) {
      const next = ((k - 1n) * approx + n / approx ** (k - 1n)) / k;
      if (next >= approx) break;
      approx = next;
    }
  }
  for (const c of [approx - 1n, approx, approx + 1n]) if (c >= 0n && c ** k === n) return c;
  return null;
}

/** Trial divisors tried by extractPower: enough for everyday surds, bounded for huge integers. */
const EXTRACT_LIMIT = 1000n;

/**
 * Split n > 0 as a^k·m, pulling out the k-th powers of the divisors up to EXTRACT_LIMIT and a
 * perfect k-th power cofactor (m = 1 then): 12 = 2²·3 → [2, 3] for k = 2.
 * @example extractPower(12n, 2n) // → [2n, 3n]
 */
export function extractPower(n: bigint, k: bigint): [bigint, bigint] {
  // No d ≥ 2 has d^k ≤ n when 2^k > n (and d ** k would not fit in a bigint for huge k).
  if (k > BigInt(n.toString(2).length)) return [1n, n];
  let a = 1n;
  for (let d = 2n; d <= EXTRACT_LIMIT; d++) {
    const dk = d ** k;
    if (dk > n) break;
    while (n % dk === 0n) {
      n /= dk;
      a *= d;
    }
  }
  const r = n > 1n ? exactRoot(n, k) : null;
  return r !== null && r > 1n ? [a * r, 1n] : [a, n];
}

/** r^e for exact rationals; null when it is not exact (2^(1/2)). @example ratPow({num: 4n, den: 9n}, {num: 1n, den: 2n}) // → 2/3 */
export function ratPow(r: Qm.Rational, e: Qm.Rational): Expr | null {
  const bits = Math.max(r.num.toString(2).length, r.den.toString(2).length);
  if (Math.abs(Qm.toNumber(e)) * bits > MAX_POW_BITS)
    throw new LimitError(
      `exact power too large: (${Qm.toString(r)})^(${Qm.toString(e)}) needs about ${Math.round(Math.abs(Qm.toNumber(e)) * bits)} bits, above the limit of ${MAX_POW_BITS}; numbers are exact here (2.0 is 2), so for a floating-point power write float(...), as in float(2)^100000 (floats overflow to oo past 1.8e308)`,
    );
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

/** Functions that are finite at every finite real argument (so f(finite constant) is finite). */
const FINITE_EVERYWHERE = new Set([
  'sin', 'cos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'erf', 'erfi', 'Si', 'sigmoid', 'softplus',
  'relu', 'abs', 'sign', 'heaviside', 'max', 'min',
]);
/** Functions positive at every finite real argument. */
const POSITIVE_EVERYWHERE = new Set(['cosh', 'sigmoid', 'softplus']);
/** Depth bound: these tests look at small constant expressions only (pi, sqrt(2), sin(1)·E). */
const CONST_DEPTH = 6;

/**
 * True when e is a finite real number without symbols: numbers, π, e, and sums, products,
 * powers and everywhere-finite functions of them (SymPy's is_finite on constants, conservatively).
 * oo absorbs exactly these: oo + π = oo, but oo + x stays.
 * @example isFiniteConstant(parse('sqrt(2) + sin(1)')) // → true
 * isFiniteConstant(x) // → false
 */
export function isFiniteConstant(e: Expr, depth = 0): boolean {
  if (depth > CONST_DEPTH) return false;
  switch (e.kind) {
    case 'Integer':
    case 'Rational':
    case 'Float':
      return true;
    case 'Constant':
      return e.name === 'pi' || e.name === 'E';
    case 'Add':
      return e.terms.every((t) => isFiniteConstant(t, depth + 1));
    case 'Mul':
      return e.bases.every((b, i) => finitePower(b, e.exps[i]!, depth + 1));
    case 'Pow':
      return finitePower(e.base, e.exp, depth + 1);
    case 'Function':
      if (e.name === 'log') return e.args.length === 1 && isPositiveConstant(e.args[0]!, depth + 1);
      return FINITE_EVERYWHERE.has(e.name) && e.args.every((a) => isFiniteConstant(a, depth + 1));
    default:
      return false;
  }
}

/** b^x is a finite real: a positive base to a finite power, or any finite base to a power n ∈ ℕ. */
function finitePower(b: Expr, x: Expr, depth: number): boolean {
  if (!isFiniteConstant(x, depth)) return false;
  if (isPositiveConstant(b, depth)) return true;
  return x.kind === 'Integer' && x.value.num >= 0n && isFiniteConstant(b, depth);
}

/**
 * True when e is a finite positive real without symbols (π, √2, e^(-1), 2 + sin(1)…; conservative).
 * oo·π = oo uses this.
 * @example isPositiveConstant(parse('pi/2')) // → true
 */
export function isPositiveConstant(e: Expr, depth = 0): boolean {
  if (depth > CONST_DEPTH) return false;
  switch (e.kind) {
    case 'Integer':
    case 'Rational':
    case 'Float':
      return numSign(e) > 0;
    case 'Constant':
      return e.name === 'pi' || e.name === 'E';
    case 'Add':
      return numSign(e.coeff) >= 0 && e.terms.every((t, i) => numSign(e.coeffs[i]!) > 0 && isPositiveConstant(t, depth + 1));
    case 'Mul':
      return numSign(e.coeff) > 0 && e.bases.every((b, i) => isPositiveConstant(b, depth + 1) && isFiniteConstant(e.exps[i]!, depth + 1));
    case 'Pow':
      return isPositiveConstant(e.base, depth + 1) && isFiniteConstant(e.exp, depth + 1);
    case 'Function':
      return POSITIVE_EVERYWHERE.has(e.name) && e.args.every((a) => isFiniteConstant(a, depth + 1));
    default:
      return false;
  }
}
