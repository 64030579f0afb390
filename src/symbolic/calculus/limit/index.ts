/**
 * Limits of real expressions: `limit(e, x, to, dir)` for finite points (one- or two-sided) and
 * ±oo. The point is moved to a canonical approach (t → 0⁺ for x = x0 ± t, t → +oo for x = ±t),
 * then limits are computed bottom-up on extended reals, resolving indeterminate forms:
 *
 * - 0/0 and ∞/∞ by L'Hôpital (lim f/g = lim f′/g′), or by the leading term of a series at 0⁺;
 * - 0·∞ by writing the product as a quotient (u·v = u/(1/v));
 * - 1^∞, 0⁰, ∞⁰ by bᵉ = exp(e·log b);
 * - ∞ − ∞ by a common denominator (rational) or a series.
 *
 * Bounded oscillating factors (sin, cos at ∞) times something that tends to 0 give 0.
 *
 * @example
 * limit(parse('sin(x)/x'), symbol('x'), 0)   // → 1
 * limit(parse('(1+1/x)^x'), symbol('x'), OO) // → E
 */
import { ArgumentError, DomainError, LimitError, UndecidedError, describeValue } from '../../../core/errors.js';
import { GRUNTZ_STEPS, gruntz } from './gruntz.js';
import { limitByContinuity } from './continuity.js';
import { add, addTerms, mul, pow } from '../../expr/arith.js';
import { expandProducts, rewriteHyperbolic } from '../../algebra/rewrite.js';
import {
  E, NEG_OO, OO, ONE, ZERO, ZOO, NAN, isNum, numFromRational, numValue, symbol, rat, type Expr, type SymbolNode,
} from '../../expr/expr.js';
import { FUNCTIONS, fn, inInterval, isBounded } from '../../functions/index.js';
import { freeSymbols } from '../../walk/traverse.js';
import { constantSign } from './zero-test.js';
import { diff } from '../diff/diff.js';
import { MAX_RULE_DEPTH, evalNumber, exprDepth, free, substitute, walkDependent } from '../../algebra/util.js';
import { signOf } from '../../functions/sign.js';
import { leadingTerm } from '../series/index.js';
import { tidy } from '../../algebra/simplify.js';
import { exprToRatFun, polyToExpr } from '../../poly/convert.js';
import { polyDegree, polyLc, type Poly } from '../../poly/poly.js';
import * as Q from '../../../core/rational.js';

/** Direction: '+' from the right, '-' from the left, '+-' both (must agree). */
export type LimitDir = '+' | '-' | '+-';

/**
 * A limit value on the extended reals; 'bounded' = oscillates within finite bounds, known to lie in
 * [lo, hi] when those are given (cos t + 2 ∈ [1, 3]).
 */
type LV = { k: 'fin'; v: Expr } | { k: 'inf'; s: 1 | -1 } | { k: 'bounded'; lo?: number; hi?: number };
type Mode = 'zero' | 'inf';

const T = symbol('_t_lim');
const S = symbol('_s_lim');
const fin = (v: Expr): LV => ({ k: 'fin', v });
const inf = (s: 1 | -1): LV => ({ k: 'inf', s });

class Undefined extends Error {}

/**
 * lim_{x→to} e. `to` may be a number, an expression (pi, 1/2), OO or NEG_OO. For finite points
 * the default is two-sided; a side where e is undefined (log x for x < 0) is ignored. Throws
 * DomainError when the one-sided limits differ and LimitError when no method decides.
 */
export function limit(e: Expr, x: SymbolNode, p: Expr, dir: LimitDir = '+-'): Expr {
  if (exprDepth(e, MAX_RULE_DEPTH) > MAX_RULE_DEPTH) throw new LimitError(`limit: the expression is nested deeper than ${MAX_RULE_DEPTH} levels`);
  if (dir !== '+' && dir !== '-' && dir !== '+-') throw new ArgumentError(`limit direction must be '+', '-' or '+-', got ${describeValue(dir)}`);
  if (p === OO || p === NEG_OO) {
    const g = substitute(e, x, p === OO ? T : mul(-1, T));
    try {
      return toExpr(limCanon(g, 'inf'));
    } catch (err) {
      if (err instanceof Undefined) throw new DomainError(`the expression is not defined for large ${p === OO ? 'positive' : 'negative'} ${x.name}`);
      throw err;
    }
  }
  if (p === ZOO || p === NAN) throw new ArgumentError('limit point must be a real number or ±oo');
  const side = (s: 1 | -1): LV | null => {
    const g = substitute(e, x, add(p, mul(s, T)));
    try {
      return limCanon(g, 'zero');
    } catch (err) {
      if (err instanceof Undefined) return null;
      throw err;
    }
  };
  if (dir === '+' || dir === '-') {
    const r = side(dir === '+' ? 1 : -1);
    if (!r) throw new DomainError(`the expression is not defined on the ${dir === '+' ? 'right' : 'left'} of the point`);
    return toExpr(r);
  }
  const r = side(1), l = side(-1);
  if (!r && !l) throw new DomainError('the expression is not defined near the point');
  if (!r) return toExpr(l!);
  if (!l) return toExpr(r);
  const a = toExpr(r), b = toExpr(l);
  if (a === b) return a;
  if (isNum(a) && isNum(b) && Math.abs(numValue(a) - numValue(b)) <= 1e-12 * Math.max(1, Math.abs(numValue(a)))) return a;
  throw new DomainError(`the one-sided limits differ: ${show(a)} from the right, ${show(b)} from the left`);
}

const show = (e: Expr): string => (e === OO ? 'oo' : e === NEG_OO ? '-oo' : isNum(e) ? String(numValue(e)) : 'a finite value');

function toExpr(v: LV): Expr {
  if (v.k === 'fin') return tidy(v.v);
  if (v.k === 'inf') return v.s > 0 ? OO : NEG_OO;
  throw new LimitError('the limit does not exist (the expression oscillates)');
}

/** Steps a whole limit may take: bounds its work however the methods nest. */
export const TOTAL_STEPS = 6000;

/** Steps one method of a chain of alternatives may take before the next one is tried. */
export const METHOD_STEPS = 1500;

/** Limit of g(t) for t → 0⁺ (mode zero) or t → +oo (mode inf): the first of `LIMIT_METHODS` that decides. */
function limCanon(g: Expr, mode: Mode): LV {
  for (const m of LIMIT_METHODS) {
    const r = m.run({ g, mode }, m.budget);
    if (r) return r;
  }
  throw new LimitError(opaque(g) ? 'could not determine the limit (it has parameters or functions without numeric values)' : 'could not determine the limit');
}

/** A whole limit of g(t), t → 0⁺ or +∞: a strategy with its named work budget (steps, never time). */
export interface WholeLimitMethod {
  readonly name: string;
  /** Steps the method may take (undefined: its work is bounded by the input's size alone). */
  readonly budget?: number;
  readonly run: (c: { g: Expr; mode: Mode }, budget: number | undefined) => LV | null;
}

/**
 * The strategies for a whole limit, in order: the first that decides answers. Exact methods come
 * first; the heuristic chain (whose own method lists follow) takes what Gruntz refuses, such as
 * oscillation, and as a last resort hyperbolic functions are written as exponentials
 * (cosh t/eᵗ = (1 + e⁻²ᵗ)/2 → 1/2).
 */
export const LIMIT_METHODS: ReadonlyArray<WholeLimitMethod> = [
  // Directly from the coefficients (no overflow on (t + 1)¹⁰⁰⁰ − t¹⁰⁰⁰).
  { name: 'rational function', run: ({ g, mode }) => viaRationalFunction(g, mode) },
  // Continuity and determinate extended-real arithmetic (erf(∞) = 1, 2·√t → 0⁺): exact, one pass.
  { name: 'continuity', run: ({ g, mode }) => limitByContinuity(g, T, mode) },
  { name: 'Gruntz', budget: GRUNTZ_STEPS, run: ({ g, mode }, budget) => viaGruntz(g, mode, budget) },
  { name: 'extended reals', budget: TOTAL_STEPS, run: ({ g, mode }, budget) => lim(g, newCtx(mode, budget)) },
  {
    name: 'hyperbolic as exponentials',
    budget: TOTAL_STEPS,
    run: ({ g, mode }, budget) => {
      const h = rewriteHyperbolic(g);
      return h === g ? null : lim(h, newCtx(mode, budget));
    },
  },
];

function viaRationalFunction(g: Expr, mode: Mode): LV | null {
  const rf = exprToRatFun(g, T);
  if (!rf || !rf[0].length) return null;
  return mode === 'inf' ? ratFunAtInfinity(rf[0], rf[1]) : ratFunAtZero(rf[0], rf[1]);
}

/**
 * Gruntz's algorithm (exact comparison classes, gruntz.ts): at 0⁺ through t = 1/s, s → +∞. Null
 * when it cannot decide (oscillation, functions outside its class, the work budget spent): the
 * methods below then try.
 */
function viaGruntz(g: Expr, mode: Mode, steps = GRUNTZ_STEPS): LV | null {
  try {
    const r = gruntz(mode === 'inf' ? g : substitute(g, T, pow(T, -1)), T, steps);
    return r === OO ? inf(1) : r === NEG_OO ? inf(-1) : fin(r);
  } catch (err) {
    if (err instanceof UndecidedError) return null;
    throw err;
  }
}

interface Ctx {
  mode: Mode;
  depth: number;
  /** Work counter: steps taken so far by this limit. */
  calls: number;
  /** The step count at which the current method gives up (see `budgeted`). */
  end: number;
  /** Expressions whose limit is being computed (a rewrite that leads back to one gives up). */
  active: Set<Expr>;
}

/** Nesting of `lim` calls beyond which a branch gives up. */
const MAX_DEPTH = 24;
/** Rewrites that recurse on a new expression (dominant term, logs, distribute) stop below this depth. */
const REWRITE_DEPTH = 16;
/** The conjugate rewrite (p + q = (p² − q²)/(p − q)) only this shallow. */
const CONJUGATE_DEPTH = 12;
/** Rounds of L'Hôpital on one quotient. */
const LHOPITAL_ROUNDS = 6;
/** Where the sign of g is probed near the point (t → 0⁺, t → +∞): three agreeing signs decide. */
const SIGN_PROBES = { zero: [1e-6, 1e-9, 1e-12], inf: [1e6, 1e9, 1e12] } as const;
/** Moderate probes for "undefined near the point" (domain gaps show, overflow does not). */
const DOMAIN_PROBES = { zero: [1e-2, 1e-3, 1e-4], inf: [2, 7, 23] } as const;
/** A numeric leading coefficient or 1 + L below this is treated as 0 (not trusted). */
const ZERO_TOL = 1e-12;

/**
 * One way to resolve an undecided limit: a name, an optional per-method step budget (see
 * `budgeted`), an optional precondition, and the method. The chains below are the only place
 * the order is written; ARCHITECTURE.md lists them and a test ties the two.
 */
export interface LimitMethod<A> {
  readonly name: string;
  readonly budget?: number;
  readonly when?: (a: A, ctx: Ctx) => boolean;
  readonly run: (a: A, ctx: Ctx) => LV | null;
}
/** An undecided sum (∞ − ∞, or a term without a limit). */
interface SumCase {
  g: Expr;
}
/** A product split into numerator and denominator factors. */
interface ProductCase {
  g: Extract<Expr, { kind: 'Mul' }>;
  num: Expr[];
  den: Expr[];
  /** Some factor is bounded without a limit (sin t at ∞). */
  bounded: boolean;
}

/** The first method that answers, each within its budget. */
function firstOf<A>(methods: ReadonlyArray<LimitMethod<A>>, a: A, ctx: Ctx): LV | null {
  for (const m of methods) {
    if (m.when && !m.when(a, ctx)) continue;
    const r = m.budget === undefined ? m.run(a, ctx) : budgeted(ctx, m.budget, () => m.run(a, ctx));
    if (r) return r;
  }
  return null;
}

const newCtx = (mode: Mode, steps = TOTAL_STEPS): Ctx => ({ mode, depth: 0, calls: 0, end: steps, active: new Set() });

/**
 * Run one method with at most `steps` more steps (and never past the enclosing method's own
 * limit), so that a method failing expensively (a series that never finds its leading term) leaves
 * work for the next one (L'Hôpital) instead of exhausting the one shared counter.
 */
function budgeted<R>(ctx: Ctx, steps: number, f: () => R | null): R | null {
  const saved = ctx.end;
  ctx.end = Math.min(saved, ctx.calls + steps);
  try {
    return f();
  } finally {
    ctx.end = saved;
  }
}

/** Sign of g near the point, probed numerically (0 when undecided or undefined). */
function probeSign(g: Expr, mode: Mode): -1 | 0 | 1 {
  const ts = SIGN_PROBES[mode];
  let s0: number | null = null;
  for (const t of ts) {
    const v = evalNumber(g, new Map([[T, t]]));
    if (Number.isNaN(v) || v === 0) return 0;
    const s = Math.sign(v);
    if (s0 === null) s0 = s;
    else if (s !== s0) return 0;
  }
  return (s0 ?? 0) as -1 | 0 | 1;
}

/** g has symbols other than the limit variable, or functions nabla cannot evaluate. */
function opaque(g: Expr): boolean {
  let hit = false;
  walkDependent(g, T, (n) => {
    if (n.kind === 'Function' && !FUNCTIONS[n.name]) return ((hit = true), false);
  });
  return hit || freeSymbols(g).some((s) => s !== T);
}

/** True when g is undefined (NaN) at every probe near the point. */
function undefinedNear(g: Expr, mode: Mode): boolean {
  // With parameters or functions that have no numeric value the probes say nothing.
  if (opaque(g)) return false;
  // Moderate probes: domain gaps (log of a negative) show anywhere, overflow (∞ − ∞) does not.
  const ts = DOMAIN_PROBES[mode];
  return ts.every((t) => Number.isNaN(evalNumber(g, new Map([[T, t]]))));
}

function lim(g: Expr, ctx: Ctx): LV | null {
  if (ctx.depth > MAX_DEPTH || ++ctx.calls > ctx.end || ctx.active.has(g)) return null;
  ctx.depth++;
  ctx.active.add(g);
  try {
    return limNode(g, ctx);
  } finally {
    ctx.depth--;
    ctx.active.delete(g);
  }
}

const isZeroLV = (a: LV) => a.k === 'fin' && a.v === ZERO;
/** A constant factor this small (in value) is checked with error bounds before ∞ times it is called ∞. */
const SMALL_CONSTANT = 1e-8;
const numOf = (a: LV): number => (a.k === 'fin' ? evalNumber(a.v, new Map()) : a.k === 'inf' ? a.s * Infinity : NaN);

function limNode(g: Expr, ctx: Ctx): LV | null {
  if (free(g, T)) {
    if (g === OO) return inf(1);
    if (g === NEG_OO) return inf(-1);
    return fin(g);
  }
  if (g === T) return ctx.mode === 'zero' ? fin(ZERO) : inf(1);
  if (undefinedNear(g, ctx.mode)) throw new Undefined();
  switch (g.kind) {
    case 'Add':
      return limAdd(g, ctx);
    case 'Mul':
      return limMul(g, ctx);
    case 'Pow':
      return limPow(g.base, g.exp, g, ctx);
    case 'Function':
      return limFn(g, ctx);
    default:
      return null;
  }
}

function limAdd(g: Extract<Expr, { kind: 'Add' }>, ctx: Ctx): LV | null {
  let finite: Expr[] = [g.coeff];
  let pos = false, negv = false, bounded = false;
  let lo = 0, hi = 0; // bounds of the oscillating part (NaN once unknown)
  for (let i = 0; i < g.terms.length; i++) {
    const l = lim(mul(g.coeffs[i]!, g.terms[i]!), ctx);
    if (l === null) return viaRewrite(g, ctx);
    if (l.k === 'fin') finite.push(l.v);
    else if (l.k === 'inf') (l.s > 0 ? (pos = true) : (negv = true));
    else {
      bounded = true;
      lo += l.lo ?? NaN;
      hi += l.hi ?? NaN;
    }
  }
  if (pos && negv) return viaRewrite(g, ctx);
  if (pos) return inf(1);
  if (negv) return inf(-1);
  if (bounded) {
    const c = evalNumber(add(...finite), new Map());
    return Number.isFinite(lo + hi + c) ? { k: 'bounded', lo: lo + c, hi: hi + c } : { k: 'bounded' };
  }
  finite = finite.filter((v) => v !== ZERO);
  return fin(add(...finite));
}

/** ∞ − ∞ and undecided sums: common denominator, then series at 0⁺, then L'Hôpital on it. */
function viaRewrite(g: Expr, ctx: Ctx): LV | null {
  const rf = exprToRatFun(g, T);
  // A rational function at +∞ behaves like its leading terms: lc(p)/lc(q) · t^(deg p − deg q).
  if (rf && ctx.mode === 'inf' && rf[0].length) return ratFunAtInfinity(rf[0], rf[1]);
  if (rf && rf[1].length > 1) return lim(mul(polyToExpr(rf[0], T), pow(polyToExpr(rf[1], T), -1)), ctx);
  // p + q with a square root: multiply by the conjugate, p + q = (p² − q²)/(p − q).
  if (g.kind === 'Add' && g.coeff === ZERO && g.terms.length === 2 && ctx.depth < CONJUGATE_DEPTH) {
    const [p, q] = [mul(g.coeffs[0]!, g.terms[0]!), mul(g.coeffs[1]!, g.terms[1]!)];
    const hasRoot = (e: Expr) => (e.kind === 'Pow' && e.exp === rat(1, 2)) || (e.kind === 'Mul' && e.exps.some((k) => k === rat(1, 2)));
    if (hasRoot(p) || hasRoot(q)) {
      const r = lim(mul(add(pow(p, 2), mul(-1, pow(q, 2))), pow(add(p, mul(-1, q)), -1)), ctx);
      if (r) return r;
    }
  }
  return firstOf(SUM_METHODS, { g }, ctx);
}

/** Undecided sums, in order. */
export const SUM_METHODS: ReadonlyArray<LimitMethod<SumCase>> = [
  { name: 'series', run: ({ g }, ctx) => viaSeries(g, ctx) },
  { name: 'dominant term', budget: METHOD_STEPS, run: ({ g }, ctx) => viaDominant(g, ctx) },
  { name: 'combine logarithms', run: ({ g }, ctx) => viaLogCombine(g, ctx) },
];

/** p/q as t → 0⁺: the lowest-order terms decide, c·t^(i − j). */
function ratFunAtZero(p: Poly, q: Poly): LV {
  const low = (r: Poly) => r.findIndex((c) => !Q.isZero(c));
  const i = low(p), j = low(q);
  const c = Q.div(p[i]!, q[j]!);
  if (i > j) return fin(ZERO);
  if (i === j) return fin(numFromRational(c));
  return inf(Q.sign(c) as 1 | -1);
}

/** p/q as t → +∞: the leading terms decide, lc(p)/lc(q)·t^(deg p − deg q). */
function ratFunAtInfinity(p: Poly, q: Poly): LV {
  const d = polyDegree(p) - polyDegree(q);
  const c = Q.div(polyLc(p), polyLc(q));
  if (d < 0) return fin(ZERO);
  if (d === 0) return fin(numFromRational(c));
  return inf(Q.sign(c) as 1 | -1);
}

/**
 * Σ cᵢ·log uᵢ + Σ tⱼ = log(Π uᵢ^cᵢ · e^(Σ tⱼ)): log(1 + eˣ) − x = log(e⁻ˣ + 1) → 0.
 */
function viaLogCombine(g: Expr, ctx: Ctx): LV | null {
  if (g.kind !== 'Add' || ctx.depth > REWRITE_DEPTH) return null;
  // Σ cᵢ·log uᵢ + rest = c₀·log(Π uᵢ^(cᵢ/c₀) · e^(rest/c₀)), when every cᵢ/c₀ is a number.
  const logs: Array<[Expr, Expr]> = [];
  const rest: Expr[] = [];
  for (const t of addTerms(g)) {
    let c: Expr = ONE, u: Expr = t;
    if (t.kind === 'Mul') {
      const i = t.bases.findIndex((b, j) => b.kind === 'Function' && b.name === 'log' && t.exps[j] === ONE);
      if (i >= 0) {
        u = t.bases[i]!;
        c = mul(t.coeff, ...t.bases.filter((_, j) => j !== i).map((b, j2) => pow(b, t.exps[j2 >= i ? j2 + 1 : j2]!)));
      }
    }
    if (u.kind === 'Function' && u.name === 'log' && free(c, T)) logs.push([c, u.args[0]!]);
    else rest.push(t);
  }
  if (!logs.length || (!rest.length && logs.length < 2)) return null;
  const c0 = logs[0]![0];
  const ratios = logs.map(([c]) => mul(c, pow(c0, -1)));
  if (!ratios.every(isNum)) return null;
  const inner = expandProducts(mul(...logs.map(([, u], i) => pow(u, ratios[i]!)), pow(E, mul(add(...rest), pow(c0, -1)))));
  const l = lim(inner, ctx);
  if (!l || l.k === 'bounded') return null;
  const c0v = evalNumber(c0, new Map());
  if (!Number.isFinite(c0v) || c0v === 0) return null;
  if (l.k === 'inf') return l.s > 0 ? inf((Math.sign(c0v)) as 1 | -1) : null;
  const v = evalNumber(l.v, new Map());
  if (!(v >= 0)) return null;
  return v === 0 ? inf((-Math.sign(c0v)) as 1 | -1) : fin(mul(c0, fn('log', l.v)));
}

/**
 * ∞ − ∞ by the dominant term: a + b = a·(1 + b/a); when b/a → L with 1 + L ≠ 0 the sum behaves
 * like a·(1 + L).
 */
function viaDominant(g: Expr, ctx: Ctx): LV | null {
  if (g.kind !== 'Add' || ctx.depth > REWRITE_DEPTH) return null;
  const terms = addTerms(g);
  for (const a of terms) {
    const la = lim(a, ctx);
    if (!la || la.k !== 'inf') continue;
    const ratio = lim(expandProducts(mul(add(...terms.filter((t) => t !== a)), pow(a, -1))), ctx);
    if (!ratio || ratio.k !== 'fin') continue;
    const onePlus = 1 + evalNumber(ratio.v, new Map());
    if (!Number.isFinite(onePlus) || Math.abs(onePlus) < ZERO_TOL) continue;
    return inf((la.s * Math.sign(onePlus)) as 1 | -1);
  }
  return null;
}

/** A positive product as exp(Σ kᵢ·log bᵢ): e⁻ˣ·x¹⁰⁰ = exp(−x + 100·log x) → 0. */
function viaLogOfProduct(g: Extract<Expr, { kind: 'Mul' }>, ctx: Ctx): LV | null {
  if (ctx.depth > REWRITE_DEPTH || numValue(g.coeff) <= 0) return null;
  // Every factor positive near the point (e^u always; others probed one by one, since the
  // product itself can underflow or overflow to NaN: e^(−10⁶)·(10⁶)¹⁰⁰).
  if (!g.bases.every((b, i) => b === E || probeSign(b, ctx.mode) > 0 || probeSign(pow(b, g.exps[i]!), ctx.mode) > 0)) return null;
  const parts = g.bases.map((b, i) => (b === E ? g.exps[i]! : mul(g.exps[i]!, fn('log', b))));
  let l: LV | null;
  try {
    l = lim(add(...parts), ctx);
  } catch (err) {
    if (err instanceof Undefined) return null; // a factor is negative near the point
    throw err;
  }
  if (!l || l.k === 'bounded') return null;
  if (l.k === 'inf') return l.s > 0 ? inf(1) : fin(ZERO);
  return fin(mul(g.coeff, pow(E, l.v)));
}

function viaSeries(g: Expr, ctx: Ctx): LV | null {
  // At infinity expand in s = 1/t about 0⁺ (rational and algebraic growth; e^t has no series).
  const lt = leadingTerm(ctx.mode === 'zero' ? g : substitute(g, T, pow(S, -1)), ctx.mode === 'zero' ? T : S, ZERO);
  if (!lt) return null;
  // A symbolic leading coefficient that is numerically 0 (an unsimplified identity) is not trusted.
  const cv = evalNumber(lt.c, new Map());
  if (!Number.isFinite(cv) || Math.abs(cv) < ZERO_TOL) return null;
  if (lt.v > 0) return fin(ZERO);
  if (lt.v === 0) return fin(lt.c);
  const s = Math.sign(evalNumber(lt.c, new Map()));
  if (!s) return null;
  return inf(s as 1 | -1);
}

function limMul(g: Extract<Expr, { kind: 'Mul' }>, ctx: Ctx): LV | null {
  const num: Expr[] = [g.coeff];
  const den: Expr[] = [];
  for (let i = 0; i < g.bases.length; i++) {
    const b = g.bases[i]!, k = g.exps[i]!;
    if (isNum(k) && numValue(k) < 0) den.push(pow(b, mul(-1, k)));
    else num.push(pow(b, k));
  }
  const factors = [...num.map((f) => [f, 1] as const), ...den.map((f) => [f, -1] as const)];
  const ls: Array<LV | null> = factors.map(([f]) => lim(f, ctx));
  if (ls.some((l) => l === null)) return firstOf(UNDECIDED_PRODUCT_METHODS, { g, num, den, bounded: false }, ctx);
  // Combine: track finite product, zeros, infinities, bounded.
  let prod: Expr = ONE;
  let zeros = 0, infs = 0, sign = 1, bounded = false, signUnknown = false;
  for (let i = 0; i < factors.length; i++) {
    const l = ls[i]!;
    const [f, side] = factors[i]!;
    if (l.k === 'bounded') {
      if (side < 0) return null;
      bounded = true;
      continue;
    }
    if (l.k === 'inf') {
      if (side > 0) infs++;
      else zeros++;
      sign *= l.s;
      continue;
    }
    if (l.v === ZERO) {
      if (side > 0) zeros++;
      else {
        infs++;
        const s = probeSign(f, ctx.mode);
        if (!s) signUnknown = true;
        sign *= s;
      }
      continue;
    }
    // A limit that evaluates to about 0 may be a zero the simplifier kept whole (√2·√3 − √6, or
    // atan2(0, 1) before atan2 had quadrant rules): x·(√2·√3 − √6) came out ∞. Decide it with error
    // bounds. Exactly 0: a constant factor makes the whole product 0, a varying one is a 0 factor
    // (0·∞ goes to the methods); an undecided sign leaves the limit undecided.
    const hidden = hiddenZero(l.v);
    if (hidden === null) return null;
    if (hidden) {
      if (side < 0) return null;
      if (free(f, T)) return fin(ZERO);
      zeros++;
      continue;
    }
    prod = side > 0 ? mul(prod, l.v) : mul(prod, pow(l.v, -1));
  }
  if (zeros && infs) {
    return firstOf(INDETERMINATE_PRODUCT_METHODS, { g, num, den, bounded }, ctx);
  }
  if (zeros) return fin(ZERO);
  // bounded · (finite ≠ 0) stays bounded (−cos t); bounded · ∞ is undecided.
  if (bounded) {
    if (infs) return null;
    const bs = ls.filter((l) => l!.k === 'bounded');
    const only = bs.length === 1 ? bs[0]! : null;
    const c = evalNumber(prod, new Map());
    // c·u with u ∈ [lo, hi] and a constant c: the bounds scale (and swap for c < 0).
    if (only && only.k === 'bounded' && only.lo !== undefined && only.hi !== undefined && Number.isFinite(c)) {
      const [a, b] = [c * only.lo, c * only.hi];
      return { k: 'bounded', lo: Math.min(a, b), hi: Math.max(a, b) };
    }
    return { k: 'bounded' };
  }
  if (infs) {
    const pv = evalNumber(prod, new Map());
    if (signUnknown || !Number.isFinite(pv) || pv === 0) {
      const s = probeSign(g, ctx.mode);
      return s ? inf(s) : null;
    }
    return inf((Math.sign(pv) * sign) as 1 | -1);
  }
  return fin(prod);
}

/**
 * Whether a finite limit value is a zero kept whole: true when it is a constant whose value is
 * below SMALL_CONSTANT and that the error-bounded test proves 0, null when that test cannot decide,
 * false otherwise (numbers are already exact).
 */
function hiddenZero(v: Expr): boolean | null {
  if (isNum(v)) return false;
  const pv = evalNumber(v, new Map());
  if (!(Math.abs(pv) < SMALL_CONSTANT) || freeSymbols(v).length > 0) return false;
  try {
    return constantSign(v) === 0;
  } catch (e) {
    if (e instanceof UndecidedError) return null;
    throw e;
  }
}

/** A product with a factor that has no limit, in order. */
export const UNDECIDED_PRODUCT_METHODS: ReadonlyArray<LimitMethod<ProductCase>> = [
  { name: 'series', run: ({ g }, ctx) => viaSeries(g, ctx) },
  { name: 'log of product', budget: METHOD_STEPS, run: ({ g }, ctx) => viaLogOfProduct(g, ctx) },
  { name: "L'Hôpital", run: ({ num, den }, ctx) => lhopitalSplit(num, den, ctx) },
];

/** 0·∞, 0/0 and ∞/∞ products, in order. */
export const INDETERMINATE_PRODUCT_METHODS: ReadonlyArray<LimitMethod<ProductCase>> = [
  { name: 'steps by their argument', run: ({ g }, ctx) => viaStepArgument(g, ctx) },
  // At ∞ a bounded oscillating term inside a sum ((t + sin t)/t) defeats series and L'Hôpital
  // (whose f′/g′ oscillates) and only burns the work budget: distribute first there.
  { name: 'distribute bounded terms', when: ({ g, bounded }, ctx) => ctx.mode === 'inf' && !bounded && hasBoundedTerm(g), run: ({ g }, ctx) => viaDistribute(g, ctx) },
  { name: 'common power', budget: METHOD_STEPS, run: ({ g }, ctx) => viaCommonPower(g, ctx) },
  { name: 'series', run: ({ g }, ctx) => viaSeries(g, ctx) },
  { name: 'log of product', budget: METHOD_STEPS, run: ({ g }, ctx) => viaLogOfProduct(g, ctx) },
  { name: 'divide by dominant', budget: METHOD_STEPS, run: ({ num, den }, ctx) => viaDivideByDominant(num, den, ctx) },
  { name: "L'Hôpital", budget: METHOD_STEPS, run: ({ num, den }, ctx) => lhopitalSplit(num, den, ctx) },
  { name: 'distribute', run: ({ g }, ctx) => viaDistribute(g, ctx) },
];

/**
 * A step factor of an unbounded argument is its argument to first order: floor(u)/u → 1 as
 * u → ±∞ (u − 1 < floor u ≤ u), so P·floor(u)ᵏ has the limit of P·uᵏ whenever that has one:
 * t·floor(3/t) → 3 at 0⁺. Null when no factor is such a step.
 */
function viaStepArgument(g: Extract<Expr, { kind: 'Mul' }>, ctx: Ctx): LV | null {
  let changed = false;
  const factors = g.bases.map((b, i) => {
    const k = g.exps[i]!;
    if (b.kind === 'Function' && FUNCTIONS[b.name]?.step && isNum(k)) {
      const l = lim(b.args[0]!, ctx);
      if (l && l.k === 'inf') {
        changed = true;
        return pow(b.args[0]!, k);
      }
    }
    return pow(b, k);
  });
  if (!changed) return null;
  const r = lim(mul(g.coeff, ...factors), ctx);
  return r && r.k !== 'bounded' ? r : null;
}

/** Whether some factor of the product g is a sum with a sin/cos term (t + sin t, t − cos t). */
function hasBoundedTerm(g: Extract<Expr, { kind: 'Mul' }>): boolean {
  return g.bases.some((b) => b.kind === 'Add' && b.terms.some((t) => walkAny(t, (n) => n.kind === 'Function' && (n.name === 'sin' || n.name === 'cos'))));
}

function walkAny(e: Expr, pred: (n: Expr) => boolean): boolean {
  return !walkDependent(e, T, (n) => (pred(n) ? false : undefined));
}

/** A quotient distributed over its numerator's terms: (t + sin t)/t = 1 + sin(t)/t → 1. */
function viaDistribute(g: Expr, ctx: Ctx): LV | null {
  const d = expandProducts(g);
  return d === g || ctx.depth > REWRITE_DEPTH ? null : lim(d, ctx);
}

/**
 * c·Π bᵢ^(g·mᵢ) = c·(Π bᵢ^mᵢ)^g with g the gcd of the exponents: sin¹⁰⁰t/t¹⁰⁰ = (sin t/t)¹⁰⁰
 * → 1, where a series or L'Hôpital would need a hundred orders. For rational exponents
 * (gcd = gcd(numerators)/lcm(denominators)) the bases must be positive near the point:
 * √(t + √t)/√t = ((t + √t)/t)^(1/2) = (1 + t^(−1/2))^(1/2) → 1.
 */
function viaCommonPower(g: Extract<Expr, { kind: 'Mul' }>, ctx: Ctx): LV | null {
  if (!g.exps.every((k) => k.kind === 'Integer' || k.kind === 'Rational')) return null;
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
  const abs = (a: bigint) => (a < 0n ? -a : a);
  let gn = 0n, gd = 1n;
  for (const k of g.exps) {
    const v = (k as { value: { num: bigint; den: bigint } }).value;
    gn = gcd(gn, abs(v.num));
    gd = (gd * v.den) / gcd(gd, v.den);
  }
  const integral = gd === 1n;
  if (integral && gn < 2n) return null;
  if (!integral && !g.bases.every((b) => probeSign(b, ctx.mode) > 0)) return null;
  if (!integral && g.bases.length < 2) return null;
  const G = rat(gn, gd);
  let inner = mul(...g.bases.map((b, i) => pow(b, mul(g.exps[i]!, pow(G, -1)))));
  if (!integral) inner = expandProducts(inner);
  const l = lim(inner, ctx);
  if (!l || l.k === 'bounded') return null;
  const c = evalNumber(g.coeff, new Map());
  if (!integral) {
    // u^G with u ≥ 0 and G > 0: ∞ stays ∞ (times the sign of c), a finite limit is raised.
    if (l.k === 'inf') return l.s > 0 ? inf(Math.sign(c) as 1 | -1) : null;
    return fin(mul(g.coeff, pow(l.v, G)));
  }
  const even = gn % 2n === 0n;
  if (l.k === 'inf') return inf((Math.sign(c) * (even ? 1 : l.s)) as 1 | -1);
  return fin(mul(g.coeff, pow(l.v, Number(gn))));
}

/**
 * ∞/∞ by dividing numerator and denominator by a dominant term a of the denominator:
 * N/D = (N/a)/(D/a). When D/a → L ≠ 0 the quotient behaves like (N/a)/L. It covers quotients
 * whose f′/g′ oscillates, where L'Hôpital says nothing: (2t + sin t)/(t − cos t) → 2.
 */
function viaDivideByDominant(num: Expr[], den: Expr[], ctx: Ctx): LV | null {
  if (!den.length || ctx.depth > REWRITE_DEPTH) return null;
  const N = mul(...num), D = expandProducts(mul(...den));
  if (D.kind !== 'Add') return null;
  for (const a of addTerms(D)) {
    const la = lim(a, ctx);
    if (!la || la.k !== 'inf') continue;
    const ld = lim(expandProducts(mul(D, pow(a, -1))), ctx);
    if (!ld || ld.k !== 'fin') continue;
    const dv = evalNumber(ld.v, new Map());
    if (!Number.isFinite(dv) || Math.abs(dv) < ZERO_TOL) continue;
    const ln = lim(expandProducts(mul(N, pow(a, -1))), ctx);
    if (!ln || ln.k === 'bounded') continue;
    if (ln.k === 'inf') return inf((ln.s * Math.sign(dv)) as 1 | -1);
    return fin(mul(ln.v, pow(ld.v, -1)));
  }
  return null;
}

/**
 * Resolve 0·∞, 0/0 and ∞/∞ in N/D by L'Hôpital. Factors are regrouped so that numerator and
 * denominator both tend to 0 or both to ∞ (moving a factor u to the other side as 1/u).
 */
function lhopitalSplit(num: Expr[], den: Expr[], ctx: Ctx): LV | null {
  const N = mul(...num), D = mul(...den);
  const tries: Array<[Expr, Expr]> = [];
  if (den.length) tries.push([N, D]);
  else {
    // Product u·v with u → 0, v → ∞: try v/(1/u) moving one factor at a time, exponentials
    // first (x·e^(−x) = x/e^x) and logarithms last (x·log x = log x/(1/x)).
    const fs = num.filter((f) => !isNum(f));
    const rank = (f: Expr) => (f.kind === 'Pow' && f.base === E ? 0 : f.kind === 'Function' && f.name === 'log' ? 2 : 1);
    const order = fs.map((_, i) => i).sort((i, j) => rank(fs[i]!) - rank(fs[j]!));
    const c = mul(...num.filter(isNum));
    for (const i of order) {
      const u = fs[i]!, rest = mul(c, ...fs.filter((_, j) => j !== i));
      tries.push([rest, pow(u, -1)]);
    }
  }
  for (const [a, b] of tries) {
    const r = lhopital(a, b, ctx, 0);
    if (r) return r;
  }
  return null;
}

function lhopital(a: Expr, b: Expr, ctx: Ctx, round: number): LV | null {
  if (round > LHOPITAL_ROUNDS) return null;
  const la = lim(a, ctx), lb = lim(b, ctx);
  if (!la || !lb) return null;
  const both0 = isZeroLV(la) && isZeroLV(lb);
  const bothInf = la.k === 'inf' && lb.k === 'inf';
  if (!both0 && !bothInf) {
    if (round === 0) return null; // not an indeterminate quotient: the caller's split was wrong
    return lim(mul(a, pow(b, -1)), ctx);
  }
  // Differentiating needs a and b differentiable near the point: not floor(3/t) at 0⁺.
  if (!stepsSettle(a, ctx) || !stepsSettle(b, ctx)) return null;
  const da = diff(a, T), db = diff(b, T);
  if (db === ZERO) return null;
  const q = mul(da, pow(db, -1));
  // Prefer a direct evaluation of the new quotient (it may simplify), then keep differentiating.
  const direct = lim(q, ctx);
  // f′/g′ oscillating says nothing about f/g (L'Hôpital needs lim f′/g′ to exist).
  if (direct && direct.k === 'bounded') return null;
  if (direct) return direct;
  return lhopital(da, db, ctx, round + 1);
}

function limPow(b: Expr, k: Expr, g: Expr, ctx: Ctx): LV | null {
  if (b === E) {
    const l = lim(k, ctx);
    if (!l) return null;
    if (l.k === 'inf') return l.s > 0 ? inf(1) : fin(ZERO);
    if (l.k === 'bounded') return null;
    return fin(pow(E, l.v));
  }
  const lb = lim(b, ctx);
  if (free(k, T)) {
    if (!lb) return null;
    // A parameter exponent counts by the sign its assumptions give (x^a with a > 0); unknown: no answer.
    const ks = signOf(k);
    const kv = ks !== 0 ? ks : evalNumber(k, new Map());
    if (Number.isNaN(kv)) return null;
    if (lb.k === 'bounded') return kv > 0 ? { k: 'bounded' } : null;
    if (lb.k === 'inf') {
      if (kv > 0) return lb.s > 0 ? inf(1) : k.kind === 'Integer' ? inf((k.value.num % 2n === 0n ? 1 : -1) as 1 | -1) : null;
      if (kv < 0) return fin(ZERO);
      return fin(ONE);
    }
    if (lb.v === ZERO) {
      if (kv > 0) return fin(ZERO);
      const s = probeSign(g, ctx.mode);
      return s ? inf(s) : null;
    }
    return fin(pow(lb.v, k));
  }
  // Variable exponent: bᵏ = exp(k·log b), for b > 0 near the point.
  const l = lim(mul(k, fn('log', b)), ctx);
  if (!l) return null;
  if (l.k === 'inf') return l.s > 0 ? inf(1) : fin(ZERO);
  if (l.k === 'bounded') return null;
  return fin(pow(E, l.v));
}

/** Limits of table functions at finite values (continuity) and at ±∞. */
function limFn(g: Extract<Expr, { kind: 'Function' }>, ctx: Ctx): LV | null {
  if (g.args.length !== 1) {
    const ls = g.args.map((a) => lim(a, ctx));
    if (ls.every((l) => l && l.k === 'fin')) return fin(fn(g.name, ...ls.map((l) => (l as { v: Expr }).v)));
    return null;
  }
  const l = lim(g.args[0]!, ctx);
  if (!l) return null;
  const name = g.name;
  const def = FUNCTIONS[name];
  if (l.k === 'bounded') {
    // A monotone function of a bounded argument inside its domain stays between its values at the
    // ends: log(cos t + 2) ∈ [0, log 3]. A function with a bounded range stays bounded.
    if (def?.monotone && l.lo !== undefined && l.hi !== undefined && (!def.domain || (inInterval(def.domain, l.lo) && inInterval(def.domain, l.hi)))) {
      const [a, b] = [def.numeric(l.lo), def.numeric(l.hi)];
      if (Number.isFinite(a) && Number.isFinite(b)) return { k: 'bounded', lo: Math.min(a, b), hi: Math.max(a, b) };
    }
    return isBounded(def) ? { k: 'bounded', lo: def!.range!.lo, hi: def!.range!.hi } : null;
  }
  if (l.k === 'inf') {
    // The function table says how each function behaves at ±∞ (`atInfinity`).
    const at = FUNCTIONS[name]?.atInfinity?.(l.s);
    if (!at) return null;
    if ('lo' in at) return { k: 'bounded', lo: at.lo, hi: at.hi };
    return at === OO ? inf(1) : at === NEG_OO ? inf(-1) : fin(at);
  }
  const v = l.v;
  const vn = numOf(l);
  // Jumps: sign and heaviside at 0 take the side the argument approaches from.
  if ((name === 'sign' || name === 'heaviside') && vn === 0) {
    const s = probeSign(g.args[0]!, ctx.mode);
    if (!s) return null;
    return fin(name === 'sign' ? rat(s) : s > 0 ? ONE : ZERO);
  }
  // Steps: floor/ceiling at an integer take the side the argument approaches from.
  if (def?.step && Number.isInteger(vn)) {
    const side = v.kind === 'Integer' ? approachSide(add(g.args[0]!, mul(-1, v)), ctx) : 0;
    return side ? fin(def.step.side(v, side)) : null;
  }
  // Boundary points of the domain.
  if (name === 'log' && vn === 0) return inf(-1);
  if (def?.polesAt && Math.abs((def.polesAt === 'cos' ? Math.cos : Math.sin)(vn)) < 1e-15) return poleSide(g, ctx);
  const value = fn(name, v);
  const num = evalNumber(value, new Map());
  if (Number.isFinite(num)) return fin(value);
  // At a pole or branch point the table's form there (Γ(u) = Γ(u + 1)/u at 0) may decide.
  const b = def?.nearBranch?.at.find((p) => p === vn);
  return b === undefined ? null : lim(def!.nearBranch!.form(g.args[0]!, b), ctx);
}

/**
 * The side from which d approaches 0 (d → 0 at the point): the sign of its series' leading term,
 * exact; 0 when there is none (d oscillates, or has no series), never a numeric guess.
 */
function approachSide(d: Expr, ctx: Ctx): -1 | 0 | 1 {
  const lt = leadingTerm(ctx.mode === 'zero' ? d : substitute(d, T, pow(S, -1)), ctx.mode === 'zero' ? T : S, ZERO);
  if (!lt || !(lt.v > 0)) return 0;
  const c = evalNumber(lt.c, new Map());
  return Number.isFinite(c) && Math.abs(c) > ZERO_TOL ? (Math.sign(c) as -1 | 1) : 0;
}

/**
 * True when every step function of a varying argument in e is constant near the point, so that
 * e′ says what e does there: its argument tends to a value off the jumps, or to a jump from one
 * side. floor(3/t) at 0⁺ crosses infinitely many jumps, and its derivative 0 means nothing.
 */
function stepsSettle(e: Expr, ctx: Ctx): boolean {
  let ok = true;
  walkDependent(e, T, (n) => {
    if (!ok || n.kind !== 'Function' || !FUNCTIONS[n.name]?.step) return;
    const l = lim(n.args[0]!, ctx);
    if (!l || l.k !== 'fin') return ((ok = false), false);
    const v = numOf(l);
    if (Number.isInteger(v) && !(l.v.kind === 'Integer' && approachSide(add(n.args[0]!, mul(-1, l.v)), ctx))) return ((ok = false), false);
    return []; // its argument's own steps were settled by its limit
  });
  return ok;
}

function poleSide(g: Expr, ctx: Ctx): LV | null {
  const s = probeSign(g, ctx.mode);
  return s ? inf(s) : null;
}

/**
 * The limit as a double, for quick checks (NaN when it does not exist).
 * @example limitNumber(parse('sin(x)/x'), symbol('x'), 0) // → 1
 */
export function limitNumber(e: Expr, x: SymbolNode, to: Expr, dir: LimitDir = '+-'): number {
  try {
    return numOf(fin(limit(e, x, to, dir)));
  } catch {
    return NaN;
  }
}
