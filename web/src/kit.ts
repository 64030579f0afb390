/** Building blocks for lesson pages: prose, asides, code cells, sliders and exercises. */
import { h, html } from './dom.js';
import { prose } from './math.js';
import { createCodeCell, type CodeCell, type CodeCellOptions } from './code-cell.js';
import { markProgress } from './progress.js';
import { checkAnswer, type CheckableExercise, type CasEquivalence } from './checker.js';
import { loadLib, fn } from './lib.js';
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

/**
 * CAS equivalence through the symbolic layer: the same canonical expression, or a − b that
 * simplifies (or expands) to 0 → true. Otherwise both are evaluated with the library at random
 * points (matrices entry by entry) → true or false; null when the CAS cannot read them.
 */
async function casEquivalence(): Promise<CasEquivalence | undefined> {
  const n = await loadLib();
  const parse = fn(n, 'parseAny') ?? fn(n, 'parse');
  const sub = fn(n, 'sub');
  const toStr = fn(n, 'exprToString');
  const evaluate = fn(n, 'evaluate');
  const free = fn(n, 'freeSymbols');
  if (!parse || !toStr) return undefined;
  const reducers = ['simplify', 'expand'].map((k) => fn(n, k)).filter((f): f is NonNullable<typeof f> => f !== null);
  type M = { kind: 'Matrix'; toRows(): unknown[][] };
  const entries = (e: unknown): unknown[] => ((e as M).kind === 'Matrix' ? (e as M).toRows().flat() : [e]);
  return (a, b) => {
    let ea: unknown;
    let eb: unknown;
    try {
      ea = parse(a.replace(/\*\*/g, '^'));
      eb = parse(b.replace(/\*\*/g, '^'));
    } catch {
      return null;
    }
    if (ea === eb) return true;
    const xa = entries(ea);
    const xb = entries(eb);
    if (xa.length !== xb.length) return false;
    try {
      if (sub && xa.every((u, i) => {
        const d = sub(u, xb[i]);
        return toStr(d) === '0' || reducers.some((r) => toStr(r(d)) === '0');
      })) return true;
    } catch {
      /* fall through to numbers */
    }
    if (!evaluate || !free) return null;
    const names = [...new Set([...xa, ...xb].flatMap((e) => (free(e) as Array<{ name: string }>).map((s) => s.name)))];
    let seed = 7;
    const rnd = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    let tested = 0;
    for (let t = 0; t < 40 && tested < 10; t++) {
      const env: Record<string, number> = {};
      for (const v of names) env[v] = t % 2 ? 0.1 + 2.9 * rnd() : -3 + 6 * rnd();
      try {
        const va = xa.map((e) => Number(evaluate(e, env)));
        const vb = xb.map((e) => Number(evaluate(e, env)));
        if (!vb.every(Number.isFinite)) continue;
        tested++;
        if (!va.every((v, i) => Math.abs(v - vb[i]!) <= 1e-8 * Math.max(1, Math.abs(vb[i]!)))) return false;
      } catch {
        continue;
      }
    }
    return tested ? true : null;
  };
}

/** The exercises for a lesson: the lesson module's when it exists, else the page's own. */
export async function lessonExercises(lessonId: number, fallback: WebExercise[]): Promise<WebExercise[]> {
  const d = await lessonData(lessonId);
  if (d.error) console.info(`lesson ${lessonId} module: ${d.error}; using the page's exercises`);
  const ex = d.exercises as WebExercise[];
  return ex.length ? ex : fallback;
}

/** One exercise: prompt, answer box, Check, hints one at a time, worked solution on request. */
export function exerciseWidget(lessonId: number, ex: WebExercise, cas: Promise<CasEquivalence | undefined>): HTMLElement {
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
    const r = checkAnswer(ex, input.value, await cas);
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
  const cas = casEquivalence().catch(() => undefined);
  void lessonExercises(lessonId, fallback).then((list) => {
    box.replaceChildren(...list.map((ex) => exerciseWidget(lessonId, ex, cas)));
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
