// Matrix-calculus benchmarks (issue 16): deriving the gradient of each course loss in closed
// matrix form, target ≤ 1 ms. Median over rounds of the derivation from the parsed expression
// (steady state: the interning tables are warm), plus the first derivation in this process
// (cold) and parse + derive + print. Run after `npm run build`: node bench/matcalc.mjs
import { nabla as m, median } from './lib/common.mjs';
const { parseMatrixExpr, matrixDerivative, matrixToText } = m;

// Wall clock by default; BENCH_CPU=1 measures this process's CPU time instead (steadier when other
// jobs share the cores; it includes V8's GC and compiler threads).
const WALL = process.env.BENCH_CPU !== '1';
const now = () => (WALL ? Number(process.hrtime.bigint()) / 1e6 : (process.cpuUsage().user + process.cpuUsage().system) / 1e3); // ms
const L = 'X:n,m w:m y:n lambda: W:k,d x:d yk:k W1:h,d W2:k,h';
const losses = [
  ['least squares', 'norm(X*w - y)^2', 'w'],
  ['ridge', 'norm(X*w - y)^2 + lambda*norm(w)^2', 'w'],
  ['logistic', "-y'*log(sigmoid(X*w)) - (1 - y)'*log(1 - sigmoid(X*w))", 'w'],
  ['softmax cross-entropy', "logsumexp(W*x) - yk'*W*x", 'W'],
  ['two-layer MLP, W1', 'norm(W2*tanh(W1*x) - yk)^2', 'W1'],
  ['two-layer MLP, W2', 'norm(W2*tanh(W1*x) - yk)^2', 'W2'],
];

const rows = [];
for (const [name, src, wrt] of losses) {
  const f = parseMatrixExpr(src, L);
  const v = parseMatrixExpr(wrt, L);
  const t0 = now();
  const d = matrixDerivative(f, v);
  const cold = now() - t0;
  for (let i = 0; i < 200; i++) matrixDerivative(f, v); // warm up the JIT
  const times = [];
  for (let r = 0; r < 31; r++) {
    const s = now();
    for (let i = 0; i < 20; i++) matrixDerivative(f, v);
    times.push((now() - s) / 20);
  }
  const full = [];
  for (let r = 0; r < 11; r++) {
    const s = now();
    for (let i = 0; i < 10; i++) matrixToText(matrixDerivative(parseMatrixExpr(src, L), parseMatrixExpr(wrt, L)));
    full.push((now() - s) / 10);
  }
  const med = median(times);
  rows.push({
    loss: name,
    gradient: matrixToText(d),
    'derive (median)': `${(med * 1000).toFixed(1)} µs`,
    'first call': `${cold.toFixed(2)} ms`,
    'parse+derive+print': `${(median(full) * 1000).toFixed(1)} µs`,
    'target 1 ms': med <= 1 ? 'yes' : 'NO',
  });
}
console.log(`clock: ${WALL ? 'wall' : 'CPU time'}`);
console.table(rows);
