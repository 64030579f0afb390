// Every mark: a golden SVG (regression) plus structural facts computed from the math.
import { describe, expect, it } from 'vitest';
import { annotate, area, colormap, contour, decisionBoundary, figure, heatmap, hline, line, quiver, scatter, surface, vline } from '../../src/plot/index.js';
import { ArgumentError } from '../../src/core/errors.js';
import { classText, count, expectGolden, inside, pathNumbers, texts } from './helpers.js';

const lin = (a: number, b: number, n: number): number[] => Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));

describe('line', () => {
  it('draws one path through the samples with nice ticks, a title and a legend', () => {
    const x = lin(0, 10, 11);
    const fig = figure({ width: 400, height: 300 });
    fig.axes(0, 0, { title: 'y = x²', xLabel: 'x', yLabel: 'y' }).add(line({ x, y: x.map((v) => v * v), stroke: 'red', opacity: 0.5, label: 'x²' }));
    const svg = fig.toSVG();
    expectGolden('line', svg);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"')).toBe(true);
    const lines = inside(svg, 'marks').filter((t) => t.includes('class="line"'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('stroke="red"');
    expect(lines[0]).toContain('stroke-opacity="0.5"');
    // 11 samples: one M and ten L commands.
    const d = /d="([^"]*)"/.exec(lines[0]!)![1]!;
    expect(count(d, /M/g)).toBe(1);
    expect(count(d, /L/g)).toBe(10);
    expect(texts(svg, 'xticks')[0]).toEqual(['0', '2', '4', '6', '8', '10']);
    expect(texts(svg, 'yticks')[0]).toEqual(['0', '20', '40', '60', '80', '100']);
    expect(classText(svg, 'title')).toEqual(['y = x²']);
    expect(classText(svg, 'xlabel')).toEqual(['x']);
    expect(texts(svg, 'legend')[0]).toEqual(['x²']);
  });

  it('uses the colour cycle for marks without a colour and dashes on request', () => {
    const fig = figure().add(line({ x: [0, 1], y: [0, 1] }), line({ x: [0, 1], y: [1, 0], dash: 'dashed' }));
    const svg = fig.toSVG();
    expectGolden('line-cycle', svg);
    const paths = inside(svg, 'marks');
    expect(paths[0]).toContain('stroke="#1f77b4"');
    expect(paths[1]).toContain('stroke="#ff7f0e"');
    expect(paths[1]).toContain('stroke-dasharray="6 4"');
  });

  it('maps data to pixels linearly: the midpoint of the domain is the middle of the frame', () => {
    const fig = figure({ width: 400, height: 300 });
    fig.axes(0, 0, { xDomain: [0, 2], yDomain: [0, 2] }).add(line({ x: [0, 1, 2], y: [0, 1, 2] }));
    const svg = fig.toSVG();
    const frame = /<rect class="frame" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(svg)!.slice(1).map(Number);
    const d = pathNumbers(/class="line" d="([^"]*)"/.exec(svg)![1]!);
    const [l, t, w, h] = frame as [number, number, number, number];
    expect(d).toEqual([l, t + h, l + w / 2, t + h / 2, l + w, t].map((v) => Math.round(v * 100) / 100));
  });

  it('rejects channels of different lengths with a message naming them', () => {
    expect(() => line({ x: [1, 2, 3], y: [1, 2] })).toThrow(ArgumentError);
    expect(() => line({ x: [1, 2, 3], y: [1, 2] })).toThrow("line: channel 'y' has 2 values but 'x' has 3");
  });
});

describe('area', () => {
  it('fills between y0 and y with one closed path per finite run', () => {
    const x = lin(-1, 1, 21);
    const svg = figure({ width: 400, height: 300 }).add(area({ x, y: x.map((v) => 1 - v * v), fill: 'steelblue', label: 'band' })).toSVG();
    expectGolden('area', svg);
    const fills = inside(svg, 'marks').filter((t) => t.includes('class="area"'));
    expect(fills).toHaveLength(1);
    expect(count(/d="([^"]*)"/.exec(fills[0]!)![1]!, /Z/g)).toBe(1);
    expect(fills[0]).toContain('fill-opacity="0.3"');
    // The y axis covers the baseline 0 and the top 1.
    expect(texts(svg, 'yticks')[0]).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
  });
});

describe('scatter', () => {
  it('draws one circle per point, coloured through the colormap', () => {
    const svg = figure({ width: 400, height: 300 })
      .add(scatter({ x: [0, 1, 2, 3, 4], y: [4, 3, 2, 1, 0], color: [0, 1, 2, 3, 4], r: 5 }))
      .toSVG();
    expectGolden('scatter', svg);
    const dots = inside(svg, 'scatter').filter((t) => t.startsWith('<circle'));
    expect(dots).toHaveLength(5);
    expect(dots[0]).toContain(`fill="${colormap('viridis')(0)}"`);
    expect(dots[4]).toContain(`fill="${colormap('viridis')(1)}"`);
    expect(colormap('viridis')(0)).toBe('#440154');
    expect(colormap('viridis')(1)).toBe('#fde725');
  });

  it('supports square, diamond and cross symbols', () => {
    const svg = figure()
      .add(scatter({ x: [0], y: [0], symbol: 'square' }), scatter({ x: [1], y: [1], symbol: 'diamond' }), scatter({ x: [2], y: [2], symbol: 'cross', label: 'c' }))
      .toSVG();
    expectGolden('scatter-symbols', svg);
    expect(count(svg, /<rect x="[^"]*" y="[^"]*" width="6" height="6"/g)).toBe(1);
    expect(inside(svg, 'scatter').filter((t) => t.startsWith('<path'))).toHaveLength(2);
  });
});

describe('quiver', () => {
  it('draws 400 unit arrows for lesson 3’s 20×20 field, coloured by magnitude, with a colorbar', () => {
    const g = lin(-10, 10, 20);
    const x: number[] = [], y: number[] = [], u: number[] = [], v: number[] = [], m: number[] = [];
    for (const a of g) for (const b of g) x.push(a), y.push(b), u.push(2 * a), v.push(2 * b), m.push(Math.hypot(2 * a, 2 * b));
    const fig = figure({ width: 600, height: 560 });
    fig.axes(0, 0, { aspect: 'equal', colorbar: 'magnitude' }).add(quiver({ x, y, u, v, color: m, normalize: true }));
    const svg = fig.toSVG();
    expectGolden('quiver', svg);
    const arrows = inside(svg, 'quiver');
    expect(arrows).toHaveLength(400);
    // The smallest magnitude (nearest the origin) gets the first viridis colour, the corners the last.
    const cmap = colormap('viridis');
    const mMin = Math.min(...m), k = m.indexOf(mMin);
    expect(arrows[k]).toContain(`fill="${cmap(0)}"`);
    expect(arrows[0]).toContain(`fill="${cmap(1)}"`);
    // Normalised: every shaft + head has the same pixel length (0.9 of the grid spacing).
    const lens = arrows.map((a) => {
      const n = pathNumbers(/d="([^"]*)"/.exec(a)![1]!);
      return Math.hypot(n[4]! - n[0]!, n[5]! - n[1]!);
    });
    expect(Math.max(...lens) - Math.min(...lens)).toBeLessThan(0.05);
    expect(svg).toContain('class="colorbar"');
    expect(svg).toContain('>magnitude</text>');
  });

  it('scales arrows by their length unless normalised, and skips zero vectors', () => {
    const svg = figure({ width: 400, height: 300 })
      .add(quiver({ x: [0, 1, 2], y: [0, 0, 0], u: [1, 2, 0], v: [0, 0, 0], color: 'black', scale: 0.25 }))
      .toSVG();
    expectGolden('quiver-scaled', svg);
    const arrows = inside(svg, 'quiver');
    expect(arrows).toHaveLength(2);
    const len = (a: string): number => {
      const n = pathNumbers(/d="([^"]*)"/.exec(a)![1]!);
      return Math.hypot(n[4]! - n[0]!, n[5]! - n[1]!);
    };
    expect(len(arrows[1]!) / len(arrows[0]!)).toBeCloseTo(2, 1);
  });
});

describe('surface', () => {
  const g = lin(-1, 1, 5);
  it('draws (nx−1)(ny−1) faces in a 3-D axes with a box, ticks and a colorbar', () => {
    const fig = figure({ width: 500, height: 460 });
    fig.axes(0, 0, { title: 'x² + y³', xLabel: 'x', yLabel: 'y', zLabel: 'z', colorbar: true }).add(surface({ x: g, y: g, z: g.map((a) => g.map((b) => a * a + b ** 3)) }));
    const svg = fig.toSVG();
    expectGolden('surface', svg);
    expect(inside(svg, 'surface')).toHaveLength(16);
    expect(svg).toContain('class="axes axes-3d"');
    expect(svg).toContain('class="panes"');
    expect(classText(svg, 'title')).toEqual(['x² + y³']);
    // z from −1 to 2; the tick labels include the nice values inside.
    const labels = texts(svg, 'ticklabels')[0]!;
    for (const t of ['−1.0', '0.0', '1.0', '2.0']) expect(labels).toContain(t);
    expect(svg).toContain('class="colorbar"');
  });

  it('paints far faces first: seen from above, a plane z = x is drawn from low to high z', () => {
    const fig = figure({ width: 300, height: 300 });
    fig.axes(0, 0, { elevation: 90, azimuth: -90 }).add(surface({ x: g, y: g, z: g.map((a) => g.map(() => a)) }));
    const faces = inside(fig.toSVG(), 'surface').map((t) => /fill="(#[0-9a-f]{6})"/.exec(t)![1]!);
    const cmap = colormap('viridis');
    expect(faces[0]).toBe(cmap(1 / 8));
    expect(faces[faces.length - 1]).toBe(cmap(7 / 8));
    // Non-decreasing colour index along the drawing order.
    const lut = Array.from({ length: 256 }, (_, i) => cmap(i / 255));
    const idx = faces.map((c) => lut.indexOf(c));
    expect(idx.every((v, i) => i === 0 || v >= idx[i - 1]!)).toBe(true);
  });

  it('turns with view(): a different azimuth moves the vertices, same faces', () => {
    const fig = figure({ width: 300, height: 300 });
    const ax = fig.axes().add(surface({ x: g, y: g, z: g.map((a) => g.map((b) => a * b)) }));
    const a = fig.toSVG();
    ax.view(30, 20);
    const b = fig.toSVG();
    expect(a).not.toBe(b);
    expect(inside(b, 'surface')).toHaveLength(16);
  });

  it('thins big grids to 50 × 50 like matplotlib', () => {
    const big = lin(-1, 1, 200);
    const z = new Float64Array(200 * 200).map((_, k) => Math.floor(k / 200) / 200);
    const svg = figure().add(surface({ x: big, y: big, z })).toSVG();
    expect(inside(svg, 'surface')).toHaveLength(49 * 49);
  });
});

describe('contour', () => {
  const g = lin(0, 4, 9);
  const plane = g.map((a) => g.map((b) => a + b)); // z = x + y
  it('draws one line per level, along x + y = level', () => {
    const svg = figure({ width: 400, height: 400 }).add(contour({ x: g, y: g, z: plane, levels: [2, 4, 6], stroke: 'black' })).toSVG();
    expectGolden('contour', svg);
    const paths = inside(svg, 'contour');
    expect(paths).toHaveLength(3);
    expect(paths.map((p) => /data-level="([^"]*)"/.exec(p)![1])).toEqual(['2', '4', '6']);
    // Every vertex of the level-4 line satisfies x + y = 4 in data units (pixel → data inverse).
    const frame = /<rect class="frame" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(svg)!.slice(1).map(Number) as [number, number, number, number];
    const n = pathNumbers(/d="([^"]*)"/.exec(paths[1]!)![1]!);
    for (let i = 0; i < n.length; i += 2) {
      const x = ((n[i]! - frame[0]) / frame[2]) * 4;
      const y = ((frame[1] + frame[3] - n[i + 1]!) / frame[3]) * 4;
      expect(x + y).toBeCloseTo(4, 1);
    }
  });

  it('fills bands from the minimum up, coloured by band', () => {
    const fig = figure({ width: 420, height: 400 });
    fig.axes(0, 0, { colorbar: true }).add(contour({ x: g, y: g, z: plane, levels: [2, 4, 6], filled: true }));
    const svg = fig.toSVG();
    expectGolden('contour-filled', svg);
    const bands = inside(svg, 'contourf');
    expect(bands.map((p) => /data-level="([^"]*)"/.exec(p)![1])).toEqual(['0', '2', '4', '6']);
    // Band [0, 2) is coloured at its middle value 1 of the domain [0, 8].
    expect(bands[0]).toContain(`fill="${colormap('viridis')(1 / 8)}"`);
  });

  it('picks nice levels inside the data range by default', () => {
    const svg = figure().add(contour({ x: g, y: g, z: plane })).toSVG();
    const levels = inside(svg, 'contour').map((p) => Number(/data-level="([^"]*)"/.exec(p)![1]));
    expect(levels).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('heatmap', () => {
  it('draws a cell per sample with the colormap, merging equal neighbours', () => {
    const fig = figure({ width: 400, height: 300 });
    fig.axes(0, 0, { colorbar: 'value' }).add(heatmap({ x: [0, 1], y: [0, 1, 2], z: [[0, 1, 2], [3, 4, 5]], colormap: 'magma' }));
    const svg = fig.toSVG();
    expectGolden('heatmap', svg);
    const cells = inside(svg, 'heatmap');
    expect(cells).toHaveLength(6);
    const cmap = colormap('magma');
    expect(cells.some((c) => c.includes(`fill="${cmap(0)}"`))).toBe(true);
    expect(cells.some((c) => c.includes(`fill="${cmap(1)}"`))).toBe(true);
    // Cells span half-way to neighbours: the axis runs −0.5..1.5 and −0.5..2.5.
    expect(texts(svg, 'xticks')[0]![0]).toBe('−0.5');
    const merged = inside(figure().add(heatmap({ x: [0, 1, 2], y: [0], z: [5, 5, 5] })).toSVG(), 'heatmap');
    expect(merged).toHaveLength(1);
  });
});

describe('decisionBoundary', () => {
  it('shades both sides and draws the circle where the score crosses the threshold', () => {
    const fig = figure({ width: 420, height: 420 });
    fig.axes(0, 0, { aspect: 'equal' }).add(decisionBoundary((x, y) => x * x + y * y, [-2, 2], [-2, 2], { threshold: 1, resolution: 81 }));
    const svg = fig.toSVG();
    expectGolden('decision-boundary', svg);
    expect(svg).toContain('class="positive"');
    const d = /class="boundary" d="([^"]*)"/.exec(svg)![1]!;
    const n = pathNumbers(d);
    const frame = /<rect class="frame" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(svg)!.slice(1).map(Number) as [number, number, number, number];
    const cx = frame[0] + frame[2] / 2, cy = frame[1] + frame[3] / 2, unit = frame[2] / 4;
    expect(n.length).toBeGreaterThan(40);
    for (let i = 0; i < n.length; i += 2) expect(Math.hypot(n[i]! - cx, n[i + 1]! - cy) / unit).toBeCloseTo(1, 1);
  });

  it('validates its arguments', () => {
    expect(() => decisionBoundary((x) => x, [1, 0], [0, 1])).toThrow(/xRange must be \[lo, hi\]/);
    expect(() => decisionBoundary((x) => x, [0, 1], [0, 1], { resolution: 1 })).toThrow(ArgumentError);
  });
});

describe('vline, hline, annotate', () => {
  it('draws rules across the panel at the data value and escapes annotation text', () => {
    const fig = figure({ width: 400, height: 300 });
    fig.axes(0, 0, { xDomain: [0, 4], yDomain: [0, 4] }).add(vline(2, { label: 'x = 2' }), hline(1, { stroke: 'red', dash: 'dotted' }), annotate('a < b & c', 3, 3));
    const svg = fig.toSVG();
    expectGolden('rules', svg);
    const frame = /<rect class="frame" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(svg)!.slice(1).map(Number) as [number, number, number, number];
    const v = pathNumbers(/class="vline" d="([^"]*)"/.exec(svg)![1]!);
    expect(v[0]).toBeCloseTo(frame[0] + frame[2] / 2, 1);
    expect(v[1]).toBeCloseTo(frame[1], 1);
    expect(v[3]).toBeCloseTo(frame[1] + frame[3], 1);
    const h = pathNumbers(/class="hline" d="([^"]*)"/.exec(svg)![1]!);
    expect(h[1]).toBeCloseTo(frame[1] + (frame[3] * 3) / 4, 1);
    expect(svg).toContain('stroke-dasharray="1.5 3"');
    expect(svg).toContain('>a &lt; b &amp; c</text>');
    expect(texts(svg, 'legend')[0]).toEqual(['x = 2']);
  });
});
