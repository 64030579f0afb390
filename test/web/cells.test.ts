// The course's code cells run in Node exactly as the browser worker runs them (transformCell, then
// a module with `print`/`show` and the library injected), and print the course's numbers.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as core from '../../src/core/index.js';
import * as numeric from '../../src/numeric/index.js';
import * as symbolic from '../../src/symbolic/index.js';
import * as autodiff from '../../src/autodiff/index.js';
import * as nn from '../../src/nn/index.js';
import * as optimize from '../../src/optimize/index.js';
import * as svm from '../../src/svm/index.js';
import * as plot from '../../src/plot/index.js';
import { transformCell, CellSyntaxError } from '../../web/src/transform.js';
import { formatArgs, isFigure, formatLibraryObject, setObjectFormatter } from '../../web/src/format-value.js';
import { SOURCES } from '../../web/src/lessons/sources.js';

const nabla = { ...core, ...numeric, ...symbolic, ...autodiff, ...nn, ...optimize, ...svm, ...plot } as Record<string, unknown>;

/** Run a cell's code; returns printed lines and SVGs shown. */
async function runCell(code: string): Promise<{ lines: string[]; svgs: string[] }> {
  const lines: string[] = [];
  const svgs: string[] = [];
  const g = globalThis as Record<string, unknown>;
  g.__nabla = nabla;
  setObjectFormatter(formatLibraryObject);
  g.print = (...a: unknown[]) => (a.length === 1 && isFigure(a[0]) ? svgs.push(a[0].toSVG()) : lines.push(formatArgs(a)));
  g.show = (...a: unknown[]) => a.forEach((v) => (isFigure(v) ? svgs.push(v.toSVG()) : lines.push(formatArgs([v]))));
  const js = transformCell(code);
  await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`);
  return { lines, svgs };
}

const has = (...names: string[]) => names.every((n) => typeof nabla[n] === 'function');

describe('transformCell', () => {
  it('strips types and turns nabla imports into the injected object, keeping line numbers', () => {
    const js = transformCell("import { diff, parse as p } from 'nabla';\nconst n: number = 1;\ninterface A { x: number }\nprint(n as number);");
    expect(js.split('\n')[0]).toBe('const { diff, parse: p} = globalThis.__nabla;');
    expect(js.split('\n')[1]).toBe('const n = 1;');
    expect(js.split('\n')[3]).toBe('print(n );');
  });
  it('handles namespace and default imports', () => {
    expect(transformCell("import * as N from 'nabla/symbolic';")).toBe('const N = globalThis.__nabla;');
  });
  it('reports a syntax error with its line', () => {
    try {
      transformCell('const a = 1;\nconst b = ;\n');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CellSyntaxError);
      expect((e as CellSyntaxError).line).toBe(2);
    }
  });
  it('refuses imports of anything but nabla', () => {
    expect(() => transformCell("const a = 1;\nimport fs from 'node:fs';")).toThrow(/only import from 'nabla'/);
  });
});

describe('lesson code cells', () => {
  it.skipIf(!has('linspace', 'figure', 'line', 'diff'))('01 prints the gap between rate and rule and draws two panels', async () => {
    const { lines, svgs } = await runCell(SOURCES[1]!);
    expect(lines).toEqual(['max |rate − rule| on the grid: 1.0e-4', 'the rule, by the CAS: d/dx x^2 = 2*x']);
    expect(svgs).toHaveLength(1);
    expect(svgs[0]).toContain('y=f(x)');
  });
  it.skipIf(!has('arange', 'cumsum', 'figure', 'line', 'integrate'))('02 running sum: 200 points from -2.0 to -2.0, minimum -101.0', async () => {
    const { lines, svgs } = await runCell(SOURCES[2]!);
    expect(lines).toEqual(['200 points; first -2.0, last -2.0, min -101.0', 'the antiderivative by the CAS: ∫ 2x dx = x^2 + C']);
    expect(svgs).toHaveLength(1);
  });
  it.skipIf(!has('linspace', 'meshgrid', 'figure', 'surface', 'quiver', 'gradient'))('03 prints the listing\'s two lines', async () => {
    const { lines, svgs } = await runCell(SOURCES[3]!);
    expect(lines[0]).toBe('Max rate of change at 8.4 degrees');
    // Python prints (3.987419245872443,27.002750276227097): the last digits depend on libm's sin,
    // so compare to 1e-9 (the exact gradient is (4, 27)).
    const m = lines[1]!.match(/^Gradient vector at \(2,3\) is \(([\d.]+),([\d.]+)\)$/)!;
    expect(Number(m[1])).toBeCloseTo(3.987419245872443, 9);
    expect(Number(m[2])).toBeCloseTo(27.002750276227097, 9);
    expect(lines[2]).toBe('Exact gradient at (2,3): [4, 27]');
    expect(svgs).toHaveLength(2);
  });
  it.skipIf(!has('gradient'))('03 labels the exact gradient with the point the learner chose (D12)', async () => {
    const { lines } = await runCell(SOURCES[3]!.replace('const [x0, y0] = [2, 3];', 'const [x0, y0] = [1, 1];'));
    expect(lines[2]).toBe('Exact gradient at (1,1): [2, 3]');
  });
  it.skipIf(!has('jacobian', 'pretty', 'diff'))('04 prints the Jacobian of (2xy, x²y) like SymPy\'s pprint', async () => {
    const { lines } = await runCell(SOURCES[4]!);
    expect(lines[0]).toBe(['⎡ 2⋅y   2⋅x⎤', '⎢          ⎥', '⎢        2 ⎥', '⎣2⋅x⋅y  x  ⎦'].join('\n'));
    expect(lines[1]).toBe('∂f₂/∂x = 2*x*y');
  });
  it.skipIf(!has('parse', 'diff', 'solve', 'criticalPoints'))('06 finds the local maximum at 0 and the local minimum at 4/3; none for log x', async () => {
    const { lines } = await runCell(SOURCES[6]!);
    expect(lines[0]).toBe("f'(x) = 3*x^2 - 4*x");
    expect(lines[1]).toBe("f'(x) = 0 at x = [0, 4/3]");
    expect(lines[2]).toMatch(/^x = 0: f\(x\) = 1, max /);
    expect(lines[3]).toMatch(/^x = 4\/3: f\(x\) = -5\/27, min /);
    expect(lines[4]).toMatch(/^log x: 0 critical points;/);
  });
  it.skipIf(!has('makeCircles'))('05 reproduces the published trace (reference lesson05-trace.json)', async () => {
    const ref = JSON.parse(readFileSync(resolve(__dirname, '../reference/course/lesson05-trace.json'), 'utf8')) as {
      before: { loss: number; accuracy: number };
      iterations: Array<{ iteration: number; loss: number; accuracy: number }>;
    };
    const { lines } = await runCell(SOURCES[5]!);
    expect(lines[0]).toBe(`Before training - loss value ${ref.before.loss} accuracy ${ref.before.accuracy}`);
    expect(lines).toHaveLength(151);
    const got = lines.slice(1).map((l) => l.match(/^Iteration (\d+) - loss value ([\d.]+) accuracy ([\d.]+)$/)!);
    for (const it of ref.iterations) {
      const m = got[it.iteration]!;
      expect(Number(m[2])).toBeCloseTo(it.loss, 6);
      expect(Number(m[3])).toBe(it.accuracy);
    }
    expect(lines[150]).toBe('Iteration 149 - loss value 683.6170298 accuracy 0.614');
  });
  it.skipIf(!has('hardMarginSvm', 'minimize'))('07 finds a = b = 2/3, c = -1 with objective 8/9 (SLSQP and exact)', async () => {
    const { lines } = await runCell(SOURCES[7]!);
    const obj = Number(lines[0]!.replace('Objective: ', ''));
    expect(obj).toBeCloseTo(8 / 9, 10);
    expect(lines[1]).toBe('Solution: [ 0.66666667  0.66666667 -1.        ]');
    expect(lines[2]).toBe('exact: a = 2/3  b = 2/3  c = -1  objective 8/9');
    expect(lines[3]).toMatch(/^multipliers α: 4\/9, 2\/9, 2\/9  margin/);
  });
});
