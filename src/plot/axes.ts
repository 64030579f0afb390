/**
 * Axes: one panel of a figure, as data: its marks and options. render-2d.ts and render-3d.ts
 * draw it (a panel is 3-D when any of its marks has `dims: 3`).
 */
import { ArgumentError } from '../core/errors.js';
import type { ColorScale } from './colormap.js';
import type { Mark } from './types.js';

/** Legend placement inside the plotting area. */
export type LegendPosition = 'best' | 'top-right' | 'top-left' | 'bottom-right' | 'bottom-left';

/** Options of one panel. Every field is optional. */
export interface AxesOptions {
  /** Panel title above the plotting area. */
  title?: string;
  xLabel?: string;
  yLabel?: string;
  /** 3-D panels only. */
  zLabel?: string;
  /** Fixed data domains; by default the marks' extent plus `margin`. */
  xDomain?: [number, number];
  yDomain?: [number, number];
  zDomain?: [number, number];
  /** Padding around the data as a fraction of its width (default 0.05; 0 for raster marks). */
  margin?: number;
  /**
   * Show a legend of the labelled marks (default when any mark has a label). `true` or `best`
   * (default) picks the corner that covers the fewest drawn points, as matplotlib's 'best'.
   */
  legend?: boolean | LegendPosition;
  /** Draw a colorbar for the first mark with a colour scale; a string is its label. Default false. */
  colorbar?: boolean | string;
  /** Light grid lines at the ticks (default false). */
  grid?: boolean;
  /** `equal`: one data unit is as long on x as on y (default `auto`: fill the panel). */
  aspect?: 'auto' | 'equal';
  /** About how many ticks per axis (default 6). */
  ticks?: number;
  /** 3-D camera: azimuth and elevation in degrees (matplotlib's defaults −60 and 30). */
  azimuth?: number;
  elevation?: number;
}

/**
 * Colours of the default cycle (matplotlib's tab10), given to marks without a colour in order.
 *
 * @example
 * COLOR_CYCLE[0] // → '#1f77b4'
 */
export const COLOR_CYCLE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

/** A panel of a figure: add marks to it and set its options. */
export interface Axes {
  readonly options: AxesOptions;
  readonly marks: Mark[];
  /** Add marks; returns the axes for chaining. */
  add(...marks: Mark[]): Axes;
  /** Merge options. */
  set(options: AxesOptions): Axes;
  /** Turn the 3-D camera (degrees). */
  view(azimuth: number, elevation: number): Axes;
  /** Remove every mark (re-render on parameter change). */
  clear(): Axes;
}

/** Create an axes (figures do this for you through `fig.axes(row, col)`). */
export function makeAxes(options: AxesOptions = {}): Axes {
  const ax: Axes = {
    options: { ...options },
    marks: [],
    add(...marks) {
      for (const m of marks) {
        if (!m || typeof m.render !== 'function') throw new ArgumentError('axes.add expects marks made by line(), scatter(), quiver(), …');
        ax.marks.push(m);
      }
      return ax;
    },
    set(o) {
      Object.assign(ax.options, o);
      return ax;
    },
    view(azimuth, elevation) {
      ax.options.azimuth = azimuth;
      ax.options.elevation = elevation;
      return ax;
    },
    clear() {
      ax.marks.length = 0;
      return ax;
    },
  };
  return ax;
}

/** The rectangle an axes is given inside the figure. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Ids and the colour cycle shared by one render of a figure. */
export interface RenderState {
  idPrefix: string;
  counter: number;
}

export function nextId(state: RenderState, prefix: string): string {
  return `${state.idPrefix}-${prefix}${state.counter++}`;
}

/** Colours for marks that cycle, in the order they were added. */
export function cycleColors(marks: Mark[]): string[] {
  let k = 0;
  return marks.map((m) => (m.cycles ? COLOR_CYCLE[k++ % COLOR_CYCLE.length]! : COLOR_CYCLE[0]!));
}

/** The colour scale a colorbar shows, if the axes asks for one. */
export function colorbarScale(ax: Axes): ColorScale | null {
  if (!ax.options.colorbar) return null;
  for (const m of ax.marks) {
    const s = m.colorScale?.();
    if (s) return typeof ax.options.colorbar === 'string' ? { ...s, label: ax.options.colorbar } : s;
  }
  return null;
}

/** Is this a 3-D panel? */
export function is3d(ax: Axes): boolean {
  return ax.marks.some((m) => m.dims === 3);
}

