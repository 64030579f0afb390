/**
 * Rewrites applied to an integrand before the rules run, each an identity for every real x:
 *
 * - (c·q(x)²)^(k/2) = c^(k/2)·|q(x)|^k for a polynomial q and c > 0: √(9x² + 3x + 1/4) is
 *   |3x + 1/2|, and a rule that treated it as a smooth radical (an Euler substitution) would give
 *   an answer right on one side of x = −1/6 only; more generally a rational base with a square
 *   part, c·s²·r/(t²·w), to a fraction k is c^k·|s/t|^(2k)·(r/w)^k: (3x⁴ − x²)^(3/2) =
 *   |x|³·(3x² − 1)^(3/2), (2 + 2/x + 1/x²)^(−3/2) = |x|³·(2x² + 2x + 1)^(−3/2);
 * - in a product, Bᵇ with B = c·A (c > 0) is c^b·Aᵇ, and with B = A·q is Aᵇ·qᵇ when A^a has an even
 *   denominator (A ≥ 0 where f is defined): √(1 − x²)·√(2 − 2x²) = √2·(1 − x²),
 *   √x·√(x(x² − 3x + 3)) = x·√(x² − 3x + 3);
 * - (uᵏ)ᵖ for an integer k and a fraction p, with r = k·p: uʳ when k is odd, or when r has an odd
 *   denominator and an even numerator (then uʳ ≥ 0); otherwise |u|ʳ, and for an odd integer r
 *   sign(u)·uʳ: √(cot⁴x) = cot²x, (csc²x)^(−5/2) = sign(sin x)·sin⁵x, √(tanh³x) = tanh^(3/2)x
 *   (u > 0 where defined), and |u| = u when u > 0 everywhere (cosh);
 * - log(c·bᵏ) = log c + k·log b for a constant c > 0 and one factor bᵏ depending on x, unless bᵏ =
 *   |b|ᵏ (k with an even numerator and an odd denominator): log(2/x³) = log 2 − 3·log x,
 *   log(2(2x + 1)^(3/2)) = log 2 + (3/2)·log(2x + 1), log(x²/2) stays;
 * - a sum whose terms all hold a power of x, one of them a function of x, with the lowest power
 *   taken out: x·log(2/x³) + x/2 = x·(log(2/x³) + 1/2);
 * - e^(k·atanh u) = ((1 + u)/(1 − u))^(k/2) for a rational function u (atanh u = ½·log((1 + u)/(1 − u))),
 *   as (1 + u)^(k/2)·(1 − u)^(−k/2) for a linear u (both factors positive where atanh is defined);
 * - nᵘ = p^(k·u) for an integer n = pᵏ (4ˣ = 2^(2x)) when two integer bases appear, so they meet;
 * - atanh(tanh u) = u and asinh(sinh u) = u for real u.
 *
 * @example
 * prepareIntegrand(parse('(4*x^2 + 4*x + 1)^(3/2)'), x) // → 8*abs(x + 1/2)^3
 */
import * as Q from '../../../../core/rational.js';
import { add, mul, pow } from '../../../expr/arith.js';
import { E, ONE, ZERO, numFromRational, rat, type Expr, type SymbolNode } from '../../../expr/expr.js';
import { fn } from '../../../functions/index.js';
import { evalNumber, free, walkDependent } from '../../../algebra/util.js';
import { signOf } from '../../../functions/sign.js';
import { mapExpr } from '../../../walk/traverse.js';
import { linearIn } from '../../diff/polynomial-in.js';
import { exprToPoly, exprToRatFun, polyToExpr } from '../../../poly/convert.js';
import { polySquareFree } from '../../../poly/factor.js';
import { polyDegree, polyDivmod, polyLc, polyMul, polyPow, type Poly } from '../../../poly/poly.js';

const INVOLUTIONS: Record<string, string> = { atanh: 'tanh', asinh: 'sinh' };

/** The integrand with the rewrites above applied (the same node when none applies). */
export function prepareIntegrand(f: Expr, x: SymbolNode): Expr {
  // A log that is the integrand or one of its factors stays as written (∫log(2x) = x·log(2x) − x);
  // the others are expanded, which lets u = log x see through log(2/x³) + 1/2.
  const keep = new Set<Expr>(f.kind === 'Mul' ? f.bases : [f]);
  // Integer bases of exponentials: rewritten to a common base only when there are two or more.
  const bases = new Set<bigint>();
  walkDependent(f, x, (n) => {
    if (n.kind === 'Pow' && n.base.kind === 'Integer') bases.add(n.base.value.num);
    if (n.kind === 'Mul') n.bases.forEach((b, i) => b.kind === 'Integer' && !free(n.exps[i]!, x) && bases.add(b.value.num));
  });
  const powerBase = bases.size > 1 ? commonBase : () => null;
  return mapExpr(f, (orig, e) => {
    if (free(e, x)) return e;
    if (e.kind === 'Function' && e.args.length === 1) {
      const u = e.args[0]!;
      if (u.kind === 'Function' && INVOLUTIONS[e.name] === u.name) return u.args[0]!;
      if (e.name === 'log' && !keep.has(orig)) return expandLog(u, x) ?? e;
      return e;
    }
    if (e.kind === 'Add') return commonPower(e, x);
    // A power is its own node or a factor bᵏ of a product.
    if (e.kind === 'Pow') return halfPower(e.base, e.exp, x) ?? nestedPower(e.base, e.exp) ?? expAtanh(e.base, e.exp, x) ?? powerBase(e.base, e.exp, x) ?? e;
    if (e.kind === 'Mul') {
      const fs = e.bases.map((b, i) => halfPower(b, e.exps[i]!, x) ?? nestedPower(b, e.exps[i]!) ?? expAtanh(b, e.exps[i]!, x) ?? powerBase(b, e.exps[i]!, x));
      const g = fs.some((g) => g !== null) ? mul(e.coeff, ...fs.map((g, i) => g ?? pow(e.bases[i]!, e.exps[i]!))) : e;
      return g.kind === 'Mul' ? (mergeRoots(g, x) ?? g) : g;
    }
    return e;
  });
}

/**
 * Fractional powers of related polynomials in one product, merged where that is an identity on
 * the domain: Bᵇ with B = c·A (c > 0) is c^b·Aᵇ (√(1 − x²)·√(2 − 2x²) = √2·(1 − x²)); Bᵇ with
 * B = A·q, when A^a has an even denominator (so A ≥ 0 wherever f is defined), is Aᵇ·qᵇ
 * (√x·√(x(x² − 3x + 3)) = x·√(x² − 3x + 3)). Null when nothing merges.
 */
function mergeRoots(e: Extract<Expr, { kind: 'Mul' }>, x: SymbolNode): Expr | null {
  const fs = e.bases.map((b, i) => ({ b, k: e.exps[i]!, p: e.exps[i]!.kind === 'Rational' ? exprToPoly(b, x) : null }));
  const extra: Expr[] = [];
  let changed = false;
  for (let i = 0; i < fs.length; i++) {
    const A = fs[i]!;
    if (!A.p || polyDegree(A.p) < 1) continue;
    for (let j = 0; j < fs.length; j++) {
      const B = fs[j]!;
      if (i === j || !B.p || polyDegree(B.p) < polyDegree(A.p)) continue;
      const [q, r] = polyDivmod(B.p, A.p);
      if (polyDegree(r) >= 0) continue;
      const evenDen = A.k.kind === 'Rational' && A.k.value.den % 2n === 0n;
      if (polyDegree(q) === 0 ? Q.sign(q[0]!) <= 0 : !evenDen) continue;
      // Bᵇ = q^b·A^b: A takes the exponent, q goes out.
      extra.push(pow(polyToExpr(q, x), B.k));
      A.k = add(A.k, B.k);
      fs.splice(j, 1);
      if (j < i) i--;
      j--;
      changed = true;
    }
  }
  return changed ? mul(e.coeff, ...extra, ...fs.map((f) => pow(f.b, f.k))) : null;
}

/**
 * nᵘ for an integer n = pᵏ (k ≥ 2, p smallest) as p^(k·u), so that exponentials of one base meet:
 * 2ˣ/(1 + 4⁻ˣ/2) = 2ˣ/(1 + 2^(−2x)/2), which u = 2ˣ rationalizes. Null otherwise.
 */
function commonBase(b: Expr, u: Expr, x: SymbolNode): Expr | null {
  if (b.kind !== 'Integer' || free(u, x) || b.value.num < 4n || b.value.num > 1_000_000n) return null;
  const n = Number(b.value.num);
  for (let k = Math.floor(Math.log2(n)); k >= 2; k--) {
    const p = Math.round(n ** (1 / k));
    for (const q of [p - 1, p, p + 1]) if (q >= 2 && q ** k === n) return pow(q, mul(k, u));
  }
  return null;
}

/** e^(k·atanh u) = ((1 + u)/(1 − u))^(k/2) for a rational u over ℚ (its quotient reduced), or null. */
function expAtanh(base: Expr, exp: Expr, x: SymbolNode): Expr | null {
  if (base !== E) return null;
  const [k, h] = exp.kind === 'Mul' && exp.bases.length === 1 && exp.exps[0] === ONE ? [exp.coeff, exp.bases[0]!] : [ONE, exp];
  if (h.kind !== 'Function' || h.name !== 'atanh' || (k.kind !== 'Integer' && k.kind !== 'Rational')) return null;
  const u = h.args[0]!;
  // A linear u: 1 + u > 0 and 1 − u > 0 on atanh's domain, so the two powers split (and merge with
  // other powers of 1 ± u: e^(atanh x)/√(1 − x) = √(1 + x)/(1 − x)).
  if (linearIn(u, x)) return mul(pow(add(1, u), mul(k, rat(1, 2))), pow(add(1, mul(-1, u)), mul(k, rat(-1, 2))));
  const rf = exprToRatFun(mul(add(1, u), pow(add(1, mul(-1, u)), -1)), x);
  if (!rf) return null;
  return pow(mul(polyToExpr(rf[0], x), pow(polyToExpr(rf[1], x), -1)), mul(k, rat(1, 2)));
}

/** (uᵏ)ᵖ as uʳ, |u|ʳ or sign(u)·uʳ (r = k·p; see the module comment), or null. */
function nestedPower(base: Expr, p: Expr): Expr | null {
  if (base.kind !== 'Pow' || base.exp.kind !== 'Integer' || p.kind !== 'Rational') return null;
  const u = base.base;
  const k = base.exp.value.num;
  const r = mul(base.exp, p);
  if (r.kind !== 'Integer' && r.kind !== 'Rational') return null;
  const { num, den } = r.value;
  if (k % 2n !== 0n || (den % 2n === 1n && num % 2n === 0n) || signOf(u) > 0) return pow(u, r);
  if (den === 1n) return mul(fn('sign', u), pow(u, r));
  return pow(fn('abs', u), r);
}

/**
 * x·A + x·B/2 as x·(A + B/2) when every term holds a power of x and one holds a function of x
 * (x·log(2/x³) + x/2 = x·(log(2/x³) + 1/2)), so that a substitution sees the factor.
 */
function commonPower(e: Extract<Expr, { kind: 'Add' }>, x: SymbolNode): Expr {
  if (e.coeff !== ZERO) return e;
  const powers = e.terms.map((t) => (t === x ? ONE : t.kind === 'Pow' && t.base === x ? t.exp : t.kind === 'Mul' ? (t.exps[t.bases.indexOf(x)] ?? null) : null));
  if (powers.some((k) => k === null || (k.kind !== 'Integer' && k.kind !== 'Rational'))) return e;
  if (!e.terms.some((t) => !walkDependent(t, x, (n) => (n.kind === 'Function' ? false : undefined)))) return e;
  const low = (powers as Expr[]).reduce((a, b) => (evalNumber(b, new Map()) < evalNumber(a, new Map()) ? b : a));
  return mul(pow(x, low), add(...e.terms.map((t, i) => mul(e.coeffs[i]!, t, pow(x, mul(-1, low))))));
}

/** log(c·bᵏ) expanded (see the module comment), or null when the argument is not of that form. */
function expandLog(A: Expr, x: SymbolNode): Expr | null {
  let c: Expr = ONE, b: Expr, k: Expr;
  if (A.kind === 'Mul') {
    const dep = A.bases.map((base, i) => [base, A.exps[i]!] as const).filter(([base, e]) => !free(base, x) || !free(e, x));
    if (dep.length !== 1) return null;
    [b, k] = dep[0]!;
    c = mul(A.coeff, ...A.bases.map((base, i) => [base, A.exps[i]!] as const).filter(([base, e]) => free(base, x) && free(e, x)).map(([base, e]) => pow(base, e)));
  } else if (A.kind === 'Pow') [b, k] = [A.base, A.exp];
  else return null;
  if (k.kind !== 'Integer' && k.kind !== 'Rational') return null;
  if (!free(k, x) || (c === ONE && k === ONE)) return null;
  const cv = evalNumber(c, new Map());
  if (!(cv > 0) || !free(c, x)) return null;
  // bᵏ = |b|ᵏ (even numerator, odd denominator): log|b| would split the domain; kept as written.
  if (k.value.num % 2n === 0n && k.value.den % 2n === 1n) return null;
  return add(fn('log', c), mul(k, fn('log', b)));
}

/**
 * base^k for a fraction k and a rational function base = c·s²·r/(t²·w) (c > 0; s, t the square
 * parts of numerator and denominator, r, w square-free) as c^k·|s/t|^(2k)·(r/w)^k, or null when
 * there is no square part: (9x² + 3x + 1/4)^(3/2) = 27·|x + 1/6|³, (3x⁴ − x²)^(3/2) =
 * |x|³·(3x² − 1)^(3/2), (2 + 2/x + 1/x²)^(−3/2) = |x|³·(2x² + 2x + 1)^(−3/2). Where base ≥ 0 is
 * needed (an even denominator), r/w ≥ 0 is needed too, so the split is an identity on the domain.
 */
function halfPower(base: Expr, k: Expr, x: SymbolNode): Expr | null {
  if (k.kind !== 'Rational' || free(base, x) || (base.kind !== 'Add' && base.kind !== 'Mul')) return null;
  const rf = exprToRatFun(base, x);
  if (!rf) return null;
  const [num, den] = rf;
  const n = squareRoot(num), d = squareRoot(den);
  if (!n || !d || (polyDegree(n.root) < 1 && polyDegree(d.root) < 1)) return null;
  // A perfect square has no rest: (c·q²)^(m/2) = c^(m/2)·|q|^m as before; otherwise the rest stays a power.
  const c = Q.div(n.c, d.c);
  if (Q.sign(c) <= 0 || (polyDegree(n.rest) < 1 && Q.sign(n.rest[0]!) < 0)) return null;
  const twoK = mul(2, k);
  const even = twoK.kind === 'Integer' && twoK.value.num % 2n === 0n;
  // |p| = p for a square p (x⁴ = (x²)²).
  const square = (p: Poly) => Q.sign(polyLc(p)) > 0 && polySquareFree(p).every((f) => f.mult % 2 === 0);
  const absPow = (p: Poly, e: Expr) => (polyDegree(p) < 1 ? ONE : pow(even || square(p) ? polyToExpr(p, x) : fn('abs', polyToExpr(p, x)), e));
  const rest = polyDegree(n.rest) < 1 && polyDegree(d.rest) < 1 ? ONE : mul(polyToExpr(n.rest, x), pow(polyToExpr(d.rest, x), -1));
  return mul(pow(numFromRational(c), k), absPow(n.root, twoK), absPow(d.root, mul(-1, twoK)), pow(rest, k));
}

/** p = c·root²·rest with c > 0 (the sign goes to the rest), root and rest monic, rest square-free. */
function squareRoot(p: Poly): { c: Q.Rational; root: Poly; rest: Poly } | null {
  if (polyDegree(p) < 0) return null;
  let c = polyLc(p);
  let root: Poly = [Q.ONE], rest: Poly = [Q.ONE];
  if (polyDegree(p) > 0)
    for (const s of polySquareFree(p)) {
      root = polyMul(root, polyPow(s.poly, Math.floor(s.mult / 2)));
      if (s.mult % 2) rest = polyMul(rest, s.poly);
    }
  if (Q.sign(c) < 0) {
    c = Q.neg(c);
    rest = rest.map(Q.neg);
  }
  return { c, root, rest };
}
