/**
 * `quiver`: an arrow from each (x, y) along (u, v), optionally normalised to unit length and
 * coloured by a value (e.g. the vector's magnitude) through a colormap. Arrows are drawn in data
 * units: the tip is at (x + s·u, y + s·v) with the scale s chosen so the longest arrow is 0.9 of
 * the grid spacing, unless `scale` is given.
 */
import { ArgumentError, describeValue } from '../../core/errors.js';
import { colormap, mapColor, type ColormapName } from '../colormap.js';
import { esc, finiteExtent, fmt, ok, sameLength, type Series } from '../svg.js';
import type { Frame2D, Mark } from '../types.js';

/** Options of `quiver`. */
export interface QuiverOptions {
  /** Tails, one per arrow (flatten a meshgrid). */
  x: Series;
  y: Series;
  /** Components, one per arrow. */
  u: Series;
  v: Series;
  /** Constant colour, or one value per arrow mapped through `colormap`. Default: cycle colour. */
  color?: string | Series;
  /** Default `viridis`. */
  colormap?: ColormapName;
  colorDomain?: [number, number];
  /** Divide each vector by its length first (default false). Zero vectors are skipped. */
  normalize?: boolean;
  /** Data units per vector unit (default: automatic, see above). */
  scale?: number;
  /** Shaft width in px (default 1.2). */
  width?: number;
  /** Longest arrow head in px (default 7). */
  headLength?: number;
  label?: string;
}

interface Geometry {
  /** Per drawn arrow: index, tail x, tail y, tip x, tip y in data units. */
  arrows: Float64Array;
  count: number;
}

/**
 * Arrows at (x, y) along (u, v).
 *
 * @example
 * quiver({ x: [0, 1], y: [0, 0], u: [1, 0], v: [0, 1], normalize: true, color: [1, 2] })
 */
export function quiver(o: QuiverOptions): Mark {
  const n = sameLength('quiver', { x: o.x, y: o.y, u: o.u, v: o.v, color: typeof o.color === 'string' ? undefined : o.color });
  if (o.scale !== undefined && !(o.scale > 0)) throw new ArgumentError(`quiver: scale must be positive, got ${describeValue(o.scale)}`);
  const values = typeof o.color === 'string' ? undefined : o.color;
  // Recomputed on each render: a mark reads its arrays when drawn, so a caller may refill them.
  const geometry = (): Geometry => {
    const uu = new Float64Array(n);
    const vv = new Float64Array(n);
    let maxLen = 0;
    for (let i = 0; i < n; i++) {
      let u = o.u[i]!, v = o.v[i]!;
      const len = Math.hypot(u, v);
      if (o.normalize) {
        u /= len;
        v /= len;
      }
      uu[i] = u;
      vv[i] = v;
      const l = Math.hypot(u, v);
      if (ok(l) && l > maxLen) maxLen = l;
    }
    let s = o.scale;
    if (s === undefined) {
      const ex = finiteExtent(o.x), ey = finiteExtent(o.y);
      const w = ex ? ex[1] - ex[0] : 0, h = ey ? ey[1] - ey[0] : 0;
      const side = Math.sqrt(Math.max(n, 1));
      // Grid spacing of a √n × √n grid over the data, or the one non-zero side if flat.
      const spacing = w > 0 && h > 0 ? Math.sqrt(w * h) / Math.max(side - 1, 1) : Math.max(w, h, 1) / Math.max(n - 1, 1);
      s = maxLen > 0 ? (0.9 * spacing) / maxLen : 1;
    }
    const arrows = new Float64Array(5 * n);
    let count = 0;
    for (let i = 0; i < n; i++) {
      const x = o.x[i]!, y = o.y[i]!, u = uu[i]!, v = vv[i]!;
      if (!(ok(x) && ok(y) && ok(u) && ok(v)) || (u === 0 && v === 0)) continue;
      arrows.set([i, x, y, x + s * u, y + s * v], 5 * count++);
    }
    return { arrows, count };
  };
  const domain = (): [number, number] => o.colorDomain ?? finiteExtent(values) ?? [0, 1];
  /** Pixel shaft and head of arrow k: tail, base of head, tip, two head corners. */
  const shape = (f: Frame2D, g: Geometry, k: number, head: number): number[] | null => {
    const a = g.arrows;
    const x0 = f.sx(a[5 * k + 1]!), y0 = f.sy(a[5 * k + 2]!), x1 = f.sx(a[5 * k + 3]!), y1 = f.sy(a[5 * k + 4]!);
    const L = Math.hypot(x1 - x0, y1 - y0);
    if (!(L > 0.25)) return null;
    const dx = (x1 - x0) / L, dy = (y1 - y0) / L;
    const h = Math.min(head, 0.4 * L), w = 0.45 * h;
    const bx = x1 - dx * h, by = y1 - dy * h;
    return [x0, y0, bx, by, x1, y1, bx - dy * w, by + dx * w, bx + dy * w, by - dx * w];
  };
  return {
    type: 'quiver',
    dims: 2,
    cycles: o.color === undefined,
    extent() {
      const g = geometry();
      let x: [number, number] | null = null, y: [number, number] | null = null;
      for (let k = 0; k < g.count; k++) {
        for (const [px, py] of [[g.arrows[5 * k + 1]!, g.arrows[5 * k + 2]!], [g.arrows[5 * k + 3]!, g.arrows[5 * k + 4]!]] as const) {
          x = x ? [Math.min(x[0], px), Math.max(x[1], px)] : [px, px];
          y = y ? [Math.min(y[0], py), Math.max(y[1], py)] : [py, py];
        }
      }
      return { x: x ?? finiteExtent(o.x), y: y ?? finiteExtent(o.y) };
    },
    render(ctx) {
      const f = ctx.frame as Frame2D;
      const g = geometry();
      const cmap = values ? colormap(o.colormap) : null;
      const [lo, hi] = domain();
      const fixed = esc(typeof o.color === 'string' ? o.color : ctx.color);
      const out: string[] = [`<g class="quiver" stroke-width="${fmt(o.width ?? 1.2)}" stroke-linejoin="round">`];
      for (let k = 0; k < g.count; k++) {
        const p = shape(f, g, k, o.headLength ?? 7);
        if (!p) continue;
        const c = cmap ? mapColor(cmap, values![g.arrows[5 * k]!]!, lo, hi) : fixed;
        out.push(`<path d="M${fmt(p[0]!)} ${fmt(p[1]!)}L${fmt(p[2]!)} ${fmt(p[3]!)}M${fmt(p[4]!)} ${fmt(p[5]!)}L${fmt(p[6]!)} ${fmt(p[7]!)}L${fmt(p[8]!)} ${fmt(p[9]!)}Z" fill="${c}" stroke="${c}"/>`);
      }
      out.push('</g>');
      return out.join('');
    },
    legend: (c) => (o.label ? { label: o.label, color: typeof o.color === 'string' ? o.color : c, kind: 'arrow' } : null),
    colorScale: () => (values ? { colormap: o.colormap ?? 'viridis', domain: domain() } : null),
    polylines(ctx) {
      const f = ctx.frame as Frame2D;
      const g = geometry();
      const out: number[][] = [];
      for (let k = 0; k < g.count; k++) {
        const p = shape(f, g, k, Math.max(3, o.headLength ?? 7));
        if (p) out.push([p[0]!, p[1]!, p[4]!, p[5]!], [p[6]!, p[7]!, p[4]!, p[5]!, p[8]!, p[9]!]);
      }
      return out;
    },
  };
}
