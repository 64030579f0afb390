// Every ```ts block of README.md, type-checked against the sources and run as written.
// Imports of 'nabla' / 'nabla/<layer>' are pointed at src/ (the package's own files), so the README
// is checked against the code in this tree, not against an older build in dist/.
// A block preceded by `<!-- not-run: why -->` is type-checked but not run (e.g. a course cell, which
// needs the browser's `print`/`show`). Results the comments promise are checked in the second part.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  parse, diff, gradient, jacobian, hessian, pretty, latex, toString, lambdify, symbol, integrate,
  limit, series, solve, factor, simplify, OO, NEG_OO, criticalPoints, solveSystemDetailed, quad, derivative, D, type Dual, linsolve, lstsq, matrix,
  tensor, grad, makeCircles, adJacobian, adHessian, checkGrads, minimize, hardMarginSvm, hardMarginSlsqp, SVC,
  figure, line, type Tensor, expand, summation, re, abs, conjugate, evaluate, evaluateComplex, solveDetailed as solveDetailedRoots,
} from '../src/index.js';

const root = resolve(__dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

interface Block { line: number; code: string; run: boolean; file: string }

/** The ```ts blocks of a markdown text, with the 1-based line of their first code line. */
function extractBlocks(text: string): Omit<Block, 'file'>[] {
  const lines = text.split('\n');
  const out: Omit<Block, 'file'>[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== '```ts') continue;
    let j = i - 1;
    while (j >= 0 && lines[j]!.trim() === '') j--;
    const run = !(j >= 0 && /^<!--\s*not-run\b/.test(lines[j]!.trim()));
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end]!.trim() !== '```') end++;
    out.push({ line: start + 1, code: lines.slice(start, end).join('\n'), run });
    i = end;
  }
  return out;
}

/** Point the package's specifiers at the sources: 'nabla' → src/index.ts, 'nabla/x' → src/x/index.ts. */
function rewriteImports(code: string): string {
  return code.replace(/from\s+(['"])nabla(?:\/([a-z]+))?\1/g, (_m, _q, layer: string | undefined) => {
    const target = layer ? join(root, 'src', layer, 'index.ts') : join(root, 'src', 'index.ts');
    return `from ${JSON.stringify(target)}`;
  });
}

const found = extractBlocks(readme);
let dir = '';
let blocks: Block[] = [];
/** Type errors per block line, from one tsc run over all blocks. */
const errors = new Map<number, string[]>();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nabla-readme-'));
  blocks = found.map((b) => ({ ...b, file: join(dir, `block-${b.line}.ts`) }));
  for (const b of blocks) writeFileSync(b.file, `${rewriteImports(b.code)}\nexport {};\n`);
  // What a course cell has besides the imports it writes.
  writeFileSync(join(dir, 'cell-globals.d.ts'),
    'declare function print(...values: unknown[]): void;\ndeclare function show(figure: unknown): void;\n');
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'],
      strict: true, skipLibCheck: true, noEmit: true, allowImportingTsExtensions: true,
      types: ['node'], typeRoots: [join(root, 'node_modules/@types')],
    },
    files: ['cell-globals.d.ts', ...blocks.map((b) => b.file)],
  }));
  let out = '';
  try {
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json'), '--pretty', 'false'],
      { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    out = `${err.stdout ?? ''}${err.stderr ?? ''}`;
  }
  // tsc prints one line per error plus indented detail lines, which are kept with it.
  let last: string[] | undefined;
  for (const raw of out.split('\n')) {
    const m = /block-(\d+)\.ts\((\d+),(\d+)\): (.*)$/.exec(raw);
    if (m) {
      const blockLine = Number(m[1]);
      const at = blockLine + Number(m[2]) - 1;
      last = errors.get(blockLine) ?? [];
      errors.set(blockLine, last);
      last.push(`README.md:${at}:${m[3]} ${m[4]}`);
    } else if (/^\s+\S/.test(raw) && last) {
      last[last.length - 1] += `\n${raw}`;
    } else if (raw.trim() !== '') {
      // An error outside the blocks (e.g. in src/) fails the first block, so it is never lost.
      const first = found[0]!.line;
      last = errors.get(first) ?? [];
      errors.set(first, last);
      last.push(raw);
    }
  }
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('README ```ts blocks', () => {
  it('has one block per layer at least', () => {
    expect(found.length).toBeGreaterThanOrEqual(8);
  });
  for (const b of found) {
    it(`README.md:${b.line} type-checks`, () => {
      expect(errors.get(b.line) ?? []).toEqual([]);
    });
    it.runIf(b.run)(`README.md:${b.line} runs without throwing`, async () => {
      const file = blocks.find((x) => x.line === b.line)!.file;
      // Run inside the temp folder so files an example saves (fig.save) land there.
      // console.log output (pretty matrices, braille previews) is muted: only throwing matters here.
      const cwd = process.cwd();
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      process.chdir(dir);
      try {
        await expect(import(pathToFileURL(file).href)).resolves.toBeDefined();
      } finally {
        process.chdir(cwd);
        log.mockRestore();
      }
    });
  }
});

describe('README ```ts blocks: the results the comments state', () => {
  it('symbolic', () => {
    const f = parse('x^3 - 2x^2 + 1');
    expect(toString(diff(f, 'x'))).toBe('3*x^2 - 4*x');
    expect(diff(f, ['x', 2])).toBe(parse('6*x - 4'));
    expect(diff(parse('sin(x^2)'), 'x', { steps: true }).steps.map((s) => s.rule)).toEqual(['sin + chain', 'power']);
    expect(pretty(jacobian(['2*x*y', 'x^2*y'], ['x', 'y']))).toBe(
      ['⎡ 2⋅y   2⋅x⎤', '⎢          ⎥', '⎢        2 ⎥', '⎣2⋅x⋅y  x  ⎦'].join('\n'));
    expect(latex(hessian('x^2*y', 'x y'))).toBe(String.raw`\left[\begin{matrix}2 y & 2 x\\2 x & 0\end{matrix}\right]`);
    expect(lambdify(gradient('x^2 + y^3', 'x y'), 'x y')(1, 2)).toEqual([[2], [12]]);
  });
  it('integrals, limits, series, equations', () => {
    const x = symbol('x');
    expect(integrate(parse('3*x^2 - 4*x'), x)).toBe(parse('x^3 - 2*x^2'));
    expect(integrate(parse('exp(-x)*cos(x)'), x)).toBe(parse('(sin(x) - cos(x))*exp(-x)/2'));
    expect(integrate(parse('exp(-x^2)'), [x, NEG_OO, OO])).toBe(parse('sqrt(pi)'));
    expect(integrate(parse('exp(x^2)'), x)).toBe(parse('sqrt(pi)*erfi(x)/2'));
    expect(limit(parse('(1+1/x)^x'), x, OO)).toBe(parse('E'));
    expect(limit(parse('exp(x)*(exp(1/x + exp(-x)) - exp(1/x))'), x, OO)).toBe(parse('1'));
    expect(series(parse('tan(x)'), x, 0, 7)).toBe(parse('2*x^5/15 + x^3/3 + x'));
    expect(series('sqrt(x^2 + 1)', 'x', OO, 4)).toBe(parse('x + 1/(2*x) - 1/(8*x^3)'));
    expect(series('sqrt(x)*exp(x)', 'x', 0, 3)).toBe(parse('x^(5/2)/2 + x^(3/2) + sqrt(x)'));
    expect(series('x^x', 'x', 0, 3)).toBe(parse('x^2*log(x)^2/2 + x*log(x) + 1'));
    expect(series('exp(x)*cos(y)', ['x', 'y'], [0, 0], 3)).toBe(parse('x^2/2 + x - y^2/2 + 1'));
    expect(solve('x^3 - 2*x^2 + 1 = 0', 'x')).toEqual(
      [parse('1/2 - sqrt(5)/2'), parse('1'), parse('1/2 + sqrt(5)/2')]);
    expect(factor('x^4 + 4')).toBe(parse('(x^2 - 2*x + 2)*(x^2 + 2*x + 2)'));
    expect(factor('x^2 - y^2')).toBe(parse('(x + y)*(x - y)'));
    expect(simplify('sin(x)^2 + cos(x)^2')).toBe(parse('1'));
    expect(simplify('exp(x)/(1 + exp(x)) - sigmoid(x)')).toBe(parse('0'));
    expect(simplify('-y*log(sigmoid(z)) - (1-y)*log(1-sigmoid(z))')).toBe(parse('-y*z + softplus(z)'));
    expect(integrate(parse('x*exp(x)'), x, { steps: true }).steps[0]!.detail).toBe('u = x, dv = exp(x) dx');
  });
  it('sums', () => {
    expect(summation('1/k', ['k', 1, 'n'])).toBe(parse('harmonic(n)'));
    expect(summation('(-1)^(k+1)/k', ['k', 1, 'oo'])).toBe(parse('log(2)'));
    expect(summation('(-1)^k/(2*k+1)', ['k', 0, 'oo'])).toBe(parse('pi/4'));
    expect(summation('k*binomial(n, k)', ['k', 0, 'n'])).toBe(parse('2^(n - 1)*n'));
  });
  it('assumptions on symbols', () => {
    const x = symbol('x');
    const assume = { a: { positive: true }, b: { negative: true } };
    expect(parse('sqrt(a^2)', { assume })).toBe(symbol('a', { positive: true }));
    expect(toString(parse('sqrt(a^2)'))).toBe('sqrt(a^2)');
    expect(toString(simplify('sqrt(a^2)'))).toBe('abs(a)');
    expect(parse('abs(b)', { assume })).toBe(parse('-b', { assume }));
    expect(integrate(parse('exp(-a*x^2)', { assume }), [x, NEG_OO, OO])).toBe(parse('sqrt(pi)/sqrt(a)', { assume }));
    expect(integrate(parse('x^2*exp(-a*x)', { assume }), [x, 0, OO])).toBe(parse('2/a^3', { assume }));
    expect(integrate(parse('exp(-a*x^2)'), [x, NEG_OO, OO]).kind).toBe('Integral');
    expect(limit(parse('x^b', { assume }), x, OO)).toBe(parse('0'));
    expect(() => limit(parse('x^y'), x, OO)).toThrow();
    const xp = symbol('x', { positive: true });
    expect(solve(parse('x^3 - x', { assume: { x: { positive: true } } }), xp)).toEqual([parse('1')]);
    expect(solve(parse('x^2 + a', { assume }), x)).toEqual([]);
  });
  it('complex numbers', () => {
    expect(parse('I^2')).toBe(parse('-1'));
    expect(toString(parse('sqrt(-4)'))).toBe('2*I');
    expect(toString(parse('1/(1 + I)'))).toBe('1/2 - I/2');
    expect(parse('exp(I*pi)')).toBe(parse('-1'));
    expect(toString(expand('(1 + I)^3'))).toBe('-2 + 2*I');
    expect(re('x + 3*I*y')).toBe(symbol('x'));
    expect(abs('3 + 4*I')).toBe(parse('5'));
    expect(toString(conjugate('exp(I*x)'))).toBe('-I*sin(x) + cos(x)');
    expect(evaluate('(1 + I)*(1 - I)')).toBe(2);
    expect(evaluateComplex('(1 + 2*I)*(3 - I)')).toEqual({ re: 5, im: 5 });
    expect(latex('2 + 3*I')).toBe('2 + 3 i');
    const C = { domain: 'complex' } as const;
    expect(solve('x^2 + 1', 'x')).toEqual([]);
    expect(solve('x^2 + 1', 'x', C).map(toString)).toEqual(['-I', 'I']);
    expect(solve('x^2 + 2*x + 5', 'x', C).map(toString)).toEqual(['-1 - 2*I', '-1 + 2*I']);
    expect(solve('x^3 - 1', 'x', C).map(toString)).toEqual(['1', '-1/2 - sqrt(3)*I/2', '-1/2 + sqrt(3)*I/2']);
    expect(solve('x^4 + 4', 'x', C).map(toString)).toEqual(['-1 - I', '-1 + I', '1 - I', '1 + I']);
    expect(solve('exp(x) = -1', 'x', C).map(toString)).toEqual(['I*pi']);
    const quintic = solveDetailedRoots('x^5 - x - 1', 'x', C);
    expect(quintic.map((r) => r.numeric)).toEqual([true, true, true, true, true]);
    expect(quintic.map((r) => evaluateComplex(r.value).im === 0)).toEqual([true, false, false, false, false]);
  });
  it('stationary points and systems', () => {
    const pts = (r: ReturnType<typeof criticalPoints>) =>
      r.points.map((p) => [Object.values(p.point).map(String).join(', '), p.kind].join(' '));
    const two = criticalPoints(parse('x*exp(-x^2-y^2)'), ['x', 'y']);
    expect(pts(two).sort()).toEqual(['-sqrt(2)/2, 0 min', 'sqrt(2)/2, 0 max']);
    expect(two.complete).toBe(true);
    const periodic = criticalPoints('sin(x)', 'x');
    expect(pts(periodic)).toEqual(['pi/2 max', '3*pi/2 min']);
    expect(periodic.complete).toBe(false);
    const none = criticalPoints('exp(x) + y^2');
    expect(none.points).toEqual([]);
    expect(none.reason).toContain('df/dx = exp(x) is never 0');
    expect(pts(criticalPoints('x^3 - 2*x^2 + 1'))).toEqual(['0 max', '4/3 min']);
    const sys = solveSystemDetailed(['x^2 + y^2 = 1', 'y = x'], ['x', 'y']);
    expect(sys.solutions.map((s) => [...s.values.values()].map(String).join(', ')).sort())
      .toEqual(['-sqrt(2)/2, -sqrt(2)/2', 'sqrt(2)/2, sqrt(2)/2']);
  });
  it('numerics', () => {
    const gauss = quad((x) => Math.exp(-x * x), -Infinity, Infinity);
    expect(gauss).toMatchObject({ value: 1.7724538509055163, neval: 210, status: 0, method: 'qagi' });
    expect(gauss.error).toBeCloseTo(1.07e-8, 10);
    expect(quad((x) => Math.sin(x) / x, 0, Infinity).value).toBe(1.5707963267530103);
    // ∫₀¹ |x − c|^(−0.8) dx = 5(c^0.2 + (1 − c)^0.2) = 8.6079921017425067…, c = 1/π
    const singular = quad((x) => Math.abs(x - 1 / Math.PI) ** -0.8, 0, 1).value;
    expect(singular).toBe(8.607992101746827);
    expect(singular).toBeCloseTo(5 * (Math.PI ** -0.2 + (1 - 1 / Math.PI) ** 0.2), 10);
    expect(quad((x) => (Math.sin(x) / x) ** 2, 0, Infinity).value).toBeCloseTo(Math.PI / 2, 8);
    const f = (x: number) => Math.exp(x) / Math.sqrt(Math.sin(x) ** 3 + Math.cos(x) ** 3);
    const exact = 4.05342789389862;
    expect(Math.abs(derivative(f, 1.5) - exact)).toBeLessThan(1e-8);
    expect(Math.abs(derivative(f, 1.5, { method: 'richardson' }) - exact)).toBeLessThan(1e-12);
    const fd = (x: Dual) => D.div(D.exp(x), D.sqrt(D.add(D.pow(D.sin(x), 3), D.pow(D.cos(x), 3))));
    expect(derivative(fd, 1.5, { method: 'dual' })).toBe(exact);
    expect(Array.from(linsolve(matrix(2, 2, [3, 1, 1, 2]), [9, 8]))).toEqual([2, 3].map((v) => expect.closeTo(v, 12)));
    const ls = Array.from(lstsq(matrix(3, 2, [1, 0, 1, 1, 1, 2]), [1, 3, 5]).x);
    expect(ls[0]).toBeCloseTo(1, 12);
    expect(ls[1]).toBeCloseTo(2, 12);
  });
  it('autodiff', () => {
    const f = (v: Tensor) => v.index(0).square().mul(v.index(1)).add(v.index(1).sin());
    expect(adJacobian(f)([1, 2]).toArray()).toEqual([4, expect.closeTo(1 + Math.cos(2), 14)]);
    expect(adHessian(f)([1, 2]).toArray()).toEqual([[4, 2], [2, expect.closeTo(-Math.sin(2), 14)]]);
    expect(checkGrads((x: Tensor) => x.sigmoid().sum(), [0.3, -1.2]).ok).toBe(true);
    // d²/dx² tanh x = −2 tanh x (1 − tanh² x)
    const t = Math.tanh(0.5);
    expect(grad(grad((x: Tensor) => x.tanh()))(0.5).item()).toBeCloseTo(-2 * t * (1 - t * t), 14);
    expect(tensor([1, 2]).toArray()).toEqual([1, 2]);
  });
  it('optimization', () => {
    const svm = minimize((w) => w[0]! ** 2 + w[1]! ** 2, [1, 1, 1], {
      method: 'slsqp',
      bounds: [[-10, 10], [-10, 10], [-10, 10]],
      constraints: [
        { type: 'ineq', fun: (w) => -w[2]! - 1 },
        { type: 'ineq', fun: (w) => w[0]! + 2 * w[1]! + w[2]! - 1 },
        { type: 'ineq', fun: (w) => 2 * w[0]! + w[1]! + w[2]! - 1 },
      ],
    });
    [2 / 3, 2 / 3, -1].forEach((v, i) => expect(svm.x[i]).toBeCloseTo(v, 5));
    [8 / 9, 4 / 9, 4 / 9].forEach((v, i) => expect(svm.multipliers![i]).toBeCloseTo(v, 5));
  });
  it('svm', () => {
    const qp = hardMarginSvm([[0, 0], [1, 2], [2, 1]], [-1, 1, 1]);
    expect(qp.exact.alpha).toEqual(['4/9', '2/9', '2/9']);
    expect(qp.exact.w).toEqual(['2/3', '2/3']);
    expect(qp.b).toBeCloseTo(-1, 12);
    expect(qp.margin).toBeCloseTo(1 / Math.hypot(2 / 3, 2 / 3), 12);
    const a = hardMarginSlsqp([[0, 0], [1, 2], [2, 1]], [-1, 1, 1]).alpha;
    [4 / 9, 2 / 9, 2 / 9].forEach((v, i) => expect(a[i]).toBeCloseTo(v, 4));
    const lin = new SVC({ kernel: 'linear', C: 1e6 }).fit([[0, 0], [1, 2], [2, 1]], [-1, 1, 1]);
    expect(lin.predict([[2, 2], [0, 0]])).toEqual([1, -1]);
    const { X, y } = makeCircles({ nSamples: 10000, factor: 0.5, noise: 0.1, seed: 0 });
    const rbf = new SVC({ kernel: 'rbf', C: 1, gamma: 'scale' }).fit(X, y);
    expect(rbf.support.length).toBe(364);
    expect(rbf.predict([[0, 0]])).toEqual([1]);
  });
  it('plot', () => {
    const x = [0, 1, 2];
    expect(figure().add(line({ x, y: x })).toSVG()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });
});
