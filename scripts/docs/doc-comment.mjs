// Reading doc comments: the piece shared by the API reference (scripts/docs/build.mjs reads the
// `.d.ts` files tsc emits) and the example tests (test/doc-examples.test.ts reads src/). Pure text
// work, no TypeScript API (TypeScript 7 has none).

/** Tags that start a new part of a doc comment (inline `{@link …}` never does). */
const BLOCK_TAGS = ['param', 'returns', 'return', 'example', 'throws', 'see', 'deprecated', 'default', 'defaultValue', 'remarks', 'typeParam', 'internal'];
const TAG_RE = new RegExp(`(^|[\\s])@(${BLOCK_TAGS.join('|')})\\b`, 'g');

/**
 * The text of a doc comment without its delimiters and leading `*`s, as lines.
 * `raw` is the whole comment, from `/**` to `*\/`.
 */
export function commentLines(raw) {
  const inner = raw.replace(/^\/\*\*/, '').replace(/\*\/$/, '');
  return inner.split('\n').map((l, i) => (i === 0 ? l.replace(/^\s*/, '') : l.replace(/^\s*\* ?/, '').replace(/^\s*$/, ''))).map((l) => l.replace(/\s+$/, ''));
}

/**
 * Split a doc comment into summary, params, returns, throws, examples and other tags.
 * `firstLine` is the 1-based line of the `/**` in its file, so each example knows where it lives.
 */
export function parseDocComment(raw, firstLine = 1) {
  const lines = commentLines(raw);
  const parts = [{ tag: '', text: [], line: firstLine }];
  lines.forEach((l, i) => {
    let rest = l;
    let inExample = parts[parts.length - 1].tag === 'example';
    // In example code a tag only starts at the beginning of a line (code may contain `@`).
    for (;;) {
      TAG_RE.lastIndex = 0;
      let m = TAG_RE.exec(rest);
      if (m && inExample && m.index + m[1].length !== 0) m = null;
      if (!m) break;
      const at = m.index + m[1].length;
      if (at > 0 || parts[parts.length - 1].text.length || i === 0) parts[parts.length - 1].text.push(rest.slice(0, at));
      else parts[parts.length - 1].text.push('');
      parts.push({ tag: m[2], text: [], line: firstLine + i });
      rest = rest.slice(at + 1 + m[2].length).replace(/^ /, '');
      inExample = m[2] === 'example';
    }
    parts[parts.length - 1].text.push(rest);
  });
  const doc = { summary: '', params: [], returns: '', throws: [], examples: [], see: [], deprecated: undefined, tags: [] };
  for (const p of parts) {
    // Drop the empty lines a tag leaves behind at the ends of its text.
    while (p.text.length && p.text[p.text.length - 1].trim() === '') p.text.pop();
    while (p.text.length && p.text[0].trim() === '' && p.tag !== 'example') p.text.shift();
    const text = p.text.join('\n').trim();
    if (p.tag === '') doc.summary = text;
    else if (p.tag === 'param' || p.tag === 'typeParam') {
      const m = /^\{[^}]*\}\s*/.exec(text); // a JSDoc type, if someone wrote one
      const t = m ? text.slice(m[0].length) : text;
      const nm = /^(\[?[\w.$]+\]?)\s*(?:-\s*)?([\s\S]*)$/.exec(t);
      if (p.tag === 'param') doc.params.push({ name: nm ? nm[1].replace(/^\[|\]$/g, '') : t, text: nm ? nm[2].trim() : '' });
      else doc.tags.push({ tag: p.tag, text });
    } else if (p.tag === 'returns' || p.tag === 'return') doc.returns = text;
    else if (p.tag === 'throws') doc.throws.push(text);
    else if (p.tag === 'example') {
      // The code starts on the tag's line when written inline (`@example f(1) // → 2`).
      const code = p.text.slice();
      let line = p.line;
      if (code.length && code[0].trim() === '') { code.shift(); line++; }
      while (code.length && code[code.length - 1].trim() === '') code.pop();
      doc.examples.push({ code: code.join('\n'), line });
    } else if (p.tag === 'see') doc.see.push(text);
    else if (p.tag === 'deprecated') doc.deprecated = text;
    else doc.tags.push({ tag: p.tag, text });
  }
  return doc;
}

/** The first sentence of a summary (for index pages). */
export function firstSentence(summary) {
  const flat = summary.replace(/\s+/g, ' ').trim();
  const m = /^(.+?[.!?])(\s|$)/.exec(flat);
  return m ? m[1] : flat;
}

/**
 * Every doc comment of a TypeScript source, each with its 1-based line and the first line of the
 * code right after it. (A plain scan: `/**` inside a string would confuse it; our sources have none.)
 */
export function docComments(source) {
  const out = [];
  for (const m of source.matchAll(/\/\*\*(?!\/)[\s\S]*?\*\//g)) {
    const line = source.slice(0, m.index).split('\n').length;
    const after = source.slice(m.index + m[0].length).replace(/^\s+/, '');
    out.push({ raw: m[0], line, next: after.split('\n')[0] });
  }
  return out;
}
