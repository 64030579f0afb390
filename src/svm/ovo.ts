/**
 * Multiclass SVC by one-vs-one, laid out as libsvm lays it out (scikit-learn's `SVC`):
 *
 * - samples with weight 0 are dropped; the rest are grouped by class (classes sorted, samples in
 *   their original order within a class);
 * - for every pair i < j, a binary C-SVC with class i as +1 and class j as −1, box bounds
 *   C_s = C · classWeight[class] · sampleWeight_s;
 * - a sample is a support vector when any pair gives it α > 0; `svCoef[j−1]` holds the class-i
 *   support vectors' y·α for pair (i, j) and `svCoef[i]` the class-j ones (the (k−1) × nSV
 *   `dual_coef_`), `rho[p]` the pair's offset: f_ij(x) = Σ svCoef·k(sv, x) − rho, > 0 votes i.
 * - with probabilities, each pair's Platt sigmoid is fitted to 5-fold cross-validated decision
 *   values before the pair's model is trained (libsvm's order of random draws).
 */
import { ArgumentError } from '../core/errors.js';
import { kernelDirect, type KernelParams } from './kernels.js';
import type { LibsvmRandom } from './libsvm-random.js';
import { sigmoidTrain } from './probability.js';
import { smoSolve } from './smo.js';

/** What the one-vs-one trainer needs. */
export interface OvoProblem {
  X: Float64Array;
  n: number;
  d: number;
  /** Class index of each sample, 0 … k−1 (sorted labels). */
  cls: Int32Array;
  k: number;
  C: number;
  /** Multiplier of C per class (1 = none). */
  classWeight: Float64Array;
  /** Per-sample weights, or null for all 1. */
  sampleWeight: Float64Array | null;
  kernel: KernelParams;
  tol: number;
  maxIter: number;
  cacheBytes: number;
  shrinking: boolean;
  /** Fold shuffles for probability estimates; null = no probabilities. */
  rng: LibsvmRandom | null;
  /** Progress of the pairs' fits: (done, total) with 100 steps per pair. */
  onProgress?: (done: number, total: number) => void;
}

/** The trained one-vs-one model. */
export interface OvoModel {
  /** Training indices of the support vectors, class by class, in index order. */
  support: number[];
  nSupport: number[];
  /** Support vectors, row-major. */
  sv: Float64Array;
  /** (k−1) rows of nSV coefficients (libsvm's sv_coef). */
  svCoef: Float64Array[];
  /** One offset per pair (0,1), (0,2), …, (k−2,k−1). */
  rho: Float64Array;
  probA: Float64Array | null;
  probB: Float64Array | null;
  nIter: number[];
  converged: boolean;
  objective: number[];
  /** α ≥ 0 of every training sample for pair 0 (the binary model's multipliers). */
  alpha0: Float64Array;
}

interface BinaryFit {
  /** y_s α_s in the order given. */
  coef: Float64Array;
  rho: number;
  nIter: number;
  converged: boolean;
  objective: number;
}

/** A binary C-SVC on the listed rows (in that order), labels ±1, bounds Cs. */
function fitBinary(prob: OvoProblem, rows: Int32Array, y: Int8Array, Cs: Float64Array, onProgress?: (done: number, total: number) => void): BinaryFit {
  const { d } = prob;
  const l = rows.length;
  const Xs = new Float64Array(l * d);
  for (let s = 0; s < l; s++) for (let t = 0; t < d; t++) Xs[s * d + t] = prob.X[rows[s]! * d + t]!;
  const r = smoSolve({
    X: Xs,
    n: l,
    d,
    y,
    C: prob.C,
    Cs,
    kernel: prob.kernel,
    tol: prob.tol,
    maxIter: prob.maxIter,
    cacheBytes: prob.cacheBytes,
    shrinking: prob.shrinking,
    ...(onProgress ? { onProgress } : {}),
  });
  const coef = new Float64Array(l);
  for (let s = 0; s < l; s++) coef[s] = y[s]! * r.alpha[s]!;
  return { coef, rho: r.rho, nIter: r.nIter, converged: r.converged, objective: r.objective };
}

/** Σ coef_s k(x_rows[s], x_q) − rho over the nonzero coefficients, in order. */
function decision(prob: OvoProblem, rows: Int32Array, fit: BinaryFit, q: number): number {
  let sum = 0;
  for (let s = 0; s < rows.length; s++) {
    const c = fit.coef[s]!;
    if (c !== 0) sum += c * kernelDirect(prob.kernel, prob.X, rows[s]!, prob.X, q, prob.d);
  }
  return sum - fit.rho;
}

/**
 * Platt's A, B for one pair from 5-fold cross-validated decision values. Each fold's model is
 * trained as libsvm trains it: a fresh two-class problem whose classes sort as (−1, +1), so the
 * −1 samples come first and are the solver's positive side, with C = 1 weighted by Cn and Cp;
 * its decision values are negated back so that f > 0 means +1. Every fold's training restarts
 * the random stream (libsvm reseeds at the top of each training call).
 */
function pairProbability(prob: OvoProblem, rows: Int32Array, y: Int8Array, W: Float64Array, Cp: number, Cn: number): { A: number; B: number } {
  const rng = prob.rng!;
  const l = rows.length;
  const perm = Int32Array.from({ length: l }, (_, i) => i);
  for (let i = 0; i < l; i++) {
    const j = i + rng.boundedInt(l - i);
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  }
  const dec = new Float64Array(l);
  const folds = 5;
  for (let f = 0; f < folds; f++) {
    const begin = Math.floor((f * l) / folds);
    const end = Math.floor(((f + 1) * l) / folds);
    const train: number[] = [];
    for (let j = 0; j < begin; j++) train.push(perm[j]!);
    for (let j = end; j < l; j++) train.push(perm[j]!);
    let nPos = 0;
    for (const s of train) if (y[s]! > 0) nPos++;
    const nNeg = train.length - nPos;
    if (nPos === 0 || nNeg === 0) {
      const v = nPos > 0 ? 1 : nNeg > 0 ? -1 : 0;
      for (let j = begin; j < end; j++) dec[perm[j]!] = v;
      continue;
    }
    rng.reseed();
    const order = [...train.filter((s) => y[s]! < 0), ...train.filter((s) => y[s]! > 0)];
    const subRows = Int32Array.from(order, (s) => rows[s]!);
    const subY = Int8Array.from(order, (s) => (y[s]! < 0 ? 1 : -1));
    const subC = Float64Array.from(order, (s) => W[s]! * (y[s]! < 0 ? Cn : Cp));
    const fit = fitBinary(prob, subRows, subY, subC);
    for (let j = begin; j < end; j++) dec[perm[j]!] = -decision(prob, subRows, fit, rows[perm[j]!]!);
  }
  return sigmoidTrain(dec, y);
}

/** Train all k(k−1)/2 pairs and assemble the model. */
export function trainOvo(prob: OvoProblem): OvoModel {
  const { n, k, cls } = prob;
  const W = prob.sampleWeight;
  // Group the samples that carry weight by class.
  const start = new Int32Array(k);
  const count = new Int32Array(k);
  const perm: number[] = [];
  for (let c = 0; c < k; c++) {
    start[c] = perm.length;
    for (let i = 0; i < n; i++) if (cls[i] === c && (!W || W[i]! > 0)) perm.push(i);
    count[c] = perm.length - start[c]!;
    if (count[c] === 0) throw new ArgumentError(`class index ${c} has no sample with a positive weight: every class needs one`);
  }
  const weightedC = Float64Array.from(prob.classWeight, (w) => prob.C * w);
  const nPairs = (k * (k - 1)) / 2;
  const fits: BinaryFit[] = [];
  const probA = prob.rng ? new Float64Array(nPairs) : null;
  const probB = prob.rng ? new Float64Array(nPairs) : null;
  const nonzero = new Uint8Array(perm.length);
  let p = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const ci = count[i]!;
      const cj = count[j]!;
      const pos = Int32Array.from({ length: ci + cj }, (_, s) => (s < ci ? start[i]! + s : start[j]! + s - ci));
      const rows = Int32Array.from(pos, (q) => perm[q]!);
      const y = Int8Array.from(pos, (_, s) => (s < ci ? 1 : -1));
      const w = Float64Array.from(rows, (r) => (W ? W[r]! : 1));
      const Cs = Float64Array.from(w, (v, s) => v * (s < ci ? weightedC[i]! : weightedC[j]!));
      if (prob.rng) {
        const { A, B } = pairProbability(prob, rows, y, w, weightedC[i]!, weightedC[j]!);
        probA![p] = A;
        probB![p] = B;
      }
      const pair = p;
      const report = prob.onProgress ? (done: number) => prob.onProgress!(pair * 100 + done, nPairs * 100) : undefined;
      const fit = fitBinary(prob, rows, y, Cs, report);
      fits.push(fit);
      pos.forEach((q, s) => {
        if (fit.coef[s] !== 0) nonzero[q] = 1;
      });
      p++;
    }
  }
  // Support vectors in grouped order; nzStart[c] = first support vector of class c.
  const support: number[] = [];
  const nSupport = new Array<number>(k).fill(0);
  const svPos = new Int32Array(perm.length).fill(-1);
  for (let c = 0; c < k; c++) {
    for (let q = start[c]!; q < start[c]! + count[c]!; q++) {
      if (!nonzero[q]) continue;
      svPos[q] = support.length;
      support.push(perm[q]!);
      nSupport[c]!++;
    }
  }
  const m = support.length;
  const d = prob.d;
  const sv = new Float64Array(m * d);
  support.forEach((r, s) => sv.set(prob.X.subarray(r * d, r * d + d), s * d));
  const svCoef = Array.from({ length: k - 1 }, () => new Float64Array(m));
  p = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const fit = fits[p]!;
      for (let s = 0; s < count[i]!; s++) {
        const at = svPos[start[i]! + s]!;
        if (at >= 0) svCoef[j - 1]![at] = fit.coef[s]!;
      }
      for (let s = 0; s < count[j]!; s++) {
        const at = svPos[start[j]! + s]!;
        if (at >= 0) svCoef[i]![at] = fit.coef[count[i]! + s]!;
      }
      p++;
    }
  }
  const alpha0 = new Float64Array(n);
  const f0 = fits[0]!;
  for (let s = 0; s < count[0]! + count[1]!; s++) {
    const q = s < count[0]! ? start[0]! + s : start[1]! + s - count[0]!;
    alpha0[perm[q]!] = Math.abs(f0.coef[s]!);
  }
  return {
    support,
    nSupport,
    sv,
    svCoef,
    rho: Float64Array.from(fits, (f) => f.rho),
    probA,
    probB,
    nIter: fits.map((f) => f.nIter),
    converged: fits.every((f) => f.converged),
    objective: fits.map((f) => f.objective),
    alpha0,
  };
}

/**
 * libsvm's decision values for each pair (i, j), in pair order: > 0 votes for i. `out` has
 * nPairs entries; `kv` is scratch of nSV entries.
 */
export function pairDecisions(
  model: Pick<OvoModel, 'sv' | 'svCoef' | 'rho' | 'nSupport'>,
  kernel: KernelParams,
  d: number,
  X: Float64Array,
  row: number,
  kv: Float64Array,
  out: Float64Array,
): void {
  const k = model.nSupport.length;
  const m = kv.length;
  for (let s = 0; s < m; s++) kv[s] = kernelDirect(kernel, X, row, model.sv, s, d);
  const start = new Int32Array(k);
  for (let c = 1; c < k; c++) start[c] = start[c - 1]! + model.nSupport[c - 1]!;
  let p = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const c1 = model.svCoef[j - 1]!;
      const c2 = model.svCoef[i]!;
      let sum = 0;
      for (let s = start[i]!; s < start[i]! + model.nSupport[i]!; s++) sum += c1[s]! * kv[s]!;
      for (let s = start[j]!; s < start[j]! + model.nSupport[j]!; s++) sum += c2[s]! * kv[s]!;
      out[p] = sum - model.rho[p]!;
      p++;
    }
  }
}
