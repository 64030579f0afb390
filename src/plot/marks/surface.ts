/**
 * `surface`: z = f(x, y) on a grid as a 3-D mesh of quadrilaterals, each filled with the colormap
 * at its mean height and drawn back to front (painter's algorithm: sort faces by the depth of
 * their centre along the camera direction). Faces with a non-finite corner are left out (holes).
 */
import { colormap, mapColor, type ColormapName } from '../colormap.js';
import { esc, finiteExtent, fmt } from '../svg.js';
import type { Frame3D, Mark } from '../types.js';
import { readGrid, subsample, type GridData } from './grid.js';

/** Options of `surface`. */
export interface SurfaceOptions extends GridData {
  /** Default `viridis`. */
  colormap?: ColormapName;
  /** z range the colormap spans (default: the finite z extent). */
  colorDomain?: [number, number];
  /** Edge colour (default: each face's own colour, hiding seams). */
  stroke?: string;
  /** Largest number of samples per side; bigger grids are thinned like matplotlib's 50 (default 50). */
  maxGrid?: number;
  /** 0..1 (default 1). */
  opacity?: number;
  label?: string;
}

/**
 * A 3-D surface; putting it in an axes makes that axes 3-D (turn it with `ax.view(az, el)`).
 *
 * @example
 * surface({ x: [-1, 0, 1], y: [-1, 0, 1], z: [[2, 1, 2], [1, 0, 1], [2, 1, 2]] })
 */
export function surface(o: SurfaceOptions): Mark {
  const g = subsample(readGrid('surface', o), o.maxGrid ?? 50);
  const { nx, ny } = g;
  const zExt = finiteExtent(g.z);
  const domain = (): [number, number] => o.colorDomain ?? zExt ?? [0, 1];
  // Buffers reused across renders so re-projection on drag does not allocate per vertex.
  const px = new Float64Array(nx * ny);
  const py = new Float64Array(nx * ny);
  const pd = new Float64Array(nx * ny);
  const nq = Math.max(0, (nx - 1) * (ny - 1));
  const depth = new Float64Array(nx * ny);
  const order = new Uint32Array(nq);
  const tmp = new Float64Array(3);
  return {
    type: 'surface',
    dims: 3,
    cycles: false,
    extent: () => ({ x: finiteExtent(g.x), y: finiteExtent(g.y), z: zExt }),
    render(ctx) {
      const f = ctx.frame as Frame3D;
      for (let i = 0; i < nx; i++) {
        for (let j = 0; j < ny; j++) {
          const k = i * ny + j;
          f.project(g.x[i]!, g.y[j]!, g.z[k]!, tmp);
          px[k] = tmp[0]!;
          py[k] = tmp[1]!;
          pd[k] = tmp[2]!;
        }
      }
      let m = 0;
      for (let i = 0; i < nx - 1; i++) {
        for (let j = 0; j < ny - 1; j++) {
          const k = i * ny + j;
          const d = pd[k]! + pd[k + 1]! + pd[k + ny]! + pd[k + ny + 1]!;
          if (!Number.isFinite(d)) continue;
          depth[k] = d;
          order[m++] = k;
        }
      }
      // Far faces first (a face is named by its corner's grid index k = i·ny + j).
      const faces = order.subarray(0, m).sort((a, b) => depth[a]! - depth[b]!);
      const cmap = colormap(o.colormap);
      const [lo, hi] = domain();
      const edge = o.stroke ? esc(o.stroke) : null;
      const op = o.opacity !== undefined && o.opacity < 1 ? ` fill-opacity="${fmt(o.opacity)}"` : '';
      const out: string[] = [`<g class="surface" stroke-width="0.5" stroke-linejoin="round"${op}>`];
      for (let q = 0; q < m; q++) {
        const k = faces[q]!;
        const c = mapColor(cmap, (g.z[k]! + g.z[k + 1]! + g.z[k + ny]! + g.z[k + ny + 1]!) / 4, lo, hi);
        const a = k, b = k + ny, cc = k + ny + 1, d = k + 1;
        out.push(`<path d="M${fmt(px[a]!)} ${fmt(py[a]!)}L${fmt(px[b]!)} ${fmt(py[b]!)}L${fmt(px[cc]!)} ${fmt(py[cc]!)}L${fmt(px[d]!)} ${fmt(py[d]!)}Z" fill="${c}" stroke="${edge ?? c}"/>`);
      }
      out.push('</g>');
      return out.join('');
    },
    legend: () => (o.label ? { label: o.label, color: mapColor(colormap(o.colormap), 0.5, 0, 1), kind: 'box' } : null),
    colorScale: () => ({ colormap: o.colormap ?? 'viridis', domain: domain() }),
    polylines(ctx) {
      // A wireframe of about 12 lines each way for the terminal preview.
      const f = ctx.frame as Frame3D;
      const out: number[][] = [];
      const si = Math.max(1, Math.floor(nx / 12)), sj = Math.max(1, Math.floor(ny / 12));
      const run = (pts: Array<[number, number]>): void => {
        let cur: number[] = [];
        for (const [i, j] of pts) {
          const z = g.z[i * ny + j]!;
          if (Number.isFinite(z)) {
            f.project(g.x[i]!, g.y[j]!, z, tmp);
            cur.push(tmp[0]!, tmp[1]!);
          } else if (cur.length) {
            out.push(cur);
            cur = [];
          }
        }
        if (cur.length) out.push(cur);
      };
      for (let i = 0; i < nx; i += si) run(Array.from({ length: ny }, (_, j) => [i, j] as [number, number]));
      for (let j = 0; j < ny; j += sj) run(Array.from({ length: nx }, (_, i) => [i, j] as [number, number]));
      return out;
    },
  };
}
