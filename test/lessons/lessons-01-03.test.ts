import { describe, expect, it } from 'vitest';
import { getLesson } from '../../src/lessons/index.js';

// Numbers from the course README (test/reference/course/README.md) and NumPy 2.4 for the exact floats.
describe('lesson 01: rate of change vs rule', () => {
  const run = getLesson(1)!.run();
  it('largest gap ≈ 1.0e-4 for x², ≈ 3.2e-3 for x³ − 2x² + 1', () => {
    expect(run.data['maxGap'] as number).toBeCloseTo(1.0e-4, 6);
    const ex = run.data['exercise'] as { maxGap: number; x: Float64Array };
    expect(ex.maxGap).toBeCloseTo(3.2e-3, 5);
    expect(run.lines).toContain('Largest gap between rate and rule: 1.0e-04');
    expect(run.lines.some((l) => l.startsWith('Largest gap between rate and rule: 3.2e-03'))).toBe(true);
  });
  it('data: 500 points of linspace(-10, 10), figures left empty for the plot layer', () => {
    const x = run.data['x'] as Float64Array;
    expect(x.length).toBe(500);
    expect(x[1]).toBe(-9.959919839679358); // np.linspace(-10, 10, 500)[1]
    expect(Array.isArray(run.figures)).toBe(true);
    expect(run.exercises[0]!.answer).toBe('3*x^2 - 4*x');
  });
});

describe('lesson 02: running sum', () => {
  const run = getLesson(2)!.run();
  it('200 points; first −2.0, min −101.0, last −2.0 (NumPy: -101.00000000000037, -2.000000000001413)', () => {
    const d = run.data as { x: Float64Array; runningSum: Float64Array; first: number; min: number; last: number };
    expect(d.x.length).toBe(200);
    expect(d.first).toBe(-2.0);
    expect(d.min).toBe(-101.00000000000037);
    expect(d.last).toBe(-2.000000000001413);
    expect(run.lines[1]).toBe('200 points; first -2.0, minimum -101.0 at x = -0.1, last -2.0');
  });
  it('exercise antiderivative and the constant offset', () => {
    const ex = run.data['exercise'] as { runningSum: Float64Array; antiderivative: Float64Array };
    const diff = Array.from(ex.runningSum, (s, i) => s - ex.antiderivative[i]!);
    // a constant up to O(δx) drift: the running sum tracks x³ − 2x² + C
    expect(Math.max(...diff) - Math.min(...diff)).toBeLessThan(0.05 * 1200);
    expect(run.exercises[0]!.answer).toBe('x^3 - 2*x^2');
  });
});

describe('lesson 03: gradient search', () => {
  const run = getLesson(3)!.run();
  it('prints exactly the listing lines', () => {
    expect(run.lines[0]).toBe('Max rate of change at 8.4 degrees');
    expect(run.lines[1]).toBe('Gradient vector at (2,3) is (3.987419245872443,27.002750276227097)');
  });
  it('exercise at (1,1): 45 degrees, rate 2√2', () => {
    const ex = run.data['exercise'] as { maxAngle: number; maxRate: number; gradient: [number, number] };
    expect(ex.maxAngle).toBe(45);
    expect(ex.maxRate).toBeCloseTo(2 * Math.SQRT2, 3);
    expect(ex.gradient[0]).toBeCloseTo(2, 3);
    expect(run.lines).toContain('Max rate of change at 45.0 degrees');
  });
  it('figure data: 60×60 surface, 20×20 unit quiver', () => {
    const s = run.data['surface'] as { x: Float64Array; z: Float64Array };
    expect(s.z.length).toBe(3600);
    expect(s.z[0]).toBe(100 - 1000); // f(−10, −10)
    const q = run.data['quiver'] as { u: Float64Array; v: Float64Array };
    expect(q.u.length).toBe(400);
    expect(Math.hypot(q.u[7]!, q.v[7]!)).toBeCloseTo(1, 14);
  });
});
