/**
 * Taylor, Laurent and Puiseux series with exact coefficients, by arithmetic on truncated series
 * (no repeated differentiation, so coefficients stay small): sums, products, inverses and
 * integer powers; exp, log and sin/cos by recurrences after splitting off the constant term
 * (exp(g₀ + h) = e^{g₀}·Σ hᵏ/k!, log(g₀ + h) = log g₀ + log(1 + h/g₀), …); rational powers by
 * the binomial series. A function is expanded as its table entry says (`FunctionDef.series`):
 * by its rule written with these operations (σ(g) = 1/(1 + e⁻ᵍ), tan = sin/cos, …), or, when it
 * is marked `taylor`, by F(g) = F(g₀) + ∫ F′(g)·g′ dt (or, when F′ is written with F itself, as
 * Γ′ = Γ·ψ, by Taylor's formula from F's derivatives at g₀). Nothing here is specific to a function.
 *
 * `series` also gives what SymPy's does beyond Laurent series: fractional powers (a series in
 * t^(1/d): √x·eˣ = √x + x^(3/2) + …), logarithms in the coefficients (log t varies more slowly
 * than any power, so it is carried as a constant: x^x = 1 + x·log x + …, log(x + x²) = log x + x
 * − …), and expansions at ±∞ (in t = 1/x or −1/x). `laurent`, `seriesCoefficients` and
 * `leadingTerm` keep to Laurent series and refuse the rest. Several variables: `multivariate.ts`.
 *
 * @example
 * seriesCoefficients(parse('tan(x)'), x, 0, 6) // → [0, 1, 0, 1/3, 0, 2/15]
 * series(parse('exp(x)'), x, 0, 4)           // → 1 + x + x^2/2 + x^3/6
 * series(parse('sqrt(x^2 + 1)'), x, OO, 4)    // → x + 1/(2*x) - 1/(8*x^3)
 * series(parse('x^x'), x, 0, 3)              // → 1 + x*log(x) + x^2*log(x)^2/2
 */
import { ArgumentError, DomainError, LimitError, describeValue } from '../../../core/errors.js';
import { add, mul, neg, pow, sub } from '../../expr/arith.js';
import { E, NAN, NEG_OO, ONE, OO, ZERO, ZOO, isNum, numFromRational, numSign, rat, symbol, type Expr, type SymbolNode } from '../../expr/expr.js';
import { rational } from '../../../core/rational.js';
import { checkLimit } from '../../../core/limits.js';
import { FUNCTIONS, fn, type SeriesOps } from '../../functions/index.js';
import { diff } from '../diff/diff.js';
import { MAX_RULE_DEPTH, evalNumber, exprDepth, free, substitute } from '../../algebra/util.js';
import { expand } from '../../algebra/expand.js';
import { tidy } from '../../algebra/simplify.js';

/** A truncated Laurent series Σ c[i]·t^(v+i), known for powers < v + c.length. */
export interface PowerSeries {
  v: number;
  c: Expr[];
}

/**
 * The working form: Σ c[i]·t^((v+i)/d), known for powers < (v + c.length)/d. Its arithmetic is a
 * power series' in σ = t^(1/d); two series meet at the lcm of their d. Coefficients may hold
 * LOG_T (log t), a constant as far as the powers are concerned.
 */
interface Ser {
  v: number;
  d: number;
  c: Expr[];
}

/** No series of the kind asked for (a log, a root, an essential singularity): the callers' refusal. */
class NotASeries extends Error {}

/**
 * No expansion of the kind asked for exists at the point (an essential singularity like e^(1/x) at
 * 0, a branch point for a Laurent series, a symbolic power like x^a), or none could be found.
 * @example series('exp(1/x)', 'x', 0, 3) // → throws SeriesError
 */
export class SeriesError extends DomainError {
  override readonly code = 'SERIES_ERROR' as 'DOMAIN_ERROR';
}

/** log t in coefficients while expanding; written as log(x − x₀), −log(x) or −log(−x) at the end. */
const LOG_T = symbol('_log_t_series');

/**
 * The largest d·n (fractional powers' common denominator times the order) one expansion may
 * work with: the arrays are that long, and products cost its square.
 */
const MAX_RAMIFIED_TERMS = 8192;

/**
 * Coefficient products (rows summed by sumProducts) one expansion may compute: its work budget,
 * so a large request fails the same way on any machine. tan(x) to order 200 takes about 60 000.
 */
const SERIES_WORK = 3_000_000;
/** Work done by the current expansion (one at a time: expandAt resets it). */
let work = 0;

interface Ctx {
  readonly t: SymbolNode;
  /** Terms (in whole powers of t) each series keeps past its first. */
  readonly n: number;
  readonly memo: Map<Expr, Ser>;
  /** Fractional powers and log t allowed (series); else a Laurent series or NotASeries. */
  readonly puiseux: boolean;
  /** Whether log t has appeared (until then no coefficient needs looking at for it). */
  logs: boolean;
  /** The series operations for the table's rules, made once. */
  ops?: SeriesOps<Ser>;
  /** Table rewrites at ±∞ (nearInfinity, expLog) open at once. */
  rewrites: number;
}

/** Nested table rewrites of a function at an unbounded argument one expansion may open. */
const MAX_REWRITES = 8;

const gcdN = (a: number, b: number): number => {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
};

/** t^(v/d)·(c₀ + c₁σ + …) with leading zeros removed. */
function norm(s: Ser): Ser {
  let i = 0;
  while (i < s.c.length && s.c[i] === ZERO) i++;
  if (i === s.c.length) return { v: s.v + s.c.length, d: s.d, c: [] };
  return i ? { v: s.v + i, d: s.d, c: s.c.slice(i) } : s;
}

/** The first unknown power, in units of t^(1/d). */
const top = (s: Ser): number => s.v + s.c.length;

/** The same series in σ' = t^(1/(d·m)). */
function refine(a: Ser, m: number): Ser {
  if (m === 1) return a;
  if (a.c.length * m > MAX_RAMIFIED_TERMS) throw new LimitError(`series: fractional powers need more than ${MAX_RAMIFIED_TERMS} terms`);
  const c = new Array<Expr>(a.c.length * m).fill(ZERO);
  for (let i = 0; i < a.c.length; i++) c[i * m] = a.c[i]!;
  return { v: a.v * m, d: a.d * m, c };
}

/** a and b over a common d. */
function align(a: Ser, b: Ser): [Ser, Ser] {
  if (a.d === b.d) return [a, b];
  const D = (a.d / gcdN(a.d, b.d)) * b.d;
  return [refine(a, D / a.d), refine(b, D / b.d)];
}

/** The smallest d that holds a's powers (keeping only what is known: the precision rounds down). */
function reduce(a: Ser): Ser {
  if (a.d === 1) return a;
  let g = gcdN(a.d, a.v);
  for (let i = 0; i < a.c.length && g > 1; i++) if (a.c[i] !== ZERO) g = gcdN(g, i);
  if (g === 1) return a;
  const c: Expr[] = [];
  for (let i = 0; i + g <= a.c.length; i += g) c.push(a.c[i]!);
  return { v: a.v / g, d: a.d / g, c };
}

function sAdd(a: Ser, b: Ser): Ser {
  if (a.d !== b.d) [a, b] = align(a, b);
  const v = Math.min(a.v, b.v);
  const N = Math.min(top(a), top(b));
  const c: Expr[] = [];
  for (let p = v; p < N; p++) {
    const x = a.c[p - a.v], y = b.c[p - b.v];
    c.push(add(p >= a.v && x ? x : ZERO, p >= b.v && y ? y : ZERO));
  }
  return norm({ v, d: a.d, c });
}

function sScale(a: Ser, k: Expr): Ser {
  if (k === ZERO) return { v: top(a), d: a.d, c: [] };
  return { v: a.v, d: a.d, c: a.c.map((x) => mul(x, k)) };
}

function sMul(a: Ser, b: Ser): Ser {
  if (a.d !== b.d) [a, b] = align(a, b);
  const n = Math.min(a.c.length, b.c.length);
  // Over a's nonzero coefficients only: a series in t^(1/d) with large d is mostly zeros.
  const nzA: number[] = [];
  for (let i = 0; i < n; i++) if (a.c[i] !== ZERO) nzA.push(i);
  const c: Expr[] = [];
  for (let k = 0; k < n; k++) {
    const rows: Factor[][] = [];
    for (const i of nzA) {
      if (i > k) break;
      if (b.c[k - i] !== ZERO) rows.push([a.c[i]!, b.c[k - i]!]);
    }
    c.push(sumProducts(rows));
  }
  return norm({ v: a.v + b.v, d: a.d, c });
}

/** a·t^(p/q). */
function sShift(a: Ser, p: number, q: number): Ser {
  const D = (a.d / gcdN(a.d, q)) * q;
  const r = refine(a, D / a.d);
  return reduce({ v: r.v + (p * D) / q, d: D, c: r.c });
}

/** Keep powers below t^N. */
function truncate(a: Ser, N: number): Ser {
  if (top(a) <= N * a.d) return a;
  return { v: a.v, d: a.d, c: a.c.slice(0, Math.max(0, N * a.d - a.v)) };
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
  work += rows.length;
  if (work > SERIES_WORK) throw new LimitError(`series: the expansion needs more than ${SERIES_WORK} coefficient products`);
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

/**
 * The coefficients h₀ … h_{len−1} of a series with valuation ≥ 0, as a dense array (h₀ = 0 when
 * the valuation is positive). The recurrences below work on these.
 */
function dense(h: Ser, len: number): Expr[] {
  const out = new Array<Expr>(len).fill(ZERO);
  for (let i = 0; i < h.c.length && h.v + i < len; i++) out[h.v + i] = h.c[i]!;
  return out;
}

/**
 * 1/a by the recurrence a·b = 1: b₀ = 1/c₀, bₖ = −(1/c₀)·Σ_{i=1..k} cᵢ·b_{k−i}, with
 * a = t^v·(c₀ + c₁t + …). O(n²) coefficient operations (composing the geometric series was O(n³)).
 */
function sInv(a: Ser): Ser {
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
  return { v: -a.v, d: a.d, c: b };
}

/** Split a (valuation ≥ 0) into constant term and the rest. */
function splitConst(a: Ser): [Expr, Ser] {
  if (a.v < 0) throw new NotASeries();
  if (a.v > 0) return [ZERO, a];
  return [a.c[0] ?? ZERO, norm({ v: 0, d: a.d, c: [ZERO, ...a.c.slice(1)] })];
}

/** The constant c to n terms. */
const constantSeries = (c: Expr, n: number): Ser => norm({ v: 0, d: 1, c: [c, ...new Array<Expr>(n - 1).fill(ZERO)] });

/** Series of e in t about 0 with about n terms of relative precision. */
function ser(e: Expr, ctx: Ctx): Ser {
  const hit = ctx.memo.get(e);
  if (hit) return hit;
  const r = serNode(e, ctx);
  ctx.memo.set(e, r);
  return r;
}

function serNode(e: Expr, ctx: Ctx): Ser {
  const { t, n } = ctx;
  if (free(e, t)) return constantSeries(e, n);
  if (e === t) return { v: 1, d: 1, c: [ONE, ...new Array<Expr>(n - 1).fill(ZERO)] };
  switch (e.kind) {
    case 'Add': {
      let acc = ser(e.coeff, ctx);
      for (let i = 0; i < e.terms.length; i++) acc = sAdd(acc, sScale(ser(e.terms[i]!, ctx), e.coeffs[i]!));
      return acc;
    }
    case 'Mul': {
      let acc = ser(e.coeff, ctx);
      for (let i = 0; i < e.bases.length; i++) acc = sMul(acc, serPow(e.bases[i]!, e.exps[i]!, ctx));
      return acc;
    }
    case 'Pow':
      return serPow(e.base, e.exp, ctx);
    case 'Function':
      return serFn(e.name, e.args, e, ctx);
    default:
      throw new NotASeries();
  }
}

function serPow(b: Expr, k: Expr, ctx: Ctx): Ser {
  if (b === E) return serExp(ser(k, ctx), ctx);
  // b^k = exp(k·log b)
  if (!free(k, ctx.t)) return serExp(sMul(ser(k, ctx), serLog(ser(b, ctx), ctx)), ctx);
  const s = norm(ser(b, ctx));
  if (k.kind === 'Integer') {
    const m = k.value.num;
    if (!s.c.length) {
      // Zero to the known precision: s^m is too, for m > 0.
      if (m > 0n) return { v: s.v * Number(m), d: s.d, c: [] };
      if (m === 0n) return constantSeries(ONE, ctx.n);
      throw new NotASeries();
    }
    // The leading coefficient c₀^m first: it refuses (LimitError) powers too large to hold exactly.
    pow(s.c[0]!, k);
    // Binary powering: O(log m) series products, for any m (x^65, (1 + x)^100, sin(x)^80).
    let base = m < 0n ? sInv(s) : s;
    let e = m < 0n ? -m : m;
    let r: Ser = { v: 0, d: base.d, c: [ONE, ...new Array<Expr>(base.c.length - 1).fill(ZERO)] };
    while (e > 0n) {
      if (e & 1n) r = sMul(r, base);
      e >>= 1n;
      if (e > 0n) base = sMul(base, base);
    }
    return r;
  }
  if (k.kind === 'Rational') {
    // (c₀·t^(v/d)·(1 + w))^q = c₀^q · t^(vq/d) · (1 + w)^q
    if (!s.c.length) throw new NotASeries();
    const num = BigInt(s.v) * k.value.num, den = BigInt(s.d) * k.value.den;
    if (den > BigInt(MAX_RAMIFIED_TERMS) || num > BigInt(Number.MAX_SAFE_INTEGER) || -num > BigInt(Number.MAX_SAFE_INTEGER)) throw new NotASeries();
    const g = gcdN(Number(num), Number(den));
    const p = Number(num) / g, q = Number(den) / g;
    const c0 = s.c[0]!;
    if (!ctx.puiseux) {
      // Two-sided (t of either sign): t^(p/q) needs q = 1, and (t^v)^k = t^(vk) fails for t < 0
      // when v is even and vk odd (√(t²) = |t|).
      if (q !== 1 || (s.v % 2 === 0 && Math.abs(p) % 2 === 1)) throw new NotASeries();
    }
    // An even root of a negative leading coefficient has no real value.
    if (k.value.den % 2n === 0n && (isNum(c0) ? numSign(c0) < 0 : evalNumber(c0, new Map()) < 0)) throw new NotASeries();
    const ic0 = pow(c0, -1);
    const u = s.c.map((x, i) => (i === 0 ? ONE : mul(x, ic0)));
    const r = powOfUnitConst(u, k, s.c.length);
    const c0q = pow(c0, k);
    return norm(sShift({ v: 0, d: s.d, c: r.map((x) => mul(x, c0q)) }, p, q));
  }
  return serExp(sMul(ser(k, ctx), serLog(s, ctx)), ctx);
}

/** e^g; a constant term a·log t + b gives t^a·e^b (a rational). */
function serExp(g: Ser, ctx: Ctx): Ser {
  g = norm(g);
  let [g0, h] = splitConst(g);
  let shift: [number, number] | null = null;
  if (ctx.logs && !free(g0, LOG_T)) {
    const a = diff(g0, LOG_T);
    if (a.kind === 'Integer') shift = [Number(a.value.num), 1];
    else if (a.kind === 'Rational' && a.value.den <= BigInt(MAX_RAMIFIED_TERMS)) shift = [Number(a.value.num), Number(a.value.den)];
    else throw new NotASeries(); // t^a with a not a number, or e^(log² t)
    g0 = substitute(g0, LOG_T, ZERO);
  }
  const len = Math.min(ctx.n * g.d, top(g));
  const e = expOfZeroConst(dense(h, len), len);
  const eg0 = pow(E, g0);
  const r = norm({ v: 0, d: g.d, c: e.map((x) => mul(x, eg0)) });
  return shift ? sShift(r, shift[0], shift[1]) : r;
}

/**
 * log g = log g₀ + L with w = g/g₀ and w·L′ = w′: lₖ = wₖ − (1/k)·Σ_{j=1..k−1} j·lⱼ·w_{k−j}; a
 * leading t^(v/d) adds (v/d)·log t (Puiseux mode only: log t is not a power series).
 */
function serLog(g: Ser, ctx: Ctx): Ser {
  g = norm(g);
  if (!g.c.length) throw new NotASeries();
  let logT: Expr = ZERO;
  if (g.v !== 0) {
    if (!ctx.puiseux) throw new NotASeries();
    logT = mul(rat(g.v, g.d), LOG_T);
    ctx.logs = true;
    g = { v: 0, d: g.d, c: g.c };
  }
  const len = Math.min(ctx.n * g.d, top(g));
  const ig0 = pow(g.c[0]!, -1);
  const w = dense(g, len).map((x) => mul(x, ig0));
  const l: Expr[] = [add(fn('log', g.c[0]!), logT)];
  for (let k = 1; k < len; k++) {
    const rows: Factor[][] = [[w[k]!]];
    const mik = pow(-k, -1);
    for (let j = 1; j < k; j++) if (l[j] !== ZERO && w[k - j] !== ZERO) rows.push([j, mik, l[j]!, w[k - j]!]);
    l.push(sumProducts(rows));
  }
  return norm({ v: 0, d: g.d, c: l });
}

/** sin g and cos g from one pass: sin(g₀ + h) = sin g₀ cos h + cos g₀ sin h, cos(g₀ + h) = cos g₀ cos h − sin g₀ sin h. */
function serSinCos(g: Ser, ctx: Ctx): [Ser, Ser] {
  g = norm(g);
  const len = Math.min(ctx.n * g.d, top(g));
  const [g0, h] = splitConst(g);
  const [sd, cd] = sinCosOfZeroConst(dense(h, len), len);
  const sh = norm({ v: 0, d: g.d, c: sd }), ch = norm({ v: 0, d: g.d, c: cd });
  const s0 = fn('sin', g0), c0 = fn('cos', g0);
  return [sAdd(sScale(ch, s0), sScale(sh, c0)), sAdd(sScale(ch, c0), sScale(sh, mul(-1, s0)))];
}

/** The placeholder for a kink function's argument when reading its `bySign` form. */
const KINK_ARG = symbol('_kink_series');

/** The sign of g's constant term (a number), or NotASeries when it is 0 or not numeric. */
function signAtZero(g: Ser): 1 | -1 {
  const [g0] = splitConst(g);
  const s = Math.sign(evalNumber(g0, new Map()));
  if (s !== 1 && s !== -1) throw new NotASeries();
  return s;
}

function serFn(name: string, args: readonly Expr[], e: Expr, ctx: Ctx): Ser {
  // One argument varies (polygamma(0, x) too): F as a function of it.
  const j = args.findIndex((a) => !free(a, ctx.t));
  if (args.some((a, i) => i !== j && !free(a, ctx.t))) throw new NotASeries();
  const at = (y: Expr): Expr => fn(name, ...args.map((a, i) => (i === j ? y : a)));
  const g = norm(ser(args[j]!, ctx));
  const len = Math.min(ctx.n * g.d, top(g));
  const bySign = FUNCTIONS[name]?.bySign;
  const rule = FUNCTIONS[name]?.series;
  // Kink forms and series rules are written for one argument.
  if (args.length !== 1 && (bySign || rule?.expand)) throw new NotASeries();
  if (ctx.puiseux && g.v < 0 && g.c.length && args.length === 1) {
    // The argument is unbounded (t → 0⁺): f as the table rewrites it there, in functions of
    // bounded arguments (asinh u = log(u + √(u² + 1)), atan u = π/2 − atan(1/u)).
    const s = Math.sign(evalNumber(g.c[0]!, new Map()));
    const def = FUNCTIONS[name];
    const form = s === 1 || s === -1 ? (def?.nearInfinity?.(args[0]!, s) ?? def?.expLog?.(args)) : undefined;
    if (form && ctx.rewrites < MAX_REWRITES) {
      ctx.rewrites++;
      try {
        return ser(form, ctx);
      } finally {
        ctx.rewrites--;
      }
    }
  }
  if (bySign) {
    // A kink function is smooth only away from g = 0; there, with s = sign(g(0)) fixed, its
    // table form is a₀ + a₁·g (|g| = s·g, H(g) = (1 + s)/2).
    const r = bySign(rat(signAtZero(g)), [KINK_ARG]);
    const a1 = diff(r, KINK_ARG), a0 = substitute(r, KINK_ARG, ZERO);
    if (!free(a1, KINK_ARG) || !free(a0, KINK_ARG)) throw new NotASeries();
    if (a0 === ZERO) return sScale(g, a1);
    const c0 = constantSeries(a0, Math.max(1, len));
    return a1 === ZERO ? c0 : sAdd(c0, sScale(g, a1));
  }
  if (rule?.expand) return rule.expand(g, (ctx.ops ??= opsFor(ctx)));
  if (!rule?.taylor) throw new NotASeries();
  const known0 = args.length === 1 && g.v >= 0 ? rule.coefficientsAt?.(splitConst(g)[0]) : null;
  if (known0) return taylorKnown(known0, g, ctx);
  // F(g) = F(g₀) + ∫ F′(g)·g′ dt, with F′(g)·g′ = d/dt F(g(t)), term by term: every power of the
  // derivative above t^(−1), no log t (its integral is not termwise), F(g₀) finite. Where g → ±∞
  // (one-sided, t → 0⁺: Puiseux mode), F(g₀) is the table's value at ±∞: atan(x) = π/2 − 1/x + ….
  const d = diff(e, ctx.t);
  if (d.kind === 'Derivative') throw new NotASeries();
  // F′ in terms of F itself (Γ′ = Γ·ψ, W′ = W/(u(1 + W))): expanding it would recurse.
  if (containsName(d, name)) return taylorComposed(at, g, ctx);
  const c0 = g.v < 0 && ctx.puiseux && args.length === 1 ? valueAtInfinity(name, g) : at(splitConst(g)[0]);
  if (c0 === ZOO || c0 === OO || c0 === NEG_OO || c0 === NAN || (ctx.logs && !free(c0, LOG_T))) throw new NotASeries();
  const ds = norm(ser(d, ctx));
  const D = ds.d;
  if (ds.c.length && ds.v + D <= 0) throw new NotASeries();
  const c: Expr[] = new Array<Expr>(Math.max(1, ds.v + D + ds.c.length)).fill(ZERO);
  c[0] = c0;
  for (let i = 0; i < ds.c.length; i++) {
    if (ds.c[i] === ZERO) continue;
    if (ctx.logs && !free(ds.c[i]!, LOG_T)) throw new NotASeries();
    c[ds.v + i + D] = mul(ds.c[i]!, rat(D, ds.v + i + D));
  }
  // Known as far as g is (len powers of t^(1/g.d)) and as the derivative is (c's length).
  const known = Math.floor((len * D) / g.d);
  return reduce(norm({ v: 0, d: D, c: c.slice(0, Math.max(1, Math.min(c.length, known))) }));
}

/** Placeholder variable for F's derivatives in Taylor's formula. */
const TAYLOR_ARG = symbol('_y_series');

/**
 * F(g₀ + h) = Σₖ F⁽ᵏ⁾(g₀)/k!·hᵏ for h = g − g₀ (valuation > 0), the derivatives taken of F(y) and
 * evaluated at y = g₀ (each must be finite): for functions whose derivative is written with the
 * function itself. Horner's scheme, so about n series products.
 */
function taylorComposed(at: (y: Expr) => Expr, g: Ser, ctx: Ctx): Ser {
  const [g0, h] = splitConst(g);
  if (ctx.logs && !free(g0, LOG_T)) throw new NotASeries();
  const len = Math.min(ctx.n * g.d, top(g));
  const hv = h.c.length ? h.v : len; // h's valuation: how many terms of Σ reach t^len
  const terms = Math.max(1, Math.ceil(len / Math.max(1, hv)));
  const coefs: Expr[] = [];
  let dk = at(TAYLOR_ARG);
  let fact: Expr = ONE;
  for (let k = 0; k < terms; k++) {
    if (k > 0) {
      dk = diff(dk, TAYLOR_ARG);
      fact = mul(fact, k);
      if (dk.kind === 'Derivative') throw new NotASeries();
    }
    const ck = tidy(mul(substitute(dk, TAYLOR_ARG, g0), pow(fact, -1)));
    if (!finiteCoefficient(ck)) throw new NotASeries();
    coefs.push(ck);
  }
  // Horner: ((c_{m}·h + c_{m−1})·h + …)·h + c₀, each product cut to g's precision.
  let acc = constantSeries(coefs[terms - 1]!, len);
  for (let k = terms - 2; k >= 0; k--) acc = sAdd(sMul(acc, h), constantSeries(coefs[k]!, len));
  return acc;
}

/** F(g₀ + h) = Σₖ cₖ·hᵏ from the table's closed-form coefficients cₖ at g₀ (`coefficientsAt`). */
function taylorKnown(coef: (k: number) => Expr, g: Ser, ctx: Ctx): Ser {
  const [, h] = splitConst(g);
  const len = Math.min(ctx.n * g.d, top(g));
  const hv = h.c.length ? h.v : len;
  const terms = Math.max(1, Math.ceil(len / Math.max(1, hv)));
  let acc = constantSeries(coef(terms - 1), len);
  for (let k = terms - 2; k >= 0; k--) acc = sAdd(sMul(acc, h), constantSeries(coef(k), len));
  return acc;
}

/** A Taylor coefficient with no infinity or undefined part (zoo, ±oo, nan) anywhere in it. */
function finiteCoefficient(c: Expr): boolean {
  const stack = [c];
  const seen = new Set<Expr>();
  while (stack.length) {
    const x = stack.pop()!;
    if (x === ZOO || x === OO || x === NEG_OO || x === NAN) return false;
    if (seen.has(x)) continue;
    seen.add(x);
    if (x.kind === 'Add') stack.push(...x.terms);
    else if (x.kind === 'Mul') stack.push(...x.bases, ...x.exps);
    else if (x.kind === 'Pow') stack.push(x.base, x.exp);
    else if (x.kind === 'Function') stack.push(...x.args);
  }
  return true;
}

/** F(±∞) from the table (`atInfinity`) for g → ±∞ as t → 0⁺ (the sign of g's leading coefficient). */
function valueAtInfinity(name: string, g: Ser): Expr {
  const s = Math.sign(evalNumber(g.c[0]!, new Map()));
  if (s !== 1 && s !== -1) throw new NotASeries();
  const at = FUNCTIONS[name]?.atInfinity?.(s);
  if (!at || !('kind' in at)) throw new NotASeries();
  return at;
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

/** The series operations the function table's rules (`SeriesRule.expand`) are written with. */
function opsFor(ctx: Ctx): SeriesOps<Ser> {
  return {
    constant: (c) => constantSeries(c, ctx.n),
    add: sAdd,
    scale: sScale,
    mul: sMul,
    inv: sInv,
    exp: (a) => serExp(a, ctx),
    log: (a) => serLog(a, ctx),
    sinCos: (a) => serSinCos(a, ctx),
    awayFromZero: (a) => {
      signAtZero(a);
      return a;
    },
  };
}

const T = symbol('_t_series');

/** e in t: x = x0 + t, x = 1/t at +∞, x = −1/t at −∞. */
function substituteAt(e: Expr, x: SymbolNode, x0: Expr): Expr {
  if (x0 === OO) return substitute(e, x, pow(T, -1));
  if (x0 === NEG_OO) return substitute(e, x, neg(pow(T, -1)));
  if (!Number.isFinite(evalNumber(x0, new Map()))) throw new ArgumentError(`series: the expansion point must be a number or ±oo, got ${describeValue(x0)}`);
  return x0 === ZERO ? substitute(e, x, T) : substitute(e, x, add(x0, T));
}

/**
 * e's series in t (see substituteAt) with every power below t^n known, or also the t^n
 * coefficient when `withNext` (so that the error term can be named).
 */
function expandAt(e: Expr, x: SymbolNode, x0: Expr, n: number, puiseux: boolean, withNext = false): { s: Ser; logs: boolean } {
  if (exprDepth(e, MAX_RULE_DEPTH) > MAX_RULE_DEPTH) throw new LimitError(`series: the expression is nested deeper than ${MAX_RULE_DEPTH} levels`);
  if (!Number.isInteger(n) || n < 1) throw new ArgumentError(`series order must be a positive integer, got ${describeValue(n)}`);
  checkLimit('seriesOrder', n, 'series');
  const g = substituteAt(e, x, x0);
  work = 0;
  for (let extra = 4; extra <= 24; extra += 10) {
    let s: Ser;
    const ctx: Ctx = { t: T, n: n + extra, memo: new Map(), puiseux, logs: false, rewrites: 0 };
    try {
      s = norm(ser(g, ctx));
    } catch (err) {
      if (err instanceof RangeError) throw new LimitError('series: the expansion is too large');
      if (err instanceof NotASeries) {
        const where = x0 === OO || x0 === NEG_OO ? `at ${x0 === OO ? '' : '-'}oo` : 'at this point';
        throw new SeriesError(
          puiseux
            ? `no series ${where}: an essential singularity, or a power or function with no expansion there`
            : `no Laurent series ${where} (a log, a fractional power or an essential singularity); series() allows fractional powers and logs`,
        );
      }
      throw err;
    }
    if (top(s) > n * s.d || (!withNext && top(s) === n * s.d)) return { s, logs: ctx.logs };
  }
  throw new LimitError('series: not enough precision (too much cancellation)');
}

/**
 * The Laurent expansion of e in t = x − x0 (t = 1/x at x0 = oo, −1/x at −oo): returns {v, c} with
 * e = Σ c[i]·t^(v+i) + O(t^n), i.e. all powers below n. Throws SeriesError when e has no such
 * expansion (log x or √x at 0, e^(1/x) at 0; `series` does the first two), LimitError when the
 * work exceeds the budget.
 * @example laurent(parse('1/sin(x)'), symbol('x'), ZERO, 2) // → {v: -1, c: [1, 0, 1/6]}
 */
export function laurent(e: Expr, x: SymbolNode, x0: Expr, n: number): PowerSeries {
  const s = truncate(expandAt(e, x, x0, n, false).s, n);
  return { v: s.v, c: s.c };
}

/**
 * The Taylor coefficients c₀ … c_{n−1} of e about x0: e = Σ cₖ (x − x0)ᵏ + O((x − x0)ⁿ) (at ±oo,
 * cₖ multiplies (±1/x)ᵏ). Throws DomainError when e has a pole there (use `laurent`).
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

/** A series as an expression with its error term: `series + O(order)`. */
export interface SeriesResult {
  /** The terms, powers of (x − x0) below n (of 1/x below n at ±oo). */
  readonly series: Expr;
  /** What the O(·) term holds: (x − x0)ⁿ, or x⁻ⁿ at ±oo, times log(x)ᵏ when the next terms have logs. */
  readonly order: Expr;
}

/** How t^q reads in x. */
function powerInX(x: SymbolNode, x0: Expr): (q: Expr | number) => Expr {
  const minus = (q: Expr | number): Expr | number => (typeof q === 'number' ? -q : neg(q));
  if (x0 === OO) return (q) => pow(x, minus(q));
  if (x0 === NEG_OO) return (q) => pow(neg(x), minus(q));
  const base = x0 === ZERO ? x : sub(x, x0);
  return (q) => pow(base, q);
}

/** log t in x, and the log whose power the O term shows (log t up to sign). */
function logInX(x: SymbolNode, x0: Expr): { logT: Expr; logAbs: Expr } {
  if (x0 === OO) return { logT: neg(fn('log', x)), logAbs: fn('log', x) };
  if (x0 === NEG_OO) return { logT: neg(fn('log', neg(x))), logAbs: fn('log', neg(x)) };
  const l = fn('log', x0 === ZERO ? x : sub(x, x0));
  return { logT: l, logAbs: l };
}

/** c's growth in log t as a factor for the O term: log(t)ᵏ for a polynomial of degree k, else c itself. */
function logGrowth(c: Expr): Expr {
  if (free(c, LOG_T)) return ONE;
  const x = expand(c);
  let k = 0;
  for (const term of x.kind === 'Add' ? x.terms : [x]) {
    if (free(term, LOG_T)) continue;
    const [b, e] = term.kind === 'Pow' ? [term.base, term.exp] : term.kind === 'Mul' ? [term.bases.find((b) => !free(b, LOG_T)), term.exps[term.bases.findIndex((b) => !free(b, LOG_T))]] : [term, ONE];
    const others = term.kind === 'Mul' ? term.bases.filter((b) => !free(b, LOG_T)).length : 1;
    if (b !== LOG_T || others !== 1 || e?.kind !== 'Integer') return c;
    k = Math.max(k, Number(e.value.num));
  }
  return pow(LOG_T, k);
}

/**
 * The series of e about x0 (a number, oo or -oo) with every power below n, and its error term,
 * as SymPy's `series(e, x, x0, n)`: Laurent terms for a pole, fractional powers (a Puiseux
 * series), log(x − x0) in coefficients, powers of 1/x at ±oo. Throws SeriesError where no such
 * expansion exists (e^(1/x) at 0, e^x at oo).
 * @example
 * String(seriesDetailed(parse('x^x'), symbol('x'), ZERO, 3).order) // → 'x^3*log(x)^3'
 */
export function seriesDetailed(e: Expr, x: SymbolNode, x0: Expr = ZERO, n = 6): SeriesResult {
  const { s, logs } = expandAt(e, x, x0, n, true, true);
  const power = powerInX(x, x0);
  const { logT, logAbs } = logs ? logInX(x, x0) : { logT: ZERO, logAbs: ZERO };
  const terms: Expr[] = [];
  const keep = truncate(s, n);
  for (let i = 0; i < keep.c.length; i++) {
    const c = keep.c[i]!;
    if (c === ZERO) continue;
    const p = power(keep.d === 1 ? keep.v + i : rat(keep.v + i, keep.d));
    // A coefficient with log t is written out term by term in powers of log(x), as SymPy prints it.
    terms.push(!logs || free(c, LOG_T) ? mul(tidy(c), p) : expand(mul(tidy(substitute(c, LOG_T, logT)), p)));
  }
  const next = s.c[n * s.d - s.v];
  const growth = next === undefined || !logs ? ONE : logGrowth(next);
  // At ±oo the error term is O(x⁻ⁿ) (the sign of (−1/x)ⁿ says nothing).
  const scale = x0 === OO || x0 === NEG_OO ? pow(x, -n) : power(n);
  return { series: add(...terms), order: growth === ONE ? scale : mul(scale, substitute(growth, LOG_T, logAbs)) };
}

/**
 * The series of e about x0 up to (not including) (x − x0)ⁿ, as an expression: Laurent terms for a
 * pole, fractional powers and log(x − x0) where e needs them, powers of 1/x at ±oo (see
 * `seriesDetailed`, which also gives the O term).
 *
 * @example
 * series(parse('sin(x)'), symbol('x'), 0, 6) // → x - x^3/6 + x^5/120
 * series(parse('sqrt(x)*exp(x)'), symbol('x'), 0, 3) // → sqrt(x) + x^(3/2) + x^(5/2)/2
 */
export function series(e: Expr, x: SymbolNode, p: Expr = ZERO, n = 6): Expr {
  return seriesDetailed(e, x, p, n).series;
}

/**
 * The leading term c·t^v of e at x0 (t = x − x0), or null without a Laurent series; used by limit.
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

