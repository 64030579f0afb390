// The 751 Rubi-sample integrals of issue 15 (test/reference/peer/integrals.json): how many come
// back evaluated, per chapter, with the total and median time per case and the slowest case.
// Correctness is the test's job (test/symbolic/calculus/integrate/peer.test.ts); this line is about speed.
// Targets: median <= 5 ms a case, no case over 2 s.
// Usage: node bench/peer-integrals.mjs [--holdout]   (NABLA_DIST overrides ../dist/index.js;
// --holdout runs the held-out sample test/reference/peer/integrals-holdout.json instead)
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { nabla as m, median, cpuMs } from './lib/common.mjs';
const { parse, symbol, integrate } = m;

const here = dirname(fileURLToPath(import.meta.url));
const name = process.argv.includes('--holdout') ? 'integrals-holdout.json' : 'integrals.json';
const { cases } = JSON.parse(readFileSync(resolve(here, '../test/reference/peer', name), 'utf8'));
const x = symbol('x');
// Parse once (parsing is not integration).
const parsed = cases.map((c) => ({ id: c.id, chapter: c.chapter, f: parse(c.integrand) }));

const wall = [], cpu = [];
const evaluated = new Map();
let slowest = { ms: 0, id: '' };
for (const c of parsed) {
  const t0 = performance.now(), c0 = cpuMs();
  const F = integrate(c.f, x);
  const dt = performance.now() - t0;
  wall.push(dt);
  cpu.push(cpuMs() - c0);
  if (dt > slowest.ms) slowest = { ms: dt, id: c.id };
  const e = evaluated.get(c.chapter) ?? { n: 0, done: 0 };
  e.n++;
  if (F.kind !== 'Integral') e.done++;
  evaluated.set(c.chapter, e);
}
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const done = sum([...evaluated.values()].map((e) => e.done));
console.log(`peer integrals (${name}): ${parsed.length} cases, ${done} evaluated; total ${sum(wall).toFixed(0)} ms wall (${sum(cpu).toFixed(0)} ms CPU), median ${median(wall).toFixed(2)} ms a case (${median(cpu).toFixed(2)} ms CPU); slowest ${slowest.id} ${slowest.ms.toFixed(0)} ms; targets: median <= 5 ms, none over 2000 ms`);
console.log(`  evaluated per chapter: ${[...evaluated].map(([k, e]) => `${k} ${e.done}/${e.n}`).join(', ')}`);
