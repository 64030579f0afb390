/**
 * Powers and products of trigonometric functions of one linear argument u = a·x + b.
 * Every factor is rewritten as sinᵐ u · cosⁿ u (tan = sin/cos, sec = 1/cos, …), then:
 *
 * - m odd:  w = cos u, sinᵐ cosⁿ dx = −(1/a)(1 − w²)^((m−1)/2) wⁿ dw   (rational in w)
 * - n odd:  w = sin u, sinᵐ cosⁿ dx =  (1/a) wᵐ (1 − w²)^((n−1)/2) dw
 * - both even, m + n ≤ −2: w = tan u, dx = dw/(a(1 + w²)), giving wᵐ(1 + w²)^(−(m+n)/2−1) dw/a
 * - both even, m, n ≥ 0: sin² = (1 − cos 2u)/2, cos² = (1 + cos 2u)/2 (power reduction)
 * - both even with one negative: sin² = 1 − cos² (or the reverse) splits into the cases above.
 *
 * Products sin(αx)·cos(βx) with different arguments use the product-to-sum identities.
 *
 * @example
 * integrate('sin(x)^3', 'x') // → cos(x)^3/3 - cos(x)
 */
import * as Q from '../../../../core/rational.js';
import { add, mul, pow } from '../../../expr/arith.js';
import { ONE, isNum, numValue, symbol, type Expr, type SymbolNode } from '../../../expr/expr.js';
import { fn } from '../../../functions/index.js';
import { integrateRational } from './rational.js';
import { integrateHermite } from './hermite.js';
import { integrateByRoots } from './roots.js';
import { free, substitute, walkDependent } from '../../../algebra/util.js';
import { linearIn } from '../../diff/polynomial-in.js';
import { show } from './parts.js';
import type { StepText } from './rule.js';
import { expandProducts } from '../../../algebra/rewrite.js';
import { polyFromInts, polyMul, polyPow, polyScale, type Poly } from '../../../poly/poly.js';

const TRIG = new Set(['sin', 'cos', 'tan', 'cot', 'sec', 'csc']);
/** [sin exponent, cos exponent] of each trig function. */
const SC: Record<string, [number, number]> = {
  sin: [1, 0],
  cos: [0, 1],
  tan: [1, -1],
  cot: [-1, 1],
  sec: [0, -1],
  csc: [-1, 0],
};

let freshCount = 0;
/** _w0, _w1, … once made (the same interned symbols `symbol` would return, without building the name again). */
const FRESH: SymbolNode[] = [];
/** A fresh symbol for substitutions (never clashes with parsed names: they cannot start with _). */
export function freshSymbol(): SymbolNode {
  const k = freshCount++;
  return (FRESH[k] ??= symbol(`_w${k}`));
}

/**
 * Start numbering fresh symbols again (each integration run does): names are reused across runs
 * (results never contain them), so repeated integrations share interned nodes.
 */
export function resetFreshSymbols(): void {
  freshCount = 0;
}

/** The factors of e as (base, exponent) pairs, plus its numeric/x-free part. */
export function splitFactors(e: Expr, x: SymbolNode): { c: Expr; fs: Array<[Expr, Expr]> } {
  const fs: Array<[Expr, Expr]> = [];
  const cs: Expr[] = [];
  const put = (b: Expr, k: Expr) => {
    if (free(b, x) && free(k, x)) cs.push(pow(b, k));
    else fs.push([b, k]);
  };
  if (e.kind === 'Mul') {
    cs.push(e.coeff);
    for (let i = 0; i < e.bases.length; i++) put(e.bases[i]!, e.exps[i]!);
  } else if (e.kind === 'Pow') put(e.base, e.exp);
  else put(e, ONE);
  return { c: mul(...cs), fs };
}

/** Integrate c·sinᵐ(u)·cosⁿ(u)-type integrands; null when e is not of that form. */
export function integrateTrig(e: Expr, x: SymbolNode, note: (s: StepText) => void, recurse: (f: Expr) => Expr | null): Expr | null {
  const { c, fs } = splitFactors(e, x);
  if (!fs.length) return null;
  let u: Expr | null = null;
  let m = 0, n = 0;
  // A fractional power of sin or cos (cos³x/√sin x) is kept apart: see oddWithFraction.
  let frac: { on: 'sin' | 'cos'; k: Expr } | null = null;
  for (const [b, k] of fs) {
    if (b.kind === 'Function' && (b.name === 'sin' || b.name === 'cos') && k.kind === 'Rational' && frac === null && (u === null || u === b.args[0])) {
      u = b.args[0]!;
      frac = { on: b.name, k };
      continue;
    }
    if (b.kind !== 'Function' || !TRIG.has(b.name) || k.kind !== 'Integer') return productToSum(c, fs, x, note, recurse);
    if (u === null) u = b.args[0]!;
    else if (u !== b.args[0]) return productToSum(c, fs, x, note, recurse);
    const kk = Number(k.value.num);
    const [sm, cn] = SC[b.name]!;
    m += sm * kk;
    n += cn * kk;
  }
  if (u === null) return null;
  const lin = linearIn(u, x);
  if (!lin) return null;
  if (Math.abs(m) > 40 || Math.abs(n) > 40) return null;
  if (frac) {
    const r = oddWithFraction(frac.on, frac.on === 'sin' ? add(m, frac.k) : add(n, frac.k), frac.on === 'sin' ? n : m, u, lin[0], note);
    return r === null ? productToSum(c, fs, x, note, recurse) : mul(c, r);
  }
  const r = sinCos(m, n, u, lin[0], note);
  return r === null ? null : mul(c, r);
}

/** ∫ sinᵐ(u) cosⁿ(u) dx with u = a·x + b. */
function sinCos(m: number, n: number, u: Expr, a: Expr, note: (s: StepText) => void): Expr | null {
  const ainv = pow(a, -1);
  if (m === 0 && n === 0) return mul(ainv, u);
  const w = freshSymbol();
  const one_w2 = add(1, mul(-1, pow(w, 2)));
  if (m % 2 !== 0) {
    note(() => `substitute w = cos(${show(u)}): sin^${m}·cos^${n} → −(1 − w²)^${(m - 1) / 2}·w^${n}`);
    const g = mul(-1, pow(one_w2, (m - 1) / 2), pow(w, n));
    const G = integrateRational(g, w);
    return G === null ? null : mul(ainv, substitute(G, w, fn('cos', u)));
  }
  if (n % 2 !== 0) {
    note(() => `substitute w = sin(${show(u)}): sin^${m}·cos^${n} → w^${m}·(1 − w²)^${(n - 1) / 2}`);
    const g = mul(pow(w, m), pow(one_w2, (n - 1) / 2));
    const G = integrateRational(g, w);
    return G === null ? null : mul(ainv, substitute(G, w, fn('sin', u)));
  }
  // Both even.
  if (m + n <= -2) {
    note(() => `substitute w = tan(${show(u)}): sin^${m}·cos^${n} dx → w^${m}·(1 + w²)^${-(m + n) / 2 - 1} dw`);
    const g = mul(pow(w, m), pow(add(1, pow(w, 2)), -(m + n) / 2 - 1));
    const G = integrateRational(g, w);
    if (G === null) return null;
    // atan(tan u) = u up to a piecewise constant: use u, which is continuous.
    return mul(ainv, substitute(substitute(G, fn('atan', w), u), w, fn('tan', u)));
  }
  if (m >= 0 && n >= 0) {
    note(`power reduction: sin² = (1 − cos 2u)/2, cos² = (1 + cos 2u)/2`);
    // sinᵐ cosⁿ = ((1 − c)/2)^(m/2) ((1 + c)/2)^(n/2) with c = cos 2u, a polynomial in c.
    const half = Q.rational(1n, 2n);
    const p: Poly = polyMul(polyPow(polyScale(polyFromInts([1, -1]), half), m / 2), polyPow(polyScale(polyFromInts([1, 1]), half), n / 2));
    const u2 = mul(2, u);
    const parts: Expr[] = [];
    for (let k = 0; k < p.length; k++) {
      if (Q.isZero(p[k]!)) continue;
      const t = sinCos(0, k, u2, mul(2, a), note);
      if (t === null) return null;
      parts.push(mul(numExpr(p[k]!), t));
    }
    return add(...parts);
  }
  // One even exponent negative: trade sin² = 1 − cos² (or cos² = 1 − sin²) and split.
  const parts: Expr[] = [];
  if (n < 0) {
    const h = m / 2;
    for (let j = 0; j <= h; j++) {
      const t = sinCos(0, n + 2 * j, u, a, note);
      if (t === null) return null;
      parts.push(mul(binom(h, j) * (j % 2 ? -1 : 1), t));
    }
  } else {
    const h = n / 2;
    for (let j = 0; j <= h; j++) {
      const t = sinCos(m + 2 * j, 0, u, a, note);
      if (t === null) return null;
      parts.push(mul(binom(h, j) * (j % 2 ? -1 : 1), t));
    }
  }
  return add(...parts);
}

/**
 * ∫ sᵖ·cᵒ dx where s is sin u (or cos u) raised to a fractional p and the other function has an
 * odd power o ≥ 1: w = s gives ±(1/a)·wᵖ(1 − w²)^((o−1)/2) dw, a finite sum of powers of w:
 * Σⱼ C(h, j)(−1)ʲ w^(p+2j+1)/(p + 2j + 1) with h = (o − 1)/2 (p + 2j + 1 ≠ 0 as p ∉ ℤ).
 */
function oddWithFraction(on: 'sin' | 'cos', p: Expr, o: number, u: Expr, a: Expr, note: (s: StepText) => void): Expr | null {
  if (o < 1 || o % 2 === 0 || o > 41) return null;
  const h = (o - 1) / 2;
  const other = on === 'sin' ? 'cos' : 'sin';
  note(() => `substitute w = ${on}(${show(u)}): ${on}^(${show(p)})·${other}^${o} → ±w^(${show(p)})·(1 − w²)^${h}`);
  const w = fn(on, u);
  const parts: Expr[] = [];
  for (let j = 0; j <= h; j++) {
    const q = add(p, 2 * j + 1);
    parts.push(mul(binom(h, j) * (j % 2 ? -1 : 1), pow(q, -1), pow(w, q)));
  }
  // d(sin u) = a·cos u dx; d(cos u) = −a·sin u dx.
  return mul(on === 'sin' ? 1 : -1, pow(a, -1), add(...parts));
}

const numExpr = (r: Q.Rational): Expr => mul(Number(r.num), pow(Number(r.den), -1));

function binom(n: number, k: number): number {
  let r = 1;
  for (let i = 0; i < k; i++) r = (r * (n - i)) / (i + 1);
  return r;
}

/**
 * sin A·cos B = ½[sin(A + B) + sin(A − B)], sin A·sin B = ½[cos(A − B) − cos(A + B)],
 * cos A·cos B = ½[cos(A − B) + cos(A + B)] for two first-power factors with different arguments.
 */
function productToSum(
  c: Expr,
  fs: Array<[Expr, Expr]>,
  x: SymbolNode,
  note: (s: StepText) => void,
  recurse: (f: Expr) => Expr | null,
): Expr | null {
  // The first two first-power sin/cos factors of linear arguments; other factors ride along
  // (sin x·sin 2x·sin 3x: combine two, expand, and each term has one factor less).
  const ok = (f: Expr, k: Expr) => k === ONE && f.kind === 'Function' && (f.name === 'sin' || f.name === 'cos') && linearIn(f.args[0]!, x) !== null;
  const idx = fs.flatMap(([f, k], i) => (ok(f, k) ? [i] : [])).slice(0, 2);
  if (idx.length !== 2) return null;
  const others = fs.filter((_, i) => !idx.includes(i)).map(([b, k]) => pow(b, k));
  if (others.some((o) => !free(o, x) && !fs.some(([f, k]) => pow(f, k) === o && f.kind === 'Function' && (f.name === 'sin' || f.name === 'cos')))) return null;
  const f1 = fs[idx[0]!]![0] as Extract<Expr, { kind: 'Function' }>, f2 = fs[idx[1]!]![0] as Extract<Expr, { kind: 'Function' }>;
  let [p, q] = [f1, f2];
  if (p.name === 'cos' && q.name === 'sin') [p, q] = [q, p];
  const A = p.args[0]!, B = q.args[0]!;
  const sum = add(A, B);
  let dif = add(A, mul(-1, B));
  // sin(−u) = −sin u, cos(−u) = cos u: keep A − B with a positive x-coefficient.
  const ld = linearIn(dif, x);
  const flip = ld !== null && isNum(ld[0]) && numValue(ld[0]) < 0;
  if (flip) dif = mul(-1, dif);
  let r: Expr;
  if (p.name === 'sin' && q.name === 'cos') r = mul(pow(2, -1), add(fn('sin', sum), mul(flip ? -1 : 1, fn('sin', dif))));
  else if (p.name === 'sin') r = mul(pow(2, -1), add(fn('cos', dif), mul(-1, fn('cos', sum))));
  else r = mul(pow(2, -1), add(fn('cos', dif), fn('cos', sum)));
  if (isNum(r)) return null;
  if (others.length) r = expandProducts(mul(r, ...others));
  note(`product to sum: ${p.name}·${q.name} → ½(…)`);
  const I = recurse(r);
  return I === null ? null : mul(c, I);
}

/**
 * Rational functions of sin u, cos u, tan u (u = a·x + b) by the Weierstrass substitution
 * t = tan(u/2): sin u = 2t/(1 + t²), cos u = (1 − t²)/(1 + t²), tan u = 2t/(1 − t²),
 * dx = 2 dt/(a(1 + t²)). The antiderivative jumps where u/2 crosses π/2 + kπ; definite
 * integrals catch that with their quadrature cross-check.
 */
export function weierstrass(e: Expr, x: SymbolNode, note: (s: StepText) => void): Expr | null {
  let u: Expr | null = null;
  // Every occurrence of x must sit inside a trig function of one and the same argument u.
  const ok = walkDependent(e, x, (n) => {
    if (n.kind === 'Function') {
      if (!TRIG.has(n.name) || (u !== null && u !== n.args[0])) return false;
      u = n.args[0]!;
      return [];
    }
    if (n.kind !== 'Add' && n.kind !== 'Mul' && n.kind !== 'Pow') return false;
  });
  if (!ok) return null;
  if (u === null) return null;
  const lin = linearIn(u, x);
  if (!lin) return null;
  const t = freshSymbol();
  const t2 = pow(t, 2);
  const inv1p = pow(add(1, t2), -1);
  const sinT = mul(2, t, inv1p), cosT = mul(add(1, mul(-1, t2)), inv1p), tanT = mul(2, t, pow(add(1, mul(-1, t2)), -1));
  let g = e;
  for (const [name, v] of [['sin', sinT], ['cos', cosT], ['tan', tanT], ['sec', pow(cosT, -1)], ['csc', pow(sinT, -1)], ['cot', pow(tanT, -1)]] as const) {
    g = substitute(g, fn(name, u), v);
  }
  if (!free(g, x)) return null;
  const h = mul(g, 2, inv1p, pow(lin[0], -1));
  const G = integrateRational(h, t) ?? integrateHermite(h, t, (r) => integrateRational(r, t)) ?? integrateByRoots(h, t);
  if (G === null) return null;
  note('Weierstrass substitution t = tan(u/2): sin u = 2t/(1+t²), cos u = (1−t²)/(1+t²), dx = 2 dt/(a(1+t²))');
  return substitute(G, t, fn('tan', mul(pow(2, -1), u)));
}
