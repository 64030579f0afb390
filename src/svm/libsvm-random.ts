/**
 * The random numbers scikit-learn's libsvm and liblinear draw, reproduced so that probability
 * folds and coordinate-descent orders are the same as theirs for the same `random_state`:
 *
 * - scikit-learn turns `random_state` into a solver seed with NumPy's legacy
 *   `RandomState(random_state).randint(2**31 - 1)` ({@link sklearnSeed});
 * - the solvers seed an MT19937 with it (`init_genrand`) and draw bounded integers with Lemire's
 *   multiply-and-reject method ({@link LibsvmRandom.boundedInt}).
 */
import { ArgumentError } from '../core/errors.js';
import { RandomState } from '../core/random.js';

/**
 * The seed scikit-learn hands libsvm/liblinear for `random_state = seed`.
 *
 * @example
 * sklearnSeed(0) // → 209652396 (as np.random.RandomState(0).randint(np.iinfo('i').max))
 */
export function sklearnSeed(randomState: number): number {
  if (!Number.isInteger(randomState) || randomState < 0 || randomState > 0xffffffff) {
    throw new ArgumentError(`randomState must be an integer in [0, 2**32 - 1], got ${String(randomState)}`);
  }
  return new RandomState(randomState).randint(0, 2147483647)[0]!;
}

/**
 * MT19937 with libsvm's bounded integers. `reseed()` restarts the stream, as libsvm does at the
 * start of every training call (including each cross-validation fold).
 *
 * @example
 * const r = new LibsvmRandom(5489);
 * const k = r.boundedInt(10);
 * Number.isInteger(k) && k >= 0 && k < 10 // → true
 */
export class LibsvmRandom {
  private readonly mt: RandomState;
  constructor(private readonly seed: number) {
    this.mt = new RandomState(seed >>> 0);
  }

  /** Start the stream again from the seed. */
  reseed(): void {
    this.mt.seed(this.seed >>> 0);
  }

  /**
   * An integer in [0, range): the high 32 bits of x·range for a 32-bit draw x, redrawing while
   * the low 32 bits fall below 2³² mod range (so every value is equally likely).
   */
  boundedInt(range: number): number {
    let x = this.mt.nextUint32();
    let hi = mulHigh(x, range);
    let lo = Math.imul(x, range) >>> 0;
    if (lo < range) {
      const t = (0x100000000 - range) % range; // 2³² mod range, i.e. (−range) mod range in uint32
      while (lo < t) {
        x = this.mt.nextUint32();
        hi = mulHigh(x, range);
        lo = Math.imul(x, range) >>> 0;
      }
    }
    return hi;
  }
}

/** ⌊x·r / 2³²⌋ for 32-bit unsigned x and r, exactly (16-bit halves keep every product below 2⁵³). */
function mulHigh(x: number, r: number): number {
  const xh = x >>> 16;
  const xl = x & 0xffff;
  const rh = r >>> 16;
  const rl = r & 0xffff;
  const ll = xl * rl;
  const mid = xh * rl + xl * rh + (ll >>> 16); // < 2⁴⁹
  return xh * rh + Math.floor(mid / 65536);
}
