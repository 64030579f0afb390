/**
 * The public node constructors: `add`, `mul`, `pow`, `sin`, … accept text, numbers and
 * expressions (api/coerce.ts) and call the canonicalising constructors of expr/ and functions/,
 * which take expressions and numbers only. Text is parsed without declared variables.
 *
 * @example
 * add('x', 1)          // → x + 1
 * sin('pi/6')          // → 1/2
 * mul(2, 'x y')        // → 2*x*y ('x y' is a product: implicit multiplication)
 */
import * as A from '../expr/arith.js';
import type { Expr } from '../expr/expr.js';
import { SymMatrix, symMatrix as makeMatrix } from '../walk/matrix.js';
import { fn as makeFn } from '../functions/index.js';
import { ArgumentError } from '../../core/errors.js';
import { toExprArg, type ExprInput } from './coerce.js';

const arg = (v: unknown, param: string, fnName: string): Expr => toExprArg(v, param, fnName);
const args = (vs: readonly unknown[], fnName: string): Expr[] => vs.map((v, i) => toExprArg(v, `args[${i}]`, fnName));

/** The sum of the arguments, canonical. @example add('x', 2, 'x') // → 2*x + 2 */
export function add(...a: ExprInput[]): Expr {
  const xs = args(a, 'add');
  return xs.length === 2 ? A.add(xs[0]!, xs[1]!) : A.addArray(xs);
}
/** The product of the arguments, canonical. @example mul(2, 'x', 'x') // → 2*x^2 */
export function mul(...a: ExprInput[]): Expr {
  const xs = args(a, 'mul');
  return xs.length === 2 ? A.mul(xs[0]!, xs[1]!) : A.mulArray(xs);
}
/** base^exp. @example pow('x', 2) // → x^2 */
export const pow = (base: ExprInput, exp: ExprInput): Expr => A.pow(arg(base, 'base', 'pow'), arg(exp, 'exp', 'pow'));
/** −a. @example neg('x') // → -x */
export const neg = (a: ExprInput): Expr => A.neg(arg(a, 'a', 'neg'));
/** a − b. @example sub('x', 1) // → x - 1 */
export const sub = (a: ExprInput, b: ExprInput): Expr => A.sub(arg(a, 'a', 'sub'), arg(b, 'b', 'sub'));
/** a / b. @example div('x', 2) // → x/2 */
export const div = (a: ExprInput, b: ExprInput): Expr => A.div(arg(a, 'a', 'div'), arg(b, 'b', 'div'));
/** eᵃ. @example exp(0) // → 1 */
export const exp = (a: ExprInput): Expr => A.exp(arg(a, 'a', 'exp'));
/** √a. @example sqrt(8) // → 2*sqrt(2) */
export const sqrt = (a: ExprInput): Expr => A.sqrt(arg(a, 'a', 'sqrt'));

/** A function application by name (table function or unknown f). @example fn('sin', 'x') // → sin(x) */
export function fn(name: string, ...a: ExprInput[]): Expr {
  if (typeof name !== 'string') throw new ArgumentError(`fn: argument 'name' must be a function name, got ${typeof name}`);
  return makeFn(name, ...args(a, name));
}

const f1 =
  (name: string) =>
  (u: ExprInput): Expr =>
    makeFn(name, arg(u, 'u', name));

/**
 * The sine sin(u). Like every one-argument function constructor below, it takes `u` as text, a
 * number or an expression (an ArgumentError for anything else, a ParseError for text that does not
 * parse) and simplifies exact special values.
 * @example sin(0) // → 0
 */
export const sin = f1('sin');
/** The cosine cos(u); `u` is text, a number or an expression. @example cos(0) // → 1 */
export const cos = f1('cos');
/** The tangent tan(u) = sin u / cos u; `u` is text, a number or an expression. @example tan('pi/4') // → 1 */
export const tan = f1('tan');
/** The secant sec(u) = 1/cos u; `u` is text, a number or an expression. @example sec(0) // → 1 */
export const sec = f1('sec');
/** The cosecant csc(u) = 1/sin u; `u` is text, a number or an expression. @example csc('pi/2') // → 1 */
export const csc = f1('csc');
/** The cotangent cot(u) = cos u / sin u; `u` is text, a number or an expression. @example cot('pi/4') // → 1 */
export const cot = f1('cot');
/** The inverse sine asin(u), in [−π/2, π/2] for u in [−1, 1]. @example asin(1) // → pi/2 */
export const asin = f1('asin');
/** The inverse cosine acos(u), in [0, π] for u in [−1, 1]. @example acos(1) // → 0 */
export const acos = f1('acos');
/** The inverse tangent atan(u), in (−π/2, π/2). @example atan(1) // → pi/4 */
export const atan = f1('atan');
/** The hyperbolic sine sinh(u) = (eᵘ − e⁻ᵘ)/2. @example sinh(0) // → 0 */
export const sinh = f1('sinh');
/** The hyperbolic cosine cosh(u) = (eᵘ + e⁻ᵘ)/2. @example cosh(0) // → 1 */
export const cosh = f1('cosh');
/** The hyperbolic tangent tanh(u), a common activation. @example tanh(0) // → 0 */
export const tanh = f1('tanh');
/** The inverse hyperbolic sine asinh(u) = log(u + √(u² + 1)). @example asinh(0) // → 0 */
export const asinh = f1('asinh');
/** The inverse hyperbolic cosine acosh(u), real for u ≥ 1. @example acosh(1) // → 0 */
export const acosh = f1('acosh');
/** The inverse hyperbolic tangent atanh(u), real for |u| < 1. @example atanh(0) // → 0 */
export const atanh = f1('atanh');
/** The error function erf(u) = (2/√π)∫₀ᵘ e^(−t²) dt. @example erf(0) // → 0 */
export const erf = f1('erf');
/** The sign of u: −1, 0 or 1. @example sign(-3) // → -1 */
export const sign = f1('sign');
/** The Heaviside step H(u): 0 for u < 0, 1 for u > 0 (and ½ at 0). @example heaviside(2) // → 1 */
export const heaviside = f1('heaviside');
/** The logistic sigmoid σ(u) = 1/(1 + e⁻ᵘ). @example sigmoid(0) // → 1/2 */
export const sigmoid = f1('sigmoid');
/** The softplus log(1 + eᵘ), a smooth ReLU whose derivative is σ(u). @example diff(softplus('x'), 'x') // → sigmoid(x) */
export const softplus = f1('softplus');
/** The rectifier relu(u) = max(u, 0). @example relu(-1) // → 0 */
export const relu = f1('relu');
/** |u|. @example abs(-2) // → 2 */
export const abs = f1('abs');
/** The real part of u (symbols are real). @example re('3 - 4*I') // → 3 */
export const re = f1('re');
/** The imaginary part of u (symbols are real). @example im('3 - 4*I') // → -4 */
export const im = f1('im');
/** The complex conjugate of u (symbols are real). @example conjugate('3 - 4*I') // → 3 + 4*I */
export const conjugate = f1('conjugate');
/** log(u), or log(u, base) = log u / log base. @example log('E') // → 1 */
export const log = (u: ExprInput, base?: ExprInput): Expr =>
  base === undefined ? makeFn('log', arg(u, 'u', 'log')) : makeFn('log', arg(u, 'u', 'log'), arg(base, 'base', 'log'));
/** atan2(y, x). @example atan2('y', 'x').kind // → 'Function' */
export const atan2 = (y: ExprInput, x: ExprInput): Expr => makeFn('atan2', arg(y, 'y', 'atan2'), arg(x, 'x', 'atan2'));
/** max of two or more arguments (nested pairwise). @example max(1, 2) // → 2 */
export const max = (...a: ExprInput[]): Expr => makeFn('max', ...args(a, 'max'));
/** min of two or more arguments. @example min(1, 2) // → 1 */
export const min = (...a: ExprInput[]): Expr => makeFn('min', ...args(a, 'min'));

/**
 * A matrix from rows of expressions, numbers or text.
 * @example symMatrix([[1, 'x'], ['y', 0]]).get(0, 1) // → x
 */
export function symMatrix(rows: ReadonlyArray<ReadonlyArray<ExprInput>>): SymMatrix {
  if (!Array.isArray(rows) || !rows.every((r) => Array.isArray(r))) throw new ArgumentError(`symMatrix: argument 'rows' must be an array of rows`);
  return makeMatrix(rows.map((r, i) => r.map((v: unknown, j: number) => toExprArg(v, `rows[${i}][${j}]`, 'symMatrix'))));
}
