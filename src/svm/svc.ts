/**
 * SVC: the support vector classifier with scikit-learn's meanings, trained by SMO (smo.ts) or,
 * for tiny separable sets with a linear kernel, by the exact hard-margin QP (hard-margin.ts).
 *
 *   f(x) = Σ_{i ∈ SV} dualCoef_i · k(x_i, x) + intercept,    predict classes[1] where f(x) ≥ 0
 *
 * with dualCoef_i = y_i α_i (y = +1 for classes[1], the larger label) and the support vectors
 * listed class by class in index order, as libsvm and scikit-learn list them.
 */
import { ArgumentError, NablaError, ShapeError } from '../core/errors.js';
import { hardMarginSvm } from './hard-margin.js';
import { checkKernel, kernelValue, resolveGamma, rowSquaredNorms, type KernelParams, type SvmKernel } from './kernels.js';
import { smoSolve } from './smo.js';
import { encodeLabels, flattenX, positiveOption, type SvmLabel, type SvmMatrix } from './validate.js';

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
  /** SMO iteration cap; −1 means libsvm's safety cap max(10⁷, 100·n). Default −1. */
  maxIter?: number;
  /** Kernel cache in MB. Default 200. */
  cacheSize?: number;
  /** Shrinking heuristic. Default true. */
  shrinking?: boolean;
  /** 'smo' (default) or 'hard-margin' (exact QP, linear kernel, separable data, C ignored). */
  solver?: 'smo' | 'hard-margin';
}

/** The fitted state. */
interface Fitted {
  classes: [SvmLabel, SvmLabel];
  d: number;
  nSamples: number;
  sv: Float64Array;
  svSq: Float64Array;
  support: number[];
  dualCoef: number[];
  intercept: number;
  nSupport: [number, number];
  alpha: Float64Array;
  kernel: KernelParams;
  nIter: number;
  converged: boolean;
  objective: number;
  w: number[] | null;
}

/**
 * Support vector classifier for two classes.
 *
 * @example
 * const svm = new SVC({ kernel: 'linear', C: 1e6 }).fit([[0, 0], [1, 2], [2, 1]], [-1, 1, 1]);
 * svm.coef;      // ≈ [2/3, 2/3]
 * svm.intercept; // ≈ -1
 * svm.dualCoef;  // ≈ [-4/9, 2/9, 2/9]
 * svm.predict([[3, 3]]); // [1]
 */
export class SVC {
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
  private state: Fitted | null = null;

  constructor(options: SVCOptions = {}) {
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
    if (this.solver !== 'smo' && this.solver !== 'hard-margin') throw new ArgumentError(`solver must be 'smo' or 'hard-margin', got '${String(this.solver)}'`);
    if (this.solver === 'hard-margin' && this.kernel !== 'linear') throw new ArgumentError(`solver 'hard-margin' needs kernel 'linear'`);
  }

  /** Train on rows `X` with labels `y` (any two distinct values). Returns `this`. */
  fit(X: SvmMatrix, y: ArrayLike<SvmLabel>): this {
    const { data, n, d } = flattenX(X);
    const { classes, index } = encodeLabels(y, n);
    const kernel: KernelParams = { kernel: this.kernel, gamma: resolveGamma(this.gamma, data, n, d), degree: this.degree, coef0: this.coef0 };
    if (this.solver === 'hard-margin') {
      const r = hardMarginSvm(X, y);
      this.state = this.finish(classes, data, n, d, index, Float64Array.from(r.alpha), r.b, kernel, 0, true, -r.objective / 2);
      return this;
    }
    // libsvm's convention: the first class (classes[0]) is +1 inside the solver.
    const yi = new Int8Array(n);
    for (let i = 0; i < n; i++) yi[i] = index[i] === 0 ? 1 : -1;
    // libsvm trains on the samples grouped by class (stable); do the same so the working-set
    // choices, and so the iterates, match it.
    const order: number[] = [];
    for (let c = 0; c < 2; c++) for (let i = 0; i < n; i++) if (index[i] === c) order.push(i);
    const Xs = new Float64Array(n * d);
    const ys = new Int8Array(n);
    // An index loop, not a subarray per row (10k short-lived views per 10k-point fit).
    for (let dst = 0; dst < n; dst++) {
      const src = order[dst]!;
      for (let t = 0; t < d; t++) Xs[dst * d + t] = data[src * d + t]!;
      ys[dst] = yi[src]!;
    }
    const r = smoSolve({
      X: Xs,
      n,
      d,
      y: ys,
      C: this.C,
      kernel,
      tol: this.tol,
      maxIter: this.maxIter,
      cacheBytes: this.cacheSize * 1024 * 1024,
      shrinking: this.shrinking,
    });
    const alpha = new Float64Array(n);
    order.forEach((src, dst) => (alpha[src] = r.alpha[dst]!));
    // The solver's f(x) = Σ y_i α_i k − ρ has y = +1 for classes[0]; ours is its negative, so
    // Σ dualCoef_i k + ρ with dualCoef_i = −y_i α_i.
    this.state = this.finish(classes, data, n, d, index, alpha, r.rho, kernel, r.nIter, r.converged, r.objective);
    return this;
  }

  private finish(
    classes: [SvmLabel, SvmLabel],
    data: Float64Array,
    n: number,
    d: number,
    index: Uint8Array,
    alpha: Float64Array,
    intercept: number,
    kernel: KernelParams,
    nIter: number,
    converged: boolean,
    objective: number,
  ): Fitted {
    const support: number[] = [];
    for (let c = 0; c < 2; c++) for (let i = 0; i < n; i++) if (index[i] === c && alpha[i]! > 0) support.push(i);
    const nSupport: [number, number] = [support.filter((i) => index[i] === 0).length, 0];
    nSupport[1] = support.length - nSupport[0];
    const sv = new Float64Array(support.length * d);
    support.forEach((i, k) => sv.set(data.subarray(i * d, i * d + d), k * d));
    const dualCoef = support.map((i) => (index[i] === 1 ? alpha[i]! : -alpha[i]!));
    let w: number[] | null = null;
    if (kernel.kernel === 'linear') {
      w = new Array<number>(d).fill(0);
      support.forEach((_, k) => {
        for (let t = 0; t < d; t++) w![t] = w![t]! + dualCoef[k]! * sv[k * d + t]!;
      });
    }
    return {
      classes,
      d,
      nSamples: n,
      sv,
      svSq: rowSquaredNorms(sv, support.length, d),
      support,
      dualCoef,
      intercept,
      nSupport,
      alpha,
      kernel,
      nIter,
      converged,
      objective,
      w,
    };
  }

  private fitted(): Fitted {
    if (!this.state) throw new NotFittedError('this SVC is not fitted yet: call fit(X, y) first');
    return this.state;
  }

  /** f(x) for each row: positive means classes[1] (scikit-learn's `decision_function`). */
  decisionFunction(X: SvmMatrix): number[] {
    const s = this.fitted();
    const { data, n, d } = flattenX(X, 'X', s.d);
    const out = new Array<number>(n);
    if (s.w) {
      for (let i = 0; i < n; i++) {
        let f = s.intercept;
        for (let t = 0; t < d; t++) f += s.w[t]! * data[i * d + t]!;
        out[i] = f;
      }
      return out;
    }
    const sq = rowSquaredNorms(data, n, d);
    const m = s.support.length;
    if (s.kernel.kernel === 'rbf') {
      // The common case inline: f(x) = b + Σ c_k exp(−γ(‖s_k‖² + ‖x‖² − 2 s_k·x)).
      const g = s.kernel.gamma;
      for (let i = 0; i < n; i++) {
        let f = 0;
        for (let k = 0; k < m; k++) {
          let dot = 0;
          for (let t = 0; t < d; t++) dot += s.sv[k * d + t]! * data[i * d + t]!;
          f += s.dualCoef[k]! * Math.exp(-g * (s.svSq[k]! + sq[i]! - 2 * dot));
        }
        out[i] = f + s.intercept;
      }
      return out;
    }
    for (let i = 0; i < n; i++) {
      let f = 0;
      for (let k = 0; k < m; k++) f += s.dualCoef[k]! * kernelValue(s.kernel, s.sv, k, s.svSq, data, i, sq, d);
      out[i] = f + s.intercept;
    }
    return out;
  }

  /** Class labels for each row. */
  predict(X: SvmMatrix): SvmLabel[] {
    const s = this.fitted();
    return this.decisionFunction(X).map((f) => (f >= 0 ? s.classes[1] : s.classes[0]));
  }

  /** Mean accuracy on (X, y). */
  score(X: SvmMatrix, y: ArrayLike<SvmLabel>): number {
    const p = this.predict(X);
    if (y == null || y.length !== p.length) throw new ShapeError(`X has ${p.length} rows but y has ${y?.length} labels`);
    let ok = 0;
    for (let i = 0; i < p.length; i++) if (p[i] === y[i]) ok++;
    return ok / p.length;
  }

  /** The two classes, sorted (scikit-learn's `classes_`). */
  get classes(): [SvmLabel, SvmLabel] {
    return this.fitted().classes;
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
  /** y_i α_i for each support vector (scikit-learn's `dual_coef_[0]`). */
  get dualCoef(): number[] {
    return [...this.fitted().dualCoef];
  }
  /** b in f(x) = Σ dualCoef_i k(x_i, x) + b (scikit-learn's `intercept_[0]`). */
  get intercept(): number {
    return this.fitted().intercept;
  }
  /** Support vectors per class, [classes[0], classes[1]]. */
  get nSupport(): [number, number] {
    return [...this.fitted().nSupport];
  }
  /** w = Σ dualCoef_i x_i (linear kernel only; scikit-learn's `coef_[0]`). */
  get coef(): number[] {
    const s = this.fitted();
    if (!s.w) throw new ArgumentError(`coef is only defined for kernel 'linear' (this SVC uses ${typeof s.kernel.kernel === 'string' ? `'${s.kernel.kernel}'` : 'a custom kernel'})`);
    return [...s.w];
  }
  /** The Lagrange multipliers α_i ≥ 0 of every training point (0 off the support). */
  get alpha(): number[] {
    return Array.from(this.fitted().alpha);
  }
  /** Whether each training point's margin constraint is active (α_i > 0: a support vector). */
  get activeConstraints(): boolean[] {
    return Array.from(this.fitted().alpha, (a) => a > 0);
  }
  /** 1/‖w‖ with ‖w‖² = Σ_ij dualCoef_i dualCoef_j k(x_i, x_j) (w in feature space for kernels). */
  get margin(): number {
    const s = this.fitted();
    if (s.w) return 1 / Math.hypot(...s.w);
    const m = s.support.length;
    let w2 = 0;
    for (let a = 0; a < m; a++) {
      for (let b = 0; b < m; b++) w2 += s.dualCoef[a]! * s.dualCoef[b]! * kernelValue(s.kernel, s.sv, a, s.svSq, s.sv, b, s.svSq, s.d);
    }
    return 1 / Math.sqrt(w2);
  }
  /** The γ the kernel used ('scale'/'auto' resolved). */
  get gammaValue(): number {
    return this.fitted().kernel.gamma;
  }
  /** SMO iterations (0 for the hard-margin solver). */
  get nIter(): number {
    return this.fitted().nIter;
  }
  /** False when maxIter stopped SMO early. */
  get converged(): boolean {
    return this.fitted().converged;
  }
  /** Dual objective ½αᵀQα − Σα at the solution. */
  get dualObjective(): number {
    return this.fitted().objective;
  }
}

/**
 * A model used before `fit`.
 *
 * @example
 * try { new SVC().predict([[0, 0]]); } catch (e) { e instanceof NotFittedError } // true
 */
export class NotFittedError extends NablaError {
  override readonly code = 'NOT_FITTED';
}
