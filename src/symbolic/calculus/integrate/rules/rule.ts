/**
 * The shape of an integration rule: what it sees (`RuleContext`) and what it answers. The ordered
 * list of rules is `RULES` in `rules/index.ts`; the runner is `engine.ts`.
 *
 * @example
 * const constant: IntegrationRule = { name: 'constant', step: 'constant', apply: ({ f, x }) => (free(f, x) ? mul(f, x) : null) };
 */
import type { Expr, SymbolNode } from '../../../expr/expr.js';

/** What a rule sees: the integrand, the variable, its factors, sub-integrals and notes. */
export interface RuleContext {
  /** The integrand. */
  readonly f: Expr;
  /** The variable of integration. */
  readonly x: SymbolNode;
  /** f = c · Π bᵢ^kᵢ: the factor free of x (`c`) and the others (`fs`), from `splitFactors`. */
  readonly c: Expr;
  readonly fs: Array<[Expr, Expr]>;
  /** ∫ g dv one level deeper (through the memo, cycle guard and budget); null when it fails. */
  integrate(g: Expr, v?: SymbolNode): Expr | null;
  /** Nesting level of this integrand (0 = the integral asked for). */
  readonly depth: number;
  /** Add a sentence to the step's detail (joined with '; '). */
  note(s: string): void;
}

/**
 * A rule's answer: null declines (the next rule is tried), STOP declines for every later rule too
 * (the rule applies, and only its sub-integral could have succeeded: ∫ c·g when ∫ g fails), an
 * expression is the antiderivative, and `{ result, step?, detail? }` also names the step or
 * describes it (default: the rule's `step` and the notes).
 */
export type RuleAnswer = Expr | { result: Expr; step?: string; detail?: StepText } | null | typeof STOP;

/**
 * A step's detail: the text, or a function that writes it. Texts that print expressions are
 * written as functions, so the printing happens only when steps are recorded (most calls do not
 * ask for steps, and printing is a sizeable part of a rule's work).
 * @example const d: StepText = () => `u = ${String(parse('x^2'))}`;
 * typeof d === 'function' ? d() : d // → 'u = x^2'
 */
export type StepText = string | (() => string);
export const STOP = Symbol('stop');

/** One entry of the ordered rule list. */
export interface IntegrationRule {
  /** Unique name: the list in ARCHITECTURE.md and a step's `entry`. */
  readonly name: string;
  /** The technique as a step trace shows it ('integration by parts', 'u-substitution', …). */
  readonly step: string;
  readonly apply: (ctx: RuleContext) => RuleAnswer;
}
