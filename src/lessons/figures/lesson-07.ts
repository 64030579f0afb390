/**
 * Lesson 07 figures: the training points by class, the maximum-margin line a·x + b·y + c = 0 and
 * the margins a·x + b·y + c = ±1 (dashed), support vectors ringed.
 *
 * Expected `data`:
 *   points       [[x, y], …] or {x, y}        the listing: (0,0), (1,2), (2,1)   (alias X)
 *   labels       −1 / +1 per point                                              (alias y)
 *   solution     [a, b, c]; or w = [a, b] with the intercept c (alias b, as svmView returns)
 *   exercise     optional { points, labels, solution } (or { X, y, w, b }): three more points,
 *                same line
 */
import { ArgumentError } from '../../core/errors.js';
import { annotate, figure, line, scatter, type Figure, type Series } from '../../plot/index.js';
import type { LessonFigure } from '../types.js';
import { isSeries, numbers, points, record } from './common.js';

/**
 * The SVM figure for points, labels and the line a·x + b·y + c = 0.
 *
 * @example
 * svmFigure({ x: [0, 1, 2], y: [0, 2, 1] }, [-1, 1, 1], [2 / 3, 2 / 3, -1]).toSVG()
 */
export function svmFigure(pts: { x: Series; y: Series }, labels: Series, [a, b, c]: [number, number, number], title = 'maximum-margin line'): Figure {
  const xs = Array.from(pts.x), ys = Array.from(pts.y);
  const lo = Math.min(...xs, ...ys) - 1, hi = Math.max(...xs, ...ys) + 1;
  const fig = figure({ width: 560, height: 540, id: title.startsWith('Exercise') ? 'nabla-ex' : 'nabla' });
  const ax = fig.axes(0, 0, { title, aspect: 'equal', xDomain: [lo, hi], yDomain: [lo, hi], grid: true });
  // Points on a·x + b·y + c = k across the view: solve for y (or x when the line is vertical).
  const along = (k: number): { x: number[]; y: number[] } => {
    if (Math.abs(b) >= Math.abs(a)) return { x: [lo, hi], y: [(k - c - a * lo) / b, (k - c - a * hi) / b] };
    return { x: [(k - c - b * lo) / a, (k - c - b * hi) / a], y: [lo, hi] };
  };
  ax.add(
    line({ ...along(0), stroke: '#222', strokeWidth: 2, label: `${fmt(a)}x + ${fmt(b)}y ${c < 0 ? '−' : '+'} ${fmt(Math.abs(c))} = 0` }),
    line({ ...along(1), stroke: '#d62728', dash: 'dashed', strokeWidth: 1.2, label: 'margin +1' }),
    line({ ...along(-1), stroke: '#1f77b4', dash: 'dashed', strokeWidth: 1.2, label: 'margin −1' }),
  );
  const cls = (s: number): { x: number[]; y: number[] } => ({ x: xs.filter((_, i) => labels[i] === s), y: ys.filter((_, i) => labels[i] === s) });
  ax.add(scatter({ ...cls(-1), fill: '#1f77b4', r: 6, label: 'class −1' }), scatter({ ...cls(1), fill: '#d62728', r: 6, symbol: 'square', label: 'class +1' }));
  // Support vectors: points on a margin, |a·x + b·y + c| = 1 (to a solver's tolerance).
  const sv = xs.map((x, i) => Math.abs(Math.abs(a * x + b * ys[i]! + c) - 1) < 1e-4);
  ax.add(scatter({ x: xs.filter((_, i) => sv[i]), y: ys.filter((_, i) => sv[i]), fill: 'none', stroke: '#222', r: 10, label: 'support vectors' }));
  xs.forEach((x, i) => ax.add(annotate(`(${fmt(x)}, ${fmt(ys[i]!)})`, x, ys[i]!, { dot: false, dx: 9, dy: 16 })));
  return fig;
}

function fmt(v: number): string {
  return String(Math.round(v * 1000) / 1000);
}

function solution(lesson: string, d: Record<string, unknown>): [number, number, number] {
  if (isSeries(d['solution']) && d['solution'].length === 3) {
    const s = d['solution'];
    return [s[0]!, s[1]!, s[2]!];
  }
  const c = typeof d['c'] === 'number' ? d['c'] : d['b'];
  if (isSeries(d['w']) && typeof c === 'number') return [d['w'][0]!, d['w'][1]!, c];
  throw new ArgumentError(`${lesson} figures: data.solution must be [a, b, c] (or data.w = [a, b] with the intercept data.c or data.b)`);
}

/**
 * Figures of lesson 07: `07-svm` and, with exercise data, `07-exercise`.
 *
 * @example
 * lesson07Figures({ points: [[0, 0], [1, 2], [2, 1]], labels: [-1, 1, 1], solution: [2 / 3, 2 / 3, -1] })[0].name // → '07-svm'
 */
export function lesson07Figures(data: Record<string, unknown>): LessonFigure[] {
  const out: LessonFigure[] = [
    { name: '07-svm', figure: svmFigure(points('lesson 07', data['points'] ?? data['X']), numbers('lesson 07', data, 'labels', 'y'), solution('lesson 07', data)) },
  ];
  const ex = record(data, 'exercise');
  if (ex) {
    out.push({ name: '07-exercise', figure: svmFigure(points('lesson 07', ex['points'] ?? ex['X']), numbers('lesson 07', ex, 'labels', 'y'), solution('lesson 07', ex), 'Exercise: three more points, same line') });
  }
  return out;
}
