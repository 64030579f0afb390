// Lesson 05's live trainer (web/src/lessons/mlp.ts) against the reference trace and the lesson
// module's corrected run.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { makeCircles } from '../../src/nn/index.js';
import { getLesson } from '../../src/lessons/index.js';
import { CORRECTED, PUBLISHED, createTrainer } from '../../web/src/lessons/mlp.js';

const ref = JSON.parse(readFileSync(resolve(__dirname, '../reference/course/lesson05-trace.json'), 'utf8')) as {
  before: { loss: number; accuracy: number };
  iterations: Array<{ iteration: number; loss: number; accuracy: number }>;
};
const { X, y } = makeCircles({ nSamples: 1000, factor: 0.5, noise: 0.1, seed: 0 });

describe('lesson 05 live trainer', () => {
  it('published: reproduces the reference trace (accuracy 0.614 at iteration 149)', () => {
    const t = createTrainer(X, y, PUBLISHED);
    expect(t.loss).toBeCloseTo(ref.before.loss, 6);
    for (let i = 0; i < 150; i++) t.step();
    ref.iterations.forEach((r, i) => {
      expect(t.history[i]!.loss).toBeCloseTo(r.loss, 6);
      expect(t.history[i]!.accuracy).toBe(r.accuracy);
    });
  });
  const lesson = getLesson(5);
  const corrected = (lesson?.run().data as { corrected?: { loss: number[]; accuracy: number[]; eta: number } } | undefined)?.corrected;
  it.skipIf(!corrected)("corrected: follows the lesson module's corrected run (true σ', mean loss)", () => {
    expect(corrected!.eta).toBe(CORRECTED.lr);
    const t = createTrainer(X, y, CORRECTED);
    const n = Math.min(600, corrected!.loss.length);
    for (let i = 0; i < n; i++) t.step();
    for (let i = 0; i < n; i += 50) expect(t.history[i]!.loss).toBeCloseTo(corrected!.loss[i]!, 8);
    expect(t.history[n - 1]!.accuracy).toBe(corrected!.accuracy[n - 1]);
  });
});
