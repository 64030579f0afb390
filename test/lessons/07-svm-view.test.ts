import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { svmView } from '../../src/lessons/07-svm-view.js';

const here = dirname(fileURLToPath(import.meta.url));
const ref = JSON.parse(readFileSync(resolve(here, '../reference/svm/svc.json'), 'utf8'));

describe('lesson 7, SVM view', () => {
  const { lines, data } = svmView();
  const d = data as any;

  it('α = (4/9, 2/9, 2/9), all three points support vectors, margin 1/‖w‖ = 3/(2√2)', () => {
    expect(d.alpha).toEqual(['4/9', '2/9', '2/9']);
    expect(d.active).toEqual([true, true, true]);
    expect(d.support).toEqual(ref.three_points.support);
    expect(d.margin).toBeCloseTo(3 / (2 * Math.SQRT2), 15);
    expect(d.w).toEqual([2 / 3, 2 / 3]);
    expect(d.b).toBe(-1);
    expect(lines).toContain('  Lagrange multipliers α = (4/9, 2/9, 2/9)');
    expect(lines).toContain('  w = Σ α_i y_i x_i = (a, b) = (2/3, 2/3), intercept c = -1');
    d.slsqpMultipliers.forEach((a: number, i: number) => expect(a).toBeCloseTo([4 / 9, 2 / 9, 2 / 9][i]!, 9));
  });

  it("SVC({kernel: 'linear', C: 1e6}) draws the same line (to tol)", () => {
    d.svc.coef.forEach((v: number, i: number) => expect(Math.abs(v - ref.three_points.w[i])).toBeLessThan(1e-3));
    expect(Math.abs(d.svc.intercept - ref.three_points.b)).toBeLessThan(1e-3);
    expect(d.svc.support).toEqual(ref.three_points.support);
  });

  it('exercise: the three new points are inactive and the line is unchanged', () => {
    expect(d.exercise.alpha).toEqual(['0', '0', '4/9', '0', '2/9', '2/9']);
    expect(d.exercise.inactive).toEqual([0, 1, 3]);
    expect(d.exercise.w).toEqual([2 / 3, 2 / 3]);
    expect(d.exercise.b).toBe(-1);
    expect(d.exercise.support).toEqual(ref.six_points.support);
    expect(d.exercise.svcSupport).toEqual(ref.six_points.support);
    expect(lines).toContain('  inactive constraints (α = 0): (-1, -1), (-3, -1), (3, 3)');
  });
});
