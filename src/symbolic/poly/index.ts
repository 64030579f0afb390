/** Exact polynomial algebra over ℚ: arithmetic, gcd, roots, factorisation, partial fractions. */
export * from './poly.js';
export * from './roots.js';
export * from './factor.js';
export * from './apart.js';
export * from './convert.js';
