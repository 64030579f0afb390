/** Lesson 01: differential calculus. */
import { h } from '../dom.js';
import { cell, exercisesSection, referenceOutput, figureBox, para, section, slider } from '../kit.js';
import { NablaError } from '../../../src/core/index.js';
import { diff, exprToString, lambdify } from '../../../src/symbolic/index.js';
import { draw, grid, loadLib, numericFunction } from '../live.js';
import { SOURCES } from './sources.js';


export function render(root: HTMLElement): void {
  root.append(
    section(
      'The idea',
      para(`<p>How fast does $f$ change at $x$? Move a little, by $\\delta$, and divide the change by the step:
$$\\frac{f(x+\\delta) - f(x)}{\\delta}.$$
This <em>rate of change</em> depends on $\\delta$. The <strong>derivative</strong> is what it tends to as $\\delta$ shrinks:
$$f'(x) = \\lim_{\\delta\\to 0} \\frac{f(x+\\delta)-f(x)}{\\delta}.$$
For $f(x)=x^2$ the rate is $\\frac{(x+\\delta)^2 - x^2}{\\delta} = 2x + \\delta$, so $f'(x) = 2x$. In general the <strong>power rule</strong> says $\\frac{d}{dx}x^n = n\\,x^{n-1}$.</p>`),
    ),
    section(
      'The code',
      para('<p>The listing samples $f(x)=x^2$ at 500 points of $[-10, 10]$ and computes $f\'$ two ways: by the rate of change with $\\delta = 10^{-4}$ (red) and by the rule $2x$ (blue). Edit it and press <kbd>Run</kbd> (or <kbd>Ctrl</kbd>+<kbd>Enter</kbd>).</p>'),
      cell(1, SOURCES[1]!, { title: 'lesson 01 — rate of change vs. power rule' }).root,
      referenceOutput(1),
      para('<p>The two curves coincide: the largest gap on the grid is $10^{-4}$, exactly $\\delta$, as the algebra above predicts.</p>'),
    ),
    liveFigure(),
    exercisesSection(1),
  );
}

/** A slider for δ and a field for f: the rate curve drifts away from f′ as δ grows. */
function liveFigure(): HTMLElement {
  const box = figureBox('Red: the rate of change with the chosen δ. Blue: the exact derivative (from the CAS).');
  const input = h('input', { type: 'text', value: 'x^2', 'aria-label': 'f(x)', class: 'expr', size: 24 });
  const msg = h('span', { class: 'status', role: 'status' });
  let delta = 1;
  let render = (): void => {};
  const sl = slider('δ', { min: -4, max: 0.7, step: 0.05, value: 0, format: (v) => (10 ** v).toPrecision(2) }, (v) => {
    delta = 10 ** v;
    render();
  });
  void loadLib().then((n) => {
    render = () => {
      let f: (x: number) => number;
      let der: (x: number) => number;
      try {
        // f from the typed text and f' from the CAS, both compiled by the library.
        const typed = numericFunction(input.value, ['x']);
        const d = diff(typed.expr, 'x');
        f = (v) => typed.fn(v);
        const dd = lambdify(d, ['x']);
        der = (v) => dd(v);
        msg.textContent = `f′(x) = ${exprToString(d)}`;
      } catch (e) {
        if (!(e instanceof NablaError)) throw e;
        msg.textContent = e.message;
        return;
      }
      const x = grid(-10, 10, 400);
      const rate = x.map((v) => (f(v + delta) - f(v)) / delta);
      const exact = x.map((v) => der(v));
      draw(box, n, (n) => {
        const fig = n.figure({ width: 860, height: 320, cols: 2, id: 'live01' });
        fig.axes(0, 0, { title: 'y=f(x)' }).add(n.line({ x, y: x.map(f) }));
        fig.axes(0, 1, { title: `rate with δ = ${delta.toPrecision(2)}`, legend: 'top-left' }).add(
          n.line({ x, y: rate, stroke: 'red', opacity: 0.6, label: 'rate' }),
          n.line({ x, y: exact, stroke: 'blue', opacity: 0.6, label: "f'(x)" }),
        );
        return fig;
      });
    };
    render();
  });
  input.addEventListener('input', () => render());
  return section(
    'Try it',
    para('<p>Drag δ up: the red curve drifts off the blue one (for $x^2$ by exactly $\\delta$). Type another $f$, such as <code>sin(x)</code> or <code>x^3 - 2x^2 + 1</code>.</p>'),
    h('div', { class: 'controls' }, h('label', { class: 'slider' }, h('span', {}, 'f(x) ='), input), sl, msg),
    box.el,
  );
}
