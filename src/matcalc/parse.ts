/**
 * The text form of matrix expressions (the CLI's input), parsed by recursive descent into the
 * smart constructors — user text is never evaluated as code.
 *
 *   sum       term (('+' | '-') term)*
 *   term      unary (('*' | '/' | '.*' | './' | '⊙' | '⊘') unary)*      (a number followed by a
 *                                                                         name multiplies: 2X)
 *   unary     ('-' | '+') unary | power
 *   power     postfix (('^' | '.^') unary)?      X^T and X^-1 are transpose and inverse
 *   postfix   primary ("'" | 'ᵀ')*
 *   primary   number | name | name '(' args ')' | '(' sum ')'
 *
 * Shapes come from a spec like "X:n,m w:m y:n lambda:" (a name with no dimensions is a scalar;
 * undeclared names are scalars unless `undeclared: 'error'`). A name used as a dimension stands
 * for that size as a number (`sum(x)/n`). Numbers broadcast in sums (`1 - y`).
 */
import { LimitError, ParseError, ShapeError } from '../core/errors.js';
import {
  add,
  det,
  diag,
  dimValue,
  epow,
  ewFn,
  EW_FUNCTIONS,
  hadamard,
  hdiv,
  identity,
  inv,
  logsumexp,
  lower,
  matrixSymbol,
  mul,
  neg,
  norm,
  ones,
  pow,
  scalar,
  softmax,
  sum,
  trace,
  transpose,
  type EwFunction,
} from './build.js';
import { checkDim, fmtShape, isScalarShape, type Dim, type MExpr } from './node.js';

/** Declared shapes: name → [] (scalar), [n] (vector) or [rows, cols]. */
export type ShapeSpec = Readonly<Record<string, readonly Dim[]>>;

/** Options of {@link parseMatrixExpr}. */
export interface MatrixParseOptions {
  /** What an undeclared name is: a scalar (default) or an error. */
  undeclared?: 'scalar' | 'error';
  /** Names declared symmetric (square matrices). */
  symmetric?: readonly string[];
}

/** Deepest nesting of parentheses and calls accepted. */
export const MAX_NESTING = 200;

/**
 * "X:n,m w:m y:n lambda:" → { X: ['n', 'm'], w: ['m'], y: ['n'], lambda: [] }.
 * @example parseShapes('X:n,m w:m') // → { X: ['n', 'm'], w: ['m'] }
 */
export function parseShapes(spec: string): Record<string, Dim[]> {
  // Prototype-free: `--wrt constructor` must find no shape, not Object.prototype.constructor.
  const out: Record<string, Dim[]> = Object.create(null) as Record<string, Dim[]>;
  const parts = spec.trim().split(/[\s;]+/).filter(Boolean);
  for (const part of parts) {
    const m = /^([A-Za-z\u0370-\u03ff][A-Za-z0-9_\u0370-\u03ff]*):([A-Za-z0-9_,×x\u0370-\u03ff]*)$/.exec(part);
    if (!m) throw new ParseError(`a shape is name:dims like X:n,m or w:m or lambda: (got '${part}')`, spec, Math.max(0, spec.indexOf(part)));
    const dims = m[2] ? m[2].split(/[,×]/).filter(Boolean).map((d) => checkDim(/^\d+$/.test(d) ? Number(d) : d)) : [];
    if (dims.length > 2) throw new ShapeError(`${m[1]}: at most two dimensions (rows, cols), got ${dims.length}`);
    if (m[1]! in out) throw new ParseError(`'${m[1]}' is declared twice`, spec, spec.indexOf(part));
    out[m[1]!] = dims;
  }
  return out;
}

type Tok = { t: 'num'; v: number; s: string; at: number } | { t: 'id'; v: string; at: number } | { t: 'op'; v: string; at: number } | { t: 'end'; at: number };

const OPS = ['.*', './', '.^', '+', '-', '*', '/', '^', "'", '(', ')', ',', 'ᵀ', '⊙', '⊘', '·', '⁻¹'];

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    // A '.' right after digits belongs to the number unless it starts an operator (2.*x is 2 .* x).
    const num = /^(\d+(?:\.(?![*/^])\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: Number(num[1]), s: num[1]!, at: i });
      i += num[1]!.length;
      continue;
    }
    const id = /^[A-Za-z\u0370-\u03ff][A-Za-z0-9_\u0370-\u03ff]*/.exec(src.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0], at: i });
      i += id[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ParseError(`unexpected character '${c}'`, src, i);
    out.push({ t: 'op', v: op, at: i });
    i += op.length;
  }
  out.push({ t: 'end', at: src.length });
  return out;
}

const UNARY_FNS: Record<string, (a: MExpr) => MExpr> = {
  inv,
  det,
  tr: trace,
  trace,
  diag,
  sum,
  norm,
  norm2: norm,
  softmax,
  logsumexp,
  lse: logsumexp,
  transpose,
  logdet: (a) => ewFn('log', det(a)),
  step: (a) => ewFn('heaviside', a),
};

class Parser {
  private toks: Tok[];
  private k = 0;
  private depth = 0;
  private readonly dims = new Set<string>();
  constructor(
    private readonly src: string,
    private readonly shapes: ShapeSpec,
    private readonly opts: MatrixParseOptions,
  ) {
    this.toks = tokenize(src);
    for (const ds of Object.values(shapes)) for (const d of ds) if (typeof d === 'string') this.dims.add(d);
  }

  fail(reason: string, at = this.peek().at): never {
    throw new ParseError(reason, this.src, at);
  }
  peek(): Tok {
    return this.toks[this.k]!;
  }
  isOp(v: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.v === v;
  }
  expectOp(v: string): void {
    if (!this.isOp(v)) this.fail(`expected '${v}'`);
    this.k++;
  }

  /** Run a constructor; a shape error gets the input and a caret at the operator. */
  at<T>(pos: number, f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (e instanceof ShapeError && !e.message.includes('\n')) throw new ShapeError(`${e.message} at position ${pos + 1}\n  ${this.src}\n  ${' '.repeat(pos)}^`);
      throw e;
    }
  }

  parse(): MExpr {
    if (this.peek().t === 'end') this.fail('empty expression');
    const e = this.sum();
    if (this.peek().t !== 'end') this.fail('unexpected input');
    return e;
  }

  sum(): MExpr {
    let e = this.term();
    for (;;) {
      const t = this.peek();
      if (t.t === 'op' && (t.v === '+' || t.v === '-')) {
        this.k++;
        const r = this.term();
        const l = e;
        e = this.at(t.at, () => (t.v === '+' ? addB(l, r) : addB(l, neg(r))));
      } else return e;
    }
  }

  term(): MExpr {
    let e = this.unary();
    for (;;) {
      const t = this.peek();
      const implicit = t.t === 'id' || (t.t === 'op' && t.v === '(');
      if (t.t === 'op' && ['*', '/', '.*', './', '⊙', '⊘', '·'].includes(t.v)) {
        this.k++;
        const r = this.unary();
        const l = e;
        e = this.at(t.at, () => {
          switch (t.v) {
            case '*':
            case '·':
              return mul(l, r);
            case '/':
              if (!isScalarShape(r.shape)) throw new ShapeError(`division: the divisor must be a scalar, got ${fmtShape(r.shape)} (use ./ to divide elementwise, or inv())`);
              return mul(l, epow(r, -1));
            case './':
            case '⊘':
              return hdiv(l, r);
            default:
              return hadamard(l, r);
          }
        });
      } else if (implicit && this.toks[this.k - 1]?.t === 'num') {
        const r = this.unary();
        const l = e;
        e = this.at(t.at, () => mul(l, r));
      } else return e;
    }
  }

  unary(): MExpr {
    const t = this.peek();
    if (t.t === 'op' && (t.v === '-' || t.v === '+')) {
      this.k++;
      const e = this.unary();
      return t.v === '-' ? neg(e) : e;
    }
    return this.power();
  }

  power(): MExpr {
    const base = this.postfix();
    const t = this.peek();
    if (t.t === 'op' && (t.v === '^' || t.v === '.^')) {
      this.k++;
      const nx = this.peek();
      if (t.v === '^' && nx.t === 'id' && nx.v === 'T' && !('T' in this.shapes)) {
        this.k++;
        return transpose(base);
      }
      const p = this.unary();
      return this.at(t.at, () => (t.v === '^' ? pow(base, p) : epow(base, p)));
    }
    if (t.t === 'op' && t.v === '⁻¹') {
      this.k++;
      return this.at(t.at, () => inv(base));
    }
    return base;
  }

  postfix(): MExpr {
    let e = this.primary();
    while (this.isOp("'") || this.isOp('ᵀ')) {
      this.k++;
      e = transpose(e);
    }
    return e;
  }

  primary(): MExpr {
    const t = this.peek();
    if (t.t === 'num') {
      this.k++;
      if (!Number.isFinite(t.v)) this.fail(`number ${t.s} is out of range`, t.at);
      return scalar(t.v);
    }
    if (t.t === 'op' && t.v === '(') {
      this.k++;
      this.enter(t.at);
      const e = this.sum();
      this.expectOp(')');
      this.depth--;
      return e;
    }
    if (t.t === 'id') {
      this.k++;
      if (this.isOp('(') && !(t.v in this.shapes)) return this.call(t.v, t.at);
      return this.name(t.v, t.at);
    }
    if (t.t === 'end') this.fail('unexpected end of input');
    return this.fail(`unexpected '${t.v}'`);
  }

  enter(at: number): void {
    if (++this.depth > MAX_NESTING) throw new LimitError(`expression nested deeper than ${MAX_NESTING} at position ${at + 1}`);
  }

  name(v: string, at: number): MExpr {
    const dims = this.shapes[v];
    if (dims) {
      const [r = 1, c = 1] = dims;
      return matrixSymbol(v, r, c, { symmetric: this.opts.symmetric?.includes(v) });
    }
    if (this.dims.has(v)) return lower(dimValue(v), { rows: 1, cols: 1 });
    if (this.opts.undeclared === 'error') this.fail(`'${v}' has no declared shape (add it to the shapes, e.g. ${v}:n for a vector or ${v}: for a scalar)`, at);
    return matrixSymbol(v, 1, 1);
  }

  args(): MExpr[] {
    const out: MExpr[] = [];
    if (this.isOp(')')) this.fail('a function needs an argument');
    for (;;) {
      out.push(this.sum());
      if (this.isOp(',')) this.k++;
      else break;
    }
    this.expectOp(')');
    return out;
  }

  dimArgs(): Dim[] {
    const out: Dim[] = [];
    for (;;) {
      const t = this.peek();
      if (t.t === 'num') out.push(checkDim(t.v));
      else if (t.t === 'id') out.push(checkDim(t.v));
      else this.fail('expected a dimension (a number or a name)');
      this.k++;
      if (this.isOp(',')) this.k++;
      else break;
    }
    this.expectOp(')');
    return out;
  }

  call(name: string, at: number): MExpr {
    this.expectOp('(');
    this.enter(at);
    let out: MExpr;
    if (name === 'ones' || name === 'eye' || name === 'zeros') {
      const d = this.dimArgs();
      if (d.length < 1 || d.length > 2) this.fail(`${name} takes one or two dimensions`, at);
      out = name === 'eye' ? (d.length === 1 ? identity(d[0]!) : this.fail('eye takes one dimension', at)) : name === 'ones' ? ones(d[0]!, d[1] ?? 1) : mul(0, ones(d[0]!, d[1] ?? 1));
    } else {
      const a = this.args();
      const one = (): MExpr => {
        if (a.length !== 1) this.fail(`${name} takes one argument, got ${a.length}`, at);
        return a[0]!;
      };
      out = this.at(at, () => {
        if (name in UNARY_FNS) return UNARY_FNS[name]!(one());
        if ((EW_FUNCTIONS as readonly string[]).includes(name)) return ewFn(name as EwFunction, one());
        if (name === 'hadamard') {
          if (a.length < 2) this.fail('hadamard takes two or more arguments', at);
          return hadamard(...a);
        }
        return this.fail(`unknown function '${name}'`, at);
      });
    }
    this.depth--;
    return out;
  }
}

/** a + b where a number on either side broadcasts as a constant matrix. */
function addB(a: MExpr, b: MExpr): MExpr {
  const ca = a.kind === 'ew' && isScalarShape(a.shape) && a.expr.kind !== 'Symbol' && isConstant(a);
  const cb = b.kind === 'ew' && isScalarShape(b.shape) && isConstant(b);
  if (ca && !isScalarShape(b.shape)) return add(mul(a, ones(b.shape.rows, b.shape.cols)), b);
  if (cb && !isScalarShape(a.shape)) return add(a, mul(b, ones(a.shape.rows, a.shape.cols)));
  return add(a, b);
}

function isConstant(e: MExpr): boolean {
  return e.kind === 'ew' && ['Integer', 'Rational', 'Float'].includes(e.expr.kind);
}

/**
 * Parse the text form with declared shapes (an object or a spec string like "X:n,m w:m y:n").
 * @example parseMatrixExpr("norm(X*w - y)^2", 'X:n,m w:m y:n')
 */
export function parseMatrixExpr(src: string, shapes: ShapeSpec | string = {}, options: MatrixParseOptions = {}): MExpr {
  if (typeof src !== 'string') throw new ParseError('expected a string', String(src), 0);
  const spec = typeof shapes === 'string' ? parseShapes(shapes) : (Object.assign(Object.create(null), shapes) as ShapeSpec);
  return new Parser(src, spec, options).parse();
}
