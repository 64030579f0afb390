/**
 * Gridded data shared by surface, contour and heatmap: sample positions x (nx values) and y
 * (ny values), and z with z[i·ny + j] = f(x[i], y[j]) (NumPy's meshgrid `indexing="ij"`), given
 * flat or as rows z[i][j].
 */
import { ArgumentError } from '../../core/errors.js';
import type { Series } from '../svg.js';

/** z values on an x × y grid: flat (index i·ny + j) or nested rows z[i][j]. */
export type GridValues = Series | ArrayLike<Series>;

/** Channels of a gridded mark. */
export interface GridData {
  x: Series;
  y: Series;
  z: GridValues;
}

/** A checked grid with flat storage. */
export interface Grid {
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  nx: number;
  ny: number;
}

/** Validate and flatten grid data; names the mark in errors. */
export function readGrid(mark: string, d: GridData): Grid {
  const nx = d.x.length;
  const ny = d.y.length;
  if (nx < 1 || ny < 1) return { x: new Float64Array(0), y: new Float64Array(0), z: new Float64Array(0), nx: 0, ny: 0 };
  const z = new Float64Array(nx * ny);
  const first = (d.z as ArrayLike<unknown>)[0];
  if (typeof first === 'object' && first !== null) {
    const rows = d.z as ArrayLike<Series>;
    if (rows.length !== nx) throw new ArgumentError(`${mark}: z has ${rows.length} rows but x has ${nx} values (z[i][j] is at x[i], y[j])`);
    for (let i = 0; i < nx; i++) {
      const r = rows[i]!;
      if (r.length !== ny) throw new ArgumentError(`${mark}: z[${i}] has ${r.length} values but y has ${ny}`);
      for (let j = 0; j < ny; j++) z[i * ny + j] = r[j]!;
    }
  } else {
    const flat = d.z as Series;
    if (flat.length !== nx * ny) throw new ArgumentError(`${mark}: z has ${flat.length} values but x × y is ${nx} × ${ny} = ${nx * ny}`);
    for (let k = 0; k < nx * ny; k++) z[k] = flat[k]!;
  }
  return { x: Float64Array.from(d.x), y: Float64Array.from(d.y), z, nx, ny };
}

/** Keep every k-th row and column (always the last) so neither side exceeds `max` samples. */
export function subsample(g: Grid, max: number): Grid {
  if (g.nx <= max && g.ny <= max) return g;
  const pick = (n: number): number[] => {
    if (n <= max) return Array.from({ length: n }, (_, i) => i);
    const out: number[] = [];
    for (let k = 0; k < max; k++) out.push(Math.round((k * (n - 1)) / (max - 1)));
    return out;
  };
  const ix = pick(g.nx);
  const iy = pick(g.ny);
  const z = new Float64Array(ix.length * iy.length);
  ix.forEach((i, a) => iy.forEach((j, b) => (z[a * iy.length + b] = g.z[i * g.ny + j]!)));
  return { x: Float64Array.from(ix, (i) => g.x[i]!), y: Float64Array.from(iy, (j) => g.y[j]!), z, nx: ix.length, ny: iy.length };
}

/** Interpolated sample position at fractional index t of a sorted axis (clamped to its ends). */
export function atIndex(a: Float64Array, t: number): number {
  const n = a.length;
  if (n === 1) return a[0]!;
  if (t <= 0) return a[0]!;
  if (t >= n - 1) return a[n - 1]!;
  const i = Math.floor(t);
  return a[i]! + (a[i + 1]! - a[i]!) * (t - i);
}
