/**
 * Input checks shared by the SVM solvers: every bad input becomes a typed error that names the
 * offending row, column or value.
 */
import { ArgumentError, DomainError, ShapeError, describeValue } from '../core/errors.js';

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
  if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) throw new ArgumentError(`${name} must be a positive number, got ${describeValue(v)}`);
  return v;
}

/**
 * The sorted distinct labels of `y` (at least two) and each sample's index into them
 * (scikit-learn's `classes_` and `np.unique(y, return_inverse=True)`).
 */
export function encodeClasses(y: ArrayLike<SvmLabel>, n: number): { classes: SvmLabel[]; index: Int32Array } {
  if (y == null || typeof y !== 'object' || typeof y.length !== 'number') throw new ArgumentError('y must be an array of labels');
  if (y.length !== n) throw new ShapeError(`X has ${n} rows but y has ${y.length} labels: need one label per row`);
  const seen = new Map<SvmLabel, number>();
  let kind: string | undefined;
  for (let i = 0; i < n; i++) {
    const v = y[i];
    if (typeof v !== 'number' && typeof v !== 'string') throw new ArgumentError(`y[${i}] is ${String(v)}: labels must be numbers or strings`);
    if (typeof v === 'number' && !Number.isFinite(v)) throw new DomainError(`y[${i}] is ${v}: labels must be finite values`);
    kind ??= typeof v;
    if (typeof v !== kind) throw new ArgumentError(`y mixes numbers and strings (y[${i}] = ${JSON.stringify(v)})`);
    if (!seen.has(v)) seen.set(v, 0);
  }
  if (seen.size < 2) throw new ArgumentError(`y has only one class (${JSON.stringify([...seen.keys()][0])}): a classifier needs at least two`);
  const classes = [...seen.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  classes.forEach((c, i) => seen.set(c, i));
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) index[i] = seen.get(y[i]!)!;
  return { classes, index };
}

/** Per-class multipliers of C: `{ label: weight }` (keys compared as text), a Map, or 'balanced'. */
export type ClassWeight = 'balanced' | Readonly<Record<string, number>> | ReadonlyMap<SvmLabel, number>;

/**
 * One weight per class: 1 unless given; 'balanced' = n / (k · count_c) (scikit-learn's
 * `compute_class_weight`, counted over y without sample weights).
 */
export function resolveClassWeight(cw: ClassWeight | undefined, classes: SvmLabel[], index: Int32Array): Float64Array {
  const k = classes.length;
  const out = new Float64Array(k).fill(1);
  if (cw === undefined || cw === null) return out;
  if (cw === 'balanced') {
    const count = new Float64Array(k);
    for (const c of index) count[c]!++;
    for (let c = 0; c < k; c++) out[c] = index.length / (k * count[c]!);
    return out;
  }
  if (typeof cw !== 'object') throw new ArgumentError(`classWeight must be 'balanced', an object { label: weight } or a Map, got ${String(cw)}`);
  const entries: [string, number][] =
    cw instanceof Map ? [...(cw as ReadonlyMap<SvmLabel, number>).entries()].map(([k2, v]) => [String(k2), v]) : Object.entries(cw as Record<string, number>);
  const names = classes.map(String);
  for (const [label, w] of entries) {
    const c = names.indexOf(label);
    if (c < 0) throw new ArgumentError(`classWeight names class '${label}', which is not in y (classes: ${names.join(', ')})`);
    if (typeof w !== 'number' || !(w >= 0) || !Number.isFinite(w)) throw new ArgumentError(`classWeight for class '${label}' must be a finite number ≥ 0, got ${String(w)}`);
    out[c] = w;
  }
  return out;
}

/** Sample weights as a Float64Array (null when not given), each finite and ≥ 0, not all 0. */
export function sampleWeights(w: ArrayLike<number> | undefined, n: number): Float64Array | null {
  if (w === undefined || w === null) return null;
  if (typeof w !== 'object' || typeof w.length !== 'number') throw new ArgumentError('sampleWeight must be an array of numbers, one per row');
  if (w.length !== n) throw new ShapeError(`sampleWeight has ${w.length} weights for ${n} rows`);
  const out = new Float64Array(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    const v = w[i];
    if (typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v)) throw new DomainError(`sampleWeight[${i}] is ${String(v)}: weights must be finite numbers ≥ 0`);
    out[i] = v;
    if (v > 0) any = true;
  }
  if (!any) throw new ArgumentError('every sampleWeight is 0: at least one sample must carry weight');
  return out;
}

/** A classifier's checked training input: flat X, class indices, sample and class weights. */
export interface FitInput {
  data: Float64Array;
  n: number;
  d: number;
  classes: SvmLabel[];
  index: Int32Array;
  /** Per-sample weights, or null. */
  W: Float64Array | null;
  /** Per-class multipliers of C. */
  classWeight: Float64Array;
}

/** Check and encode what `fit(X, y, sampleWeight)` received. */
export function fitInput(X: SvmMatrix, y: ArrayLike<SvmLabel>, sampleWeight: ArrayLike<number> | undefined, cw: ClassWeight | undefined): FitInput {
  const { data, n, d } = flattenX(X);
  const { classes, index } = encodeClasses(y, n);
  return { data, n, d, classes, index, W: sampleWeights(sampleWeight, n), classWeight: resolveClassWeight(cw, classes, index) };
}
