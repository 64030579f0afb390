/**
 * Input checks shared by the SVM solvers: every bad input becomes a typed error that names the
 * offending row, column or value.
 */
import { ArgumentError, DomainError, ShapeError } from '../core/errors.js';

/** A class label: any two distinct numbers or strings (not mixed). */
export type SvmLabel = number | string;

/** Rows of features: `number[][]` or an array of typed arrays. */
export type SvmMatrix = ArrayLike<ArrayLike<number>>;

/** X as a flat row-major Float64Array, after checking it is a non-empty rectangle of finite numbers. */
export function flattenX(X: SvmMatrix, what = 'X', d?: number): { data: Float64Array; n: number; d: number } {
  if (X == null || typeof X !== 'object' || typeof (X as ArrayLike<unknown>).length !== 'number') {
    throw new ArgumentError(`${what} must be an array of rows (number[][]), got ${X === null ? 'null' : typeof X}`);
  }
  const n = X.length;
  if (n === 0) throw new ArgumentError(`${what} is empty: need at least one sample (row)`);
  const first = X[0];
  if (first == null || typeof first !== 'object' || typeof first.length !== 'number') {
    throw new ArgumentError(`${what}[0] must be an array of numbers (a row of features)`);
  }
  const cols = d ?? first.length;
  if (cols === 0) throw new ShapeError(`${what} has rows of length 0: need at least one feature`);
  const data = new Float64Array(n * cols);
  for (let i = 0; i < n; i++) {
    const row = X[i];
    if (row == null || typeof row !== 'object' || row.length !== cols) {
      throw new ShapeError(
        `${what}[${i}] has ${row == null || typeof row !== 'object' ? 'no' : row.length} features, expected ${cols}${d !== undefined ? ' (as in the training data)' : ''}`,
      );
    }
    for (let k = 0; k < cols; k++) {
      const v = row[k];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new DomainError(`${what}[${i}][${k}] is ${String(v)}: features must be finite numbers (no NaN or Infinity)`);
      }
      data[i * cols + k] = v;
    }
  }
  return { data, n, d: cols };
}

/**
 * Check that `y` has one label per row and exactly two distinct labels. Returns the sorted
 * classes and each sample's class index (0 or 1), scikit-learn's `classes_` order.
 */
export function encodeLabels(y: ArrayLike<SvmLabel>, n: number): { classes: [SvmLabel, SvmLabel]; index: Uint8Array } {
  if (y == null || typeof y !== 'object' || typeof y.length !== 'number') throw new ArgumentError('y must be an array of labels');
  if (y.length !== n) throw new ShapeError(`X has ${n} rows but y has ${y.length} labels: need one label per row`);
  const seen: SvmLabel[] = [];
  let kind: string | undefined;
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (typeof v !== 'number' && typeof v !== 'string') throw new ArgumentError(`y[${i}] is ${String(v)}: labels must be numbers or strings`);
    if (typeof v === 'number' && Number.isNaN(v)) throw new DomainError(`y[${i}] is NaN: labels must be actual values`);
    kind ??= typeof v;
    if (typeof v !== kind) throw new ArgumentError(`y mixes numbers and strings (y[${i}] = ${JSON.stringify(v)})`);
    if (!seen.includes(v)) {
      seen.push(v);
      if (seen.length > 2) {
        throw new ArgumentError(`labels are not binary: y has more than two classes (${seen.map((s) => JSON.stringify(s)).join(', ')}, …); SVC here separates two classes`);
      }
    }
  }
  if (seen.length < 2) throw new ArgumentError(`labels are not binary: y has only one class (${JSON.stringify(seen[0])}); need two`);
  seen.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const classes: [SvmLabel, SvmLabel] = [seen[0]!, seen[1]!];
  const index = new Uint8Array(n);
  for (let i = 0; i < n; i++) index[i] = y[i] === classes[1] ? 1 : 0;
  return { classes, index };
}

/** A positive finite number option. */
export function positiveOption(name: string, v: unknown): number {
  if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) throw new ArgumentError(`${name} must be a positive number, got ${String(v)}`);
  return v;
}
