// Per-epoch time of full-batch training (forward + backward + update), nabla vs NumPy.
// Usage: node bench/nn.mjs   (NABLA_DIST overrides ../dist/index.js; NumPy runs if python3 has it)
import { spawnSync } from 'node:child_process';

import { nabla as m, median, cpuMs } from './lib/common.mjs';
const { MLP, makeCircles, mlpModel } = m;



function data(n) {
  const { X, y } = makeCircles({ nSamples: n, factor: 0.5, noise: 0.1, seed: 0 });
  return {
    rows: X,
    y,
    X: { rows: n, cols: 2, data: Float64Array.from(X.flat()) },
    Y: { rows: n, cols: 1, data: Float64Array.from(y) },
  };
}

/** Median ms per epoch of the explicit MLP (the course's, Float64Array kernels). */
function explicit(sizes, n, epochs, reps) {
  const d = data(n);
  const acts = sizes.slice(1).map((_, i) => (i === sizes.length - 2 ? 'sigmoid' : 'relu'));
  const model = new MLP({ layerSizes: sizes, activations: acts, loss: 'bceMean' }).initialize(42);
  for (let i = 0; i < Math.min(epochs, 20); i++) { model.backward(d.Y, model.forward(d.X)); model.update(0.1); } // warm-up
  const wall = [];
  const cpu = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    const c0 = cpuMs();
    for (let i = 0; i < epochs; i++) {
      const yhat = model.forward(d.X);
      model.backward(d.Y, yhat);
      model.update(0.1);
    }
    cpu.push((cpuMs() - c0) / epochs);
    wall.push((performance.now() - t0) / epochs);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/**
 * ms per epoch (wall and CPU) of Sequential/Dense trained through the autodiff tape with `fit`
 * (full batch, sgd, the same sizes, loss and learning rate as the explicit MLP), measured between
 * successive onEpoch calls and summarized like the explicit MLP: the mean of each of `reps` runs of
 * epochs, then the median of those means.
 */
function autodiff(sizes, n, epochs, reps, warmup) {
  const d = data(n);
  mlpModel(sizes, { seed: 0 }).fit(d.rows, d.y, { epochs: warmup, optimizer: 'sgd', lr: 0.1 }); // warm-up (the JIT tiers up over hundreds of small epochs)
  const wall = [];
  const cpu = [];
  let w0 = performance.now();
  let c0 = cpuMs();
  mlpModel(sizes, { seed: 0 }).fit(d.rows, d.y, {
    epochs, optimizer: 'sgd', lr: 0.1,
    onEpoch: () => {
      const w = performance.now(), c = cpuMs();
      wall.push(w - w0); cpu.push(c - c0);
      w0 = w; c0 = c;
    },
  });
  const skip = 3; // the first epochs allocate the buffer pool and move it into the arena
  const per = Math.floor((epochs - skip) / reps);
  const means = (xs) => Array.from({ length: reps }, (_, r) => xs.slice(skip + r * per, skip + (r + 1) * per).reduce((a, b) => a + b, 0) / per);
  return { wall: median(means(wall)), cpu: median(means(cpu)) };
}

const NUMPY = String.raw`
import sys, time, json
import numpy as np
def run(sizes, n, epochs, reps):
    rs = np.random.RandomState(0)
    X = rs.randn(n, 2); y = (rs.rand(n, 1) > 0.5).astype(float)
    np.random.seed(42)
    W = [None] + [np.random.randn(a, b) * 0.1 for a, b in zip(sizes, sizes[1:])]
    b = [None] + [np.random.randn(1, k) * 0.1 for k in sizes[1:]]
    L = len(sizes)
    def epoch():
        a = [X] + [None] * (L - 1); z = [None] * L
        for l in range(1, L):
            z[l] = a[l-1] @ W[l] + b[l]
            a[l] = np.maximum(0, z[l]) if l < L - 1 else 1 / (1 + np.exp(-z[l].clip(-500, 500)))
        da = (-(y / a[-1].clip(1e-16)) + (1 - y) / (1 - a[-1]).clip(1e-16)) / n
        for l in range(L - 1, 0, -1):
            s = a[l]
            dz = da * (s * (1 - s) if l == L - 1 else (z[l] > 0))
            dW = a[l-1].T @ dz; db = dz.sum(axis=0, keepdims=True)
            da = dz @ W[l].T
            W[l] -= 0.1 * dW; b[l] -= 0.1 * db
    for _ in range(min(epochs, 20)): epoch()
    ts = []; cs = []
    for _ in range(reps):
        t0 = time.perf_counter(); c0 = time.process_time()
        for _ in range(epochs): epoch()
        ts.append((time.perf_counter() - t0) / epochs * 1000); cs.append((time.process_time() - c0) / epochs * 1000)
    return {'wall': sorted(ts)[len(ts) // 2], 'cpu': sorted(cs)[len(cs) // 2]}
print(json.dumps([run([2,4,3,1], 1000, 2000, 5), run([2,64,64,1], 100000, 3, 3)]))
`;

function numpy() {
  const r = spawnSync('python3', ['-c', NUMPY], { env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' }, encoding: 'utf8' });
  if (r.status !== 0) return null;
  try { return JSON.parse(r.stdout.trim()); } catch { return null; }
}

// Each size's two nabla paths back to back, small first (before the big runs fill the heap).
const small = explicit([2, 4, 3, 1], 1000, 2000, 5);
const smallAd = autodiff([2, 4, 3, 1], 1000, 2003, 5, 1000);
const big = explicit([2, 64, 64, 1], 100000, 2, 7);
const bigAd = autodiff([2, 64, 64, 1], 100000, 10, 7, 2);
const np = numpy();
const NUMPY_ISSUE = [0.14, 356];
const fmt = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(1)} ms`);
const ratio = (t, npT) => `wall ${(t.wall / npT.wall).toFixed(2)}×, cpu ${(t.cpu / npT.cpu).toFixed(2)}×`;
const rows = [
  ['MLP [2,4,3,1], 1k points', small, 0.14, np?.[0] ?? null, NUMPY_ISSUE[0], smallAd],
  ['MLP [2,64,64,1], 100k points', big, 530, np?.[1] ?? null, NUMPY_ISSUE[1], bigAd],
];
console.log('nn: per-epoch full-batch training (forward + backward + update), median; explicit MLP (Float64Array kernels) and Sequential through the tape');
for (const [name, t, target, npT, npIssue, ad] of rows) {
  const vs = (x) => (npT ? ratio(x, npT) : `${(x.wall / npIssue).toFixed(2)}× vs the issue's NumPy`);
  console.log(
    `  ${name.padEnd(30)} explicit wall ${fmt(t.wall).padStart(9)} cpu ${fmt(t.cpu).padStart(9)}  (target ≤ ${fmt(target)}: ${t.wall <= target ? 'met' : 'missed'} wall, ${t.cpu <= target ? 'met' : 'missed'} cpu)  vs NumPy ${vs(t)}`,
  );
  console.log(
    `  ${''.padEnd(30)} tape     wall ${fmt(ad.wall).padStart(9)} cpu ${fmt(ad.cpu).padStart(9)}  (target ≤ 1.5× NumPy)  vs NumPy ${vs(ad)}`,
  );
  console.log(
    `  ${''.padEnd(30)} NumPy ${npT ? `   wall ${fmt(npT.wall).padStart(9)} cpu ${fmt(npT.cpu).padStart(9)}  (measured now, 1 BLAS thread)` : `${fmt(npIssue)} (issue figure; NumPy not importable)`}`,
  );
}
console.log(`  (load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} cores)`);
