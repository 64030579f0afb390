/**
 * Square roots of trigonometric perfect squares, taken out with their sign:
 *
 *   α(1 + sin u) = 2α·sin²v,  α(1 − sin u) = 2α·cos²v   with u = 2v − π/2,
 *   α(1 + cos u) = 2α·cos²v,  α(1 − cos u) = 2α·sin²v   with u = 2v,
 *   α(1 − sin²u) = α·cos²u,   α(1 − cos²u) = α·sin²u    (no new angle),
 *
 * for α > 0, so (α(1 ± sin u))^(m/2) = (2α)^(m/2)·sign(w)·wᵐ with w = sin v or cos v (m odd).
 * The whole integrand goes over to v (sin u = sin²v − cos²v, cos u = 2·sin v·cos v, and so on;
 * x = (2v + φ − b)/a for u = a·x + b), where it is a rational function of sin v and cos v times
 * sign factors, and sign(w) is constant between the zeros of w ('sign factor'). The answer is an
 * antiderivative on each interval where the signs hold, as ∫ √(1 + sin x) dx is.
 *
 * @example
 * integrate('sqrt(1 - cos(x))', 'x') // → -2*sqrt(2)*sign(sin(x/2))*cos(x/2)
 */
import { add, mul, pow, sub } from '../../../expr/arith.js';
import { PI, ZERO, isNum, numValue, type Expr, type SymbolNode } from '../../../expr/expr.js';
import { fn } from '../../../functions/index.js';
import { free, substitute, walkDependent } from '../../../algebra/util.js';
import { linearIn } from '../../diff/polynomial-in.js';
import { mapExpr } from '../../../walk/traverse.js';
import { freshSymbol } from './trig.js';
import type { IntegrationRule } from './rule.js';

/** A radical (α + β·T(u)ᵖ)^k with β = ∓α, α > 0, T = sin or cos, p = 1 or 2. */
interface SquareRadical {
  node: Expr;
  alpha: Expr;
  /** β/α: +1 or −1. */
  s: 1 | -1;
  T: 'sin' | 'cos';
  u: Expr;
  p: 1 | 2;
  k: Expr;
}

/** The radical's parts when node = (α + β·T(u)ᵖ)^(m/2) has that shape, else null. */
function squareRadical(node: Expr, x: SymbolNode): SquareRadical | null {
  if (node.kind !== 'Pow' || node.exp.kind !== 'Rational' || node.exp.value.den !== 2n) return null;
  const B = node.base;
  if (B.kind !== 'Add' || B.terms.length !== 1 || B.coeff === ZERO) return null;
  const alpha = B.coeff, beta = B.coeffs[0]!;
  const a = numValue(alpha), b = isNum(beta) ? numValue(beta) : NaN;
  if (!(a > 0) || Math.abs(Math.abs(b) - a) > 1e-12 * a || mul(alpha, alpha) !== mul(beta, beta)) return null;
  let t = B.terms[0]!, p: 1 | 2 = 1;
  if (t.kind === 'Pow' && t.exp.kind === 'Integer' && t.exp.value.num === 2n) (t = t.base), (p = 2);
  if (t.kind !== 'Function' || (t.name !== 'sin' && t.name !== 'cos') || !linearIn(t.args[0]!, x)) return null;
  // 1 + T² is no square
  if (p === 2 && b > 0) return null;
  return { node, alpha, s: b > 0 ? 1 : -1, T: t.name, u: t.args[0]!, p, k: node.exp };
}

/** |w| = sign(w)·w (its odd powers keep one sign factor: sign(w)ᵐ = sign(w)). */
const signed = (w: Expr): Expr => mul(fn('sign', w), w);

/**
 * f with √B replaced by root(r) for each radical r = B^(m/2) (every power of √B in f, as in
 * B^(−11/2) = (√B)^(−11)); null when one of them stays.
 */
function withRoots(f: Expr, rads: readonly SquareRadical[], root: (r: SquareRadical) => Expr): Expr {
  let g = f;
  const done = new Set<Expr>();
  for (const r of rads) {
    const B = (r.node as Extract<Expr, { kind: 'Pow' }>).base;
    if (done.has(B)) continue;
    done.add(B);
    g = substitute(g, pow(B, pow(2, -1)), root(r));
  }
  return g;
}

export const halfAngleRadicalRule: IntegrationRule = {
  name: 'square roots of trigonometric squares',
  needs: (s) => s.radical,
  step: 'half-angle substitution',
  apply: ({ f, x, integrate, note }) => {
    const rads: SquareRadical[] = [];
    walkDependent(f, x, (n) => {
      if (n.kind !== 'Pow' || n.exp.kind !== 'Rational') return undefined;
      const r = squareRadical(n, x);
      if (r) rads.push(r);
      return r ? [] : undefined;
    });
    if (!rads.length) return null;
    const { u, p, T } = rads[0]!;
    if (rads.some((r) => r.u !== u || r.p !== p || (p === 1 && r.T !== T))) return null;
    const [a, b] = linearIn(u, x)!;
    if (p === 2) {
      // α(1 − sin²u) = α·cos²u: the sign comes out, no new angle.
      const g = withRoots(f, rads, (r) => mul(pow(r.alpha, pow(2, -1)), signed(fn(r.T === 'sin' ? 'cos' : 'sin', u))));
      if (g === f) return null;
      note(`1 − ${T}²(u) is the square of ${T === 'sin' ? 'cos' : 'sin'}(u)`);
      return integrate(g);
    }
    const v = freshSymbol();
    const sv = fn('sin', v), cv = fn('cos', v);
    // u = 2v + φ: φ = −π/2 for sin (1 ± sin u = 1 ∓ cos 2v), 0 for cos.
    const phi = T === 'sin' ? mul(-1, pow(2, -1), PI) : ZERO;
    const [sinU, cosU] = T === 'sin' ? [sub(pow(sv, 2), pow(cv, 2)), mul(2, sv, cv)] : [mul(2, sv, cv), sub(pow(cv, 2), pow(sv, 2))];
    const trig: Record<string, Expr> = {
      sin: sinU,
      cos: cosU,
      tan: mul(sinU, pow(cosU, -1)),
      cot: mul(cosU, pow(sinU, -1)),
      sec: pow(cosU, -1),
      csc: pow(sinU, -1),
    };
    // sin: 1 + sin u = 2sin²v, 1 − sin u = 2cos²v; cos: 1 + cos u = 2cos²v, 1 − cos u = 2sin²v
    let g = withRoots(f, rads, (r) => mul(pow(mul(2, r.alpha), pow(2, -1)), signed((T === 'sin') === (r.s === 1) ? sv : cv)));
    g = mapExpr(g, (_o, e) => (e.kind === 'Function' && e.args[0] === u && e.name in trig ? trig[e.name]! : e));
    g = substitute(g, x, mul(sub(add(mul(2, v), phi), b), pow(a, -1)));
    if (!free(g, x)) return null;
    const G = integrate(mul(2, pow(a, -1), g), v);
    if (G === null) return null;
    note(`${T === 'sin' ? '1 ± sin u = 1 ∓ cos 2v with u = 2v − π/2' : '1 ± cos u with u = 2v'}: the square root is |sin v| or |cos v|, written with its sign`);
    return substitute(G, v, mul(pow(2, -1), sub(u, phi)));
  },
};
