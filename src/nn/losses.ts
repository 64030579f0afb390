/**
 * Losses on tensors for models trained through autodiff. Each returns a scalar tensor, so
 * `valueAndGrad` differentiates it (and its gradient again, if asked).
 */
import { ArgumentError, ShapeError } from '../core/errors.js';
import { softmaxCrossEntropyWithLogits, Tensor, tensor, type TensorLike } from '../autodiff/index.js';

const EPS = 2 ** -52;

/** Is this shape a vector: [n] or a column [n, 1]? */
const isVector = (s: readonly number[]): boolean => s.length === 1 || (s.length === 2 && s[1] === 1);

/**
 * Targets shaped like the predictions: the same shape, or both vectors ([n] vs [n, 1]). Anything
 * else (say [2, 1] against [1, 2]) is a ShapeError rather than a silent flatten.
 */
function targetsLike(op: string, pred: Tensor, y: TensorLike): Tensor {
  const t = tensor(y);
  const same = t.shape.length === pred.shape.length && t.shape.every((d, i) => d === pred.shape[i]);
  if (same) return t;
  if (t.size === pred.size && isVector(t.shape) && isVector(pred.shape)) return t.reshape(pred.shape);
  throw new ShapeError(`${op}: predictions ${JSON.stringify(pred.shape)} and targets ${JSON.stringify(t.shape)} differ in shape`);
}

/**
 * Binary cross-entropy −[y log p + (1−y) log(1−p)] with p clipped to [ε, 1−ε], summed or
 * averaged over entries (default mean). Pass probabilities and 0/1 targets (for logits use
 * `sigmoidCrossEntropy`, which is stable for any logit).
 *
 * @example
 * binaryCrossEntropy(tensor([0.5, 0.5]), [1, 0]).item() // → ≈ 0.6931472 (ln 2)
 */
export function binaryCrossEntropy(p: Tensor, y: TensorLike, options: { reduction?: 'mean' | 'sum' } = {}): Tensor {
  const t = targetsLike('binaryCrossEntropy', p, y);
  const bad = t.data.findIndex((v) => !(v >= 0 && v <= 1));
  if (bad >= 0) throw new ArgumentError(`binaryCrossEntropy: target ${t.data[bad]} (entry ${bad}) is not in [0, 1]; labels are 0 or 1`);
  const pc = p.clip(EPS, 1 - EPS);
  const ll = t.mul(pc.log()).add(tensor(1).sub(t).mul(tensor(1).sub(pc).log())).neg();
  return options.reduction === 'sum' ? ll.sum() : ll.mean();
}

/**
 * Mean squared error (1/n) Σ (ŷ − y)²; y has ŷ's shape (or both are vectors).
 *
 * @example
 * mseLoss(tensor([1, 2]), [0, 0]).item() // → 2.5
 */
export function mseLoss(yhat: Tensor, y: TensorLike): Tensor {
  const d = yhat.sub(targetsLike('mseLoss', yhat, y));
  return d.mul(d).mean();
}

/**
 * Softmax cross-entropy from logits (rows = samples) and integer class labels, averaged:
 * −(1/n) Σ_i [z_{i,y_i} − log Σ_k e^{z_ik}], with the max subtracted for stability (one fused op).
 *
 * @example
 * softmaxCrossEntropy(tensor([[0, 0]]), [1]).item() // → ≈ 0.6931472 (ln 2)
 */
export function softmaxCrossEntropy(logits: Tensor, labels: readonly number[]): Tensor {
  return softmaxCrossEntropyWithLogits(logits, labels);
}

/**
 * Row-wise softmax of logits (the same as `logits.softmax(-1)`).
 *
 * @example
 * softmax(tensor([[0, 0]])).toArray() // → [[0.5, 0.5]]
 */
export function softmax(logits: Tensor): Tensor {
  return logits.softmax(-1);
}
