/**
 * Toy datasets with scikit-learn's algorithms, drawing from NumPy's legacy `RandomState`, so the
 * same seed gives the same points as `sklearn.datasets.make_*` (checked against the reference).
 *
 * Seeds: `seed: 0` is `random_state=0`, and it is also what `np.random.seed(0)` followed by
 * `random_state=None` gives (the global RandomState is then a fresh RandomState(0)). Pass a
 * `RandomState` instead of a number to continue an existing stream.
 */
import { ArgumentError, LimitError, ShapeError, describeValue } from '../core/errors.js';
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

/** Most points a generator makes: far beyond it V8 aborts the process when the arrays grow. */
const MAX_DATASET_SAMPLES = 10_000_000;

function checkCount(name: string, n: number, min = 1): void {
  if (!Number.isInteger(n) || n < min) throw new ArgumentError(`${name}: nSamples must be an integer >= ${min}, got ${describeValue(n)}`);
  if (n > MAX_DATASET_SAMPLES) throw new LimitError(`${name}: nSamples ${n} is above the limit of ${MAX_DATASET_SAMPLES}`);
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

/** NumPy refuses a negative scale; NaN would silently poison every point. */
function checkNoise(name: string, noise: number | null | undefined): void {
  if (noise !== null && noise !== undefined && !(Number.isFinite(noise) && noise >= 0)) {
    throw new ArgumentError(`${name}: noise must be a finite number >= 0 (or null for none), got ${describeValue(noise)}`);
  }
}

/**
 * Label-0 points then label-1 points, then scikit-learn's order of randomness: shuffle the rows
 * first, add the noise after (so the same seed gives the same points).
 */
function twoClasses(first: number[][], second: number[][], shuffle: boolean, noise: number | null | undefined, rs: RandomState): Dataset {
  let data: Dataset = { X: [...first, ...second], y: [...first.map(() => 0), ...second.map(() => 1)] };
  if (shuffle) data = shuffleRows(data, rs);
  if (noise !== null && noise !== undefined) addNoise(data.X, noise, rs);
  return data;
}

/** `X += rs.normal(scale=noise, size=X.shape)`, drawn in C (row-major) order. */
function addNoise(X: number[][], noise: number, rs: RandomState): void {
  for (const row of X) for (let j = 0; j < row.length; j++) row[j] = row[j]! + (0 + noise * rs.standardNormal());
}

/** Options of {@link makeCircles}. */
export interface CirclesOptions {
  /** Total points, split outer = ⌊n/2⌋, inner = n − ⌊n/2⌋ (at most 10⁷, for every generator). Default 100. */
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
 * X[0] // → [0.5414954906553926, 0.011964244574963104] (as scikit-learn after np.random.seed(0))
 */
export function makeCircles(options: CirclesOptions = {}): Dataset {
  const { nSamples = 100, factor = 0.8, noise = null, shuffle = true } = options;
  checkCount('makeCircles', nSamples);
  checkNoise('makeCircles', noise);
  if (!(factor >= 0 && factor < 1)) throw new ArgumentError(`makeCircles: factor must be in [0, 1), got ${describeValue(factor)}`);
  const rs = toRandomState(options.seed);
  const nOut = Math.floor(nSamples / 2);
  const nIn = nSamples - nOut;
  const outer = linspace(0, 2 * Math.PI, nOut, false).map((t) => [cosExact(t), sinExact(t)]);
  const inner = linspace(0, 2 * Math.PI, nIn, false).map((t) => [cosExact(t) * factor, sinExact(t) * factor]);
  return twoClasses(outer, inner, shuffle, noise, rs);
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
 * X.length // → 200
 */
export function makeMoons(options: MoonsOptions = {}): Dataset {
  const { nSamples = 100, noise = null, shuffle = true } = options;
  checkCount('makeMoons', nSamples, 2);
  checkNoise('makeMoons', noise);
  const rs = toRandomState(options.seed);
  const nOut = Math.floor(nSamples / 2);
  const nIn = nSamples - nOut;
  const upper = linspace(0, Math.PI, nOut, true).map((t) => [cosExact(t), sinExact(t)]);
  // Lower moon: (1 − cos t, 1 − sin t − 0.5), evaluated left to right as NumPy does.
  const lower = linspace(0, Math.PI, nIn, true).map((t) => [1 - cosExact(t), 1 - sinExact(t) - 0.5]);
  return twoClasses(upper, lower, shuffle, noise, rs);
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
 * new Set(y).size // → 3
 */
export function makeBlobs(options: BlobsOptions = {}): Dataset & { centers: number[][] } {
  const { nSamples = 100, nFeatures = 2, clusterStd = 1, centerBox = [-10, 10], shuffle = true } = options;
  checkCount('makeBlobs', nSamples);
  if (!Number.isInteger(nFeatures) || nFeatures < 1) throw new ArgumentError(`makeBlobs: nFeatures must be a positive integer, got ${describeValue(nFeatures)}`);
  if (!(Number.isFinite(centerBox[0]) && Number.isFinite(centerBox[1]))) throw new ArgumentError(`makeBlobs: centerBox must be two finite numbers, got [${centerBox.join(', ')}]`);
  const rs = toRandomState(options.seed);
  let centers: number[][];
  const c = options.centers ?? 3;
  if (typeof c === 'number') {
    if (!Number.isInteger(c) || c < 1) throw new ArgumentError(`makeBlobs: centers must be a positive integer, got ${describeValue(c)}`);
    const flat = rs.uniform(centerBox[0], centerBox[1], c * nFeatures);
    centers = Array.from({ length: c }, (_, i) => Array.from(flat.subarray(i * nFeatures, (i + 1) * nFeatures)));
  } else {
    centers = c.map((r) => [...r]);
    if (centers.length === 0) throw new ArgumentError('makeBlobs: centers is empty');
    const d = centers[0]!.length;
    centers.forEach((r, i) => {
      if (r.length !== d || d === 0) throw new ShapeError(`makeBlobs: every center needs the same number (≥ 1) of coordinates; center 0 has ${d}, center ${i} has ${r.length}`);
      if (!r.every(Number.isFinite)) throw new ArgumentError(`makeBlobs: center ${i} = [${r.join(', ')}] has a non-finite coordinate`);
    });
  }
  const k = centers.length;
  const stds = typeof clusterStd === 'number' ? new Array<number>(k).fill(clusterStd) : clusterStd;
  if (stds.length !== k) throw new ArgumentError(`makeBlobs: clusterStd has ${stds.length} entries for ${k} centers`);
  if (!stds.every((v) => Number.isFinite(v) && v >= 0)) throw new ArgumentError(`makeBlobs: clusterStd must be finite and >= 0, got ${JSON.stringify(clusterStd)}`);
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
