/**
 * The elementary functions: the table (`table.ts`, one entry per function: numeric value,
 * parity, exact special values, derivative, antiderivative, behaviour at ±∞, inverse, dual rule,
 * printing names, JS; its special-value helpers and trig reduction in `special.ts`, double
 * evaluators in `numeric.ts` and `special-numeric.ts`), the registry and `fn` (`def.ts`). This
 * module is the one the rest of the code imports (importing it also loads the table); the public
 * one-function constructors `sin`, `cos`, … are in api/build.ts (they coerce text first).
 *
 * @example
 * fn('sin', int(0)) === int(0)            // → true
 * fn('sin', symbol('x')).name             // → 'sin'
 * FUNCTIONS.cos.numeric(0)                // → 1
 * fn('sin', neg(x)) === neg(fn('sin', x)) // → true (parity)
 */
import './table.js';
import './table-special.js';

export {
  BUILTIN_FORMS,
  ERFS,
  LGS,
  dgsName,
  dgsOrder,
  isAsymptoticHelper,
  FUNCTIONS,
  fn,
  inInterval,
  isBounded,
  isKnownFunction,
  kinkArgument,
  logBase,
  looksNegative,
  registerAntiderivative,
  type FunctionDef,
  type SeriesOps,
  type SeriesRule,
  type Interval,
} from './def.js';
export { erfNum } from './numeric.js';
export { BERNOULLI_MAX, EXACT_FACTORIAL_MAX, bernoulli } from './table-special.js';
