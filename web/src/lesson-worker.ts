/**
 * Computes a lesson module's output lines (what `nabla lesson N` prints) off the page's thread,
 * when the learner opens "What the command line prints". Its own worker, so the code-cell worker
 * does not carry the lesson modules.
 */
import { getLesson } from '../../src/lessons/index.js';
import type { FromWorker, ToWorker } from './protocol.js';

const post = (m: FromWorker): void => (self as unknown as Worker).postMessage(m);

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  const m = ev.data;
  if (m.type !== 'lesson') return;
  try {
    const r = getLesson(m.lesson)?.run();
    post({ type: 'lesson', lesson: m.lesson, lines: r?.lines ?? [], error: r ? undefined : 'not in the library yet' });
  } catch (e) {
    post({ type: 'lesson', lesson: m.lesson, lines: [], error: e instanceof Error ? e.message : String(e) });
  }
};
