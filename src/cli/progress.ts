/**
 * A one-line progress bar for long CLI work. The library never prints: long calls take an
 * `onProgress(done, total)` callback, and the CLI hands them {@link Progress.update}. The bar is
 * drawn on stderr with `\r` updates only on an interactive terminal; piped or redirected output,
 * `NO_COLOR`, `CI` and `TERM=dumb` get nothing, so logs and pipes stay plain lines.
 */

/** The part of a stream the bar needs (`process.stderr`, or a fake in tests). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** Text before the bar. Default `'working'`. */
  label?: string;
  /** Where to draw. Default `process.stderr`. */
  stream?: ProgressStream;
  /** Environment consulted for `NO_COLOR`, `CI`, `TERM`. Default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Extra condition (e.g. stdout is a terminal too). Can only turn the bar off. Default true. */
  enabled?: boolean;
  /** Minimum milliseconds between redraws. Default 50 (≤ 20 redraws per second). */
  intervalMs?: number;
  /** Bar cells. Default 20 (narrowed to fit `stream.columns`). */
  width?: number;
  /** Clock in milliseconds (tests pass a fake). Default `performance.now`. */
  now?: () => number;
}

/** A progress reporter; every method is a no-op when the bar is disabled. */
export interface Progress {
  /** Whether anything will be drawn. */
  readonly active: boolean;
  /** Report `done` of `total`; redraws at most once per `intervalMs`. Bound: pass it as `onProgress`. */
  update: (done: number, total: number) => void;
  /** Clear the bar, run `write` (which prints whole lines), and draw the bar again below them. */
  around: (write: () => void) => void;
  /** Erase the bar's line. Call once the work ends (also on error); later updates draw again. */
  done: () => void;
}

/** Whether a bar may be drawn on `stream`: a TTY, and neither `NO_COLOR`, `CI` nor `TERM=dumb` set. */
export function progressAllowed(stream: ProgressStream, env: Record<string, string | undefined> = process.env): boolean {
  if (stream.isTTY !== true) return false;
  if (env['NO_COLOR']) return false; // no-color.org: present and non-empty
  const ci = env['CI'];
  if (ci && ci !== 'false' && ci !== '0') return false;
  return env['TERM'] !== 'dumb';
}

/** `label ▕██████░░░░▏ 75/150` with `width` cells. */
export function progressLine(label: string, done: number, total: number, width: number): string {
  const frac = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const full = Math.round(frac * width);
  return `${label} ▕${'█'.repeat(full)}${'░'.repeat(width - full)}▏ ${done}/${total}`;
}

/**
 * A progress bar on stderr when it is an interactive terminal, otherwise a reporter that does nothing.
 *
 * @example
 * const bar = createProgress({ label: 'training' });
 * const model = mlpModel([2, 4, 1]);
 * try { model.fit([[0, 0], [1, 1]], [0, 1], { epochs: 150, onProgress: bar.update }); } finally { bar.done(); }
 * // on a terminal, while it runs: training ▕██████████░░░░░░░░░░▏ 75/150
 */
export function createProgress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const { label = 'working', intervalMs = 50, width = 20, now = () => performance.now() } = options;
  const active = options.enabled !== false && progressAllowed(stream, options.env ?? process.env);
  let last = -Infinity;
  let shown = ''; // the text on screen now ('' = line is clear)

  const draw = (text: string): void => {
    stream.write(`\r${text}\x1b[K`); // \x1b[K erases what a longer previous text left
    shown = text;
  };
  const clear = (): void => {
    if (shown) stream.write('\r\x1b[K');
    shown = '';
  };
  const fit = (done: number, total: number): string => {
    const counts = ` ${done}/${total}`.length;
    const room = stream.columns ? stream.columns - 1 - label.length - 3 - counts : width;
    return progressLine(label, done, total, Math.max(0, Math.min(width, room)));
  };

  if (!active) return { active, update: () => {}, around: (write) => write(), done: () => {} };
  return {
    active,
    update: (done, total) => {
      const t = now();
      // Rate limit: a terminal redraw costs far more than an epoch of a small net.
      if (t - last < intervalMs) return;
      last = t;
      const text = fit(done, total);
      if (text !== shown) draw(text);
    },
    around: (write) => {
      const text = shown;
      clear();
      write();
      if (text) draw(text);
    },
    done: () => {
      clear();
      last = -Infinity;
    },
  };
}
