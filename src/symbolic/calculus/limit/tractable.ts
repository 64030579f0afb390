/**
 * Gruntz's algorithm works on exp-log expressions: sums, products, constant powers, exp and log of
 * its variable x (x → +∞), plus functions analytic at the finite values their arguments tend to.
 * This pass rewrites everything else into that form, asking the limit code (`ask`) for the limits
 * and signs of arguments where the rewrite depends on them:
 *
 * - bᵏ with k depending on x: e^(k·log b); (eˢ)ᵏ = e^(s·k);
 * - sinh, cosh, tanh, sigmoid, softplus as exponentials; tan, sec, csc, cot as sin/cos;
 * - acosh u = log(u + √(u² − 1)), atanh u = (log(1 + u) − log(1 − u))/2;
 * - atan u = ±π/2 − atan(1/u) and asinh u = ±log(±u + √(u² + 1)) when u → ±∞;
 *   asin u = ±π/2 − atan(√(1 − u²)/u) when u → ±1 (a branch point);
 * - erf u = 1 − erfs(u)·e^(−u²) when u → +∞ (erfs has an asymptotic series);
 * - |u|, sign u, heaviside u, relu u, max, min by the sign of u for large x; |bᵏ| = |b|ᵏ.
 *
 * Oscillating pieces (sin u with u → ∞) are not in this class: they raise UndecidedError.
 *
 * @example
 * limit('atan(x) - 2^(-x)', 'x', 'oo') // → pi/2 (atan x rewritten as π/2 − atan(1/x), 2^(−x) as e^(−x·log 2))
 */
import { UndecidedError } from '../../../core/errors.js';
import { add, mul, pow, sqrt } from '../../expr/arith.js';
import { E, PI, ONE, ZERO, rat, type Expr, type SymbolNode } from '../../expr/expr.js';
import { fn } from '../../functions/index.js';
import { free } from '../../algebra/util.js';
import { rebuildWith, rewrite, type RewriteRule } from '../../walk/rewrite.js';
import { ERFS } from '../series/asymptotic.js';
import { constantSign } from './zero-test.js';

/** A limit on the extended reals. */
export type Lim = { k: 'fin'; v: Expr } | { k: 'inf'; s: 1 | -1 };

/** What the rewrite needs to know about sub-expressions as x → +∞. */
export interface LimitOracle {
  limit(u: Expr): Lim;
  /** Sign for all large x: 0 only when u is identically 0. */
  sign(u: Expr): -1 | 0 | 1;
}

const half = rat(1, 2);

/** The rewrite described above (memoised per call). */
export function makeTractable(e: Expr, x: SymbolNode, ask: LimitOracle): Expr {
  const rule: RewriteRule = (n, go) => {
    if (free(n, x) || n === x) return n;
    switch (n.kind) {
      case 'Add':
        return rebuildWith(n, go);
      case 'Mul': {
        const parts: Expr[] = [n.coeff];
        for (let i = 0; i < n.bases.length; i++) parts.push(powRule(go(n.bases[i]!), go(n.exps[i]!)));
        return mul(...parts);
      }
      case 'Pow':
        return powRule(go(n.base), go(n.exp));
      case 'Function': {
        // |bᵏ| = |b|ᵏ for real k (before bᵏ becomes e^(k·log b), which needs b > 0).
        const p = n.args[0]!;
        if (n.name === 'abs' && p.kind === 'Pow' && p.base !== E) return go(pow(fn('abs', p.base), p.exp));
        return funRule(n.name, n.args.map(go));
      }
      default:
        throw new UndecidedError(`cannot take the limit of a ${n.kind}`);
    }
  };

  const powRule = (b: Expr, k: Expr): Expr => {
    if (free(k, x)) return b.kind === 'Pow' && b.base === E ? pow(E, mul(b.exp, k)) : pow(b, k);
    if (b === E) return pow(E, k);
    if (free(b, x) && constantSign(b) <= 0) throw new UndecidedError('a non-positive base raised to a varying power');
    return pow(E, mul(k, logRule(b)));
  };

  const logRule = (u: Expr): Expr => (u.kind === 'Pow' && u.base === E ? u.exp : fn('log', u));

  const limitOf = (u: Expr): Lim => ask.limit(u);
  const infSign = (u: Expr): 0 | 1 | -1 => {
    const l = limitOf(u);
    return l.k === 'inf' ? l.s : 0;
  };
  const tendsTo = (u: Expr, v: number): boolean => {
    const l = limitOf(u);
    return l.k === 'fin' && constantSign(add(l.v, -v)) === 0;
  };
  const signOf = (u: Expr): -1 | 0 | 1 => ask.sign(u);

  const funRule = (name: string, args: Expr[]): Expr => {
    const a = args[0]!;
    switch (name) {
      case 'log':
        return logRule(a);
      case 'sinh':
        return mul(half, add(pow(E, a), mul(-1, pow(E, mul(-1, a)))));
      case 'cosh':
        return mul(half, add(pow(E, a), pow(E, mul(-1, a))));
      case 'tanh':
        return add(1, mul(-2, pow(add(pow(E, mul(2, a)), 1), -1)));
      case 'sigmoid':
        return pow(add(1, pow(E, mul(-1, a))), -1);
      case 'softplus':
        return logRule(add(1, pow(E, a)));
      case 'tan':
        return mul(trig('sin', a), pow(trig('cos', a), -1));
      case 'cot':
        return mul(trig('cos', a), pow(trig('sin', a), -1));
      case 'sec':
        return pow(trig('cos', a), -1);
      case 'csc':
        return pow(trig('sin', a), -1);
      case 'sin':
      case 'cos':
        return trig(name, a);
      case 'atan': {
        const s = infSign(a);
        return s ? add(mul(s, PI, half), mul(-1, fn('atan', pow(a, -1)))) : fn('atan', a);
      }
      case 'asin':
      case 'acos': {
        if (infSign(a)) throw new UndecidedError(`${name} of an unbounded argument`);
        let asin = fn('asin', a);
        // Near ±1, asin u = ±π/2 − atan(√(1 − u²)/u): the square root carries the branch point.
        for (const v of [1, -1]) if (tendsTo(a, v)) asin = add(mul(v, PI, half), mul(-1, fn('atan', mul(sqrt(add(1, mul(-1, pow(a, 2)))), pow(a, -1)))));
        return name === 'asin' ? asin : add(mul(PI, half), mul(-1, asin));
      }
      case 'asinh': {
        const s = infSign(a);
        if (!s) return fn('asinh', a);
        return mul(s, logRule(add(mul(s, a), sqrt(add(pow(a, 2), 1)))));
      }
      case 'acosh':
        return logRule(add(a, sqrt(add(pow(a, 2), -1))));
      case 'atanh':
        return mul(half, add(logRule(add(1, a)), mul(-1, logRule(add(1, mul(-1, a))))));
      case 'erf': {
        const s = infSign(a);
        if (!s) return fn('erf', a);
        // erf u = 1 − erfs(u)·e^(−u²); erf is odd, so at −∞ erf u = erfs(−u)·e^(−u²) − 1.
        return mul(s, add(1, mul(-1, fn(ERFS, mul(s, a)), pow(E, mul(-1, pow(a, 2))))));
      }
      case 'abs': {
        const s = signOf(a);
        return s === 0 ? ZERO : mul(s, a);
      }
      case 'sign':
        return rat(signOf(a));
      case 'heaviside': {
        const s = signOf(a);
        if (s === 0) throw new UndecidedError('heaviside of an expression that is identically 0');
        return s > 0 ? ONE : ZERO;
      }
      case 'relu':
        return signOf(a) > 0 ? a : ZERO;
      case 'max':
      case 'min': {
        const s = signOf(add(a, mul(-1, args[1]!)));
        return (s >= 0) === (name === 'max') ? a : args[1]!;
      }
      case ERFS:
        return fn(ERFS, a); // its own series covers an unbounded argument
      default:
        if (args.length === 1 && infSign(a)) throw new UndecidedError(`no rule for ${name} of an unbounded argument`);
        return fn(name, ...args);
    }
  };

  const trig = (name: 'sin' | 'cos', a: Expr): Expr => {
    if (infSign(a)) throw new UndecidedError(`${name} of an unbounded argument oscillates`);
    return fn(name, a);
  };

  return rewrite(e, rule);
}
