/**
 * What a code cell's `print`, `show` and `console` do, for any place that runs a cell: the
 * browser's code worker, and the build, which runs each lesson's starting code once in Node so a
 * lesson page can show its output before the worker is up (first-outputs.ts).
 */
import { formatArgs, isFigure } from './format-value.js';

/** Where a cell's output goes: printed lines (stdout or stderr) and SVG figures. */
export interface CellSink {
  out(text: string, stream: 'out' | 'err'): void;
  figure(svg: string): void;
}

export interface CellGlobals {
  print(...values: unknown[]): void;
  show(...values: unknown[]): void;
  console: Pick<Console, 'log' | 'info' | 'warn' | 'error'>;
}

/** Lines a run may print; the rest is cut with a notice. */
export const MAX_LINES = 5000;

const isSvgText = (v: unknown): v is string => typeof v === 'string' && v.trimStart().startsWith('<svg');

/** `print`, `show` and `console` writing to `sink`; `reset()` starts a new run's line count. */
export function cellGlobals(sink: CellSink): CellGlobals & { reset(): void } {
  let lines = 0;
  const out = (text: string, stream: 'out' | 'err'): void => {
    if (lines === MAX_LINES) sink.out(`… output cut at ${MAX_LINES} lines`, 'err');
    if (lines++ >= MAX_LINES) return;
    sink.out(text, stream);
  };
  const show = (...values: unknown[]): void => {
    for (const v of values) {
      if (isFigure(v)) sink.figure(v.toSVG());
      else if (isSvgText(v)) sink.figure(v);
      else out(formatArgs([v]), 'out');
    }
  };
  /** `print(...)`: a figure is drawn, everything else printed on one line. */
  const print = (...values: unknown[]): void => {
    if (values.length === 1 && (isFigure(values[0]) || isSvgText(values[0]))) show(values[0]);
    else out(formatArgs(values), 'out');
  };
  return {
    print,
    show,
    console: {
      log: (...a: unknown[]) => print(...a),
      info: (...a: unknown[]) => print(...a),
      warn: (...a: unknown[]) => out(formatArgs(a), 'err'),
      error: (...a: unknown[]) => out(formatArgs(a), 'err'),
    },
    reset: () => {
      lines = 0;
    },
  };
}
