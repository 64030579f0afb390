/**
 * Simplification. `tidy` applies value-preserving rewrites that canonical construction does not
 * (it runs on every integrate/solve/limit result); `simplify` adds the heavier strategies and
 * keeps the smallest equivalent form:
 *
 * - (eᵃ)ʳ = e^(a·r), e^(k·log u) = uᵏ, log(eᵃ) = a (a real), |eᵃ| = eᵃ;
 * - exact values of trig functions at rational multiples of π (denominators 1, 2, 3, 4, 6) and of
 *   inverse trig functions at the matching algebraic numbers (asin(1/2) = π/6);
 * - rational functions of one variable: cancel the gcd of numerator and denominator;
 * - sin²u + cos²u = 1 and friends: cos²u is replaced by 1 − sin²u and the shorter form kept;
 * - log(u·v) and log(uⁿ) are only split when the factors are known positive;
 * - the logistic identities: log σ(u) = −softplus(−u), log(1 − σ(u)) = −softplus(u),
 *   softplus(u) − softplus(−u) = u, σ(u) + σ(−u) = 1, and eᵘ/(1 + eᵘ) = σ(u).
 *
 * Every `simplify` result is checked numerically against its input at sample points.
 *
 * @example
 * simplify(parse('(x^2-1)/(x-1)'))        // → x + 1
 * simplify(parse('sin(x)^2 + cos(x)^2'))  // → 1
 */
import { add, coeffAndTerm, mul, pow } from '../expr/arith.js';
import { E, PI, ONE, ZERO, children, isNum, numValue, rat, symbol, type Expr, type SymbolNode } from '../expr/expr.js';
import { fn } from '../functions/index.js';
import { freeSymbols } from '../walk/traverse.js';
import { MAX_RULE_DEPTH, evalNumber, exprDepth, nodeCount, substitute } from './util.js';
import { postRule, rebuildWith, rewrite } from '../walk/rewrite.js';
import { signOf } from '../functions/sign.js';
import { exprToRatFun, polyToExpr } from '../poly/convert.js';
import { expandProducts, foldSigmoid, logisticForm, rewriteHyperbolic } from './rewrite.js';

const EMPTY = new Map<Expr, number>();

/** Candidate exact values of trig functions at "nice" angles. */
let niceValues: Expr[] | null = null;
function nice(): Expr[] {
  if (!niceValues) {
    const s2 = pow(2, rat(1, 2)), s3 = pow(3, rat(1, 2));
    const base = [ZERO, ONE, rat(1, 2), mul(s2, rat(1, 2)), mul(s3, rat(1, 2)), s3, mul(s3, rat(1, 3)), rat(2), s2, mul(2, s3, rat(1, 3))];
    niceValues = [...base, ...base.filter((b) => b !== ZERO).map((b) => mul(-1, b))];
  }
  return niceValues;
}

const TRIG = new Set(['sin', 'cos', 'tan', 'sec', 'csc', 'cot']);
const INV_TRIG = new Set(['asin', 'acos', 'atan']);

/** A number-only expression (no symbols): numbers, π, e, and functions/powers of them. */
function isConstantExpr(e: Expr): boolean {
  return freeSymbols(e).length === 0 && Number.isFinite(evalNumber(e, EMPTY));
}

function tidyNode(n: Expr): Expr {
  // log(bᵏ)/log(b) = k for integers b > 1 (2^x = 8 → x = log 8/log 2 = 3)
  if (n.kind === 'Mul' && n.bases.length === 2) {
    const [b0, b1] = n.bases as [Expr, Expr];
    const [e0, e1] = n.exps as [Expr, Expr];
    const isLogInt = (e: Expr) => e.kind === 'Function' && e.name === 'log' && e.args[0]!.kind === 'Integer' && e.args[0]!.value.num > 1n;
    if (isLogInt(b0) && isLogInt(b1) && ((e0 === ONE && e1 === rat(-1)) || (e1 === ONE && e0 === rat(-1)))) {
      const [num, den] = e0 === ONE ? [b0, b1] : [b1, b0];
      const a = ((num as unknown as { args: Expr[] }).args[0] as unknown as { value: { num: bigint } }).value.num;
      const b = ((den as unknown as { args: Expr[] }).args[0] as unknown as { value: { num: bigint } }).value.num;
      let k = 0, p = 1n;
      while (p < a && k < 200) (p *= b), k++;
      if (p === a) return mul(n.coeff, k);
    }
  }
  if (n.kind === 'Pow') {
    // (eᵃ)ʳ = e^(a·r)
    if (n.base.kind === 'Pow' && n.base.base === E) return pow(E, mul(n.base.exp, n.exp));
    // e^(k·log u) = uᵏ
    if (n.base === E) {
      const x = n.exp;
      if (x.kind === 'Mul') {
        // k may be symbolic: e^((n + 1)·log x) = x^(n + 1) (both need x > 0)
        const i = x.bases.findIndex((b, j) => b.kind === 'Function' && b.name === 'log' && x.exps[j] === ONE);
        if (i >= 0) {
          const k = mul(x.coeff, ...x.bases.map((b, j) => (j === i ? ONE : pow(b, x.exps[j]!))));
          return pow((x.bases[i] as { args: readonly Expr[] }).args[0]!, k);
        }
      }
    }
    // n^(p/q) = kᵖ·m^(p/q) when n = k^q·m: √8 = 2√2, 54^(1/3) = 3·2^(1/3)
    if (n.base.kind === 'Integer' && n.exp.kind === 'Rational') {
      const r = extractPower(n.base.value.num, n.exp.value.den);
      if (r !== null) return mul(pow(Number(r[0]), n.exp), pow(Number(r[1]), n.exp));
    }
    // (bᵐ)^(p/q) = b^(m·p/q) for odd q (real odd roots: (x³)^(1/3) = x)
    if (n.base.kind === 'Pow' && n.base.exp.kind === 'Integer' && n.exp.kind === 'Rational' && n.exp.value.den % 2n === 1n)
      return pow(n.base.base, mul(n.base.exp, n.exp));
    // √(u²) = |u|
    if (n.base.kind === 'Pow' && n.base.exp.kind === 'Integer' && n.base.exp.value.num === 2n && n.exp === rat(1, 2)) return fn('abs', n.base.base);
  }
  if (n.kind === 'Function' && n.args.length === 1) {
    const a = n.args[0]!;
    if (n.name === 'log' && a.kind === 'Pow' && a.base === E) return a.exp;
    if (n.name === 'log' && a.kind === 'Function' && a.name === 'abs' && a.args[0]!.kind === 'Pow' && (a.args[0] as { base: Expr }).base === E)
      return (a.args[0] as { exp: Expr }).exp;
    if (n.name === 'abs' && signOf(a) > 0) return a;
    // log(u + √(u² + 1)) = asinh(u) for every real u
    if (n.name === 'log' && a.kind === 'Add' && a.terms.length >= 1) {
      const ts = a.terms.map((t, i) => mul(a.coeffs[i]!, t));
      if (a.coeff !== ZERO) ts.push(a.coeff);
      const root = ts.find((t) => t.kind === 'Pow' && t.exp === rat(1, 2));
      if (root && root.kind === 'Pow') {
        const u = add(...ts.filter((t) => t !== root));
        if (add(pow(u, 2), 1) === root.base) return fn('asinh', u);
      }
    }
    if (TRIG.has(n.name) && isConstantExpr(a)) {
      // a = q·π with q rational of small denominator?
      const q = evalNumber(a, EMPTY) / Math.PI;
      const q12 = q * 12;
      if (Math.abs(q12 - Math.round(q12)) < 1e-12 && isNum(mul(a, pow(PI, -1)))) {
        const v = evalNumber(n, EMPTY);
        for (const c of nice()) if (Math.abs(evalNumber(c, EMPTY) - v) < 1e-13) return c;
      }
    }
    if (INV_TRIG.has(n.name) && isConstantExpr(a) && freeOfPi(a)) {
      const v = evalNumber(n, EMPTY);
      const k = (v / Math.PI) * 12;
      if (Math.abs(k - Math.round(k)) < 1e-12) return mul(rat(Math.round(k), 12), PI);
    }
  }
  return n;
}

function freeOfPi(e: Expr): boolean {
  const stack = [e];
  while (stack.length) {
    const x = stack.pop()!;
    if (x === PI) return false;
    if (x.kind === 'Add') stack.push(...x.terms);
    else if (x.kind === 'Mul') stack.push(...x.bases, ...x.exps);
    else if (x.kind === 'Pow') stack.push(x.base, x.exp);
    else if (x.kind === 'Function') stack.push(...x.args);
  }
  return true;
}

/**
 * Rebuild with f applied to whole factors (b^e) of products and whole terms of sums; the node
 * itself when f changes none of them (see `rebuildWith`).
 */
function rebuildFactors(n: Expr, f: (e: Expr) => Expr): Expr {
  if (n.kind === 'Mul') {
    const ps = n.bases.map((b, i) => pow(b, n.exps[i]!));
    const qs = ps.map(f);
    return qs.every((q, i) => q === ps[i]) ? n : mul(n.coeff, ...qs);
  }
  if (n.kind === 'Add') {
    const ts = n.terms.map(f);
    return ts.every((t, i) => t === n.terms[i]) ? n : add(n.coeff, ...ts.map((t, i) => mul(n.coeffs[i]!, t)));
  }
  return rebuildWith(n, f);
}

/** Rounds of node clean-up per node (a rule may expose another, e.g. a factor that then cancels). */
const TIDY_ROUNDS = 4;

/**
 * Value-preserving clean-up of results (bottom-up): see the module comment.
 * @example tidy(parse('asin(1/2)')) // → pi/6
 */
export function tidy(e: Expr): Expr {
  return rewrite(e, (n, go) => {
    let r = rebuildFactors(n, go);
    for (let i = 0; i < TIDY_ROUNDS; i++) {
      const t = tidyNode(r);
      if (t === r) break;
      r = rebuildFactors(t, go);
    }
    return r;
  });
}

/** Options for `simplify`. */
export interface SimplifyOptions {
  /**
   * Assume every symbol is a positive real (default false): then log(x·y) = log x + log y,
   * log(xⁿ) = n·log x and √(x²) = x are used.
   */
  positive?: boolean;
}

/**
 * Simplify: tidy, cancel rational functions, sin² + cos² = 1, 1 + tan² = sec², cosh² − sinh² = 1,
 * common denominators, log rules where the arguments are known positive; keep the smallest form
 * that agrees numerically with the input.
 *
 * @example
 * simplify(parse('(x^2 - 1)/(x - 1)')) // → x + 1
 * simplify(parse('log(x^2*y)'), { positive: true }) // → 2*log(x) + log(y)
 */
export function simplify(input: Expr, options: SimplifyOptions = {}): Expr {
  if (exprDepth(input, MAX_RULE_DEPTH) > MAX_RULE_DEPTH) return input; // too deep to rewrite safely
  const positive = options.positive ?? false;
  const candidates: Expr[] = [];
  const t = tidy(input);
  candidates.push(t);
  const syms = freeSymbols(t);
  if (syms.length === 1) {
    const rf = exprToRatFun(t, syms[0]!);
    if (rf) candidates.push(mul(polyToExpr(rf[0], syms[0]!), pow(polyToExpr(rf[1], syms[0]!), -1)));
  }
  candidates.push(pythagoras(t));
  const ex = expandProducts(t);
  if (ex !== t) candidates.push(pythagoras(ex));
  const sc = trigToSinCos(t);
  if (sc !== t) {
    candidates.push(tidy(together(pythagoras(sc))));
    candidates.push(tidy(pythagoras(together(sc))));
  }
  candidates.push(hyperbolicPythagoras(t));
  const er = expRational(t);
  if (er) candidates.push(er, foldSigmoid(er));
  const sg = foldSigmoid(t);
  if (sg !== t) candidates.push(sg);
  for (const u of sg === t ? [t] : [t, sg]) {
    const lf = logisticForm(u);
    if (lf !== u) candidates.push(tidy(lf));
  }
  const lg = tidy(expandLogs(t, positive));
  if (lg !== t) candidates.push(lg);
  const ee = tidy(expandExp(t));
  if (ee !== t) candidates.push(ee);
  if (positive) candidates.push(dropAbs(t));
  let best = input;
  let size = nodeCount(input);
  for (const c of candidates) {
    const s = nodeCount(c);
    if (s < size && equivalent(input, c, syms, positive)) [best, size] = [c, s];
  }
  // Expanded logs are preferred when asked to assume positivity even if not smaller.
  if (positive && lg !== t && best === input && equivalent(input, lg, syms, true)) best = lg;
  return best;
}

/**
 * Exponentials of one argument as a rational function: with σ, softplus and the hyperbolics
 * written as exponentials, e^(k·u) = tᵏ (t = e^u) turns e into a rational function of t, which is
 * cancelled and turned back: eˣ/(1 + eˣ) − σ(x) = 0, σ(x)·(1 − σ(x)) = e⁻ˣ/(1 + e⁻ˣ)². Null when
 * e is not such a function (other occurrences of u, several unrelated exponents).
 */
function expRational(e: Expr): Expr | null {
  const h = rewriteHyperbolic(e);
  const exps: Expr[] = [];
  const seen = new Set<Expr>();
  const stack = [h];
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    if (n.kind === 'Pow' && n.base === E) exps.push(n.exp);
    if (n.kind === 'Mul') n.bases.forEach((b, i) => b === E && exps.push(n.exps[i]!));
    stack.push(...children(n));
  }
  if (!exps.length) return null;
  // Every exponent a rational multiple cᵢ·u of one u; t = e^(g·u) with g the gcd of the cᵢ.
  const u = coeffAndTerm(exps[0]!)[1];
  if (freeSymbols(u).length === 0) return null;
  let gn = 0n, gd = 1n;
  for (const a of exps) {
    const [c, v] = coeffAndTerm(a);
    if (v !== u || c.kind === 'Float') return null;
    const q = (c as { value: { num: bigint; den: bigint } }).value;
    gn = gcdBig(gn, q.num < 0n ? -q.num : q.num);
    gd = (gd * q.den) / gcdBig(gd, q.den);
  }
  const base = pow(E, mul(rat(gn, gd), u));
  const t = symbol('_t_simplify');
  const r = exprToRatFun(substitute(h, base, t), t);
  if (!r) return null;
  const back = (p: typeof r[0]) => substitute(polyToExpr(p, t), t, base);
  return mul(back(r[0]), pow(back(r[1]), -1));
}

const gcdBig = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcdBig(b, a % b));

/** e^(a + b) = eᵃ·eᵇ (then e^(log u) = u applies). */
function expandExp(e: Expr): Expr {
  return rewrite(
    e,
    postRule((r) => {
      if (r.kind !== 'Pow' || r.base !== E || r.exp.kind !== 'Add') return r;
      const ex = r.exp;
      return mul(pow(E, ex.coeff), ...ex.terms.map((t, i) => pow(E, mul(ex.coeffs[i]!, t))));
    }),
  );
}

/** |u| = u for u positive under the all-symbols-positive assumption. */
function dropAbs(e: Expr): Expr {
  return rewrite(e, postRule((r) => (r.kind === 'Function' && r.name === 'abs' && isPositive(r.args[0]!, true) ? r.args[0]! : r)));
}

/** tan = sin/cos, sec = 1/cos, csc = 1/sin, cot = cos/sin. */
function trigToSinCos(e: Expr): Expr {
  return rewrite(
    e,
    postRule((r) => {
      if (r.kind !== 'Function' || r.args.length !== 1) return r;
      const u = r.args[0]!;
      const sn = fn('sin', u), cs = fn('cos', u);
      if (r.name === 'tan') return mul(sn, pow(cs, -1));
      if (r.name === 'sec') return pow(cs, -1);
      if (r.name === 'csc') return pow(sn, -1);
      if (r.name === 'cot') return mul(cs, pow(sn, -1));
      return r;
    }),
  );
}

/** A sum over a common denominator: Σ aᵢ/dᵢ = (Σ aᵢ·D/dᵢ)/D with D the product of the dᵢ. */
export function together(e: Expr): Expr {
  if (e.kind !== 'Add') return e;
  const terms = e.terms.map((t, i) => mul(e.coeffs[i]!, t));
  if (e.coeff !== ZERO) terms.push(e.coeff);
  // Denominator: each base with a negative integer exponent, at its largest power.
  const den = new Map<Expr, number>();
  for (const t of terms) {
    const fs: Array<[Expr, Expr]> = t.kind === 'Mul' ? t.bases.map((b, i) => [b, t.exps[i]!]) : t.kind === 'Pow' ? [[t.base, t.exp]] : [];
    for (const [b, k] of fs) if (k.kind === 'Integer' && k.value.num < 0n) den.set(b, Math.max(den.get(b) ?? 0, Number(-k.value.num)));
  }
  if (!den.size) return e;
  const D = mul(...[...den].map(([b, k]) => pow(b, k)));
  const N = expandProducts(add(...terms.map((t) => mul(t, D))));
  return mul(N, pow(D, -1));
}

/** cosh(u)^(2k) → (1 + sinh(u)²)^k, expanded, where that is smaller. */
function hyperbolicPythagoras(e: Expr): Expr {
  const swap = (n: Expr): Expr => {
    if (n.kind === 'Pow' && n.base.kind === 'Function' && n.base.name === 'cosh' && n.exp.kind === 'Integer' && n.exp.value.num > 0n && n.exp.value.num % 2n === 0n)
      return pow(add(1, pow(fn('sinh', n.base.args[0]!), 2)), Number(n.exp.value.num / 2n));
    if (n.kind === 'Mul') return mul(n.coeff, ...n.bases.map((b, i) => swap(pow(b, n.exps[i]!))));
    if (n.kind === 'Add') return add(n.coeff, ...n.terms.map((t, i) => mul(n.coeffs[i]!, swap(t))));
    return n;
  };
  return rewrite(
    e,
    postRule((r) => {
      if (r.kind !== 'Add') return r;
      const s = expandProducts(swap(r));
      return nodeCount(s) < nodeCount(r) ? s : r;
    }),
  );
}

/** Positive for every real value of its symbols (all symbols positive when `positive`). */
function isPositive(e: Expr, positive: boolean): boolean {
  if (signOf(e) > 0) return true;
  if (!positive) return false;
  if (e.kind === 'Symbol') return true;
  if (e.kind === 'Pow') return isPositive(e.base, positive);
  if (e.kind === 'Mul') return numValue(e.coeff) > 0 && e.bases.every((b) => isPositive(b, positive));
  if (e.kind === 'Add') return numValue(e.coeff) >= 0 && e.coeffs.every((c) => numValue(c) > 0) && e.terms.every((t) => isPositive(t, positive));
  return false;
}

/** log(a·b) = log a + log b and log(aᵏ) = k·log a for positive a, b. */
function expandLogs(e: Expr, positive: boolean): Expr {
  const split = (u: Expr): Expr | null => {
    if (u.kind === 'Pow' && isPositive(u.base, positive) && isNum(u.exp)) return mul(u.exp, logOf(u.base));
    if (u.kind === 'Mul' && numValue(u.coeff) > 0 && u.bases.every((b) => isPositive(b, positive))) {
      return add(fn('log', u.coeff), ...u.bases.map((b, i) => mul(u.exps[i]!, logOf(b))));
    }
    return null;
  };
  const logOf = (u: Expr): Expr => split(u) ?? fn('log', u);
  return rewrite(e, postRule((r) => (r.kind === 'Function' && r.name === 'log' && r.args.length === 1 ? (split(r.args[0]!) ?? r) : r)));
}

/** Replace cos(u)^(2k) by (1 − sin(u)²)^k, expand, and keep whichever is smaller. */
function pythagoras(e: Expr): Expr {
  return rewrite(
    e,
    postRule((r) => {
      if (r.kind !== 'Add') return r;
      // Try cos² → 1 − sin² and sin² → 1 − cos²; keep the smallest.
      for (const swapped of [expandProducts(swapCos(r, 'cos')), expandProducts(swapCos(r, 'sin'))]) {
        if (nodeCount(swapped) < nodeCount(r)) r = swapped;
      }
      return r;
    }),
  );
}

function swapCos(e: Expr, which: 'cos' | 'sin' = 'cos'): Expr {
  const other = which === 'cos' ? 'sin' : 'cos';
  // Only through sums and products (the even powers of `which` at the top are what is swapped).
  const swapped = rewrite(e, (n, go) => {
    if (n.kind === 'Pow' && n.base.kind === 'Function' && n.base.name === which && n.exp.kind === 'Integer' && n.exp.value.num % 2n === 0n && n.exp.value.num > 0n)
      return pow(add(1, mul(-1, pow(fn(other, n.base.args[0]!), 2))), Number(n.exp.value.num / 2n));
    if (n.kind === 'Mul') return mul(n.coeff, ...n.bases.map((b, i) => go(pow(b, n.exps[i]!))));
    if (n.kind === 'Add') return add(n.coeff, ...n.terms.map((t, i) => mul(n.coeffs[i]!, go(t))));
    return n;
  });
  return expandProducts(swapped);
}

/** Numeric equivalence at sample points (where both are defined). */
function equivalent(a: Expr, b: Expr, syms: SymbolNode[], positive = false): boolean {
  const pts = positive ? [0.3712, 0.8123, 1.3391, 2.1749, 0.4519, 3.2837] : [0.3712, 0.8123, 1.3391, 2.1749, -0.4519, -1.2837];
  let used = 0;
  for (let k = 0; k < pts.length; k++) {
    const env = new Map<Expr, number>();
    syms.forEach((s, i) => env.set(s, pts[(k + i) % pts.length]! + 0.113 * i));
    const va = evalNumber(a, env), vb = evalNumber(b, env);
    if (!Number.isFinite(va)) continue;
    if (!Number.isFinite(vb)) return false;
    if (Math.abs(va - vb) > 1e-9 * Math.max(1, Math.abs(va))) return false;
    used++;
  }
  return used >= 2 || (syms.length === 0 && used >= 1);
}

/**
 * n = k^q·m with k > 1 as large as trial division by primes < 1000 finds, as [k^q, m]; null
 * when there is none (or n is too large to be worth it).
 */
function extractPower(n: bigint, q: bigint): [bigint, bigint] | null {
  if (n < 4n || n > 10n ** 15n || q < 2n || q > 64n) return null;
  let k = 1n, m = n;
  for (let p = 2n; p < 1000n && p <= m; p++) {
    const pq = p ** q;
    while (m % pq === 0n) (m /= pq), (k *= pq);
  }
  return k > 1n ? [k, m] : null;
}
