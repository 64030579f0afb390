/**
 * Build step: each lesson's starting code is run once, in Node, with the same transform,
 * library and printers as the browser's code worker, and what it prints and draws becomes the
 * module `virtual:nabla-first-output/N`. A lesson page shows that output at once (the worker, its
 * library and the live run come a few seconds later on a slow phone) and replaces it with the
 * live run's output when that ends. Nothing is written by hand: the build computes it from the
 * code the page shows, and a browser test checks the two agree.
 */
import type { Plugin } from 'vite';
import { nabla } from './src/nabla-lib.js';
import { transformCell } from './src/transform.js';
import { formatLibraryObject, setObjectFormatter } from './src/format-value.js';
import { cellGlobals } from './src/cell-print.js';
import { SOURCES } from './src/lessons/sources.js';

const PREFIX = 'virtual:nabla-first-output/';
const FIGURES = 'virtual:nabla-first-figures/lesson-figures-';

interface CellResult {
  lines: { text: string; stream: 'out' | 'err' }[];
  figures: string[];
}

let queue: Promise<unknown> = Promise.resolve();
let runCount = 0;

/** Run one lesson's starting code (the cells' globals are shared, so runs go one at a time). */
export function runLessonCell(lesson: number): Promise<CellResult> {
  const code = SOURCES[lesson];
  if (code === undefined) return Promise.reject(new Error(`first-outputs: no code cell for lesson ${lesson}`));
  const next = queue.then(async () => {
    const result: CellResult = { lines: [], figures: [] };
    const cell = cellGlobals({ out: (text, stream) => result.lines.push({ text, stream }), figure: (svg) => result.figures.push(svg) });
    const g = globalThis as Record<string, unknown>;
    const saved = { __nabla: g.__nabla, print: g.print, show: g.show };
    setObjectFormatter(formatLibraryObject);
    Object.assign(g, { __nabla: nabla, print: cell.print, show: cell.show });
    try {
      // A run tag at the end (lines unchanged) makes each import a new module: Node caches modules
      // by URL, and a build and a test in one process (each with its own copy of this module) run
      // the same code.
      const js = `${transformCell(code.replace(/^\n/, ''))}\n// run ${++runCount} ${process.pid} ${Math.random()}\n`;
      await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`);
    } catch (e) {
      throw new Error(`first-outputs: lesson ${lesson}'s code cell failed at build time: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      Object.assign(g, saved);
      setObjectFormatter(null);
    }
    return result;
  });
  queue = next.catch(() => undefined);
  return next;
}

/**
 * The Vite plugin serving `virtual:nabla-first-output/N` (the printed lines, in the lesson's page
 * chunk) and `virtual:nabla-first-figures/N` (the SVGs, a chunk of their own fetched when the page
 * shows the lines: lesson 03's figures are 290 KB).
 */
export function firstOutputs(): Plugin {
  const runs = new Map<string, Promise<CellResult>>();
  const result = (lesson: number): Promise<CellResult> => {
    const key = `${lesson}\n${SOURCES[lesson] ?? ''}`;
    let r = runs.get(key);
    if (!r) runs.set(key, (r = runLessonCell(lesson)));
    return r;
  };
  return {
    name: 'nabla-first-outputs',
    resolveId(id) {
      return id.startsWith(PREFIX) || id.startsWith(FIGURES) ? `\0${id}` : undefined;
    },
    async load(id) {
      if (id.startsWith(`\0${PREFIX}`)) {
        const lesson = Number(id.slice(PREFIX.length + 1));
        const { lines, figures } = await result(lesson);
        const load = figures.length ? `() => import(${JSON.stringify(FIGURES + String(lesson).padStart(2, '0'))}).then((m) => m.default)` : '() => Promise.resolve([])';
        return `export default { lines: ${JSON.stringify(lines)}, figures: ${load} };`;
      }
      if (id.startsWith(`\0${FIGURES}`)) return `export default ${JSON.stringify((await result(Number(id.slice(FIGURES.length + 1)))).figures)};`;
      return undefined;
    },
  };
}
