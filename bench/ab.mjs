// Before/after: the symbolic workloads (a)–(e) of symbolic.mjs and the battery of calculus.mjs on
// two builds, each round a fresh process per build, in alternation (A B B A A B …) so that machine
// load falls on both alike. (Loading both builds into one process is biased: the second one loaded
// ran up to 2× slower on the same code.) Prints each build's median over rounds and after/before.
// Usage: node bench/ab.mjs /path/to/before/dist/index.js [/path/to/after/dist/index.js]
//        (the second defaults to this checkout's dist/). AB_ROUNDS sets the rounds (default 7).
//        AB_CLOCK=cpu times CPU instead of wall time (see below).
//        AB_VERBOSE=1 also prints every round's figure (to see a bimodal workload).
//        AB_ONLY, a regular expression, keeps only the workloads whose name matches (for bisecting).
//        AB_WARM_MS sets the warm-up per workload (default 300 ms of the clock). A workload of about
//        1 ms (solve, definite) has had only some 30–50 runs by then, while V8 is still optimizing:
//        its timed runs then measure compilation (background compile threads count on the CPU
//        clock) and vary tenfold; AB_WARM_MS=3000 times the steady state instead.
// Not part of `npm run bench`: it needs two builds.
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { median } from './lib/common.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const child = args[0] === '--child';
const [beforePath, afterPath = resolve(here, '../dist/index.js')] = child ? args.slice(1) : args;
if (!beforePath) {
  console.error('usage: node bench/ab.mjs <before dist/index.js> [<after dist/index.js>]');
  process.exit(2);
}
const battery = JSON.parse(readFileSync(resolve(here, '../test/reference/symbolic/battery.json'), 'utf8'));

/** Each workload: given a build, set up its inputs once and return the function to time. */
const workloads = {
  '(a) d/dx x^3-2x^2+1': (m) => {
    const f = m.parse('x^3 - 2*x^2 + 1'), x = m.symbol('x');
    return () => { for (let i = 0; i < 500; i++) m.diff(f, x); };
  },
  '(b) Jacobian of 3 sigmoids': (m) => {
    const fs = ['p*x+q*y', 'r*x+s*y', 't*x+u*y'].map((z) => m.parse(`1/(1+exp(-(${z})))`));
    const xy = [m.symbol('x'), m.symbol('y')];
    return () => { for (let i = 0; i < 50; i++) m.jacobian(fs, xy); };
  },
  '(c) d/dx 200-term sum': (m) => {
    const x = m.symbol('x'), terms = [];
    for (let i = 1; i <= 200; i++) terms.push(m.mul(m.sin(m.mul(m.rat(i, 7), x)), m.exp(m.mul(m.rat(-i, 400), m.pow(x, 2))), m.pow(x, i)));
    const f = m.add(...terms);
    return () => m.diff(f, x);
  },
  '(d) 10th derivative of x^5 sin x e^x': (m) => {
    const f = m.parse('x^5*sin(x)*exp(x)'), x = m.symbol('x');
    return () => { let e = f; for (let k = 0; k < 10; k++) e = m.diff(e, x); };
  },
  '(e) gradient wrt 144 weights': (m) => {
    const xs = Array.from({ length: 8 }, (_, i) => m.symbol(`x${i}`));
    const ws = [], hidden = [];
    for (let k = 0; k < 16; k++) {
      const row = xs.map((xi, i) => { const w = m.symbol(`w${i}_${k}`); ws.push(w); return m.mul(w, xi); });
      const u = m.symbol(`u${k}`);
      ws.push(u);
      hidden.push(m.mul(u, m.tanh(m.add(...row))));
    }
    const f = m.sigmoid(m.add(...hidden));
    return () => m.gradient(f, ws);
  },
  'integrate: 70-integral battery': (m) => {
    const cs = battery.integrate.map((c) => ({ f: m.parse(c.expr), x: m.symbol(c.wrt) }));
    return () => { for (const c of cs) m.integrate(c.f, c.x); };
  },
  'definite: 12 integrals': (m) => {
    const cs = battery.definite.map((c) => ({ f: m.parse(c.expr), x: m.symbol(c.wrt), a: c.lower, b: c.upper }));
    return () => { for (const c of cs) m.integrate(c.f, [c.x, c.a, c.b]); };
  },
  'limit: 8 limits': (m) => {
    const to = (t) => (t === 'oo' ? m.OO : t === '-oo' ? m.NEG_OO : m.parse(t));
    const cs = battery.limit.map((c) => ({ f: m.parse(c.expr), x: m.symbol(c.wrt), to: to(c.to) }));
    return () => { for (const c of cs) m.limit(c.f, c.x, c.to); };
  },
  'series: 6 expansions': (m) => {
    const cs = battery.series.map((c) => ({ f: m.parse(c.expr), x: m.symbol(c.wrt), at: c.at, n: c.order }));
    return () => { for (const c of cs) m.series(c.f, c.x, c.at, c.n); };
  },
  'solve: 10 equations': (m) => () => { for (const c of battery.solve) m.solve(c.expr, c.wrt); },
};

if (process.env.AB_ONLY) {
  const keep = new RegExp(process.env.AB_ONLY);
  for (const name of Object.keys(workloads)) if (!keep.test(name)) delete workloads[name];
}

// AB_CLOCK=cpu times with the process's CPU time (user + system) instead of wall time: less
// disturbed by other processes on a shared machine (it still counts GC and compiler threads).
const cpuClock = process.env.AB_CLOCK === 'cpu';
const now = cpuClock
  ? () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e3; }
  : () => Number(process.hrtime.bigint()) / 1e6;

if (child) {
  // One build, every workload: warm up (at least 10 runs and AB_WARM_MS, default 300 ms), then the
  // median of 15 timed runs each, as JSON.
  const m = await import(pathToFileURL(resolve(beforePath)).href);
  const warmMs = Number(process.env.AB_WARM_MS ?? 300);
  const out = {};
  for (const [name, make] of Object.entries(workloads)) {
    const f = make(m);
    const w0 = now();
    for (let w = 0; w < 10 || now() - w0 < warmMs; w++) f();
    const t = [];
    for (let r = 0; r < 15; r++) {
      const t0 = now();
      f();
      t.push(now() - t0);
    }
    out[name] = median(t);
  }
  process.stdout.write(JSON.stringify(out));
} else {
  const ROUNDS = Number(process.env.AB_ROUNDS ?? 7);
  const runs = { before: [], after: [] };
  const paths = { before: beforePath, after: afterPath };
  for (let r = 0; r < ROUNDS; r++) {
    for (const side of r % 2 ? ['after', 'before'] : ['before', 'after']) {
      const p = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', paths[side]], { encoding: 'utf8' });
      if (p.status !== 0) throw new Error(`${side} build failed:\n${p.stderr}`);
      runs[side].push(JSON.parse(p.stdout));
    }
  }
  const rows = Object.keys(workloads).map((name) => {
    const b = median(runs.before.map((o) => o[name])), a = median(runs.after.map((o) => o[name]));
    return { workload: name, before: `${b.toFixed(3)} ms`, after: `${a.toFixed(3)} ms`, 'after/before': (a / b).toFixed(2) };
  });
  console.log(`A/B over ${ROUNDS} rounds (a fresh process per build and round), median ${cpuClock ? 'CPU' : 'wall'} time`);
  console.table(rows);
  if (process.env.AB_VERBOSE)
    for (const name of Object.keys(workloads))
      for (const side of ['before', 'after']) console.log(`${side.padEnd(6)} ${name.padEnd(40)} ${runs[side].map((o) => o[name].toFixed(3)).join(' ')}`);
}
