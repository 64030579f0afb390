/**
 * The public algebra, traversal and printing functions, coerced at the boundary (api/coerce.ts):
 * each accepts text, numbers or expressions wherever it takes an expression.
 *
 * @example
 * expand('(x+1)^2')              // → x^2 + 2*x + 1
 * subs('x^2', { x: 'y + 1' })    // → (y + 1)^2
 * evaluate('x^2', { x: 3 })      // → 9
 * latex('x^2/2')                 // → '\\frac{x^{2}}{2}'
 */
import { ArgumentError } from '../../core/errors.js';
import type { Expr, SymbolNode } from '../expr/expr.js';
import { SymMatrix } from '../walk/matrix.js';
import * as X from '../algebra/expand.js';
import * as F from '../algebra/factor.js';
import * as M from '../algebra/simplify.js';
import * as R from '../algebra/rewrite.js';
import * as W from '../walk/traverse.js';
import * as Ev from '../walk/evaluate.js';
import * as Ec from '../walk/evaluate-complex.js';
import type { Dual } from '../../numeric/dual.js';
import * as T from '../print/text.js';
import * as P from '../print/pretty.js';
import * as La from '../print/latex.js';
import * as Lm from '../print/lambdify.js';
import { isExpr, toExprArg, toOptionsArg, toSymbolArg, toSymbolsArg, type ExprInput, type SymbolInput, type SymbolsInput } from './coerce.js';

/**
 * Expand products and integer powers of sums.
 * @example expand('(a + b)*(a - b)') // → a^2 - b^2
 */
export function expand(e: ExprInput, options?: X.ExpandOptions): Expr {
  return X.expand(toExprArg(e, 'e', 'expand'), toOptionsArg(options, 'options', 'expand', ['maxTerms']));
}

/**
 * Simplify: the smallest of several value-preserving forms (see algebra/simplify).
 * @example simplify('(x^2 - 1)/(x - 1)') // → x + 1
 */
export function simplify(e: ExprInput, options?: M.SimplifyOptions): Expr {
  return M.simplify(toExprArg(e, 'e', 'simplify'), toOptionsArg(options, 'options', 'simplify', ['positive']));
}

/**
 * Fold exponential forms back into σ and softplus: eᵘ/(1 + eᵘ) and 1/(1 + e⁻ᵘ) → sigmoid(u),
 * 1/(1 + eᵘ) → sigmoid(−u), log(1 + eᵘ) → softplus(u). Exact rewrites; `simplify` uses them too.
 * @example foldSigmoid('exp(x)/(exp(x) + 1) - y') // → sigmoid(x) - y
 */
export function foldSigmoid(e: ExprInput): Expr {
  return R.foldSigmoid(toExprArg(e, 'e', 'foldSigmoid'));
}

/** Value-preserving clean-up of results. @example tidy('asin(1/2)') // → pi/6 */
export function tidy(e: ExprInput): Expr {
  return M.tidy(toExprArg(e, 'e', 'tidy'));
}

/** A sum over one common denominator (unchanged when there is none). @example together('1/x + 1') // → (x + 1)/x */
export function together(e: ExprInput): Expr {
  return M.together(toExprArg(e, 'e', 'together'));
}

/**
 * Factor e over ℚ in x (default: its only variable).
 * @example factor('x^4 + 4', 'x') // → (x^2 + 2*x + 2)*(x^2 - 2*x + 2)
 */
export function factor(e: ExprInput, x?: SymbolInput): Expr {
  const v = x === undefined ? undefined : toSymbolArg(x, 'x', 'factor');
  return F.factor(toExprArg(e, 'e', 'factor', v ? [v] : []), v);
}

/** A substitution: a Map from expressions (or text), or an object keyed by symbol name; values are expressions, numbers or text. @example subs('x^2', { x: 'y + 1' }) // → (y + 1)^2 */
export type Substitution = ReadonlyMap<ExprInput, ExprInput> | Readonly<Record<string, ExprInput>>;

/**
 * Replace sub-expressions (simultaneously) and re-canonicalise.
 * @example subs('x + y', { x: 1 }) // → y + 1
 */
export function subs(e: ExprInput, s: Substitution): Expr;
export function subs(e: SymMatrix, s: Substitution): SymMatrix;
export function subs(e: ExprInput | SymMatrix, s: Substitution): Expr | SymMatrix {
  const m = new Map<Expr, Expr>();
  if (s instanceof Map) {
    let i = 0;
    for (const [k, v] of s as ReadonlyMap<unknown, unknown>) {
      m.set(toExprArg(k, `s key ${i}`, 'subs'), toExprArg(v, `s value ${i}`, 'subs'));
      i++;
    }
  } else if (typeof s === 'object' && s !== null && !Array.isArray(s) && !isExpr(s)) {
    for (const k of Object.keys(s)) m.set(toSymbolArg(k, `s.${k}`, 'subs'), toExprArg((s as Record<string, unknown>)[k], `s.${k}`, 'subs'));
  } else throw new ArgumentError(`subs: argument 's' must be a Map or an object of name → value, got ${Array.isArray(s) ? 'an array' : typeof s}`);
  if (e instanceof SymMatrix) return e.map((x) => W.subs(x, m));
  return W.subs(toExprArg(e, 'e', 'subs'), m);
}

/** The symbols in e, sorted by name. @example freeSymbols('x*y + z') // → [x, y, z] */
export function freeSymbols(e: ExprInput): SymbolNode[] {
  return W.freeSymbols(toExprArg(e, 'e', 'freeSymbols'));
}

/** True when `target` occurs in e. @example has('sin(x)', 'x') // → true */
export function has(e: ExprInput, target: ExprInput): boolean {
  return W.has(toExprArg(e, 'e', 'has'), toExprArg(target, 'target', 'has'));
}

/** Values for evaluate: an object keyed by symbol name, or a Map from symbols (or names). @example evaluate('x*y', new Map([['x', 1.5], ['y', 2]])) // → 3 */
export type Env = Readonly<Record<string, number>> | ReadonlyMap<SymbolInput, number>;

/** The symbol values of an Env, checked (names or symbols as keys). */
function toEnv(env: Env, fnName: string): W.Env {
  if (env instanceof Map) {
    const m = new Map<SymbolNode, number>();
    for (const [k, v] of env as ReadonlyMap<unknown, unknown>) m.set(toSymbolArg(k, 'env key', fnName), v as number);
    return m;
  }
  if (typeof env === 'object' && env !== null && !Array.isArray(env) && !isExpr(env)) return env as Readonly<Record<string, number>>;
  throw new ArgumentError(`${fnName}: argument 'env' must be an object of name → number or a Map, got ${Array.isArray(env) ? 'an array' : typeof env}`);
}

/**
 * The value of e as a double, with `env` giving every free symbol. An expression with the
 * imaginary unit I gives its value when that is real, else a DomainError (see evaluateComplex).
 * @example evaluate('x^2 + 1', { x: 3 }) // → 10
 * evaluate('(1 + I)*(1 - I)') // → 2
 */
export function evaluate(e: ExprInput, env: Env = {}): number {
  const w = toEnv(env, 'evaluate');
  if (e instanceof SymMatrix) throw new ArgumentError('evaluate: argument \'e\' is a matrix; its method m.evaluate(env) gives the values as nested arrays');
  return W.evaluate(toExprArg(e, 'e', 'evaluate'), w);
}

/**
 * The complex value `{ re, im }` of e (symbols take real values from `env`): principal branches,
 * the real value wherever `evaluate` has one.
 * @example evaluateComplex('(1 + 2*I)*(3 - I)') // → { re: 5, im: 5 }
 */
export function evaluateComplex(e: ExprInput, env: Env = {}): Ec.ComplexValue {
  const w = toEnv(env, 'evaluateComplex');
  if (e instanceof SymMatrix) throw new ArgumentError('evaluateComplex: argument \'e\' is a matrix, not an expression');
  return Ec.evaluateComplex(toExprArg(e, 'e', 'evaluateComplex'), w);
}

const exprOrMatrix = (v: unknown, fnName: string): Expr | SymMatrix => (v instanceof SymMatrix ? v : toExprArg(v, 'e', fnName));

/** Text of a whole expression, or of a matrix as `[a, b; c, d]` (what parseMatrix reads). @example toString('x*2 + 1') // → '2*x + 1' */
export function toString(e: ExprInput | SymMatrix): string {
  if (e instanceof SymMatrix) return e.toString();
  return T.toString(toExprArg(e, 'e', 'toString'));
}

/** The 2-D rendering of an expression or a matrix. @example pretty('x^2') // → ' 2\nx ' */
export function pretty(e: ExprInput | SymMatrix, options?: P.PrettyOptions): string {
  return P.pretty(exprOrMatrix(e, 'pretty'), toOptionsArg(options, 'options', 'pretty', ['ascii']));
}

/** LaTeX for an expression or matrix. @example latex('x^2/2') // → '\\frac{x^{2}}{2}' */
export function latex(e: ExprInput | SymMatrix): string {
  return La.latex(exprOrMatrix(e, 'latex'));
}

/**
 * Compile an expression (→ number), a list (→ number[]) or a matrix (→ number[][]) into a JS
 * function of `vars` (in that order). Text is parsed with `vars` declared.
 * @example lambdify('x*y', ['x', 'y'])(2, 3) // → 6
 */
export function lambdify(input: ExprInput, vars: SymbolsInput): Lm.CompiledFunction<number>;
export function lambdify(input: ReadonlyArray<ExprInput>, vars: SymbolsInput): Lm.CompiledFunction<number[]>;
export function lambdify(input: SymMatrix, vars: SymbolsInput): Lm.CompiledFunction<number[][]>;
export function lambdify(input: ExprInput | ReadonlyArray<ExprInput> | SymMatrix, vars: SymbolsInput): Lm.CompiledFunction<unknown> {
  const vs = toSymbolsArg(vars, 'vars', 'lambdify');
  if (input instanceof SymMatrix) return Lm.lambdify(input, vs);
  if (Array.isArray(input)) return Lm.lambdify(input.map((e, i) => toExprArg(e, `input[${i}]`, 'lambdify', vs)), vs);
  return Lm.lambdify(toExprArg(input, 'input', 'lambdify', vs), vs);
}

/**
 * e and its derivative in x at a point, over dual numbers (forward mode, exact to rounding).
 * @example evaluateDual('x*sin(x)', 'x', 0) // → {re: 0, du: 0}
 */
export function evaluateDual(e: ExprInput, x: SymbolInput, at: number): Dual {
  const v = toSymbolArg(x, 'x', 'evaluateDual');
  if (typeof at !== 'number') throw new ArgumentError(`evaluateDual: argument 'at' must be a number, got ${typeof at}`);
  return Ev.evaluateDual(toExprArg(e, 'e', 'evaluateDual', [v]), v, at);
}
