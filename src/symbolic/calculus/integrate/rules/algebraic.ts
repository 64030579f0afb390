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
 * A < 0 (erfi for A > 0), ∫ sin(a·x)/x = Si(a·x), ∫ cos(a·x)/x = Ci(|a|·x) (sin(αx + β)/(γx + δ) shifted
 * and split by the angle sum into Si and Ci), ∫ e^(ax)/x = Ei(a·x),
 * ∫ 1/log x = li(x) = Ei(log x).
 *
 * @example
 * integrate('sqrt(1-x^2)', 'x') // → x*sqrt(1 - x^2)/2 + asin(x)/2
 */
import { add, mul, pow, sqrt, sub } from '../../../expr/arith.js';
import { E, HALF, NEG_ONE, ONE, PI, ZERO, numFromRational, type Expr, type SymbolNode } from '../../../expr/expr.js';
import { fn } from '../../../functions/index.js';
import { evalNumber, free } from '../../../algebra/util.js';
import { signOf } from '../../../functions/sign.js';
import { linearIn, quadraticIn } from '../../diff/polynomial-in.js';
import { splitFactors } from './trig.js';
import { solveRational } from './ansatz.js';
import { expandProducts } from '../../../algebra/rewrite.js';
import { exprToPoly, polyToExpr } from '../../../poly/convert.js';
import { polyAdd, polyDegree, polyDeriv, polyMul, polyScale, type Poly } from '../../../poly/poly.js';
import * as Q from '../../../../core/rational.js';

const EMPTY = new Map<Expr, number>();
const val = (e: Expr): number => evalNumber(e, EMPTY);

/**
 * ∫ P(x)·Q^n for n ∈ {1/2, −1/2, −3/2}, P a polynomial, Q quadratic with constant coefficients.
 * For n = ±1/2 write the integrand as R/√Q (R = P·Q when n = 1/2) and use the ansatz
 * ∫ R/√Q dx = A(x)·√Q + λ·∫ dx/√Q with deg A = deg R − 1: differentiating,
 * R = A′·Q + A·Q′/2 + λ, a square linear system over ℚ for A's coefficients and λ.
 */
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
  if (!R) return null;
  const [a, b, cc] = quadraticIn(Qe, x)!;
  if (![a, b, cc].every((v) => free(v, x) && Number.isFinite(val(v)))) return null;
  if (n === mul(-3, HALF)) {
    if (polyDegree(R) > 1) return null;
    // (p·x + q)·Q^(−3/2) = (p/2a)·Q′·Q^(−3/2) + (q − pb/2a)·Q^(−3/2)
    const p = R[1] ? polyToExpr([R[1]], x) : ZERO;
    const q = R[0] ? polyToExpr([R[0]], x) : ZERO;
    const twoA = mul(2, a);
    const A1 = mul(p, pow(twoA, -1));
    const B1 = sub(q, mul(p, b, pow(twoA, -1)));
    const parts: Expr[] = [];
    if (A1 !== ZERO) parts.push(mul(A1, -2, pow(Qe, mul(-1, HALF))));
    if (B1 !== ZERO) {
      const I = sqrtQuadBase(Qe, a, b, cc, n, x);
      if (I === null) return null;
      parts.push(mul(B1, I));
    }
    note('Q^(−3/2) with a linear numerator: split off (p/2a)·Q′');
    return mul(c, add(...parts));
  }
  const Qp = exprToPoly(Qe, x);
  if (!Qp || Qp.length !== 3) return null;
  const Rp = n === HALF ? polyMul(R, Qp) : R;
  const m = polyDegree(Rp);
  if (m < 0 || m > 12) return null;
  const sol = ansatz(Rp, Qp);
  if (!sol) return null;
  const [A, lambda] = sol;
  const parts: Expr[] = [mul(polyToExpr(A, x), sqrt(Qe))];
  if (!Q.isZero(lambda)) {
    const I = sqrtQuadBase(Qe, a, b, cc, mul(-1, HALF), x);
    if (I === null) return null;
    parts.push(mul(numFromRational(lambda), I));
  }
  note(`∫ R/√Q dx = A(x)·√Q + λ∫dx/√Q with A = ${A.length ? 'a polynomial of degree ' + (A.length - 1) : '0'}`);
  return mul(c, add(...parts));
}

/** Solve R = A′Q + AQ′/2 + λ for A (degree deg R − 1) and λ, exactly. */
function ansatz(Rp: Poly, Qp: Poly): [Poly, Q.Rational] | null {
  const m = polyDegree(Rp);
  // Unknowns: a_0..a_{m−1} (A's coefficients) and λ: m + 1 unknowns, equations for x^0..x^m.
  const N = m + 1;
  const M: Q.Rational[][] = [];
  for (let row = 0; row <= m; row++) M.push(new Array<Q.Rational>(N + 1).fill(Q.ZERO));
  const half = Q.rational(1n, 2n);
  for (let j = 0; j < m; j++) {
    // A = x^j: A′Q + AQ′/2
    const Aj: Poly = polyMonomialQ(j);
    const term = polyAdd(polyMul(polyDeriv(Aj), Qp), polyScale(polyMul(Aj, polyDeriv(Qp)), half));
    for (let k = 0; k < term.length; k++) if (k <= m) M[k]![j] = term[k]!;
      else return null;
  }
  M[0]![m] = Q.ONE; // λ
  for (let k = 0; k <= m; k++) M[k]![N] = Rp[k] ?? Q.ZERO;
  const u = solveRational(M.map((r) => r.slice(0, N)), M.map((r) => r[N]!), N);
  if (!u) return null;
  const A: Q.Rational[] = u.slice(0, m);
  let len = A.length;
  while (len > 0 && Q.isZero(A[len - 1]!)) len--;
  return [A.slice(0, len), u[m]!];
}

const polyMonomialQ = (j: number): Poly => {
  const out: Q.Rational[] = new Array<Q.Rational>(j + 1).fill(Q.ZERO);
  out[j] = Q.ONE;
  return out;
};

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
    if (b === E || (free(b, x) && b.kind !== 'Symbol' && val(b) > 0)) {
      // bᵏ = e^(k·log b)
      const qd = quadraticIn(expandProducts(b === E ? k : mul(k, fn('log', b))), x);
      if (!qd) return null;
      const [A, B, C] = qd;
      // A parameter counts by the sign its assumptions give (e^(−a·x²) with a > 0).
      const av = Number.isFinite(val(A)) ? val(A) : signOf(A);
      if (!(av !== 0 && Number.isFinite(av))) return null;
      // A x² + B x + C = A(x + h)² + K
      const h = mul(B, pow(mul(2, A), -1));
      const K = sub(C, mul(pow(B, 2), pow(mul(4, A), -1)));
      if (av < 0) {
        const s = sqrt(mul(-1, A));
        note('Gaussian: ∫ e^(−s²(x+h)²) dx = √π/(2s)·erf(s(x + h))');
        return mul(c, pow(E, K), sqrt(PI), pow(mul(2, s), -1), fn('erf', mul(s, add(x, h))));
      }
      const s = sqrt(A);
      note('∫ e^(s²(x+h)²) dx = √π/(2s)·erfi(s(x + h))');
      return mul(c, pow(E, K), sqrt(PI), pow(mul(2, s), -1), fn('erfi', mul(s, add(x, h))));
    }
    // 1/log(x) → li(x) = Ei(log x)
    if (b.kind === 'Function' && b.name === 'log' && b.args[0] === x && k === mul(-1, ONE)) {
      note('logarithmic integral: ∫ dx/log x = li(x) = Ei(log x)');
      return mul(c, fn('Ei', b));
    }
    return null;
  }
  // P(x)·e^(Ax² + Bx + C), A < 0 rational: reduce by ∫ xⁿe^q = xⁿ⁻¹e^q/(2A) − (n−1)/(2A)∫xⁿ⁻²e^q
  // − B/(2A)∫xⁿ⁻¹e^q (from (e^q)′ = (2Ax + B)e^q) down to a multiple of the Gaussian ∫e^q.
  // Also bᵠ for a constant base b > 0 (2^(3x² + …)): e^(q·log b), the same reduction with A, B times log b.
  const ex = fs.find(([b, k]) => b === E || (free(b, x) && !free(k, x) && val(b) > 0 && b.kind !== 'Symbol'));
  if (ex) {
    const q = exprToPoly(ex[1], x);
    const P = exprToPoly(mul(...fs.filter((f) => f !== ex).map(([b, k]) => pow(b, k))), x);
    // Not P = c·q′ (x·e^(x²) is a u-substitution, which the step traces show).
    const dq = q && q.length === 3 ? polyDeriv(q) : null;
    const isDq = dq !== null && P !== null && P.length === 2 && Q.eq(Q.mul(P[1]!, dq[0]!), Q.mul(P[0] ?? Q.ZERO, dq[1]!));
    if (q && P && q.length === 3 && !isDq && P.length >= 2 && P.length <= 12) {
      const L: Expr = ex[0] === E ? ONE : fn('log', ex[0]);
      const num = (r: Q.Rational) => numFromRational(r);
      const A = mul(num(q[2]!), L), B = mul(num(q[1]!), L);
      const W: Expr[] = P.map(num);
      const S: Expr[] = new Array<Expr>(Math.max(1, P.length - 1)).fill(ZERO);
      const inv2A = pow(mul(2, A), -1);
      for (let k = W.length - 1; k >= 1; k--) {
        const cn = W[k]!;
        if (cn === ZERO) continue;
        S[k - 1] = add(S[k - 1]!, mul(cn, inv2A));
        W[k] = ZERO;
        if (k >= 2) W[k - 2] = sub(W[k - 2]!, mul(cn, k - 1, inv2A));
        W[k - 1] = sub(W[k - 1]!, mul(cn, B, inv2A));
      }
      const eq = pow(ex[0], ex[1]);
      const parts: Expr[] = [mul(add(...S.map((sk, k) => mul(sk, pow(x, k)))), eq)];
      if (W[0] !== ZERO) {
        const g = integrateSpecial(eq, x, () => {});
        if (g === null) return null;
        parts.push(mul(W[0]!, g));
      }
      note('reduce xⁿ·e^(Ax²+Bx+C) with (e^q)′ = (2Ax + B)e^q, down to the Gaussian (erf)');
      return mul(c, add(...parts));
    }
  }
  if (fs.length === 2) {
    // sin(a·x)/x → Si(a·x); cos(a·x)/x → Ci(|a|·x); e^(a·x + b)/x → e^b·Ei(a·x)
    let other: [Expr, Expr] | null = null, hasInvX = false, den: Expr | null = null;
    for (const [b, k] of fs) {
      if (b === x && k === mul(-1, ONE)) hasInvX = true;
      else if (k === NEG_ONE && b.kind === 'Add' && linearIn(b, x)) den = b;
      else other = [b, k];
    }
    if (den !== null && other !== null && !hasInvX) {
      // sin(αx + β)/(γx + δ) with y = x + δ/γ and c₀ = β − αδ/γ: sin(αy + c₀) = sin(αy)cos c₀ + cos(αy)sin c₀
      const [b, k] = other;
      if (k !== ONE || b.kind !== 'Function' || (b.name !== 'sin' && b.name !== 'cos')) return null;
      const lin = linearIn(b.args[0]!, x), ld = linearIn(den, x)!;
      if (!lin) return null;
      const shift = mul(ld[1], pow(ld[0], -1));
      const y = mul(lin[0], add(x, shift));
      const c0 = sub(lin[1], mul(lin[0], shift));
      const [Si, Ci] = [fn('Si', y), fn('Ci', y)];
      const r = b.name === 'sin' ? add(mul(fn('cos', c0), Si), mul(fn('sin', c0), Ci)) : sub(mul(fn('cos', c0), Ci), mul(fn('sin', c0), Si));
      note(`${b.name}(αx + β)/(γx + δ): shift to y = x + δ/γ, then Si and Ci`);
      return mul(c, pow(ld[0], -1), r);
    }
    if (!hasInvX || !other) return null;
    const [b, k] = other;
    if (k === ONE && b.kind === 'Function' && (b.name === 'sin' || b.name === 'cos')) {
      const lin = linearIn(b.args[0]!, x);
      if (!lin) return null;
      if (lin[1] !== ZERO) {
        // sin(ax + b)/x = cos b·sin(ax)/x + sin b·cos(ax)/x (and cos likewise)
        const ax = mul(lin[0], x);
        const r = b.name === 'sin' ? add(mul(fn('cos', lin[1]), fn('Si', ax)), mul(fn('sin', lin[1]), fn('Ci', ax))) : sub(mul(fn('cos', lin[1]), fn('Ci', ax)), mul(fn('sin', lin[1]), fn('Si', ax)));
        note(`${b.name}(ax + b)/x: the angle-sum formula, then Si and Ci`);
        return mul(c, r);
      }
      if (b.name === 'sin') {
        note('sine integral: ∫ sin(ax)/x dx = Si(ax)');
        return mul(c, fn('Si', b.args[0]!));
      }
      const a = val(lin[0]);
      if (!Number.isFinite(a) || a === 0) return null;
      note('cosine integral: ∫ cos(ax)/x dx = Ci(ax)');
      return mul(c, fn('Ci', b.args[0]!));
    }
    if (b === E) {
      const lin = linearIn(k, x);
      if (!lin) return null;
      note('exponential integral: ∫ e^(ax)/x dx = Ei(ax)');
      return mul(c, pow(E, lin[1]), fn('Ei', mul(lin[0], x)));
    }
    return null;
  }
  return null;
}
