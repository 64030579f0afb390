/** Lesson 01's live figure (loaded after the page's first output): the secant turning into the tangent. */
import { h } from '../dom.js';
import { figureBox, para, section, slider } from '../kit.js';
import { NablaError } from '../../../src/core/index.js';
import { diff, exprToString, lambdify } from '../../../src/symbolic/index.js';
import { clippedSamples, draw, fitPanels, grid, loadLib, numericFunction, panel, showInputError } from '../live.js';
import { onLeave, pageInterval } from '../lifecycle.js';

/**
 * Left: f with the secant through (x₀, f(x₀)) and (x₀ + δ, f(x₀ + δ)) and the tangent at x₀; as δ
 * shrinks (drag it, or press "δ → 0") the secant turns into the tangent. Right: the rate of change
 * with that δ next to the exact f′ from the CAS.
 */
export function live(): HTMLElement {
  const box = figureBox('Left: f, the secant through x₀ and x₀ + δ (red) and the tangent at x₀ (blue, dashed). Right: the rate of change with this δ (red) and the exact derivative from the CAS (blue).');
  box.body.setAttribute('role', 'img');
  box.body.setAttribute('aria-label', 'f with its secant and tangent at x0, and the rate of change against the derivative');
  const input = h('input', { type: 'text', value: 'x^2', 'aria-label': 'f(x)', class: 'expr', size: 24 });
  const msg = h('span', { class: 'status', role: 'status' });
  const err = h('pre', { class: 'error-slot', 'aria-live': 'polite' });
  let delta = 1;
  let x0 = 3;
  let render = (): void => {};
  const deltaSlider = slider('δ', { min: -4, max: 0.7, step: 0.05, value: 0, format: (v) => (10 ** v).toPrecision(2), valueText: (v) => `delta = ${(10 ** v).toPrecision(2)}` }, (v) => {
    delta = 10 ** v;
    render();
  });
  const x0Slider = slider('x₀', { min: -8, max: 8, step: 0.1, value: x0, format: (v) => v.toFixed(1) }, (v) => {
    x0 = v;
    render();
  });
  const play = h('button', { type: 'button', class: 'shrink' }, 'δ → 0');
  let stopAnim: (() => void) | null = null;
  play.addEventListener('click', () => {
    stopAnim?.();
    const range = deltaSlider.querySelector('input')!;
    let v = 0.7;
    stopAnim = pageInterval(() => {
      v -= 0.05;
      if (v < -3) {
        stopAnim?.();
        stopAnim = null;
        return;
      }
      range.value = String(v);
      range.dispatchEvent(new Event('input'));
    }, 60);
  });
  onLeave(() => stopAnim?.());
  void loadLib().then((n) => {
    let compiled: { f: (x: number) => number; der: (x: number) => number; text: string } | null = null;
    render = () => {
      if (compiled?.text !== input.value) {
        try {
          // f from the typed text and f′ from the CAS, both compiled by the library.
          const typed = numericFunction(input.value, ['x']);
          const d = diff(typed.expr, 'x');
          const dd = lambdify(d, ['x']);
          compiled = { f: (v) => typed.fn(v), der: (v) => dd(v), text: input.value };
          msg.textContent = `f′(x) = ${exprToString(d)}`;
          showInputError(err, null);
          box.body.classList.remove('stale');
        } catch (e) {
          if (!(e instanceof NablaError)) throw e;
          // The figure keeps the last good f, dimmed; the error shows under the field with its caret.
          showInputError(err, e.message);
          box.body.classList.add('stale');
          return;
        }
      }
      const { f, der } = compiled;
      const x = grid(-10, 10, 400);
      const fy = clippedSamples(x.map(f));
      const rate = clippedSamples(x.map((v) => (f(v + delta) - f(v)) / delta));
      const exact = x.map((v) => der(v));
      const y0 = f(x0);
      const y1 = f(x0 + delta);
      const slope = (y1 - y0) / delta;
      const t = der(x0);
      const L = fitPanels(box.body, { width: 860, height: 320, panels: 2 });
      draw(box, n, (n) => {
        const fig = n.figure({ ...L, id: 'live01' });
        const xs = [-10, 10];
        fig.axes(...panel(L, 0), { title: `secant slope ${slope.toPrecision(4)}, tangent slope ${t.toPrecision(4)}`, legend: 'top-left', ...(fy.domain ? { yDomain: fy.domain } : {}) }).add(
          n.line({ x, y: fy.y, label: 'f' }),
          n.line({ x: xs, y: xs.map((v) => y0 + slope * (v - x0)), stroke: 'red', label: 'secant' }),
          n.line({ x: xs, y: xs.map((v) => y0 + t * (v - x0)), stroke: 'blue', dash: 'dashed', label: 'tangent' }),
          n.scatter({ x: [x0, x0 + delta], y: [y0, y1], r: 4, fill: 'red' }),
        );
        fig.axes(...panel(L, 1), { title: `rate with δ = ${delta.toPrecision(2)}`, legend: 'top-left', ...(rate.domain ? { yDomain: rate.domain } : {}) }).add(
          n.line({ x, y: rate.y, stroke: 'red', opacity: 0.6, label: 'rate' }),
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
    para('<p>Shrink δ (drag it, or press <em>δ → 0</em>): the secant through $x_0$ and $x_0 + \\delta$ turns into the tangent, and the red rate curve settles onto the blue derivative (for $x^2$ they differ by exactly $\\delta$). Type another $f$, such as <code>sin(x)</code> or <code>x^3 - 2x^2 + 1</code>.</p>'),
    h('div', { class: 'controls' }, h('label', { class: 'slider' }, h('span', {}, 'f(x) ='), input), deltaSlider, x0Slider, play, msg),
    err,
    box.el,
  );
}
