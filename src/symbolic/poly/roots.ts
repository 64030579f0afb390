/**
 * Roots of polynomials over ℚ: exact rational roots by the rational-root theorem, and all complex
 * roots numerically (numeric's Aberth–Ehrlich `polyRoots`, the one root finder) for factor search
 * and for `solve`'s flagged numeric answers.
 *
 * @example
 * polyRationalRoots(QPoly.polyFromInts([-6, 11, -6, 1])) // → [1, 2, 3] (as rationals)
 */
import { ConvergenceError, DomainError } from '../../core/errors.js';
import * as Q from '../../core/rational.js';
import { polyRoots, type ComplexRoot } from '../../numeric/poly-roots.js';
import type { Rational } from '../../core/rational.js';
import { polyPrimitive, polyEval, polyDegree, polyEvalNumber, type Poly } from './poly.js';

/** Positive divisors of |n| by trial division, or null when |n| is too large to enumerate. */
export function divisors(n: bigint, limit = 10n ** 10n): bigint[] | null {
  if (n < 0n) n = -n;
  if (n === 0n) return null;
  if (n > limit) return null;
  const small: bigint[] = [];
  const large: bigint[] = [];
  for (let d = 1n; d * d <= n; d++) {
    if (n % d === 0n) {
      small.push(d);
      if (d * d !== n) large.push(n / d);
    }
  }
  return small.concat(large.reverse());
}

/**
 * The distinct rational roots of p, ascending. Candidates are ±(divisor of a₀)/(divisor of aₙ)
 * after removing the root 0; each is checked exactly. When the coefficients are too large to
 * enumerate divisors, numeric roots are rounded to nearby rationals and checked exactly instead,
 * so a reported root is always a root.
 */
export function polyRationalRoots(p: Poly): Rational[] {
  if (polyDegree(p) < 1) return [];
  const [, ints] = polyPrimitive(p);
  const roots: Rational[] = [];
  let lo = 0;
  while (ints[lo] === 0n) lo++;
  if (lo > 0) roots.push(Q.ZERO);
  const a0 = ints[lo]!;
  const an = ints[ints.length - 1]!;
  if (ints.length - 1 - lo < 1) return roots;
  const dp = divisors(a0);
  const dq = divisors(an);
  const seen = new Set<string>();
  const tryRoot = (r: Rational) => {
    const key = Q.toString(r);
    if (seen.has(key)) return;
    seen.add(key);
    if (Q.isZero(polyEval(p, r))) roots.push(r);
  };
  if (dp && dq && dp.length * dq.length <= 20_000) {
    // Skip candidates outside Cauchy's bound 1 + max|aᵢ/aₙ| cheaply by float check.
    for (const q of dq) for (const pp of dp) for (const s of [1n, -1n]) tryRoot(Q.rational(s * pp, q));
  } else {
    for (const z of polyComplexRootsOrNull(p) ?? []) {
      if (Math.abs(z.im) > 1e-6 * (1 + Math.abs(z.re))) continue;
      for (const r of nearbyRationals(z.re, an)) tryRoot(r);
    }
  }
  return roots.sort(Q.cmp);
}

/** Continued-fraction convergents of x, plus k/den candidates, for exact checking. */
function nearbyRationals(x: number, den: bigint): Rational[] {
  const out: Rational[] = [];
  const d = den < 0n ? -den : den;
  if (d <= 10n ** 15n && Number.isFinite(x)) out.push(Q.rational(BigInt(Math.round(x * Number(d))), d));
  let [h0, h1, k0, k1] = [0n, 1n, 1n, 0n];
  let v = x;
  for (let i = 0; i < 40 && Number.isFinite(v); i++) {
    const a = Math.floor(v);
    const ab = BigInt(a);
    [h0, h1] = [h1, ab * h1 + h0];
    [k0, k1] = [k1, ab * k1 + k0];
    out.push(Q.rational(h1, k1));
    const f = v - a;
    if (f < 1e-15) break;
    v = 1 / f;
  }
  return out;
}

/** A complex number as a plain pair. */
export type Complex = ComplexRoot;

/**
 * All n complex roots of p (with multiplicity), from numeric's Aberth–Ehrlich `polyRoots` on the
 * coefficients as doubles. Accuracy degrades for multiple roots; callers verify exactly. Throws
 * numeric's typed errors (DomainError for coefficients beyond double range, ConvergenceError).
 */
export function polyComplexRoots(p: Poly, maxiter = 500): Complex[] {
  if (polyDegree(p) < 1) return [];
  return polyRoots(p.map((c) => Q.toNumber(c)).reverse(), { maxiter });
}

/** polyComplexRoots, or null when the numeric iteration cannot give them (for heuristic searches that then skip). */
export function polyComplexRootsOrNull(p: Poly): Complex[] | null {
  try {
    return polyComplexRoots(p);
  } catch (err) {
    if (err instanceof DomainError || err instanceof ConvergenceError) return null;
    throw err;
  }
}

/**
 * Real roots of p as doubles, ascending, each polished by bisection on a sign change when one
 * brackets it (so simple roots are accurate to the last bits). Multiple roots are reported once.
 */
export function polyRealRootsNumeric(p: Poly): number[] {
  const zs = polyComplexRoots(p);
  const reals = zs
    .filter((z) => Math.abs(z.im) <= 1e-7 * (1 + Math.abs(z.re)))
    .map((z) => z.re)
    .sort((x, y) => x - y);
  const out: number[] = [];
  for (const x of reals) {
    const polished = polishReal(p, x);
    if (out.length && Math.abs(out[out.length - 1]! - polished) <= 1e-7 * (1 + Math.abs(polished))) continue;
    out.push(polished);
  }
  return out;
}

function polishReal(p: Poly, x: number): number {
  const h = 1e-6 * (1 + Math.abs(x));
  let lo = x - h, hi = x + h;
  let flo = polyEvalNumber(p, lo), fhi = polyEvalNumber(p, hi);
  if (flo === 0) return lo;
  if (fhi === 0) return hi;
  if (Math.sign(flo) === Math.sign(fhi)) return x;
  for (let i = 0; i < 200 && hi - lo > 0; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    const fm = polyEvalNumber(p, mid);
    if (fm === 0) return mid;
    if (Math.sign(fm) === Math.sign(flo)) {
      lo = mid;
      flo = fm;
    } else hi = mid;
  }
  return (lo + hi) / 2;
}
