/**
 * The function registry: the `FunctionDef` entry type, the name → entry map `FUNCTIONS`, and
 * `fn`, which applies a function by name with checked arity, parity and the entry's automatic
 * simplification. The entries themselves live in `table.ts` (they call `fn` for their
 * derivatives, so they register themselves here instead of being imported: no import cycle);
 * `index.ts` loads both and is what the rest of the code imports.
 *
 * @example
 * fn('sin', neg(symbol('x'))) === neg(fn('sin', symbol('x'))) // → true (sin is odd)
 */
import { dict } from '../../core/dict.js';
import { ArgumentError } from '../../core/errors.js';
import type { Dual } from '../../numeric/dual.js';
import { div, neg, pow, sqrt, sub, type ExprLike, toExpr } from '../expr/arith.js';
import { E, NAN, NEG_OO, ONE, ZOO, int, isNum, makeFunction, numSign, type Expr, type Num } from '../expr/expr.js';
import { orderedTerms, structuralKey } from '../expr/display-order.js';

/** One function's table entry: name, arity, numeric value, derivative rule, printing names, JS code. @example FUNCTIONS.sin.derivative([x], 0) === cos(x) // → true */
export interface FunctionDef {
  readonly name: string;
  /** Number of arguments. */
  readonly arity: number;
  /** Evaluate on doubles. */
  readonly numeric: (...xs: number[]) => number;
  /**
   * Symmetry under u → -u, applied before `simplify` when the argument looks negative (see
   * `looksNegative`): 'odd' gives f(-u) = -f(u), 'even' gives f(-u) = f(u).
   */
  readonly parity?: 'odd' | 'even';
  /** Automatic simplification (exact special values); undefined keeps f(args) as is. */
  readonly simplify?: (args: readonly Expr[]) => Expr | undefined;
  /** ∂f/∂args[i] as an expression in the args; absent → the derivative stays unevaluated. */
  readonly derivative?: (args: readonly Expr[], i: number) => Expr;
  /** The rule in words, for diff's step traces: `d/du sin(u) = cos(u)`. */
  readonly rule: string;
  /**
   * ∫ f(u) du as an expression in u (absent or undefined: no closed form); integrate's table rule
   * uses it for a linear u (and checks it by differentiating back). Writable only through
   * `registerAntiderivative`.
   */
  antiderivative?: (u: Expr) => Expr | undefined;
  /**
   * lim f(u) as u → s·∞ (s = ±1), for `limit`: an expression (±oo for a divergence), bounds
   * `{lo, hi}` when f oscillates between them (sin, cos), or null when there is no limit.
   */
  readonly atInfinity?: (s: 1 | -1) => Expr | { lo: number; hi: number } | null;
  /**
   * For a function with a kink where its switching argument u changes sign (u = args[0]; for
   * max/min u = args[0] − args[1]): f written with s = sign(u), linear in s (|u| = s·u,
   * H(u) = (1 + s)/2). integrate splits ∫ at the kink with it (s a placeholder), evaluates f near a
   * point where u's sign is known (s = ±1), and series expands f where u(0) ≠ 0.
   */
  readonly bySign?: (s: Expr, args: readonly Expr[]) => Expr;
  /**
   * For a step function (floor, ceiling), which jumps at every integer: its value just above
   * (s = 1) or just below (s = −1) the integer n. `limit` takes the side from the sign of u − n
   * near the point, and does not differentiate f (f′ = 0 between jumps) where u crosses jumps.
   */
  readonly step?: { readonly side: (n: Expr, s: 1 | -1) => Expr };
  /**
   * How series expansions treat f(u), given the series of u (absent: f(u) is not expanded, and
   * an expansion that meets it is refused). See `SeriesRule`.
   */
  readonly series?: SeriesRule;
  /**
   * The real domain of f when it is not all of ℝ (log: (0, ∞), asin: [−1, 1], acosh: [1, ∞)). Its
   * finite ends are where integrate's final check cuts its sample runs (verify.ts), and where a
   * monotone f maps a bounded argument to a bounded value (limit).
   */
  readonly domain?: Interval;
  /**
   * The values f takes on its domain (tanh: (−1, 1), cosh: [1, ∞), σ: (0, 1)). `signOf` reads f's
   * sign from it (cosh u > 0), and `limit` keeps f of a bounded argument bounded when both ends are
   * finite.
   */
  readonly range?: Interval;
  /**
   * f is strictly increasing or decreasing on its domain. With f(0) = 0 the sign of f(u) is the
   * sign of u (sinh, tanh, atan, erf: `signOf`); a bounded argument inside the domain gives the
   * bounded value between f at its ends (log(cos t + 2) ∈ [0, log 3]: `limit`).
   */
  readonly monotone?: 'increasing' | 'decreasing';
  /**
   * f has a pole wherever sin u or cos u is 0 (tan, sec: 'cos'; cot, csc: 'sin'): integrate splits
   * definite integrals there and refuses exact values at them, limit takes the side of the pole,
   * and the final check of antiderivatives samples both sides.
   */
  readonly polesAt?: 'sin' | 'cos';
  /**
   * For `limit` (Gruntz's algorithm works on exp-log expressions): f written with exp, log, powers,
   * sin and cos, an identity on f's domain (sinh u = (eᵘ − e⁻ᵘ)/2, tan u = sin u/cos u).
   */
  readonly expLog?: (args: readonly Expr[]) => Expr;
  /**
   * For `limit`: f(u) rewritten for u → s·∞ so that every function in it has an argument with a
   * finite limit (atan u = s·π/2 − atan(1/u)). A one-argument function with neither this nor
   * `expLog` stops the exp-log rewrite at an unbounded argument.
   */
  readonly nearInfinity?: (u: Expr, s: 1 | -1) => Expr;
  /**
   * For `limit`: f's real branch points b (asin: ±1) and f(u) rewritten for u → b so that the branch
   * sits in a square root (asin u = b·π/2 − atan(√(1 − u²)/u)), or its poles b and f(u) rewritten
   * so that the pole sits in a plain factor (Γ(u) = Γ(u + 1)/u at 0).
   */
  readonly nearBranch?: { readonly at: readonly number[]; readonly form: (u: Expr, b: number) => Expr };
  /**
   * The real u with f(u) = r, for `solve` (empty: none). `rv` is r's value (NaN when r has
   * parameters, then `symbolic` is true and range checks are left to the final check).
   */
  readonly inverse?: (r: Expr, rv: number, symbolic: boolean) => Expr[];
  /**
   * f written through a related table function whose integration rules exist (erfc u = 1 − erf u),
   * an identity for every real argument: integrate rewrites an integrand with it when no rule
   * applies to f as written.
   */
  readonly viaRelative?: (args: readonly Expr[]) => Expr;
  /** The dual-number rule (value and derivative), for forward-mode evaluation (`evaluateDual`). */
  readonly dual?: (a: Dual) => Dual;
  /** LaTeX name, e.g. `\sin` or `\operatorname{sigmoid}`, or a template of the whole call with $0, $1 for the arguments (`\left\lfloor{$0}\right\rfloor`). */
  readonly latex: string;
  /** JS expression with $0, $1 for the argument code. */
  readonly js: string;
}

/**
 * The operations on truncated series that a function's `SeriesRule.expand` is written with. `S`
 * is the expander's own series type: `series` passes power series in t = x − x₀ (fractional
 * powers and log t allowed), the limit code's asymptotic expander series in ω → 0⁺. Every
 * operation throws the expander's "no expansion" error when its result has no series of that kind.
 * @example
 * // tan's rule is [s, c] = ops.sinCos(g), then ops.mul(s, ops.inv(c)); series runs it on g = x:
 * series('tan(x)', 'x', 0, 4) // → x + x^3/3
 */
export interface SeriesOps<S> {
  /** The constant c (free of the variable). */
  constant(c: Expr): S;
  add(a: S, b: S): S;
  /** k·a for k free of the variable. */
  scale(a: S, k: Expr): S;
  mul(a: S, b: S): S;
  /** 1/a. */
  inv(a: S): S;
  exp(a: S): S;
  log(a: S): S;
  /** [sin a, cos a], from one pass. */
  sinCos(a: S): readonly [S, S];
  /**
   * a itself, once it is known not to tend to 0 at the expansion point (else it throws): for
   * functions that are constant away from a root of their argument (dirac).
   */
  awayFromZero(a: S): S;
}

/**
 * What a function's table entry tells the series expanders (`FunctionDef.series`). Adding a
 * function to the series code is this field, nothing else.
 * @example FUNCTIONS.asin.series?.taylor // → true (Taylor's formula wherever asin′ is finite)
 */
export interface SeriesRule {
  /**
   * f is analytic wherever its derivatives are finite, so Taylor's formula holds at the
   * argument's constant term g₀. `series` then uses f(g) = f(g₀) + ∫ f′(g)·g′ dt when there is no
   * `expand`; the asymptotic expander (Gruntz) always prefers Taylor's formula, which keeps the
   * coefficients in f's own form (tan(c), not sin(c)/cos(c)).
   */
  readonly taylor?: boolean;
  /**
   * Taylor coefficients f⁽ᵏ⁾(g₀)/k! known in closed form at some points, for where differentiating
   * f's derivative rule meets 0/0 (W′ = W/(u(1 + W)) at u = 0): the k ↦ coefficient function at
   * g₀, or null elsewhere (then Taylor's formula as usual).
   */
  readonly coefficientsAt?: (g0: Expr) => ((k: number) => Expr) | null;
  /**
   * f(g) written with series operations, from the series g of its argument: what `series` uses
   * first (a faster route than Taylor's formula, or the only one: log at a zero of its argument).
   */
  readonly expand?: <S>(g: S, ops: SeriesOps<S>) => S;
}

/** A real interval from lo to hi (±Infinity for an unbounded end); `open` names the ends left out. @example FUNCTIONS.tanh.range // → { lo: -1, hi: 1, open: 'both' } */
export interface Interval {
  readonly lo: number;
  readonly hi: number;
  readonly open?: 'lo' | 'hi' | 'both';
}

/** Does the interval contain t? @example inInterval({ lo: 0, hi: Infinity, open: 'lo' }, 0) // → false */
export function inInterval(i: Interval, t: number): boolean {
  const openLo = i.open === 'lo' || i.open === 'both', openHi = i.open === 'hi' || i.open === 'both';
  return (openLo ? t > i.lo : t >= i.lo) && (openHi ? t < i.hi : t <= i.hi);
}

/** f's range has both ends finite. @example isBounded(FUNCTIONS.sin) // → true */
export const isBounded = (def: FunctionDef | undefined): boolean =>
  def?.range !== undefined && Number.isFinite(def.range.lo) && Number.isFinite(def.range.hi);

/**
 * erfs(u) = e^(u²)·erfc(u), the tractable part of erf and erfc at ∞: erfc u = erfs(u)·e^(−u²). Not
 * a user-facing function (the parser does not know it); the limit code builds it (through erf's
 * and erfc's `nearInfinity`) and the asymptotic series expands it.
 * @example ERFS // → '_erfs'
 */
export const ERFS = '_erfs';

/**
 * lgs(u) = log Γ(u) − (u − ½)·log u + u − ½·log 2π, the remainder of Stirling's formula:
 * Γ(u) = √(2π)·u^(u − ½)·e^(−u)·e^lgs(u), lgs(u) ~ Σ B₂ₖ/(2k(2k − 1))·u^(1 − 2k) as u → +∞. Internal
 * like ERFS: gamma's and factorial's `nearInfinity` build it, the asymptotic series expands it.
 * @example LGS // → '_lgs'
 */
export const LGS = '_lgs';

/**
 * dgs(u) = ψ(u) − log u + 1/(2u) ~ −Σ B₂ₖ/(2k)·u^(−2k) as u → +∞, the remainder of the digamma
 * function there (ψ = polygamma(0, ·)); internal like LGS. Its n-th derivative is the function named
 * `dgsName(n)` ('_dgs0' is dgs itself): lgs′ = dgs, and ψ⁽ⁿ⁾(u) = dⁿ/duⁿ(log u − 1/(2u)) + dgs⁽ⁿ⁾(u).
 * @example dgsName(1) // → '_dgs1'
 */
export const dgsName = (n: number): string => `_dgs${n}`;

/** The derivative order of a dgs name ('_dgs2' → 2), or null for another name. @example dgsOrder('_dgs2') // → 2 */
export function dgsOrder(name: string): number | null {
  const m = /^_dgs(\d+)$/.exec(name);
  return m ? Number(m[1]) : null;
}

/** The internal functions that only the asymptotic series expands (erfs, lgs, dgs⁽ⁿ⁾). @example isAsymptoticHelper('_dgs3') // → true */
export const isAsymptoticHelper = (name: string): boolean => name === ERFS || name === LGS || dgsOrder(name) !== null;

const registry = dict<FunctionDef>();

/** name → definition, for every known function. @example FUNCTIONS.tanh.arity === 1 // → true */
export const FUNCTIONS: Readonly<Record<string, FunctionDef>> = registry;

/**
 * Add entries to the table (function-table.ts does this at load).
 * @example
 * registerFunctions([FUNCTIONS.sin]);
 * fn('sin', 0) // → 0 (re-registering an entry changes nothing)
 */
export function registerFunctions(defs: readonly FunctionDef[]): void {
  for (const d of defs) registry[d.name] = d;
}

/** The switching argument u of a kink function (see `FunctionDef.bySign`): args[0], or args[0] − args[1] for two arguments. @example kinkArgument([x, y]) // → x - y */
export const kinkArgument = (args: readonly Expr[]): Expr => (args.length === 2 ? sub(args[0]!, args[1]!) : args[0]!);

/** Names the parser maps to constructors that are not Function nodes (exp, sqrt, 2-arg log). @example parse('sqrt(x)') === pow(x, HALF) // → true */
export const BUILTIN_FORMS = ['exp', 'sqrt'] as const;

/**
 * Set ∫ f(u) du on a function's table entry (the built-in ones are written in the entries
 * themselves); `integrate` then uses it for f(a·x + b) and checks the result by differentiating
 * it back, as every antiderivative.
 * @example registerAntiderivative('sigmoid', (u) => softplus(u));
 * integrate('sigmoid(x)', 'x') // → softplus(x)
 */
export function registerAntiderivative(name: string, rule: (u: Expr) => Expr | undefined): void {
  const def = FUNCTIONS[name];
  if (!def) throw new ArgumentError(`no function named '${name}'`);
  def.antiderivative = rule;
}

/**
 * SymPy's could_extract_minus_sign: does `u` read as a negated expression? A negative number,
 * a product with a negative coefficient, or a sum with more negative than positive terms (the
 * constant counts); on a tie, the sum whose first displayed non-constant term is negative
 * (x - y no, y - x yes, 1 - x yes), with ties between terms broken by `structuralKey`, never by
 * a printer, so the answer does not depend on which modules are loaded. Exactly one of u and -u
 * qualifies (u ≠ 0), so applying f(-u) = ±f(u) always terminates and f(u), f(-u) share one
 * canonical argument.
 * @example looksNegative(parse('1 - x')) // → true
 * looksNegative(parse('x - 1')) // → false
 */
export function looksNegative(u: Expr): boolean {
  if (isNum(u)) return numSign(u) < 0;
  if (u === NEG_OO) return true;
  if (u.kind === 'Mul') return termSign(u.coeff, u) < 0;
  if (u.kind !== 'Add') return false;
  let balance = numSign(u.coeff);
  for (let i = 0; i < u.terms.length; i++) balance += termSign(u.coeffs[i]!, u.terms[i]!);
  if (balance !== 0) return balance < 0;
  for (const [c, t] of orderedTerms(u, structuralKey)) {
    if (t === ONE) continue;
    const s = termSign(c, t);
    if (s !== 0) return s < 0;
  }
  return false;
}

/**
 * Sign of c·t as written: -oo counts as negative (x - oo stores -oo as a term, x·(-oo) as a base).
 * A term with a factor zoo (to the first power) is its own negation, so it has no sign and cannot
 * tell u from -u; zoo^y is not absorbed and keeps its coefficient's sign.
 */
function termSign(c: Num, t: Expr): number {
  if (t === ZOO || (t.kind === 'Mul' && t.bases.some((b, i) => b === ZOO && t.exps[i] === ONE))) return 0;
  const s = numSign(c);
  if (t === NEG_OO) return -s;
  if (t.kind === 'Mul' && t.bases.includes(NEG_OO)) return -s;
  return s;
}

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Apply a function by name: a table function (checked arity, parity, automatic simplification),
 * `exp`, `sqrt`, `log(x, base)`, or an undefined function like `f(x)`.
 * @example fn('cos', 0) === int(1) // → true
 * fn('f', symbol('x')).kind // → 'Function'
 */
export function fn(name: string, ...argsIn: ExprLike[]): Expr {
  const args = argsIn.map(toExpr);
  if (name === 'exp' || name === 'sqrt') {
    if (args.length !== 1) throw new ArgumentError(`${name} takes 1 argument, got ${args.length}`);
    return name === 'exp' ? pow(E, args[0]!) : sqrt(args[0]!);
  }
  const def = FUNCTIONS[name];
  if (def) {
    if (name === 'log' && args.length === 2) return logBase(args[0]!, args[1]!);
    if ((name === 'max' || name === 'min') && args.length > 2) {
      let acc = args[args.length - 1]!;
      for (let i = args.length - 2; i >= 0; i--) acc = fn(name, args[i]!, acc);
      return acc;
    }
    if (args.length !== def.arity)
      throw new ArgumentError(`${name} takes ${def.arity} argument${def.arity === 1 ? '' : 's'}, got ${args.length}`);
    if (args.includes(NAN)) return NAN;
    // f(-u) = -f(u) (odd) or f(u) (even): one canonical argument per ±u pair.
    if (def.parity && looksNegative(args[0]!)) {
      const v = fn(name, neg(args[0]!));
      return def.parity === 'odd' ? neg(v) : v;
    }
    const s = def.simplify?.(args);
    if (s !== undefined) return s;
    return makeFunction(name, args);
  }
  if (!NAME_RE.test(name)) throw new ArgumentError(`'${name}' is not a valid function name`);
  if (args.length === 0) throw new ArgumentError(`function ${name}() needs at least one argument`);
  return makeFunction(name, args);
}

/**
 * log(u, b) = log(u)/log(b), SymPy's logarithm to a base; the integer k when u = bᵏ for positive
 * exact rationals (log(1000, 10) = 3, log(1/8, 2) = −3).
 * @example logBase(int(1000), int(10)) // → 3
 * logBase(symbol('x'), int(10)) // → log(x)/log(10)
 */
export function logBase(u: Expr, b: Expr): Expr {
  const k = exactLog(u, b);
  return k !== null ? int(k) : div(fn('log', u), fn('log', b));
}

/** k with bᵏ = u for positive exact rationals u and b ≠ 1, else null. */
function exactLog(u: Expr, b: Expr): number | null {
  if (!(u.kind === 'Integer' || u.kind === 'Rational') || !(b.kind === 'Integer' || b.kind === 'Rational')) return null;
  const [un, ud] = [u.value.num, u.value.den], [bn, bd] = [b.value.num, b.value.den];
  if (un <= 0n || bn <= 0n || bn === bd) return null;
  if (un === ud) return 0;
  // u = bᵏ or 1/u = bᵏ (k > 0): divide out b while it divides (at most as many steps as u has bits).
  for (const [n0, d0, sign] of [
    [un, ud, 1],
    [ud, un, -1],
  ] as const) {
    let [n, d, k] = [n0, d0, 0];
    while (n % bn === 0n && d % bd === 0n) {
      n /= bn;
      d /= bd;
      k++;
      if (n === 1n && d === 1n) return sign * k;
    }
  }
  return null;
}

/** True when `name` is a known (table) function or a builtin form (exp, sqrt). @example isKnownFunction('sigmoid') // → true
 * isKnownFunction('f') // → false */
export function isKnownFunction(name: string): boolean {
  return name in FUNCTIONS || name === 'exp' || name === 'sqrt';
}
