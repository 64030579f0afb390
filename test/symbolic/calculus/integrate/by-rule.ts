// Shared by the integration test files: an answer is checked by central differences against the
// integrand, independently of integrate's own check, and names the rule (RULES entry) that made it.
import { it, expect } from 'vitest';
import { parse } from '../../../../src/symbolic/parse/parse.js';
import { symbol, type Expr } from '../../../../src/symbolic/expr/expr.js';
import { integrate } from '../../../../src/symbolic/calculus/integrate/index.js';
import { evalNumber } from '../../../../src/symbolic/algebra/util.js';

export const x = symbol('x');
export const at = (e: Expr, t: number) => evalNumber(e, new Map<Expr, number>([[x, t]]));

/** F real at each point and F′(t) ≈ f(t) (five-point central difference with step h·max(1, |t|)). */
export function expectAntiderivative(f: Expr, F: Expr, points: number[], h0 = 1e-4): void {
  expect(F.kind).not.toBe('Integral');
  for (const t of points) {
    expect(Number.isFinite(at(F, t))).toBe(true);
    const h = h0 * Math.max(1, Math.abs(t));
    const d = (at(F, t - 2 * h) - 8 * at(F, t - h) + 8 * at(F, t + h) - at(F, t + 2 * h)) / (12 * h);
    expect(Math.abs(d - at(f, t))).toBeLessThan(1e-6 * Math.max(1, Math.abs(at(f, t))));
  }
}

/** One test per case [integrand, RULES entry, points]: an antiderivative there, made by that rule. */
export function byRule(cases: Array<[string, string, number[]]>, options: { h?: number; maxSteps?: number } = {}): void {
  for (const [text, rule, points] of cases) {
    it(`∫ ${text} by ${rule}`, () => {
      const f = parse(text);
      const r = integrate(f, x, { steps: true, ...(options.maxSteps ? { maxSteps: options.maxSteps } : {}) });
      expectAntiderivative(f, r.value, points, options.h);
      expect(r.steps.map((s) => s.entry)).toContain(rule);
    });
  }
}
