// Gruntz's algorithm on its own (gruntz.ts), its asymptotic series (series/asymptotic.ts) and its
// zero test (zero-test.ts). Expected values: D. Gruntz's thesis examples, checked with SymPy 1.14.
import { describe, it, expect } from 'vitest';
import { parse } from '../../../../src/symbolic/parse/parse.js';
import { symbol, OO, type Expr } from '../../../../src/symbolic/expr/expr.js';
import { gruntz } from '../../../../src/symbolic/calculus/limit/gruntz.js';
import { isIdenticallyZero, constantSign, sameConstant } from '../../../../src/symbolic/calculus/limit/zero-test.js';
import { leadTermIn, type AsymptoticOracle } from '../../../../src/symbolic/calculus/series/asymptotic.js';
import { series } from '../../../../src/symbolic/calculus/series/index.js';
import { UndecidedError, LimitError } from '../../../../src/core/errors.js';
import { evaluate, toString, limit } from '../../../../src/symbolic/index.js';

const x = symbol('x');
const G = (s: string): string => toString(gruntz(parse(s), x));

describe('gruntz: limits at +∞ by comparison classes', () => {
  it.each([
    ['exp(x)*(exp(1/x + exp(-x)) - exp(1/x))', '1'],
    ['exp(exp(x - exp(-x))/(1 - 1/x)) - exp(exp(x))', 'oo'],
    ['log(log(x*exp(x*exp(x)) + 1)) - exp(exp(log(log(x)) + 1/x))', '0'],
    ['(exp(x*exp(-x)/(exp(-x) + exp(-2*x^2/(x + 1)))) - exp(x))/x', '-exp(2)'],
    // exp(√log x) is slower than x: an mrv set must not assume every exponential beats x
    ['exp(sqrt(log(x)))/x', '0'],
    ['x^(1/log(x))', 'E'],
    ['exp(exp(2*log(x^5 + x)*log(log(x))))/exp(exp(10*log(x)*log(log(x))))', 'oo'],
    ['log(x)^2*exp(sqrt(log(x))*log(log(x))^2*exp(sqrt(log(log(x)))*log(log(log(x)))^3))/sqrt(x)', '0'],
    ['erf(x + 1/x) - erf(x)', '0'],
    ['x*(atan(x) - pi/2)', '-1'],
    ['exp(-x)*x^1000', '0'],
    ['(x + 1)^(1/x^2)', '1'],
  ])('%s → %s', (e, want) => expect(G(e)).toBe(toString(parse(want))));

  it('refuses what it cannot decide instead of guessing', () => {
    expect(() => gruntz(parse('sin(x)/x'), x)).toThrow(UndecidedError); // oscillation is outside its class
    expect(() => gruntz(parse('f(x)', { undefinedFunctions: true }), x)).toThrow(UndecidedError);
    expect(() => gruntz(parse('exp(exp(exp(x)))*exp(-exp(exp(x - exp(-exp(x)))))'), x, 5)).toThrow(UndecidedError); // budget
    expect(new UndecidedError('u')).toBeInstanceOf(LimitError);
  });

  it('is what limit uses at ∞ and at essential singularities', () => {
    expect(toString(limit(parse('exp(x)*(exp(1/x + exp(-x)) - exp(1/x))'), x, OO))).toBe('1');
    expect(toString(limit(parse('exp(-1/x)/x^100'), x, 0, '+'))).toBe('0');
    expect(toString(limit(parse('x*exp(1/x^2)'), x, 0, '+'))).toBe('oo');
  });
});

describe('asymptotic series in w → 0⁺ with log w known', () => {
  const w = symbol('w');
  const oracle = (logW: Expr): AsymptoticOracle => ({
    isZero: (c) => isIdenticallyZero(c, [x]),
    sign: (c) => (constantSign(c) < 0 ? -1 : 1),
    logW,
    step: () => {},
    sameExponent: sameConstant,
  });
  const lead = (s: string, logW = parse('-x')) => {
    const r = leadTermIn(parse(s), w, oracle(logW))!;
    return `${toString(r.c)} w^${toString(r.e)}`;
  };
  it('cancels to the first nonzero term', () => {
    expect(lead('exp(w) - 1 - w')).toBe('1/2 w^2');
    expect(lead('1/(1 - w) - 1/(1 + w)')).toBe('2 w^1');
    expect(lead('(1 + w)^(1/3) - 1')).toBe('1/3 w^1');
  });
  it('keeps relative precision across large exponents', () => {
    expect(lead('w^(-1885)/(w^(-1885) + 1) - 1')).toBe('-1 w^1885');
  });
  it('expands logarithms with log w given', () => {
    // log(w + w²) = log w + w − …, and log w is −x here
    expect(lead('log(w + w^2) + x')).toBe('1 w^1');
    expect(lead('log(1/w)', parse('-x'))).toBe('x w^0');
  });
  it('fractional exponents', () => {
    expect(lead('sqrt(w + w^3) - sqrt(w)')).toBe('1/2 w^5/2');
  });
});

describe('zero test with error bounds', () => {
  it('proves nonzero, accepts identities, refuses the undecidable', () => {
    expect(isIdenticallyZero(parse('log(2*x) - log(x) - log(2)'), [x])).toBe(true);
    expect(isIdenticallyZero(parse('exp(x)*exp(-x) - 1'), [x])).toBe(true);
    expect(isIdenticallyZero(parse('sin(x)^2 + cos(x)^2 - 1'), [x])).toBe(true);
    expect(isIdenticallyZero(parse('x - 1'), [x])).toBe(false);
    expect(isIdenticallyZero(parse('1/log(log(log(x)))^(7/6)'), [x])).toBe(false); // undefined at every sample, nonzero by form
    expect(() => isIdenticallyZero(parse('f(x)', { undefinedFunctions: true }), [x])).toThrow(UndecidedError);
  });
  it('signs of constants', () => {
    expect(constantSign(parse('pi - 3'))).toBe(1);
    expect(constantSign(parse('cos((1/3 - 4*pi)*3*pi/(24*pi - 2))'))).toBe(0); // = cos(−π/2) = 0
    expect(constantSign(parse('sqrt(2)*sqrt(3) - sqrt(6)'))).toBe(0);
  });
  it('equal exponents in different forms', () => {
    expect(sameConstant(parse('log(4/3)/log(2/3)'), parse('1 + log(2)/log(2/3)'))).toBe(true);
    expect(sameConstant(parse('log(3)/log(2)'), parse('log(5)/log(3)'))).toBe(false);
  });
});

describe('limits through Γ, ψ and the step functions (the held-out sample)', () => {
  const at = (e: string, p: string, dir: '+' | '-' | '+-' = '+-') => limit(parse(e), x, parse(p), dir);
  const value = (e: string, p: string, dir: '+' | '-' | '+-' = '+-') => {
    const r = at(e, p, dir);
    return r === OO ? Infinity : Number(toString(r)) || evaluate(r, {});
  };

  it("Stirling's formula with its remainder: Γ, factorial and ψ at +∞", () => {
    // n!/(√(2πn)·(n/e)ⁿ) → 1, and the next term of log n!: 1/(12n) − 1/(360n³)
    expect(value('factorial(x)/(sqrt(2*pi*x)*(x/E)**x)', 'oo')).toBeCloseTo(1, 12);
    expect(toString(at('x**3*(-x + (x + 1/2)*log(x) - log(factorial(x)) + log(2*pi)/2 + 1/(12*x))', 'oo'))).toBe('1/360');
    expect(toString(at('log(x**x)/log(gamma(x))', 'oo'))).toBe('1');
    expect(toString(at('binomial(x, 2)/x**2', 'oo'))).toBe('1/2'); // C(n, k) through Γ
    // ψ(x) = log x − 1/(2x) − 1/(12x²) + …, ψ′(x) = 1/x + …
    expect(toString(at('x*(polygamma(0, x) - log(x))', 'oo'))).toBe('-1/2');
    expect(toString(at('x**2*(polygamma(0, x) - log(x) + 1/(2*x))', 'oo'))).toBe('-1/12');
    expect(toString(at('x*polygamma(1, x)', 'oo'))).toBe('1');
    // ψ of ψ: e^(e^ψ(ψ(x)))/x → e^(−1/2) (SymPy's test_gruntz)
    expect(value('exp(exp(polygamma(0, polygamma(0, x))))/x', 'oo')).toBeCloseTo(Math.exp(-0.5), 12);
  });

  it('Γ off its poles: Γ(u) = Γ(u + n + 1)/(u⋯(u + n))', () => {
    expect(toString(at('1/gamma(x)', '0', '+'))).toBe('0');
    expect(toString(at('x*gamma(x)', '0', '+'))).toBe('1');
    expect(toString(at('gamma(x)/(gamma(x - 1)*gamma(x + 2))', '0', '+'))).toBe('-1');
    // Γ(−1 − t) = Γ(1 − t)/((−1 − t)(−t)) > 0
    expect(at('gamma(x)', '-1', '-')).toBe(OO);
    expect(value('x - gamma(1/x)', 'oo')).toBeCloseTo(0.5772156649015329, 12); // Euler's γ
  });

  it('floor and ceiling at an integer take the side the argument comes from', () => {
    expect(toString(at('floor(x)', '2', '-'))).toBe('1');
    expect(toString(at('floor(x)', '2', '+'))).toBe('2');
    expect(toString(at('ceiling(x)', '1', '+'))).toBe('2');
    expect(toString(at('floor(cos(x))', '0'))).toBe('0'); // cos x < 1 on both sides
    expect(toString(at('floor(-tan(x)/x)', '0'))).toBe('-2'); // tan x/x > 1
    expect(() => at('floor(x)', '2')).toThrow(/one-sided limits differ/);
    // floor(u)/u → 1 as u → ∞: t·floor(3/t) → 3
    expect(toString(at('x*floor(3/x)', '0', '+'))).toBe('3');
    expect(toString(at('floor(x)/x', 'oo'))).toBe('1');
  });
});

describe("Lambert's W at 0 (its Taylor coefficients (−k)^(k−1)/k!, where W′ = W/(u(1 + W)) is 0/0)", () => {
  const x = symbol('x');
  const at = (e: string, p: string, dir: '+' | '-' | '+-' = '+-') => toString(limit(parse(e), x, parse(p), dir));
  it('expands W at 0 and takes limits through it', () => {
    expect(toString(series(parse('LambertW(x)'), x, parse('0'), 5))).toBe('-8*x^4/3 + 3*x^3/2 - x^2 + x');
    expect(at('-LambertW(-log(x))/log(x)', '1', '+')).toBe('1'); // SymPy's test_issue_12571
    expect(at('(LambertW(x) - x)/x^2', '0')).toBe('-1');
    expect(at('x*(LambertW(exp(-x)/x) - exp(-x)/x)', 'oo')).toBe('0');
  });
});
