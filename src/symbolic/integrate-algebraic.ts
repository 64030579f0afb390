/**
 * Algebraic and non-elementary forms.
 *
 * Square roots of a quadratic Q = a·x² + b·x + c = a·t² + k with t = x + b/(2a), k = c − b²/(4a),
 * times a linear numerator p·x + q = (p/2a)·Q′ + (q − pb/2a):
 *
 *   ∫ Q′·Qⁿ = Qⁿ⁺¹/(n + 1)
 *   ∫ Q^(−1/2) = asin(t·√(−a/k))/√(−a)              (a < 0 < k)
 *              = asinh(t·√(a/k))/√a                  (a > 0, k > 0)
 *              = log|t + √(Q/a)|/√a                   (a > 0, k < 0)
 *   ∫ Q^(1/2)  = t·√Q/2 + k/2 · ∫ Q^(−1/2)
 *   ∫ Q^(−3/2) = t/(k·√Q)
 *
 * Non-elementary results where customary: ∫ e^(A(x+h)²+K) = e^K·√π/(2√−A)·erf(√−A·(x + h)) for
 * A < 0, and ∫ sin(a·x)/x = Si(a·x).
 *
 * @example
 * integrateAlgebraic(parse('sqrt(1-x^2)'), x) // x*sqrt(1 - x^2)/2 + asin(x)/2
 */
import { add, mul, pow, sqrt, sub } from './arith.js';
import { E, HALF, ONE, PI, ZERO, type Expr, type SymbolNode } from './expr.js';
import { fn } from './functions.js';
import { evalNumber, free, linearIn, quadraticIn } from './integrate-util.js';
import { splitFactors } from './integrate-trig.js';
import { exprToPoly, polyToExpr } from './poly/convert.js';
import { polyDegree } from './poly/poly.js';

const EMPTY = new Map<Expr, number>();
const val = (e: Expr): number => evalNumber(e, EMPTY);

/** ∫ (p·x + q)·Q^n for n ∈ {1/2, −1/2, −3/2}, Q quadratic with constant coefficients. */
export function integrateSqrtQuadratic(e: Expr, x: SymbolNode, note: (s: string) => void): Expr | null {
  const { c, fs } = splitFactors(e, x);
  let Qe: Expr | null = null, n: Expr | null = null;
  const rest: Expr[] = [];
  for (const [b, k] of fs) {
    if (Qe === null && (k === HALF || k === mul(-1, HALF) || k === mul(-3, HALF)) && quadraticIn(b, x)) [Qe, n] = [b, k];
    else rest.push(pow(b, k));
  }
  if (Qe === null || n === null) return null;
  const R = exprToPoly(mul(...rest), x);
  if (!R || polyDegree(R) > 1) return null;
  const [a, b, cc] = quadraticIn(Qe, x)!;
  if (![a, b, cc].every((v) => free(v, x) && Number.isFinite(val(v)))) return null;
  const p = R[1] ? polyToExpr([R[1]], x) : ZERO;
  const q = R[0] ? polyToExpr([R[0]], x) : ZERO;
  const twoA = mul(2, a);
  const A1 = mul(p, pow(twoA, -1)); // coefficient of Q′
  const B1 = sub(q, mul(p, b, pow(twoA, -1))); // leftover constant
  const parts: Expr[] = [];
  if (A1 !== ZERO) parts.push(mul(A1, pow(Qe, add(n, 1)), pow(add(n, 1), -1)));
  if (B1 !== ZERO) {
    const I = sqrtQuadBase(Qe, a, b, cc, n, x);
    if (I === null) return null;
    parts.push(mul(B1, I));
  }
  note(`quadratic under the root: Q = ${'a(x + h)² + k'}, standard form for Q^(${n === HALF ? '1/2' : n === mul(-1, HALF) ? '-1/2' : '-3/2'})`);
  return mul(c, add(...parts));
}

/** ∫ Qⁿ dx for the three supported n. */
function sqrtQuadBase(Qe: Expr, a: Expr, b: Expr, c: Expr, n: Expr, x: SymbolNode): Expr | null {
  const h = mul(b, pow(mul(2, a), -1));
  const k = sub(c, mul(pow(b, 2), pow(mul(4, a), -1)));
  const t = add(x, h);
  const av = val(a), kv = val(k);
  if (kv === 0) return null;
  if (n === mul(-3, HALF)) return mul(t, pow(k, -1), pow(Qe, mul(-1, HALF)));
  let inv: Expr;
  if (av < 0 && kv > 0) {
    inv = mul(pow(mul(-1, a), mul(-1, HALF)), fn('asin', mul(t, sqrt(mul(-1, a, pow(k, -1))))));
  } else if (av > 0 && kv > 0) {
    inv = mul(pow(a, mul(-1, HALF)), fn('asinh', mul(t, sqrt(mul(a, pow(k, -1))))));
  } else if (av > 0 && kv < 0) {
    inv = mul(pow(a, mul(-1, HALF)), fn('log', fn('abs', add(t, sqrt(mul(Qe, pow(a, -1)))))));
  } else return null;
  if (n === mul(-1, HALF)) return inv;
  // ∫ √Q = t√Q/2 + (k/2)·∫ Q^(−1/2)
  return add(mul(HALF, t, sqrt(Qe)), mul(HALF, k, inv));
}

/** e^(quadratic) with negative leading coefficient → erf; sin(a·x)/x → Si. */
export function integrateSpecial(e: Expr, x: SymbolNode, note: (s: string) => void): Expr | null {
  const { c, fs } = splitFactors(e, x);
  if (fs.length === 1) {
    const [b, k] = fs[0]!;
    if (b === E) {
      const qd = quadraticIn(k, x);
      if (!qd) return null;
      const [A, B, C] = qd;
      if (!(val(A) < 0)) return null;
      // A x² + B x + C = A(x + h)² + K
      const h = mul(B, pow(mul(2, A), -1));
      const K = sub(C, mul(pow(B, 2), pow(mul(4, A), -1)));
      const s = sqrt(mul(-1, A));
      note('Gaussian: ∫ e^(−s²(x+h)²) dx = √π/(2s)·erf(s(x + h))');
      return mul(c, pow(E, K), sqrt(PI), pow(mul(2, s), -1), fn('erf', mul(s, add(x, h))));
    }
    return null;
  }
  if (fs.length === 2) {
    // sin(a x)·x^(−1)
    let sinF: Expr | null = null, hasInvX = false;
    for (const [b, k] of fs) {
      if (b === x && k === mul(-1, ONE)) hasInvX = true;
      else if (k === ONE && b.kind === 'Function' && b.name === 'sin') sinF = b;
    }
    if (!sinF || !hasInvX || sinF.kind !== 'Function') return null;
    const lin = linearIn(sinF.args[0]!, x);
    if (!lin || lin[1] !== ZERO) return null;
    note('sine integral: ∫ sin(ax)/x dx = Si(ax)');
    return mul(c, fn('Si', sinF.args[0]!));
  }
  return null;
}
