/**
 * Axis scales and tick labels. d3-scale chooses "nice" tick values (1, 2 or 5 × 10^k steps); the
 * labels are formatted with just enough decimals for the step, with a true minus sign (U+2212)
 * as typeset plots use.
 */
import { scaleLinear } from 'd3-scale';

/**
 * Tick values for `domain` aiming at about `count` ticks (steps of 1, 2 or 5 × 10^k).
 *
 * @example
 * niceTicks([0, 1], 5) // → [0, 0.2, 0.4, 0.6, 0.8, 1]
 */
export function niceTicks(domain: [number, number], count = 6): number[] {
  const [a, b] = domain;
  if (!(Number.isFinite(a) && Number.isFinite(b))) return [];
  // d3 steps by 10^⌊log10(span/count)⌋: a span that overflows (±1e308) is ticked at half scale,
  // and one near the subnormals (10^k underflows to 0, and d3 would allocate an infinite array)
  // gets its two ends only.
  if (!Number.isFinite(b - a)) return scaleLinear().domain([a / 2, b / 2]).ticks(count).map((t) => t * 2);
  if (Math.abs(b - a) < 1e-290) return a === b ? [a] : [Math.min(a, b), Math.max(a, b)];
  return scaleLinear().domain([a, b]).ticks(count);
}

/**
 * Format tick values with as many decimals as their spacing needs.
 *
 * @example
 * formatTicks([-1, -0.5, 0, 0.5]) // → ['−1.0', '−0.5', '0.0', '0.5']
 */
export function formatTicks(ticks: number[]): string[] {
  if (ticks.length === 0) return [];
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : Math.abs(ticks[0]!) || 1;
  const big = Math.max(...ticks.map(Math.abs));
  if (big >= 1e6 || (big > 0 && step < 1e-4)) {
    // Enough mantissa digits that ticks one step apart differ: the exponent of the tick minus the
    // exponent of the step (1.2e97 and 1.4e97, step 2e96, need one decimal).
    const e = (v: number): number => Math.floor(Math.log10(v) + 1e-9);
    const digits = Math.max(0, Math.min(6, e(big) - e(step)));
    return ticks.map((t) => (t === 0 ? '0' : t.toExponential(digits)).replace('-', '\u2212'));
  }
  const decimals = Math.max(0, Math.min(10, -Math.floor(Math.log10(step) + 1e-9)));
  return ticks.map((t) => {
    const s = (Math.abs(t) < step * 1e-9 ? 0 : t).toFixed(decimals);
    return s.startsWith('-') ? '\u2212' + s.slice(1) : s;
  });
}

/**
 * A display domain for a data extent: padded by `pad` of its width on each side; a missing extent
 * becomes [0, 1] and a single value c becomes c ± max(1, |c|/10), so a constant function still
 * gets a readable axis.
 */
export function displayDomain(ext: [number, number] | null, pad: number): [number, number] {
  if (!ext) return [0, 1];
  let [a, b] = ext;
  if (a === b) {
    const d = Math.max(1, Math.abs(a) / 10);
    return [a - d, b + d];
  }
  // Halves first: b − a overflows to Infinity for data near ±1.8e308; the result is clamped to
  // the largest finite doubles so the axis stays finite.
  const w = (b / 2 - a / 2) * (2 * pad);
  a = Math.max(-Number.MAX_VALUE, a - w);
  b = Math.min(Number.MAX_VALUE, b + w);
  return [a, b];
}

/** A linear map from `domain` to `range` that never divides by zero. */
export function linear(domain: [number, number], range: [number, number]): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  // v ↦ r0 + (v − d0)·(r1 − r0)/(d1 − d0). The ratio is unchanged by scaling every value by s:
  // s = ½ when d1 − d0 overflows (a domain spanning ±1e308), s = 2⁶⁰⁰ when it is so small that
  // (r1 − r0)/(d1 − d0) would overflow (a domain among the subnormals).
  const span = Math.abs(d1 - d0);
  const s = !Number.isFinite(span) ? 0.5 : span > 0 && span < 1e-290 ? 2 ** 600 : 1;
  const k = d1 !== d0 ? (r1 - r0) / (d1 * s - d0 * s) : 0;
  return (v) => r0 + (v * s - d0 * s) * k;
}

/** Is t within the domain (either orientation), with a hair of tolerance? */
export function inside(t: number, d: [number, number]): boolean {
  const eps = Math.abs(d[1] - d[0]) * 1e-9;
  return t >= Math.min(d[0], d[1]) - eps && t <= Math.max(d[0], d[1]) + eps;
}
