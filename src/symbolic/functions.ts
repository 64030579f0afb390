/**
 * The function table: every elementary function is ONE entry here — name, arity, numeric
 * evaluation, automatic simplification on exact input, partial derivatives, printing names and
 * the JS it compiles to. `exp` and `sqrt` are not Function nodes: they are powers (E^u, u^(1/2))
 * built by arith.ts. A name not in the table makes an undefined function f(x) whose derivative
 * stays unevaluated.
 *
 * The optional `antiderivative` is filled in by the integration module via
 * `registerAntiderivative`.
 *
 * @example
 * sin(int(0)) === int(0);     // true
 * fn('sin', symbol('x')).name // 'sin'
 * FUNCTIONS.cos.numeric(0)    // 1
 */
import { ArgumentError } from '../core/errors.js';
import { ciNum, eiNum, erfiNum, siNum } from './integrate-special.js';
import * as Qm from '../core/rational.js';
import { add, div, mul, neg, pow, sqrt, sub, type ExprLike, toExpr } from './arith.js';
import {
  E,
  HALF,
  NEG_ONE,
  NEG_OO,
  ONE,
  OO,
  PI,
  TWO,
  ZERO,
  ZOO,
  float,
  int,
  isNum,
  makeFunction,
  numNeg,
  numSign,
  numValue,
  type Expr,
  type Num,
  type SymbolNode,
} from './expr.js';

/** One function's table entry: name, arity, numeric value, derivative rule, printing names, JS code. @example FUNCTIONS.sin.derivative([x], 0) === cos(x) */
export interface FunctionDef {
  readonly name: string;
  /** Number of arguments. */
  readonly arity: number;
  /** Evaluate on doubles. */
  readonly numeric: (...xs: number[]) => number;
  /** Automatic simplification (exact special values); undefined keeps f(args) as is. */
  readonly simplify?: (args: readonly Expr[]) => Expr | undefined;
  /** ∂f/∂args[i] as an expression in the args; absent → the derivative stays unevaluated. */
  readonly derivative?: (args: readonly Expr[], i: number) => Expr;
  /** The rule in words, for diff's step traces: `d/du sin(u) = cos(u)`. */
  readonly rule: string;
  /** ∫ f(x) dx for a plain symbol argument (set by the integration module). */
  antiderivative?: (x: SymbolNode) => Expr | undefined;
  /** LaTeX name, e.g. `\sin` or `\operatorname{sigmoid}`. */
  readonly latex: string;
  /** JS expression with $0, $1 for the argument code. */
  readonly js: string;
}

const fromNumber = (args: readonly Expr[], f: (...x: number[]) => number): Expr | undefined => {
  if (!args.some((a) => a.kind === 'Float') || !args.every(isNum)) return undefined;
  const v = f(...args.map((a) => numValue(a as Num)));
  return Number.isFinite(v) ? float(v) : undefined;
};

/** Simplifier from a table of exact special values: [arg, value] pairs, plus float folding. */
function special(f: (x: number) => number, pairs: Array<[Expr, Expr]>): (args: readonly Expr[]) => Expr | undefined {
  return (args) => {
    const a = args[0]!;
    for (const [k, v] of pairs) if (a === k) return v;
    return fromNumber(args, f);
  };
}

const heavisideNum = (x: number): number => (x > 0 ? 1 : x < 0 ? 0 : 0.5);
const sigmoidNum = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
const softplusNum = (x: number): number => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));

/** erf by Abramowitz–Stegun-free series/continued fraction: |error| < 1e-15 relative. @example erfNum(1) // 0.8427007929497149 */
export function erfNum(x: number): number {
  const ax = Math.abs(x);
  if (ax < 2.5) {
    // Maclaurin series: erf x = 2/√π Σ (-1)^n x^(2n+1) / (n! (2n+1))
    let term = ax;
    let sum = ax;
    const x2 = ax * ax;
    for (let n = 1; n < 200; n++) {
      term *= -x2 / n;
      const t = term / (2 * n + 1);
      sum += t;
      if (Math.abs(t) < 1e-17 * Math.abs(sum)) break;
    }
    const r = (2 / Math.sqrt(Math.PI)) * sum;
    return x < 0 ? -r : r;
  }
  if (ax > 6) return x < 0 ? -1 : 1;
  // erfc x = e^{-x²}/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + ...)))) (continued fraction)
  let f = 0;
  for (let k = 60; k >= 1; k--) f = k / 2 / (ax + f);
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + f);
  return x < 0 ? erfc - 1 : 1 - erfc;
}

const u2 = (a: Expr): Expr => pow(a, TWO);

function minMaxSimplify(pick: (c: number) => boolean) {
  return (args: readonly Expr[]): Expr | undefined => {
    const [a, b] = args as [Expr, Expr];
    if (a === b) return a;
    if (isNum(a) && isNum(b)) {
      const c = a.kind === 'Float' || b.kind === 'Float' ? numValue(a) - numValue(b) : Qm.cmp(a.value, b.value);
      return pick(c) ? a : b;
    }
    return undefined;
  };
}

function numericFold(f: (x: number) => Expr | undefined) {
  return (args: readonly Expr[]): Expr | undefined => {
    const a = args[0]!;
    if (!isNum(a)) return undefined;
    return f(numValue(a));
  };
}

// Exact values at π/6, π/4, π/3, π/2 (SymPy's: cos(π/3) = 1/2), extended by symmetry; the
// inverse functions read the same tables backwards (asin(1/2) = π/6).
const piOver = (n: number): Expr => mul(PI, pow(n, NEG_ONE));
const SQRT2_2 = mul(HALF, sqrt(2));
const SQRT3_2 = mul(HALF, sqrt(3));
const SIN_AT: Array<[Expr, Expr]> = [[piOver(6), HALF], [piOver(4), SQRT2_2], [piOver(3), SQRT3_2], [piOver(2), ONE]];
const COS_AT: Array<[Expr, Expr]> = [[piOver(6), SQRT3_2], [piOver(4), SQRT2_2], [piOver(3), HALF], [piOver(2), ZERO]];
const TAN_AT: Array<[Expr, Expr]> = [[piOver(6), div(sqrt(3), 3)], [piOver(4), ONE], [piOver(3), sqrt(3)]];
/** acos(-v) = π - acos(v). */
const ACOS_NEG: Array<[Expr, Expr]> = COS_AT.filter(([, v]) => v !== ZERO).map(([a, v]) => [neg(v), sub(PI, a)]);
/** f(-a) = -f(a) for an odd f; f(-a) = f(a) for an even one. */
const odd = (pairs: Array<[Expr, Expr]>): Array<[Expr, Expr]> => [...pairs, ...pairs.map(([a, v]): [Expr, Expr] => [neg(a), neg(v)])];
const even = (pairs: Array<[Expr, Expr]>): Array<[Expr, Expr]> => [...pairs, ...pairs.map(([a, v]): [Expr, Expr] => [neg(a), v])];

const table: FunctionDef[] = [
  {
    name: 'log',
    arity: 1,
    numeric: Math.log,
    simplify: (args) => {
      const a = args[0]!;
      if (a === ONE) return ZERO;
      if (a === E) return ONE;
      if (a === ZERO) return ZOO;
      if (a === OO) return OO;
      // log(e^u) = u only when u is real; we keep it unevaluated like SymPy.
      return fromNumber(args, Math.log);
    },
    derivative: ([u]) => pow(u!, NEG_ONE),
    rule: 'd/du log(u) = 1/u',
    latex: '\\log',
    js: 'Math.log($0)',
  },
  {
    name: 'abs',
    arity: 1,
    numeric: Math.abs,
    simplify: (args) => {
      const a = args[0]!;
      if (isNum(a)) return numSign(a) < 0 ? numNeg(a) : a;
      if (a === PI || a === E) return a;
      if (a.kind === 'Function' && a.name === 'abs') return a;
      return undefined;
    },
    derivative: ([u]) => fn('sign', u!),
    rule: 'd/du |u| = sign(u)',
    latex: '\\operatorname{abs}',
    js: 'Math.abs($0)',
  },
  {
    name: 'sign',
    arity: 1,
    numeric: Math.sign,
    simplify: numericFold((x) => int(Math.sign(x))),
    derivative: () => ZERO,
    rule: 'd/du sign(u) = 0 (u ≠ 0)',
    latex: '\\operatorname{sign}',
    js: 'Math.sign($0)',
  },
  {
    name: 'heaviside',
    arity: 1,
    numeric: heavisideNum,
    simplify: numericFold((x) => (x > 0 ? ONE : x < 0 ? ZERO : HALF)),
    derivative: ([u]) => fn('dirac', u!),
    rule: 'd/du H(u) = δ(u)',
    latex: '\\theta',
    js: '($0 > 0 ? 1 : $0 < 0 ? 0 : 0.5)',
  },
  {
    name: 'dirac',
    arity: 1,
    numeric: (x) => (x === 0 ? Infinity : 0),
    simplify: numericFold((x) => (x !== 0 ? ZERO : undefined)),
    rule: 'δ(u)',
    latex: '\\delta',
    js: '($0 === 0 ? Infinity : 0)',
  },
  {
    name: 'sin',
    arity: 1,
    numeric: Math.sin,
    simplify: special(Math.sin, [[ZERO, ZERO], [PI, ZERO], ...odd(SIN_AT)]),
    derivative: ([u]) => fn('cos', u!),
    rule: 'd/du sin(u) = cos(u)',
    latex: '\\sin',
    js: 'Math.sin($0)',
  },
  {
    name: 'cos',
    arity: 1,
    numeric: Math.cos,
    simplify: special(Math.cos, [[ZERO, ONE], [PI, NEG_ONE], ...even(COS_AT)]),
    derivative: ([u]) => neg(fn('sin', u!)),
    rule: 'd/du cos(u) = -sin(u)',
    latex: '\\cos',
    js: 'Math.cos($0)',
  },
  {
    name: 'tan',
    arity: 1,
    numeric: Math.tan,
    simplify: special(Math.tan, [[ZERO, ZERO], [PI, ZERO], ...odd(TAN_AT)]),
    derivative: ([u]) => add(u2(fn('tan', u!)), ONE),
    rule: 'd/du tan(u) = tan²(u) + 1',
    latex: '\\tan',
    js: 'Math.tan($0)',
  },
  {
    name: 'sec',
    arity: 1,
    numeric: (x) => 1 / Math.cos(x),
    simplify: special((x) => 1 / Math.cos(x), [[ZERO, ONE]]),
    derivative: ([u]) => mul(fn('tan', u!), fn('sec', u!)),
    rule: 'd/du sec(u) = tan(u)·sec(u)',
    latex: '\\sec',
    js: '(1 / Math.cos($0))',
  },
  {
    name: 'csc',
    arity: 1,
    numeric: (x) => 1 / Math.sin(x),
    simplify: special((x) => 1 / Math.sin(x), []),
    derivative: ([u]) => neg(mul(fn('cot', u!), fn('csc', u!))),
    rule: 'd/du csc(u) = -cot(u)·csc(u)',
    latex: '\\csc',
    js: '(1 / Math.sin($0))',
  },
  {
    name: 'cot',
    arity: 1,
    numeric: (x) => 1 / Math.tan(x),
    simplify: special((x) => 1 / Math.tan(x), []),
    derivative: ([u]) => sub(NEG_ONE, u2(fn('cot', u!))),
    rule: 'd/du cot(u) = -cot²(u) - 1',
    latex: '\\cot',
    js: '(1 / Math.tan($0))',
  },
  {
    name: 'asin',
    arity: 1,
    numeric: Math.asin,
    simplify: special(Math.asin, [[ZERO, ZERO], ...odd(SIN_AT.map(([a, v]) => [v, a]))]),
    derivative: ([u]) => pow(sub(ONE, u2(u!)), neg(HALF)),
    rule: 'd/du asin(u) = 1/√(1 - u²)',
    latex: '\\operatorname{asin}',
    js: 'Math.asin($0)',
  },
  {
    name: 'acos',
    arity: 1,
    numeric: Math.acos,
    simplify: special(Math.acos, [[ONE, ZERO], [NEG_ONE, PI], ...COS_AT.map(([a, v]): [Expr, Expr] => [v, a]), ...ACOS_NEG]),
    derivative: ([u]) => neg(pow(sub(ONE, u2(u!)), neg(HALF))),
    rule: 'd/du acos(u) = -1/√(1 - u²)',
    latex: '\\operatorname{acos}',
    js: 'Math.acos($0)',
  },
  {
    name: 'atan',
    arity: 1,
    numeric: Math.atan,
    simplify: special(Math.atan, [[ZERO, ZERO], ...odd(TAN_AT.map(([a, v]) => [v, a]))]),
    derivative: ([u]) => pow(add(u2(u!), ONE), NEG_ONE),
    rule: 'd/du atan(u) = 1/(u² + 1)',
    latex: '\\operatorname{atan}',
    js: 'Math.atan($0)',
  },
  {
    name: 'atan2',
    arity: 2,
    numeric: Math.atan2,
    simplify: (args) => fromNumber(args, Math.atan2),
    // atan2(y, x): ∂/∂y = x/(x² + y²), ∂/∂x = -y/(x² + y²)
    derivative: ([y, x], i) => div(i === 0 ? x! : neg(y!), add(u2(x!), u2(y!))),
    rule: 'atan2(y, x): ∂/∂y = x/(x² + y²), ∂/∂x = -y/(x² + y²)',
    latex: '\\operatorname{atan}_{2}',
    js: 'Math.atan2($0, $1)',
  },
  {
    name: 'sinh',
    arity: 1,
    numeric: Math.sinh,
    simplify: special(Math.sinh, [[ZERO, ZERO]]),
    derivative: ([u]) => fn('cosh', u!),
    rule: 'd/du sinh(u) = cosh(u)',
    latex: '\\sinh',
    js: 'Math.sinh($0)',
  },
  {
    name: 'cosh',
    arity: 1,
    numeric: Math.cosh,
    simplify: special(Math.cosh, [[ZERO, ONE]]),
    derivative: ([u]) => fn('sinh', u!),
    rule: 'd/du cosh(u) = sinh(u)',
    latex: '\\cosh',
    js: 'Math.cosh($0)',
  },
  {
    name: 'tanh',
    arity: 1,
    numeric: Math.tanh,
    simplify: special(Math.tanh, [[ZERO, ZERO]]),
    derivative: ([u]) => sub(ONE, u2(fn('tanh', u!))),
    rule: 'd/du tanh(u) = 1 - tanh²(u)',
    latex: '\\tanh',
    js: 'Math.tanh($0)',
  },
  {
    name: 'asinh',
    arity: 1,
    numeric: Math.asinh,
    simplify: special(Math.asinh, [[ZERO, ZERO]]),
    derivative: ([u]) => pow(add(u2(u!), ONE), neg(HALF)),
    rule: 'd/du asinh(u) = 1/√(u² + 1)',
    latex: '\\operatorname{asinh}',
    js: 'Math.asinh($0)',
  },
  {
    name: 'acosh',
    arity: 1,
    numeric: Math.acosh,
    simplify: special(Math.acosh, [[ONE, ZERO]]),
    derivative: ([u]) => pow(sub(u2(u!), ONE), neg(HALF)),
    rule: 'd/du acosh(u) = 1/√(u² - 1)',
    latex: '\\operatorname{acosh}',
    js: 'Math.acosh($0)',
  },
  {
    name: 'atanh',
    arity: 1,
    numeric: Math.atanh,
    simplify: special(Math.atanh, [[ZERO, ZERO]]),
    derivative: ([u]) => pow(sub(ONE, u2(u!)), NEG_ONE),
    rule: 'd/du atanh(u) = 1/(1 - u²)',
    latex: '\\operatorname{atanh}',
    js: 'Math.atanh($0)',
  },
  {
    name: 'erf',
    arity: 1,
    numeric: erfNum,
    simplify: special(erfNum, [
      [ZERO, ZERO],
      [OO, ONE],
      [NEG_OO, NEG_ONE],
    ]),
    // d/du erf(u) = 2/√π · e^(-u²)
    derivative: ([u]) => mul(TWO, pow(PI, neg(HALF)), pow(E, neg(u2(u!)))),
    rule: 'd/du erf(u) = 2·e^(-u²)/√π',
    latex: '\\operatorname{erf}',
    js: '__erf($0)',
  },
  {
    // The sine integral Si(u) = ∫₀ᵘ sin t / t dt (∫ sin x / x dx); entry added by the integrator.
    name: 'Si',
    arity: 1,
    numeric: siNum,
    simplify: special(siNum, [
      [ZERO, ZERO],
      [OO, mul(HALF, PI)],
      [NEG_OO, mul(neg(HALF), PI)],
    ]),
    // d/du Si(u) = sin(u)/u
    derivative: ([u]) => div(fn('sin', u!), u!),
    rule: 'd/du Si(u) = sin(u)/u',
    latex: '\\operatorname{Si}',
    js: '__Si($0)',
  },
  {
    // Cosine integral Ci(u) = γ + log|u| + ∫₀ᵘ (cos t − 1)/t dt (∫ cos x / x dx; the real part for u < 0).
    name: 'Ci',
    arity: 1,
    numeric: ciNum,
    simplify: special(ciNum, [[OO, ZERO]]),
    derivative: ([u]) => div(fn('cos', u!), u!),
    rule: 'd/du Ci(u) = cos(u)/u',
    latex: '\\operatorname{Ci}',
    js: '__Ci($0)',
  },
  {
    // Exponential integral Ei(u) (∫ eˣ/x dx); added by the integrator.
    name: 'Ei',
    arity: 1,
    numeric: eiNum,
    simplify: special(eiNum, [
      [OO, OO],
      [NEG_OO, ZERO],
    ]),
    derivative: ([u]) => div(pow(E, u!), u!),
    rule: 'd/du Ei(u) = e^u/u',
    latex: '\\operatorname{Ei}',
    js: '__Ei($0)',
  },
  {
    // Imaginary error function erfi(u) = −i·erf(iu) (∫ e^(x²) dx); added by the integrator.
    name: 'erfi',
    arity: 1,
    numeric: erfiNum,
    simplify: special(erfiNum, [
      [ZERO, ZERO],
      [OO, OO],
      [NEG_OO, NEG_OO],
    ]),
    derivative: ([u]) => mul(TWO, pow(PI, neg(HALF)), pow(E, u2(u!))),
    rule: 'd/du erfi(u) = 2·e^(u²)/√π',
    latex: '\\operatorname{erfi}',
    js: '__erfi($0)',
  },
  {
    name: 'max',
    arity: 2,
    numeric: Math.max,
    simplify: minMaxSimplify((c) => c >= 0),
    // ∂max(a, b)/∂a = H(a - b)
    derivative: ([a, b], i) => fn('heaviside', i === 0 ? sub(a!, b!) : sub(b!, a!)),
    rule: '∂max(a, b)/∂a = H(a - b), ∂/∂b = H(b - a)',
    latex: '\\max',
    js: 'Math.max($0, $1)',
  },
  {
    name: 'min',
    arity: 2,
    numeric: Math.min,
    simplify: minMaxSimplify((c) => c <= 0),
    derivative: ([a, b], i) => fn('heaviside', i === 0 ? sub(b!, a!) : sub(a!, b!)),
    rule: '∂min(a, b)/∂a = H(b - a), ∂/∂b = H(a - b)',
    latex: '\\min',
    js: 'Math.min($0, $1)',
  },
  {
    name: 'sigmoid',
    arity: 1,
    numeric: sigmoidNum,
    simplify: special(sigmoidNum, [[ZERO, HALF]]),
    // σ'(u) = σ(u)(1 - σ(u))
    derivative: ([u]) => mul(fn('sigmoid', u!), sub(ONE, fn('sigmoid', u!))),
    rule: 'd/du σ(u) = σ(u)·(1 - σ(u))',
    latex: '\\sigma',
    js: '__sigmoid($0)',
  },
  {
    name: 'softplus',
    arity: 1,
    numeric: softplusNum,
    simplify: special(softplusNum, []),
    derivative: ([u]) => fn('sigmoid', u!),
    rule: 'd/du softplus(u) = σ(u)',
    latex: '\\operatorname{softplus}',
    js: '__softplus($0)',
  },
  {
    name: 'relu',
    arity: 1,
    numeric: (x) => (x > 0 ? x : 0),
    simplify: (args) => (isNum(args[0]!) ? (numSign(args[0] as Num) > 0 ? args[0] : ZERO) : undefined),
    derivative: ([u]) => fn('heaviside', u!),
    rule: 'd/du relu(u) = H(u)',
    latex: '\\operatorname{ReLU}',
    js: 'Math.max($0, 0)',
  },
];

/** name → definition, for every known function. @example FUNCTIONS.tanh.arity === 1 */
export const FUNCTIONS: Readonly<Record<string, FunctionDef>> = Object.fromEntries(table.map((d) => [d.name, d]));

/** Names the parser maps to constructors that are not Function nodes (exp, sqrt, 2-arg log). @example parse('sqrt(x)') === pow(x, HALF) */
export const BUILTIN_FORMS = ['exp', 'sqrt'] as const;

/** Let the integration module attach ∫ f(x) dx to a function entry. @example registerAntiderivative('sin', (x) => neg(cos(x))) */
export function registerAntiderivative(name: string, rule: (x: SymbolNode) => Expr | undefined): void {
  const def = FUNCTIONS[name];
  if (!def) throw new ArgumentError(`no function named '${name}'`);
  def.antiderivative = rule;
}

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Apply a function by name: a table function (checked arity, automatic simplification), `exp`,
 * `sqrt`, `log(x, base)`, or an undefined function like `f(x)`.
 * @example fn('cos', 0) === int(1); fn('f', symbol('x')).kind // 'Function'
 */
export function fn(name: string, ...argsIn: ExprLike[]): Expr {
  const args = argsIn.map(toExpr);
  if (name === 'exp' || name === 'sqrt') {
    if (args.length !== 1) throw new ArgumentError(`${name} takes 1 argument, got ${args.length}`);
    return name === 'exp' ? pow(E, args[0]!) : sqrt(args[0]!);
  }
  const def = FUNCTIONS[name];
  if (def) {
    if (name === 'log' && args.length === 2) return div(fn('log', args[0]!), fn('log', args[1]!));
    if ((name === 'max' || name === 'min') && args.length > 2) {
      let acc = args[args.length - 1]!;
      for (let i = args.length - 2; i >= 0; i--) acc = fn(name, args[i]!, acc);
      return acc;
    }
    if (args.length !== def.arity)
      throw new ArgumentError(`${name} takes ${def.arity} argument${def.arity === 1 ? '' : 's'}, got ${args.length}`);
    const s = def.simplify?.(args);
    if (s !== undefined) return s;
    return makeFunction(name, args);
  }
  if (!NAME_RE.test(name)) throw new ArgumentError(`'${name}' is not a valid function name`);
  if (args.length === 0) throw new ArgumentError(`function ${name}() needs at least one argument`);
  return makeFunction(name, args);
}

/** True when `name` is a known (table) function or a builtin form (exp, sqrt). @example isKnownFunction('sigmoid') // true; isKnownFunction('f') // false */
export function isKnownFunction(name: string): boolean {
  return name in FUNCTIONS || name === 'exp' || name === 'sqrt';
}

const f1 =
  (name: string) =>
  (u: ExprLike): Expr =>
    fn(name, u);

/** @example sin(int(0)) === int(0) */
export const sin = f1('sin');
/** One constructor per table function; each simplifies exact special values. @example cos(0) === int(1) */
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
/** |u|. @example abs(int(-2)) === int(2) */
export const abs = f1('abs');
/** log(u), or log(u, base) = log u / log base. @example log(E) === int(1) */
export const log = (u: ExprLike, base?: ExprLike): Expr => (base === undefined ? fn('log', u) : fn('log', u, base));
/** atan2(y, x). @example atan2(symbol('y'), symbol('x')).kind // 'Function' */
export const atan2 = (y: ExprLike, x: ExprLike): Expr => fn('atan2', y, x);
/** max/min of two or more arguments (nested pairwise). @example max(1, 2) === int(2) */
export const max = (...a: ExprLike[]): Expr => fn('max', ...a);
export const min = (...a: ExprLike[]): Expr => fn('min', ...a);
