/**
 * The expression node types (see `expr.ts` for the table of kinds and canonical invariants).
 * Types only: nodes are built by the interning constructors in `expr.ts`/`arith.ts`.
 *
 * @example
 * import type { Expr } from './expr-types.js';
 * const isSum = (e: Expr): boolean => e.kind === 'Add';
 */
import type { Rational } from '../core/rational.js';

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
export interface IntegerNode extends NodeBase {
  readonly kind: 'Integer';
  readonly value: Rational;
}
export interface RationalNode extends NodeBase {
  readonly kind: 'Rational';
  readonly value: Rational;
}
export interface FloatNode extends NodeBase {
  readonly kind: 'Float';
  readonly value: number;
}
export interface SymbolNode extends NodeBase {
  readonly kind: 'Symbol';
  readonly name: string;
}
export type ConstantName = 'pi' | 'E' | 'oo' | '-oo' | 'zoo' | 'nan';
export interface ConstantNode extends NodeBase {
  readonly kind: 'Constant';
  readonly name: ConstantName;
}
export interface AddNode extends NodeBase {
  readonly kind: 'Add';
  readonly coeff: Num;
  readonly coeffs: readonly Num[];
  readonly terms: readonly Expr[];
}
export interface MulNode extends NodeBase {
  readonly kind: 'Mul';
  readonly coeff: Num;
  readonly bases: readonly Expr[];
  readonly exps: readonly Expr[];
}
export interface PowNode extends NodeBase {
  readonly kind: 'Pow';
  readonly base: Expr;
  readonly exp: Expr;
}
export interface FunctionNode extends NodeBase {
  readonly kind: 'Function';
  readonly name: string;
  readonly args: readonly Expr[];
}
export interface DerivativeNode extends NodeBase {
  readonly kind: 'Derivative';
  readonly expr: Expr;
  readonly vars: readonly SymbolNode[];
}
export interface IntegralNode extends NodeBase {
  readonly kind: 'Integral';
  readonly expr: Expr;
  readonly var: SymbolNode;
  readonly lower: Expr | null;
  readonly upper: Expr | null;
}

export type Num = IntegerNode | RationalNode | FloatNode;
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
