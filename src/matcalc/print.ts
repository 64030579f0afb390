/**
 * Printers: parseable text (`X'*(X*w - y)`), Unicode (`Xᵀ(Xw − y)`, the one-line form of the
 * pretty printer) and LaTeX. One walk, three token styles. Terms of a sum print positive ones
 * first, bigger ones first, so `X*w - y` and `2*X'*(X*w - y) + 2*lambda*w` read as in a textbook.
 */
import { E, ONE, addTerms, coeffAndTerm, isNum, numValue, type Expr, type Num } from '../symbolic/index.js';
import { atomOf, atomsOfExpr, dimOf, ewAtoms, isColumn, isScalarExpr, isScalarShape, mchildren, type MExpr } from './node.js';
import { lift, transpose } from './build.js';

/** Binding strength of a printed form: higher binds tighter. */
const enum P {
  Sum = 0,
  Prod = 1,
  Neg = 2,
  Pow = 3,
  Post = 4,
  Atom = 5,
}

interface Style {
  times: string; // matrix or scalar product
  hadamard: string;
  hdiv: string;
  div: string;
  minus: string;
  neg: string;
  plus: string;
  pow(base: string, exp: string, elementwise: boolean, rawExp: string): string;
  transpose(a: string): string;
  invT(a: string): string;
  inv(a: string): string;
  call(name: string, args: string[]): string;
  norm(a: string): string;
  frac(n: string, d: string, elementwise: boolean): string | null;
  ones(rows: string, cols: string | null): string;
  eye(n: string): string;
  paren(s: string): string;
  num(n: Num): string;
  name(s: string): string;
  dname(s: string): string;
}

const FN_TEXT: Record<string, string> = { heaviside: 'step', lse: 'logsumexp', trace: 'tr' };

const text: Style = {
  times: '*',
  hadamard: '.*',
  hdiv: './',
  div: '/',
  minus: ' - ',
  neg: '-',
  plus: ' + ',
  pow: (b, e, ew) => `${b}${ew ? '.^' : '^'}${e}`,
  transpose: (a) => `${a}'`,
  invT: (a) => `inv(${a})'`,
  inv: (a) => `inv(${a})`,
  call: (n, a) => `${FN_TEXT[n] ?? n}(${a.join(', ')})`,
  norm: (a) => `norm(${a})`,
  frac: () => null,
  ones: (r, c) => (c ? `ones(${r}, ${c})` : `ones(${r})`),
  eye: (n) => `eye(${n})`,
  paren: (s) => `(${s})`,
  num: (n) => (n.kind === 'Rational' ? `${n.value.num}/${n.value.den}` : String(numValue(n))),
  name: (s) => s,
  dname: (s) => `d${s}`,
};

const SUP: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻', T: 'ᵀ' };
const sup = (s: string): string | null => ([...s].every((c) => c in SUP) ? [...s].map((c) => SUP[c]).join('') : null);
const FN_UNI: Record<string, string> = { heaviside: 'H', sigmoid: 'σ', lse: 'logsumexp', trace: 'tr' };

const GREEK_UNI: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', eta: 'η', theta: 'θ', lambda: 'λ', mu: 'μ', nu: 'ν',
  rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Sigma: 'Σ', Lambda: 'Λ', Omega: 'Ω', Theta: 'Θ', Phi: 'Φ',
};
const uniName = (s: string): string => GREEK_UNI[s] ?? s;

const unicode: Style = {
  times: '',
  hadamard: ' ⊙ ',
  hdiv: ' ⊘ ',
  div: '/',
  minus: ' − ',
  neg: '−',
  plus: ' + ',
  pow: (b, e, ew) => {
    const s = sup(e);
    return ew ? `${b}${s ? `^∘${e}` : `^∘(${e})`}` : s ? `${b}${s}` : `${b}^(${e})`;
  },
  transpose: (a) => `${a}ᵀ`,
  invT: (a) => `${a}⁻ᵀ`,
  inv: (a) => `${a}⁻¹`,
  call: (n, a) => `${FN_UNI[n] ?? n}(${a.join(', ')})`,
  norm: (a) => `‖${a}‖`,
  frac: () => null,
  ones: (r, c) => (c ? `𝟏_${r}×${c}` : `𝟏_${r}`),
  eye: (n) => `I_${n}`,
  paren: (s) => `(${s})`,
  num: (n) => (n.kind === 'Rational' ? `${n.value.num}/${n.value.den}` : String(numValue(n))),
  name: uniName,
  dname: (s) => `d${uniName(s)}`,
};

const GREEK = new Set(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'eta', 'theta', 'lambda', 'mu', 'nu', 'rho', 'sigma', 'tau', 'phi', 'chi', 'psi', 'omega', 'Sigma', 'Lambda', 'Omega', 'Theta', 'Phi']);
const FN_TEX: Record<string, string> = {
  exp: '\\exp',
  log: '\\log',
  tanh: '\\tanh',
  sin: '\\sin',
  cos: '\\cos',
  sigmoid: '\\sigma',
  heaviside: '\\theta',
  det: '\\det',
  trace: '\\operatorname{tr}',
};
const texName = (s: string): string => {
  const m = /^([A-Za-z]+)(\d*)$/.exec(s);
  if (!m) return s.replace(/_/g, '\\_');
  const base = GREEK.has(m[1]!) ? `\\${m[1]}` : m[1]!.length > 1 ? `\\mathrm{${m[1]}}` : m[1]!;
  return m[2] ? `${base}_{${m[2]}}` : base;
};

const latexStyle: Style = {
  times: ' ',
  hadamard: ' \\odot ',
  hdiv: ' \\oslash ',
  div: '/',
  minus: ' - ',
  neg: '-',
  plus: ' + ',
  pow: (b, _e, ew, raw) => (ew ? `${b}^{\\circ ${raw}}` : `${b}^{${raw}}`),
  transpose: (a) => `${a}^{\\top}`,
  invT: (a) => `${a}^{-\\top}`,
  inv: (a) => `${a}^{-1}`,
  call: (n, a) => `${FN_TEX[n] ?? `\\operatorname{${n}}`}\\left(${a.join(', ')}\\right)`,
  norm: (a) => `\\left\\| ${a} \\right\\|`,
  frac: (n, d, ew) => (ew ? null : `\\frac{${n}}{${d}}`),
  ones: (r, c) => (c ? `\\mathbf{1}_{${r} \\times ${c}}` : `\\mathbf{1}_{${r}}`),
  eye: (n) => `I_{${n}}`,
  paren: (s) => `\\left(${s}\\right)`,
  num: (n) => (n.kind === 'Rational' ? `\\frac{${n.value.num}}{${n.value.den}}` : String(numValue(n))),
  name: texName,
  dname: (s) => `\\mathrm{d}${texName(s)}`,
};

type Out = [string, P];
type Part = [Out, boolean];

/** Size used to order the terms of a sum (transposes are free, so A + Aᵀ keeps A first). */
function weight(e: MExpr, memo = new Map<MExpr, number>()): number {
  const hit = memo.get(e);
  if (hit !== undefined) return hit;
  let n = e.kind === 'transpose' ? 0 : 1;
  for (const k of mchildren(e)) n += weight(k, memo);
  memo.set(e, n);
  return n;
}

/** Transposes in a term (for ordering). */
function transposes(x: Expr): number {
  let n = 0;
  for (const a of atomsOfExpr(x)) for (const m of topo(a)) if (m.kind === 'transpose') n++;
  return n;
}

function topo(e: MExpr): MExpr[] {
  const out: MExpr[] = [];
  const stack = [e];
  while (stack.length) {
    const m = stack.pop()!;
    out.push(m);
    stack.push(...mchildren(m));
  }
  return out;
}

function exprWeight(x: Expr): number {
  if (x.kind === 'Symbol') {
    const a = atomOf(x);
    return a ? weight(a) : 1;
  }
  if (x.kind === 'Add') return 1 + x.terms.reduce((s, t) => s + exprWeight(t), 0);
  if (x.kind === 'Mul') return 1 + x.bases.reduce((s, t) => s + exprWeight(t), 0);
  if (x.kind === 'Pow') return 1 + exprWeight(x.base);
  if (x.kind === 'Function') return 1 + x.args.reduce((s, t) => s + exprWeight(t), 0);
  return 0;
}

class Printer {
  /** The shape of the ew node being printed (scalar terms of its sums broadcast over it). */
  private shape: MExpr['shape'] | null = null;
  constructor(readonly s: Style) {}

  wrap([str, p]: Out, min: P): string {
    return p < min ? this.s.paren(str) : str;
  }

  dim(d: number | string): string {
    return typeof d === 'number' ? String(d) : this.s.name(d);
  }

  node(e: MExpr): Out {
    const s = this.s;
    switch (e.kind) {
      case 'sym':
        return [s.name(e.name), P.Atom];
      case 'dsym':
        return [s.dname(e.of.name), P.Atom];
      case 'identity':
        return [s.eye(this.dim(e.shape.rows)), P.Atom];
      case 'ew': {
        if (!isScalarShape(e.shape) && ewAtoms(e).length > 0) {
          // Collect transposes: xᵀ − aᵀ prints as (x − a)ᵀ, tanh(xᵀW₁ᵀ) as tanh(W₁x)ᵀ.
          const t = transpose(e);
          if (transposes(lift(t)) < transposes(e.expr)) {
            const inner = this.node(t);
            return [s.transpose(inner[1] >= P.Atom && t.kind === 'ew' && t.expr.kind === 'Function' ? inner[0] : s.paren(inner[0])), P.Post];
          }
        }
        const saved = this.shape;
        this.shape = e.shape;
        try {
          return this.ew(e.expr, !isScalarShape(e.shape), e);
        } finally {
          this.shape = saved;
        }
      }
      case 'matmul': {
        const parts = e.factors.map((f) => {
          const o = this.node(f);
          // A Hadamard product inside a chain is parenthesized: `.*` and `*` share a level in text.
          const needs = o[1] < P.Pow || (f.kind === 'ew' && o[1] <= P.Prod);
          return needs ? s.paren(o[0]) : o[0];
        });
        return [parts.join(s.times), P.Prod];
      }
      case 'transpose':
        if (e.arg.kind === 'inv') return [s.invT(s === text ? this.node(e.arg.arg)[0] : this.wrap(this.node(e.arg.arg), P.Post)), P.Post];
        return [s.transpose(this.wrap(this.node(e.arg), P.Post)), P.Post];
      case 'inv':
        return [s.inv(s === text ? this.node(e.arg)[0] : this.wrap(this.node(e.arg), P.Post)), s === text ? P.Atom : P.Post];
      case 'norm':
        return [s.norm(this.node(e.arg)[0]), P.Atom];
      default:
        return [s.call(e.kind === 'lse' ? 'lse' : e.kind, [this.node(e.arg)[0]]), P.Atom];
    }
  }

  /** A symbolic scalar expression whose symbols are atoms; `mat` when the value is a matrix. */
  ew(x: Expr, mat: boolean, owner?: MExpr): Out {
    const s = this.s;
    if (owner && mat && isScalarExpr(x)) {
      // A broadcast scalar: c·1.
      const sh = owner.shape;
      const one = s.ones(this.dim(sh.rows), isColumn(sh) ? null : this.dim(sh.cols));
      if (x === ONE) return [one, P.Atom];
      return [`${this.wrap(this.ew(x, false), P.Prod)}${s.times === '' ? '·' : s.times}${one}`, P.Prod];
    }
    switch (x.kind) {
      case 'Integer':
      case 'Rational':
      case 'Float': {
        const v = numValue(x);
        const str = s.num(x);
        return [str, v < 0 ? P.Sum : x.kind === 'Rational' && s !== latexStyle ? P.Prod : P.Atom];
      }
      case 'Symbol': {
        const a = atomOf(x);
        if (a) return this.node(a);
        const d = dimOf(x);
        return [s.name(d ?? x.name), P.Atom];
      }
      case 'Constant':
        return [x === E ? this.s.call('exp', ['1']) : s.name(x.name), P.Atom];
      case 'Add':
        return this.sum(x, mat);
      case 'Mul':
      case 'Pow':
        return this.product(x, mat);
      case 'Function':
        return [s.call(x.name, x.args.map((a) => this.ew(a, mat)[0])), P.Atom];
      default:
        return [String(x.kind), P.Atom];
    }
  }

  sum(x: Expr, mat: boolean): Out {
    // A common numeric factor of a sum of plain atoms prints outside: 2*(y - X*w), not
    // 2*y - 2*X*w (it parses back to the same sum: numbers distribute over sums).
    const parts = addTerms(x).map((t) => coeffAndTerm(t));
    const mags = parts.map(([c]) => Math.abs(numValue(c)));
    if (parts.length >= 2 && mags[0] !== 1 && mags.every((m) => m === mags[0]) && parts.every(([c, r]) => c.kind !== 'Float' && r.kind === 'Symbol')) {
      const g = parts[0]![0].kind === 'Rational' ? (smul(numValue(parts[0]![0]) < 0 ? -1 : 1, parts[0]![0]) as Num) : (snum(mags[0]!) as Num);
      const inner = this.sum(sadd(...parts.map(([c, r]) => smul(c, r, spow(g, -1)))), mat);
      const gs = this.s.num(g);
      return [`${gs}${this.s.times}${this.s.paren(inner[0])}`, P.Prod];
    }
    const terms = addTerms(x).map((t) => {
      const [c, rest] = coeffAndTerm(t);
      const scalars = rest.kind === 'Mul' ? rest.bases.filter((b) => isScalarExpr(b)).length : 0;
      const neg = numValue(c) < 0;
      const absC = (neg ? smul(-1, c) : c) as Num;
      let body = rest === ONE ? this.s.num(absC) : this.product(rest, mat, absC)[0];
      // A scalar term in a matrix-valued sum broadcasts: written s·1 so the text parses back.
      const sh = this.shape;
      if (rest !== ONE && mat && sh && !isScalarShape(sh) && isScalarExpr(rest)) {
        const one = this.s.ones(this.dim(sh.rows), isColumn(sh) ? null : this.dim(sh.cols));
        body = `${this.wrap(this.product(rest, false, absC), P.Prod)}${this.s.times === '' ? '·' : this.s.times}${one}`;
      }
      return { neg, body, w: exprWeight(rest), scalars, t: transposes(rest) };
    });
    // Positive terms first, then bigger ones; on a tie, fewer scalar factors (XᵀX before λI), then
    // fewer transposes (A + Aᵀ), then alphabetical.
    terms.sort((a, b) => Number(a.neg) - Number(b.neg) || b.w - a.w || a.scalars - b.scalars || a.t - b.t || (a.body < b.body ? -1 : a.body > b.body ? 1 : 0));
    let out = '';
    terms.forEach((t, i) => {
      const body = t.body;
      if (i === 0) out = t.neg ? `${this.s.neg}${body}` : body;
      else out += (t.neg ? this.s.minus : this.s.plus) + body;
    });
    return [out, P.Sum];
  }

  /** c·Π bᵢ^eᵢ with scalars first, then matrices joined by ⊙, negative powers as a quotient. */
  product(x: Expr, mat: boolean, coeffIn: Num | null = null): Out {
    const s = this.s;
    const coeff: Num = coeffIn ?? (x.kind === 'Mul' ? x.coeff : ONE);
    const negative = numValue(coeff) < 0;
    const factors: Array<[Expr, Expr]> = [];
    if (x.kind === 'Mul') x.bases.forEach((b, i) => factors.push([b, x.exps[i]!]));
    else if (x.kind === 'Pow') factors.push([x.base, x.exp]);
    else if (!isNum(x)) factors.push([x, ONE]);
    // Scalars, then matrices, sums last: a printed `2*(a + b).*c` would parse back with the 2
    // distributed into the sum.
    const rank = (f: [Expr, Expr]): number => (f[0].kind === 'Add' ? 2 : isScalarExpr(f[0]) ? 0 : 1);
    factors.sort((a, b) => rank(a) - rank(b));
    const coeffLast = factors.length >= 2 && factors.every((f) => f[0].kind === 'Add' && f[1] === ONE);
    const upParts: Part[] = [];
    const downParts: Part[] = [];
    for (const [b, e] of factors) {
      const bm = !isScalarExpr(b) || !isScalarExpr(e);
      const neg = isNum(e) && numValue(e) < 0;
      (neg ? downParts : upParts).push([this.power(b, neg ? snum(-numValue(e as Num)) : e, mat), bm]);
    }
    let p = '';
    let q = '';
    if (coeff.kind === 'Rational') {
      const num = coeff.value.num < 0n ? -coeff.value.num : coeff.value.num;
      p = num === 1n ? '' : String(num);
      q = String(coeff.value.den);
    } else {
      const v = Math.abs(numValue(coeff));
      p = v === 1 ? '' : String(v);
    }
    if (p && coeffLast) upParts.push([[p, P.Atom], false]);
    else if (p || upParts.length === 0) upParts.unshift([[p || '1', P.Atom], false]);
    if (q) downParts.unshift([[q, P.Atom], false]);
    const upMat = upParts.some((u) => u[1]);
    const downMat = downParts.some((d) => d[1]);
    const numOut = this.join(upParts);
    let res: Out;
    if (downParts.length === 0) res = numOut;
    else {
      const denOut = this.join(downParts);
      const frac = s.frac(numOut[0], denOut[0], downMat);
      if (frac) res = [frac, P.Atom];
      else res = [`${this.wrap(numOut, P.Prod)}${downMat ? s.hdiv : s.div}${this.wrap(denOut, P.Pow)}`, P.Prod];
    }
    if (negative) res = [`${s.neg}${this.wrap(res, P.Prod)}`, P.Neg];
    return res;
  }

  /** Factors joined by products; a matrix product next to ⊙ is parenthesized. */
  join(parts: Part[]): Out {
    if (parts.length === 1) return parts[0]![0];
    const s = this.s;
    const joiners = parts.map((pt, i) => (i === 0 ? '' : pt[1] && parts[i - 1]![1] ? s.hadamard : s.times));
    let out = '';
    parts.forEach(([o], i) => {
      const had = joiners[i] === s.hadamard || joiners[i + 1] === s.hadamard;
      const str = o[1] < P.Prod || (had && o[1] === P.Prod) ? s.paren(o[0]) : o[0];
      let j = joiners[i]!;
      if (i > 0 && j === '' && (/^[\d.]/.test(str) || (/[A-Za-z]{2,}$/.test(out) && /^[A-Za-z]/.test(str)) || (/[A-Za-z]$/.test(out) && /^[A-Za-z]{2,}/.test(str)))) j = '·';
      out += j + str;
    });
    return [out, P.Prod];
  }

  power(b: Expr, e: Expr, mat: boolean): Out {
    const s = this.s;
    if (e === ONE) return this.ew(b, mat);
    if (b === E) return [s.call('exp', [this.ew(e, mat)[0]]), P.Atom];
    if (e.kind === 'Rational' && e.value.num === 1n && e.value.den === 2n) return [s.call('sqrt', [this.ew(b, mat)[0]]), P.Atom];
    const bs = this.wrap(this.ew(b, mat), P.Post);
    const eo = this.ew(e, false);
    return [s.pow(bs, this.wrap(eo, P.Atom), !isScalarExpr(b), eo[0]), P.Pow];
  }
}

import { add as sadd, mul as smul, num as snum, pow as spow } from '../symbolic/index.js';

/**
 * The 2-D style: Unicode with layout markup the box renderer (pretty.ts) expands — \x01 n \x02 d
 * \x03 a stacked fraction, \x04 e \x05 a raised exponent, \x06 … \x07 parentheses that grow.
 */
export const MARK = { fracOpen: '\x01', fracBar: '\x02', fracClose: '\x03', supOpen: '\x04', supClose: '\x05', parenOpen: '\x06', parenClose: '\x07' } as const;
const tall = (s: string): boolean => /[\x01\x04]/.test(s);
const prettyStyle: Style = {
  ...unicode,
  frac: (n, d, ew) => (ew ? null : `${MARK.fracOpen}${n}${MARK.fracBar}${d}${MARK.fracClose}`),
  pow: (b, _e, ew, raw) => {
    const sp = sup(raw);
    if (sp && !ew) return `${b}${sp}`;
    return `${b}${MARK.supOpen}${ew ? '∘' : ''}${raw}${MARK.supClose}`;
  },
  paren: (s) => (tall(s) ? `${MARK.parenOpen}${s}${MARK.parenClose}` : `(${s})`),
};

const printers = { text: new Printer(text), unicode: new Printer(unicode), latex: new Printer(latexStyle), pretty: new Printer(prettyStyle) };

/** The 2-D markup of `e` (see MARK); `toPretty` lays it out. */
export function prettyMarkup(e: MExpr): string {
  return printers.pretty.node(e)[0];
}

/**
 * Parseable text: `2*X'*(X*w - y)`; `parseMatrixExpr(toText(e), shapes) === e`.
 * @example toText(transpose(matmul(A, B))) // → "B'*A'"
 */
export function toText(e: MExpr): string {
  return printers.text.node(e)[0];
}

/** One-line Unicode: `2Xᵀ(Xw − y)`, `A⁻ᵀ`, `x ⊙ y`. @example toUnicode(inv(transpose(A))) // → "A⁻ᵀ" */
export function toUnicode(e: MExpr): string {
  return printers.unicode.node(e)[0];
}

/** LaTeX: `2 X^{\top} \left(X w - y\right)`. @example toLatex(transpose(A)) // → "A^{\\top}" */
export function toLatex(e: MExpr): string {
  return printers.latex.node(e)[0];
}
