/**
 * A polynomial in sin and cos of linear arguments over a power of a linear L, cos⁵t·sin t/t²
 * (what x⁵/acos(2x)² becomes under t = acos 2x): the trig polynomial is linearized at once —
 * sin u·cos u = sin 2u/2, sin²u = (1 − cos 2u)/2, cos²u = (1 + cos 2u)/2, then expanded, until
 * no product of powers is left — so each term is c·sin(ku)/Lⁿ or c·cos(ku)/Lⁿ, which parts take
 * down to Si and Ci. Doing it step by step through the rewrite rules nests deeper than the engine allows.
 *
 * @example
 * integrate('cos(x)^3*sin(x)/x^2', 'x') // → Ci(2*x)/2 + Ci(4*x)/2 - sin(2*x)/(4*x) - sin(4*x)/(8*x)
 */
import { add, mul, pow, sub } from '../../../expr/arith.js';
import { ONE, type Expr } from '../../../expr/expr.js';
import { fn } from '../../../functions/index.js';
import { linearIn } from '../../diff/polynomial-in.js';
import { expandProducts, reduceTrigPowers } from '../../../algebra/rewrite.js';
import { CIRCULAR_NAMES, hasFunction, type IntegrationRule } from './rule.js';

/** Rounds of power reduction (each halves the largest power). */
const MAX_ROUNDS = 12;

/** sin A·cos B = ½(sin(A + B) + sin(A − B)), sin A·sin B = ½(cos(A − B) − cos(A + B)), cos A·cos B = ½(cos(A − B) + cos(A + B)) for the first two such factors of a term. */
function productToSum(term: Expr): Expr {
  if (term.kind !== 'Mul') return term;
  const idx: number[] = [];
  term.bases.forEach((b, i) => {
    if (idx.length < 2 && b.kind === 'Function' && (b.name === 'sin' || b.name === 'cos') && term.exps[i] === ONE) idx.push(i);
  });
  if (idx.length < 2) return term;
  let [p, q] = idx.map((i) => term.bases[i]!) as [Extract<Expr, { kind: 'Function' }>, Extract<Expr, { kind: 'Function' }>];
  if (p.name === 'cos' && q.name === 'sin') [p, q] = [q, p];
  const A = p.args[0]!, B = q.args[0]!;
  const half = pow(2, -1);
  const r =
    p.name === 'sin' && q.name === 'cos'
      ? mul(half, add(fn('sin', add(A, B)), fn('sin', sub(A, B))))
      : p.name === 'sin'
        ? mul(half, sub(fn('cos', sub(A, B)), fn('cos', add(A, B))))
        : mul(half, add(fn('cos', sub(A, B)), fn('cos', add(A, B))));
  return mul(term.coeff, r, ...term.bases.flatMap((b, i) => (idx.includes(i) ? [] : [pow(b, term.exps[i]!)])));
}

/** The sum of terms with every trig product reduced to single sines and cosines (e when no round changes it). */
function linearize(e: Expr): Expr {
  let cur = e;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const c = cur;
    const terms = c.kind === 'Add' ? [c.coeff, ...c.terms.map((t, i) => mul(c.coeffs[i]!, t))] : [c];
    const next = expandProducts(add(...terms.map((t) => productToSum(reduceTrigPowers(t)))));
    if (next === cur) return cur;
    cur = next;
  }
  return cur;
}

export const trigOverPowerRule: IntegrationRule = {
  name: 'trigonometric polynomial over a power',
  step: 'power reduction',
  needs: (s) => hasFunction(s, CIRCULAR_NAMES),
  apply: ({ x, c, fs, integrate }) => {
    let L: Expr | null = null;
    const trig: Expr[] = [];
    for (const [b, k] of fs) {
      if (k.kind !== 'Integer') return null;
      if (b.kind === 'Function' && (b.name === 'sin' || b.name === 'cos') && k.value.num > 0n && linearIn(b.args[0]!, x)) trig.push(pow(b, k));
      else if (L === null && k.value.num < 0n && linearIn(b, x)) L = pow(b, k);
      else return null;
    }
    if (L === null || trig.length === 0 || (trig.length === 1 && trig[0]!.kind === 'Function')) return null;
    const T = linearize(mul(...trig));
    if (T === mul(...trig)) return null;
    return integrate(expandProducts(mul(c, L, T)));
  },
};
