/** Lesson 07's live figure (loaded after the page's first output). */
import { h, interactiveSvg } from '../dom.js';
import { para, section } from '../kit.js';
import { NablaError } from '../../../src/core/index.js';
import { loadLib } from '../live.js';
import type { Nabla } from '../lib.js';

interface Pt {
  x: number;
  y: number;
  c: -1 | 1;
}

export function live(): HTMLElement {
  const S = 440;
  const R = 4.5;
  const sx = (x: number): number => ((x + R) / (2 * R)) * S;
  const sy = (y: number): number => S - ((y + R) / (2 * R)) * S;
  const svg = interactiveSvg(S, 'drag the points; the maximum-margin line follows');
  const readout = h('div', { class: 'readout svm-readout', role: 'status' });
  const start: Pt[] = [
    { x: 0, y: 0, c: -1 },
    { x: 1, y: 2, c: 1 },
    { x: 2, y: 1, c: 1 },
  ];
  let pts: Pt[] = start.map((p) => ({ ...p }));
  let n: Nabla | null = null;
  let dragging = -1;

  function clipLine(a: number, b: number, c: number): [number, number, number, number] | null {
    // Points of a·x + b·y + c = 0 on the square [-R, R]²
    const out: Array<[number, number]> = [];
    if (Math.abs(b) > 1e-12) for (const x of [-R, R]) { const y = -(a * x + c) / b; if (Math.abs(y) <= R + 1e-9) out.push([x, y]); }
    if (Math.abs(a) > 1e-12) for (const y of [-R, R]) { const x = -(b * y + c) / a; if (Math.abs(x) <= R + 1e-9) out.push([x, y]); }
    if (out.length < 2) return null;
    return [sx(out[0]![0]), sy(out[0]![1]), sx(out[1]![0]), sy(out[1]![1])];
  }

  /** The square [−R, R]² clipped to the half-plane g(x, y) ≥ 0 (g affine), as SVG points. */
  function halfPlane(g: (x: number, y: number) => number, poly: Array<[number, number]> = [[-R, -R], [R, -R], [R, R], [-R, R]]): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    poly.forEach((p, i) => {
      const q = poly[(i + 1) % poly.length]!;
      const gp = g(p[0], p[1]);
      const gq = g(q[0], q[1]);
      if (gp >= 0) out.push(p);
      if (gp >= 0 !== gq >= 0) {
        const t = gp / (gp - gq);
        out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
      }
    });
    return out;
  }
  const polygon = (ps: Array<[number, number]>, fill: string): string =>
    ps.length > 2 ? `<polygon points="${ps.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ')}" fill="${fill}"/>` : '';
  /** An exact value as the solver gives it, or its decimal when the fraction is long. */
  const exact = (v: unknown, approx: number): string => (String(v).length <= 12 ? String(v) : `≈ ${approx.toFixed(4)}`);
  /** a·x + b·y + c = 0 with signs written properly: 0.6667·x + 0.6667·y − 1.0000 = 0. */
  const lineText = (a: number, b: number, c: number): string =>
    `${a.toFixed(4)}·x ${b < 0 ? '−' : '+'} ${Math.abs(b).toFixed(4)}·y ${c < 0 ? '−' : '+'} ${Math.abs(c).toFixed(4)} = 0`;

  function render(): void {
    let body = '';
    let text = '';
    let alpha: number[] = [];
    let lines = '';
    if (n) {
      try {
        const r = n.hardMarginSvm(
          pts.map((p) => [p.x, p.y]),
          pts.map((p) => p.c),
        );
        const [a, b] = r.w as [number, number];
        alpha = r.alpha;
        const g = (x: number, y: number): number => a * x + b * y + r.b;
        // Shaded half-planes (class +1 red, class −1 blue) and the margin band between them.
        body += polygon(halfPlane((x, y) => g(x, y) - 1), '#ffe3e3') + polygon(halfPlane((x, y) => -g(x, y) - 1), '#e7f5ff');
        body += polygon(halfPlane((x, y) => 1 - g(x, y), halfPlane((x, y) => g(x, y) + 1)), '#f1f3f5');
        for (const [off, dash] of [[0, ''], [1, '6 4'], [-1, '6 4']] as const) {
          const seg = clipLine(a, b, r.b - off);
          if (seg) lines += `<line x1="${seg[0]}" y1="${seg[1]}" x2="${seg[2]}" y2="${seg[3]}" stroke="#222" stroke-width="${off ? 1.2 : 2}" stroke-dasharray="${dash}"/>`;
        }
        text =
          `line: ${lineText(a, b, r.b)}    (exact: a = ${exact(r.exact.w[0], a)}, b = ${exact(r.exact.w[1], b)}, c = ${exact(r.exact.b, r.b)})\n` +
          `objective a² + b² = ${r.objective.toFixed(6)} (${exact(r.exact.objective, r.objective)}),  margin 1/|w| = ${r.margin.toFixed(4)}\n` +
          pts.map((p, i) => `  point (${p.x.toFixed(2)}, ${p.y.toFixed(2)}) class ${p.c > 0 ? '+1' : '−1'}: α = ${exact(r.exact.alpha[i], r.alpha[i]!)}${r.alpha[i]! > 1e-12 ? '  ← support vector' : ''}`).join('\n');
      } catch (e) {
        // Points that no line separates (or two classes not both present) are a library error with the reason.
        if (!(e instanceof NablaError)) throw e;
        text = `No separating line: ${e.message}`;
      }
    }
    for (let k = -4; k <= 4; k++) {
      body += `<line x1="${sx(k)}" y1="0" x2="${sx(k)}" y2="${S}" stroke="${k ? '#dde' : '#99a'}" stroke-opacity="${k ? 0.6 : 1}"/><line x1="0" y1="${sy(k)}" x2="${S}" y2="${sy(k)}" stroke="${k ? '#dde' : '#99a'}" stroke-opacity="${k ? 0.6 : 1}"/>`;
      if (k) body += `<text x="${sx(k)}" y="${sy(0) + 14}" text-anchor="middle" font-size="14" fill="#444">${k < 0 ? '−' : ''}${Math.abs(k)}</text><text x="${sx(0) - 5}" y="${sy(k) + 4}" text-anchor="end" font-size="14" fill="#444">${k < 0 ? '−' : ''}${Math.abs(k)}</text>`;
    }
    body += lines;
    pts.forEach((p, i) => {
      const sv = (alpha[i] ?? 0) > 1e-12;
      const fill = p.c > 0 ? '#e03131' : '#1c7ed6';
      if (sv) body += `<circle cx="${sx(p.x)}" cy="${sy(p.y)}" r="12" fill="none" stroke="${fill}" stroke-width="1.5"/>`;
      // The handle is a 32-unit target (≥ 24 px on a phone) around the visible 14-unit dot.
      body += `<circle class="handle" data-i="${i}" tabindex="0" role="slider" aria-label="point ${i + 1}, class ${p.c > 0 ? 'plus 1' : 'minus 1'}; arrow keys move it" aria-valuetext="(${p.x.toFixed(2)}, ${p.y.toFixed(2)})" cx="${sx(p.x)}" cy="${sy(p.y)}" r="16" fill="${fill}" fill-opacity="0.001"/>`;
      body += `<circle cx="${sx(p.x)}" cy="${sy(p.y)}" r="7" fill="${fill}" stroke="#fff" stroke-width="1.5" pointer-events="none"/>`;
      body += `<text x="${sx(p.x) + 10}" y="${sy(p.y) - 9}" font-size="15" fill="${fill}" pointer-events="none">${p.c > 0 ? '+' : '−'}</text>`;
    });
    const focused = (document.activeElement as Element | null)?.getAttribute?.('data-i');
    svg.innerHTML = body;
    if (focused) (svg.querySelector(`[data-i="${focused}"]`) as SVGElement | null)?.focus();
    readout.textContent = text;
  }

  const toData = (e: PointerEvent): [number, number] => {
    const rect = svg.getBoundingClientRect();
    const px = ((e.clientX - rect.left) / rect.width) * S;
    const py = ((e.clientY - rect.top) / rect.height) * S;
    const clamp = (v: number): number => Math.max(-R, Math.min(R, v));
    return [clamp((px / S) * 2 * R - R), clamp(R - (py / S) * 2 * R)];
  };
  svg.addEventListener('pointerdown', (e) => {
    const i = (e.target as Element).getAttribute('data-i');
    if (i === null) return;
    dragging = Number(i);
    svg.setPointerCapture(e.pointerId);
  });
  svg.addEventListener('pointermove', (e) => {
    if (dragging < 0) return;
    const [x, y] = toData(e);
    // A quarter grid: such coordinates are exact binary fractions, so the exact solution stays short.
    pts[dragging] = { ...pts[dragging]!, x: Math.round(x * 4) / 4, y: Math.round(y * 4) / 4 };
    render();
  });
  svg.addEventListener('pointerup', () => (dragging = -1));
  svg.addEventListener('keydown', (e) => {
    const i = (e.target as Element).getAttribute('data-i');
    const d: Record<string, [number, number]> = { ArrowLeft: [-0.25, 0], ArrowRight: [0.25, 0], ArrowUp: [0, 0.25], ArrowDown: [0, -0.25] };
    const m = d[e.key];
    if (i === null || !m) return;
    e.preventDefault();
    const p = pts[Number(i)]!;
    pts[Number(i)] = { ...p, x: Math.max(-R, Math.min(R, p.x + m[0])), y: Math.max(-R, Math.min(R, p.y + m[1])) };
    render();
  });
  const addBtn = h('button', { type: 'button', class: 'add-points' }, "Add the exercise's points");
  addBtn.addEventListener('click', () => {
    pts = [...start.map((p) => ({ ...p })), { x: -1, y: -1, c: -1 }, { x: -3, y: -1, c: -1 }, { x: 3, y: 3, c: 1 }];
    render();
  });
  const resetBtn = h('button', { type: 'button' }, 'Reset points');
  resetBtn.addEventListener('click', () => {
    pts = start.map((p) => ({ ...p }));
    render();
  });
  render();
  void loadLib().then((lib) => {
    n = lib;
    render();
  });
  return section(
    'Try it',
    para('<p>Drag a point (or focus it with <kbd>Tab</kbd> and use the arrow keys). The solid line is the maximum-margin line, the dashed lines the margins $w\\cdot x + c = \\pm1$; circled points are support vectors. Points outside the margin have $\\alpha = 0$ and can move freely without changing the line.</p>'),
    h('div', { class: 'controls' }, addBtn, resetBtn),
    h('figure', { class: 'live-figure' }, svg, readout),
  );
}
