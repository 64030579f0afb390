/**
 * Exact special values for the function table: float folding, lookup tables of [argument, value]
 * pairs, the trig values at π/6, π/4, π/3, π/2, and the reduction of f(r·π) into [0, π/2] by
 * periodicity and symmetry (sin(5π/6) = sin(π/6), tan(3π/2) = zoo).
 *
 * @example
 * trigSpecial('sin', 'sin', Math.sin, SIN_AT)([mul(5, PI, rat(1, 6))]) // → 1/2
 */
import * as Qm from '../../core/rational.js';
import { add, div, mul, neg, pow, sqrt, sub } from '../expr/arith.js';
import { knownInteger } from '../expr/assumptions.js';
import { HALF, NEG_ONE, ONE, PI, ZERO, float, isNum, numFromRational, numValue, type Expr, type Num } from '../expr/expr.js';
import { fn } from './def.js';

/** Fold f over float arguments (exact ones stay symbolic). */
export const fromNumber = (args: readonly Expr[], f: (...x: number[]) => number): Expr | undefined => {
  if (!args.some((a) => a.kind === 'Float') || !args.every(isNum)) return undefined;
  const v = f(...args.map((a) => numValue(a as Num)));
  return Number.isFinite(v) ? float(v) : undefined;
};

/** Simplifier from a table of exact special values: [arg, value] pairs, plus float folding. */
export function special(f: (x: number) => number, pairs: Array<[Expr, Expr]>): (args: readonly Expr[]) => Expr | undefined {
  return (args) => {
    const a = args[0]!;
    for (const [k, v] of pairs) if (a === k) return v;
    return fromNumber(args, f);
  };
}


/** r when a = r·π with r an exact rational (π itself: 1), else null. */
function piMultiple(a: Expr): Qm.Rational | null {
  if (a === PI) return Qm.rational(1n);
  if (a.kind === 'Mul' && a.coeff.kind !== 'Float' && a.bases.length === 1 && a.bases[0] === PI && a.exps[0] === ONE) return a.coeff.value;
  return null;
}

/**
 * Symmetry class of a trig function for reducing r·π into [0, π/2]: 'sin' (sin, csc: period 2π,
 * f(t + π) = -f(t), f(π - t) = f(t)), 'cos' (cos, sec: f(t + π) = -f(t), f(π - t) = -f(t)),
 * 'tan' (tan, cot: period π, f(π - t) = -f(t)).
 */
type TrigClass = 'sin' | 'cos' | 'tan';

/**
 * Exact values of a trig function: f(r·π) is first reduced to ±f(r'·π) with 0 ≤ r' ≤ 1/2
 * (sin(5π/6) = sin(π/6), cos(4π/3) = -cos(π/3), tan(3π/2) = tan(π/2) = zoo), then looked up.
 */
export function trigSpecial(name: string, cls: TrigClass, f: (x: number) => number, pairs: Array<[Expr, Expr]>) {
  const lookup = special(f, pairs);
  return (args: readonly Expr[]): Expr | undefined => {
    const atN = integerPiShift(name, cls, args[0]!);
    if (atN !== undefined) return atN;
    if (args[0]!.kind === 'Add') return peelPi(name, args[0]!);
    const r0 = piMultiple(args[0]!);
    if (r0 === null || r0.num < 0n) return lookup(args);
    const period = cls === 'tan' ? 1n : 2n;
    // r mod period
    let r = Qm.sub(r0, Qm.rational(((r0.num / r0.den) / period) * period));
    let sign = 1;
    if (cls !== 'tan' && Qm.cmp(r, Qm.rational(1n)) >= 0) {
      r = Qm.sub(r, Qm.rational(1n));
      sign = -sign;
    }
    if (Qm.cmp(r, Qm.rational(1n, 2n)) > 0) {
      r = Qm.sub(Qm.rational(1n), r);
      if (cls !== 'sin') sign = -sign;
    }
    if (Qm.cmp(r, r0) === 0) return lookup(args);
    const v = fn(name, mul(numFromRational(r), PI));
    return sign < 0 ? neg(v) : v;
  };
}

/**
 * f(t + N·π) for an N that the assumptions make an integer (a symbol `integer: true`), as SymPy
 * does: sin(N·π) = tan(N·π) = 0, cos(N·π) = sec(N·π) = (−1)^N, and with a remainder t
 * sin/cos/sec/csc(t + N·π) = (−1)^N·f(t), tan/cot(t + N·π) = f(t). Numeric multiples of π are left
 * to the rational reduction; csc and cot at N·π (poles) stay as they are.
 * @example
 * const n = symbol('n', { integer: true });
 * fn('cos', mul(3, n, PI)) // → (-1)^n
 */
function integerPiShift(name: string, cls: TrigClass, a: Expr): Expr | undefined {
  // Cheap shape test first (this runs on every trig node built): only a product with π as a
  // factor, alone or as a term, can be N·π with a symbolic N.
  const piTimes = (t: Expr): boolean => t.kind === 'Mul' && t.bases.includes(PI);
  let shift: Expr = ZERO;
  if (a.kind === 'Add') {
    for (let i = 0; i < a.terms.length; i++) {
      const t = a.terms[i]!;
      if (!piTimes(t)) continue;
      const q = div(mul(a.coeffs[i]!, t), PI);
      if (!isNum(q) && knownInteger(q)) shift = add(shift, q);
    }
  } else if (piTimes(a)) {
    const q = div(a, PI);
    if (!isNum(q) && knownInteger(q)) shift = q;
  }
  if (shift === ZERO) return undefined;
  const rest = sub(a, mul(shift, PI));
  if (rest === ZERO) {
    if (cls === 'tan' && name === 'cot') return undefined;
    if (cls === 'sin' && name === 'csc') return undefined;
    return cls === 'cos' ? minusOneTo(shift) : ZERO;
  }
  const f = fn(name, rest);
  return cls === 'tan' ? f : mul(minusOneTo(shift), f);
}

/** (−1)^N for an integer-valued N, by the parity of N's integer coefficient: (−1)^(2n) = 1, (−1)^(3n) = (−1)^n. */
function minusOneTo(n: Expr): Expr {
  if (n.kind === 'Mul' && n.coeff.kind === 'Integer') {
    const rest = div(n, n.coeff);
    return n.coeff.value.num % 2n === 0n ? ONE : pow(NEG_ONE, rest);
  }
  return pow(NEG_ONE, n);
}

/**
 * SymPy's _peeloff_pi: f(t + k·π/2) for a sum with a rational multiple r·π of π, k = ⌊2r⌋ ≠ 0,
 * rewritten by the shift formulas with t keeping r·π mod π/2:
 * sin(t + kπ/2) = sin(kπ/2)·cos t + cos(kπ/2)·sin t, cos(t + kπ/2) = cos(kπ/2)·cos t - sin(kπ/2)·sin t,
 * tan(t + π/2) = -cot t, sec(t + π/2) = -csc t, csc(t + π/2) = sec t (period π for tan, cot).
 * sin(x + π) = -sin(x), cos(x + π/2) = -sin(x), sin(x + 3π/4) = cos(x + π/4).
 */
function peelPi(name: string, a: Expr & { kind: 'Add' }): Expr | undefined {
  const i = a.terms.indexOf(PI);
  if (i < 0) return undefined;
  const c = a.coeffs[i]!;
  if (c.kind === 'Float') return undefined;
  const n2 = 2n * c.value.num;
  let k = n2 / c.value.den;
  if (n2 % c.value.den !== 0n && n2 < 0n) k -= 1n; // ⌊2r⌋
  if (k === 0n) return undefined;
  const t = sub(a, mul(numFromRational(Qm.rational(k, 2n)), PI));
  const q = Number(((k % 4n) + 4n) % 4n);
  // (sin, cos) of kπ/2 for k mod 4 = 0, 1, 2, 3
  const sk = [0, 1, 0, -1][q]!;
  const ck = [1, 0, -1, 0][q]!;
  const signed = (sg: number, e: Expr): Expr => (sg < 0 ? neg(e) : e);
  switch (name) {
    case 'sin':
      return sk !== 0 ? signed(sk, fn('cos', t)) : signed(ck, fn('sin', t));
    case 'cos':
      return ck !== 0 ? signed(ck, fn('cos', t)) : signed(-sk, fn('sin', t));
    case 'sec':
      return ck !== 0 ? signed(ck, fn('sec', t)) : signed(-sk, fn('csc', t));
    case 'csc':
      return sk !== 0 ? signed(sk, fn('sec', t)) : signed(ck, fn('csc', t));
    case 'tan':
      return q % 2 === 0 ? fn('tan', t) : neg(fn('cot', t));
    case 'cot':
      return q % 2 === 0 ? fn('cot', t) : neg(fn('tan', t));
    default:
      return undefined;
  }
}

/** max/min of two numbers (or equal arguments); `pick` chooses the first when given a - b's sign. */
export function minMaxSimplify(pick: (c: number) => boolean) {
  return (args: readonly Expr[]): Expr | undefined => {
    const [a, b] = args as [Expr, Expr];
    if (a === b) return a;
    if (isNum(a) && isNum(b)) {
      const c = a.kind === 'Float' || b.kind === 'Float' ? numValue(a) - numValue(b) : Qm.cmp(a.value, b.value);
      return pick(c) ? a : b;
    }
    return undefined;
  };
}

/** Simplifier that folds any number argument through f (sign, heaviside, …). */
export function numericFold(f: (x: number) => Expr | undefined) {
  return (args: readonly Expr[]): Expr | undefined => {
    const a = args[0]!;
    if (!isNum(a)) return undefined;
    return f(numValue(a));
  };
}

// Exact values at π/6, π/4, π/3, π/2 (SymPy's: cos(π/3) = 1/2), extended by symmetry; the
// inverse functions read the same tables backwards (asin(1/2) = π/6).
/** π/n. */
export const piOver = (n: number): Expr => mul(PI, pow(n, NEG_ONE));
const SQRT2_2 = mul(HALF, sqrt(2));
const SQRT3_2 = mul(HALF, sqrt(3));
/** sin at π/6, π/4, π/3, π/2. */
export const SIN_AT: Array<[Expr, Expr]> = [[piOver(6), HALF], [piOver(4), SQRT2_2], [piOver(3), SQRT3_2], [piOver(2), ONE]];
/** cos at π/6, π/4, π/3, π/2. */
export const COS_AT: Array<[Expr, Expr]> = [[piOver(6), SQRT3_2], [piOver(4), SQRT2_2], [piOver(3), HALF], [piOver(2), ZERO]];
/** tan at π/6, π/4, π/3. */
export const TAN_AT: Array<[Expr, Expr]> = [[piOver(6), div(sqrt(3), 3)], [piOver(4), ONE], [piOver(3), sqrt(3)]];
/** acos(-v) = π - acos(v). */
export const ACOS_NEG: Array<[Expr, Expr]> = COS_AT.filter(([, v]) => v !== ZERO).map(([a, v]) => [neg(v), sub(PI, a)]);
/** f(-a) = -f(a) for an odd f; f(-a) = f(a) for an even one. */
export const odd = (pairs: Array<[Expr, Expr]>): Array<[Expr, Expr]> => [...pairs, ...pairs.map(([a, v]): [Expr, Expr] => [neg(a), neg(v)])];
/** sec, csc, cot from cos, sin, tan: 1/v, and 1/0 = zoo (tan(π/2), sec(π/2), csc(0) are poles). */
export const recip = (pairs: Array<[Expr, Expr]>): Array<[Expr, Expr]> => pairs.map(([a, v]): [Expr, Expr] => [a, pow(v, NEG_ONE)]);
/** f(-a) = f(a) pairs for an even f. */
export const even = (pairs: Array<[Expr, Expr]>): Array<[Expr, Expr]> => [...pairs, ...pairs.map(([a, v]): [Expr, Expr] => [neg(a), v])];
