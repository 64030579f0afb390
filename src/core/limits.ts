/**
 * The documented limits on the work one call may ask for, in one place. Every public entry point
 * that reaches them (and so every CLI command) refuses with a LimitError naming the limit, instead
 * of running out of memory or time. README.md's "Limits" table lists the same numbers, and a test
 * keeps the two equal.
 *
 * @example
 * checkLimit('derivativeOrder', 5, 'diff') // → undefined (within the limit)
 * LIMITS.derivativeOrder // → 1000
 */
import { LimitError } from './errors.js';

/** The limits, by name. @example LIMITS.inputLength // → 4000000 */
export const LIMITS = {
  /** Characters of text one `parse` reads (one expression or equation; one CLI argument). */
  inputLength: 4_000_000,
  /** Nesting depth of parsed text: parentheses, function calls and powers open at once. */
  nestingDepth: 10_000,
  /** Total order of one derivative call: `diff(f, ['x', n])`, `nabla diff --order n`. */
  derivativeOrder: 1000,
  /** New expression nodes one derivative call may build (shared sub-expressions count once). */
  derivativeNodes: 2_000_000,
  /**
   * Construction work of one derivative call: every node asked for counts 1 plus its operands, so
   * a few thousand products of hundreds of factors each (the third derivative of sin nested 300
   * deep, a minute of work) are refused where a node count alone lets them through.
   */
  derivativeWork: 1_000_000,
  /**
   * Nodes of one expression written out by a printer (text or LaTeX), a shared sub-expression
   * counted every time it appears: a small expression can print as gigabytes (the derivative of
   * x^x^…^x), because sharing is lost on paper.
   */
  printedSize: 4_000_000,
  /** Terms of one series: `series(f, x, x0, n)` with n up to this. */
  seriesOrder: 200,
} as const;

/** The name of one limit. @example const n: LimitName = 'seriesOrder' */
export type LimitName = keyof typeof LIMITS;

const WHAT: Record<LimitName, string> = {
  inputLength: 'the input has {v} characters',
  nestingDepth: 'the input nests {v} levels deep',
  derivativeOrder: 'the derivative order is {v}',
  derivativeNodes: 'the derivative has built {v} new nodes',
  derivativeWork: 'the derivative has done {v} steps of construction work',
  printedSize: 'written out it has {v} nodes',
  seriesOrder: 'the series order is {v}',
};

/**
 * Throw a LimitError naming the limit when `value` exceeds it; `where` names the operation.
 * @example checkLimit('derivativeOrder', 1e9, 'diff') // → throws LimitError (diff: the derivative order is 1000000000, above the limit of 1000 …)
 */
export function checkLimit(name: LimitName, value: number, where: string): void {
  if (value > LIMITS[name]) throw new LimitError(limitMessage(name, value, where));
}

/** The message of a refused limit. @example limitMessage('seriesOrder', 300, 'series') */
export function limitMessage(name: LimitName, value: number, where: string): string {
  return `${where}: ${WHAT[name].replace('{v}', String(value))}, above the limit of ${LIMITS[name]} (${name}; see "Limits" in the README)`;
}
