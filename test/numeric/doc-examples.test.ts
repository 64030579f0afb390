// Runs the `@example` blocks of src/numeric's doc comments. A line `expr // value` is checked
// when `value` is a literal (number, string, array, `Float64Array [..]`, `{ key: value }`);
// `// ≈ value` allows a relative 1e-6; other comments are prose. The examples are our own source
// text (not user input), compiled with sucrase and run with the layer's exports in scope.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { transform } from 'sucrase';
import * as numeric from '../../src/numeric/index.js';

const SRC = resolve(__dirname, '../../src/numeric');

interface Example {
  file: string;
  line: number;
  code: string[];
}

function examples(): Example[] {
  const out: Example[] = [];
  for (const file of readdirSync(SRC).filter((f) => f.endsWith('.ts'))) {
    const lines = readFileSync(resolve(SRC, file), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!/^\s*\*\s*@example/.test(lines[i]!)) continue;
      const code: string[] = [];
      let j = i + 1;
      while (j < lines.length && !/^\s*\*\//.test(lines[j]!) && !/^\s*\*\s*@/.test(lines[j]!)) {
        code.push(lines[j]!.replace(/^\s*\* ?/, ''));
        j++;
      }
      out.push({ file, line: i + 1, code });
    }
  }
  return out;
}

/** The expected value of a comment, or undefined when it is prose. */
function expected(comment: string): { value: unknown; approx: boolean } | undefined {
  let text = comment.trim();
  const approx = text.startsWith('≈');
  if (approx) text = text.slice(1).trim();
  text = text.replace(/\s+\(.*\)$/, ''); // trailing remark in parentheses
  text = text.replace(/^Float64Array\s*/, '');
  const json = text.replace(/'/g, '"').replace(/([{,]\s*)([A-Za-z_]\w*)\s*:/g, '$1"$2":');
  try {
    return { value: JSON.parse(json), approx };
  } catch {
    return undefined;
  }
}

function close(actual: unknown, want: unknown, tol: number): boolean {
  if (typeof want === 'number') return typeof actual === 'number' && (actual === want || Math.abs(actual - want) <= tol * Math.max(1, Math.abs(want)));
  if (typeof want === 'string') return actual === want;
  if (Array.isArray(want)) {
    const arr = actual instanceof Float64Array || actual instanceof Int32Array ? Array.from(actual) : actual;
    return Array.isArray(arr) && arr.length === want.length && want.every((w, k) => close(arr[k], w, tol));
  }
  if (want && typeof want === 'object') {
    return !!actual && typeof actual === 'object' && Object.entries(want).every(([k, w]) => close((actual as Record<string, unknown>)[k], w, tol));
  }
  return actual === want;
}

let checked = 0;
const names = Object.keys(numeric);
const values = names.map((n) => (numeric as Record<string, unknown>)[n]);

describe('numeric doc examples run', () => {
  const all = examples();
  it('every exported function has an example', () => {
    const text = readdirSync(SRC).map((f) => readFileSync(resolve(SRC, f), 'utf8')).join('\n');
    const missing = names.filter((n) => typeof (numeric as Record<string, unknown>)[n] === 'function').filter((n) => {
      const re = new RegExp(`@example[\\s\\S]{0,400}?\\b${n}\\(`);
      return !re.test(text);
    });
    expect(missing).toEqual([]);
  });
  for (const ex of all) {
    it(`${ex.file}:${ex.line}`, () => {
      const checks: { line: string; want: unknown; approx: boolean }[] = [];
      const body = ex.code.map((l) => {
        const at = l.indexOf(' // ');
        if (at < 0) return l;
        const code = l.slice(0, at).trim();
        const exp = expected(l.slice(at + 4));
        if (!exp || /^(const|let|for|if)\b/.test(code)) return l.slice(0, at);
        checks.push({ line: l, want: exp.value, approx: exp.approx });
        return `__check(${checks.length - 1}, (${code.replace(/;$/, '')}));`;
      });
      const js = transform(body.join('\n'), { transforms: ['typescript'] }).code;
      const got: unknown[] = [];
      // Our own doc text, compiled in a test: never user input.
      new Function('__check', ...names, js)((k: number, v: unknown) => (got[k] = v), ...values);
      checked += checks.length;
      checks.forEach((c, k) => {
        expect(close(got[k], c.want, c.approx ? 1e-6 : 1e-12), `${c.line} → ${JSON.stringify(got[k], (_, v) => (v instanceof Float64Array ? Array.from(v) : v))}`).toBe(true);
      });
    });
  }
  it('most examples state a checkable value', () => {
    expect(checked).toBeGreaterThanOrEqual(40);
  });
});
