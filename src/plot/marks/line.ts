/**
 * `line` and `area`: polylines and filled bands through (x, y) samples. A non-finite sample (NaN,
 * ±∞) breaks the path, so poles and holes show as gaps instead of wild strokes.
 */
import { ArgumentError } from '../../core/errors.js';
import { dashAttr, esc, finiteExtent, fmt, ok, sameLength, type Series } from '../svg.js';
import type { Frame2D, LegendEntry, Mark, RenderContext } from '../types.js';

/** Options of `line`. */
export interface LineOptions {
  x: Series;
  y: Series;
  /** Stroke colour (default: the axes' next cycle colour). */
  stroke?: string;
  /** Stroke width in px (default 1.5). */
  strokeWidth?: number;
  /** 0..1 (default 1). */
  opacity?: number;
  /** `solid` (default), `dashed`, `dotted`, `dashdot` or an SVG dash pattern. */
  dash?: string;
  /** Legend label. */
  label?: string;
}

/** Pixel coordinates of finite runs: one flat [x0, y0, x1, y1, …] per run. */
export function runs(f: Frame2D, x: Series, y: Series): number[][] {
  const out: number[][] = [];
  let cur: number[] = [];
  // Clamp far-off pixels so a huge value (1e300) cannot make absurd path text.
  const clamp = (v: number): number => (v > 1e6 ? 1e6 : v < -1e6 ? -1e6 : v);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    if (ok(xi) && ok(yi)) {
      cur.push(clamp(f.sx(xi)), clamp(f.sy(yi)));
    } else if (cur.length) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

/**
 * Path data of polylines (`M x y L x y …` per run). A polyline with a non-finite coordinate is
 * left out whole: lines are already split at NaN, so one can only come from overflow upstream
 * (contours of ±∞ values), and `MNaN …` would make the whole path invalid.
 */
export function pathData(polys: number[][], close = false): string {
  let d = '';
  for (const p of polys) {
    if (!p.every(Number.isFinite)) continue;
    d += `M${fmt(p[0]!)} ${fmt(p[1]!)}`;
    for (let i = 2; i < p.length; i += 2) d += `L${fmt(p[i]!)} ${fmt(p[i + 1]!)}`;
    if (close) d += 'Z';
  }
  return d;
}

/**
 * A polyline through (x[i], y[i]).
 *
 * @example
 * line({ x: [0, 1, 2], y: [0, 1, 4], stroke: 'red', label: 'x²' })
 */
export function line(o: LineOptions): Mark {
  if (typeof o !== 'object' || o === null || o.x === undefined || o.y === undefined) throw new ArgumentError('line: give { x, y }, two arrays of numbers');
  sameLength('line', { x: o.x, y: o.y });
  return {
    type: 'line',
    dims: 2,
    cycles: o.stroke === undefined,
    extent: () => ({ x: finiteExtent(o.x), y: finiteExtent(o.y) }),
    render(ctx: RenderContext) {
      const f = ctx.frame as Frame2D;
      const d = pathData(runs(f, o.x, o.y));
      if (!d) return '';
      const op = o.opacity !== undefined && o.opacity < 1 ? ` stroke-opacity="${fmt(o.opacity)}"` : '';
      return `<path class="line" d="${d}" fill="none" stroke="${esc(o.stroke ?? ctx.color)}" stroke-width="${fmt(o.strokeWidth ?? 1.5)}" stroke-linejoin="round" stroke-linecap="round"${op}${dashAttr(o.dash)}/>`;
    },
    legend: (c): LegendEntry | null => (o.label ? { label: o.label, color: o.stroke ?? c, kind: 'line', opacity: o.opacity, dash: o.dash ? dashAttr(o.dash).replace(/.*="(.*)"/, '$1') : undefined } : null),
    polylines: (ctx) => runs(ctx.frame as Frame2D, o.x, o.y),
  };
}

/** Options of `area`. */
export interface AreaOptions {
  x: Series;
  /** Upper edge. */
  y: Series;
  /** Lower edge: a series or a constant (default 0). */
  y0?: Series | number;
  /** Fill colour (default: the cycle colour). */
  fill?: string;
  /** Fill opacity (default 0.3). */
  opacity?: number;
  /** Draw the upper edge too, in the fill colour (default true). */
  edge?: boolean;
  label?: string;
}

/**
 * The band between y0 (default 0) and y over x; breaks at non-finite samples.
 *
 * @example
 * area({ x: [0, 1, 2], y: [0, 1, 4], fill: 'steelblue' })
 */
export function area(o: AreaOptions): Mark {
  const lower = typeof o.y0 === 'number' || o.y0 === undefined ? null : o.y0;
  const base = typeof o.y0 === 'number' ? o.y0 : 0;
  sameLength('area', { x: o.x, y: o.y, y0: lower ?? undefined });
  const y0 = (i: number): number => (lower ? lower[i]! : base);
  const bands = (f: Frame2D): number[][] => {
    const out: number[][] = [];
    let top: number[] = [];
    let bottom: number[] = [];
    const flush = (): void => {
      if (top.length) {
        const poly = top.slice();
        for (let i = bottom.length - 2; i >= 0; i -= 2) poly.push(bottom[i]!, bottom[i + 1]!);
        out.push(poly);
      }
      top = [];
      bottom = [];
    };
    for (let i = 0; i < o.x.length; i++) {
      const xi = o.x[i]!, yi = o.y[i]!, bi = y0(i);
      if (ok(xi) && ok(yi) && ok(bi)) {
        top.push(f.sx(xi), f.sy(yi));
        bottom.push(f.sx(xi), f.sy(bi));
      } else flush();
    }
    flush();
    return out;
  };
  return {
    type: 'area',
    dims: 2,
    cycles: o.fill === undefined,
    extent: () => {
      const ys = finiteExtent(o.y);
      const bs = lower ? finiteExtent(lower) : ([base, base] as [number, number]);
      return { x: finiteExtent(o.x), y: ys && bs ? [Math.min(ys[0], bs[0]), Math.max(ys[1], bs[1])] : ys };
    },
    render(ctx) {
      const f = ctx.frame as Frame2D;
      const c = esc(o.fill ?? ctx.color);
      const d = pathData(bands(f), true);
      if (!d) return '';
      let s = `<path class="area" d="${d}" fill="${c}" fill-opacity="${fmt(o.opacity ?? 0.3)}" stroke="none"/>`;
      if (o.edge !== false) s += `<path class="area-edge" d="${pathData(runs(f, o.x, o.y))}" fill="none" stroke="${c}" stroke-width="1.2"/>`;
      return s;
    },
    legend: (c) => (o.label ? { label: o.label, color: o.fill ?? c, kind: 'box', opacity: o.opacity ?? 0.3 } : null),
    polylines: (ctx) => runs(ctx.frame as Frame2D, o.x, o.y),
  };
}
