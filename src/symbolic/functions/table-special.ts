/**
 * Table entries of the special functions users reach for beyond the elementary ones, with
 * SymPy's names: gamma, factorial, binomial, polygamma (digamma), harmonic, erfc, LambertW (principal
 * branch W₀), floor, ceiling, and log10/log2, which are not nodes of their own: they rewrite to
 * log(u)/log(10) as SymPy's log(u, 10) does, so every algorithm that knows log knows them.
 *
 * @example
 * fn('gamma', 5)                   // → 24
 * fn('factorial', 5)               // → 120
 * fn('gamma', rat(1, 2))           // → sqrt(pi)
 * fn('erfc', 0)                    // → 1
 * fn('LambertW', E)                // → 1
 * fn('log10', 1000)                // → 3
 * fn('floor', rat(-7, 2))          // → -4
 * fn('zeta', 2)                   // → pi^2/6
 */
import { ArgumentError, describeValue } from '../../core/errors.js';
import { D, type Dual } from '../../numeric/dual.js';
import { add, div, mul, neg, pow, sqrt, sub } from '../expr/arith.js';
import {
  E,
  HALF,
  NEG_ONE,
  NEG_OO,
  ONE,
  OO,
  PI,
  TWO,
  ZERO,
  ZOO,
  float,
  int,
  isNum,
  numFromRational,
  rat,
  numValue,
  type Expr,
  type Num,
} from '../expr/expr.js';
import { ERFS, FUNCTIONS, LGS, dgsName, fn, logBase, looksNegative, registerFunctions, type FunctionDef } from './def.js';
import { binomialNum, factorialNum, gammaNum, harmonicNum, polygammaNum, zetaNum } from './gamma-numeric.js';
import * as Q from '../../core/rational.js';
import { lambertWNum } from './lambert-numeric.js';
import { erfcNum } from './numeric.js';

/** Largest n whose n! (and Γ(n + 1), Γ(n + ½), binomial(n, k)) is written out exactly; beyond it the value stays symbolic. */
export const EXACT_FACTORIAL_MAX = 2000;

const u2 = (a: Expr): Expr => pow(a, TWO);

/** The value of a Float argument, or null. */
const floatArg = (a: Expr): number | null => (a.kind === 'Float' ? a.value : null);

/** An exact integer argument as a bigint, or null. */
const intArg = (a: Expr): bigint | null => (a.kind === 'Integer' ? a.value.num : null);

/** n! exactly (n ≥ 0). */
function factorialBig(n: bigint): bigint {
  let f = 1n;
  for (let k = 2n; k <= n; k++) f *= k;
  return f;
}

const bigInt = (v: bigint): Expr => numFromRational({ num: v, den: 1n });

/** Largest n whose harmonic number H(n) is written out as an exact fraction (its denominator has ~n/2.3 digits). */
export const EXACT_HARMONIC_MAX = 500;

/** H(n) = Σ_{k=1}^{n} 1/k exactly (0 ≤ n ≤ EXACT_HARMONIC_MAX). */
function harmonicExact(n: bigint): Expr {
  let h = Q.ZERO;
  for (let k = 1n; k <= n; k++) h = Q.add(h, Q.rational(1n, k));
  return numFromRational(h);
}
const bigRat = (num: bigint, den: bigint): Expr => rat(num, den);

/**
 * Γ at exact arguments: (n − 1)! at positive integers, zoo at 0, −1, −2, …, and rational·√π at
 * half-integers: Γ(n + ½) = (2n)!/(4ⁿ·n!)·√π, Γ(½ − n) = (−4)ⁿ·n!/(2n)!·√π.
 */
function gammaExact(a: Expr): Expr | undefined {
  const n = intArg(a);
  if (n !== null) return n <= 0n ? ZOO : n - 1n <= BigInt(EXACT_FACTORIAL_MAX) ? bigInt(factorialBig(n - 1n)) : undefined;
  if (a.kind === 'Rational' && a.value.den === 2n) {
    const m = (a.value.num - 1n) / 2n; // a = m + ½ (num odd: exact for both signs)
    const k = m >= 0n ? m : -m;
    if (2n * k > BigInt(EXACT_FACTORIAL_MAX)) return undefined;
    const f2k = factorialBig(2n * k), fk = factorialBig(k), four = 4n ** k;
    const c = m >= 0n ? bigRat(f2k, four * fk) : bigRat((m % 2n === 0n ? 1n : -1n) * four * fk, f2k);
    return mul(c, sqrt(PI));
  }
  if (a === OO) return OO;
  const x = floatArg(a);
  return x === null ? undefined : floatOrUndefined(gammaNum(x));
}

const floatOrUndefined = (v: number): Expr | undefined => (Number.isFinite(v) ? float(v) : undefined);

/** The dual-number rule of a one-argument function from its value and slope: (a, a′) ↦ (f(a), f′(a)·a′). */
const dualOf =
  (value: (x: number) => number, slope: (x: number, v: number) => number) =>
  (a: Dual): Dual => {
    const v = value(a.re);
    return { re: v, du: a.du === 0 ? 0 : slope(a.re, v) * a.du };
  };

/** Bernoulli numbers B₀ … B_n exactly (B₁ = −1/2), from Σ_{k≤m} C(m + 1, k)·B_k = 0; cached. */
const BERNOULLI_CACHE: Q.Rational[] = [Q.ONE];
/** Largest index `bernoulli` computes (B₅₀₀ has ~800-digit parts; the recurrence is quadratic). */
export const BERNOULLI_MAX = 500;

/**
 * The Bernoulli number Bₙ as an exact rational (B₁ = −1/2, B_odd = 0 beyond), for n ≤ BERNOULLI_MAX.
 * @example bernoulli(2) // → { num: 1n, den: 6n }
 */
export function bernoulli(n: number): Q.Rational {
  if (!Number.isInteger(n) || n < 0 || n > BERNOULLI_MAX) throw new ArgumentError(`bernoulli: index must be an integer in 0…${BERNOULLI_MAX}, got ${describeValue(n)}`);
  for (let m = BERNOULLI_CACHE.length; m <= n; m++) {
    // B_m = −(1/(m + 1))·Σ_{k<m} C(m + 1, k)·B_k
    let acc = Q.ZERO, c = 1n; // c = C(m + 1, k)
    for (let k = 0; k < m; k++) {
      acc = Q.add(acc, Q.mul(Q.rational(c), BERNOULLI_CACHE[k]!));
      c = (c * BigInt(m + 1 - k)) / BigInt(k + 1);
    }
    BERNOULLI_CACHE.push(Q.neg(Q.div(acc, Q.rational(BigInt(m + 1)))));
  }
  return BERNOULLI_CACHE[n]!;
}

/** Largest |s| for which ζ(s) at an integer is written exactly (ζ(2n) = rational·π²ⁿ, ζ(−n) rational). */
const ZETA_EXACT_MAX = 200;

/** ζ at exact integers: ζ(0) = −1/2, ζ(1) = zoo, ζ(2n) = (−1)ⁿ⁺¹B₂ₙ(2π)²ⁿ/(2·(2n)!), ζ(−n) = (−1)ⁿBₙ₊₁/(n + 1). */
function zetaExact(a: Expr): Expr | undefined {
  const n = intArg(a);
  if (n === null || n > BigInt(ZETA_EXACT_MAX) || n < -BigInt(ZETA_EXACT_MAX)) return undefined;
  const k = Number(n);
  if (k === 1) return ZOO;
  if (k === 0) return rat(-1, 2);
  if (k < 0) {
    const b = bernoulli(1 - k); // ζ(−m) = (−1)^m·B_{m+1}/(m + 1), m = −k
    const m = -k;
    return numFromRational(Q.div(m % 2 === 0 ? b : Q.neg(b), Q.rational(BigInt(m + 1))));
  }
  if (k % 2 === 1) return undefined; // ζ(3), ζ(5), … have no known closed form
  const b = bernoulli(k); // ζ(k) = (−1)^(k/2+1)·B_k·2^k·π^k/(2·k!)
  const c = Q.div(Q.mul(b, Q.rational(2n ** BigInt(k))), Q.rational(2n * factorialBig(BigInt(k))));
  return mul(numFromRational((k / 2) % 2 === 1 ? c : Q.neg(c)), pow(PI, int(k)));
}

/** The poles of Γ that `limit` rewrites Γ away from (further ones are left alone). */
const GAMMA_POLES: readonly number[] = [0, -1, -2, -3, -4, -5, -6, -7, -8];

/** Stirling's formula with its exact remainder: Γ(u) = exp((u − ½)·log u − u + ½·log 2π + lgs(u)). */
function stirlingForm(u: Expr): Expr {
  return pow(E, add(mul(sub(u, HALF), fn('log', u)), neg(u), mul(HALF, fn('log', mul(2, PI))), fn(LGS, u)));
}

/**
 * ψ⁽ⁿ⁾(u) = polygamma(n, u) for u → +∞: dⁿ/duⁿ(log u − 1/(2u)) + dgs⁽ⁿ⁾(u) (dgs: see dgsName), so
 * ψ(u) = log u − 1/(2u) + dgs(u).
 */
export function polygammaForm(n: number, u: Expr): Expr {
  let f = 1;
  for (let i = 2; i < n; i++) f *= i; // (n − 1)!
  const dlog = n === 0 ? fn('log', u) : mul((n % 2 === 1 ? 1 : -1) * f, pow(u, -n));
  const dhalf = mul(rat((n % 2 === 0 ? 1 : -1) * f * Math.max(1, n), 2), pow(u, -n - 1));
  return add(dlog, neg(dhalf), fn(dgsName(n), u));
}

/** Γ(u) near its pole −n: Γ(u + n + 1)/(u·(u + 1)⋯(u + n)), the pole in a plain factor. */
function gammaOffPole(u: Expr, n: number): Expr {
  const factors: Expr[] = [];
  for (let k = 0; k <= n; k++) factors.push(pow(add(u, k), -1));
  return mul(fn('gamma', add(u, n + 1)), ...factors);
}

/**
 * The table entry of floor or ceiling: a step function, constant between integers (derivative 0
 * there) and jumping at each, ±∞ at ±∞, exact on exact numbers.
 */
function rounding(name: 'floor' | 'ceiling', f: typeof Math.floor, big: (n: bigint, d: bigint) => bigint, latex: string, js: string): FunctionDef {
  return {
    name,
    atInfinity: (s) => (s > 0 ? OO : NEG_OO),
    // Just above the integer n: floor n, ceiling n + 1; just below: floor n − 1, ceiling n.
    step: { side: (n, s) => add(n, name === 'floor' ? (s > 0 ? 0 : -1) : s > 0 ? 1 : 0) },
    dual: (a) => D.constant(f(a.re)),
    arity: 1,
    numeric: f,
    simplify: roundingSimplify(name, f, big),
    derivative: () => ZERO,
    rule: `d/du ${name}(u) = 0 (u not an integer)`,
    latex,
    js,
  };
}

/** floor/ceiling of an exact constant: exact rationals, and constants (π, √2) whose value is not near an integer. */
function roundingSimplify(name: string, round: (v: number) => number, bigRound: (n: bigint, d: bigint) => bigint) {
  return (args: readonly Expr[]): Expr | undefined => {
    const a = args[0]!;
    if (a.kind === 'Integer') return a;
    if (a.kind === 'Rational') return bigInt(bigRound(a.value.num, a.value.den));
    if (a.kind === 'Float') return Number.isFinite(a.value) ? int(round(a.value)) : undefined;
    if (a === OO || a === NEG_OO) return a;
    // floor(u + n) = floor(u) + n for an integer n
    if (a.kind === 'Add' && a.coeff.kind === 'Integer' && a.coeff.value.num !== 0n) return add(fn(name, sub(a, a.coeff)), a.coeff);
    const v = constantValue(a);
    // Decided only when the value is clear of an integer by far more than its rounding error.
    if (Number.isFinite(v) && Math.abs(v - Math.round(v)) > 1e-9 * Math.max(1, Math.abs(v))) return int(round(v));
    return undefined;
  };
}
const floorBig = (n: bigint, d: bigint): bigint => (n >= 0n ? n / d : -((-n + d - 1n) / d));
const ceilBig = (n: bigint, d: bigint): bigint => -floorBig(-n, d);

/** The value of an expression without symbols (numbers, π, e, table functions of them); NaN otherwise. */
function constantValue(e: Expr): number {
  if (isNum(e)) return numValue(e);
  if (e === PI) return Math.PI;
  if (e === E) return Math.E;
  switch (e.kind) {
    case 'Add': {
      let s = numValue(e.coeff);
      for (let i = 0; i < e.terms.length; i++) s += numValue(e.coeffs[i]!) * constantValue(e.terms[i]!);
      return s;
    }
    case 'Mul': {
      let p = numValue(e.coeff);
      for (let i = 0; i < e.bases.length; i++) p *= Math.pow(constantValue(e.bases[i]!), constantValue(e.exps[i]!));
      return p;
    }
    case 'Pow':
      return Math.pow(constantValue(e.base), constantValue(e.exp));
    case 'Function': {
      const def = FUNCTIONS[e.name];
      return def ? def.numeric(...e.args.map(constantValue)) : NaN;
    }
    default:
      return NaN;
  }
}

/** W(c·e^c) = c for a rational c ≥ −1 (the principal branch), W(−1/e) = −1. */
/** W's Taylor coefficient at 0: (−k)^(k−1)/k! (0 for k = 0; −1 for k = 2). */
function lambertCoefficient(k: number): Expr {
  if (k === 0) return ZERO;
  let f = 1n;
  for (let i = 2n; i <= BigInt(k); i++) f *= i;
  const num = (-BigInt(k)) ** BigInt(k - 1);
  return rat(num, f);
}

function lambertExact(a: Expr): Expr | undefined {
  if (a === ZERO) return ZERO;
  if (a === E) return ONE;
  if (a === OO) return OO;
  if (a.kind === 'Mul' && a.bases.length === 1 && a.bases[0] === E) {
    const c = a.coeff, k = a.exps[0]!;
    if ((c.kind === 'Integer' || c.kind === 'Rational') && c === k && numValue(c) >= -1) return c;
  }
  if (a.kind === 'Pow' && a.base === E && a.exp === ONE) return ONE;
  const x = floatArg(a);
  return x === null ? undefined : floatOrUndefined(lambertWNum(x));
}

const table: FunctionDef[] = [
  {
    name: 'gamma',
    atInfinity: (s) => (s > 0 ? OO : null),
    nearBranch: { at: GAMMA_POLES, form: (u, b) => gammaOffPole(u, -b) },
    // Γ(u) = √(2π)·u^(u − ½)·e^(−u)·e^lgs(u) for u → +∞ (Stirling; lgs: see LGS)
    nearInfinity: (u, s) => (s > 0 ? stirlingForm(u) : fn('gamma', u)),
    series: { taylor: true },
    dual: dualOf(gammaNum, (x, v) => v * polygammaNum(0, x)),
    arity: 1,
    numeric: gammaNum,
    simplify: ([a]) => gammaExact(a!),
    // Γ′(u) = Γ(u)·ψ(u)
    derivative: ([u]) => mul(fn('gamma', u!), fn('polygamma', ZERO, u!)),
    rule: "d/du Γ(u) = Γ(u)·ψ(u) (ψ = polygamma(0, ·))",
    latex: '\\Gamma',
    js: '__gamma($0)',
  },
  {
    name: 'factorial',
    atInfinity: (s) => (s > 0 ? OO : null),
    // u! = Γ(u + 1), with poles at u = −1, −2, …
    nearBranch: { at: GAMMA_POLES.map((b) => b - 1), form: (u, b) => gammaOffPole(add(u, 1), -b - 1) },
    nearInfinity: (u, s) => (s > 0 ? stirlingForm(add(u, 1)) : fn('factorial', u)),
    series: { taylor: true },
    dual: dualOf(factorialNum, (x, v) => v * polygammaNum(0, x + 1)),
    arity: 1,
    numeric: factorialNum,
    simplify: ([a]) => {
      const n = intArg(a!);
      if (n !== null) return n < 0n ? ZOO : n <= BigInt(EXACT_FACTORIAL_MAX) ? bigInt(factorialBig(n)) : undefined;
      if (a === OO) return OO;
      const x = floatArg(a!);
      return x === null ? undefined : floatOrUndefined(factorialNum(x));
    },
    // d/du u! = Γ(u + 1)·ψ(u + 1)
    derivative: ([u]) => mul(fn('gamma', add(u!, 1)), fn('polygamma', ZERO, add(u!, 1))),
    rule: 'd/du u! = Γ(u + 1)·ψ(u + 1)',
    latex: '\\left($0\\right)!',
    js: '__factorial($0)',
  },
  {
    name: 'binomial',
    // C(n, k) = Γ(n + 1)/(Γ(k + 1)·Γ(n − k + 1)), for limit's rewrite (Γ then by Stirling at +∞)
    expLog: ([n, k]) => mul(fn('gamma', add(n!, 1)), pow(fn('gamma', add(k!, 1)), -1), pow(fn('gamma', add(sub(n!, k!), 1)), -1)),
    arity: 2,
    numeric: binomialNum,
    simplify: ([n, k]) => {
      if (k === ZERO) return ONE;
      if (k === ONE) return n!;
      const [ni, ki] = [intArg(n!), intArg(k!)];
      if (ki !== null && ki < 0n) return ZERO;
      if (ni !== null && ki !== null && ni >= 0n) {
        if (ki > ni) return ZERO;
        const kk = ki < ni - ki ? ki : ni - ki;
        if (kk > BigInt(EXACT_FACTORIAL_MAX)) return undefined;
        let r = 1n;
        for (let i = 1n; i <= kk; i++) r = (r * (ni - kk + i)) / i;
        return bigInt(r);
      }
      if (n!.kind === 'Float' || k!.kind === 'Float') return isNum(n!) && isNum(k!) ? floatOrUndefined(binomialNum(numValue(n as Num), numValue(k as Num))) : undefined;
      return undefined;
    },
    // binomial(n, k) = Γ(n + 1)/(Γ(k + 1)·Γ(n − k + 1)): ∂/∂n = binomial·(ψ(n + 1) − ψ(n − k + 1)), ∂/∂k = binomial·(ψ(n − k + 1) − ψ(k + 1))
    derivative: ([n, k], i) => {
      const psi = (v: Expr) => fn('polygamma', ZERO, v);
      const b = fn('binomial', n!, k!), nk = add(sub(n!, k!), 1);
      return mul(b, i === 0 ? sub(psi(add(n!, 1)), psi(nk)) : sub(psi(nk), psi(add(k!, 1))));
    },
    rule: 'binomial(n, k): ∂/∂n = binomial(n, k)·(ψ(n + 1) − ψ(n − k + 1)), ∂/∂k = binomial(n, k)·(ψ(n − k + 1) − ψ(k + 1))',
    latex: '{\\binom{$0}{$1}}',
    js: '__binomial($0, $1)',
  },
  {
    // ψ⁽ⁿ⁾(u) = dⁿ⁺¹/duⁿ⁺¹ log Γ(u); polygamma(0, u) is the digamma function ψ(u).
    name: 'polygamma',
    series: { taylor: true },
    arity: 2,
    numeric: polygammaNum,
    simplify: ([n, u]) => {
      if (isNum(n!) && !(n!.kind === 'Integer' && n!.value.num >= 0n)) throw new ArgumentError(`polygamma(n, x) needs an integer order n ≥ 0, got ${String(n)}`);
      if (u === OO) return n === ZERO ? OO : ZERO;
      // ψ⁽ⁿ⁾(1) = (−1)ⁿ⁺¹·n!·ζ(n + 1) for n ≥ 1 (π²/6 for n = 1)
      const ni = intArg(n!);
      if (u === ONE && ni !== null && ni >= 1n && ni <= BigInt(EXACT_FACTORIAL_MAX))
        return mul(bigInt((ni % 2n === 1n ? 1n : -1n) * factorialBig(ni)), fn('zeta', bigInt(ni + 1n)));
      const x = floatArg(u!);
      return x !== null && isNum(n!) ? floatOrUndefined(polygammaNum(numValue(n as Num), x)) : undefined;
    },
    derivative: ([n, u], i) => {
      if (i === 0) throw new ArgumentError('polygamma(n, x) is differentiated in x only: its order n is a constant integer');
      return fn('polygamma', add(n!, 1), u!);
    },
    rule: 'd/du ψ⁽ⁿ⁾(u) = ψ⁽ⁿ⁺¹⁾(u)',
    latex: '\\psi^{($0)}\\left($1\\right)',
    js: '__polygamma($0, $1)',
  },
  {
    // The harmonic number H(u) = Σ_{k=1}^{u} 1/k, continued to real u as ψ(u + 1) + γ (SymPy's harmonic(n)).
    name: 'harmonic',
    atInfinity: (s) => (s > 0 ? OO : null),
    series: { taylor: true },
    dual: dualOf(harmonicNum, (x) => polygammaNum(1, x + 1)),
    arity: 1,
    numeric: harmonicNum,
    simplify: ([a]) => {
      const n = intArg(a!);
      if (n !== null) return n < 0n ? ZOO : n <= BigInt(EXACT_HARMONIC_MAX) ? harmonicExact(n) : undefined;
      if (a === OO) return OO;
      const x = floatArg(a!);
      return x === null ? undefined : floatOrUndefined(harmonicNum(x));
    },
    // H′(u) = ψ′(u + 1)
    derivative: ([u]) => fn('polygamma', ONE, add(u!, 1)),
    rule: "d/du H(u) = ψ'(u + 1) (ψ' = polygamma(1, ·))",
    latex: 'H_{$0}',
    js: '__harmonic($0)',
  },
  {
    // SymPy's digamma(x) is polygamma(0, x): the name is kept for the parser, the node is polygamma.
    name: 'digamma',
    arity: 1,
    numeric: (x) => polygammaNum(0, x),
    simplify: ([u]) => fn('polygamma', ZERO, u!),
    rule: 'digamma(u) = polygamma(0, u)',
    latex: '\\psi',
    js: '__polygamma(0, $0)',
  },
  {
    // The complementary error function erfc u = 1 − erf u, without the cancellation for large u.
    name: 'erfc',
    // ∫ erfc u = u erfc u − e^(−u²)/√π
    antiderivative: (u) => sub(mul(u, fn('erfc', u)), div(pow(E, neg(u2(u))), sqrt(PI))),
    viaRelative: ([u]) => sub(ONE, fn('erf', u!)),
    atInfinity: (s) => (s > 0 ? ZERO : TWO),
    range: { lo: 0, hi: 2, open: 'both' },
    monotone: 'decreasing',
    // erfc u = erfs(u)·e^(−u²) for u → +∞, 2 − erfs(−u)·e^(−u²) for u → −∞ (erfs: see ERFS)
    nearInfinity: (u, s) => {
      const tail = mul(fn(ERFS, mul(s, u)), pow(E, neg(u2(u))));
      return s > 0 ? tail : sub(TWO, tail);
    },
    series: { taylor: true },
    dual: dualOf(erfcNum, (x) => (-2 / Math.sqrt(Math.PI)) * Math.exp(-x * x)),
    arity: 1,
    numeric: erfcNum,
    simplify: ([a]) => {
      if (a === ZERO) return ONE;
      if (a === OO) return ZERO;
      if (a === NEG_OO) return TWO;
      // erfc(−u) = 2 − erfc(u), SymPy's canonical form
      if (looksNegative(a!)) return sub(TWO, fn('erfc', neg(a!)));
      const x = floatArg(a!);
      return x === null ? undefined : float(erfcNum(x));
    },
    derivative: ([u]) => mul(-2, pow(PI, neg(HALF)), pow(E, neg(u2(u!)))),
    rule: 'd/du erfc(u) = -2·e^(-u²)/√π',
    latex: '\\operatorname{erfc}',
    js: '__erfc($0)',
  },
  {
    // Lambert's W, principal branch W₀: the w ≥ −1 with w·eʷ = u (u ≥ −1/e).
    name: 'LambertW',
    // ∫ W(u) du = u·(W(u) − 1 + 1/W(u))
    antiderivative: (u) => mul(u, add(fn('LambertW', u), NEG_ONE, pow(fn('LambertW', u), NEG_ONE))),
    atInfinity: (s) => (s > 0 ? OO : null),
    domain: { lo: -1 / Math.E, hi: Infinity },
    range: { lo: -1, hi: Infinity },
    monotone: 'increasing',
    // W(u) = Σₖ (−k)^(k−1)/k!·uᵏ at u = 0, where W′'s own form is 0/0.
    series: { taylor: true, coefficientsAt: (g0) => (g0 === ZERO ? lambertCoefficient : null) },
    // W(u) = r ⇔ u = r·eʳ (r ≥ −1 on this branch)
    inverse: (r, rv, symbolic) => (rv >= -1 || symbolic ? [mul(r, pow(E, r))] : []),
    dual: dualOf(lambertWNum, (x, w) => (x === 0 ? 1 : w / (x * (1 + w)))),
    arity: 1,
    numeric: (x) => lambertWNum(x),
    simplify: ([a]) => {
      // W(−1/e) = −1
      if (a!.kind === 'Mul' && a!.coeff === NEG_ONE && a!.bases.length === 1 && a!.bases[0] === E && a!.exps[0] === NEG_ONE) return NEG_ONE;
      return lambertExact(a!);
    },
    // W′(u) = W(u)/(u·(1 + W(u)))
    derivative: ([u]) => div(fn('LambertW', u!), mul(u!, add(fn('LambertW', u!), ONE))),
    rule: 'd/du W(u) = W(u)/(u·(1 + W(u)))',
    latex: 'W',
    js: '__LambertW($0)',
  },
  {
    // The Riemann zeta function ζ(s) = Σ_{k≥1} k⁻ˢ (s > 1) and its continuation; what summation
    // gives for Σ 1/kˢ. Exact at even and negative integers; ζ(3), ζ(5), … stay as they are.
    name: 'zeta',
    atInfinity: (s) => (s > 0 ? ONE : null),
    arity: 1,
    numeric: zetaNum,
    simplify: ([a]) => {
      if (a === OO) return ONE;
      const x = floatArg(a!);
      return x !== null ? floatOrUndefined(zetaNum(x)) : zetaExact(a!);
    },
    rule: 'ζ′(s) has no closed form (left unevaluated)',
    latex: '\\zeta',
    js: '__zeta($0)',
  },
  rounding('floor', Math.floor, floorBig, '\\left\\lfloor{$0}\\right\\rfloor', 'Math.floor($0)'),
  rounding('ceiling', Math.ceil, ceilBig, '\\left\\lceil{$0}\\right\\rceil', 'Math.ceil($0)'),
  {
    // log10 u = log(u)/log(10), as SymPy's log(u, 10): never a node of its own.
    name: 'log10',
    arity: 1,
    numeric: Math.log10,
    simplify: ([u]) => logBase(u!, int(10)),
    rule: 'log10(u) = log(u)/log(10)',
    latex: '\\log_{10}',
    js: 'Math.log10($0)',
  },
  {
    name: 'log2',
    arity: 1,
    numeric: Math.log2,
    simplify: ([u]) => logBase(u!, TWO),
    rule: 'log2(u) = log(u)/log(2)',
    latex: '\\log_{2}',
    js: 'Math.log2($0)',
  },
];

registerFunctions(table);
