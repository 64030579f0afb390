/**
 * The code cell's editor: CodeMirror 6 with TypeScript highlighting, loaded after the cell's first
 * output so it never delays it. Ctrl/Cmd+Enter or Shift+Enter runs, Escape stops a run.
 */
import { EditorView, basicSetup } from 'codemirror';
import { keymap } from '@codemirror/view';
import { javascript } from '@codemirror/lang-javascript';
import { setDiagnostics } from '@codemirror/lint';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';

export interface Editor {
  text(): string;
  setText(text: string): void;
  /** Underline a 1-based line as an error (null clears). */
  markLine(line: number | null | undefined, message: string): void;
  focus(): void;
}

// Token colours with at least 4.5:1 contrast on white (the default theme's #e40 and #a11 fall short).
const readable = HighlightStyle.define([
  { tag: t.keyword, color: '#6b21a8' },
  { tag: [t.string, t.special(t.string)], color: '#9a3412' },
  { tag: [t.number, t.bool, t.null], color: '#166534' },
  { tag: t.comment, color: '#52606d', fontStyle: 'italic' },
  { tag: [t.typeName, t.className], color: '#0e7490' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: '#1d4ed8' },
  { tag: t.operator, color: '#374151' },
  { tag: t.invalid, color: '#b91c1c' },
]);

/** Mount an editor holding `doc` in `host`. */
export function mountEditor(host: HTMLElement, doc: string, o: { run(): void; stop(): boolean; change(text: string): void }): Editor {
  const view = new EditorView({
    doc,
    parent: host,
    extensions: [
      keymap.of([
        { key: 'Mod-Enter', run: () => (o.run(), true) },
        { key: 'Shift-Enter', run: () => (o.run(), true) },
        { key: 'Escape', run: () => o.stop() },
      ]),
      basicSetup,
      javascript({ typescript: true }),
      syntaxHighlighting(readable),
      // tabindex: the editable text is focusable anyway; said explicitly, tools see that the
      // editor's scrolling box (a long cell scrolls inside it) is reachable by keyboard.
      EditorView.contentAttributes.of({ 'aria-label': 'code editor', tabindex: '0' }),
      // Long lines wrap: no sideways scrolling, and no scrollable region without a tab stop.
      EditorView.lineWrapping,
      EditorView.updateListener.of((u) => {
        if (u.docChanged) o.change(u.state.doc.toString());
      }),
    ],
  });
  return {
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    markLine(line, message) {
      if (!line || line < 1 || line > view.state.doc.lines) {
        view.dispatch(setDiagnostics(view.state, []));
        return;
      }
      const l = view.state.doc.line(line);
      view.dispatch(setDiagnostics(view.state, [{ from: l.from, to: Math.max(l.from, l.to), severity: 'error', message }]));
    },
    focus: () => view.focus(),
  };
}
