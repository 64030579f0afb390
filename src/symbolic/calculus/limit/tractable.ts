/**
 * Gruntz's algorithm works on exp-log expressions: sums, products, constant powers, exp and log of
 * its variable x (x → +∞), plus functions analytic at the finite values their arguments tend to.
 * This pass rewrites everything else into that form, asking the limit code (`ask`) for the limits
 * and signs of arguments where the rewrite depends on them:
 *
 * - bᵏ with k depending on x: e^(k·log b); (eˢ)ᵏ = e^(s·k);
 * - a function with an exp-log form in the function table (`expLog`) takes it: sinh, cosh, tanh,
 *   sigmoid, softplus as exponentials, tan, sec, csc, cot as sin/cos, acosh and atanh as logs;
 * - a function of an argument tending to ±∞ takes its table form there (`nearInfinity`:
 *   atan u = ±π/2 − atan(1/u), asinh u = ±log(±u + √(u² + 1)), erf u = 1 − erfs(u)·e^(−u²) with
 *   erfs's asymptotic series), and one tending to a branch point its form there (`nearBranch`:
 *   asin u = ±π/2 − atan(√(1 − u²)/u) when u → ±1);
 * - |u|, sign u, heaviside u, relu u, max, min by the sign of their switching argument for large
 *   x (`bySign`); |bᵏ| = |b|ᵏ.
 *
 * Oscillating pieces (sin u with u → ∞) are not in this class: they raise UndecidedError.
 *
 * @example
 * limit('atan(x) - 2^(-x)', 'x', 'oo') // → pi/2 (atan x rewritten as π/2 − atan(1/x), 2^(−x) as e^(−x·log 2))
 */
import { UndecidedError } from '../../../core/errors.js';
import { add, mul, pow, sqrt } from '../../expr/arith.js';
import { E, rat, type Expr, type SymbolNode } from '../../expr/expr.js';
import { FUNCTIONS, fn, isAsymptoticHelper, kinkArgument } from '../../functions/index.js';
import { polygammaForm } from '../../functions/table-special.js';
import { free } from '../../algebra/util.js';
import { rebuildWith, rewrite, type RewriteRule } from '../../walk/rewrite.js';
import { constantSign } from './zero-test.js';

/** A limit on the extended reals. */
export type Lim = { k: 'fin'; v: Expr } | { k: 'inf'; s: 1 | -1 };

/** What the rewrite needs to know about sub-expressions as x → +∞. */
export interface LimitOracle {
  limit(u: Expr): Lim;
  /** Sign for all large x: 0 only when u is identically 0. */
  sign(u: Expr): -1 | 0 | 1;
}

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
        // log is part of the exp-log class; other functions with an exp-log form take it.
        if (n.name === 'log') return logRule(go(p));
        const form = FUNCTIONS[n.name]?.expLog;
        if (form) return go(form(n.args));
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

  /**
   * A table function of rewritten arguments: its kink form by the sign of the switching argument
   * (`bySign`), its form near ±∞ (`nearInfinity`) or near a branch point (`nearBranch`). An
   * oscillating function (bounded `atInfinity`) or one without a form near ∞ stops the rewrite.
   */
  const funRule = (name: string, args: Expr[]): Expr => {
    if (isAsymptoticHelper(name)) return fn(name, ...args); // their own series cover an unbounded argument
    const def = FUNCTIONS[name];
    if (def?.bySign) return def.bySign(rat(signOf(kinkArgument(args))), args);
    if (args.length !== 1) {
      // ψ⁽ⁿ⁾(u) = polygamma(n, u) for u → +∞: dⁿ/duⁿ(log u − 1/(2u)) + dgs⁽ⁿ⁾(u)
      const n = args[0]!.kind === 'Integer' ? Number(args[0]!.value.num) : -1;
      if (name === 'polygamma' && n >= 0 && n <= 20 && infSign(args[1]!) > 0) return polygammaForm(n, args[1]!);
      return fn(name, ...args);
    }
    const a = args[0]!;
    const s = infSign(a);
    if (s) {
      if (def?.nearInfinity) return def.nearInfinity(a, s);
      const at = def?.atInfinity?.(s);
      throw new UndecidedError(at && 'lo' in at ? `${name} of an unbounded argument oscillates` : `no rule for ${name} of an unbounded argument`);
    }
    for (const b of def?.nearBranch?.at ?? []) if (tendsTo(a, b)) return def!.nearBranch!.form(a, b);
    return fn(name, a);
  };

  return rewrite(e, rule);
}
