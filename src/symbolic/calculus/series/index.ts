/**
 * Taylor and Laurent series with exact coefficients, by arithmetic on truncated power series
 * (no repeated differentiation, so coefficients stay small): sums, products, inverses and
 * integer powers; exp, log and sin/cos by recurrences after splitting off the constant term
 * (exp(g₀ + h) = e^{g₀}·Σ hᵏ/k!, log(g₀ + h) = log g₀ + log(1 + h/g₀), …); rational powers by
 * the binomial series. A function is expanded as its table entry says (`FunctionDef.series`):
 * by its rule written with these operations (σ(g) = 1/(1 + e⁻ᵍ), tan = sin/cos, …), or, when it
 * is marked `taylor`, by F(g) = F(g₀) + ∫ F′(g)·g′ dt. Nothing here is specific to a function.
 *
 * @example
 * seriesCoefficients(parse('tan(x)'), x, 0, 6) // → [0, 1, 0, 1/3, 0, 2/15]
 * series(parse('exp(x)'), x, 0, 4)           // → 1 + x + x^2/2 + x^3/6
 */
import { ArgumentError, DomainError, LimitError, describeValue } from '../../../core/errors.js';
import { add, mul, pow, sub } from '../../expr/arith.js';
import { E, ONE, ZERO, isNum, numFromRational, rat, symbol, type Expr, type SymbolNode } from '../../expr/expr.js';
import { rational } from '../../../core/rational.js';
import { checkLimit } from '../../../core/limits.js';
import { FUNCTIONS, fn, type SeriesOps } from '../../functions/index.js';
import { diff } from '../diff/diff.js';
import { MAX_RULE_DEPTH, evalNumber, exprDepth, free, substitute } from '../../algebra/util.js';
import { tidy } from '../../algebra/simplify.js';

/** A truncated Laurent series Σ c[i]·t^(v+i), known for powers < v + c.length. */
export interface PowerSeries {
  v: number;
  c: Expr[];
}

class NotASeries extends Error {}

/** t^v·(c₀ + c₁t + …) with leading zeros removed. */
function norm(s: PowerSeries): PowerSeries {
  let i = 0;
  while (i < s.c.length && s.c[i] === ZERO) i++;
  if (i === s.c.length) return { v: s.v + s.c.length, c: [] };
  return i ? { v: s.v + i, c: s.c.slice(i) } : s;
}

const top = (s: PowerSeries): number => s.v + s.c.length; // first unknown power

function sAdd(a: PowerSeries, b: PowerSeries): PowerSeries {
  const v = Math.min(a.v, b.v);
  const N = Math.min(top(a), top(b));
  const c: Expr[] = [];
  for (let p = v; p < N; p++) {
    const x = a.c[p - a.v], y = b.c[p - b.v];
    c.push(add(p >= a.v && x ? x : ZERO, p >= b.v && y ? y : ZERO));
  }
  return norm({ v, c });
}

function sScale(a: PowerSeries, k: Expr): PowerSeries {
  if (k === ZERO) return { v: top(a), c: [] };
  return { v: a.v, c: a.c.map((x) => mul(x, k)) };
}

function sMul(a: PowerSeries, b: PowerSeries): PowerSeries {
  const n = Math.min(a.c.length, b.c.length);
  const c: Expr[] = [];
  for (let k = 0; k < n; k++) {
    const rows: Factor[][] = [];
    for (let i = 0; i <= k; i++) if (a.c[i] !== ZERO && b.c[k - i] !== ZERO) rows.push([a.c[i]!, b.c[k - i]!]);
    c.push(sumProducts(rows));
  }
  return norm({ v: a.v + b.v, c });
}

/** Keep powers < N. */
function truncate(a: PowerSeries, N: number): PowerSeries {
  if (top(a) <= N) return a;
  return { v: a.v, c: a.c.slice(0, Math.max(0, N - a.v)) };
}

type Factor = Expr | number;

/**
 * Σ over rows of Π row, exactly. The recurrences below spend their time here: when every factor is
 * a rational number, the sum is accumulated on unreduced BigInts (a shared denominator grown only
 * when a new one does not divide it) and reduced once, so a coefficient costs one gcd instead of
 * two or three per term (a 200-term tan series went from seconds to well under one).
 */
function sumProducts(rows: readonly Factor[][]): Expr {
  if (rows.length === 0) return ZERO;
  let N = 0n;
  let D = 1n;
  for (const row of rows) {
    let p = 1n;
    let q = 1n;
    for (const f of row) {
      if (typeof f === 'number') p *= BigInt(f);
      else if (f.kind === 'Integer') p *= f.value.num;
      else if (f.kind === 'Rational') {
        p *= f.value.num;
        q *= f.value.den;
      } else return add(...rows.map((r) => mul(...r)));
    }
    if (q === D || D % q === 0n) N += p * (D / q);
    else if (q % D === 0n) {
      N = N * (q / D) + p;
      D = q;
    } else {
      N = N * q + p * D;
      D *= q;
    }
  }
  return numFromRational(rational(N, D));
}

/**
 * The coefficients h₀ … h_{len−1} of a series with valuation ≥ 0, as a dense array (h₀ = 0 when
 * the valuation is positive). The recurrences below work on these.
 */
function dense(h: PowerSeries, len: number): Expr[] {
  const out = new Array<Expr>(len).fill(ZERO);
  for (let i = 0; i < h.c.length && h.v + i < len; i++) out[h.v + i] = h.c[i]!;
  return out;
}

/**
 * 1/a by the recurrence a·b = 1: b₀ = 1/c₀, bₖ = −(1/c₀)·Σ_{i=1..k} cᵢ·b_{k−i}, with
 * a = t^v·(c₀ + c₁t + …). O(n²) coefficient operations (composing the geometric series was O(n³)).
 */
function sInv(a: PowerSeries): PowerSeries {
  a = norm(a);
  if (!a.c.length) throw new NotASeries();
  const c = a.c;
  const n = c.length;
  const ic0 = pow(c[0]!, -1);
  const negIc0 = mul(-1, ic0);
  const b: Expr[] = [ic0];
  for (let k = 1; k < n; k++) {
    const rows: Factor[][] = [];
    for (let i = 1; i <= k; i++) if (c[i] !== ZERO && b[k - i] !== ZERO) rows.push([negIc0, c[i]!, b[k - i]!]);
    b.push(sumProducts(rows));
  }
  return { v: -a.v, c: b };
}

/**
 * exp(h) for h with h₀ = 0, to powers < len, from E′ = h′·E: k·eₖ = Σ_{j=1..k} j·hⱼ·e_{k−j}.
 */
function expOfZeroConst(h: Expr[], len: number): Expr[] {
  const e: Expr[] = [ONE];
  for (let k = 1; k < len; k++) {
    const ik = pow(k, -1);
    const rows: Factor[][] = [];
    for (let j = 1; j <= k; j++) if (h[j] !== ZERO && e[k - j] !== ZERO) rows.push([j, ik, h[j]!, e[k - j]!]);
    e.push(sumProducts(rows));
  }
  return e;
}

/**
 * sin(h) and cos(h) for h with h₀ = 0, from S′ = h′·C and C′ = −h′·S:
 * k·sₖ = Σ j·hⱼ·c_{k−j}, k·cₖ = −Σ j·hⱼ·s_{k−j}.
 */
function sinCosOfZeroConst(h: Expr[], len: number): [Expr[], Expr[]] {
  const s: Expr[] = [ZERO];
  const c: Expr[] = [ONE];
  for (let k = 1; k < len; k++) {
    const ik = pow(k, -1);
    const ts: Factor[][] = [];
    const tc: Factor[][] = [];
    for (let j = 1; j <= k; j++) {
      if (h[j] === ZERO) continue;
      if (c[k - j] !== ZERO) ts.push([j, ik, h[j]!, c[k - j]!]);
      if (s[k - j] !== ZERO) tc.push([-j, ik, h[j]!, s[k - j]!]);
    }
    s.push(sumProducts(ts));
    c.push(sumProducts(tc));
  }
  return [s, c];
}

/**
 * u^q for u with u₀ = 1 (any exponent q), by J. C. P. Miller's recurrence from u·P′ = q·u′·P:
 * pₖ = (1/k)·Σ_{j=1..k} ((q + 1)·j − k)·uⱼ·p_{k−j}.
 */
function powOfUnitConst(u: Expr[], q: Expr, len: number): Expr[] {
  const p: Expr[] = [ONE];
  const q1 = add(q, 1);
  for (let k = 1; k < len; k++) {
    const ik = pow(k, -1);
    const rows: Factor[][] = [];
    for (let j = 1; j <= k; j++) if (u[j] !== ZERO && p[k - j] !== ZERO) rows.push([sub(mul(q1, j), k), ik, u[j]!, p[k - j]!]);
    p.push(sumProducts(rows));
  }
  return p;
}

/** Split a (valuation ≥ 0) into constant term and the rest. */
function splitConst(a: PowerSeries): [Expr, PowerSeries] {
  if (a.v < 0) throw new NotASeries();
  if (a.v > 0) return [ZERO, a];
  return [a.c[0] ?? ZERO, norm({ v: 0, c: [ZERO, ...a.c.slice(1)] })];
}

const factorial = (k: number): Expr => {
  let r = ONE as Expr;
  for (let i = 2; i <= k; i++) r = mul(r, i);
  return r;
};

/** Series of e in t about 0 with about n terms of relative precision. */
function ser(e: Expr, t: SymbolNode, n: number, memo: Map<Expr, PowerSeries>): PowerSeries {
  const hit = memo.get(e);
  if (hit) return hit;
  const r = serNode(e, t, n, memo);
  memo.set(e, r);
  return r;
}

function serNode(e: Expr, t: SymbolNode, n: number, memo: Map<Expr, PowerSeries>): PowerSeries {
  if (free(e, t)) return norm({ v: 0, c: [e, ...new Array<Expr>(n - 1).fill(ZERO)] });
  if (e === t) return { v: 1, c: [ONE, ...new Array<Expr>(n - 1).fill(ZERO)] };
  switch (e.kind) {
    case 'Add': {
      let acc = ser(e.coeff, t, n, memo);
      for (let i = 0; i < e.terms.length; i++) acc = sAdd(acc, sScale(ser(e.terms[i]!, t, n, memo), e.coeffs[i]!));
      return acc;
    }
    case 'Mul': {
      let acc = ser(e.coeff, t, n, memo);
      for (let i = 0; i < e.bases.length; i++) acc = sMul(acc, serPow(e.bases[i]!, e.exps[i]!, t, n, memo));
      return acc;
    }
    case 'Pow':
      return serPow(e.base, e.exp, t, n, memo);
    case 'Function':
      return serFn(e.name, e.args, e, t, n, memo);
    default:
      throw new NotASeries();
  }
}

function serPow(b: Expr, k: Expr, t: SymbolNode, n: number, memo: Map<Expr, PowerSeries>): PowerSeries {
  if (b === E) return serExp(ser(k, t, n, memo), n);
  if (!free(k, t)) {
    // b^k = exp(k·log b)
    return serExp(sMul(ser(k, t, n, memo), serLog(ser(b, t, n, memo), n)), n);
  }
  const s = norm(ser(b, t, n, memo));
  if (k.kind === 'Integer') {
    const m = k.value.num;
    if (!s.c.length) {
      // Zero to the known precision: s^m is too, for m > 0.
      if (m > 0n) return { v: s.v * Number(m), c: [] };
      if (m === 0n) return { v: 0, c: [ONE, ...new Array<Expr>(n - 1).fill(ZERO)] };
      throw new NotASeries();
    }
    // The leading coefficient c₀^m first: it refuses (LimitError) powers too large to hold exactly.
    pow(s.c[0]!, k);
    // Binary powering: O(log m) series products, for any m (x^65, (1 + x)^100, sin(x)^80).
    let base = m < 0n ? sInv(s) : s;
    let e = m < 0n ? -m : m;
    let r: PowerSeries = { v: 0, c: [ONE, ...new Array<Expr>(base.c.length - 1).fill(ZERO)] };
    while (e > 0n) {
      if (e & 1n) r = sMul(r, base);
      e >>= 1n;
      if (e > 0n) base = sMul(base, base);
    }
    return r;
  }
  if (k.kind === 'Rational') {
    // (c₀ t^v (1 + w))^q = c₀^q · t^(vq) · (1 + w)^q
    if (!s.c.length) throw new NotASeries();
    const vq = mul(s.v, k);
    if (vq.kind !== 'Integer') throw new NotASeries();
    const c0 = s.c[0]!;
    const ic0 = pow(c0, -1);
    const u = s.c.map((x, i) => (i === 0 ? ONE : mul(x, ic0)));
    const r = powOfUnitConst(u, k, s.c.length);
    const c0q = pow(c0, k);
    return norm({ v: Number(vq.value.num), c: r.map((x) => mul(x, c0q)) });
  }
  return serExp(sMul(ser(k, t, n, memo), serLog(s, n)), n);
}

function serExp(g: PowerSeries, n: number): PowerSeries {
  const [g0, h] = splitConst(norm(g));
  const len = Math.min(n, top(g));
  const e = expOfZeroConst(dense(h, len), len);
  const eg0 = pow(E, g0);
  return norm({ v: 0, c: e.map((x) => mul(x, eg0)) });
}

/** log g = log g₀ + L with w = g/g₀ and w·L′ = w′: lₖ = wₖ − (1/k)·Σ_{j=1..k−1} j·lⱼ·w_{k−j}. */
function serLog(g: PowerSeries, n: number): PowerSeries {
  g = norm(g);
  if (g.v !== 0 || !g.c.length) throw new NotASeries(); // log t is not a power series
  const len = Math.min(n, top(g));
  const ig0 = pow(g.c[0]!, -1);
  const w = dense(g, len).map((x) => mul(x, ig0));
  const l: Expr[] = [fn('log', g.c[0]!)];
  for (let k = 1; k < len; k++) {
    const rows: Factor[][] = [[w[k]!]];
    const mik = pow(-k, -1);
    for (let j = 1; j < k; j++) if (l[j] !== ZERO && w[k - j] !== ZERO) rows.push([j, mik, l[j]!, w[k - j]!]);
    l.push(sumProducts(rows));
  }
  return norm({ v: 0, c: l });
}

/** The placeholder for a kink function's argument when reading its `bySign` form. */
const KINK_ARG = symbol('_kink_series');

/** The sign of g's constant term (a number), or NotASeries when it is 0 or not numeric. */
function signAtZero(g: PowerSeries): 1 | -1 {
  const [g0] = splitConst(g);
  const s = Math.sign(evalNumber(g0, new Map()));
  if (s !== 1 && s !== -1) throw new NotASeries();
  return s;
}

function serFn(name: string, args: readonly Expr[], e: Expr, t: SymbolNode, n: number, memo: Map<Expr, PowerSeries>): PowerSeries {
  if (args.length !== 1) throw new NotASeries();
  const g = norm(ser(args[0]!, t, n, memo));
  const len = Math.min(n, top(g));
  const bySign = FUNCTIONS[name]?.bySign;
  if (bySign) {
    // A kink function is smooth only away from g = 0; there, with s = sign(g(0)) fixed, its
    // table form is a₀ + a₁·g (|g| = s·g, H(g) = (1 + s)/2).
    const r = bySign(rat(signAtZero(g)), [KINK_ARG]);
    const a1 = diff(r, KINK_ARG), a0 = substitute(r, KINK_ARG, ZERO);
    if (!free(a1, KINK_ARG) || !free(a0, KINK_ARG)) throw new NotASeries();
    if (a0 === ZERO) return sScale(g, a1);
    const c0: PowerSeries = { v: 0, c: [a0, ...new Array<Expr>(len - 1).fill(ZERO)] };
    return a1 === ZERO ? c0 : sAdd(c0, sScale(g, a1));
  }
  const rule = FUNCTIONS[name]?.series;
  if (rule?.expand) return rule.expand(g, opsFor(n));
  if (!rule?.taylor) throw new NotASeries();
  // F(g) = F(g₀) + ∫ F′(g)·g′ dt, with F′(g)·g′ = d/dt F(g(t)).
  const [g0] = splitConst(g);
  const d = diff(e, t);
  if (d.kind === 'Derivative' || containsName(d, name)) throw new NotASeries();
  const ds = norm(ser(d, t, n, memo));
  if (ds.c.length && ds.v < 0) throw new NotASeries();
  const c: Expr[] = new Array<Expr>(ds.v + 1 + ds.c.length).fill(ZERO);
  c[0] = fn(name, g0);
  for (let i = 0; i < ds.c.length; i++) c[ds.v + i + 1] = mul(ds.c[i]!, pow(ds.v + i + 1, -1));
  return norm({ v: 0, c: c.slice(0, Math.max(1, len)) });
}

/** The constant c to n terms. */
const constantSeries = (c: Expr, n: number): PowerSeries => norm({ v: 0, c: [c, ...new Array<Expr>(n - 1).fill(ZERO)] });

/** sin g and cos g from one pass: sin(g₀ + h) = sin g₀ cos h + cos g₀ sin h, cos(g₀ + h) = cos g₀ cos h − sin g₀ sin h. */
function serSinCos(g: PowerSeries, n: number): [PowerSeries, PowerSeries] {
  const len = Math.min(n, top(g));
  const [g0, h] = splitConst(g);
  const [sd, cd] = sinCosOfZeroConst(dense(h, len), len);
  const sh = norm({ v: 0, c: sd }), ch = norm({ v: 0, c: cd });
  const s0 = fn('sin', g0), c0 = fn('cos', g0);
  return [sAdd(sScale(ch, s0), sScale(sh, c0)), sAdd(sScale(ch, c0), sScale(sh, mul(-1, s0)))];
}

/** The series operations the function table's rules (`SeriesRule.expand`) are written with, at n terms. */
function opsFor(n: number): SeriesOps<PowerSeries> {
  return {
    constant: (c) => constantSeries(c, n),
    add: sAdd,
    scale: sScale,
    mul: sMul,
    inv: sInv,
    exp: (a) => serExp(a, n),
    log: (a) => serLog(a, n),
    sinCos: (a) => serSinCos(norm(a), n),
    awayFromZero: (a) => {
      signAtZero(a);
      return a;
    },
  };
}

function containsName(e: Expr, name: string): boolean {
  const stack = [e];
  const seen = new Set<Expr>();
  while (stack.length) {
    const x = stack.pop()!;
    if (seen.has(x)) continue;
    seen.add(x);
    if (x.kind === 'Function' && x.name === name) return true;
    if (x.kind === 'Add') stack.push(...x.terms);
    else if (x.kind === 'Mul') stack.push(...x.bases, ...x.exps);
    else if (x.kind === 'Pow') stack.push(x.base, x.exp);
    else if (x.kind === 'Function') stack.push(...x.args);
  }
  return false;
}

const T = symbol('_t_series');

/**
 * The Laurent expansion of e in t = x − x0: returns {v, c} with e = Σ c[i]·t^(v+i) + O(t^n),
 * i.e. all powers below n. Throws LimitError when e has no such expansion (log x at 0, √x at 0,
 * e^(1/x) at 0) or the work exceeds the budget.
 * @example laurent(parse('1/sin(x)'), symbol('x'), ZERO, 2) // → {v: -1, c: [1, 0, 1/6]}
 */
export function laurent(e: Expr, x: SymbolNode, x0: Expr, n: number): PowerSeries {
  if (exprDepth(e, MAX_RULE_DEPTH) > MAX_RULE_DEPTH) throw new LimitError(`series: the expression is nested deeper than ${MAX_RULE_DEPTH} levels`);
  if (!Number.isInteger(n) || n < 1) throw new ArgumentError(`series order must be a positive integer, got ${describeValue(n)}`);
  checkLimit('seriesOrder', n, 'series');
  if (!Number.isFinite(evalNumber(x0, new Map()))) throw new ArgumentError('series: the expansion point must be a finite number (expand at oo by substituting x = 1/t)');
  const g = x0 === ZERO ? substitute(e, x, T) : substitute(e, x, add(x0, T));
  for (let extra = 4; extra <= 24; extra += 10) {
    let s: PowerSeries;
    try {
      s = norm(ser(g, T, Math.max(1, n - Math.min(0, 0)) + extra, new Map()));
    } catch (err) {
      if (err instanceof RangeError) throw new LimitError('series: the expansion is too large');
      if (err instanceof NotASeries) throw new LimitError(`no power series for ${'the expression'} at this point (log, root or essential singularity)`);
      throw err;
    }
    if (top(s) >= n) return truncate(s, n);
  }
  throw new LimitError('series: not enough precision (too much cancellation)');
}

/**
 * The Taylor coefficients c₀ … c_{n−1} of e about x0: e = Σ cₖ (x − x0)ᵏ + O((x − x0)ⁿ).
 * Throws DomainError when e has a pole there (use `laurent`).
 *
 * @example
 * seriesCoefficients(parse('log(1+x)'), symbol('x'), 0, 5) // → [0, 1, -1/2, 1/3, -1/4]
 */
export function seriesCoefficients(e: Expr, x: SymbolNode, x0: Expr, n: number): Expr[] {
  const s = laurent(e, x, x0, n);
  if (s.c.length && s.v < 0) throw new DomainError(`the expression has a pole of order ${-s.v} at this point; it has no Taylor series`);
  const out: Expr[] = new Array<Expr>(n).fill(ZERO);
  for (let i = 0; i < s.c.length; i++) if (s.v + i < n && s.v + i >= 0) out[s.v + i] = tidy(s.c[i]!);
  return out;
}

/**
 * The series of e about x0 up to (not including) (x − x0)ⁿ, as an expression; Laurent terms with
 * negative powers are included when e has a pole.
 *
 * @example
 * series(parse('sin(x)'), symbol('x'), 0, 6) // → x - x^3/6 + x^5/120
 */
export function series(e: Expr, x: SymbolNode, p: Expr = ZERO, n = 6): Expr {
  const s = laurent(e, x, p, n);
  const base = p === ZERO ? x : sub(x, p);
  const terms: Expr[] = [];
  for (let i = 0; i < s.c.length; i++) if (s.c[i] !== ZERO) terms.push(mul(tidy(s.c[i]!), pow(base, s.v + i)));
  return add(...terms);
}

/**
 * The leading term c·t^v of e at x0 (t = x − x0), or null without a power series; used by limit.
 * @example leadingTerm(parse('1 - cos(x)'), symbol('x'), ZERO) // → {v: 2, c: 1/2}
 */
export function leadingTerm(e: Expr, x: SymbolNode, x0: Expr, n = 8): { v: number; c: Expr } | null {
  try {
    const s = laurent(e, x, x0, n);
    if (!s.c.length) return null;
    if (!isNum(s.c[0]!) && !free(s.c[0]!, x)) return null;
    return { v: s.v, c: s.c[0]! };
  } catch (err) {
    if (err instanceof LimitError || err instanceof DomainError) return null;
    throw err;
  }
}
