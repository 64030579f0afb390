/**
 * `factor`: factor a polynomial (or the numerator and denominator of a rational function) in one
 * variable over ℚ into irreducible factors with integer coefficients; a polynomial in several
 * variables by Kronecker's substitution (poly/multivariate.ts).
 *
 * @example
 * factor(parse('x^3 - 6*x^2 + 11*x - 6')) // → (x - 1)*(x - 2)*(x - 3)
 * factor(parse('2*x^2 - 2'))               // → 2*(x - 1)*(x + 1)
 * factor(parse('x^2 - y^2'))               // → (x - y)*(x + y)
 */
import { mul, pow } from '../expr/arith.js';
import { numFromRational, type Expr, type SymbolNode } from '../expr/expr.js';
import { freeSymbols } from '../walk/traverse.js';
import { exprToPoly, exprToRatFun, polyToExpr } from '../poly/convert.js';
import { polyFactorQ } from '../poly/factor.js';
import { exprToMPoly, mpolyFactor, mpolyToExpr } from '../poly/multivariate.js';
import { expand } from './expand.js';
import type { Poly } from '../poly/poly.js';
import { MAX_RULE_DEPTH, exprDepth } from './util.js';

/** The product content · Π factorᵢ^multᵢ as an expression. */
function factoredPoly(p: Poly, x: SymbolNode): Expr {
  const f = polyFactorQ(p);
  const parts: Expr[] = [numFromRational(f.content)];
  for (const { poly, mult } of f.factors) parts.push(pow(polyToExpr(poly, x), mult));
  return mul(...parts);
}

/**
 * Factor e over ℚ in x (default: its only variable). Expressions that are not polynomials or
 * rational functions with rational coefficients come back unchanged.
 *
 * @example
 * factor('x^4 + 4', 'x') // → (x^2 - 2*x + 2)*(x^2 + 2*x + 2)
 */
export function factor(expr: Expr, x?: SymbolNode): Expr {
  if (exprDepth(expr, MAX_RULE_DEPTH) > MAX_RULE_DEPTH) return expr;
  let v: SymbolNode;
  const syms = freeSymbols(expr);
  if (x === undefined) {
    if (syms.length === 0) return expr;
    if (syms.length > 1) return factorSeveral(expr, syms);
    v = syms[0]!;
  } else v = x;
  const p = exprToPoly(expr, v);
  if (p) return factoredPoly(p, v);
  const rf = exprToRatFun(expr, v);
  if (rf) return mul(factoredPoly(rf[0], v), pow(factoredPoly(rf[1], v), -1));
  return syms.length > 1 ? factorSeveral(expr, syms) : expr;
}

/**
 * A polynomial in several variables (x² − y² = (x − y)(x + y), x²y + xy² = x·y·(x + y)), by
 * Kronecker's substitution; anything else comes back unchanged.
 */
function factorSeveral(expr: Expr, vars: SymbolNode[]): Expr {
  const p = exprToMPoly(expand(expr), vars);
  if (!p) return expr;
  const { content, factors } = mpolyFactor(p, vars.length);
  return mul(numFromRational(content), ...factors.map(({ poly, mult }) => pow(mpolyToExpr(poly, vars), mult)));
}
