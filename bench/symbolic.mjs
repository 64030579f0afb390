// Symbolic engine benchmarks (issue 2): median time per call for workloads (a)–(f).
// Run after `npm run build` (or point NABLA_DIST at another build): node bench/symbolic.mjs
import { nabla as m, median } from './lib/common.mjs';
const { parse, diff, jacobian, gradient, lambdify, symbol, toString, add, mul, pow, sin, exp, rat, tanh, sigmoid } = m;

/**
 * Median seconds per call of f, over `rounds` rounds of `inner` calls each, wall clock. On a
 * loaded machine set BENCH_CPU=1 to measure this process's CPU time instead (it includes V8's
 * GC and compiler threads, so it reads higher than an idle machine's wall time).
 */
const WALL = process.env.BENCH_CPU !== '1';
function now() {
  if (WALL) return Number(process.hrtime.bigint()) / 1e9;
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}
function time(f, { rounds = 21, inner = 1, warm = 10 } = {}) {
  for (let i = 0; i < warm; i++) for (let j = 0; j < inner; j++) f();
  const t = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = now();
    for (let j = 0; j < inner; j++) f();
    t.push((now() - t0) / inner);
  }
  return median(t);
}
const fmt = (s) => (s < 1e-3 ? `${(s * 1e6).toFixed(2)} µs` : s < 1 ? `${(s * 1e3).toFixed(3)} ms` : `${s.toFixed(3)} s`);
const rows = [];
const report = (name, secs, target, extra = '') =>
  rows.push({ workload: name, median: fmt(secs), target: fmt(target), ok: secs <= target ? 'yes' : 'NO', extra });

const x = symbol('x');
const y = symbol('y');

// (a) d/dx x³ − 2x² + 1
const fa = parse('x^3 - 2*x^2 + 1');
report('(a) d/dx x^3-2x^2+1', time(() => diff(fa, x), { inner: 2000 }), 5e-6);

// (b) Jacobian of [σ(px+qy), σ(rx+sy), σ(tx+uy)] wrt x, y (σ written out as 1/(1+e^-z))
const fb = ['p*x+q*y', 'r*x+s*y', 't*x+u*y'].map((z) => parse(`1/(1+exp(-(${z})))`));
report('(b) Jacobian of 3 sigmoids', time(() => jacobian(fb, [x, y]), { inner: 200 }), 50e-6);

// (c) d/dx Σ_{i=1..200} sin(a_i x)·exp(b_i x²)·x^i, a_i = i/7, b_i = -i/400
const terms = [];
for (let i = 1; i <= 200; i++) terms.push(mul(sin(mul(rat(i, 7), x)), exp(mul(rat(-i, 400), pow(x, 2))), pow(x, i)));
const fc = add(...terms);
let dc;
report('(c) d/dx 200-term sum', time(() => (dc = diff(fc, x)), { inner: 5 }), 3e-3);

// (d) ten successive d/dx of x⁵ sin x eˣ
const fd = parse('x^5*sin(x)*exp(x)');
let dd;
const td = time(() => {
  let e = fd;
  for (let k = 0; k < 10; k++) e = diff(e, x);
  dd = e;
}, { inner: 20 });
report('(d) 10th derivative of x^5 sin x e^x', td, 1e-3, `${toString(dd).length} chars (target ≤ 300)`);

// (e) gradient of σ(Σ_k u_k tanh(Σ_i w_ik x_i)), 8 inputs, 16 hidden, wrt all 144 weights
const xs = Array.from({ length: 8 }, (_, i) => symbol(`x${i}`));
const ws = [];
const us = [];
const hidden = [];
for (let k = 0; k < 16; k++) {
  const row = xs.map((xi, i) => {
    const w = symbol(`w${i}_${k}`);
    ws.push(w);
    return mul(w, xi);
  });
  const u = symbol(`u${k}`);
  us.push(u);
  hidden.push(mul(u, tanh(add(...row))));
}
const fe = sigmoid(add(...hidden));
const weights = [...ws, ...us];
report('(e) gradient wrt 144 weights', time(() => gradient(fe, weights), { inner: 3 }), 15e-3, `${weights.length} weights`);

// (f) evaluating (c)'s derivative at 10⁵ points through lambdify
const g = lambdify(dc, [x]);
const pts = new Float64Array(100_000);
for (let i = 0; i < pts.length; i++) pts[i] = i / pts.length;
let out;
const tf = time(() => (out = g.vectorized([pts])), { rounds: 5, warm: 1 });
const want = m.evaluate(dc, { x: pts[12345] });
report('(f) lambdify (c)\' at 1e5 points', tf, 0.6, `|vectorized - evaluate| = ${Math.abs(out[12345] - want).toExponential(1)}`);

console.log(`symbolic benchmarks (median ${WALL ? 'wall' : 'CPU'} time per call)`);
console.table(rows);
