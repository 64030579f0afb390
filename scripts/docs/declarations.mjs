// Reading the public API from the `.d.ts` files tsc emits (they keep the doc comments). A small
// statement splitter for declaration files — not a TypeScript parser: it knows the shapes tsc
// writes (`export declare function …;`, `export declare class X { … }`, `export interface …`,
// `export type X = …;`, `export declare const x: T;`, `export { a as b } from './m.js';`,
// `export * from`, `export * as ns from`) and follows re-exports to the declaration.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDocComment } from './doc-comment.mjs';

const BODY_DECL = /^(?:export\s+)?(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(class|interface|enum|namespace|module)\b/;

/** Skip a string or template literal starting at `i`; returns the index after it. */
function skipString(text, i) {
  const q = text[i];
  i++;
  while (i < text.length && text[i] !== q) i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

/**
 * Split declaration text into statements, each with the doc comment right before it:
 * `{ doc, docLine, text, line }`. A statement ends at `;` at depth 0, or, for a class, interface,
 * enum or namespace, at the `}` that closes its body.
 */
export function splitStatements(text, baseLine = 1) {
  const out = [];
  let i = 0;
  let doc;
  let docLine = 0;
  const lineAt = (k) => baseLine + (text.slice(0, k).match(/\n/g)?.length ?? 0);
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) { i++; continue; }
    if (text.startsWith('/**', i) && !text.startsWith('/**/', i)) {
      const end = text.indexOf('*/', i + 3) + 2;
      doc = text.slice(i, end);
      docLine = lineAt(i);
      i = end;
      continue;
    }
    if (text.startsWith('/*', i)) { i = text.indexOf('*/', i + 2) + 2; continue; }
    if (text.startsWith('//', i)) { while (i < text.length && text[i] !== '\n') i++; continue; }
    const start = i;
    const body = BODY_DECL.test(text.slice(i, i + 80));
    let depth = 0;
    let angle = 0;
    let seenBody = false;
    for (; i < text.length; i++) {
      const ch = text[i];
      if (ch === '"' || ch === "'" || ch === '`') { i = skipString(text, i) - 1; continue; }
      if (text.startsWith('/*', i)) { i = text.indexOf('*/', i + 2) + 1; continue; }
      if (text.startsWith('//', i)) { while (i < text.length && text[i] !== '\n') i++; continue; }
      if (body && !seenBody) {
        // Generic parameters of a class header may hold `{…}` object types.
        if (ch === '<') angle++;
        else if (ch === '>' && text[i - 1] !== '=') angle--;
      }
      if (ch === '(' || ch === '[' || ch === '{') {
        if (ch === '{' && body && depth === 0 && angle === 0) seenBody = true;
        depth++;
      } else if (ch === ')' || ch === ']' || ch === '}') {
        depth--;
        if (ch === '}' && body && depth === 0 && seenBody) { i++; break; }
      } else if (ch === ';' && depth === 0) { i++; break; }
    }
    out.push({ doc, docLine, text: text.slice(start, i).trim(), line: lineAt(start) });
    doc = undefined;
  }
  return out;
}

/** The members of a class or interface statement (its body split the same way). */
function members(stmtText, baseLine) {
  const open = bodyOpen(stmtText);
  if (open < 0) return [];
  const inner = stmtText.slice(open + 1, stmtText.lastIndexOf('}'));
  const lineOffset = stmtText.slice(0, open + 1).match(/\n/g)?.length ?? 0;
  return splitStatements(inner, baseLine + lineOffset)
    .filter((m) => !/^(private|#private)\b/.test(m.text))
    .map((m) => ({ text: m.text, doc: m.doc ? parseDocComment(m.doc, m.docLine) : undefined, name: memberName(m.text) }));
}

/** Index of the `{` that opens a class/interface body (after generics and heritage clauses). */
function bodyOpen(text) {
  let angle = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '<') angle++;
    else if (ch === '>' && text[i - 1] !== '=') angle--;
    else if (ch === '{' && angle === 0) return i;
  }
  return -1;
}

function memberName(text) {
  const t = text.replace(/^(?:(?:public|protected|static|readonly|abstract|declare|get|set|override)\s+)*/, '');
  const m = /^(\[[^\]]*\]|[\w$]+|"[^"]*"|'[^']*')/.exec(t);
  return m ? m[1] : t.slice(0, 20);
}

/** Kind and name of a declaration statement, or undefined for anything else. */
function declaration(text) {
  const t = text.replace(/^export\s+/, '').replace(/^declare\s+/, '').replace(/^default\s+/, '').replace(/^abstract\s+/, '');
  let m = /^(function|class|interface|enum|namespace|module|type)\s+([\w$]+)/.exec(t);
  if (m) return { kind: m[1] === 'module' ? 'namespace' : m[1], name: m[2] };
  m = /^(const|let|var)\s+([\w$]+)/.exec(t);
  if (m) return { kind: 'const', name: m[2] };
  return undefined;
}

/** `a`, `b as c`, `type T` in an export/import list → [{ local, exported, typeOnly }]. */
function specifiers(list) {
  return list.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const typeOnly = /^type\s+/.test(s);
    const [local, exported] = s.replace(/^type\s+/, '').split(/\s+as\s+/).map((x) => x.trim());
    return { local, exported: exported ?? local, typeOnly };
  });
}

const cache = new Map();

/** Parse one `.d.ts` file: its declarations, exports, imports and module doc. */
export function readModule(file) {
  const hit = cache.get(file);
  if (hit) return hit;
  const text = readFileSync(file, 'utf8');
  const stmts = splitStatements(text);
  const mod = { file, decls: new Map(), exports: new Map(), stars: [], imports: new Map(), doc: undefined };
  const target = (spec) => {
    let p = resolve(dirname(file), spec.replace(/\.js$/, '.d.ts'));
    if (!existsSync(p) && existsSync(p.replace(/\.d\.ts$/, '/index.d.ts'))) p = p.replace(/\.d\.ts$/, '/index.d.ts');
    return p;
  };
  stmts.forEach((s, k) => {
    let m;
    const t = s.text;
    if ((m = /^export\s+\*\s+as\s+([\w$]+)\s+from\s+['"]([^'"]+)['"]/.exec(t))) {
      mod.exports.set(m[1], { via: 'namespace', module: target(m[2]), doc: s.doc });
    } else if ((m = /^export\s+\*\s+from\s+['"]([^'"]+)['"]/.exec(t))) {
      mod.stars.push(target(m[1]));
    } else if ((m = /^export\s+(type\s+)?\{([^}]*)\}\s*(?:from\s+['"]([^'"]+)['"])?/.exec(t))) {
      for (const sp of specifiers(m[2])) {
        mod.exports.set(sp.exported, m[3] ? { via: 'from', module: target(m[3]), name: sp.local } : { via: 'local', name: sp.local });
      }
    } else if ((m = /^import\s+(type\s+)?([\s\S]*?)\s+from\s+['"]([^'"]+)['"]/.exec(t))) {
      const what = m[2];
      const ns = /\*\s+as\s+([\w$]+)/.exec(what);
      if (ns) mod.imports.set(ns[1], { module: target(m[3]), name: '*' });
      const braces = /\{([^}]*)\}/.exec(what);
      if (braces) for (const sp of specifiers(braces[1])) mod.imports.set(sp.exported, { module: target(m[3]), name: sp.local });
    } else {
      const d = declaration(t);
      if (!d) return;
      const entry = { ...d, text: t, line: s.line, doc: s.doc ? parseDocComment(s.doc, s.docLine) : undefined, members: d.kind === 'class' || d.kind === 'interface' ? members(t, s.line) : [] };
      const list = mod.decls.get(d.name) ?? [];
      list.push(entry);
      mod.decls.set(d.name, list);
      if (/^export\s/.test(t)) mod.exports.set(d.name, { via: 'local', name: d.name });
    }
    // The file's own doc: a doc comment on its first statement when that is an import or export list.
    if (k === 0 && s.doc && /^(import|export\s+(\*|\{|type\s+\{))/.test(t)) mod.doc = parseDocComment(s.doc, s.docLine);
  });
  cache.set(file, mod);
  return mod;
}

/**
 * Every export of a module, resolved to its declarations:
 * Map name → { kind, name (declared name), declarations, file, doc, members, namespace? }.
 * A namespace export (`export * as ns`) carries the target module's doc and its own exports.
 */
export function moduleExports(file, seen = new Set()) {
  const out = new Map();
  if (seen.has(file)) return out;
  seen.add(file);
  const mod = readModule(file);
  for (const star of mod.stars) {
    for (const [name, e] of moduleExports(star, new Set(seen))) if (name !== 'default' && !out.has(name)) out.set(name, e);
  }
  for (const [name, e] of mod.exports) out.set(name, resolveExport(mod, e, name));
  return out;
}

function resolveExport(mod, e, name) {
  if (e.via === 'namespace') {
    const target = readModule(e.module);
    return { kind: 'namespace', name, file: e.module, doc: e.doc ? parseDocComment(e.doc) : target.doc, declarations: [], members: [], namespace: e.module };
  }
  if (e.via === 'from') {
    const found = moduleExports(e.module).get(e.name);
    if (!found) throw new Error(`${mod.file}: export '${name}' not found in ${e.module}`);
    return found;
  }
  const decls = mod.decls.get(e.name);
  if (decls) {
    // A class and an interface of the same name (declaration merging): the class is the export.
    const main = decls.find((d) => d.kind === 'class') ?? decls[0];
    const doc = decls.find((d) => d.doc?.summary)?.doc ?? main.doc;
    return { kind: main.kind, name: e.name, file: mod.file, doc, declarations: decls, members: decls.flatMap((d) => d.members) };
  }
  const imp = mod.imports.get(e.name);
  if (imp && imp.name === '*') return resolveExport(mod, { via: 'namespace', module: imp.module }, name);
  if (imp) return resolveExport(mod, { via: 'from', module: imp.module, name: imp.name }, name);
  throw new Error(`${mod.file}: cannot resolve export '${name}'`);
}
