/**
 * t = tan w for functions of w and 2w with roots (cos x/√(sin 2x), sin³w/(sin 2w)^(5/2)), where
 * Bioche's tan substitution does not apply because an odd power of cos w remains: with
 * σ = sign(cos w), constant between the zeros of cos w, and W = (1 + t²)^(−1/2),
 *
 *   cos w = σ·W,  sin w = σ·t·W,  sin 2w = 2t/(1 + t²),  cos 2w = (1 − t²)/(1 + t²),  dx = dt/(a(1 + t²)).
 *
 * A root B^(p/q) of a radicand that becomes N(t)/(c·(1 + t²)ᵐ) is (N/c)^(p/q)·(1 + t²)^(−mp/q) (1 + t² > 0),
 * so every root left is of a polynomial in t; σ², σ⁴, … are 1, and an odd power of σ comes out
 * of the integral as sign(cos w). The answer is an antiderivative between the zeros of cos w.
 *
 * @example
 * integrate('1/(sqrt(sin(2*x))*cos(x)^3)', 'x') // → (2*tan(x))^(5/2)*sign(cos(x))/20 + sqrt(2*tan(x))*sign(cos(x))
 */
import { add, mul, pow, sub } from '../../../expr/arith.js';
import { ONE, isNum, numFromRational, rat, symbol, type Expr } from '../../../expr/expr.js';
import { fn } from '../../../functions/index.js';
import { free, substitute, walkDependent } from '../../../algebra/util.js';
import { linearIn } from '../../diff/polynomial-in.js';
import { exprToRatFun, polyToExpr } from '../../../poly/convert.js';
import { polyDivmod, polyFromInts, polyPow, type Poly } from '../../../poly/poly.js';
import { mapExpr } from '../../../walk/traverse.js';
import { commonAngle } from './multiangle.js';
import { freshSymbol } from './trig.js';
import { CIRCULAR_NAMES, hasFunction, type IntegrationRule } from './rule.js';

const TRIG = new Set(['sin', 'cos', 'tan', 'cot', 'sec', 'csc']);
/** The placeholder for sign(cos w). */
const SIGMA = symbol('_sigma_tan');

/** σᵏ → σ^(k mod 2) throughout (σ = ±1). */
function reduceSigma(e: Expr): Expr {
  return mapExpr(e, (_o, n) => {
    if (n.kind === 'Pow' && n.base === SIGMA && n.exp.kind === 'Integer') return n.exp.value.num % 2n === 0n ? ONE : SIGMA;
    if (n.kind === 'Mul' && n.bases.includes(SIGMA)) {
      const i = n.bases.indexOf(SIGMA), k = n.exps[i]!;
      if (k.kind !== 'Integer') return n;
      return mul(n.coeff, ...n.bases.map((b, j) => (j === i ? (k.value.num % 2n === 0n ? ONE : SIGMA) : pow(b, n.exps[j]!))));
    }
    return n;
  });
}

/** q = c·(1 + t²)ᵐ: [c, m], or null. */
function powerOfOnePlusT2(q: Poly): [Expr, number] | null {
  const base = polyFromInts([1, 0, 1]);
  if (q.length % 2 !== 1) return null;
  const m = (q.length - 1) / 2;
  const [quo, r] = polyDivmod(q, polyPow(base, m));
  return r.length === 0 && quo.length === 1 ? [numFromRational(quo[0]!), m] : null;
}

export const tanSignRule: IntegrationRule = {
  name: 't = tan w with the sign of cos w',
  step: 'trigonometric substitution',
  needs: (s) => s.radical && hasFunction(s, CIRCULAR_NAMES),
  apply: ({ f, x, integrate, note }) => {
    const args = new Set<Expr>();
    const roots: Array<{ B: Expr; q: bigint }> = [];
    const ok = walkDependent(f, x, (n) => {
      if (n.kind === 'Function') {
        if (!TRIG.has(n.name)) return false;
        args.add(n.args[0]!);
        return [];
      }
      if (n === x) return false;
      if (n.kind === 'Pow' && n.exp.kind === 'Rational') roots.push({ B: n.base, q: n.exp.value.den });
      else if (n.kind === 'Pow' && !isNum(n.exp)) return false;
    });
    if (!ok || !args.size || !roots.length) return null;
    const common = commonAngle(args, x);
    if (!common || [...common.ks.values()].some((k) => k !== 1 && k !== 2)) return null;
    const { w, ks } = common;
    const lin = linearIn(w, x)!;
    const t = freshSymbol();
    const t2 = pow(t, 2);
    const onePlus = add(1, t2);
    const W = pow(onePlus, rat(-1n, 2n));
    const S1 = mul(SIGMA, t, W), C1 = mul(SIGMA, W);
    const S2 = mul(2, t, pow(onePlus, -1)), C2 = mul(sub(1, t2), pow(onePlus, -1));
    const inT = (e: Expr): Expr =>
      mapExpr(e, (o, n) => {
        if (o.kind !== 'Function' || !TRIG.has(o.name)) return n;
        const k = ks.get(o.args[0]!);
        const [s, c] = k === 1 ? [S1, C1] : [S2, C2];
        const v: Record<string, Expr> = { sin: s, cos: c, tan: mul(s, pow(c, -1)), cot: mul(c, pow(s, -1)), sec: pow(c, -1), csc: pow(s, -1) };
        return v[o.name]!;
      });
    // Each root B^(1/q) → (N/c)^(1/q)·(1 + t²)^(−m/q), with B = N/(c·(1 + t²)ᵐ) in t.
    let g = f;
    const done = new Set<Expr>();
    for (const { B, q } of roots) {
      if (done.has(B)) continue;
      done.add(B);
      const Bt = reduceSigma(inT(B));
      if (!free(Bt, SIGMA)) return null;
      const r = exprToRatFun(Bt, t);
      const d = r && powerOfOnePlusT2(r[1]);
      if (!r || !d) return null;
      const [c, m] = d;
      const root = mul(pow(mul(polyToExpr(r[0], t), pow(c, -1)), rat(1n, q)), pow(onePlus, rat(BigInt(-m), q)));
      g = substitute(g, pow(B, rat(1n, q)), root);
    }
    g = reduceSigma(mul(inT(g), pow(lin[0], -1), pow(onePlus, -1)));
    if (!free(g, x)) return null;
    // g = σ^(0 or 1)·g₁
    let odd = false;
    if (!free(g, SIGMA)) {
      const g1 = substitute(g, SIGMA, ONE);
      if (reduceSigma(mul(SIGMA, g1)) !== g) return null;
      [g, odd] = [g1, true];
    }
    const G = integrate(g, t);
    if (G === null) return null;
    note(() => `t = tan(${String(w)}), cos = sign(cos)·(1 + t²)^(−1/2)`);
    const back = substitute(G, t, fn('tan', w));
    return odd ? mul(fn('sign', fn('cos', w)), back) : back;
  },
};
