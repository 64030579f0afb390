/**
 * `quad`: definite integrals of plain JS functions over finite or infinite ranges, to a requested
 * accuracy, with an error estimate. Layers, each tried only when the one before cannot certify
 * the result:
 * 1. QAGS: adaptive 21-point Gauss–Kronrod with epsilon extrapolation (endpoint singularities);
 *    an infinite range is first mapped to (0, 1] by x = a + (1 − t)/t (QUADPACK's QAGI).
 * 2. Oscillation: if f keeps changing sign toward an infinite end (sin x / x on [0, ∞)),
 *    integrate between consecutive zeros and sum the alternating series with Wynn's epsilon
 *    algorithm; if it oscillates without changing sign (sin²x/x²), sum the humps between minima
 *    with Levin's u-transform. Oscillation piling up at a finite end (sin(1/x) on (0, 1]) is moved
 *    to infinity by x = a + h/u first; too many oscillations for `limit` on a finite range are
 *    split at the sign changes.
 * 3. Trouble inside a finite range (|x − c|^−0.8): split where QAGS's worst interval shrank to.
 * Plus two guards: a node that hits a singularity or 0/0 becomes a break point, and an all-zero
 * first pass (a narrow peak far from every node) triggers a probe for where f lives.
 */
import { ArgumentError, ConvergenceError, DomainError, describeValue, checkOptions } from '../core/index.js';
import { qags, type AdaptiveResult } from './quad-adaptive.js';
import { humpTail, oscillatoryTail, splitAtSignChanges } from './quad-oscillatory.js';

/** Options for `quad`. */
export interface QuadOptions {
  /**
   * Absolute error goal. Default 1.49e−8 (SciPy's). When left out, a result that met only this
   * absolute goal (a small |I|) is refined toward epsrel·|I| as well, if that converges.
   */
  epsabs?: number;
  /** Relative error goal. Default 1.49e−8. The goal met is max(epsabs, epsrel·|I|). */
  epsrel?: number;
  /** Maximum number of subintervals in the adaptive stage. Default 50 (SciPy's). */
  limit?: number;
  /** Try the oscillatory series when the adaptive stage fails. Default true. */
  oscillatory?: boolean;
  /**
   * Interior break points (singularities, kinks, discontinuities): the range is split there and
   * each piece integrated on its own, so f is never evaluated at a break point. Default none.
   */
  points?: number[];
  /**
   * Most integrand evaluations to spend, over every stage. Default `QUAD_MAX_EVAL` (500 000).
   * Past it `quad` stops and returns its first stage's estimate with status 6.
   */
  maxEval?: number;
}

/** Every `QuadOptions` name (an unknown one is an ArgumentError, not silently ignored). */
const QUAD_KEYS = Object.keys({ epsabs: 1, epsrel: 1, limit: 1, oscillatory: 1, points: 1, maxEval: 1 } satisfies Record<keyof QuadOptions, 1>);

/** Default `maxEval`: about 240 full subdivisions of the 50-interval adaptive stage. */
export const QUAD_MAX_EVAL = 500_000;

/** The evaluation budget shared by every stage of one `quad` call (also through nested pieces). */
interface Budget {
  left: number;
  readonly total: number;
}

/** The options the stages pass along: the user's plus the shared budget. */
type CoreOptions = QuadOptions & { readonly budget: Budget };

/** The budget ran out inside a stage (internal: the stage that holds an estimate returns it). */
class BudgetSpent extends Error {}

/** The result of `quad`. */
export interface QuadResult {
  /** The integral's estimate. */
  value: number;
  /** Estimated absolute error (a bound in practice, not a guarantee). */
  error: number;
  /** Number of integrand evaluations. */
  neval: number;
  /**
   * 0 converged; 1 subdivision limit; 2 roundoff; 3 bad integrand; 4 extrapolation roundoff;
   * 5 divergent; 6 evaluation budget (`maxEval`) spent.
   */
  status: number;
  /** What `status` means, and what to try. */
  message: string;
  /** Which path produced the value: 'qags', 'qagi' or 'oscillatory'. */
  method: 'qags' | 'qagi' | 'oscillatory';
}

/**
 * status → message, after QUADPACK's documentation.
 *
 * @example
 * quad((x) => 1 / x, 0, 1).status // → 1 (QUAD_MESSAGES[1] says why 1/x on (0, 1] was not certified)
 */
export const QUAD_MESSAGES: Record<number, string> = {
  0: 'The integral converged to the requested tolerance.',
  1: 'The maximum number of subdivisions was reached; raise `limit`, or split the range at trouble spots.',
  2: 'Roundoff error was detected: the requested tolerance cannot be reached; the error estimate is the best available.',
  3: 'The integrand behaves extremely badly at some points of the range.',
  4: 'The algorithm does not converge: roundoff error in the extrapolation table. The returned result is the best found.',
  5: 'The integral is probably divergent or slowly convergent.',
  6: 'The evaluation budget (maxEval) was spent before the result could be certified; the estimate is the first stage\'s. Split the range, or raise maxEval.',
};

/**
 * ∫ₐᵇ f(x) dx. `a` and `b` may be ±Infinity; a > b gives −∫_b^a.
 *
 * Throws ArgumentError for bad options and DomainError if f returns NaN or ±Infinity at a node.
 *
 * @example
 * quad(Math.exp, 0, 1).value // → ≈ 1.7182818 (e − 1)
 * quad((x) => Math.exp(-x * x), -Infinity, Infinity).value // → ≈ 1.7724539 (√π)
 * quad((x) => Math.sin(x) / x, 0, Infinity).value // → ≈ 1.5707963 (π/2)
 */
export function quad(f: (x: number) => number, a: number, b: number, options: QuadOptions = {}): QuadResult {
  if (typeof f !== 'function') throw new ArgumentError(`quad: f must be a function, got ${describeValue(f)}`);
  checkOptions('quad', options, QUAD_KEYS);
  if (options.points !== undefined && !(Array.isArray(options.points) && options.points.every((p) => typeof p === 'number'))) {
    throw new ArgumentError(`quad: options.points must be an array of numbers, got ${describeValue(options.points)}`);
  }
  if (typeof a !== 'number' || typeof b !== 'number') throw new ArgumentError(`quad: the limits must be numbers, got ${describeValue(a)} and ${describeValue(b)}`);
  const maxEval = options.maxEval ?? QUAD_MAX_EVAL;
  if (typeof maxEval !== 'number' || !Number.isInteger(maxEval) || maxEval < 21) {
    throw new ArgumentError(`quad: options.maxEval must be an integer ≥ 21 (one rule), got ${describeValue(options.maxEval)}`);
  }
  const opts: CoreOptions = { ...options, budget: { left: maxEval, total: maxEval } };
  let r: QuadResult;
  try {
    r = quadRetrying(f, a, b, opts);
  } catch (e) {
    // Only when the budget ran out before any stage had an estimate (many pieces).
    if (e instanceof BudgetSpent) throw new ConvergenceError(`quad: ${maxEval} evaluations (options.maxEval) were spent before a first estimate of the integral over [${a}, ${b}]`);
    throw e;
  }
  if (!Number.isFinite(r.value) || Number.isNaN(r.error)) {
    throw new DomainError(`quad: the integral over [${a}, ${b}] overflows the double range (|value| > 1.8e308); rescale the integrand or the range`);
  }
  // With the default epsabs, a small integral (|I| ≪ 1, e.g. ∫₀^∞ e^−x cos 10x = 1/101) meets the
  // absolute goal 1.49e−8 long before the relative one, leaving ~1e−7 relative error. When the
  // caller did not ask for an absolute goal, refine toward epsrel·|I| too, and keep the refined
  // result only if it converges (an integral that is exactly 0 cannot meet a relative goal).
  const epsrel = options.epsrel ?? 1.49e-8;
  if (options.epsabs !== undefined || r.status !== 0 || r.value === 0 || r.error <= epsrel * Math.abs(r.value)) return r;
  const goal = Math.max(0.5 * epsrel * Math.abs(r.value), 1e3 * Number.MIN_VALUE);
  let s: QuadResult;
  try {
    s = quadRetrying(f, a, b, { ...opts, epsabs: goal });
  } catch (e) {
    if (e instanceof BudgetSpent) return r;
    throw e;
  }
  if (s.status === 0 && Math.abs(s.value - r.value) <= 10 * (r.error + s.error)) return { ...s, neval: s.neval + r.neval };
  return { ...r, neval: s.neval + r.neval };
}

function quadRetrying(f: (x: number) => number, a: number, b: number, options: CoreOptions): QuadResult {
  // A node that lands on a singularity (1/√|x| at 0, the midpoint of [−1, 1]) or a removable
  // 0/0 (sin x / x at 0): make that point a break point, where no node ever goes, and start over.
  const extra: number[] = [];
  let spent = 0;
  for (;;) {
    try {
      const opts = extra.length ? { ...options, points: [...(options.points ?? []), ...extra] } : options;
      const r = quadProbed(f, a, b, opts);
      return spent ? { ...r, neval: r.neval + spent } : r;
    } catch (e) {
      const lo = Math.min(a, b), hi = Math.max(a, b);
      if (!(e instanceof NonFiniteValue)) throw e;
      if (!(e.x > lo && e.x < hi) || extra.includes(e.x) || extra.length >= 3) {
        throw new DomainError(
          `quad: the integrand returned ${e.y} at x = ${e.x}; it must be finite inside (${lo}, ${hi}) except at isolated points (pass known singularities in options.points; CLI: --points)`,
        );
      }
      extra.push(e.x);
      spent += e.neval;
    }
  }
}

/** f gave NaN/±Infinity at x (internal: `quad` retries with x as a break point). */
class NonFiniteValue extends DomainError {
  constructor(message: string, readonly x: number, readonly y: unknown, readonly neval: number) {
    super(message);
  }
}

function quadProbed(f: (x: number) => number, a: number, b: number, options: CoreOptions): QuadResult {
  const r = quadCore(f, a, b, options);
  if (r.value !== 0 || r.error !== 0 || r.neval === 0 || (options.points && options.points.length > 0)) return r;
  // Every node gave exactly 0 (a narrow peak far from where the rule looked, e.g. exp(−(x−100)²)
  // on ℝ): probe for a non-zero value and, if one turns up, split the range there.
  const p = probeNonzero(f, a, b);
  if (typeof p === 'number') return { ...r, neval: r.neval + p };
  // Grade the mesh around the peak: break points at x ± Δ·2^j (Δ the probe spacing), so that no
  // piece has a steep flank squeezed against one of its ends where its nodes cannot see it.
  const pts = [p.x];
  for (const [side, d] of [[-1, p.x - p.lo], [1, p.hi - p.x]] as const) {
    for (let j = 0; j < 60; j++) {
      const q = p.x + side * d * 2 ** j;
      if (!(q > a && q < b)) break;
      pts.push(q);
    }
  }
  const s = quadCore(f, a, b, { ...options, points: pts });
  return { ...s, neval: s.neval + r.neval + p.neval };
}

/**
 * Where |f| is largest on a probe grid: 2^(k/4) steps both ways from 0 on infinite ranges, 4096
 * uniform points on finite ones. Just the number of probes if f is 0 at all of them.
 */
function probeNonzero(f: (x: number) => number, a: number, b: number): { x: number; lo: number; hi: number; neval: number } | number {
  const xs: number[] = [];
  if (Number.isFinite(a) && Number.isFinite(b)) {
    for (let i = 1; i < 4096; i++) xs.push(a + ((b - a) * i) / 4096);
  } else {
    for (let k = -40; k <= 4 * 64; k++) {
      const v = 2 ** (k / 4);
      if (v < b) xs.push(Math.max(v, a));
      if (-v > a) xs.push(Math.min(-v, b));
    }
  }
  const grid = [...new Set(xs.filter((x) => x > a && x < b))].sort((u, v) => u - v);
  let best = 0, at = -1;
  for (let i = 0; i < grid.length; i++) {
    const y = Math.abs(f(grid[i]!));
    if (y > best) {
      best = y;
      at = i;
    }
  }
  if (!(best > 0) || !Number.isFinite(best)) return grid.length;
  return { x: grid[at]!, lo: at > 0 ? grid[at - 1]! : a, hi: at + 1 < grid.length ? grid[at + 1]! : b, neval: grid.length };
}

function quadCore(f: (x: number) => number, a: number, b: number, options: CoreOptions, guard = true): QuadResult {
  if (typeof f !== 'function') throw new ArgumentError('quad: the integrand must be a function of one number');
  if (typeof a !== 'number' || typeof b !== 'number' || Number.isNaN(a) || Number.isNaN(b)) {
    throw new ArgumentError(`quad: limits must be numbers (±Infinity allowed), got ${describeValue(a)} and ${describeValue(b)}`);
  }
  const epsabs = options.epsabs ?? 1.49e-8;
  const epsrel = options.epsrel ?? 1.49e-8;
  const limit = options.limit ?? 50;
  if (typeof epsabs !== 'number' || typeof epsrel !== 'number' || !(epsabs >= 0) || !(epsrel >= 0)) throw new ArgumentError(`quad: epsabs and epsrel must be numbers ≥ 0, got ${describeValue(epsabs)}, ${describeValue(epsrel)}`);
  if (epsabs <= 0 && epsrel < Math.max(50 * Number.EPSILON, 5e-29)) {
    throw new ArgumentError(`quad: with epsabs = 0, epsrel must be ≥ ${50 * Number.EPSILON}`);
  }
  if (!Number.isInteger(limit) || limit < 1) throw new ArgumentError(`quad: limit must be a positive integer, got ${describeValue(limit)}`);
  if (a === b) return done(0, 0, 0, 0, 'qags');
  if (options.points && options.points.length > 0) return withPoints(f, a, b, options);
  if (a > b) {
    const r = quadRetrying(f, b, a, options);
    return { ...r, value: -r.value };
  }
  if (a === -Infinity && b === -Infinity) return done(0, 0, 0, 0, 'qags');
  let neval = 0;
  let maxAbs = 0, argmax = NaN;
  const budget = options.budget;
  const g = (x: number): number => {
    if (budget.left-- <= 0) throw new BudgetSpent();
    neval++;
    const y = f(x);
    if (Math.abs(y) > maxAbs) {
      maxAbs = Math.abs(y);
      argmax = x;
    }
    if (typeof y !== 'number' || !Number.isFinite(y)) {
      throw new NonFiniteValue(
        `quad: the integrand returned ${y} at x = ${x}; it must be finite inside (${a}, ${b}) (interior singularities may also be passed in options.points; CLI: --points)`,
        x,
        y,
        neval,
      );
    }
    return y;
  };
  const tol = { epsabs, epsrel, limit };
  const useOsc = options.oscillatory ?? true;
  /** The stages after QAGS on a finite range, each tried only if the one before failed. */
  function finiteStages(first: AdaptiveResult): QuadResult {
    let r = first;
    // An extrapolated total is checked once by a second, differently placed set of nodes (split at
    // the golden section): extrapolating totals of a function that oscillates far faster than the
    // nodes (sin on [0, 1e300]) can look converged, and the second estimate then disagrees.
    if (r.status === 0 && r.extrapolated && guard) {
      const c = a + GOLDEN_CUT * (b - a);
      const s = qagsPieces(g, a, b, [c], epsabs, epsrel, limit);
      if (!(Math.abs(s.value - r.value) <= 10 * (s.error + r.error))) r = { ...r, status: 3 };
    }
    // A node saw a value far too large for the total (a narrow peak that sat on the first rule's
    // centre and then on a split point, where the bisected rules never look: SciPy returns
    // ~1e−25 for a Gaussian of sd 0.1 at 500 on [0, 1000]). Re-integrate with a mesh graded
    // toward that node; keep a converged original only if both agree.
    const mid = Math.min(argmax - a, b - argmax) > 0.01 * (b - a);
    if (guard && mid && maxAbs * (b - a) > 1e8 * (Math.abs(r.value) + r.error)) {
      const s = quadCore(f, a, b, { ...options, points: gradedAround(argmax, a, b) }, false);
      if (r.status === 0 && Math.abs(s.value - r.value) <= 10 * (s.error + r.error)) return done(r.value, r.error, neval + s.neval, 0, 'qags');
      if (r.status === 0 || s.status === 0) return { ...s, neval: neval + s.neval };
      neval += s.neval;
    } else if (r.status === 0) {
      return done(r.value, r.error, neval, 0, 'qags');
    }
    if (useOsc) {
      // Oscillation piling up at an end: move each half's endpoint to infinity and retry there.
      const m = 0.5 * (a + b), h = m - a;
      const left = infinite((u) => (g(a + h / u) * h) / (u * u), 1, half(tol), true);
      const right = infinite((u) => (g(b - h / u) * h) / (u * u), 1, half(tol), true);
      if (left.status === 0 && right.status === 0) {
        const method = left.method === 'oscillatory' || right.method === 'oscillatory' ? 'oscillatory' : 'qags';
        return done(left.value + right.value, left.error + right.error, neval, 0, method);
      }
    }
    // A trouble spot inside the range (|x − c|^−0.8): split at it so it becomes an endpoint,
    // where extrapolation works. Up to three spots, found one after another.
    let spot = interiorSpot(r.worst, a, b);
    const pts: number[] = [];
    for (let round = 0; round < 3 && spot !== null; round++) {
      pts.push(spot);
      const s = qagsPieces(g, a, b, pts, epsabs, epsrel, limit);
      if (s.status === 0) return done(s.value, s.error, neval, 0, 'qags');
      spot = interiorSpot(s.worst, a, b);
      if (spot !== null && pts.some((p) => Math.abs(p - spot!) <= 1e-12 * (b - a))) break;
    }
    // Many oscillations across the range: integrate between the sign changes.
    const s = useOsc ? splitAtSignChanges(g, a, b, epsabs, epsrel, limit) : null;
    if (s !== null && s.status === 0) return done(s.value, s.error, neval, 0, 'oscillatory');
    return done(r.value, r.error, neval, r.status, 'qags');
  }
  if (Number.isFinite(a) && Number.isFinite(b)) {
    const r = qags(g, a, b, epsabs, epsrel, limit);
    try {
      return finiteStages(r);
    } catch (e) {
      if (e instanceof BudgetSpent) return done(r.value, r.error, neval, 6, 'qags');
      throw e;
    }
  }
  if (a === -Infinity && b === Infinity) {
    const r = qagi(g, 0, 2, tol);
    if (r.status === 0 || !useOsc) return done(r.value, r.error, neval, r.status, 'qagi');
    let right: Piece, left: Piece;
    try {
      right = infinite(g, 0, half(tol), true);
      left = infinite((x) => g(-x), 0, half(tol), true);
    } catch (e) {
      if (e instanceof BudgetSpent) return done(r.value, r.error, neval, 6, 'qagi');
      throw e;
    }
    const value = left.value + right.value, error = left.error + right.error;
    const status = Math.max(left.status, right.status);
    const method = left.method === 'oscillatory' || right.method === 'oscillatory' ? 'oscillatory' : 'qagi';
    if (status === 0 || status === 5) return done(value, error, neval, status, method);
    return done(r.value, r.error, neval, r.status, 'qagi');
  }
  const lo = a === -Infinity ? -b : a;
  const out = a === -Infinity ? infinite((x) => g(-x), lo, tol, useOsc) : infinite(g, lo, tol, useOsc);
  // x = lo + (1 − t)/t is rounded to within ε·|lo| of the node, which moves ∫ by up to about
  // ε·|lo|·(total variation of f) ≈ 2ε·|lo|·max|f|: a peak at 10⁶ reached as a break point
  // cannot be integrated better than ~1e−10 however well the rule converges in t.
  const floor = 2 * Number.EPSILON * Math.abs(lo) * maxAbs;
  if (floor <= out.error) return done(out.value, out.error, neval, out.status, out.method);
  const status = out.status === 0 && floor > Math.max(epsabs, epsrel * Math.abs(out.value)) ? 2 : out.status;
  return done(out.value, floor, neval, status, out.method);
}

/** Where the extrapolation cross-check splits [a, b]: the golden section, far from any round point. */
const GOLDEN_CUT = (3 - Math.sqrt(5)) / 2;

/** Break points x ± w·4^−j (w the distance to the nearer end) down to rounding level. */
function gradedAround(x: number, a: number, b: number): number[] {
  const pts = [x];
  const w = Math.min(x - a, b - x);
  for (let d = w / 4; d > 1e-14 * Math.max(1, Math.abs(x)); d /= 4) pts.push(x - d, x + d);
  return pts;
}

/** Split [a, b] at the interior break points and add up the pieces. */
function withPoints(f: (x: number) => number, a: number, b: number, options: CoreOptions): QuadResult {
  const lo = Math.min(a, b), hi = Math.max(a, b);
  for (const p of options.points!) {
    if (typeof p !== 'number' || !Number.isFinite(p)) throw new ArgumentError(`quad: break points must be finite numbers, got ${describeValue(p)}`);
  }
  const cuts = [...new Set(options.points!.filter((p) => p > lo && p < hi))].sort((u, v) => u - v);
  const edges = [lo, ...cuts, hi];
  const pieces = edges.length - 1;
  const sub: CoreOptions = { ...options, points: [], epsabs: (options.epsabs ?? 1.49e-8) / pieces };
  let value = 0, error = 0, neval = 0, status = 0;
  let method: QuadResult['method'] = 'qags';
  for (let i = 0; i < pieces; i++) {
    const r = quadCore(f, edges[i]!, edges[i + 1]!, sub);
    value += r.value;
    error += r.error;
    neval += r.neval;
    status = Math.max(status, r.status);
    if (r.method !== 'qags') method = r.method;
  }
  return done(a <= b ? value : -value, error, neval, status, method);
}

/**
 * The middle of the worst subinterval when it is a narrow spot well inside (a, b) — width below
 * 1e−3·(b − a) and more than 4 widths from either end — else null.
 */
function interiorSpot(worst: [number, number], a: number, b: number): number | null {
  const [u, v] = worst;
  // Far from both ends compared with its width: trouble piling up toward an end (sin(1/x) near
  // 0) leaves its worst intervals next to that end instead.
  const w = v - u;
  if (!(w < 1e-3 * (b - a)) || u - a <= 4 * w || b - v <= 4 * w) return null;
  return 0.5 * (u + v);
}

/** QAGS on each piece between sorted break points; reports the worst subinterval overall. */
function qagsPieces(g: (x: number) => number, a: number, b: number, points: number[], epsabs: number, epsrel: number, limit: number) {
  const edges = [a, ...[...points].sort((u, v) => u - v), b];
  const pieces = edges.length - 1;
  let value = 0, error = 0, status = 0, worstErr = -1;
  let worst: [number, number] = [a, b];
  for (let i = 0; i < pieces; i++) {
    const r = qags(g, edges[i]!, edges[i + 1]!, epsabs / pieces, epsrel, limit);
    value += r.value;
    error += r.error;
    status = Math.max(status, r.status);
    if (r.status !== 0 && r.error > worstErr) {
      worstErr = r.error;
      worst = r.worst;
    }
  }
  return { value, error, status, worst };
}

interface Tol {
  epsabs: number;
  epsrel: number;
  limit: number;
}

function half(t: Tol): Tol {
  return { ...t, epsabs: t.epsabs / 2 };
}

interface Piece {
  value: number;
  error: number;
  status: number;
  method: 'qagi' | 'oscillatory';
}

/** ∫_lo^∞ g: QAGI first, then the oscillatory series if that fails. */
function infinite(g: (x: number) => number, lo: number, tol: Tol, useOsc: boolean): Piece {
  const r = qagi(g, lo, 1, tol);
  if (r.status === 0 || !useOsc) return { ...pick(r), method: 'qagi' };
  try {
    return oscillating(g, lo, tol) ?? { ...pick(r), method: 'qagi' };
  } catch (e) {
    if (e instanceof BudgetSpent) return { ...pick(r), status: 6, method: 'qagi' };
    throw e;
  }
}

/** ∫_lo^∞ g by the series between zeros, or between minima; null when neither converges. */
function oscillating(g: (x: number) => number, lo: number, tol: Tol): Piece | null {
  const o = oscillatoryTail(g, lo, tol.epsabs, tol.epsrel, tol.limit);
  // A divergent verdict (status 5) is kept: it is more informative than QAGI's failure.
  if (o !== null && (o.status === 0 || o.status === 5)) return { value: o.value, error: o.error, status: o.status, method: 'oscillatory' };
  if (o === null) {
    // Oscillation without sign changes (sin²x/x²): a series of humps, Levin-accelerated.
    const hmp = humpTail(g, lo, tol.epsabs, tol.epsrel, tol.limit);
    if (hmp !== null && hmp.status === 0) return { value: hmp.value, error: hmp.error, status: 0, method: 'oscillatory' };
  }
  return null;
}

function pick(r: AdaptiveResult): { value: number; error: number; status: number } {
  return { value: r.value, error: r.error, status: r.status };
}

/**
 * QAGI's map x = lo + (1 − t)/t, dx = dt/t², taking [lo, ∞) to (0, 1]; with `inf = 2` it folds
 * (−∞, ∞) as f(x) + f(−x) over x ∈ [0, ∞). Gauss–Kronrod nodes never touch t = 0.
 */
function qagi(g: (x: number) => number, lo: number, inf: 1 | 2, tol: Tol): AdaptiveResult {
  const h = (t: number): number => {
    const x = lo + (1 - t) / t;
    const v = inf === 2 ? g(x) + g(-x) : g(x);
    return v / (t * t);
  };
  return qags(h, 0, 1, tol.epsabs, tol.epsrel, tol.limit);
}

function done(value: number, error: number, neval: number, status: number, method: QuadResult['method']): QuadResult {
  return { value, error, neval, status, message: QUAD_MESSAGES[status] ?? 'Unknown status.', method };
}
