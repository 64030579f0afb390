// Exercise checking: every exercise (the lesson modules' and the pages' own) accepts a correct
// answer written another way and rejects a wrong one; answers are read by the library's parser
// after normalizing what people type.
import { describe, expect, it } from 'vitest';
import { answerEntries, checkAnswer, normalizeAnswer, type CheckableExercise } from '../../web/src/checker.js';
import { evaluate, parse } from '../../src/symbolic/index.js';

describe('reading answers with the library parser', () => {
  it('reads implicit products, powers and unicode', () => {
    const f = (s: string, env: Record<string, number>) => evaluate(parse(normalizeAnswer(s), { vars: ['x'] }), env);
    expect(f('x*(3x-4)', { x: 2 })).toBe(4);
    expect(f('3x² − 4x', { x: 2 })).toBe(4);
    expect(f('2 sqrt(2)', {})).toBeCloseTo(2 * Math.SQRT2, 14);
    expect(f('2√2', {})).toBeCloseTo(2 * Math.SQRT2, 14);
    expect(f("f'(x) = 2x**3", { x: 2 })).toBe(16);
    expect(f('2^-1', {})).toBe(0.5);
    expect(f('-x^2', { x: 3 })).toBe(-9);
    expect(f('x⁻¹', { x: 4 })).toBe(0.25);
  });
  it('splits tuples, vectors and matrices into entries', () => {
    expect(answerEntries('(2, 2)')).toEqual(['2', '2']);
    expect(answerEntries('[[2y, 2x], [2xy, x*x]]')).toEqual(['2y', '2x', '2xy', 'x*x']);
    expect(answerEntries('[a, b; c, d]')).toEqual(['a', 'b', 'c', 'd']);
    expect(answerEntries('(x+1)(x-1)')).toEqual(['(x+1)(x-1)']);
    expect(answerEntries('f(a, b)')).toEqual(['f(a, b)']);
  });
  it("shows the parser's position for what it cannot read", () => {
    const d: CheckableExercise = { id: 'd', prompt: '', answer: 'x', kind: 'symbolic', variables: ['x'] };
    expect(checkAnswer(d, '3x +').message).toMatch(/^Cannot read that answer: .* at position \d+ of '3x \+'/);
    expect(checkAnswer(d, 'x $ 2').message).toMatch(/unexpected character '\$' at position 3/);
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

});

describe('vectors and matrices', () => {
  it('compare entry by entry, nested brackets included', () => {
    const J: CheckableExercise = { id: 'J', prompt: 'Jacobian', answer: '[[2*y, 2*x], [2*x*y, x^2]]', kind: 'symbolic', variables: ['x', 'y'] };
    expect(checkAnswer(J, '[[2y, 2x], [2xy, x*x]]').ok).toBe(true);
    expect(checkAnswer(J, '[[2y, 2x], [2xy, 2x]]').ok).toBe(false);
    expect(checkAnswer(J, '[2y, 2x]').ok).toBe(false);
  });
  it("read the library's matrix syntax [a, b; c, d]", () => {
    const H: CheckableExercise = { id: 'H', prompt: 'Hessian', answer: '[6*x - 4, 0; 0, 2]', kind: 'symbolic', variables: ['x'] };
    expect(checkAnswer(H, '[[2(3x - 2), 0], [0, 2]]').ok).toBe(true);
    expect(checkAnswer(H, '[[6x, 0], [0, 2]]').ok).toBe(false);
  });
  it('compare numeric tuples within the tolerance', () => {
    const g: CheckableExercise = { id: 'g', prompt: '', answer: '(2, 2)', kind: 'numeric', tolerance: 1e-6 };
    expect(checkAnswer(g, '[1+1, 2.0000001]').ok).toBe(true);
    expect(checkAnswer(g, '(2, 3)').ok).toBe(false);
    expect(checkAnswer(g, '(2, x)').message).toMatch(/'x' is not known/);
  });
});
