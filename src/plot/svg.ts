/**
 * Small helpers for writing SVG text: numbers rounded to two decimals (files stay small and the
 * output is stable across platforms), XML escaping, and number-array reading.
 */
import { dict } from '../core/dict.js';
import { ArgumentError } from '../core/errors.js';

/** Anything indexable with numbers: plain arrays and typed arrays alike. */
export type Series = ArrayLike<number>;

/**
 * A coordinate for SVG output, rounded to 2 decimals with no trailing zeros and no `-0`.
 *
 * @example
 * fmt(1.23456) // → '1.23'
 */
export function fmt(v: number): string {
  // Beyond 2⁵³/100 there are no hundredths left to round away, and v·100 could overflow to ±∞.
  if (Math.abs(v) >= 9e13) return String(v);
  const r = Math.round(v * 100) / 100;
  return r === 0 ? '0' : String(r);
}

/** Escape text for an XML text node or a double-quoted attribute value. */
export function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Finite-aware [min, max] of a series; `null` when it holds no finite number. */
export function finiteExtent(a: Series | undefined): [number, number] | null {
  if (!a) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (v < lo && v !== -Infinity) lo = v;
    if (v > hi && v !== Infinity) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

/** The union of two optional extents. */
export function unionExtent(a: [number, number] | null, b: [number, number] | null): [number, number] | null {
  if (!a) return b;
  if (!b) return a;
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}

/** Check that channels a mark reads have the same length; names the mark and channels if not. */
export function sameLength(mark: string, channels: Record<string, Series | undefined>): number {
  let n = -1;
  let first = '';
  for (const [name, s] of Object.entries(channels)) {
    if (s === undefined) continue;
    // x and y are always given (as undefined they would fail on the first point): null, a number, … too.
    if (s === null || typeof s !== 'object' || typeof s.length !== 'number') throw new ArgumentError(`${mark}: channel '${name}' must be an array of numbers`);
    if (n < 0) {
      n = s.length;
      first = name;
    } else if (s.length !== n) {
      throw new ArgumentError(`${mark}: channel '${name}' has ${s.length} values but '${first}' has ${n}`);
    }
  }
  return Math.max(n, 0);
}

/** Is `v` a finite number (not NaN, not ±∞)? */
export function ok(v: number | undefined): v is number {
  return v !== undefined && Number.isFinite(v);
}

/** Stroke-dash presets. */
export const DASHES: Record<string, string> = dict<string>({ solid: '', dashed: '6 4', dotted: '1.5 3', dashdot: '6 3 1.5 3' });

/** `stroke-dasharray` attribute text for a dash name or explicit pattern ('' when solid). */
export function dashAttr(dash: string | undefined): string {
  if (!dash || dash === 'solid') return '';
  const d = DASHES[dash] ?? dash;
  return ` stroke-dasharray="${esc(d)}"`;
}
