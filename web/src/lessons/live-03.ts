/** Lesson 03's live figure (loaded after the page's first output). */
import { h, interactiveSvg, svgChild } from '../dom.js';
import { figureBox, section } from '../kit.js';
import { draw, fitPanels, grid, loadLib } from '../live.js';
import type { Nabla } from '../lib.js';

const f = (x: number, y: number): number => x * x + y ** 3;

export function live(): HTMLElement {
  const surf = figureBox('Drag (or use the arrow keys) to turn the surface z = x² + y³.');
  surf.body.tabIndex = 0;
  surf.body.setAttribute('role', 'img');
  surf.body.setAttribute('aria-label', 'surface of x squared plus y cubed; drag or use arrow keys to rotate');
  let az = -60;
  let el = 30;
  let n: Nabla | null = null;
  // A 30 × 30 surface at rest; 14 × 14 while it turns, so each frame stays well under 50 ms.
  const mesh = (k: number): { g: Float64Array; z: Float64Array } => {
    const g = grid(-10, 10, k);
    const z = new Float64Array(k * k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) z[i * k + j] = f(g[i]!, g[j]!);
    return { g, z };
  };
  const fine = mesh(30);
  const coarse = mesh(14);
  let queued = false;
  const redraw = (): void => {
    if (!n || queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      const { g, z } = drag ? coarse : fine;
      draw(surf, n!, (n) => {
        const fig = n.figure({ ...fitPanels(surf.body, { width: 460, height: 400, panels: 1 }), id: 'live03s' });
        fig.axes(0, 0, { title: `azimuth ${Math.round(az)}°, elevation ${Math.round(el)}°`, azimuth: az, elevation: el }).add(n.surface({ x: g, y: g, z }));
        return fig;
      });
    });
  };
  let drag: { x: number; y: number } | null = null;
  surf.body.addEventListener('pointerdown', (e) => {
    drag = { x: e.clientX, y: e.clientY };
    surf.body.setPointerCapture(e.pointerId);
  });
  surf.body.addEventListener('pointermove', (e) => {
    if (!drag) return;
    az -= (e.clientX - drag.x) * 0.5;
    el = Math.max(-90, Math.min(90, el + (e.clientY - drag.y) * 0.3));
    drag = { x: e.clientX, y: e.clientY };
    redraw();
  });
  surf.body.addEventListener('pointerup', () => {
    drag = null;
    redraw();
  });
  surf.body.addEventListener('keydown', (e) => {
    const k = e.key;
    if (k === 'ArrowLeft') az += 5;
    else if (k === 'ArrowRight') az -= 5;
    else if (k === 'ArrowUp') el = Math.min(90, el + 5);
    else if (k === 'ArrowDown') el = Math.max(-90, el - 5);
    else return;
    e.preventDefault();
    redraw();
  });
  void loadLib().then((lib) => {
    n = lib;
    redraw();
  });
  surf.body.style.touchAction = 'none';
  return section(
    'Try it',
    h('div', { class: 'split' }, surf.el, gradientPanel()),
  );
}

/** Click a point: its gradient arrow, and the direction the 0.1° search finds. */
function gradientPanel(): HTMLElement {
  const S = 420;
  const P = 20;
  const sx = (x: number): number => P + ((x + 10) / 20) * (S - 2 * P);
  const sy = (y: number): number => S - P - ((y + 10) / 20) * (S - 2 * P);
  const svg = interactiveSvg(S, 'gradient field; click a point to see its gradient', { tabindex: '0', role: 'img' });
  const field = svgChild('g');
  const marks = svgChild('g');
  svg.append(field, marks);
  const readout = h('p', { class: 'readout', role: 'status' }, 'Click a point in the field.');
  const sel = h('select', { 'aria-label': 'vector field' }, h('option', { value: 'true' }, 'true gradient (2x, 3y²)'), h('option', { value: 'listing' }, "the listing's field (2x, 2y)"));
  let point = { x: 2, y: 3 };

  function arrow(x1: number, y1: number, x2: number, y2: number, color: string, w: number): string {
    const a = Math.atan2(y2 - y1, x2 - x1);
    const hl = 4 + w * 2;
    const p1 = `${x2 - hl * Math.cos(a - 0.4)},${y2 - hl * Math.sin(a - 0.4)}`;
    const p2 = `${x2 - hl * Math.cos(a + 0.4)},${y2 - hl * Math.sin(a + 0.4)}`;
    return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${color}" stroke-width="${w}"/><polygon points="${x2},${y2} ${p1} ${p2}" fill="${color}"/>`;
  }
  function drawField(): void {
    const listing = sel.value === 'listing';
    let out = `<rect x="${P}" y="${P}" width="${S - 2 * P}" height="${S - 2 * P}" fill="#fafbff" stroke="#ccd"/>`;
    for (const x of grid(-9.5, 9.5, 14)) {
      for (const y of grid(-9.5, 9.5, 14)) {
        const u = 2 * x;
        const v = listing ? 2 * y : 3 * y * y;
        const len = Math.hypot(u, v) || 1;
        const t = Math.min(1, Math.log10(1 + len) / 2.5);
        const col = `hsl(${260 - 200 * t}, 70%, 45%)`;
        out += arrow(sx(x), sy(y), sx(x) + (u / len) * 11, sy(y) - (v / len) * 11, col, 1);
      }
    }
    field.innerHTML = out;
  }
  function drawPoint(): void {
    const { x, y } = point;
    const gx = 2 * x;
    const gy = 3 * y * y;
    // The listing's search: every 0.1° with dx = sin θ, dy = cos θ, step 1e-4.
    let best = -Infinity;
    let bestAngle = 0;
    for (let k = 0; k < 3600; k++) {
      const rad = (k * 0.1 * Math.PI) / 180;
      const df = (f(x + Math.sin(rad) * 1e-4, y + Math.cos(rad) * 1e-4) - f(x, y)) / 1e-4;
      if (df > best) [best, bestAngle] = [df, k * 0.1];
    }
    const len = Math.hypot(gx, gy) || 1;
    const L = 60;
    const r = (bestAngle * Math.PI) / 180;
    // Gradient descent from the point: (x, y) ← (x, y) − η∇f, η = 0.05, until it leaves the field.
    const path: Array<[number, number]> = [[x, y]];
    for (let k = 0; k < 60; k++) {
      const [px, py] = path[path.length - 1]!;
      const q: [number, number] = [px - 0.05 * 2 * px, py - 0.05 * 3 * py * py];
      if (!(Math.abs(q[0]) <= 10 && Math.abs(q[1]) <= 10)) break;
      path.push(q);
    }
    const descent =
      `<polyline points="${path.map(([a, b]) => `${sx(a).toFixed(1)},${sy(b).toFixed(1)}`).join(' ')}" fill="none" stroke="#7048e8" stroke-width="2"/>` +
      path.map(([a, b]) => `<circle cx="${sx(a).toFixed(1)}" cy="${sy(b).toFixed(1)}" r="2.2" fill="#7048e8"/>`).join('');
    marks.innerHTML =
      descent +
      arrow(sx(x), sy(y), sx(x) + Math.sin(r) * L, sy(y) - Math.cos(r) * L, '#f08c00', 6) +
      arrow(sx(x), sy(y), sx(x) + (gx / len) * L, sy(y) - (gy / len) * L, '#c92a2a', 2.5) +
      `<circle cx="${sx(x)}" cy="${sy(y)}" r="4" fill="#000"/>`;
    readout.textContent =
      `at (${x.toFixed(2)}, ${y.toFixed(2)}):  ∇f = (2x, 3y²) = (${gx.toFixed(3)}, ${gy.toFixed(3)}),  |∇f| = ${len.toFixed(3)}\n` +
      `search: max rate of change at ${bestAngle.toFixed(1)} degrees, rate ${best.toFixed(3)}\n` +
      `(red: the gradient; orange: the direction the search found; purple: gradient descent from here, η = 0.05, ${path.length - 1} steps${path.length < 61 ? ', until it left the field' : ''})`;
  }
  // Drag the start point (or click anywhere): the gradient and the descent path follow.
  let dragging = false;
  svg.addEventListener('pointerdown', (e) => {
    dragging = true;
    svg.setPointerCapture(e.pointerId);
  });
  svg.addEventListener('pointerup', () => (dragging = false));
  svg.addEventListener('pointermove', (e) => {
    if (dragging) svg.dispatchEvent(new MouseEvent('click', { clientX: e.clientX, clientY: e.clientY }));
  });
  svg.addEventListener('click', (e) => {
    const rect = svg.getBoundingClientRect();
    const px = ((e.clientX - rect.left) / rect.width) * S;
    const py = ((e.clientY - rect.top) / rect.height) * S;
    const x = ((px - P) / (S - 2 * P)) * 20 - 10;
    const y = ((S - P - py) / (S - 2 * P)) * 20 - 10;
    if (Math.abs(x) > 10 || Math.abs(y) > 10) return;
    point = { x, y };
    drawPoint();
  });
  svg.addEventListener('keydown', (e) => {
    const d: Record<string, [number, number]> = { ArrowLeft: [-0.5, 0], ArrowRight: [0.5, 0], ArrowUp: [0, 0.5], ArrowDown: [0, -0.5] };
    const m = d[e.key];
    if (!m) return;
    e.preventDefault();
    point = { x: Math.max(-10, Math.min(10, point.x + m[0])), y: Math.max(-10, Math.min(10, point.y + m[1])) };
    drawPoint();
  });
  sel.addEventListener('change', drawField);
  drawField();
  drawPoint();
  return h('figure', { class: 'live-figure' }, h('div', { class: 'controls' }, sel), svg, readout, h('figcaption', {}, 'Click or drag a point (or focus the field and use the arrow keys): its gradient, the direction the search finds, and gradient descent from it.'));
}
