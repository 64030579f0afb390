/**
 * Build step: typeset with KaTeX, ahead of time, every formula in the text of a lesson's modules
 * (web/src/lessons/lesson-NN.ts and live-NN.ts: every string literal in them) and of the lesson's
 * exercises, and register the HTML with math.ts from the module itself. A lesson page then shows
 * its prose without KaTeX's code (268 KB, a second of a slow phone's CPU); KaTeX loads only
 * for what cannot be known at build time: a learner's answer, a computed Jacobian.
 */
import type { Plugin } from 'vite';
import katex from 'katex';
import { fileURLToPath } from 'node:url';
import { EXERCISES } from './src/exercises.js';
import { KATEX_OPTIONS, eachTex, texKey } from './src/tex-scan.js';

const MATH = fileURLToPath(new URL('./src/math.ts', import.meta.url));
const LESSON_MODULE = /[\\/]web[\\/]src[\\/]lessons[\\/](lesson|live)-(\d\d)\.ts$/;

/** Every string in a value (an exercise: prompts, hints, labels, messages). */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

/** Every string literal and template text in a module's syntax tree. */
function literals(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const x of node) literals(x, out);
    return out;
  }
  if (!node || typeof node !== 'object') return out;
  const n = node as { type?: string; value?: unknown };
  if (n.type === 'Literal' && typeof n.value === 'string') out.push(n.value);
  else if (n.type === 'TemplateElement') {
    const cooked = (n.value as { cooked?: string | null } | undefined)?.cooked;
    if (cooked) out.push(cooked);
  }
  for (const [k, v] of Object.entries(node)) if (k !== 'parent' && v && typeof v === 'object') literals(v, out);
  return out;
}

/** Key → KaTeX HTML for every formula in `texts`. */
export function typesetAll(texts: string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const t of texts) {
    eachTex(t, (src, display) => {
      const html = katex.renderToString(src, { ...KATEX_OPTIONS, displayMode: display });
      map[texKey(src, display)] = html;
      return html;
    });
  }
  return map;
}

export function prerenderTex(): Plugin {
  return {
    name: 'nabla-prerender-tex',
    enforce: 'post',
    transform(code, id) {
      const m = LESSON_MODULE.exec(id);
      if (!m) return undefined;
      const texts = literals(this.parse(code));
      if (m[1] === 'lesson') texts.push(...strings(EXERCISES[Number(m[2])] ?? []));
      const map = typesetAll(texts);
      if (!Object.keys(map).length) return undefined;
      return { code: `${code}\nimport { registerTex as __nablaTex } from ${JSON.stringify(MATH)};\n__nablaTex(${JSON.stringify(map)});\n`, map: null };
    },
  };
}
