/**
 * The library as one object, for code cells (`import { diff } from 'nabla'` and the global
 * `nabla`) and for the pages. Each layer is imported from its own index so nothing Node-only
 * (the plot layer's PNG module) reaches the browser bundle.
 */
import * as core from '../../src/core/index.js';
import * as numeric from '../../src/numeric/index.js';
import * as symbolic from '../../src/symbolic/index.js';
import * as autodiff from '../../src/autodiff/index.js';
import * as nn from '../../src/nn/index.js';
import * as optimize from '../../src/optimize/index.js';
import * as svm from '../../src/svm/index.js';
import * as plot from '../../src/plot/index.js';
import { nameErrors } from './error-names.js';

/** Every export of every layer, flat, as `src/index.ts` exposes them. */
export const nabla = Object.freeze({
  ...core,
  ...numeric,
  ...symbolic,
  ...autodiff,
  ...nn,
  ...optimize,
  ...svm,
  ...plot,
});

nameErrors(nabla);
