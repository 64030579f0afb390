/**
 * The playground: type an expression, get its derivative (with steps), integral, gradient,
 * Jacobian (for a comma-separated vector), Hessian, critical points and a plot; with shapes filled in,
 * matrix calculus (closed-form derivatives, each checked numerically). The CAS runs in a
 * worker (pg-worker.ts), one per page, reused from one input to the next; Stop (or a new input
 * while it is busy) terminates it and starts a fresh one. While the input is unfinished the last
 * results stay, dimmed, with the parse error under the input.
 */
import { h } from './dom.js';
import { para } from './kit.js';
import { loadTex, tex } from './math.js';
import { onLeave } from './lifecycle.js';
import type { PgCard, PgRequest } from './pg-compute.js';
import type { PgFromWorker } from './pg-worker.js';

// Results are typeset as they come: KaTeX's code starts loading with this module.
void loadTex();

/** Longest a request may take before the page stops it (the worker cannot be interrupted otherwise). */
const PG_TIME_LIMIT_MS = 15_000;

export function render(root: HTMLElement): void {
  document.title = 'Playground — nabla';
  const input = h('input', { type: 'text', class: 'expr playground-input', value: 'x^3 - 2x^2 + 1', 'aria-label': 'expression', spellcheck: 'false', autocomplete: 'off' });
  const varSel = h('input', { type: 'text', class: 'expr', size: 8, placeholder: 'auto', 'aria-label': 'variables (comma-separated, blank for automatic)' });
  const from = h('input', { type: 'number', class: 'window', value: '-5', step: '1', 'aria-label': 'plot from x =' });
  const shapesIn = h('input', { type: 'text', class: 'expr shapes-input', size: 16, placeholder: 'X:n,m w:m', 'aria-label': 'matrix shapes (matrix mode when filled in)', spellcheck: 'false', autocomplete: 'off' });
  const to = h('input', { type: 'number', class: 'window', value: '5', step: '1', 'aria-label': 'plot to x =' });
  const stopBtn = h('button', { type: 'button', class: 'pg-stop', disabled: '' }, '■ Stop');
  const status = h('span', { class: 'status pg-status', role: 'status', 'aria-live': 'polite' });
  const parseError = h('pre', { class: 'error pg-parse-error', hidden: true });
  const sliders = h('div', { class: 'controls pg-params' });
  const results = h('div', { class: 'pg-results' });
  root.replaceChildren(
    h('h1', {}, 'Playground'),
    para('<p>Type an expression in $x$ (or several variables, or a vector <code>f1, f2</code>). Implicit products like <code>3x</code> and <code>2 sin(x)</code> work; so do <code>^</code> and <code>**</code>. Names other than the variables become parameters with sliders. Fill in <em>shapes</em> (<code>X:n,m w:m y:n</code>) for matrix calculus: <code>norm(X*w - y)^2</code>, <code>X\'</code> transposes, <code>.*</code> is the elementwise product.</p>'),
    h(
      'div',
      { class: 'playground' },
      h('div', { class: 'row' }, input, h('label', {}, 'variables ', varSel), h('label', {}, 'shapes ', shapesIn)),
      parseError,
      h('div', { class: 'row' }, h('label', {}, 'plot x from ', from), h('label', {}, ' to ', to), stopBtn, status),
      sliders,
    ),
    examples(input, shapesIn),
    results,
  );

  const params: Record<string, number> = {};
  let worker: Worker | null = null;
  let busy: { id: number; timer: ReturnType<typeof setTimeout> } | null = null;
  let nextId = 1;
  let fresh: HTMLElement[] = [];
  let debounce: ReturnType<typeof setTimeout> | undefined;

  const spawn = (): Worker => {
    const w = new Worker(new URL('./pg-worker.ts', import.meta.url), { type: 'module', name: 'nabla-playground' });
    w.onmessage = (ev: MessageEvent<PgFromWorker>) => onMessage(ev.data);
    return w;
  };
  let answered = 0;
  const end = (): void => {
    // How many requests have ended (tests wait on it).
    results.dataset.answered = String(++answered);
    if (busy) clearTimeout(busy.timer);
    busy = null;
    stopBtn.setAttribute('disabled', '');
    results.classList.remove('stale');
  };
  const kill = (why: string): void => {
    worker?.terminate();
    worker = spawn();
    end();
    results.classList.add('stale');
    status.textContent = why;
  };
  onLeave(() => {
    clearTimeout(debounce);
    if (busy) clearTimeout(busy.timer);
    worker?.terminate();
    worker = null;
  });

  let queued: PgCard[] = [];
  function flush(): void {
    if (!queued.length) return;
    const els = queued.map(card);
    queued = [];
    // The first cards of a request replace the old results; later ones add to them.
    if (!fresh.length) results.replaceChildren(...els);
    else results.append(...els);
    fresh.push(...els);
  }

  function onMessage(m: PgFromWorker): void {
    if (!busy || m.id !== busy.id) return;
    if ('card' in m) {
      queued.push(m.card);
      // Cards arriving together are built and laid out once, in the next frame.
      if (queued.length === 1) requestAnimationFrame(flush);
    } else if ('done' in m) {
      flush();
      end();
      if (m.done.parseError) {
        // Unfinished input: keep the last results, dimmed, and show where the text stops making sense.
        parseError.textContent = m.done.parseError;
        parseError.hidden = false;
        results.classList.add('stale');
        status.textContent = 'cannot read that yet';
        return;
      }
      parseError.hidden = true;
      if (!fresh.length) results.replaceChildren();
      paramSliders(m.done.params);
      status.textContent = 'done';
    } else {
      end();
      status.textContent = `failed: ${m.failed}`;
    }
  }

  function paramSliders(names: string[]): void {
    const have = [...sliders.querySelectorAll<HTMLInputElement>('input')].map((i) => i.dataset.param);
    if (have.join() === names.join()) return;
    sliders.replaceChildren(
      ...names.map((p) => {
        params[p] ??= 1;
        const inp = h('input', { type: 'range', min: -5, max: 5, step: 0.1, value: params[p], 'data-param': p, 'aria-label': `parameter ${p}` });
        const shown = h('output', {}, String(params[p]));
        inp.addEventListener('input', () => {
          params[p] = Number(inp.value);
          shown.textContent = inp.value;
          request(0);
        });
        return h('label', { class: 'slider' }, h('span', {}, p), inp, shown);
      }),
    );
  }

  function request(delay = 200): void {
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      if (busy) kill('stopped the previous computation');
      worker ??= spawn();
      const id = nextId++;
      fresh = [];
      queued = [];
      // A card is the results column on a phone (minus its padding), at most 440 px wide elsewhere.
      const width = Math.max(260, Math.min(440, Math.floor(results.getBoundingClientRect().width) - 28));
      const req: PgRequest = { src: input.value, vars: varSel.value, params: { ...params }, window: [Number(from.value) || -5, Number(to.value) || 5], width, shapes: shapesIn.value };
      if (!(req.window![0] < req.window![1])) req.window = [-5, 5];
      busy = { id, timer: setTimeout(() => kill(`stopped: no result within ${PG_TIME_LIMIT_MS / 1000} s`), PG_TIME_LIMIT_MS) };
      stopBtn.removeAttribute('disabled');
      status.textContent = 'computing…';
      worker.postMessage({ id, req });
    }, delay);
  }

  stopBtn.addEventListener('click', () => {
    if (busy) kill('stopped');
  });
  for (const el of [input, varSel, shapesIn, from, to]) el.addEventListener('input', () => request());
  request(0);
}

const EXAMPLES = ['x^3 - 2x^2 + 1', 'sin(x)*x', 'log(x)', 'x^2 + y^3', 'x*exp(-x^2 - y^2)', '2*x*y, x^2*y', 'sigmoid(p*x + q*y)', '1/(1 + x^2)', 'a*x^2 + b*x'];

/** Matrix-calculus examples: [expression, shapes]. */
const MATRIX_EXAMPLES: ReadonlyArray<readonly [string, string]> = [
  ['norm(X*w - y)^2', 'X:n,m w:m y:n'],
  ["-y'*log(sigmoid(X*w)) - (1 - y)'*log(1 - sigmoid(X*w))", 'X:n,m w:m y:n'],
  ['log(det(A))', 'A:n,n'],
];

/** Buttons that put an example into the input (a matrix example fills in the shapes too; the others clear them). */
function examples(input: HTMLInputElement, shapes: HTMLInputElement): HTMLElement {
  const button = (expr: string, spec: string): Array<Node | string> => {
    const b = h('button', { type: 'button', class: spec ? 'example matrix-example' : 'example' }, expr);
    b.addEventListener('click', () => {
      input.value = expr;
      shapes.value = spec;
      input.dispatchEvent(new Event('input'));
    });
    return [b, ' '];
  };
  return h('p', { class: 'examples' }, 'Try: ', ...EXAMPLES.flatMap((e) => button(e, '')), ...MATRIX_EXAMPLES.flatMap(([e, spec]) => button(e, spec)));
}

/** One result card: typeset math (the plain text on request), steps, a list, a note or a figure. */
function card(c: PgCard): HTMLElement {
  const el = h('section', { class: `pg-card ${c.cls}`, 'aria-label': c.title }, h('h2', {}, c.title));
  if (c.latex !== undefined) {
    const m = h('div', { class: 'math' });
    m.innerHTML = tex(c.latex, true);
    el.append(m);
  }
  if (c.text !== undefined) {
    const details = h('details', { class: 'plain', open: c.latex === undefined }, h('summary', {}, 'as text'), h('code', { class: `${c.cls}-text` }, c.text));
    if (c.pretty) details.append(h('pre', { class: 'pretty' }, c.pretty));
    el.append(details);
  }
  if (c.error) el.append(h('p', { class: 'error' }, c.error));
  if (c.note) el.append(h('p', { class: 'note' }, c.note));
  if (c.items) el.append(h('ul', {}, ...c.items.map((t) => h('li', {}, t))));
  if (c.steps?.length) el.append(h('ol', { class: 'steps' }, ...c.steps.map((t) => h('li', {}, t))));
  if (c.svg) {
    const fig = h('div', { class: 'figure-body', role: 'img', 'aria-label': c.title });
    fig.innerHTML = c.svg;
    el.append(fig);
  }
  return el;
}
