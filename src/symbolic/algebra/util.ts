/**
 * Small expression helpers shared by integrate, limit, series, solve and friends: dependence on a
 * variable, exact substitution of a sub-expression, fast numeric evaluation, entire-function
 * and a conservative positivity test (used to write log(u) instead of log|u|).
 *
 * @example
 * dependsOn(parse('sin(x)*y'), symbol('y')) // → true
 * substitute(parse('x*exp(x^2)'), parse('x^2'), symbol('t')) // → x*exp(t)
 */
import * as Qr from '../../core/rational.js';
import { add, mul, pow, sub } from '../expr/arith.js';
import {
  E, HALF, PI, ONE, ZERO, children, isNum, numFromRational, numValue, type Expr, type SymbolNode,
} from '../expr/expr.js';
import { knownSign } from '../expr/assumptions.js';
import { fn } from '../functions/index.js';
import { rebuildWith, rewrite } from '../walk/rewrite.js';

const dependCache = new Map<Expr, WeakMap<Expr, boolean>>();

/** True when the symbol x occurs in e (iterative; memoised per symbol). */
export function dependsOn(e: Expr, x: Expr): boolean {
  let m = dependCache.get(x);
  if (!m) dependCache.set(x, (m = new WeakMap()));
  const hit = m.get(e);
  if (hit !== undefined) return hit;
  const stack: Expr[] = [e];
  const order: Expr[] = [];
  while (stack.length) {
    const n = stack.pop()!;
    if (m.has(n)) continue;
    order.push(n);
    for (const c of children(n)) if (!m.has(c)) stack.push(c);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i]!;
    if (m.has(n)) continue;
    let d = n === x;
    if (!d) for (const c of children(n)) if (m.get(c)) { d = true; break; }
    m.set(n, d);
  }
  return m.get(e)!;
}

export const free = (e: Expr, x: Expr): boolean => !dependsOn(e, x);

/** Functions defined and continuous on all of ℝ. */
export const CONTINUOUS_ON_R: ReadonlySet<string> = new Set(['sin', 'cos', 'sinh', 'cosh', 'tanh', 'atan', 'asinh', 'erf', 'erfi', 'Si', 'sigmoid', 'softplus', 'abs', 'relu', 'max', 'min']);
/** … and sign and heaviside, which jump at 0 but whose antiderivatives are continuous. */
const CONTINUOUS = new Set([...CONTINUOUS_ON_R, 'sign', 'heaviside']);

/**
 * e is built from x and constants by +, ·, non-negative integer powers, exp and the functions in
 * `names` (default: the ones continuous on ℝ, plus sign/heaviside whose antiderivatives are), and
 * other powers of bases whose sign is proven and never 0 (any power of 1 + eˣ, integer powers of
 * −1 − x²): no singularity and no domain gap anywhere.
 * @example isEntire(parse('x^2*exp(sin(x))'), x) // → true
 * isEntire(parse('1/x'), x) // → false
 * isEntire(parse('1/(1 + exp(-x))'), x) // → true
 */
export function isEntire(e: Expr, x: SymbolNode, names: ReadonlySet<string> = CONTINUOUS): boolean {
  return walkDependent(e, x, (n) => {
    if (n.kind === 'Pow' && n.base !== E && !(n.exp.kind === 'Integer' && n.exp.value.num > 0n) && !nonvanishingPower(n.base, n.exp)) return false;
    if (n.kind === 'Pow' && n.base === E) return [n.exp];
    if (n.kind === 'Function' && !names.has(n.name)) return false;
    if (n !== x && n.kind !== 'Add' && n.kind !== 'Mul' && n.kind !== 'Pow' && n.kind !== 'Function') return false;
  });
}

/** bᵏ is finite and real wherever b is: b > 0 is proven (any k), or b < 0 and k is an integer. */
function nonvanishingPower(b: Expr, k: Expr): boolean {
  const s = knownSign(b);
  return s === 1 || (s === -1 && k.kind === 'Integer');
}

/** Each product's factors bᵏ as nodes, made once per product (a node never changes; the entry goes with it). */
const FACTORS = new WeakMap<Expr, readonly Expr[]>();

/**
 * The factors bᵢ^kᵢ of a product as expressions (the coefficient left out), built once per node.
 * @example mulFactors(parse('x^2*sin(x)')) // → [sin(x), x^2]
 */
export function mulFactors(n: Extract<Expr, { kind: 'Mul' }>): readonly Expr[] {
  let fs = FACTORS.get(n);
  if (!fs) FACTORS.set(n, (fs = n.bases.map((b, i) => pow(b, n.exps[i]!))));
  return fs;
}

/**
 * Visit each distinct sub-expression of e that depends on x, outer before inner (iterative, so
 * deep input is safe). `visit` returns the operands to descend into, or nothing for the default
 * (Add: terms; Mul: each factor bᵏ; Pow: base and exponent; Function: arguments), or false to stop
 * the walk, in which case walkDependent returns false.
 * @example
 * const seen: Expr[] = [];
 * walkDependent(parse('sin(x) + 1'), x, (n) => void seen.push(n));
 * seen // → [sin(x) + 1, sin(x), x]
 */
export function walkDependent(e: Expr, x: Expr, visit: (n: Expr) => readonly Expr[] | false | void): boolean {
  const stack: Expr[] = [e];
  const seen = new Set<Expr>();
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n) || free(n, x)) continue;
    seen.add(n);
    const next = visit(n);
    if (next === false) return false;
    if (next) stack.push(...next);
    else if (n.kind === 'Add') stack.push(...n.terms);
    else if (n.kind === 'Mul') stack.push(...mulFactors(n));
    else if (n.kind === 'Pow') stack.push(n.base, n.exp);
    else if (n.kind === 'Function') stack.push(...n.args);
  }
  return true;
}

/**
 * Replace every occurrence of `target` in e by `repl`. Powers of the same base are matched too
 * when the exponent is an integer multiple of the target's (x⁴ → t² for target x², e^{2x} → t²
 * for target e^x), which keeps the replacement an identity.
 */
export function substitute(e: Expr, target: Expr, repl: Expr): Expr {
  const [tb, te] = target.kind === 'Pow' ? [target.base, target.exp] : [target, ONE];
  // bᵏ → repl^(k/te) when the ratio is an integer (or any number for base e).
  const asPowerOfTarget = (k: Expr): Expr | null => {
    const ratio = mul(k, pow(te, -1));
    return ratio.kind === 'Integer' || (isNum(ratio) && tb === E) ? pow(repl, ratio) : null;
  };
  return rewrite(e, (n, go) => {
    if (n === target) return repl;
    // A part without the target's symbol stays as it is (dependsOn is memoised per symbol).
    if (tb.kind === 'Symbol' && !dependsOn(n, tb)) return n;
    if (n.kind === 'Pow' && n.base === tb) return asPowerOfTarget(n.exp) ?? rebuildWith(n, go);
    if (n.kind !== 'Mul') return null;
    const parts: Expr[] = [n.coeff];
    let same = true;
    for (let i = 0; i < n.bases.length; i++) {
      const b = n.bases[i]!, x = n.exps[i]!;
      const byPower = b === tb ? asPowerOfTarget(x) : null;
      const gb = byPower ? b : go(b), gx = byPower ? x : go(x);
      if (byPower || gb !== b || gx !== x) same = false;
      parts.push(byPower ?? pow(gb, gx));
    }
    // Nothing replaced: the product itself (rebuilding it from its own factors gives it back).
    return same ? n : mul(...parts);
  });
}

/** Replace a symbol by a value (exact). */
export const subsSymbol = (e: Expr, x: SymbolNode, v: Expr): Expr => substitute(e, x, v);

export { evalMany, evalNumber } from '../walk/evaluate.js';

/** Size of an expression DAG (distinct nodes), for budgets. */
export function nodeCount(e: Expr, cap = 100_000): number {
  const seen = new Set<Expr>();
  const stack: Expr[] = [e];
  while (stack.length && seen.size < cap) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    for (const c of children(n)) stack.push(c);
  }
  return seen.size;
}

/** Largest k with k² | n (trial division up to 10⁶; the rest of n is left as is). */
function squarePart(n: bigint): bigint {
  let k = 1n;
  for (let p = 2n; p * p <= n && p <= 1_000_000n; p++) {
    while (n % (p * p) === 0n) {
      n /= p * p;
      k *= p;
    }
  }
  return k;
}

/**
 * √r for a rational r ≥ 0 in simplest radical form: √(p/q) = √(p·q)/q with squares pulled out,
 * e.g. √8 = 2√2, √(3/4) = √3/2.
 */
export function sqrtRational(r: Qr.Rational): Expr {
  if (r.num < 0n) return pow(numFromRational(r), HALF);
  const n = r.num * r.den;
  const k = squarePart(n);
  const m = n / (k * k);
  return mul(numFromRational(Qr.rational(k, r.den)), pow(numFromRational(Qr.rational(m)), HALF));
}

/** Nesting depth of e (iterative), stopping early once it exceeds `cap`. */
export function exprDepth(e: Expr, cap = 10_000): number {
  const depth = new Map<Expr, number>();
  const stack: Array<[Expr, number]> = [[e, 1]];
  let max = 0;
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if ((depth.get(n) ?? 0) >= d) continue;
    depth.set(n, d);
    if (d > max) max = d;
    if (max > cap) return max;
    for (const c of children(n)) stack.push([c, d + 1]);
  }
  return max;
}

/** Recursive rewrites (substitution, series, limits) refuse expressions nested deeper than this. */
export const MAX_RULE_DEPTH = 400;
