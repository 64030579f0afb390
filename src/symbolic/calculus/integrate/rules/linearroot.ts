/**
 * Several roots of one linear A = a·x + b, anywhere in the integrand (√x/(x^(1/3) + 1),
 * x²·cos((x/2 + 2)^(1/3) + 2)): t = A^(1/q) for q the lcm of the roots' denominators, so every
 * A^(p/r) is a power of t, x = (t^q − b)/a and dx = q·t^(q−1)/a dt. The new integrand has no root
 * of t left from A (functions of t may remain: the rules after take them).
 *
 * @example
 * integrate('sqrt(x)/(x^(1/3) + 1)', 'x') // → 2*sqrt(x) + 6*x^(7/6)/7 - 6*x^(5/6)/5 - 6*x^(1/6) + 6*atan(x^(1/6))
 */
import { mul, pow, sub } from '../../../expr/arith.js';
import { rat, type Expr } from '../../../expr/expr.js';
import { free, substitute, walkDependent } from '../../../algebra/util.js';
import { linearIn } from '../../diff/polynomial-in.js';
import { freshSymbol } from './trig.js';
import { show } from './parts.js';
import type { IntegrationRule } from './rule.js';

/** Roots up to this order are combined (t^q for x: the new integrand's degrees grow with q). */
const MAX_ORDER = 12n;
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

export const linearRootsRule: IntegrationRule = {
  name: 'roots of one linear expression',
  step: 'rationalizing substitution',
  needs: (s) => s.radical,
  apply: ({ f, x, integrate }) => {
    let A: Expr | null = null;
    let q = 1n;
    const ok = walkDependent(f, x, (n) => {
      if (n.kind !== 'Pow' || n.exp.kind !== 'Rational' || free(n.base, x)) return undefined;
      if (A === null) {
        if (!linearIn(n.base, x)) return false;
        A = n.base;
      } else if (n.base !== A) return false;
      const d = n.exp.value.den;
      q = (q * d) / gcd(q, d);
      return q > MAX_ORDER ? false : [];
    });
    if (!ok || A === null || q === 1n) return null;
    const [a, b] = linearIn(A, x)!;
    const t = freshSymbol();
    const tq = pow(t, rat(q));
    const root = pow(A, rat(1n, q));
    let g = substitute(f, root, t);
    g = substitute(g, x, mul(sub(tq, b), pow(a, -1)));
    if (!free(g, x)) return null;
    const G = integrate(mul(g, rat(q), pow(t, rat(q - 1n)), pow(a, -1)), t);
    return G && { result: substitute(G, t, root), detail: () => `${t.name} = ${show(root)}` };
  },
};
