/**
 * The expression node types (see `expr.ts` for the table of kinds and canonical invariants).
 * Types only: nodes are built by the interning constructors in `expr.ts`/`arith.ts`.
 *
 * @example
 * import type { Expr } from './types.js';
 * const isSum = (e: Expr): boolean => e.kind === 'Add';
 */
import type { Rational } from '../../core/rational.js';

/**
 * The node kinds (`e.kind`).
 * @example
 * const k: Kind = parse('x + 1').kind;
 * k // → 'Add'
 */
export type Kind =
  | 'Integer'
  | 'Rational'
  | 'Float'
  | 'Symbol'
  | 'Constant'
  | 'Add'
  | 'Mul'
  | 'Pow'
  | 'Function'
  | 'Derivative'
  | 'Integral';

interface NodeBase {
  /** Creation counter: unique per node. */
  readonly id: number;
  /** Structural hash, stable across runs. */
  readonly hash: number;
}
/** An exact integer (`value.den === 1n`). @example int(3).value.num === 3n // → true */
export interface IntegerNode extends NodeBase {
  readonly kind: 'Integer';
  readonly value: Rational;
}
/** An exact fraction (`value.den > 1n`). @example rat(1, 2).value.den === 2n // → true */
export interface RationalNode extends NodeBase {
  readonly kind: 'Rational';
  readonly value: Rational;
}
/** An inexact number, only where the input had one. @example float(0.1).value === 0.1 // → true */
export interface FloatNode extends NodeBase {
  readonly kind: 'Float';
  readonly value: number;
}
/**
 * What is known about a symbol's real values, as in SymPy: `symbol('a', { positive: true })`.
 * Each fact implies the weaker ones (positive ⇒ real, nonzero, nonnegative; integer ⇒ real).
 * @example const a: Assumptions = { positive: true };
 */
export interface Assumptions {
  readonly real?: boolean;
  readonly positive?: boolean;
  readonly negative?: boolean;
  readonly nonzero?: boolean;
  readonly nonnegative?: boolean;
  readonly integer?: boolean;
}
/** A variable, with its assumptions when it has any. @example symbol('x').name === 'x' // → true */
export interface SymbolNode extends NodeBase {
  readonly kind: 'Symbol';
  readonly name: string;
  /** Facts about its values (absent: nothing beyond nabla's usual real-variable convention). */
  readonly assume?: Readonly<Assumptions>;
}
/** Names of the constants (zoo: complex infinity, I: the imaginary unit). @example PI.name === 'pi' // → true */
export type ConstantName = 'pi' | 'E' | 'I' | 'oo' | '-oo' | 'zoo' | 'nan';
/** pi, E, I, oo, -oo, zoo, nan. @example E.kind === 'Constant' // → true */
export interface ConstantNode extends NodeBase {
  readonly kind: 'Constant';
  readonly name: ConstantName;
}
/** coeff + Σ coeffs[i]·terms[i]. @example parse('2x + 1') // → { kind: 'Add', coeff: 1, coeffs: [2], terms: [x] } */
export interface AddNode extends NodeBase {
  readonly kind: 'Add';
  readonly coeff: Num;
  readonly coeffs: readonly Num[];
  readonly terms: readonly Expr[];
}
/** coeff · Π bases[i]^exps[i]. @example parse('3x^2 y') // → { kind: 'Mul', coeff: 3, bases: [y, x], exps: [1, 2] } (storage order) */
export interface MulNode extends NodeBase {
  readonly kind: 'Mul';
  readonly coeff: Num;
  readonly bases: readonly Expr[];
  readonly exps: readonly Expr[];
}
/** base^exp (exp(x) is Pow(E, x), sqrt is ^1/2). @example parse('x^y').kind === 'Pow' // → true */
export interface PowNode extends NodeBase {
  readonly kind: 'Pow';
  readonly base: Expr;
  readonly exp: Expr;
}
/** A function application (table function or unknown f). @example parse('sin(x)').name === 'sin' // → true */
export interface FunctionNode extends NodeBase {
  readonly kind: 'Function';
  readonly name: string;
  readonly args: readonly Expr[];
}
/** An unevaluated derivative (vars repeated for order). @example diff(parse('f(x)', { undefinedFunctions: true }), 'x').kind === 'Derivative' // → true */
export interface DerivativeNode extends NodeBase {
  readonly kind: 'Derivative';
  readonly expr: Expr;
  readonly vars: readonly SymbolNode[];
}
/** An unevaluated integral, definite when lower/upper are set. @example parse('Integral(f(x), x)', { undefinedFunctions: true }).kind === 'Integral' // → true */
export interface IntegralNode extends NodeBase {
  readonly kind: 'Integral';
  readonly expr: Expr;
  readonly var: SymbolNode;
  readonly lower: Expr | null;
  readonly upper: Expr | null;
}

/** The number nodes. @example isNum(rat(1, 3)) // → true */
export type Num = IntegerNode | RationalNode | FloatNode;
/** Any expression node. @example const e: Expr = parse('x^2'); */
export type Expr =
  | IntegerNode
  | RationalNode
  | FloatNode
  | SymbolNode
  | ConstantNode
  | AddNode
  | MulNode
  | PowNode
  | FunctionNode
  | DerivativeNode
  | IntegralNode;
