// The equivalent-answer table (answers.ts) against the checker, exercise by exercise; every lesson
// module exercise has its web counterpart with an equivalent answer; no format note gives the
// answer away. The browser test types the same table into the pages.
import { describe, expect, it } from 'vitest';
import { checkAnswer, previewAnswer, roundedDecimal } from '../../web/src/checker.js';
import { EXERCISES } from '../../web/src/exercises.js';
import { lessons } from '../../src/lessons/index.js';
import { ANSWERS } from './answers.js';

const all = Object.values(EXERCISES).flat();

describe('every exercise has a table of equivalent and wrong answers', () => {
  for (const ex of all) {
    const c = ANSWERS[ex.id];
    it(`${ex.id}: accepts ${c?.right.length} forms, rejects ${c?.wrong.length}, names the mistakes`, () => {
      expect(c, `answers.ts has no row for ${ex.id}`).toBeDefined();
      expect(checkAnswer(ex, String(ex.answer)).ok).toBe(true);
      for (const r of c!.right) expect(checkAnswer(ex, r), `'${r}'`).toMatchObject({ ok: true });
      for (const w of c!.wrong) expect(checkAnswer(ex, w).ok, `'${w}' must be rejected`).toBe(false);
      for (const [w, frag] of Object.entries(c!.feedback ?? {})) expect(checkAnswer(ex, w).message, `feedback for '${w}'`).toMatch(frag);
    });
  }
});

describe('web exercises follow the lesson modules', () => {
  for (const lesson of lessons) {
    for (const mod of lesson.run().exercises) {
      it(`lesson ${lesson.id} ${mod.id}: on the page, with an equivalent answer`, () => {
        const web = EXERCISES[lesson.id]!.find((e) => e.id === mod.id);
        expect(web, `web/src/exercises.ts lacks ${mod.id}`).toBeDefined();
        expect(checkAnswer(web!, String(mod.answer)).ok).toBe(true);
        // And the module's exercise, checked as the module states it, accepts the web answer.
        expect(checkAnswer(mod, String(web!.answer)).ok).toBe(true);
      });
    }
  }
});

describe('format notes and previews', () => {
  it('no format note contains a correct answer', () => {
    for (const ex of all) {
      expect(ex.format, ex.id).toBeTruthy();
      const codes = [...ex.format!.matchAll(/<code>(.*?)<\/code>/g)].map((m) => m[1]!);
      for (const c of codes) expect(checkAnswer(ex, c).ok, `${ex.id} note example '${c}'`).toBe(false);
      for (const r of ANSWERS[ex.id]!.right) expect(ex.format!.includes(r), `${ex.id} note contains '${r}'`).toBe(false);
    }
  });
  it('multiple choices list their answer among the buttons', () => {
    for (const ex of all.filter((e) => e.kind === 'choice')) expect(ex.choices).toContain(ex.answer);
  });
  it('previews typed answers as LaTeX, and says why when unreadable', () => {
    const d = EXERCISES[1]![0]!;
    expect(previewAnswer(d, 'x^2/2')).toEqual({ latex: expect.stringContaining('frac') });
    expect(previewAnswer(d, '3x +')).toEqual({ error: expect.stringMatching(/position/) });
    expect(previewAnswer(EXERCISES[3]![0]!, '45°')).toEqual({ latex: '45^\\circ' });
    expect(previewAnswer(EXERCISES[5]![0]!, 'W[l].T')).toBeNull();
  });
  it('rounded decimals: half a unit in the last place, at least 3 significant digits', () => {
    expect(roundedDecimal('2.83', 2 * Math.SQRT2)).toBe('rounded');
    expect(roundedDecimal('2.8', 2 * Math.SQRT2)).toBe('short');
    expect(roundedDecimal('2.82', 2 * Math.SQRT2)).toBeNull();
    expect(roundedDecimal('0.0889', 8 / 90)).toBe('rounded');
    expect(roundedDecimal('3', 2 * Math.SQRT2)).toBeNull();
  });
});
