/**
 * Function forms of the tensor ops a model needs besides the methods (PyTorch's `torch.cat`,
 * `torch.stack`, `torch.where`, `torch.gather`) and the fused training ops. (argmax/argmin are the
 * methods `t.argmax(axis)`; the flat names belong to numeric.)
 */
import type { FusedActivation } from './ops-fused.js';
import { Tensor, opTable, tensor, type TensorLike } from './tensor.js';

/**
 * Join tensors along an existing axis; each part gets its slice of the gradient.
 *
 * @example
 * concat([tensor([[1, 2]]), tensor([[3, 4]])], 0).toArray() // → [[1, 2], [3, 4]]
 */
export function concat(parts: readonly TensorLike[], axis = 0): Tensor {
  return Tensor.concat(parts, axis);
}

/**
 * Join same-shape tensors along a new axis.
 *
 * @example
 * stack([tensor([1, 2]), tensor([3, 4])], 1).toArray() // → [[1, 3], [2, 4]]
 */
export function stack(parts: readonly TensorLike[], axis = 0): Tensor {
  return Tensor.stack(parts, axis);
}

/**
 * `cond ? a : b` element-wise with broadcasting; the gradient goes to the side that was chosen.
 *
 * @example
 * where([1, 0], tensor([1, 2]), tensor([10, 20])).toArray() // → [1, 20]
 */
export function where(cond: TensorLike, a: TensorLike, b: TensorLike): Tensor {
  return Tensor.where(cond, a, b);
}

/**
 * `torch.gather(x, axis, index)`: along `axis`, read x at the positions `index` gives (index has
 * as many axes as x). Picking one entry per row is `gather(logp, 1, labels as [[c0], [c1], …])`.
 *
 * @example
 * gather(tensor([[1, 2], [3, 4]]), 1, [[1], [0]]).toArray() // → [[2], [3]]
 */
export function gather(x: TensorLike, axis: number, index: TensorLike): Tensor {
  return tensor(x).gather(axis, index);
}

/**
 * A dense layer g(x·W + b) as one tape node (x: [m, nIn], W: [nIn, nOut], b: [nOut]); its VJP is
 * fused too: ż = ḡ ⊙ g′, x̄ = ż·Wᵀ, W̄ = xᵀ·ż, b̄ = Σ_rows ż.
 *
 * @example
 * dense(tensor([[1, 2]]), tensor([[1], [1]]), tensor([-4]), 'relu').toArray() // → [[0]]
 */
export function dense(x: TensorLike, W: TensorLike, b: TensorLike, activation: FusedActivation = 'linear'): Tensor {
  return opTable['dense']!(x, W, b, activation);
}

/**
 * Binary cross-entropy of σ(z) computed from the logits z (never forming σ(z), so it stays finite
 * for any z): mean (default) or sum of max(z, 0) − z·t + ln(1 + e^−|z|).
 *
 * @example
 * sigmoidCrossEntropy(tensor([0]), [1]).item() // → ≈ 0.6931472 (ln 2)
 */
export function sigmoidCrossEntropy(logits: TensorLike, targets: TensorLike | ArrayLike<number>, reduction: 'mean' | 'sum' = 'mean'): Tensor {
  return opTable['sigmoidCrossEntropy']!(logits, targets, reduction);
}

/**
 * Mean softmax cross-entropy from logits (rows = samples) and integer class labels:
 * (1/n) Σ_i [logΣ_k e^{z_ik} − z_{i,c_i}], with the row max subtracted for stability.
 *
 * @example
 * softmaxCrossEntropyWithLogits(tensor([[0, 0]]), [1]).item() // → ≈ 0.6931472 (ln 2)
 */
export function softmaxCrossEntropyWithLogits(logits: TensorLike, labels: ArrayLike<number>): Tensor {
  return opTable['softmaxCrossEntropy']!(logits, labels);
}
