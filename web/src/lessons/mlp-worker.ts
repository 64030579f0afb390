/**
 * Lesson 05's trainer and its figure, off the page's thread: both networks (published and
 * corrected) train here in slices of a few epochs; after each slice the worker posts a snapshot
 * (losses, accuracies) and, at most every DRAW_MS of its own time and always when training
 * pauses, the figure itself as SVG, drawn here with the plot layer. The page only patches the
 * few elements that changed (svg-patch.ts), so it never stutters.
 */
import { makeCircles } from '../../../src/nn/index.js';
import { decisionBoundary, figure, line, scatter } from '../../../src/plot/index.js';
import { PUBLISHED, createTrainer, type Trainer, type TrainerOptions } from './mlp.js';
import { compactScatter } from '../svg-patch.js';

/** The decision regions are sampled on a GRID × GRID lattice of [−RANGE, RANGE]². */
export const GRID = 50;
export const RANGE = 1.5;

/** The figure's size and panel layout, measured by the page (fitPanels). */
export interface MlpLayout {
  width: number;
  height: number;
  rows: number;
  cols: number;
}

export type MlpToWorker =
  | { type: 'reset'; corrected: TrainerOptions; layout: MlpLayout }
  | { type: 'train'; epochs: number; layout?: MlpLayout }
  | { type: 'pause' };

export interface NetSnapshot {
  loss: number;
  accuracy: number;
}
export type MlpFromWorker = { type: 'snapshot'; epoch: number; pending: number; pub: NetSnapshot; fix: NetSnapshot; svg?: string };

const data = makeCircles({ nSamples: 1000, factor: 0.5, noise: 0.1, seed: 0 });
const byClass = (c: number): { x: number[]; y: number[] } => ({
  x: data.X.filter((_, i) => data.y[i] === c).map((r) => r[0]!),
  y: data.X.filter((_, i) => data.y[i] === c).map((r) => r[1]!),
});
const c0 = byClass(0);
const c1 = byClass(1);
let pub: Trainer = createTrainer(data.X, data.y, PUBLISHED);
let fix: Trainer | null = null;
let layout: MlpLayout | null = null;
let pending = 0;
let scheduled = false;
let drawnAt = -Infinity;
/** Epochs per slice: a slice of both networks stays far under 50 ms. */
const SLICE = 5;
/** While training, a new figure at most this often (ms of the worker's time). */
const DRAW_MS = 120;

/** Both networks' decision regions and the data, and both loss curves (mean loss per sample). */
export function drawTraining(pub: Trainer, fix: Trainer, L: MlpLayout): string {
  const fig = figure({ ...L, id: 'live05' });
  const at = (k: number): [number, number] => [Math.floor(k / L.cols), k % L.cols];
  for (const [k, net, title] of [[0, pub, 'published'], [1, fix, 'corrected']] as const) {
    fig.axes(...at(k), { title: `${title}: accuracy ${net.accuracy.toFixed(3)}`, aspect: 'equal', legend: false }).add(
      decisionBoundary((x, y) => net.predict(x, y), [-RANGE, RANGE], [-RANGE, RANGE], { resolution: GRID }),
      scatter({ ...c0, r: 1.5, fill: '#1c7ed6' }),
      scatter({ ...c1, r: 1.5, fill: '#e03131' }),
    );
  }
  const ep = (l: unknown[]): number[] => l.map((_, i) => i);
  fig.axes(...at(2), { title: 'mean loss per epoch', legend: 'top-right' }).add(
    line({ x: ep(pub.history), y: pub.history.map((h) => h.loss / 1000), label: 'published', stroke: '#e8590c' }),
    line({ x: ep(fix.history), y: fix.history.map((h) => h.loss), label: 'corrected', stroke: '#2b8a3e' }),
  );
  return compactScatter(fig.toSVG());
}

function post(): void {
  const now = performance.now();
  const draw = layout && (pending === 0 || now - drawnAt >= DRAW_MS);
  const svg = draw ? drawTraining(pub, fix!, layout!) : undefined;
  if (draw) drawnAt = performance.now();
  const m: MlpFromWorker = { type: 'snapshot', epoch: pub.epoch, pending, pub: { loss: pub.loss, accuracy: pub.accuracy }, fix: { loss: fix!.loss, accuracy: fix!.accuracy }, svg };
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
    layout = m.layout;
    pub = createTrainer(data.X, data.y, PUBLISHED);
    fix = createTrainer(data.X, data.y, m.corrected);
    pending = 0;
    post();
  } else if (m.type === 'train') {
    if (m.layout) layout = m.layout;
    pending += m.epochs;
    schedule();
  } else {
    pending = 0;
    if (fix) post();
  }
};
