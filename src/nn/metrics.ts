/** Classification metrics, as scikit-learn computes them. */
import { ShapeError } from '../core/errors.js';

/**
 * Fraction of predictions equal to the labels (`sklearn.metrics.accuracy_score`). No labels at
 * all give NaN (the mean of nothing, as NumPy), not a perfect-looking or failing score.
 *
 * @example
 * accuracy([0, 1, 1, 0], [0, 1, 0, 0]) // 0.75
 */
export function accuracy(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  if (yTrue.length !== yPred.length) throw new ShapeError(`accuracy: ${yTrue.length} labels but ${yPred.length} predictions`);
  if (yTrue.length === 0) return NaN;
  let hit = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) hit++;
  return hit / yTrue.length;
}

/**
 * Confusion matrix C with C[i][j] = number of samples of class labels[i] predicted as labels[j]
 * (`sklearn.metrics.confusion_matrix`); labels default to the sorted union of both arrays.
 *
 * @example
 * confusionMatrix([0, 1, 1, 0], [0, 1, 0, 0]) // [[2, 0], [1, 1]]
 */
export function confusionMatrix(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, labels?: readonly number[]): number[][] {
  if (yTrue.length !== yPred.length) throw new ShapeError(`confusionMatrix: ${yTrue.length} labels but ${yPred.length} predictions`);
  const ls = labels ? [...labels] : [...new Set([...Array.from(yTrue), ...Array.from(yPred)])].sort((a, b) => a - b);
  const pos = new Map(ls.map((l, i) => [l, i]));
  const C = ls.map(() => new Array<number>(ls.length).fill(0));
  for (let k = 0; k < yTrue.length; k++) {
    const i = pos.get(yTrue[k]!);
    const j = pos.get(yPred[k]!);
    if (i !== undefined && j !== undefined) C[i]![j]!++;
  }
  return C;
}
