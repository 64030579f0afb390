/** Helpers for live figures: the plot layer on the page's thread, with a clear note if it fails. */
import { ArgumentError, NablaError } from '../../src/core/index.js';
import { freeSymbols, lambdify, parse, type CompiledFunction, type Expr } from '../../src/symbolic/index.js';
import { loadLib, type Nabla } from './lib.js';

/** Draw with the plot layer into `box`; a failure shows a message instead of breaking the page. */
export function draw(box: { set(svg: string): void }, n: Nabla, make: (n: Nabla) => { toSVG(): string }): void {
  try {
    box.set(make(n).toSVG());
  } catch (e) {
    // Data the plot layer rejects (a shape mismatch, an empty domain) shows its reason in place.
    if (!(e instanceof NablaError)) throw e;
    box.set(`<p class="error">This figure could not be drawn: ${escapeHtml(e.message)}</p>`);
  }
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export { loadLib };
export { fitPanels, panel } from './panels.js';

/**
 * A typed function of the named variables, compiled by the library (never eval of the text).
 * Throws ParseError (with the position) for unreadable text and ArgumentError for a name that
 * is not one of `vars`.
 * @example numericFunction('x^2 + 1', ['x']).fn(3) // 10
 */
export function numericFunction(text: string, vars: string[]): { expr: Expr; fn: CompiledFunction<number> } {
  const expr = parse(text, { vars });
  const bad = freeSymbols(expr).find((s) => !vars.includes(s.name));
  if (bad) throw new ArgumentError(`unknown name '${bad.name}': use ${vars.join(', ')}`);
  return { expr, fn: lambdify(expr, vars) };
}

/** `n` evenly spaced numbers from a to b. */
export function grid(a: number, b: number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = a + ((b - a) * i) / (n - 1);
  return out;
}

/**
 * Finite samples clipped to a readable y-range: points far outside it (near a pole of tan x or
 * 1/x) become gaps instead of spikes that swamp the plot. `domain` is the y-range to show.
 * @example clippedSamples([1, 2, 1e9, 3]).y // [1, 2, NaN, 3]
 */
export function clippedSamples(ys: ArrayLike<number>): { y: Float64Array; domain: [number, number] | null } {
  const finite = Array.from(ys).filter(Number.isFinite).sort((a, b) => a - b);
  if (!finite.length) return { y: Float64Array.from(ys), domain: null };
  const q = (p: number): number => finite[Math.min(finite.length - 1, Math.floor(p * (finite.length - 1)))]!;
  // The middle 96 % of the values decide the range: a pole's spikes do not.
  let lo = q(0.02);
  let hi = q(0.98);
  if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
    lo -= Math.max(1, Math.abs(lo) / 10);
    hi += Math.max(1, Math.abs(hi) / 10);
  }
  const w = hi - lo;
  const clipped = Float64Array.from(ys, (v) => (Number.isFinite(v) && v >= lo - 2 * w && v <= hi + 2 * w ? v : NaN));
  const kept = Array.from(clipped).filter(Number.isFinite);
  return { y: clipped, domain: [Math.max(lo - 0.3 * w, Math.min(...kept)), Math.min(hi + 0.3 * w, Math.max(...kept))] };
}

/** Show a library error under an input: red, monospace, the caret line kept under the text. */
export function showInputError(el: HTMLElement, message: string | null): void {
  el.textContent = message ?? '';
  el.classList.toggle('input-error', !!message);
}
