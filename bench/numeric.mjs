// Quadrature over test/reference/quadrature/battery.json: per integral, nabla's neval, the
// median time of repeated calls, and the true relative error, beside SciPy's quad (QUADPACK,
// same defaults: epsabs = epsrel = 1.49e-8, limit 50) counts and times from the file; plus a few
// numeric kernels (LU solve, QR least squares, symmetric eigen) at moderate sizes.
// Run: node bench/numeric.mjs   (NABLA_DIST=/path/to/index.js to bench another build)
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { batteryLimit, compileBatteryExpr } from '../test/numeric/battery-expr.mjs';

import { nabla as m } from './lib/common.mjs';
const { quad, linsolve, lstsq, eigSym, matrix, derivative } = m;
const here = dirname(fileURLToPath(import.meta.url));
const battery = JSON.parse(readFileSync(resolve(here, '../test/reference/quadrature/battery.json'), 'utf8'));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
function timeIt(fn, minMs = 40, maxReps = 2000) {
  for (let w = 0; w < 3; w++) fn(); // let the JIT compile first
  const times = [];
  const t0 = performance.now();
  for (let r = 0; r < maxReps && (r < 5 || performance.now() - t0 < minMs); r++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

console.log('quad on the reference battery (SciPy 1.17 quad defaults; SciPy times are from the file, another machine state)');
console.log(`${'id'.padEnd(16)} ${'neval'.padStart(6)} ${'scipy'.padStart(6)} ${'ms'.padStart(8)} ${'scipy ms'.padStart(9)} ${'rel err'.padStart(9)} ${'scipy err'.padStart(9)}  method`);
const nevals = [], scipyNevals = [], times = [], scipyTimes = [];
let ok = 0;
for (const c of battery.integrals) {
  const f = compileBatteryExpr(c.integrand);
  const a = batteryLimit(c.a), b = batteryLimit(c.b);
  // warm up so the JIT has compiled the integrand and the adaptive loop
  for (let i = 0; i < 5; i++) quad(f, a, b);
  const r = quad(f, a, b);
  const ms = timeIt(() => quad(f, a, b));
  const rel = Math.abs(r.value - c.exact_value) / Math.abs(c.exact_value);
  if (rel <= 1e-8 && r.status === 0) ok++;
  const s = c.scipy_quad_default;
  nevals.push(r.neval); scipyNevals.push(s.neval); times.push(ms); scipyTimes.push(s.time_ms);
  console.log(
    `${c.id.padEnd(16)} ${String(r.neval).padStart(6)} ${String(s.neval).padStart(6)} ${ms.toFixed(4).padStart(8)} ${s.time_ms.toFixed(4).padStart(9)} ${rel.toExponential(1).padStart(9)} ${s.true_rel_err.toExponential(1).padStart(9)}  ${r.method}`,
  );
}
console.log(`median neval: nabla ${median(nevals)}, SciPy ${median(scipyNevals)}`);
console.log(`median time:  nabla ${median(times).toFixed(4)} ms, SciPy ${median(scipyTimes).toFixed(4)} ms`);
console.log(`within 1e-8 relative with status 0: nabla ${ok}/${battery.integrals.length}, SciPy ${battery.integrals.filter((c) => c.scipy_quad_default.ok_1e8 ?? c.scipy_quad_default['ok_1e-8']).length}/${battery.integrals.length}`);

// Extra cases SciPy's quad does not do by default.
const sinc = quad((x) => Math.sin(x) / x, 0, Infinity);
console.log(`sin(x)/x on [0, inf): ${sinc.value} (err est ${sinc.error.toExponential(1)}, true ${Math.abs(sinc.value - Math.PI / 2).toExponential(1)}), neval ${sinc.neval}, ${timeIt(() => quad((x) => Math.sin(x) / x, 0, Infinity)).toFixed(3)} ms`);

console.log('\ndense kernels (median ms)');
let seed = 12345;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
for (const n of [50, 200]) {
  const a = matrix(n, n, Array.from({ length: n * n }, rnd));
  const bvec = Float64Array.from({ length: n }, rnd);
  const sym = matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) sym.data[i * n + j] = sym.data[j * n + i] = a.data[i * n + j];
  const tall = matrix(2 * n, n, Array.from({ length: 2 * n * n }, rnd));
  const b2 = Float64Array.from({ length: 2 * n }, rnd);
  console.log(
    `n=${n}: linsolve ${timeIt(() => linsolve(a, bvec), 100).toFixed(3)}, lstsq ${2 * n}x${n} ${timeIt(() => lstsq(tall, b2), 100).toFixed(3)}, eigSym ${timeIt(() => eigSym(sym), 100, n > 100 ? 5 : 50).toFixed(3)}`,
  );
}
const fd = (x) => Math.exp(x) / Math.sqrt(Math.sin(x) ** 3 + Math.cos(x) ** 3);
console.log(`derivative richardson: ${(timeIt(() => derivative(fd, 1.5, { method: 'richardson' }), 50) * 1000).toFixed(2)} µs`);
