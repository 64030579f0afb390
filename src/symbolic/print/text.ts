/**
 * The text printer: `toString(e)` writes parseable plain text (`x^2 + 2*x + 1`, `sin(x)/x`,
 * `exp(-x^2)`, `sqrt(x)`), in SymPy's display order, and `parse(toString(e)) === e` for every
 * expression. Floats print as `float(0.1)` so they read back as floats (plain decimals parse
 * exact). Works bottom-up without recursion, so any depth prints.
 *
 * @example
 * toString(parse('2*x + x^2 + 1')) // → 'x^2 + 2*x + 1'
 */
import { dict } from '../../core/dict.js';
import { LIMITS } from '../../core/limits.js';
import { LimitError } from '../../core/errors.js';
import { pyRepr } from '../../core/format.js';
import * as Qm from '../../core/rational.js';
import { mul, pow } from '../expr/arith.js';
import { E, HALF, ONE, isNum, numNeg, numSign, type Expr, type Num } from '../expr/expr.js';
import { registerPrinter } from '../expr/intern.js';
import { mulParts, orderedTerms, PREC, type Printed } from '../expr/display-order.js';
import { postorder } from '../walk/traverse.js';

const P = PREC;
type Out = Printed;

function numOut(n: Num): Out {
  if (n.kind === 'Float') return { s: `float(${pyRepr(n.value)})`, p: P.Atom };
  const s = Qm.toString(n.value);
  if (n.value.num < 0n) return { s, p: P.Neg };
  return { s, p: n.kind === 'Rational' ? P.Mul : P.Atom };
}

const CONST_TEXT = dict<string>({ pi: 'pi', E: 'E', I: 'I', oo: 'oo', '-oo': '-oo', zoo: 'zoo', nan: 'nan' });

/**
 * Refuse to print an expression whose written-out form (shared sub-expressions repeated, as on
 * paper) has more nodes than LIMITS.printedSize: a small DAG can print as gigabytes (the
 * derivative of x^x^…^x). One pass over the distinct nodes, before any text is built.
 * @example checkPrintedSize(parse('x + 1'), 'toString') // → undefined (small enough to print)
 */
export function checkPrintedSize(root: Expr, where: string): void {
  const n = postorder<number>(root, (e, kids) => {
    let total = 1;
    for (const k of kids) total += k;
    return Math.min(total, LIMITS.printedSize + 1);
  });
  if (n > LIMITS.printedSize) throw new LimitError(`${where}: written out it has more than ${LIMITS.printedSize} nodes (printedSize; see "Limits" in the README)`);
}

/** Text of a whole expression. @example toString(parse('x*2 + 1')) // → '2*x + 1' */
export function toString(root: Expr): string {
  checkPrintedSize(root, 'toString');
  return text(root);
}

/** The text without the size check: the engine's own tie-breaks print small sub-expressions often. */
function text(root: Expr): string {
  const memo = new Map<Expr, Out>();
  const get = (e: Expr): Out => memo.get(e) ?? format(e);
  const name = (e: Expr): string => get(e).s;
  const paren = (o: Out, min: number): string => (o.p < min ? `(${o.s})` : o.s);

  function format(e: Expr): Out {
    switch (e.kind) {
      case 'Integer':
      case 'Rational':
      case 'Float':
        return numOut(e);
      case 'Symbol':
        return { s: e.name, p: P.Atom };
      case 'Constant':
        return { s: CONST_TEXT[e.name]!, p: e.name === '-oo' ? P.Neg : P.Atom };
      case 'Add': {
        const terms = orderedTerms(e, name);
        let s = '';
        terms.forEach(([c, t], i) => {
          const negative = numSign(c) < 0;
          const body = t === ONE ? numOut(negative ? numNeg(c) : c).s : termText(negative ? numNeg(c) : c, t);
          if (i === 0) s = negative ? (body.startsWith('(') ? `-1*${body}` : `-${body}`) : body;
          else s += negative ? ` - ${body}` : ` + ${body}`;
        });
        return { s, p: P.Add };
      }
      case 'Mul':
        return mulText(e);
      case 'Pow':
        return powText(e.base, e.exp);
      case 'Function':
        return { s: `${e.name}(${e.args.map((a) => get(a).s).join(', ')})`, p: P.Atom };
      case 'Derivative':
        return { s: `Derivative(${[e.expr, ...e.vars].map((a) => get(a).s).join(', ')})`, p: P.Atom };
      case 'Integral': {
        const parts = [e.expr, e.var, ...(e.lower ? [e.lower, e.upper!] : [])];
        return { s: `Integral(${parts.map((a) => get(a).s).join(', ')})`, p: P.Atom };
      }
    }
  }

  /** c·t with c > 0 (t coefficient-free). */
  function termText(c: Num, t: Expr): string {
    if (c === ONE) return paren(get(t), P.Add + 1);
    return mulText(mul(c, t)).s;
  }

  function mulText(e: Expr): Out {
    const parts = mulParts(e, name);
    const numStrs: string[] = [];
    if (parts.numCoeff) numStrs.push(paren(numOut(parts.numCoeff), P.Mul));
    for (const f of parts.num) numStrs.push(paren(get(f), P.Mul));
    const hasDen = parts.den.length > 0 || parts.denCoeff !== null;
    // "-(x + 1)*y" would read back as (-x - 1)·y: lead with an unparenthesised factor instead
    // (-y*(x + 1)); when every factor is parenthesised the -1 is written out below.
    if (parts.negative && numStrs.length > 1 && numStrs[0]!.startsWith('(')) {
      const k = numStrs.findIndex((f) => !f.startsWith('('));
      if (k > 0) numStrs.unshift(...numStrs.splice(k, 1));
    }
    let s = numStrs.length ? numStrs.join('*') : '1';
    if (parts.denCoeff && parts.den.length > 0 && denominatorReadsBack(parts.denCoeff, parts.den)) {
      // SymPy's a/(q*f): the numeric denominator joins the others when q·f reads back as a product.
      s += `/(${[numOut(parts.denCoeff).s, ...parts.den.map((f) => paren(get(f), P.Mul))].join('*')})`;
    } else {
      // a/q/(f·g): the numeric denominator on its own, since "2*(x - 1)" would read back as 2x - 2.
      if (parts.denCoeff) s += '/' + numOut(parts.denCoeff).s;
      if (parts.den.length === 1) s += '/' + paren(get(parts.den[0]!), P.Pow);
      else if (parts.den.length > 1) s += `/(${parts.den.map((f) => paren(get(f), P.Mul)).join('*')})`;
    }
    if (parts.negative) return { s: s.startsWith('(') ? `-1*${s}` : `-${s}`, p: P.Neg };
    return { s, p: hasDen || numStrs.length > 1 ? P.Mul : P.Atom };
  }

  /** True when parsing `q*f*g` gives back the product with coefficient q (no distribution over a sum). */
  function denominatorReadsBack(q: Num, den: readonly Expr[]): boolean {
    const d = mul(q, ...den);
    return d.kind === 'Mul' && d.coeff === q;
  }

  function powText(b: Expr, x: Expr): Out {
    if (b === E) return { s: `exp(${get(x).s})`, p: P.Atom };
    if (x === HALF) return { s: `sqrt(${get(b).s})`, p: P.Atom };
    if (isNum(x) && numSign(x) < 0) {
      const pos = pow(b, numNeg(x));
      return { s: `1/${paren(get(pos), P.Pow)}`, p: P.Mul };
    }
    const bs = paren(get(b), P.Pow + 1);
    const xo = get(x);
    const xs = xo.p === P.Atom ? xo.s : `(${xo.s})`;
    return { s: `${bs}^${xs}`, p: P.Pow };
  }

  return postorder<Out>(
    root,
    (e) => format(e),
    memo,
  ).s;
}

// String(e) and `${e}` print through this (see expr-intern.ts: nodes cannot import the printer).
registerPrinter(text, toString);
