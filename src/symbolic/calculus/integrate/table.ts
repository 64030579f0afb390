/**
 * The table of standard integrals: one entry per elementary function, ∫ f(u) du = F(u), beside
 * the derivative rule in functions.ts (this module registers each F there as the entry's
 * `antiderivative`). With a linear argument u = a·x + b the integral is F(a·x + b)/a.
 *
 * @example
 * ANTIDERIVATIVES.sin(x) // → -cos(x)
 */
import { dict } from '../../../core/dict.js';
import { add, div, mul, neg, pow, sqrt, sub } from '../../expr/arith.js';
import { E, HALF, PI, type Expr } from '../../expr/expr.js';
import { FUNCTIONS, fn, registerAntiderivative } from '../../functions/index.js';
import { logAbs } from '../../algebra/util.js';

const sq = (u: Expr): Expr => pow(u, 2);

/** ∫ f(u) du for each table function f (constant of integration 0). */
export const ANTIDERIVATIVES: Readonly<Record<string, (u: Expr) => Expr>> = dict<(u: Expr) => Expr>({
  // ∫ sin u = −cos u ; ∫ cos u = sin u
  sin: (u) => neg(fn('cos', u)),
  cos: (u) => fn('sin', u),
  // ∫ tan u = −log|cos u| ; ∫ cot u = log|sin u|
  tan: (u) => neg(logAbs(fn('cos', u))),
  cot: (u) => logAbs(fn('sin', u)),
  // ∫ sec u = log|sec u + tan u| ; ∫ csc u = −log|csc u + cot u|
  sec: (u) => logAbs(add(fn('sec', u), fn('tan', u))),
  csc: (u) => neg(logAbs(add(fn('csc', u), fn('cot', u)))),
  sinh: (u) => fn('cosh', u),
  cosh: (u) => fn('sinh', u),
  // ∫ tanh u = log cosh u (cosh > 0)
  tanh: (u) => fn('log', fn('cosh', u)),
  // ∫ log u = u log u − u
  log: (u) => sub(mul(u, fn('log', u)), u),
  // ∫ asin u = u asin u + √(1 − u²) ; ∫ acos u = u acos u − √(1 − u²)
  asin: (u) => add(mul(u, fn('asin', u)), sqrt(sub(1, sq(u)))),
  acos: (u) => sub(mul(u, fn('acos', u)), sqrt(sub(1, sq(u)))),
  // ∫ atan u = u atan u − ½ log(1 + u²)
  atan: (u) => sub(mul(u, fn('atan', u)), mul(HALF, fn('log', add(1, sq(u))))),
  // ∫ asinh u = u asinh u − √(u² + 1) ; ∫ acosh u = u acosh u − √(u² − 1)
  asinh: (u) => sub(mul(u, fn('asinh', u)), sqrt(add(sq(u), 1))),
  acosh: (u) => sub(mul(u, fn('acosh', u)), sqrt(sub(sq(u), 1))),
  // ∫ atanh u = u atanh u + ½ log(1 − u²)
  atanh: (u) => add(mul(u, fn('atanh', u)), mul(HALF, fn('log', sub(1, sq(u))))),
  // ∫ erf u = u erf u + e^(−u²)/√π
  erf: (u) => add(mul(u, fn('erf', u)), div(pow(E, neg(sq(u))), sqrt(PI))),
  // ∫ erfi u = u erfi u − e^(u²)/√π
  erfi: (u) => sub(mul(u, fn('erfi', u)), div(pow(E, sq(u)), sqrt(PI))),
  // ∫ Si u = u Si u + cos u ; ∫ Ci u = u Ci u − sin u ; ∫ Ei u = u Ei u − eᵘ
  Si: (u) => add(mul(u, fn('Si', u)), fn('cos', u)),
  Ci: (u) => sub(mul(u, fn('Ci', u)), fn('sin', u)),
  Ei: (u) => sub(mul(u, fn('Ei', u)), pow(E, u)),
  // ∫ |u| = u|u|/2
  abs: (u) => mul(HALF, u, fn('abs', u)),
  // ∫ sign u = |u|
  sign: (u) => fn('abs', u),
  // ∫ σ(u) = softplus(u) ; ∫ softplus needs the dilogarithm: not in the table.
  sigmoid: (u) => fn('softplus', u),
  // ∫ relu u = u·relu(u)/2
  relu: (u) => mul(HALF, u, fn('relu', u)),
  // ∫ H(u) = relu(u)
  heaviside: (u) => fn('relu', u),
});

for (const [name, F] of Object.entries(ANTIDERIVATIVES)) {
  if (FUNCTIONS[name]) registerAntiderivative(name, (x) => F(x));
}
