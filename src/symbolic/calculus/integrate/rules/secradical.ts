/**
 * Square roots of α + β·sec u with β = ±α (and of csc u the same way), next to other functions of
 * sec u alone: t = sec u, dt = sec u·tan u du, tan u = σ·√(t² − 1) with σ = sign(tan u), constant
 * between the poles and zeros of tan. The radicand fixes the side of t: α + β·t ≥ 0 with |t| ≥ 1
 * means t ≥ 1 when β > 0 and t ≤ −1 when β < 0. On that side t² − 1 = P₁·P₂ with
 *
 *   t ≥ 1:   P₁ = t − 1,  P₂ = t + 1;     t ≤ −1:  P₁ = 1 − t,  P₂ = −1 − t,
 *
 * both ≥ 0, and each radicand is |α|·P₂ (β = α) or |α|·P₁ (β = −α), so every root is a power of
 * √P₁ or √P₂: the new integrand R(t)·P₁^(i/2)·P₂^(j/2)/t has at most the roots of two linear
 * factors (rational, a linear radical or √(t² − 1) for the rules after). The answer is σ·G(sec u).
 * For csc: t = csc u, dt = −csc u·cot u du, σ = sign(cot u).
 *
 * @example
 * integrate('sqrt(1 + sec(x))*sec(x)', 'x') // → 2*sqrt(sec(x) - 1)*sign(tan(x))
 */
import { add, mul, pow, sub } from '../../../expr/arith.js';
import { ZERO, isNum, numValue, type Expr, type SymbolNode } from '../../../expr/expr.js';
import { fn } from '../../../functions/index.js';
import { free, substitute, walkDependent } from '../../../algebra/util.js';
import { linearIn } from '../../diff/polynomial-in.js';
import { freshSymbol } from './trig.js';
import type { IntegrationRule } from './rule.js';

/** t = T(u), its reciprocal function, the function O with O² = t² − 1, and dt = sign·t·O du. */
const FAMILIES = [
  { T: 'sec', recip: 'cos', other: 'tan', sign: 1 },
  { T: 'csc', recip: 'sin', other: 'cot', sign: -1 },
] as const;

export const secantRadicalRule: IntegrationRule = {
  name: 'square roots of α ± α·sec u',
  needs: (s) => s.radical,
  step: 'trigonometric substitution',
  apply: ({ f, x, integrate, note }) => {
    for (const fam of FAMILIES) {
      // The radicals (α + β·T(u))^(m/2), β = ±α, all of one u and one side.
      let u: Expr | null = null;
      let side = 0 as 1 | -1 | 0;
      const bases = new Map<Expr, { alpha: number; same: boolean }>();
      let any = false, rootOfT = false;
      const ok = walkDependent(f, x, (n) => {
        if (n.kind === 'Function') {
          if ((n.name !== fam.T && n.name !== fam.recip) || (u !== null && n.args[0] !== u)) return false;
          u = n.args[0]!;
          return [];
        }
        if (n === x) return false;
        if (n.kind !== 'Pow' || n.exp.kind !== 'Rational') return undefined;
        if (n.exp.value.den !== 2n) return false;
        const B = n.base;
        // √sec u itself: real on the side t ≥ 1 only
        if (B.kind === 'Function' && (B.name === fam.T || B.name === fam.recip)) {
          if (u !== null && B.args[0] !== u) return false;
          u = B.args[0]!;
          rootOfT = true;
          return [];
        }
        if (B.kind !== 'Add' || B.terms.length !== 1 || B.coeff === ZERO) return false;
        const term = B.terms[0]!;
        if (term.kind !== 'Function' || term.name !== fam.T || (u !== null && term.args[0] !== u)) return false;
        const beta = B.coeffs[0]!;
        if (!isNum(beta) || mul(B.coeff, B.coeff) !== mul(beta, beta)) return false;
        u = term.args[0]!;
        const s = numValue(beta) > 0 ? 1 : -1;
        if (side !== 0 && side !== s) return false;
        side = s;
        bases.set(B, { alpha: numValue(B.coeff), same: B.coeff === beta });
        any = true;
        return [];
      });
      if (!ok || (!any && !rootOfT) || u === null || (rootOfT && side === -1)) continue;
      // Only √sec u: sec u > 0 where it is defined, the side t ≥ 1.
      if (!any) side = 1;
      const lin = linearIn(u, x);
      if (!lin) continue;
      const t = freshSymbol();
      const P1 = side === 1 ? sub(t, 1) : sub(1, t);
      const P2 = side === 1 ? add(t, 1) : sub(-1, t);
      let g = f;
      for (const [B, { alpha, same }] of bases) {
        // α + β·t = |α|·P₂ (β = α) or |α|·P₁ (β = −α)
        const absA = mul(alpha < 0 ? -1 : 1, (B as Extract<Expr, { kind: 'Add' }>).coeff);
        g = substitute(g, pow(B, pow(2, -1)), mul(pow(absA, pow(2, -1)), pow(same ? P2 : P1, pow(2, -1))));
      }
      g = substitute(substitute(g, fn(fam.T, u), t), fn(fam.recip, u), pow(t, -1));
      if (!free(g, x)) continue;
      // dx = du/a = dt/(a·sign·t·O), O = σ·√(P₁·P₂)
      const h = mul(g, pow(mul(lin[0], fam.sign, t), -1), pow(P1, pow(-2, -1)), pow(P2, pow(-2, -1)));
      const G = integrate(h, t);
      if (G === null) return null;
      note(`t = ${fam.T}(u) on the side t ${side === 1 ? '≥ 1' : '≤ −1'} its radicands allow; ${fam.other}(u) = sign(${fam.other}(u))·√(t² − 1)`);
      return mul(fn('sign', fn(fam.other, u)), substitute(G, t, fn(fam.T, u)));
    }
    return null;
  },
};
