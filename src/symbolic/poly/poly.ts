/**
 * Dense univariate polynomials with exact rational coefficients.
 *
 * A `Poly` is an array of coefficients from the constant term up: `[c0, c1, …, cn]` means
 * c0 + c1·x + … + cn·xⁿ. It is always normalised: no trailing zero coefficients, so the zero
 * polynomial is `[]` and the degree is `length - 1` (−1 for zero).
 *
 * @example
 * const p = polyFromInts([-1, 0, 1]);     // x² − 1
 * const [q, r] = polyDivmod(p, polyFromInts([-1, 1]));
 * q // → [1, 1] (x + 1)
 * r // → []
 */
import * as Q from '../../core/rational.js';
import type { Rational } from '../../core/rational.js';
import { DomainError } from '../../core/errors.js';

/** A polynomial over ℚ as its coefficients, constant term first, without trailing zeros. */
export type Poly = readonly Rational[];

/** Drop trailing zeros so that the leading coefficient is non-zero. */
export function polyNormalize(c: Rational[]): Poly {
  let n = c.length;
  while (n > 0 && Q.isZero(c[n - 1]!)) n--;
  return n === c.length ? c : c.slice(0, n);
}

/** A polynomial from integer (or bigint) coefficients, constant term first. */
export function polyFromInts(c: ReadonlyArray<number | bigint>): Poly {
  return polyNormalize(c.map((v) => Q.rational(BigInt(v))));
}

/** The constant polynomial r. */
export const polyConst = (r: Rational): Poly => (Q.isZero(r) ? [] : [r]);
/** The monomial c·xᵏ. */
export function polyMonomial(c: Rational, k: number): Poly {
  if (Q.isZero(c)) return [];
  const out: Rational[] = new Array<Rational>(k + 1).fill(Q.ZERO);
  out[k] = c;
  return out;
}
/** The polynomial x. */
export const POLY_X: Poly = [Q.ZERO, Q.ONE];

/** The degree of p (−1 for the zero polynomial). @example polyDegree(polyFromInts([1, 0, 3])) // → 2 */
export const polyDegree = (p: Poly): number => p.length - 1;
/** Whether p is the zero polynomial. */
export const polyIsZero = (p: Poly): boolean => p.length === 0;
/** Leading coefficient (0 for the zero polynomial). */
export const polyLc = (p: Poly): Rational => (p.length ? p[p.length - 1]! : Q.ZERO);
/** Coefficient of xᵏ. */
export const polyCoeff = (p: Poly, k: number): Rational => p[k] ?? Q.ZERO;

/** Whether a and b have the same coefficients. */
export function polyEq(a: Poly, b: Poly): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Q.eq(a[i]!, b[i]!)) return false;
  return true;
}

/** The sum a + b. @example polyAdd(polyFromInts([1, 1]), polyFromInts([-1, 1])) // → [0, 2] */
export function polyAdd(a: Poly, b: Poly): Poly {
  const n = Math.max(a.length, b.length);
  const out: Rational[] = new Array<Rational>(n);
  for (let i = 0; i < n; i++) out[i] = Q.add(a[i] ?? Q.ZERO, b[i] ?? Q.ZERO);
  return polyNormalize(out);
}

/** The negation −a. */
export const polyNeg = (a: Poly): Poly => a.map(Q.neg);
/** The difference a − b. */
export const polySub = (a: Poly, b: Poly): Poly => polyAdd(a, polyNeg(b));

/** The polynomial c·a for a rational c. */
export function polyScale(a: Poly, c: Rational): Poly {
  if (Q.isZero(c)) return [];
  return a.map((v) => Q.mul(v, c));
}

/** The product a·b. @example polyMul(polyFromInts([1, 1]), polyFromInts([-1, 1])) // → [-1, 0, 1] */
export function polyMul(a: Poly, b: Poly): Poly {
  if (!a.length || !b.length) return [];
  const out: Rational[] = new Array<Rational>(a.length + b.length - 1).fill(Q.ZERO);
  for (let i = 0; i < a.length; i++) {
    if (Q.isZero(a[i]!)) continue;
    for (let j = 0; j < b.length; j++) out[i + j] = Q.add(out[i + j]!, Q.mul(a[i]!, b[j]!));
  }
  return polyNormalize(out);
}

/** aⁿ for an integer n ≥ 0, by repeated squaring. @example polyPow(polyFromInts([1, 1]), 2) // → [1, 2, 1] */
export function polyPow(a: Poly, n: number): Poly {
  let result: Poly = [Q.ONE];
  let base = a;
  while (n > 0) {
    if (n & 1) result = polyMul(result, base);
    base = polyMul(base, base);
    n >>= 1;
  }
  return result;
}

/**
 * Euclidean division: a = q·b + r with deg r < deg b. Throws DomainError when b is zero.
 */
export function polyDivmod(a: Poly, b: Poly): [Poly, Poly] {
  if (!b.length) throw new DomainError('polynomial division by zero');
  if (a.length < b.length) return [[], a];
  const r: Rational[] = a.slice();
  const db = b.length - 1;
  const lcInv = Q.inv(b[db]!);
  const q: Rational[] = new Array<Rational>(a.length - db).fill(Q.ZERO);
  for (let k = a.length - 1; k >= db; k--) {
    const c = Q.mul(r[k]!, lcInv);
    q[k - db] = c;
    if (Q.isZero(c)) continue;
    for (let j = 0; j <= db; j++) r[k - db + j] = Q.sub(r[k - db + j]!, Q.mul(c, b[j]!));
  }
  return [polyNormalize(q), polyNormalize(r.slice(0, db))];
}

/** The quotient of a divided by b (see polyDivmod). */
export const polyQuo = (a: Poly, b: Poly): Poly => polyDivmod(a, b)[0];
/** The remainder of a divided by b (see polyDivmod). */
export const polyRem = (a: Poly, b: Poly): Poly => polyDivmod(a, b)[1];

/** Exact quotient a / b, throwing when b does not divide a. */
export function polyExactDiv(a: Poly, b: Poly): Poly {
  const [q, r] = polyDivmod(a, b);
  if (r.length) throw new DomainError('polynomial does not divide exactly');
  return q;
}

/** The monic associate p / lc(p) (zero stays zero). */
export function polyMonic(p: Poly): Poly {
  if (!p.length || Q.isOne(polyLc(p))) return p;
  return polyScale(p, Q.inv(polyLc(p)));
}

/**
 * Monic greatest common divisor (Euclid over ℚ; gcd(0, 0) = 0). Powers of x are split off first,
 * gcd(xⁱ·a, xʲ·b) = x^min(i, j)·gcd(a, b), so a monomial never goes through Euclid (whose
 * rational coefficients explode on ((x + 1)¹⁰⁰⁰ − x¹⁰⁰⁰, x⁹⁹⁹)).
 */
export function polyGcd(a: Poly, b: Poly): Poly {
  if (!a.length) return polyMonic(b);
  if (!b.length) return polyMonic(a);
  const low = (p: Poly) => p.findIndex((c) => !Q.isZero(c));
  const i = low(a), j = low(b);
  let [p, q] = [a.slice(i), b.slice(j)] as [Poly, Poly];
  while (q.length) [p, q] = [q, polyMonic(polyRem(p, q))];
  return polyMul(polyMonomial(Q.ONE, Math.min(i, j)), polyMonic(p));
}

/**
 * Extended Euclid: returns [g, s, t] with s·a + t·b = g = gcd(a, b) monic.
 * Partial fractions use it to split a numerator over coprime factors.
 */
export function polyGcdex(a: Poly, b: Poly): [Poly, Poly, Poly] {
  let [r0, r1] = [a, b];
  let [s0, s1]: [Poly, Poly] = [[Q.ONE], []];
  let [t0, t1]: [Poly, Poly] = [[], [Q.ONE]];
  while (r1.length) {
    const [q, r] = polyDivmod(r0, r1);
    [r0, r1] = [r1, r];
    [s0, s1] = [s1, polySub(s0, polyMul(q, s1))];
    [t0, t1] = [t1, polySub(t0, polyMul(q, t1))];
  }
  if (!r0.length) return [[], [], []];
  const c = Q.inv(polyLc(r0));
  return [polyScale(r0, c), polyScale(s0, c), polyScale(t0, c)];
}

/** d/dx Σ cₖxᵏ = Σ k·cₖxᵏ⁻¹. */
export function polyDeriv(p: Poly): Poly {
  const out: Rational[] = [];
  for (let k = 1; k < p.length; k++) out.push(Q.mul(Q.rational(BigInt(k)), p[k]!));
  return polyNormalize(out);
}

/** ∫ Σ cₖxᵏ dx = Σ cₖ/(k+1)·xᵏ⁺¹ (constant 0). */
export function polyIntegral(p: Poly): Poly {
  if (!p.length) return [];
  const out: Rational[] = [Q.ZERO];
  for (let k = 0; k < p.length; k++) out.push(Q.div(p[k]!, Q.rational(BigInt(k + 1))));
  return out;
}

/** Exact value p(r) by Horner's rule. */
export function polyEval(p: Poly, r: Rational): Rational {
  let acc = Q.ZERO;
  for (let k = p.length - 1; k >= 0; k--) acc = Q.add(Q.mul(acc, r), p[k]!);
  return acc;
}

/** Floating-point value p(x) by Horner's rule. */
export function polyEvalNumber(p: Poly, x: number): number {
  let acc = 0;
  for (let k = p.length - 1; k >= 0; k--) acc = acc * x + Q.toNumber(p[k]!);
  return acc;
}

/** Composition p(q(x)). */
export function polyCompose(p: Poly, q: Poly): Poly {
  let acc: Poly = [];
  for (let k = p.length - 1; k >= 0; k--) acc = polyAdd(polyMul(acc, q), polyConst(p[k]!));
  return acc;
}

/** p(x + a): Taylor shift, used to expand about a point. */
export const polyShift = (p: Poly, a: Rational): Poly => polyCompose(p, polyNormalize([a, Q.ONE]));

/**
 * Content and primitive part over ℤ: p = c · pp with pp having coprime integer coefficients and
 * a positive leading coefficient. Factoring works on pp.
 */
export function polyPrimitive(p: Poly): [Rational, bigint[]] {
  if (!p.length) return [Q.ZERO, []];
  let l = 1n;
  for (const c of p) l = (l / Q.gcd(l, c.den)) * c.den;
  const ints = p.map((c) => (c.num * l) / c.den);
  let g = 0n;
  for (const v of ints) g = Q.gcd(g, v);
  if (ints[ints.length - 1]! < 0n) g = -g;
  return [Q.rational(g, l), ints.map((v) => v / g)];
}

/** Readable text in x, highest power first, e.g. `x^2 - 1/2*x + 3`. For tests and messages. */
export function polyToString(p: Poly, v = 'x'): string {
  if (!p.length) return '0';
  const parts: string[] = [];
  for (let k = p.length - 1; k >= 0; k--) {
    const c = p[k]!;
    if (Q.isZero(c)) continue;
    const a = Q.abs(c);
    const mono = k === 0 ? '' : k === 1 ? v : `${v}^${k}`;
    const coef = k === 0 ? Q.toString(a) : Q.isOne(a) ? '' : `${Q.toString(a)}*`;
    const sgn = Q.sign(c) < 0 ? '-' : '+';
    parts.push(parts.length ? ` ${sgn} ${coef}${mono}` : `${sgn === '-' ? '-' : ''}${coef}${mono}`);
  }
  return parts.join('');
}
