#!/usr/bin/env node
// `npm run docs`: the API reference as static HTML, from the doc comments of every public export.
// Reads the `.d.ts` files tsc emitted (dist/ by default; TypeScript 7 has no JS API, so no typedoc)
// for each entry point in package.json `exports`, and writes one page per entry point plus an
// index into web-dist/api/ (served with the course; its header links here).
//   node scripts/docs/build.mjs [--dist dist] [--out web-dist/api]
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { moduleExports, readModule } from './declarations.mjs';
import { firstSentence } from './doc-comment.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The package's entry points: [{ spec: 'nabla/numeric', page: 'numeric', types: '<abs path of .d.ts>' }]. */
export function entryPoints(distDir = join(ROOT, 'dist')) {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return Object.entries(pkg.exports).map(([key, v]) => {
    const sub = key === '.' ? '' : key.slice(2);
    return {
      spec: sub ? `${pkg.name}/${sub}` : pkg.name,
      page: sub || 'nabla',
      types: join(distDir, v.types.replace(/^\.\/dist\//, '')),
    };
  });
}

/**
 * Everything the reference shows: per entry point, its module doc and its exports (resolved to
 * declarations). `home` maps a declaration (file + declared name) to the page and anchor where
 * it is documented in full: a layer's own page; the root page only for what no layer exports.
 */
export function collectApi(distDir) {
  const entries = entryPoints(distDir).map((e) => ({ ...e, doc: readModule(e.types).doc, exports: moduleExports(e.types) }));
  const home = new Map();
  const key = (x) => `${x.file}#${x.name}`;
  const layers = entries.filter((e) => e.page !== 'nabla');
  for (const e of layers) for (const [name, x] of e.exports) if (!home.has(key(x))) home.set(key(x), { page: e.page, anchor: name });
  for (const e of entries.filter((e) => e.page === 'nabla')) for (const [name, x] of e.exports) if (!home.has(key(x))) home.set(key(x), { page: e.page, anchor: name });
  return { entries, home, key };
}

// ------------------------------------------------------------------------------------------ HTML

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const anchorId = (name) => `api-${name.replace(/[^\w$.-]/g, '_')}`;
const KIND_LABEL = { function: 'function', class: 'class', interface: 'interface', type: 'type', const: 'constant', enum: 'enum', namespace: 'namespace' };

/** Doc text → HTML: paragraphs, `- ` lists, `code`, {@link X} to the export's anchor. */
function prose(text, linkTo) {
  const inline = (s) =>
    esc(s)
      .replace(/\{@link\s+([\w$.]+)\s*(?:\|\s*([^}]*))?\}/g, (_m, name, label) => {
        const href = linkTo(name);
        return href ? `<a href="${href}"><code>${esc(label ?? name)}</code></a>` : `<code>${esc(label ?? name)}</code>`;
      })
      .replace(/`([^`]+)`/g, '<code>$1</code>');
  const blocks = text.split(/\n\s*\n/);
  return blocks
    .map((b) => {
      const lines = b.split('\n');
      if (lines.every((l) => /^\s*[-•]\s/.test(l) || /^\s{2,}\S/.test(l))) {
        const items = [];
        for (const l of lines) {
          if (/^\s*[-•]\s/.test(l)) items.push(l.replace(/^\s*[-•]\s/, ''));
          else items[items.length - 1] += ` ${l.trim()}`;
        }
        return `<ul>${items.map((i) => `<li>${inline(i)}</li>`).join('')}</ul>`;
      }
      return `<p>${inline(b.replace(/\s*\n\s*/g, ' '))}</p>`;
    })
    .join('\n');
}

/** A declaration's text as shown: without `export declare`, indentation kept. */
const signature = (text) => text.replace(/^export\s+/, '').replace(/^declare\s+/, '');

/** The opening line of a class or interface (its body is listed member by member). */
function header(text) {
  const t = signature(text);
  let angle = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '<') angle++;
    else if (t[i] === '>' && t[i - 1] !== '=') angle--;
    else if (t[i] === '{' && angle === 0) return t.slice(0, i).trim();
  }
  return t;
}

const code = (text) => `<pre tabindex="0"><code>${esc(text)}</code></pre>`;

function docBlock(doc, linkTo) {
  if (!doc) return '';
  const out = [];
  if (doc.deprecated !== undefined) out.push(`<p class="deprecated"><strong>Deprecated.</strong> ${esc(doc.deprecated)}</p>`);
  if (doc.summary) out.push(prose(doc.summary, linkTo));
  if (doc.params.length) out.push(`<h3>Parameters</h3><dl class="params">${doc.params.map((p) => `<dt><code>${esc(p.name)}</code></dt><dd>${prose(p.text || '—', linkTo)}</dd>`).join('')}</dl>`);
  if (doc.returns) out.push(`<h3>Returns</h3>${prose(doc.returns, linkTo)}`);
  if (doc.throws.length) out.push(`<h3>Throws</h3><ul>${doc.throws.map((t) => `<li>${prose(t, linkTo).replace(/^<p>|<\/p>$/g, '')}</li>`).join('')}</ul>`);
  if (doc.examples.length) out.push(`<h3>Example${doc.examples.length > 1 ? 's' : ''}</h3>${doc.examples.map((e) => code(e.code)).join('')}`);
  if (doc.see.length) out.push(`<p class="see">See also: ${doc.see.map((s) => prose(s, linkTo).replace(/^<p>|<\/p>$/g, '')).join('; ')}</p>`);
  return out.join('\n');
}

function exportSection(name, x, ctx) {
  const id = anchorId(name);
  const kind = KIND_LABEL[x.kind] ?? x.kind;
  const parts = [`<section class="export" id="${id}" aria-labelledby="${id}-h">`, `<h2 id="${id}-h"><a class="self" href="#${id}">${esc(name)}</a> <span class="kind">${kind}</span></h2>`];
  if (x.name !== name) parts.push(`<p class="alias">Exported as <code>${esc(name)}</code>; declared as <code>${esc(x.name)}</code>.</p>`);
  if (x.kind === 'namespace') {
    const target = ctx.entryOf(x.namespace);
    parts.push(docBlock(x.doc, ctx.linkTo));
    if (target) parts.push(`<p>Documented on its own page: <a href="${target.page}.html">${esc(target.spec)}</a>.</p>`);
    else {
      const members = [...moduleExports(x.namespace)];
      parts.push(`<h3>Members</h3>`);
      for (const [m, mx] of members) {
        const mid = anchorId(`${name}.${m}`);
        parts.push(`<div class="member" id="${mid}"><h4><a class="self" href="#${mid}">${esc(name)}.${esc(m)}</a> <span class="kind">${KIND_LABEL[mx.kind] ?? mx.kind}</span></h4>`);
        parts.push(code(mx.declarations.map((d) => (d.kind === 'class' || d.kind === 'interface' ? header(d.text) : signature(d.text))).join('\n')));
        parts.push(docBlock(mx.doc, ctx.linkTo), '</div>');
      }
    }
  } else if (x.kind === 'class' || x.kind === 'interface') {
    const main = x.declarations.find((d) => d.kind === x.kind) ?? x.declarations[0];
    parts.push(code(header(main.text)));
    parts.push(docBlock(x.doc, ctx.linkTo));
    const members = x.members.filter((m) => !/^(private|protected)\b/.test(m.text));
    if (members.length) {
      parts.push(`<h3>Members</h3>`);
      let last = '';
      for (const m of members) {
        const mid = anchorId(`${name}.${m.name}`);
        const first = m.name !== last;
        last = m.name;
        parts.push(`<div class="member"${first ? ` id="${mid}"` : ''}>${code(m.text)}${m.doc ? docBlock(m.doc, ctx.linkTo) : ''}</div>`);
      }
    }
  } else {
    parts.push(code(x.declarations.map((d) => signature(d.text)).join('\n')));
    parts.push(docBlock(x.doc, ctx.linkTo));
  }
  parts.push('</section>');
  return parts.join('\n');
}

const CSS = `:root { --fg: #1d2330; --muted: #5b6475; --bg: #fbfbfd; --card: #fff; --line: #dde1ea; --accent: #3b5bdb; --code-bg: #f5f6fa;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); line-height: 1.55; }
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid #91a7ff; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: .5rem; background: var(--card); padding: .3rem .6rem; }
.skip:focus { left: .5rem; }
header.top { display: flex; align-items: center; gap: 1.5rem; padding: .6rem 1.2rem; border-bottom: 1px solid var(--line); background: var(--card); flex-wrap: wrap; }
header.top .brand { font-weight: 700; font-size: 1.2rem; text-decoration: none; color: var(--fg); }
header.top .brand span { font-weight: 400; color: var(--muted); }
header.top nav { display: flex; gap: 1rem; }
header.top nav a[aria-current] { font-weight: 600; color: var(--fg); }
.layout { display: flex; max-width: 78rem; margin: 0 auto; gap: 1.5rem; padding: 0 1.2rem; }
nav.modules { flex: 0 0 13rem; padding-top: 1rem; font-size: .95rem; }
nav.modules ul { list-style: none; padding: 0; margin: 0; }
nav.modules li { margin: .15rem 0; }
nav.modules a[aria-current] { font-weight: 600; color: var(--fg); }
main { flex: 1 1 auto; min-width: 0; padding: 1rem 0 4rem; }
h1 { font-size: 1.8rem; margin: 1rem 0 .5rem; }
h2 { font-size: 1.3rem; margin: 0 0 .4rem; }
h3, h4 { font-size: .95rem; margin: .8rem 0 .2rem; }
section.export h3 { color: var(--muted); }
.lede { font-size: 1.05rem; color: var(--muted); }
section.export { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; margin: 1rem 0; scroll-margin-top: 1rem; }
a.self { color: var(--fg); text-decoration: none; font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; }
a.self:hover { text-decoration: underline; }
.kind { font-size: .8rem; font-weight: 400; color: var(--muted); border: 1px solid var(--line); border-radius: 4px; padding: 0 .35rem; vertical-align: middle; }
pre { background: var(--code-bg); border-radius: 6px; padding: .5rem .7rem; overflow-x: auto; font-size: 13px; margin: .4rem 0; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: .92em; }
.member { border-top: 1px solid var(--line); padding-top: .3rem; margin-top: .5rem; scroll-margin-top: 1rem; }
dl.params dt { margin-top: .3rem; }
dl.params dd { margin-left: 1.2rem; }
dl.params dd p { margin: 0; }
main p, main li, main dd, table.index td { overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; max-width: 100%; }
table.index { border-collapse: collapse; width: 100%; font-size: .95rem; }
table.index th, table.index td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
table.index td:first-child { white-space: nowrap; }
.filter { display: flex; gap: .5rem; align-items: center; margin: 1rem 0; }
.filter input { font: inherit; padding: .3rem .5rem; border: 1px solid #8a93a6; border-radius: 6px; min-width: 16rem; }
ul.toc { columns: 14rem; padding-left: 1.2rem; }
@media (max-width: 760px) { .layout { flex-direction: column; gap: 0; } nav.modules { flex: none; } nav.modules ul { display: flex; flex-wrap: wrap; gap: .2rem .9rem; } }
`;

function page({ title, description, current, entries, body }) {
  const mods = entries.map((e) => `<li><a href="${e.page}.html"${current === e.page ? ' aria-current="page"' : ''}>${esc(e.spec)}</a></li>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<meta name="description" content="${esc(description)}">
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Ctext y='14' font-size='16'%3E%E2%88%87%3C/text%3E%3C/svg%3E">
<link rel="stylesheet" href="api.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
<a class="brand" href="../#/">∇ nabla <span>course</span></a>
<nav aria-label="main"><a href="../#/">Lessons</a> <a href="../#/playground">Playground</a> <a href="index.html" aria-current="${current === 'index' ? 'page' : 'true'}">API</a></nav>
</header>
<div class="layout">
<nav class="modules" aria-label="modules"><ul><li><a href="index.html"${current === 'index' ? ' aria-current="page"' : ''}>Index</a></li>${mods}</ul></nav>
<main id="main" tabindex="-1">
${body}
</main>
</div>
</body>
</html>
`;
}

/** Write the reference into `outDir`; returns the pages written and every export's anchor. */
export function buildDocs({ distDir = join(ROOT, 'dist'), outDir = join(ROOT, 'web-dist', 'api') } = {}) {
  const { entries, home, key } = collectApi(distDir);
  const byFile = new Map(entries.map((e) => [e.types, e]));
  // Names → where they are documented, for {@link} and the index.
  const linkTo = (name) => {
    for (const e of entries) {
      const x = e.exports.get(name.split('.')[0]);
      if (x) {
        const h = home.get(key(x));
        return `${h.page}.html#${anchorId(h.anchor + name.slice(name.split('.')[0].length))}`;
      }
    }
    return undefined;
  };
  const ctx = { linkTo, entryOf: (file) => byFile.get(file) };
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'api.css'), CSS);
  const written = [];
  const index = [];
  for (const e of entries) {
    const names = [...e.exports.keys()].sort((a, b) => a.localeCompare(b, 'en'));
    const own = names.filter((n) => home.get(key(e.exports.get(n))).page === e.page);
    const elsewhere = names.filter((n) => !own.includes(n));
    const intro = e.doc?.summary ? prose(e.doc.summary, linkTo) : '';
    const body = [
      `<h1><code>${esc(e.spec)}</code></h1>`,
      `<p class="lede">import { … } from '${esc(e.spec)}'</p>`,
      intro,
      `<h2 id="contents">Contents</h2>`,
      `<ul class="toc">${own.map((n) => `<li><a href="#${anchorId(n)}">${esc(n)}</a></li>`).join('')}</ul>`,
      ...own.map((n) => exportSection(n, e.exports.get(n), ctx)),
    ];
    if (elsewhere.length) {
      body.push(`<h2 id="also">Also exported here</h2><p>These come from the layers and are documented on their pages.</p>`);
      body.push(`<div class="table-wrap" role="region" aria-label="Also exported here" tabindex="0"><table class="index"><thead><tr><th scope="col">Name</th><th scope="col">Documented at</th></tr></thead><tbody>${elsewhere
        .map((n) => {
          const h = home.get(key(e.exports.get(n)));
          const target = entries.find((x) => x.page === h.page);
          return `<tr id="${anchorId(n)}"><td><code>${esc(n)}</code></td><td><a href="${h.page}.html#${anchorId(h.anchor)}">${esc(target.spec)} · ${esc(h.anchor)}</a></td></tr>`;
        })
        .join('')}</tbody></table></div>`);
    }
    for (const n of own) {
      const x = e.exports.get(n);
      index.push({ name: n, kind: KIND_LABEL[x.kind] ?? x.kind, spec: e.spec, href: `${e.page}.html#${anchorId(n)}`, summary: x.doc?.summary ? firstSentence(x.doc.summary) : '' });
    }
    const file = `${e.page}.html`;
    writeFileSync(join(outDir, file), page({ title: `${e.spec} — nabla API`, description: e.doc?.summary ? firstSentence(e.doc.summary) : `The ${e.spec} module of nabla.`, current: e.page, entries, body: body.join('\n') }));
    written.push(file);
  }
  index.sort((a, b) => a.name.localeCompare(b.name, 'en') || a.spec.localeCompare(b.spec));
  const indexBody = [
    `<h1>API reference</h1>`,
    `<p class="lede">Every public export of nabla, generated from the doc comments (<code>npm run docs</code>). One page per entry point; each export has its own anchor.</p>`,
    `<h2 id="modules">Entry points</h2>`,
    `<div class="table-wrap" role="region" aria-label="Entry points" tabindex="0"><table class="index"><thead><tr><th scope="col">Import from</th><th scope="col">What it holds</th></tr></thead><tbody>${entries.map((e) => `<tr><td><a href="${e.page}.html"><code>${esc(e.spec)}</code></a></td><td>${esc(e.doc?.summary ? firstSentence(e.doc.summary) : '')}</td></tr>`).join('')}</tbody></table></div>`,
    `<h2 id="all">All exports <span class="kind">${index.length}</span></h2>`,
    `<div class="filter"><label for="filter">Filter by name</label><input id="filter" type="search" autocomplete="off"></div>`,
    `<div class="table-wrap" role="region" aria-label="All exports" tabindex="0"><table class="index" id="all-exports"><thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Module</th><th scope="col">Summary</th></tr></thead><tbody>${index
      .map((r) => `<tr data-name="${esc(r.name.toLowerCase())}"><td><a href="${r.href}"><code>${esc(r.name)}</code></a></td><td>${r.kind}</td><td>${esc(r.spec)}</td><td>${esc(r.summary)}</td></tr>`)
      .join('')}</tbody></table></div>`,
    // A filter for the long table; the page works the same without it.
    `<script>document.getElementById('filter').addEventListener('input', (ev) => { const q = ev.target.value.trim().toLowerCase(); for (const tr of document.querySelectorAll('#all-exports tbody tr')) tr.hidden = q !== '' && !tr.dataset.name.includes(q); });</script>`,
  ];
  writeFileSync(join(outDir, 'index.html'), page({ title: 'nabla API reference', description: 'Every public export of nabla: calculus for machine learning in TypeScript.', current: 'index', entries, body: indexBody.join('\n') }));
  written.push('index.html');
  return { pages: written, entries, home, key, anchorId };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? resolve(process.argv[i + 1]) : dflt;
  };
  const outDir = arg('--out', join(ROOT, 'web-dist', 'api'));
  const { pages, entries } = buildDocs({ distDir: arg('--dist', join(ROOT, 'dist')), outDir });
  const total = new Set(entries.flatMap((e) => [...e.exports.values()].map((x) => `${x.file}#${x.name}`))).size;
  console.log(`API reference: ${pages.length} pages, ${total} documented declarations → ${outDir}`);
}
