/**
 * `expand`: multiply out products of sums and positive integer powers of sums, everywhere in the
 * expression (bottom-up, iteratively), e.g. (x + 1)² → x² + 2x + 1. Results with more than
 * `maxTerms` terms are refused with a LimitError.
 *
 * @example
 * expand(parse('(x + 1)^2')) === parse('x^2 + 2*x + 1') // → true
 */
import { LimitError } from '../../core/errors.js';
import { addArray, addTerms, mulArray, pow } from '../expr/arith.js';
import type { Expr } from '../expr/expr.js';
import { mapExpr } from '../walk/traverse.js';

/** Options for expand: `maxTerms` refuses a larger result with a LimitError. @example expand(parse('(x+1)^2')) // → x^2 + 2*x + 1 */
export interface ExpandOptions {
  /** Largest number of terms a single expanded product may have. Default 100000. */
  maxTerms?: number;
}

/** Multiply out a list of factors (each possibly a sum). */
function distribute(factors: readonly Expr[], maxTerms: number): Expr {
  let terms: Expr[][] = [[]];
  for (const f of factors) {
    const fs = f.kind === 'Add' ? addTerms(f) : [f];
    if (fs.length === 1) {
      for (const t of terms) t.push(fs[0]!);
      continue;
    }
    if (terms.length * fs.length > maxTerms)
      throw new LimitError(`expand: more than ${maxTerms} terms (raise maxTerms to allow it)`);
    const next: Expr[][] = [];
    for (const t of terms) for (const g of fs) next.push([...t, g]);
    terms = next;
  }
  return addArray(terms.map((t) => mulArray(t)));
}

/** Expand one node whose children are already expanded. */
function expandNode(e: Expr, maxTerms: number): Expr {
  if (e.kind === 'Pow' && e.base.kind === 'Add' && e.exp.kind === 'Integer' && e.exp.value.num > 1n) {
    const n = Number(e.exp.value.num);
    if (n > 10_000) throw new LimitError(`expand: power ${n} of a sum is too large`);
    // Binary powering keeps the intermediate sums canonical and small.
    let result: Expr | null = null;
    let base: Expr = e.base;
    let k = n;
    while (k > 0) {
      if (k & 1) result = result === null ? base : distribute([result, base], maxTerms);
      k >>= 1;
      if (k > 0) base = distribute([base, base], maxTerms);
    }
    return result!;
  }
  if (e.kind === 'Mul') {
    const factors: Expr[] = [e.coeff];
    let hasSum = false;
    for (let i = 0; i < e.bases.length; i++) {
      const f = expandNode(pow(e.bases[i]!, e.exps[i]!), maxTerms);
      if (f.kind === 'Add') hasSum = true;
      factors.push(f);
    }
    return hasSum ? distribute(factors, maxTerms) : e;
  }
  return e;
}

/**
 * Expand products and integer powers of sums.
 * @example expand(parse('(a + b)*(a - b)')) // → a^2 - b^2
 */
export function expand(e: Expr, options: ExpandOptions = {}): Expr {
  const maxTerms = options.maxTerms ?? 100_000;
  return mapExpr(e, (_orig, rebuilt) => expandNode(rebuilt, maxTerms));
}
