// Plot benchmarks: re-rendering speed for the course's sliders (median of many runs).
//   lesson 3 quiver, 20×20 arrows coloured by magnitude: rebuild the mark + toSVG   target ≤ 16 ms
//   60×60 surface re-projected on drag: change azimuth + toSVG                       target ≤ 30 ms
// Also reports lesson 1's two-panel figure and PNG rendering (no target).
// Run: node bench/plot.mjs   (NABLA_DIST=/path/to/dist/index.js to use another build)
import { nabla as m } from './lib/common.mjs';
const { figure, quiver, surface, line } = m;

function median(f, runs = 60, warm = 10) {
  for (let i = 0; i < warm; i++) f(i);
  const t = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f(i);
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)];
}

const lin = (a, b, n) => Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
const report = (name, ms, target) => console.log(`${name.padEnd(46)} ${ms.toFixed(2).padStart(8)} ms${target ? `   (target ≤ ${target} ms: ${ms <= target ? 'ok' : 'MISSED'})` : ''}`);

// Quiver: the slider changes the field's parameter k, so the arrows are recomputed and redrawn.
{
  const g = lin(-10, 10, 20);
  const fig = figure({ width: 600, height: 560 });
  const ax = fig.axes(0, 0, { aspect: 'equal', colorbar: '|∇f|' });
  const ms = median((i) => {
    const k = 1 + (i % 10) / 10;
    const x = [], y = [], u = [], v = [], mag = [];
    for (const a of g) for (const b of g) {
      const fx = 2 * a, fy = 2 * k * b;
      x.push(a), y.push(b), u.push(fx), v.push(fy), mag.push(Math.hypot(fx, fy));
    }
    ax.clear().add(quiver({ x, y, u, v, color: mag, normalize: true }));
    return fig.toSVG();
  });
  report('quiver 20×20 re-render (lesson 3)', ms, 16);
}

// Surface: drag turns the camera; the mesh stays, only the projection and the sort change.
{
  const g = lin(-10, 10, 60);
  const z = new Float64Array(60 * 60);
  for (let i = 0; i < 60; i++) for (let j = 0; j < 60; j++) z[i * 60 + j] = g[i] ** 2 + g[j] ** 3;
  const fig = figure({ width: 640, height: 560 });
  const ax = fig.axes(0, 0, { colorbar: true }).add(surface({ x: g, y: g, z, maxGrid: 60 }));
  const ms = median((i) => {
    ax.view(-60 + (i % 36) * 10, 20 + (i % 5) * 5);
    return fig.toSVG();
  });
  report('surface 60×60 re-projected (drag)', ms, 30);
}

{
  const x = lin(-10, 10, 500);
  const build = () => {
    const fig = figure({ width: 960, height: 400, cols: 2 });
    fig.axes(0, 0, { title: 'y=f(x)' }).add(line({ x, y: x.map((v) => v * v) }));
    fig.axes(0, 1, { title: "y=f'(x)" }).add(line({ x, y: x.map((v) => 2 * v + 1e-4), stroke: 'red', opacity: 0.5, label: 'rate' }), line({ x, y: x.map((v) => 2 * v), stroke: 'blue', opacity: 0.5, label: 'rule' }));
    return fig;
  };
  report('lesson 1 two-panel figure, build + toSVG', median(() => build().toSVG()), null);
  if (typeof m.figurePNG === 'function') report('lesson 1 figure → PNG (resvg)', median(() => m.figurePNG(build()), 15, 3), null);
}
