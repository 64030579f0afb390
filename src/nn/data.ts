/**
 * Input checking shared by the models and the scikit-learn-shaped utilities: a sample matrix from
 * nested arrays, rows of Float64Arrays or a 2-d tensor, and label lists from arrays or typed arrays.
 */
import { ArgumentError, ShapeError } from '../core/errors.js';
import { Tensor } from '../autodiff/index.js';

/** A sample matrix: rows of numbers (arrays or Float64Arrays) or a 2-d tensor. */
export type MatrixLike = ReadonlyArray<ArrayLike<number>> | Tensor;

/** A flat list of labels or targets. */
export type LabelsLike = ArrayLike<number>;

/**
 * X as a [rows, cols] tensor of finite numbers (a tensor passes through after the checks).
 *
 * @example
 * toMatrix('fit', [[1, 2], Float64Array.of(3, 4)]).shape // → [2, 2]
 */
export function toMatrix(op: string, X: MatrixLike): Tensor {
  let t: Tensor;
  if (X instanceof Tensor) {
    if (X.ndim !== 2) throw new ShapeError(`${op}: X must be a matrix (rows = samples), got shape [${X.shape.join(', ')}]`);
    t = X;
  } else {
    if (!Array.isArray(X)) throw new ArgumentError(`${op}: X must be an array of rows (arrays of numbers) or a 2-d Tensor, got ${typeof X}`);
    const rows = X.length;
    const first = X[0];
    if (rows === 0 || first === undefined || typeof first !== 'object' || typeof first.length !== 'number') {
      throw new ShapeError(`${op}: X must be a non-empty matrix: a list of rows, e.g. [[x1, x2], …]${rows > 0 ? ` (X[0] is ${typeof first})` : ''}`);
    }
    const cols = first.length;
    if (cols === 0) throw new ShapeError(`${op}: the rows of X are empty`);
    const data = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      const r = X[i]!;
      if (!r || typeof r !== 'object' || r.length !== cols) throw new ShapeError(`${op}: row ${i} of X has ${r?.length ?? typeof r} values, row 0 has ${cols}`);
      for (let j = 0; j < cols; j++) data[i * cols + j] = r[j]!;
    }
    t = new Tensor(data, [rows, cols]);
  }
  if (t.shape[0] === 0 || t.shape[1] === 0) throw new ShapeError(`${op}: X must be a non-empty matrix, got shape [${t.shape.join(', ')}]`);
  const d = t.data;
  for (let i = 0; i < d.length; i++) {
    const v = d[i]!;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new ArgumentError(`${op}: X[${Math.floor(i / t.shape[1]!)}][${i % t.shape[1]!}] = ${v} is not a finite number`);
  }
  return t;
}

/**
 * Labels as a Float64Array of finite numbers. A column ([[0], [1], …]) is flattened; rows of
 * `perRow` values (multi-output targets) are concatenated.
 */
export function toLabels(op: string, y: LabelsLike | ReadonlyArray<ArrayLike<number>>, perRow = 1): Float64Array {
  if (y === null || typeof y !== 'object' || typeof (y as ArrayLike<unknown>).length !== 'number') {
    throw new ArgumentError(`${op}: y must be an array of numbers, got ${y === null ? 'null' : typeof y}`);
  }
  const arr = y as ArrayLike<unknown>;
  const nested = arr.length > 0 && typeof arr[0] === 'object' && arr[0] !== null;
  if (nested) {
    const rows = y as ReadonlyArray<ArrayLike<number>>;
    const w = rows[0]!.length;
    if (w !== 1 && w !== perRow) throw new ShapeError(`${op}: y has rows of ${w} values; give a flat list of labels${perRow > 1 ? ` or rows of ${perRow}` : ''}`);
    const out = new Float64Array(rows.length * w);
    rows.forEach((r, i) => {
      if (!r || r.length !== w) throw new ShapeError(`${op}: row ${i} of y has ${r?.length ?? 0} values, row 0 has ${w}`);
      for (let j = 0; j < w; j++) out[i * w + j] = r[j]!;
    });
    return checkFinite(op, out);
  }
  return checkFinite(op, Float64Array.from(arr as ArrayLike<number>));
}

function checkFinite(op: string, y: Float64Array): Float64Array {
  for (let i = 0; i < y.length; i++) if (!Number.isFinite(y[i]!)) throw new ArgumentError(`${op}: y[${i}] = ${y[i]} is not a finite number`);
  return y;
}

/** The rows `idx` of a [rows, cols] tensor, as a new tensor. */
export function takeRows(X: Tensor, idx: ArrayLike<number>): Tensor {
  const cols = X.shape[1]!;
  const out = new Float64Array(idx.length * cols);
  for (let i = 0; i < idx.length; i++) out.set(X.data.subarray(idx[i]! * cols, (idx[i]! + 1) * cols), i * cols);
  return new Tensor(out, [idx.length, cols]);
}

/** The entries `idx` of a per-row array with `perRow` values per row. */
export function takeLabels(y: Float64Array, idx: ArrayLike<number>, perRow = 1): Float64Array {
  const out = new Float64Array(idx.length * perRow);
  for (let i = 0; i < idx.length; i++) for (let j = 0; j < perRow; j++) out[i * perRow + j] = y[idx[i]! * perRow + j]!;
  return out;
}

