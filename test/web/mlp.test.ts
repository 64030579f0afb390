// Lesson 05's live trainer (web/src/lessons/mlp.ts) against the reference trace and the lesson
// module's corrected run.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { makeCircles } from '../../src/nn/index.js';
import { getLesson } from '../../src/lessons/index.js';
import { CORRECTED, PUBLISHED, createTrainer } from '../../web/src/lessons/mlp.js';
import { compactScatter } from '../../web/src/svg-patch.js';
import { figure, scatter } from '../../src/plot/index.js';

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

describe('lesson 05 figure drawn in the worker', () => {
  it('compactScatter draws the same dots as one path per colour', () => {
    const { X, y } = makeCircles({ nSamples: 200, factor: 0.5, noise: 0.1, seed: 0 });
    const fig = figure({ width: 300, height: 300 });
    for (const [c, fill] of [[0, '#1c7ed6'], [1, '#e03131']] as const) {
      fig.axes(0, 0).add(scatter({ x: X.filter((_, i) => y[i] === c).map((r) => r[0]!), y: X.filter((_, i) => y[i] === c).map((r) => r[1]!), r: 1.5, fill }));
    }
    const svg = fig.toSVG();
    const dots = [...svg.matchAll(/<circle cx="([^"]+)" cy="([^"]+)" r="1.5" fill="([^"]+)"\/>/g)];
    expect(dots).toHaveLength(200);
    const out = compactScatter(svg);
    expect(out).not.toContain('<circle');
    const paths = [...out.matchAll(/<path class="scatter" fill="([^"]+)" d="([^"]+)"\/>/g)];
    expect(paths.map((p) => p[1])).toEqual(['#1c7ed6', '#e03131']);
    // Every dot is a move to (cx − r, cy) and two half-circle arcs of radius r, in the same order.
    const moves = paths.flatMap((p) => [...p[2]!.matchAll(/M([-\d.]+) ([-\d.]+)a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0-3 0/g)]);
    expect(moves).toHaveLength(200);
    moves.forEach((m, k) => {
      expect(Number(m[1])).toBeCloseTo(Number(dots[k]![1]) - 1.5, 6);
      expect(Number(m[2])).toBe(Number(dots[k]![2]));
    });
    // Everything else is unchanged.
    expect(out.replace(/<path class="scatter"[^>]*\/>/g, '')).toBe(svg.replace(/<g class="scatter">(?:<circle [^>]*\/>)+<\/g>/g, ''));
  });
});
