/** Building blocks for lesson pages: prose, asides, code cells, sliders and exercises. */
import { h, html } from './dom.js';
import { loadTex, prose, tex } from './math.js';
import { createCodeCell, type CodeCell, type CodeCellOptions } from './code-cell.js';
import { getProgress, getWork, markProgress, saveWork } from './progress.js';
import { EXERCISES, type WebExercise } from './exercises.js';
import { lessonData } from './runner.js';
import { afterFirstOutput, afterPaint } from './lifecycle.js';

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

/**
 * The lesson's code cell. Only a run the learner starts counts toward progress; their edits are
 * kept (localStorage) and come back on reload or Back.
 */
export function cell(lessonId: number, code: string, opts: CodeCellOptions = {}): CodeCell {
  return createCodeCell(code.replace(/^\n/, ''), {
    ...opts,
    saved: getWork(lessonId).code,
    onEdit: (text) => saveWork(lessonId, { code: text }),
    onRun(out, status, byLearner) {
      if (status === 'ok' && byLearner) markProgress(lessonId, { ran: true });
      opts.onRun?.(out, status, byLearner);
    },
  });
}

/**
 * A lesson's live figure, loaded after the page's first output (its code, the symbolic and plot
 * layers, is not needed before): a placeholder section until then.
 */
export function liveLater(load: () => Promise<{ live(): HTMLElement }>): HTMLElement {
  const holder = h('section', { class: 'lesson-section live-pending' }, h('h2', {}, 'Try it'), h('p', { class: 'loading' }, 'Loading the live figure…'));
  void afterFirstOutput()
    .then(load)
    .then((m) => {
      if (holder.isConnected) holder.replaceWith(m.live());
    });
  return holder;
}

/** A labelled range input showing its value; `onInput` gets the number. */
export function slider(
  label: string,
  o: { min: number; max: number; step: number; value: number; format?: (v: number) => string; valueText?: (v: number) => string },
  onInput: (v: number) => void,
): HTMLElement {
  const fmt = o.format ?? String;
  // What a screen reader announces: the value as shown (δ = 0.010), not a slider's internal scale.
  const said = o.valueText ?? ((v: number) => `${label} = ${fmt(v)}`);
  const input = h('input', { type: 'range', min: o.min, max: o.max, step: o.step, value: o.value, 'aria-label': label, 'aria-valuetext': said(o.value) });
  const shown = h('output', {}, fmt(o.value));
  input.addEventListener('input', () => {
    const v = Number(input.value);
    shown.textContent = fmt(v);
    input.setAttribute('aria-valuetext', said(v));
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

let checkerModule: Promise<typeof import('./checker.js')> | null = null;

/** The checker brings the symbolic layer: loaded when the learner first needs it, not before the page. */
export function loadChecker(): Promise<typeof import('./checker.js')> {
  checkerModule ??= import('./checker.js');
  return checkerModule;
}

/**
 * One exercise: prompt, an answer box with a live rendering of how the answer is read (or buttons
 * for a multiple choice), Check, hints one at a time, the worked solution on request. The typed
 * answer and the solved state are kept across reloads.
 */
export function exerciseWidget(lessonId: number, ex: WebExercise, onSolved: () => void): HTMLElement {
  const work = getWork(lessonId).answers?.[ex.id] ?? '';
  const solvedBefore = getProgress(lessonId).solved?.includes(ex.id) ?? false;
  const result = h('p', { class: 'result', role: 'status', 'aria-live': 'polite' });
  const hintBtn = h('button', { type: 'button', class: 'hint' }, ex.hints.length ? 'Hint' : 'No hints');
  const solBtn = h('button', { type: 'button', class: 'solution', 'aria-expanded': 'false' }, 'Show solution');
  const hints = h('ol', { class: 'hints' });
  const solution = h('div', { class: 'worked', hidden: true });
  let shownHints = 0;
  if (!ex.hints.length) hintBtn.setAttribute('disabled', '');

  const root = h('div', { class: 'exercise', 'data-exercise': ex.id, 'data-kind': ex.kind, role: 'group', 'aria-label': `exercise ${ex.id}` });
  if (solvedBefore) root.dataset.solved = 'true';

  function show(r: { ok: boolean; message: string; markup?: boolean }): void {
    if (r.markup) result.innerHTML = prose(r.message);
    else result.textContent = r.message;
    result.className = `result ${r.ok ? 'ok' : 'bad'}`;
    root.dataset.verdict = r.ok ? 'correct' : 'wrong';
    if (r.ok && !root.dataset.solved) {
      root.dataset.solved = 'true';
      markProgress(lessonId, { solved: [ex.id] });
      onSolved();
    }
  }
  async function check(text: string): Promise<void> {
    saveWork(lessonId, { answer: [ex.id, text] });
    const [{ checkAnswer }] = await Promise.all([loadChecker(), loadTex()]);
    show(checkAnswer(ex, text));
  }

  let answerRow: HTMLElement;
  if (ex.kind === 'choice' && ex.choices) {
    const buttons = ex.choices.map((c) => {
      const b = h('button', { type: 'button', class: 'choice', 'data-choice': c, 'aria-pressed': String(c === work) }, ex.labels?.[c] ?? c);
      b.addEventListener('click', () => {
        for (const o of buttons) o.setAttribute('aria-pressed', String(o === b));
        void check(c);
      });
      return b;
    });
    answerRow = h('div', { class: 'answer-row choices', role: 'group', 'aria-label': `choices for exercise ${ex.id}` }, ...buttons, hintBtn, solBtn);
  } else {
    const input = h('input', { type: 'text', class: 'answer', 'aria-label': `answer to exercise ${ex.id}`, autocomplete: 'off', spellcheck: 'false', value: work });
    const checkBtn = h('button', { type: 'button', class: 'check' }, 'Check');
    const preview = h('div', { class: 'preview' });
    const renderPreview = async (): Promise<void> => {
      const [{ previewAnswer }] = await Promise.all([loadChecker(), loadTex()]);
      const p = previewAnswer(ex, input.value);
      if (!p) preview.replaceChildren();
      else if ('latex' in p) preview.innerHTML = `<span class="reads">reads as</span> ${tex(p.latex)}`;
      else preview.replaceChildren(h('span', { class: 'unreadable' }, `cannot read yet: ${p.error}`));
    };
    input.addEventListener('input', () => {
      saveWork(lessonId, { answer: [ex.id, input.value] });
      void renderPreview();
    });
    input.addEventListener('focus', () => void loadChecker(), { once: true });
    checkBtn.addEventListener('click', () => void check(input.value));
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') void check(input.value);
    });
    if (work) void renderPreview();
    answerRow = h('div', {}, h('div', { class: 'answer-row' }, input, checkBtn, hintBtn, solBtn), preview);
  }
  if (solvedBefore) {
    result.textContent = 'Solved before ✓ (your answer is kept).';
    result.className = 'result ok';
  }
  hintBtn.addEventListener('click', () => {
    if (shownHints < ex.hints.length) hints.append(h('li', {}, html(prose(ex.hints[shownHints++]!), 'span')));
    if (shownHints >= ex.hints.length) hintBtn.setAttribute('disabled', '');
  });
  solBtn.addEventListener('click', () => {
    solution.hidden = !solution.hidden;
    solBtn.textContent = solution.hidden ? 'Show solution' : 'Hide solution';
    solBtn.setAttribute('aria-expanded', String(!solution.hidden));
  });
  solution.append(html(prose(ex.solution)));
  const note = html(prose(ex.format ?? ''), 'p');
  note.className = 'note';
  root.append(html(prose(ex.prompt), 'div'), answerRow, note, result, hints, solution);
  return root;
}

/** The "Your task" section: every exercise of the lesson, and how many are solved. */
export function exercisesSection(lessonId: number): HTMLElement {
  const list = EXERCISES[lessonId] ?? [];
  const count = h('p', { class: 'exercise-count', role: 'status' });
  const update = (): void => {
    const solved = getProgress(lessonId).solved ?? [];
    count.textContent = `Solved ${list.filter((e) => solved.includes(e.id)).length} of ${list.length}.`;
  };
  update();
  // Built once the page above has painted: the exercises sit below the fold, and their typeset
  // prompts are a good part of a lesson's first layout on a slow phone.
  const box = h('div', { class: 'exercises', 'data-ready': 'false' });
  afterPaint(() => {
    box.append(...list.map((ex) => exerciseWidget(lessonId, ex, update)));
    box.dataset.ready = 'true';
  });
  box.addEventListener('pointerenter', () => void loadChecker(), { once: true });
  return section('Your task', count, box);
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
