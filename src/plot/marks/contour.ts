/**
 * `contour`: level lines (or, with `filled`, bands) of z on a grid, traced by d3-contour's
 * marching squares. d3 puts sample (i, j) at grid coordinate (i + ½, j + ½) and returns, for each
 * threshold t, the polygons where z ≥ t; we map grid coordinates back to data by interpolating
 * the x and y axes, and for lines drop the edges that only run along the grid's border.
 */
import { ArgumentError, describeValue } from '../../core/errors.js';
import { contours } from 'd3-contour';
import { colormap, mapColor, type ColormapName } from '../colormap.js';
import { esc, finiteExtent, fmt } from '../svg.js';
import { niceTicks } from '../ticks.js';
import type { Frame2D, Mark } from '../types.js';
import { atIndex, readGrid, type Grid, type GridData } from './grid.js';
import { pathData } from './line.js';

/** Options of `contour`. */
export interface ContourOptions extends GridData {
  /** A number of levels (default 8, placed at nice values) or the level values themselves. */
  levels?: number | number[];
  /** Fill the bands between levels instead of drawing lines (default false). */
  filled?: boolean;
  /** Default `viridis`. */
  colormap?: ColormapName;
  colorDomain?: [number, number];
  /** One colour for every line (default: each level's colormap colour). */
  stroke?: string;
  /** Default 1.2. */
  strokeWidth?: number;
  /** Fill opacity of bands (default 1). */
  opacity?: number;
  label?: string;
}

/** One traced level: its value and rings in data coordinates (flat [x0, y0, …] each). */
export interface ContourLevel {
  value: number;
  rings: number[][];
}

/**
 * Trace the regions z ≥ t for each threshold in data coordinates. With `lines`, keep only the
 * isoline pieces: ring edges lying on the grid border are cut out.
 */
export function traceContours(g: Grid, thresholds: number[], lines: boolean): ContourLevel[] {
  if (g.nx < 2 || g.ny < 2 || thresholds.length === 0) return [];
  // d3 wants row-major values with x varying fastest: values[ix + iy·nx].
  const values = new Float64Array(g.nx * g.ny);
  for (let i = 0; i < g.nx; i++) for (let j = 0; j < g.ny; j++) values[i + j * g.nx] = g.z[i * g.ny + j]!;
  const gen = contours().size([g.nx, g.ny]).thresholds(thresholds);
  const out: ContourLevel[] = [];
  for (const t of thresholds) {
    const mp = gen.contour(values as unknown as number[], t);
    const rings: number[][] = [];
    for (const poly of mp.coordinates) {
      for (const ring of poly) {
        // Fractional sample indices, clamped onto the data rectangle.
        const fi = ring.map((p) => Math.min(Math.max(p[0]! - 0.5, 0), g.nx - 1));
        const fj = ring.map((p) => Math.min(Math.max(p[1]! - 0.5, 0), g.ny - 1));
        if (!lines) {
          const flat: number[] = [];
          for (let k = 0; k < ring.length; k++) flat.push(atIndex(g.x, fi[k]!), atIndex(g.y, fj[k]!));
          rings.push(flat);
          continue;
        }
        const border = (k: number, m: number): boolean =>
          (fi[k] === 0 && fi[m] === 0) || (fi[k] === g.nx - 1 && fi[m] === g.nx - 1) || (fj[k] === 0 && fj[m] === 0) || (fj[k] === g.ny - 1 && fj[m] === g.ny - 1);
        let cur: number[] = [];
        for (let k = 0; k < ring.length; k++) {
          if (k > 0 && border(k - 1, k)) {
            if (cur.length > 2) rings.push(cur);
            cur = [];
          }
          cur.push(atIndex(g.x, fi[k]!), atIndex(g.y, fj[k]!));
        }
        if (cur.length > 2) rings.push(cur);
      }
    }
    out.push({ value: t, rings });
  }
  return out;
}

/** Most levels a count may ask for. */
const MAX_LEVELS = 1000;

/** Level values: explicit ones sorted, or about `count` nice values strictly inside the z range. */
export function contourLevels(zExt: [number, number] | null, levels: number | number[] | undefined): number[] {
  if (Array.isArray(levels)) return levels.filter(Number.isFinite).slice().sort((a, b) => a - b);
  // A count is a hint to d3's nice ticks; an absurd one would write a huge SVG, not a figure.
  if (levels !== undefined && !(Number.isInteger(levels) && levels >= 1 && levels <= MAX_LEVELS)) {
    throw new ArgumentError(`contour: levels must be an integer from 1 to ${MAX_LEVELS} or an array of values, got ${describeValue(levels)}`);
  }
  if (!zExt || zExt[0] === zExt[1]) return [];
  return niceTicks(zExt, levels ?? 8).filter((t) => t > zExt[0] && t < zExt[1]);
}

/**
 * Contour lines or filled contours of z over an x × y grid.
 *
 * @example
 * contour({ x: [0, 1, 2], y: [0, 1, 2], z: [[0, 1, 2], [1, 2, 3], [2, 3, 4]], levels: [1.5, 2.5] })
 */
export function contour(o: ContourOptions): Mark {
  const g = readGrid('contour', o);
  const zExt = finiteExtent(g.z);
  const domain = (): [number, number] => o.colorDomain ?? zExt ?? [0, 1];
  const inner = contourLevels(zExt, o.levels);
  // Filled: the lowest band starts at the data minimum so the whole grid is painted.
  const thresholds = o.filled && zExt ? [zExt[0], ...inner.filter((t) => t > zExt[0])] : inner;
  const toPx = (f: Frame2D, rings: number[][]): number[][] => rings.map((r) => r.map((v, k) => (k % 2 ? f.sy(v) : f.sx(v))));
  return {
    type: o.filled ? 'contourf' : 'contour',
    dims: 2,
    cycles: false,
    extent: () => ({ x: finiteExtent(g.x), y: finiteExtent(g.y), tight: true }),
    render(ctx) {
      const f = ctx.frame as Frame2D;
      const cmap = colormap(o.colormap);
      const [lo, hi] = domain();
      const traced = traceContours(g, thresholds, !o.filled);
      const out: string[] = [`<g class="${o.filled ? 'contourf' : 'contour'}">`];
      traced.forEach((lv, k) => {
        const d = pathData(toPx(f, lv.rings), !!o.filled);
        if (!d) return;
        if (o.filled) {
          // Colour a band [t_k, t_k+1) by its middle value.
          const upper = traced[k + 1]?.value ?? (zExt ? zExt[1] : lv.value);
          const c = mapColor(cmap, (lv.value + upper) / 2, lo, hi);
          const op = o.opacity !== undefined && o.opacity < 1 ? ` fill-opacity="${fmt(o.opacity)}"` : '';
          out.push(`<path d="${d}" fill="${c}" fill-rule="evenodd" stroke="${c}" stroke-width="0.3"${op} data-level="${fmt(lv.value)}"/>`);
        } else {
          const c = o.stroke ? esc(o.stroke) : mapColor(cmap, lv.value, lo, hi);
          out.push(`<path d="${d}" fill="none" stroke="${c}" stroke-width="${fmt(o.strokeWidth ?? 1.2)}" data-level="${fmt(lv.value)}"/>`);
        }
      });
      out.push('</g>');
      return out.join('');
    },
    legend: () => (o.label ? { label: o.label, color: o.stroke ?? mapColor(colormap(o.colormap), 0.5, 0, 1), kind: o.filled ? 'box' : 'line' } : null),
    colorScale: () => ({ colormap: o.colormap ?? 'viridis', domain: domain() }),
    polylines: (ctx) => toPx(ctx.frame as Frame2D, traceContours(g, inner, true).flatMap((l) => l.rings)),
  };
}
