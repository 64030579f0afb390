/** Classification metrics, as scikit-learn computes them. */
import { ArgumentError, ShapeError, checkOptions, describeValue } from '../core/errors.js';

/**
 * Fraction of predictions equal to the labels (`sklearn.metrics.accuracy_score`). No labels at
 * all give NaN (the mean of nothing, as NumPy), not a perfect-looking or failing score.
 *
 * @example
 * accuracy([0, 1, 1, 0], [0, 1, 0, 0]) // → 0.75
 */
export function accuracy(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  if (yTrue.length !== yPred.length) throw new ShapeError(`accuracy: ${yTrue.length} labels but ${yPred.length} predictions`);
  if (yTrue.length === 0) return NaN;
  let hit = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) hit++;
  return hit / yTrue.length;
}

/** Options of {@link confusionMatrix}. */
export interface ConfusionOptions {
  /** Row/column labels in this order (default: the sorted labels of both arrays). */
  labels?: readonly number[];
  /** Divide by row sums ('true'), column sums ('pred') or the total ('all'); 0/0 gives 0. */
  normalize?: 'true' | 'pred' | 'all';
}

/**
 * Confusion matrix C with C[i][j] = number of samples of class labels[i] predicted as labels[j]
 * (`sklearn.metrics.confusion_matrix`); labels default to the sorted union of both arrays. The
 * third argument is the labels or {@link ConfusionOptions}.
 *
 * @example
 * confusionMatrix([0, 1, 1, 0], [0, 1, 0, 0]) // → [[2, 0], [1, 1]]
 * confusionMatrix([0, 1, 1, 0], [0, 1, 0, 0], { normalize: 'true' }) // → [[1, 0], [0.5, 0.5]]
 */
export function confusionMatrix(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options?: readonly number[] | ConfusionOptions): number[][] {
  if (yTrue.length !== yPred.length) throw new ShapeError(`confusionMatrix: ${yTrue.length} labels but ${yPred.length} predictions`);
  const opts: ConfusionOptions = Array.isArray(options) ? { labels: options } : ((options ?? {}) as ConfusionOptions);
  checkOptions('confusionMatrix', opts, ['labels', 'normalize']);
  const { labels, normalize } = opts;
  if (normalize !== undefined && !['true', 'pred', 'all'].includes(normalize)) throw new ArgumentError(`confusionMatrix: normalize must be 'true', 'pred' or 'all', got ${describeValue(normalize)}`);
  const ls = labels ? [...labels] : [...new Set([...Array.from(yTrue), ...Array.from(yPred)])].sort((a, b) => a - b);
  const pos = new Map(ls.map((l, i) => [l, i]));
  const C = ls.map(() => new Array<number>(ls.length).fill(0));
  for (let k = 0; k < yTrue.length; k++) {
    const i = pos.get(yTrue[k]!);
    const j = pos.get(yPred[k]!);
    if (i !== undefined && j !== undefined) C[i]![j]!++;
  }
  if (!normalize) return C;
  const div = (v: number, d: number): number => (d === 0 ? 0 : v / d);
  if (normalize === 'true') return C.map((row) => row.map((v) => div(v, row.reduce((s, x) => s + x, 0))));
  if (normalize === 'pred') return C.map((row) => row.map((v, j) => div(v, C.reduce((s, r) => s + r[j]!, 0))));
  const total = C.reduce((s, r) => s + r.reduce((t, x) => t + x, 0), 0);
  return C.map((row) => row.map((v) => div(v, total)));
}
