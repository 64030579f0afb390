/**
 * The coercion boundary: the one place where the public API turns what a caller wrote into
 * expressions and symbols. Everything below `api/` takes `Expr` and `SymbolNode` only.
 *
 * - An expression argument (`ExprInput`) is an `Expr`, a JS number (`num`: integers exact,
 *   ±Infinity → ±oo, other numbers floats) or text. Text is parsed by one rule: `parse(text,
 *   { vars })` with `vars` the names of the variables the call names, so a run of letters that
 *   contains one of them is a product (`diff('2xy', 'x')` reads 2·x·y) and any other name is one
 *   symbol (`theta`, `w1_2`, `xz` when neither x nor z is named).
 * - A variable (`SymbolInput`) is a `Symbol` node or its name; a list of variables (`SymbolsInput`)
 *   is one of those, an array of them, or one string of names separated by spaces or commas
 *   (`'x y'`, `'x,y'`).
 * - A wrong kind (a boolean, a plain object, a Symbol where a list is wanted, …) is an
 *   `ArgumentError` that names the function and the parameter: "diff: argument 'e' must be …".
 *
 * @example
 * toExprArg('2xy', 'e', 'diff', ['x'])      // → 2*x*y
 * toSymbolsArg('x y', 'vars', 'gradient')   // → [x, y]
 * toExprArg(true, 'e', 'expand')            // → throws ArgumentError: expand: argument 'e' must be …
 */
import { ArgumentError } from '../../core/errors.js';
import { sub } from '../expr/arith.js';
import { num, symbol, type Expr, type SymbolNode } from '../expr/expr.js';
import { KIND_SEED } from '../expr/intern.js';
import { SymMatrix } from '../walk/matrix.js';
import { parse } from '../parse/parse.js';

/** What the public API accepts as an expression: a node, text, or a JS number. */
export type ExprInput = Expr | string | number;
/** A variable: a Symbol node or its name. */
export type SymbolInput = SymbolNode | string;
/** Variables: one, an array, or one string of names separated by spaces or commas ('x y'). */
export type SymbolsInput = SymbolInput | ReadonlyArray<SymbolInput>;

/** A short description of a value for error messages (never the whole value). */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (v instanceof SymMatrix) return 'a matrix';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `a ${typeof v}`;
}

/** True for an expression node (any kind). @example isExpr(parse('x')) // → true
 * isExpr('x') // → false */
export function isExpr(v: unknown): v is Expr {
  if (typeof v !== 'object' || v === null) return false;
  const k = (v as { kind?: unknown }).kind;
  return typeof k === 'string' && Object.hasOwn(KIND_SEED, k) && typeof (v as { id?: unknown }).id === 'number';
}

const wrong = (fnName: string, param: string, want: string, v: unknown): ArgumentError =>
  new ArgumentError(`${fnName}: argument '${param}' must be ${want}, got ${describe(v)}`);

/**
 * The one parse rule for text given to the API: declared variables split runs of letters.
 * @example parseText('2xy', ['x']) // → 2*x*y
 */
export function parseText(text: string, vars: readonly string[] = []): Expr {
  return parse(text, vars.length ? { vars } : {});
}

/**
 * An expression argument: Expr as is, number via `num`, text via `parseText` with `vars`.
 * @example toExprArg(0.5, 'to', 'limit') // → float(0.5)
 */
export function toExprArg(v: unknown, param: string, fnName: string, vars: readonly SymbolNode[] | readonly string[] = []): Expr {
  if (typeof v === 'string') return parseText(v, vars.map((s) => (typeof s === 'string' ? s : s.name)));
  if (typeof v === 'number') return num(v);
  if (isExpr(v)) return v;
  throw wrong(fnName, param, 'an expression, text or a number', v);
}

/**
 * An equation argument: an expression meaning `= 0`, or text `lhs = rhs` (one `=`, `==` also read).
 * @example toEquationArg('exp(x) = 2', 'equation', 'solve') // → exp(x) - 2
 */
export function toEquationArg(v: unknown, param: string, fnName: string, vars: readonly SymbolNode[] = []): Expr {
  if (typeof v !== 'string') return toExprArg(v, param, fnName, vars);
  const parts = v.split(/(?<![<>!=])=(?!=)/);
  if (parts.length > 2) throw new ArgumentError(`${fnName}: an equation has one '=': '${v}'`);
  if (parts.length === 2) return sub(toExprArg(parts[0]!.replace(/==$/, ''), param, fnName, vars), toExprArg(parts[1]!, param, fnName, vars));
  return toExprArg(v, param, fnName, vars);
}

/**
 * A single variable: a Symbol node or a valid name.
 * @example toSymbolArg('x', 'x', 'limit') === symbol('x') // → true
 */
export function toSymbolArg(v: unknown, param: string, fnName: string): SymbolNode {
  if (typeof v === 'string') {
    const name = v.trim();
    if (!/^[A-Za-z_\u0370-\u03ff][A-Za-z0-9_\u0370-\u03ff]*$/.test(name)) throw wrong(fnName, param, 'a variable (a symbol or its name)', v);
    return symbol(name);
  }
  if (isExpr(v) && v.kind === 'Symbol') return v;
  throw wrong(fnName, param, 'a variable (a symbol or its name)', v);
}

/**
 * A list of variables: one variable, an array of them, or 'x y' / 'x,y'.
 * @example toSymbolsArg(['x', symbol('y')], 'vars', 'jacobian') // → [x, y]
 */
export function toSymbolsArg(v: unknown, param: string, fnName: string): SymbolNode[] {
  if (typeof v === 'string') return v.split(/[\s,]+/).filter(Boolean).map((n) => toSymbolArg(n, param, fnName));
  if (Array.isArray(v)) return v.map((s) => toSymbolArg(s, param, fnName));
  if (isExpr(v) && v.kind === 'Symbol') return [v];
  throw wrong(fnName, param, "variables (a symbol, a name, an array of them, or 'x y')", v);
}

/**
 * An options argument: undefined or a plain object; with `known`, a key outside it is an
 * ArgumentError listing the known ones (a misspelt option is never ignored silently).
 * @example toOptionsArg(undefined, 'options', 'solve') // → {}
 */
export function toOptionsArg<T extends object>(v: T | undefined, param: string, fnName: string, known?: readonly string[]): T {
  if (v === undefined) return {} as T;
  if (typeof v !== 'object' || v === null || Array.isArray(v) || isExpr(v)) throw wrong(fnName, param, 'an options object', v);
  const extra = known ? Object.keys(v).find((k) => !known.includes(k)) : undefined;
  if (extra !== undefined) throw new ArgumentError(`${fnName}: unknown option '${extra}' (have ${known!.join(', ')})`);
  return v;
}
