/**
 * Sequential minimal optimization for the C-SVC dual, the method of libsvm (Chang & Lin; working
 * sets by Fan, Chen & Lin, JMLR 6 (2005) 1889–1918). Written from the papers' algorithm.
 *
 *   min_α  f(α) = ½ αᵀQα − eᵀα,   Q_ij = y_i y_j k(x_i, x_j)
 *   s.t.   yᵀα = 0,  0 ≤ α_i ≤ C_i   (C_i = C, or per sample with class and sample weights)
 *
 * Each step changes two multipliers (the fewest that keep yᵀα = 0) and solves that
 * two-variable problem exactly. With G = ∇f = Qα − e:
 *   I_up  = {t : y_t = +1, α_t < C} ∪ {t : y_t = −1, α_t > 0}
 *   I_low = {t : y_t = +1, α_t > 0} ∪ {t : y_t = −1, α_t < C}
 *   i = argmax_{t ∈ I_up} −y_t G_t                               (maximal violation, 1st order)
 *   j = argmin_{t ∈ I_low, −y_t G_t < −y_i G_i} −b_it² / a_it     (largest decrease, 2nd order)
 *   with a_it = K_ii + K_tt − 2K_it and b_it = −y_i G_i + y_t G_t.
 * Stop when m(α) − M(α) = max_{I_up} −yG − min_{I_low} −yG < tol (the KKT gap).
 *
 * Shrinking: variables stuck at a bound whose gradient says they will stay there are moved to
 * the end (positions ≥ activeSize) and skipped; their gradients are rebuilt from
 * Ḡ_i = Σ_{α_j = C_j} C_j Q_ij before the final check, so the answer is unchanged.
 */
import { ArgumentError, DomainError, ShapeError } from '../core/errors.js';
import { expFast, powi, type KernelParams } from './kernels.js';
import {
  FREE,
  LOWER,
  step,
  swapEntries,
  UPPER,
  addScaled,
  computeRho,
  dualObjective,
  fillRbf2,
  findMaxViolator,
  findSecondOrder,
  updateGradientFindMax,
  violation,
} from './smo-loops.js';
import { KernelCache } from './kernel-cache.js';

/** What the solver needs: data (flat, row-major, n × d), labels ±1 and the box bound C. */
export interface SmoProblem {
  X: Float64Array;
  n: number;
  d: number;
  /** +1 / −1 */
  y: Int8Array;
  C: number;
  /**
   * Per-sample box bounds C_i (libsvm's C·weight[class]·sampleWeight_i); when given, `C` is only
   * used in messages. All must be positive.
   */
  Cs?: Float64Array;
  kernel: KernelParams;
  /** Stopping tolerance on the KKT gap m(α) − M(α). */
  tol: number;
  /** Iteration cap; −1 = none. */
  maxIter: number;
  /** Kernel cache budget in bytes. */
  cacheBytes: number;
  shrinking: boolean;
  /**
   * Called every 1000 iterations and at the end with (done, 100): how far the KKT gap has come
   * from its first value toward `tol`, on a log scale (the gap need not fall monotonically).
   */
  onProgress?: (done: number, total: number) => void;
}

/** The dual solution, in the problem's order. */
export interface SmoResult {
  alpha: Float64Array;
  /** Decision function f(x) = Σ y_i α_i k(x_i, x) − rho. */
  rho: number;
  /** f(α) at the solution. */
  objective: number;
  nIter: number;
  /** False when `maxIter` stopped the solver before the KKT gap fell below `tol`. */
  converged: boolean;
  /** m(α) − M(α) at the end. */
  gap: number;
}

const K_LINEAR = 0;
const K_RBF = 1;
const K_POLY = 2;
const K_SIGMOID = 3;
const K_CUSTOM = 4;

/**
 * Solve the C-SVC dual by SMO with second-order working sets, a float32 LRU kernel cache and
 * shrinking.
 *
 * @example
 * const r = smoSolve({ X: new Float64Array([0, 0, 1, 2, 2, 1]), n: 3, d: 2, y: new Int8Array([-1, 1, 1]),
 *   C: 1e6, kernel: { kernel: 'linear', gamma: 1, degree: 3, coef0: 0 }, tol: 1e-3, maxIter: -1,
 *   cacheBytes: 1 << 20, shrinking: true });
 * r.alpha // → ≈ [0.4444, 0.222, 0.2224] (4/9, 2/9, 2/9 to the tolerance 1e-3)
 */
export function smoSolve(prob: SmoProblem): SmoResult {
  const { n: l, d, C, tol } = prob;
  if (!(Number.isInteger(l) && l >= 1 && Number.isInteger(d) && d >= 1) || prob.X.length !== l * d) {
    throw new ShapeError(`smoSolve: X must hold n·d = ${l}·${d} numbers, got ${prob.X.length}`);
  }
  if (prob.y.length !== l) throw new ShapeError(`smoSolve: y has ${prob.y.length} labels for ${l} rows`);
  for (let i = 0; i < l; i++) if (prob.y[i] !== 1 && prob.y[i] !== -1) throw new ArgumentError(`smoSolve: y[${i}] must be +1 or -1, got ${prob.y[i]}`);
  if (!(C > 0) || !(tol > 0)) throw new ArgumentError(`smoSolve: C and tol must be positive, got C=${C}, tol=${tol}`);
  if (prob.Cs && prob.Cs.length !== l) throw new ShapeError(`smoSolve: Cs has ${prob.Cs.length} bounds for ${l} rows`);
  const Cv = prob.Cs ? Float64Array.from(prob.Cs) : new Float64Array(l).fill(C);
  for (let i = 0; i < l; i++) if (!(Cv[i]! > 0) || !Number.isFinite(Cv[i]!)) throw new ArgumentError(`smoSolve: Cs[${i}] must be a positive finite number, got ${Cv[i]}`);
  const X = Float64Array.from(prob.X);
  const y = Int8Array.from(prob.y);
  const kp = prob.kernel;
  const kind =
    kp.kernel === 'linear' ? K_LINEAR : kp.kernel === 'rbf' ? K_RBF : kp.kernel === 'poly' ? K_POLY : kp.kernel === 'sigmoid' ? K_SIGMOID : K_CUSTOM;
  const customFn = typeof kp.kernel === 'function' ? kp.kernel : null;
  const rows: number[][] = customFn ? Array.from({ length: l }, (_, i) => Array.from(X.subarray(i * d, i * d + d))) : [];
  const gamma = kp.gamma;
  const coef0 = kp.coef0;
  const degree = kp.degree;
  const sq = new Float64Array(l);
  for (let i = 0; i < l; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += X[i * d + k]! * X[i * d + k]!;
    sq[i] = s;
  }

  // For the 2-D rbf column loop and the working-set loops: −γ‖x_k‖² and the labels as doubles
  // (these follow shrinking's swaps like the rest of the per-variable state).
  const nsq = sq.map((v) => -gamma * v);
  const ys = Float64Array.from(y);
  // The status that keeps t out of I_low: LOWER (α = 0) for y = +1, UPPER (α = C) for y = −1.
  const lowOut = y.map((v) => (v === 1 ? LOWER : UPPER));

  /** k(x_i, x_j) in double, libsvm's formulas. */
  const kern = (i: number, j: number): number => {
    if (kind === K_CUSTOM) {
      const v = customFn!(rows[i]!, rows[j]!);
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new ArgumentError(`custom kernel returned ${String(v)} (need a finite number)`);
      return v;
    }
    let dot = 0;
    const a = i * d;
    const b = j * d;
    for (let k = 0; k < d; k++) dot += X[a + k]! * X[b + k]!;
    if (kind === K_RBF) return expFast(-gamma * (sq[i]! + sq[j]! - 2 * dot));
    if (kind === K_LINEAR) return dot;
    if (kind === K_POLY) return powi(gamma * dot + coef0, degree);
    return Math.tanh(gamma * dot + coef0);
  };

  const cache = new KernelCache(l, prob.cacheBytes);
  /** Fill positions [start, len) of column i with Q_ik = y_i y_k k(x_i, x_k) (as float32). */
  const fill = (i: number, col: Float32Array, start: number, len: number): void => {
    const yi = y[i]!;
    if (kind === K_RBF && d === 2) fillRbf2(i, col, start, len, X, ys, nsq, gamma);
    else if (kind === K_RBF) {
      const a = i * d;
      const sqi = sq[i]!;
      for (let k = start; k < len; k++) {
        let dot = 0;
        const b = k * d;
        for (let t = 0; t < d; t++) dot += X[a + t]! * X[b + t]!;
        col[k] = yi * y[k]! * expFast(-gamma * (sqi + sq[k]! - 2 * dot));
      }
    } else {
      for (let k = start; k < len; k++) col[k] = yi * y[k]! * kern(i, k);
    }
  };
  /** Column i of Q, valid on positions [0, len). */
  const getQ = (i: number, len: number): Float32Array => {
    const start = cache.request(i, len);
    const col = cache.column(i);
    if (start < len) fill(i, col, start, len);
    return col;
  };

  const QD = new Float64Array(l);
  for (let i = 0; i < l; i++) QD[i] = kern(i, i);
  // Q is cached in float32: a kernel value beyond its range would surface later as a dual that
  // "overflowed", blamed on C. Name the kernel instead.
  const bad = QD.findIndex((v) => !(Math.abs(v) <= 3.4e38));
  if (bad >= 0) {
    const how = kind === K_POLY ? `(gamma*<x, x'> + coef0)^degree with degree ${degree}, gamma ${gamma}` : kind === K_LINEAR ? "<x, x'>" : 'the kernel';
    throw new DomainError(
      `SVC: the kernel value k(x[${bad}], x[${bad}]) = ${QD[bad]} is too large (${how}); use a smaller degree or gamma, or scale the features (e.g. StandardScaler)`,
    );
  }

  const alpha = new Float64Array(l);
  const status = new Int8Array(l); // all LOWER: α = 0
  const G = new Float64Array(l).fill(-1); // ∇f(0) = −e
  const Gbar = new Float64Array(l); // C Σ_{α_j = C} Q_ij: none yet
  const activeSet = new Int32Array(l);
  for (let i = 0; i < l; i++) activeSet[i] = i;
  let activeSize = l;
  let unshrink = false;

  const updateStatus = (i: number): void => {
    const a = alpha[i]!;
    status[i] = a >= Cv[i]! ? UPPER : a <= 0 ? LOWER : FREE;
  };

  // Per-variable state that moves with its variable when shrinking reorders positions.
  const perVariable = [sq, nsq, ys, lowOut, QD, y, G, status, alpha, activeSet, Gbar, Cv];
  const swapIndex = (i: number, j: number): void => {
    if (i === j) return;
    cache.swap(i, j);
    for (let k = 0; k < d; k++) {
      const t = X[i * d + k]!;
      X[i * d + k] = X[j * d + k]!;
      X[j * d + k] = t;
    }
    if (customFn) {
      const r = rows[i]!;
      rows[i] = rows[j]!;
      rows[j] = r;
    }
    for (const arr of perVariable) swapEntries(arr, i, j);
  };

  /** Rebuild G on inactive positions: G = Ḡ − e + Σ_{free j} α_j Q_ij. */
  const reconstructGradient = (): void => {
    if (activeSize === l) return;
    for (let j = activeSize; j < l; j++) G[j] = Gbar[j]! - 1;
    let nFree = 0;
    for (let j = 0; j < activeSize; j++) if (status[j] === FREE) nFree++;
    if (nFree * l > 2 * activeSize * (l - activeSize)) {
      for (let i = activeSize; i < l; i++) {
        const Qi = getQ(i, activeSize);
        let g = G[i]!; // one term at a time into G_i, as libsvm adds them
        for (let j = 0; j < activeSize; j++) if (status[j] === FREE) g += alpha[j]! * Qi[j]!;
        G[i] = g;
      }
    } else {
      for (let i = 0; i < activeSize; i++) {
        if (status[i] !== FREE) continue;
        const Qi = getQ(i, l);
        const ai = alpha[i]!;
        for (let j = activeSize; j < l; j++) G[j] = G[j]! + ai * Qi[j]!;
      }
    }
  };

  // Working set chosen by selectWorkingSet; gap of the last check.
  let outI = -1;
  let outJ = -1;
  let lastGap = Infinity;
  let nextGmax = -Infinity;
  const scratch = new Float64Array(2);

  /** WSS3. Returns true when optimal (gap < tol) within the active set. */
  // The step's gradient update also finds the next i (see updateGradientFindMax); any other change
  // to G, the statuses or the active set clears this flag so that i is searched afresh.
  let nextI = -1;
  let nextIValid = false;
  const selectWorkingSet = (): boolean => {
    let i: number;
    if (nextIValid) {
      i = nextI;
      scratch[0] = nextGmax;
      nextIValid = false;
    } else i = findMaxViolator(activeSize, y, status, G, scratch);
    const Gmax = scratch[0]!;
    let j = -1;
    let Gmax2 = -Infinity;
    if (i !== -1) {
      j = findSecondOrder(activeSize, i, Gmax, ys, lowOut, status, G, QD, getQ(i, activeSize), scratch);
      Gmax2 = scratch[1]!;
    }
    lastGap = Gmax + Gmax2;
    if (lastGap < tol || j === -1) return true;
    outI = i;
    outJ = j;
    return false;
  };

  /** Would position i stay at its bound? (its gradient points out of the box beyond the gap) */
  const beShrunk = (i: number, Gmax1: number, Gmax2: number): boolean => {
    const s = status[i];
    if (s === UPPER) return y[i] === 1 ? -G[i]! > Gmax1 : -G[i]! > Gmax2;
    if (s === LOWER) return y[i] === 1 ? G[i]! > Gmax2 : G[i]! > Gmax1;
    return false;
  };

  // Ḡ = Σ_{α_j = C_j} C_j Q_j only matters once shrinking has set variables aside, and a short solve (a 10k-point rbf fit
  // takes ~340 iterations, before the first shrink at iteration min(l, 1000) + 1) never shrinks.
  // Before that shrink each pass requests at most 3 columns, so when the cache holds
  // 3·(min(l, 1000) + 1) of them nothing has been evicted, every α_j = C has its full column
  // cached, and Ḡ can be built from its definition at the first shrink without recomputing a
  // kernel value; the steps keep it current from then on. With a smaller cache the build would
  // recompute evicted columns (+57% kernel evaluations at 50k points), so Ḡ is kept current from
  // the start, while each changed column is still cached.
  let gbarReady = prob.shrinking && cache.capacity < 3 * (Math.min(l, 1000) + 1);
  const buildGbar = (): void => {
    gbarReady = true;
    Gbar.fill(0);
    for (let i = 0; i < l; i++) if (status[i] === UPPER) addScaled(Gbar, getQ(i, l), Cv[i]!, l);
  };

  const doShrinking = (): void => {
    if (!gbarReady) buildGbar();
    let Gmax1 = -Infinity; // max_{I_up} −y G
    let Gmax2 = -Infinity; // max_{I_low} y G
    for (let i = 0; i < activeSize; i++) {
      const g = G[i]!;
      if (y[i] === 1) {
        if (status[i] !== UPPER && -g >= Gmax1) Gmax1 = -g;
        if (status[i] !== LOWER && g >= Gmax2) Gmax2 = g;
      } else {
        if (status[i] !== UPPER && -g >= Gmax2) Gmax2 = -g;
        if (status[i] !== LOWER && g >= Gmax1) Gmax1 = g;
      }
    }
    // Near the end, bring everything back once so that shrinking mistakes are corrected.
    if (!unshrink && Gmax1 + Gmax2 <= tol * 10) {
      unshrink = true;
      reconstructGradient();
      activeSize = l;
    }
    for (let i = 0; i < activeSize; i++) {
      if (!beShrunk(i, Gmax1, Gmax2)) continue;
      activeSize--;
      while (activeSize > i) {
        if (!beShrunk(activeSize, Gmax1, Gmax2)) {
          swapIndex(i, activeSize);
          break;
        }
        activeSize--;
      }
    }
  };

  // maxIter = −1 still stops somewhere: libsvm's own safety cap, max(10⁷, 100·l) iterations
  // (random labels with C = 1e6 may otherwise crawl for minutes); `converged` then says false.
  const maxIter = prob.maxIter >= 0 ? prob.maxIter : Math.max(10_000_000, 100 * l);
  let iter = 0;
  let converged = true;
  let counter = Math.min(l, 1000) + 1;
  let firstGap = -1;
  const report = prob.onProgress;
  for (;;) {
    if (report && iter % 1000 === 0 && lastGap !== Infinity) {
      if (firstGap < 0) firstGap = Math.max(lastGap, tol * 1.000001);
      const frac = Math.log(firstGap / Math.max(lastGap, tol)) / Math.log(firstGap / tol);
      report(Math.round(100 * Math.min(1, Math.max(0, frac))), 100);
    }
    if (maxIter >= 0 && iter >= maxIter) {
      converged = false;
      if (activeSize < l) {
        reconstructGradient();
        activeSize = l;
      }
      break;
    }
    if (--counter === 0) {
      counter = Math.min(l, 1000);
      if (prob.shrinking) {
        doShrinking();
        nextIValid = false;
      }
    }
    if (selectWorkingSet()) {
      // Optimal on the active set: check the whole problem before stopping.
      reconstructGradient();
      activeSize = l;
      if (selectWorkingSet()) break;
      counter = 1; // shrink again at the next step
    }
    iter++;
    const i = outI;
    const j = outJ;
    const Qi = getQ(i, activeSize);
    const Qj = getQ(j, activeSize);
    // Qi may be evicted by the request for Qj only if the cache holds < 2 columns; it holds ≥ 2.
    const oldAi = alpha[i]!;
    const oldAj = alpha[j]!;
    const Ci = Cv[i]!;
    const Cj = Cv[j]!;
    let ai = oldAi;
    let aj = oldAj;
    if (y[i] !== y[j]) {
      // α_i − α_j stays constant; move along (1, 1) and clip to the box.
      const quad = QD[i]! + QD[j]! + 2 * Qi[j]!;
      const delta = step(-G[i]! - G[j]!, quad);
      const diff = ai - aj;
      ai += delta;
      aj += delta;
      if (diff > 0) {
        if (aj < 0) {
          aj = 0;
          ai = diff;
        }
      } else if (ai < 0) {
        ai = 0;
        aj = -diff;
      }
      if (diff > Ci - Cj) {
        if (ai > Ci) {
          ai = Ci;
          aj = Ci - diff;
        }
      } else if (aj > Cj) {
        aj = Cj;
        ai = Cj + diff;
      }
    } else {
      // α_i + α_j stays constant; move along (−1, 1) and clip.
      const quad = QD[i]! + QD[j]! - 2 * Qi[j]!;
      const delta = step(G[i]! - G[j]!, quad);
      const sum = ai + aj;
      ai -= delta;
      aj += delta;
      if (sum > Ci) {
        if (ai > Ci) {
          ai = Ci;
          aj = sum - Ci;
        }
      } else if (aj < 0) {
        aj = 0;
        ai = sum;
      }
      if (sum > Cj) {
        if (aj > Cj) {
          aj = Cj;
          ai = sum - Cj;
        }
      } else if (ai < 0) {
        ai = 0;
        aj = sum;
      }
    }
    if (!Number.isFinite(ai) || !Number.isFinite(aj) || !Number.isFinite(G[i]!) || !Number.isFinite(G[j]!)) {
      throw new DomainError(`SVC: the dual overflowed (C = ${C} is too large for these data, or the kernel values are); use a smaller C, or scale the features`);
    }
    alpha[i] = ai;
    alpha[j] = aj;
    // ∇f changes by Q_i Δα_i + Q_j Δα_j.
    const dai = ai - oldAi;
    const daj = aj - oldAj;
    // G += Q_i Δα_i + Q_j Δα_j, finding the next maximal violator among t ≠ i, j on the way.
    let next = updateGradientFindMax(G, Qi, Qj, dai, daj, activeSize, ys, lowOut, status, i, j, scratch);
    let nextVal = scratch[0]!;
    // Keep Ḡ = C Σ_{α_j = C} Q_j current when i or j enters or leaves the upper bound.
    const wasUpperI = status[i] === UPPER;
    const wasUpperJ = status[j] === UPPER;
    updateStatus(i);
    updateStatus(j);
    // i and j join the search with their new statuses; ties go to the larger index, which is
    // what a left-to-right scan with ≥ picks.
    for (let pass = 0; pass < 2; pass++) {
      const t = (pass === 0) === i < j ? i : j;
      const v = violation(t, y, status, G);
      if (v > nextVal || (v === nextVal && v !== -Infinity && t > next)) {
        nextVal = v;
        next = t;
      }
    }
    nextI = next;
    nextGmax = nextVal;
    nextIValid = true;
    if (gbarReady && wasUpperI !== (status[i] === UPPER)) {
      addScaled(Gbar, getQ(i, l), wasUpperI ? -Ci : Ci, l);
    }
    if (gbarReady && wasUpperJ !== (status[j] === UPPER)) {
      addScaled(Gbar, getQ(j, l), wasUpperJ ? -Cj : Cj, l);
    }
  }

  report?.(100, 100);
  const rho = computeRho(activeSize, y, G, status);
  const objective = dualObjective(alpha, G, l);

  const out = new Float64Array(l);
  for (let i = 0; i < l; i++) out[activeSet[i]!] = alpha[i]!;
  return { alpha: out, rho, objective, nIter: iter, converged, gap: lastGap };
}

