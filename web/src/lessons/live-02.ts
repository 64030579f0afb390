/** Lesson 02's live figure (loaded after the page's first output): rectangles filling the area. */
import { h } from '../dom.js';
import { figureBox, para, section, slider } from '../kit.js';
import { draw, fitPanels, loadLib, panel } from '../live.js';

/**
 * Left: f(x) = 2x with the rectangles f(xᵢ)·δx from −10 up to the chosen x. Right: their running
 * sum against x² − 100, the antiderivative through the same start. The sum is exactly
 * (x + 10 + δx)(x − 10) at a grid point x, so it differs from x² − 100 by δx·(x − 10): most at the
 * left end (−20·δx, the first rectangle counts before any area is covered) and 0 at x = 10.
 */
export function live(): HTMLElement {
  const box = figureBox('Left: f(x) = 2x and the rectangles f(xᵢ)·δx from −10 to the chosen x (area below the axis counts negative). Right: their running sum (blue) and x² − 100 (orange, dashed), the antiderivative through the same start.');
  box.body.setAttribute('role', 'img');
  box.body.setAttribute('aria-label', 'rectangles under 2x and their running sum against x squared minus 100');
  let dx = 1;
  let upTo = 4;
  let render = (): void => {};
  const sl = slider('δx', { min: 0.02, max: 2, step: 0.02, value: dx, format: (v) => v.toFixed(2) }, (v) => {
    dx = v;
    render();
  });
  const upSl = slider('up to x', { min: -10, max: 10, step: 0.1, value: upTo, format: (v) => v.toFixed(1) }, (v) => {
    upTo = v;
    render();
  });
  const readout = h('p', { class: 'readout riemann-readout', role: 'status' });
  void loadLib().then((n) => {
    render = () => {
      const xs: number[] = [];
      for (let i = 0; -10 + i * dx < 10 - 1e-12; i++) xs.push(-10 + i * dx);
      const sums: number[] = [];
      let s = 0;
      for (const x of xs) sums.push((s += 2 * x * dx));
      const exact = xs.map((x) => x * x - 100);
      // The rectangles up to the chosen x: a staircase band, with its outline drawn down to the axis.
      const inRange = xs.filter((x) => x <= upTo + 1e-9);
      const sx: number[] = [];
      const sy: number[] = [];
      const ox: number[] = [];
      const oy: number[] = [];
      for (const x of inRange) {
        sx.push(x, x + dx);
        sy.push(2 * x, 2 * x);
        ox.push(x, x, x + dx, x + dx);
        oy.push(0, 2 * x, 2 * x, 0);
      }
      const k = inRange.length;
      const last = k ? inRange[k - 1]! : -10;
      const S = k ? sums[k - 1]! : 0;
      readout.textContent =
        `${k} rectangles of width ${dx.toFixed(2)} up to x = ${last.toFixed(2)}: Σ f(xᵢ)·δx = ${S.toFixed(3)}\n` +
        `exact ∫ from −10 of 2t dt = x² − 100 = ${(last * last - 100).toFixed(3)};  gap ${(S - (last * last - 100)).toFixed(3)} = δx·(x − 10)`;
      const L = fitPanels(box.body, { width: 860, height: 340, panels: 2 });
      draw(box, n, (n) => {
        const fig = n.figure({ ...L, id: 'live02' });
        const line = [-10, 10 + dx];
        const a = fig.axes(...panel(L, 0), { title: `${k} rectangles, δx = ${dx.toFixed(2)}`, xDomain: [-10.5, 10.5 + dx], yDomain: [-22, 22] });
        if (k) a.add(n.area({ x: sx, y: sy, fill: '#4dabf7', opacity: 0.45, edge: false }), n.line({ x: ox, y: oy, stroke: '#1c7ed6', strokeWidth: 1 }));
        a.add(n.line({ x: line, y: line.map((v) => 2 * v), stroke: '#222', label: 'f(x) = 2x' }));
        fig.axes(...panel(L, 1), { title: `running sum with δx = ${dx.toFixed(2)}`, legend: 'top-right' }).add(
          n.line({ x: xs, y: sums, label: 'Σ f(xᵢ)·δx' }),
          n.line({ x: xs, y: exact, dash: 'dashed', label: 'x² − 100' }),
          n.scatter({ x: [last], y: [S], r: 4, fill: '#1c7ed6' }),
        );
        return fig;
      });
    };
    render();
  });
  return section(
    'Try it',
    para(
      '<p>The rectangles $f(x_i)\\,\\delta x$ fill the area under $f$; their running sum follows $x^2 - 100$. Exactly: at a grid point $x$ the sum is $(x + 10 + \\delta x)(x - 10)$, so it differs from $x^2 - 100$ by $\\delta x\\,(x - 10)$. The gap is largest at the left end ($-20\\,\\delta x$: the first rectangle is counted before any area is covered), closes toward $x = 10$, and vanishes everywhere as $\\delta x \\to 0$.</p>',
    ),
    h('div', { class: 'controls' }, sl, upSl),
    readout,
    box.el,
  );
}
