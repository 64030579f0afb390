// The 144 SymPy-suite limits of issue 15 (test/reference/peer/limits.json, or the held-out ones): how many are decided,
// the total and median time per limit and the slowest one. Correctness is the test's job
// (test/symbolic/calculus/limit/peer.test.ts); this line is about speed.
// Usage: node bench/peer-limits.mjs [--holdout]   (NABLA_DIST overrides ../dist/index.js; --holdout
// runs the held-out sample test/reference/peer/limits-holdout.json instead)
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { nabla as m, median, cpuMs } from './lib/common.mjs';
const { parse, symbol, limit } = m;

const here = dirname(fileURLToPath(import.meta.url));
const name = process.argv.includes('--holdout') ? 'limits-holdout.json' : 'limits.json';
const { cases } = JSON.parse(readFileSync(resolve(here, '../test/reference/peer', name), 'utf8'));
const x = symbol('x');
const wall = [], cpu = [];
let decided = 0, slowest = { ms: 0, id: '' };
for (const c of cases) {
  const e = parse(c.expr), p = parse(c.point);
  const t0 = performance.now(), c0 = cpuMs();
  try {
    limit(e, x, p, c.dir ?? '+-');
    decided++;
  } catch {
    // undecided: counted by the test, timed here like the rest
  }
  const dt = performance.now() - t0;
  wall.push(dt);
  cpu.push(cpuMs() - c0);
  if (dt > slowest.ms) slowest = { ms: dt, id: c.id };
}
const total = (xs) => xs.reduce((a, b) => a + b, 0);
console.log(`peer limits (${name}): ${cases.length} cases, ${decided} decided; total ${total(wall).toFixed(0)} ms wall (${total(cpu).toFixed(0)} ms CPU), median ${median(wall).toFixed(2)} ms a limit (${median(cpu).toFixed(2)} ms CPU); slowest ${slowest.id} ${slowest.ms.toFixed(0)} ms`);
