/**
 * nabla: calculus for machine learning in TypeScript. The whole public API; each layer is also a
 * subpath export (`nabla/symbolic`, `nabla/numeric`, …).
 */
export * from './core/index.js';
export * from './numeric/index.js';
export * from './symbolic/index.js';
export * from './autodiff/index.js';
export * from './nn/index.js';
export * from './optimize/index.js';
export * from './svm/index.js';
export * from './plot/index.js';
export * from './plot/png.js';
export { toONNX } from './onnx/index.js';
export type { ToOnnxOptions, OnnxExportable } from './onnx/index.js';
