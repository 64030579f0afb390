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
