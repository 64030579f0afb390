/** svm: support vector classifiers — the exact hard-margin QP of lesson 7, multiclass SMO with kernels, probabilities. */
export { SVC, NotFittedError } from './svc.js';
export type { SVCOptions } from './svc.js';
export { hardMarginSvm, HARD_MARGIN_MAX_SETS } from './hard-margin.js';
export { hardMarginSlsqp } from './hard-margin-slsqp.js';
export type { HardMarginSlsqpResult } from './hard-margin-slsqp.js';
export type { HardMarginResult } from './hard-margin.js';
export { smoSolve } from './smo.js';
export { linearSvcSubgradient } from './hinge-subgradient.js';
export type { HingeSubgradientOptions, HingeSubgradientResult } from './hinge-subgradient.js';
export type { SmoProblem, SmoResult } from './smo.js';
export { resolveGamma } from './kernels.js';
export type { SvmKernel, KernelParams } from './kernels.js';
export type { SvmLabel, SvmMatrix, ClassWeight } from './validate.js';
export { sklearnSeed } from './libsvm-random.js';
export { sigmoidTrain, sigmoidPredict, multiclassProbability } from './probability.js';
