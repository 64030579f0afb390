/**
 * SVC: the support vector classifier with scikit-learn's meanings, trained by SMO (smo.ts) one
 * pair of classes at a time (ovo.ts) or, for tiny separable two-class sets with a linear kernel,
 * by the exact hard-margin QP (hard-margin.ts).
 *
 * Two classes: f(x) = Σ_{i ∈ SV} dualCoef_i · k(x_i, x) + intercept, predict classes[1] where
 * f(x) ≥ 0, with dualCoef_i = y_i α_i (y = +1 for classes[1]). k classes: one such function per
 * pair (one-vs-one), each pair's winner gets a vote, most votes wins (ties: the smaller class);
 * `decisionMatrix` gives the pairs' values ('ovo') or scikit-learn's votes-plus-confidence per
 * class ('ovr'). Support vectors are listed class by class in index order, as libsvm lists them.
 */
import { ArgumentError, checkOptionsArg, describeValue } from '../core/errors.js';
import { Classifier } from './classifier.js';
import { hardMarginSvm } from './hard-margin.js';
import { checkKernel, kernelDirect, resolveGamma, type KernelParams, type SvmKernel } from './kernels.js';
import { LibsvmRandom, sklearnSeed } from './libsvm-random.js';
import { pairDecisions, trainOvo, type OvoModel } from './ovo.js';
import { MIN_PAIR_PROB, multiclassProbability, sigmoidPredict } from './probability.js';
import { fitInput, flattenX, positiveOption, type ClassWeight, type SvmLabel, type SvmMatrix } from './validate.js';

/** SVC options; defaults are scikit-learn's. */
export interface SVCOptions {
  /** Default 'rbf'. */
  kernel?: SvmKernel;
  /** Box bound on α (soft-margin penalty). Default 1. */
  C?: number;
  /** Default 'scale' = 1/(n_features·Var(X)); 'auto' = 1/n_features. */
  gamma?: 'scale' | 'auto' | number;
  /** Poly degree. Default 3. */
  degree?: number;
  /** Poly/sigmoid offset. Default 0. */
  coef0?: number;
  /** KKT-gap tolerance. Default 1e-3. */
  tol?: number;
  /** SMO iteration cap per pair; −1 means libsvm's safety cap max(10⁷, 100·n). Default −1. */
  maxIter?: number;
  /** Kernel cache in MB. Default 200. */
  cacheSize?: number;
  /** Shrinking heuristic. Default true. */
  shrinking?: boolean;
  /** 'smo' (default) or 'hard-margin' (exact QP, linear kernel, separable data, C ignored). */
  solver?: 'smo' | 'hard-margin';
  /** Shape of {@link SVC.decisionMatrix} with more than two classes. Default 'ovr'. */
  decisionFunctionShape?: 'ovr' | 'ovo';
  /** Fit Platt sigmoids (5-fold cross-validation) so that `predictProba` works. Default false. */
  probability?: boolean;
  /** Multiply C per class: `{ label: weight }`, a Map, or 'balanced' (n / (k · count)). Default none. */
  classWeight?: ClassWeight;
  /** Seed of the probability folds, as scikit-learn's `random_state`. Default 0. */
  randomState?: number;
  /** With 'ovr' and more than two classes, predict the argmax of `decisionMatrix`. Default false. */
  breakTies?: boolean;
  /** Progress of the fit: (done, total), 100 steps per pair of classes (the KKT gap toward tol, log scale). */
  onProgress?: (done: number, total: number) => void;
}

/** The fitted state (libsvm's layout; the getters turn it into scikit-learn's). */
interface Fitted extends Pick<OvoModel, 'support' | 'nSupport' | 'sv' | 'svCoef' | 'rho' | 'probA' | 'probB'> {
  classes: SvmLabel[];
  d: number;
  nSamples: number;
  kernel: KernelParams;
  /** α_i ≥ 0 of every sample in the first pair (the whole model with two classes). */
  alpha: Float64Array;
  nIter: number;
  converged: boolean;
  objective: number;
  /** Linear kernel: w_p = Σ svCoef·sv per pair (libsvm sign). */
  w: number[][] | null;
}

/**
 * Support vector classifier: two or more classes (one-vs-one), class and sample weights, Platt
 * probabilities.
 *
 * @example
 * const svm = new SVC({ kernel: 'linear', C: 1e6 }).fit([[0, 0], [1, 2], [2, 1]], [-1, 1, 1]);
 * svm.coef      // → ≈ [0.6668, 0.6664] (2/3 to the default tolerance 1e-3)
 * svm.intercept // → ≈ -0.9998667
 * svm.dualCoef  // → ≈ [-0.4444, 0.222, 0.2224]
 * svm.predict([[3, 3]]) // → [1]
 */
export class SVC extends Classifier<Fitted> {
  readonly kernel: SvmKernel;
  readonly C: number;
  readonly gamma: 'scale' | 'auto' | number;
  readonly degree: number;
  readonly coef0: number;
  readonly tol: number;
  readonly maxIter: number;
  readonly cacheSize: number;
  readonly shrinking: boolean;
  readonly solver: 'smo' | 'hard-margin';
  readonly decisionFunctionShape: 'ovr' | 'ovo';
  readonly probability: boolean;
  readonly classWeight: ClassWeight | undefined;
  readonly randomState: number;
  readonly breakTies: boolean;
  private readonly onProgress: ((done: number, total: number) => void) | undefined;

  constructor(options: SVCOptions = {}) {
    super('SVC');
    checkOptionsArg(options, 'SVC');
    this.kernel = checkKernel(options.kernel ?? 'rbf');
    this.C = positiveOption('C', options.C ?? 1);
    const g = options.gamma ?? 'scale';
    if (g !== 'scale' && g !== 'auto') positiveOption('gamma', g);
    this.gamma = g;
    this.degree = options.degree ?? 3;
    if (!Number.isInteger(this.degree) || this.degree < 0) throw new ArgumentError(`degree must be a non-negative integer, got ${String(options.degree)}`);
    this.coef0 = options.coef0 ?? 0;
    if (typeof this.coef0 !== 'number' || !Number.isFinite(this.coef0)) throw new ArgumentError(`coef0 must be a finite number, got ${String(options.coef0)}`);
    this.tol = positiveOption('tol', options.tol ?? 1e-3);
    this.maxIter = options.maxIter ?? -1;
    if (!Number.isInteger(this.maxIter) || this.maxIter < -1) throw new ArgumentError(`maxIter must be -1 (no limit) or a non-negative integer, got ${String(options.maxIter)}`);
    this.cacheSize = positiveOption('cacheSize', options.cacheSize ?? 200);
    this.shrinking = options.shrinking ?? true;
    this.solver = options.solver ?? 'smo';
    if (this.solver !== 'smo' && this.solver !== 'hard-margin') throw new ArgumentError(`solver must be 'smo' or 'hard-margin', got ${describeValue(this.solver)}`);
    if (this.solver === 'hard-margin' && this.kernel !== 'linear') throw new ArgumentError(`solver 'hard-margin' needs kernel 'linear'`);
    this.decisionFunctionShape = options.decisionFunctionShape ?? 'ovr';
    if (this.decisionFunctionShape !== 'ovr' && this.decisionFunctionShape !== 'ovo') {
      throw new ArgumentError(`decisionFunctionShape must be 'ovr' or 'ovo', got ${describeValue(options.decisionFunctionShape)}`);
    }
    this.probability = options.probability ?? false;
    if (typeof this.probability !== 'boolean') throw new ArgumentError(`probability must be true or false, got ${String(options.probability)}`);
    if (this.probability && this.solver === 'hard-margin') throw new ArgumentError(`probability needs solver 'smo' (the folds are soft-margin fits)`);
    this.classWeight = options.classWeight;
    this.randomState = options.randomState ?? 0;
    sklearnSeed(this.randomState); // validates
    this.breakTies = options.breakTies ?? false;
    if (this.breakTies && this.decisionFunctionShape === 'ovo') throw new ArgumentError(`breakTies needs decisionFunctionShape 'ovr' (as in scikit-learn)`);
    this.onProgress = options.onProgress;
  }

  /**
   * Train on rows `X` with labels `y` (two or more distinct values), optionally weighting each
   * sample's C by `sampleWeight` (0 drops a sample). Returns `this`.
   */
  fit(X: SvmMatrix, y: ArrayLike<SvmLabel>, sampleWeight?: ArrayLike<number>): this {
    const { data, n, d, classes, index, W, classWeight } = fitInput(X, y, sampleWeight, this.classWeight);
    const k = classes.length;
    const kernel: KernelParams = { kernel: this.kernel, gamma: resolveGamma(this.gamma, data, n, d), degree: this.degree, coef0: this.coef0 };
    if (this.solver === 'hard-margin') {
      if (k !== 2) throw new ArgumentError(`solver 'hard-margin' separates two classes; y has ${k}`);
      if (W || this.classWeight !== undefined) throw new ArgumentError(`solver 'hard-margin' has no C to weight: drop sampleWeight and classWeight`);
      const r = hardMarginSvm(X, y);
      // libsvm's layout has the opposite sign: its f is positive for classes[0].
      const support = r.support;
      const sv = new Float64Array(support.length * d);
      support.forEach((i, s) => sv.set(data.subarray(i * d, i * d + d), s * d));
      const nSupport = [support.filter((i) => index[i] === 0).length, 0];
      nSupport[1] = support.length - nSupport[0]!;
      this.state = this.finish(
        { support, nSupport, sv, svCoef: [Float64Array.from(r.dualCoef, (c) => -c)], rho: Float64Array.of(r.b), probA: null, probB: null },
        classes,
        d,
        n,
        kernel,
        Float64Array.from(r.alpha),
        0,
        true,
        -r.objective / 2,
      );
      return this;
    }
    const m = trainOvo({
      X: data,
      n,
      d,
      cls: index,
      k,
      C: this.C,
      classWeight,
      sampleWeight: W,
      kernel,
      tol: this.tol,
      maxIter: this.maxIter,
      cacheBytes: this.cacheSize * 1024 * 1024,
      shrinking: this.shrinking,
      rng: this.probability ? new LibsvmRandom(sklearnSeed(this.randomState)) : null,
      ...(this.onProgress ? { onProgress: this.onProgress } : {}),
    });
    const nIter = m.nIter.reduce((a, b) => a + b, 0);
    this.state = this.finish(m, classes, d, n, kernel, m.alpha0, nIter, m.converged, m.objective[0]!);
    return this;
  }

  private finish(
    m: Pick<OvoModel, 'support' | 'nSupport' | 'sv' | 'svCoef' | 'rho' | 'probA' | 'probB'>,
    classes: SvmLabel[],
    d: number,
    nSamples: number,
    kernel: KernelParams,
    alpha: Float64Array,
    nIter: number,
    converged: boolean,
    objective: number,
  ): Fitted {
    let w: number[][] | null = null;
    if (kernel.kernel === 'linear') {
      w = this.pairs(classes.length).map(([i, j]) => {
        const wp = new Array<number>(d).fill(0);
        const start = m.nSupport.slice(0, i).reduce((a, b) => a + b, 0);
        const startJ = m.nSupport.slice(0, j).reduce((a, b) => a + b, 0);
        for (const [from, len, row] of [
          [start, m.nSupport[i]!, j - 1],
          [startJ, m.nSupport[j]!, i],
        ] as const) {
          for (let s = from; s < from + len; s++) for (let t = 0; t < d; t++) wp[t] = wp[t]! + m.svCoef[row]![s]! * m.sv[s * d + t]!;
        }
        return wp;
      });
    }
    return { ...m, classes, d, nSamples, kernel, alpha, nIter, converged, objective, w };
  }

  /** The class pairs (i, j), i < j, in libsvm's order. */
  private pairs(k: number): [number, number][] {
    const out: [number, number][] = [];
    for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) out.push([i, j]);
    return out;
  }

  private binary(what: string, instead: string): Fitted {
    const s = this.fitted();
    if (s.classes.length !== 2) throw new ArgumentError(`${what} is defined for two classes; this SVC has ${s.classes.length}: use ${instead}`);
    return s;
  }

  /** libsvm's pair decision values (> 0 votes for the pair's first class), one row per sample. */
  private pairValues(X: SvmMatrix): Float64Array[] {
    const s = this.fitted();
    const { data, n } = flattenX(X, 'X', s.d);
    const k = s.classes.length;
    const kv = new Float64Array(s.support.length);
    const out: Float64Array[] = [];
    for (let i = 0; i < n; i++) {
      const row = new Float64Array((k * (k - 1)) / 2);
      if (s.w) {
        for (let p = 0; p < row.length; p++) {
          let f = 0;
          for (let t = 0; t < s.d; t++) f += s.w[p]![t]! * data[i * s.d + t]!;
          row[p] = f - s.rho[p]!;
        }
      } else pairDecisions(s, s.kernel, s.d, data, i, kv, row);
      out.push(row);
    }
    return out;
  }

  /** f(x) for each row with two classes: positive means classes[1] (scikit-learn's `decision_function`). */
  decisionFunction(X: SvmMatrix): number[] {
    this.binary('decisionFunction', 'decisionMatrix(X)');
    return this.pairValues(X).map((r) => -r[0]!);
  }

  /**
   * Decision values as a matrix: with two classes one column (f above); with k classes
   * k(k−1)/2 pair columns ('ovo', > 0 favours the pair's first class) or k columns ('ovr':
   * scikit-learn's votes + confidence/(3(|confidence| + 1)), largest = predicted class).
   */
  decisionMatrix(X: SvmMatrix): number[][] {
    const s = this.fitted();
    const k = s.classes.length;
    const raw = this.pairValues(X);
    if (k === 2) return raw.map((r) => [-r[0]!]);
    if (this.decisionFunctionShape === 'ovo') return raw.map((r) => Array.from(r));
    return raw.map((r) => ovrFromPairs(r, k));
  }

  /** Class labels for each row (one-vs-one votes; ties go to the smaller class). */
  predict(X: SvmMatrix): SvmLabel[] {
    const s = this.fitted();
    const k = s.classes.length;
    return this.pairValues(X).map((r) => {
      if (this.breakTies && k > 2) {
        const o = ovrFromPairs(r, k);
        return s.classes[argmax(o)]!;
      }
      const votes = new Array<number>(k).fill(0);
      let p = 0;
      for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) votes[r[p++]! > 0 ? i : j]!++;
      return s.classes[argmax(votes)]!;
    });
  }

  /** Class probabilities per row, columns in `classes` order (needs `probability: true`). */
  predictProba(X: SvmMatrix): number[][] {
    const s = this.fitted();
    if (!s.probA || !s.probB) throw new ArgumentError('predictProba needs an SVC fitted with probability: true');
    const k = s.classes.length;
    const r = Array.from({ length: k }, () => new Float64Array(k));
    return this.pairValues(X).map((dec) => {
      let p = 0;
      for (let i = 0; i < k; i++) {
        for (let j = i + 1; j < k; j++) {
          const v = Math.min(Math.max(sigmoidPredict(dec[p]!, s.probA![p]!, s.probB![p]!), MIN_PAIR_PROB), 1 - MIN_PAIR_PROB);
          r[i]![j] = v;
          r[j]![i] = 1 - v;
          p++;
        }
      }
      return Array.from(multiclassProbability(r, k));
    });
  }

  /** The kernel's parameters with γ resolved (for export). */
  get kernelParams(): KernelParams {
    return { ...this.fitted().kernel };
  }
  /** Support vectors, one row each, in `support` order. */
  get supportVectors(): number[][] {
    const s = this.fitted();
    return s.support.map((_, k) => Array.from(s.sv.subarray(k * s.d, k * s.d + s.d)));
  }
  /** Indices of the support vectors in the training data (class by class, index order). */
  get support(): number[] {
    return [...this.fitted().support];
  }
  /** Two classes: y_i α_i for each support vector (scikit-learn's `dual_coef_[0]`). */
  get dualCoef(): number[] {
    return Array.from(this.binary('dualCoef', 'dualCoefs').svCoef[0]!, (c) => -c);
  }
  /** scikit-learn's `dual_coef_`: (k−1) rows over the support vectors (libsvm's layout). */
  get dualCoefs(): number[][] {
    const s = this.fitted();
    if (s.classes.length === 2) return [this.dualCoef];
    return s.svCoef.map((r) => Array.from(r));
  }
  /** Two classes: b in f(x) = Σ dualCoef_i k(x_i, x) + b (scikit-learn's `intercept_[0]`). */
  get intercept(): number {
    return this.binary('intercept', 'intercepts').rho[0]!;
  }
  /** scikit-learn's `intercept_`: one per pair (two classes: [intercept]). */
  get intercepts(): number[] {
    const s = this.fitted();
    if (s.classes.length === 2) return [s.rho[0]!];
    return Array.from(s.rho, (r) => -r);
  }
  /** Support vectors per class, in `classes` order. */
  get nSupport(): number[] {
    return [...this.fitted().nSupport];
  }
  /** Two classes, linear kernel: w = Σ dualCoef_i x_i (scikit-learn's `coef_[0]`). */
  get coef(): number[] {
    this.binary('coef', 'coefs');
    return this.coefs[0]!;
  }
  /** Linear kernel: scikit-learn's `coef_`, one row per pair (two classes: one row). */
  get coefs(): number[][] {
    const s = this.fitted();
    if (!s.w) throw new ArgumentError(`coef is only defined for kernel 'linear' (this SVC uses ${typeof s.kernel.kernel === 'string' ? `'${s.kernel.kernel}'` : 'a custom kernel'})`);
    if (s.classes.length === 2) return [s.w[0]!.map((v) => -v)];
    return s.w.map((r) => [...r]);
  }
  /** Platt's A per pair (scikit-learn's `probA_`); needs `probability: true`. */
  get probA(): number[] {
    const s = this.fitted();
    if (!s.probA) throw new ArgumentError('probA needs an SVC fitted with probability: true');
    return Array.from(s.probA);
  }
  /** Platt's B per pair (scikit-learn's `probB_`); needs `probability: true`. */
  get probB(): number[] {
    const s = this.fitted();
    if (!s.probB) throw new ArgumentError('probB needs an SVC fitted with probability: true');
    return Array.from(s.probB);
  }
  /** Two classes: the Lagrange multipliers α_i ≥ 0 of every training point (0 off the support). */
  get alpha(): number[] {
    return Array.from(this.binary('alpha', 'dualCoefs').alpha);
  }
  /** Two classes: whether each training point's margin constraint is active (α_i > 0). */
  get activeConstraints(): boolean[] {
    return Array.from(this.binary('activeConstraints', 'support').alpha, (a) => a > 0);
  }
  /** Two classes: 1/‖w‖ with ‖w‖² = Σ_ij dualCoef_i dualCoef_j k(x_i, x_j) (feature space for kernels). */
  get margin(): number {
    const s = this.binary('margin', 'dualCoefs');
    if (s.w) return 1 / Math.hypot(...s.w[0]!);
    const m = s.support.length;
    const c = s.svCoef[0]!;
    let w2 = 0;
    for (let a = 0; a < m; a++) {
      for (let b = 0; b < m; b++) w2 += c[a]! * c[b]! * kernelDirect(s.kernel, s.sv, a, s.sv, b, s.d);
    }
    return 1 / Math.sqrt(w2);
  }
  /** The γ the kernel used ('scale'/'auto' resolved). */
  get gammaValue(): number {
    return this.fitted().kernel.gamma;
  }
  /** SMO iterations, summed over the pairs (0 for the hard-margin solver). */
  get nIter(): number {
    return this.fitted().nIter;
  }
  /** False when maxIter stopped SMO early in some pair. */
  get converged(): boolean {
    return this.fitted().converged;
  }
  /** Dual objective ½αᵀQα − Σα at the solution (the first pair's with more than two classes). */
  get dualObjective(): number {
    return this.fitted().objective;
  }
}

/** scikit-learn's one-vs-rest view of one-vs-one values: votes + confidence/(3(|confidence| + 1)). */
export function ovrFromPairs(pairValues: ArrayLike<number>, k: number): number[] {
  const votes = new Array<number>(k).fill(0);
  const conf = new Array<number>(k).fill(0);
  let p = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const f = pairValues[p++]!;
      // f > 0 favours i: confidence +f for i, −f for j; the vote goes to j when f ≤ 0.
      conf[i] = conf[i]! + f;
      conf[j] = conf[j]! - f;
      votes[f < 0 ? j : i]!++;
    }
  }
  return votes.map((v, c) => v + conf[c]! / (3 * (Math.abs(conf[c]!) + 1)));
}

function argmax(v: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i]! > v[best]!) best = i;
  return best;
}

export { NotFittedError } from './classifier.js';
