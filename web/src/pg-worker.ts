/**
 * The Playground's worker: computes the cards for one request at a time (pg-compute.ts) and posts
 * each as soon as it is ready. The page reuses it across requests and terminates it on Stop or
 * when a new request arrives while it is busy. With shapes declared it loads the matrix mode
 * (pg-matrix.ts) on first use.
 */
import * as core from '../../src/core/index.js';
import { nameErrors } from './error-names.js';
import { computePlayground, type PgCard, type PgRequest, type PgResult } from './pg-compute.js';

export type PgToWorker = { id: number; req: PgRequest };
export type PgFromWorker = { id: number; card: PgCard } | { id: number; done: PgResult } | { id: number; failed: string };

nameErrors(core);
const post = (m: PgFromWorker): void => (self as unknown as Worker).postMessage(m);

self.onmessage = async (ev: MessageEvent<PgToWorker>) => {
  const { id, req } = ev.data;
  try {
    const emit = (card: PgCard): void => post({ id, card });
    // Matrix mode loads matrix calculus on first use, so the worker's first chunk stays small.
    const done = req.shapes?.trim() ? (await import('./pg-matrix.js')).computeMatrixPlayground(req, emit) : computePlayground(req, emit);
    post({ id, done });
  } catch (e) {
    post({ id, failed: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
};
