/**
 * What symbols' assumptions prove about an expression's sign. Conservative: 'unknown' unless it
 * follows from the facts on the symbols (`symbol('a', { positive: true })`), positive numbers and
 * π, e, by products, powers and sums. The canonical constructors use it the way SymPy does:
 * √(a²) = a and |a| = a for a positive a, |b| = −b for a negative b.
 *
 * @example
 * knownSign(add(mul(pow(symbol('a', { positive: true }), 2), symbol('b', { positive: true })), 1)) // → 1 (a, b positive)
 */
import type { Expr } from './types.js';

/** 1: > 0, −1: < 0, 0: = 0, 'nonneg': ≥ 0, null: unknown. */
export type KnownSign = 1 | -1 | 0 | 'nonneg' | null;

const numberSign = (e: Expr): number => {
  const v = e.kind === 'Float' ? e.value : e.kind === 'Integer' || e.kind === 'Rational' ? Number(e.value.num) : NaN;
  return Math.sign(v);
};

/** The sign the assumptions prove for e, for every value of its symbols (see KnownSign). */
export function knownSign(e: Expr): KnownSign {
  switch (e.kind) {
    case 'Integer':
    case 'Rational':
    case 'Float':
      return numberSign(e) as 1 | -1 | 0;
    case 'Constant':
      return e.name === 'pi' || e.name === 'E' ? 1 : null;
    case 'Symbol': {
      const a = e.assume;
      if (!a) return null;
      return a.positive ? 1 : a.negative ? -1 : a.nonnegative ? 'nonneg' : null;
    }
    case 'Pow':
      return powSign(e.base, e.exp);
    case 'Mul': {
      let s: KnownSign = numberSign(e.coeff) as 1 | -1;
      for (let i = 0; i < e.bases.length; i++) {
        const f = powSign(e.bases[i]!, e.exps[i]!);
        if (f === null) return null;
        s = mulSign(s, f);
      }
      return s;
    }
    case 'Add': {
      // All parts ≥ 0 with one > 0 gives > 0; all ≤ 0 with one < 0 gives < 0.
      const parts: KnownSign[] = [numberSign(e.coeff) as 1 | -1 | 0];
      for (let i = 0; i < e.terms.length; i++) {
        const t = knownSign(e.terms[i]!);
        if (t === null) return null;
        parts.push(mulSign(numberSign(e.coeffs[i]!) as 1 | -1, t));
      }
      if (parts.every((p) => p === 1 || p === 0 || p === 'nonneg')) return parts.includes(1) ? 1 : 'nonneg';
      if (parts.every((p) => p === -1 || p === 0)) return parts.includes(-1) ? -1 : 0;
      return null;
    }
    case 'Function':
      if (e.name === 'abs') return 'nonneg';
      if (e.name === 'cosh') return 1;
      return null;
    default:
      return null;
  }
}

/** The sign of bᵏ (symbols are real in nabla, so a positive base stays positive). */
function powSign(b: Expr, k: Expr): KnownSign {
  const sb = knownSign(b);
  if (sb === 1) return 1;
  if (k.kind === 'Integer') {
    const even = k.value.num % 2n === 0n;
    if (sb === -1) return even ? 1 : -1;
    if (sb === 'nonneg' && k.value.num > 0n) return 'nonneg';
  }
  return null;
}

function mulSign(a: KnownSign, b: KnownSign): KnownSign {
  if (a === null || b === null) return null;
  if (a === 0 || b === 0) return 0;
  if (a === 'nonneg' || b === 'nonneg') {
    const other = a === 'nonneg' ? b : a;
    return other === 1 || other === 'nonneg' ? 'nonneg' : null;
  }
  return (a * b) as 1 | -1;
}

/** e > 0 by the assumptions. @example isKnownPositive(symbol('a', { positive: true })) // → true */
export const isKnownPositive = (e: Expr): boolean => knownSign(e) === 1;
/** e < 0 by the assumptions. */
export const isKnownNegative = (e: Expr): boolean => knownSign(e) === -1;
/** e ≥ 0 by the assumptions. */
export const isKnownNonnegative = (e: Expr): boolean => {
  const s = knownSign(e);
  return s === 1 || s === 0 || s === 'nonneg';
};

/**
 * e is an integer for every value of its symbols: integers, symbols assumed `integer`, and sums,
 * products and non-negative integer powers of those with integer coefficients. Conservative.
 * @example knownInteger(add(mul(2, symbol('n', { integer: true })), 1)) // → true
 */
export function knownInteger(e: Expr): boolean {
  switch (e.kind) {
    case 'Integer':
      return true;
    case 'Symbol':
      return e.assume?.integer === true;
    case 'Add':
      return e.coeff.kind === 'Integer' && e.coeffs.every((c) => c.kind === 'Integer') && e.terms.every(knownInteger);
    case 'Mul':
      return e.coeff.kind === 'Integer' && e.bases.every((b, i) => knownInteger(b) && isNonnegativeInteger(e.exps[i]!));
    case 'Pow':
      return knownInteger(e.base) && isNonnegativeInteger(e.exp);
    default:
      return false;
  }
}

const isNonnegativeInteger = (k: Expr): boolean => k.kind === 'Integer' && k.value.num >= 0n;

/** Whether a symbol with assumptions occurs in e (rules that only assumptions justify check this first). */
export function hasAssumedSymbol(e: Expr): boolean {
  switch (e.kind) {
    case 'Symbol':
      return e.assume !== undefined;
    case 'Add':
      return e.terms.some(hasAssumedSymbol);
    case 'Mul':
      return e.bases.some(hasAssumedSymbol) || e.exps.some(hasAssumedSymbol);
    case 'Pow':
      return hasAssumedSymbol(e.base) || hasAssumedSymbol(e.exp);
    case 'Function':
      return e.args.some(hasAssumedSymbol);
    default:
      return false;
  }
}
