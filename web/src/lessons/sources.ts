/**
 * The code cells' starting code, one entry per lesson: the original Python listing done with
 * nabla in TypeScript. Kept apart from the pages so a Node test can run each one
 * (test/web/cells.test.ts) without a browser.
 *
 * In a cell, `print(...)` writes a line, `show(fig)` draws a figure, and
 * `import { … } from 'nabla'` gives the library.
 */

export const LESSON01 = `import { linspace, figure, line, diff } from 'nabla';

// f and its derivative two ways: the rate of change with a small δ, and the power rule.
const f = (x: number) => x ** 2;
const x = linspace(-10, 10, 500);
const delta = 1e-4;
const rate = x.map((v) => (f(v + delta) - f(v)) / delta);  // (f(x+δ) − f(x)) / δ
const rule = x.map((v) => 2 * v);                           // d/dx x² = 2x

let gap = 0;
for (let i = 0; i < x.length; i++) gap = Math.max(gap, Math.abs(rate[i] - rule[i]));
print(\`max |rate − rule| on the grid: \${gap.toExponential(1)}\`);
print("the rule, by the CAS: d/dx x^2 =", diff('x^2', 'x'));

const fig = figure({ width: 860, height: 340, cols: 2 });
fig.axes(0, 0, { title: 'y=f(x)' }).add(line({ x, y: x.map(f) }));
fig.axes(0, 1, { title: "y=f'(x)" }).add(
  line({ x, y: rate, stroke: 'red', opacity: 0.5, label: 'rate' }),
  line({ x, y: rule, stroke: 'blue', opacity: 0.5, label: 'rule' }),
);
show(fig);
`;

export const LESSON02 = `import { arange, cumsum, figure, line, integrate } from 'nabla';

// The integral as a running sum of f(x)·δx.
const f = (x: number) => 2 * x;
const dx = 0.1;
const x = arange(-10, 10, dx);               // 200 points
const y = cumsum(x.map((v) => f(v) * dx));   // ≈ x² + C

print(\`\${x.length} points; first \${y[0].toFixed(1)}, last \${y[y.length - 1].toFixed(1)}, min \${Math.min(...y).toFixed(1)}\`);
print('the antiderivative by the CAS: ∫ 2x dx =', integrate('2*x', 'x'), '+ C');

const fig = figure({ width: 560, height: 360 });
fig.axes(0, 0, { title: 'running sum of 2x·δx', legend: 'top-right' }).add(
  line({ x, y, label: 'running sum' }),
  line({ x, y: x.map((v) => v ** 2 - 100), dash: 'dashed', label: 'x² − 100' }),
);
show(fig);
`;

export const LESSON03 = `import { linspace, meshgrid, figure, surface, quiver, gradient } from 'nabla';

const f = (x: number, y: number) => x ** 2 + y ** 3;

// 1. The surface z = x² + y³ (the figure thins the grid to draw it).
const g = linspace(-10, 10, 100);
const z = new Float64Array(g.length * g.length);
for (let i = 0; i < g.length; i++) for (let j = 0; j < g.length; j++) z[i * g.length + j] = f(g[i], g[j]);
const fig1 = figure({ width: 420, height: 380 });
fig1.axes(0, 0, { title: 'z = x² + y³' }).add(surface({ x: g, y: g, z }));
show(fig1);

// 2. The gradient field ∇f = (2x, 3y²) as unit arrows coloured by length.
//    (The original listing drew (2x, 2y), the gradient of x² + y², here by mistake.)
const q = linspace(-10, 10, 20);
const { xv, yv } = meshgrid(q, q, 'ij');
const u = xv.map((x) => 2 * x);
const v = yv.map((y) => 3 * y * y);
const size = u.map((a, k) => Math.hypot(a, v[k]));
const fig2 = figure({ width: 420, height: 400 });
fig2.axes(0, 0, { title: '∇f, unit arrows', aspect: 'equal' }).add(quiver({ x: xv, y: yv, u, v, color: size, normalize: true }));
show(fig2);

// 3. Search every direction at (2, 3) for the fastest increase (0.1° steps, dx = sin θ, dy = cos θ).
const [x0, y0] = [2, 3];
const step = 0.0001;
let maxdf = -Infinity, maxangle = 0;
for (let k = 0; k < 3600; k++) {
  const angle = k * 0.1;
  const rad = (angle * Math.PI) / 180;
  const [dx, dy] = [Math.sin(rad) * step, Math.cos(rad) * step];
  const df = (f(x0 + dx, y0 + dy) - f(x0, y0)) / step;
  if (df > maxdf) [maxdf, maxangle] = [df, angle];
}
const [ux, uy] = [Math.sin((maxangle * Math.PI) / 180), Math.cos((maxangle * Math.PI) / 180)];
print(\`Max rate of change at \${maxangle} degrees\`);
print(\`Gradient vector at (\${x0},\${y0}) is (\${ux * maxdf},\${uy * maxdf})\`);
const grad = gradient('x^2 + y^3', ['x', 'y']);            // symbolic: [2*x, 3*y^2]
print(\`Exact gradient at (\${x0},\${y0}):\`, grad.evaluate({ x: x0, y: y0 }).flat());
`;

export const LESSON04 = `import { jacobian, pretty, diff } from 'nabla';

// f(x, y) = (2xy, x²y): its Jacobian is the matrix of partial derivatives J[i][j] = ∂fᵢ/∂xⱼ.
const J = jacobian(['2*x*y', 'x^2*y'], ['x', 'y']);
print(pretty(J));

// Row 2, column 1, by hand: ∂(x²y)/∂x
print('∂f₂/∂x =', diff('x^2*y', 'x'));
`;

export const LESSON05 = `import { makeCircles, RandomState } from 'nabla';

// The lesson's MLP [2, 4, 3, 1] trained by hand-written backpropagation, as published:
// dsigmoid has a stray factor 2 (set FIXED = true for the true derivative s(1 − s)).
const FIXED = false;
const { X, y } = makeCircles({ nSamples: 1000, factor: 0.5, noise: 0.1, seed: 0 });
const n = X.length;
const sizes = [2, 4, 3, 1];

type M = Float64Array[];                        // a matrix as rows
const zeros = (r: number, c: number): M => Array.from({ length: r }, () => new Float64Array(c));
function matmul(A: M, B: M): M {                // A (r×k) @ B (k×c)
  const C = zeros(A.length, B[0].length);
  for (let i = 0; i < A.length; i++)
    for (let j = 0; j < B[0].length; j++) {
      let s = 0;
      for (let k = 0; k < B.length; k++) s += A[i][k] * B[k][j];
      C[i][j] = s;
    }
  return C;
}
const T = (A: M): M => Array.from({ length: A[0].length }, (_, j) => Float64Array.from(A, (row) => row[j]));

const sigmoid = (z: number) => 1 / (1 + Math.exp(-Math.min(500, Math.max(-500, z))));
const dsigmoid = (z: number) => (FIXED ? 1 : 2) * sigmoid(z) * (1 - sigmoid(z));
const relu = (z: number) => Math.max(0, z);
const drelu = (z: number) => (z > 0 ? 1 : 0);
const act = [relu, relu, sigmoid], dact = [drelu, drelu, dsigmoid];

// initialize(seed = 42): W[l] = randn(n_in, n_out)·0.1, b[l] = randn(1, n_out)·0.1
const rs = new RandomState(42);
const W: M[] = [], b: Float64Array[] = [];
for (let l = 0; l < 3; l++) {
  const w = rs.randn(sizes[l] * sizes[l + 1]);
  W.push(Array.from({ length: sizes[l] }, (_, i) => w.slice(i * sizes[l + 1], (i + 1) * sizes[l + 1]).map((v) => v * 0.1)));
  b.push(rs.randn(sizes[l + 1]).map((v) => v * 0.1));
}

const A0: M = X.map((r) => Float64Array.from(r));
const Y = y.map((v) => v);
const eps = 2.220446049250313e-16;
function forward() {
  const a: M[] = [A0], z: M[] = [];
  for (let l = 0; l < 3; l++) {
    const zl = matmul(a[l], W[l]).map((row) => row.map((v, j) => v + b[l][j]));
    z.push(zl);
    a.push(zl.map((row) => row.map(act[l])));
  }
  return { a, z };
}
function lossAndAccuracy(yhat: M) {
  let loss = 0, right = 0;
  for (let i = 0; i < n; i++) {
    const p = yhat[i][0];
    loss -= Y[i] * Math.log(Math.max(p, eps)) + (1 - Y[i]) * Math.log(Math.max(1 - p, eps));
    if ((p > 0.5 ? 1 : 0) === Y[i]) right++;
  }
  return { loss, acc: right / n };
}
const fmt = (v: number) => String(Number(v.toFixed(8)));

let { a, z } = forward();
let r = lossAndAccuracy(a[3]);
print(\`Before training - loss value \${fmt(r.loss)} accuracy \${r.acc}\`);
for (let epoch = 0; epoch < 150; epoch++) {
  ({ a, z } = forward());
  // backward: da[L] = dL/dyhat; dz = da ⊙ act'(z); dW = aᵀ dz; db = mean(dz); da[l−1] = dz Wᵀ
  let da: M = a[3].map((row, i) => row.map((p) => -Y[i] / Math.max(p, eps) + (1 - Y[i]) / Math.max(1 - p, eps)));
  const dW: M[] = [], db: Float64Array[] = [];
  for (let l = 2; l >= 0; l--) {
    const dz = da.map((row, i) => row.map((v, j) => v * dact[l](z[l][i][j])));
    dW[l] = matmul(T(a[l]), dz);
    db[l] = dz[0].map((_, j) => dz.reduce((s, row) => s + row[j], 0) / n);
    da = matmul(dz, T(W[l]));   // W[l]ᵀ: the layer's Jacobian carries the gradient back
  }
  for (let l = 0; l < 3; l++) {
    W[l].forEach((row, i) => row.forEach((_, j) => (row[j] -= 0.005 * dW[l][i][j])));
    b[l].forEach((_, j) => (b[l][j] -= 0.005 * db[l][j]));
  }
  r = lossAndAccuracy(a[3]);
  print(\`Iteration \${epoch} - loss value \${fmt(r.loss)} accuracy \${r.acc}\`);
}
`;

export const LESSON06 = `import { parse, diff, solve, criticalPoints, exprToString as str } from 'nabla';

// Extrema are where f'(x) = 0; the sign of f'' tells a maximum from a minimum.
const f = parse('x^3 - 2*x^2 + 1');
const d1 = diff(f, 'x');
print("f'(x) =", d1);
print("f'(x) = 0 at x =", solve(d1, 'x'));
for (const p of criticalPoints(f, 'x').points) {
  print(\`x = \${str(p.point.x)}: f(x) = \${str(p.value)}, \${p.kind} (\${p.test})\`);
}

// log x has no critical point: its derivative 1/x is never 0.
const g = criticalPoints(parse('log(x)'), 'x');
print('log x:', g.points.length, 'critical points;', g.reason);
`;

export const LESSON07 = `import { minimize, hardMarginSvm, numpyArrayString } from 'nabla';

// The listing: minimise a² + b² over w = (a, b, c), one constraint per point, with SLSQP.
// (0,0) is class −1: −c − 1 ≥ 0;  (1,2) and (2,1) are class +1: a + 2b + c − 1 ≥ 0, 2a + b + c − 1 ≥ 0.
const res = minimize((w) => w[0] ** 2 + w[1] ** 2, [1, 1, 1], {
  method: 'slsqp',
  bounds: [[-10, 10], [-10, 10], [-10, 10]],
  constraints: [
    { type: 'ineq', fun: (w) => -1 * w[2] - 1 },
    { type: 'ineq', fun: (w) => w[0] + 2 * w[1] + w[2] - 1 },
    { type: 'ineq', fun: (w) => 2 * w[0] + w[1] + w[2] - 1 },
  ],
});
print('Objective:', res.fun);
print('Solution:', numpyArrayString(res.x));   // NumPy's way of printing an array

// The same line as a support vector machine, solved exactly: multipliers α and support vectors.
const svm = hardMarginSvm([[0, 0], [1, 2], [2, 1]], [-1, 1, 1]);
print('exact: a =', svm.exact.w[0], ' b =', svm.exact.w[1], ' c =', svm.exact.b, ' objective', svm.exact.objective);
print('multipliers α:', svm.exact.alpha.join(', '), ' margin 1/|w| =', svm.margin);
`;

/** Starting code per lesson id. */
export const SOURCES: Record<number, string> = {
  1: LESSON01,
  2: LESSON02,
  3: LESSON03,
  4: LESSON04,
  5: LESSON05,
  6: LESSON06,
  7: LESSON07,
};
