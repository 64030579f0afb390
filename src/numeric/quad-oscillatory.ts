/**
 * ∫_lo^∞ g for an integrand that keeps changing sign (sin x / x, sin u / u²): integrate between
 * consecutive zeros, giving an (eventually) alternating series Σ T_k, and extrapolate its partial
 * sums with Wynn's epsilon algorithm. This is the idea of QUADPACK's QAWF without needing the
 * frequency: the zeros are found by scanning and Brent's method.
 */
import { epsilonTable } from './epsilon.js';
import { qags } from './quad-adaptive.js';
import { brentq } from './roots.js';

/** Result of the series, or null when g does not oscillate on the probe range. */
export interface TailResult {
  value: number;
  error: number;
  status: number;
  terms: number;
}

const PROBE_POINTS = 1024;
const MIN_SIGN_CHANGES = 6;
const MAX_TERMS = 400;

/**
 * Sum the series; `null` if fewer than 6 sign changes show on [lo, lo + 64·max(1, |lo|)] or the
 * sign changes stop before the series has converged, since then the method does not apply.
 */
export function oscillatoryTail(g: (x: number) => number, lo: number, epsabs: number, epsrel: number, limit: number): TailResult | null {
  const span = 64 * Math.max(1, Math.abs(lo));
  const brackets = probeSignChanges(g, lo, span);
  if (brackets.length < MIN_SIGN_CHANGES) return null;
  const zeroIn = (l: number, r: number): number => brentq(g, l, r, { xtol: 1e-15 * Math.max(1, Math.abs(l)), maxiter: 200 }).root;
  const zeros: number[] = brackets.map(([l, r]) => zeroIn(l, r));
  // Each term to well below the target so that the extrapolation sees clean partial sums.
  const termAbs = epsabs / 100, termRel = Math.min(epsrel / 100, 1e-11);
  const table = epsilonTable();
  let sum = 0, termErr = 0, prev = lo;
  let best = { value: NaN, error: Infinity };
  let k = 0;
  let status = 1;
  const mags: number[] = [];
  const nextZero = (): number | null => {
    // Scan forward from the last zero in steps of a sixteenth of the last gap.
    const n = zeros.length;
    const last = zeros[n - 1]!;
    const gap = n >= 2 ? last - zeros[n - 2]! : span / PROBE_POINTS;
    const step = gap / 16;
    let x0 = last + step / 4, f0 = g(x0);
    for (let i = 0; i < 64; i++) {
      const x1 = x0 + step, f1 = g(x1);
      if (f1 === 0) return x1;
      if (f0 !== 0 && Math.sign(f1) !== Math.sign(f0)) return zeroIn(x0, x1);
      x0 = x1;
      f0 = f1;
    }
    return null;
  };
  while (k < MAX_TERMS) {
    if (k >= zeros.length) {
      const z = nextZero();
      // The sign changes stopped: this is not an oscillating tail, and the series would leave the
      // rest of the range out. The method does not apply.
      if (z === null || !Number.isFinite(z)) return null;
      zeros.push(z);
    }
    const z = zeros[k]!;
    const t = qags(g, prev, z, termAbs, termRel, limit);
    sum += t.value;
    termErr += t.error;
    mags.push(Math.abs(t.value));
    prev = z;
    k++;
    const ex = table.push(sum);
    if (k >= 8 && ex.error < best.error) best = { value: ex.value, error: ex.error };
    const goal = Math.max(epsabs, epsrel * Math.abs(best.value));
    if (k >= 12 && best.error + termErr <= goal) {
      status = 0;
      break;
    }
  }
  if (!Number.isFinite(best.value)) return null;
  // A convergent series needs terms that shrink: compare the mean |T_k| over the last third of
  // the terms with the second third (cos x on [0, ∞) has |T_k| = 2 for ever: divergent).
  if (mags.length >= 9) {
    const third = Math.floor(mags.length / 3);
    const mean = (lo: number, hi: number) => mags.slice(lo, hi).reduce((s, v) => s + v, 0) / (hi - lo);
    const early = mean(third, 2 * third), late = mean(mags.length - third, mags.length);
    if (!(late < 0.95 * early)) return { value: best.value, error: Math.max(best.error + termErr, Math.abs(best.value), late), status: 5, terms: k };
  }
  return { value: best.value, error: best.error + termErr, status, terms: k };
}

/** Brackets of the sign changes of g on an N-point grid over (lo, lo + span]; exact zeros skipped. */
function signChangesOnGrid(ys: Float64Array, xs: Float64Array, stride: number): [number, number][] {
  const out: [number, number][] = [];
  let xp = xs[stride - 1]!, fp = ys[stride - 1]!;
  for (let i = 2 * stride - 1; i < ys.length; i += stride) {
    const x = xs[i]!, fx = ys[i]!;
    if (fx === 0) continue;
    if (fp !== 0 && Math.sign(fx) !== Math.sign(fp)) out.push([xp, x]);
    xp = x;
    fp = fx;
  }
  return out;
}

/**
 * The sign changes of g on (lo, lo + span], on a grid fine enough not to alias: a grid whose step
 * is close to the period (cos 100x sampled every 0.0625) shows a slow false beat instead of the
 * oscillation. Halve the step (from span/1024, up to span/65536) until doubling the resolution
 * no longer adds sign changes.
 */
function probeSignChanges(g: (x: number) => number, lo: number, span: number): [number, number][] {
  let n = PROBE_POINTS;
  for (;;) {
    const fine = 2 * n;
    const xs = new Float64Array(fine + 1), ys = new Float64Array(fine + 1);
    for (let i = 1; i <= fine; i++) {
      xs[i] = lo + (span * i) / fine;
      ys[i] = g(xs[i]!);
    }
    const coarse = signChangesOnGrid(ys, xs, 2), dense = signChangesOnGrid(ys, xs, 1);
    if (dense.length <= 1.25 * coarse.length + 2 || fine >= 65536) return dense;
    n = fine;
  }
}

/**
 * ∫ₐᵇ g for a finite range with too many oscillations for the subdivision limit: split [a, b] at
 * the sign changes seen on a 4096-point probe and integrate the pieces (a finite sum, no
 * extrapolation). `null` if there are fewer than 2 sign changes.
 */
/** Evaluations the split between sign changes may spend (about 100 per piece at 4096 pieces). */
const SPLIT_EVALS = 400_000;

export function splitAtSignChanges(g: (x: number) => number, a: number, b: number, epsabs: number, epsrel: number, limit: number): TailResult | null {
  const N = 4096;
  const cuts: number[] = [];
  let xp = a + (b - a) / N, fp = g(xp);
  for (let i = 2; i < N; i++) {
    const x = a + ((b - a) * i) / N, fx = g(x);
    if (fx === 0) continue;
    if (fp !== 0 && Math.sign(fx) !== Math.sign(fp)) cuts.push(brentq(g, xp, x, { xtol: 1e-15 * Math.max(1, Math.abs(x)), maxiter: 200 }).root);
    xp = x;
    fp = fx;
  }
  if (cuts.length < 2) return null;
  const edges = [a, ...cuts, b];
  const pieces = edges.length - 1;
  let value = 0, error = 0, status = 0, spent = 0;
  for (let i = 0; i < pieces; i++) {
    const r = qags(g, edges[i]!, edges[i + 1]!, epsabs / pieces, epsrel, limit);
    value += r.value;
    error += r.error;
    status = Math.max(status, r.status);
    // Pieces that still oscillate (the scan aliased: far more periods than scan points) each run
    // to the subinterval limit; past SPLIT_EVALS the split is not working, so give up on it
    // (quad then reports the adaptive stage's result and status) instead of 10⁷ evaluations.
    spent += r.neval;
    if (spent > SPLIT_EVALS) return null;
  }
  return { value, error, status, terms: pieces };
}

/**
 * Levin's u-transform of the partial sums of `terms` (β = 1): with ω_n = (n + 1)·a_n,
 * L_k = Σ_j (−1)^j C(k,j) ((1+j)/(1+k))^{k−1} S_j/ω_j ÷ Σ_j (−1)^j C(k,j) ((1+j)/(1+k))^{k−1}/ω_j,
 * k = terms − 1. Unlike the epsilon algorithm it also accelerates monotone series whose terms
 * decay like a power (Σ 1/k²), though it grows unstable past k ≈ 15.
 */
export function levinU(terms: ArrayLike<number>): number {
  const k = terms.length - 1;
  let s = 0, num = 0, den = 0, binom = 1;
  for (let j = 0; j <= k; j++) {
    s += terms[j]!;
    const w = (1 + j) * terms[j]!;
    const c = (j % 2 ? -1 : 1) * binom * ((1 + j) / (1 + k)) ** (k - 1);
    num += (c * s) / w;
    den += c / w;
    binom = (binom * (k - j)) / (j + 1);
  }
  return num / den;
}

/** Minimize g on [l, r] by golden-section search (for the phase of an oscillation). */
function goldenMin(g: (x: number) => number, l: number, r: number): number {
  const phi = (Math.sqrt(5) - 1) / 2;
  let x1 = r - phi * (r - l), x2 = l + phi * (r - l);
  let f1 = g(x1), f2 = g(x2);
  for (let i = 0; i < 60 && r - l > 1e-13 * Math.max(1, Math.abs(l)); i++) {
    if (f1 <= f2) {
      r = x2; x2 = x1; f2 = f1;
      x1 = r - phi * (r - l); f1 = g(x1);
    } else {
      l = x1; x1 = x2; f1 = f2;
      x2 = l + phi * (r - l); f2 = g(x2);
    }
  }
  return 0.5 * (l + r);
}

/**
 * ∫_lo^∞ g for an integrand that oscillates with a steady period but need not change sign
 * (sin²x/x², (1 − cos x)/x²): cut at the period's minima, integrate each hump, and extrapolate
 * the (monotone, power-law) series with Levin's u-transform, keeping the order whose value moved
 * least. `null` when no regular oscillation shows on the probe range.
 */
export function humpTail(g: (x: number) => number, lo: number, epsabs: number, epsrel: number, limit: number): TailResult | null {
  const span = 64 * Math.max(1, Math.abs(lo));
  const N = PROBE_POINTS;
  const xs = new Float64Array(N + 1), ys = new Float64Array(N + 1);
  for (let i = 1; i <= N; i++) {
    xs[i] = lo + (span * i) / N;
    ys[i] = g(xs[i]!);
  }
  const all: number[] = [];
  for (let i = 2; i < N; i++) if (ys[i]! < ys[i - 1]! && ys[i]! <= ys[i + 1]!) all.push(i);
  const steady = (ms: number[]) => {
    const gaps = ms.slice(1).map((m, i) => m - ms[i]!);
    const mean = gaps.reduce((s, v) => s + v, 0) / gaps.length;
    return ms.length >= MIN_SIGN_CHANGES && gaps.every((d) => Math.abs(d - mean) <= 0.1 * mean + 1);
  };
  // Near lo a trend can hide the oscillation ((2 + sin x)/x² has no minima before x ≈ 4): if the
  // minima are irregular, judge the period on their second half and start the humps there.
  let minima = all;
  if (!steady(minima)) minima = all.slice(Math.floor(all.length / 2));
  if (!steady(minima)) return null;
  const h = span / N;
  const m0 = goldenMin(g, xs[minima[0]!]! - h, xs[minima[0]!]! + h);
  const mL = goldenMin(g, xs[minima[minima.length - 1]!]! - h, xs[minima[minima.length - 1]!]! + h);
  let period = (mL - m0) / (minima.length - 1);
  if (!(period > 0)) return null;
  const termAbs = epsabs / 100, termRel = Math.min(epsrel / 100, 1e-12);
  const head = qags(g, lo, m0, termAbs, termRel, limit);
  let termErr = head.error;
  const terms: number[] = [];
  let prev = NaN, prev2 = NaN;
  let best = { value: NaN, error: Infinity };
  // Cut at the actual minima, each located near the previous one plus a period: a fixed step would
  // drift in phase when the minima are not exactly periodic, and the partial sums would then
  // carry a slowly rotating oscillation that no extrapolation removes.
  let cut = m0;
  for (let k = 0; k < 40; k++) {
    const next = goldenMin(g, cut + 0.75 * period, cut + 1.25 * period);
    period = next - cut;
    const t = qags(g, cut, next, termAbs, termRel, limit);
    cut = next;
    terms.push(t.value);
    termErr += t.error;
    if (t.value === 0) break;
    if (terms.length < 4) continue;
    const L = levinU(terms);
    const err = Math.max(Math.abs(L - prev), Math.abs(L - prev2));
    if (Number.isFinite(err) && err < best.error) best = { value: L, error: err };
    prev2 = prev;
    prev = L;
    const goal = Math.max(epsabs, epsrel * Math.abs(head.value + best.value));
    if (terms.length >= 8 && best.error + termErr <= goal / 2) break;
  }
  if (!Number.isFinite(best.value)) return null;
  // The humps must shrink for the series to converge.
  const third = Math.floor(terms.length / 3);
  const avg = (a: number, b: number) => terms.slice(a, b).reduce((s, v) => s + Math.abs(v), 0) / (b - a);
  if (third >= 2 && !(avg(terms.length - third, terms.length) < 0.95 * avg(third, 2 * third))) {
    return { value: head.value + best.value, error: Infinity, status: 5, terms: terms.length };
  }
  const value = head.value + best.value, error = best.error + termErr;
  const status = error <= Math.max(epsabs, epsrel * Math.abs(value)) ? 0 : 1;
  return { value, error, status, terms: terms.length };
}
