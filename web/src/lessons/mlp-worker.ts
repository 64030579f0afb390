/**
 * Lesson 05's trainer off the page's thread: both networks (published and corrected) train here in
 * slices of a few epochs, and after each slice the worker posts a snapshot (losses, accuracies and
 * each network's P(class 1) on a 50 × 50 grid), so the page only draws and never stutters.
 */
import { makeCircles } from '../../../src/nn/index.js';
import { PUBLISHED, createTrainer, type Trainer, type TrainerOptions } from './mlp.js';

export const GRID = 50;
export const RANGE = 1.5;

export type MlpToWorker = { type: 'reset'; corrected: TrainerOptions } | { type: 'train'; epochs: number } | { type: 'pause' };

export interface NetSnapshot {
  loss: number;
  accuracy: number;
  /** Loss per epoch so far. */
  losses: number[];
  /** P(class 1) at grid point (i, j), row-major in x then y, both on [−RANGE, RANGE]. */
  grid: Float64Array;
}
export type MlpFromWorker = { type: 'snapshot'; epoch: number; pending: number; pub: NetSnapshot; fix: NetSnapshot };

const data = makeCircles({ nSamples: 1000, factor: 0.5, noise: 0.1, seed: 0 });
let pub: Trainer = createTrainer(data.X, data.y, PUBLISHED);
let fix: Trainer | null = null;
let pending = 0;
let scheduled = false;
/** Epochs per slice: a slice of both networks stays far under 50 ms. */
const SLICE = 5;

function snap(t: Trainer): NetSnapshot {
  const grid = new Float64Array(GRID * GRID);
  for (let i = 0; i < GRID; i++) for (let j = 0; j < GRID; j++) grid[i * GRID + j] = t.predict(-RANGE + (2 * RANGE * i) / (GRID - 1), -RANGE + (2 * RANGE * j) / (GRID - 1));
  return { loss: t.loss, accuracy: t.accuracy, losses: t.history.map((h) => h.loss), grid };
}

function post(): void {
  const m: MlpFromWorker = { type: 'snapshot', epoch: pub.epoch, pending, pub: snap(pub), fix: snap(fix!) };
  (self as unknown as Worker).postMessage(m);
}

function slice(): void {
  scheduled = false;
  if (!fix || pending <= 0) return;
  const k = Math.min(SLICE, pending);
  for (let i = 0; i < k; i++) {
    pub.step();
    fix.step();
  }
  pending -= k;
  post();
  // The next slice after any message that arrived meanwhile (pause, reset).
  if (pending > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(slice, 0);
}

self.onmessage = (ev: MessageEvent<MlpToWorker>) => {
  const m = ev.data;
  if (m.type === 'reset') {
    pub = createTrainer(data.X, data.y, PUBLISHED);
    fix = createTrainer(data.X, data.y, m.corrected);
    pending = 0;
    post();
  } else if (m.type === 'train') {
    pending += m.epochs;
    schedule();
  } else pending = 0;
};
