// Turning an `@example` block into code that checks what it states. Shared by the example tests
// (test/doc-examples.test.ts) and their own test (test/docs/examples.test.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { transform } from 'sucrase';
import { docComments, parseDocComment } from '../../scripts/docs/doc-comment.mjs';

export interface Example {
  /** Path relative to the repository, e.g. src/numeric/array.ts. */
  file: string;
  /** 1-based line of the example's first code line. */
  line: number;
  code: string;
}

export interface Compiled {
  /** The body of an async function: the example with each stated value replaced by a check. */
  js: string;
  /** What each check expects: the text after `→` (or the comment lines after a bare `→`). */
  checks: Array<{ line: number; code: string; want: string; multiline: boolean }>;
}

/** Every `@example` of the TypeScript files under `dir` (recursively), in file order. */
export function collectExamples(root: string, dir: string): Example[] {
  const walk = (d: string): string[] =>
    readdirSync(d).sort().flatMap((f) => {
      const p = join(d, f);
      return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
    });
  const out: Example[] = [];
  for (const file of walk(dir)) {
    for (const c of docComments(readFileSync(file, 'utf8'))) {
      for (const ex of parseDocComment(c.raw, c.line).examples) out.push({ file: relative(root, file), line: ex.line, code: ex.code });
    }
  }
  return out;
}

/** Net count of opening minus closing brackets in a line of code (strings skipped). */
function balance(code: string): number {
  let n = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === '"' || c === "'" || c === '`') {
      i++;
      while (i < code.length && code[i] !== c) i += code[i] === '\\' ? 2 : 1;
    } else if (c === '(' || c === '[' || c === '{') n++;
    else if (c === ')' || c === ']' || c === '}') n--;
  }
  return n;
}

const ARROW = /\/\/\s*→(.*)$/;

/**
 * Compile an example: imports dropped (the harness puts the module's exports in scope), each
 * `code // → value` line becomes `await __check(k, () => (code))`. A statement that spans lines
 * is checked whole when its last line carries the `→`.
 */
export function compileExample(code: string, firstLine = 1): Compiled {
  const lines = code.split('\n');
  const out: string[] = [];
  const checks: Compiled['checks'] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^\s*import\s/.test(l)) { out.push(''); continue; }
    const m = ARROW.exec(l);
    if (!m) { out.push(l); continue; }
    let stmt = l.slice(0, m.index).trimEnd();
    let want = m[1]!.trim();
    let multiline = false;
    if (!want) {
      // The stated value is the block of `// …` lines that follows.
      const block: string[] = [];
      while (i + 1 < lines.length && /^\s*\/\//.test(lines[i + 1]!)) block.push(lines[++i]!.replace(/^\s*\/\/ ?/, ''));
      want = block.join('\n');
      multiline = true;
    }
    // Gather the earlier lines of a statement this line closes.
    let bal = balance(stmt);
    while (bal < 0 && out.length) {
      const prev = out.pop()!;
      stmt = `${prev}\n${stmt}`;
      bal += balance(prev);
    }
    const expr = stmt.trim().replace(/;$/, '');
    if (/^(const|let|var)\s/.test(expr)) throw new Error(`line ${firstLine + i}: a stated value needs an expression, not a declaration: ${expr}`);
    out.push(`await __check(${checks.length}, () => (${expr}));`);
    checks.push({ line: firstLine + i, code: expr, want, multiline });
  }
  const ts = `{\n${out.join('\n')}\n}`;
  const js = transform(ts, { transforms: ['typescript'], disableESTransforms: true }).code;
  return { js, checks };
}
