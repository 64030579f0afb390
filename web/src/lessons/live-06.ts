/** Lesson 06's live figure (loaded after the page's first output). */
import { h } from '../dom.js';
import { figureBox, para, section, slider } from '../kit.js';
import { draw, fitPanels, grid, loadLib } from '../live.js';
import { NablaError } from '../../../src/core/index.js';
import { diff, parse, type Expr } from '../../../src/symbolic/index.js';
import { criticalPoints1D, evalAt, text, type CriticalPoint1D } from '../cas.js';
import type { Nabla } from '../lib.js';

export function live(): HTMLElement {
  const box = figureBox("The curve, its critical points with their kind, the tangent at the chosen x (its slope is f′(x)), and gradient descent from there (purple).");
  const input = h('input', { type: 'text', class: 'expr', value: 'x^3 - 2x^2 + 1', size: 26, 'aria-label': 'f(x)' });
  const readout = h('p', { class: 'readout critical-readout', role: 'status' });
  let x0 = 2;
  let n: Nabla | null = null;
  let memo: { text: string; f: Expr; d1: Expr; crit: CriticalPoint1D[]; more: boolean } | null = null;
  let render = (): void => {};
  const sl = slider('x', { min: -2, max: 3.5, step: 0.01, value: x0, format: (v) => v.toFixed(2) }, (v) => {
    x0 = v;
    render();
  });
  let eta = 0.1;
  const etaSl = slider('η', { min: 0.01, max: 0.7, step: 0.01, value: eta, format: (v) => v.toFixed(2), valueText: (v) => `learning rate ${v.toFixed(2)}` }, (v) => {
    eta = v;
    render();
  });
  const descentOut = h('p', { class: 'readout descent-readout', role: 'status' });
  render = () => {
    if (!n) return;
    // Parsing and solving happen once per typed function; dragging only redraws.
    if (memo?.text !== input.value) {
      try {
        const f = parse(input.value);
        const d1 = diff(f, 'x');
        const c = criticalPoints1D(f, 'x', -10, 10);
        memo = { text: input.value, f, d1, crit: c.points, more: c.more };
      } catch (e) {
        // ParseError carries the position and a caret line; other library errors say what failed.
        if (!(e instanceof NablaError)) throw e;
        readout.textContent = e.message;
        return;
      }
    }
    const { f, d1, crit, more } = memo;
    const xs = grid(-2, 3.5, 300);
    const ys = xs.map((v) => evalAt(f, { x: v }));
    const y0 = evalAt(f, { x: x0 });
    const s0 = evalAt(d1, { x: x0 });
    const finite = [...ys].filter(Number.isFinite);
    const lo = Math.min(...finite);
    const hi = Math.max(...finite);
    const pad = (hi - lo) * 0.1 || 1;
    readout.textContent =
      `f'(x) = ${text(d1)};  at x = ${x0.toFixed(2)}: f = ${y0.toFixed(4)}, slope f'(x) = ${s0.toFixed(4)}\n` +
      (crit.length
        ? crit.map((c) => `critical point x = ${c.exact ?? c.x.toFixed(6)}: ${c.kind}${c.corner ? " (a corner: f' changes sign without being 0)" : ''}`).join('\n') +
          (more ? "\n… and more: f' changes sign faster than the scan resolves" : '')
        : "no critical points: f'(x) is never 0 on [-10, 10]");
    // Gradient descent from the chosen x: x ← x − η·f′(x), 25 steps, stopped if it leaves the plot.
    const path: number[] = [x0];
    for (let k = 0; k < 25; k++) {
      const x = path[path.length - 1]!;
      const next = x - eta * evalAt(d1, { x });
      if (!Number.isFinite(next) || next < -2 || next > 3.5) break;
      path.push(next);
    }
    const end = path[path.length - 1]!;
    descentOut.textContent =
      `gradient descent from x = ${x0.toFixed(2)} with η = ${eta.toFixed(2)}: ${path.length - 1} steps, ` +
      (path.length < 26 ? 'it left the plotted range' : `now at x = ${end.toFixed(4)}, f'(x) = ${evalAt(d1, { x: end }).toFixed(4)}`);
    draw(box, n, (nb) => {
      const fig = nb.figure({ ...fitPanels(box.body, { width: 640, height: 380, panels: 1 }), id: 'live06' });
      const ax = fig.axes(0, 0, { title: `f(x) = ${input.value}`, yDomain: [lo - pad, hi + pad], xDomain: [-2, 3.5] });
      ax.add(nb.line({ x: xs, y: ys, label: 'f' }));
      const tx = [x0 - 1, x0 + 1];
      ax.add(nb.line({ x: tx, y: tx.map((t) => y0 + s0 * (t - x0)), stroke: '#f08c00', dash: 'dashed', label: 'tangent' }));
      ax.add(nb.line({ x: path, y: path.map((v) => evalAt(f, { x: v })), stroke: '#7048e8', label: 'descent' }));
      ax.add(nb.scatter({ x: path, y: path.map((v) => evalAt(f, { x: v })), fill: '#7048e8', r: 2.5 }));
      ax.add(nb.scatter({ x: [x0], y: [y0], fill: '#f08c00', r: 5 }));
      for (const c of crit) {
        if (c.x < -2 || c.x > 3.5) continue;
        ax.add(nb.annotate(c.kind.replace(', not an extremum', ''), c.x, evalAt(f, { x: c.x }), { color: c.kind.includes('max') ? '#c92a2a' : '#2b8a3e' }));
      }
      return fig;
    });
  };
  input.addEventListener('input', () => render());
  // Drag along the curve: the plot's frame rectangle maps the pointer to x on [-2, 3.5].
  let dragging = false;
  const moveTo = (clientX: number): void => {
    const frame = box.body.querySelector('rect.frame');
    if (!frame) return;
    const r = frame.getBoundingClientRect();
    const v = Math.round((-2 + ((clientX - r.left) / r.width) * 5.5) * 100) / 100;
    x0 = Math.max(-2, Math.min(3.5, v));
    const range = sl.querySelector('input')!;
    range.value = String(x0);
    range.dispatchEvent(new Event('input'));
  };
  box.body.style.touchAction = 'none';
  box.body.style.cursor = 'ew-resize';
  box.body.addEventListener('pointerdown', (e) => {
    dragging = true;
    box.body.setPointerCapture(e.pointerId);
    moveTo(e.clientX);
  });
  box.body.addEventListener('pointermove', (e) => dragging && moveTo(e.clientX));
  box.body.addEventListener('pointerup', () => (dragging = false));
  void loadLib().then((lib) => {
    n = lib;
    render();
  });
  return section(
    'Try it',
    para('<p>Drag along the curve (or use the $x$ slider): the tangent flattens at the critical points. From the point you choose, <strong>gradient descent</strong> steps $x \\leftarrow x - \\eta\\,f\'(x)$ downhill (purple) and settles in a local minimum; make $\\eta$ large and it overshoots. Type another $f$, e.g. <code>log(x)</code> (no critical point) or <code>x^4 - 2x^2</code>.</p>'),
    h('div', { class: 'controls' }, h('label', { class: 'slider' }, h('span', {}, 'f(x) ='), input), sl, etaSl),
    readout,
    descentOut,
    box.el,
  );
}
