/**
 * The nn layer: datasets (scikit-learn's, on NumPy's RandomState), the course's explicit MLP,
 * a Sequential/Dense model trained through autodiff, losses, optimizers, schedules, metrics,
 * and scikit-learn-shaped model selection and preprocessing.
 */
export * from './datasets.js';
export * from './activations.js';
export * from './mlp-losses.js';
export * from './mlp.js';
export * from './metrics.js';
export * from './metrics-scores.js';
export * from './losses.js';
export * from './optimizers.js';
export * from './schedules.js';
export * from './model.js';
export * from './model-selection.js';
export * from './preprocessing.js';
export type { MatrixLike, LabelsLike } from './data.js';
