// NaN, ±∞, empty data and constant functions render (gaps, sensible axes) and never throw.
import { describe, expect, it } from 'vitest';
import { contour, decisionBoundary, figure, heatmap, line, quiver, scatter, surface, toBraille, area } from '../../src/plot/index.js';
import { count, expectGolden, inside, texts } from './helpers.js';

describe('bad values', () => {
  it('breaks a line at NaN and ±∞ and sizes the axes from the finite values', () => {
    // y = 1/x on [−2, 2] with the pole at 0 (∞) plus a NaN hole.
    const x = Array.from({ length: 41 }, (_, i) => -2 + i * 0.1);
    const y = x.map((v, i) => (i === 30 ? NaN : Math.abs(v) < 1e-9 ? Infinity : 1 / v));
    const svg = figure({ width: 400, height: 300 }).add(line({ x, y })).toSVG();
    expectGolden('robust-pole', svg);
    const d = /class="line" d="([^"]*)"/.exec(svg)![1]!;
    expect(count(d, /M/g)).toBe(3); // [−2, 0), (0, 1.0), (1.0, 2]
    expect(d).not.toMatch(/NaN|Infinity/);
    // Finite y spans −10..10 (at x = ±0.1): the ticks cover it.
    expect(texts(svg, 'yticks')[0]).toEqual(['−10', '−5', '0', '5', '10']);
  });

  it('skips points, arrows and surface faces with non-finite values', () => {
    const sc = figure().add(scatter({ x: [0, NaN, 2, 3], y: [0, 1, Infinity, 3] })).toSVG();
    expect(inside(sc, 'scatter')).toHaveLength(2);
    const q = figure().add(quiver({ x: [0, 1, 2], y: [0, 0, 0], u: [1, NaN, 0], v: [0, 1, 0], normalize: true })).toSVG();
    expect(inside(q, 'quiver')).toHaveLength(1); // NaN and zero vectors are left out
    const g = [0, 1, 2];
    const s = figure().add(surface({ x: g, y: g, z: [[0, 1, 2], [1, NaN, 3], [2, 3, 4]] })).toSVG();
    expect(inside(s, 'surface')).toHaveLength(0); // the NaN corner touches all four faces
    const s2 = figure().add(surface({ x: [0, 1, 2, 3], y: g, z: [[0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, NaN]] })).toSVG();
    expect(inside(s2, 'surface')).toHaveLength(5);
    expect(s2).not.toMatch(/NaN|Infinity/);
  });

  it('leaves NaN cells out of heatmaps and contours', () => {
    const z = [[0, 1, NaN], [1, 2, 3], [2, 3, 4]];
    const h = figure().add(heatmap({ x: [0, 1, 2], y: [0, 1, 2], z })).toSVG();
    expect(inside(h, 'heatmap')).toHaveLength(8);
    const c = figure().add(contour({ x: [0, 1, 2], y: [0, 1, 2], z, levels: [1.5, 2.5] }), contour({ x: [0, 1, 2], y: [0, 1, 2], z, filled: true })).toSVG();
    expect(c).not.toMatch(/NaN|Infinity/);
  });

  it('draws a decision boundary of a predictor that returns NaN somewhere', () => {
    const svg = figure().add(decisionBoundary((x, y) => (x > 0.9 ? NaN : x + y), [0, 1], [0, 1], { threshold: 1, resolution: 20 })).toSVG();
    expect(svg).toContain('class="boundary"');
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it('keeps path text sane for huge finite values outside a fixed domain', () => {
    const fig = figure({ width: 300, height: 200 });
    fig.axes(0, 0, { yDomain: [0, 1] }).add(line({ x: [0, 1, 2], y: [0, 1e300, 1] }));
    const d = /class="line" d="([^"]*)"/.exec(fig.toSVG())![1]!;
    expect(d).not.toMatch(/e\+|NaN|Infinity/);
    expect(count(d, /L/g)).toBe(2);
  });

  it('sizes the axes of data spanning ±1e308 (where hi − lo overflows) without NaN', () => {
    const svg = figure({ width: 300, height: 200 }).add(line({ x: [0, 1], y: [-1e308, 1e308] })).toSVG();
    const d = /class="line" d="([^"]*)"/.exec(svg)![1]!;
    expect(svg).not.toMatch(/NaN|Infinity/);
    // The two ends sit symmetrically about the middle of the plot: y pixel sum = 2·centre.
    const ys = [...d.matchAll(/[ML][\d.]+ ([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys).toHaveLength(2);
    expect(ys[0]!).toBeGreaterThan(ys[1]!);
  });

  it('draws every mark over ±1e308 data or ranges, and a subnormal domain, with no NaN/∞ in the SVG', () => {
    const big = [[-1e308, 1e308], [1e308, -1e308]];
    const z3 = [[-1e308, 0, 1e308], [0, 0, 0], [1e308, 0, -1e308]];
    const svgs = [
      figure().add(heatmap({ x: [-1e308, 1e308], y: [0, 1], z: [[1, 2], [3, 4]] })).toSVG(),
      figure().add(heatmap({ x: [0, 1], y: [0, 1], z: big })).toSVG(),
      figure().add(contour({ x: [0, 1, 2], y: [0, 1, 2], z: z3 })).toSVG(),
      figure().add(contour({ x: [0, 1, 2], y: [0, 1, 2], z: z3, filled: true })).toSVG(),
      figure().add(surface({ x: [0, 1], y: [0, 1], z: big })).toSVG(),
      figure().add(surface({ x: [-1e308, 1e308], y: [0, 1], z: [[0, 1], [1, 0]] })).toSVG(),
      // x − y overflows to ±∞ in the corners: those contour pieces are dropped, not drawn as NaN.
      figure().add(decisionBoundary((x, y) => x - y, [-1e308, 1e308], [-1e308, 1e308], { threshold: 0 })).toSVG(),
      // d3's ticks would allocate an array of infinite length for a span of 5e-324.
      figure().add(line({ x: [5e-324, 1e-323], y: [0, 1] })).toSVG(),
    ];
    for (const svg of svgs) expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it('refuses a contour level count that is not a sane positive integer', () => {
    const g = { x: [0, 1, 2], y: [0, 1, 2], z: [[1, 2, 3], [1, 2, 3], [1, 2, 3]] };
    for (const levels of [0, -5, 2.5, NaN, 1e6]) {
      expect(() => figure().add(contour({ ...g, levels })).toSVG()).toThrow(/levels must be an integer from 1 to 1000/);
    }
  });
});

describe('empty data', () => {
  it('renders an empty figure, empty marks and an axes with no marks', () => {
    expect(() => figure().toSVG()).not.toThrow();
    const fig = figure({ width: 400, height: 300, cols: 2 });
    fig.axes(0, 0, { title: 'empty' }).add(line({ x: [], y: [] }), scatter({ x: [], y: [] }), area({ x: [], y: [] }), quiver({ x: [], y: [], u: [], v: [] }));
    fig.axes(0, 1).add(contour({ x: [], y: [], z: [] }), heatmap({ x: [], y: [], z: [] }));
    const svg = fig.toSVG();
    expectGolden('robust-empty', svg);
    // With no data the axes fall back to [0, 1].
    expect(texts(svg, 'xticks')[0]).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
    expect(count(svg, /class="axes"/g)).toBe(2);
    expect(() => figure().add(surface({ x: [], y: [], z: [] })).toSVG()).not.toThrow();
  });
});

describe('constant functions', () => {
  it('gives a flat line an axis around its value', () => {
    const x = [0, 1, 2, 3];
    const svg = figure({ width: 400, height: 300 }).add(line({ x, y: [5, 5, 5, 5] })).toSVG();
    expectGolden('robust-constant', svg);
    // 5 ± 1 → ticks 4.0 … 6.0.
    const yt = texts(svg, 'yticks')[0]!;
    expect(yt[0]).toBe('4.0');
    expect(yt[yt.length - 1]).toBe('6.0');
    expect(yt).toContain('5.0');
  });

  it('renders a constant surface, heatmap, contour and quiver colour', () => {
    const g = [0, 1, 2];
    const flat = [[3, 3, 3], [3, 3, 3], [3, 3, 3]];
    const s = figure().add(surface({ x: g, y: g, z: flat })).toSVG();
    expect(inside(s, 'surface')).toHaveLength(4);
    expect(s).not.toMatch(/NaN|Infinity/);
    expect(inside(figure().add(heatmap({ x: g, y: g, z: flat })).toSVG(), 'heatmap')).toHaveLength(3);
    expect(inside(figure().add(contour({ x: g, y: g, z: flat })).toSVG(), 'contour')).toHaveLength(0);
    const q = figure().add(quiver({ x: [0, 1], y: [0, 0], u: [1, 1], v: [0, 0], color: [2, 2] })).toSVG();
    expect(inside(q, 'quiver')).toHaveLength(2);
  });

  it('previews bad data in the terminal too', () => {
    expect(() => toBraille({ x: [0, 1, 2], y: [NaN, Infinity, 1] })).not.toThrow();
    expect(() => toBraille({ x: [], y: [] })).not.toThrow();
    expect(() => toBraille(figure())).not.toThrow();
  });
});
