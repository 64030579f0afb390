import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lesson05 } from '../../src/lessons/05-backprop.js';
import { getLesson } from '../../src/lessons/index.js';

const here = dirname(fileURLToPath(import.meta.url));
interface Step { iteration: number; loss: number; accuracy: number }
const ref = JSON.parse(readFileSync(resolve(here, '../reference/course/lesson05-trace.json'), 'utf8')) as {
  before: { loss: number; accuracy: number };
  iterations: Step[];
};

describe('lesson 05: the listing reproduced digit for digit', () => {
  const run = lesson05.run();
  const listing = run.data['listing'] as { loss: number[]; accuracy: number[]; predict: (x: number, y: number) => number };

  it('is registered as lesson 5', () => {
    expect(getLesson(5)).toBe(lesson05);
  });

  it('prints the before-training line exactly', () => {
    expect(run.lines[0]).toBe('Before training - loss value 693.62972747 accuracy 0.5');
    expect(ref.before).toEqual({ loss: 693.62972747, accuracy: 0.5 });
  });

  it('matches all 150 iterations of the reference trace to 8 decimals, line by line', () => {
    expect(ref.iterations).toHaveLength(150);
    for (const step of ref.iterations) {
      const n = step.iteration;
      expect(Math.abs(listing.loss[n]! - step.loss)).toBeLessThanOrEqual(5e-9);
      expect(listing.accuracy[n]).toBe(step.accuracy);
      // The printed form: NumPy's 8-decimal print of the loss, Python's repr of the accuracy.
      expect(run.lines[n + 1]).toBe(`Iteration ${n} - loss value ${step.loss} accuracy ${step.accuracy}`);
    }
  });

  it('the corrected network ends far better than the listing', () => {
    const fixed = run.data['corrected'] as { loss: number[]; accuracy: number[] };
    const last = fixed.accuracy.length - 1;
    expect(fixed.accuracy[last]).toBeGreaterThan(0.9);
    expect(fixed.loss[last]).toBeLessThan(listing.loss[149]! / 1000 - 0.2);
    expect(run.lines.some((l) => l.startsWith('Corrected: true sigmoid derivative'))).toBe(true);
  });

  it('exposes a predictor for the figures and the Jacobian exercise', () => {
    const p = listing.predict(0, 0);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    expect(run.exercises[0]!.answer).toBe('W[l].T');
  });
});
