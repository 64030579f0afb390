/**
 * Integration by parts with u = Lᵏ, where L is built from functions whose derivative is algebraic
 * (log, asin, acos, atan, asinh, acosh, atanh, … — read from the function table: the derivative
 * holds no function) of algebraic arguments, and dv = A dx with A algebraic:
 *
 *   ∫ A·Lᵏ dx = V·Lᵏ − k·∫ V·L′·Lᵏ⁻¹ dx,   V = ∫ A dx.
 *
 * When V is algebraic too, the new integrand has the same shape with one power of L less (L′ is
 * algebraic), down to an algebraic integral: (3x + 2)²·(log(3x³) + 2)²/x⁴, x·√(2 − x)·(log x³ + ½),
 * (asin x + 1)/((1 − x)^(5/2)·√(1 + x)). When V is not algebraic (∫ log x/(x + 1) leads to
 * dilogarithms) the rule declines after that one sub-integral.
 *
 * @example
 * integrate('x*(atan(x) + 2)/(x^2 + 1)^(3/2)', 'x') // → x/sqrt(x^2 + 1) - (atan(x) + 2)/sqrt(x^2 + 1)
 */
import { mul, pow, sub } from '../../../expr/arith.js';
import { E, symbol, type Expr, type SymbolNode } from '../../../expr/expr.js';
import { FUNCTIONS } from '../../../functions/index.js';
import { diff } from '../../diff/diff.js';
import { free, walkDependent } from '../../../algebra/util.js';
import { show } from './parts.js';
import type { IntegrationRule } from './rule.js';

/** Powers of L up to this are taken apart (each costs two sub-integrals). */
const MAX_POWER = 6n;

/** Functions whose derivative (in their argument) holds no function: log, asin, atan, acosh, … */
const algebraicDerivative = new Map<string, boolean>();
function hasAlgebraicDerivative(name: string): boolean {
  let r = algebraicDerivative.get(name);
  if (r === undefined) {
    const def = FUNCTIONS[name];
    const u = symbol('_u_ad');
    r = false;
    if (def && def.arity === 1 && def.derivative) {
      try {
        r = isAlgebraic(def.derivative([u], 0), u);
      } catch {
        r = false;
      }
    }
    algebraicDerivative.set(name, r);
  }
  return r;
}

/** e depends on x through sums, products and constant powers only (no function, no x in an exponent). */
function isAlgebraic(e: Expr, x: Expr): boolean {
  return walkDependent(e, x, (n) => {
    if (n.kind === 'Function') return false;
    if (n.kind === 'Pow' && (n.base === E || !free(n.exp, x))) return false;
  });
}

/** L depends on x only through functions with an algebraic derivative of algebraic arguments (and at least one). */
function isInverseExpression(L: Expr, x: SymbolNode): boolean {
  let found = false;
  const ok = walkDependent(L, x, (n) => {
    if (n.kind === 'Function') {
      if (!hasAlgebraicDerivative(n.name) || !n.args.every((a) => isAlgebraic(a, x))) return false;
      found = true;
      return [];
    }
    if (n === x) return false;
    if (n.kind === 'Pow' && (n.base === E || !free(n.exp, x))) return false;
  });
  return ok && found;
}

export const inversePowerPartsRule: IntegrationRule = {
  name: 'parts: power of a log or inverse-trig expression',
  step: 'integration by parts',
  needs: (s) => s.functions.size > 0,
  apply: ({ x, c, fs, integrate }) => {
    let at = -1;
    for (let i = 0; i < fs.length; i++) {
      const [b, k] = fs[i]!;
      if (isAlgebraic(b, x) && free(k, x)) continue;
      // One factor Lᵏ; every other factor algebraic.
      if (at >= 0 || k.kind !== 'Integer' || k.value.num < 1n || k.value.num > MAX_POWER || !isInverseExpression(b, x)) return null;
      at = i;
    }
    if (at < 0) return null;
    const [L, k] = fs[at]!;
    const dv = mul(c, ...fs.filter((_, i) => i !== at).map(([b, e]) => pow(b, e)));
    const V = free(dv, x) ? mul(dv, x) : integrate(dv);
    if (V === null || !isAlgebraic(V, x)) return null;
    const u = pow(L, k);
    const rest = integrate(mul(V, diff(u, x)));
    if (rest === null) return null;
    return { result: sub(mul(u, V), rest), detail: () => `u = ${show(u)}, dv = ${show(dv)} d${x.name}` };
  },
};
