/**
 * Partial fraction decomposition over ℚ:
 *
 *   N/D = P + Σᵢ Σⱼ₌₁..eᵢ  Aᵢⱼ / fᵢʲ      (deg Aᵢⱼ < deg fᵢ)
 *
 * where D = c·Π fᵢ^eᵢ is factored over ℚ. The numerator over each prime power fᵢ^eᵢ is
 * N·(D/fᵢ^eᵢ)⁻¹ mod fᵢ^eᵢ (extended Euclid, the factors being coprime), then split into powers of
 * fᵢ by repeated division (the fᵢ-adic expansion).
 *
 * @example
 * integrate('(x+3)/(x^2+3x+2)', 'x') // → 2*log(abs(x + 1)) - log(abs(x + 2)) (by (x+3)/(x²+3x+2) = 2/(x+1) − 1/(x+2))
 */
import * as Q from '../../core/rational.js';
import { DomainError } from '../../core/errors.js';
import {
  polyDivmod, polyMul, polyPow, polyGcdex, polyRem, polyScale, polyIsZero, polyDegree, polyMonic,
  polyExactDiv, polyLc, type Poly,
} from './poly.js';
import { polyFactorQ } from './factor.js';

/** One term A/fᵏ of a decomposition; `factor` is monic and irreducible (when `irreducible`). */
export interface ApartTerm {
  numer: Poly;
  factor: Poly;
  power: number;
  irreducible: boolean;
}

/** A partial-fraction decomposition: the polynomial part plus one term per power of each denominator factor. */
export interface Apart {
  /** The polynomial part P. */
  poly: Poly;
  terms: ApartTerm[];
}

/**
 * Decompose num/den into a polynomial part and proper terms over the monic irreducible factors of
 * den (as far as `polyFactorQ` splits it). Throws DomainError for a zero denominator.
 */
export function polyApart(num: Poly, den: Poly): Apart {
  if (polyIsZero(den)) throw new DomainError('partial fractions: zero denominator');
  const [poly, rem] = polyDivmod(num, den);
  const terms: ApartTerm[] = [];
  if (polyIsZero(rem)) return { poly, terms };
  const fz = polyFactorQ(den);
  // Work with monic factors: den = lc(den) · Π gᵢ^eᵢ, gᵢ monic.
  const parts = fz.factors.map((f) => ({ g: polyMonic(f.poly), e: f.mult, irreducible: f.irreducible }));
  const r = polyScale(rem, Q.inv(polyLc(den)));
  const full = parts.reduce<Poly>((acc, p) => polyMul(acc, polyPow(p.g, p.e)), [Q.ONE]);
  for (const { g, e, irreducible } of parts) {
    const pe = polyPow(g, e);
    const cof = polyExactDiv(full, pe);
    // s·cof + t·pe = 1 ⇒ r/full ≡ r·s / pe  (mod the other factors' part).
    const [, s] = polyGcdex(cof, pe);
    let a = polyRem(polyMul(r, s), pe);
    // g-adic expansion: a = Σ cⱼ gʲ, so a/gᵉ = Σ cⱼ / g^(e−j).
    for (let j = 0; j < e && !polyIsZero(a); j++) {
      const [q, c] = polyDivmod(a, g);
      if (!polyIsZero(c)) terms.push({ numer: c, factor: g, power: e - j, irreducible });
      a = q;
    }
  }
  terms.sort((x, y) => polyDegree(x.factor) - polyDegree(y.factor) || y.power - x.power);
  return { poly, terms };
}
