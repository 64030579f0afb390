/**
 * Sums and products of closed forms, as SymPy's `summation` and `product`: Σ_{k=a}^{b} f(k) and
 * Π_{k=a}^{b} f(k) for integer bounds (b may be symbolic or ∞). The methods, tried in order
 * (`SUM_METHODS`, `PRODUCT_METHODS`):
 *
 * - a numeric range of at most DIRECT_TERMS terms is added (multiplied) out exactly;
 * - f(k) = p(k)·rᵏ with p a polynomial (r = 1 included: Faulhaber): the antidifference Q(k)·rᵏ with
 *   r·Q(k + 1) − Q(k) = p(k) (Q a polynomial, solved from the top coefficient down), so the sum is
 *   Q(b + 1)·r^(b+1) − Q(a)·rᵃ; to ∞ when |r| < 1;
 * - f a rational function over ℚ: its partial fractions c/(k + α)ᵐ with linear denominators, grouped
 *   by m and α mod 1; a group whose coefficients add to 0 telescopes to finitely many boundary
 *   terms, one that does not is ζ(m) (α ≡ 0) or (2ᵐ − 1)·ζ(m) (α ≡ ½) minus a finite sum when b = ∞
 *   and m ≥ 2 (ζ(2) = π²/6, ζ(4) = π⁴/90 exactly, ζ(3) stays zeta(3)), and a divergence to ±∞ when
 *   m = 1; to a finite b, the m = 1 groups are harmonic numbers (Σ_{k=1}^{n} 1/k = harmonic(n));
 * - Σ_{k≥a} rᵏ/k! = eʳ − Σ_{k<a} rᵏ/k!, Σ_{k≥a} 1/kˢ = ζ(s) − Σ_{k<a} 1/kˢ (numeric s > 1);
 * - Σ_{k≥a} rᵏ·R(k), R rational with simple poles at integers or half-integers and |r| < 1 (or
 *   r = −1): logarithms and arctangents (Σ (−1)^(k+1)/k = log 2, Σ (−1)ᵏ/(2k + 1) = π/4);
 * - the binomial theorem: Σ_{k=0}^{n} binomial(n, k)·p(k)·rᵏ (Σ binomial(n, k) = 2ⁿ);
 * - linearity: sums of terms, constant factors.
 *
 * Products: constants (cⁿ), bᵉ⁽ᵏ⁾ = b^(Σ e), integer powers of factors, linear factors
 * Π (k + c) = Γ(b + c + 1)/Γ(a + c) (factorials for integer c: Π_{k=1}^{n} k = n!), and polynomials
 * that split into linear factors over ℚ.
 *
 * Every finite closed form is checked against the sum (product) added out directly at a few
 * integer values of the symbolic bounds, with the other symbols at fixed values; a form that
 * disagrees is never returned. What no method can do throws UndecidedError, a divergent sum is ±oo
 * (or a DomainError when it oscillates).
 *
 * @example
 * summation('k^2', ['k', 1, 'n'])   // → n^3/3 + n^2/2 + n/6
 * summation('1/k^2', ['k', 1, 'oo']) // → pi^2/6
 * summation('1/k', ['k', 1, 'n'])    // → harmonic(n)
 * product('k', ['k', 1, 'n'])        // → factorial(n)
 */
import { DomainError, UndecidedError } from '../../../core/errors.js';
import * as Q from '../../../core/rational.js';
import { add, div, mul, neg, pow, sqrt, sub } from '../../expr/arith.js';
import { E, NEG_ONE, NEG_OO, ONE, OO, ZERO, int, isNum, numFromRational, numValue, rat, symbol, type Expr, type Num, type SymbolNode } from '../../expr/expr.js';
import { fn } from '../../functions/index.js';
import { evalNumber, free, substitute } from '../../algebra/util.js';
import { expand } from '../../algebra/expand.js';
import { freeSymbols } from '../../walk/traverse.js';
import { diff } from '../diff/diff.js';
import { linearIn } from '../diff/polynomial-in.js';
import { exprToPoly, exprToRatFun, polyToExpr } from '../../poly/convert.js';
import { polyApart } from '../../poly/apart.js';
import { polyFactorQ } from '../../poly/factor.js';
import { polyDegree, type Poly } from '../../poly/poly.js';

/** Numeric ranges with at most this many terms are added (multiplied) out directly. */
export const DIRECT_TERMS = 200;

/** Highest degree of a polynomial part the antidifference solves for. */
const MAX_POLY_DEGREE = 60;

/** Largest integer gap between factorial arguments that a product's result writes out as a rising product. */
const MAX_FACTORIAL_SHIFT = 20;

/** Longest finite boundary sum a telescoping or ζ form writes out. */
const MAX_BOUNDARY_TERMS = 1000;

/** The symbolic bounds take these many integer values when a closed form is checked. */
const CHECK_SPANS = [0, 1, 3, 6];

/** Values the other symbols take in the check (away from 0, ±1 and from each other). */
const CHECK_VALUES = [rat(3, 7), rat(5, 11), rat(-2, 9), rat(7, 5), rat(4, 13)];

/** A summation or product problem. */
interface Range {
  readonly k: SymbolNode;
  readonly a: Expr;
  readonly b: Expr;
}

/** A method: a closed form, or null when it does not apply (it throws when it applies and the answer is known not to exist). */
type Method = (f: Expr, r: Range) => Expr | null;

const intValue = (e: Expr): bigint | null => (e.kind === 'Integer' ? e.value.num : null);

/** How many terms a direct sum (product) of the range adds: b − a + 1, or a − b − 1 for a reversed range (Karr); null unless both bounds are integers. */
function termCount(r: Range): bigint | null {
  const a = intValue(r.a), b = intValue(r.b);
  if (a === null || b === null) return null;
  return b >= a - 1n ? b - a + 1n : a - b - 1n;
}

/** Σ_{k=a}^{b} f for integer a, b, added out (Karr's convention for b < a − 1: −Σ_{k=b+1}^{a−1}). */
function directSum(f: Expr, k: SymbolNode, a: bigint, b: bigint): Expr {
  if (b < a - 1n) return neg(directSum(f, k, b + 1n, a - 1n));
  const terms: Expr[] = [];
  for (let i = a; i <= b; i++) terms.push(substitute(f, k, numFromRational({ num: i, den: 1n })));
  return add(...terms);
}

/** Π_{k=a}^{b} f for integer a, b, multiplied out (1/Π_{k=b+1}^{a−1} for b < a − 1). */
function directProduct(f: Expr, k: SymbolNode, a: bigint, b: bigint): Expr {
  if (b < a - 1n) return pow(directProduct(f, k, b + 1n, a - 1n), -1);
  const factors: Expr[] = [];
  for (let i = a; i <= b; i++) factors.push(substitute(f, k, numFromRational({ num: i, den: 1n })));
  return mul(...factors);
}

/**
 * The coefficients c₀ … c_d of f as a polynomial in k (coefficients may hold other symbols), or
 * null: read off by differentiating at k = 0, which ends in an exact 0 exactly for polynomials.
 */
function coefficientsIn(f: Expr, k: SymbolNode): Expr[] | null {
  const q = exprToPoly(f, k);
  if (q) return q.map((c) => numFromRational(c));
  if (!polynomialShape(f, k)) return null;
  const out: Expr[] = [];
  let cur = f, fact = 1n;
  for (let j = 0; j <= MAX_POLY_DEGREE; j++) {
    if (cur === ZERO) return out;
    const c0 = substitute(cur, k, ZERO);
    if (!free(c0, k) || !Number.isFinite(evalNumber(c0, SAMPLE_ENV(c0)))) return null;
    out.push(div(c0, numFromRational({ num: fact, den: 1n })));
    cur = diff(cur, k);
    fact *= BigInt(j + 1);
  }
  return null;
}

/** Built from k by +, · and non-negative integer powers (other factors free of k): what a polynomial in k looks like. */
function polynomialShape(e: Expr, k: SymbolNode): boolean {
  if (free(e, k) || e === k) return true;
  if (e.kind === 'Add') return e.terms.every((t) => polynomialShape(t, k));
  if (e.kind === 'Mul') return e.bases.every((b, i) => polynomialShape(pow(b, e.exps[i]!), k));
  if (e.kind === 'Pow') return e.exp.kind === 'Integer' && e.exp.value.num > 0n && polynomialShape(e.base, k);
  return false;
}

/** Fixed values for every symbol of e (to test that a coefficient is finite). */
const SAMPLE_ENV = (e: Expr): Map<Expr, number> => new Map(freeSymbols(e).map((s, i) => [s as Expr, 0.37 + 0.21 * i]));

const polyAt = (cs: readonly Expr[], t: Expr): Expr => add(...cs.map((c, j) => mul(c, pow(t, j))));

/**
 * Q with r·Q(k + 1) − Q(k) = p(k) (r ≠ 1: deg Q = deg p), or Q(k + 1) − Q(k) = p(k) (r = 1: deg
 * Q = deg p + 1, Q(0) = 0), from the top coefficient down.
 */
function antidifference(p: readonly Expr[], r: Expr): Expr[] {
  const d = p.length - 1;
  const binom = (j: number, m: number): Expr => int(Number(binomialBig(j, m)));
  if (r === ONE) {
    // coefficient of kᵐ in Q(k + 1) − Q(k): Σ_{j>m} C(j, m)·q_j = p_m
    const q: Expr[] = new Array<Expr>(d + 2).fill(ZERO);
    for (let m = d; m >= 0; m--) {
      let rest: Expr = p[m]!;
      for (let j = m + 2; j <= d + 1; j++) rest = sub(rest, mul(binom(j, m), q[j]!));
      q[m + 1] = div(rest, m + 1);
    }
    return q;
  }
  // coefficient of kᵐ in r·Q(k + 1) − Q(k): (r − 1)·q_m + r·Σ_{j>m} C(j, m)·q_j = p_m
  const q: Expr[] = new Array<Expr>(d + 1).fill(ZERO);
  for (let m = d; m >= 0; m--) {
    let rest: Expr = p[m]!;
    for (let j = m + 1; j <= d; j++) rest = sub(rest, mul(r, binom(j, m), q[j]!));
    q[m] = div(rest, sub(r, 1));
  }
  return q;
}

function binomialBig(n: number, k: number): bigint {
  let r = 1n;
  for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
  return r;
}

/** f as [base, exponent] factors (its coefficient aside). */
const factorsOf = (f: Expr): Array<[Expr, Expr]> =>
  f.kind === 'Mul' ? f.bases.map((b, i) => [b, f.exps[i]!]) : f.kind === 'Pow' ? [[f.base, f.exp]] : [[f, ONE]];

/** f = rest·rᵏ with r free of k, the rᵏ gathered from factors b^(αk + β) (b free of k), or null when an exponent is not linear in k. */
function splitExponential(f: Expr, k: SymbolNode): { rest: Expr; r: Expr } | null {
  let r: Expr = ONE, rest: Expr = f.kind === 'Mul' ? f.coeff : ONE;
  for (const [b, e] of factorsOf(f)) {
    if (free(b, k) && !free(e, k)) {
      const lin = linearIn(e, k);
      if (!lin) return null;
      r = mul(r, pow(b, lin[0]));
      rest = mul(rest, pow(b, lin[1]));
    } else rest = mul(rest, pow(b, e));
  }
  return { rest, r };
}

/** f = p(k)·rᵏ with p a polynomial in k and r free of k, or null. */
function splitGeometric(f: Expr, k: SymbolNode): { p: Expr[]; r: Expr } | null {
  const g = splitExponential(f, k);
  const p = g && coefficientsIn(g.rest, k);
  return p ? { p, r: g.r } : null;
}

/** The sign of a constant expression's value (0 when it has symbols or is not a real number). */
function constSign(e: Expr): -1 | 0 | 1 {
  if (freeSymbols(e).length) return 0;
  const v = evalNumber(e, new Map());
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

/** ±oo for a sum that grows like c·(something → +∞), c a constant with known sign; else UndecidedError. */
function divergent(c: Expr, what: string): Expr {
  const s = constSign(c);
  if (s === 0) throw new UndecidedError(`summation: ${what} diverges or converges depending on its parameters`);
  return s > 0 ? OO : NEG_OO;
}

/** Σ p(k)·rᵏ by the antidifference; to ∞ only for a constant r with |r| < 1. */
const geometricPolynomial: Method = (f, { k, a, b }) => {
  const g = splitGeometric(f, k);
  if (!g) return null;
  const { p, r } = g;
  const Qc = antidifference(p, r);
  const F = (t: Expr) => mul(expand(polyAt(Qc, t)), pow(r, t));
  if (b !== OO) return sub(F(add(b, 1)), F(a));
  // To ∞: Q(n)·rⁿ → 0 exactly when |r| < 1 (p ≠ 0).
  const lead = p[p.length - 1]!;
  if (r === ONE) return divergent(lead, `Σ of a polynomial of degree ${p.length - 1}`);
  if (freeSymbols(r).length) throw new UndecidedError(`summation: Σ ${f} converges only for |${r}| < 1, which is not known`);
  const rv = evalNumber(r, new Map());
  if (!Number.isFinite(rv)) return null;
  if (Math.abs(rv) < 1) return neg(F(a));
  if (rv >= 1) return divergent(lead, `Σ ${f}`);
  throw new DomainError(`summation: Σ ${f} does not converge (|r| = ${Math.abs(rv)} ≥ 1 and r < 0: it oscillates)`);
};

/** Σ over the partial fractions of a rational function of k over ℚ (see the module comment). */
const rationalFunction: Method = (f, { k, a, b }) => {
  const rf = exprToRatFun(f, k);
  if (!rf || polyDegree(rf[1]) < 1) return null;
  const { poly, terms } = polyApart(rf[0], rf[1]);
  // Group c/(k + α)ᵐ by m and by α mod 1: α = α₀ + n, 0 ≤ α₀ < 1, n an integer.
  const groups = new Map<string, { m: number; base: Q.Rational; items: Array<{ c: Q.Rational; n: bigint }> }>();
  for (const t of terms) {
    if (polyDegree(t.factor) !== 1 || polyDegree(t.numer) > 0) return null; // a quadratic denominator: digamma sums
    const alpha = t.factor[0]!; // monic: k + α
    const n = floorRat(alpha), base = Q.sub(alpha, Q.rational(n));
    const key = `${t.power}:${Q.toString(base)}`;
    const g = groups.get(key) ?? { m: t.power, base, items: [] };
    g.items.push({ c: t.numer[0]!, n });
    groups.set(key, g);
  }
  const parts: Expr[] = [];
  // The polynomial part by the antidifference (r = 1).
  if (poly.length) {
    const pe = poly.map((c) => numFromRational(c) as Expr);
    if (b === OO) return divergent(pe[pe.length - 1]!, `Σ ${f} (its polynomial part)`);
    const Qc = antidifference(pe, ONE);
    parts.push(expand(sub(polyAt(Qc, add(b, 1)), polyAt(Qc, a))));
  }
  // Harmonic growth: Σ c over all 1/(k + α) terms; nonzero → ±∞ at b = ∞, no closed form below.
  let harmonic = Q.ZERO;
  for (const g of groups.values()) if (g.m === 1) for (const it of g.items) harmonic = Q.add(harmonic, it.c);
  if (b === OO && !Q.isZero(harmonic)) return divergent(numFromRational(harmonic), `Σ ${f} (like a harmonic series)`);
  for (const g of groups.values()) {
    const gOf = (j: Expr): Expr => pow(add(j, numFromRational(g.base)), -g.m);
    const C = g.items.reduce((s, it) => Q.add(s, it.c), Q.ZERO);
    const m0 = g.items.reduce((lo, it) => (it.n < lo ? it.n : lo), g.items[0]!.n);
    // Σ_i c_i·Σ_{j=a+n_i}^{b+n_i} g(j) = C·Σ_{j=a+m0}^{b+m0} g(j) + Σ_i c_i·[Σ_{j=b+m0+1}^{b+n_i} g(j) − Σ_{j=a+m0}^{a+n_i−1} g(j)]
    for (const it of g.items) {
      const len = it.n - m0;
      if (len > BigInt(MAX_BOUNDARY_TERMS)) throw new UndecidedError(`summation: ${len} boundary terms in Σ ${f}`);
      const c = numFromRational(it.c);
      for (let j = 0n; j < len; j++) {
        if (b !== OO) parts.push(mul(c, gOf(add(b, big(m0 + 1n + j)))));
        parts.push(mul(-1, c, gOf(add(a, big(m0 + j)))));
      }
    }
    if (Q.isZero(C)) continue;
    if (b !== OO) {
      parts.push(mul(numFromRational(C), harmonicSpan(g.m, g.base, add(a, big(m0)), add(b, big(m0)), f)));
      continue;
    }
    // m ≥ 2, b = ∞: Σ_{j=s}^{∞} 1/(j + α₀)ᵐ with s = a + m0 from ζ(m).
    const s = intValue(add(a, big(m0)));
    if (s === null) throw new UndecidedError(`summation: Σ ${f} from a symbolic start`);
    parts.push(mul(numFromRational(C), hurwitzTail(g.m, g.base, s, f)));
  }
  return add(...parts);
};

const big = (v: bigint): Expr => numFromRational({ num: v, den: 1n });

/**
 * Σ_{j=s}^{e} 1/(j + α₀) for α₀ ∈ {0, ½}, by harmonic numbers: H(e) − H(s − 1), and for α₀ = ½
 * (from Σ_{j=0}^{N} 1/(2j + 1) = H(2N + 1) − H(N)/2) 2·H(2e + 1) − H(e) − 2·H(2s − 1) + H(s − 1).
 * Powers m ≥ 2 need the generalized harmonic numbers, which nabla does not have.
 */
function harmonicSpan(m: number, base: Q.Rational, s: Expr, e: Expr, f: Expr): Expr {
  if (m !== 1) throw new UndecidedError(`summation: Σ ${f} needs generalized harmonic numbers H(n, ${m}) (not in nabla)`);
  const H = (u: Expr): Expr => fn('harmonic', u);
  if (Q.isZero(base)) return sub(H(e), H(sub(s, 1)));
  if (!Q.eq(base, Q.rational(1n, 2n))) throw new UndecidedError(`summation: Σ ${f} needs the digamma function at ${Q.toString(base)}`);
  // A(N) = Σ_{j=0}^{N} 1/(j + ½) = 2·H(2N + 1) − H(N); the sum is A(e) − A(s − 1), with A(−1) = 0.
  const A = (N: Expr): Expr => sub(mul(2, H(add(mul(2, N), 1))), H(N));
  return s === ZERO ? A(e) : sub(A(e), A(sub(s, 1)));
}

/** ⌊q⌋ for a rational q. */
function floorRat(q: Q.Rational): bigint {
  const { num, den } = q;
  return num >= 0n ? num / den : -((-num + den - 1n) / den);
}

/** Σ_{j=s}^{∞} 1/(j + α₀)ᵐ for α₀ ∈ {0, ½}: ζ(m) or (2ᵐ − 1)·ζ(m), minus the terms before s. */
function hurwitzTail(m: number, base: Q.Rational, s: bigint, f: Expr): Expr {
  const half = Q.eq(base, Q.rational(1n, 2n));
  if (!Q.isZero(base) && !half) throw new UndecidedError(`summation: Σ ${f} needs the Hurwitz zeta function at ${Q.toString(base)}`);
  const first = half ? 0n : 1n; // the full sum starts at j = 1 (α₀ = 0) or j = 0 (α₀ = ½)
  if (s < first) throw new DomainError(`summation: Σ ${f} has a term with a zero denominator`);
  if (s - first > BigInt(MAX_BOUNDARY_TERMS)) throw new UndecidedError(`summation: Σ ${f} starts ${s} terms in`);
  const zeta = fn('zeta', m);
  const full = half ? mul(sub(pow(2, m), 1), zeta) : zeta;
  const head: Expr[] = [];
  for (let j = first; j < s; j++) head.push(pow(add(big(j), numFromRational(base)), -m));
  return sub(full, add(...head));
}

/** Σ_{k≥a} c·rᵏ/k! = c·(eʳ − Σ_{k<a} rᵏ/k!) for an integer a ≥ 0. */
const exponentialSeries: Method = (f, { k, a, b }) => {
  if (b !== OO) return null;
  const fact = fn('factorial', k);
  if (f.kind !== 'Mul' || !f.bases.some((x, i) => x === fact && f.exps[i] === NEG_ONE)) return null;
  const g = splitGeometric(mul(f, fact), k);
  if (!g || g.p.length !== 1) return null;
  const a0 = intValue(a);
  if (a0 === null || a0 < 0n || a0 > BigInt(MAX_BOUNDARY_TERMS)) return null;
  const [c] = g.p, r = g.r;
  const head: Expr[] = [];
  for (let j = 0n; j < a0; j++) head.push(div(pow(r, big(j)), fn('factorial', big(j))));
  return mul(c!, sub(pow(E, r), add(...head)));
};

/** Σ_{k≥a} 1/kˢ = ζ(s) − Σ_{k<a} 1/kˢ for a constant s > 1 that is not an integer (integers: the rational method). */
const zetaSeries: Method = (f, { k, a, b }) => {
  if (b !== OO || f.kind !== 'Pow' || f.base !== k || !free(f.exp, k)) return null;
  const s = neg(f.exp), sv = constSign(sub(s, 1));
  const a0 = intValue(a);
  if (a0 === null || a0 < 1n || a0 > BigInt(MAX_BOUNDARY_TERMS)) return null;
  if (sv < 0 || (sv === 0 && freeSymbols(s).length === 0)) return OO; // s ≤ 1: like the harmonic series or worse
  if (sv === 0) throw new UndecidedError(`summation: Σ ${f} converges only for ${s} > 1, which is not known`);
  const head: Expr[] = [];
  for (let j = 1n; j < a0; j++) head.push(pow(big(j), neg(s)));
  return sub(fn('zeta', s), add(...head));
};

/**
 * Σ_{k≥a} rᵏ·R(k) for a constant r with |r| < 1 (or r = −1: conditionally convergent) and R a
 * rational function of k whose partial fractions are simple poles c/(k + β) at integers or
 * half-integers: with β = β₀ + n, each part is c·r⁻ⁿ·Σ_{j≥a+n} rʲ/(j + β₀), from
 * Σ_{j≥1} rʲ/j = −log(1 − r) (β₀ = 0) and Σ_{j≥0} rʲ/(j + ½) = 2·atanh(√r)/√r, or 2·atan(√−r)/√−r
 * for r < 0 (β₀ = ½), less the terms before j = a + n; R's polynomial part goes to the geometric
 * method. Σ (−1)^(k+1)/k = log 2, Σ (−1)ᵏ/(2k + 1) = π/4.
 */
const logarithmicSeries: Method = (f, range) => {
  const { k, a, b } = range;
  if (b !== OO) return null;
  const g = splitExponential(f, k);
  if (!g || g.r === ONE) return null;
  const rf = exprToRatFun(g.rest, k);
  if (!rf || polyDegree(rf[1]) < 1) return null;
  const { poly, terms } = polyApart(rf[0], rf[1]);
  const poles: Array<{ c: Q.Rational; n: bigint; half: boolean }> = [];
  for (const t of terms) {
    if (polyDegree(t.factor) !== 1 || polyDegree(t.numer) > 0 || t.power !== 1) return null;
    const alpha = t.factor[0]!, n = floorRat(alpha), frac = Q.sub(alpha, Q.rational(n));
    const half = Q.eq(frac, Q.rational(1n, 2n));
    if (!half && !Q.isZero(frac)) return null;
    poles.push({ c: t.numer[0]!, n, half });
  }
  const r = g.r;
  if (freeSymbols(r).length) throw new UndecidedError(`summation: Σ ${f} converges only for |${r}| < 1, which is not known`);
  const rv = evalNumber(r, new Map());
  if (!Number.isFinite(rv)) return null;
  const a0 = intValue(a);
  if (a0 === null) throw new UndecidedError(`summation: Σ ${f} from a symbolic start`);
  if (!(Math.abs(rv) < 1 || (rv === -1 && poly.length === 0)))
    throw new DomainError(`summation: Σ ${f} does not converge (its ratio ${r} has |${r}| ≥ 1)`);
  const parts: Expr[] = [];
  if (poly.length) parts.push(sumOf(mul(polyToExpr(poly, k), pow(r, k)), range));
  for (const { c, n, half } of poles) {
    const start = a0 + n, first = half ? 0n : 1n; // the full series starts at j = 1 (1/j) or j = 0 (1/(j + ½))
    if (start < first) throw new DomainError(`summation: Σ ${f} has a term with a zero denominator`);
    if (start - first > BigInt(MAX_BOUNDARY_TERMS)) throw new UndecidedError(`summation: Σ ${f} starts ${start} terms in`);
    const term = (j: Expr): Expr => div(pow(r, j), half ? add(j, rat(1, 2)) : j);
    const full = half ? halfIntegerSeries(r, rv) : minusLog(sub(1, r));
    const head: Expr[] = [];
    for (let j = first; j < start; j++) head.push(term(big(j)));
    parts.push(mul(numFromRational(c), pow(r, big(-n)), sub(full, add(...head))));
  }
  return add(...parts);
};

/** −log u, written log(1/u) when u is a fraction below 1 (−log(1/2) reads log 2, as SymPy writes it). */
const minusLog = (u: Expr): Expr => (isNum(u) && u.kind !== 'Float' && numValue(u) > 0 && numValue(u) < 1 ? fn('log', pow(u, -1)) : neg(fn('log', u)));

/**
 * Σ_{j≥0} rʲ/(j + ½) for a constant 0 < |r| ≤ 1 (r ≠ 1): 2·atanh(√r)/√r = log((1 + √r)/(1 − √r))/√r,
 * or 2·atan(√−r)/√−r for r < 0.
 */
function halfIntegerSeries(r: Expr, rv: number): Expr {
  const root = sqrt(rv > 0 ? r : neg(r));
  const top = rv > 0 ? fn('log', div(add(1, root), sub(1, root))) : mul(2, fn('atan', root));
  return div(top, root);
}

/**
 * The binomial theorem: Σ_{k=0}^{n} binomial(n, k)·p(k)·rᵏ = Σᵢ pᵢ·(t·d/dt)ⁱ (1 + t)ⁿ at t = r, for
 * a polynomial p (Σ binomial(n, k) = 2ⁿ, Σ k·binomial(n, k) = n·2ⁿ⁻¹).
 */
const binomialTheorem: Method = (f, { k, a, b }) => {
  if (a !== ZERO) return null;
  const isBinomial = (x: Expr): boolean => x.kind === 'Function' && x.name === 'binomial' && x.args[0] === b && x.args[1] === k;
  const c = isBinomial(f) ? f : f.kind === 'Mul' ? f.bases.find((x, i) => f.exps[i] === ONE && isBinomial(x)) : undefined;
  if (!c) return null;
  const g = splitGeometric(div(f, c), k);
  if (!g) return null;
  const t = symbol('_t_binomial');
  let T: Expr = pow(add(1, t), b);
  const out: Expr[] = [];
  for (const c of g.p) {
    out.push(mul(c, T));
    T = mul(t, diff(T, t));
  }
  return substitute(add(...out), t, g.r);
};

/** Σ (c·g) = c·Σ g, and Σ (g + h) = Σ g + Σ h (for ∞: only when no two parts diverge in opposite directions). */
const linearity: Method = (f, r) => {
  if (f.kind === 'Mul') {
    const c = f.bases.reduce<Expr>((acc, base, i) => (free(base, r.k) && free(f.exps[i]!, r.k) ? mul(acc, pow(base, f.exps[i]!)) : acc), f.coeff);
    if (c === ONE) return null;
    const rest = div(f, c);
    const s = sumOf(rest, r);
    if ((s === OO || s === NEG_OO) && constSign(c) === 0) throw new UndecidedError(`summation: Σ ${f} diverges, to a side its parameters decide`);
    return mul(c, s);
  }
  if (f.kind !== 'Add') return null;
  const parts = [f.coeff, ...f.terms.map((t, i) => mul(f.coeffs[i]!, t))].filter((t) => t !== ZERO);
  const sums = parts.map((t) => sumOf(t, r));
  const infinite = new Set(sums.filter((s) => s === OO || s === NEG_OO));
  if (infinite.size > 1) throw new UndecidedError(`summation: Σ ${f} has parts diverging to +∞ and −∞`);
  return infinite.size ? [...infinite][0]! : add(...sums);
};

/** The sum methods in the order they are tried (ARCHITECTURE.md lists them). */
export const SUM_METHODS: ReadonlyArray<{ name: string; apply: Method }> = [
  { name: 'polynomial × geometric', apply: geometricPolynomial },
  { name: 'rational function', apply: rationalFunction },
  { name: 'exponential series', apply: exponentialSeries },
  { name: 'zeta series', apply: zetaSeries },
  { name: 'logarithmic series', apply: logarithmicSeries },
  { name: 'binomial theorem', apply: binomialTheorem },
  { name: 'linearity', apply: linearity },
];

function constantSum(f: Expr, { a, b }: Range): Expr {
  if (f === ZERO) return ZERO;
  if (b === OO) return divergent(f, `Σ of the constant ${f}`);
  return mul(f, add(sub(b, a), 1));
}

/** Σ f over the range (no checks): the first method that applies. */
function sumOf(f: Expr, r: Range): Expr {
  if (free(f, r.k)) return constantSum(f, r);
  for (const m of SUM_METHODS) {
    const v = m.apply(f, r);
    if (v !== null) return v;
  }
  throw new UndecidedError(`summation: no closed form found for Σ_{${r.k.name}=${r.a}}^{${r.b}} ${f}`);
}

/** The bounds: free of k, a finite, b finite or +∞; integers when they are numbers. */
function checkRange(what: string, r: Range): void {
  if (!free(r.a, r.k) || !free(r.b, r.k)) throw new DomainError(`${what}: the bounds must not contain ${r.k.name}`);
  if (r.a === OO || r.a === NEG_OO || r.b === NEG_OO) throw new UndecidedError(`${what}: only a finite lower bound and a finite or +oo upper bound are supported`);
  for (const e of [r.a, r.b]) if (isNum(e) && e.kind !== 'Integer') throw new DomainError(`${what}: bounds must be integers, got ${String(e)}`);
}

/**
 * Σ_{k=a}^{b} f(k) in closed form (see the module comment): a, b integers or symbols standing for
 * integers, b may be oo. Throws UndecidedError when no method finds a closed form, DomainError for
 * an oscillating series.
 * @example summation('2^k', ['k', 0, 'n']) // → 2^(n + 1) - 1
 */
export function summation(f: Expr, k: SymbolNode, a: Expr, b: Expr): Expr {
  const r: Range = { k, a, b };
  checkRange('summation', r);
  const n = termCount(r);
  if (n !== null && n <= BigInt(DIRECT_TERMS)) return directSum(f, k, intValue(a)!, intValue(b)!);
  if (b === OO) {
    const s = sumOf(f, r);
    checkInfinite(f, r, s);
    return s;
  }
  // Numeric bounds too far apart to add out: the closed form in a fresh upper bound is what is checked.
  const [rr, back] = withSymbolicUpper(f, r);
  const s = sumOf(f, rr);
  checkFinite(f, rr, s, directSum, 'summation');
  return back(s);
}

/**
 * Π_{k=a}^{b} f(k) in closed form (see the module comment). Throws UndecidedError when no method
 * applies (infinite products among them).
 * @example product('k + 1', ['k', 1, 'n']) // → factorial(n + 1)
 */
export function product(f: Expr, k: SymbolNode, a: Expr, b: Expr): Expr {
  const r: Range = { k, a, b };
  checkRange('product', r);
  const n = termCount(r);
  if (n !== null && n <= BigInt(DIRECT_TERMS)) return directProduct(f, k, intValue(a)!, intValue(b)!);
  if (b === OO) {
    if (f === ONE) return ONE;
    throw new UndecidedError(`product: infinite products are not supported (Π_{${k.name}=${a}}^{oo} ${f})`);
  }
  const [rr, back] = withSymbolicUpper(f, r);
  const p = combineFactorials(productOf(f, rr));
  checkFinite(f, rr, p, directProduct, 'product');
  return back(p);
}

/** The range with an integer upper bound replaced by a fresh symbol (and the substitution back), else itself. */
function withSymbolicUpper(f: Expr, r: Range): [Range, (e: Expr) => Expr] {
  if (!isNum(r.b) || !isNum(r.a)) return [r, (e) => e];
  const used = new Set(freeSymbols(add(f, r.k)).map((s) => s.name));
  let name = 'n';
  while (used.has(name)) name += '_';
  const n = symbol(name);
  return [{ ...r, b: n }, (e) => substitute(e, n, r.b)];
}

/**
 * factorial(u + i)ᵉ factors whose arguments differ by integers (at most MAX_FACTORIAL_SHIFT) written
 * over the smallest: factorial(n + 1) = (n + 1)·factorial(n), so factorial(n)/factorial(n + 1) is 1/(n + 1).
 */
function combineFactorials(e: Expr): Expr {
  if (e.kind !== 'Mul') return e;
  const facts = e.bases.map((b, i) => ({ b, e: e.exps[i]! })).filter(({ b }) => b.kind === 'Function' && b.name === 'factorial');
  if (facts.length < 2) return e;
  const arg = (b: Expr) => (b as Extract<Expr, { kind: 'Function' }>).args[0]!;
  let out: Expr = e;
  for (const lo of facts) {
    for (const hi of facts) {
      const d = sub(arg(hi.b), arg(lo.b));
      if (hi === lo || d.kind !== 'Integer' || d.value.num <= 0n || d.value.num > BigInt(MAX_FACTORIAL_SHIFT)) continue;
      const rising: Expr[] = [];
      for (let i = 1n; i <= d.value.num; i++) rising.push(add(arg(lo.b), big(i)));
      out = substitute(out, hi.b, mul(lo.b, ...rising));
      return combineFactorials(out);
    }
  }
  return out;
}

/** Π f over a finite range: constants, powers, linear and split polynomial factors. */
function productOf(f: Expr, r: Range): Expr {
  const { k, a, b } = r;
  const count = add(sub(b, a), 1);
  if (free(f, k)) return pow(f, count);
  const factors = factorsOf(f);
  const parts: Expr[] = [f.kind === 'Mul' ? pow(f.coeff, count) : ONE];
  for (const [base, e] of factors) {
    if (free(base, k) && free(e, k)) parts.push(pow(pow(base, e), count));
    else if (free(base, k)) parts.push(pow(base, summation(e, k, a, b))); // Π bᵉ = b^(Σ e)
    else if (e.kind === 'Integer') parts.push(pow(polynomialProduct(base, r), e));
    else throw new UndecidedError(`product: no closed form found for Π_{${k.name}=${a}}^{${b}} ${f}`);
  }
  return mul(...parts);
}

/** Π g(k) for a polynomial g over ℚ that splits into linear factors: Π (αk + β) = α^n·Γ(b + c + 1)/Γ(a + c), c = β/α. */
function polynomialProduct(g: Expr, r: Range): Expr {
  const { k, a, b } = r;
  const lin = linearIn(g, k);
  if (lin) return linearProduct(lin[0], lin[1], r);
  const p: Poly | null = exprToPoly(g, k);
  if (!p) throw new UndecidedError(`product: no closed form found for Π_{${k.name}=${a}}^{${b}} ${g}`);
  const fz = polyFactorQ(p);
  const parts: Expr[] = [pow(numFromRational(fz.content), add(sub(b, a), 1))];
  for (const { poly, mult } of fz.factors) {
    if (polyDegree(poly) !== 1) throw new UndecidedError(`product: Π ${polyToExpr(poly, k)} (irreducible over ℚ) has no closed form here`);
    parts.push(pow(linearProduct(numFromRational(poly[1]!), numFromRational(poly[0]!), r), mult));
  }
  return mul(...parts);
}

/** Π_{k=a}^{b} (α·k + β). */
function linearProduct(alpha: Expr, beta: Expr, { a, b }: Range): Expr {
  const c = div(beta, alpha);
  const lo = add(a, c);
  // A factor k + c = 0 inside the range makes the product 0; a pole of Γ at a + c ≤ 0 would hide it.
  if (isNum(lo) && numValue(lo as Num) <= 0 && c.kind === 'Integer') throw new UndecidedError(`product: the range passes through the zero of k + ${c}`);
  const ratio = c.kind === 'Integer' ? div(fn('factorial', add(b, c)), fn('factorial', sub(lo, 1))) : div(fn('gamma', add(b, c, 1)), fn('gamma', lo));
  return mul(pow(alpha, add(sub(b, a), 1)), ratio);
}

/**
 * A finite closed form against the direct sum (product): the symbols of the bounds take integer
 * values (b − a = 0, 1, 3, 6), the other symbols fixed rationals; every comparison that can be made
 * must agree to 1e−9, and at least two must be made.
 */
function checkFinite(f: Expr, r: Range, closed: Expr, direct: (f: Expr, k: SymbolNode, a: bigint, b: bigint) => Expr, what: string): void {
  const boundSyms = freeSymbols(add(r.a, r.b)).filter((s) => s !== r.k);
  const others = freeSymbols(add(f, closed)).filter((s) => s !== r.k && !boundSyms.includes(s));
  let made = 0;
  for (const span of CHECK_SPANS) {
    const env = new Map<Expr, Expr>();
    others.forEach((s, i) => env.set(s, CHECK_VALUES[i % CHECK_VALUES.length]!));
    boundSyms.slice(1).forEach((s, i) => env.set(s, int(3 + i)));
    const at = (e: Expr): Expr => [...env].reduce((acc, [s, v]) => substitute(acc, s, v), e);
    if (boundSyms.length) {
      // The first symbol of the bounds makes b − a = span (n = span + 1 for a = 1, b = n).
      const s0 = boundSyms[0]!;
      const lin = linearIn(at(sub(sub(r.b, r.a), span)), s0);
      if (!lin) continue;
      env.set(s0, neg(div(lin[1], lin[0])));
    }
    const a = at(r.a), b = at(r.b);
    const ai = intValue(a), bi = intValue(b);
    if (ai === null || bi === null) continue;
    const want = evalNumber(at(direct(f, r.k, ai, bi)), new Map());
    const got = evalNumber(at(closed), new Map());
    if (!Number.isFinite(want) || !Number.isFinite(got)) continue;
    if (Math.abs(want - got) > 1e-9 * Math.max(1, Math.abs(want))) throw new UndecidedError(`${what}: the closed form ${closed} failed its check at ${r.b} = ${b} (internal error; no answer given)`);
    made++;
  }
  if (made < 2) throw new UndecidedError(`${what}: the closed form ${closed} could not be checked`);
}

/** An infinite sum against its partial sums: the gap must shrink and end small (catches a wrong constant). */
function checkInfinite(f: Expr, r: Range, closed: Expr): void {
  if (closed === OO || closed === NEG_OO || freeSymbols(add(f, closed)).some((s) => s !== r.k)) return;
  const total = evalNumber(closed, new Map());
  const a0 = intValue(r.a);
  if (a0 === null || !Number.isFinite(total)) return;
  const partial = (N: number): number => {
    let s = 0;
    for (let i = 0; i < N; i++) {
      const t = evalNumber(f, new Map([[r.k as Expr, Number(a0) + i]]));
      if (!Number.isFinite(t)) break; // past what doubles hold (2ᵏ/k! at k = 1024): the head decides
      s += t;
    }
    return s;
  };
  const g1 = Math.abs(total - partial(2000)), g2 = Math.abs(total - partial(8000));
  if (!(g2 <= g1 + 1e-12 * Math.abs(total)) || g2 > 1e-2 * Math.max(1, Math.abs(total)))
    throw new UndecidedError(`summation: the closed form ${closed} failed its check against partial sums (internal error; no answer given)`);
}
