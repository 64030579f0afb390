// Lesson figure builders on data of the documented shapes (made here from the exact math), and
// the lesson modules' own figures where those modules exist.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { colormap } from '../../src/plot/index.js';
import { lesson01Figures, lesson02Figures, lesson03Figures, lesson05Figures, lesson07Figures } from '../../src/lessons/figures/index.js';
import { classText, count, expectGolden, inside, pathNumbers, texts } from './helpers.js';

const lin = (a: number, b: number, n: number): number[] => Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
const DELTA = 1e-4;

function lesson01Data() {
  const part = (f: (x: number) => number, d: (x: number) => number) => {
    const x = lin(-10, 10, 500);
    return { x, f: x.map(f), rate: x.map((v) => (f(v + DELTA) - f(v)) / DELTA), rule: x.map(d) };
  };
  return { ...part((x) => x * x, (x) => 2 * x), exercise: part((x) => x ** 3 - 2 * x ** 2 + 1, (x) => 3 * x * x - 4 * x) };
}

describe('lesson 01', () => {
  it('draws f and f′ by rate (red) and rule (blue) at alpha 0.5 with a legend, and the exercise', () => {
    const figs = lesson01Figures(lesson01Data());
    expect(figs.map((f) => f.name)).toEqual(['01-f-and-derivative', '01-exercise']);
    for (const { name, figure } of figs) {
      const svg = figure.toSVG();
      expectGolden(`lesson-${name}`, svg);
      expect(count(svg, /class="axes"/g)).toBe(2);
      expect(classText(svg, 'title')).toEqual(['y=f(x)', "y=f'(x)"]);
      expect(texts(svg, 'legend')).toEqual([['rate', 'rule']]);
      const lines = inside(svg, 'marks').filter((t) => t.includes('class="line"'));
      expect(lines).toHaveLength(3);
      expect(lines[1]).toMatch(/stroke="red" .*stroke-opacity="0.5"/);
      expect(lines[2]).toMatch(/stroke="blue" .*stroke-opacity="0.5"/);
      // 500 samples each: 499 line-to commands.
      for (const l of lines) expect(count(/d="([^"]*)"/.exec(l)![1]!, /L/g)).toBe(499);
    }
    const [main, ex] = figs.map((f) => f.figure.toSVG());
    // f = x² spans 0..100; f′ = 2x spans −20..20.
    expect(texts(main!, 'yticks')[0]).toEqual(['0', '20', '40', '60', '80', '100']);
    expect(texts(main!, 'yticks')[1]).toEqual(['−20', '−10', '0', '10', '20']);
    expect(classText(ex!, 'suptitle')).toEqual(['Exercise: f(x) = x³ − 2x² + 1']);
  });
});

describe('lesson 02', () => {
  it('draws the running sum, and the exercise’s running sum with x³ − 2x²', () => {
    const x = Array.from({ length: 200 }, (_, i) => -10 + i * 0.1);
    let s = 0;
    const runningSum = x.map((v) => (s += 2 * v * 0.1));
    let t = 0;
    const exSum = x.map((v) => (t += (3 * v * v - 4 * v) * 0.1));
    const figs = lesson02Figures({ x, runningSum, exercise: { x, runningSum: exSum, antiderivative: x.map((v) => v ** 3 - 2 * v * v) } });
    expect(figs.map((f) => f.name)).toEqual(['02-running-sum', '02-exercise']);
    const [main, ex] = figs.map((f) => f.figure.toSVG());
    expectGolden('lesson-02-running-sum', main!);
    expectGolden('lesson-02-exercise', ex!);
    expect(count(/class="line" d="([^"]*)"/.exec(main!)![1]!, /L/g)).toBe(199);
    // The running sum runs from −2 down to about −101 and back: ticks cover −100..0.
    expect(texts(main!, 'yticks')[0]![0]).toBe('−100');
    expect(texts(ex!, 'legend')).toEqual([['running sum', 'x³ − 2x²']]);
    expect(inside(ex!, 'marks').filter((l) => l.includes('stroke-dasharray'))).toHaveLength(1);
  });
});

describe('lesson 03', () => {
  it('draws the viridis surface of x² + y³ and 400 unit arrows coloured by magnitude', () => {
    const axis = lin(-10, 10, 60);
    const z: number[] = [];
    for (const a of axis) for (const b of axis) z.push(a * a + b ** 3);
    const q = lin(-10, 10, 20);
    const qx: number[] = [], qy: number[] = [], u: number[] = [], v: number[] = [], m: number[] = [];
    for (const a of q) for (const b of q) {
      const n = Math.hypot(2 * a, 2 * b);
      qx.push(a), qy.push(b), u.push((2 * a) / n), v.push((2 * b) / n), m.push(n);
    }
    const figs = lesson03Figures({ surface: { x: axis, y: axis, z }, quiver: { x: qx, y: qy, u, v, magnitude: m } });
    expect(figs.map((f) => f.name)).toEqual(['03-surface', '03-gradient-field']);
    const [surf, field] = figs.map((f) => f.figure.toSVG());
    // The golden keeps a 20 × 20 surface (the 60 × 60 one is 350 kB); facts are checked at 60 × 60.
    const small = lin(-10, 10, 20);
    const zs: number[] = [];
    for (const a of small) for (const b of small) zs.push(a * a + b ** 3);
    expectGolden('lesson-03-surface', lesson03Figures({ surface: { x: small, y: small, z: zs } })[0]!.figure.toSVG());
    expectGolden('lesson-03-gradient-field', field!);
    const faces = inside(surf!, 'surface');
    expect(faces).toHaveLength(59 * 59);
    const viridis = new Set(Array.from({ length: 256 }, (_, i) => colormap('viridis')(i / 255)));
    expect(faces.every((f) => viridis.has(/fill="([^"]*)"/.exec(f)![1]!))).toBe(true);
    expect(classText(surf!, 'title')).toEqual(['f(x, y) = x² + y³']);
    const arrows = inside(field!, 'quiver');
    expect(arrows).toHaveLength(400);
    expect(arrows[0]).toContain(`fill="${colormap('viridis')(1)}"`); // corner: largest magnitude
    expect(field).toContain('>|∇f|</text>');
  });

  it('accepts grid axes for the quiver and computes the magnitude itself', () => {
    const g = [-1, 1];
    const figs = lesson03Figures({ quiver: { x: g, y: g, u: [1, 1, -1, 0], v: [0, 1, 0, 0] } });
    expect(inside(figs[0]!.figure.toSVG(), 'quiver')).toHaveLength(3);
  });
});

describe('lesson 05', () => {
  it('draws loss and accuracy curves and the decision boundary with the points by class', () => {
    const n = 150;
    const loss = Array.from({ length: n }, (_, i) => 693 - i * 0.07);
    const accuracy = Array.from({ length: n }, (_, i) => 0.5 + (i / n) * 0.3);
    // Two rings like make_circles, predicted by radius.
    const X: number[][] = [];
    const y: number[] = [];
    for (let k = 0; k < 40; k++) {
      const t = (2 * Math.PI * k) / 40;
      X.push([Math.cos(t), Math.sin(t)], [0.5 * Math.cos(t), 0.5 * Math.sin(t)]);
      y.push(0, 1);
    }
    const predict = (a: number, b: number): number => 1 / (1 + Math.exp(20 * (Math.hypot(a, b) - 0.75)));
    const figs = lesson05Figures({ X, y, listing: { loss, accuracy, predict } });
    expect(figs.map((f) => f.name)).toEqual(['05-training', '05-decision-boundary']);
    const [train, boundary] = figs.map((f) => f.figure.toSVG());
    expectGolden('lesson-05-training', train!);
    expectGolden('lesson-05-decision-boundary', boundary!);
    expect(classText(train!, 'title')).toEqual(['loss', 'accuracy']);
    expect(classText(train!, 'xlabel')).toEqual(['epoch', 'epoch']);
    expect(texts(train!, 'xticks')[0]).toEqual(['0', '20', '40', '60', '80', '100', '120', '140']);
    expect(boundary).toContain('class="boundary"');
    expect(inside(boundary!, 'scatter').filter((t) => t.startsWith('<circle'))).toHaveLength(80);
    expect(texts(boundary!, 'legend')).toEqual([['class 0', 'class 1']]);
    // The boundary is the circle of radius 0.75 where the probability is 0.5.
    const frame = /<rect class="frame" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(boundary!)!.slice(1).map(Number) as [number, number, number, number];
    const pts = pathNumbers(/class="boundary" d="([^"]*)"/.exec(boundary!)![1]!);
    const unit = frame[2] / (2 * 1.16); // padded range: ±(1 + 0.08·2)
    for (let i = 0; i < pts.length; i += 2) {
      const r = Math.hypot(pts[i]! - (frame[0] + frame[2] / 2), pts[i + 1]! - (frame[1] + frame[3] / 2)) / unit;
      expect(r).toBeCloseTo(0.75, 1);
    }
  });

  it('adds the corrected run’s figures when present', () => {
    const figs = lesson05Figures({ X: [[0, 0]], y: [1], listing: { loss: [1], accuracy: [1], predict: () => 1 }, corrected: { loss: [1, 0.5], accuracy: [0.5, 1], predict: () => 0 } });
    expect(figs.map((f) => f.name)).toEqual(['05-training', '05-training-corrected', '05-decision-boundary', '05-decision-boundary-corrected']);
    expect(() => lesson05Figures({ listing: {} })).toThrow(/data.loss must be an array of numbers/);
  });
});

describe('lesson 07', () => {
  it('draws the points, the line 2/3·x + 2/3·y − 1 = 0, the margins through the support vectors', () => {
    const data = {
      points: [[0, 0], [1, 2], [2, 1]],
      labels: [-1, 1, 1],
      solution: [2 / 3, 2 / 3, -1],
      exercise: { X: [[-1, -1], [-3, -1], [0, 0], [3, 3], [1, 2], [2, 1]], y: [-1, -1, -1, 1, 1, 1], w: [2 / 3, 2 / 3], b: -1 },
    };
    const figs = lesson07Figures(data);
    expect(figs.map((f) => f.name)).toEqual(['07-svm', '07-exercise']);
    const [main, ex] = figs.map((f) => f.figure.toSVG());
    expectGolden('lesson-07-svm', main!);
    expectGolden('lesson-07-exercise', ex!);
    expect(texts(main!, 'legend')[0]).toEqual(['0.667x + 0.667y − 1 = 0', 'margin +1', 'margin −1', 'class −1', 'class +1', 'support vectors']);
    // All three listing points are support vectors; in the exercise still only three are.
    const rings = (svg: string) => inside(svg, 'scatter').filter((t) => t.includes('fill="none"'));
    expect(rings(main!)).toHaveLength(3);
    expect(rings(ex!)).toHaveLength(3);
    // The +1 margin passes through (1, 2) and (2, 1): the squares' centres lie on its segment.
    const lines = inside(main!, 'marks').filter((t) => t.includes('class="line"'));
    const [x0, y0, x1, y1] = pathNumbers(/d="([^"]*)"/.exec(lines[1]!)![1]!) as [number, number, number, number];
    const squares = inside(main!, 'scatter').filter((t) => t.startsWith('<rect'));
    expect(squares).toHaveLength(2);
    for (const sq of squares) {
      const [, x, y, w] = /x="([^"]*)" y="([^"]*)" width="([^"]*)"/.exec(sq)!.map(Number) as [number, number, number, number];
      const cx = x + w / 2, cy = y + w / 2;
      const cross = (x1 - x0) * (cy - y0) - (y1 - y0) * (cx - x0);
      expect(Math.abs(cross) / Math.hypot(x1 - x0, y1 - y0)).toBeLessThan(0.5);
    }
  });
});

describe('the lesson modules’ figures', () => {
  const have = (f: string) => existsSync(resolve(__dirname, '../../src/lessons', f));
  it.runIf(have('01-differentiation.ts') && have('02-integration.ts') && have('03-gradient.ts'))('lessons 01-03 return their figures', async () => {
    const l1 = (await import('../../src/lessons/01-differentiation.js')).lesson01.run();
    const l2 = (await import('../../src/lessons/02-integration.js')).lesson02.run();
    const l3 = (await import('../../src/lessons/03-gradient.js')).lesson03.run();
    expect(l1.figures.map((f) => f.name)).toEqual(['01-f-and-derivative', '01-exercise']);
    expect(l2.figures.map((f) => f.name)).toEqual(['02-running-sum', '02-exercise']);
    expect(l3.figures.map((f) => f.name)).toContain('03-surface');
    expect(l3.figures.map((f) => f.name)).toContain('03-gradient-field');
    for (const { figure } of [...l1.figures, ...l2.figures, ...l3.figures]) expect(figure.toSVG()).toMatch(/^<svg xmlns/);
  });
  it.runIf(have('05-backprop.ts'))('lesson 05 returns training curves and decision boundaries', async () => {
    const run = (await import('../../src/lessons/05-backprop.js')).lesson05.run();
    expect(run.figures.map((f) => f.name)).toEqual(['05-training', '05-training-corrected', '05-decision-boundary', '05-decision-boundary-corrected']);
    const svg = run.figures[0]!.figure.toSVG();
    expect(count(/class="line" d="([^"]*)"/.exec(svg)![1]!, /L/g)).toBe(149);
  });
});

describe('lesson 07 module', () => {
  it.runIf(existsSync(resolve(__dirname, '../../src/lessons/07-svm.ts')))('returns the SVM figure and the exercise with three support vectors each', async () => {
    const run = (await import('../../src/lessons/07-svm.js')).lesson07.run();
    expect(run.figures.map((f) => f.name)).toEqual(['07-svm', '07-exercise']);
    for (const { figure } of run.figures) {
      const svg = figure.toSVG();
      expect(inside(svg, 'scatter').filter((t) => t.includes('fill="none"'))).toHaveLength(3);
      expect(texts(svg, 'legend')[0]![0]).toBe('0.667x + 0.667y − 1 = 0');
    }
  });
});

describe('lesson 06 figures', () => {
  it('draw f with its critical points and the log exercise (golden + structure)', async () => {
    const run = (await import('../../src/lessons/06-optimization.js')).lesson06.run();
    const figs = run.figures;
    expect(figs.map((f) => f.name)).toEqual(['06-critical-points', '06-exercise-log']);
    const [main, ex] = figs.map((f) => f.figure.toSVG());
    expectGolden('lesson-06-critical-points', main!);
    expectGolden('lesson-06-exercise-log', ex!);
    expect(main).toContain('x³ − 2x² + 1');
    expect(ex).toContain('no extremum');
    expect(main!.startsWith('<svg')).toBe(true);
    // The critical points are marked with their kind; log x has none.
    expect(main).toContain('max at x = 0');
    expect(main).toContain('min at x = 4/3');
    expect(ex).not.toMatch(/(max|min) at x =/);
  });
});
