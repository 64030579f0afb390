/** Helpers for live figures: the plot layer on the page's thread, with a clear note if it fails. */
import { loadLib, type Nabla } from './lib.js';
import { parseAnswer } from './expr-eval.js';

/** Draw with the plot layer into `box`; a failure shows a message instead of breaking the page. */
export function draw(box: { set(svg: string): void }, n: Nabla, make: (n: Nabla) => { toSVG(): string }): void {
  try {
    box.set(make(n).toSVG());
  } catch (e) {
    box.set(`<p class="error">This figure could not be drawn: ${escapeHtml(e instanceof Error ? e.message : String(e))}</p>`);
  }
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export { loadLib };

/**
 * A function of the named variables from typed text, evaluated numerically (no eval).
 * Throws AnswerSyntaxError with a readable message.
 */
export function numericFunction(text: string, vars: string[]): (...v: number[]) => number {
  const p = parseAnswer(text);
  if (p.parts.length !== 1) throw new Error('type one expression');
  const bad = [...p.variables].filter((v) => !vars.includes(v));
  if (bad.length) throw new Error(`unknown name '${bad[0]}': use ${vars.join(', ')}`);
  const f = p.parts[0]!;
  return (...vals) => {
    const env: Record<string, number> = {};
    vars.forEach((v, i) => (env[v] = vals[i]!));
    return f(env);
  };
}

/** `n` evenly spaced numbers from a to b. */
export function grid(a: number, b: number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = a + ((b - a) * i) / (n - 1);
  return out;
}
