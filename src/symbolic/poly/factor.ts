/**
 * Factorisation of polynomials over ℚ: square-free decomposition (Yun), rational roots, and a
 * search for higher-degree factors from numerically computed complex roots, every candidate
 * verified by exact division (so a reported factorisation is always exact; a factor the search
 * cannot split is reported as such).
 *
 * @example
 * polyFactorQ(QPoly.polyFromInts([-2, 0, 2])).content // → 2 (factors x − 1 and x + 1)
 */
import * as Q from '../../core/rational.js';
import type { Rational } from '../../core/rational.js';
import {
  polyDeriv, polyGcd, polyExactDiv, polyDivmod, polyMonic, polyDegree, polyPrimitive, polyFromInts,
  polyLc, polyNormalize, polyIsZero, type Poly,
} from './poly.js';
import { polyRationalRoots, polyComplexRootsOrNull, type Complex } from './roots.js';

/** One factor and its multiplicity. */
export interface PolyFactor {
  poly: Poly;
  mult: number;
}

/**
 * Yun's square-free decomposition of a non-zero p: p = lc · Π fᵢ^i with fᵢ monic, square-free and
 * pairwise coprime. Returns the non-constant fᵢ with i (ascending multiplicity).
 */
export function polySquareFree(p: Poly): PolyFactor[] {
  const out: PolyFactor[] = [];
  if (polyDegree(p) < 1) return out;
  const f = polyMonic(p);
  const fp = polyDeriv(f);
  let a = polyGcd(f, fp);
  let b = polyExactDiv(f, a);
  let c = polyExactDiv(fp, a);
  let d = polyNormalize(subtract(c, polyDeriv(b)));
  let i = 1;
  while (polyDegree(b) >= 1) {
    a = polyGcd(b, d);
    if (polyDegree(a) >= 1) out.push({ poly: a, mult: i });
    b = polyExactDiv(b, a);
    c = polyExactDiv(d, a);
    d = polyNormalize(subtract(c, polyDeriv(b)));
    i++;
  }
  return out;
}

function subtract(a: Poly, b: Poly): Rational[] {
  const n = Math.max(a.length, b.length);
  const out: Rational[] = [];
  for (let k = 0; k < n; k++) out.push(Q.sub(a[k] ?? Q.ZERO, b[k] ?? Q.ZERO));
  return out;
}

/** A complete factorisation: p = content · Π factorᵢ^multᵢ. */
export interface PolyFactorization {
  /** Rational constant so that the factors are primitive integer polynomials, lc > 0. */
  content: Rational;
  /** Factors sorted by degree then coefficients; `irreducible` false when the search gave up. */
  factors: Array<PolyFactor & { irreducible: boolean }>;
}

/**
 * Factor p over ℚ into primitive integer polynomials. Linear factors come from exact rational
 * roots; factors of degree ≥ 2 are found by grouping numeric complex roots (closed under
 * conjugation) and checking lc(f)·Π(x − rᵢ), rounded to integers, by exact division (Gauss's
 * lemma: any factor g of a primitive f has lc(g) | lc(f), so lc(f)·Π(x − rᵢ) is an integer
 * multiple of g). Degrees above `maxSearchDegree` (default 12) are not split further, and the
 * search stops after 4096 root groups (the factor is then reported with `irreducible: false`).
 *
 * @example
 * polyFactorQ(QPoly.polyFromInts([1, 0, 0, 1])).factors.map((f) => f.poly.length) // → [2, 3] ((x + 1)(x² − x + 1))
 */
export function polyFactorQ(p: Poly, maxSearchDegree = 12): PolyFactorization {
  if (polyIsZero(p)) return { content: Q.ZERO, factors: [] };
  const [content0] = polyPrimitive(p);
  let content = content0;
  const factors: Array<PolyFactor & { irreducible: boolean }> = [];
  for (const { poly, mult } of polySquareFree(p)) {
    for (const { f, irreducible } of factorSquareFree(poly, maxSearchDegree)) {
      factors.push({ poly: f, mult, irreducible });
    }
  }
  // Fix the content so that content · Π factors^mult = p exactly (factors are primitive, lc > 0).
  let lcProd = Q.ONE;
  for (const { poly, mult } of factors) lcProd = Q.mul(lcProd, Q.powInt(polyLc(poly), BigInt(mult)));
  content = Q.div(polyLc(p), lcProd);
  factors.sort((x, y) => x.poly.length - y.poly.length || cmpPoly(x.poly, y.poly) || x.mult - y.mult);
  return { content, factors };
}

function cmpPoly(a: Poly, b: Poly): number {
  for (let k = a.length - 1; k >= 0; k--) {
    const c = Q.cmp(a[k]!, b[k]!);
    if (c) return c;
  }
  return 0;
}

const primitive = (p: Poly): Poly => polyFromInts(polyPrimitive(p)[1]);

/** Factor a square-free polynomial into primitive irreducibles (as far as the search reaches). */
function factorSquareFree(p: Poly, maxSearchDegree: number): Array<{ f: Poly; irreducible: boolean }> {
  const out: Array<{ f: Poly; irreducible: boolean }> = [];
  let rest = primitive(p);
  for (const r of polyRationalRoots(rest)) {
    // (den·x − num) is the primitive linear factor of the root num/den.
    const lin = polyFromInts([-r.num, r.den]);
    rest = polyDivmod(rest, lin)[0];
    out.push({ f: lin, irreducible: true });
  }
  rest = primitive(rest);
  if (polyDegree(rest) < 1) return out;
  if (polyDegree(rest) <= 3) {
    // No rational root ⇒ no linear factor ⇒ irreducible for degree 2 and 3.
    out.push({ f: rest, irreducible: true });
    return out;
  }
  const stack: Poly[] = [rest];
  while (stack.length) {
    const f = stack.pop()!;
    if (polyDegree(f) <= 3) {
      out.push({ f, irreducible: true });
      continue;
    }
    if (polyDegree(f) > maxSearchDegree) {
      out.push({ f, irreducible: false });
      continue;
    }
    const split = findFactor(f);
    if (split === 'irreducible') out.push({ f, irreducible: true });
    else if (split === null) out.push({ f, irreducible: false });
    else stack.push(primitive(split[0]), primitive(split[1]));
  }
  return out;
}

/**
 * Search a proper factor of the primitive square-free f (no rational roots) from its complex
 * roots. Returns the two cofactors, 'irreducible' when every conjugation-closed root group was
 * tried, or null when the numeric roots were unreliable.
 */
function findFactor(f: Poly): [Poly, Poly] | 'irreducible' | null {
  const n = polyDegree(f);
  const zs = polyComplexRootsOrNull(f);
  if (!zs || zs.length !== n) return null;
  // Units: a real root or a conjugate pair.
  const units: Complex[][] = [];
  const used = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; i++) {
    if (used[i]) continue;
    used[i] = true;
    const z = zs[i]!;
    if (Math.abs(z.im) <= 1e-9 * (1 + Math.abs(z.re))) {
      units.push([{ re: z.re, im: 0 }]);
      continue;
    }
    let best = -1, bd = Infinity;
    for (let j = 0; j < n; j++) {
      if (used[j]) continue;
      const d = Math.hypot(zs[j]!.re - z.re, zs[j]!.im + z.im);
      if (d < bd) [best, bd] = [j, d];
    }
    if (best < 0 || bd > 1e-6 * (1 + Math.hypot(z.re, z.im))) return null;
    used[best] = true;
    units.push([z, { re: z.re, im: -z.im }]);
  }
  const lc = Q.toNumber(polyLc(f));
  const m = units.length;
  if (m > 20) return null;
  // Enumerate root groups (subsets of units) of degree ≤ n/2; give up after a fixed budget.
  let tried = 0;
  for (let mask = 1; mask < 1 << m; mask++) {
    let deg = 0;
    for (let u = 0; u < m; u++) if (mask & (1 << u)) deg += units[u]!.length;
    if (deg > n / 2 || deg < 2) continue;
    if (++tried > 4096) return null;
    // Product lc·Π(x − z) with complex arithmetic; coefficients must round to integers.
    let cr = [lc], ci = [0];
    for (let u = 0; u < m; u++) {
      if (!(mask & (1 << u))) continue;
      for (const z of units[u]!) {
        const nr = new Array<number>(cr.length + 1).fill(0);
        const ni = new Array<number>(cr.length + 1).fill(0);
        for (let k = 0; k < cr.length; k++) {
          // (c_k x^k)·(x − z)
          nr[k + 1]! += cr[k]!;
          ni[k + 1]! += ci[k]!;
          nr[k]! -= cr[k]! * z.re - ci[k]! * z.im;
          ni[k]! -= cr[k]! * z.im + ci[k]! * z.re;
        }
        cr = nr;
        ci = ni;
      }
    }
    // cr[k] multiplies xᵏ (lowest first); lc sits at index deg.
    if (cr.some((v) => !Number.isFinite(v) || Math.abs(v) > 2 ** 52)) continue;
    const ints = cr.map((v) => BigInt(Math.round(v)));
    const g = polyFromInts(ints);
    if (polyDegree(g) !== deg) continue;
    const [q, r] = polyDivmod(f, primitive(g));
    if (polyIsZero(r)) return [primitive(g), q];
  }
  return 'irreducible';
}
