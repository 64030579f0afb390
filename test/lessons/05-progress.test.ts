import { describe, expect, it } from 'vitest';
import { lesson05 } from '../../src/lessons/05-backprop.js';

describe('lesson 05 reports progress', () => {
  it('calls onProgress with done rising by one epoch to total (150 listing + corrected epochs)', () => {
    const calls: [number, number][] = [];
    const run = lesson05.run({ onProgress: (done, total) => calls.push([done, total]) });
    const corrected = run.data['corrected'] as { epochs: number; loss: number[] };
    const total = 150 + corrected.epochs;
    expect(calls).toHaveLength(total);
    calls.forEach(([done, t], i) => {
      expect(t).toBe(total);
      expect(done).toBe(i + 1);
    });
    expect(calls.at(-1)).toEqual([total, total]);
    // Reporting progress does not change the numbers.
    expect(run.lines[0]).toBe('Before training - loss value 693.62972747 accuracy 0.5');
    expect(corrected.loss).toHaveLength(corrected.epochs);
  });
});
