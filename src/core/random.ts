/**
 * Seeded randomness: a port of NumPy's legacy `RandomState` (MT19937), so that lessons and
 * datasets reproduce the course's Python numbers bit for bit.
 *
 * What is reproduced exactly (NumPy ≥ 1.17 legacy paths, unchanged through 2.x):
 * - seeding with an integer: MT19937 `init_genrand` (`mt[i] = 1812433253·(mt[i-1] ⊕ mt[i-1]>>30) + i`);
 * - doubles: `((a>>>5)·2²⁶ + (b>>>6)) / 2⁵³` from two 32-bit outputs;
 * - Gaussians: Marsaglia's polar method, the second value cached for the next call;
 * - bounded integers (`randint`, `shuffle`): masked rejection sampling ("random_interval");
 * - `shuffle`: Fisher–Yates walking from the end, `j = interval(i)` for i = n-1 … 1.
 */
import { ArgumentError, describeValue } from './errors.js';
import { logExact } from './exact-math.js';

// Correctly rounded log, sin and cos (glibc's results, which NumPy's Gaussians and scikit-learn's
// datasets depend on) live in exact-math.ts; re-exported here, where callers have always found them.
export { cosExact, logExact, sinExact } from './exact-math.js';

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

/** Smallest all-ones mask ≥ max (2^k − 1), used by masked rejection sampling. */
function maskFor(max: number): number {
  let mask = max;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  return mask >>> 0;
}

/**
 * NumPy's legacy `RandomState` on MT19937. Same seed, same stream as `np.random.seed(seed)`.
 *
 * @example
 * const rs = new RandomState(42);
 * rs.randn() // → 0.4967141530112327 (as np.random.seed(42); np.random.randn())
 */
export class RandomState {
  private readonly mt = new Uint32Array(N);
  private pos = N;
  private hasGauss = false;
  private gauss = 0;

  /** `seed`: an integer in [0, 2³²); default 0 (NumPy would draw one from the OS — nabla is always seeded). */
  constructor(seed = 0) {
    this.seed(seed);
  }

  /**
   * Re-seed like `np.random.seed(seed)` (MT19937 init_genrand); resets the cached Gaussian.
   * @example
   * const rs = new RandomState(1);
 * rs.seed(0);
 * rs.randomSample() // → 0.5488135039273248
   */
  seed(seed: number): void {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new ArgumentError(`seed must be an integer between 0 and 2**32 - 1, got ${describeValue(seed)}`);
    }
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      // 1812433253 · prev + i (mod 2³²); Math.imul keeps the product exact mod 2³².
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.pos = N;
    this.hasGauss = false;
    this.gauss = 0;
  }

  private twist(): void {
    const mt = this.mt;
    let i = 0;
    for (; i < N - M; i++) {
      const y = (mt[i]! & UPPER) | (mt[i + 1]! & LOWER);
      mt[i] = mt[i + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; i < N - 1; i++) {
      const y = (mt[i]! & UPPER) | (mt[i + 1]! & LOWER);
      mt[i] = mt[i + (M - N)]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    const y = (mt[N - 1]! & UPPER) | (mt[0]! & LOWER);
    mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.pos = 0;
  }

  /**
   * The next raw 32-bit output (tempered), as an unsigned integer.
   * @example
   * new RandomState(5489).nextUint32() // → 3499211612 (MT19937's reference first output)
   */
  nextUint32(): number {
    if (this.pos >= N) this.twist();
    let y = this.mt[this.pos++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /**
   * A uniform double in [0, 1) with 53 random bits: `((a>>>5)·2²⁶ + (b>>>6)) / 2⁵³`.
   * @example
   * new RandomState(0).randomSample() // → 0.5488135039273248
   */
  randomSample(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /**
   * `count` uniform doubles in [0, 1) (`np.random.random_sample(count)`).
   * @example
   * new RandomState(0).randomSamples(2) // → Float64Array [0.5488135039273248, 0.7151893663724195]
   */
  randomSamples(count: number): Float64Array {
    const out = new Float64Array(count);
    for (let i = 0; i < count; i++) out[i] = this.randomSample();
    return out;
  }

  /**
   * One standard normal by the polar method; the second value of each pair is cached
   * (`np.random.standard_normal()`).
   * @example
   * new RandomState(42).standardNormal() // → 0.4967141530112327
   */
  standardNormal(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      return this.gauss;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.randomSample() - 1;
      x2 = 2 * this.randomSample() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    // Box–Muller in polar form: f = √(−2 ln r² / r²); (f·x1, f·x2) are independent N(0,1).
    const f = Math.sqrt((-2 * logExact(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /**
   * `count` standard normals in C order (`np.random.randn(d0, d1, …)` with count = d0·d1·…).
   * @example
   * new RandomState(42).randn(2) // → Float64Array [0.4967141530112327, -0.13826430117118466]
   */
  randn(count: number): Float64Array;
  randn(): number;
  randn(count?: number): Float64Array | number {
    if (count === undefined) return this.standardNormal();
    const out = new Float64Array(count);
    for (let i = 0; i < count; i++) out[i] = this.standardNormal();
    return out;
  }

  /**
   * Normal draws `loc + scale·z` (`np.random.normal(loc, scale, size)`); `loc` may be an array
   * that repeats along the last axis, as NumPy broadcasts `loc=centers[i]` over (n, features).
   * @example
   * new RandomState(42).normal(10, 2, 1)[0] // → 10.993428306022466 (10 + 2·0.4967141530112327)
   */
  normal(loc: number | ArrayLike<number>, scale: number, count: number): Float64Array {
    if (scale < 0) throw new ArgumentError(`normal: scale must be >= 0, got ${describeValue(scale)}`);
    const out = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const mu = typeof loc === 'number' ? loc : loc[i % loc.length]!;
      out[i] = mu + scale * this.standardNormal();
    }
    return out;
  }

  /**
   * Uniform draws in [low, high): `low + (high − low)·u` (`np.random.uniform(low, high, size)`).
   * @example
   * new RandomState(0).uniform(-10, 10, 1)[0] // → 0.9762700785464951 (−10 + 20·0.5488135039273248)
   */
  uniform(low: number, high: number, count: number): Float64Array {
    const range = high - low;
    const out = new Float64Array(count);
    for (let i = 0; i < count; i++) out[i] = low + range * this.randomSample();
    return out;
  }

  /**
   * A uniform integer in [0, max] by masked rejection: draw `next & mask` until ≤ max
   * (NumPy's legacy `random_interval`). Exact for max < 2³²; larger ranges up to 2⁵³ use two words.
   * @example
   * new RandomState(0).interval(9) // → 5 (as np.random.seed(0); np.random.randint(10))
   */
  interval(max: number): number {
    if (!Number.isInteger(max) || max < 0 || max > Number.MAX_SAFE_INTEGER) {
      throw new ArgumentError(`interval: max must be a non-negative safe integer, got ${describeValue(max)}`);
    }
    if (max === 0) return 0;
    if (max <= 0xffffffff) {
      const mask = maskFor(max);
      let v: number;
      do v = (this.nextUint32() & mask) >>> 0;
      while (v > max);
      return v;
    }
    // 64-bit path: next_uint64 = hi·2³² + lo (hi drawn first), masked to the bit length of max.
    const hiMax = Math.floor(max / 4294967296);
    const hiMask = maskFor(hiMax);
    for (;;) {
      const hi = (this.nextUint32() & hiMask) >>> 0;
      const lo = this.nextUint32();
      const v = hi * 4294967296 + lo;
      if (v <= max) return v;
    }
  }

  /**
   * Integers uniform in [low, high) (`np.random.randint(low, high, size)`; one argument means [0, low)).
   * @example
   * new RandomState(0).randint(0, 10, 3) // → Float64Array [5, 0, 3] (integer values, as NumPy)
   */
  randint(low: number, high?: number, count = 1): Float64Array {
    let lo = low;
    let hi = high;
    if (hi === undefined) {
      hi = lo;
      lo = 0;
    }
    if (!(hi > lo)) throw new ArgumentError(`randint: low >= high (${lo} >= ${hi})`);
    const rng = hi - 1 - lo;
    const out = new Float64Array(count);
    for (let i = 0; i < count; i++) out[i] = lo + this.interval(rng);
    return out;
  }

  /**
   * Shuffle in place like `np.random.shuffle`: for i = n−1 down to 1, swap x[i] with x[interval(i)].
   * @example
   * const a = [0, 1, 2, 3];
 * new RandomState(0).shuffle(a);
 * a // → [2, 3, 1, 0] (NumPy's order for seed 0)
   */
  shuffle<T>(x: { length: number; [i: number]: T }): void {
    for (let i = x.length - 1; i > 0; i--) {
      const j = this.interval(i);
      const t = x[i]!;
      x[i] = x[j]!;
      x[j] = t;
    }
  }

  /**
   * A shuffled `0..n-1` (`np.random.permutation(n)`).
   * @example
   * new RandomState(0).permutation(4) // → [2, 3, 1, 0] (NumPy's np.random.RandomState(0).permutation(4))
   */
  permutation(n: number): number[] {
    const a = Array.from({ length: n }, (_, i) => i);
    this.shuffle(a);
    return a;
  }
}

/**
 * A seeded `RandomState` (the library's one PRNG). Default seed 0.
 *
 * @example
 * randomState(0).randomSample() // → 0.5488135039273248
 */
export function randomState(seed = 0): RandomState {
  return new RandomState(seed);
}
