// Lesson 07 against the course reference (course/README.md, lesson07_svm.py): objective 8/9 at
// a = b = 2/3, c = −1, printed the way Python/NumPy print it; multipliers (8/9, 4/9, 4/9); the
// six-point exercise gives the same line with the new constraints inactive.
import { describe, expect, it } from 'vitest';
import { getLesson } from '../../src/lessons/index.js';
import { lesson07, maxMarginLine, MARGIN_EXERCISE_POINTS } from '../../src/lessons/07-svm.js';

describe('lesson 07', () => {
  const run = lesson07.run();
  it('is registered as lesson 7', () => {
    expect(getLesson(7)).toBe(lesson07);
  });

  it('prints the listing’s two lines', () => {
    expect(run.lines[0]).toMatch(/^Objective: 0\.88888888888889\d*$/);
    expect(Number(run.lines[0]!.slice('Objective: '.length))).toBeCloseTo(8 / 9, 14);
    expect(run.lines[1]).toBe('Solution: [ 0.66666667  0.66666667 -1.        ]');
    expect(run.lines[2]).toMatch(/^Multipliers: \[0\.8889 0\.4444 0\.4444\]/);
  });

  it('the exercise: the same line, the new constraints inactive', () => {
    expect(run.lines[3]).toBe('Exercise: add (-1,-1), (-3,-1) to class -1 and (3,3) to class +1');
    expect(run.lines[5]).toBe('Solution: [ 0.66666667  0.66666667 -1.        ]');
    expect(run.lines[7]).toMatch(/^The same line: .*inactive/);
    const ex = run.data.exercise as { multipliers: number[]; slack: number[]; unchanged: boolean };
    expect(ex.unchanged).toBe(true);
    // slacks of the new points against the exact line: 4/3, 8/3, 2
    [4 / 3, 8 / 3, 2].forEach((v, k) => expect(ex.slack[3 + k]).toBeCloseTo(v, 8));
    ex.multipliers.slice(3).forEach((l) => expect(Math.abs(l)).toBeLessThan(1e-8));
  });

  it('data holds w, b and the multipliers', () => {
    const w = run.data.w as number[];
    expect(w[0]).toBeCloseTo(2 / 3, 10);
    expect(w[1]).toBeCloseTo(2 / 3, 10);
    expect(run.data.b as number).toBeCloseTo(-1, 10);
    (run.data.multipliers as number[]).forEach((l, i) => expect(l).toBeCloseTo([8 / 9, 4 / 9, 4 / 9][i]!, 6));
    expect(run.data.success).toBe(true);
    expect(run.figures.map((f) => f.name)).toEqual(['07-svm', '07-exercise']);
    expect(run.exercises.map((e) => e.id)).toEqual(['07-six-points', '07-multipliers']);
  });

  it('maxMarginLine reports honest failure for inseparable points', () => {
    // (0,0) labelled both ways: no line separates them
    const s = maxMarginLine([[0, 0], [0, 0], ...MARGIN_EXERCISE_POINTS.X.slice(1, 3)], [-1, 1, 1, 1]);
    expect(s.result.success).toBe(false);
  });

  it('maxMarginLine refuses malformed points and labels with a typed error', () => {
    expect(() => maxMarginLine([], [])).toThrow(/no points/);
    expect(() => maxMarginLine([[0, 0], [1, 1]], [-1])).toThrow(/2 points but 1 labels/);
    expect(() => maxMarginLine([[0, NaN], [1, 1]], [-1, 1])).toThrow(/point 0 must be two finite numbers/);
    expect(() => maxMarginLine([[0, 0], [1, 1]], [0, 1])).toThrow(/label 0 must be −1 or \+1/);
  });
});

describe('lesson 07 shows the SVM view after the optimization', () => {
  const run = lesson07.run();
  it('prints alpha = (4/9, 2/9, 2/9), the margin and the SMO line', () => {
    const text = run.lines.join('\n');
    expect(text).toMatch(/4\/9/);
    expect(text).toMatch(/2\/9/);
    const svm = run.data.svm as { alpha: unknown; margin: number; w: unknown; b: unknown };
    expect(svm.margin).toBeCloseTo(3 / (2 * Math.SQRT2), 10);
  });
});
