/**
 * Turn a code cell's TypeScript into a JavaScript module the worker can load from a Blob URL.
 *
 * Types are stripped by sucrase (which keeps every line where it was, so error lines still point
 * at what the learner typed), and `import … from 'nabla'` (or `'nabla/<layer>'`) becomes a
 * destructuring of the library object the worker injects as `globalThis.__nabla`: a Blob module
 * cannot resolve bare specifiers itself.
 */
import { transform } from 'sucrase';

/** A code cell that cannot be turned into JavaScript: the message and the 1-based line. */
export class CellSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'SyntaxError';
  }
}

const NABLA = `['"]nabla(?:/[\\w-]+)?['"]`;
// `import X, { a, b as c } from 'nabla'`, `import { … } from 'nabla'`, `import * as N from 'nabla'`, `import X from 'nabla'`
const IMPORT_RE = new RegExp(
  String.raw`^([ \t]*)import\s+(?:(\w+)\s*,\s*)?(?:\{([^}]*)\}|\*\s*as\s+(\w+)|(\w+))\s*from\s*` + NABLA + String.raw`[ \t]*;?`,
  'gm',
);
const OTHER_IMPORT_RE = /^[ \t]*import\s[^;\n]*?from\s*['"]([^'"]+)['"]|^[ \t]*import\s*['"]([^'"]+)['"]/gm;

/** `a, b as c, type T` → `a, b: c` (type-only names are dropped). */
function bindings(list: string): string {
  return list
    .split(',')
    .map((part) => {
      const lead = part.match(/^\s*/)![0];
      const p = part.trim();
      if (!p || /^type\s/.test(p)) return null;
      const m = p.match(/^(\w+)\s+as\s+(\w+)$/);
      return lead + (m ? `${m[1]}: ${m[2]}` : p);
    })
    .filter((x): x is string => x !== null)
    .join(',');
}

function lineAt(code: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < code.length; i++) if (code.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Strip types and rewrite nabla imports. Throws CellSyntaxError (with the line) on a syntax error
 * or an import of anything but nabla.
 * @example transformCell("import { diff } from 'nabla';\nconst n: number = 1;")
 * // → "const { diff } = globalThis.__nabla;\nconst n = 1;"
 */
export function transformCell(source: string): string {
  let js: string;
  try {
    js = transform(source, { transforms: ['typescript'], disableESTransforms: true, keepUnusedImports: true }).code;
  } catch (e) {
    const err = e as Error & { loc?: { line: number; column: number } };
    const line = err.loc?.line ?? 1;
    const column = (err.loc?.column ?? 0) + 1;
    throw new CellSyntaxError(err.message.replace(/\s*\(\d+:\d+\)$/, ''), line, column);
  }
  js = js.replace(IMPORT_RE, (_m, indent: string, def?: string, named?: string, star?: string, single?: string) => {
    const parts: string[] = [];
    if (def) parts.push(`${def} = globalThis.__nabla`);
    if (named !== undefined) {
      const b = bindings(named);
      if (b.trim()) parts.push(`{${b}} = globalThis.__nabla`);
    }
    if (star) parts.push(`${star} = globalThis.__nabla`);
    if (single) parts.push(`${single} = globalThis.__nabla`);
    return parts.length ? `${indent}const ${parts.join(', ')};` : indent;
  });
  for (const m of js.matchAll(OTHER_IMPORT_RE)) {
    const spec = m[1] ?? m[2];
    throw new CellSyntaxError(
      `a code cell can only import from 'nabla' (got '${spec}'); the library is also available as the global \`nabla\``,
      lineAt(js, m.index ?? 0),
      1,
    );
  }
  return js;
}

/**
 * The line (1-based) in the learner's code an error points at, read from its stack: the first
 * frame inside the cell's Blob URL. Null when the stack does not say.
 */
export function errorLine(stack: string | undefined, moduleUrl: string): number | null {
  if (!stack) return null;
  for (const line of stack.split('\n')) {
    const at = line.indexOf(moduleUrl);
    if (at < 0) continue;
    const m = line.slice(at + moduleUrl.length).match(/^:(\d+):(\d+)/);
    if (m) return Number(m[1]);
  }
  return null;
}
