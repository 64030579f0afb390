/**
 * Lesson 02 figures: the running sum of f(x)·δx against x (a shifted parabola), and for the
 * exercise the running sum of (3x² − 4x)·δx drawn with the antiderivative x³ − 2x².
 *
 * Expected `data`:
 *   x, runningSum                                 the listing: f(x) = 2x, x = arange(−10, 10, 0.1)
 *   exercise: { x, runningSum, antiderivative }   optional
 */
import { figure, line } from '../../plot/index.js';
import type { LessonFigure } from '../types.js';
import { numbers, record } from './common.js';

/**
 * Figures of lesson 02: `02-running-sum` and, with exercise data, `02-exercise`.
 *
 * @example
 * lesson02Figures({ x: [0, 1], runningSum: [0, 1] })[0].name // → '02-running-sum'
 */
export function lesson02Figures(data: Record<string, unknown>): LessonFigure[] {
  const x = numbers('lesson 02', data, 'x');
  const y = numbers('lesson 02', data, 'runningSum', 'y');
  const main = figure({ width: 640, height: 440 });
  main.axes(0, 0, { title: 'running sum of f(x)·δx, f(x) = 2x' }).add(line({ x, y }));
  const out: LessonFigure[] = [{ name: '02-running-sum', figure: main }];
  const ex = record(data, 'exercise');
  if (ex) {
    const fig = figure({ width: 640, height: 440, id: 'nabla-ex' });
    fig.axes(0, 0, { title: 'Exercise: f(x) = 3x² − 4x' }).add(
      line({ x: numbers('lesson 02', ex, 'x'), y: numbers('lesson 02', ex, 'runningSum', 'y'), label: 'running sum' }),
      line({ x: numbers('lesson 02', ex, 'x'), y: numbers('lesson 02', ex, 'antiderivative'), label: 'x³ − 2x²', dash: 'dashed' }),
    );
    out.push({ name: '02-exercise', figure: fig });
  }
  return out;
}
