// What the calculus hunts share: the variable, readers, the differentiate-back check, and the
// runners for tables of definite integrals and Taylor coefficients (exact values as text).
import { describe, it, expect } from 'vitest';
import { parse } from '../../src/symbolic/parse/parse.js';
import { symbol, type Expr } from '../../src/symbolic/expr/expr.js';
import { diff, evaluate, toString, integrate, seriesCoefficients } from '../../src/symbolic/index.js';

export const x = symbol('x');
export const P = parse;
export const S = (e: Expr): string => toString(e);
/** A value given as text ('pi/4 - log(2)/2') evaluated in double precision. */
export const V = (s: string): number => evaluate(P(s));

/** True when no float literal appears in e's printed form (an exact result). */
export function freeOfFloats(e: Expr): boolean {
  return !/\d\.\d/.test(S(e));
}

/** F′ = f at the points where f is defined (relative 1e-8); returns how many points were usable. */
export function backCheck(f: Expr, F: Expr, points: readonly number[]): number {
  const dF = diff(F, x);
  let used = 0;
  for (const t of points) {
    const a = evaluate(f, { x: t });
    if (!Number.isFinite(a)) continue;
    const b = evaluate(dF, { x: t });
    expect(Number.isFinite(b), `${S(F)}: F′ undefined at ${t} where f is defined`).toBe(true);
    expect(Math.abs(a - b), `${S(F)} at x = ${t}`).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(a)));
    used++;
  }
  return used;
}

/** [integrand, lower, upper, exact value] rows: evaluated, never left as an Integral. */
export function definiteCases(title: string, table: [string, string, string, string][]): void {
  describe(title, () => {
    it.each(table)('∫ %s from %s to %s', (s, a, b, want) => {
      const r = integrate(P(s), [x, P(a), P(b)]);
      expect(r.kind, `${s} unevaluated`).not.toBe('Integral');
      expect(evaluate(r)).toBeCloseTo(V(want), 12);
    });
  });
}

/** [function, expansion point, exact coefficients] rows: every coefficient exact and right. */
export function seriesCases(title: string, table: [string, string, string[]][]): void {
  describe(title, () => {
    it.each(table)('%s about %s', (s, x0, want) => {
      const c = seriesCoefficients(P(s), x, P(x0), want.length);
      expect(c).toHaveLength(want.length);
      c.forEach((ci, i) => {
        expect(freeOfFloats(ci), `coefficient ${i} of ${s} = ${S(ci)} is not exact`).toBe(true);
        expect(evaluate(ci), `coefficient ${i} of ${s}`).toBeCloseTo(V(want[i]!), 13);
      });
    });
  });
}
