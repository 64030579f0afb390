/**
 * plot: figures from plain data as standalone SVG strings, the same code in Node and the browser.
 * PNG output is Node-only and lives in png.ts (exported from the package root, not from here).
 *
 * @example
 * const fig = figure({ width: 640, height: 400, title: 'x²' });
 * fig.add(line({ x: [-1, 0, 1], y: [1, 0, 1], label: 'x²' }));
 * fig.toSVG();
 */
export { figure, type Figure, type FigureOptions, type PngOptions } from './figure.js';
export { COLOR_CYCLE, type Axes, type AxesOptions, type LegendPosition } from './axes.js';
export { colormap, colormapNames, type Colormap, type ColormapName, type ColorScale } from './colormap.js';
export { niceTicks, formatTicks } from './ticks.js';
export { line, area, type LineOptions, type AreaOptions } from './marks/line.js';
export { scatter, type ScatterOptions } from './marks/scatter.js';
export { vline, hline, annotate, type RuleOptions, type AnnotateOptions } from './marks/rules.js';
export { quiver, type QuiverOptions } from './marks/quiver.js';
export { surface, type SurfaceOptions } from './marks/surface.js';
export { contour, type ContourOptions } from './marks/contour.js';
export { heatmap, type HeatmapOptions } from './marks/heatmap.js';
export { decisionBoundary, type DecisionBoundaryOptions } from './marks/decision-boundary.js';
export type { GridValues, GridData } from './marks/grid.js';
export { toBraille, type BrailleOptions, type BrailleData } from './braille.js';
export type { Mark, Extent, Frame, Frame2D, Frame3D, RenderContext, LegendEntry } from './types.js';
export type { Series } from './svg.js';
