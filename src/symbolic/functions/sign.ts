/**
 * A conservative sign test on exact expressions, and log|u| written as log(u) when u is known
 * positive. Here, below the calculus, because the function table's antiderivatives use log|u|
 * (∫ tan u du = −log|cos u|) and every integration rule that produces a logarithm does too.
 *
 * @example
 * signOf(parse('x^2 + 1'))    // → 1
 * logAbs(parse('exp(x) + 1')) // → log(exp(x) + 1)
 */
import { mul } from '../expr/arith.js';
import { E, ONE, PI, isNum, numValue, type Expr } from '../expr/expr.js';
import { FUNCTIONS, fn } from './def.js';

/**
 * Conservative sign test: 1 when e > 0 for every real x where it is defined (e.g. exp(u),
 * x² + 1, cosh u, π), −1 when e < 0 likewise, 0 when unknown. What is known of a function's sign
 * comes from its table entry (`range`, `monotone`).
 * @example signOf(parse('-tanh(x^2 + 1)')) // → -1
 */
export function signOf(e: Expr): -1 | 0 | 1 {
  if (isNum(e)) {
    const v = numValue(e);
    return v > 0 ? 1 : v < 0 ? -1 : 0;
  }
  if (e === PI || e === E) return 1;
  if (e.kind === 'Symbol') return e.assume?.positive ? 1 : e.assume?.negative ? -1 : 0;
  if (e.kind === 'Pow') {
    if (e.base === E) return 1;
    const sb = signOf(e.base);
    if (sb > 0) return 1;
    if (e.exp.kind === 'Integer' && e.exp.value.num % 2n === 0n) return 0; // ≥ 0 only
    if (e.exp.kind === 'Rational' && e.exp.value.den % 2n === 0n) return 0;
    return 0;
  }
  if (e.kind === 'Function') {
    // From the function table: a range on one side of 0 (cosh u ≥ 1, σ(u) > 0), or a monotone
    // f with f(0) = 0, whose sign is its argument's (sinh, tanh, atan, erf).
    const def = FUNCTIONS[e.name];
    if (!def || def.arity !== 1) return 0;
    const r = def.range;
    if (r && (r.lo > 0 || (r.lo === 0 && (r.open === 'lo' || r.open === 'both')))) return 1;
    if (r && (r.hi < 0 || (r.hi === 0 && (r.open === 'hi' || r.open === 'both')))) return -1;
    if (def.monotone && def.numeric(0) === 0) {
      const s = signOf(e.args[0]!);
      return def.monotone === 'increasing' ? s : (-s as -1 | 0 | 1);
    }
    return 0;
  }
  if (e.kind === 'Mul') {
    let s = numValue(e.coeff) > 0 ? 1 : -1;
    for (let i = 0; i < e.bases.length; i++) {
      const b = e.bases[i]!, x = e.exps[i]!;
      const sb = signOf(b);
      if (sb > 0) continue;
      if (sb < 0 && x.kind === 'Integer') {
        if (x.value.num % 2n !== 0n) s = -s;
        continue;
      }
      return 0;
    }
    return s as -1 | 1;
  }
  if (e.kind === 'Add') {
    // Sum of terms each ≥ 0 with a positive constant, e.g. x² + 1, e^x + 1.
    const cs = numValue(e.coeff);
    let allPos = cs >= 0, allNeg = cs <= 0;
    for (let i = 0; i < e.terms.length; i++) {
      const c = numValue(e.coeffs[i]!);
      const t = e.terms[i]!;
      const st = signOf(t) || (isEvenPower(t) ? 1 : 0);
      if (st === 0) return 0;
      if (c * st > 0) allNeg = false;
      else allPos = false;
    }
    if (allPos && cs > 0) return 1;
    if (allNeg && cs < 0) return -1;
    if (allPos && e.terms.every((t) => signOf(t) > 0)) return 1;
    return 0;
  }
  return 0;
}

/** t = u^(2k) (non-negative for real u). */
function isEvenPower(t: Expr): boolean {
  if (t.kind === 'Pow' && t.exp.kind === 'Integer' && t.exp.value.num % 2n === 0n) return true;
  if (t.kind === 'Mul' && t.coeff === ONE) return t.exps.every((x) => x.kind === 'Integer' && x.value.num % 2n === 0n);
  return false;
}

/** log|u|, written log(u) when u is known positive. */
export function logAbs(u: Expr): Expr {
  const s = signOf(u);
  if (s > 0) return fn('log', u);
  if (s < 0) return fn('log', mul(-1, u));
  return fn('log', fn('abs', u));
}
