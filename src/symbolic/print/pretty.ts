/**
 * The 2-D printer, in SymPy's style: fractions with a rule (─), exponents raised, radicals,
 * parentheses that grow (⎛⎜⎝), bracketed matrices (⎡⎢⎣) with centred columns two spaces apart
 * and a blank line between rows, `⋅` for multiplication, `ℯ`, `π`, `∞`. `{ ascii: true }` uses
 * plain characters. Expressions nested deeper than `PRETTY_MAX_DEPTH` are refused with a
 * LimitError (use `toString` for those).
 *
 * @example
 * pretty(jacobian(['2*x*y', 'x^2*y'], ['x', 'y'])) // →
 * // ⎡ 2⋅y   2⋅x⎤
 * // ⎢          ⎥
 * // ⎢        2 ⎥
 * // ⎣2⋅x⋅y  x  ⎦
 */
import { LimitError } from '../../core/errors.js';
import * as Qm from '../../core/rational.js';
import { mul, pow } from '../expr/arith.js';
import { E, HALF, NEG_ONE, ONE, isNum, numNeg, numSign, type Expr, type Num } from '../expr/expr.js';
import { SymMatrix } from '../walk/matrix.js';
import { mulParts, orderedTerms } from '../expr/display-order.js';
import { toString } from './text.js';

/** Options for pretty: `ascii` (default false) for plain characters. @example pretty(parse('x/2'), { ascii: true }) // → 'x\n-\n2' */
export interface PrettyOptions {
  /** Plain ASCII instead of Unicode box characters. Default false. */
  ascii?: boolean;
}

/** Deepest expression nesting `pretty` and `latex` print. @example pretty('sin('.repeat(500) + 'x' + ')'.repeat(500)) // → throws LimitError */
export const PRETTY_MAX_DEPTH = 400;

/** Binding strength, loosest last (SymPy's prettyForm order). */
const enum B {
  Atom = 0,
  Func = 1,
  Div = 2,
  Pow = 3,
  Mul = 4,
  Add = 5,
  Neg = 6,
}

interface Box {
  lines: string[];
  baseline: number;
  binding: B;
  /** For `f(x)`: the name and argument boxes, so f^2(x) can be printed inline. */
  func?: { name: Box; args: Box };
}

const width = (b: Box): number => (b.lines.length ? b.lines[0]!.length : 0);

function text(s: string, binding: B = B.Atom): Box {
  return { lines: [s], baseline: 0, binding };
}

/** Side by side, baselines aligned. */
function hcat(boxes: Box[], binding: B = B.Atom): Box {
  const up = Math.max(...boxes.map((b) => b.baseline));
  const down = Math.max(...boxes.map((b) => b.lines.length - b.baseline));
  const lines: string[] = new Array(up + down).fill('');
  for (const b of boxes) {
    const w = width(b);
    const off = up - b.baseline;
    for (let r = 0; r < up + down; r++) {
      const i = r - off;
      lines[r] += i >= 0 && i < b.lines.length ? b.lines[i]! : ' '.repeat(w);
    }
  }
  return { lines, baseline: up, binding };
}

function padTo(b: Box, w: number, center: boolean): string[] {
  const bw = width(b);
  const left = center ? Math.floor((w - bw) / 2) : 0;
  const right = w - bw - left;
  return b.lines.map((l) => ' '.repeat(left) + l + ' '.repeat(right));
}

interface Chars {
  mul: string;
  rule: string;
  lp: [string, string, string, string];
  rp: [string, string, string, string];
  lb: [string, string, string, string];
  rb: [string, string, string, string];
  e: string;
  pi: string;
  i: string;
  oo: string;
  sqrt: boolean;
}

const UNICODE: Chars = {
  mul: '⋅',
  rule: '─',
  lp: ['(', '⎛', '⎜', '⎝'],
  rp: [')', '⎞', '⎟', '⎠'],
  lb: ['[', '⎡', '⎢', '⎣'],
  rb: [']', '⎤', '⎥', '⎦'],
  e: 'ℯ',
  pi: 'π',
  i: 'ⅈ',
  oo: '∞',
  sqrt: true,
};
const ASCII: Chars = {
  mul: '*',
  rule: '-',
  lp: ['(', '/', '|', '\\'],
  rp: [')', '\\', '|', '/'],
  lb: ['[', '[', '[', '['],
  rb: [']', ']', ']', ']'],
  e: 'e',
  pi: 'pi',
  i: 'I',
  oo: 'oo',
  sqrt: false,
};

/** Wrap with delimiters that grow to the box's height. */
function wrap(b: Box, l: Chars['lp'], r: Chars['rp'], binding: B = B.Atom): Box {
  const h = b.lines.length;
  const side = (d: Chars['lp']): string[] =>
    h === 1 ? [d[0]] : b.lines.map((_, i) => (i === 0 ? d[1] : i === h - 1 ? d[3] : d[2]));
  const L = side(l);
  const R = side(r);
  return { lines: b.lines.map((s, i) => L[i] + s + R[i]), baseline: b.baseline, binding };
}

/** num over a rule over den, the rule on the baseline. */
function fraction(num: Box, den: Box, c: Chars): Box {
  // SymPy pads a negative numerator on the right: "-x " over "───" over " 2 ".
  if (num.binding === B.Neg) num = { ...num, lines: num.lines.map((l) => l + ' ') };
  const w = Math.max(width(num), width(den));
  return {
    lines: [...padTo(num, w, true), c.rule.repeat(w), ...padTo(den, w, true)],
    baseline: num.lines.length,
    binding: B.Div,
  };
}

/** base with exponent raised at its top right (SymPy's prettyForm.__pow__). */
function raise(base: Box, exp: Box): Box {
  const bw = width(base);
  const ew = width(exp);
  const top = exp.lines.map((l) => ' '.repeat(bw) + l);
  const bot = base.lines.map((l) => l + ' '.repeat(ew));
  return { lines: [...top, ...bot], baseline: exp.lines.length + base.baseline, binding: B.Pow };
}

/**
 * √b, or the n-th root when `index` is given (SymPy's _print_nth_root): the index sits left of
 * the stroke's foot, one line above it. A one-line radicand of one character, or a natural
 * number, takes the single character √.
 */
function radical(b: Box, c: Chars, index = '', simple = false, drawn = false): Box {
  if (!c.sqrt) return hcat([text('sqrt'), wrap(b, c.lp, c.rp)]);
  const h = b.lines.length;
  const w = width(b);
  if (!index && !drawn && h === 1 && (w === 1 || simple)) return { lines: ['√' + b.lines[0]], baseline: 0, binding: B.Atom };
  if (index) {
    const sq = radical(b, c, '', false, true);
    const ix = index.padEnd(2);
    const shift = ' '.repeat(ix.length - 2);
    const lines = sq.lines.map((l, r) => (r === h - 1 ? ix + l.slice(2) : shift + l));
    return { lines, baseline: sq.baseline, binding: B.Atom };
  }
  // SymPy draws a bar over the radicand and a slanted stroke down its left.
  const lines: string[] = [' '.repeat(h + 1) + '_'.repeat(w + 2)];
  for (let i = 0; i < h; i++) {
    const lead = (i === h - 1 ? '╲╱' : ' '.repeat(h - i) + '╱').padEnd(h + 1);
    lines.push(lead + ' ' + b.lines[i]! + ' ');
  }
  return { lines, baseline: b.baseline + 1, binding: B.Atom };
}

function numText(n: Num): string {
  if (n.kind === 'Float') return String(n.value);
  return Qm.toString(n.value);
}

/** The 2-D rendering of an expression or a matrix. @example pretty(parse('x^2')) // → ' 2\nx ' */
export function pretty(x: Expr | SymMatrix, options: PrettyOptions = {}): string {
  const c = options.ascii ? ASCII : UNICODE;
  const box = x instanceof SymMatrix ? matrixBox(x, c) : exprBox(x, c);
  // Like SymPy, multi-line output keeps its padding; a single line is trimmed.
  return box.lines.length === 1 ? box.lines[0]!.trimEnd() : box.lines.join('\n');
}

function matrixBox(m: SymMatrix, c: Chars): Box {
  const cells = m.data.map((e) => exprBox(e, c));
  const colW: number[] = [];
  for (let j = 0; j < m.cols; j++) {
    let w = 0;
    for (let i = 0; i < m.rows; i++) w = Math.max(w, width(cells[i * m.cols + j]!));
    colW.push(w);
  }
  const rows: string[] = [];
  for (let i = 0; i < m.rows; i++) {
    const parts: Box[] = [];
    for (let j = 0; j < m.cols; j++) {
      const cell = cells[i * m.cols + j]!;
      const padded = { ...cell, lines: padTo(cell, colW[j]!, true) };
      if (j > 0) parts.push(text('  '));
      parts.push(padded);
    }
    if (i > 0) rows.push(' '.repeat(colW.reduce((a, b) => a + b, 0) + 2 * (m.cols - 1)));
    rows.push(...hcat(parts).lines);
  }
  return wrap({ lines: rows.length ? rows : [''], baseline: Math.floor(rows.length / 2), binding: B.Atom }, c.lb, c.rb);
}

function exprBox(root: Expr, c: Chars): Box {
  let depth = 0;
  const memo = new Map<Expr, Box>();
  const name = (e: Expr): string => toString(e);

  function box(e: Expr): Box {
    const m = memo.get(e);
    if (m) return m;
    if (++depth > PRETTY_MAX_DEPTH)
      throw new LimitError(`pretty: expression nested deeper than ${PRETTY_MAX_DEPTH} levels; use toString()`);
    const b = build(e);
    depth--;
    memo.set(e, b);
    return b;
  }

  const parenIf = (b: Box, cond: boolean): Box => (cond ? wrap(b, c.lp, c.rp) : b);

  function build(e: Expr): Box {
    switch (e.kind) {
      case 'Integer':
      case 'Rational':
      case 'Float': {
        if (e.kind === 'Rational') {
          // SymPy stacks a lone fraction only when both parts have several digits (11/12 → 1/2 inline).
          const { num: p, den: q } = e.value;
          if ((p >= 10n || p <= -10n) && q >= 10n) return fraction(text(p.toString(), p < 0n ? B.Neg : B.Atom), text(q.toString()), c);
          return text(Qm.toString(e.value), p < 0n ? B.Neg : B.Atom);
        }
        const s = numText(e);
        return text(s, s.startsWith('-') ? B.Neg : B.Atom);
      }
      case 'Symbol':
        return text(e.name);
      case 'Constant':
        return text(
          e.name === 'pi' ? c.pi : e.name === 'E' ? c.e : e.name === 'I' ? c.i : e.name === 'oo' ? c.oo : e.name === '-oo' ? '-' + c.oo : e.name,
          e.name === '-oo' ? B.Neg : B.Atom,
        );
      case 'Add': {
        const parts: Box[] = [];
        orderedTerms(e, name).forEach(([k, t], i) => {
          const negative = numSign(k) < 0;
          const abs = negative ? numNeg(k) : k;
          const tb = t === ONE ? box(abs) : box(mul(abs, t));
          // SymPy's pretty_negative: a leading minus before a multi-line term takes a space.
          const sep = i === 0 ? (negative ? (tb.lines.length > 1 ? '- ' : '-') : '') : negative ? ' - ' : ' + ';
          if (sep) parts.push(text(sep));
          parts.push(parenIf(tb, tb.binding >= B.Add));
        });
        return hcat(parts, B.Add);
      }
      case 'Mul':
        return mulBox(e);
      case 'Pow':
        return powBox(e.base, e.exp);
      case 'Function': {
        const args = hcatJoin(e.args.map(box), ', ');
        if (e.name === 'abs') return wrap(args, ['│', '│', '│', '│'], ['│', '│', '│', '│']);
        const nm = text(e.name);
        return { ...hcat([nm, wrap(args, c.lp, c.rp)], B.Func), func: { name: nm, args: wrap(args, c.lp, c.rp) } };
      }
      case 'Derivative': {
        const n = e.vars.length;
        const counts = new Map<string, number>();
        for (const v of e.vars) counts.set(v.name, (counts.get(v.name) ?? 0) + 1);
        const bottom = text([...counts].map(([v, k]) => (k === 1 ? `d${v}` : `d${v}^${k}`)).join(' '));
        const f = fraction(text(n === 1 ? 'd' : `d^${n}`), bottom, c);
        return hcat([f, wrap(box(e.expr), c.lp, c.rp)], B.Mul);
      }
      case 'Integral': {
        const body = box(e.expr);
        const sign = c.sqrt ? '∫' : 'Integral';
        const bounds = e.lower ? `_{${toString(e.lower)}}^{${toString(e.upper!)}}` : '';
        return hcat([text(sign + bounds + ' '), body, text(` d${e.var.name}`)], B.Mul);
      }
    }
  }

  function hcatJoin(bs: Box[], sep: string): Box {
    const parts: Box[] = [];
    bs.forEach((b, i) => {
      if (i) parts.push(text(sep));
      parts.push(b);
    });
    return parts.length ? hcat(parts) : text('');
  }

  function factorsBox(fs: Expr[], lead: Box | null, inFraction = false): Box | null {
    const parts: Box[] = [];
    if (lead) parts.push(lead);
    const alone = inFraction && !lead && fs.length === 1;
    for (const f of fs) {
      const b = box(f);
      if (parts.length) parts.push(text(c.mul));
      parts.push(parenIf(b, b.binding >= B.Mul && !alone));
    }
    return parts.length ? hcat(parts, parts.length > 1 ? B.Mul : parts[0]!.binding) : null;
  }

  function mulBox(e: Expr): Box {
    const p = mulParts(e, name);
    const isFrac = p.den.length > 0 || p.denCoeff !== null;
    const numB = factorsBox(p.num, p.numCoeff ? text(numText(p.numCoeff)) : null, isFrac);
    const denB = isFrac ? factorsBox(p.den, p.denCoeff ? text(numText(p.denCoeff)) : null, true) : null;
    if (denB) {
      let top = numB ?? text('1');
      // -(x + 1)/2: a sum on top takes parentheses once the sign is in front of it.
      if (p.negative && top.binding >= B.Add) top = wrap(top, c.lp, c.rp);
      const f = fraction(p.negative ? hcat([text('-'), top], B.Neg) : top, denB, c);
      return p.negative ? { ...f, binding: B.Neg } : f;
    }
    const b = numB ?? text('1');
    return p.negative ? hcat([text('-'), b], B.Neg) : b;
  }

  function powBox(b: Expr, x: Expr): Box {
    if (x === HALF) return radical(box(b), c, '', b.kind === 'Integer');
    if (c.sqrt && x.kind === 'Rational' && x.value.num === 1n && b !== E) return radical(box(b), c, x.value.den.toString());
    // x^(1/n) for a symbol n: SymPy's root notation too (n-th root of x).
    if (c.sqrt && x.kind === 'Pow' && x.exp === NEG_ONE && x.base.kind === 'Symbol' && b !== E) return radical(box(b), c, x.base.name);
    if (isNum(x) && numSign(x) < 0) return mulBox(pow(b, x));
    let expB: Box;
    if (x.kind === 'Rational') expB = text(`${x.value.num}/${x.value.den}`);
    else expB = box(x);
    if (expB.binding === B.Pow) expB = wrap(expB, c.lp, c.rp);
    if (b === E) return raise(text(c.e), expB);
    const bb = box(b);
    if (bb.binding === B.Func && bb.func && expB.lines.length === 1) {
      // sin²(x): the exponent sits on the function name.
      return hcat([raise(bb.func.name, expB), bb.func.args], B.Func);
    }
    return raise(parenIf(bb, bb.binding >= B.Func), expB);
  }

  return box(root);
}
