/**
 * A terminal preview: a figure's first panel (or plain x/y data) drawn with Unicode braille
 * characters, each a 2 × 4 grid of dots, so a 60 × 16 character block holds 120 × 64 "pixels".
 * Every mark that knows its polylines (lines, points, arrows, contour lines, a surface's
 * wireframe) is rasterised; axis ranges are printed beside the block.
 */
import { ArgumentError, describeValue } from '../core/errors.js';
import { is3d, type Axes, type Box } from './axes.js';
import { figure, type Figure } from './figure.js';
import { line } from './marks/line.js';
import { frame2d } from './render-2d.js';
import { frame3d } from './render-3d.js';
import { ok, type Series } from './svg.js';
import type { RenderContext } from './types.js';

/** Options of `toBraille`. */
export interface BrailleOptions {
  /** Characters across (default 60) and down (default 16). */
  width?: number;
  height?: number;
  /** Which panel of a figure, in row order (default 0). */
  panel?: number;
}

/** Data `toBraille` accepts besides a figure: one series or several. */
export type BrailleData = { x: Series; y: Series } | Array<{ x: Series; y: Series }>;

// Dot bit of sub-pixel (dx, dy) inside a braille cell (Unicode's numbering 1-8).
const BITS = [
  [0x01, 0x08],
  [0x02, 0x10],
  [0x04, 0x20],
  [0x40, 0x80],
];

/** An axis end for the margin: 4 significant digits, true minus sign. */
function label(v: number): string {
  return String(Number(v.toPrecision(4))).replace('-', '\u2212');
}

function isFigure(v: unknown): v is Figure {
  return typeof v === 'object' && v !== null && typeof (v as Figure).toSVG === 'function' && typeof (v as Figure).panels === 'function';
}

/**
 * Draw a figure's panel, or x/y data, as braille text lines joined by newlines.
 *
 * @example
 * toBraille({ x: [0, 1, 2, 3], y: [0, 1, 4, 9] }, { width: 20, height: 5 }).split('\n').length // → 7
 */
export function toBraille(input: Figure | BrailleData, options: BrailleOptions = {}): string {
  const W = options.width ?? 60;
  const H = options.height ?? 16;
  if (!(Number.isInteger(W) && W >= 4 && W <= 400 && Number.isInteger(H) && H >= 2 && H <= 200)) {
    throw new ArgumentError(`toBraille: width must be 4..400 and height 2..200 characters, got ${describeValue(W)} × ${describeValue(H)}`);
  }
  let fig: Figure;
  if (isFigure(input)) fig = input;
  else {
    fig = figure();
    for (const s of Array.isArray(input) ? input : [input]) {
      if (!s || s.x === undefined || s.y === undefined) throw new ArgumentError('toBraille: give a figure, {x, y} or an array of {x, y}');
      fig.add(line({ x: s.x, y: s.y }));
    }
  }
  const panels = fig.panels();
  const ax: Axes | undefined = panels[options.panel ?? 0];
  const PW = W * 2;
  const PH = H * 4;
  const dots = new Uint8Array(W * H);
  const plot = (x: number, y: number): void => {
    const px = Math.round(x), py = Math.round(y);
    if (px < 0 || py < 0 || px >= PW || py >= PH) return;
    dots[(py >> 2) * W + (px >> 1)]! |= BITS[py & 3]![px & 1]!;
  };
  let xr: [number, number] = [0, 1];
  let yr: [number, number] = [0, 1];
  let title = fig.options.title ?? '';
  if (ax) {
    title = ax.options.title ?? title;
    const box: Box = { left: 0, top: 0, width: PW - 1, height: PH - 1 };
    const frame = is3d(ax) ? frame3d(ax, box, true) : frame2d(ax, box, false);
    xr = frame.xDomain;
    yr = frame.kind === '3d' ? frame.zDomain : frame.yDomain;
    const ctx: RenderContext = { frame, color: '', id: (p) => p };
    for (const m of ax.marks) {
      for (const poly of m.polylines?.(ctx) ?? []) {
        if (poly.length === 2) plot(poly[0]!, poly[1]!);
        for (let i = 2; i < poly.length; i += 2) {
          const x0 = poly[i - 2]!, y0 = poly[i - 1]!, x1 = poly[i]!, y1 = poly[i + 1]!;
          if (!(ok(x0) && ok(y0) && ok(x1) && ok(y1))) continue;
          const steps = Math.min(4 * (PW + PH), Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))) + 1);
          for (let s = 0; s <= steps; s++) plot(x0 + ((x1 - x0) * s) / steps, y0 + ((y1 - y0) * s) / steps);
        }
      }
    }
  }
  const [yTop, yBottom] = [label(yr[1]), label(yr[0])];
  const pad = Math.max(yTop!.length, yBottom!.length);
  const lines: string[] = [];
  if (title) lines.push(' '.repeat(pad + 2) + title);
  for (let r = 0; r < H; r++) {
    let row = '';
    for (let c = 0; c < W; c++) row += String.fromCharCode(0x2800 + dots[r * W + c]!);
    const label = r === 0 ? yTop! : r === H - 1 ? yBottom! : '';
    lines.push(`${label.padStart(pad)} ${r === 0 || r === H - 1 ? '┤' : '│'}${row}`);
  }
  const [xl, xh] = [label(xr[0]), label(xr[1])];
  lines.push(' '.repeat(pad + 1) + '└' + '─'.repeat(W));
  lines.push(' '.repeat(pad + 2) + xl! + xh!.padStart(Math.max(1, W - xl!.length)));
  return lines.join('\n');
}
