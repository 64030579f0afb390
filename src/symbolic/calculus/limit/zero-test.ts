/**
 * Deciding whether an expression is identically zero, and the sign of a constant, by evaluation
 * with a running bound on the rounding error (first-order propagation: |Δ(a + b)| ≤ |Δa| + |Δb| +
 * ε·(|a| + |b|), |Δf(a)| ≤ |f′(a)|·|Δa| + ε·|f(a)|). A value clearly larger than its error bound
 * proves "nonzero" at that point; an expression that is zero to within its (small) error at
 * several unrelated points is taken to be identically zero — the classical test by random
 * evaluation, sound for the analytic expressions the limit code builds. Anything in between is
 * reported as undecided, never guessed.
 *
 * @example
 * isIdenticallyZero(parse('log(2*x) - log(x) - log(2)'), [x]) // → true
 * constantSign(parse('pi - 3'))                               // → 1
 */
import { UndecidedError } from '../../../core/errors.js';
import { add, mul, pow } from '../../expr/arith.js';
import { E, isNum, numValue, symbol, type Expr, type SymbolNode } from '../../expr/expr.js';
import { rewrite } from '../../walk/rewrite.js';
import { FUNCTIONS, LGS, dgsOrder } from '../../functions/index.js';
import { dgsNum, lgsNum } from '../../functions/gamma-numeric.js';
import { freeSymbols } from '../../walk/traverse.js';
import { ERFS } from '../series/asymptotic.js';

const EPS = 2.220446049250313e-16;
/** A value within this many error bounds of 0 counts as zero at that point. */
const ZERO_SLACK = 64;
/** An error bound above this fraction of the terms' size means the point says nothing. */
const MAX_REL_ERROR = 1e-6;
/** Sample values for the slowly varying variable (and any parameter): unrelated, mostly > 1. */
const POINTS = [1.4142, 2.3183, 3.6716, 0.8214, 5.9313, 1.1735, 9.4227, 17.305, 41.37, 133.7, 1021.3];
/** Points that must agree on "zero" before an expression is called identically zero. */
const ZERO_POINTS = 3;

/** [value, error bound, size of the terms] */
type VE = readonly [number, number, number];

function evalErr(e: Expr, env: ReadonlyMap<Expr, number>, memo: Map<Expr, VE>): VE {
  const hit = memo.get(e);
  if (hit) return hit;
  const r = evalNode(e, env, memo);
  memo.set(e, r);
  return r;
}

function evalNode(e: Expr, env: ReadonlyMap<Expr, number>, memo: Map<Expr, VE>): VE {
  switch (e.kind) {
    case 'Integer':
    case 'Rational': {
      const v = numValue(e);
      return [v, EPS * Math.abs(v), Math.abs(v)];
    }
    case 'Float':
      return [e.value, EPS * Math.abs(e.value), Math.abs(e.value)];
    case 'Symbol': {
      const v = env.get(e) ?? NaN;
      return [v, 0, Math.abs(v)];
    }
    case 'Constant': {
      const v = e.name === 'pi' ? Math.PI : e.name === 'E' ? Math.E : NaN;
      return [v, EPS * Math.abs(v), Math.abs(v)];
    }
    case 'Add': {
      let [s, d, m] = evalErr(e.coeff, env, memo);
      for (let i = 0; i < e.terms.length; i++) {
        const [v, dv] = evalErr(e.terms[i]!, env, memo);
        const c = numValue(e.coeffs[i]!);
        s += c * v;
        d += Math.abs(c) * dv;
        m += Math.abs(c * v);
      }
      return [s, d + EPS * m, m];
    }
    case 'Mul': {
      let p = numValue(e.coeff);
      let m = Math.abs(p);
      let rel = EPS;
      for (let i = 0; i < e.bases.length; i++) {
        const b = evalErr(e.bases[i]!, env, memo), k = evalErr(e.exps[i]!, env, memo);
        const [v, dv] = powErr(b, k, e.bases[i] === E);
        p *= v;
        // The size a factor could have had: its terms' size for a positive power.
        m *= e.bases[i] !== E && k[0] > 0 ? Math.pow(b[2], k[0]) : Math.abs(v);
        rel += v === 0 ? (dv === 0 ? 0 : Infinity) : dv / Math.abs(v);
      }
      const d = Number.isFinite(rel) ? rel * Math.abs(p) : NaN;
      return [p, d, m];
    }
    case 'Pow': {
      const [v, d] = powErr(evalErr(e.base, env, memo), evalErr(e.exp, env, memo), e.base === E);
      return [v, d, Math.abs(v)];
    }
    case 'Function': {
      if (e.args.length !== 1) {
        const def = FUNCTIONS[e.name];
        const args = e.args.map((a) => evalErr(a, env, memo));
        const v = def ? def.numeric(...args.map((a) => a[0])) : NaN;
        // Several arguments (max, atan2): the error bound is the largest argument error, widened.
        const d = args.reduce((s, a) => s + a[1], 0) * 4 + EPS * Math.abs(v);
        return [v, d, Math.abs(v)];
      }
      const [a, da, ma] = evalErr(e.args[0]!, env, memo);
      const f = numericOf(e.name);
      if (!f) return [NaN, NaN, NaN];
      const v = f(a);
      // |f′(a)| by a central difference, scaled to the argument.
      const h = 1e-6 * Math.max(1, Math.abs(a));
      const slope = Math.abs((f(a + h) - f(a - h)) / (2 * h));
      // Size: what f could be if its argument moved by its own size (cos(π/2) is "small", not 0-sized).
      return [v, (Number.isFinite(slope) ? slope : Infinity) * da * 1.5 + EPS * Math.abs(v), Math.abs(v) + slope * ma];
    }
    default:
      return [NaN, NaN, NaN];
  }
}

function powErr([b, db]: VE, [k, dk]: VE, baseE: boolean): [number, number] {
  if (baseE) {
    const v = Math.exp(k);
    return [v, v * dk + EPS * v];
  }
  const v = b < 0 && !Number.isInteger(k) ? NaN : Math.pow(b, k);
  // Δ(bᵏ) ≈ |k·b^(k−1)|·Δb + |bᵏ·log b|·Δk
  const d = Math.abs(k * Math.pow(b, k - 1)) * db + (dk ? Math.abs(v * Math.log(Math.abs(b))) * dk : 0) + EPS * Math.abs(v);
  return [v, d];
}

function numericOf(name: string): ((x: number) => number) | null {
  if (name === ERFS) return erfsNumeric;
  if (name === LGS) return lgsNum;
  const n = dgsOrder(name);
  if (n !== null) return (u) => dgsNum(n, u);
  const def = FUNCTIONS[name];
  return def && def.arity === 1 ? (x) => def.numeric(x) : null;
}

/** e^(u²)·erfc(u) by its continued fraction for u ≥ 2, from erf below (used only at test points). */
function erfsNumeric(u: number): number {
  if (u < 2) {
    const erf = FUNCTIONS.erf!.numeric(u);
    return Math.exp(u * u) * (1 - erf);
  }
  // Lentz-free backward evaluation of erfc(u)·e^(u²)·√π = 1/(u + 1/2/(u + 1/(u + 3/2/(u + …))))
  let t = u;
  for (let k = 60; k >= 1; k--) t = u + k / 2 / t;
  return 1 / (t * Math.sqrt(Math.PI));
}

/**
 * Whether e (free of the limit's fast variable) is identically zero. `vars` are the variables it
 * may depend on; each gets the sample values in turn. Throws UndecidedError when the samples
 * cannot tell (the expression cannot be evaluated, or it is tiny but not clearly zero).
 */
export function isIdenticallyZero(e: Expr, vars: readonly SymbolNode[]): boolean {
  if (isNum(e)) return numValue(e) === 0;
  if (nonzeroByForm(e, vars)) return false;
  const syms = [...new Set([...vars, ...freeSymbols(e)])];
  let zeros = 0;
  for (let i = 0; i < POINTS.length; i++) {
    const env = new Map<Expr, number>(syms.map((s, j) => [s, sampleValue(s, POINTS[(i + 3 * j) % POINTS.length]! + 0.137 * j)]));
    const [v, d, m] = evalErr(e, env, new Map());
    if (!Number.isFinite(v) || !Number.isFinite(d)) continue;
    if (Math.abs(v) > ZERO_SLACK * d) return false;
    if (d <= MAX_REL_ERROR * Math.max(m, 1e-300)) zeros++;
    if (zeros >= ZERO_POINTS) return true;
    if (syms.length === 0) break; // a constant has one value
  }
  if (syms.length === 0 && zeros === 1) return true;
  throw new UndecidedError('cannot decide whether a coefficient is zero');
}

/**
 * Nonzero by its form alone: a nonzero number, π, e, a variable that tends to +∞, an exponential,
 * a negative power, or a product of such (1/log(log x)^(7/6) is never 0, wherever it is defined).
 */
function nonzeroByForm(e: Expr, vars: readonly SymbolNode[]): boolean {
  switch (e.kind) {
    case 'Integer':
    case 'Rational':
    case 'Float':
      return numValue(e) !== 0;
    case 'Constant':
      return e.name === 'pi' || e.name === 'E';
    case 'Symbol':
      return vars.includes(e);
    case 'Pow':
      return e.base === E || (isNum(e.exp) && numValue(e.exp) < 0) || (isNum(e.exp) && nonzeroByForm(e.base, vars));
    case 'Mul':
      return e.bases.every((b, i) => nonzeroByForm(pow(b, e.exps[i]!), vars));
    default:
      return false;
  }
}

/** A sample value the symbol's assumptions allow: negative for a negative symbol, a whole number for an integer one. */
function sampleValue(s: SymbolNode, v: number): number {
  const a = s.assume;
  const w = a?.integer ? Math.floor(3 * v) + 1 : v; // distinct whole numbers for distinct points
  return a?.negative ? -w : w;
}

/** The sign of a constant expression (no free symbols): 0 only when it is exactly zero. */
export function constantSign(e: Expr): -1 | 0 | 1 {
  if (isNum(e)) return Math.sign(numValue(e)) as -1 | 0 | 1;
  const [v, d] = evalErr(e, new Map(), new Map());
  if (!Number.isFinite(v) || !Number.isFinite(d)) throw new UndecidedError('cannot evaluate a constant');
  if (Math.abs(v) > ZERO_SLACK * d) return v > 0 ? 1 : -1;
  if (isIdenticallyZero(e, [])) return 0;
  throw new UndecidedError('cannot decide the sign of a constant');
}

/**
 * Whether two real constants are equal: their difference with logarithms of rationals split into
 * logarithms of primes (log(4/3) = 2·log 2 − log 3), then the primes' logarithms treated as
 * independent unknowns and tested by evaluation. Equal as functions of the unknowns means equal.
 * @example sameConstant(parse('log(4/3)/log(2/3)'), parse('1 + log(2)/log(2/3)')) // → true
 */
export function sameConstant(a: Expr, b: Expr): boolean {
  if (a === b) return true;
  const d = splitLogs(add(a, mul(-1, b)));
  try {
    return isIdenticallyZero(d, []);
  } catch (err) {
    if (err instanceof UndecidedError) return false;
    throw err;
  }
}

const primeLog = (p: bigint): Expr => symbol(`_log${p}`);

/** log(r) for a rational r as Σ kᵢ·Lᵢ over its prime factors (symbols standing for log pᵢ). */
function splitLogs(e: Expr): Expr {
  return rewrite(e, (n) => {
    const a = n.kind === 'Function' && n.name === 'log' ? n.args[0]! : null;
    if (a === null || (a.kind !== 'Integer' && a.kind !== 'Rational')) return null;
    const v = a.value;
    const parts = [...factorInt(v.num).map(([p, k]) => mul(k, primeLog(p))), ...factorInt(v.den).map(([p, k]) => mul(-k, primeLog(p)))];
    return parts.length ? add(...parts) : n;
  });
}

/** Prime factorization by trial division (small numbers only; [] when too large). */
function factorInt(n: bigint): Array<[bigint, number]> {
  const out: Array<[bigint, number]> = [];
  let m = n < 0n ? -n : n;
  for (let p = 2n; p * p <= m; p++) {
    if (p > 100000n) return [];
    let k = 0;
    while (m % p === 0n) (m /= p), k++;
    if (k) out.push([p, k]);
  }
  if (m > 1n) out.push([m, 1]);
  return out;
}
