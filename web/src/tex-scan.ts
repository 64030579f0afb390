/**
 * How prose marks math: `$$…$$` display, `$…$` inline. Shared by the page (math.ts), which
 * typesets it, and the build (web/prerender-tex.ts), which typesets every formula a lesson's own
 * text contains ahead of time so a lesson page needs no KaTeX code to show.
 */

/** KaTeX's options, the same at build time and in the page. */
export const KATEX_OPTIONS = { throwOnError: false, output: 'htmlAndMathml' } as const;

/** The cache key of one formula. */
export const texKey = (src: string, display: boolean): string => `${display ? 'D' : 'I'}${src}`;

/**
 * Replace every formula in `markup` by `render(tex, display)`: display math first, then inline.
 * @example eachTex('a $x$ b', (t) => `[${t}]`) // 'a [x] b'
 */
export function eachTex(markup: string, render: (tex: string, display: boolean) => string): string {
  return markup
    .replace(/\$\$([\s\S]+?)\$\$/g, (_m, t: string) => render(t.trim(), true).replace(/\$/g, '&#36;'))
    .replace(/\$([^$\n]+?)\$/g, (_m, t: string) => render(t, false));
}
