/**
 * `heatmap`: one coloured cell per grid sample, the cell spanning halfway to its neighbours.
 * Runs of equal colour along a row are merged into one rectangle to keep files small.
 */
import { colormap, mapColor, type ColormapName } from '../colormap.js';
import { finiteExtent, fmt, ok } from '../svg.js';
import type { Frame2D, Mark } from '../types.js';
import { readGrid, type GridData } from './grid.js';

/** Options of `heatmap`. */
export interface HeatmapOptions extends GridData {
  /** Default `viridis`. */
  colormap?: ColormapName;
  colorDomain?: [number, number];
  /** 0..1 (default 1). */
  opacity?: number;
}

/** Cell edges of an axis: midpoints between samples, extended half a step at both ends. */
function edges(a: Float64Array): Float64Array {
  const n = a.length;
  const e = new Float64Array(n + 1);
  if (n === 1) {
    e[0] = a[0]! - 0.5;
    e[1] = a[0]! + 0.5;
    return e;
  }
  // Midpoints as a/2 + b/2, and the ends clamped to the finite doubles: samples near ±1e308
  // would otherwise give infinite edges and an infinite cell width in the SVG.
  for (let i = 1; i < n; i++) e[i] = a[i - 1]! / 2 + a[i]! / 2;
  const clamp = (v: number): number => Math.min(Number.MAX_VALUE, Math.max(-Number.MAX_VALUE, v));
  e[0] = clamp(a[0]! - (e[1]! - a[0]!));
  e[n] = clamp(a[n - 1]! + (a[n - 1]! - e[n - 1]!));
  return e;
}

/**
 * A heatmap of z over an x × y grid.
 *
 * @example
 * heatmap({ x: [0, 1], y: [0, 1, 2], z: [[0, 1, 2], [3, 4, 5]], colormap: 'magma' })
 */
export function heatmap(o: HeatmapOptions): Mark {
  const g = readGrid('heatmap', o);
  const ex = edges(g.x);
  const ey = edges(g.y);
  const domain = (): [number, number] => o.colorDomain ?? finiteExtent(g.z) ?? [0, 1];
  return {
    type: 'heatmap',
    dims: 2,
    cycles: false,
    extent: () => (g.nx ? { x: finiteExtent(ex), y: finiteExtent(ey), tight: true } : { x: null, y: null }),
    render(ctx) {
      const f = ctx.frame as Frame2D;
      const cmap = colormap(o.colormap);
      const [lo, hi] = domain();
      const op = o.opacity !== undefined && o.opacity < 1 ? ` fill-opacity="${fmt(o.opacity)}"` : '';
      const out: string[] = [`<g class="heatmap"${op}>`];
      for (let j = 0; j < g.ny; j++) {
        const y0 = f.sy(ey[j]!), y1 = f.sy(ey[j + 1]!);
        let i = 0;
        while (i < g.nx) {
          const z = g.z[i * g.ny + j]!;
          if (!ok(z)) {
            i++;
            continue;
          }
          const c = mapColor(cmap, z, lo, hi);
          let k = i + 1;
          while (k < g.nx && ok(g.z[k * g.ny + j]!) && mapColor(cmap, g.z[k * g.ny + j]!, lo, hi) === c) k++;
          const x0 = f.sx(ex[i]!), x1 = f.sx(ex[k]!);
          // A hair of overlap hides anti-aliasing seams between cells.
          out.push(`<rect x="${fmt(Math.min(x0, x1))}" y="${fmt(Math.min(y0, y1))}" width="${fmt(Math.abs(x1 - x0) + 0.5)}" height="${fmt(Math.abs(y1 - y0) + 0.5)}" fill="${c}"/>`);
          i = k;
        }
      }
      out.push('</g>');
      return out.join('');
    },
    colorScale: () => ({ colormap: o.colormap ?? 'viridis', domain: domain() }),
  };
}
