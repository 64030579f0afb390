/**
 * `nabla plot`: draw an expression. y = f(x) (with f′ by `--deriv`), a surface z = f(x, y)
 * (`--surface`) or a vector field (`--quiver "[2x, 2y]"`). With `-o file.svg|png` the figure is
 * written; without it a braille preview is printed to the terminal.
 *
 * The text is parsed by the symbolic layer and compiled by `lambdify` from the expression tree
 * (never evaluated as code). Points where the function is undefined become gaps.
 */
import type { Command } from 'commander';
import { ArgumentError, describeValue } from '../../core/errors.js';
import { figure, line, quiver, surface, toBraille, type Figure } from '../../plot/index.js';
import { figurePNG } from '../../plot/png.js';
import { diff, freeSymbols, lambdify, parse, parseMatrix, toString, type Expr } from '../../symbolic/index.js';
import { writeUserFile } from '../write-file.js';
import type { CliIO } from '../io.js';

/** Options of the plot command as commander hands them over. */
export interface PlotCliOptions {
  from?: string;
  to?: string;
  deriv?: boolean;
  surface?: boolean;
  quiver?: string;
  samples?: string;
  out?: string;
  width?: string;
  height?: string;
  title?: string;
}

function num(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const v = Number(text);
  if (!Number.isFinite(v)) throw new ArgumentError(`--${name} must be a number, got '${text}'`);
  return v;
}

function int(name: string, text: string | undefined, fallback: number, lo: number, hi: number): number {
  const v = num(name, text, fallback);
  if (!(Number.isInteger(v) && v >= lo && v <= hi)) throw new ArgumentError(`--${name} must be an integer ${lo}..${hi}, got '${text}'`);
  return v;
}

/** Evenly spaced samples from a to b inclusive. */
function grid(a: number, b: number, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
}

/** Variable names of an expression, sorted; at most `max` of them. */
function variables(e: Expr, max: number, what: string, fallback: string[]): string[] {
  const names = freeSymbols(e).map((s) => s.name).sort();
  if (names.length > max) throw new ArgumentError(`${what} takes at most ${max} variable${max > 1 ? 's' : ''}, found ${names.join(', ')}`);
  for (const f of fallback) if (names.length < max && !names.includes(f)) names.push(f);
  return names.slice(0, max).sort();
}

/** The q-quantile (0..1) of the finite values, by sorting. */
function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;
}

/**
 * Tame poles for display: break the curve where it jumps across zero by more than the bulk of
 * its values spans (1/x between the samples either side of 0), and when a few huge values dwarf
 * the rest, clip the y axis to the 2–98 % quantiles (padded) so the shape stays visible.
 */
function tamePoles(ys: Float64Array[]): [number, number] | undefined {
  const all = ys.flatMap((y) => Array.from(y).filter(Number.isFinite)).sort((a, b) => a - b);
  if (all.length < 10) return undefined;
  const lo = quantile(all, 0.02), hi = quantile(all, 0.98);
  const bulk = hi - lo;
  if (!(bulk > 0)) return undefined;
  for (const y of ys) {
    for (let i = 0; i + 1 < y.length; i++) {
      const a = y[i]!, b = y[i + 1]!;
      if (Math.sign(a) * Math.sign(b) < 0 && Math.abs(a - b) > 2 * bulk) y[Math.abs(a) > Math.abs(b) ? i : i + 1] = NaN;
    }
  }
  const min = all[0]!, max = all[all.length - 1]!;
  if (max - min <= 10 * bulk) return undefined;
  return [lo - 0.25 * bulk, hi + 0.25 * bulk];
}

/**
 * Build the figure `nabla plot` draws (exported for tests and the web course).
 *
 * @example
 * plotFigure('x^3 - 2x^2 + 1', { from: '-2', to: '3', deriv: true }).toSVG()
 */
export function plotFigure(expr: string | undefined, o: PlotCliOptions): Figure {
  const width = int('width', o.width, 640, 100, 4000);
  const height = int('height', o.height, 480, 100, 4000);
  if (o.quiver !== undefined) {
    if (expr !== undefined) throw new ArgumentError('give either an expression or --quiver "[u, v]", not both');
    const m = parseMatrix(o.quiver, { vars: ['x', 'y'] });
    if (m.data.length !== 2) throw new ArgumentError(`--quiver needs two components like "[2x, 2y]", got ${m.data.length}`);
    const names = [...new Set(m.data.flatMap((e) => freeSymbols(e).map((s) => s.name)))];
    const extra = names.filter((n) => n !== 'x' && n !== 'y');
    if (extra.length) throw new ArgumentError(`--quiver components may use x and y only, found ${extra.join(', ')}`);
    const a = num('from', o.from, -10);
    const b = num('to', o.to, 10);
    if (!(a < b)) throw new ArgumentError(`--from must be below --to, got ${describeValue(a)} and ${describeValue(b)}`);
    const n = int('samples', o.samples, 20, 2, 100);
    const f = lambdify([...m.data], ['x', 'y']);
    const g = grid(a, b, n);
    const x: number[] = [], y: number[] = [], u: number[] = [], v: number[] = [], mag: number[] = [];
    for (const xi of g) for (const yj of g) {
      const [ui, vi] = f(xi, yj) as [number, number];
      x.push(xi), y.push(yj), u.push(ui), v.push(vi), mag.push(Math.hypot(ui, vi));
    }
    const fig = figure({ width, height });
    fig.axes(0, 0, { title: o.title ?? `[${m.data.map(toString).join(', ')}]`, aspect: 'equal', colorbar: 'magnitude', xLabel: 'x', yLabel: 'y' })
      .add(quiver({ x, y, u, v, color: mag, normalize: true }));
    return fig;
  }
  if (expr === undefined) throw new ArgumentError('nothing to plot: give an expression like "x^2" (or --quiver "[2x, 2y]")');
  const e = parse(expr, { vars: o.surface ? ['x', 'y'] : ['x'] });
  if (o.surface) {
    const vars = variables(e, 2, '--surface', ['x', 'y']);
    const a = num('from', o.from, -10);
    const b = num('to', o.to, 10);
    if (!(a < b)) throw new ArgumentError(`--from must be below --to, got ${describeValue(a)} and ${describeValue(b)}`);
    const n = int('samples', o.samples, 60, 2, 200);
    const f = lambdify(e, vars);
    const g = grid(a, b, n);
    const z = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) z[i * n + j] = f(g[i]!, g[j]!);
    const fig = figure({ width, height });
    fig.axes(0, 0, { title: o.title ?? toString(e), xLabel: vars[0], yLabel: vars[1], zLabel: 'z', colorbar: true }).add(surface({ x: g, y: g, z, maxGrid: 200 }));
    return fig;
  }
  const [v] = variables(e, 1, 'a curve (use --surface for two variables)', ['x']);
  const a = num('from', o.from, -5);
  const b = num('to', o.to, 5);
  if (!(a < b)) throw new ArgumentError(`--from must be below --to, got ${describeValue(a)} and ${describeValue(b)}`);
  const n = int('samples', o.samples, 400, 2, 100000);
  const xs = grid(a, b, n);
  const f = lambdify(e, [v!]);
  const series = [xs.map((t) => f(t))];
  const labels = [`f(${v}) = ${toString(e)}`];
  if (o.deriv) {
    const d = diff(e, v!);
    const fd = lambdify(d, [v!]);
    series.push(xs.map((t) => fd(t)));
    labels.push(`f'(${v}) = ${toString(d)}`);
  }
  const yDomain = tamePoles(series);
  const fig = figure({ width, height });
  const ax = fig.axes(0, 0, { title: o.title, xLabel: v, grid: true, yDomain });
  series.forEach((y, k) => ax.add(line({ x: xs, y, label: labels[k], dash: k ? 'dashed' : undefined })));
  return fig;
}

export function register(program: Command, io: CliIO): void {
  program
    .command('plot')
    .description('plot y = f(x) (--deriv adds f\'), a surface z = f(x, y) (--surface) or a field (--quiver "[u, v]"); -o writes SVG/PNG, otherwise a terminal preview')
    .argument('[expr]', 'expression, e.g. "x^3 - 2x^2 + 1"')
    .option('--from <a>', 'start of the range (default -5; -10 for surfaces and fields)')
    .option('--to <b>', 'end of the range (default 5; 10 for surfaces and fields)')
    .option('--deriv', "also draw the derivative f'")
    .option('--surface', 'draw z = f(x, y) as a 3-D surface')
    .option('--quiver <field>', 'draw the vector field "[u, v]" of x and y as unit arrows coloured by magnitude')
    .option('-n, --samples <n>', 'samples (curve 400, surface 60 per side, field 20 per side)')
    .option('-o, --out <file>', 'write the figure to a .svg or .png file')
    .option('--width <px>', 'figure width (default 640)')
    .option('--height <px>', 'figure height (default 480)')
    .option('--title <text>', 'figure title')
    .action((expr: string | undefined, opts: PlotCliOptions) => {
      const fig = plotFigure(expr, opts);
      if (!opts.out) {
        io.out(toBraille(fig));
        return;
      }
      const ext = opts.out.toLowerCase().split('.').pop();
      if (ext !== 'svg' && ext !== 'png') throw new ArgumentError(`-o: use a .svg or .png file name, got '${opts.out}'`);
      const data = ext === 'svg' ? fig.toSVG() : figurePNG(fig);
      writeUserFile('-o', opts.out, data);
      io.err(`wrote ${opts.out}`);
    });
}
