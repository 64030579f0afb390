/**
 * `decisionBoundary`: shade where a classifier says "positive" and draw the line where its score
 * crosses the threshold. It takes a plain `(x, y) => number` (a probability, a decision-function
 * value, or a 0/1 class), so plot never needs to know about nn or svm.
 */
import { ArgumentError, describeValue } from '../../core/errors.js';
import { esc, fmt, ok } from '../svg.js';
import type { Frame2D, Mark } from '../types.js';
import { traceContours } from './contour.js';
import type { Grid } from './grid.js';
import { pathData } from './line.js';

/** `#rrggbb` mixed with white: a·colour + (1 − a)·white. Other colour syntaxes pass through. */
function tint(c: string, a: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(c);
  if (!m) return esc(c);
  const v = parseInt(m[1]!, 16);
  const mix = (ch: number): string => Math.round(a * ch + (1 - a) * 255).toString(16).padStart(2, '0');
  return '#' + mix(v >> 16) + mix((v >> 8) & 255) + mix(v & 255);
}

/** Options of `decisionBoundary`. */
export interface DecisionBoundaryOptions {
  /** Samples per side of the evaluation grid (default 100). */
  resolution?: number;
  /** Score at the boundary (default 0.5: probabilities; use 0 for an SVM's decision function). */
  threshold?: number;
  /** Colours of the negative and positive sides, drawn as tints (default tab blue and red). */
  colors?: [string, string];
  /** Strength of the tints: the colour mixed with white at this weight (default 0.3). */
  opacity?: number;
  /** Boundary line colour (default `#222`; `none` to hide it). */
  stroke?: string;
  /** Default 1.5. */
  strokeWidth?: number;
  label?: string;
}

/**
 * n evenly spaced samples lo + (hi − lo)·i/(n − 1); for a range whose width overflows (±1e308)
 * the width is taken at half scale, (hi/2 − lo/2)·2·i/(n − 1), which stays finite.
 */
function samples([lo, hi]: [number, number], n: number): Float64Array {
  const w = hi - lo;
  if (Number.isFinite(w)) return Float64Array.from({ length: n }, (_, i) => lo + (w * i) / (n - 1));
  const h = hi / 2 - lo / 2;
  return Float64Array.from({ length: n }, (_, i) => lo + ((h * i) / (n - 1)) * 2);
}

/**
 * Regions and boundary of `predict` over xRange × yRange.
 *
 * @example
 * decisionBoundary((x, y) => (x * x + y * y < 1 ? 1 : 0), [-2, 2], [-2, 2], { resolution: 60 })
 */
export function decisionBoundary(
  predict: (x: number, y: number) => number,
  xRange: [number, number],
  yRange: [number, number],
  o: DecisionBoundaryOptions = {},
): Mark {
  if (typeof predict !== 'function') throw new ArgumentError('decisionBoundary: predict must be a function (x, y) => number');
  const n = o.resolution ?? 100;
  if (!(Number.isInteger(n) && n >= 2 && n <= 1000)) throw new ArgumentError(`decisionBoundary: resolution must be an integer 2..1000, got ${describeValue(n)}`);
  for (const [name, r] of [['xRange', xRange], ['yRange', yRange]] as const) {
    if (!(Array.isArray(r) && r.length === 2 && ok(r[0]) && ok(r[1]) && r[0] < r[1])) throw new ArgumentError(`decisionBoundary: ${name} must be [lo, hi] with lo < hi, got ${JSON.stringify(r)}`);
  }
  const t = o.threshold ?? 0.5;
  const xs = samples(xRange, n);
  const ys = samples(yRange, n);
  const z = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) z[i * n + j] = predict(xs[i]!, ys[j]!);
  const g: Grid = { x: xs, y: ys, z, nx: n, ny: n };
  const [neg, pos] = o.colors ?? ['#1f77b4', '#d62728'];
  const toPx = (f: Frame2D, rings: number[][]): number[][] => rings.map((r) => r.map((v, k) => (k % 2 ? f.sy(v) : f.sx(v))));
  return {
    type: 'decisionBoundary',
    dims: 2,
    cycles: false,
    extent: () => ({ x: [xRange[0], xRange[1]], y: [yRange[0], yRange[1]], tight: true }),
    render(ctx) {
      const f = ctx.frame as Frame2D;
      // Opaque tints (colour mixed with white) so the two regions never blend where they meet.
      const a = o.opacity ?? 0.3;
      const x0 = f.sx(xRange[0]), x1 = f.sx(xRange[1]), y0 = f.sy(yRange[1]), y1 = f.sy(yRange[0]);
      const out = [`<g class="decision-boundary">`, `<rect x="${fmt(x0)}" y="${fmt(y0)}" width="${fmt(x1 - x0)}" height="${fmt(y1 - y0)}" fill="${tint(neg, a)}"/>`];
      const region = traceContours(g, [t], false)[0];
      const d = region ? pathData(toPx(f, region.rings), true) : '';
      if (d) out.push(`<path class="positive" d="${d}" fill="${tint(pos, a)}" fill-rule="evenodd"/>`);
      const stroke = o.stroke ?? '#222';
      if (stroke !== 'none') {
        const lines = traceContours(g, [t], true)[0];
        const dl = lines ? pathData(toPx(f, lines.rings)) : '';
        if (dl) out.push(`<path class="boundary" d="${dl}" fill="none" stroke="${esc(stroke)}" stroke-width="${fmt(o.strokeWidth ?? 1.5)}"/>`);
      }
      out.push('</g>');
      return out.join('');
    },
    legend: () => (o.label ? { label: o.label, color: o.stroke ?? '#222', kind: 'line' } : null),
    polylines: (ctx) => toPx(ctx.frame as Frame2D, traceContours(g, [t], true)[0]?.rings ?? []),
  };
}
