/**
 * The public calculus functions: each coerces its arguments at the boundary (api/coerce.ts) and
 * calls the operation in calculus/, which takes expressions and symbols only. Text is parsed with
 * the variables the call names, so `diff('2xy', 'x')` is 2·y and `solve('xy - 2 = 0', 'x')` is 2/y.
 *
 * @example
 * diff('x^3 - 2x^2 + 1', 'x')            // → 3*x^2 - 4*x
 * integrate('x*exp(x)', 'x')             // → x*exp(x) - exp(x)
 * limit('sin(x)/x', 'x', 0)              // → 1
 * series('exp(x)', 'x', 0, 4)            // → 1 + x + x^2/2 + x^3/6
 */
import { freeSymbols } from '../walk/traverse.js';
import { NAN, ZOO, type Expr, type SymbolNode } from '../expr/expr.js';
import { toString } from '../print/text.js';
import { SymMatrix } from '../walk/matrix.js';
import * as D from '../calculus/diff/diff.js';
import * as J from '../calculus/diff/jacobian.js';
import * as I from '../calculus/integrate/index.js';
import * as L from '../calculus/limit/index.js';
import * as S from '../calculus/series/index.js';
import * as M from '../calculus/series/multivariate.js';
import * as V from '../calculus/solve/index.js';
import * as Y from '../calculus/solve/system.js';
import * as C from '../calculus/critical/index.js';
import * as Sum from '../calculus/sum/index.js';
import { ArgumentError, describeValue } from '../../core/errors.js';
import {
  isExpr,
  toEquationArg,
  toExprArg,
  toOptionsArg,
  toSymbolArg,
  toSymbolsArg,
  type ExprInput,
  type SymbolInput,
  type SymbolsInput,
} from './coerce.js';

/** A variable to differentiate by: a symbol, its name, or [variable, order]. @example diff('x*y^3', 'x', ['y', 2]) // → 6*y (∂³/∂x∂y²) */
export type DiffVar = SymbolInput | readonly [SymbolInput, number];
/** Variables given as symbols, names, or one space/comma separated string. @example gradient('x*y', 'x y') // → [[y], [x]] (also ['x', 'y'] or [x, y]) */
export type VarList = ReadonlyArray<SymbolInput> | string;
/** A variable, or [variable, lower, upper] for a definite integral (bounds: expressions, numbers, text). */
export type IntegrationSpec = SymbolInput | readonly [SymbolInput, ExprInput, ExprInput];

const isOptions = (v: unknown): boolean => v !== undefined && typeof v === 'object' && v !== null && !Array.isArray(v) && !isExpr(v);

/**
 * Differentiate `e` by each variable in turn (`diff(e, x, x)` or `diff(e, [x, 2])` for order 2).
 * With no variable, the expression's only free symbol. A last `{ steps: true }` argument returns
 * `{ result, steps }` with the rules applied, outermost first.
 * @example diff('x^2*y', 'x', 'y') // → 2*x
 */
export function diff(e: ExprInput, ...args: DiffVar[]): Expr;
export function diff(e: SymMatrix, ...args: DiffVar[]): SymMatrix;
export function diff(e: ExprInput, x: DiffVar, options: D.DiffOptions & { steps: true }): D.DiffTrace;
export function diff(e: ExprInput | SymMatrix, ...args: Array<DiffVar | D.DiffOptions>): Expr | D.DiffTrace | SymMatrix {
  // Already an expression and one symbol (the common call from code): nothing to coerce.
  const x = args.length === 1 ? args[0] : undefined;
  if (isExpr(x) && x.kind === 'Symbol' && isExpr(e)) return D.diffBy(e, x);
  const opts = isOptions(args[args.length - 1]) ? (args.pop() as D.DiffOptions) : undefined;
  const specs: D.DiffSpec[] = (args as DiffVar[]).map((s, i) => {
    const param = `x${args.length > 1 ? i + 1 : ''}`;
    if (!Array.isArray(s)) return toSymbolArg(s, param, 'diff');
    const [v, n] = s as readonly [SymbolInput, number];
    if (s.length !== 2 || typeof n !== 'number') throw new ArgumentError(`diff: argument '${param}' as a pair must be [variable, order]`);
    return [toSymbolArg(v, param, 'diff'), n] as const;
  });
  // A matrix differentiates entry by entry, by the same variables.
  if (e instanceof SymMatrix) return opts === undefined ? D.diff(e, ...specs) : (D.diff as (e: SymMatrix, ...a: unknown[]) => SymMatrix)(e, ...specs, opts);
  const f = toExprArg(e, 'e', 'diff', specs.map((s) => (Array.isArray(s) ? (s as readonly [SymbolNode, number])[0] : (s as SymbolNode))));
  if (opts === undefined) return D.diff(f, ...specs);
  return (D.diff as (e: Expr, ...a: Array<D.DiffSpec | D.DiffOptions>) => Expr | D.DiffTrace)(f, ...specs, opts);
}

/** d/dx for many expressions sharing one memo (shared subexpressions differentiate once). @example diffMany(['sin(x)', 'sin(x)^2'], 'x') // → [cos(x), 2*sin(x)*cos(x)] */
export function diffMany(exprs: readonly ExprInput[], x: SymbolInput): Expr[] {
  const v = toSymbolArg(x, 'x', 'diffMany');
  if (!Array.isArray(exprs)) throw new ArgumentError(`diffMany: argument 'exprs' must be an array of expressions`);
  return D.diffMany(exprs.map((e, i) => toExprArg(e, `exprs[${i}]`, 'diffMany', [v])), v);
}

function varsAndExprs(fnName: string, exprs: readonly unknown[], vars: VarList | undefined, param = 'expr'): [Expr[], SymbolNode[] | undefined] {
  const vs = vars === undefined ? undefined : toSymbolsArg(vars, 'vars', fnName);
  // (An expression needs no coercion: the parameter's name is only for the error message.)
  return [exprs.map((e, i) => (isExpr(e) ? e : toExprArg(e, exprs.length > 1 || param === 'exprs' ? `${param}[${i}]` : param, fnName, vs ?? []))), vs];
}

/**
 * The Jacobian J[i][j] = ∂fᵢ/∂xⱼ (rows: expressions, columns: variables). Variables default to
 * all free symbols, sorted by name.
 * @example jacobian(['x*y', 'x + y'], ['x', 'y']).get(0, 0) // → y
 */
export function jacobian(exprs: ReadonlyArray<ExprInput> | SymMatrix, vars?: VarList): SymMatrix {
  if (exprs instanceof SymMatrix) return J.jacobian(exprs, vars === undefined ? undefined : toSymbolsArg(vars, 'vars', 'jacobian'));
  if (!Array.isArray(exprs)) throw new ArgumentError(`jacobian: argument 'exprs' must be an array of expressions or a matrix, got ${isExpr(exprs) ? 'one expression (use gradient)' : typeof exprs}`);
  const [fs, vs] = varsAndExprs('jacobian', exprs, vars, 'exprs');
  return J.jacobian(fs, vs);
}

/**
 * The gradient ∇f as a column (n×1) matrix.
 * @example gradient('x^2 + y^3', ['x', 'y']).get(1, 0) // → 3*y^2
 */
export function gradient(expr: ExprInput, vars?: VarList): SymMatrix {
  const [fs, vs] = varsAndExprs('gradient', [expr], vars);
  return J.gradient(fs[0]!, vs);
}

/**
 * The Hessian H[i][j] = ∂²f/∂xᵢ∂xⱼ (symmetric; each mixed partial computed once).
 * @example hessian('x^2*y', ['x', 'y']).get(0, 1) // → 2*x
 */
export function hessian(expr: ExprInput, vars?: VarList): SymMatrix {
  const [fs, vs] = varsAndExprs('hessian', [expr], vars);
  return J.hessian(fs[0]!, vs);
}

function integrationArgs(fnName: string, e: unknown, spec: unknown): [Expr, I.IntegrationVar] {
  if (Array.isArray(spec)) {
    if (spec.length !== 3) throw new ArgumentError(`${fnName}: argument 'spec' must be a variable or [variable, lower, upper]`);
    const x = toSymbolArg(spec[0], 'spec[0]', fnName);
    const bound = (i: 1 | 2): Expr => {
      const b = toExprArg(spec[i], `spec[${i}]`, fnName, [x]);
      if (b === NAN || b === ZOO) throw new ArgumentError(`${fnName}: the ${i === 1 ? 'lower' : 'upper'} bound is ${toString(b)}, not a number (use a number, an expression, oo or -oo)`);
      return b;
    };
    return [toExprArg(e, 'e', fnName, [x]), [x, bound(1), bound(2)]];
  }
  const x = toSymbolArg(spec, 'spec', fnName);
  return [toExprArg(e, 'e', fnName, [x]), x];
}

/**
 * ∫ e dx (indefinite, constant of integration 0) or ∫ₐᵇ e dx with `[x, a, b]` (a, b may be
 * ±oo). Returns an unevaluated Integral when no rule applies.
 * @example integrate('1/(x^2+2*x+5)', 'x') // → atan(x/2 + 1/2)/2
 */
export function integrate(e: ExprInput, spec: IntegrationSpec, options?: I.IntegrateOptions & { steps?: false }): Expr;
export function integrate(e: ExprInput, spec: IntegrationSpec, options: I.IntegrateOptions & { steps: true }): I.IntegrateResult;
export function integrate(e: ExprInput, spec: IntegrationSpec, options?: I.IntegrateOptions): Expr | I.IntegrateResult {
  const r = integrateDetailed(e, spec, options);
  return options?.steps ? r : r.value;
}

/**
 * `integrate` always returning the detailed record.
 * @example integrateDetailed('exp(x^2)', 'x').value // → sqrt(pi)*erfi(x)/2
 */
export function integrateDetailed(e: ExprInput, spec: IntegrationSpec, options?: I.IntegrateOptions): I.IntegrateResult {
  const [f, s] = integrationArgs('integrate', e, spec);
  // integrate(e, x, 0, 1), as SymPy's integrate(e, (x, 0, 1)) or SciPy's quad(f, 0, 1) put it: the
  // bounds would be lost, so say where they go.
  if (typeof options === 'number' || typeof options === 'string' || isExpr(options)) {
    throw new ArgumentError(`integrate: the bounds go with the variable, as integrate(e, ['${Array.isArray(spec) ? 'x' : (s as SymbolNode).name}', a, b]); the third argument is an options object, got ${typeof options === 'number' ? 'a number' : 'an expression'}`);
  }
  return I.integrateDetailed(f, s, toOptionsArg(options, 'options', 'integrate', INTEGRATE_OPTIONS));
}

const INTEGRATE_OPTIONS = ['steps', 'numeric', 'maxSteps', 'budgetMs', 'verify'] as const satisfies ReadonlyArray<keyof I.IntegrateOptions>;

/**
 * Is F′ = f? Compared numerically at sample points (see calculus/integrate).
 * @example verifyAntiderivative('2*x', 'x^2', 'x') // → true
 */
export function verifyAntiderivative(f: ExprInput, F: ExprInput, x: SymbolInput): boolean {
  const v = toSymbolArg(x, 'x', 'verifyAntiderivative');
  return I.verifyAntiderivative(toExprArg(f, 'f', 'verifyAntiderivative', [v]), toExprArg(F, 'F', 'verifyAntiderivative', [v]), v);
}

/**
 * The numeric value of a definite integral (symbolic first, then quadrature).
 * @example integrateNumber('exp(x^2)', 'x', 0, 1) // → 1.4626517459071816
 */
export function integrateNumber(e: ExprInput, x: SymbolInput, a: ExprInput, b: ExprInput): number {
  const v = toSymbolArg(x, 'x', 'integrateNumber');
  const at = (u: unknown, p: string) => toExprArg(u, p, 'integrateNumber', [v]);
  return I.integrateNumber(at(e, 'e'), v, at(a, 'a'), at(b, 'b'));
}

/** The range of a sum or product: [k, a, b] with integer bounds as numbers, expressions or text (b may be oo). @example summation('k', ['k', 1, 'n']) // → n^2/2 + n/2 */
export type SumSpec = readonly [SymbolInput, ExprInput, ExprInput];

function sumArgs(fnName: string, e: unknown, spec: unknown): [Expr, SymbolNode, Expr, Expr] {
  if (!Array.isArray(spec) || spec.length !== 3) throw new ArgumentError(`${fnName}: argument 'spec' must be [variable, lower, upper], e.g. ['k', 1, 'n'] (as SymPy's (k, 1, n))`);
  const k = toSymbolArg(spec[0], 'spec[0]', fnName);
  const bound = (i: 1 | 2): Expr => {
    const b = toExprArg(spec[i], `spec[${i}]`, fnName, [k]);
    if (b === NAN || b === ZOO) throw new ArgumentError(`${fnName}: the ${i === 1 ? 'lower' : 'upper'} bound is ${toString(b)}, not an integer (use an integer, a symbol or oo)`);
    return b;
  };
  return [toExprArg(e, 'e', fnName, [k]), k, bound(1), bound(2)];
}

/**
 * Σ_{k=a}^{b} e in closed form, as SymPy's summation(e, (k, a, b)): polynomials (Faulhaber),
 * polynomial × geometric terms, rational functions that telescope, ζ(2n) and other ζ values, the
 * exponential series. Throws UndecidedError when no closed form is found, DomainError for an
 * oscillating series; a divergent one is oo or -oo. A symbolic ratio r of a geometric term is
 * taken to be ≠ 1 (as ∫xⁿ dx takes n ≠ −1).
 * @example summation('1/k^2', ['k', 1, 'oo']) // → pi^2/6
 */
export function summation(e: ExprInput, spec: SumSpec): Expr {
  const [f, k, a, b] = sumArgs('summation', e, spec);
  return Sum.summation(f, k, a, b);
}

/**
 * Π_{k=a}^{b} e in closed form, as SymPy's product(e, (k, a, b)): constants, powers with a
 * summable exponent, and factors linear in k (Π_{k=1}^{n} k = factorial(n)). Throws UndecidedError
 * when no closed form is found (infinite products among them).
 * @example product('k', ['k', 1, 'n']) // → factorial(n)
 */
export function product(e: ExprInput, spec: SumSpec): Expr {
  const [f, k, a, b] = sumArgs('product', e, spec);
  return Sum.product(f, k, a, b);
}

/**
 * lim_{x→to} e. `to` may be a number, an expression (pi, 1/2, text), OO or NEG_OO. For finite
 * points the default is two-sided. Throws DomainError when the one-sided limits differ and
 * LimitError when no method decides.
 * @example limit('(1+1/x)^x', 'x', 'oo') // → E
 */
export function limit(e: ExprInput, x: SymbolInput, to: ExprInput, dir: L.LimitDir = '+-'): Expr {
  const v = toSymbolArg(x, 'x', 'limit');
  return L.limit(toExprArg(e, 'e', 'limit', [v]), v, toExprArg(to, 'to', 'limit', [v]), dir);
}

/**
 * The limit as a double, for quick checks (NaN when it does not exist).
 * @example limitNumber('sin(x)/x', 'x', 0) // → 1
 */
export function limitNumber(e: ExprInput, x: SymbolInput, to: ExprInput, dir: L.LimitDir = '+-'): number {
  const v = toSymbolArg(x, 'x', 'limitNumber');
  return L.limitNumber(toExprArg(e, 'e', 'limitNumber', [v]), v, toExprArg(to, 'to', 'limitNumber', [v]), dir);
}

function seriesArgs(fnName: string, e: unknown, x: unknown, x0: unknown): [Expr, SymbolNode, Expr] {
  const v = toSymbolArg(x, 'x', fnName);
  return [toExprArg(e, 'e', fnName, [v]), v, toExprArg(x0, 'x0', fnName, [v])];
}

/**
 * The series of e about x0 (a number, or oo / -oo) with every power below n, as SymPy's
 * `series(e, x, x0, n)` without the O term: Laurent terms at a pole, fractional powers and logs
 * where e needs them (`sqrt(x)*exp(x)`, `x^x`), powers of 1/x at ±oo. With several variables (an
 * array or 'x y') and x0 an array of numbers (default all 0): the Taylor polynomial with every
 * monomial of total degree below n (Maple's `mtaylor`). Throws SeriesError where no such
 * expansion exists (exp(1/x) at 0, exp(x) at oo, √(x² + y²) at (0, 0)).
 * @example
 * series('sin(x)', 'x', 0, 6) // → x - x^3/6 + x^5/120
 * series('sqrt(x^2 + 1)', 'x', 'oo', 3) // → x + 1/(2*x)
 * series('x*log(x) + x^2', 'x', 0, 3) // → x*log(x) + x^2
 * series('exp(x)*cos(y)', ['x', 'y'], [0, 0], 3) // → 1 + x + x^2/2 - y^2/2
 */
export function series(e: ExprInput, x: SymbolInput, x0?: ExprInput, n?: number): Expr;
export function series(e: ExprInput, xs: VarList, x0?: ExprInput | readonly ExprInput[], n?: number): Expr;
export function series(e: ExprInput, x: SymbolInput | VarList, x0: ExprInput | readonly ExprInput[] = 0, n = 6): Expr {
  const several = Array.isArray(x) ? x.length !== 1 : typeof x === 'string' && /[\s,]/.test(x.trim());
  if (!several) {
    const v = Array.isArray(x) ? x[0] : x;
    const at = Array.isArray(x0) && x0.length === 1 ? x0[0] : x0;
    return S.series(...seriesArgs('series', e, v, at), n);
  }
  const vs = toSymbolsArg(x, 'x', 'series');
  if (!vs.length) throw new ArgumentError("series: argument 'x' names no variable");
  const points = Array.isArray(x0) ? x0 : vs.map(() => x0);
  if (points.length !== vs.length) throw new ArgumentError(`series: argument 'x0' has ${points.length} points for ${vs.length} variables`);
  return M.multiTaylor(
    toExprArg(e, 'e', 'series', vs),
    vs,
    points.map((p, i) => toExprArg(p, `x0[${i}]`, 'series', vs)),
    n,
  );
}

/**
 * The series of e about x0 with its error term: `{ series, order }` stands for series + O(order),
 * as SymPy prints it (O(x^3*log(x)^3) for x^x, O(x⁻ⁿ) at ±oo).
 * @example String(seriesDetailed('exp(x)*log(x)', 'x', 0, 3).order) // → 'x^3*log(x)'
 */
export function seriesDetailed(e: ExprInput, x: SymbolInput, x0: ExprInput = 0, n = 6): S.SeriesResult {
  return S.seriesDetailed(...seriesArgs('seriesDetailed', e, x, x0), n);
}

/**
 * The Taylor coefficients c₀ … c_{n−1} of e about x0.
 * @example seriesCoefficients('log(1+x)', 'x', 0, 5) // → [0, 1, -1/2, 1/3, -1/4]
 */
export function seriesCoefficients(e: ExprInput, x: SymbolInput, x0: ExprInput, n: number): Expr[] {
  return S.seriesCoefficients(...seriesArgs('seriesCoefficients', e, x, x0), n);
}

/**
 * The Laurent expansion {v, c} of e in t = x − x0 (all powers below n).
 * @example laurent('1/sin(x)', 'x', 0, 2) // → {v: -1, c: [1, 0, 1/6]}
 */
export function laurent(e: ExprInput, x: SymbolInput, x0: ExprInput, n: number): S.PowerSeries {
  return S.laurent(...seriesArgs('laurent', e, x, x0), n);
}

/**
 * The leading term c·t^v of e at x0 (t = x − x0), or null without a power series.
 * @example leadingTerm('1 - cos(x)', 'x', 0) // → {v: 2, c: 1/2}
 */
export function leadingTerm(e: ExprInput, x: SymbolInput, x0: ExprInput, n = 8): { v: number; c: Expr } | null {
  return S.leadingTerm(...seriesArgs('leadingTerm', e, x, x0), n);
}

/**
 * Parse `lhs = rhs` (or an expression meaning = 0) into lhs − rhs.
 * @example equationToExpr('exp(x) = 2') // → exp(x) - 2
 */
export function equationToExpr(equation: ExprInput): Expr {
  return toEquationArg(equation, 'equation', 'equationToExpr');
}

/**
 * The real solutions of `equation` (an expression = 0, or text `lhs = rhs`) for x, sorted by value;
 * with `{ domain: 'complex' }` every complex root (real ones first).
 * @example solve('x^2 - 2', 'x') // → [-sqrt(2), sqrt(2)]
 * solve('x^2 + 1', 'x', { domain: 'complex' }) // → [-I, I]
 */
export function solve(equation: ExprInput, x?: SymbolInput, options?: V.SolveOptions): Expr[] {
  return solveDetailed(equation, x, options).map((s) => s.value);
}

/**
 * `solve` with each solution flagged exact or numeric.
 * @example solveDetailed('x^5 - x - 1', 'x')[0].value // → ≈ 1.1673040 (numeric: true)
 */
export function solveDetailed(equation: ExprInput, x?: SymbolInput, options?: V.SolveOptions): V.Solution[] {
  if (x === undefined) {
    // No variable: the equation's only unknown (review W2), never an empty answer.
    const f = toEquationArg(equation, 'equation', 'solve', []);
    const fs = freeSymbols(f);
    if (fs.length === 1) return V.solveDetailed(f, fs[0]!, solveOptions(options));
    if (fs.length === 0) {
      if (f.kind === 'Integer' && f.value.num === 0n) throw new V.IdentityError(null, typeof equation === 'string' ? equation : '0 = 0');
      throw new ArgumentError('solve: the equation has no unknown (no free symbol)');
    }
    throw new ArgumentError(`solve: say which variable to solve for — the equation has ${fs.map((s) => s.name).join(', ')}`);
  }
  const v = toSymbolArg(x, 'x', 'solve');
  return V.solveDetailed(toEquationArg(equation, 'equation', 'solve', [v]), v, solveOptions(options));
}

/** solve's options, checked: `numeric` a boolean, `domain` 'real' or 'complex'. */
function solveOptions(options: V.SolveOptions | undefined): V.SolveOptions {
  const o = toOptionsArg(options, 'options', 'solve', ['numeric', 'domain']);
  if (o.numeric !== undefined && typeof o.numeric !== 'boolean') throw new ArgumentError(`solve: option 'numeric' must be true or false, got ${describeValue(o.numeric)}`);
  if (o.domain !== undefined && o.domain !== 'real' && o.domain !== 'complex')
    throw new ArgumentError(`solve: option 'domain' must be 'real' or 'complex', got ${describeValue(o.domain)}`);
  return o;
}

function systemArgs(fnName: string, equations: unknown, unknowns: unknown): [Expr[], SymbolNode[]] {
  const vs = toSymbolsArg(unknowns, 'unknowns', fnName);
  if (!Array.isArray(equations)) throw new ArgumentError(`${fnName}: argument 'equations' must be an array of equations`);
  return [equations.map((e, i) => toEquationArg(e, `equations[${i}]`, fnName, vs)), vs];
}

/**
 * Real solutions of a system (expressions = 0 or text equations) in the given unknowns.
 * @example solveSystem(['x^2 + y^2 - 1', 'x - y'], ['x', 'y']).map((s) => s.values) // → [{x: -sqrt(2)/2, y: -sqrt(2)/2}, {x: sqrt(2)/2, y: sqrt(2)/2}]
 */
export function solveSystem(equations: ReadonlyArray<ExprInput>, unknowns: SymbolsInput): Y.SystemSolution[] {
  return Y.solveSystem(...systemArgs('solveSystem', equations, unknowns));
}

/**
 * `solveSystem` with a completeness verdict.
 * @example solveSystemDetailed(['exp(x)', 'y'], ['x', 'y']).complete // → true
 */
export function solveSystemDetailed(equations: ReadonlyArray<ExprInput>, unknowns: SymbolsInput): Y.SystemResult {
  return Y.solveSystemDetailed(...systemArgs('solveSystemDetailed', equations, unknowns));
}

/**
 * Stationary points of f in the given variables (default: its free symbols, sorted by name).
 * @example criticalPoints('x^2 + y^2', ['x', 'y']).points[0].kind // → 'min'
 */
export function criticalPoints(f: ExprInput, vars?: SymbolsInput): C.CriticalResult {
  const vs = vars === undefined ? undefined : toSymbolsArg(vars, 'vars', 'criticalPoints');
  return C.criticalPoints(toExprArg(f, 'f', 'criticalPoints', vs ?? []), vs);
}

/**
 * True when e contains a trigonometric function of x (solve then lists principal solutions only).
 * @example isPeriodicIn('cos(2*x) + y', 'x') // → true
 */
export function isPeriodicIn(e: ExprInput, x: SymbolInput): boolean {
  const v = toSymbolArg(x, 'x', 'isPeriodicIn');
  return Y.isPeriodicIn(toExprArg(e, 'e', 'isPeriodicIn', [v]), v);
}
