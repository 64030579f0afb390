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
 * Every exact solution is checked numerically against the equation. With parameters (other
 * symbols) see solve-parametric.ts: linear and quadratic formulas, then isolation.
 *
 * @example
 * solve('x^3 - 2*x^2 + 1 = 0', 'x') // → [1/2 - sqrt(5)/2, 1, 1/2 + sqrt(5)/2]
 * solve('exp(x) = 2', 'x')          // → [log(2)]
 */
import { DomainError, LimitError, UndecidedError } from '../../../core/errors.js';
import { add, addTerms, mul, pow, sub } from '../../expr/arith.js';
import {
  E, ONE, ZERO, children, float, isNum, rat, symbol, type Expr, type SymbolNode,
} from '../../expr/expr.js';
import { FUNCTIONS, fn } from '../../functions/index.js';
import { tidy } from '../../algebra/simplify.js';
import { expandProducts } from '../../algebra/rewrite.js';
import { MAX_RULE_DEPTH, evalNumber, exprDepth, free, substitute } from '../../algebra/util.js';
import { exprToRatFun } from '../../poly/convert.js';
import { Unsolvable, polyRoots, type Solution } from './poly.js';
import { solveParametric } from './parametric.js';
import { freeSymbols } from '../../walk/traverse.js';
import { toString } from '../../print/text.js';
import { knownSign } from '../../expr/assumptions.js';
import { hasI, reIm } from '../../functions/complex.js';
import { finishComplex, solveZeroComplex } from './complex.js';
import { expand } from '../../algebra/expand.js';
import { linearIn } from '../diff/polynomial-in.js';
import { lambertWNum } from '../../functions/lambert-numeric.js';

export type { Solution } from './poly.js';

/** Options for `solve`. */
export interface SolveOptions {
  /** Allow floating-point roots when no exact method applies (flagged). Default true. */
  numeric?: boolean;
  /**
   * `'real'` (the default): real solutions. `'complex'`: every root over ℂ, with the imaginary
   * unit I (see solve/complex.ts): `solve('x^2 + 1', 'x', { domain: 'complex' })` is [-I, I].
   */
  domain?: 'real' | 'complex';
}

/**
 * The real solutions of `equation` (an expression = 0, or text `lhs = rhs`) for x, sorted by
 * value. Exact where possible; floating-point roots only for polynomials no formula handles.
 *
 * @example
 * solve(parse('x^2 - 2'), symbol('x')) // → [-sqrt(2), sqrt(2)]
 */
export function solve(equation: Expr, x: SymbolNode, options: SolveOptions = {}): Expr[] {
  return solveDetailed(equation, x, options).map((s) => s.value);
}

/**
/**
 * The equation holds for every value of the unknown (`x = x`, `2*(x + 1) = 2*x + 2`): there is no
 * list of solutions to return. `variable` is the unknown (null when none was named).
 * @example solve('x = x', 'x') // → throws IdentityError
 */
export class IdentityError extends DomainError {
  override readonly code = 'IDENTITY' as 'DOMAIN_ERROR';
  constructor(
    readonly variable: SymbolNode | null,
    equation: string,
  ) {
    super(`every real ${variable ? variable.name : 'value'} is a solution: '${equation}' holds identically`);
  }
}

const short = (f: Expr): string => {
  const t = toString(f);
  return t.length > 120 ? `${t.slice(0, 120)}…` : t;
};

/**
 * Real roots of f by scanning [−20, 20] for sign changes and bisecting (flagged numeric).
 * Throws UndecidedError (a LimitError) when none is found: "no solution" cannot be claimed from a scan.
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
    if (v === 0) out.push(snapExact(f, x, t));
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
      if (Math.abs(at(r)) < 1e-8 * Math.max(1, Math.abs(pv), Math.abs(v))) out.push(snapExact(f, x, r));
    }
    pt = t;
    pv = v;
  }
  if (!out.length) {
    throw new UndecidedError(
      `solve: undecided: no exact method applies to ${short(f)} = 0 and a numeric scan of [-20, 20] found no real root; there may be none, or only roots outside that range ([] is returned only when "no solution" is proven). For a root in a bracket [a, b] where the sign changes, use brentq from nabla/numeric`,
    );
  }
  return out;
}

/**
 * A numeric root r that lies within 1e-9 of a rational p/q (q ≤ 12) where f simplifies to exactly
 * 0 is that rational, exactly (2^(2x) − 3·2^x + 2 = 0 at x = 1, √(x − 3) + √x = 3 at x = 4);
 * otherwise the float, flagged numeric. The check is symbolic, so no root is guessed.
 */
function snapExact(f: Expr, x: SymbolNode, r: number): Solution {
  for (let q = 1; q <= 12; q++) {
    const p = Math.round(r * q);
    if (Math.abs(p / q - r) > 1e-9 * Math.max(1, Math.abs(r))) continue;
    const c = rat(p, q);
    if (tidy(substitute(f, x, c)) === ZERO) return { value: c, numeric: false };
    break;
  }
  return { value: float(r), numeric: true };
}

/**
 * `solve` with each solution flagged exact or numeric.
 * @example solveDetailed('x^5 - x - 1', 'x')[0].value // → ≈ 1.1673040 (numeric: true)
 */
export function solveDetailed(f: Expr, x: SymbolNode, options: SolveOptions = {}): Solution[] {
  // f as p/q over ℚ when it is a rational function of x (solveZero starts from it too).
  const deep = exprDepth(f, MAX_RULE_DEPTH) > MAX_RULE_DEPTH;
  const rf = deep ? null : exprToRatFun(f, x);
  // 0 = 0 holds for every x: no list of solutions can say that, so say it in words. (A rational
  // function with a nonzero numerator is not 0: only other equations need tidy to tell.)
  if (!(rf && rf[0].length > 0) && tidy(f) === ZERO) throw new IdentityError(x, '0 = 0');
  if (deep) throw new LimitError(`solve: the equation is nested deeper than ${MAX_RULE_DEPTH} levels`);
  if (options.domain === 'complex') return solveComplexDetailed(f, x, options.numeric ?? true);
  // With I: a real x solves g + h·I = 0 when g = 0 and h = 0 (symbols are real).
  if (hasI(f)) return solveRealParts(f, x, options);
  // Other symbols are parameters: symbolic formulas, checked at sample parameter values.
  if (freeSymbols(f).some((s) => s !== x)) return admissible(solveParametric(f, x, (g) => solveZero(g, x, false, 0)), x);
  let sols: Solution[];
  try {
    sols = solveZero(f, x, options.numeric ?? true, 0, rf);
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
  return admissible(out.map(({ value, numeric }) => ({ value, numeric })), x);
}

/** Above this degree a polynomial's complex roots are not listed (a LimitError). */
const MAX_COMPLEX_DEGREE = 400;

/** `solveDetailed` over ℂ: candidates from solve/complex.ts, checked, distinct, sorted. */
function solveComplexDetailed(f: Expr, x: SymbolNode, numeric: boolean): Solution[] {
  const rf = exprToRatFun(f, x);
  if (rf && rf[0].length - 1 > MAX_COMPLEX_DEGREE)
    throw new LimitError(`solve: a polynomial of degree ${rf[0].length - 1} has too many complex roots to list (at most ${MAX_COMPLEX_DEGREE})`);
  const exact = (g: Expr) => solveZeroComplex(g, x, numeric);
  try {
    // Parameters: the formulas (x² + a = 0 → ±√(−a)), checked at sample values where they are real.
    if (freeSymbols(f).some((s) => s !== x)) return solveParametric(f, x, exact);
    return finishComplex(f, x, exact(f));
  } catch (err) {
    if (!(err instanceof Unsolvable)) throw err;
    if (!numeric) throw new LimitError('no exact method solves this equation over the complex numbers (try numeric: true)');
    throw new UndecidedError(
      `solve: no method finds the complex roots of ${short(f)} = 0: the complex domain solves polynomial and rational equations and isolates the unknown through exp, log, integer powers and sin/cos/tan of a real value (periodic families give their principal solution)`,
    );
  }
}

/**
 * Real solutions of g + h·I = 0 (g, h real): the roots of g (or of h when g ≡ 0) at which the
 * other part vanishes too, exactly or, for numeric roots, to 1e-9 of its scale.
 */
function solveRealParts(f: Expr, x: SymbolNode, options: SolveOptions): Solution[] {
  const parts = reIm(f) ?? reIm(expand(f));
  if (!parts)
    throw new UndecidedError(`solve: ${short(f)} has the imaginary unit I in a form not split into real and imaginary parts; for complex roots pass { domain: 'complex' }`);
  const [g, h] = parts;
  if (h === ZERO) return solveDetailed(g, x, options);
  if (g === ZERO) return solveDetailed(h, x, options);
  return solveDetailed(g, x, options).filter((s) => {
    if (!s.numeric && tidy(substitute(h, x, s.value)) === ZERO) return true;
    // |h(v)| against the size of h's terms at v.
    const env = new Map<Expr, number>([[x, evalNumber(s.value, new Map())]]);
    const scale = addTerms(h).reduce((m, t) => m + Math.abs(evalNumber(t, env)), 0);
    return Math.abs(evalNumber(h, env)) <= (s.numeric ? 1e-9 : 1e-12) * Math.max(1, scale);
  });
}

/**
 * The solutions the assumptions allow: those of the unknown (x positive keeps x = 2 of x² = 4,
 * x integer drops x = 1/2) and of the parameters (√(−a) is not real for a positive a).
 */
function admissible(sols: Solution[], x: SymbolNode): Solution[] {
  const a = x.assume;
  return sols.filter(({ value }) => {
    if (notReal(value)) return false;
    if (!a) return true;
    const known = knownSign(value);
    const v = freeSymbols(value).length ? NaN : evalNumber(value, new Map());
    const sign = known === 1 || known === -1 || known === 0 ? known : Number.isFinite(v) ? Math.sign(v) : null;
    if (a.positive && (sign === -1 || sign === 0)) return false;
    if (a.negative && (sign === 1 || sign === 0 || known === 'nonneg')) return false;
    if (a.nonnegative && sign === -1) return false;
    if (a.nonzero && sign === 0) return false;
    if (a.integer && Number.isFinite(v) && !Number.isInteger(Math.round(v * 1e9) / 1e9)) return false;
    return true;
  });
}

/** Contains an even root or a logarithm of something the assumptions prove negative. */
function notReal(e: Expr): boolean {
  let bad = false;
  const evenRootOfNegative = (b: Expr, k: Expr) => k.kind === 'Rational' && k.value.den % 2n === 0n && knownSign(b) === -1;
  walkAll(e, (n) => {
    if (n.kind === 'Pow' && evenRootOfNegative(n.base, n.exp)) bad = true;
    if (n.kind === 'Mul' && n.bases.some((b, i) => evenRootOfNegative(b, n.exps[i]!))) bad = true;
    if (n.kind === 'Function' && n.name === 'log' && (knownSign(n.args[0]!) === -1 || knownSign(n.args[0]!) === 0)) bad = true;
  });
  return bad;
}

function walkAll(e: Expr, visit: (n: Expr) => void): void {
  const seen = new Set<Expr>();
  const stack = [e];
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    visit(n);
    stack.push(...children(n));
  }
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

function solveZero(f: Expr, x: SymbolNode, numeric: boolean, depth: number, known?: ReturnType<typeof exprToRatFun>): Solution[] {
  if (free(f, x)) return [];
  if (depth > 8) throw new Unsolvable();
  const rf = known !== undefined ? known : exprToRatFun(f, x);
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
  if (f.kind === 'Add') {
    // A factor common to every term: −x·e^(−x) + e^(−x) = e^(−x)·(1 − x).
    const common = commonFactor(f, x);
    if (common !== null) {
      const rest = expandProducts(mul(f, pow(common, -1)));
      return [...solveZero(common, x, numeric, depth + 1), ...solveZero(rest, x, numeric, depth + 1)];
    }
  }
  const viaRoot = solveRadical(f, x, numeric, depth);
  if (viaRoot) return viaRoot;
  const viaExp = solveInExp(f, x, numeric, depth);
  if (viaExp) return viaExp;
  const viaLog = solveLogSum(f, x, numeric, depth);
  if (viaLog) return viaLog;
  return isolate(f, ZERO, x, numeric, depth);
}

/**
 * Σ cᵢ·log uᵢ + r = 0 (rational cᵢ, r free of x) ⇒ Π uᵢ^cᵢ = e^(−r), a rational equation when
 * the uᵢ are. Its roots where some uᵢ ≤ 0 are not roots of the original; the caller's check
 * drops them (log(x) + log(x − 1) = log 2 → x(x − 1) = 2 → 2, not −1).
 */
function solveLogSum(f: Expr, x: SymbolNode, numeric: boolean, depth: number): Solution[] | null {
  if (f.kind !== 'Add') return null;
  const prod: Expr[] = [];
  const rest: Expr[] = [];
  for (const t of addTerms(f)) {
    if (free(t, x)) {
      rest.push(t);
      continue;
    }
    const [c, u] = t.kind === 'Mul' && t.bases.length === 1 && t.exps[0] === ONE ? [t.coeff, t.bases[0]!] : [ONE, t];
    if (u.kind !== 'Function' || u.name !== 'log' || c.kind === 'Float') return null;
    prod.push(pow(u.args[0]!, c));
  }
  if (prod.length < 2) return null;
  const eq = expandProducts(sub(mul(...prod), pow(E, mul(-1, add(...rest)))));
  const rf = exprToRatFun(tidy(eq), x);
  return rf ? polyRoots(rf[0], x, numeric) : null;
}

/**
 * One square root: c·√u + r = 0 with r free of roots ⇒ c²·u = r². The squared equation may add
 * roots; `solveDetailed` checks every root against the original equation and drops those.
 */
function solveRadical(f: Expr, x: SymbolNode, numeric: boolean, depth: number): Solution[] | null {
  if (f.kind !== 'Add') return null;
  const terms = addTerms(f);
  const isRoot = (t: Expr) => {
    const fs = t.kind === 'Mul' ? t.bases.map((b, i) => [b, t.exps[i]!] as const) : t.kind === 'Pow' ? [[t.base, t.exp] as const] : [];
    return fs.some(([b, k]) => k === rat(1, 2) && !free(b, x));
  };
  const withRoot = terms.filter(isRoot);
  if (withRoot.length !== 1) return null;
  const r = add(...terms.filter((t) => t !== withRoot[0]));
  if (!exprToRatFun(r, x)) return null;
  const squared = expandProducts(sub(pow(withRoot[0]!, 2), pow(r, 2)));
  if (!exprToRatFun(squared, x)) return null;
  return solveZero(squared, x, numeric, depth + 1);
}

/**
 * Equations rational in t = e^(a·x): eˣ − e⁻ˣ = 0 becomes t − 1/t = 0. Solve for t > 0, then
 * x = log(t)/a.
 */
function solveInExp(f: Expr, x: SymbolNode, numeric: boolean, depth: number): Solution[] | null {
  const coeffs: number[] = [];
  const stack: Expr[] = [f];
  const seen = new Set<Expr>();
  let a: Expr | null = null;
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n) || free(n, x)) continue;
    seen.add(n);
    if (n.kind === 'Pow' && n.base === E) {
      const k = mul(n.exp, pow(x, -1));
      if (!isNum(k)) return null;
      const v = evalNumber(k, new Map());
      coeffs.push(Math.abs(v));
      if (a === null || Math.abs(v) < Math.abs(evalNumber(a, new Map()))) a = v < 0 ? mul(-1, k) : k;
      continue;
    }
    if (n.kind === 'Add') stack.push(...n.terms);
    else if (n.kind === 'Mul') n.bases.forEach((b, i) => stack.push(pow(b, n.exps[i]!)));
    else if (n.kind === 'Pow') stack.push(n.base, n.exp);
    else if (n === x || n.kind === 'Function') return null;
  }
  if (a === null || coeffs.length < 2) return null;
  const t = symbol('_t_solve');
  const g = substitute(f, pow(E, mul(a, x)), t);
  if (!free(g, x)) return null;
  const rf = exprToRatFun(g, t);
  if (!rf) return null;
  const out: Solution[] = [];
  for (const s of polyRoots(rf[0], t, numeric)) {
    if (!(evalNumber(s.value, new Map()) > 0)) continue;
    out.push({ value: mul(fn('log', s.value), pow(a, -1)), numeric: s.numeric });
  }
  void depth;
  return out;
}

/** The product of x-dependent factors b^k shared by every term of a sum (same k), or null. */
function commonFactor(f: Extract<Expr, { kind: 'Add' }>, x: SymbolNode): Expr | null {
  if (f.coeff !== ZERO) return null;
  const factorsOf = (t: Expr): Array<[Expr, Expr]> =>
    t.kind === 'Mul' ? t.bases.map((b, i) => [b, t.exps[i]!] as [Expr, Expr]) : t.kind === 'Pow' ? [[t.base, t.exp]] : [[t, ONE]];
  let shared = factorsOf(f.terms[0]!).filter(([b, k]) => !free(b, x) || !free(k, x));
  for (let i = 1; i < f.terms.length && shared.length; i++) {
    const fi = factorsOf(f.terms[i]!);
    shared = shared.flatMap(([b, k]) => {
      const hit = fi.find(([b2]) => b2 === b);
      if (!hit) return [];
      if (hit[1] === k) return [[b, k] as [Expr, Expr]];
      if (isNum(k) && isNum(hit[1])) return [[b, evalNumber(k, new Map()) <= evalNumber(hit[1], new Map()) ? k : hit[1]] as [Expr, Expr]];
      return [];
    });
  }
  shared = shared.filter(([, k]) => !isNum(k) || evalNumber(k, new Map()) > 0);
  if (!shared.length) return null;
  return mul(...shared.map(([b, k]) => pow(b, k)));
}

/** Solve lhs(x) = rhs (rhs free of x) by peeling lhs. */
function isolate(lhs: Expr, rhs: Expr, x: SymbolNode, numeric: boolean, depth: number): Solution[] {
  if (depth > 12) throw new Unsolvable();
  if (lhs === x) return [{ value: rhs, numeric: false }];
  const rf = exprToRatFun(sub(lhs, rhs), x);
  if (rf) return polyRoots(rf[0], x, numeric);
  const again = (l: Expr, r: Expr) => isolate(l, r, x, numeric, depth + 1);
  const rv = evalNumber(rhs, new Map());
  // NaN: the right side has parameters; take the principal branch (solve-parametric.ts checks).
  const unk = Number.isNaN(rv);
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
      if (dep.length === 2) {
        const viaW = lambertW(dep as [Expr, Expr], mul(rhs, pow(mul(...cs), -1)), x);
        if (viaW) return viaW;
      }
      if (rhs === ZERO) return solveZero(lhs, x, numeric, depth + 1);
      throw new Unsolvable();
    }
    case 'Pow': {
      const { base, exp } = lhs;
      if (base === E || (free(base, x) && !free(exp, x))) {
        // bᵘ = r → u = log r / log b (r > 0)
        if (!(rv > 0) && !unk) return [];
        const u = base === E ? fn('log', rhs) : (logRatio(rhs, base) ?? mul(fn('log', rhs), pow(fn('log', base), -1)));
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
          const r = rv >= 0 || unk ? pow(rhs, pow(k, -1)) : mul(-1, pow(mul(-1, rhs), pow(k, -1)));
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
      // The function table knows each function's inverse branches (`inverse`).
      const inv = FUNCTIONS[lhs.name]?.inverse;
      if (!inv) throw new Unsolvable();
      return inv(rhs, rv, unk).flatMap((v) => again(u, v));
    }
    default:
      throw new Unsolvable();
  }
}

/**
 * α·x·e^(b·x + c) = r (SymPy's LambertW solutions): b·x·e^(b·x) = r·b·e^(−c)/α = t, so
 * x = W₀(t)/b, and for −1/e < t < 0 also x = W₋₁(t)/b, given as a float (W₋₁ is not a table
 * function). No real solution for t < −1/e. Null when the factors have another form.
 */
function lambertW([p, q]: [Expr, Expr], r: Expr, x: SymbolNode): Solution[] | null {
  const [xf, ef] = q.kind === 'Pow' && q.base === E ? [p, q] : p.kind === 'Pow' && p.base === E ? [q, p] : [null, null];
  if (!xf || !ef || ef.kind !== 'Pow') return null;
  const lin = linearIn(ef.exp, x), px = linearIn(xf, x);
  if (!lin || !px || px[1] !== ZERO) return null;
  const [b, c] = lin, alpha = px[0];
  const t = mul(r, b, pow(E, mul(-1, c)), pow(alpha, -1));
  const tv = evalNumber(t, new Map());
  if (tv < -1 / Math.E) return [];
  const out: Solution[] = [{ value: mul(fn('LambertW', t), pow(b, -1)), numeric: false }];
  const bv = evalNumber(b, new Map());
  if (tv < 0 && tv > -1 / Math.E && Number.isFinite(bv)) out.push({ value: float(lambertWNum(tv, -1) / bv), numeric: true });
  return out;
}

/**
 * log r / log b exactly when r and b are rational powers of one base c: r = c^m, b = c^n give
 * m/n (9ˣ = 3 → x = log 3/log 9 = 1/2; 8ˣ = 1/4 → −2/3). Null otherwise.
 */
function logRatio(r: Expr, b: Expr): Expr | null {
  const pr = ratPower(r), pb = ratPower(b);
  if (!pr || !pb) return null;
  const [cr, mr] = pr, [cb, mb] = pb;
  if (cr[0] === cb[0] && cr[1] === cb[1]) return rat(mr, mb);
  if (cr[0] === cb[1] && cr[1] === cb[0]) return rat(-mr, mb); // c and 1/c
  return null;
}

/** A positive rational p/q ≠ 1 as c^k with k as large as possible: [[num c, den c], k]. */
function ratPower(e: Expr): [[bigint, bigint], bigint] | null {
  if (e.kind !== 'Integer' && e.kind !== 'Rational') return null;
  const { num, den } = e.value;
  if (num <= 0n || num === den) return null;
  // The largest k with both num and den perfect k-th powers (k ≤ log₂ of the larger).
  const bits = Math.max(num.toString(2).length, den.toString(2).length);
  for (let k = bits; k >= 2; k--) {
    const a = kthRoot(num, k), d = kthRoot(den, k);
    if (a !== null && d !== null) return [[a, d], BigInt(k)];
  }
  return [[num, den], 1n];
}

/** The exact integer k-th root of v ≥ 1, or null when v is not a perfect k-th power. */
function kthRoot(v: bigint, k: number): bigint | null {
  if (v === 1n) return 1n;
  const guess = BigInt(Math.round(Math.pow(Number(v), 1 / k)));
  for (const c of [guess - 1n, guess, guess + 1n]) if (c >= 1n && c ** BigInt(k) === v) return c;
  return null;
}
