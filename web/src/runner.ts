/**
 * Runs code cells in a Web Worker with a time limit. Each cell owns a runner and its one worker,
 * reused run after run; Stop or the time limit terminates it (the only way to end
 * `while (true) {}`) and a fresh one is started at once for the next run. The worker script is
 * a hashed, immutably cached asset, so a fresh worker costs no download. `dispose` ends it when
 * the learner leaves the page.
 */
import type { FromWorker } from './protocol.js';

export interface RunHandlers {
  out(text: string, stream: 'out' | 'err'): void;
  figure(svg: string): void;
  /** The run ended: `ok`, an `error` (with line), `stopped` by the learner or `timeout`. */
  end(result: { status: 'ok' | 'error' | 'stopped' | 'timeout'; ms: number; message?: string; line?: number | null }): void;
  /** An error thrown after the run ended (a timer or promise the code left behind). */
  late?(message: string, line: number | null): void;
}

export interface Runner {
  run(code: string, h: RunHandlers): void;
  stop(): void;
  /** Terminate the worker for good (the page is gone). */
  dispose(): void;
  readonly busy: boolean;
}

const TIME_KEY = 'nabla.timeLimitMs';

/** The time limit for a cell, in ms (default 10 s; `localStorage['nabla.timeLimitMs']` overrides). */
export function timeLimitMs(): number {
  const v = Number(globalThis.localStorage?.getItem(TIME_KEY));
  return Number.isFinite(v) && v > 0 ? v : 10_000;
}

function spawn(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'nabla-cell' });
}

/** A runner owning one worker. */
export function createRunner(): Runner {
  let worker: Worker | null = null;
  let active: { id: number; h: RunHandlers; t0: number; timer: ReturnType<typeof setTimeout> } | null = null;
  let last: { id: number; h: RunHandlers } | null = null;
  let nextId = 1;
  let disposed = false;

  function finish(status: 'ok' | 'error' | 'stopped' | 'timeout', extra: { message?: string; line?: number | null } = {}): void {
    if (!active) return;
    const { h, t0, timer, id } = active;
    clearTimeout(timer);
    active = null;
    last = status === 'ok' || status === 'error' ? { id, h } : null;
    h.end({ status, ms: performance.now() - t0, ...extra });
  }

  function ensureWorker(): Worker {
    if (worker) return worker;
    const w = spawn();
    w.onmessage = onMessage;
    w.onerror = (ev) => {
      ev.preventDefault();
      // A worker that fails to load (or throws outside a run) is replaced on the next run.
      w.terminate();
      if (worker === w) worker = null;
      finish('error', { message: `Error: ${ev.message || 'the code worker failed to start'}`, line: null });
    };
    worker = w;
    return w;
  }

  function kill(status: 'stopped' | 'timeout'): void {
    worker?.terminate();
    worker = null;
    finish(status);
    // A fresh worker for the next run, ready before the learner presses Run again.
    if (!disposed) ensureWorker();
  }

  function onMessage(ev: MessageEvent<FromWorker>): void {
    const m = ev.data;
    if (m.type === 'ready' || m.type === 'lesson') return;
    if (!active || m.id !== active.id) {
      if (m.type === 'error' && last && m.id === last.id) last.h.late?.(`${m.name}: ${m.message}`, m.line);
      return;
    }
    if (m.type === 'out') active.h.out(m.text, m.stream);
    else if (m.type === 'figure') active.h.figure(m.svg);
    else if (m.type === 'done') finish('ok');
    else if (m.type === 'error') finish('error', { message: `${m.name}: ${m.message}`, line: m.line });
  }

  return {
    get busy() {
      return active !== null;
    },
    run(code, h) {
      if (disposed) return;
      if (active) kill('stopped');
      const w = ensureWorker();
      const id = nextId++;
      active = { id, h, t0: performance.now(), timer: setTimeout(() => kill('timeout'), timeLimitMs()) };
      w.postMessage({ type: 'run', id, code });
    },
    stop() {
      if (active) kill('stopped');
    },
    dispose() {
      disposed = true;
      if (active) clearTimeout(active.timer);
      active = null;
      last = null;
      worker?.terminate();
      worker = null;
    },
  };
}

/** What a lesson module computes (run in its own throwaway worker: lesson 05 trains for a while). */
export interface LessonData {
  lines: string[];
  error?: string;
}

const lessonCache = new Map<number, Promise<LessonData>>();

/**
 * The lesson module's output lines (what `nabla lesson N` prints), computed off the page's thread
 * when the learner asks for them; cached per lesson.
 */
export function lessonData(lesson: number, timeoutMs = 30_000): Promise<LessonData> {
  let p = lessonCache.get(lesson);
  if (!p) {
    p = new Promise<LessonData>((resolve) => {
      const w = new Worker(new URL('./lesson-worker.ts', import.meta.url), { type: 'module', name: 'nabla-lesson' });
      const done = (d: LessonData): void => {
        clearTimeout(timer);
        w.terminate();
        if (d.error) lessonCache.delete(lesson);
        resolve(d);
      };
      const timer = setTimeout(() => done({ lines: [], error: 'the lesson module took too long' }), timeoutMs);
      w.onmessage = (ev: MessageEvent<FromWorker>) => {
        const m = ev.data;
        if (m.type === 'lesson' && m.lesson === lesson) done({ lines: m.lines, error: m.error });
      };
      w.onerror = (ev) => {
        ev.preventDefault();
        done({ lines: [], error: ev.message || 'the worker failed' });
      };
      w.postMessage({ type: 'lesson', lesson });
    });
    lessonCache.set(lesson, p);
  }
  return p;
}
