// Shared pieces of the hostile-input property tests (test/property/*.test.ts): random and mutated
// inputs, and the one outcome every entry point must have — a result, or a typed error from
// src/core/errors.ts, within a work bound; never a TypeError, RangeError, stack overflow or an
// "internal error". CI runs 1000 cases per property, a local run 200, NABLA_PROPERTY_RUNS any number.
import fc from 'fast-check';
import { appendFileSync } from 'node:fs';
import { expect } from 'vitest';
import { NablaError } from '../../src/core/errors.js';
import { internedCount } from '../../src/symbolic/index.js';

/**
 * Cases per property: 1000 under CI, 200 locally; NABLA_PROPERTY_RUNS=10000 runs the 10⁴
 * (about 50 CPU-minutes for all properties on this machine, over CI's 20-minute budget: see
 * test/property/README.md).
 */
export const RUNS = Number(process.env.NABLA_PROPERTY_RUNS) || (process.env.CI && process.env.CI !== 'false' ? 1000 : 200);
/**
 * One fixed seed, locally too: a local run is the first RUNS cases of CI's sequence, so a helper's
 * `npm test` never fails on a case nobody has seen. NABLA_PROPERTY_SEED=random explores new cases
 * (a failure found that way is fixed and kept in found.test.ts); a number replays that seed.
 */
export const SEED = process.env.NABLA_PROPERTY_SEED === 'random' ? Date.now() ^ (Math.random() * 2 ** 31) : Number(process.env.NABLA_PROPERTY_SEED) || 20261125;
/** fast-check parameters of every hostile property. */
export const PARAMS = { numRuns: RUNS, seed: SEED };
/** A generous vitest timeout for one property (10⁴ cases on a loaded 2-core machine). */
export const TIMEOUT = 1_200_000;

/**
 * Interned expression nodes one case may create: the work bound of anything symbolic. Every
 * documented budget (LIMITS.nodeBudget, integrate's steps, limit's and series' budgets) keeps a
 * small input far below it; an input that runs away shows as a count above it.
 */
export const NODE_BOUND = 3_000_000;

/** The outcome of one call: a value, or a typed error. */
export type Outcome = { ok: true; value: unknown } | { ok: false; error: NablaError };

/**
 * Run `f` and require a result or a NablaError, with at most NODE_BOUND new expression nodes.
 * Anything else (TypeError, RangeError, a stack overflow, a string thrown) fails the property
 * with the input in the message.
 */
export function typedOutcome(input: unknown, f: () => unknown): Outcome {
  // NABLA_PROPERTY_LOG=file: each input is written before its call, to find one that kills the worker.
  if (process.env.NABLA_PROPERTY_LOG) appendFileSync(process.env.NABLA_PROPERTY_LOG, `${expect.getState().currentTestName} ${show(input, Infinity)}\n`);
  const before = internedCount();
  const t0 = performance.now();
  let out: Outcome;
  try {
    out = { ok: true, value: f() };
  } catch (e) {
    if (!(e instanceof NablaError)) {
      const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      expect.fail(`untyped error for ${show(input)}: ${what}\n${e instanceof Error ? e.stack?.split('\n').slice(1, 6).join('\n') : ''}`);
    }
    out = { ok: false, error: e };
  }
  if (process.env.NABLA_PROPERTY_LOG) appendFileSync(process.env.NABLA_PROPERTY_LOG, `  took ${(performance.now() - t0).toFixed(1)} ms\n`);
  const work = internedCount() - before;
  if (work > NODE_BOUND) expect.fail(`${show(input)} made ${work} expression nodes (bound ${NODE_BOUND})`);
  return out;
}

/** An input as one line for a failure message (never huge). */
export function show(v: unknown, max = 300): string {
  let s: string | undefined;
  try {
    s = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : typeof x === 'function' ? '[function]' : x));
  } catch {
    s = undefined; // a result too large to print (LimitError), a cycle, …
  }
  s ??= `[${typeof v}]`;
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

// ---------------------------------------------------------------------------------------------
// Text: small valid expressions, then mutated.

/** Names a plain-object table would confuse with JavaScript built-ins. */
export const PROTO_NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', 'isPrototypeOf'];

const atom = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('x', 'y', 'x', 'z', 'theta', 'w1_2') },
  { weight: 4, arbitrary: fc.constantFrom('0', '1', '2', '3', '1/2', '0.5', '2.5', '-1', '10', 'pi', 'e', 'oo', '-oo') },
  { weight: 1, arbitrary: fc.constantFrom('1e308', '1e-320', '9'.repeat(40), '0x10', '0b101', '2.0', 'nan', 'zoo', 'NaN', 'Infinity') },
  { weight: 1, arbitrary: fc.constantFrom(...PROTO_NAMES) },
);
const FUNCS = ['sin', 'cos', 'tan', 'exp', 'log', 'sqrt', 'abs', 'tanh', 'sigmoid', 'atan', 'erf', 'relu', 'softplus', 'asin', 'sign', 'max', 'sinn'];

/** A small expression as text (depth ≤ 4), from the grammar the parser documents. */
export const exprText: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: atom },
    { weight: 2, arbitrary: fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^', ' '), tie('e')).map(([a, op, b]) => `${a}${op}${b}`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...FUNCS), tie('e')).map(([f, a]) => (f === 'max' ? `max(${a}, 1)` : `${f}(${a})`)) },
    { weight: 1, arbitrary: tie('e').map((a) => `(${a})`) },
    { weight: 1, arbitrary: tie('e').map((a) => `-${a}`) },
  ),
})).e.filter((s) => s.length <= 200);

const NOISE = ['(', ')', '+', '-', '*', '/', '^', ',', '.', '=', 'x', 'y', '0', '9', 'e', ' ', '[', ']', ';', '!', '|', '\u0000', 'é', '∞', '²', '√', '"', '\\', '{', '$'];

/** One edit of a string: delete, insert, duplicate a slice, swap in an extreme number, wrap deeply. */
const edit: fc.Arbitrary<EditValue> = fc.oneof(
  fc.record({ k: fc.constant('del' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ k: fc.constant('ins' as const), at: fc.nat(), c: fc.constantFrom(...NOISE) }),
  fc.record({ k: fc.constant('dup' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 8 }), times: fc.integer({ min: 2, max: 8 }) }),
  fc.record({ k: fc.constant('num' as const), v: fc.constantFrom('1e308', '-1e308', '1e-308', 'NaN', 'Infinity', '-0', '9'.repeat(500), '123456789^123456789', '2^65536', '0.1^-400') }),
  fc.record({ k: fc.constant('wrap' as const), w: fc.constantFrom('sin(', '(', '-', 'exp(', 'sqrt(', 'log('), depth: fc.oneof({ weight: 19, arbitrary: fc.integer({ min: 1, max: 8 }) }, { weight: 1, arbitrary: fc.constant(300) }) }),
  fc.record({ k: fc.constant('wrap' as const), w: fc.constant('x^'), depth: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ k: fc.constant('proto' as const), name: fc.constantFrom(...PROTO_NAMES) }),
);

/** Apply one edit. */
export function applyEdit(s: string, e: EditValue): string {
  const at = 'at' in e ? e.at % (s.length + 1) : 0;
  switch (e.k) {
    case 'del':
      return s.slice(0, at) + s.slice(at + e.n);
    case 'ins':
      return s.slice(0, at) + e.c + s.slice(at);
    case 'dup': {
      const piece = s.slice(at, at + e.n);
      return s.slice(0, at) + piece.repeat(e.times) + s.slice(at);
    }
    case 'num':
      return /\d+(\.\d+)?/.test(s) ? s.replace(/\d+(\.\d+)?/, e.v) : `${s}*${e.v}`;
    case 'wrap': {
      const close = e.w.endsWith('(') ? ')' : '';
      return e.w.repeat(e.depth) + s + close.repeat(e.depth);
    }
    case 'proto':
      return s.replace(/\b[xy]\b/, e.name);
  }
}
type EditValue =
  | { k: 'del'; at: number; n: number }
  | { k: 'ins'; at: number; c: string }
  | { k: 'dup'; at: number; n: number; times: number }
  | { k: 'num'; v: string }
  | { k: 'wrap'; w: string; depth: number }
  | { k: 'proto'; name: string };

/** A valid expression with 0–3 random edits (a third of the cases are left valid). */
export const mutatedExpr: fc.Arbitrary<string> = fc
  .tuple(exprText, fc.array(edit, { maxLength: 3 }))
  .map(([s, edits]) => edits.reduce(applyEdit, s));

/** Values of the wrong kind for any parameter. */
export const wrongKind: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, NaN, Infinity, -Infinity, -0, 1e308, true, false, '', ' ', [], {}, [[]], Symbol('s'), 10n),
  fc.constantFrom(() => 1, Object.create(null), { __proto__: { kind: 'Symbol' } }, { kind: 'Symbol', name: 'x' }, { constructor: 1 }, new Float64Array(2), new Map()),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 8 }),
);

/** A variable name: usually x or y, sometimes odd. */
export const varName: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('x', 'y', 'x', 'z') },
  { weight: 1, arbitrary: fc.constantFrom('x y', 'x,y', ' x ', '2x', 'sin', 'pi', 'e', '', '__proto__', 'constructor', 'é', 'x\u0000') },
  { weight: 1, arbitrary: wrongKind },
);

/** An expression argument: mostly (mutated) text, sometimes a number or the wrong kind. */
export const exprArg: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: mutatedExpr },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, 1, -1, 0.5, 1e308)) },
  { weight: 1, arbitrary: wrongKind },
);

/** A number argument: sensible, extreme, or the wrong kind. */
export const numArg: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(0, 1, 2, 3, 4, 6, -1, 0.5, 10) },
  { weight: 2, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 1e9, -1e9, 1e308, 2 ** 53, 1.5, -0) },
  { weight: 1, arbitrary: wrongKind },
);
