/**
 * A code cell: a CodeMirror 6 editor holding a lesson's nabla TypeScript, Run / Stop / Reset
 * buttons, the printed output and the figures the code shows. Runs go through runner.ts (a Web
 * Worker with a time limit); an error underlines its line in the editor.
 */
import { EditorView, basicSetup } from 'codemirror';
import { keymap } from '@codemirror/view';
import { javascript } from '@codemirror/lang-javascript';
import { setDiagnostics } from '@codemirror/lint';
import { createRunner, timeLimitMs } from './runner.js';
import { h } from './dom.js';

export interface CodeCell {
  root: HTMLElement;
  view: EditorView;
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
  /** Run once when the cell is created (default true). */
  autorun?: boolean;
  /** Called after every run with the printed text. */
  onRun?(output: string, status: string): void;
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

/** Make a code cell with `source` in it. */
export function createCodeCell(source: string, opts: CodeCellOptions = {}): CodeCell {
  const runner = createRunner();
  const runBtn = h('button', { class: 'run', type: 'button', title: 'Run (Ctrl+Enter)' }, '▶ Run');
  const stopBtn = h('button', { class: 'stop', type: 'button', disabled: '' }, '■ Stop');
  const resetBtn = h('button', { class: 'reset', type: 'button', title: 'Put the original code back' }, '↺ Reset');
  const status = h('span', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const out = h('pre', { class: 'output', 'aria-label': 'output' });
  const figs = h('div', { class: 'figures' });
  const editorHost = h('div', { class: 'editor' });
  const root = h(
    'section',
    { class: 'code-cell' },
    opts.title ? h('div', { class: 'cell-title' }, opts.title) : null,
    editorHost,
    h('div', { class: 'toolbar' }, runBtn, stopBtn, resetBtn, status),
    out,
    figs,
  );

  let printed: string[] = [];
  let pending: ((s: string) => void)[] = [];

  const view = new EditorView({
    doc: source,
    parent: editorHost,
    extensions: [
      keymap.of([
        { key: 'Mod-Enter', run: () => (void run(), true) },
        { key: 'Shift-Enter', run: () => (void run(), true) },
      ]),
      basicSetup,
      javascript({ typescript: true }),
      EditorView.contentAttributes.of({ 'aria-label': 'code editor' }),
    ],
  });

  function markLine(line: number | null | undefined, message: string): void {
    if (!line || line < 1 || line > view.state.doc.lines) {
      view.dispatch(setDiagnostics(view.state, []));
      return;
    }
    const l = view.state.doc.line(line);
    view.dispatch(setDiagnostics(view.state, [{ from: l.from, to: Math.max(l.from, l.to), severity: 'error', message }]));
  }

  function run(): Promise<string> {
    printed = [];
    out.textContent = '';
    out.classList.remove('has-error');
    figs.replaceChildren();
    markLine(null, '');
    status.textContent = 'running…';
    root.dataset.state = 'running';
    runBtn.setAttribute('disabled', '');
    stopBtn.removeAttribute('disabled');
    const done = new Promise<string>((res) => pending.push(res));
    runner.run(view.state.doc.toString(), {
      out(text, stream) {
        printed.push(text);
        const span = h('span', { class: stream === 'err' ? 'err' : '' }, text + '\n');
        out.append(span);
      },
      figure(svg) {
        figs.append(svgImage(svg, `figure ${figs.childElementCount + 1} made by the code`));
      },
      end(r) {
        runBtn.removeAttribute('disabled');
        stopBtn.setAttribute('disabled', '');
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
          markLine(r.line, r.message ?? 'error');
        }
        const text = printed.join('\n');
        opts.onRun?.(text, r.status);
        const waiters = pending;
        pending = [];
        for (const w of waiters) w(text);
      },
    });
    return done;
  }

  runBtn.addEventListener('click', () => void run());
  stopBtn.addEventListener('click', () => runner.stop());
  resetBtn.addEventListener('click', () => {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: source } });
  });

  const cell: CodeCell = {
    root,
    view,
    run,
    stop: () => runner.stop(),
    code: () => view.state.doc.toString(),
    setCode(code) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
    },
    output: () => printed.join('\n'),
  };
  if (opts.autorun !== false) queueMicrotask(() => void run());
  return cell;
}
