/**
 * The elementary functions: the table (`function-table.ts`, one entry per function: numeric
 * value, parity, exact special values, derivative, printing names, JS; its special-value helpers
 * and trig reduction in `function-special.ts`, double evaluators in `function-numeric.ts`), the
 * registry and `fn` (`function-def.ts`), and here the one-function constructors `sin`, `cos`, … . Everything is
 * re-exported from this module, which is the one the rest of the code imports (importing it
 * also loads the table).
 *
 * @example
 * sin(int(0)) === int(0);     // → true
 * fn('sin', symbol('x')).name // → 'sin'
 * FUNCTIONS.cos.numeric(0)    // → 1
 * sin(neg(x)) === neg(sin(x)) // → true (parity)
 */
import './table.js';
import type { ExprLike } from '../expr/arith.js';
import type { Expr } from '../expr/expr.js';
import { fn } from './def.js';

export {
  BUILTIN_FORMS,
  FUNCTIONS,
  fn,
  isKnownFunction,
  looksNegative,
  registerAntiderivative,
  type FunctionDef,
} from './def.js';
export { erfNum } from './numeric.js';

const f1 =
  (name: string) =>
  (u: ExprLike): Expr =>
    fn(name, u);

/** @example sin(int(0)) === int(0) // → true */
export const sin = f1('sin');
/** One constructor per table function; each simplifies exact special values. @example cos(0) === int(1) // → true */
export const cos = f1('cos');
export const tan = f1('tan');
export const sec = f1('sec');
export const csc = f1('csc');
export const cot = f1('cot');
export const asin = f1('asin');
export const acos = f1('acos');
export const atan = f1('atan');
export const sinh = f1('sinh');
export const cosh = f1('cosh');
export const tanh = f1('tanh');
export const asinh = f1('asinh');
export const acosh = f1('acosh');
export const atanh = f1('atanh');
export const erf = f1('erf');
export const sign = f1('sign');
export const heaviside = f1('heaviside');
export const sigmoid = f1('sigmoid');
export const softplus = f1('softplus');
export const relu = f1('relu');
/** |u|. @example abs(int(-2)) === int(2) // → true */
export const abs = f1('abs');
/** log(u), or log(u, base) = log u / log base. @example log(E) === int(1) // → true */
export const log = (u: ExprLike, base?: ExprLike): Expr => (base === undefined ? fn('log', u) : fn('log', u, base));
/** atan2(y, x). @example atan2(symbol('y'), symbol('x')).kind // → 'Function' */
export const atan2 = (y: ExprLike, x: ExprLike): Expr => fn('atan2', y, x);
/** max/min of two or more arguments (nested pairwise). @example max(1, 2) === int(2) // → true */
export const max = (...a: ExprLike[]): Expr => fn('max', ...a);
export const min = (...a: ExprLike[]): Expr => fn('min', ...a);
