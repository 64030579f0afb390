/**
 * Runs code cells in a Web Worker with a time limit. Each cell owns a runner; Stop or the time
 * limit terminates the worker (the only way to end `while (true) {}`) and the next run starts a
 * fresh one, so the page never freezes.
 */
import type { FromWorker } from './protocol.js';

export interface RunHandlers {
  out(text: string, stream: 'out' | 'err'): void;
  figure(svg: string): void;
  /** The run ended: `ok`, an `error` (with line), `stopped` by the learner or `timeout`. */
  end(result: { status: 'ok' | 'error' | 'stopped' | 'timeout'; ms: number; message?: string; line?: number | null }): void;
}

export interface Runner {
  run(code: string, h: RunHandlers): void;
  stop(): void;
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

/** A runner owning one worker, made when first needed. */
export function createRunner(): Runner {
  let worker: Worker | null = null;
  let active: { id: number; h: RunHandlers; t0: number; timer: ReturnType<typeof setTimeout> } | null = null;
  let nextId = 1;

  function finish(status: 'ok' | 'error' | 'stopped' | 'timeout', extra: { message?: string; line?: number | null } = {}): void {
    if (!active) return;
    const { h, t0, timer } = active;
    clearTimeout(timer);
    active = null;
    h.end({ status, ms: performance.now() - t0, ...extra });
  }

  function kill(status: 'stopped' | 'timeout'): void {
    worker?.terminate();
    worker = null;
    finish(status);
  }

  function onMessage(ev: MessageEvent<FromWorker>): void {
    const m = ev.data;
    if (m.type === 'ready' || m.type === 'lesson' || !active || m.id !== active.id) return;
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
      if (active) kill('stopped');
      if (!worker) {
        worker = spawn();
        worker.onmessage = onMessage;
        worker.onerror = (ev) => {
          ev.preventDefault();
          // A worker that fails to load (or throws outside a run) is replaced on the next run.
          worker?.terminate();
          worker = null;
          finish('error', { message: `Error: ${ev.message || 'the code worker failed to start'}`, line: null });
        };
      }
      const id = nextId++;
      const limit = timeLimitMs();
      active = { id, h, t0: performance.now(), timer: setTimeout(() => kill('timeout'), limit) };
      worker.postMessage({ type: 'run', id, code });
    },
    stop() {
      if (active) kill('stopped');
    },
  };
}

/** What a lesson module computes (run in a throwaway worker: lesson 05 trains for a while). */
export interface LessonData {
  lines: string[];
  exercises: unknown[];
  error?: string;
}

const lessonCache = new Map<number, Promise<LessonData>>();

/** The lesson module's lines and exercises, computed off the page's thread (cached per lesson). */
export function lessonData(lesson: number, timeoutMs = 30_000): Promise<LessonData> {
  let p = lessonCache.get(lesson);
  if (!p) {
    p = new Promise<LessonData>((resolve) => {
      const w = spawn();
      const done = (d: LessonData): void => {
        clearTimeout(timer);
        w.terminate();
        resolve(d);
      };
      const timer = setTimeout(() => done({ lines: [], exercises: [], error: 'the lesson module took too long' }), timeoutMs);
      w.onmessage = (ev: MessageEvent<FromWorker>) => {
        const m = ev.data;
        if (m.type === 'lesson' && m.lesson === lesson) done({ lines: m.lines, exercises: m.exercises, error: m.error });
      };
      w.onerror = (ev) => {
        ev.preventDefault();
        done({ lines: [], exercises: [], error: ev.message || 'the worker failed' });
      };
      w.postMessage({ type: 'lesson', lesson });
    });
    lessonCache.set(lesson, p);
  }
  return p;
}
