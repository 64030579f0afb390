/**
 * Colormaps: d3-scale-chromatic's continuous interpolators sampled into 256-entry lookup tables of
 * `#rrggbb` strings, so mapping a value is one multiply and an array read (fast enough to recolour
 * thousands of arrows or surface cells on every slider move).
 */
import { dict } from '../core/dict.js';
import {
  interpolateBlues,
  interpolateCividis,
  interpolateCool,
  interpolateGreys,
  interpolateInferno,
  interpolateMagma,
  interpolatePlasma,
  interpolateRdBu,
  interpolateRdYlBu,
  interpolateSpectral,
  interpolateTurbo,
  interpolateViridis,
  interpolateWarm,
} from 'd3-scale-chromatic';
import { ArgumentError } from '../core/errors.js';

const INTERPOLATORS: Record<string, (t: number) => string> = dict<(t: number) => string>({
  viridis: interpolateViridis,
  plasma: interpolatePlasma,
  inferno: interpolateInferno,
  magma: interpolateMagma,
  cividis: interpolateCividis,
  turbo: interpolateTurbo,
  cool: interpolateCool,
  warm: interpolateWarm,
  blues: interpolateBlues,
  greys: interpolateGreys,
  rdbu: interpolateRdBu,
  rdylbu: interpolateRdYlBu,
  spectral: interpolateSpectral,
  // Diverging blue→red, the usual look of a two-class decision plot.
  coolwarm: (t) => interpolateRdBu(1 - t),
});

/** Names accepted wherever a colormap is asked for. */
export type ColormapName = keyof typeof INTERPOLATORS | string;

/** A colormap: maps t ∈ [0, 1] to a `#rrggbb` colour. */
export type Colormap = (t: number) => string;

const cache = new Map<string, Colormap>();

function toHex(c: string): string {
  if (/^#[0-9a-f]{6}$/i.test(c)) return c.toLowerCase();
  const m = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(c);
  if (!m) return c;
  return '#' + [m[1], m[2], m[3]].map((v) => Number(v).toString(16).padStart(2, '0')).join('');
}

/**
 * Look a colormap up by name (default `viridis`). Values outside [0, 1] clamp; NaN gives `none`.
 *
 * @example
 * colormap('viridis')(0) // → '#440154'
 */
export function colormap(name: ColormapName = 'viridis'): Colormap {
  const key = name.toLowerCase();
  const hit = cache.get(key);
  if (hit) return hit;
  const f = INTERPOLATORS[key];
  if (!f) throw new ArgumentError(`unknown colormap '${name}': use one of ${Object.keys(INTERPOLATORS).join(', ')}`);
  const lut: string[] = [];
  for (let i = 0; i < 256; i++) lut.push(toHex(f(i / 255)));
  const cmap: Colormap = (t) => {
    if (Number.isNaN(t)) return 'none';
    const i = Math.round((t < 0 ? 0 : t > 1 ? 1 : t) * 255);
    return lut[i]!;
  };
  cache.set(key, cmap);
  return cmap;
}

/**
 * The names of the colormaps `colormap()` knows.
 *
 * @example
 * colormapNames().includes('viridis') // → true
 */
export function colormapNames(): string[] {
  return Object.keys(INTERPOLATORS);
}

/** A colour scale: a colormap stretched over a value domain, reported to colorbars. */
export interface ColorScale {
  colormap: ColormapName;
  domain: [number, number];
  label?: string;
}

/** Map v through `cmap` over `[lo, hi]` (a constant domain maps to the middle colour). */
export function mapColor(cmap: Colormap, v: number, lo: number, hi: number): string {
  return cmap(hi > lo ? (v - lo) / (hi - lo) : 0.5);
}
