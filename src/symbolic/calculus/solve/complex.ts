/**
 * `solve(e, x, { domain: 'complex' })`: the roots over ℂ.
 *
 * - Polynomials (numerators of rational functions) over ℚ: x·(…) gives 0; a binomial a·xⁿ + b
 *   gives the n roots |c|^(1/n)·(cos θ + I·sin θ), θ = (2πk + arg c)/n, c = −b/a (exact: the
 *   table folds cos and sin at multiples of π/6 and π/4); otherwise each irreducible factor over
 *   ℚ: linear, the quadratic formula (m ± I·s), Cardano's formula with its complex pair for
 *   cubics, and a polynomial in xᵏ through its roots y: the k-th roots of a real y as above, the
 *   square roots of y = a + b·I as ±(√((|y| + a)/2) + I·sign(b)·√((|y| − a)/2)), and quartics
 *   by Ferrari's method when the resolvent cubic has a rational root. Any other
 *   factor gets numeric roots a + b·I (floats from numeric's Aberth–Ehrlich `polyRoots`, real
 *   ones polished as the real domain does), flagged `numeric`.
 * - Other equations are solved by isolating x through sums, products, eᵘ = r (u = Log r, the
 *   principal logarithm: log|r| + I·arg r, as SymPy's solve gives e^x = −1 → I·π, one root of
 *   the family I·π + 2πIk), log u = r (u = eʳ), integer powers uⁿ = r (its n roots), and
 *   sin/cos/tan u = r for a real r in their range (then every complex solution is real: the
 *   real principal solutions, as the real domain lists). Anything else is an UndecidedError.
 *
 * Every root is checked by substitution: |f(r)| at most 1e-9 (1e-6 for numeric roots) of the
 * size of f's terms at r. Roots are distinct, real ones first (ascending), then by real and
 * imaginary part.
 *
 * @example
 * solve('x^2 + 2*x + 5', 'x', { domain: 'complex' }) // → [-1 - 2*I, -1 + 2*I]
 * solve('x^3 - 1', 'x', { domain: 'complex' })       // → [1, -1/2 - sqrt(3)*I/2, -1/2 + sqrt(3)*I/2]
 */
import * as Qn from '../../../core/rational.js';
import { add, addTerms, mul, pow, sqrt, sub } from '../../expr/arith.js';
import { E, HALF, I, PI, ZERO, float, isNum, numFromRational, rat, type Expr, type SymbolNode } from '../../expr/expr.js';
import { FUNCTIONS, fn } from '../../functions/index.js';
import { reIm } from '../../functions/complex.js';
import { exactRoot } from '../../expr/arith-special.js';
import { expand } from '../../algebra/expand.js';
import { tidy } from '../../algebra/simplify.js';
import { evalNumber, free, sqrtRational, substitute } from '../../algebra/util.js';
import { exprToRatFun } from '../../poly/convert.js';
import { polyFactorQ } from '../../poly/factor.js';
import { polyDegree, polyCoeff, polyNormalize, polyShift, type Poly } from '../../poly/poly.js';
import { polyComplexRoots, polyRationalRoots, polyRealRootsNumeric } from '../../poly/roots.js';
import { evaluateComplex, type ComplexValue } from '../../walk/evaluate-complex.js';
import { Unsolvable, cubicRoots, powerStride, quadraticRoots, type Solution } from './poly.js';

const R = numFromRational;

/** a + b·I from two doubles, as floats (exact 0 parts left out). */
function floatComplex(z: ComplexValue): Expr {
  return add(z.re === 0 ? ZERO : float(z.re), z.im === 0 ? ZERO : mul(float(z.im), I));
}

/** The n roots of wⁿ = c for a real constant c ≠ 0 (exact: c's n-th root times cos θ + I·sin θ, θ = (2πk + arg c)/n). */
function nthRootsOfReal(c: Expr, n: number): Expr[] {
  const v = evalNumber(c, new Map());
  const r = realRoot(v < 0 ? mul(-1, c) : c, n);
  const out: Expr[] = [];
  for (let k = 0; k < n; k++) {
    const theta = mul(rat(2 * k + (v < 0 ? 1 : 0), n), PI);
    out.push(add(mul(r, fn('cos', theta)), mul(r, I, fn('sin', theta))));
  }
  return out;
}

/** c^(1/n) for c > 0, a rational c = bᵏ with k | n written b^(k/n) as SymPy does: 4^(1/4) = √2. */
function realRoot(c: Expr, n: number): Expr {
  if (c.kind === 'Integer' || c.kind === 'Rational') {
    for (let k = n; k >= 2; k--) {
      if (n % k) continue;
      const a = exactRoot(c.value.num, BigInt(k)), b = exactRoot(c.value.den, BigInt(k));
      if (a !== null && b !== null) return pow(R(Qn.rational(a, b)), rat(k, n));
    }
  }
  return pow(c, rat(1, n));
}

/** The two square roots of a + b·I with real a, b ≠ 0: ±(√((m + a)/2) + I·sign(b)·√((m − a)/2)), m = √(a² + b²). */
function sqrtsOfComplex(a: Expr, b: Expr): Expr[] {
  const m = sqrt(expand(add(pow(a, 2), pow(b, 2))));
  const s = evalNumber(b, new Map()) < 0 ? -1 : 1;
  const w = add(sqrt(expand(mul(HALF, add(m, a)))), mul(s, I, sqrt(expand(mul(HALF, sub(m, a))))));
  return [w, mul(-1, w)];
}

/** The n roots of wⁿ = y for an exact y: real y and square roots exactly, others null. */
function exactRootsOf(y: Expr, n: number): Expr[] | null {
  if (y === ZERO) return [ZERO];
  const parts = reIm(y);
  if (!parts) return null;
  if (parts[1] === ZERO) return nthRootsOfReal(y, n);
  if (n === 2) return sqrtsOfComplex(parts[0], parts[1]);
  return null;
}

/** The n roots of wⁿ = z for a double z, as floats. */
function numericRootsOf(z: ComplexValue, n: number): Expr[] {
  const r = Math.pow(Math.hypot(z.re, z.im), 1 / n);
  const t = Math.atan2(z.im, z.re);
  const out: Expr[] = [];
  for (let k = 0; k < n; k++) {
    const a = (t + 2 * Math.PI * k) / n;
    out.push(floatComplex({ re: r * Math.cos(a), im: r * Math.sin(a) }));
  }
  return out;
}

/** Numeric roots of p: the real ones as the real domain finds them, the others a + b·I. */
function numericPolyRoots(p: Poly): Solution[] {
  const out: Solution[] = polyRealRootsNumeric(p).map((r) => ({ value: float(r), numeric: true }));
  for (const z of polyComplexRoots(p)) {
    if (Math.abs(z.im) <= 1e-7 * (1 + Math.abs(z.re))) continue;
    out.push({ value: floatComplex(polish(p, z)), numeric: true });
  }
  return out;
}

/** A few Newton steps on p at z over ℂ (doubles), kept only while they shrink |p(z)|. */
function polish(p: Poly, z: ComplexValue): ComplexValue {
  const cs = p.map((c) => Qn.toNumber(c));
  const at = (w: ComplexValue): [ComplexValue, ComplexValue] => {
    // Horner for p and p′ together.
    let f = { re: 0, im: 0 }, d = { re: 0, im: 0 };
    for (let i = cs.length - 1; i >= 0; i--) {
      d = { re: d.re * w.re - d.im * w.im + f.re, im: d.re * w.im + d.im * w.re + f.im };
      f = { re: f.re * w.re - f.im * w.im + cs[i]!, im: f.re * w.im + f.im * w.re };
    }
    return [f, d];
  };
  let best = z;
  let [fb] = at(z);
  for (let k = 0; k < 4; k++) {
    const [f, d] = at(best);
    const dd = d.re * d.re + d.im * d.im;
    if (dd === 0) break;
    const next = { re: best.re - (f.re * d.re + f.im * d.im) / dd, im: best.im - (f.im * d.re - f.re * d.im) / dd };
    const [fn2] = at(next);
    if (!(Math.hypot(fn2.re, fn2.im) < Math.hypot(fb.re, fb.im))) break;
    best = next;
    fb = fn2;
  }
  return best;
}

/**
 * Every complex root of a polynomial over ℚ (see the module comment); `numeric` false makes a
 * factor without an exact method an Unsolvable.
 * @example polyRootsComplex(QPoly.polyFromInts([1, 0, 1]), true).map((s) => s.value) // → [I, -I] (unsorted)
 */
export function polyRootsComplex(p: Poly, numeric: boolean): Solution[] {
  const exact = (value: Expr): Solution => ({ value, numeric: false });
  if (polyDegree(p) < 1) return [];
  const out: Solution[] = [];
  let lo = 0;
  while (Qn.isZero(p[lo]!)) lo++;
  if (lo > 0) {
    out.push(exact(ZERO));
    p = p.slice(lo);
  }
  const n = polyDegree(p);
  if (n < 1) return out;
  // a·xⁿ + b: the n-th roots of −b/a.
  if (p.slice(1, n).every((c) => Qn.isZero(c))) {
    for (const w of nthRootsOfReal(R(Qn.neg(Qn.div(polyCoeff(p, 0), polyCoeff(p, n)))), n)) out.push(exact(w));
    return out;
  }
  for (const { poly } of polyFactorQ(p).factors) {
    const d = polyDegree(poly);
    if (d === 1) out.push(exact(R(Qn.neg(Qn.div(polyCoeff(poly, 0), polyCoeff(poly, 1))))));
    else if (d === 2) out.push(...quadraticRoots(poly, true));
    else if (d === 3) out.push(...cubicRoots(poly, true));
    else out.push(...strideRoots(poly, numeric));
  }
  return out;
}

/** Roots of an irreducible factor of degree ≥ 4: through q(y), y = xᵏ, when possible, else numeric. */
function strideRoots(poly: Poly, numeric: boolean): Solution[] {
  const k = powerStride(poly);
  if (k > 1) {
    const q: Qn.Rational[] = [];
    for (let i = 0; i < poly.length; i += k) q.push(poly[i]!);
    const out: Solution[] = [];
    let exact = true;
    for (const y of polyRootsComplex(q, numeric)) {
      const ws = y.numeric ? null : exactRootsOf(y.value, k);
      if (ws) out.push(...ws.map((value) => ({ value, numeric: false })));
      else exact = false;
    }
    if (exact) return out;
  }
  const viaFerrari = polyDegree(poly) === 4 ? ferrari(poly) : null;
  if (viaFerrari) return viaFerrari.map((value) => ({ value, numeric: false }));
  if (!numeric) throw new Unsolvable();
  return numericPolyRoots(poly);
}

/** √d for a real constant d: I·√(−d) when d < 0, so the root reads a + b·I. */
function signedSqrt(d: Expr): Expr {
  return evalNumber(d, new Map()) < 0 ? mul(I, sqrt(mul(-1, d))) : sqrt(d);
}

/**
 * Ferrari: the roots of a quartic over ℚ whose resolvent cubic has a rational root m. With
 * x = y − b/(4a), y⁴ + p·y² + q·y + r = (y² + m)² − (s·y − q/(2s))², s = √(2m − p) > 0, where
 * 8m³ − 4p·m² − 8r·m + 4pr − q² = 0; so y = (σ·s ± √(−2m − p − σ·2q/s))/2 for σ = ±1.
 * Null when no rational m gives 2m − p > 0, or q = 0 (a biquadratic, solved in y²).
 */
function ferrari(poly: Poly): Expr[] | null {
  const a = polyCoeff(poly, 4);
  const shift = Qn.div(polyCoeff(poly, 3), Qn.mul(a, Qn.rational(-4n)));
  // The monic quartic at x = y + shift: no y³ term left.
  const dep = polyShift(poly.map((k) => Qn.div(k, a)), shift);
  const [r, q, p] = [polyCoeff(dep, 0), polyCoeff(dep, 1), polyCoeff(dep, 2)];
  if (Qn.isZero(q)) return null;
  const Q = Qn.rational;
  const resolvent = polyNormalize([Qn.sub(Qn.mul(Q(4n), Qn.mul(p, r)), Qn.mul(q, q)), Qn.mul(Q(-8n), r), Qn.mul(Q(-4n), p), Q(8n)]);
  const m = polyRationalRoots(resolvent).find((k) => Qn.sign(Qn.sub(Qn.mul(Q(2n), k), p)) > 0);
  if (!m) return null;
  const s = sqrtRational(Qn.sub(Qn.mul(Q(2n), m), p));
  const out: Expr[] = [];
  for (const sigma of [-1, 1]) {
    const disc = add(R(Qn.neg(Qn.add(Qn.mul(Q(2n), m), p))), mul(-2 * sigma, R(q), pow(s, -1)));
    const w = signedSqrt(disc);
    for (const tau of [-1, 1]) out.push(add(R(shift), mul(HALF, add(mul(sigma, s), mul(tau, w)))));
  }
  return out;
}

/** The principal logarithm of a constant r ≠ 0: log|r| + I·arg r, exact when r = a + b·I splits. */
function principalLog(r: Expr): Expr | null {
  const parts = reIm(r);
  if (!parts) return null;
  const [a, b] = parts;
  if (b === ZERO) {
    const v = evalNumber(a, new Map());
    if (!(v !== 0 && Number.isFinite(v))) return null;
    return v > 0 ? fn('log', a) : add(fn('log', mul(-1, a)), mul(I, PI));
  }
  return add(fn('log', sqrt(expand(add(pow(a, 2), pow(b, 2))))), mul(I, fn('atan2', b, a)));
}

/** Functions whose equation f(u) = r with a real r in their range has only real solutions u. */
const REAL_BRANCHES = new Set(['sin', 'cos', 'tan', 'asin', 'acos', 'atan']);

/** Candidate roots of f = 0 over ℂ (unchecked); Unsolvable when no method applies. */
export function solveZeroComplex(f: Expr, x: SymbolNode, numeric: boolean, depth = 0): Solution[] {
  if (free(f, x)) return [];
  if (depth > 12) throw new Unsolvable();
  const rf = exprToRatFun(f, x);
  if (rf) return polyRootsComplex(rf[0], numeric);
  if (f.kind === 'Mul') {
    const out: Solution[] = [];
    for (let i = 0; i < f.bases.length; i++) {
      const k = f.exps[i]!;
      if (isNum(k) && evalNumber(k, new Map()) > 0) out.push(...solveZeroComplex(f.bases[i]!, x, numeric, depth + 1));
    }
    if (out.length || f.bases.some((b) => !free(b, x))) return out;
  }
  if (f.kind === 'Pow' && isNum(f.exp) && evalNumber(f.exp, new Map()) > 0) return solveZeroComplex(f.base, x, numeric, depth + 1);
  return isolate(f, ZERO, x, numeric, depth);
}

/** Solve lhs(x) = rhs (rhs free of x) over ℂ by peeling lhs. */
function isolate(lhs: Expr, rhs: Expr, x: SymbolNode, numeric: boolean, depth: number): Solution[] {
  if (depth > 12) throw new Unsolvable();
  if (lhs === x) return [{ value: rhs, numeric: false }];
  const again = (l: Expr, r: Expr) => isolate(l, r, x, numeric, depth + 1);
  const rf = exprToRatFun(sub(lhs, rhs), x);
  if (rf) return polyRootsComplex(rf[0], numeric);
  switch (lhs.kind) {
    case 'Add': {
      const dep = addTerms(lhs).filter((t) => !free(t, x));
      if (dep.length !== 1) break;
      return again(dep[0]!, add(rhs, mul(-1, sub(lhs, dep[0]!))));
    }
    case 'Mul': {
      const dep: Expr[] = [];
      const cs: Expr[] = [lhs.coeff];
      for (let i = 0; i < lhs.bases.length; i++) {
        const t = pow(lhs.bases[i]!, lhs.exps[i]!);
        (free(t, x) ? cs : dep).push(t);
      }
      if (dep.length === 1) return again(dep[0]!, mul(rhs, pow(mul(...cs), -1)));
      if (rhs === ZERO) return solveZeroComplex(lhs, x, numeric, depth + 1);
      break;
    }
    case 'Pow': {
      const { base, exp } = lhs;
      if (free(base, x)) {
        // bᵘ = r → u = Log r / log b (e^u = 0 has no root).
        if (rhs === ZERO) return [];
        const l = principalLog(rhs);
        if (!l) break;
        return again(exp, base === E ? l : mul(l, pow(fn('log', base), -1)));
      }
      if (exp.kind === 'Integer' && free(exp, x)) {
        const k = Number(exp.value.num);
        if (k < 0) return rhs === ZERO ? [] : again(pow(base, -k), pow(rhs, -1));
        const ws = k <= 64 ? exactRootsOf(rhs, k) : null;
        if (!ws) break;
        return ws.flatMap((w) => again(base, w));
      }
      break;
    }
    case 'Function': {
      if (lhs.args.length !== 1) break;
      const u = lhs.args[0]!;
      const parts = reIm(rhs);
      const real = parts !== null && parts[1] === ZERO;
      const rv = real ? evalNumber(rhs, new Map()) : NaN;
      // log u = r → u = eʳ (the principal logarithm's range holds every real r).
      if (lhs.name === 'log' && real) return again(u, pow(E, rhs));
      const inv = FUNCTIONS[lhs.name]?.inverse;
      if (inv && REAL_BRANCHES.has(lhs.name) && Number.isFinite(rv)) {
        const vs = inv(rhs, rv, false);
        // Out of range (sin u = 2) the solutions are complex: not found here, so not "none".
        if (vs.length) return vs.flatMap((v) => again(u, v));
      }
      break;
    }
    default:
  }
  throw new Unsolvable();
}

/** |f(r)| small against the size of f's terms at r (f's value a complex double). */
export function satisfiesComplex(f: Expr, x: SymbolNode, r: Expr, numeric: boolean): boolean {
  let size = 0;
  let value: ComplexValue;
  try {
    value = evaluateComplex(substitute(f, x, r));
    for (const t of addTerms(f)) {
      const z = evaluateComplex(substitute(t, x, r));
      size += Math.hypot(z.re, z.im);
    }
  } catch {
    return false; // undefined at r (a pole, or a function without a complex value here)
  }
  const m = Math.hypot(value.re, value.im);
  if (!Number.isFinite(m) || !Number.isFinite(size)) return false;
  return m <= (numeric ? 1e-6 : 1e-9) * Math.max(1, size);
}

/**
 * The checked, distinct, sorted roots over ℂ of candidates for f = 0.
 */
export function finishComplex(f: Expr, x: SymbolNode, cands: Solution[]): Solution[] {
  const out: Array<Solution & { z: ComplexValue }> = [];
  for (const s of cands) {
    const value = tidy(s.value);
    let z: ComplexValue;
    try {
      z = evaluateComplex(value);
    } catch {
      continue;
    }
    if (!Number.isFinite(z.re) || !Number.isFinite(z.im)) continue;
    if (!satisfiesComplex(f, x, value, s.numeric)) continue;
    if (out.some((o) => Math.hypot(o.z.re - z.re, o.z.im - z.im) <= 1e-10 * Math.max(1, Math.hypot(z.re, z.im)))) continue;
    out.push({ value, numeric: s.numeric, z });
  }
  const tie = (a: number, b: number) => (Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b)) ? 0 : a - b);
  out.sort((a, b) => {
    const ra = a.z.im === 0 ? 0 : 1, rb = b.z.im === 0 ? 0 : 1;
    return ra - rb || tie(a.z.re, b.z.re) || a.z.im - b.z.im;
  });
  return out.map(({ value, numeric }) => ({ value, numeric }));
}
