/**
 * The numeric layer: Float64Array arrays, a row-major Matrix, dense linear algebra, numerical
 * derivatives, quadrature and root finding.
 */
export * from './matrix.js';
export { luFactor, luSolve, linsolve, det, inverse, condEstimate, type LUFactors } from './lu.js';
export * from './cholesky.js';
export * from './qr.js';
export * from './eig-sym.js';
export * from './array.js';
export * from './roots.js';
export * from './gauss-kronrod.js';
export * from './epsilon.js';
export * from './quad.js';
export * from './nnls.js';
export * from './dual.js';
export * from './finite-diff.js';
export * from './sampled.js';
export * from './poly-roots.js';
