/**
 * The parser: plain text → canonical expression. Operators `+ - * / ^ **`, unary minus,
 * implicit multiplication (`2x`, `2(x+1)`, `(x+1)(x-1)`, `x y`), names of several letters,
 * digits and underscores (`theta`, `w1_2`), numbers `3`, `0.25`, `1e-3` (exact rationals unless
 * `floats: true`), integers in base 16, 2 or 8 (`0x1f`, `0b101`, `0o17`), constants `pi`, `e`/`E`, `I` (the imaginary unit), `oo`, `zoo`, `nan`, function calls (the function
 * table plus `exp`, `sqrt`, `log(x, b)`, and `f(x)` for an unknown name), `float(0.1)`,
 * `Derivative(f(x), x)`, `Integral(f, x[, a, b])`, and matrices `[a, b; c, d]` (parseMatrix).
 *
 * When `vars` are declared, a name made of declared variables and single letters splits into a
 * product (`2xy` → 2·x·y when x is declared; never `theta`, `w1_2`), and a declared name before
 * `(` multiplies. The public API parses text with the variables the call names (api/coerce.ts). Errors are `ParseError`s with the position and a caret line.
 * An explicit operator stack (shunting-yard) means nesting depth is limited by memory, not by
 * the call stack; long `+` and `*` chains are built in one n-ary call.
 *
 * @example
 * parse('2x^2 + 3x - 1', { vars: ['x'] });
 * parse('sin(theta)^2 + cos(theta)^2');
 */
import { dict } from '../../core/dict.js';
import { LIMITS, checkLimit, limitMessage } from '../../core/limits.js';
import { ArgumentError, LimitError, NablaError, ParseError, describeValue } from '../../core/errors.js';
import { fromDecimalString } from '../../core/rational.js';
import { add, addArray, mul, mulArray, neg, pow } from '../expr/arith.js';
import {
  E,
  I,
  NAN,
  NEG_ONE,
  OO,
  PI,
  ZOO,
  float,
  isNum,
  makeDerivative,
  makeIntegral,
  numFromRational,
  numValue,
  symbol,
  type Expr,
  type SymbolNode,
  type Assumptions,
} from '../expr/expr.js';
import { BUILTIN_FORMS, FUNCTIONS, fn, isKnownFunction } from '../functions/index.js';
import { SymMatrix } from '../walk/matrix.js';

/** Options for parse: declared vars, floats. @example parse('2xy', { vars: ['x', 'y'] }) // → 2*x*y */
export interface ParseOptions {
  /** Declared variable names: runs of them split into products (`xy` → x·y). Default none. */
  vars?: readonly string[];
  /** Read decimals as floats instead of exact rationals. Default false. */
  floats?: boolean;
  /**
   * Assumptions per symbol name, as `symbol(name, assumptions)` would give:
   * `parse('sqrt(a^2)', { assume: { a: { positive: true } } })` is `a`. Default none.
   */
  assume?: Readonly<Record<string, Assumptions>>;
  /**
   * Read an unknown name written before `(` as an undefined function kept unevaluated (`f(x)`,
   * SymPy's `Function('f')`): `true` for any name, or a list of the names allowed. Default false:
   * an unknown function name is a ParseError that suggests the nearest known one (`sinn(x)`).
   */
  undefinedFunctions?: boolean | readonly string[];
}

/** Edit distance (insert, delete, substitute, swap two neighbours) between a and b. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

/** Every name the parser reads as a function: the table, exp/sqrt, aliases and special forms. */
function functionNames(): string[] {
  return [...Object.keys(FUNCTIONS), ...BUILTIN_FORMS, ...Object.keys(FUNCTION_ALIASES), ...SPECIAL_FORMS];
}

/**
 * The message for an unknown function name: the nearest known name when one is close (at most
 * two edits, and fewer than the name's length), and how to ask for an undefined function.
 * @example parse('sinn(x)') // → throws ParseError (unknown function 'sinn' (did you mean 'sin'? …))
 */
function unknownFunctionMessage(name: string): string {
  let best = '';
  let bestD = Infinity;
  const lower = name.toLowerCase();
  for (const known of functionNames()) {
    const dist = editDistance(lower, known.toLowerCase());
    if (dist < bestD || (dist === bestD && known.length < best.length)) [best, bestD] = [known, dist];
  }
  const hint = bestD <= 2 && bestD < name.length ? `did you mean '${best}'? ` : '';
  return `unknown function '${name}' (${hint}for a product write ${name}*(...); for an undefined function pass the option undefinedFunctions)`;
}

type Tok =
  | { t: 'num'; text: string; pos: number; end: number }
  | { t: 'name'; text: string; pos: number; end: number }
  | { t: 'op'; text: string; pos: number; end: number }
  | { t: 'end'; text: ''; pos: number; end: number };

// `I` is the imaginary unit, as in SymPy (`i` stays an ordinary symbol, often an index).
const CONSTANTS = dict<Expr>({ pi: PI, 'π': PI, e: E, E: E, I: I, oo: OO, '∞': OO, zoo: ZOO, nan: NAN });
/** Other spellings of table functions (SymPy's printed names, common aliases). */
const FUNCTION_ALIASES = dict<string>({
  Abs: 'abs', Heaviside: 'heaviside', DiracDelta: 'dirac', Max: 'max', Min: 'min', ln: 'log',
  arcsin: 'asin', arccos: 'acos', arctan: 'atan', arctan2: 'atan2', arcsinh: 'asinh', arccosh: 'acosh', arctanh: 'atanh',
});
/** Greek letter names: whole symbols, never split into letters (`theta` is not t·h·e·t·a). */
const GREEK = new Set(
  'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron rho sigma tau upsilon phi chi psi omega'.split(' '),
);
const SPECIAL_FORMS = new Set(['float', 'Derivative', 'Integral']);
const OP_ALIASES = dict<string>({ '·': '*', '⋅': '*', '×': '*', '−': '-', '÷': '/' });

function isNameStart(c: string): boolean {
  return /[A-Za-z_\u0370-\u03ff]/.test(c);
}

/** Digits of the prefixed integer literals 0x…, 0b…, 0o…. */
const RADIX_PREFIX = dict<RegExp>({ x: /[0-9a-fA-F]/, b: /[01]/, o: /[0-7]/ });
const RADIX_NAME = dict<string>({ x: '16', b: '2', o: '8' });

function lex(input: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    const c = input[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    // 0x1f, 0b101, 0o17: integers in base 16, 2 or 8 (as in JavaScript and Python), never 0·x1f.
    const radix = c === '0' ? RADIX_PREFIX[input[i + 1]?.toLowerCase() ?? ''] : undefined;
    if (radix && i + 2 < n && radix.test(input[i + 2]!)) {
      i += 2;
      while (i < n && radix.test(input[i]!)) i++;
      if (i < n && /[A-Za-z0-9_.\u0370-\u03ff]/.test(input[i]!)) {
        throw new ParseError(`'${input[i]}' cannot follow the base-${RADIX_NAME[input[start + 1]!.toLowerCase()]} number ${input.slice(start, i)}; put a space or '*' after it`, input, i);
      }
      toks.push({ t: 'num', text: input.slice(start, i), pos: start, end: i });
      continue;
    }
    if ((c >= '0' && c <= '9') || (c === '.' && i + 1 < n && input[i + 1]! >= '0' && input[i + 1]! <= '9')) {
      while (i < n && input[i]! >= '0' && input[i]! <= '9') i++;
      if (i < n && input[i] === '.') {
        i++;
        while (i < n && input[i]! >= '0' && input[i]! <= '9') i++;
      }
      // An exponent only when digits follow: `2e-3` is a number, `2e` is 2·e.
      if (i < n && (input[i] === 'e' || input[i] === 'E')) {
        let j = i + 1;
        if (j < n && (input[j] === '+' || input[j] === '-')) j++;
        if (j < n && input[j]! >= '0' && input[j]! <= '9') {
          while (j < n && input[j]! >= '0' && input[j]! <= '9') j++;
          i = j;
        }
      }
      toks.push({ t: 'num', text: input.slice(start, i), pos: start, end: i });
      continue;
    }
    if (isNameStart(c) || c === '∞') {
      if (c === '∞') i++;
      else while (i < n && /[A-Za-z0-9_\u0370-\u03ff]/.test(input[i]!)) i++;
      toks.push({ t: 'name', text: input.slice(start, i), pos: start, end: i });
      continue;
    }
    if (c === '*' && input[i + 1] === '*') {
      toks.push({ t: 'op', text: '^', pos: start, end: i + 2 });
      i += 2;
      continue;
    }
    const op = OP_ALIASES[c] ?? c;
    if ('+-*/^(),;[]'.includes(op)) {
      toks.push({ t: 'op', text: op, pos: start, end: i + 1 });
      i++;
      continue;
    }
    throw new ParseError(`unexpected character '${c}'`, input, i);
  }
  toks.push({ t: 'end', text: '', pos: n, end: n });
  return toks;
}

interface Pending {
  pending: '+' | '*';
  items: Expr[];
}
type Operand = Expr | Pending;
type OpEntry =
  | { k: 'bin'; op: string; pos: number }
  | { k: 'neg'; pos: number }
  | { k: 'paren'; pos: number }
  | { k: 'call'; name: string; pos: number; argc: number };

const PREC = dict<number>({ '+': 1, '-': 1, '*': 2, '/': 2, neg: 3, '^': 4 });

const isPending = (o: Operand): o is Pending => (o as Pending).pending !== undefined;

/**
 * Parse one expression (no matrices; see `parseMatrix` / `parseAny`).
 * @example parse('x^2 + 1') === add(pow(symbol('x'), 2), 1) // → true
 */
export function parse(input: string, options: ParseOptions = {}): Expr {
  if (typeof input !== 'string') throw new ArgumentError('parse() needs a string');
  const r = parseAny(input, options);
  if (r instanceof SymMatrix) throw new ParseError('expected an expression, got a matrix', input, input.indexOf('['));
  return r;
}

/**
 * Parse an expression or a matrix/vector literal `[a, b; c, d]` (`[a, b]` is one row).
 * @example (parseAny('[x, y]') as SymMatrix).cols // → 2
 */
export function parseAny(input: string, options: ParseOptions = {}): Expr | SymMatrix {
  if (typeof input !== 'string') throw new ArgumentError('parse() needs a string');
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new ArgumentError(`parse: options must be an object, got ${describeValue(options)}`);
  if (options.vars !== undefined && !(Array.isArray(options.vars) && options.vars.every((v) => typeof v === 'string'))) {
    throw new ArgumentError(`parse: options.vars must be an array of names, got ${describeValue(options.vars)}`);
  }
  if (options.assume !== undefined && (typeof options.assume !== 'object' || options.assume === null)) throw new ArgumentError(`parse: options.assume must be an object, got ${describeValue(options.assume)}`);
  checkLimit('inputLength', input.length, 'parse');
  const lead = input.search(/\S/);
  if (lead >= 0 && input[lead] === '[') return parseMatrixAt(input, lead, options);
  return parseExpr(input, 0, input.length, options);
}

/** Parse a matrix literal; a plain expression gives a 1×1 matrix. @example parseMatrix('[x, 1; 0, y]').rows === 2 */
export function parseMatrix(input: string, options: ParseOptions = {}): SymMatrix {
  const r = parseAny(input, options);
  return r instanceof SymMatrix ? r : SymMatrix.of(1, 1, [r]);
}

function parseMatrixAt(input: string, open: number, options: ParseOptions): SymMatrix {
  let depth = 0;
  let close = -1;
  const cuts: Array<[number, string]> = [];
  for (let i = open; i < input.length; i++) {
    const c = input[i]!;
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') {
      depth--;
      if (depth === 0) {
        close = i;
        break;
      }
      if (depth < 0) throw new ParseError(`unbalanced '${c}'`, input, i);
    } else if ((c === ',' || c === ';') && depth === 1) cuts.push([i, c]);
  }
  if (close < 0) throw new ParseError("missing ']'", input, open);
  if (input.slice(close + 1).trim() !== '')
    throw new ParseError('unexpected text after the matrix', input, close + 1 + input.slice(close + 1).search(/\S/));
  const rows: Expr[][] = [[]];
  let from = open + 1;
  for (const [at, sep] of [...cuts, [close, ']'] as [number, string]]) {
    if (input.slice(from, at).trim() === '') throw new ParseError('empty matrix entry', input, at);
    rows[rows.length - 1]!.push(parseExpr(input, from, at, options));
    if (sep === ';') rows.push([]);
    from = at + 1;
  }
  const cols = rows[0]!.length;
  rows.forEach((r, i) => {
    if (r.length !== cols) throw new ParseError(`matrix row ${i + 1} has ${r.length} entries, row 1 has ${cols}`, input, open);
  });
  return SymMatrix.of(rows.length, cols, rows.flat());
}

/** Parse input[from, to) as one expression; positions in errors refer to the whole input. */
function parseExpr(whole: string, from: number, to: number, options: ParseOptions): Expr {
  const text = whole.slice(0, to);
  const toks = lex(text).filter((t) => t.pos >= from || t.t === 'end');
  const vars = new Set(options.vars ?? []);
  const assume = options.assume ?? {};
  const sym = (name: string): SymbolNode => symbol(name, Object.prototype.hasOwnProperty.call(assume, name) ? assume[name] : undefined);
  const operands: Operand[] = [];
  const ops: OpEntry[] = [];
  let expectOperand = true;
  // Parentheses, calls and powers open at once: the nesting the result can have (LIMITS).
  let open = 0;
  const opened = (pos: number): void => {
    if (++open > LIMITS.nestingDepth) throw new LimitError(`${limitMessage('nestingDepth', open, 'parse')} at position ${pos + 1}`);
  };

  const fail = (reason: string, pos: number): never => {
    throw new ParseError(reason, whole, pos);
  };
  const guard = <T>(pos: number, f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof ParseError) throw e;
      if (e instanceof NablaError) throw new ParseError(e.message, whole, pos);
      throw e;
    }
  };
  const mat = (o: Operand): Expr => {
    if (!isPending(o)) return o;
    const [a, b] = o.items;
    // Two operands take the constructors' fast paths; longer chains are built in one n-ary call.
    if (o.items.length === 2) return o.pending === '+' ? add(a!, b!) : mul(a!, b!);
    return o.pending === '+' ? addArray(o.items) : mulArray(o.items);
  };
  const pop = (): Operand => operands.pop()!;

  function reduce(): void {
    const top = ops.pop()!;
    if (top.k === 'neg') {
      const a = mat(pop());
      operands.push(guard(top.pos, () => neg(a)));
      return;
    }
    if (top.k !== 'bin') return;
    if (top.op === '^') open--;
    const b = mat(pop());
    const a = pop();
    const op = top.op;
    if (op === '^') {
      operands.push(guard(top.pos, () => pow(mat(a), b)));
      return;
    }
    const kind = op === '+' || op === '-' ? '+' : '*';
    const item = guard(top.pos, () => (op === '-' ? neg(b) : op === '/' ? pow(b, NEG_ONE) : b));
    if (isPending(a) && a.pending === kind) {
      a.items.push(item);
      operands.push(a);
    } else operands.push({ pending: kind, items: [guard(top.pos, () => mat(a)), item] });
  }

  function pushBinary(op: string, pos: number): void {
    const p = PREC[op]!;
    for (;;) {
      const top = ops[ops.length - 1];
      if (!top || (top.k !== 'bin' && top.k !== 'neg')) break;
      const tp = top.k === 'neg' ? PREC.neg! : PREC[top.op]!;
      if (tp > p || (tp === p && op !== '^')) reduce();
      else break;
    }
    if (op === '^') opened(pos);
    ops.push({ k: 'bin', op, pos });
  }

  function operand(e: Expr, pos: number): void {
    if (!expectOperand) pushBinary('*', pos);
    operands.push(e);
    expectOperand = false;
  }

  /**
   * Split a name into a product when variables are declared: each part is a declared variable
   * (longest first) or a single letter, and at least one part is declared (`xy` → x·y with x
   * declared). Names with digits or underscores and Greek letter names (`theta`) never split.
   */
  function splitVars(name: string): string[] | null {
    if (!/^[A-Za-z]+$/.test(name) || GREEK.has(name)) return null;
    const out: string[] = [];
    let declared = false;
    let i = 0;
    const sorted = [...vars].sort((a, b) => b.length - a.length);
    while (i < name.length) {
      const v = sorted.find((s) => name.startsWith(s, i));
      if (v) declared = true;
      const part = v ?? name[i]!;
      out.push(part);
      i += part.length;
    }
    return declared ? out : null;
  }

  function finishCall(call: Extract<OpEntry, { k: 'call' }>, closePos: number): void {
    const args: Expr[] = [];
    for (let i = 0; i < call.argc; i++) args.unshift(mat(pop()));
    const name = call.name;
    const e = guard(call.pos, (): Expr => {
      if (name === 'float') {
        if (args.length !== 1 || !isNum(args[0]!)) return fail('float() takes one number', call.pos);
        return float(numValue(args[0] as never));
      }
      if (name === 'Derivative' || name === 'Integral') {
        if (args.length < 2) return fail(`${name}() needs an expression and a variable`, call.pos);
        const [body, ...rest] = args;
        if (name === 'Derivative') {
          if (!rest.every((v) => v.kind === 'Symbol')) return fail('Derivative() variables must be symbols', call.pos);
          return makeDerivative(body!, rest as SymbolNode[]);
        }
        if (rest[0]!.kind !== 'Symbol' || (rest.length !== 1 && rest.length !== 3))
          return fail('Integral(f, x) or Integral(f, x, a, b)', call.pos);
        return makeIntegral(body!, rest[0] as SymbolNode, rest[1] ?? null, rest[2] ?? null);
      }
      return fn(name, ...args);
    });
    operands.push(e);
  }

  for (let k = 0; k < toks.length; k++) {
    const tok = toks[k]!;
    switch (tok.t) {
      case 'num': {
        const e = guard(tok.pos, () => {
          if (/^0[xbo]/i.test(tok.text)) return numFromRational({ num: BigInt(tok.text), den: 1n });
          const q = fromDecimalString(tok.text);
          if (options.floats && /[.eE]/.test(tok.text)) return float(Number(tok.text));
          return numFromRational(q);
        });
        operand(e, tok.pos);
        break;
      }
      case 'name': {
        const next = toks[k + 1]!;
        const callable = next.t === 'op' && next.text === '(';
        const name = callable && !vars.has(tok.text) ? (FUNCTION_ALIASES[tok.text] ?? tok.text) : tok.text;
        if (callable && !vars.has(name) && (isKnownFunction(name) || SPECIAL_FORMS.has(name))) {
          if (!expectOperand) pushBinary('*', tok.pos);
          opened(tok.pos);
          ops.push({ k: 'call', name, pos: tok.pos, argc: 0 });
          expectOperand = true;
          k++; // consume '('
          break;
        }
        if (vars.has(name)) {
          operand(sym(name), tok.pos);
          break;
        }
        const c = CONSTANTS[name];
        if (c) {
          operand(c, tok.pos);
          break;
        }
        const parts = vars.size ? splitVars(name) : null;
        if (parts) {
          for (const p of parts) operand(vars.has(p) ? sym(p) : (CONSTANTS[p] ?? sym(p)), tok.pos);
          break;
        }
        if (callable && next.pos === tok.end) {
          const allowed = options.undefinedFunctions;
          if (allowed !== true && !(Array.isArray(allowed) && allowed.includes(name))) fail(unknownFunctionMessage(name), tok.pos);
          if (!expectOperand) pushBinary('*', tok.pos);
          opened(tok.pos);
          ops.push({ k: 'call', name, pos: tok.pos, argc: 0 });
          expectOperand = true;
          k++;
          break;
        }
        // `sin x` reads as a function without its parentheses, not as the product sin·x.
        const fname = FUNCTION_ALIASES[name] ?? name;
        if (isKnownFunction(fname) || SPECIAL_FORMS.has(fname))
          fail(`'${name}' is a function: write ${name}(...)`, tok.pos);
        operand(guard(tok.pos, () => sym(name)), tok.pos);
        break;
      }
      case 'op': {
        const op = tok.text;
        if (op === '(') {
          if (!expectOperand) pushBinary('*', tok.pos);
          opened(tok.pos);
          ops.push({ k: 'paren', pos: tok.pos });
          expectOperand = true;
        } else if (op === ')' || op === ',') {
          if (expectOperand) {
            const top = ops[ops.length - 1];
            fail(top && top.k === 'call' && top.argc === 0 && op === ')' ? `${top.name}() needs an argument` : `expected an expression before '${op}'`, tok.pos);
          }
          while (ops.length && ops[ops.length - 1]!.k !== 'paren' && ops[ops.length - 1]!.k !== 'call') reduce();
          const top = ops[ops.length - 1] ?? fail(op === ')' ? "unmatched ')'" : "',' outside a function call", tok.pos);
          if (op === ',') {
            if (top.k !== 'call') return fail("',' outside a function call", tok.pos);
            top.argc++;
            expectOperand = true;
          } else {
            ops.pop();
            open--;
            if (top.k === 'call') {
              top.argc++;
              finishCall(top, tok.pos);
            } else operands.push(mat(pop()));
            expectOperand = false;
          }
        } else if (op === '+' || op === '-') {
          if (expectOperand) {
            if (op === '-') ops.push({ k: 'neg', pos: tok.pos });
          } else {
            pushBinary(op, tok.pos);
            expectOperand = true;
          }
        } else if (op === '*' || op === '/' || op === '^') {
          if (expectOperand) fail(`expected an expression before '${op === '^' && whole.slice(tok.pos, tok.pos + 2) === '**' ? '**' : op}'`, tok.pos);
          pushBinary(op, tok.pos);
          expectOperand = true;
        } else fail(op === '[' ? 'a matrix can only be the whole input' : `unexpected '${op}'`, tok.pos);
        break;
      }
      case 'end': {
        if (expectOperand) fail(operands.length || ops.length ? 'unexpected end of input' : 'empty expression', tok.pos);
        while (ops.length) {
          const top = ops[ops.length - 1]!;
          if (top.k === 'paren' || top.k === 'call') fail("missing ')' for this '('", top.k === 'call' ? top.pos + top.name.length : top.pos);
          reduce();
        }
        if (operands.length !== 1) fail('could not parse', from);
        return guard(from, () => mat(operands[0]!));
      }
    }
  }
  return fail('could not parse', from);
}

