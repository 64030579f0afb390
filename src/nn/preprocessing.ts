/**
 * Feature scaling with scikit-learn 1.2's definitions (`sklearn.preprocessing`):
 *   StandardScaler: z = (x − mean) / scale, scale = √var (population variance, ddof 0), and
 *     scale 1 for features whose variance is within rounding of 0 (`_is_constant_feature`);
 *   MinMaxScaler:   z = x·scale + min, scale = (hi − lo)/(max − min) (range < 10ε → 1),
 *     min = lo − data_min·scale, optional clipping into [lo, hi].
 */
import { ArgumentError, ShapeError, checkOptions } from '../core/errors.js';
import { toMatrix, type MatrixLike } from './data.js';
import type { Tensor } from '../autodiff/index.js';

const EPS = 2 ** -52;

function rowsOf(t: Tensor): number[][] {
  const [n, d] = t.shape as [number, number];
  return Array.from({ length: n }, (_, i) => Array.from(t.data.subarray(i * d, (i + 1) * d)));
}

/** Shared by both scalers: the fitted width and the element-wise map. */
abstract class Scaler {
  /** The class name for messages (constructor.name does not survive minifying). */
  protected abstract readonly kind: string;
  protected fitted: number | null = null;
  protected abstract fitMatrix(X: Tensor): void;
  protected abstract forward(v: number, j: number): number;
  protected abstract backward(v: number, j: number): number;

  /** Learn the per-feature statistics of X (rows = samples). */
  fit(X: MatrixLike): this {
    const t = toMatrix(`${this.kind}.fit`, X);
    this.fitMatrix(t);
    this.fitted = t.shape[1]!;
    return this;
  }

  private map(op: string, X: MatrixLike, f: (v: number, j: number) => number): number[][] {
    if (this.fitted === null) throw new ArgumentError(`${this.kind}.${op}: call fit first`);
    const t = toMatrix(`${this.kind}.${op}`, X);
    if (t.shape[1] !== this.fitted) throw new ShapeError(`${this.kind}.${op}: X has ${t.shape[1]} features, the scaler was fitted on ${this.fitted}`);
    return rowsOf(t).map((r) => r.map(f));
  }

  /** Scale X with the fitted statistics. */
  transform(X: MatrixLike): number[][] {
    return this.map('transform', X, (v, j) => this.forward(v, j));
  }

  /** Undo {@link transform}. */
  inverseTransform(X: MatrixLike): number[][] {
    return this.map('inverseTransform', X, (v, j) => this.backward(v, j));
  }

  /** fit(X) then transform(X). */
  fitTransform(X: MatrixLike): number[][] {
    return this.fit(X).transform(X);
  }
}

/**
 * Standardize features to mean 0 and variance 1 (`sklearn.preprocessing.StandardScaler`).
 *
 * @example
 * new StandardScaler().fitTransform([[0], [2]]) // → [[-1], [1]]
 */
export class StandardScaler extends Scaler {
  protected readonly kind = 'StandardScaler';
  /** Per-feature mean (zeros with withMean false). */
  mean: number[] = [];
  /** Per-feature population variance. */
  var: number[] = [];
  /** Per-feature divisor (ones with withStd false). */
  scale: number[] = [];
  private readonly withMean: boolean;
  private readonly withStd: boolean;

  constructor(options: { withMean?: boolean; withStd?: boolean } = {}) {
    super();
    checkOptions('StandardScaler', options, ['withMean', 'withStd']);
    this.withMean = options.withMean ?? true;
    this.withStd = options.withStd ?? true;
  }

  protected fitMatrix(X: Tensor): void {
    const [n, d] = X.shape as [number, number];
    const x = X.data;
    const mean = new Array<number>(d).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j]! += x[i * d + j]!;
    for (let j = 0; j < d; j++) mean[j] = mean[j]! / n;
    // Corrected two-pass variance: Σ(x − m)² − (Σ(x − m))²/n, over n.
    const sq = new Array<number>(d).fill(0);
    const corr = new Array<number>(d).fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) {
        const t = x[i * d + j]! - mean[j]!;
        corr[j]! += t;
        sq[j]! += t * t;
      }
    }
    this.var = sq.map((s, j) => (s - corr[j]! ** 2 / n) / n);
    this.mean = this.withMean ? mean : mean.map(() => 0);
    this.scale = this.var.map((v, j) => {
      if (!this.withStd) return 1;
      const constant = v <= n * EPS * v + (n * mean[j]! * EPS) ** 2;
      return constant ? 1 : Math.sqrt(v);
    });
  }

  protected forward(v: number, j: number): number {
    return (v - this.mean[j]!) / this.scale[j]!;
  }

  protected backward(v: number, j: number): number {
    return v * this.scale[j]! + this.mean[j]!;
  }
}

/**
 * Scale each feature into `featureRange` (default [0, 1]) by its minimum and maximum
 * (`sklearn.preprocessing.MinMaxScaler`).
 *
 * @example
 * new MinMaxScaler().fitTransform([[1], [3], [2]]) // → [[0], [1], [0.5]]
 */
export class MinMaxScaler extends Scaler {
  protected readonly kind = 'MinMaxScaler';
  dataMin: number[] = [];
  dataMax: number[] = [];
  /** Per-feature factor. */
  scale: number[] = [];
  /** Per-feature offset added after the factor. */
  min: number[] = [];
  private readonly lo: number;
  private readonly hi: number;
  private readonly clip: boolean;

  constructor(options: { featureRange?: readonly [number, number]; clip?: boolean } = {}) {
    super();
    checkOptions('MinMaxScaler', options, ['featureRange', 'clip']);
    const [lo, hi] = options.featureRange ?? [0, 1];
    if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) throw new ArgumentError(`MinMaxScaler: featureRange must be [lo, hi] with lo < hi, got [${lo}, ${hi}]`);
    this.lo = lo;
    this.hi = hi;
    this.clip = options.clip ?? false;
  }

  protected fitMatrix(X: Tensor): void {
    const [n, d] = X.shape as [number, number];
    this.dataMin = new Array<number>(d).fill(Infinity);
    this.dataMax = new Array<number>(d).fill(-Infinity);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) {
        const v = X.data[i * d + j]!;
        if (v < this.dataMin[j]!) this.dataMin[j] = v;
        if (v > this.dataMax[j]!) this.dataMax[j] = v;
      }
    }
    this.scale = this.dataMin.map((lo, j) => {
      const range = this.dataMax[j]! - lo;
      return (this.hi - this.lo) / (range < 10 * EPS ? 1 : range);
    });
    this.min = this.dataMin.map((lo, j) => this.lo - lo * this.scale[j]!);
  }

  protected forward(v: number, j: number): number {
    const z = v * this.scale[j]! + this.min[j]!;
    return this.clip ? Math.min(Math.max(z, this.lo), this.hi) : z;
  }

  protected backward(v: number, j: number): number {
    return (v - this.min[j]!) / this.scale[j]!;
  }
}
