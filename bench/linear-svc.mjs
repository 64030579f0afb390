// LinearSVC (dual coordinate descent, liblinear's method) on 10⁶ samples of a linear problem:
// two unit Gaussian blobs in 10 dimensions centred at ±(1, …, 1) (they overlap on ~0.08% of the
// points), C = 0.1, scikit-learn's other defaults. Target (issue 17): seconds.
// Beside it, scikit-learn's LinearSVC on the same data in the same run when python3 has it.
// Run: node bench/linear-svc.mjs
import { spawnSync } from 'node:child_process';
import { cpuMs, nabla as m } from './lib/common.mjs';
const { LinearSVC, makeBlobs } = m;

const N = 1_000_000;
const t0 = performance.now();
const c = new Array(10).fill(1);
const { X, y } = makeBlobs({ nSamples: N, centers: [c.map((v) => -v), c], clusterStd: 1, seed: 0 });
const genMs = performance.now() - t0;

const c0 = cpuMs();
const t1 = performance.now();
const svm = new LinearSVC({ C: 0.1, randomState: 0 }).fit(X, y);
const fitMs = performance.now() - t1;
const cpu = cpuMs() - c0;
const acc = svm.score(X, y);
console.log(
  `linear-svc fit  n=${N}  d=10  C=0.1  ${(fitMs / 1000).toFixed(2)} s (cpu ${(cpu / 1000).toFixed(2)} s)  epochs ${svm.nIter}  ` +
    `train accuracy ${acc.toFixed(4)}  (data generation ${(genMs / 1000).toFixed(2)} s, not counted)`,
);

// scikit-learn on the same points, when available (same random_state: the same epochs).
const py = spawnSync(
  '/usr/bin/python3',
  [
    '-c',
    `
import time
import numpy as np
from sklearn.datasets import make_blobs
from sklearn.svm import LinearSVC
c = np.ones(10)
X, y = make_blobs(n_samples=${N}, centers=[-c, c], cluster_std=1.0, random_state=0)
t = time.perf_counter(); c = time.process_time()
m = LinearSVC(C=0.1, random_state=0).fit(X, y)
dt = time.perf_counter() - t; dc = time.process_time() - c
print(f"{dt:.3f} {dc:.3f} {m.n_iter_} {m.score(X, y):.4f}")
`,
  ],
  { encoding: 'utf8', timeout: 600_000 },
);
if (py.status === 0) {
  const [s, c, it, a] = py.stdout.trim().split(/\s+/);
  // CPU time is the fair comparison on a shared machine (wall time includes other processes).
  console.log(
    `scikit-learn LinearSVC  ${Number(s).toFixed(2)} s (cpu ${Number(c).toFixed(2)} s)  epochs ${it}  train accuracy ${a}  ` +
      `→ nabla/scikit-learn ${(cpu / 1000 / Number(c)).toFixed(2)}× cpu, ${(fitMs / 1000 / Number(s)).toFixed(2)}× wall`,
  );
} else console.log('scikit-learn not available: no comparison');
