/**
 * Integration by parts, the rules the engine calls (∫ u dv = u·v − ∫ v du):
 *
 * - tabular: u = polynomial P, dv = exp/sin/cos/sinh/cosh of a linear argument (P's degree drops);
 * - cyclic: ∫ e^(αx+β)·sin(γx+δ) dx = e^(αx+β)(α sin − γ cos)/(α² + γ²) (and cos, and Bᵘ with α·log B), the closed form
 *   of parts applied twice;
 * - LIATE: u = a log / inverse-trig factor, dv = the rest;
 * - polynomial: u = the polynomial part, dv = whatever else integrates (x·sec²x).
 *
 * @example
 * cyclic([[E, parse('-x')], [parse('cos(x)'), ONE]], x) // → (sin(x) - cos(x))*exp(-x)/2
 */
import { add, mul, pow, sub } from '../../../expr/arith.js';
import { E, ONE, ZERO, type Expr, type SymbolNode } from '../../../expr/expr.js';
import { fn } from '../../../functions/index.js';
import { diff } from '../../diff/diff.js';
import { dependsOn, evalNumber } from '../../../algebra/util.js';
import { linearIn, quadraticIn } from '../../diff/polynomial-in.js';
import { exprToPoly, polyToExpr } from '../../../poly/convert.js';
import { expandProducts } from '../../../algebra/rewrite.js';
import { toString } from '../../../print/text.js';
import type { StepText } from './rule.js';

/** Functions chosen as u in LIATE parts. */
export const INVERSE = new Set(['log', 'asin', 'acos', 'atan', 'asinh', 'acosh', 'atanh', 'erf', 'erfc', 'erfi', 'Ei', 'Si', 'Ci', 'li']);
const EXPTRIG = new Set(['sin', 'cos', 'sinh', 'cosh']);

/** Text of an expression for step details. */
export const show = (e: Expr): string => toString(e);

/** e^(αx+β)·sin/cos(γx+δ): closed form of the cyclic parts. */
export function cyclic(fs: Array<[Expr, Expr]>, x: SymbolNode): Expr | null {
  if (fs.length !== 2) return null;
  let ex: Expr | null = null, tr: Expr | null = null, base: Expr = E;
  for (const [b, k] of fs) {
    // Bᵘ for a constant base B > 0 too: Bᵘ = e^(u·log B)
    if (b === E || (!dependsOn(b, x) && b.kind !== 'Function' && evalNumber(b, new Map()) > 0)) [ex, base] = [k, b];
    else if (k === ONE && b.kind === 'Function' && (b.name === 'sin' || b.name === 'cos')) tr = b;
  }
  if (!ex || !tr || tr.kind !== 'Function') return null;
  const le = linearIn(ex, x), lt = linearIn(tr.args[0]!, x);
  if (!le || !lt) return null;
  const al = base === E ? le[0] : mul(le[0], fn('log', base)), [ga] = lt;
  const v = tr.args[0]!;
  const eu = pow(base, ex);
  const den = pow(add(pow(al, 2), pow(ga, 2)), -1);
  // ∫eᵘ sin v = eᵘ(α sin v − γ cos v)/(α² + γ²); ∫eᵘ cos v = eᵘ(α cos v + γ sin v)/(α² + γ²)
  if (tr.name === 'sin') return mul(eu, den, sub(mul(al, fn('sin', v)), mul(ga, fn('cos', v))));
  return mul(eu, den, add(mul(al, fn('cos', v)), mul(ga, fn('sin', v))));
}

/**
 * Split factors into a polynomial P and g = one exp/sin/cos/sinh/cosh of a linear argument, or
 * an e^(linear)·sin/cos(linear) pair (integrated by the cyclic rule), for tabular parts.
 */
export function polyTimesTranscendental(fs: Array<[Expr, Expr]>, x: SymbolNode): [Expr, Expr] | null {
  const gs: Expr[] = [];
  const rest: Expr[] = [];
  let nExp = 0, nTrig = 0;
  for (const [b, k] of fs) {
    const e = pow(b, k);
    const isExp = b === E && linearIn(k, x) !== null;
    const isTrig = k === ONE && b.kind === 'Function' && EXPTRIG.has(b.name) && linearIn(b.args[0]!, x) !== null;
    if (isExp && nExp === 0) (gs.push(e), nExp++);
    else if (isTrig && nTrig === 0) (gs.push(e), nTrig++);
    else rest.push(e);
  }
  if (!gs.length || !rest.length) return null;
  if (gs.length === 2 && !gs.some((e) => e.kind === 'Function' && (e.name === 'sin' || e.name === 'cos'))) return null;
  const g = mul(...gs);
  const P = mul(...rest);
  const poly = exprToPoly(P, x);
  if (!poly || poly.length < 2) return null;
  return [polyToExpr(poly, x), g];
}

/** Parts with u = log / inverse trig factor (LIATE), dv = the rest. */
export function liateParts(
  f: Expr,
  fs: Array<[Expr, Expr]>,
  x: SymbolNode,
  sub1: (g: Expr) => Expr | null,
): { result: Expr; detail: StepText } | null {
  for (let i = 0; i < fs.length; i++) {
    const [b, k] = fs[i]!;
    if (b.kind !== 'Function' || !INVERSE.has(b.name) || k.kind !== 'Integer' || k.value.num < 1n) continue;
    const u = pow(b, k);
    const dv = mul(...fs.filter((_, j) => j !== i).map(([bb, kk]) => pow(bb, kk)));
    const v = sub1(dv);
    if (v === null) continue;
    const du = diff(u, x);
    const rest = sub1(mul(v, du));
    if (rest === null) continue;
    void f;
    return { result: sub(mul(u, v), rest), detail: () => `u = ${show(u)}, dv = ${show(dv)} d${x.name}` };
  }
  return null;
}

/** Parts with u = the polynomial part P of the product (degree ≥ 1), dv = the rest. */
export function polynomialParts(
  fs: Array<[Expr, Expr]>,
  x: SymbolNode,
  sub1: (g: Expr) => Expr | null,
): { result: Expr; detail: StepText } | null {
  const polyPart: Expr[] = [];
  const rest: Expr[] = [];
  for (const [b, k] of fs) {
    const e = pow(b, k);
    (exprToPoly(e, x) ? polyPart : rest).push(e);
  }
  if (!polyPart.length || !rest.length) return null;
  const P = mul(...polyPart);
  const poly = exprToPoly(P, x);
  if (!poly || poly.length < 2 || poly.length > 6) return null;
  const dv = mul(...rest);
  const v = sub1(dv);
  if (v === null) return null;
  const r = sub1(expandProducts(mul(diff(P, x), v)));
  if (r === null) return null;
  return { result: sub(expandProducts(mul(P, v)), r), detail: () => `u = ${show(P)}, dv = ${show(dv)} d${x.name}` };
}

/** Is e = c·x² (c free of x, no other term)? */
function isGaussian(e: Expr, x: SymbolNode): boolean {
  const q = quadraticIn(e, x);
  return q !== null && q[1] === ZERO && q[2] === ZERO;
}

/**
 * Parts the other way round for g(x)·x⁻ⁿ, n ≥ 2, g = e^(ax+b), sin, cos, sinh, cosh of a linear
 * argument: u = g, dv = x⁻ⁿ dx, v = x¹⁻ⁿ/(1 − n), so ∫ g·x⁻ⁿ = g·v − ∫ g′·v, one power of x
 * less each time, down to the standard ∫ eˣ/x = Ei x, ∫ sin x/x = Si x, ∫ cos x/x = Ci x.
 */
export function negativePowerParts(
  fs: Array<[Expr, Expr]>,
  x: SymbolNode,
  sub1: (g: Expr) => Expr | null,
): { result: Expr; detail: StepText } | null {
  if (fs.length !== 2) return null;
  const i = fs.findIndex(([b, k]) => b === x && k.kind === 'Integer' && k.value.num <= -2n && k.value.num >= -12n);
  if (i < 0) return null;
  const g = pow(...fs[1 - i]!);
  // e^(c·x²) too: each step lowers the power of x by two, down to erf or Ei(c·x²)/2.
  const gaussian = g.kind === 'Pow' && g.base === E && isGaussian(g.exp, x);
  const smooth = (g.kind === 'Pow' && g.base === E && linearIn(g.exp, x)) || gaussian || (g.kind === 'Function' && ['sin', 'cos', 'sinh', 'cosh'].includes(g.name) && linearIn(g.args[0]!, x));
  if (!smooth) return null;
  const n = fs[i]![1];
  const v = mul(pow(x, add(n, 1)), pow(add(n, 1), -1));
  const rest = sub1(expandProducts(mul(diff(g, x), v)));
  if (rest === null) return null;
  return { result: sub(mul(g, v), rest), detail: () => `u = ${show(g)}, dv = ${show(pow(x, n))} d${x.name}` };
}
