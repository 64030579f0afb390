// The terminal preview: braille dots placed where the data is.
import { describe, expect, it } from 'vitest';
import { figure, line, quiver, surface, toBraille, vline } from '../../src/plot/index.js';

/** Decode braille rows back into a dot matrix (2 × 4 dots per character). */
function dots(rows: string[]): boolean[][] {
  const bits = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]];
  const out: boolean[][] = [];
  for (const row of rows) {
    const cells = [...row].map((c) => c.codePointAt(0)! - 0x2800);
    for (let dy = 0; dy < 4; dy++) out.push(cells.flatMap((b) => [!!(b & bits[dy]![0]!), !!(b & bits[dy]![1]!)]));
  }
  return out;
}

const body = (text: string): string[] => text.split('\n').filter((l) => /[┤│]/.test(l)).map((l) => l.replace(/^.*?[┤│]/, ''));

describe('toBraille', () => {
  it('draws y = x as the diagonal from bottom-left to top-right', () => {
    const out = toBraille({ x: [0, 1], y: [0, 1] }, { width: 10, height: 5 });
    const m = dots(body(out));
    expect(m).toHaveLength(20);
    expect(m[0]).toHaveLength(20);
    // Every dot column has exactly the dots on the line; the ends are the corners of the padded frame.
    const lit = m.flatMap((r, y) => r.map((on, x) => (on ? [x, y] : null)).filter((p): p is number[] => !!p));
    for (const [x, y] of lit) expect(Math.abs(x! / 19 - (19 - y!) / 19)).toBeLessThan(0.12);
    expect(lit.length).toBeGreaterThan(15);
  });

  it('labels the y range on the left and the x range below', () => {
    const out = toBraille({ x: [-2, 3], y: [0, 10] }, { width: 30, height: 6 }).split('\n');
    expect(out).toHaveLength(8);
    // Padded 5 % each side: y −0.5..10.5, x −2.25..3.25.
    expect(out[0]).toMatch(/^10\.5 ┤/);
    expect(out[5]).toMatch(/^−0\.5 ┤/);
    expect(out[7]!.trim()).toMatch(/^−2\.25 +3\.25$/);
  });

  it('previews a figure panel with its title, rules, arrows and a 3-D wireframe', () => {
    const fig = figure({ cols: 2, title: 'fig' });
    fig.axes(0, 0, { title: 'left', xDomain: [0, 1], yDomain: [0, 1] }).add(vline(0.5, { dash: 'solid' }));
    fig.axes(0, 1).add(quiver({ x: [0], y: [0], u: [1], v: [0] }));
    const left = toBraille(fig, { width: 20, height: 5 });
    expect(left.split('\n')[0]!.trim()).toBe('left');
    const m = dots(body(left));
    // The vertical rule at x = 0.5 lights one dot column from top to bottom.
    const cols = new Set(m.flatMap((r) => r.map((on, x) => (on ? x : -1)).filter((x) => x >= 0)));
    expect(cols.size).toBe(1);
    expect(m.every((r) => r.some(Boolean))).toBe(true);
    expect(toBraille(fig, { panel: 1, width: 20, height: 5 })).toMatch(/[\u2801-\u28ff]/);
    const s = figure().add(surface({ x: [0, 1, 2], y: [0, 1, 2], z: [[0, 1, 2], [1, 2, 3], [2, 3, 4]] }));
    expect(toBraille(s)).toMatch(/[\u2801-\u28ff]/);
  });

  it('rejects silly sizes and inputs', () => {
    expect(() => toBraille({ x: [0], y: [0] }, { width: 1 })).toThrow(/width must be/);
    expect(() => toBraille({} as never)).toThrow(/give a figure/);
    expect(() => toBraille([line as never])).toThrow();
  });
});
