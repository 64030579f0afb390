/**
 * The first rules of the list: constants, linearity, powers and exponentials of a linear argument,
 * the table of standard integrals (each function's `antiderivative` field in functions/table.ts),
 * ∫ dx/(A·x² + C) with symbolic C/A, and polynomials.
 *
 * @example
 * integrate('(2x+1)^3', 'x', { steps: true }).steps[0].rule // → 'power rule'
 * integrate('(2x+1)^3', 'x') // → (2*x + 1)^4/8
 */
import { add, addTerms, mul, pow, sub } from '../../../expr/arith.js';
import { E, NEG_ONE, ONE, ZERO, isNum, type Expr } from '../../../expr/expr.js';
import { FUNCTIONS, fn } from '../../../functions/index.js';
import { free } from '../../../algebra/util.js';
import { logAbs, signOf } from '../../../functions/sign.js';
import { linearIn, quadraticIn } from '../../diff/polynomial-in.js';
import { exprToPoly, polyToExpr } from '../../../poly/convert.js';
import { polyIntegral } from '../../../poly/poly.js';
import { tidy } from '../../../algebra/simplify.js';
import { STOP, rationalInX, type IntegrationRule } from './rule.js';

/** ∫ c dx = c·x. */
export const constantRule: IntegrationRule = { name: 'constant', step: 'constant', apply: ({ f, x }) => (free(f, x) ? mul(f, x) : null) };

/** ∫ (f + g) = ∫ f + ∫ g, when every term integrates. */
export const sumRule: IntegrationRule = {
  name: 'sum rule',
  step: 'sum rule',
  apply: ({ f, integrate }) => {
    if (f.kind !== 'Add') return null;
    const parts: Expr[] = [];
    for (const t of addTerms(f)) {
      const r = integrate(t);
      if (r === null) return null;
      parts.push(r);
    }
    return add(...parts);
  },
};

/** ∫ c·g = c·∫ g; when ∫ g fails nothing else is tried. */
export const constantMultipleRule: IntegrationRule = {
  name: 'constant multiple',
  step: 'constant multiple',
  apply: ({ c, fs, integrate }) => {
    if (c === ONE || !fs.length) return null;
    const r = integrate(mul(...fs.map(([b, k]) => pow(b, k))));
    return r === null ? STOP : mul(c, r);
  },
};

/** ∫ (a·x + b)ⁿ dx, with ∫ du/u = log|u|. */
export const powerRule: IntegrationRule = {
  name: 'power of a linear argument',
  step: 'power rule',
  apply: ({ f, x }) => {
    if (f === x) return mul(pow(2, -1), pow(x, 2));
    if (f.kind !== 'Pow' || !free(f.exp, x)) return null;
    const lb = linearIn(f.base, x);
    if (!lb) return null;
    const [a] = lb;
    if (f.exp === NEG_ONE) return { result: mul(pow(a, -1), logAbs(f.base)), step: 'log rule', detail: '∫ du/u = log|u|' };
    const n1 = add(f.exp, 1);
    return { result: mul(pow(mul(a, n1), -1), pow(f.base, n1)), detail: '∫ uⁿ du = uⁿ⁺¹/(n + 1)' };
  },
};

/** ∫ b^(a·x + c) dx. */
export const exponentialRule: IntegrationRule = {
  name: 'exponential of a linear argument',
  step: 'exponential',
  apply: ({ f, x }) => {
    if (f.kind !== 'Pow' || !free(f.base, x)) return null;
    const le = linearIn(f.exp, x);
    if (!le) return null;
    const [a] = le;
    if (f.base === E) return { result: mul(pow(a, -1), f), detail: '∫ eᵘ du = eᵘ' };
    return { result: mul(pow(mul(a, fn('log', f.base)), -1), f), detail: '∫ bᵘ du = bᵘ/log b' };
  },
};

/** ∫ dx/(A·x² + C) with C/A symbolic: atan for C/A > 0, logs for C/A < 0. */
export const inverseQuadraticRule: IntegrationRule = {
  name: 'inverse quadratic with a symbolic constant',
  step: 'table',
  apply: ({ f, x }) => {
    if (f.kind !== 'Pow' || f.exp !== NEG_ONE) return null;
    const q = quadraticIn(f.base, x);
    if (!q) return null;
    // A·x² + B·x + C = A·u² + K with u = x + B/(2A), K = C − B²/(4A).
    const h = mul(q[1], pow(mul(2, q[0]), -1));
    const r = mul(sub(q[2], mul(pow(q[1], 2), pow(mul(4, q[0]), -1))), pow(q[0], -1));
    if (isNum(r) && isNum(q[1])) return null;
    const u = add(x, h);
    // C/A = s² (a² + x²): atan(x/s)/(A·s).
    if (signOf(r) > 0 || isSquare(r)) {
      const s = formalSqrt(r);
      return { result: mul(pow(mul(q[0], s), -1), fn('atan', mul(u, pow(s, -1)))), detail: '∫ du/(u² + s²) = atan(u/s)/s' };
    }
    // C/A = −s² (x² − a²): (log|x − s| − log|x + s|)/(2·A·s).
    const mr = mul(-1, r);
    if (signOf(mr) > 0 || isSquare(mr)) {
      const s = formalSqrt(mr);
      return { result: mul(pow(mul(2, q[0], s), -1), sub(logAbs(sub(u, s)), logAbs(add(u, s)))), detail: '∫ du/(u² − s²) = log|(u − s)/(u + s)|/(2s)' };
    }
    return null;
  },
};

/** ∫ F(a·x + b) dx = G(a·x + b)/a for a function with an `antiderivative` in the function table. */
export const tableRule: IntegrationRule = {
  name: 'table function of a linear argument',
  step: 'table',
  apply: ({ f, x }) => {
    if (f.kind !== 'Function' || f.args.length !== 1) return null;
    const G = FUNCTIONS[f.name]?.antiderivative;
    if (!G) return null;
    const u = f.args[0]!;
    const lu = linearIn(u, x);
    const F = lu && G(u);
    return lu && F ? { result: mul(pow(lu[0], -1), F), detail: `∫ ${f.name}(u) du` } : null;
  },
};

/** Polynomials over ℚ term by term. */
export const polynomialRule: IntegrationRule = {
  name: 'polynomial',
  step: 'polynomial',
  needs: rationalInX,
  apply: ({ f, x }) => {
    const p = exprToPoly(f, x);
    return p ? polyToExpr(polyIntegral(p), x) : null;
  },
};

/**
 * A square root of r = c·Π bᵢ^(2mᵢ) as √c·Π bᵢ^mᵢ (the sign does not matter: atan(x/s)/s and
 * log|(x − s)/(x + s)|/(2s) are even in s), otherwise √r.
 */
function formalSqrt(r: Expr): Expr {
  const half = (k: Expr) => mul(k, pow(2, -1));
  if (isSquare(r) && r.kind === 'Pow') return pow(r.base, half(r.exp));
  if (isSquare(r) && r.kind === 'Mul') return mul(pow(r.coeff, pow(2, -1)), ...r.bases.map((b, i) => pow(b, half(r.exps[i]!))));
  return tidy(pow(r, pow(2, -1)));
}

/** r = u² (or a product of even powers): non-negative for real symbols. */
function isSquare(r: Expr): boolean {
  const even = (k: Expr) => k.kind === 'Integer' && k.value.num % 2n === 0n;
  if (r.kind === 'Pow') return even(r.exp);
  if (r.kind === 'Mul') return r.coeff.kind !== 'Float' && evalPositive(r.coeff) && r.exps.every(even);
  return false;
}
const evalPositive = (c: Expr): boolean => isNum(c) && (c.kind === 'Float' ? c.value > 0 : c.value.num > 0n);
