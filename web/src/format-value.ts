/**
 * How `print(...)` shows a value in a code cell's output: like console.log, but readable for the
 * library's own objects (expressions print as text, Float64Arrays and matrices as numbers).
 */
import { exprToString, isSymMatrix, pretty, type Expr } from '../../src/symbolic/index.js';

function isMatrix(v: unknown): v is { rows: number; cols: number; data: ArrayLike<number> } {
  const m = v as { rows?: unknown; cols?: unknown; data?: unknown };
  return typeof m.rows === 'number' && typeof m.cols === 'number' && ArrayBuffer.isView(m.data as ArrayBufferView);
}

let special: ((v: object) => string | null) | null = null;

/** Let the library format its own objects (expressions, matrices); return null to decline. */
export function setObjectFormatter(f: ((v: object) => string | null) | null): void {
  special = f;
}

function num(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

/**
 * One value as text.
 * @example formatValue(new Float64Array([1, 2.5])) // '[1, 2.5]'
 */
export function formatValue(v: unknown, depth = 0): string {
  if (typeof v === 'string') return depth === 0 ? v : JSON.stringify(v);
  if (typeof v === 'number') return num(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (v === null || v === undefined || typeof v === 'boolean' || typeof v === 'symbol') return String(v);
  if (typeof v === 'function') return `[function ${v.name || 'anonymous'}]`;
  if (v instanceof Error) return `${v.name}: ${v.message}`;
  if (depth > 4) return '…';
  if (special) {
    const s = special(v as object);
    if (s !== null) return s;
  }
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const a = Array.from(v as unknown as ArrayLike<number>);
    const shown = a.slice(0, 100).map(num).join(', ');
    return `[${shown}${a.length > 100 ? `, … (${a.length} values)` : ''}]`;
  }
  if (Array.isArray(v)) {
    const shown = v.slice(0, 100).map((x) => formatValue(x, depth + 1));
    return `[${shown.join(', ')}${v.length > 100 ? `, … (${v.length} items)` : ''}]`;
  }
  if (isMatrix(v) && v.rows * v.cols <= 400) {
    const rows: string[] = [];
    for (let i = 0; i < v.rows; i++) {
      const r: string[] = [];
      for (let j = 0; j < v.cols; j++) r.push(num(v.data[i * v.cols + j]!));
      rows.push(`[${r.join(', ')}]`);
    }
    return `[${rows.join(',\n ')}]`;
  }
  const own = (v as { toString?: () => string }).toString;
  if (typeof own === 'function' && own !== Object.prototype.toString) {
    try {
      return String(v);
    } catch {
      /* fall through to the structural view */
    }
  }
  if (v instanceof Map) return `Map(${[...v].map(([k, x]) => `${formatValue(k, depth + 1)} => ${formatValue(x, depth + 1)}`).join(', ')})`;
  if (v instanceof Set) return `Set(${[...v].map((x) => formatValue(x, depth + 1)).join(', ')})`;
  const entries = Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${formatValue(x, depth + 1)}`);
  return `{ ${entries.join(', ')} }`;
}

/** `print(a, b, …)`: the values joined by spaces. */
export function formatArgs(args: unknown[]): string {
  return args.map((a) => formatValue(a)).join(' ');
}

/** A figure is anything with a `toSVG()` method (the plot layer's figures). */
export function isFigure(v: unknown): v is { toSVG(): string } {
  return typeof v === 'object' && v !== null && typeof (v as { toSVG?: unknown }).toSVG === 'function';
}

// Every expression node kind, so a new kind added to the library fails to compile here.
const EXPR_KINDS: Record<Expr['kind'], true> = {
  Integer: true, Rational: true, Float: true, Symbol: true, Constant: true, Add: true, Mul: true,
  Pow: true, Function: true, Derivative: true, Integral: true,
};

/**
 * The formatter for the library's objects: expressions as parseable text, matrices in 2-D;
 * null for anything else.
 * @example formatLibraryObject(parse('x^2')) // 'x^2'
 */
export function formatLibraryObject(v: object): string | null {
  if (isSymMatrix(v)) return pretty(v);
  const kind = (v as { kind?: unknown }).kind;
  return typeof kind === 'string' && Object.hasOwn(EXPR_KINDS, kind) ? exprToString(v as Expr) : null;
}
