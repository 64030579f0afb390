/**
 * Shared helpers of the lesson figure builders: reading the arrays a lesson put into its `data`
 * with a clear error naming the lesson and the missing key.
 */
import { ArgumentError } from '../../core/errors.js';
import type { Series } from '../../plot/index.js';

/** Is v an array of numbers (plain or typed)? */
export function isSeries(v: unknown): v is Series {
  return (Array.isArray(v) && (v.length === 0 || typeof v[0] === 'number')) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
}

/** `data[key]` (or the first present alias) as a number series. */
export function numbers(lesson: string, data: Record<string, unknown>, ...keys: string[]): Series {
  for (const k of keys) if (isSeries(data[k])) return data[k] as Series;
  throw new ArgumentError(`${lesson} figures: data.${keys[0]} must be an array of numbers${keys.length > 1 ? ` (or ${keys.slice(1).map((k) => 'data.' + k).join(', ')})` : ''}`);
}

/** `data[key]` as a nested record, if present. */
export function record(data: Record<string, unknown>, ...keys: string[]): Record<string, unknown> | undefined {
  for (const k of keys) {
    const v = data[k];
    if (typeof v === 'object' && v !== null && !isSeries(v)) return v as Record<string, unknown>;
  }
  return undefined;
}

/** Points given as [[x, y], …] or as {x: [...], y: [...]}: split into two series. */
export function points(lesson: string, v: unknown): { x: number[]; y: number[] } {
  if (Array.isArray(v) && v.every((p) => Array.isArray(p) || ArrayBuffer.isView(p))) {
    return { x: v.map((p) => Number((p as ArrayLike<number>)[0])), y: v.map((p) => Number((p as ArrayLike<number>)[1])) };
  }
  if (typeof v === 'object' && v !== null && isSeries((v as { x: unknown }).x) && isSeries((v as { y: unknown }).y)) {
    const o = v as { x: Series; y: Series };
    return { x: Array.from(o.x), y: Array.from(o.y) };
  }
  throw new ArgumentError(`${lesson} figures: points must be [[x, y], …] or {x, y}`);
}
