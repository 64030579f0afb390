/**
 * The contract between marks and axes. A mark is plain data plus four small functions: its data
 * extent, its SVG given a frame (data → pixel mapping), and optionally a legend entry, a colour
 * scale for a colorbar, and polylines for the terminal (braille) preview.
 */
import type { ColorScale } from './colormap.js';

/** Data extent of a mark; `null` on an axis the mark does not constrain. */
export interface Extent {
  x: [number, number] | null;
  y: [number, number] | null;
  z?: [number, number] | null;
  /** Raster-like marks (heatmap, contours) want no padding around their data. */
  tight?: boolean;
}

/** A 2-D panel: data → pixel maps and the plotting rectangle. */
export interface Frame2D {
  kind: '2d';
  left: number;
  top: number;
  width: number;
  height: number;
  xDomain: [number, number];
  yDomain: [number, number];
  sx(v: number): number;
  sy(v: number): number;
}

/** A 3-D panel: an orthographic camera at (azimuth, elevation) around the data box. */
export interface Frame3D {
  kind: '3d';
  left: number;
  top: number;
  width: number;
  height: number;
  xDomain: [number, number];
  yDomain: [number, number];
  zDomain: [number, number];
  azimuth: number;
  elevation: number;
  /**
   * Project data (x, y, z) into `out` = [px, py, depth] (larger depth = nearer the camera).
   * Writing into a caller's buffer keeps re-projection on drag allocation-free.
   */
  project(x: number, y: number, z: number, out: Float64Array): void;
}

/** The coordinate frame a mark draws in: a 2-D panel or a 3-D camera. */
export type Frame = Frame2D | Frame3D;

/** What a mark gets when it renders. */
export interface RenderContext {
  frame: Frame;
  /** The next colour of the axes' colour cycle, for marks without an explicit colour. */
  color: string;
  /** A deterministic document-unique id (`<figure id>-<prefix><n>`). */
  id(prefix: string): string;
}

/** One legend row. */
export interface LegendEntry {
  label: string;
  color: string;
  kind: 'line' | 'dot' | 'box' | 'arrow';
  opacity?: number;
  dash?: string;
  /** Outline of a `dot` swatch (a ring when the colour is `none`). */
  stroke?: string;
  /** Shape of a `dot` swatch (default circle). */
  symbol?: 'circle' | 'square' | 'cross' | 'diamond';
}

/** A mark: something drawn inside an axes. Build marks with `line`, `scatter`, `quiver`, … */
export interface Mark {
  readonly type: string;
  /** 3 for marks that need a 3-D axes (surface). */
  readonly dims: 2 | 3;
  /** Does the mark take a colour from the axes' cycle when it has none of its own? */
  readonly cycles: boolean;
  extent(): Extent;
  render(ctx: RenderContext): string;
  legend?(color: string): LegendEntry | null;
  colorScale?(): ColorScale | null;
  /** Polylines in pixel coordinates, each a flat [x0, y0, x1, y1, …] array (terminal preview). */
  polylines?(ctx: RenderContext): number[][];
}
