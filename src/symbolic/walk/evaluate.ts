/**
 * The one numeric evaluator of expressions, scalar (`evaluate`, `evalNumber`), vectorised
 * (`evalMany`) and over dual numbers (`evaluateDual`, the CLI's `nderiv --method dual`); `lambdify`'s generated code follows the same rules (`realPow` is one of its
 * helpers). Every node is computed once (memoised, iterative over the DAG).
 *
 * **Real roots of negatives.** b^(p/q) with b < 0 and q odd is the real root, sign-corrected:
 * (−8)^(1/3) = −2 and (−8)^(2/3) = 4, everywhere (evaluate, solve's and integrate's checks,
 * lambdify, the CLI). This is SymPy's `real_root` reading (what a calculus course means by ∛x on
 * ℝ, whose graph crosses 0), not the principal complex root SymPy's `**` takes; with an even q,
 * or an exponent that is not an exact rational (a float 1/3 or a symbol's value), a negative base
 * gives NaN, as `Math.pow` does.
 *
 * @example
 * evaluate(parse('x^(1/3)'), { x: -8 }) // → -2
 * evalNumber(parse('sqrt(x)'), new Map([[x, -1]])) // → NaN
 */
import { ArgumentError, DomainError } from '../../core/errors.js';
import { E, ONE, children, isNum, numValue, type Expr, type Num, type SymbolNode } from '../expr/expr.js';
import { D, type Dual } from '../../numeric/dual.js';
import { FUNCTIONS } from '../functions/index.js';
import { evaluateComplex } from './evaluate-complex.js';
import { envLookup, foldDag, realPow, type Env } from './eval-common.js';

export { realPow, type Env } from './eval-common.js';


const CONSTANT_VALUE: Readonly<Record<string, number>> = { pi: Math.PI, E: Math.E, I: NaN, oo: Infinity, '-oo': -Infinity, zoo: NaN, nan: NaN };

/** Thrown inside a strict evaluation that meets the imaginary unit; `evaluate` then evaluates over ℂ. */
class MetImaginaryUnit extends Error {}

/** b^e for an exponent node: the real-root rule applies when e is a Rational with an odd denominator. */
function powNode(b: number, x: number, e: Expr): number {
  return e.kind === 'Rational' ? realPow(b, x, e.value.den % 2n === 1n, e.value.num % 2n !== 0n) : Math.pow(b, x);
}

/** What to do with a symbol that has no value, an unknown function, or an unevaluated node. */
interface Policy {
  symbol(s: SymbolNode): number | undefined;
  strict: boolean;
}

function node(n: Expr, v: (c: Expr) => number, p: Policy): number {
  switch (n.kind) {
    case 'Integer':
    case 'Rational':
    case 'Float':
      return numValue(n as Num);
    case 'Symbol': {
      const x = p.symbol(n);
      if (x !== undefined) return x;
      if (p.strict) throw new ArgumentError(`evaluate: no value given for symbol '${n.name}'`);
      return NaN;
    }
    case 'Constant':
      if (n.name === 'I' && p.strict) throw new MetImaginaryUnit();
      return CONSTANT_VALUE[n.name]!;
    case 'Add': {
      let s = v(n.coeff);
      for (let i = 0; i < n.terms.length; i++) s += v(n.coeffs[i]!) * v(n.terms[i]!);
      return s;
    }
    case 'Mul': {
      let prod = v(n.coeff);
      for (let i = 0; i < n.bases.length; i++) {
        const k = n.exps[i]!;
        prod *= k.kind === 'Integer' && k.value.num === 1n ? v(n.bases[i]!) : powNode(v(n.bases[i]!), v(k), k);
      }
      return prod;
    }
    case 'Pow':
      return n.base === E ? Math.exp(v(n.exp)) : powNode(v(n.base), v(n.exp), n.exp);
    case 'Function': {
      const def = FUNCTIONS[n.name];
      if (def) return def.numeric(...n.args.map(v));
      if (p.strict) throw new ArgumentError(`evaluate: unknown function '${n.name}'`);
      return NaN;
    }
    case 'Derivative':
    case 'Integral':
      if (p.strict) throw new DomainError(`evaluate: cannot evaluate an unevaluated ${n.kind.toLowerCase()} numerically`);
      return NaN;
  }
}

/** Bottom-up over the DAG, each node once, without recursion. */
function run(e: Expr, p: Policy): number {
  return foldDag<number>(e, (n, get) => node(n, get, p));
}

/**
 * The value of e as a double, with `env` giving every free symbol; a missing symbol or an unknown
 * function is an ArgumentError, an unevaluated derivative or integral a DomainError. With the
 * imaginary unit I the value is computed over ℂ (`evaluateComplex`): a real result is returned
 * (`(1 + I)*(1 - I)` → 2), a complex one is a DomainError that names it.
 * @example evaluate(parse('x^2 + 1'), { x: 3 }) // → 10
 */
export function evaluate(e: Expr, env: Env = {}): number {
  return strictRun(e, { symbol: envLookup(env), strict: true }, () => evaluateComplex(e, env));
}

/**
 * A strict run; when it meets I, the complex value (from `complex`) if its imaginary part is
 * exactly 0 ((1 + I)·(1 − I) = 2), else a DomainError naming the value.
 */
function strictRun(e: Expr, p: Policy, complex: () => { re: number; im: number }): number {
  try {
    return run(e, p);
  } catch (err) {
    if (!(err instanceof MetImaginaryUnit)) throw err;
  }
  const z = complex();
  if (z.im === 0) return z.re;
  throw new DomainError(
    `evaluate: the value is complex (${z.re} ${z.im < 0 || Object.is(z.im, -0) ? '-' : '+'} ${Math.abs(z.im)}*I); evaluate gives real values only, evaluateComplex gives both parts`,
  );
}

/**
 * Like `evaluate`, but NaN where a value is missing, undefined or complex (any `I`): what the algorithms
 * use to check candidates.
 * @example evalNumber(parse('x^(1/3)'), new Map([[x, -8]])) // → -2
 */
export function evalNumber(e: Expr, env: ReadonlyMap<Expr, number>): number {
  return run(e, { symbol: (s) => env.get(s), strict: false });
}

/**
 * e at many values of x at once (one pass over the DAG, one Float64Array per node); other symbols
 * take the values in `env`. Same rules as `evalNumber`. Pass the same `memo` to evaluate several
 * expressions at the same points without repeating their common parts.
 * @example evalMany(parse('x^2'), x, [1, 2, 3]) // → Float64Array [1, 4, 9]
 */
export function evalMany(
  e: Expr,
  x: Expr,
  xs: ArrayLike<number>,
  env: ReadonlyMap<Expr, number> = new Map(),
  memo = new Map<Expr, Float64Array>(),
): Float64Array {
  const policy: Policy = { symbol: (s) => env.get(s), strict: false };
  const n = xs.length;
  // Numbers are most operands (every coefficient, most exponents) and are read as scalars by
  // nodeMany; an array is made for one only where an operand needs it (a function's argument).
  const get = (c: Expr): Float64Array => {
    let a = memo.get(c);
    if (a === undefined) memo.set(c, (a = new Float64Array(n).fill(numValue(c as Num))));
    return a;
  };
  const stack: Expr[] = [e];
  while (stack.length) {
    const nd = stack[stack.length - 1]!;
    if (memo.has(nd)) {
      stack.pop();
      continue;
    }
    let ready = true;
    for (const c of children(nd))
      if (!isNum(c) && !memo.has(c)) {
        ready = false;
        stack.push(c);
      }
    if (!ready) continue;
    stack.pop();
    memo.set(nd, nd === x ? Float64Array.from(xs) : nodeMany(nd, n, get, policy));
  }
  return memo.get(e)!;
}

/**
 * One node at every point at once, from its children's arrays: `node`'s rules (same operations in
 * the same order, so the same values), but each node's kind, exponent flags and function entry
 * are looked at once per node instead of once per point (the integration check evaluates every
 * candidate at ~100 points).
 */
function nodeMany(nd: Expr, n: number, v: (c: Expr) => Float64Array, p: Policy): Float64Array {
  const out = new Float64Array(n);
  switch (nd.kind) {
    case 'Add': {
      out.fill(numValue(nd.coeff));
      for (let i = 0; i < nd.terms.length; i++) {
        const c = numValue(nd.coeffs[i]!), t = v(nd.terms[i]!);
        for (let j = 0; j < n; j++) out[j]! += c * t[j]!;
      }
      return out;
    }
    case 'Mul': {
      out.fill(numValue(nd.coeff));
      for (let i = 0; i < nd.bases.length; i++) {
        const k = nd.exps[i]!, b = v(nd.bases[i]!);
        if (k === ONE) for (let j = 0; j < n; j++) out[j]! *= b[j]!;
        else powMany(b, isNum(k) ? numValue(k) : v(k), k, out);
      }
      return out;
    }
    case 'Pow': {
      if (nd.base === E) {
        const k = v(nd.exp);
        for (let j = 0; j < n; j++) out[j] = Math.exp(k[j]!);
      } else powMany(v(nd.base), isNum(nd.exp) ? numValue(nd.exp) : v(nd.exp), nd.exp, out.fill(1));
      return out;
    }
    case 'Function': {
      const def = FUNCTIONS[nd.name];
      if (!def) return out.fill(NaN);
      const args = nd.args.map(v);
      if (args.length === 1) {
        const a = args[0]!;
        for (let j = 0; j < n; j++) out[j] = def.numeric(a[j]!);
      } else for (let j = 0; j < n; j++) out[j] = def.numeric(...args.map((a) => a[j]!));
      return out;
    }
    case 'Derivative':
    case 'Integral':
      return out.fill(NaN);
    default:
      // Numbers, symbols and constants: one value everywhere.
      return out.fill(node(nd, () => NaN, p));
  }
}

/**
 * out[j] *= b[j]^k[j] for every point (k one number for all points when the exponent is a number),
 * with `powNode`'s real-root rule decided once for the exponent node e.
 */
function powMany(b: Float64Array, k: Float64Array | number, e: Expr, out: Float64Array): void {
  const n = out.length;
  if (e.kind === 'Rational') {
    const oddDen = e.value.den % 2n === 1n, oddNum = e.value.num % 2n !== 0n;
    if (typeof k === 'number') for (let j = 0; j < n; j++) out[j]! *= realPow(b[j]!, k, oddDen, oddNum);
    else for (let j = 0; j < n; j++) out[j]! *= realPow(b[j]!, k[j]!, oddDen, oddNum);
  } else if (typeof k === 'number') for (let j = 0; j < n; j++) out[j]! *= Math.pow(b[j]!, k);
  else for (let j = 0; j < n; j++) out[j]! *= Math.pow(b[j]!, k[j]!);
}

/**
 * e and de/dx at x = v over dual numbers (forward mode, exact to rounding): each function's `dual`
 * rule from the table, the same real-root rule for powers. Other symbols are an ArgumentError.
 * @example evaluateDual(parse('x*sin(x)'), x, 0) // → {re: 0, du: 0}
 */
export function evaluateDual(e: Expr, x: SymbolNode, v: number): Dual {
  return foldDag<Dual>(e, (n, get) => dualNode(n, get, x, v));
}

/** b^k over duals with the real-root rule for an exact exponent p/q, q odd. */
function dualPow(b: Dual, k: Dual, e: Expr): Dual {
  if (k.du === 0 && e.kind !== 'Float') {
    // d(bᵏ) = k·b^(k−1)·db, with bᵏ from realPow so that (−8)^(1/3) is −2 here too.
    const oddDen = e.kind === 'Integer' || (e.kind === 'Rational' && e.value.den % 2n === 1n);
    const oddNum = e.kind === 'Integer' ? e.value.num % 2n !== 0n : e.kind === 'Rational' && e.value.num % 2n !== 0n;
    const re = realPow(b.re, k.re, oddDen, oddNum);
    const d = k.re === 0 ? 0 : k.re * realPow(b.re, k.re - 1, oddDen, !oddNum);
    return { re, du: d * b.du };
  }
  return D.pow(b, k);
}

function dualNode(n: Expr, v: (c: Expr) => Dual, x: SymbolNode, at: number): Dual {
  switch (n.kind) {
    case 'Symbol':
      if (n !== x) throw new ArgumentError(`the expression may only use ${x.name}, not ${n.name}`);
      return { re: at, du: 1 };
    case 'Add': {
      let s = v(n.coeff);
      for (let i = 0; i < n.terms.length; i++) s = D.add(s, D.mul(v(n.coeffs[i]!), v(n.terms[i]!)));
      return s;
    }
    case 'Mul': {
      let p = v(n.coeff);
      for (let i = 0; i < n.bases.length; i++) p = D.mul(p, n.exps[i] === ONE ? v(n.bases[i]!) : dualPow(v(n.bases[i]!), v(n.exps[i]!), n.exps[i]!));
      return p;
    }
    case 'Pow':
      return n.base === E ? D.exp(v(n.exp)) : dualPow(v(n.base), v(n.exp), n.exp);
    case 'Function': {
      const rule = FUNCTIONS[n.name]?.dual;
      if (!rule || n.args.length !== 1) throw new ArgumentError(`no dual-number rule for ${n.name}() (use a numerical method)`);
      return rule(v(n.args[0]!));
    }
    case 'Derivative':
    case 'Integral':
      throw new ArgumentError('cannot evaluate an unevaluated derivative or integral over dual numbers');
    default:
      return { re: strictRun(n, { symbol: () => undefined, strict: true }, () => evaluateComplex(n)), du: 0 };
  }
}
