/**
 * Math in the prose: `$…$` inline and `$$…$$` display, typeset by KaTeX. The formulas of the
 * lessons' own text come typeset from the build (registerTex, see web/prerender-tex.ts), so a
 * lesson page shows without KaTeX's code; anything else (a learner's answer, a computed Jacobian)
 * loads KaTeX on first use, showing the TeX source until it arrives.
 */
import 'katex/dist/katex.min.css';
import { KATEX_OPTIONS, eachTex, texKey } from './tex-scan.js';

type Katex = typeof import('katex').default;

const cache = new Map<string, string>();
let katex: Katex | null = null;
let loading: Promise<void> | null = null;

/** Formulas typeset at build time: key (texKey) → KaTeX HTML. */
export function registerTex(entries: Record<string, string>): void {
  for (const [k, v] of Object.entries(entries)) cache.set(k, v);
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Load KaTeX (once); formulas shown as source until then are typeset when it arrives. */
export function loadTex(): Promise<void> {
  loading ??= import('katex').then((m) => {
    katex = m.default;
    for (const el of document.querySelectorAll<HTMLElement>('span.tex-pending')) {
      el.outerHTML = tex(el.dataset.tex ?? '', el.dataset.display !== undefined);
    }
  });
  return loading;
}

/** KaTeX HTML for one formula; bad TeX shows in red instead of throwing. */
export function tex(src: string, display = false): string {
  const hit = cache.get(texKey(src, display));
  if (hit !== undefined) return hit;
  if (katex) return katex.renderToString(src, { ...KATEX_OPTIONS, displayMode: display });
  void loadTex();
  return `<span class="tex-pending${display ? ' display' : ''}" data-tex="${escape(src)}"${display ? ' data-display=""' : ''}>${escape(src)}</span>`;
}

/**
 * Typeset every `$$…$$` and `$…$` in a piece of the app's own HTML prose.
 * @example prose('the slope $f\'(x)$') // HTML with KaTeX markup
 */
export function prose(markup: string): string {
  return eachTex(markup, tex);
}
