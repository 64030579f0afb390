/**
 * Trigonometric functions of several integer multiples of one angle, sin(x/2 + 1)·sin(x + 2)⁶ or
 * sin³x/cos 3x: every argument is kᵢ·w for one w = g·(x + c) (g the gcd of the rates, c the common
 * shift) and integers kᵢ, and each function of kw is written with S = sin w, C = cos w by
 *
 *   sin(kw) = 2C·sin((k − 1)w) − sin((k − 2)w),   cos(kw) = 2C·cos((k − 1)w) − cos((k − 2)w)
 *
 * (tan, cot, sec, csc as their quotients), so the integrand becomes a function of the one angle w
 * for the rules that handle those (powers and products, Bioche, Weierstrass).
 *
 * @example
 * integrate('sin(3*x)/sin(x)^3', 'x') // → -4*x - 3/tan(x)
 */
import * as Q from '../../../../core/rational.js';
import { add, mul, pow, sub } from '../../../expr/arith.js';
import { ONE, ZERO, numFromRational, type Expr, type SymbolNode } from '../../../expr/expr.js';
import { fn } from '../../../functions/index.js';
import { walkDependent } from '../../../algebra/util.js';
import { linearIn } from '../../diff/polynomial-in.js';
import { expandProducts } from '../../../algebra/rewrite.js';
import { mapExpr } from '../../../walk/traverse.js';
import { show } from './parts.js';
import { CIRCULAR_NAMES, hasFunction, type IntegrationRule } from './rule.js';

const TRIG = new Set(['sin', 'cos', 'tan', 'cot', 'sec', 'csc']);
/** Multiples up to this are expanded (the polynomials grow with k). */
const MAX_MULTIPLE = 6n;

const rationalOf = (e: Expr): Q.Rational | null => (e.kind === 'Integer' || e.kind === 'Rational' ? e.value : null);
const gcdInt = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcdInt(b, a % b));

/** [sin(kw), cos(kw)] as polynomials in S = sin w, C = cos w, for k ≥ 0. */
function multiple(k: number, S: Expr, C: Expr): [Expr, Expr] {
  if (k === 0) return [ZERO, ONE];
  let s0: Expr = ZERO, c0: Expr = ONE, s1 = S, c1 = C;
  for (let j = 2; j <= k; j++) {
    const s2 = expandProducts(sub(mul(2, C, s1), s0)), c2 = expandProducts(sub(mul(2, C, c1), c0));
    s0 = s1, c0 = c1, s1 = s2, c1 = c2;
  }
  return [s1, c1];
}

/**
 * One angle w = g·(x + c) with every argument in `us` an integer multiple k·w (|k| ≤ 6): g is the
 * gcd of the rates, c the common shift. Null when the arguments are not linear with rational
 * rates, their shifts differ, or a multiple is too large.
 * @example commonAngle([parse('x/2 + 1'), parse('x + 2')], x)?.w // → x/2 + 1
 */
export function commonAngle(us: Iterable<Expr>, x: SymbolNode): { w: Expr; ks: Map<Expr, number> } | null {
  const rates = new Map<Expr, Q.Rational>();
  let shift: Expr | null = null;
  for (const u of us) {
    const l = linearIn(u, x);
    const a = l && rationalOf(l[0]);
    if (!l || !a) return null;
    const c = mul(l[1], pow(l[0], -1));
    if (shift !== null && c !== shift) return null;
    shift = c;
    rates.set(u, a);
  }
  if (shift === null) return null;
  // g = gcd of the rates (gcd of numerators over lcm of denominators)
  let num = 0n, den = 1n;
  for (const a of rates.values()) {
    num = gcdInt(num, a.num);
    den = (den * a.den) / gcdInt(den, a.den);
  }
  const g = Q.rational(num, den);
  const ks = new Map<Expr, number>();
  for (const [u, a] of rates) {
    const k = Q.div(a, g);
    if (k.den !== 1n || k.num > MAX_MULTIPLE || k.num < -MAX_MULTIPLE) return null;
    ks.set(u, Number(k.num));
  }
  return { w: add(mul(numFromRational(g), x), mul(numFromRational(g), shift)), ks };
}

export const multipleAngleRule: IntegrationRule = {
  name: 'multiple angles',
  needs: (s) => hasFunction(s, CIRCULAR_NAMES),
  step: 'multiple-angle formulas',
  apply: ({ f, x, integrate }) => {
    const args = new Set<Expr>();
    const ok = walkDependent(f, x, (n) => {
      if (n.kind !== 'Function' || !TRIG.has(n.name)) return undefined;
      args.add(n.args[0]!);
      return [];
    });
    if (!ok || args.size < 2) return null;
    const common = commonAngle(args, x);
    if (!common) return null;
    const { w, ks } = common;
    const S = fn('sin', w), C = fn('cos', w);
    const h = mapExpr(f, (o, e) => {
      if (o.kind !== 'Function' || !TRIG.has(o.name)) return e;
      const k = ks.get(o.args[0]!);
      if (k === undefined) return e;
      const [s0, c] = multiple(Math.abs(k), S, C);
      const s = k < 0 ? mul(-1, s0) : s0;
      const v: Record<string, Expr> = { sin: s, cos: c, tan: mul(s, pow(c, -1)), cot: mul(c, pow(s, -1)), sec: pow(c, -1), csc: pow(s, -1) };
      return v[o.name]!;
    });
    if (h === f) return null;
    const r = integrate(h);
    return r && { result: r, detail: () => `every angle is a multiple of w = ${show(w)}: sin(kw), cos(kw) written with sin w, cos w` };
  },
};
