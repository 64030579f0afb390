/**
 * Display order shared by the printers (text, pretty, LaTeX), following SymPy's conventions so
 * that output reads like the course's: factors ordered numbers, constants, symbols (by name),
 * then sums and functions (exp before log before sin…), a power sorting with its base; sum terms
 * in lexicographic monomial order, highest degree first, the constant last — except `1 - x²`
 * (a positive number and one negated factor), which keeps the number first.
 *
 * The canonical storage order of Add/Mul (by hash) is unrelated; printers sort for display.
 * Canonicalisation uses this order too (`looksNegative` breaks ties by the first displayed term),
 * with `structuralKey` as its namer: printer-free text, so that the canonical form never depends
 * on which modules are loaded.
 *
 * @example
 * // x^2 + 2*x + 1 prints in that order whatever the storage order is.
 */
import { asBaseExp, mul, pow } from './arith.js';
import { E, I, NEG_ONE, ONE, children, int, isNum, numNeg, numSign, type AddNode, type Expr, type MulNode, type Num } from './expr.js';

const FN_ORDER = [
  'abs', 'sign', 'exp', 'log', 'sin', 'cos', 'tan', 'cot', 'sec', 'csc', 'asin', 'acos', 'atan', 'atan2',
  'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'erf', 'max', 'min', 'heaviside', 'dirac',
  'sigmoid', 'softplus', 'relu',
];

/**
 * Binding strength of printed text (text and LaTeX printers), to decide parentheses: a part
 * whose strength is below its context's is wrapped.
 * @example PREC.Add < PREC.Mul // → true (so a sum inside a product is wrapped: x*(y + 1))
 */
export const PREC = { Add: 10, Neg: 15, Mul: 20, Pow: 30, Atom: 100 } as const;

/** A printed part: its text and binding strength (a PREC value). @example const printed: Printed = { s: 'x + 1', p: PREC.Add }; */
export interface Printed {
  s: string;
  p: number;
}

/** A string-valued naming function for tie-breaks (printers pass their own, memoized). @example orderedTerms(parse('x + 1'), (e) => toString(e)).length // → 2 */
export type Namer = (e: Expr) => string;

/** Longest key text kept per node; longer keys end in the node's structural hash. */
const KEY_CHARS = 160;

/**
 * Every node's structural key, computed once: nodes are immutable, and sorting a sum's terms asks
 * for the same keys O(n log n) times (held weakly, so the keys go with their nodes).
 */
const KEYS = new WeakMap<Expr, string>();

/**
 * A printer-free text key of e for display-order tie-breaks: `name(args)` for functions, names
 * and numbers as printed, `(a)^(b)`, `a*b` and `a + b` in storage order. Deterministic (built from
 * the structure and the structural hash only), iterative, and capped at `KEY_CHARS` per node.
 * @example structuralKey(cos(symbol('a'))) // → 'cos(a)'
 */
export function structuralKey(root: Expr): string {
  const stack: Expr[] = [root];
  while (stack.length) {
    const e = stack[stack.length - 1]!;
    if (KEYS.has(e)) {
      stack.pop();
      continue;
    }
    const kids = children(e);
    const missing = kids.filter((k) => !KEYS.has(k));
    if (missing.length) {
      stack.push(...missing);
      continue;
    }
    stack.pop();
    const k = kids.map((c) => KEYS.get(c)!);
    let t: string;
    switch (e.kind) {
      case 'Integer':
      case 'Rational':
        t = e.value.den === 1n ? String(e.value.num) : `${e.value.num}/${e.value.den}`;
        break;
      case 'Float':
        t = `float(${e.value})`;
        break;
      case 'Symbol':
      case 'Constant':
        t = e.name;
        break;
      case 'Function':
        t = `${e.name}(${k.join(', ')})`;
        break;
      case 'Pow':
        t = `(${k[0]})^(${k[1]})`;
        break;
      case 'Mul': {
        const fs = e.bases.map((b, i) => (e.exps[i] === ONE ? KEYS.get(b)! : `(${KEYS.get(b)!})^(${KEYS.get(e.exps[i]!)!})`));
        t = (e.coeff === ONE ? fs : [KEYS.get(e.coeff)!, ...fs]).join('*');
        break;
      }
      case 'Add': {
        const ts = e.terms.map((u, i) => (e.coeffs[i] === ONE ? KEYS.get(u)! : `${KEYS.get(e.coeffs[i]!)!}*${KEYS.get(u)!}`));
        t = (numSign(e.coeff) === 0 ? ts : [...ts, KEYS.get(e.coeff)!]).join(' + ');
        break;
      }
      default:
        t = `${e.kind}(${k.join(', ')})`;
    }
    KEYS.set(e, t.length > KEY_CHARS ? `${t.slice(0, KEY_CHARS)}#${e.hash}` : t);
  }
  return KEYS.get(root)!;
}

/** [class rank, name] of a factor as SymPy orders Mul arguments. */
function factorClass(e: Expr): [number, string] {
  switch (e.kind) {
    case 'Integer':
    case 'Rational':
    case 'Float':
      return [0, ''];
    case 'Constant':
      return [1, e.name];
    case 'Symbol':
      return [2, e.name];
    case 'Pow':
      if (e.base === E) return [10 + FN_ORDER.indexOf('exp'), 'exp'];
      return factorClass(e.base);
    case 'Mul':
      return [4, ''];
    case 'Add':
      return [5, ''];
    case 'Derivative':
      return [6, ''];
    case 'Integral':
      return [7, ''];
    case 'Function': {
      const i = FN_ORDER.indexOf(e.name);
      return [i < 0 ? 100 : 10 + i, e.name];
    }
  }
}

/** A factor with its sort keys computed once (sorting 10⁵ factors compares ~2·10⁶ times). */
interface Keyed {
  e: Expr;
  rank: number;
  cls: string;
  base: Expr;
  exp: Expr;
}

function keyed(e: Expr): Keyed {
  const [rank, cls] = factorClass(e);
  const pw = e.kind === 'Pow' && e.base !== E;
  return { e, rank, cls, base: pw ? e.base : e, exp: pw ? e.exp : ONE };
}

function compareKeyed(a: Keyed, b: Keyed, name: Namer): number {
  if (a.e === b.e) return 0;
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.cls !== b.cls) return a.cls < b.cls ? -1 : 1;
  if (a.base !== b.base) {
    const sa = name(a.base);
    const sb = name(b.base);
    if (sa.length !== sb.length) return sa.length - sb.length;
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  }
  const sa = name(a.exp);
  const sb = name(b.exp);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/**
 * Compare two factors for display: numbers, constants, symbols by name, sums, then functions
 * in FN_ORDER; a power sorts with its base, ties by the base's then the exponent's text.
 * @example compareFactors(symbol('x'), sin(symbol('x')), toString) < 0 // → true (x⋅sin(x))
 */
export function compareFactors(a: Expr, b: Expr, name: Namer): number {
  return a === b ? 0 : compareKeyed(keyed(a), keyed(b), name);
}

/** The factors in display order (a new array). @example sortFactors([sin(x), x], toString) // → [x, sin(x)] */
export function sortFactors(fs: readonly Expr[], name: Namer): Expr[] {
  return fs.map(keyed).sort((a, b) => compareKeyed(a, b, name)).map((k) => k.e);
}

/** Split a term into monomial factors base^n (n a number) like SymPy's decompose_power. */
function monomial(t: Expr): Map<Expr, number> {
  const m = new Map<Expr, number>();
  const addFactor = (f: Expr): void => {
    if (isNum(f)) return;
    const [b, e] = asBaseExp(f);
    // π, e and surds like √2 are numbers to SymPy's term order (x + π/4, not π/4 + x).
    if ((isNum(b) || b.kind === 'Constant') && isNum(e)) return;
    if (b !== E && isNum(e) && e.kind !== 'Float') {
      const r = e.value;
      const base = r.den === 1n ? b : pow(b, mul(ONE, pow(Number(r.den), NEG_ONE)));
      m.set(base, (m.get(base) ?? 0) + Number(r.num));
    } else m.set(f, (m.get(f) ?? 0) + 1);
  };
  if (t.kind === 'Mul') for (let i = 0; i < t.bases.length; i++) addFactor(pow(t.bases[i]!, t.exps[i]!));
  else addFactor(t);
  return m;
}

/** A term with the factor I (I, I·π, √3·I). */
const imaginaryTerm = (t: Expr): boolean => t === I || (t.kind === 'Mul' && t.bases.includes(I));

/**
 * The summands of an Add in display order, each as [coefficient, coefficient-free term]
 * (the constant comes as [c, 1]).
 * @example orderedTerms(parse('1 + x^2 + 2x'), toString) // → [[1, x^2], [2, x], [1, 1]]
 */
export function orderedTerms(e: AddNode, name: Namer): Array<[Num, Expr]> {
  const items: Array<[Num, Expr]> = e.terms.map((t, i) => [e.coeffs[i]!, t]);
  const zeroConst = isNum(e.coeff) && numSign(e.coeff) === 0;
  // SymPy's special case: 1 - x² keeps the positive number first.
  if (!zeroConst && items.length === 1 && numSign(e.coeff) > 0 && numSign(items[0]![0]) < 0 && items[0]![1].kind !== 'Mul')
    return [[e.coeff, ONE], items[0]!];
  const monos = items.map(([, t]) => monomial(t));
  const gens = new Set<Expr>();
  for (const m of monos) for (const g of m.keys()) gens.add(g);
  const sortedGens = sortFactors([...gens], name);
  const genIndex = new Map<Expr, number>();
  sortedGens.forEach((g, i) => genIndex.set(g, i));
  // Sparse exponent vectors [(gen index, exponent)] sorted by gen: a dense one would be terms × gens.
  const vec = monos.map((m) =>
    [...m.entries()].filter(([, e]) => e !== 0).map(([g, e]): [number, number] => [genIndex.get(g)!, e]).sort((p, q) => p[0] - q[0]),
  );
  /** Lexicographic order on the dense vectors, larger exponents first. */
  const lex = (a: Array<[number, number]>, b: Array<[number, number]>): number => {
    let i = 0;
    let j = 0;
    for (;;) {
      const pa = a[i];
      const pb = b[j];
      if (!pa && !pb) return 0;
      if (pa && (!pb || pa[0] < pb[0])) return pa[1] > 0 ? -1 : 1;
      if (pb && (!pa || pb[0] < pa[0])) return pb[1] > 0 ? 1 : -1;
      if (pa![1] !== pb![1]) return pb![1] - pa![1];
      i++;
      j++;
    }
  };
  const idx = items.map((_, i) => i);
  idx.sort((i, j) => {
    const c = lex(vec[i]!, vec[j]!);
    if (c !== 0) return c;
    // Among number-like terms the imaginary ones come last, as in SymPy: log(2) + I*pi.
    const ci = imaginaryTerm(items[i]![1]), cj = imaginaryTerm(items[j]![1]);
    if (ci !== cj) return ci ? 1 : -1;
    const sa = name(items[i]![1]);
    const sb = name(items[j]![1]);
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  });
  const out = idx.map((i) => items[i]!);
  if (!zeroConst) {
    // The constant sorts as the all-zero monomial: after non-negative degrees, before 1/x terms.
    let at = out.length;
    for (let k = 0; k < out.length; k++) {
      const first = vec[idx[k]!]![0];
      // before other number-like terms too: x + 1 + pi
      if (!first || first[1] < 0) {
        at = k;
        break;
      }
    }
    out.splice(at, 0, [e.coeff, ONE]);
  }
  return out;
}

/** A product split for display: sign, numerator and denominator factors (display order). @example mulParts(parse('-3x/(2y)'), toString) // → { negative: true, num: [x], den: [y] } */
export interface MulParts {
  negative: boolean;
  /** Numeric numerator (≠ 1) or null. */
  numCoeff: Num | null;
  /** Numeric denominator (≠ 1) or null. */
  denCoeff: Num | null;
  num: Expr[];
  /** Factors with negative numeric exponents, written with the exponent negated. */
  den: Expr[];
}

/** Split a Mul (or Pow) into numerator and denominator for display. @example mulParts(parse('x/y'), toString).den // → [y] */
export function mulParts(e: MulNode | Expr, name: Namer): MulParts {
  let coeff: Num = ONE;
  let factors: Expr[];
  if (e.kind === 'Mul') {
    coeff = e.coeff;
    factors = e.bases.map((b, i) => (e.exps[i] === ONE ? b : pow(b, e.exps[i]!)));
  } else factors = [e];
  const negative = numSign(coeff) < 0;
  if (negative) coeff = numNeg(coeff);
  let numCoeff: Num | null = null;
  let denCoeff: Num | null = null;
  if (coeff.kind === 'Rational') {
    numCoeff = coeff.value.num === 1n ? null : int(coeff.value.num);
    denCoeff = int(coeff.value.den);
  } else if (coeff !== ONE) numCoeff = coeff;
  const num: Expr[] = [];
  const den: Expr[] = [];
  for (const f of factors) {
    if (f.kind === 'Pow' && f.base !== E && isNum(f.exp) && numSign(f.exp) < 0) den.push(pow(f.base, numNeg(f.exp)));
    else num.push(f);
  }
  return { negative, numCoeff, denCoeff, num: sortFactors(num, name), den: sortFactors(den, name) };
}

