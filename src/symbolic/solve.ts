/**
 * `solve`: real solutions of one equation in one unknown.
 *
 * - Rational functions: the numerator is factored over ℚ; linear factors give rational roots,
 *   quadratics the quadratic formula, irreducible cubics Cardano's formula (one real root) or the
 *   trigonometric form (three real roots), polynomials in xᵏ (biquadratics) are solved in y = xᵏ;
 *   anything else gets numeric real roots, flagged `numeric`.
 * - Transcendental equations are solved by isolating the unknown: eᵘ = r → u = log r,
 *   log u = r → u = eʳ, uⁿ = r, sin u = r → u = asin r, π − asin r (principal solutions, like
 *   SymPy), cos u = r → acos r, 2π − acos r, tan u = r → atan r, and inverse functions.
 * - Products are zero when a factor is: each factor is solved and solutions where another factor
 *   is undefined are dropped.
 *
 * Every exact solution is checked numerically against the equation.
 *
 * @example
 * solve('x^3 - 2*x^2 + 1 = 0', 'x') // [1/2 - sqrt(5)/2, 1, 1/2 + sqrt(5)/2]
 * solve('exp(x) = 2', 'x')          // [log(2)]
 */
import * as Qn from '../core/rational.js';
import { ArgumentError, LimitError } from '../core/errors.js';
import { add, mul, pow, sqrt, sub } from './arith.js';
import {
  E, PI, ZERO, float, isNum, numFromRational, symbol, type Expr, type SymbolNode,
} from './expr.js';
import { fn } from './functions.js';
import { parse } from './parse.js';
import { tidy } from './simplify.js';
import { evalNumber, free, sqrtRational } from './integrate-util.js';
import { exprToRatFun } from './poly/convert.js';
import { polyFactorQ } from './poly/factor.js';
import { polyRealRootsNumeric } from './poly/roots.js';
import { polyDegree, polyCoeff, type Poly } from './poly/poly.js';

/** One real solution; `numeric` when it is a floating-point approximation. */
export interface Solution {
  value: Expr;
  numeric: boolean;
}

/** Options for `solve`. */
export interface SolveOptions {
  /** Allow floating-point roots when no exact method applies (flagged). Default true. */
  numeric?: boolean;
}

/**
 * The real solutions of `equation` (an expression = 0, or text `lhs = rhs`) for x, sorted by
 * value. Exact where possible; floating-point roots only for polynomials no formula handles.
 *
 * @example
 * solve(parse('x^2 - 2'), symbol('x')) // [-sqrt(2), sqrt(2)]
 */
export function solve(equation: Expr | string, x: SymbolNode | string, options: SolveOptions = {}): Expr[] {
  return solveDetailed(equation, x, options).map((s) => s.value);
}

/** Parse `lhs = rhs` (or an expression meaning = 0) into lhs − rhs. */
export function equationToExpr(equation: Expr | string): Expr {
  if (typeof equation !== 'string') return equation;
  const parts = equation.split(/(?<![<>!=])=(?!=)/);
  if (parts.length > 2) throw new ArgumentError(`an equation has one '=': '${equation}'`);
  if (parts.length === 2) return sub(parse(parts[0]!.replace(/==$/, '')), parse(parts[1]!));
  return parse(equation);
}

/** Thrown inside when no exact method decides the equation (as opposed to: no solutions). */
class Unsolvable extends Error {}

/**
 * Real roots of f by scanning [−20, 20] for sign changes and bisecting (flagged numeric).
 * Throws LimitError when none is found: "no solution" cannot be claimed from a scan.
 */
function numericScan(f: Expr, x: SymbolNode): Solution[] {
  const env = new Map<Expr, number>();
  const at = (t: number) => {
    env.set(x, t);
    return evalNumber(f, env);
  };
  const out: Solution[] = [];
  const N = 4000, lo = -20, hi = 20;
  let pt = lo, pv = at(lo);
  for (let i = 1; i <= N; i++) {
    const t = lo + ((hi - lo) * i) / N;
    const v = at(t);
    if (v === 0) out.push({ value: float(t), numeric: true });
    else if (Number.isFinite(v) && Number.isFinite(pv) && pv !== 0 && Math.sign(v) !== Math.sign(pv)) {
      let a = pt, b = t, fa = pv;
      for (let k = 0; k < 200 && b - a > 0; k++) {
        const m = (a + b) / 2;
        if (m === a || m === b) break;
        const fm = at(m);
        if (Math.sign(fm) === Math.sign(fa)) [a, fa] = [m, fm];
        else b = m;
      }
      const r = (a + b) / 2;
      // A sign change across a pole is not a root.
      if (Math.abs(at(r)) < 1e-8 * Math.max(1, Math.abs(pv), Math.abs(v))) out.push({ value: float(r), numeric: true });
    }
    pt = t;
    pv = v;
  }
  if (!out.length) throw new LimitError('no exact method applies and no real root was found numerically in [-20, 20]');
  return out;
}

/** `solve` with each solution flagged exact or numeric. */
export function solveDetailed(equation: Expr | string, xIn: SymbolNode | string, options: SolveOptions = {}): Solution[] {
  const x = typeof xIn === 'string' ? symbol(xIn) : xIn;
  const f = equationToExpr(equation);
  let sols: Solution[];
  try {
    sols = solveZero(f, x, options.numeric ?? true, 0);
  } catch (err) {
    if (!(err instanceof Unsolvable)) throw err;
    if (options.numeric === false) throw new LimitError('no exact method solves this equation (try numeric: true)');
    sols = numericScan(f, x);
  }
  // Check, dedupe, sort.
  const out: Array<Solution & { v: number }> = [];
  for (const s of sols) {
    const v = evalNumber(s.value, new Map());
    if (!Number.isFinite(v)) continue;
    if (!satisfies(f, x, v, s.numeric)) continue;
    if (out.some((o) => Math.abs(o.v - v) <= 1e-12 * Math.max(1, Math.abs(v)))) continue;
    out.push({ ...s, value: tidy(s.value), v });
  }
  out.sort((a, b) => a.v - b.v);
  return out.map(({ value, numeric }) => ({ value, numeric }));
}

/** f(v) ≈ 0, judged against the size of f's terms near v. */
function satisfies(f: Expr, x: SymbolNode, v: number, numeric: boolean): boolean {
  const fv = evalNumber(f, new Map([[x, v]]));
  if (Number.isNaN(fv)) return false;
  if (!Number.isFinite(fv)) return false;
  // Scale: |f| just around v (for steep f a tiny error in v is a large error in f).
  const h = 1e-7 * Math.max(1, Math.abs(v));
  const slope = Math.abs(evalNumber(f, new Map([[x, v + h]])) - evalNumber(f, new Map([[x, v - h]]))) / (2 * h);
  const tol = (numeric ? 1e-6 : 1e-9) * Math.max(1, Number.isFinite(slope) ? slope * Math.max(1, Math.abs(v)) : 1);
  return Math.abs(fv) <= tol;
}

function solveZero(f: Expr, x: SymbolNode, numeric: boolean, depth: number): Solution[] {
  if (free(f, x)) return [];
  if (depth > 8) throw new Unsolvable();
  const rf = exprToRatFun(f, x);
  if (rf) return polyRoots(rf[0], x, numeric);
  // Product: some factor is zero.
  if (f.kind === 'Mul') {
    const out: Solution[] = [];
    for (let i = 0; i < f.bases.length; i++) {
      const k = f.exps[i]!;
      if (!(isNum(k) && evalNumber(k, new Map()) > 0)) continue;
      for (const s of solveZero(f.bases[i]!, x, numeric, depth + 1)) out.push(s);
    }
    return out;
  }
  if (f.kind === 'Pow' && isNum(f.exp) && evalNumber(f.exp, new Map()) > 0) return solveZero(f.base, x, numeric, depth + 1);
  return isolate(f, ZERO, x, numeric, depth);
}

/** Solve lhs(x) = rhs (rhs free of x) by peeling lhs. */
function isolate(lhs: Expr, rhs: Expr, x: SymbolNode, numeric: boolean, depth: number): Solution[] {
  if (depth > 12) throw new Unsolvable();
  if (lhs === x) return [{ value: rhs, numeric: false }];
  const rf = exprToRatFun(sub(lhs, rhs), x);
  if (rf) return polyRoots(rf[0], x, numeric);
  const again = (l: Expr, r: Expr) => isolate(l, r, x, numeric, depth + 1);
  const rv = evalNumber(rhs, new Map());
  switch (lhs.kind) {
    case 'Add': {
      const dep: Expr[] = [];
      const rest: Expr[] = [rhs];
      const terms = lhs.terms.map((t, i) => mul(lhs.coeffs[i]!, t));
      rest.push(mul(-1, lhs.coeff));
      for (const t of terms) (free(t, x) ? rest.push(mul(-1, t)) : dep.push(t));
      if (dep.length === 1) return again(dep[0]!, add(...rest));
      throw new Unsolvable();
    }
    case 'Mul': {
      const cs: Expr[] = [];
      const dep: Expr[] = [];
      cs.push(lhs.coeff);
      for (let i = 0; i < lhs.bases.length; i++) {
        const t = pow(lhs.bases[i]!, lhs.exps[i]!);
        (free(t, x) ? cs : dep).push(t);
      }
      if (dep.length === 1) return again(dep[0]!, mul(rhs, pow(mul(...cs), -1)));
      if (rhs === ZERO) return solveZero(lhs, x, numeric, depth + 1);
      throw new Unsolvable();
    }
    case 'Pow': {
      const { base, exp } = lhs;
      if (base === E || (free(base, x) && !free(exp, x))) {
        // bᵘ = r → u = log r / log b (r > 0)
        if (!(rv > 0)) return [];
        const u = base === E ? fn('log', rhs) : mul(fn('log', rhs), pow(fn('log', base), -1));
        return again(exp, u);
      }
      if (free(exp, x) && isNum(exp)) {
        const n = evalNumber(exp, new Map());
        if (exp.kind === 'Integer') {
          const k = Number(exp.value.num);
          if (k < 0) return rv === 0 ? [] : again(pow(base, -k), pow(rhs, -1));
          if (k % 2 === 0) {
            if (rv < 0) return [];
            const r = pow(rhs, pow(k, -1));
            return rv === 0 ? again(base, ZERO) : [...again(base, r), ...again(base, mul(-1, r))];
          }
          // odd k: real root with sign
          const r = rv >= 0 ? pow(rhs, pow(k, -1)) : mul(-1, pow(mul(-1, rhs), pow(k, -1)));
          return again(base, r);
        }
        // u^(p/q) = r: for even q need r ≥ 0; then u = r^(q/p)
        if (exp.kind === 'Rational' && exp.value.den % 2n === 0n && rv < 0) return [];
        if (n === 0) return [];
        return again(base, pow(rhs, pow(exp, -1)));
      }
      throw new Unsolvable();
    }
    case 'Function': {
      if (lhs.args.length !== 1) throw new Unsolvable();
      const u = lhs.args[0]!;
      switch (lhs.name) {
        case 'log':
          return again(u, pow(E, rhs));
        case 'sin':
          if (Math.abs(rv) > 1) return [];
          return [...again(u, fn('asin', rhs)), ...again(u, sub(PI, fn('asin', rhs)))];
        case 'cos':
          if (Math.abs(rv) > 1) return [];
          return [...again(u, fn('acos', rhs)), ...again(u, sub(mul(2, PI), fn('acos', rhs)))];
        case 'tan':
          return again(u, fn('atan', rhs));
        case 'sinh':
          return again(u, fn('asinh', rhs));
        case 'cosh':
          if (rv < 1) return [];
          return [...again(u, fn('acosh', rhs)), ...again(u, mul(-1, fn('acosh', rhs)))];
        case 'tanh':
          return Math.abs(rv) < 1 ? again(u, fn('atanh', rhs)) : [];
        case 'asin':
          return Math.abs(rv) <= Math.PI / 2 ? again(u, fn('sin', rhs)) : [];
        case 'acos':
          return rv >= 0 && rv <= Math.PI ? again(u, fn('cos', rhs)) : [];
        case 'atan':
          return Math.abs(rv) < Math.PI / 2 ? again(u, fn('tan', rhs)) : [];
        case 'asinh':
          return again(u, fn('sinh', rhs));
        case 'atanh':
          return again(u, fn('tanh', rhs));
        case 'abs':
          return rv < 0 ? [] : [...again(u, rhs), ...again(u, mul(-1, rhs))];
        default:
          throw new Unsolvable();
      }
    }
    default:
      throw new Unsolvable();
  }
}

const R = numFromRational;

/** Real roots of a polynomial over ℚ, exact where a formula applies. */
function polyRoots(p: Poly, x: SymbolNode, numeric = true): Solution[] {
  const out: Solution[] = [];
  if (polyDegree(p) < 1) return out;
  for (const { poly } of polyFactorQ(p).factors) {
    const d = polyDegree(poly);
    if (d === 1) out.push({ value: R(Qn.neg(Qn.div(polyCoeff(poly, 0), polyCoeff(poly, 1)))), numeric: false });
    else if (d === 2) out.push(...quadraticRoots(poly));
    else if (d === 3) out.push(...cubicRoots(poly));
    else {
      const k = powerStride(poly);
      if (k > 1) {
        // p(x) = q(xᵏ): solve q(y) = 0, then xᵏ = y.
        const q: Qn.Rational[] = [];
        for (let i = 0; i < poly.length; i += k) q.push(poly[i]!);
        const y = symbol('_y_solve');
        for (const s of polyRoots(q, y, numeric)) {
          const v = evalNumber(s.value, new Map());
          if (k % 2 === 0) {
            if (v > 0) {
              const r = pow(s.value, pow(k, -1));
              out.push({ value: r, numeric: s.numeric }, { value: mul(-1, r), numeric: s.numeric });
            } else if (v === 0) out.push({ value: ZERO, numeric: s.numeric });
          } else {
            const r = v >= 0 ? pow(s.value, pow(k, -1)) : mul(-1, pow(mul(-1, s.value), pow(k, -1)));
            out.push({ value: r, numeric: s.numeric });
          }
        }
      } else if (numeric) {
        for (const r of polyRealRootsNumeric(poly)) out.push({ value: float(r), numeric: true });
      } else throw new Unsolvable();
    }
  }
  void x;
  return out;
}

/** The largest k with p(x) = q(xᵏ). */
function powerStride(p: Poly): number {
  let g = 0;
  for (let i = 1; i < p.length; i++) if (!Qn.isZero(p[i]!)) g = gcdInt(g, i);
  return g || 1;
}
const gcdInt = (a: number, b: number): number => (b ? gcdInt(b, a % b) : a);

/** (−b ± √(b² − 4ac))/(2a) for the real case. */
function quadraticRoots(p: Poly): Solution[] {
  const [c, b, a] = [polyCoeff(p, 0), polyCoeff(p, 1), polyCoeff(p, 2)];
  const disc = Qn.sub(Qn.mul(b, b), Qn.mul(Qn.rational(4n), Qn.mul(a, c)));
  if (Qn.sign(disc) < 0) return [];
  const m = R(Qn.div(Qn.neg(b), Qn.mul(Qn.rational(2n), a)));
  const s = mul(sqrtRational(disc), R(Qn.inv(Qn.mul(Qn.rational(2n), a))));
  return [
    { value: sub(m, s), numeric: false },
    { value: add(m, s), numeric: false },
  ];
}

/**
 * Real roots of an irreducible cubic a x³ + b x² + c x + d. With x = t − b/(3a):
 * t³ + p t + q = 0. Δ = −(4p³ + 27q²). Δ < 0: one real root by Cardano,
 * t = ∛(−q/2 + √(q²/4 + p³/27)) + ∛(−q/2 − √(q²/4 + p³/27)); Δ > 0: three real roots
 * t_k = 2√(−p/3)·cos(⅓·acos((3q/2p)·√(−3/p)) − 2πk/3).
 */
function cubicRoots(poly: Poly): Solution[] {
  const a = polyCoeff(poly, 3), b = polyCoeff(poly, 2), c = polyCoeff(poly, 1), d = polyCoeff(poly, 0);
  const Q3 = Qn.rational(3n);
  const bb = Qn.div(b, a), cc = Qn.div(c, a), dd = Qn.div(d, a);
  const p = Qn.sub(cc, Qn.div(Qn.mul(bb, bb), Q3));
  const q = Qn.add(Qn.sub(Qn.div(Qn.mul(Qn.rational(2n), Qn.powInt(bb, 3n)), Qn.rational(27n)), Qn.div(Qn.mul(bb, cc), Q3)), dd);
  const shift = R(Qn.neg(Qn.div(bb, Q3)));
  const disc = Qn.add(Qn.div(Qn.mul(q, q), Qn.rational(4n)), Qn.div(Qn.powInt(p, 3n), Qn.rational(27n))); // q²/4 + p³/27
  if (Qn.sign(disc) >= 0) {
    const sd = sqrtRational(disc);
    const mq = R(Qn.neg(Qn.div(q, Qn.rational(2n))));
    const t = add(realCbrt(add(mq, sd)), realCbrt(sub(mq, sd)));
    return [{ value: add(t, shift), numeric: false }];
  }
  const mp3 = R(Qn.neg(Qn.div(p, Q3))); // −p/3 > 0
  const r = mul(2, sqrtRational(Qn.neg(Qn.div(p, Q3))));
  // cos(3θ) = (3q/(2p))·√(−3/p)
  const arg = mul(R(Qn.div(Qn.mul(Q3, q), Qn.mul(Qn.rational(2n), p))), sqrtRational(Qn.div(Qn.rational(-3n), p)));
  const th = mul(pow(3, -1), fn('acos', arg));
  const out: Solution[] = [];
  for (let k = 0; k < 3; k++) {
    out.push({ value: add(shift, mul(r, fn('cos', sub(th, mul(R(Qn.rational(BigInt(2 * k), 3n)), PI))))), numeric: false });
  }
  return out;
}

/** The real cube root of a (possibly negative) real expression. */
function realCbrt(e: Expr): Expr {
  const v = evalNumber(e, new Map());
  return v >= 0 ? pow(e, pow(3, -1)) : mul(-1, pow(mul(-1, e), pow(3, -1)));
}

