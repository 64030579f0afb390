// SVC fit time on make_circles(n, factor 0.5, noise 0.1, seed 0), RBF kernel, C = 1,
// gamma 'scale', tol 1e-3 — the setting of test/reference/svm/svc.json.
// Targets (issue 8): ≤ 1.5 × scikit-learn at 10k and 50k points.
// Run: node bench/svm.mjs   (NABLA_DIST=/path/to/index.js to bench another build)
import { nabla as m } from './lib/common.mjs';
const { SVC, makeCircles } = m;

const SKLEARN_MS = { 1000: 2.4, 10000: 57, 50000: 970 };
const LIBSVM_MS = { 1000: 1.4, 10000: 45, 50000: 800 };
const REPS = { 1000: 21, 10000: 9, 50000: 5 };

function fit(X, y) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const svm = new SVC({ kernel: 'rbf', C: 1, gamma: 'scale', tol: 1e-3 }).fit(X, y);
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpu: (c.user + c.system) / 1000, svm };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

// Warm the JIT on a mid-size problem first, so the figures are steady-state fit times.
{
  const { X, y } = makeCircles({ nSamples: 3000, factor: 0.5, noise: 0.1, seed: 1 });
  for (let i = 0; i < 5; i++) fit(X, y);
}

const rows = [];
for (const n of [1000, 10000, 50000]) {
  const { X, y } = makeCircles({ nSamples: n, factor: 0.5, noise: 0.1, seed: 0 });
  const times = [];
  const cpus = [];
  let svm;
  for (let r = 0; r < REPS[n]; r++) ({ ms: times[r], cpu: cpus[r], svm } = fit(X, y));
  const med = median(times);
  const ratio = med / SKLEARN_MS[n];
  const target = n >= 10000 ? (ratio <= 1.5 ? 'ok (≤ 1.5×)' : 'MISSED (> 1.5×)') : '(no target)';
  rows.push({ n, med, ratio, nsv: svm.support.length, iters: svm.nIter, target });
  // CPU time beside wall time: on a shared machine the gap between them is other processes.
  console.log(
    `svc rbf fit  n=${String(n).padStart(5)}  median ${med.toFixed(1).padStart(7)} ms  ` +
      `(min ${Math.min(...times).toFixed(1)}, cpu ${median(cpus).toFixed(1)})  scikit-learn ${SKLEARN_MS[n]} ms → ${ratio.toFixed(2)}×  ` +
      `libsvm ${LIBSVM_MS[n]} ms  nSV ${svm.support.length}  iters ${svm.nIter}  ${target}`,
  );
}
console.log(`load average ${(await import('node:os')).loadavg().map((v) => v.toFixed(2)).join(' ')} on ${(await import('node:os')).cpus().length} cores`);
