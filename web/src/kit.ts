/** Building blocks for lesson pages: prose, asides, code cells, sliders and exercises. */
import { h, html } from './dom.js';
import { prose } from './math.js';
import { createCodeCell, type CodeCell, type CodeCellOptions } from './code-cell.js';
import { markProgress } from './progress.js';
import type { CheckableExercise, checkAnswer } from './checker.js';
import { lessonData } from './runner.js';

/** A paragraph (or several) of prose with `$math$`. */
export function para(markup: string): HTMLElement {
  const el = html(prose(markup));
  el.className = 'prose';
  return el;
}

/** A titled section. */
export function section(title: string, ...children: Array<Node | null | false>): HTMLElement {
  return h('section', { class: 'lesson-section' }, h('h2', {}, title), ...children);
}

/** A call-out about the original listing's quirk and what nabla does about it. */
export function quirk(markup: string): HTMLElement {
  const el = html(prose(markup), 'aside');
  el.className = 'quirk';
  el.setAttribute('aria-label', 'note on the original listing');
  return el;
}

/** A code cell that counts toward the lesson's progress when run. */
export function cell(lessonId: number, code: string, opts: CodeCellOptions = {}): CodeCell {
  return createCodeCell(code.replace(/^\n/, ''), {
    ...opts,
    onRun(out, status) {
      if (status === 'ok') markProgress(lessonId, { ran: true });
      opts.onRun?.(out, status);
    },
  });
}

/** A labelled range input showing its value; `onInput` gets the number. */
export function slider(
  label: string,
  o: { min: number; max: number; step: number; value: number; format?: (v: number) => string },
  onInput: (v: number) => void,
): HTMLElement {
  const fmt = o.format ?? String;
  const input = h('input', { type: 'range', min: o.min, max: o.max, step: o.step, value: o.value, 'aria-label': label });
  const shown = h('output', {}, fmt(o.value));
  input.addEventListener('input', () => {
    const v = Number(input.value);
    shown.textContent = fmt(v);
    onInput(v);
  });
  return h('label', { class: 'slider' }, h('span', {}, label), input, shown);
}

/** A figure area whose content is replaced by SVG markup the app itself generates. */
export function figureBox(caption: string): { el: HTMLElement; set(svg: string): void; body: HTMLElement } {
  const body = h('div', { class: 'figure-body' });
  const el = h('figure', { class: 'live-figure' }, body, h('figcaption', {}, caption));
  return { el, body, set: (svg) => (body.innerHTML = svg) };
}

export interface WebExercise extends CheckableExercise {
  hints: string[];
  solution: string;
}

/** The exercises for a lesson: the lesson module's when it exists, else the page's own. */
export async function lessonExercises(lessonId: number, fallback: WebExercise[]): Promise<WebExercise[]> {
  const d = await lessonData(lessonId);
  if (d.error) console.info(`lesson ${lessonId} module: ${d.error}; using the page's exercises`);
  const ex = d.exercises as WebExercise[];
  return ex.length ? ex : fallback;
}

/** One exercise: prompt, answer box, Check, hints one at a time, worked solution on request. */
export function exerciseWidget(lessonId: number, ex: WebExercise, checker: Promise<typeof checkAnswer>): HTMLElement {
  const input = h('input', { type: 'text', class: 'answer', 'aria-label': `answer to exercise ${ex.id}`, autocomplete: 'off', spellcheck: 'false' });
  const check = h('button', { type: 'button', class: 'check' }, 'Check');
  const hintBtn = h('button', { type: 'button', class: 'hint' }, ex.hints.length ? 'Hint' : 'No hints');
  const solBtn = h('button', { type: 'button', class: 'solution' }, 'Show solution');
  const result = h('p', { class: 'result', role: 'status', 'aria-live': 'polite' });
  const hints = h('ol', { class: 'hints' });
  const solution = h('div', { class: 'worked', hidden: true });
  let shownHints = 0;
  if (!ex.hints.length) hintBtn.setAttribute('disabled', '');

  async function doCheck(): Promise<void> {
    const r = (await checker)(ex, input.value);
    result.textContent = r.message;
    result.className = `result ${r.ok ? 'ok' : 'bad'}`;
    root.dataset.verdict = r.ok ? 'correct' : 'wrong';
    if (r.ok) markProgress(lessonId, { solved: [ex.id] });
  }
  check.addEventListener('click', () => void doCheck());
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') void doCheck();
  });
  hintBtn.addEventListener('click', () => {
    if (shownHints < ex.hints.length) hints.append(h('li', {}, html(prose(ex.hints[shownHints++]!), 'span')));
    if (shownHints >= ex.hints.length) hintBtn.setAttribute('disabled', '');
  });
  solBtn.addEventListener('click', () => {
    solution.hidden = !solution.hidden;
    solBtn.textContent = solution.hidden ? 'Show solution' : 'Hide solution';
  });
  solution.append(html(prose(ex.solution)));
  const kindNote = ex.kind === 'symbolic' ? 'an expression, e.g. 3x^2 - 4x' : ex.kind === 'numeric' ? 'a number or numbers' : 'a word';
  const root = h(
    'div',
    { class: 'exercise', 'data-exercise': ex.id, 'data-kind': ex.kind },
    html(prose(ex.prompt), 'div'),
    h('div', { class: 'answer-row' }, input, check, hintBtn, solBtn),
    h('p', { class: 'note' }, `Answer with ${kindNote}.`),
    result,
    hints,
    solution,
  );
  return root;
}

/** The "Your task" section: loads the exercises and renders a widget for each. */
export function exercisesSection(lessonId: number, fallback: WebExercise[]): HTMLElement {
  const box = h('div', { class: 'exercises' }, h('p', { class: 'loading' }, 'Loading exercises…'));
  // The checker brings the symbolic layer: loaded beside the page, not before it.
  const checker = import('./checker.js').then((m) => m.checkAnswer);
  void lessonExercises(lessonId, fallback).then((list) => {
    box.replaceChildren(...list.map((ex) => exerciseWidget(lessonId, ex, checker)));
    box.dataset.ready = 'true';
  });
  return section('Your task', box);
}

/**
 * The lesson module's own output (what `nabla lesson N` prints), computed when opened: the same
 * numbers the code cell reproduces.
 */
export function referenceOutput(lessonId: number): HTMLElement {
  const pre = h('pre', { class: 'output reference-output' });
  const details = h('details', { class: 'reference' }, h('summary', {}, `What the command line prints: nabla lesson ${lessonId}`), pre);
  let done = false;
  details.addEventListener('toggle', () => {
    if (!details.open || done) return;
    done = true;
    pre.textContent = 'computing…';
    void lessonData(lessonId).then((d) => {
      pre.textContent = d.error ? `The lesson module is not available: ${d.error}` : d.lines.join('\n');
    });
  });
  return details;
}
