/**
 * The rule engine behind `integrate`: tries the rules of `RULES` (rules/index.ts) in order on each
 * integrand, recursing on sub-integrals, with a memo, a cycle guard, a depth limit and a work
 * budget. The budget counts sub-integrals attempted (`maxSteps`), so the same integrand gets the
 * same answer on any machine at any load; a wall-clock bound (`safetyMs`) stays only as an outer
 * safety net against a rule that works long without recursing, and says so in `reason` when it
 * fires.
 *
 * @example
 * runIntegration(parse('x*exp(x)'), x, { steps: true }).result // → x*exp(x) - exp(x)
 */
import { LimitError } from '../../../core/errors.js';
import { symbol, type Expr, type SymbolNode } from '../../expr/expr.js';
import { resetFreshSymbols, splitFactors } from './rules/trig.js';
import { MAX_RULE_DEPTH, exprDepth, nodeCount, substitute } from '../../algebra/util.js';
import { RULES, STOP, integrandShape, type IntegrandShape, type IntegrationRule, type RuleContext, type StepText } from './rules/index.js';

/** One applied rule, for `integrate(…, {steps: true})`. */
export interface IntegrationStep {
  /** Nesting level (0 = the integral asked for). */
  depth: number;
  /** The technique, e.g. 'power rule', 'u-substitution', 'integration by parts'. */
  rule: string;
  /** The entry of the rule list (`RULES`) that applied, e.g. 'parts: polynomial × exp/trig'. */
  entry: string;
  integrand: Expr;
  variable: SymbolNode;
  result: Expr;
  /** What the rule did: `u = x^2, du = 2*x dx`, the partial fractions, … */
  detail?: string;
}

/**
 * Sub-integrals one `integrate` call may attempt (the work budget). Calibrated to what the old
 * 200 ms time budget allowed on an idle machine: the test batteries' hardest success needs 37,
 * 58 of the 61 logarithmic peer cases fit in 250; a search that fails stops after this many
 * sub-integrals (typically 0.2-1 s). Callers who want more say so (`maxSteps`).
 */
export const INTEGRATION_STEPS = 250;
/** Wall-clock safety net in milliseconds: generous, so that only a runaway rule reaches it. */
export const INTEGRATION_SAFETY_MS = 10_000;
/** Nesting of sub-integrals. */
export const INTEGRATION_MAX_DEPTH = 12;
/** Integrands larger than this many nodes are not attempted. */
export const INTEGRATION_MAX_NODES = 4000;

export interface EngineOptions {
  /** Work budget: sub-integrals attempted (default `INTEGRATION_STEPS`). */
  maxSteps?: number;
  /** Wall-clock safety net in milliseconds (default `INTEGRATION_SAFETY_MS`). */
  safetyMs?: number;
  /** Maximum nesting of sub-integrals (default `INTEGRATION_MAX_DEPTH`). */
  maxDepth?: number;
  /** Record steps (default false). */
  steps?: boolean;
  /** The rule list (default `RULES`; tests pass a shorter one). */
  rules?: readonly IntegrationRule[];
}

export interface EngineResult {
  result: Expr | null;
  steps: IntegrationStep[];
  /** Why there is no result, when there is none. */
  reason?: string;
  /** Sub-integrals attempted. */
  work: number;
}

class OutOfBudget extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** The placeholder variable of the cycle guard. */
const ALPHA = symbol('_alpha_int');
/** The clock is read once per this many sub-integrals. */
const CLOCK_EVERY = 16;

/** Run the rule engine on ∫ f dx. */
export function runIntegration(f: Expr, x: SymbolNode, opts: EngineOptions = {}): EngineResult {
  resetFreshSymbols();
  const maxSteps = opts.maxSteps ?? INTEGRATION_STEPS;
  const safetyMs = opts.safetyMs ?? INTEGRATION_SAFETY_MS;
  const deadline = Date.now() + safetyMs;
  const maxDepth = opts.maxDepth ?? INTEGRATION_MAX_DEPTH;
  const rules = opts.rules ?? RULES;
  const steps: IntegrationStep[] = [];
  const record = opts.steps ?? false;
  const memo = new Map<SymbolNode, Map<Expr, Expr | null>>();
  const active = new Set<number>();
  let work = 0;
  // Truncating an array through its length is a runtime call even when nothing goes: most rules
  // decline without having recorded a step, so only shorten when there is something to drop.
  const dropSteps = (mark: number): void => {
    if (steps.length > mark) steps.length = mark;
  };

  const integ = (f: Expr, x: SymbolNode, depth: number): Expr | null => {
    if (++work > maxSteps) throw new OutOfBudget(`work budget of ${maxSteps} sub-integrals exhausted`);
    if (work % CLOCK_EVERY === 0 && Date.now() > deadline)
      throw new OutOfBudget(`time safety net of ${safetyMs} ms reached before the work budget (this answer depends on the machine's speed)`);
    if (depth > maxDepth) return null;
    let m = memo.get(x);
    if (!m) memo.set(x, (m = new Map()));
    const hit = m.get(f);
    if (hit !== undefined) return hit;
    // The cycle guard compares integrands up to renaming of the variable: u = eˣ followed by
    // w = log u leads back to the same integral in a fresh variable.
    const key = substitute(f, x, ALPHA).id;
    if (active.has(key)) return null;
    if (nodeCount(f, INTEGRATION_MAX_NODES + 1) > INTEGRATION_MAX_NODES) return null;
    active.add(key);
    const mark = steps.length;
    let r: Expr | null = null;
    try {
      r = tryRules(f, x, depth);
    } finally {
      active.delete(key);
    }
    if (r === null) dropSteps(mark);
    m.set(f, r);
    return r;
  };

  /** The rules in order: the first answer wins; a rule's partial steps go when it declines. */
  const tryRules = (f: Expr, x: SymbolNode, depth: number): Expr | null => {
    const mark = steps.length;
    const notes: StepText[] = [];
    let split: ReturnType<typeof splitFactors> | null = null;
    const factors = () => (split ??= splitFactors(f, x));
    let shape: IntegrandShape | null = null;
    const ctx: RuleContext = {
      f,
      x,
      get c() {
        return factors().c;
      },
      get fs() {
        return factors().fs;
      },
      depth,
      integrate: (g, v = x) => integ(g, v, depth + 1),
      note: (s) => void notes.push(s),
    };
    for (const rule of rules) {
      // A rule whose necessary condition fails would decline: pass it by.
      if (rule.needs && !rule.needs((shape ??= integrandShape(f, x)))) continue;
      if (notes.length) notes.length = 0;
      const a = rule.apply(ctx);
      if (a === STOP) break;
      if (a === null) {
        dropSteps(mark);
        continue;
      }
      const { result, step, detail } = 'kind' in a ? { result: a, step: undefined, detail: undefined } : a;
      if (record) {
        const text = (typeof detail === 'function' ? detail() : detail) ?? notes.map((n) => (typeof n === 'function' ? n() : n)).join('; ');
        steps.splice(mark, 0, { depth, rule: step ?? rule.step, entry: rule.name, integrand: f, variable: x, result, ...(text ? { detail: text } : {}) });
      }
      return result;
    }
    dropSteps(mark);
    return null;
  };

  if (exprDepth(f, MAX_RULE_DEPTH) > MAX_RULE_DEPTH) return { result: null, steps: [], reason: `the expression is nested deeper than ${MAX_RULE_DEPTH} levels`, work: 0 };
  try {
    const result = integ(f, x, 0);
    return result === null ? { result, steps: [], reason: 'no rule applies', work } : { result, steps, work };
  } catch (e) {
    if (e instanceof OutOfBudget) return { result: null, steps: [], reason: e.reason, work };
    if (e instanceof LimitError) return { result: null, steps: [], reason: e.message, work };
    throw e;
  }
}
