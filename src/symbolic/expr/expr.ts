/**
 * The expression node model: immutable, interned (hash-consed) nodes. Building the same
 * expression twice returns the same object, so equality is `===` and `e.hash` is free.
 *
 * ## Node kinds (`e.kind`) and fields
 * | kind         | fields                                   | meaning                                   |
 * |--------------|------------------------------------------|-------------------------------------------|
 * | `Integer`    | `value: Rational` (den 1n)               | exact integer                             |
 * | `Rational`   | `value: Rational` (den > 1n)             | exact fraction                            |
 * | `Float`      | `value: number`                          | inexact number (only where input had one) |
 * | `Symbol`     | `name`                                   | a variable                                |
 * | `Constant`   | `name: 'pi'│'E'│'I'│'oo'│'-oo'│'zoo'│'nan'` | I = √−1; zoo = complex infinity (1/0)  |
 * | `Add`        | `coeff: Num`, `coeffs: Num[]`, `terms`   | coeff + Σ coeffs[i]·terms[i]              |
 * | `Mul`        | `coeff: Num`, `bases`, `exps`            | coeff · Π bases[i]^exps[i]                |
 * | `Pow`        | `base`, `exp`                            | base^exp (exp(x) is Pow(E, x), sqrt is ^1/2) |
 * | `Function`   | `name`, `args`                           | sin(x), atan2(y, x), or an unknown f(x)   |
 * | `Derivative` | `expr`, `vars: SymbolNode[]`             | unevaluated d/dvars expr (repeat = order) |
 * | `Integral`   | `expr`, `var`, `lower`/`upper` or null   | unevaluated integral                      |
 *
 * Canonical invariants (the smart constructors in `arith.ts`/`functions.ts` guarantee them):
 * Add terms are never numbers, Adds, or Muls with a coefficient ≠ 1; Add has ≥ 2 parts
 * (coeff ≠ 0 counts as one). Mul bases are never numbers-with-integer-exponent, never Muls with an
 * integer exponent ((2x)^(1/2) stays whole), and each base occurs once with exponent ≠ 0; a Mul is never just `1·b^e` (that is a Pow or b).
 * Terms/bases are sorted by `compareExpr`. Pow has exp ∉ {0, 1} and base ∉ {0, 1}. The imaginary
 * unit I is never a base with an integer exponent other than 1 (I² = −1), and a negative number
 * never has an exponent p/2 (√−4 = 2·I).
 *
 * ## API map for other modules (import from the file, not from `./index.js`)
 * - nodes & numbers (this file): `Expr`, `Num`, kind types, `isNum`, `int`, `rat`, `num`, `float`,
 *   `numFromRational`, `ZERO`, `ONE`, `NEG_ONE`, `HALF`, `TWO`, `symbol`, `symbols`, `constant`,
 *   `PI`, `E`, `I`, `OO`, `NEG_OO`, `ZOO`, `NAN`, `numValue`, `compareExpr`, `children`.
 *   Number arithmetic: `numAdd`, `numMul`, `numNeg`, `numInv`, `numIsZero`, `numIsOne`, `numSign`.
 * - constructors (`arith.ts`): `add`, `mul`, `pow`, `neg`, `sub`, `div`, `exp`, `sqrt`, and
 *   `addTerms(e)` (Add → its summands as Exprs), `mulFactors(e)` (Mul → its factors as Exprs),
 *   `coeffAndTerm(e)` (e = c·t with c a number), `asBaseExp(e)`.
 * - functions (`functions.ts`): `FUNCTIONS` table (`FunctionDef`: name, arity, numeric, derivative,
 *   optional `antiderivative` for integrate), `fn(name, ...args)`, `sin`, `cos`, `log`, … .
 * - traversal (`traverse.ts`): `postorder(root, visit)` (iterative, memoized on the DAG),
 *   `postorderReleasing`, `mapExpr`, `subs`, `freeSymbols`, `has`, `evaluate`, `rebuild(e, kids)`.
 * - `expand` (`expand.ts`); `diff`, `diffMany` (`diff.ts`); `gradient`, `jacobian`, `hessian`
 *   (`jacobian.ts`) returning a `SymMatrix` (`matrix.ts`); `parse`, `parseAny`, `parseMatrix`
 *   (`parse.ts`); printers `toString` (`print-text.ts`), `pretty` (`print-pretty.ts`), `latex`
 *   (`print-latex.ts`), display order helpers (`print-order.ts`); `lambdify` (`lambdify.ts`).
 * - Iterating: `for (let i = 0; i < a.terms.length; i++) a.coeffs[i]·a.terms[i]` (plus `a.coeff`);
 *   `for (let i = 0; i < m.bases.length; i++) m.bases[i]^m.exps[i]` (times `m.coeff`), or use
 *   `addTerms(e)` / `mulFactors(e)` from arith.ts to get them as expressions.
 *
 * @example
 * import { symbol, int } from './expr.js';
 * symbol('x') === symbol('x'); // → true (interned)
 * int(2).kind; // → 'Integer'
 */
import { ArgumentError, describeValue } from '../../core/errors.js';
import * as Qm from '../../core/rational.js';
import type { Rational } from '../../core/rational.js';
import { KIND_SEED, WEAK_SIZE, hashArray, hashBig, hashString, intern, mix, sameArray, addConstructionWork } from './intern.js';
import type {
  AddNode, ConstantName, ConstantNode, DerivativeNode, Expr, FloatNode, FunctionNode, IntegerNode, IntegralNode,
  MulNode, Num, PowNode, RationalNode, SymbolNode, Assumptions,
} from './types.js';

export type * from './types.js';
export { constructionWork, hashString, internedCount, mix } from './intern.js';
export { children, compareExpr, isAtom } from './order.js';

// ---------------------------------------------------------------------------------------------
// Numbers

/** The number node for an exact rational. @example numFromRational({ num: 1n, den: 2n }) === HALF // → true */
export function numFromRational(r: Rational): IntegerNode | RationalNode {
  const h = mix(mix(KIND_SEED.Integer, hashBig(r.num)), hashBig(r.den));
  if (r.den === 1n) {
    return intern<IntegerNode>(
      h,
      (e) => e.kind === 'Integer' && e.value.num === r.num,
      (id) => ({ kind: 'Integer', id, hash: h, value: r }),
    );
  }
  return intern<RationalNode>(
    h,
    (e) => e.kind === 'Rational' && e.value.num === r.num && e.value.den === r.den,
    (id) => ({ kind: 'Rational', id, hash: h, value: r }),
  );
}

const smallInts: IntegerNode[] = [];
/** An exact integer node. @example int(3).value.num === 3n // → true */
export function int(n: number | bigint): IntegerNode {
  if (typeof n === 'number') {
    if (!Number.isInteger(n)) throw new ArgumentError(`int() needs an integer, got ${describeValue(n)}`);
    if (n >= -16 && n <= 256) {
      const c = smallInts[n + 16];
      if (c) return c;
      return (smallInts[n + 16] = numFromRational({ num: BigInt(n), den: 1n }) as IntegerNode);
    }
    return numFromRational({ num: BigInt(n), den: 1n }) as IntegerNode;
  }
  if (n >= -16n && n <= 256n) return int(Number(n));
  return numFromRational({ num: n, den: 1n }) as IntegerNode;
}

/** The exact rational p/q, normalised. @example rat(2, 4) === rat(1, 2) // → true */
export function rat(p: number | bigint, q: number | bigint = 1n): IntegerNode | RationalNode {
  return numFromRational(Qm.rational(BigInt(p), BigInt(q)));
}

/** A float node (NaN/±Infinity become the constants nan/oo/-oo). @example float(0.5).value */
export function float(x: number): FloatNode {
  if (Number.isNaN(x) || !Number.isFinite(x)) throw new ArgumentError(`float() needs a finite number, got ${describeValue(x)}`);
  if (x === 0) x = 0; // fold -0
  const h = mix(KIND_SEED.Float, hashString(String(x)));
  return intern<FloatNode>(
    h,
    (e) => e.kind === 'Float' && e.value === x,
    (id) => ({ kind: 'Float', id, hash: h, value: x }),
  );
}

/** A JS number as an expression: integers exact, other values Float. @example num(2) === int(2) // → true */
export function num(x: number): Expr {
  if (Number.isNaN(x)) return NAN;
  if (x === Infinity) return OO;
  if (x === -Infinity) return NEG_OO;
  return Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER ? int(x) : float(x);
}

/** True for Integer, Rational and Float nodes. @example isNum(rat(1, 2)) // → true */
export function isNum(e: Expr): e is Num {
  return e.kind === 'Integer' || e.kind === 'Rational' || e.kind === 'Float';
}

/** The number as a double. @example numValue(HALF) === 0.5 // → true */
export function numValue(n: Num): number {
  return n.kind === 'Float' ? n.value : Qm.toNumber(n.value);
}

/** The integer 0 as a shared node (`int(0)` returns this same object). @example add(ONE, NEG_ONE) === ZERO // → true */
export const ZERO = int(0);
/** The integer 1 as a shared node. @example mul(HALF, TWO) === ONE // → true */
export const ONE = int(1);
/** The integer −1 as a shared node. @example neg(ONE) === NEG_ONE // → true */
export const NEG_ONE = int(-1);
/** The integer 2 as a shared node. @example add(ONE, ONE) === TWO // → true */
export const TWO = int(2);
/** The rational 1/2 as a shared node. @example rat(2, 4) === HALF // → true */
export const HALF = rat(1, 2) as RationalNode;

/** Number-node predicates and arithmetic (exact unless a Float is involved). @example numAdd(HALF, HALF) === ONE // → true */
export function numIsZero(n: Num): boolean {
  return n.kind === 'Float' ? n.value === 0 : n.value.num === 0n;
}
/** True for the integer 1. @example numIsOne(ONE) // → true */
export function numIsOne(n: Num): boolean {
  return n === ONE;
}
/** The sign of a number node. @example numSign(int(-3)) === -1 // → true */
export function numSign(n: Num): -1 | 0 | 1 {
  return n.kind === 'Float' ? (n.value < 0 ? -1 : n.value > 0 ? 1 : 0) : Qm.sign(n.value);
}
/** Float arithmetic that lands on 0 gives exact 0 (like SymPy: 0.5 - 0.5 = 0). */
function floatOrZero(v: number): Num {
  return v === 0 ? ZERO : float(v);
}
/** Sum of two number nodes. @example numAdd(HALF, HALF) === ONE // → true */
export function numAdd(a: Num, b: Num): Num {
  if (a === ZERO) return b;
  if (b === ZERO) return a;
  if (a.kind === 'Float' || b.kind === 'Float') return floatOrZero(numValue(a) + numValue(b));
  if (a.kind === 'Integer' && b.kind === 'Integer') return int(a.value.num + b.value.num);
  return numFromRational(Qm.add(a.value, b.value));
}
/** Product of two number nodes. @example numMul(TWO, HALF) === ONE // → true */
export function numMul(a: Num, b: Num): Num {
  if (a === ONE) return b;
  if (b === ONE) return a;
  if (a.kind === 'Float' || b.kind === 'Float') return floatOrZero(numValue(a) * numValue(b));
  if (a.kind === 'Integer' && b.kind === 'Integer') return int(a.value.num * b.value.num);
  return numFromRational(Qm.mul(a.value, b.value));
}
/** Negated number node. @example numNeg(ONE) === NEG_ONE // → true */
export function numNeg(a: Num): Num {
  return a.kind === 'Float' ? float(-a.value) : numFromRational(Qm.neg(a.value));
}
/** 1/a; the caller must rule out zero. @example numInv(TWO) === HALF // → true */
export function numInv(a: Num): Num {
  return a.kind === 'Float' ? float(1 / a.value) : numFromRational(Qm.inv(a.value));
}

// ---------------------------------------------------------------------------------------------
// Atoms

const NAME_RE = /^[A-Za-z_\u0370-\u03ff][A-Za-z0-9_\u0370-\u03ff]*$/;

/**
 * The symbol `name` (letters, digits, underscores; not starting with a digit), optionally with
 * assumptions. As in SymPy, `symbol('a', { positive: true })` and `symbol('a')` are different
 * symbols that print alike; parse reaches the first with `parse(text, { assume: { a: … } })`.
 * @example symbol('a', { positive: true }).assume?.real // → true
 */
export function symbol(name: string, assumptions?: Assumptions): SymbolNode {
  if (!NAME_RE.test(name)) throw new ArgumentError(`'${name}' is not a valid symbol name`);
  const assume = normalizeAssumptions(assumptions);
  const key = assume ? assumptionKey(assume) : '';
  const h = mix(KIND_SEED.Symbol, hashString(key ? `${name}|${key}` : name));
  return intern<SymbolNode>(
    h,
    (e) => e.kind === 'Symbol' && e.name === name && (e.assume ? assumptionKey(e.assume) : '') === key,
    (id) => (assume ? { kind: 'Symbol', id, hash: h, name, assume } : { kind: 'Symbol', id, hash: h, name }),
  );
}

const FACTS = ['real', 'positive', 'negative', 'nonzero', 'nonnegative', 'integer'] as const;

/** Close the facts under implication; undefined for none. Contradictions are an ArgumentError. */
function normalizeAssumptions(a: Assumptions | undefined): Assumptions | undefined {
  if (!a) return undefined;
  if (typeof a !== 'object') throw new ArgumentError('symbol assumptions must be an object like { positive: true }');
  for (const k of Object.keys(a)) {
    if (!(FACTS as readonly string[]).includes(k)) throw new ArgumentError(`unknown assumption '${k}' (known: ${FACTS.join(', ')})`);
    const v = (a as Record<string, unknown>)[k];
    if (v !== true && v !== false && v !== undefined) throw new ArgumentError(`assumption '${k}' must be true or false`);
  }
  if (Object.values(a).some((v) => v === false)) throw new ArgumentError('only true assumptions are supported (e.g. { positive: true })');
  const o = { ...a } as { -readonly [K in keyof Assumptions]: boolean };
  if (o.positive && o.negative) throw new ArgumentError('a symbol cannot be both positive and negative');
  if (o.positive) o.nonzero = o.nonnegative = o.real = true;
  if (o.negative) o.nonzero = o.real = true;
  if (o.nonnegative || o.nonzero || o.integer) o.real = true;
  if (o.negative && o.nonnegative) throw new ArgumentError('a symbol cannot be both negative and nonnegative');
  return Object.keys(o).length ? Object.freeze(o) : undefined;
}

const assumptionKey = (a: Assumptions): string => FACTS.filter((k) => a[k]).join(',');

type NameSeparator = ' ' | ',' | '\t' | '\n' | '\r';
type TrimSeparators<S extends string> = S extends `${NameSeparator}${infer R}` ? TrimSeparators<R> : S;
type DropName<S extends string> = S extends `${infer C}${infer R}` ? (C extends NameSeparator ? S : DropName<R>) : S;
/**
 * One `SymbolNode` per name in a literal list, so `const [x, y] = symbols('x y')` is typed as two
 * symbols (no `undefined` under `noUncheckedIndexedAccess`); a list only known at run time gives
 * `SymbolNode[]`.
 */
export type SymbolList<S extends string, Acc extends SymbolNode[] = []> = string extends S
  ? SymbolNode[]
  : TrimSeparators<S> extends ''
    ? Acc
    : SymbolList<DropName<TrimSeparators<S>>, [...Acc, SymbolNode]>;

/** Several symbols from a space- or comma-separated list. @example const [x, y] = symbols('x y') */
export function symbols<S extends string>(names: S, assumptions?: Assumptions): SymbolList<S> {
  return names
    .split(/[\s,]+/)
    .filter((s) => s.length > 0)
    .map((n) => symbol(n, assumptions)) as SymbolList<S>;
}

/** A named constant. @example constant('pi') === PI */
export function constant(name: ConstantName): ConstantNode {
  const h = mix(KIND_SEED.Constant, hashString(name));
  return intern<ConstantNode>(
    h,
    (e) => e.kind === 'Constant' && e.name === name,
    (id) => ({ kind: 'Constant', id, hash: h, name }),
  );
}

/** The constant π (parsed from `pi`). @example evaluate(PI) === Math.PI // → true */
export const PI = constant('pi');
/** Euler's number e (parsed from `E`), the base of `exp` and `log`. @example log(E) // → 1 */
export const E = constant('E');
/**
 * The imaginary unit i = √−1 (parsed from `I`, as in SymPy; printed `I`, LaTeX `i`). Products
 * reduce its powers (I² = −1, 1/I = −I) and sums collect a + b·I. Every other part of nabla works
 * over the reals: `evaluate` gives a real value only when the imaginary part is exactly 0 (else a
 * DomainError; `evaluateComplex` gives both parts), and `solve` returns complex roots only with
 * `{ domain: 'complex' }`.
 * @example mul(I, I) // → -1
 */
export const I = constant('I');
/** Positive infinity (parsed from `oo`): a limit point and an integration bound. @example limit('1/x', 'x', 0, '+') // → oo */
export const OO = constant('oo');
/** Negative infinity (parsed from `-oo`). @example limit('-1/x', 'x', 0, '+') // → -oo */
export const NEG_OO = constant('-oo');
/** Complex (unsigned) infinity, what 1/0 becomes (parsed from `zoo`). @example div(1, 0) // → zoo */
export const ZOO = constant('zoo');
/** Not a number: an undefined value such as 0/0 or ∞ − ∞ (parsed from `nan`). @example add(OO, NEG_OO) // → nan */
export const NAN = constant('nan');

// ---------------------------------------------------------------------------------------------
// Trusted compound constructors: no checks, no canonicalisation. Only arith.ts/functions.ts and
// code that already holds canonical parts should call them.

/** Trusted Add constructor (parts must already be canonical). @example makeAdd(ONE, [ONE], [symbol('x')]) === add(symbol('x'), 1) // → true */
export function makeAdd(coeff: Num, coeffs: readonly Num[], terms: readonly Expr[]): AddNode {
  addConstructionWork(terms.length);
  let h = mix(KIND_SEED.Add, coeff.hash);
  for (let i = 0; i < terms.length; i++) h = mix(mix(h, coeffs[i]!.hash), terms[i]!.hash);
  return intern<AddNode>(
    h,
    (e) => e.kind === 'Add' && e.coeff === coeff && sameArray(e.terms, terms) && sameArray(e.coeffs, coeffs),
    (id) => ({ kind: 'Add', id, hash: h, coeff, coeffs, terms }),
    terms.length > WEAK_SIZE,
  );
}

/** Trusted Mul constructor. @example makeMul(TWO, [symbol('x')], [ONE]) === mul(2, symbol('x')) // → true */
export function makeMul(coeff: Num, bases: readonly Expr[], exps: readonly Expr[]): MulNode {
  addConstructionWork(bases.length);
  let h = mix(KIND_SEED.Mul, coeff.hash);
  for (let i = 0; i < bases.length; i++) h = mix(mix(h, bases[i]!.hash), exps[i]!.hash);
  return intern<MulNode>(
    h,
    (e) => e.kind === 'Mul' && e.coeff === coeff && sameArray(e.bases, bases) && sameArray(e.exps, exps),
    (id) => ({ kind: 'Mul', id, hash: h, coeff, bases, exps }),
    bases.length > WEAK_SIZE,
  );
}

/** Trusted Pow constructor. @example makePow(symbol('x'), TWO) === pow(symbol('x'), 2) // → true */
export function makePow(base: Expr, exp: Expr): PowNode {
  const h = mix(mix(KIND_SEED.Pow, base.hash), exp.hash);
  return intern<PowNode>(
    h,
    (e) => e.kind === 'Pow' && e.base === base && e.exp === exp,
    (id) => ({ kind: 'Pow', id, hash: h, base, exp }),
  );
}

/** Trusted Function-node constructor (no simplification). @example makeFunction('sin', [symbol('x')]) === sin(symbol('x')) // → true */
export function makeFunction(name: string, args: readonly Expr[]): FunctionNode {
  const h = hashArray(mix(KIND_SEED.Function, hashString(name)), args);
  return intern<FunctionNode>(
    h,
    (e) => e.kind === 'Function' && e.name === name && sameArray(e.args, args),
    (id) => ({ kind: 'Function', id, hash: h, name, args }),
  );
}

/** An unevaluated derivative d^n expr / d vars (vars repeated for order; sorted by caller). @example makeDerivative(fn('f', x), [x]) // → Derivative(f(x), x) */
export function makeDerivative(expr: Expr, vars: readonly SymbolNode[]): DerivativeNode {
  const h = hashArray(mix(KIND_SEED.Derivative, expr.hash), vars);
  return intern<DerivativeNode>(
    h,
    (e) => e.kind === 'Derivative' && e.expr === expr && sameArray(e.vars, vars),
    (id) => ({ kind: 'Derivative', id, hash: h, expr, vars }),
  );
}

/** An unevaluated integral ∫ expr d var, definite when lower/upper are given. @example makeIntegral(fn('f', x), x) // → Integral(f(x), x) */
export function makeIntegral(expr: Expr, v: SymbolNode, lower: Expr | null = null, upper: Expr | null = null): IntegralNode {
  const h = mix(mix(mix(mix(KIND_SEED.Integral, expr.hash), v.hash), lower?.hash ?? 0), upper?.hash ?? 0);
  return intern<IntegralNode>(
    h,
    (e) => e.kind === 'Integral' && e.expr === expr && e.var === v && e.lower === lower && e.upper === upper,
    (id) => ({ kind: 'Integral', id, hash: h, expr, var: v, lower, upper }),
  );
}
