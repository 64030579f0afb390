/**
 * The Playground's worker: computes the cards for one request at a time (pg-compute.ts) and posts
 * each as soon as it is ready. The page reuses it across requests and terminates it on Stop or
 * when a new request arrives while it is busy.
 */
import * as core from '../../src/core/index.js';
import { nameErrors } from './error-names.js';
import { computePlayground, type PgCard, type PgRequest, type PgResult } from './pg-compute.js';

export type PgToWorker = { id: number; req: PgRequest };
export type PgFromWorker = { id: number; card: PgCard } | { id: number; done: PgResult } | { id: number; failed: string };

nameErrors(core);
const post = (m: PgFromWorker): void => (self as unknown as Worker).postMessage(m);

self.onmessage = (ev: MessageEvent<PgToWorker>) => {
  const { id, req } = ev.data;
  try {
    const done = computePlayground(req, (card) => post({ id, card }));
    post({ id, done });
  } catch (e) {
    post({ id, failed: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
};
