// Every `@example` in src/ runs as a test, and every value it states after `// →` is checked
// (format: test/docs/stated-value.ts; ARCHITECTURE "Doc comments and examples"). An example runs
// with the exports of the package root, its own file and its layer in scope (later wins), plus the symbols
// x, y, z for symbolic examples that do not make their own. The example code is our own source
// text, compiled here by the test harness: never user input, and nothing in the library evals.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { collectExamples, compileExample } from './docs/examples.js';
import { describe as show, mismatch, parseStated } from './docs/stated-value.js';
import * as root from '../src/index.js';

const ROOT = resolve(__dirname, '..');
const examples = collectExamples(ROOT, resolve(ROOT, 'src'));
const IDENT = /^[A-Za-z_$][\w$]*$/;
const RESERVED = new Set(['default', 'delete', 'new', 'function', 'class', 'in', 'instanceof', 'typeof', 'void', 'with', 'yield', 'await', 'let', 'static', 'enum', 'export', 'import', 'super', 'this', 'var', 'const', 'if', 'else', 'for', 'while', 'do', 'switch', 'case', 'break', 'continue', 'return', 'throw', 'try', 'catch', 'finally', 'debugger', 'null', 'true', 'false']);

/** Names in scope for an example of `file`: the package root, the file's own exports, its layer's. */
async function scopeFor(file: string): Promise<Record<string, unknown>> {
  const layer = file.split('/')[1]!;
  const scope: Record<string, unknown> = { ...root };
  if (layer === 'symbolic') Object.assign(scope, { x: root.symbol('x'), y: root.symbol('y'), z: root.symbol('z') });
  if (layer === 'matcalc') Object.assign(scope, MATCALC_NAMES);
  if (layer === 'cli') Object.assign(scope, await import('../src/cli/program.js'));
  Object.assign(scope, await import(pathToFileURL(resolve(ROOT, file)).href));
  // The layer's public names win over a file's internal ones of the same name (an internal
  // `diff` takes nodes, the public one text too): examples are written in the public API.
  const layerIndex = resolve(ROOT, 'src', layer, 'index.ts');
  if (existsSync(layerIndex)) Object.assign(scope, await import(pathToFileURL(layerIndex).href));
  for (const k of Object.keys(scope)) if (!IDENT.test(k) || RESERVED.has(k)) delete scope[k];
  return scope;
}

/** What matcalc's examples call A, B, C (n×n), X, Y (n×m), x, y (n), w, v (m) and `shapes` (its module doc says so). */
const MATCALC_NAMES = {
  A: root.matrixSymbol('A', 'n', 'n'), B: root.matrixSymbol('B', 'n', 'n'), C: root.matrixSymbol('C', 'n', 'n'),
  X: root.matrixSymbol('X', 'n', 'm'), Y: root.matrixSymbol('Y', 'n', 'm'),
  x: root.vectorSymbol('x', 'n'), y: root.vectorSymbol('y', 'n'), w: root.vectorSymbol('w', 'm'), v: root.vectorSymbol('v', 'm'),
  shapes: 'A:n,n B:n,n C:n,n X:n,m Y:n,m x:n y:n w:m v:m',
};

let checked = 0;

describe('every @example in src/ runs and states the truth', () => {
  it('finds the examples of every layer', () => {
    const layers = new Set(examples.map((e) => e.file.split('/')[1]));
    for (const l of ['core', 'numeric', 'symbolic', 'autodiff', 'nn', 'optimize', 'svm', 'plot', 'onnx', 'matcalc', 'lessons', 'cli']) expect(layers.has(l), l).toBe(true);
    expect(examples.length).toBeGreaterThan(400);
  });

  for (const ex of examples) {
    it(`${ex.file}:${ex.line}`, async () => {
      // On a line of code a comment states a value (`// → …`); prose goes on its own line.
      const loose = ex.code.split('\n').filter((l) => /^\s*[^/\s].*\/\/(?!\s*→)/.test(l) && !/^\s*(const|let|var|import|type|interface)\b/.test(l) && !/['"`].*\/\/.*['"`]/.test(l));
      if (loose.length) throw new Error(`write '// → value' after code, prose on its own line:\n${loose.join('\n')}`);
      let compiled: ReturnType<typeof compileExample>;
      try {
        compiled = compileExample(ex.code, ex.line);
      } catch (e) {
        throw new Error(`cannot compile the example: ${(e as Error).message}\n${ex.code}`);
      }
      const { js, checks } = compiled;
      const scope = await scopeFor(ex.file);
      const names = Object.keys(scope);
      const failures: string[] = [];
      const check = async (k: number, thunk: () => unknown): Promise<void> => {
        const c = checks[k]!;
        const stated = c.multiline ? { approx: false, pattern: { kind: 'string' as const, value: c.want } } : parseStated(c.want);
        let value: unknown;
        try {
          value = await thunk();
        } catch (e) {
          const name = (e as Error)?.constructor?.name ?? typeof e;
          if (stated.throws && (name === stated.throws || (e as Error).name === stated.throws)) return;
          failures.push(`line ${c.line}: ${c.code} threw ${name}: ${(e as Error)?.message}`);
          return;
        }
        if (stated.throws) failures.push(`line ${c.line}: ${c.code} returned ${show(value)}, expected it to throw ${stated.throws}`);
        else {
          const why = mismatch(value, stated.pattern!, stated.approx);
          if (why) failures.push(`line ${c.line}: ${c.code} → ${why}`);
        }
      };
      // Our own doc text, compiled in a test: never user input.
      const run = new Function('__check', ...names, `return (async () => ${js})();`) as (...a: unknown[]) => Promise<void>;
      await run(check, ...names.map((n) => scope[n]));
      checked += checks.length;
      if (failures.length) throw new Error(`stated values that do not hold:\n${failures.join('\n')}`);
    });
  }

  it('every function the numeric layer exports has an example that calls it', async () => {
    const numeric = await import('../src/numeric/index.js');
    const text = examples.filter((e) => e.file.startsWith('src/numeric/')).map((e) => e.code).join('\n');
    const missing = Object.keys(numeric).filter((n) => typeof (numeric as Record<string, unknown>)[n] === 'function' && !new RegExp(`\\b${n}\\(`).test(text));
    expect(missing).toEqual([]);
  });

  it('most examples state a value that is checked', () => {
    expect(checked).toBeGreaterThan(400);
  });
});
