/**
 * Model selection with scikit-learn's semantics and, for a given seed, its exact indices
 * (`check_random_state(seed)` is NumPy's legacy RandomState, which core reproduces):
 * `trainTestSplit` (ShuffleSplit: test = perm[:n_test], train = perm[n_test:n_test+n_train];
 * with `stratify`, StratifiedShuffleSplit: per-class counts by `_approximate_mode`),
 * `kFold` (KFold: consecutive folds, the first n mod k one longer), `stratifiedKFold`
 * (StratifiedKFold: classes by first appearance, round-robin allocation) and `crossValScore`.
 */
import { ArgumentError, ShapeError, describeValue, checkOptions } from '../core/errors.js';
import { RandomState } from '../core/random.js';
import { SCORERS, type ScorerName } from './metrics-scores.js';

/** Options of {@link trainTestSplit}. */
export interface TrainTestSplitOptions {
  /** Fraction (0, 1) or count of test samples. Default 0.25 (when trainSize is not given either). */
  testSize?: number;
  /** Fraction (0, 1) or count of training samples. Default: the rest. */
  trainSize?: number;
  /** Shuffle before splitting. Default true. */
  shuffle?: boolean;
  /** Seed of the shuffle (scikit-learn's `random_state`). Default 0. */
  seed?: number;
  /**
   * Class labels (numbers or strings, one per sample, usually y): split each class in the same
   * proportion, as scikit-learn's `stratify=y` (StratifiedShuffleSplit). Needs `shuffle`.
   */
  stratify?: ArrayLike<number | string>;
}

/** scikit-learn's `_validate_shuffle_split`: the test and train counts. */
function splitSizes(n: number, testSize: number | undefined, trainSize: number | undefined): [number, number] {
  const test = testSize === undefined && trainSize === undefined ? 0.25 : testSize;
  const size = (name: string, v: number): number => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new ArgumentError(`trainTestSplit: ${name} must be a fraction in (0, 1) or a positive count, got ${describeValue(v)}`);
    if (Number.isInteger(v)) {
      if (v >= n) throw new ArgumentError(`trainTestSplit: ${name} = ${v} should be smaller than the number of samples ${n}`);
      return v;
    }
    if (v >= 1) throw new ArgumentError(`trainTestSplit: ${name} = ${v} is a fraction above 1`);
    return -v; // a fraction, resolved below
  };
  const t = test === undefined ? undefined : size('testSize', test);
  const r = trainSize === undefined ? undefined : size('trainSize', trainSize);
  let nTest = t === undefined ? undefined : t < 0 ? Math.ceil(-t * n) : t;
  let nTrain = r === undefined ? undefined : r < 0 ? Math.floor(-r * n) : r;
  if (nTrain === undefined) nTrain = n - nTest!;
  if (nTest === undefined) nTest = n - nTrain;
  if (nTrain + nTest > n) throw new ArgumentError(`trainTestSplit: ${nTrain} training + ${nTest} test samples exceed the ${n} samples`);
  if (nTrain === 0) throw new ArgumentError(`trainTestSplit: with ${n} samples and these sizes the training set would be empty`);
  if (nTest === 0) throw new ArgumentError(`trainTestSplit: with ${n} samples and these sizes the test set would be empty`);
  return [nTest, nTrain];
}

/** Class codes 0…k−1 in sorted label order (NumPy's `np.unique(y, return_inverse=True)`), and the count of each. */
function encodeSorted(op: string, labels: ArrayLike<number | string>): { codes: Int32Array; counts: number[] } {
  const n = labels.length;
  const kind = typeof labels[0];
  const distinct = new Set<number | string>();
  for (let i = 0; i < n; i++) {
    const v = labels[i]!;
    if (typeof v !== kind || (kind === 'number' ? !Number.isFinite(v) : kind !== 'string')) {
      throw new ArgumentError(`${op}: stratify[${i}] = ${String(v)} is not a class label (finite numbers or strings, all of one kind)`);
    }
    distinct.add(v);
  }
  const classes = [...distinct].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const code = new Map(classes.map((c, k) => [c, k]));
  const codes = new Int32Array(n);
  const counts = new Array<number>(classes.length).fill(0);
  for (let i = 0; i < n; i++) counts[(codes[i] = code.get(labels[i]!)!)]!++;
  return { codes, counts };
}

/**
 * scikit-learn's `_approximate_mode`: how many of `draws` samples each class gets, its share
 * ⌊count/total·draws⌋ first, then one more for the largest remainders (ties broken at random).
 */
function approximateMode(counts: readonly number[], draws: number, rs: RandomState): number[] {
  let total = 0;
  for (const c of counts) total += c;
  const continuous = counts.map((c) => (c / total) * draws);
  const floored = continuous.map(Math.floor);
  let need = draws - floored.reduce((a, b) => a + b, 0);
  if (need > 0) {
    const remainder = continuous.map((c, i) => c - floored[i]!);
    const values = [...new Set(remainder)].sort((a, b) => b - a);
    for (const value of values) {
      const inds: number[] = [];
      remainder.forEach((r, i) => { if (r === value) inds.push(i); });
      const now = Math.min(inds.length, need);
      // rng.choice(inds, now, replace=False) on a legacy RandomState: the first `now` of a permutation.
      for (const k of rs.permutation(inds.length).slice(0, now)) floored[inds[k]!]!++;
      need -= now;
      if (need === 0) break;
    }
  }
  return floored;
}

/** StratifiedShuffleSplit's first split: per class a shuffled share of train and test rows, then both shuffled. */
function stratifiedSplit(n: number, labels: ArrayLike<number | string>, nTest: number, nTrain: number, rs: RandomState): { train: number[]; test: number[] } {
  if (labels === null || typeof labels !== 'object' || typeof labels.length !== 'number') throw new ArgumentError('trainTestSplit: stratify must be an array of class labels (usually y)');
  if (labels.length !== n) throw new ShapeError(`trainTestSplit: stratify has ${labels.length} labels for ${n} samples`);
  const { codes, counts } = encodeSorted('trainTestSplit', labels);
  const k = counts.length;
  if (Math.min(...counts) < 2) throw new ArgumentError('trainTestSplit: the least populated class in stratify has only 1 member; every class needs at least 2 to appear on both sides');
  if (nTrain < k) throw new ArgumentError(`trainTestSplit: the training set (${nTrain}) must hold at least one sample of each of the ${k} classes`);
  if (nTest < k) throw new ArgumentError(`trainTestSplit: the test set (${nTest}) must hold at least one sample of each of the ${k} classes`);
  // Each class's rows in increasing order (a stable argsort of the codes).
  const rowsOf: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) rowsOf[codes[i]!]!.push(i);
  const nI = approximateMode(counts, nTrain, rs);
  const tI = approximateMode(counts.map((c, i) => c - nI[i]!), nTest, rs);
  const train: number[] = [];
  const test: number[] = [];
  for (let c = 0; c < k; c++) {
    const rows = rowsOf[c]!;
    const perm = rs.permutation(rows.length).map((p) => rows[p]!);
    train.push(...perm.slice(0, nI[c]!));
    test.push(...perm.slice(nI[c]!, nI[c]! + tI[c]!));
  }
  rs.shuffle(train);
  rs.shuffle(test);
  return { train, test };
}

/**
 * The train and test indices `trainTestSplit` uses for n samples.
 *
 * @example
 * splitIndices(4, { testSize: 0.5, shuffle: false }) // → { train: [0, 1], test: [2, 3] }
 */
export function splitIndices(n: number, options: TrainTestSplitOptions = {}): { train: number[]; test: number[] } {
  checkOptions('trainTestSplit', options, ['testSize', 'trainSize', 'shuffle', 'seed', 'stratify']);
  if (!Number.isInteger(n) || n < 2) throw new ArgumentError(`trainTestSplit: need at least 2 samples, got ${describeValue(n)}`);
  const [nTest, nTrain] = splitSizes(n, options.testSize, options.trainSize);
  if (options.stratify !== undefined) {
    if (options.shuffle === false) throw new ArgumentError('trainTestSplit: a stratified split shuffles; drop shuffle: false (scikit-learn refuses the pair too)');
    return stratifiedSplit(n, options.stratify, nTest, nTrain, new RandomState(options.seed ?? 0));
  }
  if (options.shuffle === false) {
    return { train: Array.from({ length: nTrain }, (_, i) => i), test: Array.from({ length: nTest }, (_, i) => nTrain + i) };
  }
  const perm = new RandomState(options.seed ?? 0).permutation(n);
  return { train: perm.slice(nTest, nTest + nTrain), test: perm.slice(0, nTest) };
}

/**
 * Split X and y into random train and test subsets (`sklearn.model_selection.train_test_split`):
 * the same seed gives scikit-learn's rows, in its order, also with `stratify: y` (each class
 * split in the same proportion).
 *
 * @example
 * const { XTrain, XTest, yTrain, yTest } = trainTestSplit([[1], [2], [3], [4]], [0, 1, 0, 1], { testSize: 0.25, seed: 42 });
 * const labels = [0, 0, 0, 0, 1, 1, 1, 1]; // stratify: two of each class in the test half
 * trainTestSplit([10, 11, 12, 13, 14, 15, 16, 17], labels, { testSize: 0.5, stratify: labels, seed: 0 }).XTest // → [10, 11, 15, 17]
 */
export function trainTestSplit<R, L>(X: readonly R[], y: readonly L[], options: TrainTestSplitOptions = {}): { XTrain: R[]; XTest: R[]; yTrain: L[]; yTest: L[] } {
  if (!Array.isArray(X) || !Array.isArray(y)) throw new ArgumentError('trainTestSplit: X and y must be arrays');
  if (X.length !== y.length) throw new ShapeError(`trainTestSplit: X has ${X.length} rows but y has ${y.length} labels`);
  const { train, test } = splitIndices(X.length, options);
  return { XTrain: train.map((i) => X[i]!), XTest: test.map((i) => X[i]!), yTrain: train.map((i) => y[i]!), yTest: test.map((i) => y[i]!) };
}

/** One fold: sorted training and test indices. */
export interface Fold {
  train: number[];
  test: number[];
}

/** Options of {@link kFold} and {@link stratifiedKFold}. */
export interface KFoldOptions {
  /** Number of folds, ≥ 2. Default 5. */
  nSplits?: number;
  /** Shuffle before cutting folds. Default false. */
  shuffle?: boolean;
  /** Seed of the shuffle. Default 0. */
  seed?: number;
}

function foldsFromTestFold(testFold: ArrayLike<number>, k: number): Fold[] {
  const folds: Fold[] = [];
  for (let f = 0; f < k; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < testFold.length; i++) (testFold[i] === f ? test : train).push(i);
    folds.push({ train, test });
  }
  return folds;
}

function kOf(op: string, options: KFoldOptions, n: number): number {
  checkOptions(op, options, ['nSplits', 'shuffle', 'seed']);
  const k = options.nSplits ?? 5;
  if (!Number.isInteger(k) || k < 2) throw new ArgumentError(`${op}: nSplits must be an integer ≥ 2, got ${describeValue(k)}`);
  if (k > n) throw new ArgumentError(`${op}: cannot have nSplits = ${k} greater than the number of samples ${n}`);
  if (options.seed !== undefined && !options.shuffle) throw new ArgumentError(`${op}: seed has no effect without shuffle: true`);
  return k;
}

/**
 * K-fold cross-validation indices (`sklearn.model_selection.KFold`): consecutive folds of
 * ⌊n/k⌋ samples, the first n mod k folds one longer; with `shuffle` the indices are shuffled first.
 *
 * @example
 * kFold(5, { nSplits: 2 }) // → [{ train: [3, 4], test: [0, 1, 2] }, { train: [0, 1, 2], test: [3, 4] }]
 */
export function kFold(n: number, options: KFoldOptions = {}): Fold[] {
  if (!Number.isInteger(n) || n < 1) throw new ArgumentError(`kFold: n must be a positive integer, got ${describeValue(n)}`);
  const k = kOf('kFold', options, n);
  const order = Array.from({ length: n }, (_, i) => i);
  if (options.shuffle) new RandomState(options.seed ?? 0).shuffle(order);
  const testFold = new Int32Array(n);
  let start = 0;
  for (let f = 0; f < k; f++) {
    const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
    for (let i = start; i < start + size; i++) testFold[order[i]!] = f;
    start += size;
  }
  return foldsFromTestFold(testFold, k);
}

/**
 * Stratified k-fold indices (`sklearn.model_selection.StratifiedKFold`): every fold keeps the
 * class proportions. Classes are numbered by first appearance, the per-fold counts come from a
 * round robin over the sorted labels, and each class's samples fill the folds in order (shuffled
 * per class with `shuffle`).
 *
 * @example
 * stratifiedKFold([0, 0, 1, 1], { nSplits: 2 }) // → [{ train: [1, 3], test: [0, 2] }, { train: [0, 2], test: [1, 3] }]
 */
export function stratifiedKFold(y: ArrayLike<number>, options: KFoldOptions = {}): Fold[] {
  const n = y.length;
  const k = kOf('stratifiedKFold', options, n);
  const code = new Map<number, number>();
  const enc = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    if (!Number.isFinite(v)) throw new ArgumentError(`stratifiedKFold: y[${i}] = ${v} is not a class label`);
    if (!code.has(v)) code.set(v, code.size);
    enc[i] = code.get(v)!;
  }
  const nClasses = code.size;
  const counts = new Array<number>(nClasses).fill(0);
  for (const c of enc) counts[c]!++;
  if (counts.every((c) => k > c)) throw new ArgumentError(`stratifiedKFold: nSplits = ${k} cannot be greater than the number of members in each class`);
  // allocation[f][c] = how many of class c fold f tests: a round robin over the sorted labels.
  const sorted = Array.from(enc).sort((a, b) => a - b);
  const allocation = Array.from({ length: k }, () => new Array<number>(nClasses).fill(0));
  sorted.forEach((c, i) => allocation[i % k]![c]!++);
  const rs = new RandomState(options.seed ?? 0);
  const testFold = new Int32Array(n);
  for (let c = 0; c < nClasses; c++) {
    const folds: number[] = [];
    for (let f = 0; f < k; f++) for (let t = 0; t < allocation[f]![c]!; t++) folds.push(f);
    if (options.shuffle) rs.shuffle(folds);
    let j = 0;
    for (let i = 0; i < n; i++) if (enc[i] === c) testFold[i] = folds[j++]!;
  }
  return foldsFromTestFold(testFold, k);
}

/** What {@link crossValScore} trains: a fresh one per fold. */
export interface Estimator {
  fit(X: number[][], y: number[]): unknown;
  predict(X: number[][]): ArrayLike<number>;
}

/** Options of {@link crossValScore}. */
export interface CrossValOptions {
  /** Folds: a count (default 5; stratified for classification scorers, as scikit-learn) or a list of folds. */
  cv?: number | readonly Fold[];
  /** A scikit-learn scorer name (default 'accuracy') or `(yTrue, yPred) => score`. */
  scoring?: ScorerName | ((yTrue: number[], yPred: number[]) => number);
}

/**
 * Fit a fresh estimator on each fold's training rows and score it on the test rows
 * (`sklearn.model_selection.cross_val_score`). With `cv` a count, classification scorers use
 * stratified folds and regression scorers plain ones, neither shuffled, as scikit-learn does.
 *
 * @example
 * const X = [[0, 0], [0, 1], [1, 0], [1, 1], [3, 3], [3, 4], [4, 3], [4, 4]];
 * crossValScore(() => new SVC({ kernel: 'linear' }), X, [0, 0, 0, 0, 1, 1, 1, 1], { cv: 2 }) // → [1, 1]
 */
export function crossValScore(makeEstimator: () => Estimator, X: readonly number[][], y: readonly number[], options: CrossValOptions = {}): number[] {
  checkOptions('crossValScore', options, ['cv', 'scoring']);
  if (typeof makeEstimator !== 'function') throw new ArgumentError('crossValScore: pass a function that makes a new estimator (() => new SVC(…))');
  if (!Array.isArray(X) || !Array.isArray(y) || X.length !== y.length) throw new ShapeError(`crossValScore: X and y must be arrays of the same length`);
  const scoring = options.scoring ?? 'accuracy';
  const scorer = typeof scoring === 'function' ? { score: scoring, classification: true } : SCORERS[scoring];
  if (!scorer) throw new ArgumentError(`crossValScore: unknown scoring ${describeValue(scoring)} (have ${Object.keys(SCORERS).join(', ')})`);
  const cv = options.cv ?? 5;
  const folds = typeof cv === 'number' ? (scorer.classification ? stratifiedKFold(y, { nSplits: cv }) : kFold(y.length, { nSplits: cv })) : cv;
  return folds.map(({ train, test }) => {
    const est = makeEstimator();
    est.fit(train.map((i) => X[i]!), train.map((i) => y[i]!));
    const pred = Array.from(est.predict(test.map((i) => X[i]!)));
    return scorer.score(test.map((i) => y[i]!), pred);
  });
}
