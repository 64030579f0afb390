/**
 * The nn layer: datasets (scikit-learn's, on NumPy's RandomState), the course's explicit MLP,
 * a Sequential/Dense model trained through autodiff, losses, optimizers and metrics.
 */
export * from './datasets.js';
export * from './activations.js';
export * from './mlp-losses.js';
export * from './mlp.js';
export * from './metrics.js';
export * from './losses.js';
export * from './optimizers.js';
export * from './model.js';
