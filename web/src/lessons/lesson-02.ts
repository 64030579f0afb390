/** Lesson 02: integration as a running sum. */
import { h } from '../dom.js';
import { cell, exercisesSection, referenceOutput, figureBox, para, section, slider } from '../kit.js';
import { draw, loadLib } from '../live.js';
import { SOURCES } from './sources.js';


export function render(root: HTMLElement): void {
  root.append(
    section(
      'The idea',
      para(`<p>Integration runs differentiation backwards. Cut $[a, x]$ into steps of width $\\delta x$ and add up thin rectangles:
$$F(x) \\approx \\sum_{x_i \\le x} f(x_i)\\,\\delta x \\;\\xrightarrow{\\;\\delta x\\to 0\\;}\\; \\int_a^x f(t)\\,dt.$$
The running sum grows fastest where $f$ is large, so its slope is $f$: $F'(x) = f(x)$. Any two antiderivatives differ by a constant, so we write $\\int 2x\\,dx = x^2 + C$.</p>`),
    ),
    section(
      'The code',
      para('<p>$f(x) = 2x$ on <code>arange(-10, 10, 0.1)</code> (200 points); <code>cumsum</code> adds up $f(x)\\,\\delta x$. The curve is the parabola $x^2$ shifted down by about $100$, because the sum starts at $x=-10$ instead of $0$.</p>'),
      cell(2, SOURCES[2]!, { title: 'lesson 02 — integral as a running sum' }).root,
      referenceOutput(2),
    ),
    liveFigure(),
    exercisesSection(2),
  );
}

function liveFigure(): HTMLElement {
  const box = figureBox('Blue: the running sum of 2x·δx from −10. Orange dashed: x² − 100, the antiderivative through the same start.');
  let dx = 0.1;
  let render = (): void => {};
  const sl = slider('δx', { min: 0.02, max: 2, step: 0.02, value: 0.1, format: (v) => v.toFixed(2) }, (v) => {
    dx = v;
    render();
  });
  const readout = h('span', { class: 'readout', role: 'status' });
  void loadLib().then((n) => {
    render = () => {
      const xs: number[] = [];
      for (let i = 0; -10 + i * dx < 10 - 1e-12; i++) xs.push(-10 + i * dx);
      const ys: number[] = [];
      let s = 0;
      for (const x of xs) ys.push((s += 2 * x * dx));
      const exact = xs.map((x) => x * x - 100);
      let gap = 0;
      xs.forEach((_, i) => (gap = Math.max(gap, Math.abs(ys[i]! - exact[i]!))));
      readout.textContent = `${xs.length} rectangles; largest gap to x² − 100: ${gap.toFixed(2)}`;
      draw(box, n, (n) => {
        const fig = n.figure({ width: 600, height: 360, id: 'live02' });
        fig.axes(0, 0, { title: `running sum with δx = ${dx.toFixed(2)}`, legend: 'top-right' }).add(
          n.line({ x: xs, y: ys, label: 'Σ f(x)·δx' }),
          n.line({ x: xs, y: exact, dash: 'dashed', label: 'x² − 100' }),
        );
        return fig;
      });
    };
    render();
  });
  return section(
    'Try it',
    para('<p>Make $\\delta x$ coarse: the staircase sum drifts from the true antiderivative by about $\\delta x\\,(x+10)$, and the gap closes as $\\delta x \\to 0$.</p>'),
    h('div', { class: 'controls' }, sl, readout),
    box.el,
  );
}
