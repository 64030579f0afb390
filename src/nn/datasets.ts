/**
 * Toy datasets with scikit-learn's algorithms, drawing from NumPy's legacy `RandomState`, so the
 * same seed gives the same points as `sklearn.datasets.make_*` (checked against the reference).
 *
 * Seeds: `seed: 0` is `random_state=0`, and it is also what `np.random.seed(0)` followed by
 * `random_state=None` gives (the global RandomState is then a fresh RandomState(0)). Pass a
 * `RandomState` instead of a number to continue an existing stream.
 */
import { ArgumentError } from '../core/errors.js';
import { cosExact, RandomState, sinExact } from '../core/random.js';

/** A labelled dataset: `X` as rows (n × features) and integer labels `y`. */
export interface Dataset {
  X: number[][];
  y: number[];
}

/** A seed, or a stream to continue. */
export type SeedLike = number | RandomState;

function toRandomState(seed: SeedLike | undefined): RandomState {
  if (seed instanceof RandomState) return seed;
  return new RandomState(seed ?? 0);
}

function checkCount(name: string, n: number, min = 1): void {
  if (!Number.isInteger(n) || n < min) throw new ArgumentError(`${name}: nSamples must be an integer >= ${min}, got ${n}`);
}

/** NumPy's linspace: `start + i·step` with step = (stop−start)/div; with endpoint the last is `stop`. */
function linspace(start: number, stop: number, num: number, endpoint: boolean): number[] {
  const div = endpoint ? num - 1 : num;
  const step = (stop - start) / div;
  const out: number[] = [];
  for (let i = 0; i < num; i++) out.push(i * step + start);
  if (endpoint && num > 1) out[num - 1] = stop;
  return out;
}

/** `sklearn.utils.shuffle(X, y)`: indices = arange(n), RandomState.shuffle(indices), then take. */
function shuffleRows(data: Dataset, rs: RandomState): Dataset {
  const idx = rs.permutation(data.y.length);
  return { X: idx.map((i) => data.X[i]!), y: idx.map((i) => data.y[i]!) };
}

/** `X += rs.normal(scale=noise, size=X.shape)`, drawn in C (row-major) order. */
function addNoise(X: number[][], noise: number, rs: RandomState): void {
  for (const row of X) for (let j = 0; j < row.length; j++) row[j] = row[j]! + (0 + noise * rs.standardNormal());
}

/** Options of {@link makeCircles}. */
export interface CirclesOptions {
  /** Total points, split outer = ⌊n/2⌋, inner = n − ⌊n/2⌋. Default 100. */
  nSamples?: number;
  /** Inner radius / outer radius, in (0, 1). Default 0.8. */
  factor?: number;
  /** Standard deviation of Gaussian noise added to each coordinate; default none. */
  noise?: number | null;
  /** Seed or stream. Default 0. */
  seed?: SeedLike;
  /** Shuffle the rows (scikit-learn's default). Default true. */
  shuffle?: boolean;
}

/**
 * Two concentric circles, as `sklearn.datasets.make_circles` (outer label 0, inner label 1).
 *
 * @example
 * const { X, y } = makeCircles({ nSamples: 1000, factor: 0.5, noise: 0.1, seed: 0 });
 * X[0] // [0.5414954906553926, 0.011964244574963104], as scikit-learn after np.random.seed(0)
 */
export function makeCircles(options: CirclesOptions = {}): Dataset {
  const { nSamples = 100, factor = 0.8, noise = null, shuffle = true } = options;
  checkCount('makeCircles', nSamples);
  if (!(factor >= 0 && factor < 1)) throw new ArgumentError(`makeCircles: factor must be in [0, 1), got ${factor}`);
  const rs = toRandomState(options.seed);
  const nOut = Math.floor(nSamples / 2);
  const nIn = nSamples - nOut;
  const tOut = linspace(0, 2 * Math.PI, nOut, false);
  const tIn = linspace(0, 2 * Math.PI, nIn, false);
  const X: number[][] = [];
  const y: number[] = [];
  for (const t of tOut) {
    X.push([cosExact(t), sinExact(t)]);
    y.push(0);
  }
  for (const t of tIn) {
    X.push([cosExact(t) * factor, sinExact(t) * factor]);
    y.push(1);
  }
  let data: Dataset = { X, y };
  if (shuffle) data = shuffleRows(data, rs);
  if (noise !== null && noise !== undefined) addNoise(data.X, noise, rs);
  return data;
}

/** Options of {@link makeMoons}. */
export interface MoonsOptions {
  /** Total points, upper moon ⌊n/2⌋, lower moon the rest. Default 100. */
  nSamples?: number;
  /** Gaussian noise standard deviation; default none. */
  noise?: number | null;
  /** Seed or stream. Default 0. */
  seed?: SeedLike;
  /** Default true. */
  shuffle?: boolean;
}

/**
 * Two interleaving half circles, as `sklearn.datasets.make_moons`.
 *
 * @example
 * const { X, y } = makeMoons({ nSamples: 200, noise: 0.2, seed: 3 });
 * X.length // 200
 */
export function makeMoons(options: MoonsOptions = {}): Dataset {
  const { nSamples = 100, noise = null, shuffle = true } = options;
  checkCount('makeMoons', nSamples, 2);
  const rs = toRandomState(options.seed);
  const nOut = Math.floor(nSamples / 2);
  const nIn = nSamples - nOut;
  const tOut = linspace(0, Math.PI, nOut, true);
  const tIn = linspace(0, Math.PI, nIn, true);
  const X: number[][] = [];
  const y: number[] = [];
  for (const t of tOut) {
    X.push([cosExact(t), sinExact(t)]);
    y.push(0);
  }
  // Lower moon: (1 − cos t, 1 − sin t − 0.5), evaluated left to right as NumPy does.
  for (const t of tIn) {
    X.push([1 - cosExact(t), 1 - sinExact(t) - 0.5]);
    y.push(1);
  }
  let data: Dataset = { X, y };
  if (shuffle) data = shuffleRows(data, rs);
  if (noise !== null && noise !== undefined) addNoise(data.X, noise, rs);
  return data;
}

/** Options of {@link makeBlobs}. */
export interface BlobsOptions {
  /** Total points, split evenly (the first n mod k centers get one more). Default 100. */
  nSamples?: number;
  /** Number of centers drawn uniformly in `centerBox`, or the centers themselves. Default 3. */
  centers?: number | number[][];
  /** Features per point when `centers` is a count. Default 2. */
  nFeatures?: number;
  /** Standard deviation of each cluster (one for all, or one per center). Default 1. */
  clusterStd?: number | number[];
  /** Box the random centers are drawn from. Default [-10, 10]. */
  centerBox?: [number, number];
  /** Seed or stream. Default 0. */
  seed?: SeedLike;
  /** Default true. */
  shuffle?: boolean;
}

/**
 * Isotropic Gaussian blobs, as `sklearn.datasets.make_blobs`.
 *
 * @example
 * const { X, y } = makeBlobs({ nSamples: 150, centers: 3, seed: 5 });
 * new Set(y).size // 3
 */
export function makeBlobs(options: BlobsOptions = {}): Dataset & { centers: number[][] } {
  const { nSamples = 100, nFeatures = 2, clusterStd = 1, centerBox = [-10, 10], shuffle = true } = options;
  checkCount('makeBlobs', nSamples);
  const rs = toRandomState(options.seed);
  let centers: number[][];
  const c = options.centers ?? 3;
  if (typeof c === 'number') {
    if (!Number.isInteger(c) || c < 1) throw new ArgumentError(`makeBlobs: centers must be a positive integer, got ${c}`);
    const flat = rs.uniform(centerBox[0], centerBox[1], c * nFeatures);
    centers = Array.from({ length: c }, (_, i) => Array.from(flat.subarray(i * nFeatures, (i + 1) * nFeatures)));
  } else {
    centers = c.map((r) => [...r]);
    if (centers.length === 0) throw new ArgumentError('makeBlobs: centers is empty');
  }
  const k = centers.length;
  const stds = typeof clusterStd === 'number' ? new Array<number>(k).fill(clusterStd) : clusterStd;
  if (stds.length !== k) throw new ArgumentError(`makeBlobs: clusterStd has ${stds.length} entries for ${k} centers`);
  const per = new Array<number>(k).fill(Math.floor(nSamples / k));
  for (let i = 0; i < nSamples % k; i++) per[i]! += 1;
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < k; i++) {
    const center = centers[i]!;
    for (let r = 0; r < per[i]!; r++) {
      // normal(loc=centers[i], scale=std, size=(n, features)): loc + scale·z in C order.
      X.push(center.map((mu) => mu + stds[i]! * rs.standardNormal()));
      y.push(i);
    }
  }
  let data: Dataset = { X, y };
  if (shuffle) data = shuffleRows(data, rs);
  return { ...data, centers };
}
