/**
 * Losses on tensors for models trained through autodiff. Each returns a scalar tensor, so
 * `valueAndGrad` differentiates it (and its gradient again, if asked).
 */
import { ShapeError } from '../core/errors.js';
import { Tensor, tensor, type TensorLike } from '../autodiff/index.js';

const EPS = 2 ** -52;

function same(op: string, a: Tensor, b: Tensor): void {
  if (a.size !== b.size) throw new ShapeError(`${op}: predictions ${JSON.stringify(a.shape)} and targets ${JSON.stringify(b.shape)} differ in size`);
}

/**
 * Binary cross-entropy −[y log p + (1−y) log(1−p)] with p clipped to [ε, 1−ε], summed or
 * averaged over entries (default mean). Pass probabilities, not logits.
 *
 * @example
 * binaryCrossEntropy(tensor([0.5, 0.5]), [1, 0]).item() // ln 2
 */
export function binaryCrossEntropy(p: Tensor, y: TensorLike, options: { reduction?: 'mean' | 'sum' } = {}): Tensor {
  const t = tensor(y).reshape(p.shape);
  same('binaryCrossEntropy', p, t);
  const pc = p.clip(EPS, 1 - EPS);
  const ll = t.mul(pc.log()).add(tensor(1).sub(t).mul(tensor(1).sub(pc).log())).neg();
  return options.reduction === 'sum' ? ll.sum() : ll.mean();
}

/**
 * Mean squared error (1/n) Σ (ŷ − y)².
 *
 * @example
 * mseLoss(tensor([1, 2]), [0, 0]).item() // 2.5
 */
export function mseLoss(yhat: Tensor, y: TensorLike): Tensor {
  const t = tensor(y).reshape(yhat.shape);
  same('mseLoss', yhat, t);
  const d = yhat.sub(t);
  return d.mul(d).mean();
}

/**
 * Softmax cross-entropy from logits (rows = samples) and integer class labels, averaged:
 * −(1/n) Σ_i [z_{i,y_i} − log Σ_k e^{z_ik}], with the max subtracted for stability.
 *
 * @example
 * softmaxCrossEntropy(tensor([[0, 0]]), [1]).item() // ln 2
 */
export function softmaxCrossEntropy(logits: Tensor, labels: readonly number[]): Tensor {
  if (logits.ndim !== 2) throw new ShapeError(`softmaxCrossEntropy: logits must be 2-d (samples × classes), got ${JSON.stringify(logits.shape)}`);
  const [n, k] = logits.shape as [number, number];
  if (labels.length !== n) throw new ShapeError(`softmaxCrossEntropy: ${n} rows of logits but ${labels.length} labels`);
  const onehot = new Float64Array(n * k);
  labels.forEach((c, i) => {
    if (!Number.isInteger(c) || c < 0 || c >= k) throw new ShapeError(`softmaxCrossEntropy: label ${c} is not a class index in [0, ${k})`);
    onehot[i * k + c] = 1;
  });
  const m = logits.max(1, true).detach();
  const shifted = logits.sub(m);
  const lse = shifted.exp().sum(1, true).log();
  return shifted.sub(lse).mul(new Tensor(onehot, [n, k])).sum().neg().div(n);
}

/**
 * Row-wise softmax of logits.
 *
 * @example
 * softmax(tensor([[0, 0]])).toArray() // [[0.5, 0.5]]
 */
export function softmax(logits: Tensor): Tensor {
  const e = logits.sub(logits.max(-1, true).detach()).exp();
  return e.div(e.sum(-1, true));
}
