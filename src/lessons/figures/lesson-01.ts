/**
 * Lesson 01 figures: f beside f′, f′ computed by the rate of change (red) and by the power rule
 * (blue), both at alpha 0.5 so their overlap shows; the same two panels for the exercise.
 *
 * Expected `data` (arrays of equal length; Float64Array or number[]):
 *   x, f, rate, rule                      the listing: f(x) = x² on 500 points of [−10, 10]
 *   exercise: { x, f, rate, rule }        optional: f(x) = x³ − 2x² + 1
 */
import { figure, line, type Figure, type Series } from '../../plot/index.js';
import type { LessonFigure } from '../types.js';
import { numbers, record } from './common.js';

/**
 * The two-panel derivative figure: y=f(x) on the left, y=f'(x) by rate and by rule on the right.
 *
 * @example
 * derivativePanels({ x: [0, 1, 2], f: [0, 1, 4], rate: [0, 2, 4], rule: [0, 2, 4] }).toSVG()
 */
export function derivativePanels(d: { x: Series; f: Series; rate: Series; rule: Series }, title?: string): Figure {
  const fig = figure({ width: 960, height: 400, cols: 2, title, id: title ? 'nabla-ex' : 'nabla' });
  fig.axes(0, 0, { title: 'y=f(x)' }).add(line({ x: d.x, y: d.f }));
  fig.axes(0, 1, { title: "y=f'(x)" }).add(
    line({ x: d.x, y: d.rate, stroke: 'red', opacity: 0.5, label: 'rate' }),
    line({ x: d.x, y: d.rule, stroke: 'blue', opacity: 0.5, label: 'rule' }),
  );
  return fig;
}

function read(data: Record<string, unknown>): { x: Series; f: Series; rate: Series; rule: Series } {
  return {
    x: numbers('lesson 01', data, 'x'),
    f: numbers('lesson 01', data, 'f', 'y'),
    rate: numbers('lesson 01', data, 'rate', 'y1'),
    rule: numbers('lesson 01', data, 'rule', 'y2'),
  };
}

/**
 * Figures of lesson 01: `01-f-and-derivative` and, with exercise data, `01-exercise`.
 *
 * @example
 * lesson01Figures({ x: [0, 1], f: [0, 1], rate: [0, 2], rule: [0, 2] }).map((f) => f.name) // → ['01-f-and-derivative']
 */
export function lesson01Figures(data: Record<string, unknown>): LessonFigure[] {
  const out: LessonFigure[] = [{ name: '01-f-and-derivative', figure: derivativePanels(read(data)) }];
  const ex = record(data, 'exercise');
  if (ex) out.push({ name: '01-exercise', figure: derivativePanels(read(ex), 'Exercise: f(x) = x³ − 2x² + 1') });
  return out;
}
