/**
 * The core layer: typed errors, exact rationals on BigInt, NumPy's seeded random generator and
 * Python-style number formatting. Every other layer builds on it; it imports nothing.
 */
export * from './errors.js';
export * from './format.js';
/**
 * Exact rational numbers on BigInt, always normalised (gcd(num, den) = 1, den > 0): `Q.rational`,
 * `Q.add`, `Q.mul`, `Q.toNumber`, … The symbolic engine's numbers and polynomials build on them.
 * A zero denominator throws DomainError.
 */
export * as Q from './rational.js';
export type { Rational } from './rational.js';
export * from './random.js';
