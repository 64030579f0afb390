/**
 * `scatter`: one symbol per (x, y) sample, filled with a constant colour or coloured by a value
 * through a colormap. Samples with a non-finite coordinate are skipped.
 */
import { ArgumentError } from '../../core/errors.js';
import { colormap, mapColor, type ColormapName } from '../colormap.js';
import { esc, finiteExtent, fmt, ok, sameLength, type Series } from '../svg.js';
import type { Frame2D, Mark } from '../types.js';

/** Options of `scatter`. */
export interface ScatterOptions {
  x: Series;
  y: Series;
  /** Constant fill colour (default: the cycle colour). */
  fill?: string;
  /** A value per point, mapped through `colormap` (overrides `fill`). */
  color?: Series;
  /** Default `viridis`. */
  colormap?: ColormapName;
  /** Value range of `color` (default: its finite extent). */
  colorDomain?: [number, number];
  /** Outline colour (default none). */
  stroke?: string;
  /** Radius in px (default 3). */
  r?: number;
  /** `circle` (default), `square`, `cross` or `diamond`. */
  symbol?: 'circle' | 'square' | 'cross' | 'diamond';
  /** 0..1 (default 1). */
  opacity?: number;
  label?: string;
}

/**
 * Points at (x[i], y[i]).
 *
 * @example
 * scatter({ x: [0, 1, 2], y: [1, 3, 2], fill: 'crimson', r: 4, label: 'samples' })
 */
export function scatter(o: ScatterOptions): Mark {
  if (typeof o !== 'object' || o === null || o.x === undefined || o.y === undefined) throw new ArgumentError('scatter: give { x, y }, two arrays of numbers');
  sameLength('scatter', { x: o.x, y: o.y, color: o.color });
  const domain = (): [number, number] => o.colorDomain ?? finiteExtent(o.color) ?? [0, 1];
  const pts = (f: Frame2D): number[] => {
    const out: number[] = [];
    for (let i = 0; i < o.x.length; i++) {
      const x = o.x[i]!, y = o.y[i]!;
      if (ok(x) && ok(y)) out.push(i, f.sx(x), f.sy(y));
    }
    return out;
  };
  return {
    type: 'scatter',
    dims: 2,
    cycles: o.fill === undefined && o.color === undefined,
    extent: () => ({ x: finiteExtent(o.x), y: finiteExtent(o.y) }),
    render(ctx) {
      const f = ctx.frame as Frame2D;
      const r = o.r ?? 3;
      const sym = o.symbol ?? 'circle';
      const cmap = o.color ? colormap(o.colormap) : null;
      const [lo, hi] = domain();
      const p = pts(f);
      const out: string[] = [];
      const stroke = o.stroke ? ` stroke="${esc(o.stroke)}"` : '';
      const op = o.opacity !== undefined && o.opacity < 1 ? ` fill-opacity="${fmt(o.opacity)}"` : '';
      out.push(`<g class="scatter"${stroke}${op}>`);
      for (let k = 0; k < p.length; k += 3) {
        const i = p[k]!, x = p[k + 1]!, y = p[k + 2]!;
        const c = cmap ? mapColor(cmap, o.color![i]!, lo, hi) : esc(o.fill ?? ctx.color);
        if (sym === 'circle') out.push(`<circle cx="${fmt(x)}" cy="${fmt(y)}" r="${fmt(r)}" fill="${c}"/>`);
        else if (sym === 'square') out.push(`<rect x="${fmt(x - r)}" y="${fmt(y - r)}" width="${fmt(2 * r)}" height="${fmt(2 * r)}" fill="${c}"/>`);
        else if (sym === 'diamond') out.push(`<path d="M${fmt(x)} ${fmt(y - r * 1.3)}L${fmt(x + r * 1.3)} ${fmt(y)}L${fmt(x)} ${fmt(y + r * 1.3)}L${fmt(x - r * 1.3)} ${fmt(y)}Z" fill="${c}"/>`);
        else out.push(`<path d="M${fmt(x - r)} ${fmt(y - r)}L${fmt(x + r)} ${fmt(y + r)}M${fmt(x - r)} ${fmt(y + r)}L${fmt(x + r)} ${fmt(y - r)}" stroke="${c}" stroke-width="1.5"/>`);
      }
      out.push('</g>');
      return out.join('');
    },
    legend: (c) => (o.label ? { label: o.label, color: o.fill ?? c, kind: 'dot', opacity: o.opacity, stroke: o.stroke, symbol: o.symbol } : null),
    colorScale: () => (o.color ? { colormap: o.colormap ?? 'viridis', domain: domain() } : null),
    polylines(ctx) {
      const p = pts(ctx.frame as Frame2D);
      const out: number[][] = [];
      for (let k = 0; k < p.length; k += 3) out.push([p[k + 1]!, p[k + 2]!]);
      return out;
    },
  };
}
