import { describe, it, expect } from 'vitest';
import { lesson06 } from '../../src/lessons/06-optimization.js';
import { getLesson } from '../../src/lessons/index.js';

// Course README, lesson 06: f = x³ − 2x² + 1, f' = 3x² − 4x = 0 at x = 0 (local max) and
// x = 4/3 (local min); log x: f' = 1/x never 0, increasing on (0, ∞). SymPy listing:
// `3*x**2 - 4*x [0, 4/3]` and `1/x []`.
describe('lesson 06: optimization', () => {
  const run = lesson06.run();
  it('is registered as lesson 6', () => {
    expect(getLesson(6)).toBe(lesson06);
  });
  it('prints the derivative and the critical points with their kind', () => {
    expect(run.lines).toContain("f'(x) = 3*x^2 - 4*x");
    expect(run.lines).toContain("Critical points (f'(x) = 0): [0, 4/3]");
    expect(run.lines.some((l) => l.startsWith('x = 0: local maximum, f = 1'))).toBe(true);
    expect(run.lines.some((l) => l.startsWith('x = 4/3: local minimum, f = -5/27'))).toBe(true);
    expect(run.lines).toContain('Monotonic: increasing on (-oo, 0); decreasing on (0, 4/3); increasing on (4/3, oo)');
  });
  it('log x: derivative 1/x, no critical points, increasing on (0, oo)', () => {
    expect(run.lines).toContain("f'(x) = 1/x");
    expect(run.lines).toContain("Critical points (f'(x) = 0): []");
    expect(run.lines).toContain('Monotonic: increasing on (0, oo)');
    expect((run.data.log as { reason: string }).reason).toBe("f'(x) = 1/x is never 0");
  });
  it('the cubic decreases between its critical points', () => {
    const m = (run.data.cubic as { monotonic: Array<{ trend: string; from: number; to: number }> }).monotonic;
    expect(m.map((t) => t.trend)).toEqual(['increasing', 'decreasing', 'increasing']);
    expect(m[1]!.to).toBeCloseTo(4 / 3, 15);
  });
  it('draws f with its critical points and f′ with the zero line', () => {
    const figs = run.figures;
    expect(figs.map((f) => f.name)).toEqual(['06-critical-points', '06-exercise-log']);
    const svg = figs[0]!.figure.toSVG();
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('max at x = 0');
    expect(svg).toContain('min at x = 4/3');
    expect(figs[1]!.figure.toSVG()).toContain('no extremum');
  });
  it('has exercises with answers', () => {
    expect(run.exercises.length).toBeGreaterThanOrEqual(3);
    expect(run.exercises.find((e) => e.id === '06-min')!.answer).toBe('4/3');
  });
});
