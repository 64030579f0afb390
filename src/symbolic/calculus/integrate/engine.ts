/**
 * The rule engine behind `integrate`: a readable, ordered list of rules tried on each integrand,
 * recursing on sub-integrals, with a memo, a cycle guard, a depth limit and a time budget (a
 * rule set that runs out of budget declines instead of hanging).
 *
 * Rules, in order: constant · power/exponential with a linear argument · table function of a
 * linear argument · linearity (sums, constant factors) · polynomial · rational function (partial
 * fractions) · Gaussian/Si · trig powers and products · √quadratic forms · cyclic e^(ax)·sin(bx)
 * · parts for polynomial × exp/trig · u-substitution · parts for log/inverse-trig (LIATE) ·
 * rewriting (hyperbolic → exp, expansion of products).
 *
 * @example
 * runIntegration(parse('x*exp(x)'), x, { budgetMs: 200, steps: true }).result // (x - 1)*exp(x)
 */
import { LimitError } from '../../../core/errors.js';
import { add, addTerms, mul, pow, sub } from '../../expr/arith.js';
import { E, NEG_ONE, ONE, ZERO, isNum, symbol, type Expr, type SymbolNode } from '../../expr/expr.js';
import { fn } from '../../functions/index.js';
import { diff } from '../diff/diff.js';
import { ANTIDERIVATIVES } from './table.js';
import { integrateRational, type RationalTrace } from './rules/rational.js';
import { freshSymbol, integrateTrig, resetFreshSymbols, splitFactors, weierstrass } from './rules/trig.js';
import { integrateSpecial, integrateSqrtQuadratic } from './rules/algebraic.js';
import { integrateEuler } from './rules/euler.js';
import { integratePiecewise } from './rules/piecewise.js';
import { linearInner } from './rules/linear.js';
import { integrateHermite } from './rules/hermite.js';
import { inverseFunctionOf } from './rules/inverse.js';
import { MAX_RULE_DEPTH, exprDepth, free, linearIn, logAbs, nodeCount, quadraticIn, signOf, substitute, walkDependent } from '../../algebra/util.js';
import { exprToPoly, exprToRatFun, polyToExpr } from '../../poly/convert.js';
import { polyIntegral } from '../../poly/poly.js';
import { expandDoubleAngle, expandProducts, reduceTrigPowers, rewriteExpBase, rewriteHyperbolic } from '../../algebra/rewrite.js';
import { INVERSE, cyclic, liateParts, negativePowerParts, polyTimesTranscendental, polynomialParts, show } from './rules/parts.js';
export { setStepPrinter } from './rules/parts.js';
import { tidy } from '../../algebra/simplify.js';

/** One applied rule, for `integrate(…, {steps: true})`. */
export interface IntegrationStep {
  /** Nesting level (0 = the integral asked for). */
  depth: number;
  /** Rule name, e.g. 'power rule', 'u-substitution', 'integration by parts'. */
  rule: string;
  integrand: Expr;
  variable: SymbolNode;
  result: Expr;
  /** What the rule did: `u = x^2, du = 2*x dx`, the partial fractions, … */
  detail?: string;
}

export interface EngineOptions {
  /** Wall-clock budget in milliseconds (default 300). */
  budgetMs?: number;
  /** Maximum nesting of sub-integrals (default 12). */
  maxDepth?: number;
  /** Record steps (default false). */
  steps?: boolean;
}

export interface EngineResult {
  result: Expr | null;
  steps: IntegrationStep[];
  /** Why there is no result, when there is none. */
  reason?: string;
}

class Budget extends Error {}

/** The placeholder variable of the cycle guard. */
const ALPHA = symbol('_alpha_int');

const MAX_NODES = 4000;

/** Run the rule engine on ∫ f dx. */
export function runIntegration(f: Expr, x: SymbolNode, opts: EngineOptions = {}): EngineResult {
  resetFreshSymbols();
  const deadline = Date.now() + (opts.budgetMs ?? 300);
  const maxDepth = opts.maxDepth ?? 12;
  const steps: IntegrationStep[] = [];
  const record = opts.steps ?? false;
  const memo = new Map<SymbolNode, Map<Expr, Expr | null>>();
  const active = new Set<number>();
  let ticks = 0;

  const integ = (f: Expr, x: SymbolNode, depth: number): Expr | null => {
    if ((++ticks & 15) === 0 && Date.now() > deadline) throw new Budget();
    if (depth > maxDepth) return null;
    let m = memo.get(x);
    if (!m) memo.set(x, (m = new Map()));
    const hit = m.get(f);
    if (hit !== undefined) return hit;
    // The cycle guard compares integrands up to renaming of the variable: u = eˣ followed by
    // w = log u leads back to the same integral in a fresh variable.
    const key = substitute(f, x, ALPHA).id;
    if (active.has(key)) return null;
    if (nodeCount(f, MAX_NODES + 1) > MAX_NODES) return null;
    active.add(key);
    const mark = steps.length;
    let r: Expr | null = null;
    try {
      r = rules(f, x, depth);
    } finally {
      active.delete(key);
    }
    if (r === null) steps.length = mark;
    m.set(f, r);
    return r;
  };

  /** Record a step (inserted before its sub-steps) and return the result. */
  const done = (mark: number, depth: number, rule: string, f: Expr, x: SymbolNode, result: Expr, detail?: string): Expr => {
    if (record) steps.splice(mark, 0, { depth, rule, integrand: f, variable: x, result, ...(detail ? { detail } : {}) });
    return result;
  };

  const rules = (f: Expr, x: SymbolNode, depth: number): Expr | null => {
    const mark = steps.length;
    const sub1 = (g: Expr, v: SymbolNode = x) => integ(g, v, depth + 1);
    const fail = () => {
      steps.length = mark;
      return null;
    };
    // ∫ c dx = c·x
    if (free(f, x)) return done(mark, depth, 'constant', f, x, mul(f, x));
    if (f === x) return done(mark, depth, 'power rule', f, x, mul(pow(2, -1), pow(x, 2)));

    // Linearity over sums.
    if (f.kind === 'Add') {
      const parts: Expr[] = [];
      let ok = true;
      for (const t of addTerms(f)) {
        const r = sub1(t);
        if (r === null) {
          ok = false;
          break;
        }
        parts.push(r);
      }
      if (ok) return done(mark, depth, 'sum rule', f, x, add(...parts));
      fail();
    }
    // Constant factor out.
    const { c, fs } = splitFactors(f, x);
    if (c !== ONE && fs.length) {
      const g = mul(...fs.map(([b, k]) => pow(b, k)));
      const r = sub1(g);
      return r === null ? null : done(mark, depth, 'constant multiple', f, x, mul(c, r));
    }
    // Powers with a linear base, exponentials with a linear exponent.
    if (f.kind === 'Pow') {
      const { base, exp } = f;
      const lb = linearIn(base, x);
      if (lb && free(exp, x)) {
        const [a] = lb;
        if (exp === NEG_ONE) return done(mark, depth, 'log rule', f, x, mul(pow(a, -1), logAbs(base)), '∫ du/u = log|u|');
        const n1 = add(exp, 1);
        return done(mark, depth, 'power rule', f, x, mul(pow(mul(a, n1), -1), pow(base, n1)), '∫ uⁿ du = uⁿ⁺¹/(n + 1)');
      }
      const le = linearIn(exp, x);
      if (le && free(base, x)) {
        const [a] = le;
        if (base === E) return done(mark, depth, 'exponential', f, x, mul(pow(a, -1), f), '∫ eᵘ du = eᵘ');
        return done(mark, depth, 'exponential', f, x, mul(pow(mul(a, fn('log', base)), -1), f), '∫ bᵘ du = bᵘ/log b');
      }
    }
    // ∫ dx/(A·x² + C) with C/A > 0 symbolic (a² + x²): atan(x/s)/(A·s), s = √(C/A).
    if (f.kind === 'Pow' && f.exp === NEG_ONE) {
      const q = quadraticIn(f.base, x);
      if (q && q[1] === ZERO) {
        const r = mul(q[2], pow(q[0], -1));
        if (!isNum(r) && (signOf(r) > 0 || isSquare(r))) {
          const s = formalSqrt(r);
          return done(mark, depth, 'table', f, x, mul(pow(mul(q[0], s), -1), fn('atan', mul(x, pow(s, -1)))), '∫ du/(u² + s²) = atan(u/s)/s');
        }
        // C/A = −s² < 0 symbolic (x² − a²): (log|x − s| − log|x + s|)/(2·A·s).
        const mr = mul(-1, r);
        if (!isNum(r) && (signOf(mr) > 0 || isSquare(mr))) {
          const s = formalSqrt(mr);
          const F = mul(pow(mul(2, q[0], s), -1), sub(logAbs(sub(x, s)), logAbs(add(x, s))));
          return done(mark, depth, 'table', f, x, F, '∫ du/(u² − s²) = log|(u − s)/(u + s)|/(2s)');
        }
      }
    }
    // Table function of a linear argument: ∫ F(ax + b) dx = G(ax + b)/a.
    if (f.kind === 'Function' && f.args.length === 1 && ANTIDERIVATIVES[f.name]) {
      const u = f.args[0]!;
      const lu = linearIn(u, x);
      if (lu) {
        const r = mul(pow(lu[0], -1), ANTIDERIVATIVES[f.name]!(u));
        return done(mark, depth, 'table', f, x, r, `∫ ${f.name}(u) du`);
      }
    }
    // f = g(a·x + b): integrate g and put u back (compact, and accurate near u = 0).
    const tl = freshSymbol();
    const lin = linearInner(f, x, tl);
    if (lin) {
      const G = sub1(lin.g, tl);
      if (G !== null) return done(mark, depth, 'linear substitution', f, x, mul(pow(lin.a, -1), substitute(G, tl, lin.u)), `${tl.name} = ${show(lin.u)}`);
      fail();
    }
    // Polynomials and rational functions over ℚ.
    const p = exprToPoly(f, x);
    if (p) return done(mark, depth, 'polynomial', f, x, polyToExpr(polyIntegral(p), x));
    const trace: RationalTrace = { decomposition: '' };
    const rr = integrateRational(f, x, trace);
    if (rr) return done(mark, depth, 'partial fractions', f, x, rr, trace.decomposition);
    const hr = integrateHermite(f, x, (g) => integrateRational(g, x));
    if (hr) return done(mark, depth, 'Hermite reduction and Rothstein–Trager', f, x, hr, 'rational part by Hermite reduction, logarithms at the roots of the Rothstein–Trager resultant');

    const notes: string[] = [];
    const note = (s: string) => notes.push(s);
    // Kinks (|u|, relu, max, …) first: split at the kink rather than integrate them by parts.
    const pw = integratePiecewise(f, x, (g) => sub1(g), note);
    if (pw) return done(mark, depth, 'piecewise', f, x, pw, notes.join('; '));
    fail();
    notes.length = 0;
    const sp = integrateSpecial(f, x, note);
    if (sp) return done(mark, depth, 'special function', f, x, sp, notes.join('; '));
    const tr = integrateTrig(f, x, note, (g) => sub1(g));
    if (tr) return done(mark, depth, 'trigonometric', f, x, tr, notes.join('; '));
    notes.length = 0;
    const al = integrateSqrtQuadratic(f, x, note);
    if (al) return done(mark, depth, 'algebraic', f, x, al, notes.join('; '));

    const cy = cyclic(fs, x);
    if (cy) return done(mark, depth, 'integration by parts (cyclic)', f, x, cy, 'parts twice: ∫eᵃˣ sin bx reappears, solve for it');

    // Parts with u = polynomial, dv = exp/trig of a linear argument (tabular integration).
    const pp = polyTimesTranscendental(fs, x);
    if (pp) {
      const [P, g] = pp;
      const v = sub1(g);
      if (v !== null) {
        const rest = sub1(expandProducts(mul(diff(P, x), v)));
        // u·v distributed over v's terms so that like terms of u·v and ∫v du combine.
        if (rest !== null)
          return done(mark, depth, 'integration by parts', f, x, sub(expandProducts(mul(P, v)), rest), `u = ${show(P)}, dv = ${show(g)} d${x.name}`);
      }
      fail();
    }

    // Classic LIATE before substitution: xⁿ·log x, x^r·atan x (dv a power of x).
    // Not for logᵐx/x: there dv = dx/x gives v = log x = u, and u = log x substitutes directly.
    const logOverX = fs.some(([b, k]) => b === x && k === NEG_ONE) && fs.every(([b, k]) => (b === x && k === NEG_ONE) || (b.kind === 'Function' && b.name === 'log' && b.args[0] === x));
    // Only for inverse functions of a linear argument: log(log x)/x is a substitution.
    const inverseOfLinear = (b: Expr) => b.kind === 'Function' && INVERSE.has(b.name) && linearIn(b.args[0]!, x) !== null;
    if (!logOverX && fs.some(([b]) => inverseOfLinear(b)) && fs.every(([b, k]) => inverseOfLinear(b) || (b === x && isNum(k)))) {
      const lp0 = liateParts(f, fs, x, sub1);
      if (lp0) return done(mark, depth, 'integration by parts', f, x, lp0.result, lp0.detail);
      fail();
    }

    // A rule's outcome: recorded when it applied, its partial steps dropped when it did not.
    const outcome = (rule: string, r: { result: Expr; detail: string } | null): Expr | null => (r ? done(mark, depth, rule, f, x, r.result, r.detail) : fail());
    // Substitution, then parts with u = log/inverse trig, then with u = a polynomial factor and
    // dv = whatever else integrates (x·sec²x).
    const r1 = outcome('u-substitution', uSubstitution(f, x, sub1)) ?? outcome('integration by parts', liateParts(f, fs, x, sub1)) ?? outcome('integration by parts', polynomialParts(fs, x, sub1)) ?? outcome('integration by parts', negativePowerParts(fs, x, sub1));
    if (r1) return r1;

    notes.length = 0;
    const ws = weierstrass(f, x, note);
    if (ws) return done(mark, depth, 'trigonometric', f, x, ws, notes.join('; '));
    notes.length = 0;
    const eu = integrateEuler(f, x, note);
    if (eu) return done(mark, depth, 'algebraic', f, x, eu, notes.join('; '));

    // Rewrite and retry: hyperbolic functions as exponentials, products of sums expanded.
    for (const [name, g] of [
      ['rewrite hyperbolic functions as exponentials', rewriteHyperbolic(f)],
      ['expand', expandProducts(f)],
      ['power reduction (sin² = (1 − cos 2u)/2, cos² = (1 + cos 2u)/2)', reduceTrigPowers(f)],
      ['write bᵘ as e^(u·log b)', rewriteExpBase(f)],
      ['double angle (sin 2u = 2 sin u cos u, cos 2u = 2cos²u − 1)', expandDoubleAngle(f)],
    ] as const) {
      if (g !== f) {
        const r = sub1(g);
        if (r !== null) return done(mark, depth, name, f, x, r);
        fail();
      }
    }
    return null;
  };

  const uSubstitution = (
    f: Expr,
    x: SymbolNode,
    sub1: (g: Expr, v?: SymbolNode) => Expr | null,
  ): { result: Expr; detail: string } | null => {
    // Every u that turns f dx into g(t) dt; those giving a rational g come first (eˣ/(1 + e²ˣ)
    // with u = eˣ is 1/(1 + t²), a cleaner route than u = e²ˣ).
    const subs: Array<{ u: Expr; du: Expr; t: SymbolNode; g: Expr; rational: boolean }> = [];
    for (const u of substitutionCandidates(f, x)) {
      const du = diff(u, x);
      if (du === ZERO) continue;
      const t = freshSymbol();
      let g = substitute(mul(f, pow(du, -1)), u, t);
      if (!free(g, x)) {
        const inv = inverseOf(u, x, t);
        const invF = inv ? null : inverseFunctionOf(u, x, t);
        if (!inv && !invF) continue;
        g = inv ? substitute(g, x, inv) : invF!.clean(tidy(substitute(g, x, invF!.x)));
        if (!free(g, x)) continue;
      }
      // A substitution that brings in roots the integrand did not have (x²·sin²x with
      // u = x³ needs x = u^(1/3)) only moves the difficulty.
      if (g === f || radicals(g, t) > radicals(f, x)) continue;
      subs.push({ u, du, t, g, rational: exprToRatFun(g, t) !== null });
    }
    // Then the smaller new integrand, then the smaller u (eˣ before e⁻ˣ), then √x before 1/√x.
    const negPow = (u: Expr) => Number(u.kind === 'Pow' && isNum(u.exp) && u.exp.kind !== 'Float' && u.exp.value.num < 0n);
    subs.sort((a, b) => Number(b.rational) - Number(a.rational) || nodeCount(a.g) - nodeCount(b.g) || nodeCount(a.u) - nodeCount(b.u) || negPow(a.u) - negPow(b.u));
    for (const { u, du, t, g } of subs) {
      const G = sub1(g, t);
      if (G === null) continue;
      return { result: tidy(substitute(G, t, u)), detail: `${t.name} = ${show(u)}, d${t.name} = ${show(du)} d${x.name}` };
    }
    return null;
  };

  if (exprDepth(f, MAX_RULE_DEPTH) > MAX_RULE_DEPTH) return { result: null, steps: [], reason: `the expression is nested deeper than ${MAX_RULE_DEPTH} levels` };
  try {
    const result = integ(f, x, 0);
    return result === null ? { result, steps: [], reason: 'no rule applies' } : { result, steps };
  } catch (e) {
    if (e instanceof Budget) return { result: null, steps: [], reason: `time budget of ${opts.budgetMs ?? 300} ms exhausted` };
    if (e instanceof LimitError) return { result: null, steps: [], reason: e.message };
    throw e;
  }
}

/** Candidate inner functions u(x) for substitution, largest first. */
function substitutionCandidates(f: Expr, x: SymbolNode): Expr[] {
  const seen = new Set<Expr>();
  const out: Expr[] = [];
  const addC = (u: Expr) => {
    if (u === x || isNum(u) || seen.has(u) || free(u, x)) return;
    seen.add(u);
    out.push(u);
  };
  walkDependent(f, x, (n) => {
    switch (n.kind) {
      case 'Function':
        addC(n);
        n.args.forEach(addC);
        break;
      case 'Pow':
        if (n.base === E) addC(n), addC(n.exp);
        else {
          addC(n.base);
          if (n.exp.kind !== 'Integer' || n.base === x) addC(n);
          // x^(−1/2) also suggests u = √x
          if (n.exp.kind === 'Rational' && n.exp.value.num < 0n) addC(pow(n.base, mul(-1, n.exp)));
        }
        break;
      case 'Mul':
        // A factor xᵐ suggests u = x^(m+1) (du ∝ xᵐ dx), e.g. x/(1 + x⁴) with u = x².
        n.bases.forEach((b, i) => {
          const k = n.exps[i]!;
          if (b === x && k.kind === 'Integer' && k.value.num >= 1n && k.value.num <= 8n) addC(pow(x, Number(k.value.num) + 1));
        });
        break;
    }
  });
  out.sort((a, b) => nodeCount(b) - nodeCount(a));
  return out.slice(0, 12);
}

/** How many distinct fractional powers of expressions in x e contains. */
function radicals(e: Expr, x: SymbolNode): number {
  let n = 0;
  walkDependent(e, x, (m) => void (m.kind === 'Pow' && m.exp.kind === 'Rational' && n++));
  return n;
}

/** x in terms of t when u(x) = t is easy to invert. */
function inverseOf(u: Expr, x: SymbolNode, t: SymbolNode): Expr | null {
  if (u.kind === 'Function' && u.name === 'log' && u.args[0] === x) return pow(E, t);
  // x = t^(1/k) is an identity only for u = x^(1/n) or odd k (even k loses the sign of x).
  if (u.kind === 'Pow' && u.base === x && isNum(u.exp)) {
    const k = u.exp;
    const inv = pow(k, -1);
    if (inv.kind === 'Integer' || (k.kind === 'Integer' && k.value.num % 2n !== 0n)) return pow(t, inv);
    return null;
  }
  if (u.kind === 'Pow' && u.base === E) {
    const l = linearIn(u.exp, x);
    if (l) return mul(sub(fn('log', t), l[1]), pow(l[0], -1));
  }
  const l = linearIn(u, x);
  if (l) return mul(sub(t, l[1]), pow(l[0], -1));
  return null;
}

/**
 * A square root of r = c·Π bᵢ^(2mᵢ) as √c·Π bᵢ^mᵢ (the sign does not matter: atan(x/s)/s and
 * log|(x − s)/(x + s)|/(2s) are even in s), otherwise √r.
 */
function formalSqrt(r: Expr): Expr {
  const half = (k: Expr) => mul(k, pow(2, -1));
  if (isSquare(r) && r.kind === 'Pow') return pow(r.base, half(r.exp));
  if (isSquare(r) && r.kind === 'Mul') return mul(pow(r.coeff, pow(2, -1)), ...r.bases.map((b, i) => pow(b, half(r.exps[i]!))));
  return tidy(pow(r, pow(2, -1)));
}

/** r = u² (or a product of even powers): non-negative for real symbols. */
function isSquare(r: Expr): boolean {
  const even = (k: Expr) => k.kind === 'Integer' && k.value.num % 2n === 0n;
  if (r.kind === 'Pow') return even(r.exp);
  if (r.kind === 'Mul') return r.coeff.kind !== 'Float' && evalPositive(r.coeff) && r.exps.every(even);
  return false;
}
const evalPositive = (c: Expr): boolean => isNum(c) && (c.kind === 'Float' ? c.value > 0 : c.value.num > 0n);
