/** Lesson 07: the support vector machine as constrained optimization. */
import { h, interactiveSvg } from '../dom.js';
import { cell, exercisesSection, referenceOutput, para, quirk, section } from '../kit.js';
import { NablaError } from '../../../src/core/index.js';
import { loadLib } from '../live.js';
import type { Nabla } from '../lib.js';
import { SOURCES } from './sources.js';


export function render(root: HTMLElement): void {
  root.append(
    section(
      'The idea',
      para(`<p>A line $w\\cdot x + c = 0$ separates two classes labelled $y_i = \\pm1$ if $y_i(w\\cdot x_i + c) > 0$ for every point. Scale $w, c$ so the closest points have $y_i(w\\cdot x_i + c) = 1$; the gap between the lines $w\\cdot x + c = \\pm 1$ is then $2/|w|$. The widest gap solves
$$\\min_{w,c}\\; |w|^2 \\quad\\text{subject to}\\quad y_i(w\\cdot x_i + c) - 1 \\ge 0 \\text{ for all } i.$$
With <strong>Lagrange multipliers</strong> $\\alpha_i \\ge 0$, the optimum has $w = \\sum_i \\alpha_i y_i x_i$, and $\\alpha_i > 0$ only for points on the margin: the <em>support vectors</em>.</p>`),
    ),
    section(
      'The code',
      para('<p>The listing minimises $a^2 + b^2$ over $(a, b, c)$ with one constraint per point: $(0,0)$ in class $-1$, $(1,2)$ and $(2,1)$ in class $+1$. The exact answer is $a = b = \\frac23$, $c = -1$, objective $\\frac89$, and all three points are support vectors with $\\alpha = (\\frac49, \\frac29, \\frac29)$. The cell solves it as the listing does, with SLSQP (nabla\'s <code>minimize</code>), then exactly (with fractions) as an SVM with <code>hardMarginSvm</code>.</p>'),
      cell(7, SOURCES[7]!, { title: 'lesson 07 — the maximum-margin line' }).root,
      referenceOutput(7),
      quirk('<p><strong>About the original listing.</strong> SciPy\'s SLSQP prints <code>Objective: 0.8888888888888942</code> (SciPy 1.17 prints …917) and nabla\'s prints its own last digits: an iterative solver stops within its tolerance, so only the first ~14 digits mean anything. The exact optimum is $8/9$. Its multipliers for the scaled problem are $(\\frac89, \\frac49, \\frac49)$ — twice the SVM\'s $\\alpha$, because it minimises $|w|^2$ rather than $\\frac12|w|^2$.</p>'),
    ),
    liveSection(),
    exercisesSection(7),
  );
}

interface Pt {
  x: number;
  y: number;
  c: -1 | 1;
}

function liveSection(): HTMLElement {
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

  function render(): void {
    let body = '';
    for (let k = -4; k <= 4; k++) {
      body += `<line x1="${sx(k)}" y1="0" x2="${sx(k)}" y2="${S}" stroke="${k ? '#eef' : '#bbc'}"/><line x1="0" y1="${sy(k)}" x2="${S}" y2="${sy(k)}" stroke="${k ? '#eef' : '#bbc'}"/>`;
    }
    let text = '';
    let alpha: number[] = [];
    if (n) {
      try {
        const r = n.hardMarginSvm(
          pts.map((p) => [p.x, p.y]),
          pts.map((p) => p.c),
        );
        const [a, b] = r.w as [number, number];
        alpha = r.alpha;
        for (const [off, dash] of [[0, ''], [1, '6 4'], [-1, '6 4']] as const) {
          const seg = clipLine(a, b, r.b - off);
          if (seg) body += `<line x1="${seg[0]}" y1="${seg[1]}" x2="${seg[2]}" y2="${seg[3]}" stroke="#222" stroke-width="${off ? 1.2 : 2}" stroke-dasharray="${dash}"/>`;
        }
        text =
          `line: ${a.toFixed(4)}·x + ${b.toFixed(4)}·y + ${r.b.toFixed(4)} = 0    (exact: a = ${r.exact.w[0]}, b = ${r.exact.w[1]}, c = ${r.exact.b})\n` +
          `objective a² + b² = ${r.objective.toFixed(6)} (${r.exact.objective}),  margin 1/|w| = ${r.margin.toFixed(4)}\n` +
          pts.map((p, i) => `  point (${p.x.toFixed(2)}, ${p.y.toFixed(2)}) class ${p.c > 0 ? '+1' : '−1'}: α = ${r.exact.alpha[i]}${r.alpha[i]! > 1e-12 ? '  ← support vector' : ''}`).join('\n');
      } catch (e) {
        // Points that no line separates (or two classes not both present) are a library error with the reason.
        if (!(e instanceof NablaError)) throw e;
        text = `No separating line: ${e.message}`;
      }
    }
    pts.forEach((p, i) => {
      const sv = (alpha[i] ?? 0) > 1e-12;
      const fill = p.c > 0 ? '#e03131' : '#1c7ed6';
      if (sv) body += `<circle cx="${sx(p.x)}" cy="${sy(p.y)}" r="12" fill="none" stroke="${fill}" stroke-width="1.5"/>`;
      body += `<circle class="handle" data-i="${i}" tabindex="0" role="slider" aria-label="point ${i + 1}, class ${p.c}; arrow keys move it" aria-valuetext="(${p.x.toFixed(2)}, ${p.y.toFixed(2)})" cx="${sx(p.x)}" cy="${sy(p.y)}" r="7" fill="${fill}" stroke="#fff" stroke-width="1.5"/>`;
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
    pts[dragging] = { ...pts[dragging]!, x: Math.round(x * 20) / 20, y: Math.round(y * 20) / 20 };
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
