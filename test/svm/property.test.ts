import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SVC, hardMarginSlsqp, hardMarginSvm } from '../../src/svm/index.js';

/** Random separable point sets: integer points labelled by a random line, none near it. */
const separable = fc
  .record({
    a: fc.integer({ min: -3, max: 3 }),
    b: fc.integer({ min: -3, max: 3 }),
    c: fc.integer({ min: -4, max: 4 }),
    pts: fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 })), { minLength: 4, maxLength: 12 }),
  })
  .map(({ a, b, c, pts }) => {
    const X: number[][] = [];
    const y: number[] = [];
    const seen = new Set<string>();
    for (const [p, q] of pts) {
      const f = a * p + b * q + c;
      if (Math.abs(f) < 1 || seen.has(`${p},${q}`)) continue;
      seen.add(`${p},${q}`);
      X.push([p, q]);
      y.push(f > 0 ? 1 : -1);
    }
    return { X, y };
  })
  .filter(({ y }) => y.includes(1) && y.includes(-1));

describe('three solvers, one answer (random separable sets)', () => {
  it('exact QP = SMO (C = 1e6, tol 1e-9) = SLSQP on w and b (α may differ when more than d+1 points sit on the margin)', () => {
    fc.assert(
      fc.property(separable, ({ X, y }) => {
        const exact = hardMarginSvm(X, y);
        const smo = new SVC({ kernel: 'linear', C: 1e6, tol: 1e-9 }).fit(X, y);
        const sq = hardMarginSlsqp(X, y);
        const scale = Math.max(1, ...exact.w.map(Math.abs));
        for (let k = 0; k < 2; k++) {
          expect(Math.abs(smo.coef[k]! - exact.w[k]!)).toBeLessThan(1e-6 * scale);
          expect(Math.abs(sq.w[k]! - exact.w[k]!)).toBeLessThan(1e-6 * scale);
        }
        expect(Math.abs(smo.intercept - exact.b)).toBeLessThan(1e-6 * scale);
        // Every point is on the right side with margin ≥ 1 (up to rounding).
        const f = smo.decisionFunction(X);
        f.forEach((v, i) => expect(y[i]! * v).toBeGreaterThan(1 - 1e-6));
        // Objective of the dual at the exact α equals ½‖w‖²'s negative (strong duality).
        expect(smo.dualObjective).toBeCloseTo(-exact.objective / 2, 5);
      }),
      { numRuns: 40, seed: 7 },
    );
  });
});
