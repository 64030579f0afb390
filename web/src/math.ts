/** Math in the prose: `$…$` inline and `$$…$$` display, typeset by KaTeX. */
import katex from 'katex';
import 'katex/dist/katex.min.css';

/** KaTeX HTML for one formula; bad TeX shows in red instead of throwing. */
export function tex(src: string, display = false): string {
  return katex.renderToString(src, { displayMode: display, throwOnError: false, output: 'htmlAndMathml' });
}

/**
 * Typeset every `$$…$$` and `$…$` in a piece of the app's own HTML prose.
 * @example prose('the slope $f\'(x)$') // HTML with KaTeX markup
 */
export function prose(markup: string): string {
  return markup
    .replace(/\$\$([\s\S]+?)\$\$/g, (_m, t: string) => tex(t.trim(), true))
    .replace(/\$([^$\n]+?)\$/g, (_m, t: string) => tex(t, false));
}
