/**
 * A code cell: an editor holding a lesson's nabla TypeScript, Run / Stop / Reset buttons, the
 * printed output and the figures the code shows. Runs go through runner.ts (a Web Worker with a
 * time limit); an error underlines its line in the editor. The editor (CodeMirror) loads after
 * the first output: until then the code shows as plain text and runs all the same.
 */
import { createRunner, timeLimitMs } from './runner.js';
import { h } from './dom.js';
import { afterPaint, onLeave, outputShown } from './lifecycle.js';
import type { Editor } from './editor.js';
import type { FirstOutput } from './first-output.js';

export interface CodeCell {
  root: HTMLElement;
  /** Run the current code; resolves when the run ends. */
  run(): Promise<string>;
  stop(): void;
  code(): string;
  setCode(code: string): void;
  /** Text printed by the last run. */
  output(): string;
}

export interface CodeCellOptions {
  /** Shown above the editor. */
  title?: string;
  /** Run once when the cell is created (default true). Such a run is not the learner's. */
  autorun?: boolean;
  /** The learner's edited code from an earlier visit, shown instead of the source. */
  saved?: string;
  /** Called (debounced) when the learner edits the code; null when it is back to the source. */
  onEdit?(code: string | null): void;
  /**
   * What the starting code printed and drew when the course was built: shown at once (when the
   * learner has not edited the code) and replaced by the first run's own output when it ends.
   */
  first?: FirstOutput;
  /** Called after every run with the printed text; `byLearner` when they started it. */
  onRun?(output: string, status: string, byLearner: boolean): void;
}

/** Show an SVG string safely: as an image, so nothing inside it can run. */
export function svgImage(svg: string, alt: string): HTMLImageElement {
  const img = document.createElement('img');
  img.className = 'figure';
  img.alt = alt;
  img.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  img.onload = () => URL.revokeObjectURL(img.src);
  return img;
}

/** A figure's text for its alt: the titles and axis labels it draws. */
export function svgAlt(svg: string, n: number): string {
  const words = [...svg.matchAll(/<text[^>]*class="[^"]*(?:title|label)[^"]*"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]!.trim());
  const decoded = words.map((w) => w.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
  return `Figure ${n} drawn by the code${decoded.length ? `: ${[...new Set(decoded)].join('; ')}` : ''}`;
}

const marked = new Set<string>();
/**
 * A User Timing mark, once per document: `nabla:first-output` when a page first shows a cell's
 * output (build-time or live), `nabla:live-output` when the first live run has ended. The
 * performance test reads them.
 */
function markOnce(name: string): void {
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark(name);
}

/** Make a code cell with `source` in it. */
export function createCodeCell(source: string, opts: CodeCellOptions = {}): CodeCell {
  const runner = createRunner();
  onLeave(() => runner.dispose());
  const runBtn = h('button', { class: 'run', type: 'button', title: 'Run (Ctrl+Enter)' }, '▶ Run');
  const stopBtn = h('button', { class: 'stop', type: 'button', disabled: '', title: 'Stop (Escape in the editor)' }, '■ Stop');
  const resetBtn = h('button', { class: 'reset', type: 'button', title: 'Put the original code back' }, '↺ Reset');
  const status = h('span', { class: 'status', role: 'status', 'aria-live': 'polite' });
  // Focusable: a long output scrolls, and keyboard users must be able to scroll it.
  const out = h('pre', { class: 'output', 'aria-label': 'output', tabindex: '0', elementtiming: 'cell-output' });
  const figs = h('div', { class: 'figures' });
  const editorHost = h('div', { class: 'editor' });
  const root = h(
    'section',
    { class: 'code-cell', 'aria-label': opts.title ?? 'code cell' },
    opts.title ? h('div', { class: 'cell-title' }, opts.title, h('span', { class: 'cell-note' }, ' · TypeScript: types are stripped, not checked')) : null,
    editorHost,
    h('div', { class: 'toolbar' }, runBtn, stopBtn, resetBtn, status),
    out,
    figs,
  );

  let text = opts.saved ?? source;
  let editor: Editor | null = null;
  const plain = h('pre', { class: 'code-plain', 'aria-label': 'code (the editor is loading)', tabindex: '0' }, text);
  editorHost.append(plain);

  let printed: string[] = [];
  let runs = 0;
  let showingFirst = false;
  let pending: ((s: string) => void)[] = [];
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  onLeave(() => clearTimeout(saveTimer));

  function edited(t: string): void {
    text = t;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => opts.onEdit?.(t === source ? null : t), 250);
  }

  function clearOutput(): void {
    printed = [];
    out.textContent = '';
    out.classList.remove('has-error');
    figs.replaceChildren();
    editor?.markLine(null, '');
    showingFirst = false;
    out.classList.remove('first-output');
  }

  function run(byLearner = true): Promise<string> {
    // Where this run writes: the visible output, or (while the build-time output is on show) a
    // detached copy that replaces it when the run ends, so the output does not blink away and back.
    const overFirst = showingFirst;
    const sink = overFirst ? { out: h('pre'), figs: h('div') } : { out, figs };
    const mine = ++runs;
    if (overFirst) {
      showingFirst = false;
      printed = [];
    } else clearOutput();
    status.textContent = overFirst ? 'output computed when the course was built; running the code live…' : 'running…';
    root.dataset.state = 'running';
    const hadFocus = document.activeElement === runBtn;
    runBtn.setAttribute('disabled', '');
    stopBtn.removeAttribute('disabled');
    // Run disables itself: keep keyboard and screen-reader users on the cell, on Stop.
    if (hadFocus) stopBtn.focus();
    const done = new Promise<string>((res) => pending.push(res));
    runner.run(text, {
      out(t, stream) {
        if (!printed.length) outputShown();
        if (sink.out === out) markOnce('nabla:first-output');
        printed.push(t);
        sink.out.append(h('span', { class: stream === 'err' ? 'err' : '' }, t + '\n'));
      },
      figure(svg) {
        sink.figs.append(svgImage(svg, svgAlt(svg, sink.figs.childElementCount + 1)));
      },
      late(message, line) {
        out.classList.add('has-error');
        out.append(h('span', { class: 'err error-line' }, `Error after the run finished${line ? ` (line ${line})` : ''}: ${message}\n`));
        status.textContent = 'error after the run';
        root.dataset.state = 'error';
        editor?.markLine(line, message);
      },
      end(r) {
        if (sink.out !== out && mine === runs) {
          out.replaceChildren(...sink.out.childNodes);
          out.classList.remove('first-output');
          figs.replaceChildren(...sink.figs.childNodes);
        }
        markOnce('nabla:first-output');
        markOnce('nabla:live-output');
        const stopHadFocus = document.activeElement === stopBtn;
        runBtn.removeAttribute('disabled');
        stopBtn.setAttribute('disabled', '');
        if (stopHadFocus) runBtn.focus();
        root.dataset.state = r.status;
        const secs = `${(r.ms / 1000).toFixed(2)} s`;
        if (r.status === 'ok') status.textContent = `done in ${secs}`;
        else if (r.status === 'stopped') status.textContent = `stopped after ${secs}`;
        else if (r.status === 'timeout') status.textContent = `stopped: time limit of ${timeLimitMs() / 1000} s reached`;
        else {
          const where = r.line ? `line ${r.line}: ` : '';
          status.textContent = 'error';
          out.classList.add('has-error');
          out.append(h('span', { class: 'err error-line' }, `Error on ${where || 'run: '}${r.message ?? ''}\n`));
          editor?.markLine(r.line, r.message ?? 'error');
        }
        const printedText = printed.join('\n');
        opts.onRun?.(printedText, r.status, byLearner);
        const waiters = pending;
        pending = [];
        for (const w of waiters) w(printedText);
        outputShown();
        loadEditor();
      },
    });
    return done;
  }

  const stop = (): boolean => {
    if (!runner.busy) return false;
    runner.stop();
    return true;
  };

  let editorLoading = false;
  function loadEditor(): void {
    if (editorLoading) return;
    editorLoading = true;
    void import('./editor.js').then(({ mountEditor }) => {
      if (!root.isConnected && !document.body.contains(root)) return;
      const hadFocus = document.activeElement === plain;
      plain.remove();
      editor = mountEditor(editorHost, text, { run: () => void run(), stop, change: edited });
      if (hadFocus) editor.focus();
    });
  }

  runBtn.addEventListener('click', () => void run());
  stopBtn.addEventListener('click', () => void stop());
  resetBtn.addEventListener('click', () => {
    stop();
    text = source;
    if (editor) editor.setText(source);
    else plain.textContent = source;
    clearTimeout(saveTimer);
    opts.onEdit?.(null);
    clearOutput();
    status.textContent = 'original code restored';
    delete root.dataset.state;
  });

  const cell: CodeCell = {
    root,
    run: () => run(),
    stop: () => void stop(),
    code: () => text,
    setCode(code) {
      text = code;
      if (editor) editor.setText(code);
      else plain.textContent = code;
    },
    output: () => printed.join('\n'),
  };
  if (opts.first && text === source) {
    showingFirst = true;
    out.classList.add('first-output');
    for (const l of opts.first.lines) out.append(h('span', { class: l.stream === 'err' ? 'err' : '' }, l.text + '\n'));
    void opts.first.figures().then((svgs) => {
      if (showingFirst) svgs.forEach((svg, i) => figs.append(svgImage(svg, svgAlt(svg, i + 1))));
    });
    printed = opts.first.lines.map((l) => l.text);
    markOnce('nabla:first-output');
    status.textContent = 'output computed when the course was built';
  }
  // The first run starts once the page has painted: starting its worker costs the page's thread
  // a moment (a tenth of a second on a slow phone) that the page's first view should not wait for.
  if (opts.autorun !== false) afterPaint(() => void run(false));
  else loadEditor();
  // If the first run is slow, the editor does not wait for it forever.
  const t = setTimeout(loadEditor, 4000);
  onLeave(() => clearTimeout(t));
  return cell;
}
