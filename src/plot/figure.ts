/**
 * A figure: a title and a grid of axes, rendered to one standalone SVG string. The same object
 * re-renders after its marks or options change (a slider in the course just calls `toSVG()`
 * again). PNG output lives in png.ts (Node only); the methods here reach it through a backend
 * that png.ts installs, so this file stays browser-safe.
 */
import { ArgumentError, NablaError, checkOptionsArg, describeValue } from '../core/errors.js';
import { is3d, makeAxes, type Axes, type AxesOptions, type Box, type RenderState } from './axes.js';
import { render2d } from './render-2d.js';
import { render3d } from './render-3d.js';
import { esc, fmt } from './svg.js';
import type { Mark } from './types.js';

/** Options of `figure()`. */
export interface FigureOptions {
  /** Size in pixels (default 640 × 480). */
  width?: number;
  height?: number;
  /** Figure title above all panels. */
  title?: string;
  /** Subplot grid (default 1 × 1). */
  rows?: number;
  cols?: number;
  /** Prefix of the SVG's ids (default `nabla`); give two figures on one page different ones. */
  id?: string;
  /** Background colour (default white; `none` for transparent). */
  background?: string;
}

/** Options of PNG output. */
export interface PngOptions {
  /** Pixel-density multiplier (default 1). */
  scale?: number;
}

/** A figure. Build one with `figure()`. */
export interface Figure {
  readonly width: number;
  readonly height: number;
  readonly options: Required<Pick<FigureOptions, 'width' | 'height' | 'rows' | 'cols' | 'id' | 'background'>> & Pick<FigureOptions, 'title'>;
  /** The panel at (row, col), created on first use; `options` are merged into it. */
  axes(row?: number, col?: number, options?: AxesOptions): Axes;
  /** Add marks to the first panel; returns the figure. */
  add(...marks: Mark[]): Figure;
  /** Every panel that exists, row by row. */
  panels(): Axes[];
  /** The figure as a standalone SVG document. */
  toSVG(): string;
  /** PNG bytes (Node only: the package root `nabla` installs the renderer). */
  toPNG(options?: PngOptions): Uint8Array;
  /** Write a PNG file (Node). */
  savePNG(path: string, options?: PngOptions): void;
  /** Write `.svg` or `.png` by the path's extension (Node). */
  save(path: string): void;
}

/** How png.ts plugs PNG rendering and file writing into figures. */
export interface PngBackend {
  toPNG(svg: string, width: number, options?: PngOptions): Uint8Array;
  writeFile(path: string, data: string | Uint8Array): void;
}

let backend: PngBackend | null = null;

/** Install the Node backend (png.ts does this when it is imported). */
export function setPngBackend(b: PngBackend): void {
  backend = b;
}

function needBackend(): PngBackend {
  if (!backend) throw new NablaError("PNG and file output need Node: import from the package root 'nabla' (its plot/png module) to enable them");
  return backend;
}

/**
 * Create a figure.
 *
 * @example
 * const fig = figure({ width: 800, height: 360, cols: 2 });
 * fig.axes(0, 0, { title: 'y=f(x)' }).add(line({ x: [0, 1, 2], y: [0, 1, 4] }));
 * fig.toSVG().startsWith('<svg') // → true
 */
export function figure(options: FigureOptions = {}): Figure {
  checkOptionsArg(options, 'figure');
  if (options.title !== undefined && typeof options.title !== 'string') throw new ArgumentError(`figure: title must be text, got ${describeValue(options.title)}`);
  const width = options.width ?? 640;
  const height = options.height ?? 480;
  const rows = options.rows ?? 1;
  const cols = options.cols ?? 1;
  for (const [k, v] of Object.entries({ width, height })) if (!(Number.isFinite(v) && v > 0)) throw new ArgumentError(`figure: ${k} must be a positive number, got ${describeValue(v)}`);
  for (const [k, v] of Object.entries({ rows, cols })) if (!(Number.isInteger(v) && v >= 1 && v <= 12)) throw new ArgumentError(`figure: ${k} must be an integer 1..12, got ${describeValue(v)}`);
  const opts = { width, height, rows, cols, id: options.id ?? 'nabla', background: options.background ?? 'white', title: options.title };
  const grid: Array<Axes | undefined> = new Array(rows * cols);
  const fig: Figure = {
    width,
    height,
    options: opts,
    axes(row = 0, col = 0, o) {
      if (!(Number.isInteger(row) && row >= 0 && row < rows && Number.isInteger(col) && col >= 0 && col < cols)) {
        throw new ArgumentError(`figure has a ${rows}×${cols} grid: no panel at (${row}, ${col})`);
      }
      const k = row * cols + col;
      const ax = grid[k] ?? (grid[k] = makeAxes());
      if (o) ax.set(o);
      return ax;
    },
    add(...marks) {
      fig.axes(0, 0).add(...marks);
      return fig;
    },
    panels() {
      return grid.filter((a): a is Axes => !!a);
    },
    toSVG() {
      const state: RenderState = { idPrefix: opts.id, counter: 0 };
      const out: string[] = [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(width)}" height="${fmt(height)}" viewBox="0 0 ${fmt(width)} ${fmt(height)}" font-family="DejaVu Sans, Verdana, sans-serif" font-size="11" fill="#222">`,
      ];
      if (opts.background !== 'none') out.push(`<rect width="100%" height="100%" fill="${esc(opts.background)}"/>`);
      const titleH = opts.title ? 30 : 0;
      if (opts.title) out.push(`<text class="suptitle" x="${fmt(width / 2)}" y="21" text-anchor="middle" font-size="15">${esc(opts.title)}</text>`);
      const cw = width / cols;
      const ch = (height - titleH) / rows;
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const ax = grid[r * cols + c];
          if (!ax) continue;
          const box: Box = { left: c * cw, top: titleH + r * ch, width: cw, height: ch };
          out.push(is3d(ax) ? render3d(ax, box, state) : render2d(ax, box, state));
        }
      }
      out.push('</svg>');
      return out.join('\n') + '\n';
    },
    toPNG(o) {
      return needBackend().toPNG(fig.toSVG(), width, o);
    },
    savePNG(path, o) {
      needBackend().writeFile(path, fig.toPNG(o));
    },
    save(path) {
      const ext = path.toLowerCase().split('.').pop();
      if (ext === 'svg') needBackend().writeFile(path, fig.toSVG());
      else if (ext === 'png') fig.savePNG(path);
      else throw new ArgumentError(`save: use a .svg or .png file name, got '${path}'`);
    },
  };
  return fig;
}
