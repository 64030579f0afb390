/**
 * Classification and regression scores with scikit-learn 1.2's definitions:
 * precision/recall/F-beta with `average` 'binary' | 'micro' | 'macro' | 'weighted' | null,
 * ROC AUC (binary; multiclass one-vs-rest or one-vs-one, Hand & Till), log loss (probabilities
 * clipped to [ε, 1−ε] and renormalized per row), R² and mean squared error.
 */
import { ArgumentError, ShapeError, describeValue, checkOptions } from '../core/errors.js';
import { accuracy } from './metrics.js';

function sameLength(op: string, a: ArrayLike<unknown>, b: ArrayLike<unknown>): void {
  if (a.length !== b.length) throw new ShapeError(`${op}: ${a.length} true labels but ${b.length} predictions`);
  if (a.length === 0) throw new ArgumentError(`${op}: no samples`);
}

/** Sorted distinct values of both arrays (`unique_labels`). */
function uniqueLabels(...arrays: ArrayLike<number>[]): number[] {
  const s = new Set<number>();
  for (const a of arrays) for (let i = 0; i < a.length; i++) s.add(a[i]!);
  return [...s].sort((p, q) => p - q);
}

/** How scores are averaged over labels. */
export type Average = 'binary' | 'micro' | 'macro' | 'weighted' | null;

/** Options of {@link precisionRecallFscoreSupport} and the single scores. */
export interface PrfOptions {
  /** Default 'binary' (the score of `posLabel`); null gives one score per label. */
  average?: Average;
  /** The labels to score, in this order (default: sorted labels of both arrays). */
  labels?: readonly number[];
  /** The positive class for 'binary'. Default 1. */
  posLabel?: number;
  /** F-beta's β. Default 1. */
  beta?: number;
  /** Value of 0/0 (no predicted or no true samples of a label). Default 0 (scikit-learn's 'warn'). */
  zeroDivision?: 0 | 1;
}

/** Per-label or averaged precision, recall, F-beta and support. */
export interface Prf {
  precision: number | number[];
  recall: number | number[];
  fscore: number | number[];
  /** Number of true samples per label (null when averaged, as scikit-learn). */
  support: number[] | null;
}

/**
 * Precision tp/(tp+fp), recall tp/(tp+fn), F-beta (1+β²)·P·R/(β²P + R) and support
 * (`sklearn.metrics.precision_recall_fscore_support`).
 *
 * @example
 * precisionRecallFscoreSupport([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], { average: 'macro' }).fscore // → 0.26666666666666666
 */
export function precisionRecallFscoreSupport(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: PrfOptions = {}): Prf {
  checkOptions('precisionRecallFscoreSupport', options, ['average', 'labels', 'posLabel', 'beta', 'zeroDivision']);
  sameLength('precisionRecallFscoreSupport', yTrue, yPred);
  const average = options.average === undefined ? 'binary' : options.average;
  if (![null, 'binary', 'micro', 'macro', 'weighted'].includes(average)) {
    throw new ArgumentError(`precisionRecallFscoreSupport: average must be 'binary', 'micro', 'macro', 'weighted' or null, got ${describeValue(average)}`);
  }
  const beta = options.beta ?? 1;
  if (!(beta >= 0)) throw new ArgumentError(`precisionRecallFscoreSupport: beta must be ≥ 0, got ${describeValue(beta)}`);
  const zd = options.zeroDivision ?? 0;
  const present = uniqueLabels(yTrue, yPred);
  let labels = options.labels ? [...options.labels] : present;
  if (average === 'binary') {
    if (present.length > 2) throw new ArgumentError(`precisionRecallFscoreSupport: the labels have ${present.length} classes (${present.join(', ')}) but average is 'binary'; choose average 'micro', 'macro', 'weighted' or null`);
    const pos = options.posLabel ?? 1;
    if (present.length === 2 && !present.includes(pos)) throw new ArgumentError(`precisionRecallFscoreSupport: posLabel ${pos} is not a label (have ${present.join(', ')})`);
    labels = [pos];
  }
  const index = new Map(labels.map((l, i) => [l, i]));
  const tp = new Array<number>(labels.length).fill(0);
  const predSum = new Array<number>(labels.length).fill(0);
  const trueSum = new Array<number>(labels.length).fill(0);
  for (let i = 0; i < yTrue.length; i++) {
    const t = index.get(yTrue[i]!);
    const p = index.get(yPred[i]!);
    if (t !== undefined) trueSum[t]!++;
    if (p !== undefined) predSum[p]!++;
    if (t !== undefined && yTrue[i] === yPred[i]) tp[t]!++;
  }
  const div = (a: number, b: number): number => (b === 0 ? zd : a / b);
  const fOf = (p: number, r: number): number => {
    const d = beta * beta * p + r;
    return ((1 + beta * beta) * p * r) / (d === 0 ? 1 : d);
  };
  if (average === 'micro') {
    const sum = (a: number[]): number => a.reduce((s, v) => s + v, 0);
    const p = div(sum(tp), sum(predSum));
    const r = div(sum(tp), sum(trueSum));
    return { precision: p, recall: r, fscore: fOf(p, r), support: null };
  }
  const P = tp.map((t, i) => div(t, predSum[i]!));
  const R = tp.map((t, i) => div(t, trueSum[i]!));
  const F = P.map((p, i) => fOf(p, R[i]!));
  if (average === null) return { precision: P, recall: R, fscore: F, support: trueSum };
  if (average === 'binary') return { precision: P[0]!, recall: R[0]!, fscore: F[0]!, support: null };
  const w = average === 'weighted' ? trueSum : trueSum.map(() => 1);
  const wsum = w.reduce((s, v) => s + v, 0);
  const avg = (a: number[]): number => (wsum === 0 ? 0 : a.reduce((s, v, i) => s + v * w[i]!, 0) / wsum);
  return { precision: avg(P), recall: avg(R), fscore: avg(F), support: null };
}

/**
 * Precision tp/(tp+fp) (`sklearn.metrics.precision_score`).
 *
 * @example
 * precisionScore([0, 1, 1, 0], [1, 1, 0, 0]) // → 0.5
 */
export function precisionScore(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: Omit<PrfOptions, 'beta'> = {}): number | number[] {
  return precisionRecallFscoreSupport(yTrue, yPred, options).precision;
}

/**
 * Recall tp/(tp+fn) (`sklearn.metrics.recall_score`).
 *
 * @example
 * recallScore([0, 1, 1, 1], [1, 1, 0, 1]) // → 0.6666666666666666
 */
export function recallScore(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: Omit<PrfOptions, 'beta'> = {}): number | number[] {
  return precisionRecallFscoreSupport(yTrue, yPred, options).recall;
}

/**
 * F1 = 2PR/(P+R) (`sklearn.metrics.f1_score`).
 *
 * @example
 * f1Score([0, 1, 1, 1], [1, 1, 0, 1]) // → 0.6666666666666666
 */
export function f1Score(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: Omit<PrfOptions, 'beta'> = {}): number | number[] {
  return precisionRecallFscoreSupport(yTrue, yPred, { ...options, beta: 1 }).fscore;
}

/** Binary AUC of scores s for 0/1 truths: the ROC curve's area with tied scores grouped. */
function binaryAuc(truth: ArrayLike<number>, s: ArrayLike<number>): number {
  const n = truth.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => s[b]! - s[a]!);
  let tps = 0, fps = 0, prevT = 0, prevF = 0, area = 0;
  for (let i = 0; i < n; i++) {
    const k = order[i]!;
    if (truth[k]) tps++;
    else fps++;
    // At the end of a run of equal scores, add the trapezoid from the previous ROC point.
    if (i === n - 1 || s[order[i + 1]!] !== s[k]) {
      area += ((fps - prevF) * (tps + prevT)) / 2;
      prevT = tps;
      prevF = fps;
    }
  }
  if (tps === 0 || fps === 0) throw new ArgumentError('rocAucScore: only one class is present in yTrue; ROC AUC is not defined then');
  return area / (tps * fps);
}

/** Options of {@link rocAucScore}. */
export interface RocAucOptions {
  /** Multiclass: 'ovr' (one-vs-rest, default) or 'ovo' (one-vs-one, Hand & Till). */
  multiClass?: 'ovr' | 'ovo';
  /** Multiclass averaging: 'macro' (default) or 'weighted' (by prevalence). */
  average?: 'macro' | 'weighted';
}

/**
 * Area under the ROC curve (`sklearn.metrics.roc_auc_score`). Binary: scores of the larger label
 * (a list, or rows of two probabilities). Multiclass: rows of class probabilities (summing to 1),
 * classes in sorted label order.
 *
 * @example
 * rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) // → 0.75
 */
export function rocAucScore(yTrue: ArrayLike<number>, yScore: ArrayLike<number> | ReadonlyArray<ArrayLike<number>>, options: RocAucOptions = {}): number {
  checkOptions('rocAucScore', options, ['multiClass', 'average']);
  sameLength('rocAucScore', yTrue, yScore);
  const classes = uniqueLabels(yTrue);
  const rows = typeof (yScore as ArrayLike<unknown>)[0] === 'object' ? (yScore as ReadonlyArray<ArrayLike<number>>) : null;
  for (let i = 0; i < yScore.length; i++) {
    const r = rows ? rows[i]! : [(yScore as ArrayLike<number>)[i]!];
    for (let j = 0; j < r.length; j++) if (!Number.isFinite(r[j]!)) throw new ArgumentError(`rocAucScore: score ${r[j]} in row ${i} is not finite`);
  }
  if (classes.length <= 2) {
    if (classes.length < 2) throw new ArgumentError('rocAucScore: only one class is present in yTrue; ROC AUC is not defined then');
    let s: ArrayLike<number>;
    if (rows) {
      if (rows[0]!.length !== 2) throw new ShapeError(`rocAucScore: two classes need one score per sample (or rows of 2), got rows of ${rows[0]!.length}`);
      s = rows.map((r) => r[1]!);
    } else s = yScore as ArrayLike<number>;
    return binaryAuc(Array.from(yTrue, (v) => (v === classes[1] ? 1 : 0)), s);
  }
  if (!rows || rows.some((r) => r.length !== classes.length)) {
    throw new ShapeError(`rocAucScore: yTrue has ${classes.length} classes, so yScore must be rows of ${classes.length} probabilities`);
  }
  for (let i = 0; i < rows.length; i++) {
    let sum = 0;
    for (let j = 0; j < classes.length; j++) sum += rows[i]![j]!;
    if (Math.abs(sum - 1) > 1e-8) throw new ArgumentError(`rocAucScore: multiclass scores must be probabilities summing to 1 per row (row ${i} sums to ${sum})`);
  }
  const weighted = options.average === 'weighted';
  const truth = Array.from(yTrue);
  const prevalence = classes.map((c) => truth.filter((v) => v === c).length / truth.length);
  if ((options.multiClass ?? 'ovr') === 'ovr') {
    const aucs = classes.map((c, j) => binaryAuc(truth.map((v) => (v === c ? 1 : 0)), rows.map((r) => r[j]!)));
    return weighted ? aucs.reduce((s, a, j) => s + a * prevalence[j]!, 0) : aucs.reduce((s, a) => s + a, 0) / aucs.length;
  }
  // One-vs-one: for each pair, the mean of the two directed AUCs on the pair's samples.
  let total = 0, wsum = 0;
  for (let a = 0; a < classes.length; a++) {
    for (let b = a + 1; b < classes.length; b++) {
      const idx = truth.flatMap((v, i) => (v === classes[a] || v === classes[b] ? [i] : []));
      const ab = binaryAuc(idx.map((i) => (truth[i] === classes[a] ? 1 : 0)), idx.map((i) => rows[i]![a]!));
      const ba = binaryAuc(idx.map((i) => (truth[i] === classes[b] ? 1 : 0)), idx.map((i) => rows[i]![b]!));
      const w = weighted ? prevalence[a]! + prevalence[b]! : 1;
      total += (w * (ab + ba)) / 2;
      wsum += w;
    }
  }
  return total / wsum;
}

/** Options of {@link logLoss}. */
export interface LogLossOptions {
  /** Clip probabilities to [eps, 1 − eps]. Default 2⁻⁵² (scikit-learn's 'auto' for float64). */
  eps?: number;
  /** Mean over samples (default) or sum. */
  normalize?: boolean;
  /** All class labels, when yTrue does not show every class. */
  labels?: readonly number[];
}

/**
 * Cross-entropy of predicted probabilities (`sklearn.metrics.log_loss`): binary as one
 * probability of the larger label per sample, or rows of class probabilities in sorted label
 * order; clipped to [ε, 1−ε] and renormalized per row.
 *
 * @example
 * logLoss([0, 1], [0.2, 0.7]) // → ≈ 0.2899092 (−(ln 0.8 + ln 0.7)/2)
 */
export function logLoss(yTrue: ArrayLike<number>, yProb: ArrayLike<number> | ReadonlyArray<ArrayLike<number>>, options: LogLossOptions = {}): number {
  checkOptions('logLoss', options, ['eps', 'normalize', 'labels']);
  sameLength('logLoss', yTrue, yProb);
  const eps = options.eps ?? 2 ** -52;
  const classes = options.labels ? uniqueLabels(options.labels) : uniqueLabels(yTrue);
  if (classes.length < 2) throw new ArgumentError(`logLoss: yTrue contains only one label (${classes[0]}); pass labels: [all classes]`);
  const rows = typeof (yProb as ArrayLike<unknown>)[0] === 'object' ? (yProb as ReadonlyArray<ArrayLike<number>>) : null;
  const k = rows ? rows[0]!.length : 2;
  if (k === 1 || (!rows && classes.length !== 2) || k !== classes.length) {
    throw new ShapeError(`logLoss: yTrue has ${classes.length} classes but yProb has ${rows ? `rows of ${k}` : 'one probability per sample'}`);
  }
  const col = new Map(classes.map((c, j) => [c, j]));
  const clip = (p: number): number => Math.min(Math.max(p, eps), 1 - eps);
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const j = col.get(yTrue[i]!);
    if (j === undefined) throw new ArgumentError(`logLoss: yTrue[${i}] = ${yTrue[i]} is not one of the labels ${classes.join(', ')}`);
    let probs: number[];
    if (rows) {
      if (rows[i]!.length !== k) throw new ShapeError(`logLoss: row ${i} of yProb has ${rows[i]!.length} values, row 0 has ${k}`);
      probs = Array.from(rows[i]!, clip);
    } else {
      const p = clip((yProb as ArrayLike<number>)[i]!);
      probs = [clip(1 - p), p];
    }
    for (const p of probs) if (!Number.isFinite(p)) throw new ArgumentError(`logLoss: probability in row ${i} is not finite`);
    let sum = 0;
    for (const p of probs) sum += p;
    total -= Math.log(probs[j]! / sum);
  }
  return options.normalize === false ? total : total / yTrue.length;
}

/**
 * Coefficient of determination R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² (`sklearn.metrics.r2_score`; a
 * constant y gives 1 for a perfect fit, else 0).
 *
 * @example
 * r2Score([1, 2, 3], [1, 2, 4]) // → 0.5
 */
export function r2Score(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  sameLength('r2Score', yTrue, yPred);
  let mean = 0;
  for (let i = 0; i < yTrue.length; i++) mean += yTrue[i]!;
  mean /= yTrue.length;
  let res = 0, tot = 0;
  for (let i = 0; i < yTrue.length; i++) {
    res += (yTrue[i]! - yPred[i]!) ** 2;
    tot += (yTrue[i]! - mean) ** 2;
  }
  if (tot === 0) return res === 0 ? 1 : 0;
  return 1 - res / tot;
}

/**
 * Mean of (y − ŷ)² (`sklearn.metrics.mean_squared_error`).
 *
 * @example
 * meanSquaredError([1, 2], [1, 4]) // → 2
 */
export function meanSquaredError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  sameLength('meanSquaredError', yTrue, yPred);
  let s = 0;
  for (let i = 0; i < yTrue.length; i++) s += (yTrue[i]! - yPred[i]!) ** 2;
  return s / yTrue.length;
}

type Scorer = { score: (yTrue: number[], yPred: number[]) => number; classification: boolean };
const cls = (score: (t: number[], p: number[]) => number): Scorer => ({ score, classification: true });
const prf = (which: 'precision' | 'recall' | 'fscore', average: Average): Scorer =>
  cls((t, p) => precisionRecallFscoreSupport(t, p, { average })[which] as number);

/** Scorers by scikit-learn's names, for {@link crossValScore}. */
export const SCORERS = {
  accuracy: cls(accuracy),
  precision: prf('precision', 'binary'),
  recall: prf('recall', 'binary'),
  f1: prf('fscore', 'binary'),
  precision_macro: prf('precision', 'macro'),
  precision_micro: prf('precision', 'micro'),
  precision_weighted: prf('precision', 'weighted'),
  recall_macro: prf('recall', 'macro'),
  recall_micro: prf('recall', 'micro'),
  recall_weighted: prf('recall', 'weighted'),
  f1_macro: prf('fscore', 'macro'),
  f1_micro: prf('fscore', 'micro'),
  f1_weighted: prf('fscore', 'weighted'),
  r2: { score: r2Score, classification: false },
  neg_mean_squared_error: { score: (t: number[], p: number[]) => -meanSquaredError(t, p), classification: false },
} satisfies Record<string, Scorer>;
/** A scorer `crossValScore` accepts by name (the keys of `SCORERS`, scikit-learn's names). */
export type ScorerName = keyof typeof SCORERS;
