// What the peer integrals (test/reference/peer/integrals.json) still miss, per chapter: each
// unsolved case with its integrand, and every wrong answer (checked as the test does: F′ by
// central differences against the 30-digit integrand values). For picking rules that cover many
// cases. Uses the test's work budget (1000 sub-integrals).
// Usage: node bench/peer-unsolved.mjs [chapter …] [--solved] [--ids D0001,D0002] [--slow]
//   --solved also lists the solved cases with their answers; --slow lists the 20 slowest (CPU).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { nabla as m, cpuMs } from './lib/common.mjs';
const { parse, symbol, integrate, evaluate } = m;

const here = dirname(fileURLToPath(import.meta.url));
const { cases } = JSON.parse(readFileSync(resolve(here, '../test/reference/peer/integrals.json'), 'utf8'));
const args = process.argv.slice(2);
const showSolved = args.includes('--solved');
const showSlow = args.includes('--slow');
const idsAt = args.indexOf('--ids');
const ids = idsAt >= 0 ? new Set(args[idsAt + 1].split(',')) : null;
const chapters = args.filter((a, i) => !a.startsWith('--') && (idsAt < 0 || i !== idsAt + 1));
const x = symbol('x');

/** F(t) as a number, NaN where undefined. */
function value(F, t) {
  try {
    return evaluate(F, { x: t });
  } catch {
    return NaN;
  }
}
/** The test's check: F real at each point and F′ (five-point differences, several steps) = f. */
function mismatch(F, c) {
  points: for (const p of c.points) {
    const Fv = value(F, p.x);
    if (!Number.isFinite(Fv)) return `F(${p.x}) = ${Fv}`;
    for (const h0 of [1e-3, 1e-4, 1e-5, 1e-6]) {
      const h = h0 * Math.max(1, Math.abs(p.x));
      const v = (k) => value(F, p.x + k * h);
      const d = (v(-2) - 8 * v(-1) + 8 * v(1) - v(2)) / (12 * h);
      if (Math.abs(d - p.f) <= 1e-6 * Math.max(Math.abs(p.f), 1e-3) + (1e-13 * Math.max(1, Math.abs(Fv))) / h) continue points;
    }
    return `F′(${p.x}) ≠ ${p.f}`;
  }
  return null;
}

const perChapter = new Map();
const times = [];
for (const c of cases) {
  if (chapters.length && !chapters.includes(c.chapter)) continue;
  if (ids && !ids.has(c.id)) continue;
  const c0 = cpuMs();
  const F = integrate(parse(c.integrand), x, { maxSteps: 1000 });
  const ms = cpuMs() - c0;
  times.push({ id: c.id, ms });
  const e = perChapter.get(c.chapter) ?? { n: 0, solved: 0, lines: [] };
  perChapter.set(c.chapter, e);
  e.n++;
  if (F.kind === 'Integral') {
    e.lines.push(`  ${c.id}  ${c.integrand}`);
    continue;
  }
  const why = mismatch(F, c);
  if (why) e.lines.push(`  ${c.id}  WRONG ${c.integrand} = ${String(F)}: ${why}`);
  else {
    e.solved++;
    if (showSolved) e.lines.push(`  ${c.id}  ok ${c.integrand} = ${String(F)}`);
  }
}
let total = 0, solved = 0;
for (const [ch, e] of perChapter) {
  total += e.n;
  solved += e.solved;
  console.log(`${ch}: ${e.solved}/${e.n}`);
  for (const l of e.lines) console.log(l);
}
console.log(`total ${solved}/${total}`);
if (showSlow) for (const t of times.sort((a, b) => b.ms - a.ms).slice(0, 20)) console.log(`  ${t.id} ${t.ms.toFixed(0)} ms CPU`);
