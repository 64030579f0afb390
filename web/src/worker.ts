/**
 * The code-cell worker. It receives a cell's TypeScript, turns it into a module (transform.ts),
 * loads it from a Blob URL and streams back what it prints and the figures it shows. The page
 * ends a runaway cell by terminating this worker; nothing here has to cooperate.
 */
import { nabla } from './nabla-lib.js';
import { CellSyntaxError, errorLine, transformCell } from './transform.js';
import { formatLibraryObject, setObjectFormatter } from './format-value.js';
import { cellGlobals } from './cell-print.js';
import type { FromWorker, ToWorker } from './protocol.js';

const post = (m: FromWorker): void => (self as unknown as Worker).postMessage(m);
let current = 0;
const cell = cellGlobals({
  out: (text, stream) => post({ type: 'out', id: current, stream, text }),
  figure: (svg) => post({ type: 'figure', id: current, svg }),
});

// Expressions print as parseable text, symbolic matrices in 2-D (the library's printers).
setObjectFormatter(formatLibraryObject);

const g = globalThis as unknown as Record<string, unknown>;
g.__nabla = nabla;
g.nabla = nabla;
g.print = cell.print;
g.show = cell.show;
g.console = Object.assign(Object.create(console), cell.console);

async function run(id: number, code: string): Promise<void> {
  current = id;
  cell.reset();
  const t0 = performance.now();
  let js: string;
  try {
    js = transformCell(code);
  } catch (e) {
    const err = e as CellSyntaxError;
    post({ type: 'error', id, name: 'SyntaxError', message: err.message, line: err.line ?? null });
    return;
  }
  const url = URL.createObjectURL(new Blob([js], { type: 'text/javascript' }));
  try {
    await import(/* @vite-ignore */ url);
    post({ type: 'done', id, ms: performance.now() - t0 });
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    post({ type: 'error', id, name: err.name, message: err.message, line: errorLine(err.stack, url) });
  } finally {
    URL.revokeObjectURL(url);
  }
}

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  const m = ev.data;
  if (m.type === 'run') void run(m.id, m.code);
};
post({ type: 'ready' });

// Errors from callbacks the cell scheduled (timers, promises) still belong to the running cell.
self.addEventListener('error', (ev: ErrorEvent) => {
  post({ type: 'error', id: current, name: 'Error', message: ev.message, line: ev.lineno || null });
  ev.preventDefault();
});
self.addEventListener('unhandledrejection', (ev: PromiseRejectionEvent) => {
  const r = ev.reason as Error | undefined;
  post({ type: 'error', id: current, name: r?.name ?? 'Error', message: r?.message ?? String(ev.reason), line: null });
  ev.preventDefault();
});
