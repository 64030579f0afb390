// One evaluator (walk/evaluate.ts) with one rule for real roots of negatives: b^(p/q) with q odd
// is the real root. evaluate, the algorithms' evalNumber/evalMany, lambdify (scalar and
// vectorised), solve's and integrate's checks and the CLI all give the same numbers.
import { describe, expect, it } from 'vitest';
import { evaluate, integrate, lambdify, parse, solve, symbol, toString } from '../../../src/symbolic/index.js';
import { evalMany, evalNumber } from '../../../src/symbolic/walk/evaluate.js';
import { cli } from '../../cli/run-cli.js';

const x = symbol('x');
const P = (s: string) => parse(s);

/** Every evaluator's value of e at x = v. */
function everywhere(s: string, v: number): number[] {
  const e = P(s);
  const f = lambdify(e, [x]);
  return [
    evaluate(e, { x: v }),
    evalNumber(e, new Map([[x, v]])),
    evalMany(e, x, [v])[0]!,
    f(v),
    f.vectorized([Float64Array.of(v)])[0]!,
  ];
}

describe('the real-root rule, everywhere', () => {
  it.each([
    ['x^(1/3)', -8, -2],
    ['x^(2/3)', -8, 4],
    ['x^(-1/3)', -8, -0.5],
    ['x^(5/3)', -8, -32],
    ['(x - 1)^(1/5)', -31, -2],
    ['3*x^(1/3) + x', -27, -36],
  ])('%s at %d is %d in evaluate, evalNumber, evalMany, lambdify and vectorized', (s, v, want) => {
    for (const got of everywhere(s, v)) expect(got).toBeCloseTo(want, 12);
  });

  it.each([['sqrt(x)', -4], ['x^(1/4)', -16], ['x^(3/2)', -1], ['x^float(0.5)', -4]])('%s at %d is NaN everywhere (even root, or a float exponent)', (s, v) => {
    for (const got of everywhere(s, v)) expect(got).toBeNaN();
  });

  it('solve accepts a root only where evaluate is real at it, and the CLI evaluates the same way', async () => {
    expect(solve('x^(1/3) = -2', 'x').map(toString)).toEqual(['-8']);
    expect(evaluate('x^(1/3) + 2', { x: -8 })).toBe(0);
    expect((await cli('eval', 'x^(1/3)', '--at', 'x=-8')).out).toBe('-2');
  });

  it("integrate's derivative check uses the same rule (∫ x^(1/3) on [-8, 0])", () => {
    // F(0) − F(−8) with F = 3x^(4/3)/4 is 6·(−8)^(1/3): exact, and −12 under the real-root rule.
    const v = integrate('x^(1/3)', ['x', -8, 0]);
    expect(evaluate(v)).toBeCloseTo(-12, 12);
  });

  it('evaluate is strict, evalNumber lenient', () => {
    expect(() => evaluate('x + y', { x: 1 })).toThrow(/no value given for symbol 'y'/);
    expect(() => evaluate('f(x)', { x: 1 })).toThrow(/unknown function 'f'/);
    expect(() => evaluate('Derivative(x^2, x)', { x: 1 })).toThrow(/unevaluated derivative/);
    expect(evalNumber(P('x + y'), new Map([[x, 1]]))).toBeNaN();
    // A name map's prototype does not supply values.
    expect(() => evaluate(symbol('toString'), {})).toThrow(/no value given for symbol 'toString'/);
  });
});
