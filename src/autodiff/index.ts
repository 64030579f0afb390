/**
 * The autodiff layer: float64 tensors with broadcasting, ops with their VJPs, and reverse-mode
 * transforms (grad, valueAndGrad, vjp, jvp, adJacobian, adHessian, checkGrads), plus the
 * teaching-size scalar `Value`.
 */
import './ops-elementwise.js';
import './ops-shape.js';
import './ops-linalg.js';
import './ops-select.js';
import './ops-fused.js';
import { checkGrads } from './check-grads.js';
import { adHessian, adJacobian, grad, jvp, valueAndGrad, vjp } from './transforms.js';

export { Tensor, tensor } from './tensor.js';
export type { TensorLike } from './tensor.js';
export { grad, valueAndGrad, valueAndGradList, vjp, jvp, adJacobian, adHessian, stopGradient } from './transforms.js';
export type { Params } from './transforms.js';
export { checkGrads } from './check-grads.js';
export type { CheckGradsOptions, GradCheck, GradCheckReport } from './check-grads.js';
export { Value } from './value.js';
export { concat, stack, where, gather, dense, sigmoidCrossEntropy, softmaxCrossEntropyWithLogits } from './functional.js';
export type { FusedActivation } from './ops-fused.js';
export { BufferPool, withPool, setActivePool, newBuffer } from './pool.js';

/**
 * The transforms under their JAX names, for code that reads better that way (the flat names
 * `jacobian`/`hessian` belong to the symbolic layer).
 *
 * @example
 * ad.hessian((v: Tensor) => v.index(0).square().mul(v.index(1)))([1, 2]).toArray() // → [[4, 2], [2, 0]]
 */
export const ad = { grad, valueAndGrad, vjp, jvp, jacobian: adJacobian, hessian: adHessian, checkGrads };
