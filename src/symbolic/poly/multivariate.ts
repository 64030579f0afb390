/**
 * Polynomials in several variables over ℚ (sparse: exponent vector → coefficient) and their
 * factorisation by Kronecker's substitution: x₁^a₁·…·xₙ^aₙ ↦ t^(a₁ + a₂D + … + aₙD^(n−1)) with D
 * above every variable's degree sends p to a univariate polynomial whose factors contain the images
 * of p's factors. Products of univariate factors are mapped back (base-D digits of the exponents)
 * and kept only when they divide p exactly, so every factor returned is proven; a factor the
 * univariate search could not split further is returned whole.
 *
 * @example
 * factor('x^2 - y^2') // → (x - y)*(x + y)
 */
import * as Q from '../../core/rational.js';
import type { Rational } from '../../core/rational.js';
import { add, mul, pow } from '../expr/arith.js';
import { ONE, numFromRational, type Expr, type SymbolNode } from '../expr/expr.js';
import { polyFactorQ } from './factor.js';
import type { Poly } from './poly.js';

/** exponent vector (joined by ',') → coefficient; no zero coefficients. */
export type MPoly = Map<string, Rational>;

/** Univariate factors to try in combinations at most (2^n products). */
const MAX_COMBINED = 14;
/** Largest Kronecker image degree handed to the univariate factoriser. */
const MAX_IMAGE_DEGREE = 400;

const key = (a: readonly number[]): string => a.join(',');
const unkey = (k: string): number[] => k.split(',').map(Number);

/** e as a polynomial in vars with rational coefficients (e must already be expanded), or null. */
export function exprToMPoly(e: Expr, vars: readonly SymbolNode[]): MPoly | null {
  const p: MPoly = new Map();
  const monomial = (t: Expr): [Rational, number[]] | null => {
    const exps = new Array<number>(vars.length).fill(0);
    const factor = (b: Expr, k: Expr): boolean => {
      const i = vars.indexOf(b as SymbolNode);
      if (i < 0 || k.kind !== 'Integer' || k.value.num < 0n) return false;
      exps[i]! += Number(k.value.num);
      return true;
    };
    if (t.kind === 'Integer' || t.kind === 'Rational') return [t.value, exps];
    if (t.kind === 'Symbol') return factor(t, ONE) ? [Q.ONE, exps] : null;
    if (t.kind === 'Pow') return factor(t.base, t.exp) ? [Q.ONE, exps] : null;
    if (t.kind === 'Mul' && t.coeff.kind !== 'Float') return t.bases.every((b, i) => factor(b, t.exps[i]!)) ? [t.coeff.value, exps] : null;
    return null;
  };
  const parts: Array<[Rational, Expr]> = [];
  if (e.kind === 'Add') {
    if (e.coeff.kind === 'Float' || e.coeffs.some((c) => c.kind === 'Float')) return null;
    parts.push([Q.ONE, e.coeff]);
    for (let i = 0; i < e.terms.length; i++) parts.push([(e.coeffs[i] as { value: Rational }).value, e.terms[i]!]);
  } else parts.push([Q.ONE, e]);
  for (const [c, t] of parts) {
    const m = monomial(t);
    if (!m) return null;
    addTerm(p, key(m[1]), Q.mul(c, m[0]));
  }
  return p;
}

function addTerm(p: MPoly, k: string, c: Rational): void {
  const s = Q.add(p.get(k) ?? Q.ZERO, c);
  if (Q.isZero(s)) p.delete(k);
  else p.set(k, s);
}

/** The expression Σ c·Π varsᵢ^aᵢ. */
export function mpolyToExpr(p: MPoly, vars: readonly SymbolNode[]): Expr {
  const terms: Expr[] = [];
  for (const [k, c] of p) terms.push(mul(numFromRational(c), ...unkey(k).map((a, i) => pow(vars[i]!, a))));
  return add(...terms);
}

/** Lexicographic comparison of exponent vectors (first variable most significant). */
function lexCmp(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

function leading(p: MPoly): [number[], Rational] {
  let best: number[] | null = null, bc = Q.ZERO;
  for (const [k, c] of p) {
    const e = unkey(k);
    if (!best || lexCmp(e, best) > 0) (best = e), (bc = c);
  }
  return [best!, bc];
}

function mulMono(p: MPoly, e: readonly number[], c: Rational): MPoly {
  const out: MPoly = new Map();
  for (const [k, v] of p) out.set(key(unkey(k).map((a, i) => a + e[i]!)), Q.mul(v, c));
  return out;
}

/** p / q when q divides p exactly over ℚ, else null (division by the lex-leading term). */
export function mpolyExactDiv(p: MPoly, q: MPoly): MPoly | null {
  const [qe, qc] = leading(q);
  let r: MPoly = new Map(p);
  const quot: MPoly = new Map();
  for (let guard = 0; r.size > 0; guard++) {
    if (guard > 100_000) return null;
    const [re, rc] = leading(r);
    const d = re.map((a, i) => a - qe[i]!);
    if (d.some((a) => a < 0)) return null;
    const c = Q.div(rc, qc);
    addTerm(quot, key(d), c);
    for (const [k, v] of mulMono(q, d, c)) addTerm(r, k, Q.neg(v));
  }
  return quot;
}

/**
 * Factor p (several variables) over ℚ: a rational content and primitive integer factors with
 * multiplicities (monomial factors x, y first). Factors that could not be split are returned as
 * they are; every factor divides p exactly.
 */
export function mpolyFactor(p: MPoly, n: number): { content: Rational; factors: Array<{ poly: MPoly; mult: number }> } {
  const factors: Array<{ poly: MPoly; mult: number }> = [];
  if (p.size === 0) return { content: Q.ZERO, factors };
  // Monomial content: the least power of each variable.
  const exps = [...p.keys()].map(unkey);
  const low = new Array<number>(n).fill(0).map((_, i) => Math.min(...exps.map((e) => e[i]!)));
  let rest: MPoly = new Map();
  for (const [k, c] of p) rest.set(key(unkey(k).map((a, i) => a - low[i]!)), c);
  for (let i = 0; i < n; i++) {
    if (low[i]! > 0) {
      const v = new Array<number>(n).fill(0);
      v[i] = 1;
      factors.push({ poly: new Map([[key(v), Q.ONE]]), mult: low[i]! });
    }
  }
  const pieces: MPoly[] = [];
  splitKronecker(rest, n, pieces);
  // Count repeated factors, normalise each to a primitive integer polynomial with a positive lead.
  let product: MPoly = new Map([[key(new Array<number>(n).fill(0)), Q.ONE]]);
  for (const f of factors) for (let m = 0; m < f.mult; m++) product = mpolyMul(product, f.poly);
  for (const piece of pieces) {
    if (piece.size === 1 && [...piece.keys()][0] === key(new Array<number>(n).fill(0))) continue;
    const g = primitiveInt(piece);
    const same = factors.find((f) => mpolyEq(f.poly, g));
    if (same) same.mult++;
    else factors.push({ poly: g, mult: 1 });
    product = mpolyMul(product, g);
  }
  const content = Q.div(leading(p)[1], leading(product)[1]);
  return { content, factors };
}

function mpolyMul(a: MPoly, b: MPoly): MPoly {
  const out: MPoly = new Map();
  for (const [k1, c1] of a) {
    const e1 = unkey(k1);
    for (const [k2, c2] of b) addTerm(out, key(unkey(k2).map((x, i) => x + e1[i]!)), Q.mul(c1, c2));
  }
  return out;
}

function mpolyEq(a: MPoly, b: MPoly): boolean {
  if (a.size !== b.size) return false;
  for (const [k, c] of a) {
    const d = b.get(k);
    if (!d || !Q.eq(c, d)) return false;
  }
  return true;
}

/** p scaled to integer coefficients with gcd 1 and a positive lex-leading coefficient. */
function primitiveInt(p: MPoly): MPoly {
  let den = 1n, g = 0n;
  for (const c of p.values()) den = (den * c.den) / Q.gcd(den, c.den);
  for (const c of p.values()) g = Q.gcd(g, (c.num * den) / c.den);
  if (g < 0n) g = -g;
  const s = Q.sign(leading(p)[1]);
  const out: MPoly = new Map();
  for (const [k, c] of p) out.set(k, Q.rational((BigInt(s) * ((c.num * den) / c.den)) / g));
  return out;
}

/** Split p into factors by Kronecker's substitution (recursively on what splits off). */
function splitKronecker(p: MPoly, n: number, out: MPoly[]): void {
  if (splitHomogeneous(p, n, out)) return;
  const exps = [...p.keys()].map(unkey);
  // Mixed radix: variable i's digit runs below Dᵢ = 1 + its degree (a factor's degrees are no larger).
  const D = new Array<number>(n).fill(0).map((_, i) => 1 + Math.max(...exps.map((e) => e[i]!)));
  const W = D.map((_, i) => D.slice(0, i).reduce((a, b) => a * b, 1));
  const weight = (e: readonly number[]) => e.reduce((s, a, i) => s + a * W[i]!, 0);
  const deg = Math.max(...exps.map(weight));
  if (p.size <= 1 || deg > MAX_IMAGE_DEGREE) {
    out.push(p);
    return;
  }
  // The univariate image and its factors (with multiplicity, as a flat list).
  const img: Rational[] = new Array<Rational>(deg + 1).fill(Q.ZERO);
  for (const [k, c] of p) img[weight(unkey(k))] = c;
  const uf = polyFactorQ(img as Poly).factors.flatMap((f) => new Array<Poly>(f.mult).fill(f.poly));
  if (uf.length < 2 || uf.length > MAX_COMBINED) {
    out.push(p);
    return;
  }
  // Smallest subsets first: the first proper divisor found is split off, then both parts recurse.
  const subsets = [...Array(2 ** uf.length - 2).keys()].map((i) => i + 1).sort((a, b) => popcount(a) - popcount(b));
  for (const mask of subsets) {
    let prod: Poly = [Q.ONE];
    for (let j = 0; j < uf.length; j++) if (mask & (1 << j)) prod = polyMulQ(prod, uf[j]!);
    const cand = fromImage(prod, D);
    if (!cand || cand.size === 0 || isConstant(cand)) continue;
    const q = mpolyExactDiv(p, cand);
    if (q && !isConstant(q)) {
      splitKronecker(cand, n, out);
      splitKronecker(q, n, out);
      return;
    }
  }
  out.push(p);
}

const popcount = (m: number): number => {
  let c = 0;
  for (; m; m &= m - 1) c++;
  return c;
};

const isConstant = (p: MPoly): boolean => p.size === 1 && unkey([...p.keys()][0]!).every((a) => a === 0);

function polyMulQ(a: Poly, b: Poly): Poly {
  const out = new Array<Rational>(a.length + b.length - 1).fill(Q.ZERO);
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) out[i + j] = Q.add(out[i + j]!, Q.mul(a[i]!, b[j]!));
  return out as Poly;
}

/** Read a univariate image back: the exponent's mixed-radix digits are the variables' exponents. */
function fromImage(u: Poly, D: readonly number[]): MPoly | null {
  const out: MPoly = new Map();
  for (let w = 0; w < u.length; w++) {
    if (Q.isZero(u[w]!)) continue;
    const e = new Array<number>(D.length).fill(0);
    let r = w;
    for (let i = 0; i < D.length; i++) (e[i] = r % D[i]!), (r = Math.floor(r / D[i]!));
    if (r) return null;
    out.set(key(e), u[w]!);
  }
  return out;
}

/**
 * A homogeneous polynomial in two variables factors like its dehomogenisation: p(x, y) =
 * yᵈ·p(x/y, 1), so the factors of p(x, 1) (degree d, small) homogenised back are p's factors.
 */
function splitHomogeneous(p: MPoly, n: number, out: MPoly[]): boolean {
  if (n !== 2) return false;
  const exps = [...p.keys()].map(unkey);
  const d = exps[0]![0]! + exps[0]![1]!;
  if (d < 2 || !exps.every((e) => e[0]! + e[1]! === d)) return false;
  const u: Rational[] = new Array<Rational>(d + 1).fill(Q.ZERO);
  for (const [k, c] of p) u[unkey(k)[0]!] = c;
  const fs = polyFactorQ(u as Poly).factors;
  if (fs.length === 1 && fs[0]!.mult === 1) {
    out.push(p);
    return true;
  }
  // Factors are collected apart and appended only on success, so a failed split leaves out as it was.
  const found: MPoly[] = [];
  let rest = p;
  for (const { poly, mult } of fs) {
    const deg = poly.length - 1;
    // xᵏ·y^(deg − k) from each coefficient of x^k
    const f: MPoly = new Map();
    poly.forEach((c, k) => { if (!Q.isZero(c)) f.set(key([k, deg - k]), c); });
    for (let m = 0; m < mult; m++) {
      const q = mpolyExactDiv(rest, f);
      if (!q) return false;
      found.push(f);
      rest = q;
    }
  }
  // What is left is y^j times a constant (x-free powers of y from p(x, 1) having lower degree).
  const [last, ...more] = rest.entries();
  if (!last || more.length > 0) return false;
  const [k0, c0] = last;
  const yPow = unkey(k0)[1] ?? 0;
  for (let m = 0; m < yPow; m++) found.push(new Map([[key([0, 1]), Q.ONE]]));
  found.push(new Map([[key([0, 0]), c0]]));
  out.push(...found);
  return true;
}

