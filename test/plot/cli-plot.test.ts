// `nabla plot` and the PNGs of `nabla lesson`: through runCli with captured output.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../cli/run-cli.js';
import { plotFigure } from '../../src/cli/commands/plot.js';
import { count, decodePNG, distinctColors, inside, texts } from './helpers.js';

describe('nabla plot', () => {
  it('plots a curve and its derivative from --from to --to', () => {
    const svg = plotFigure('x^3 - 2x^2 + 1', { from: '-2', to: '3', deriv: true }).toSVG();
    const lines = inside(svg, 'marks').filter((t) => t.includes('class="line"'));
    expect(lines).toHaveLength(2);
    const legend = texts(svg, 'legend')[0]!;
    expect(legend[0]).toMatch(/^f\(x\) = /);
    expect(legend[1]).toMatch(/^f'\(x\) = /);
    // f on [−2, 3] runs from f(−2) = −15 to f(3) = 10; f′ = 3x² − 4x from −4/3 to 20.
    const yt = texts(svg, 'yticks')[0]!;
    expect(yt[0]).toBe('−15');
    expect(yt[yt.length - 1]).toBe('20');
    expect(texts(svg, 'xticks')[0]).toEqual(['−2', '−1', '0', '1', '2', '3']);
  });

  it('prints a braille preview without -o', async () => {
    const r = await cli('plot', 'x^2', '--from', '-1', '--to', '1');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/[\u2801-\u28ff]/);
    expect(r.out.split('\n').at(-1)!.trim()).toMatch(/^−1\.1 +1\.1$/);
  });

  it('writes SVG and PNG files with -o', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nabla-cli-plot-'));
    const svgPath = join(dir, 'f.svg');
    const pngPath = join(dir, 'f.png');
    expect((await cli('plot', 'x^3 - 2x^2 + 1', '--from', '-2', '--to', '3', '--deriv', '-o', svgPath)).code).toBe(0);
    expect(readFileSync(svgPath, 'utf8')).toMatch(/^<svg xmlns/);
    const r = await cli('plot', 'x^2 + y^3', '--surface', '-n', '20', '-o', pngPath);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`wrote ${pngPath}`);
    const img = decodePNG(readFileSync(pngPath));
    expect([img.width, img.height]).toEqual([640, 480]);
    expect(distinctColors(img)).toBeGreaterThan(50);
  });

  it('draws a surface and a quiver field', () => {
    const s = plotFigure('x^2 + y^3', { surface: true, samples: '10' }).toSVG();
    expect(inside(s, 'surface')).toHaveLength(81);
    const q = plotFigure(undefined, { quiver: '[2x, 2y]' }).toSVG();
    expect(inside(q, 'quiver')).toHaveLength(400);
    expect(q).toContain('>magnitude</text>');
  });

  it('leaves gaps where the function is undefined', () => {
    const svg = plotFigure('log(x)', { from: '-1', to: '1', samples: '21' }).toSVG();
    const d = /class="line" d="([^"]*)"/.exec(svg)![1]!;
    expect(count(d, /M/g)).toBe(1);
    expect(d).not.toMatch(/NaN/);
  });

  it('refuses bad input with exit code 2 and a message', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['plot'], /nothing to plot/],
      [['plot', 'x^2', '--from', 'abc'], /--from must be a number/],
      [['plot', 'x^2', '--from', '3', '--to', '1'], /--from must be below --to/],
      [['plot', 'x*y'], /at most 1 variable/],
      [['plot', '--quiver', '[2x, 2y, z]'], /two components/],
      [['plot', 'x^2', '-o', 'f.jpg'], /\.svg or \.png/],
      [['plot', 'x^^2'], /position/],
      [['plot', 'x^2', '-o', join(tmpdir(), 'no-such-folder-r1', 'f.svg')], /-o: cannot write .*its folder does not exist/],
    ];
    for (const [argv, re] of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(re);
    }
  });
});

describe('nabla lesson writes PNGs next to the SVGs', () => {
  it('lesson 2 → two SVG and two PNG files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nabla-lesson-'));
    const r = await cli('lesson', '2', '--out', dir);
    expect(r.code).toBe(0);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['02-exercise.png', '02-exercise.svg', '02-running-sum.png', '02-running-sum.svg']);
    const img = decodePNG(readFileSync(join(dir, '02-running-sum.png')));
    expect(img.width).toBe(640);
    expect(distinctColors(img)).toBeGreaterThan(20);
  });
});

describe('nabla plot near poles', () => {
  it('breaks 1/x at the pole and keeps the y axis to the bulk of the values', () => {
    const svg = plotFigure('1/x', { from: '-2', to: '2' }).toSVG();
    const d = /class="line" d="([^"]*)"/.exec(svg)![1]!;
    expect(count(d, /M/g)).toBe(2);
    // 400 samples: |1/x| reaches 200 next to 0, but the axis stays within about ±20.
    const yt = texts(svg, 'yticks')[0]!.map((t) => Number(t.replace('−', '-')));
    expect(Math.max(...yt.map(Math.abs))).toBeLessThanOrEqual(20);
  });
  it('leaves ordinary curves alone', () => {
    const svg = plotFigure('exp(x)', { from: '-5', to: '5' }).toSVG();
    expect(count(/class="line" d="([^"]*)"/.exec(svg)![1]!, /M/g)).toBe(1);
    expect(texts(svg, 'yticks')[0]!.at(-1)).toBe('140');
  });
});
