/**
 * Undetermined coefficients over the integrand's own kernels (a Risch–Norman-style ansatz): when f
 * is built from rational functions of x and kernels — exponentials bᵘ (u any function of x),
 * logarithms log v and radicals v^(p/q) — an antiderivative often lies in the span of
 *
 *   φ = Πᵢ Kᵢ^(eᵢ) · xʲ / Q(x)
 *
 * with each kernel's exponent eᵢ near the ones in f (exponentials: as in f or absent; logs: from the
 * lowest power in f to one above the highest; radicals: as in f or one higher), Q the
 * denominators of f with every multiplicity one lower (Hermite), and j up to the degree the terms
 * allow. Then F = Σ cₖφₖ with F′ = f is a linear system for the cₖ: it is solved by least
 * squares at sample points, the cₖ are read as small fractions, and F′ = f is checked at other
 * points (integrate's final check does it again over the whole domain). It finds reverse product
 * rules that no single substitution sees:
 *
 *   ∫ e^(6x−1)·(6x·log 2x − 2)/(x·log³2x) dx = e^(6x−1)/log²2x,
 *   ∫ e^(atan(1/x))/(x² + 1)^(3/2) dx = (x − 1)·e^(atan(1/x))/(2√(x² + 1)).
 *
 * One quadratic radical alone (R(x)·Q^(n + 1/2), which the earlier rules left) goes to Ostrogradsky's
 * method instead, solved exactly: see `exactQuadratic`.
 *
 * @example
 * integrate('(x^3 - x^2 - 3*x + 1)*exp(1/(x^2 - 1))/(x^3 - x^2 - x + 1)', 'x') // → (x + 1)*exp(1/(x^2 - 1))
 */
import * as Q from '../../../../core/rational.js';
import { add, mul, pow, sub } from '../../../expr/arith.js';
import { E, numFromRational, type Expr, type SymbolNode } from '../../../expr/expr.js';
import { diff } from '../../diff/diff.js';
import { linearIn } from '../../diff/polynomial-in.js';
import { evalMany, free, walkDependent } from '../../../algebra/util.js';
import { expandProducts } from '../../../algebra/rewrite.js';
import { exprToPoly, exprToRatFun, polyToExpr } from '../../../poly/convert.js';
import { polyRationalRoots } from '../../../poly/roots.js';
import { polyAdd, polyDegree, polyDeriv, polyExactDiv, polyGcd, polyMonomial, polyMul, polyNormalize, polyPow, polyScale, polySub, type Poly } from '../../../poly/poly.js';
import { lstsq } from '../../../../numeric/qr.js';
import { splitFactors } from './trig.js';
import { integrateQuadraticPair } from './quadpair.js';
import { polyFactorQ } from '../../../poly/factor.js';
import type { IntegrationRule } from './rule.js';

/** Basis functions at most (the least-squares system stays small). */
const MAX_BASIS = 30;
/** Sub-integral depth up to which the rule runs. */
const ANSATZ_MAX_DEPTH = 5;
/** Sample points (both signs, several scales); those where f or a φ′ is not finite are skipped. */
const POINTS = Float64Array.from({ length: 72 }, (_, i) => {
  // ±0.06·1.13^k (0.06 to about 30), offset off simple numbers, alternating signs in pairs.
  const k = i >> 1;
  return (i % 2 ? -1 : 1) * 0.0613 * 1.19 ** k * (1 + 0.0173 * (k % 5));
});
/** The ansatz's integrands have no parameters with values: other symbols evaluate to NaN. */
const NO_PARAMETERS: ReadonlyMap<Expr, number> = new Map();
/** Largest denominator accepted when a coefficient is read as a fraction. */
const MAX_DEN = 10_000;

type Kernel = { kind: 'exp' | 'log' | 'root'; node: Expr; seen: Set<string> };

/** The kernel of one factor bᵏ of a term, with its exponent; or 'rational'; or null (not handled). */
function classify(b: Expr, k: Expr, x: SymbolNode): { kind: Kernel['kind']; node: Expr; e: Q.Rational } | 'rational' | null {
  if (free(b, x)) return { kind: 'exp', node: pow(b, k), e: Q.ONE };
  if (k.kind !== 'Integer' && k.kind !== 'Rational') return null;
  if (k.kind === 'Integer' && exprToRatFun(b, x)) return 'rational';
  if (b.kind === 'Function' && b.name === 'log') return k.kind === 'Integer' ? { kind: 'log', node: b, e: k.value } : null;
  // A radical (or an integer power of a non-rational base such as x + eˣ): its own kernel.
  if (!kernelsOnly(b, x)) return null;
  return { kind: 'root', node: b, e: k.value };
}

/** b is built from x, numbers, exponentials and logs only (no trigonometric or special functions). */
function kernelsOnly(b: Expr, x: SymbolNode): boolean {
  return walkDependent(b, x, (n) => (n.kind === 'Function' && n.name !== 'log' && n.name !== 'atan' && n.name !== 'atanh' ? false : undefined));
}

/** A number as a fraction with a small denominator, or null. */
function fraction(v: number): Q.Rational | null {
  if (!Number.isFinite(v)) return null;
  if (Math.abs(v) < 1e-10) return Q.ZERO;
  // Continued fraction convergents.
  let [h0, h1, k0, k1] = [0n, 1n, 1n, 0n];
  let r = Math.abs(v);
  for (let i = 0; i < 30; i++) {
    const a = Math.floor(r);
    [h0, h1] = [h1, BigInt(a) * h1 + h0];
    [k0, k1] = [k1, BigInt(a) * k1 + k0];
    if (k1 > BigInt(MAX_DEN)) return null;
    const approx = Number(h1) / Number(k1);
    if (Math.abs(approx - Math.abs(v)) <= 1e-9 * Math.max(1, Math.abs(v))) return Q.rational(v < 0 ? -h1 : h1, k1);
    const frac = r - a;
    if (frac < 1e-14) return null;
    r = 1 / frac;
  }
  return null;
}

/** ∫ f dx by the ansatz above, or null. */
export function integrateAnsatz(f: Expr, x: SymbolNode, integrate: (g: Expr) => Expr | null = () => null): Expr | null {
  // Cheap shape test first: no function of x but log, atan, atanh outside the exponents bᵘ (sin x,
  // erf x, … are not kernels), and at least one kernel.
  let kernelSeen = false;
  const plain = walkDependent(f, x, (n) => {
    if (n.kind === 'Function') {
      if (n.name !== 'log' && n.name !== 'atan' && n.name !== 'atanh') return false;
      kernelSeen ||= n.name === 'log';
    } else if (n.kind === 'Pow' && (free(n.base, x) || n.exp.kind === 'Rational')) {
      kernelSeen = true;
      if (free(n.base, x)) return [];
    } else if (n.kind === 'Mul' && n.exps.some((k, i) => k.kind === 'Rational' || free(n.bases[i]!, x))) kernelSeen = true;
    return undefined;
  });
  if (!plain || !kernelSeen) return null;
  const terms = ((g: Expr) => (g.kind === 'Add' ? g.terms.map((t, i) => mul(g.coeffs[i]!, t)) : [g]))(expandProducts(f));
  if (f.kind === 'Add' && f.coeff.kind !== 'Integer') return null;
  const kernels: Kernel[] = [];
  const kernelOf = (kind: Kernel['kind'], node: Expr) => {
    let K = kernels.find((q) => q.node === node);
    if (!K) kernels.push((K = { kind, node, seen: new Set() }));
    return K;
  };
  const rationals: Array<[Poly, Poly]> = [];
  const perTerm: Array<Map<Kernel, Q.Rational>> = [];
  for (const t of terms) {
    const { c, fs } = splitFactors(t, x);
    const ks = new Map<Kernel, Q.Rational>();
    const rat: Expr[] = [c];
    for (const [b, k] of fs) {
      const cl = classify(b, k, x);
      if (cl === null) return null;
      if (cl === 'rational') rat.push(pow(b, k));
      else {
        const K = kernelOf(cl.kind, cl.node);
        ks.set(K, Q.add(ks.get(K) ?? Q.ZERO, cl.e));
      }
    }
    const r = exprToRatFun(mul(...rat), x);
    if (!r) return null;
    rationals.push(r);
    perTerm.push(ks);
  }
  if (kernels.length === 0) return null;
  // Shape test: worth the work only for two kernels or more, or one exponential of a non-polynomial
  // exponent (e^(1/(x² − 1)), e^(atan(1/x))); the cheaper rules cover the rest.
  const exps = kernels.filter((K) => K.kind === 'exp');
  // (An exponent with sin, erf, … in it is no such kernel: its derivative is outside the span.)
  const nonPolyExp = exps.some((K) => {
    const r = K.node.kind === 'Pow' ? exprToRatFun(K.node.exp, x) : null;
    return r ? polyDegree(r[1]) > 0 : K.node.kind === 'Pow' && kernelsOnly(K.node.exp, x);
  });
  // … or a radical of a polynomial of degree 3 or more (the quadratic ones have their own rules).
  const highRoot = kernels.some((K) => {
    const p = K.kind === 'root' ? exprToRatFun(K.node, x) : null;
    return p !== null && polyDegree(p[0]) + polyDegree(p[1]) >= 3;
  });
  // … or R(x)·Q^(n + 1/2) for one quadratic Q (Ostrogradsky: A(x)·Q^e + λ·∫dx/√Q + Σ μₐ·∫dx/((x − a)√Q)).
  const Qpoly = kernels.length === 1 && kernels[0]!.kind === 'root' ? exprToPoly(kernels[0]!.node, x) : null;
  const seenQ = perTerm.map((ks) => ks.get(kernels[0]!) ?? Q.ZERO);
  const quad = Qpoly !== null && polyDegree(Qpoly) === 2 && seenQ.every((q) => q.den === 2n);
  if (kernels.length < 2 && !nonPolyExp && !highRoot && !quad) return null;
  const eStar = quad ? seenQ.reduce((a, b) => (Q.cmp(a, b) < 0 ? a : b)) : Q.ZERO;
  // Exponent choices per kernel.
  const choices: Q.Rational[][] = quad ? [[Q.cmp(Q.add(eStar, Q.ONE), Q.rational(1n, 2n)) < 0 ? Q.add(eStar, Q.ONE) : Q.rational(1n, 2n)]] : kernels.map((K) => {
    const seen = perTerm.map((ks) => ks.get(K) ?? Q.ZERO);
    const uniq = (qs: Q.Rational[]) => qs.filter((q, i) => qs.findIndex((r) => Q.eq(r, q)) === i);
    if (K.kind === 'exp') return uniq(seen);
    if (K.kind === 'log') {
      const lo = seen.reduce((a, b) => (Q.cmp(a, b) < 0 ? a : b)), hi = seen.reduce((a, b) => (Q.cmp(a, b) > 0 ? a : b));
      const out: Q.Rational[] = [];
      for (let e = Number(lo.num); e <= Number(hi.num) + 1; e++) out.push(Q.rational(BigInt(e)));
      return out;
    }
    // A radical: one power higher (x·√v integrates to v^(3/2)…); an integer power of a
    // non-rational base (−6x·log 2 − 1, x + eˣ): also absent.
    const up = seen.map((q) => Q.add(q, Q.ONE));
    return uniq(seen.every(Q.isInteger) ? [Q.ZERO, ...up.filter((q) => Q.sign(q) <= 0)] : up);
  });
  // Q: every denominator's multiplicity one lower; degree of the numerator from the terms.
  let D: Poly = [Q.ONE];
  for (const [, d] of rationals) D = polyMul(D, polyExactDiv(d, polyGcd(D, d)));
  const Qd = polyExactDiv(D, polyGcd(D, polyDeriv(D)));
  const Qx = polyExactDiv(D, Qd);
  const top = Math.max(...rationals.map(([n, d]) => polyDegree(n) - polyDegree(d)));
  // Generous: e^θ with θ′ ~ 1/x² lowers degrees by two, radicals shift them.
  const rootDeg = kernels.reduce((acc, K, i) => {
    const p = K.kind === 'root' ? exprToRatFun(K.node, x) : null;
    return p ? acc + Math.ceil(Math.abs(Q.toNumber(choices[i]![0]!)) * polyDegree(p[0])) : acc;
  }, 0);
  // For √Q: deg A = deg R + 2(e − e*) + 1 for each term R·Q^e, F = A·Q^(e*)/Qx.
  const quadDeg = quad ? Math.max(...rationals.map(([n, d], i) => polyDegree(n) - polyDegree(d) + 2 * Q.toNumber(Q.sub(seenQ[i]!, choices[0]![0]!)) + 1)) : 0;
  // (Exact solving takes spare unknowns: any solution is an antiderivative.)
  const degP = quad ? Math.min(24, Math.max(0, quadDeg + polyDegree(Qx), polyDegree(Qx) + 2 * Math.ceil(Math.abs(Q.toNumber(choices[0]![0]!)))) + 2) : Math.min(6, Math.max(0, top + polyDegree(Qx) + 1, polyDegree(Qx) + rootDeg));
  if (quad) {
    const quadratics = polyFactorQ(Qd).factors.filter((g) => polyDegree(g.poly) === 2).map((g) => g.poly);
    return exactQuadratic(Qpoly!, kernels[0]!.node, rationals, seenQ, choices[0]![0]!, Qx, polyRationalRoots(Qd), quadratics, degP, x, integrate);
  }
  let count = degP + 1;
  for (const ch of choices) count *= ch.length;
  if (count > MAX_BASIS) return null;
  // The basis φₖ = Π Kᵢ^eᵢ·xʲ/Q, by its exponents; φₖ′ = φₖ·(Σ eᵢ·Kᵢ′/Kᵢ + j/x − Q′/Q), all numeric.
  const basis: Array<{ es: Q.Rational[]; j: number }> = [];
  const combos = (i: number, es: Q.Rational[]): void => {
    if (i === kernels.length) {
      for (let j = 0; j <= degP; j++) basis.push({ es, j });
      return;
    }
    for (const e of choices[i]!) combos(i + 1, [...es, e]);
  };
  combos(0, []);
  const dK = kernels.map((K) => diff(K.node, x));
  const Qe = polyToExpr(Qx, x), dQe = diff(Qe, x);
  const esNum = basis.map((b) => b.es.map(Q.toNumber));
  // Everything at every sample point at once (one pass over each DAG, common parts shared); the
  // values are evalNumber's, point by point.
  const memo = new Map<Expr, Float64Array>();
  const values = (e: Expr) => evalMany(e, x, POINTS, NO_PARAMETERS, memo);
  const fAll = values(f), kAll = kernels.map((K) => values(K.node)), dAll = dK.map(values), qAll = values(Qe), dqAll = values(dQe);
  /** φₖ and φₖ′ for every k at POINTS[i], or null where one is not finite. */
  const atPoint = (i: number): { v: number[]; d: number[] } | null => {
    const p = POINTS[i]!;
    const kv = kAll.map((a) => a[i]!);
    const kd = dAll.map((a) => a[i]!);
    const qv = qAll[i]!, qd = dqAll[i]!;
    const v: number[] = [], d: number[] = [];
    for (let k = 0; k < basis.length; k++) {
      const { j } = basis[k]!;
      let val = p ** j / qv, logd = j / p - qd / qv;
      esNum[k]!.forEach((e, i) => {
        if (e === 0) return;
        val *= kv[i]! ** e;
        logd += (e * kd[i]!) / kv[i]!;
      });
      // xʲ with j = 0 at p = 0 would give 0/0 in j/p: p = 0 is never a sample point.
      const dv = val * logd;
      if (!Number.isFinite(val) || !Number.isFinite(dv)) return null;
      v.push(val);
      d.push(dv);
    }
    return { v, d };
  };
  const rows: number[][] = [], rhs: number[] = [];
  const held: Array<{ d: number[]; f: number }> = [];
  for (let i = 0; i < POINTS.length; i++) {
    // Enough rows (twice the unknowns, and some held out): stop.
    if (rows.length >= 2 * basis.length + 8 && held.length >= 4) break;
    const fv = fAll[i]!;
    if (!Number.isFinite(fv)) continue;
    const at = atPoint(i);
    if (!at) continue;
    // Every fourth usable point is held out for the check.
    if ((rows.length + held.length) % 4 === 3) {
      held.push({ d: at.d, f: fv });
      continue;
    }
    const s = 1 / Math.max(1e-300, Math.abs(fv), ...at.d.map(Math.abs));
    rows.push(at.d.map((v) => v * s));
    rhs.push(fv * s);
  }
  const ncol = basis.length;
  if (rows.length < ncol + 4 || held.length < 3) return null;
  // Least squares over the columns still in play; a rank-deficient system (kernels that are
  // dependent: √(x + eˣ) = (x + eˣ)·(x + eˣ)^(−1/2)) drops its smallest coefficient and is solved again.
  let cols = Array.from({ length: ncol }, (_, k) => k);
  let coef: number[] | null = null;
  while (cols.length > 0) {
    const norms = cols.map((k) => Math.hypot(...rows.map((r) => r[k]!)) || 1);
    const A = { rows: rows.length, cols: cols.length, data: Float64Array.from(rows.flatMap((r) => cols.map((k, j) => r[k]! / norms[j]!))) };
    let sol;
    try {
      sol = lstsq(A, rhs);
    } catch {
      return null;
    }
    if (sol.residual > 1e-16 * rows.length) return null;
    const c = cols.map((_, j) => sol.x[j]! / norms[j]!);
    if (sol.rank === cols.length) {
      coef = Array.from({ length: ncol }, (_, k) => (cols.includes(k) ? c[cols.indexOf(k)]! : 0));
      break;
    }
    let drop = 0;
    for (let j = 1; j < c.length; j++) if (Math.abs(c[j]! * norms[j]!) < Math.abs(c[drop]! * norms[drop]!)) drop = j;
    cols = cols.filter((_, j) => j !== drop);
  }
  if (!coef) return null;
  const cs: Q.Rational[] = [];
  for (const v of coef) {
    const q = fraction(v);
    if (!q) return null;
    cs.push(q);
  }
  if (cs.every((q) => Q.isZero(q))) return null;
  // F′ = f at the held-out points, with the fractions.
  for (const h of held) {
    const a = h.d.reduce((acc, dv, k) => acc + Q.toNumber(cs[k]!) * dv, 0);
    if (!(Math.abs(a - h.f) <= 1e-9 * Math.max(1, Math.abs(h.f)))) return null;
  }
  // F grouped by kernel powers: Π Kᵢ^eᵢ·P(x)/Q.
  const groups = new Map<string, { es: Q.Rational[]; p: Q.Rational[] }>();
  basis.forEach(({ es, j }, k) => {
    const key = es.map(Q.toString).join(',');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { es, p: [] }));
    while (g.p.length <= j) g.p.push(Q.ZERO);
    g.p[j] = cs[k]!;
  });
  return add(
    ...[...groups.values()]
      .filter((g) => g.p.some((q) => !Q.isZero(q)))
      .map((g) => {
        // P/Q in lowest terms: (x² − 1)/(x − 1) = x + 1.
        const P = polyNormalize(g.p), G = polyGcd(P, Qx);
        const [Pr, Qr] = polyDegree(G) > 0 ? [polyExactDiv(P, G), polyExactDiv(Qx, G)] : [P, Qx];
        return mul(...kernels.map((K, i) => pow(K.node, numFromRational(g.es[i]!))), polyToExpr(Pr, x), pow(polyToExpr(Qr, x), -1));
      }),
  );
}

/**
 * Solve A·u = b over ℚ (A given by rows) by Gauss–Jordan elimination; free unknowns are 0. Null
 * when inconsistent.
 * @example solveRational([[Q.ONE, Q.ONE]], [Q.rational(2n)], 2) // → [2, 0]
 */
export function solveRational(A: Q.Rational[][], b: Q.Rational[], n: number): Q.Rational[] | null {
  const M = A.map((r, i) => [...r, b[i]!]);
  const pivots: number[] = [];
  let row = 0;
  for (let col = 0; col < n && row < M.length; col++) {
    const p = M.findIndex((r, i) => i >= row && !Q.isZero(r[col]!));
    if (p < 0) continue;
    [M[row], M[p]] = [M[p]!, M[row]!];
    const inv = Q.inv(M[row]![col]!);
    M[row] = M[row]!.map((v) => Q.mul(v, inv));
    for (let i = 0; i < M.length; i++) {
      if (i === row || Q.isZero(M[i]![col]!)) continue;
      const f = M[i]![col]!;
      M[i] = M[i]!.map((v, j) => Q.sub(v, Q.mul(f, M[row]![j]!)));
    }
    pivots.push(col);
    row++;
  }
  for (let i = row; i < M.length; i++) if (!Q.isZero(M[i]![n]!)) return null;
  const u = Array.from({ length: n }, () => Q.ZERO);
  pivots.forEach((col, i) => (u[col] = M[i]![n]!));
  return u;
}

/**
 * ∫ Σ Rₜ(x)·Q^(eₜ) dx for one quadratic Q and half-integer eₜ (Ostrogradsky's method): F =
 * A(x)·Q^(e*)/Qx + λ·∫dx/√Q + Σ μₐ·∫dx/((x − a)·√Q) with A a polynomial of degree ≤ degP. Divided
 * by Q^(−1/2), F′ = f is an identity between rational functions, so the unknowns solve a linear
 * system over ℚ exactly; the tails are integrated by the other rules.
 */
function exactQuadratic(
  Qp: Poly, Qnode: Expr, rationals: Array<[Poly, Poly]>, es: Q.Rational[], eStar: Q.Rational, Qx: Poly, poles: Q.Rational[], quadratics: Poly[], degP: number,
  x: SymbolNode, integrate: (g: Expr) => Expr | null,
): Expr | null {
  const one: Poly = [Q.ONE];
  /** Q^k as a fraction for an integer k. */
  const qPow = (k: number): [Poly, Poly] => (k >= 0 ? [polyPow(Qp, k), one] : [one, polyPow(Qp, -k)]);
  const items: Array<[Poly, Poly]> = []; // the unknowns' columns, then the right-hand side
  const kStar = Number(Q.sub(eStar, Q.rational(1n, 2n)).num);
  const dQ = polyDeriv(Qp), dQx = polyDeriv(Qx);
  for (let j = 0; j <= degP; j++) {
    // Q·(j·x^(j−1)·Qx − xʲ·Qx′) + e*·Q′·xʲ·Qx over Qx²·Q^(−k*)
    const xj = polyMonomial(Q.ONE, j), xj1 = j > 0 ? polyScale(polyMonomial(Q.ONE, j - 1), Q.rational(BigInt(j))) : [];
    const num = polyAdd(polyMul(Qp, polySub(polyMul(xj1, Qx), polyMul(xj, dQx))), polyScale(polyMul(polyMul(dQ, xj), Qx), eStar));
    const [qn, qd] = qPow(kStar);
    items.push([polyMul(num, qn), polyMul(polyMul(Qx, Qx), qd)]);
  }
  items.push([one, one]);
  for (const a of poles) items.push([one, [Q.neg(a), Q.ONE]]);
  for (const qd of quadratics) items.push([one, qd], [[Q.ZERO, Q.ONE], qd]);
  const n = items.length;
  // f / Q^(−1/2) = Σ Rₜ·Q^(eₜ + 1/2)
  let rhs: [Poly, Poly] = [[], one];
  rationals.forEach(([rn, rd], t) => {
    const [qn, qd] = qPow(Number(Q.add(es[t]!, Q.rational(1n, 2n)).num));
    const tn = polyMul(rn, qn), td = polyMul(rd, qd);
    rhs = [polyAdd(polyMul(rhs[0], td), polyMul(tn, rhs[1])), polyMul(rhs[1], td)];
  });
  // Common denominator.
  let L: Poly = rhs[1];
  for (const [, d] of items) L = polyMul(L, polyExactDiv(d, polyGcd(L, d)));
  const cols = items.map(([num, d]) => polyMul(num, polyExactDiv(L, d)));
  const b = polyMul(rhs[0], polyExactDiv(L, rhs[1]));
  const deg = Math.max(polyDegree(b), ...cols.map(polyDegree));
  if (deg > 200) return null;
  const A = Array.from({ length: deg + 1 }, (_, i) => cols.map((c) => c[i] ?? Q.ZERO));
  const u = solveRational(A, Array.from({ length: deg + 1 }, (_, i) => b[i] ?? Q.ZERO), n);
  if (!u) return null;
  const parts: Expr[] = [];
  const P = polyNormalize(u.slice(0, degP + 1));
  if (polyDegree(P) >= 0) {
    const G = polyGcd(P, Qx);
    const [Pr, Qr] = polyDegree(G) > 0 ? [polyExactDiv(P, G), polyExactDiv(Qx, G)] : [P, Qx];
    parts.push(mul(polyToExpr(Pr, x), pow(Qnode, numFromRational(eStar)), pow(polyToExpr(Qr, x), -1)));
  }
  const rootQ = pow(Qnode, numFromRational(Q.rational(-1n, 2n)));
  const tails = [rootQ, ...poles.map((a) => mul(pow(sub(x, numFromRational(a)), -1), rootQ))];
  for (let i = 0; i < tails.length; i++) {
    const c = u[degP + 1 + i]!;
    if (Q.isZero(c)) continue;
    const G = integrate(tails[i]!);
    if (G === null) return null;
    parts.push(mul(numFromRational(c), G));
  }
  // (αx + β)/(q·√Q) for each quadratic factor q: rules/quadpair.ts.
  const base = degP + 1 + tails.length;
  for (let i = 0; i < quadratics.length; i++) {
    const beta = u[base + 2 * i]!, alpha = u[base + 2 * i + 1]!;
    if (Q.isZero(alpha) && Q.isZero(beta)) continue;
    const G = integrateQuadraticPair(alpha, beta, quadratics[i]!, Qp, pow(Qnode, numFromRational(Q.rational(1n, 2n))), x);
    if (G === null) return null;
    parts.push(G);
  }
  return parts.length ? add(...parts) : null;
}

/**
 * f depends on x only through one exponential e^(a·x + b), as a rational function of it: after
 * t = e^(a·x + b) (u-substitution, a later rule) the integral is rational. The ansatz is not tried
 * there: the answers it could find are the ones without logarithms, which Hermite reduction gives
 * for the rational integral too, and it fails slowly on the rest (e^x/(1 + e^x)).
 * @example rationalInOneExponential(parse('exp(x)/(1 + exp(x))'), x) // → true
 * rationalInOneExponential(parse('x*exp(x)/(1 + exp(x))'), x) // → false (x outside the exponential)
 */
export function rationalInOneExponential(f: Expr, x: SymbolNode): boolean {
  let kernel: Expr | null = null;
  const only = walkDependent(f, x, (n) => {
    if (n.kind === 'Pow' && n.base === E) {
      if ((kernel !== null && kernel !== n) || linearIn(n.exp, x) === null) return false;
      kernel = n;
      return [];
    }
    if (n.kind === 'Add' || n.kind === 'Mul' || (n.kind === 'Pow' && n.exp.kind === 'Integer')) return undefined;
    return false;
  });
  return only && kernel !== null;
}

/** The rule (see the module comment). */
export const ansatzRule: IntegrationRule = {
  name: 'undetermined coefficients over the kernels',
  step: 'ansatz',
  apply: ({ f, x, integrate, depth }) => {
    // Only near the top: deep sub-integrals of a failing search would pay for it thousands of times.
    if (depth > ANSATZ_MAX_DEPTH || rationalInOneExponential(f, x)) return null;
    const F = integrateAnsatz(f, x, (g) => integrate(g));
    return F && { result: F, detail: 'F = Σ cₖ·Π Kᵢ^eᵢ·xʲ/Q over the integrand\'s exponentials, logarithms and radicals Kᵢ, the cₖ solved from F′ = f' };
  },
};
