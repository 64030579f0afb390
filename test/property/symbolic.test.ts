// Hostile input, one property per public symbolic entry point: random and mutated text, numbers
// at the edges, wrong kinds, prototype names, deep nesting. Each call gives a result of the
// documented kind or a typed error, within the node bound (see hostile.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as N from '../../src/symbolic/index.js';
import { PARAMS, TIMEOUT, exprArg, show, mutatedExpr, numArg, typedOutcome, varName, wrongKind } from './hostile.js';

const isExprOrMatrix = (v: unknown) => N.isSymMatrix(v) || (typeof v === 'object' && v !== null && typeof (v as { kind?: unknown }).kind === 'string');

/** Print a result too: printing is part of what a user does with it (and may only fail typed). */
function printable(input: unknown, v: unknown): void {
  if (N.isSymMatrix(v)) typedOutcome(input, () => v.toString());
  else if (isExprOrMatrix(v)) typedOutcome(input, () => N.toString(v as N.Expr));
}

/** One property: draw the arguments, call, check the outcome (and the result's kind). */
function property<A extends unknown[]>(name: string, args: fc.Arbitrary<A>, call: (...a: A) => unknown, kind: (v: unknown) => boolean) {
  it(
    name,
    () => {
      fc.assert(
        fc.property(args, (a) => {
          const r = typedOutcome(a, () => call(...a));
          if (r.ok) {
            expect(kind(r.value), `${name} returned ${show(r.value)} for ${show(a)}`).toBe(true);
            printable(a, r.value);
          }
        }),
        PARAMS,
      );
    },
    TIMEOUT,
  );
}

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const diffVar = fc.oneof(varName, fc.tuple(varName, fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 4 }) }, { weight: 1, arbitrary: numArg })));
const bounds = fc.oneof(varName, fc.tuple(varName, exprArg, exprArg));
const integrateOptions = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom({ steps: true }, { numeric: true }, { maxSteps: 50 }, { maxSteps: -1 }, { verify: false }, { from: 0 }),
  wrongKind,
);
const solveOptions = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom({ domain: 'complex' }, { domain: 'real' }, { domain: 'complex', numeric: false }, { domain: 'bogus' }, { domain: 'constructor' }, { numeric: 'yes' }),
  fc.record({ domain: wrongKind }),
  wrongKind,
);
const env = fc.oneof(
  fc.dictionary(fc.constantFrom('x', 'y', 'z', 'constructor', '__proto__', 'toString'), fc.oneof(fc.double(), fc.constantFrom(0, 1, -1, NaN)), { maxKeys: 3 }),
  wrongKind,
);
const substitution = fc.oneof(fc.dictionary(fc.constantFrom('x', 'y', 'valueOf', '__proto__'), exprArg, { maxKeys: 2 }), wrongKind);
const expr = (v: unknown) => isExprOrMatrix(v) && !N.isSymMatrix(v);
const number = (v: unknown) => typeof v === 'number';
const any = () => true;

describe('symbolic API on hostile input: a result or a typed error, within the node bound', () => {
  property('parse', fc.tuple(mutatedExpr, opt(fc.oneof(fc.constantFrom({ vars: ['x'] }, { floats: true }, { undefinedFunctions: true }, { vars: 'x' }, { vars: [1] }, { assume: 1 }), fc.record({ vars: wrongKind }), wrongKind))), (t, o) => N.parse(t as string, o as never), expr);
  property('diff', fc.tuple(exprArg, fc.array(diffVar, { maxLength: 3 })), (e, vs) => N.diff(e as never, ...(vs as never[])), isExprOrMatrix);
  property('integrate', fc.tuple(exprArg, bounds, integrateOptions), (e, s, o) => N.integrate(e as never, s as never, o as never), (v) => isExprOrMatrix(v) || (typeof v === 'object' && v !== null && 'value' in v));
  property('limit', fc.tuple(exprArg, varName, exprArg, fc.oneof(fc.constantFrom('+', '-', '+-'), wrongKind)), (e, x, to, d) => N.limit(e as never, x as never, to as never, d as never), expr);
  property('summation, product', fc.tuple(fc.constantFrom('summation', 'product'), exprArg, fc.oneof(fc.tuple(varName, exprArg, exprArg), fc.tuple(varName, numArg, fc.constantFrom('n', 'oo', 300, -5)), wrongKind)), (f, e, spec) =>
    (N[f as 'summation'] as (e: unknown, s: unknown) => unknown)(e, spec), expr);
  property('series', fc.tuple(exprArg, varName, exprArg, numArg), (e, x, x0, n) => N.series(e as never, x as never, x0 as never, n as never), expr);
  property('solve', fc.tuple(exprArg, opt(varName), solveOptions), (e, x, o) => N.solve(e as never, x as never, o as never), (v) => Array.isArray(v) && v.every(expr));
  property('criticalPoints', fc.tuple(exprArg, opt(fc.oneof(varName, fc.array(varName, { maxLength: 2 })))), (e, vs) => N.criticalPoints(e as never, vs as never), (v) => typeof v === 'object' && v !== null && Array.isArray((v as N.CriticalResult).points));
  property('simplify, expand, factor, together, tidy', fc.tuple(fc.constantFrom('simplify', 'expand', 'factor', 'together', 'tidy'), exprArg), (f, e) => (N[f as 'simplify'] as (e: unknown) => unknown)(e), expr);
  property('subs and evaluate', fc.tuple(exprArg, substitution, env), (e, s, en) => {
    const r = N.subs(e as never, s as never);
    return N.evaluate(r, en as never);
  }, number);
  property('evaluateComplex', fc.tuple(exprArg, env), (e, en) => N.evaluateComplex(e as never, en as never), (v) => typeof v === 'object' && v !== null && typeof (v as N.ComplexValue).re === 'number' && typeof (v as N.ComplexValue).im === 'number');
  property('lambdify and its function', fc.tuple(exprArg, fc.oneof(fc.constantFrom('x', 'x y', ['x', 'y']), varName), fc.array(fc.oneof(fc.double(), wrongKind), { maxLength: 3 })), (e, vs, args) => {
    const f = N.lambdify(e as never, vs as never);
    return (f as (...a: unknown[]) => unknown)(...args);
  }, number);
  property('gradient, jacobian, hessian', fc.tuple(fc.constantFrom('gradient', 'jacobian', 'hessian'), exprArg, opt(fc.oneof(fc.constantFrom('x y', 'x'), varName))), (f, e, vs) =>
    f === 'jacobian' ? N.jacobian([e, e] as never, vs as never) : (N[f as 'gradient'] as (e: unknown, v: unknown) => unknown)(e, vs), N.isSymMatrix);
  property('toString, latex, pretty', fc.tuple(fc.constantFrom('toString', 'latex', 'pretty'), exprArg), (f, e) => (N[f as 'latex'] as (e: unknown) => unknown)(e), (v) => typeof v === 'string');
  property('freeSymbols, has, isPeriodicIn', fc.tuple(exprArg, varName), (e, x) => [N.freeSymbols(e as never), N.has(e as never, x as never), N.isPeriodicIn(e as never, x as never)], any);
});
