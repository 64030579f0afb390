// PNG output through resvg with the shipped font: decoded with a small PNG reader and checked.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { figure, line } from '../../src/plot/index.js';
import { figurePNG, saveFigure, svgToPNG } from '../../src/plot/png.js';
import { decodePNG, distinctColors } from './helpers.js';

function twoLines() {
  const x = Array.from({ length: 200 }, (_, i) => -10 + (20 * i) / 199);
  const fig = figure({ width: 480, height: 320 });
  fig.axes(0, 0, { title: "y=f'(x)", legend: 'top-left' }).add(
    line({ x, y: x.map((v) => 2 * v), stroke: 'red', label: 'rate' }),
    line({ x, y: x.map((v) => -2 * v), stroke: 'blue', label: 'rule' }),
  );
  return fig;
}

describe('PNG', () => {
  it('renders a decodable PNG of the figure’s size that is not blank', () => {
    const png = twoLines().toPNG();
    const img = decodePNG(png);
    expect([img.width, img.height]).toEqual([480, 320]);
    expect(img.bitDepth).toBe(8);
    expect(distinctColors(img)).toBeGreaterThan(20);
    // The corner is the white background; somewhere there are red and blue line pixels.
    expect(Array.from(img.rgba.subarray(0, 4))).toEqual([255, 255, 255, 255]);
    let red = 0, blue = 0;
    for (let k = 0; k < img.rgba.length; k += 4) {
      const [r, g, b] = [img.rgba[k]!, img.rgba[k + 1]!, img.rgba[k + 2]!];
      if (r > 200 && g < 60 && b < 60) red++;
      if (b > 200 && r < 60 && g < 60) blue++;
    }
    expect(red).toBeGreaterThan(100);
    expect(blue).toBeGreaterThan(100);
  });

  it('scales the pixel size with `scale`', () => {
    const img = decodePNG(twoLines().toPNG({ scale: 2 }));
    expect([img.width, img.height]).toEqual([960, 640]);
  });

  it('draws text with the shipped font (system fonts are off), also for unknown families', () => {
    const dark = (family: string): number => {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><rect width="200" height="60" fill="white"/><text x="10" y="44" font-size="36" font-family="${family}">Hello</text></svg>`;
      const img = decodePNG(svgToPNG(svg, 200));
      let n = 0;
      for (let k = 0; k < img.rgba.length; k += 4) if (img.rgba[k]! < 128) n++;
      return n;
    };
    expect(dark('DejaVu Sans')).toBeGreaterThan(300);
    expect(dark('No Such Font, sans-serif')).toBe(dark('DejaVu Sans'));
    // And a figure's title really shows: its PNG differs from the untitled one only by text.
    const plain = decodePNG(figurePNG(figure({ width: 300, height: 200 }).add(line({ x: [0, 1], y: [0, 1] }))));
    expect(distinctColors(plain)).toBeGreaterThan(10);
  });

  it('saves by extension and refuses unknown ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nabla-plot-'));
    const fig = twoLines();
    fig.save(join(dir, 'a.svg'));
    saveFigure(fig, join(dir, 'b.png'));
    fig.savePNG(join(dir, 'c.png'));
    expect(readFileSync(join(dir, 'a.svg'), 'utf8')).toBe(fig.toSVG());
    expect(decodePNG(readFileSync(join(dir, 'b.png'))).width).toBe(480);
    expect(existsSync(join(dir, 'c.png'))).toBe(true);
    expect(() => fig.save(join(dir, 'd.jpg'))).toThrow(/\.svg or \.png/);
  });

  it('renders raw SVG too', () => {
    const img = decodePNG(svgToPNG('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="5" fill="black"/></svg>', 10));
    expect([img.width, img.height]).toEqual([10, 10]);
    expect(Array.from(img.rgba.subarray(0, 4))).toEqual([0, 0, 0, 255]);
    expect(Array.from(img.rgba.subarray(4 * 99, 4 * 100))).toEqual([255, 255, 255, 255]);
  });
});
