export * from './errors.js';
export * from './format.js';
export * as Q from './rational.js';
export type { Rational } from './rational.js';
export * from './random.js';
