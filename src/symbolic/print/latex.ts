/**
 * The LaTeX printer (SymPy's conventions): `\frac{}{}`, `x^{2}`, `\sqrt{}`, `e^{x}`,
 * `\sin{\left(x \right)}`, `\sin^{2}{\left(x \right)}`, Greek names, matrices as
 * `\left[\begin{matrix}…\end{matrix}\right]`. Refuses nesting deeper than PRETTY_MAX_DEPTH.
 *
 * @example
 * latex(parse('x^2/2 + sin(theta)')) // → '\\frac{x^{2}}{2} + \\sin{\\left(\\theta \\right)}'
 */
import { LimitError } from '../../core/errors.js';
import { mul, pow } from '../expr/arith.js';
import { E, HALF, ONE, isNum, numNeg, numSign, type Expr, type Num } from '../expr/expr.js';
import { FUNCTIONS } from '../functions/index.js';
import { SymMatrix } from '../walk/matrix.js';
import { mulParts, orderedTerms, PREC, type Printed } from '../expr/display-order.js';
import { PRETTY_MAX_DEPTH } from './pretty.js';
import { checkPrintedSize, toString } from './text.js';

const GREEK = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu', 'nu',
  'xi', 'pi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega', 'Gamma', 'Delta', 'Theta',
  'Lambda', 'Xi', 'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega',
]);

const P = PREC;
type Out = Printed;

function symbolLatex(name: string): string {
  const m = /^([A-Za-z]+?)_?(\d+)$/.exec(name);
  const base = m ? m[1]! : name;
  const sub = m ? m[2]! : '';
  const b = GREEK.has(base) ? `\\${base}` : base.replace(/_/g, '\\_');
  return sub ? `${b}_{${sub}}` : b;
}

function numLatex(n: Num): Out {
  if (n.kind === 'Float') return { s: String(n.value), p: n.value < 0 ? P.Neg : P.Atom };
  const { num, den } = n.value;
  if (den === 1n) return { s: num.toString(), p: num < 0n ? P.Neg : P.Atom };
  const s = `\\frac{${num < 0n ? -num : num}}{${den}}`;
  return num < 0n ? { s: `- ${s}`, p: P.Neg } : { s, p: P.Mul };
}

/** LaTeX for an expression or matrix. @example latex(parse('x^2/2')) // → '\\frac{x^{2}}{2}' */
export function latex(x: Expr | SymMatrix): string {
  if (x instanceof SymMatrix) {
    const rows = x.toRows().map((r) => r.map((e) => latex(e)).join(' & '));
    return `\\left[\\begin{matrix}${rows.join('\\\\')}\\end{matrix}\\right]`;
  }
  checkPrintedSize(x, 'latex');
  let depth = 0;
  const memo = new Map<Expr, Out>();
  const name = (e: Expr): string => toString(e);
  const par = (o: Out, min: number): string => (o.p < min ? `\\left(${o.s}\\right)` : o.s);

  function go(e: Expr): Out {
    const m = memo.get(e);
    if (m) return m;
    if (++depth > PRETTY_MAX_DEPTH) throw new LimitError(`latex: expression nested deeper than ${PRETTY_MAX_DEPTH} levels`);
    const o = build(e);
    depth--;
    memo.set(e, o);
    return o;
  }

  function fnLatex(fname: string, args: readonly Expr[], power: string | null): string {
    const def = FUNCTIONS[fname];
    const head = def ? def.latex : fname.length === 1 ? fname : `\\operatorname{${fname}}`;
    const a = args.map((x) => go(x).s).join(', ');
    // A head with $0, $1 is a template for the whole call (\left\lfloor{$0}\right\rfloor, \binom{$0}{$1}).
    if (def && def.latex.includes('$0')) {
      const s = def.latex.replace(/\$(\d)/g, (_, d: string) => go(args[Number(d)]!).s);
      return power ? `\\left(${s}\\right)^{${power}}` : s;
    }
    if (fname === 'abs') return `\\left|{${a}}\\right|${power ? `^{${power}}` : ''}`;
    if (fname === 'conjugate') return `\\overline{${a}}${power ? `^{${power}}` : ''}`;
    // SymPy writes log's power after the argument: \log{\left(x \right)}^{2} (not \log^{2}).
    if (fname === 'log' && args.length === 1) return `${head}{\\left(${a} \\right)}${power ? `^{${power}}` : ''}`;
    return `${head}${power ? `^{${power}}` : ''}{\\left(${a} \\right)}`;
  }

  function build(e: Expr): Out {
    switch (e.kind) {
      case 'Integer':
      case 'Rational':
      case 'Float':
        return numLatex(e);
      case 'Symbol':
        return { s: symbolLatex(e.name), p: P.Atom };
      case 'Constant':
        return {
          s: ({ pi: '\\pi', E: 'e', I: 'i', oo: '\\infty', '-oo': '-\\infty', zoo: '\\tilde{\\infty}', nan: '\\text{NaN}' } as const)[e.name],
          p: e.name === '-oo' ? P.Neg : P.Atom,
        };
      case 'Add': {
        let s = '';
        orderedTerms(e, name).forEach(([c, t], i) => {
          const negative = numSign(c) < 0;
          const abs = negative ? numNeg(c) : c;
          const o = t === ONE ? go(abs) : go(mul(abs, t));
          const body = par(o, P.Add + 1);
          s += i === 0 ? (negative ? `- ${body}` : body) : negative ? ` - ${body}` : ` + ${body}`;
        });
        return { s, p: P.Add };
      }
      case 'Mul': {
        const p = mulParts(e, name);
        const join = (coeff: Num | null, fs: Expr[], alone: boolean): string => {
          const parts: string[] = [];
          if (coeff) parts.push(numLatex(coeff).s);
          for (const f of fs) parts.push(alone && fs.length === 1 && !coeff ? go(f).s : par(go(f), P.Mul));
          return parts.join(' ');
        };
        const isFrac = p.den.length > 0 || p.denCoeff !== null;
        let s = join(p.numCoeff, p.num, isFrac) || '1';
        if (isFrac) s = `\\frac{${s}}{${join(p.denCoeff, p.den, true)}}`;
        return p.negative ? { s: `- ${s}`, p: P.Neg } : { s, p: P.Mul };
      }
      case 'Pow': {
        const b = e.base;
        const x = e.exp;
        if (x === HALF) return { s: `\\sqrt{${go(b).s}}`, p: P.Atom };
        // SymPy's root notation: x^(1/n) → \sqrt[n]{x}.
        if (x.kind === 'Rational' && x.value.num === 1n && b !== E) return { s: `\\sqrt[${x.value.den}]{${go(b).s}}`, p: P.Atom };
        if (isNum(x) && numSign(x) < 0 && b !== E) return { s: `\\frac{1}{${go(pow(b, numNeg(x))).s}}`, p: P.Mul };
        const xs = x.kind === 'Rational' ? `\\frac{${x.value.num}}{${x.value.den}}` : go(x).s;
        if (b === E) return { s: `e^{${xs}}`, p: P.Pow };
        if (b.kind === 'Function') return { s: fnLatex(b.name, b.args, xs), p: P.Atom };
        return { s: `${par(go(b), P.Pow + 1)}^{${xs}}`, p: P.Pow };
      }
      case 'Function':
        return { s: fnLatex(e.name, e.args, null), p: P.Atom };
      case 'Derivative': {
        const n = e.vars.length;
        const counts = new Map<string, number>();
        for (const v of e.vars) counts.set(v.name, (counts.get(v.name) ?? 0) + 1);
        const den = [...counts].map(([v, k]) => `\\partial ${symbolLatex(v)}${k > 1 ? `^{${k}}` : ''}`).join(' ');
        const d = counts.size === 1 ? den.replace(/\\partial /g, 'd ') : den;
        const top = counts.size === 1 ? (n > 1 ? `d^{${n}}` : 'd') : n > 1 ? `\\partial^{${n}}` : '\\partial';
        return { s: `\\frac{${top}}{${d}} ${go(e.expr).s}`, p: P.Mul };
      }
      case 'Integral': {
        const lim = e.lower ? `_{${go(e.lower).s}}^{${go(e.upper!).s}}` : '';
        return { s: `\\int${lim} ${par(go(e.expr), P.Mul)}\\, d${symbolLatex(e.var.name)}`, p: P.Mul };
      }
    }
  }

  return go(x).s;
}
