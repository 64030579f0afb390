/**
 * Reference lines across the whole panel (`vline`, `hline`) and text annotations (`annotate`).
 */
import { dashAttr, esc, fmt, ok } from '../svg.js';
import type { Frame2D, Mark } from '../types.js';

/** Options of `vline` / `hline`. */
export interface RuleOptions {
  /** Default `#444`. */
  stroke?: string;
  /** Default 1. */
  strokeWidth?: number;
  /** Default `dashed`. */
  dash?: string;
  opacity?: number;
  label?: string;
}

function rule(kind: 'vline' | 'hline', v: number, o: RuleOptions): Mark {
  const vertical = kind === 'vline';
  const seg = (f: Frame2D): number[] => {
    if (!ok(v)) return [];
    return vertical ? [f.sx(v), f.top, f.sx(v), f.top + f.height] : [f.left, f.sy(v), f.left + f.width, f.sy(v)];
  };
  return {
    type: kind,
    dims: 2,
    cycles: false,
    extent: () => ({ x: vertical && ok(v) ? [v, v] : null, y: !vertical && ok(v) ? [v, v] : null }),
    render(ctx) {
      const s = seg(ctx.frame as Frame2D);
      if (!s.length) return '';
      const op = o.opacity !== undefined && o.opacity < 1 ? ` stroke-opacity="${fmt(o.opacity)}"` : '';
      return `<path class="${kind}" d="M${fmt(s[0]!)} ${fmt(s[1]!)}L${fmt(s[2]!)} ${fmt(s[3]!)}" stroke="${esc(o.stroke ?? '#444')}" stroke-width="${fmt(o.strokeWidth ?? 1)}"${dashAttr(o.dash ?? 'dashed')}${op}/>`;
    },
    legend: () => (o.label ? { label: o.label, color: o.stroke ?? '#444', kind: 'line', dash: '6 4' } : null),
    polylines: (ctx) => {
      const s = seg(ctx.frame as Frame2D);
      return s.length ? [s] : [];
    },
  };
}

/**
 * A vertical line at x across the panel (dashed by default).
 *
 * @example
 * vline(4 / 3, { stroke: 'gray', label: 'x = 4/3' })
 */
export function vline(x: number, options: RuleOptions = {}): Mark {
  return rule('vline', x, options);
}

/**
 * A horizontal line at y across the panel (dashed by default).
 *
 * @example
 * hline(0)
 */
export function hline(y: number, options: RuleOptions = {}): Mark {
  return rule('hline', y, options);
}

/** Options of `annotate`. */
export interface AnnotateOptions {
  /** Offset of the text from the point in px (default 6, −6). */
  dx?: number;
  dy?: number;
  /** `start` (default), `middle` or `end`. */
  anchor?: 'start' | 'middle' | 'end';
  /** Text colour (default `#222`). */
  color?: string;
  /** Default 11. */
  fontSize?: number;
  /** Mark the point with a small dot (default true). */
  dot?: boolean;
}

/**
 * Text at the data point (x, y), with a dot at the point itself.
 *
 * @example
 * annotate('local min', 4 / 3, -0.185)
 */
export function annotate(text: string, x: number, y: number, o: AnnotateOptions = {}): Mark {
  return {
    type: 'annotate',
    dims: 2,
    cycles: false,
    extent: () => ({ x: ok(x) ? [x, x] : null, y: ok(y) ? [y, y] : null }),
    render(ctx) {
      if (!ok(x) || !ok(y)) return '';
      const f = ctx.frame as Frame2D;
      const px = f.sx(x), py = f.sy(y);
      const c = esc(o.color ?? '#222');
      const dot = o.dot === false ? '' : `<circle cx="${fmt(px)}" cy="${fmt(py)}" r="2.5" fill="${c}"/>`;
      const size = o.fontSize && o.fontSize !== 11 ? ` font-size="${fmt(o.fontSize)}"` : '';
      return `<g class="annotate">${dot}<text x="${fmt(px + (o.dx ?? 6))}" y="${fmt(py + (o.dy ?? -6))}" text-anchor="${o.anchor ?? 'start'}" fill="${c}"${size}>${esc(text)}</text></g>`;
    },
  };
}
