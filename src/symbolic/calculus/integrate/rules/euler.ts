/**
 * ∫ R(x, √Q) dx for a rational function R and Q = a·x² + b·x + c with rational coefficients, by
 * Euler's substitutions, which make the integrand a rational function of t:
 *
 * - a = α² > 0:             √Q = t − α·x,        x = (t² − c)/(2αt + b)
 * - c = γ² > 0:             √Q = x·t + γ,        x = (2γt − b)/(a − t²)
 * - Q = a(x − r₁)(x − r₂):  √Q = (x − r₁)·t,     x = (a·r₂ − r₁t²)/(a − t²)
 *
 * then dx = x′(t) dt, partial fractions, and t is written back in terms of x. A last-resort rule:
 * its answers are correct (checked by differentiation) but less tidy than the standard forms.
 *
 * @example
 * integrate('1/((x+sqrt(x^2+1))^2)', 'x') // → (-x^2 - x*sqrt(x^2 + 1) - 2/3)/(x + sqrt(x^2 + 1))^3
 */
import * as Q from '../../../../core/rational.js';
import { add, mul, pow, sub } from '../../../expr/arith.js';
import { HALF, numFromRational, type Expr, type SymbolNode } from '../../../expr/expr.js';
import { diff } from '../../diff/diff.js';
import { integrateRational } from './rational.js';
import { free, substitute, walkDependent } from '../../../algebra/util.js';
import { freshSymbol } from './trig.js';
import { exprToPoly, exprToRatFun } from '../../../poly/convert.js';
import { polyRationalRoots } from '../../../poly/roots.js';

/** A rational square root of r ≥ 0, or null. */
function ratSqrt(r: Q.Rational): Q.Rational | null {
  if (Q.sign(r) < 0) return null;
  const root = (n: bigint): bigint | null => {
    if (n < 2n) return n;
    let x = BigInt(Math.floor(Math.sqrt(Number(n))));
    while (x * x > n) x--;
    while ((x + 1n) * (x + 1n) <= n) x++;
    return x * x === n ? x : null;
  };
  const a = root(r.num), b = root(r.den);
  return a !== null && b !== null ? Q.rational(a, b) : null;
}

/** The unique quadratic Q under a square root in e (Q^(k/2), k odd), or null. */
function findRootQuadratic(e: Expr, x: SymbolNode): Expr | null {
  let found: Expr | null = null;
  const ok = walkDependent(e, x, (n) => {
    if (n.kind === 'Function') return false;
    if (n.kind === 'Pow' && n.exp.kind === 'Rational' && n.exp.value.den === 2n && !free(n.base, x)) {
      if (found !== null && found !== n.base) found = HALF; // marker: two different roots
      else if (found === null) found = n.base;
    }
  });
  if (!ok) return null;
  return found === HALF ? null : found;
}

export function integrateEuler(e: Expr, x: SymbolNode, note: (s: string) => void): Expr | null {
  const Qe = findRootQuadratic(e, x);
  if (!Qe) return null;
  const qp = exprToPoly(Qe, x);
  if (!qp || qp.length !== 3) return null;
  const [c, b, a] = [qp[0] ?? Q.ZERO, qp[1] ?? Q.ZERO, qp[2]!];
  const S = freshSymbol();
  const g0 = substitute(e, pow(Qe, HALF), S);
  // g0 must be rational in x and S.
  if (!exprToRatFun(substitute(g0, S, numFromRational(Q.rational(7n, 3n))), x)) return null;
  const t = freshSymbol();
  const R = numFromRational;
  let xt: Expr, st: Expr, back: Expr, how: string;
  const alpha = ratSqrt(a), gamma = ratSqrt(c);
  const roots = polyRationalRoots(qp);
  if (alpha && Q.sign(a) > 0) {
    xt = mul(sub(pow(t, 2), R(c)), pow(add(mul(2, R(alpha), t), R(b)), -1));
    st = sub(t, mul(R(alpha), xt));
    back = add(pow(Qe, HALF), mul(R(alpha), x));
    how = `√Q = t − ${Q.toString(alpha)}·x`;
  } else if (gamma && Q.sign(c) > 0) {
    xt = mul(sub(mul(2, R(gamma), t), R(b)), pow(sub(R(a), pow(t, 2)), -1));
    st = add(mul(xt, t), R(gamma));
    back = mul(sub(pow(Qe, HALF), R(gamma)), pow(x, -1));
    how = `√Q = x·t + ${Q.toString(gamma)}`;
  } else if (roots.length >= 1) {
    const r1 = roots[0]!;
    const r2 = roots.length > 1 ? roots[1]! : r1;
    xt = mul(sub(mul(R(a), R(r2)), mul(R(r1), pow(t, 2))), pow(sub(R(a), pow(t, 2)), -1));
    st = mul(sub(xt, R(r1)), t);
    back = mul(pow(Qe, HALF), pow(sub(x, R(r1)), -1));
    how = `√Q = (x − ${Q.toString(r1)})·t`;
  } else return null;
  const g = mul(substitute(substitute(g0, S, st), x, xt), diff(xt, t));
  if (!free(g, x)) return null;
  const G = integrateRational(g, t);
  if (G === null) return null;
  note(`Euler substitution ${how}`);
  return substitute(G, t, back);
}
