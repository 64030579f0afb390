// The figure model: subplot grids, deterministic ids, titles, options and errors; tick helpers.
import { describe, expect, it } from 'vitest';
import { colormap, colormapNames, figure, formatTicks, line, niceTicks, scatter, surface } from '../../src/plot/index.js';
import { ArgumentError, NablaError } from '../../src/core/errors.js';
import { classText, count, expectGolden } from './helpers.js';

describe('figure', () => {
  it('lays out a 2 × 2 grid with a figure title and panel titles', () => {
    const fig = figure({ width: 800, height: 600, rows: 2, cols: 2, title: 'Four panels' });
    for (let r = 0; r < 2; r++) for (let c = 0; c < 2; c++) fig.axes(r, c, { title: `p${r}${c}` }).add(line({ x: [0, 1], y: [r, c] }));
    const svg = fig.toSVG();
    expectGolden('figure-grid', svg);
    expect(count(svg, /class="axes"/g)).toBe(4);
    expect(classText(svg, 'suptitle')).toEqual(['Four panels']);
    expect(classText(svg, 'title')).toEqual(['p00', 'p01', 'p10', 'p11']);
    // Right-hand panels start right of the middle, bottom panels below it.
    const frames = [...svg.matchAll(/<rect class="frame" x="([\d.]+)" y="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(frames[1]![0]).toBeGreaterThan(400);
    expect(frames[2]![1]).toBeGreaterThan(300);
  });

  it('renders the same text twice, with unique deterministic ids and a custom prefix', () => {
    const make = (id?: string) => {
      const f = figure({ cols: 2, id });
      f.axes(0, 0, { colorbar: true }).add(scatter({ x: [0, 1], y: [0, 1], color: [0, 1] }));
      f.axes(0, 1).add(line({ x: [0, 1], y: [1, 0] }));
      return f;
    };
    const a = make().toSVG();
    expect(make().toSVG()).toBe(a);
    const ids = [...a.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['nabla-clip0', 'nabla-cbar1', 'nabla-clip2']);
    expect(make('fig2').toSVG()).toContain('id="fig2-clip0"');
    // Every url(#…) points at an id of the document.
    for (const m of a.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(m[1]);
  });

  it('rounds numbers to two decimals', () => {
    const svg = figure({ width: 333, height: 222 }).add(line({ x: [0, 1 / 3, 2 / 3], y: [Math.PI, Math.E, 1 / 7] })).toSVG();
    for (const m of svg.matchAll(/-?\d+\.(\d+)/g)) expect(m[1]!.length).toBeLessThanOrEqual(2);
  });

  it('re-renders after marks change (the slider path)', () => {
    const fig = figure();
    const ax = fig.axes();
    ax.add(line({ x: [0, 1], y: [0, 1] }));
    const a = fig.toSVG();
    ax.clear().add(line({ x: [0, 1], y: [0, 2] }));
    expect(fig.toSVG()).not.toBe(a);
    expect(fig.panels()).toHaveLength(1);
  });

  it('refuses bad sizes, panels and colormaps with typed errors', () => {
    expect(() => figure({ width: -1 })).toThrow(ArgumentError);
    expect(() => figure({ rows: 0 })).toThrow(/rows must be an integer/);
    expect(() => figure({ cols: 2 }).axes(0, 2)).toThrow('figure has a 1×2 grid: no panel at (0, 2)');
    expect(() => colormap('nope')).toThrow(/unknown colormap 'nope'/);
    expect(() => figure().axes().add({} as never)).toThrow(ArgumentError);
    expect(() => surface({ x: [0, 1], y: [0, 1], z: [1, 2, 3] })).toThrow('surface: z has 3 values but x × y is 2 × 2 = 4');
    expect(() => surface({ x: [0, 1], y: [0, 1], z: [[1, 2]] })).toThrow(/z has 1 rows but x has 2/);
    expect(new ArgumentError('x')).toBeInstanceOf(NablaError);
  });
});

describe('ticks and colormaps', () => {
  it('chooses 1-2-5 steps and formats them with the decimals the step needs', () => {
    expect(niceTicks([0, 1], 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks([-10, 10], 6)).toEqual([-10, -5, 0, 5, 10]);
    expect(formatTicks([-1, -0.5, 0, 0.5])).toEqual(['−1.0', '−0.5', '0.0', '0.5']);
    expect(formatTicks([0, 250, 500])).toEqual(['0', '250', '500']);
    expect(formatTicks([0, 0.00001, 0.00002])).toEqual(['0', '1e−5', '2e−5']);
    expect(formatTicks([0, 2e6, 4e6])).toEqual(['0', '2e+6', '4e+6']);
    // Large values close together (exp(x²) near x = 10) keep distinct labels.
    expect(formatTicks([8e96, 1e97, 1.2e97, 1.4e97])).toEqual(['8.0e+96', '1.0e+97', '1.2e+97', '1.4e+97']);
    for (const [a, step] of [[2e43, 2e42], [1e9, 1e7], [-3e12, 5e11], [0.000101, 0.000001]] as const) {
      const ticks = Array.from({ length: 6 }, (_, i) => a + i * step);
      expect(new Set(formatTicks(ticks)).size, `ticks from ${a} by ${step}`).toBe(6);
    }
  });

  it('samples d3 colormaps into #rrggbb and clamps', () => {
    const v = colormap();
    expect(v(0.5)).toBe('#21918c');
    expect(v(-3)).toBe(v(0));
    expect(v(7)).toBe(v(1));
    expect(v(NaN)).toBe('none');
    for (const name of colormapNames()) expect(colormap(name)(0.3)).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('browser safety', () => {
  it('only png.ts touches Node or resvg; nothing else in plot imports it', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join, resolve } = await import('node:path');
    const root = resolve(__dirname, '../../src/plot');
    const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
    const files = walk(root).filter((f) => f.endsWith('.ts') && !f.endsWith('png.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/from ['"](node:|@resvg|fs|path)|png\.js['"]/);
    }
  });
});
