import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lesson04, sigmoidCheck } from '../../src/lessons/04-jacobian.js';
import { getLesson } from '../../src/lessons/index.js';

const readme = readFileSync(resolve(__dirname, '../reference/course/README.md'), 'utf8');
const battery = JSON.parse(readFileSync(resolve(__dirname, '../reference/symbolic/battery.json'), 'utf8'));

describe('lesson 04: Jacobian', () => {
  const run = lesson04.run();
  it('starts with the Jacobian exactly as the course README prints it', () => {
    const block = /## 04 Jacobian[\s\S]*?```\n([\s\S]*?)\n```/.exec(readme)![1]!;
    expect(run.lines.slice(0, 4).join('\n')).toBe(block);
    expect(getLesson(4)).toBe(lesson04);
  });
  it('prints the sigmoid exercise Jacobian in SymPy form', () => {
    // Same shape as SymPy's pprint of the battery's sigmoid case, with p…u for a, b, c.
    const golden: string = battery.jacobian[1].pretty;
    const i = run.lines.findIndex((l) => l.startsWith('Exercise'));
    const n = golden.split('\n').length;
    const ours = run.lines.slice(i + 1, i + 1 + n);
    expect(ours.length).toBe(n);
    // Row 1 (σ(px+qy) vs SymPy's σ(ax+by)) has the same layout character for character.
    expect(ours.slice(0, 7).join('\n').replace(/[pq]/g, '?')).toBe(golden.split('\n').slice(0, 7).join('\n').replace(/[ab]/g, '?'));
  });
  it('checks the Jacobian numerically and by the σ(1−σ) rule', () => {
    const c = sigmoidCheck();
    expect(c.maxError).toBeLessThan(1e-8);
    expect(c.rowRule).toBeLessThan(1e-15);
    expect(run.exercises[0]!.answer).toBe('p*exp(-p*x - q*y)/(exp(-p*x - q*y) + 1)^2');
  });
});
