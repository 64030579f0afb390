/**
 * `integrate`: indefinite integrals by a readable rule set (see integrate-engine.ts), definite and
 * improper integrals through the antiderivative and one-sided limits, and a numeric fallback.
 *
 * Never a wrong answer: every antiderivative is differentiated back and compared with the
 * integrand at sample points before it is returned; definite values are cross-checked against
 * adaptive quadrature when that converges. When no rule applies (or the time budget runs out)
 * the result is an unevaluated `Integral`.
 *
 * @example
 * integrate(parse('3*x^2 - 4*x'), x)               // → x^3 - 2*x^2
 * integrate(parse('exp(-x^2)'), [x, NEG_OO, OO])   // → sqrt(pi)
 * integrate(parse('x*exp(x)'), x, { steps: true }).steps[0].rule // → 'integration by parts'
 */
import { DomainError, NablaError } from '../../../core/errors.js';
import { add, mul, pow, sub } from '../../expr/arith.js';
import {
  E, NAN, NEG_OO, OO, PI, ZERO, ZOO, float, isNum, makeIntegral, numValue, rat, symbol, type Expr, type SymbolNode,
} from '../../expr/expr.js';
import { diff } from '../diff/diff.js';
import { FUNCTIONS } from '../../functions/index.js';
import { quad } from '../../../numeric/quad.js';
import { runIntegration, type IntegrationStep } from './engine.js';
import { CONTINUOUS_ON_R, MAX_RULE_DEPTH, evalMany, evalNumber, exprDepth, free, isEntire, nodeCount, substitute, walkDependent } from '../../algebra/util.js';
import { linearIn } from '../diff/polynomial-in.js';
import { expandProducts } from '../../algebra/rewrite.js';
import { solve } from '../solve/index.js';
import { limit } from '../limit/index.js';
import { tidy, together } from '../../algebra/simplify.js';
import { freeSymbols, mapExpr, someNode } from '../../walk/traverse.js';
import { repairAntiderivative, verifyAntiderivative } from './verify.js';
import { prepareIntegrand } from './rules/prepare.js';

export { verifyAntiderivative } from './verify.js';


export type { IntegrationStep } from './engine.js';

/** Options for `integrate`. */
export interface IntegrateOptions {
  /** Return `{ value, steps, … }` instead of the bare expression. Default false. */
  steps?: boolean;
  /** Definite integrals: fall back to adaptive quadrature when there is no antiderivative. Default false. */
  numeric?: boolean;
  /**
   * Work budget of the rule search: sub-integrals attempted. Default `INTEGRATION_STEPS` (4000).
   * The same integrand gets the same answer on any machine at any load.
   */
  maxSteps?: number;
  /**
   * Wall-clock safety net in milliseconds, only against a runaway rule (default 10 000); when it
   * fires, `reason` says so, since that answer depends on the machine.
   */
  budgetMs?: number;
  /** Check the antiderivative by differentiating it back at sample points. Default true. */
  verify?: boolean;
}

/** The detailed result of `integrate(…, { steps: true })`. */
export interface IntegrateResult {
  /** The antiderivative, the definite value, or an unevaluated Integral. */
  value: Expr;
  /** 'symbolic' (exact), 'numeric' (quadrature fallback) or 'unevaluated'. */
  method: 'symbolic' | 'numeric' | 'unevaluated';
  /** The antiderivative used (definite integrals). */
  antiderivative?: Expr;
  steps: IntegrationStep[];
  /** Why the integral stayed unevaluated or went numeric. */
  reason?: string;
  /** Error estimate of a numeric value. */
  error?: number;
}

/** A variable, or [variable, lower, upper] for a definite integral (the public spec also takes names, numbers and text). */
export type IntegrationVar = SymbolNode | readonly [SymbolNode, Expr, Expr];

/**
 * ∫ e dx (indefinite, constant of integration 0) or ∫ₐᵇ e dx with `[x, a, b]` (a, b may be
 * ±oo). Returns an unevaluated Integral when no rule applies.
 *
 * @example
 * integrate(parse('1/(x^2+2*x+5)'), symbol('x')) // → atan(x/2 + 1/2)/2
 */
export function integrate(e: Expr, spec: IntegrationVar, options?: IntegrateOptions & { steps?: false }): Expr;
export function integrate(e: Expr, spec: IntegrationVar, options: IntegrateOptions & { steps: true }): IntegrateResult;
export function integrate(e: Expr, spec: IntegrationVar, options: IntegrateOptions = {}): Expr | IntegrateResult {
  const r = integrateDetailed(e, spec, options);
  return options.steps ? r : r.value;
}

/**
 * `integrate` always returning the detailed record.
 * @example integrateDetailed(parse('exp(x^2)'), x).value // → sqrt(pi)*erfi(x)/2
 */
export function integrateDetailed(f: Expr, spec: IntegrationVar, options: IntegrateOptions = {}): IntegrateResult {
  if (!Array.isArray(spec)) return indefinite(f, spec as SymbolNode, options);
  const [x, a, b] = spec as readonly [SymbolNode, Expr, Expr];
  return definite(f, x, a, b, options);
}

function indefinite(f: Expr, x: SymbolNode, options: IntegrateOptions): IntegrateResult {
  if (exprDepth(f, MAX_RULE_DEPTH) > MAX_RULE_DEPTH) {
    return { value: makeIntegral(f, x), method: 'unevaluated', steps: [], reason: `the integrand is nested deeper than ${MAX_RULE_DEPTH} levels` };
  }
  // Value-preserving clean-up first (log(x + √(x²+1)) = asinh x, e^(k log u) = uᵏ, √(q²) = |q|, …).
  const run = runIntegration(tidy(prepareIntegrand(f, x)), x, {
    ...(options.maxSteps !== undefined ? { maxSteps: options.maxSteps } : {}),
    ...(options.budgetMs !== undefined ? { safetyMs: options.budgetMs } : {}),
    steps: options.steps ?? false,
  });
  let F = run.result === null ? null : smaller(tidy(repairAntiderivative(run.result, x, false)));
  // Right on part of the domain only (log(log x) for x > 1): try log|u|, else no answer.
  if (F !== null && options.verify !== false && !verifyAntiderivative(f, F, x)) {
    const G = tidy(repairAntiderivative(F, x, true));
    F = G !== F && verifyAntiderivative(f, G, x) ? G : null;
  }
  if (F !== null) {
    return { value: F, method: 'symbolic', steps: options.steps ? readableSteps(run.steps, f) : run.steps };
  }
  const reason = run.result === null ? run.reason : 'the candidate antiderivative failed the derivative check';
  return { value: makeIntegral(f, x), method: 'unevaluated', steps: [], ...(reason ? { reason } : {}) };
}

/**
 * Steps with the engine's fresh variables (_w0, _w1, …) renamed t, s, w, …, t2, … (names not used by
 * the integrand), in expressions and in the detail texts.
 */
function readableSteps(steps: IntegrationStep[], f: Expr): IntegrationStep[] {
  const taken = new Set(freeSymbols(f).map((s) => s.name));
  const names = new Map<string, SymbolNode>();
  // Not u or v: the parts steps say "u = …, dv = …".
  const pool = ['t', 's', 'w', 'z', 'r', 'q'];
  let n = 0;
  const rename = (name: string): SymbolNode => {
    let r = names.get(name);
    if (r) return r;
    let cand: string;
    do cand = n < pool.length ? pool[n++]! : `t${n++ - pool.length + 2}`;
    while (taken.has(cand));
    taken.add(cand);
    names.set(name, (r = symbol(cand)));
    return r;
  };
  const fresh = /^_w\d+$/;
  const fix = (e: Expr): Expr => {
    let out = e;
    for (const s of freeSymbols(e)) if (fresh.test(s.name)) out = substitute(out, s, rename(s.name));
    return out;
  };
  return steps.map((st) => {
    const variable = fresh.test(st.variable.name) ? rename(st.variable.name) : st.variable;
    const detail = st.detail?.replace(/_w\d+/g, (m) => rename(m).name);
    return { ...st, variable, integrand: fix(st.integrand), result: fix(st.result), ...(detail !== undefined ? { detail } : {}) };
  });
}

/**
 * The smaller of F and F with products of sums distributed (terms of a sum-rule result combine:
 * ∫eˣ(sin x + cos x) = (sin x + cos x)eˣ/2 + (sin x − cos x)eˣ/2 = eˣ·sin x).
 */
function smaller(F: Expr): Expr {
  // Distributing can expose more products of sums ((x + 1)·c·Ei(x + 1) after a first pass): a few rounds.
  let G = F;
  for (let i = 0; i < 3; i++) {
    const H = tidy(expandProducts(G));
    if (H === G) break;
    G = H;
  }
  // … and a common denominator when that is smaller still: eˣ − x·eˣ/(x + 1) = eˣ/(x + 1).
  const T = together(G);
  if (T !== G && nodeCount(T) < nodeCount(G)) G = T;
  return G !== F && nodeCount(G) < nodeCount(F) ? G : F;
}

function definite(f: Expr, x: SymbolNode, a: Expr, b: Expr, options: IntegrateOptions): IntegrateResult {
  if (a === b) return { value: ZERO, method: 'symbolic', steps: [] };
  const ind = indefinite(f, x, { ...options, verify: true });
  const numericFallback = (reason: string, F?: Expr): IntegrateResult => {
    if (!options.numeric) {
      return { value: makeIntegral(f, x, a, b), method: 'unevaluated', steps: ind.steps, reason, ...(F ? { antiderivative: F } : {}) };
    }
    const q = numericValue(f, x, a, b);
    if (!q) throw new DomainError(`integrate: ${reason}, and numeric quadrature failed too`);
    return { value: float(q.value), method: 'numeric', steps: ind.steps, reason, error: q.error };
  };
  if (ind.method !== 'symbolic') return numericFallback(ind.reason ?? 'no antiderivative found');
  const F = ind.value;
  // Symbolic bounds (∫₀ᵃ x³ dx = a⁴/4): F(b) − F(a) is right for every a, b only when f has no
  // singularity anywhere; otherwise the interval could contain one.
  // Parameters (in the bounds or the integrand): where a singularity sits cannot be decided, so
  // only integrands with none anywhere are evaluated, as F(b) − F(a) (a limit at an infinite end).
  if (freeSymbols(add(f, a, b)).some((s) => s !== x) || freeSymbols(a).length + freeSymbols(b).length > 0) {
    const unevaluated = (reason: string): IntegrateResult => ({ value: makeIntegral(f, x, a, b), method: 'unevaluated', steps: ind.steps, antiderivative: F, reason });
    if (!isEntire(f, x)) return unevaluated('with parameters the interval may contain a singularity of the integrand');
    const at = (p: Expr) => (isInfinite(p) ? limit(F, x, p) : substitute(F, x, p));
    try {
      const vb = at(b), va = at(a);
      // F(b) − F(a) on the extended reals (the canonical forms leave oo − e^a alone)
      const v = isInfinite(vb) ? (va === vb ? NAN : vb) : isInfinite(va) ? (va === OO ? NEG_OO : OO) : tidy(sub(vb, va));
      return v === NAN || v === ZOO ? unevaluated('the integral diverges or depends on the parameters') : { value: v, method: 'symbolic', antiderivative: F, steps: ind.steps };
    } catch (err) {
      if (err instanceof NablaError) return unevaluated(`the antiderivative has no limit at an infinite end (${err.message})`);
      throw err;
    }
  }
  let value: Expr;
  let knots: Expr[];
  try {
    // Split at singular points of f inside (a, b): each piece is an improper integral.
    // … and where F itself may jump: the poles of tan/sec/cot/csc in F (Weierstrass answers
    // contain tan(x/2), which jumps at x = π while f is smooth there).
    const cuts = mergePoints(interiorSingularities(f, x, a, b), interiorSingularities(F, x, a, b));
    knots = [a, ...cuts, b];
    const pieces: Expr[] = [];
    for (let i = 0; i + 1 < knots.length; i++) pieces.push(sub(endpoint(F, x, knots[i + 1]!, '-', i + 1 < knots.length - 1), endpoint(F, x, knots[i]!, '+', i > 0)));
    value = add(...pieces);
  } catch (err) {
    if (err instanceof NablaError) return numericFallback(`the antiderivative has no limit at an endpoint (${err.message})`, F);
    throw err;
  }
  // A piece tending to ±oo means divergence: oo (or -oo) when all agree, nan otherwise.
  if (value === NAN || value === ZOO) return { value: NAN, method: 'symbolic', antiderivative: F, steps: ind.steps, reason: 'the integral diverges' };
  // Cross-check with quadrature (catches antiderivatives that jump inside the interval). An F
  // continuous on (a, b) cannot jump, and quadrature is no judge of it: ∫₀^1e308 sin x aliases to
  // 3.5e306 with a tiny error estimate. Continuous: built from continuous functions only, or its
  // roots and logarithms have linear arguments positive inside (a, b) (2√x or x·log x on [0, 1]).
  const q = isEntire(F, x) || (knots.length === 2 && continuousInside(F, x, a, b)) ? null : numericValue(f, x, a, b);
  const v = evalNumber(value, new Map());
  if (q && Number.isFinite(v) && Math.abs(q.value - v) > 1e-6 * Math.max(1, Math.abs(v)) + 10 * q.error) {
    return numericFallback('the antiderivative is not continuous on the interval', F);
  }
  if (!Number.isFinite(v) && q && Number.isFinite(q.value) && q.error < 1e-6 * Math.max(1, Math.abs(q.value))) {
    return numericFallback('the symbolic value is infinite but quadrature converged', F);
  }
  return { value: tidy(value), method: 'symbolic', antiderivative: F, steps: ind.steps };
}

/** F at an endpoint: substitution when finite and defined, otherwise a one-sided limit. */
function endpoint(F0: Expr, x: SymbolNode, p: Expr, dir: '+' | '-', singular = false): Expr {
  const F = sideOfKinks(F0, x, p, dir);
  if (p !== OO && p !== NEG_OO && !singular) {
    const direct = substituteValue(F, x, p);
    if (direct !== null) return direct;
  }
  return limit(F, x, p, p === OO || p === NEG_OO ? '+-' : dir);
}

/**
 * Piecewise antiderivatives near an endpoint: sign(u), H(u), |u| and relu(u) with u linear in x
 * are replaced by their form on the side of the approach (at ±oo, or beside p), so the limit
 * sees one smooth branch: (1 − e⁻ˣ)·sign(x) + … at +oo is 1 − e⁻ˣ + ….
 */
function sideOfKinks(F: Expr, x: SymbolNode, p: Expr, dir: '+' | '-'): Expr {
  const pv = p === OO ? Infinity : p === NEG_OO ? -Infinity : evalNumber(p, new Map());
  return mapExpr(F, (_orig, e) => {
    const bySign = e.kind === 'Function' && e.args.length === 1 ? FUNCTIONS[e.name]?.bySign : undefined;
    if (e.kind !== 'Function' || !bySign) return e;
    const u = e.args[0]!;
    const l = linearIn(u, x);
    if (!l) return e;
    const a = evalNumber(l[0], new Map()), b = evalNumber(l[1], new Map());
    if (!Number.isFinite(a) || !Number.isFinite(b) || Number.isNaN(pv)) return e;
    const at = Number.isFinite(pv) ? a * pv + b : a * pv;
    const s = at !== 0 ? Math.sign(at) : Math.sign(a) * (dir === '+' ? 1 : -1);
    if (!s) return e;
    return bySign(rat(s), e.args);
  });
}

const isInfinite = (p: Expr) => p === OO || p === NEG_OO;

function substituteValue(F: Expr, x: SymbolNode, p: Expr): Expr | null {
  const v = evalNumber(F, new Map([[x, evalNumber(p, new Map())]]));
  if (!Number.isFinite(v)) return null;
  // Exact substitution through the smart constructors; tan(π/2) is finite in floating point
  // (1.6e16), so poles are recognised from the exact arguments, and then a limit is taken.
  const r = substituteExact(F, x, p);
  return r !== null && Number.isFinite(evalNumber(r, new Map())) && !atPole(r) ? r : null;
}

/** Does e contain a function at one of its poles (`polesAt`: tan/sec at an odd multiple of π/2, cot/csc at a multiple of π)? */
function atPole(e: Expr): boolean {
  return someNode(e, (n) => {
    const poles = n.kind === 'Function' ? FUNCTIONS[n.name]?.polesAt : undefined;
    if (!poles || n.kind !== 'Function') return false;
    const t = evalNumber(n.args[0]!, new Map());
    return Math.abs((poles === 'cos' ? Math.cos : Math.sin)(t)) < 1e-12;
  });
}

/** Two sorted point lists merged, duplicates (within 1e−12) dropped. */
function mergePoints(a: Expr[], b: Expr[]): Expr[] {
  const val = (p: Expr) => evalNumber(p, new Map());
  const out: Expr[] = [];
  for (const p of [...a, ...b].sort((p, q) => val(p) - val(q))) if (!out.some((u) => Math.abs(val(u) - val(p)) < 1e-12)) out.push(p);
  return out;
}

function substituteExact(F: Expr, x: SymbolNode, p: Expr): Expr | null {
  try {
    return substitute(F, x, p);
  } catch (err) {
    if (err instanceof NablaError) return null;
    throw err;
  }
}

/**
 * Points strictly inside (a, b) where f is undefined or infinite: zeros of denominators and of
 * log arguments, and the poles of tan/sec (cos u = 0) and cot/csc (sin u = 0) for linear u,
 * repeated with their period. Sorted, as exact expressions.
 */
function interiorSingularities(f: Expr, x: SymbolNode, a: Expr, b: Expr): Expr[] {
  const lo = evalNumber(a, new Map()), hi = evalNumber(b, new Map());
  const dangers = new Set<Expr>();
  const periodic: Array<{ u: Expr; kind: 'sin' | 'cos' }> = [];
  walkDependent(f, x, (n) => {
    if (n.kind === 'Pow' && isNum(n.exp) && numValue(n.exp) < 0) dangers.add(n.base);
    else if (n.kind === 'Function') {
      const u = n.args[0]!, def = FUNCTIONS[n.name];
      // An open end of the domain is a singular point (log: u = 0); poles repeat with the period.
      const d = def?.domain;
      if (d && (d.open === 'lo' || d.open === 'both') && Number.isFinite(d.lo)) dangers.add(add(u, -d.lo));
      if (d && (d.open === 'hi' || d.open === 'both') && Number.isFinite(d.hi)) dangers.add(add(u, -d.hi));
      if (def?.polesAt) periodic.push({ u, kind: def.polesAt });
    }
  });
  const pts: Expr[] = [];
  const inside = (v: number) => v > lo + 1e-12 * Math.max(1, Math.abs(lo)) && v < hi - 1e-12 * Math.max(1, Math.abs(hi));
  for (const d of dangers) {
    let sols: Expr[] = [];
    try {
      sols = solve(d, x);
    } catch (err) {
      if (!(err instanceof NablaError)) throw err;
    }
    for (const s of sols) if (inside(evalNumber(s, new Map()))) pts.push(s);
  }
  for (const { u, kind } of periodic) {
    const l = linearIn(u, x);
    if (!l) continue;
    const [al, be] = l.map((e) => evalNumber(e, new Map())) as [number, number];
    // u = kπ (+ π/2 for cos): x = (u − β)/α
    const off = kind === 'cos' ? 0.5 : 0;
    const ks = [(al * lo + be) / Math.PI - off, (al * hi + be) / Math.PI - off].sort((p, q) => p - q);
    if (!Number.isFinite(ks[0]!) || ks[1]! - ks[0]! > 1000) continue;
    for (let k = Math.ceil(ks[0]!); k <= Math.floor(ks[1]!); k++) {
      const p = mul(sub(mul(add(k, off === 0.5 ? rat(1, 2) : 0), PI), l[1]), pow(l[0], -1));
      if (inside(evalNumber(p, new Map()))) pts.push(p);
    }
  }
  const uniq: Expr[] = [];
  for (const p of pts.sort((p, q) => evalNumber(p, new Map()) - evalNumber(q, new Map())))
    if (!uniq.some((u) => Math.abs(evalNumber(u, new Map()) - evalNumber(p, new Map())) < 1e-12)) uniq.push(p);
  return uniq;
}

/**
 * F is continuous (and real) on the open interval (a, b): built from x by +, ·, exp, positive
 * integer powers and functions continuous on ℝ; other powers and logarithms only of linear
 * arguments u whose sign inside (a, b) the values at the ends prove: u > 0 for roots and log u
 * (2√x, x·log x − x on [0, 1]), u ≠ 0 for 1/u and log|u| (log|x| on [1, e]).
 */
function continuousInside(F: Expr, x: SymbolNode, a: Expr, b: Expr): boolean {
  // The sign of u inside (a, b) when u is linear in x and ≥ 0 (or ≤ 0) at both ends, else 0.
  const signInside = (u: Expr): -1 | 0 | 1 => {
    const l = linearIn(u, x);
    if (!l) return 0;
    const [al, be] = l.map((c) => evalNumber(c, new Map())) as [number, number];
    if (!Number.isFinite(al) || !Number.isFinite(be) || al === 0) return 0;
    // The sign of u at an end: exactly 0, or clearly away from 0 (NaN when too close to tell).
    const atEnd = (p: Expr): number => {
      if (p === OO || p === NEG_OO) return Math.sign(al) * (p === OO ? 1 : -1);
      const pv = evalNumber(p, new Map());
      const v = al * pv + be;
      if (Math.abs(v) > 1e-9 * Math.max(1, Math.abs(be), Math.abs(al * pv))) return Math.sign(v);
      return tidy(substitute(u, x, p)) === ZERO ? 0 : NaN;
    };
    const sa = atEnd(a), sb = atEnd(b);
    // u is monotone: its sign inside is that of an end where it is not 0 (both ends agree).
    if (sa >= 0 && sb >= 0 && sa + sb > 0) return 1;
    if (sa <= 0 && sb <= 0 && sa + sb < 0) return -1;
    return 0;
  };
  return walkDependent(F, x, (n) => {
    if (n.kind === 'Pow') {
      if (n.base === E) return [n.exp];
      if (!free(n.exp, x)) return false;
      if (n.exp.kind === 'Integer') return (n.exp.value.num > 0n ? 1 : Math.abs(signInside(n.base))) ? [n.base] : false;
      return signInside(n.base) > 0 ? [n.base] : false;
    }
    if (n.kind === 'Function') {
      if (n.name === 'log' && n.args.length === 1) {
        const u = n.args[0]!;
        const inner = u.kind === 'Function' && u.name === 'abs' && u.args.length === 1 ? u.args[0]! : null;
        if (inner) return signInside(inner) !== 0 ? [inner] : false;
        return signInside(u) > 0 ? [u] : false;
      }
      return CONTINUOUS_ON_R.has(n.name) ? undefined : false;
    }
    if (n !== x && n.kind !== 'Add' && n.kind !== 'Mul') return false;
    return undefined;
  });
}

/** Adaptive quadrature of f over [a, b] (±oo allowed); null when it fails. */
function numericValue(f: Expr, x: SymbolNode, a: Expr, b: Expr): { value: number; error: number } | null {
  if (freeSymbols(f).some((s) => s !== x)) return null;
  const av = a === OO ? Infinity : a === NEG_OO ? -Infinity : evalNumber(a, new Map());
  const bv = b === OO ? Infinity : b === NEG_OO ? -Infinity : evalNumber(b, new Map());
  if (Number.isNaN(av) || Number.isNaN(bv)) return null;
  const env = new Map<Expr, number>();
  try {
    const r = quad((t) => {
      env.set(x, t);
      return evalNumber(f, env);
    }, av, bv);
    if (r.status !== 0 && r.status !== 2) return null;
    return { value: r.value, error: r.error };
  } catch (err) {
    if (err instanceof NablaError) return null;
    throw err;
  }
}

/**
 * Convenience: the numeric value of a definite integral (symbolic first, then quadrature).
 * @example integrateNumber('exp(x^2)', 'x', 0, 1) // → 1.4626517459071816
 */
export function integrateNumber(e: Expr, x: SymbolNode, a: Expr, b: Expr): number {
  const r = integrateDetailed(e, [x, a, b], { numeric: true });
  return isNum(r.value) ? numValue(r.value) : evalNumber(r.value, new Map());
}

