// Enforces DESIGN.md's layering: imports only point down the layer table, and no file takes part
// in an import cycle.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { FUNCTIONS } from '../src/symbolic/functions/index.js';

const SRC = resolve(__dirname, '../src');

/** Which layers each layer may import (besides itself). */
const ALLOWED: Record<string, string[]> = {
  core: [],
  numeric: ['core'],
  symbolic: ['core', 'numeric'],
  autodiff: ['core', 'numeric'],
  nn: ['core', 'numeric', 'autodiff'],
  optimize: ['core', 'numeric'],
  svm: ['core', 'numeric', 'optimize'],
  plot: ['core'],
  onnx: ['core', 'nn', 'svm'],
  matcalc: ['core', 'numeric', 'symbolic', 'autodiff'],
  lessons: ['core', 'numeric', 'symbolic', 'autodiff', 'nn', 'optimize', 'svm', 'plot', 'matcalc'],
  cli: ['core', 'numeric', 'symbolic', 'autodiff', 'nn', 'optimize', 'svm', 'plot', 'onnx', 'matcalc', 'lessons', 'root'],
  root: ['core', 'numeric', 'symbolic', 'autodiff', 'nn', 'optimize', 'svm', 'plot', 'onnx', 'matcalc'],
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function layerOf(file: string): string {
  const rel = relative(SRC, file);
  return rel.includes('/') ? rel.split('/')[0]! : 'root';
}

function importsOf(file: string): string[] {
  // Comments may show example imports; only code counts.
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|\s)\/\/.*$/gm, '$1');
  const out: string[] = [];
  const re = /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re)) {
    const spec = (m[1] ?? m[2])!;
    out.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
  }
  return out;
}

/**
 * Inside src/symbolic the folders are sub-layers with an order of their own (ARCHITECTURE.md):
 * the node model, then what is known per function, generic walks, printers and the parser,
 * polynomials, algebra, calculus, and the public API (index.ts and api/) on top. A folder may
 * import its own rank and below. Inside calculus/ each operation is a folder with its own rank:
 * an operation may use the ones listed before it.
 */
const SYMBOLIC = join(SRC, 'symbolic');
const SUBLAYER_RANK: Record<string, number> = {
  expr: 0,
  functions: 1,
  walk: 2,
  print: 3,
  parse: 3,
  poly: 4,
  algebra: 5,
  'calculus/diff': 6,
  'calculus/series': 7,
  'calculus/limit': 8,
  'calculus/solve': 9,
  'calculus/integrate': 10,
  'calculus/critical': 11,
  'calculus/sum': 12,
  api: 13,
};

function sublayerOf(file: string): string {
  const parts = relative(SYMBOLIC, file).split('/');
  if (parts.length === 1 || parts[0] === 'api') return 'api';
  return parts[0] === 'calculus' ? `calculus/${parts[1]}` : parts[0]!;
}

const files = walk(SRC);
const graph = new Map(files.map((f) => [f, importsOf(f)]));

describe('architecture', () => {
  it('every layer in src/ is known', () => {
    const unknown = files.map(layerOf).filter((l) => !(l in ALLOWED));
    expect(unknown).toEqual([]);
  });

  it('imports only point down the layer table', () => {
    const bad: string[] = [];
    for (const [file, deps] of graph) {
      const from = layerOf(file);
      for (const dep of deps) {
        const to = layerOf(dep);
        if (to !== from && !ALLOWED[from]!.includes(to)) bad.push(`${relative(SRC, file)} -> ${relative(SRC, dep)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('relative imports resolve to files that exist', () => {
    const missing: string[] = [];
    for (const [file, deps] of graph) for (const d of deps) if (!graph.has(d)) missing.push(`${relative(SRC, file)} -> ${relative(SRC, d)}`);
    expect(missing).toEqual([]);
  });

  it('has no import cycles', () => {
    // Iterative DFS with colours: grey = on the stack. A grey neighbour closes a cycle.
    const colour = new Map<string, 0 | 1 | 2>();
    const cycles: string[] = [];
    for (const start of files) {
      if (colour.get(start)) continue;
      const stack: Array<[string, number]> = [[start, 0]];
      colour.set(start, 1);
      while (stack.length) {
        const top = stack[stack.length - 1]!;
        const deps = graph.get(top[0]) ?? [];
        if (top[1] < deps.length) {
          const next = deps[top[1]++]!;
          const c = colour.get(next) ?? 0;
          if (c === 1) {
            const at = stack.findIndex(([f]) => f === next);
            cycles.push([...stack.slice(at).map(([f]) => relative(SRC, f)), relative(SRC, next)].join(' -> '));
          } else if (c === 0 && graph.has(next)) {
            colour.set(next, 1);
            stack.push([next, 0]);
          }
        } else {
          colour.set(top[0], 2);
          stack.pop();
        }
      }
    }
    expect(cycles).toEqual([]);
  });

  it('every folder of src/symbolic has a rank in the sub-layer table', () => {
    const unknown = files
      .filter((f) => f.startsWith(SYMBOLIC + '/'))
      .map(sublayerOf)
      .filter((s) => !(s in SUBLAYER_RANK));
    expect([...new Set(unknown)]).toEqual([]);
  });

  it('imports inside src/symbolic only point down the sub-layer order', () => {
    const bad: string[] = [];
    for (const [file, deps] of graph) {
      if (!file.startsWith(SYMBOLIC + '/')) continue;
      const from = sublayerOf(file);
      for (const dep of deps) {
        if (!dep.startsWith(SYMBOLIC + '/')) continue;
        const to = sublayerOf(dep);
        if (SUBLAYER_RANK[to]! > SUBLAYER_RANK[from]!) bad.push(`${relative(SYMBOLIC, file)} -> ${relative(SYMBOLIC, dep)}`);
      }
    }
    expect(bad.sort()).toEqual([]);
  });

  it("ARCHITECTURE.md's symbolic tree lists every folder with its rank and every file", () => {
    const arch = readFileSync(resolve(__dirname, '../ARCHITECTURE.md'), 'utf8');
    const at = arch.indexOf('<!-- symbolic tree:');
    expect(at).toBeGreaterThan(0);
    const block = arch.slice(at).split('```')[1]!;
    const listed: Record<string, { rank: number; files: string[] }> = {};
    for (const line of block.split('\n').filter((l) => l.trim())) {
      const m = /^(\S+)\/\s+(\d+)\s+(.*)$/.exec(line);
      expect(m, line).not.toBeNull();
      listed[m![1]!] = { rank: Number(m![2]), files: m![3]!.split(' · ').sort() };
    }
    const onDisk: Record<string, { rank: number; files: string[] }> = {};
    for (const f of files.filter((f) => f.startsWith(SYMBOLIC + '/') && relative(SYMBOLIC, f).includes('/'))) {
      const layer = sublayerOf(f);
      const rel = relative(join(SYMBOLIC, layer), f).replace(/\.ts$/, '');
      (onDisk[layer] ??= { rank: SUBLAYER_RANK[layer]!, files: [] }).files.push(rel);
    }
    for (const v of Object.values(onDisk)) v.files.sort();
    expect(listed).toEqual(onDisk);
  });

  it('test/symbolic mirrors src/symbolic: every test folder is a source folder', () => {
    const TESTS = resolve(__dirname, 'symbolic');
    const folders = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const p = join(dir, name);
        return statSync(p).isDirectory() ? [relative(TESTS, p), ...folders(p)] : [];
      });
    expect(folders(TESTS).filter((f) => !existsSync(join(SYMBOLIC, f)))).toEqual([]);
  });

  // Per-function knowledge lives in the function table (functions/table.ts): the folders listed
  // here hold none, so adding a function never means editing them. A test per folder proves a
  // table entry alone is enough (e.g. test/symbolic/calculus/series/table.test.ts).
  const NAME_SWITCH_FREE = ['calculus/series'];
  /** Lines that branch on a function's name: switch (…name…), case 'sin', === 'log', a Set of names. */
  const nameBranches = (code: string): number[] => {
    const names = Object.keys(FUNCTIONS).join('|');
    const quoted = `['"](?:${names})['"]`;
    const re = new RegExp(`\\bswitch\\s*\\([^)]*\\bname\\b|\\bcase\\s+${quoted}|[!=]==?\\s*${quoted}|${quoted}\\s*[!=]==?|new Set\\(\\[\\s*${quoted}`);
    const lines = code.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, '')).replace(/(^|\s)\/\/.*$/gm, '$1').split('\n');
    return lines.flatMap((l, i) => (re.test(l) ? [i + 1] : []));
  };
  it('folders that read per-function facts from the table never branch on a function name', () => {
    // The check catches the forms it looks for (the old series code had all of them) …
    expect(nameBranches("switch (name) {\n  case 'sin':\n}\nif (e.name === 'log') x();\nconst T = new Set(['sin', 'cos']);")).toEqual([1, 2, 4, 5]);
    // … and not a switch on node kinds, nor building a function by name.
    expect(nameBranches("switch (e.kind) {\n  case 'Add':\n}\nfn('sin', g0);")).toEqual([]);
    const offenders: string[] = [];
    for (const f of files.filter((f) => f.startsWith(SYMBOLIC + '/') && NAME_SWITCH_FREE.includes(sublayerOf(f))))
      for (const line of nameBranches(readFileSync(f, 'utf8'))) offenders.push(`${relative(SYMBOLIC, f)}:${line}`);
    expect(offenders).toEqual([]);
  });

  it("per-function facts live in the function table: no `case '<function name>'` under src/symbolic/calculus", () => {
    // What a function does at ±∞, near a branch point, where it has poles or a kink, its sign and
    // range are FunctionDef fields (functions/def.ts); a switch over function names in an algorithm
    // would keep a second copy that a new table entry does not reach.
    const names = new Set(Object.keys(FUNCTIONS));
    const offenders = new Map<string, string[]>();
    for (const f of files.filter((f) => f.startsWith(join(SYMBOLIC, 'calculus') + '/'))) {
      const rel = relative(SYMBOLIC, f);
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const m of line.matchAll(/\bcase\s+['"]([A-Za-z_]\w*)['"]\s*:/g))
            if (names.has(m[1]!)) (offenders.get(rel) ?? offenders.set(rel, []).get(rel)!).push(`${i + 1}: case '${m[1]}'`);
        });
    }
    expect([...offenders]).toEqual([]);
  });

  it('never evaluates text as code', () => {
    const offenders = files.filter((f) => /\beval\s*\(/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
  });
});
