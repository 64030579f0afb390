/**
 * Lesson 03 figures: the surface of f(x, y) = x² + y³ in viridis, and the gradient field as unit
 * arrows coloured by the gradient's magnitude (the listing's field is (2x, 2y), the gradient of
 * x² + y², which the lesson points out).
 *
 * Expected `data`:
 *   surface: { x, y, z }            grid axes (nx, ny values) and z[i·ny + j] = f(x[i], y[j])
 *                                   (flat, NumPy indexing="ij") or rows z[i][j]; bigger grids
 *                                   are thinned to 60 × 60 (matplotlib's plot_surface: 50)
 *   quiver: { x, y, u, v, magnitude? }
 *                                   one entry per arrow (a flattened 20 × 20 meshgrid), or x and
 *                                   y as grid axes with u, v, magnitude of length nx·ny
 *                                   (index i·ny + j); magnitude defaults to √(u² + v²)
 *   quiverTrue: { … }               optional, same shape: the true gradient (2x, 3y²) of x² + y³
 */
import { ArgumentError } from '../../core/errors.js';
import { figure, quiver, surface, type Figure, type GridValues, type Series } from '../../plot/index.js';
import type { LessonFigure } from '../types.js';
import { isSeries, numbers, record } from './common.js';

/**
 * The 3-D surface figure.
 *
 * @example
 * surfaceFigure({ x: [0, 1], y: [0, 1], z: [0, 1, 1, 2] }, 'x + y').toSVG()
 */
export function surfaceFigure(d: { x: Series; y: Series; z: GridValues }, title: string): Figure {
  const fig = figure({ width: 640, height: 560, id: 'nabla-surface' });
  fig.axes(0, 0, { title, xLabel: 'x', yLabel: 'y', zLabel: 'z', colorbar: true }).add(surface({ x: d.x, y: d.y, z: d.z, colormap: 'viridis', maxGrid: 60 }));
  return fig;
}

/**
 * The unit-arrow gradient field coloured by magnitude.
 *
 * @example
 * gradientFieldFigure({ x: [1, 2], y: [1, 1], u: [2, 4], v: [2, 2] }, 'field').toSVG()
 */
export function gradientFieldFigure(d: { x: Series; y: Series; u: Series; v: Series; magnitude?: Series }, title: string): Figure {
  let { x, y } = d;
  const { u, v } = d;
  if (x.length !== u.length && x.length * y.length === u.length) {
    // Grid axes: expand to one tail per arrow, index i·ny + j.
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < x.length; i++) for (let j = 0; j < y.length; j++) xs.push(x[i]!), ys.push(y[j]!);
    x = xs;
    y = ys;
  }
  const magnitude = d.magnitude ?? Array.from({ length: u.length }, (_, k) => Math.hypot(u[k]!, v[k]!));
  const fig = figure({ width: 600, height: 560, id: 'nabla-quiver' });
  fig.axes(0, 0, { title, aspect: 'equal', colorbar: '|∇f|' }).add(quiver({ x, y, u, v, color: magnitude, colormap: 'viridis', normalize: true }));
  return fig;
}

/**
 * Figures of lesson 03: `03-surface`, `03-gradient-field` and `03-gradient-field-true` (each
 * only when its data is there).
 *
 * @example
 * lesson03Figures({ surface: { x: [0, 1], y: [0, 1], z: [0, 1, 1, 2] } })[0].name // → '03-surface'
 */
export function lesson03Figures(data: Record<string, unknown>): LessonFigure[] {
  const out: LessonFigure[] = [];
  const s = record(data, 'surface');
  if (s) {
    const z = s['z'];
    if (!(isSeries(z) || (Array.isArray(z) && z.every(isSeries)))) throw new ArgumentError('lesson 03 figures: data.surface.z must be numbers (flat i·ny + j) or rows z[i][j]');
    out.push({ name: '03-surface', figure: surfaceFigure({ x: numbers('lesson 03', s, 'x'), y: numbers('lesson 03', s, 'y'), z: z as GridValues }, 'f(x, y) = x² + y³') });
  }
  const fields: Array<[string, string, string[]]> = [
    ['03-gradient-field', 'gradient field (2x, 2y), unit arrows', ['quiver', 'gradientField']],
    ['03-gradient-field-true', 'gradient of x² + y³: (2x, 3y²), unit arrows', ['quiverTrue']],
  ];
  for (const [name, title, keys] of fields) {
    const q = record(data, ...keys);
    if (!q) continue;
    const d = {
      x: numbers('lesson 03', q, 'x'),
      y: numbers('lesson 03', q, 'y'),
      u: numbers('lesson 03', q, 'u', 'fx'),
      v: numbers('lesson 03', q, 'v', 'fy'),
      magnitude: isSeries(q['magnitude']) ? (q['magnitude'] as Series) : isSeries(q['size']) ? (q['size'] as Series) : undefined,
    };
    out.push({ name, figure: gradientFieldFigure(d, title) });
  }
  return out;
}
