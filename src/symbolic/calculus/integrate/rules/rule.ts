/**
 * The shape of an integration rule: what it sees (`RuleContext`) and what it answers. The ordered
 * list of rules is `RULES` in `rules/index.ts`; the runner is `engine.ts`.
 *
 * @example
 * const constant: IntegrationRule = { name: 'constant', step: 'constant', apply: ({ f, x }) => (free(f, x) ? mul(f, x) : null) };
 */
import type { Expr, SymbolNode } from '../../../expr/expr.js';
import { free, walkDependent } from '../../../algebra/util.js';

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
  /** Add a sentence to the step's detail (joined with '; '); a function is called only when steps are recorded. */
  note(s: StepText): void;
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
  /**
   * A cheap necessary condition on what the integrand is built from: when it is false the engine
   * passes the rule by without calling `apply` (which would decline). Only conditions that
   * `apply` itself requires belong here (a radical rule needs a radical), never preferences.
   */
  readonly needs?: (shape: IntegrandShape) => boolean;
  readonly apply: (ctx: RuleContext) => RuleAnswer;
}

/**
 * What an integrand is built from, read once per integrand (one walk of its x-dependent parts)
 * for the rules' `needs`.
 */
export interface IntegrandShape {
  /** Names of the functions applied to something that depends on x (sin, log, abs, …). */
  readonly functions: ReadonlySet<string>;
  /** Some x-dependent base has an exponent that is not an integer: √u, u^(2/3), u^a, uˣ. */
  readonly radical: boolean;
  /** Some exponent depends on x: eᵘ, 2ˣ, xˣ. */
  readonly exponential: boolean;
}

/**
 * The shape of f in x (see IntegrandShape).
 * @example integrandShape(parse('sqrt(x)*sin(x)'), x).radical // → true
 */
export function integrandShape(f: Expr, x: SymbolNode): IntegrandShape {
  const functions = new Set<string>();
  let radical = false, exponential = false;
  walkDependent(f, x, (n) => {
    if (n.kind === 'Function') functions.add(n.name);
    else if (n.kind === 'Pow') {
      if (!free(n.exp, x)) exponential = true;
      if (n.exp.kind !== 'Integer' && !free(n.base, x)) radical = true;
    }
  });
  return { functions, radical, exponential };
}

/** The circular functions. */
export const CIRCULAR_NAMES: ReadonlySet<string> = new Set(['sin', 'cos', 'tan', 'cot', 'sec', 'csc']);
/** The hyperbolic functions. */
export const HYPERBOLIC_NAMES: ReadonlySet<string> = new Set(['sinh', 'cosh', 'tanh', 'coth', 'sech', 'csch']);

/** Does the shape have a function of x among `names`? @example hasFunction(integrandShape(parse('x*sin(x)'), x), CIRCULAR_NAMES) // → true */
export function hasFunction(shape: IntegrandShape, names: ReadonlySet<string>): boolean {
  for (const n of shape.functions) if (names.has(n)) return true;
  return false;
}

/**
 * The `needs` of the rules that read f as a rational function of x (`exprToRatFun`): no function
 * of x, no radical, no x in an exponent.
 * @example rationalInX(integrandShape(parse('1/(x^2 - 1)'), x)) // → true
 * rationalInX(integrandShape(parse('x/sqrt(x + 1)'), x)) // → false
 */
export const rationalInX = (s: IntegrandShape): boolean => s.functions.size === 0 && !s.radical && !s.exponential;
