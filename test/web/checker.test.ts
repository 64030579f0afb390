// Exercise checking: every exercise (the lesson modules' and the pages' own) accepts a correct
// answer written another way and rejects a wrong one; the answer reader handles what people type.
import { describe, expect, it } from 'vitest';
import { checkAnswer, type CheckableExercise } from '../../web/src/checker.js';
import { parseAnswer } from '../../web/src/expr-eval.js';
import { lessons } from '../../src/lessons/index.js';
import { answerCase } from './answers.js';

describe('parseAnswer', () => {
  it('reads implicit products, powers and unicode', () => {
    const f = (s: string, env: Record<string, number>) => parseAnswer(s).parts[0]!(env);
    expect(f('x*(3x-4)', { x: 2 })).toBe(4);
    expect(f('3x² − 4x', { x: 2 })).toBe(4);
    expect(f('2 sqrt(2)', {})).toBeCloseTo(2 * Math.SQRT2, 14);
    expect(f("f'(x) = 2x**3", { x: 2 })).toBe(16);
    expect(f('2^-1', {})).toBe(0.5);
    expect(f('-x^2', { x: 3 })).toBe(-9);
    expect(parseAnswer('(2, 2)').parts).toHaveLength(2);
  });
  it('explains what it cannot read', () => {
    expect(() => parseAnswer('3x +')).toThrow(/ends too early/);
    expect(() => parseAnswer('x $ 2')).toThrow(/unexpected '\$'/);
  });
});

describe('checkAnswer', () => {
  const d: CheckableExercise = { id: 'd', prompt: "f'(x)?", answer: '3*x^2 - 4*x', kind: 'symbolic', variables: ['x'] };
  it('accepts equivalent forms and rejects different ones', () => {
    expect(checkAnswer(d, 'x*(3x-4)').ok).toBe(true);
    expect(checkAnswer(d, '3x^2 - 4').ok).toBe(false);
    expect(checkAnswer(d, '3y^2 - 4y').message).toMatch(/'y'/);
  });
  it('accepts an antiderivative up to a constant only when the prompt asks for one', () => {
    const F: CheckableExercise = { id: 'F', prompt: 'an antiderivative (+ C)', answer: 'x^3 - 2*x^2', kind: 'symbolic', variables: ['x'] };
    expect(checkAnswer(F, 'x^3 - 2x^2 + 5').message).toMatch(/constant/);
    expect(checkAnswer(d, '3x^2 - 4x + 5').ok).toBe(false);
  });

  // The page fallbacks are exercised by the e2e run; here the lesson modules' own exercises.
  for (const lesson of lessons) {
    for (const ex of lesson.run().exercises) {
      const c = answerCase(ex);
      it(`lesson ${lesson.id} exercise ${ex.id}: accepts ${c.right.join(' / ')}, rejects ${c.wrong}`, () => {
        for (const r of c.right) expect(checkAnswer(ex, r), r).toMatchObject({ ok: true });
        expect(checkAnswer(ex, c.wrong).ok).toBe(false);
      });
    }
  }
});

describe('vectors and matrices', () => {
  it('compare entry by entry, nested brackets included', () => {
    const J: CheckableExercise = { id: 'J', prompt: 'Jacobian', answer: '[[2*y, 2*x], [2*x*y, x^2]]', kind: 'symbolic', variables: ['x', 'y'] };
    expect(checkAnswer(J, '[[2y, 2x], [2xy, x*x]]').ok).toBe(true);
    expect(checkAnswer(J, '[[2y, 2x], [2xy, 2x]]').ok).toBe(false);
    expect(checkAnswer(J, '[2y, 2x]').ok).toBe(false);
  });
  it('defer to the CAS hook when the expected answer is beyond the reader', () => {
    const M: CheckableExercise = { id: 'M', prompt: '', answer: 'Matrix(1)', kind: 'symbolic' };
    expect(checkAnswer(M, 'a', () => true).ok).toBe(true);
    expect(checkAnswer(M, 'a', () => false).ok).toBe(false);
    expect(checkAnswer(M, 'a').ok).toBe(false);
  });
});
