/**
 * Lesson 05 figures: loss and accuracy per epoch side by side, and the trained network's decision
 * boundary over the make_circles points, for the listing and for the corrected network.
 *
 * Expected `data` (what src/lessons/05-backprop.ts returns):
 *   X                         [[x, y], …] the 1000 make_circles samples (alias points, or {x, y})
 *   y                         0/1 per sample (alias labels)
 *   listing: { loss, accuracy, predict }
 *                             per-epoch arrays, and (x, y) => probability of class 1 (instead of
 *                             predict, boundary: {x, y, z} a probability grid, z[i·ny + j])
 *   corrected: { loss, accuracy, predict }   optional, same shape
 * Flat keys losses / accuracies / predict at the top level are accepted for the listing too.
 */
import { ArgumentError } from '../../core/errors.js';
import { contour, decisionBoundary, figure, line, scatter, type Figure, type GridValues, type Mark, type Series } from '../../plot/index.js';
import type { LessonFigure } from '../types.js';
import { isSeries, numbers, points, record } from './common.js';

/**
 * Loss (left) and accuracy (right) against the epoch; `corrected` curves are overlaid.
 *
 * @example
 * trainingCurves([3, 2, 1], [0.5, 0.6, 0.7]).toSVG()
 */
export function trainingCurves(losses: Series, accuracies: Series, corrected?: { losses: Series; accuracies: Series }, what?: string): Figure {
  const fig = figure({ width: 960, height: 400, cols: 2, id: 'nabla-train', title: what ? `training (${what})` : undefined });
  const epochs = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
  const lossAx = fig.axes(0, 0, { title: 'loss', xLabel: 'epoch' });
  const accAx = fig.axes(0, 1, { title: 'accuracy', xLabel: 'epoch', legend: 'bottom-right' });
  lossAx.add(line({ x: epochs(losses.length), y: losses, label: corrected ? 'listing' : undefined }));
  accAx.add(line({ x: epochs(accuracies.length), y: accuracies, label: corrected ? 'listing' : undefined }));
  if (corrected) {
    lossAx.add(line({ x: epochs(corrected.losses.length), y: corrected.losses, label: 'corrected' }));
    accAx.add(line({ x: epochs(corrected.accuracies.length), y: corrected.accuracies, label: 'corrected' }));
    lossAx.set({ legend: 'top-right' });
  }
  return fig;
}

/** Boundary marks from a predict function or a probability grid over the points' padded range. */
function boundaryMarks(src: Record<string, unknown>, xr: [number, number], yr: [number, number]): Mark[] {
  const predict = src['predict'];
  if (typeof predict === 'function') return [decisionBoundary(predict as (x: number, y: number) => number, xr, yr, { resolution: 120, threshold: 0.5 })];
  const b = record(src, 'boundary');
  if (b && isSeries(b['x']) && isSeries(b['y'])) {
    const grid = { x: b['x'] as Series, y: b['y'] as Series, z: b['z'] as GridValues };
    return [
      contour({ ...grid, levels: [0, 0.5], filled: true, colormap: 'coolwarm', opacity: 0.35 }),
      contour({ ...grid, levels: [0.5], stroke: '#222', strokeWidth: 1.5 }),
    ];
  }
  return [];
}

/**
 * The decision-boundary figure: shaded classes, the 0.5 line, and the points by label.
 *
 * @example
 * boundaryFigure({ x: [0, 1], y: [0, 1] }, [0, 1], (x, y) => x).toSVG()
 */
export function boundaryFigure(pts: { x: Series; y: Series }, labels: Series, predict?: ((x: number, y: number) => number) | Record<string, unknown>, title = 'decision boundary'): Figure {
  const xs = Array.from(pts.x).filter(Number.isFinite);
  const ys = Array.from(pts.y).filter(Number.isFinite);
  const pad = (a: number[]): [number, number] => {
    const lo = a.length ? Math.min(...a) : -1, hi = a.length ? Math.max(...a) : 1;
    const d = (hi - lo || 1) * 0.08;
    return [lo - d, hi + d];
  };
  const xr = pad(xs), yr = pad(ys);
  const fig = figure({ width: 560, height: 520, id: 'nabla-boundary' });
  const ax = fig.axes(0, 0, { title, aspect: 'equal', legend: 'top-right' });
  const src = typeof predict === 'function' ? { predict } : predict ?? {};
  ax.add(...boundaryMarks(src, xr, yr));
  const split = (cls: number): { x: number[]; y: number[] } => {
    const o = { x: [] as number[], y: [] as number[] };
    for (let i = 0; i < pts.x.length; i++) if (labels[i] === cls) o.x.push(pts.x[i]!), o.y.push(pts.y[i]!);
    return o;
  };
  ax.add(scatter({ ...split(0), fill: '#1f77b4', r: 2.2, label: 'class 0' }), scatter({ ...split(1), fill: '#d62728', r: 2.2, label: 'class 1' }));
  ax.set({ xDomain: xr, yDomain: yr });
  return fig;
}

/** A run's curves: `loss`/`losses` and `accuracy`/`accuracies`. */
function curves(src: Record<string, unknown>): { losses: Series; accuracies: Series } {
  return { losses: numbers('lesson 05', src, 'loss', 'losses'), accuracies: numbers('lesson 05', src, 'accuracy', 'accuracies') };
}

/**
 * Figures of lesson 05: `05-training` and `05-decision-boundary` for the listing, and
 * `05-training-corrected` / `05-decision-boundary-corrected` when the corrected run is there.
 *
 * @example
 * lesson05Figures({ listing: { loss: [2, 1], accuracy: [0.5, 0.7] } })[0].name // → '05-training'
 */
export function lesson05Figures(data: Record<string, unknown>): LessonFigure[] {
  const listing = record(data, 'listing') ?? data;
  const corrected = record(data, 'corrected');
  const runs: Array<[string, Record<string, unknown>, string]> = [['', listing, 'listing']];
  if (corrected) runs.push(['-corrected', corrected, 'corrected']);
  const out: LessonFigure[] = [];
  for (const [suffix, src, what] of runs) {
    const c = curves(src);
    out.push({ name: `05-training${suffix}`, figure: trainingCurves(c.losses, c.accuracies, undefined, what) });
  }
  const rawPts = data['X'] ?? data['points'];
  if (rawPts !== undefined) {
    const pts = points('lesson 05', rawPts);
    const labels = numbers('lesson 05', data, 'y', 'labels');
    if (labels.length !== pts.x.length) throw new ArgumentError(`lesson 05 figures: ${labels.length} labels for ${pts.x.length} points`);
    for (const [suffix, src, what] of runs) {
      if (typeof src['predict'] !== 'function' && !src['boundary']) continue;
      out.push({ name: `05-decision-boundary${suffix}`, figure: boundaryFigure(pts, labels, src, `decision boundary (${what})`) });
    }
  }
  return out;
}
