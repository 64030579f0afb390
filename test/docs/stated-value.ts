// What an example states after `// →`, and whether a value matches it. The format (README of
// the reference, ARCHITECTURE "Doc comments and examples"):
//   expr // → 3                 a number: equal to 1e-12 relative
//   expr // → ≈ 1.4142136       approximately: within half a unit of the last digit written
//                               (at least 6 decimals: `≈ 1` means within 5e-7); `≈ 2/3` a ratio
//   expr // → 'text'            a string, exactly ("…" or '…', JS escapes)
//   expr // → x^2 + 1           an expression: parses to the same (interned) node, or prints as written
//   expr // → [1, 2] / {k: v}   arrays (also typed arrays, SymMatrix rows, tensors) and the keys
//                               stated of an object; `Float64Array [..]` also checks the type
//   expr // → true, null, undefined, NaN, Infinity, 3n
//   expr // → throws ParseError  the call throws that error class
//   expr // →                   followed by `// line` comments: the string those lines make
import { evaluate, isSymMatrix, parse, toString, type Expr } from '../../src/symbolic/index.js';
import { isExpr } from '../../src/symbolic/api/coerce.js';
import { toText as matrixToText, type MExpr } from '../../src/matcalc/index.js';

/** A matcalc expression: a node with a kind and a {rows, cols} shape. */
const isMExpr = (v: unknown): v is MExpr => !!v && typeof v === 'object' && typeof (v as { kind?: unknown }).kind === 'string' && typeof (v as { shape?: { rows?: unknown } }).shape?.rows !== 'undefined';

export type Pattern =
  | { kind: 'number'; value: number; text: string }
  | { kind: 'bigint'; value: bigint }
  | { kind: 'string'; value: string }
  | { kind: 'literal'; value: boolean | null | undefined }
  | { kind: 'array'; items: Pattern[]; type?: string }
  | { kind: 'object'; entries: Array<[string, Pattern]> }
  | { kind: 'text'; text: string };

export interface Stated {
  approx: boolean;
  throws?: string;
  pattern?: Pattern;
}

/** Parse what follows `→` (already trimmed). */
export function parseStated(text: string): Stated {
  let t = text.trim();
  const th = /^throws\s+([A-Za-z]\w*)/.exec(t);
  if (th) return { approx: false, throws: th[1] };
  const approx = t.startsWith('≈');
  if (approx) t = t.slice(1).trim();
  const p = new Reader(t);
  const pattern = p.value();
  // A remark in parentheses may follow the value: `// → 3 (only the first factor counts)`.
  if (/^\s+\(/.test(t.slice(p.i))) return { approx, pattern };
  p.skip();
  if (p.i !== t.length) throw new Error(`cannot read the stated value '${text}' (stopped at '${t.slice(p.i)}')`);
  return { approx, pattern };
}

class Reader {
  i = 0;
  constructor(readonly s: string) {}
  skip(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }
  value(): Pattern {
    this.skip();
    const s = this.s;
    const rest = s.slice(this.i);
    const typed = /^(Float64Array|Float32Array|Int32Array|Int8Array|Uint8Array)\s*\[/.exec(rest);
    if (typed) {
      this.i += typed[0].length - 1;
      const arr = this.value() as Extract<Pattern, { kind: 'array' }>;
      return { ...arr, type: typed[1] };
    }
    const c = s[this.i];
    if (c === '[') {
      this.i++;
      const items: Pattern[] = [];
      this.skip();
      if (s[this.i] === ']') { this.i++; return { kind: 'array', items }; }
      for (;;) {
        items.push(this.value());
        this.skip();
        if (s[this.i] === ',') { this.i++; continue; }
        if (s[this.i] === ']') { this.i++; return { kind: 'array', items }; }
        throw new Error(`expected , or ] at ${this.i} in '${s}'`);
      }
    }
    if (c === '{') {
      this.i++;
      const entries: Array<[string, Pattern]> = [];
      for (;;) {
        this.skip();
        if (s[this.i] === '}') { this.i++; return { kind: 'object', entries }; }
        const key = /^(?:'([^']*)'|"([^"]*)"|([A-Za-z_$][\w$]*))\s*:/.exec(s.slice(this.i));
        if (!key) throw new Error(`expected a key at ${this.i} in '${s}'`);
        this.i += key[0].length;
        entries.push([key[1] ?? key[2] ?? key[3]!, this.value()]);
        this.skip();
        if (s[this.i] === ',') this.i++;
      }
    }
    if (c === "'" || c === '"') {
      let j = this.i + 1;
      let out = '';
      while (j < s.length && s[j] !== c) {
        if (s[j] === '\\') {
          const e = s[j + 1]!;
          out += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'u' ? String.fromCharCode(parseInt(s.slice(j + 2, j + 6), 16)) : e;
          j += e === 'u' ? 6 : 2;
        } else out += s[j++];
      }
      this.i = j + 1;
      return { kind: 'string', value: out };
    }
    // A bare token up to the next , ] } at depth 0: a number, a literal, or an expression's text.
    let j = this.i;
    let depth = 0;
    while (j < s.length) {
      const ch = s[j]!;
      if (depth === 0 && j > this.i + 1 && ch === '(' && /\s/.test(s[j - 1]!) && !/[-+*/^,(=<>]/.test(s.slice(this.i, j).trimEnd().slice(-1))) {
        j--; // a remark starts here
        break;
      }
      if (ch === '(' || ch === '[' || ch === '{') depth++;
      else if (ch === ')' || ch === ']' || ch === '}') {
        if (depth === 0) break;
        depth--;
      } else if (ch === ',' && depth === 0) break;
      j++;
    }
    const tok = s.slice(this.i, j).trim();
    this.i = j;
    if (/^-?\d+n$/.test(tok)) return { kind: 'bigint', value: BigInt(tok.slice(0, -1)) };
    if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(tok) || /^-?(Infinity|NaN)$/.test(tok)) return { kind: 'number', value: Number(tok), text: tok };
    if (/^-?\d+\/\d+$/.test(tok)) return { kind: 'number', value: Number(tok.split('/')[0]) / Number(tok.split('/')[1]), text: tok };
    if (tok === 'true' || tok === 'false') return { kind: 'literal', value: tok === 'true' };
    if (tok === 'null') return { kind: 'literal', value: null };
    if (tok === 'undefined') return { kind: 'literal', value: undefined };
    if (!tok) throw new Error(`empty value at ${this.i} in '${s}'`);
    return { kind: 'text', text: tok };
  }
}

/** Allowed difference for a number written as `text`. */
function tolerance(want: number, text: string, approx: boolean): number {
  if (!approx) return 1e-12 * Math.max(1, Math.abs(want));
  const m = /\.(\d+)/.exec(text.replace(/e.*$/i, ''));
  const exp = /e([-+]?\d+)$/i.exec(text);
  const decimals = Math.max(6, (m ? m[1]!.length : 0) - (exp ? Number(exp[1]) : 0));
  return Math.max(0.5 * 10 ** -decimals, 1e-12 * Math.abs(want));
}

function exprMatches(e: Expr, text: string): boolean {
  if (toString(e) === text) return true;
  try {
    return parse(text, { undefinedFunctions: true }) === e;
  } catch {
    return false;
  }
}

/** The value as something a pattern can be compared with (matrices and tensors as nested arrays). */
function asArray(v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) return v;
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
  if (isSymMatrix(v)) {
    const m = v as unknown as { rows: number; cols: number; get(i: number, j: number): Expr };
    return Array.from({ length: m.rows }, (_, i) => Array.from({ length: m.cols }, (_, j) => m.get(i, j)));
  }
  const t = v as { toArray?: () => unknown; shape?: unknown };
  if (t && typeof t === 'object' && typeof t.toArray === 'function' && Array.isArray(t.shape)) {
    const a = t.toArray();
    return Array.isArray(a) ? a : [a];
  }
  if (v instanceof Set) return [...v];
  return undefined;
}

/** Why `actual` does not match `p`, or '' when it does. */
export function mismatch(actual: unknown, p: Pattern, approx: boolean, path = ''): string {
  const at = path ? ` at ${path}` : '';
  switch (p.kind) {
    case 'number': {
      let a = actual;
      if (isExpr(a)) {
        if (exprMatches(a, p.text)) return '';
        // A float node compared with a decimal: by value.
        if (a.kind === 'Float') a = evaluate(a, {});
        else return `expected ${p.text}${at}, got ${toString(a)}`;
      }
      if (typeof a === 'bigint') a = Number(a);
      const r = a as { num?: unknown; den?: unknown };
      if (r && typeof r === 'object' && typeof r.num === 'bigint' && typeof r.den === 'bigint') a = Number(r.num) / Number(r.den);
      if (typeof a !== 'number') return `expected the number ${p.text}${at}, got ${describe(actual)}`;
      if (Number.isNaN(p.value)) return Number.isNaN(a) ? '' : `expected NaN${at}, got ${a}`;
      if (a === p.value) return '';
      return Math.abs(a - p.value) <= tolerance(p.value, p.text, approx) ? '' : `expected ${approx ? '≈ ' : ''}${p.text}${at}, got ${a}`;
    }
    case 'bigint':
      return actual === p.value ? '' : `expected ${p.value}n${at}, got ${describe(actual)}`;
    case 'string':
      return actual === p.value ? '' : `expected ${JSON.stringify(p.value)}${at}, got ${describe(actual)}`;
    case 'literal':
      return actual === p.value ? '' : `expected ${String(p.value)}${at}, got ${describe(actual)}`;
    case 'text': {
      if (isExpr(actual)) return exprMatches(actual, p.text) ? '' : `expected ${p.text}${at}, got ${toString(actual)}`;
      if (typeof actual === 'string') return actual === p.text ? '' : `expected ${p.text}${at}, got ${JSON.stringify(actual)}`;
      if (isMExpr(actual)) return matrixToText(actual) === p.text ? '' : `expected ${p.text}${at}, got ${matrixToText(actual)}`;
      const r = actual as { num?: unknown; den?: unknown };
      if (r && typeof r === 'object' && typeof r.num === 'bigint' && typeof r.den === 'bigint') {
        const s = r.den === 1n ? `${r.num}` : `${r.num}/${r.den}`;
        return s === p.text.replace(/\s+/g, '') ? '' : `expected ${p.text}${at}, got ${s}`;
      }
      const shown = actual !== null && typeof actual === 'object' && typeof (actual as object).toString === 'function' && (actual as object).toString !== Object.prototype.toString ? String(actual) : undefined;
      return shown === p.text ? '' : `expected ${p.text}${at}, got ${describe(actual)}`;
    }
    case 'array': {
      if (p.type && (actual as object)?.constructor?.name !== p.type) return `expected a ${p.type}${at}, got ${describe(actual)}`;
      const arr = asArray(actual);
      if (!arr) return `expected an array${at}, got ${describe(actual)}`;
      if (arr.length !== p.items.length) return `expected ${p.items.length} items${at}, got ${arr.length}: ${describe(actual)}`;
      for (let k = 0; k < arr.length; k++) {
        const why = mismatch(arr[k], p.items[k]!, approx, `${path}[${k}]`);
        if (why) return why;
      }
      return '';
    }
    case 'object': {
      if (actual === null || typeof actual !== 'object') return `expected an object${at}, got ${describe(actual)}`;
      // A Map is read by its keys' printed names ({x: 1} matches Map { x ↦ 1 } with x a symbol).
      const get = actual instanceof Map
        ? (k: string): unknown => [...actual].find(([key]) => (isExpr(key) ? toString(key) : String(key)) === k)?.[1]
        : (k: string): unknown => (actual as Record<string, unknown>)[k];
      for (const [k, v] of p.entries) {
        const why = mismatch(get(k), v, approx, `${path}.${k}`);
        if (why) return why;
      }
      return '';
    }
  }
}

/** A short description of a value for failure messages. */
export function describe(v: unknown): string {
  if (isExpr(v)) return toString(v);
  if (isMExpr(v)) return matrixToText(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'bigint') return `${v}n`;
  const arr = asArray(v);
  if (arr && !Array.isArray(v)) return `${(v as object).constructor?.name ?? ''} [${arr.map(describe).join(', ')}]`;
  if (Array.isArray(v)) return `[${v.map(describe).join(', ')}]`;
  if (v && typeof v === 'object') {
    const keys = Object.keys(v).slice(0, 8);
    return `{ ${keys.map((k) => `${k}: ${typeof (v as Record<string, unknown>)[k] === 'object' ? '…' : describe((v as Record<string, unknown>)[k])}`).join(', ')} }`;
  }
  return String(v);
}
