/**
 * Second hunt: calculus-final and SymPy-test-suite style cases, with expected values computed by
 * SymPy 1.14 offline (literal values below; the test never calls Python). Antiderivatives are
 * checked by differentiating back at sample points; definite integrals, limits, Taylor
 * coefficients and roots against exact values.
 */
import { describe, it, expect } from 'vitest';
import { backCheck, definiteCases, freeOfFloats, P, S, seriesCases, V, x } from '../hunt-harness.js';
import { parse } from '../../../src/symbolic/parse/parse.js';
import { symbol, type Expr } from '../../../src/symbolic/expr/expr.js';
import { LimitError } from '../../../src/core/errors.js';
import { diff, evaluate, toString, integrate, limit, seriesCoefficients, solve } from '../../../src/symbolic/index.js';

const POINTS = [0.13, 0.29, 0.41, 0.58, 0.77, 0.93, 1.37, 1.9, 2.6, 3.3, 4.7, -0.35, -0.74, -1.6, -2.9, 5.5, -3.7, -4.4];

const INTEGRALS: string[] = [
  // trigonometric substitution with a ≠ 1
  'sqrt(9-x^2)',
  'sqrt(x^2+9)',
  'x^2/sqrt(4-x^2)',
  '1/(x^2*sqrt(x^2+9))',
  '1/(x^2*sqrt(9-x^2))',
  'x^3*sqrt(1-x^2)',
  'x^3/sqrt(x^2+4)',
  '1/(4-x^2)^(3/2)',
  'sqrt(x^2-9)/x',
  // exponential substitution
  'exp(x)/sqrt(1-exp(2*x))',
  'exp(x)/(exp(2*x)+4)',
  'exp(2*x)/(1+exp(x))',
  '1/(exp(x)+exp(-x))',
  '1/cosh(x)',
  'exp(x)*cos(exp(x))',
  // trig powers and products
  'cos(x)^3/sqrt(sin(x))',
  'tan(x)^3*sec(x)',
  'sin(3*x)*cos(5*x)',
  'cos(2*x)*cos(6*x)',
  'sin(x)^4*cos(x)^3',
  'sec(x)^4',
  'tan(x)^4',
  'cot(x)^3',
  'csc(x)^3',
  'sin(x)/cos(x)^3',
  'sin(2*x)/(1+cos(x)^2)',
  '1/(1-sin(x))',
  'sin(x)^2*cos(x)^4',
  // by parts
  'x^2*exp(3*x)',
  'x*sinh(x)',
  'x*cosh(2*x)',
  'atan(sqrt(x))',
  'x*log(x)^2',
  'log(x^2+1)',
  'x^2*atan(x)',
  'x*asin(x)',
  'exp(2*x)*cos(3*x)',
  'x*sec(x)^2',
  'x^2*log(x)',
  'log(x)/sqrt(x)',
  'sqrt(x)*log(x)',
  'x*2^x',
  'x*exp(2*x)*cos(x)',
  // rational
  'x/(1+x^4)',
  '1/(x*(x^2+1)^2)',
  '(x^2+1)/(x^3+3*x+1)',
  '(2*x+3)/(x^2+2*x+5)',
  '1/(x^3-x)',
  'x^4/(x^2+1)',
  '(x^3+x)/(x^4+2*x^2+1)',
  '1/((x-1)^2*(x+2))',
  '(5*x^2+3*x-2)/(x^3+2*x^2)',
  '1/(x^4+4)',
  '1/(x^3+8)',
  '(x+1)/(x^2+1)^2',
  // algebraic
  'x*sqrt(2*x+1)',
  'x/sqrt(x+1)',
  '1/(1+sqrt(x))',
  'sqrt(x)/(1+x)',
  '1/(x*sqrt(x+1))',
  'x^2*sqrt(x^3+1)',
  '(1+x)^(1/3)',
  'sqrt(1-4*x^2)',
  '1/sqrt(2*x-x^2)',
  '1/sqrt(x^2+4*x+13)',
  // hyperbolic
  'sinh(x)^2',
  'sinh(x)^3',
  'tanh(x)^2',
  'sinh(x)*cosh(x)',
  'exp(x)*sinh(x)',
  // substitution
  'x/(x^2+1)^3',
  'sin(x)^3*cos(x)',
  'cos(sqrt(x))/sqrt(x)',
  'exp(1/x)/x^2',
  'log(x)^2/x',
  'sec(x)^2/(1+tan(x))',
  'atan(x)/(1+x^2)',
  '1/(x*log(x)^2)',
  'x^5*exp(x^3)',
  'sin(x)*cos(x)/(1+sin(x)^2)',
  // a further round: SymPy test-suite style
  'x^2*exp(3*x)*sin(x)',
  'sin(x)^3/cos(x)^4',
  '1/(sin(x)*cos(x))',
  'x^3*exp(-x^2)',
  'sin(sqrt(x))',
  'x*acos(x)',
  'atan(x)/x^2',
  'log(x)/(x*sqrt(1+log(x)))',
  '1/(x^2*(x^2+1))',
  'x^3/(x^2+1)^2',
  '1/(x^4-x^2)',
  '(x+2)/(x^2-4*x+8)',
  '1/(x*(x^3+1))',
  'cos(x)^5',
  'sin(x)^6',
  'tan(x)*sec(x)^3',
  'cot(x)*csc(x)^2',
  '1/(1+tan(x))',
  'sin(x)/(1+cos(x))',
  'exp(x)/(exp(2*x)-1)',
  'exp(-x)/(1+exp(-x))',
  'x*exp(x^2)*cos(exp(x^2))',
  'log(sqrt(x))',
  'log(x+sqrt(x^2+1))',
  'x*log(x^2+1)',
  'sqrt(x)*exp(sqrt(x))',
  'x/(x^2+2*x+2)',
  '(x^2-1)/(x^2+1)',
  'exp(x)*log(1+exp(x))',
  'cos(x)*log(sin(x))',
  '1/(x*(1+log(x)))',
  'sin(x)*cos(x)^(2/3)',
  'sin(x)^5*cos(x)^(1/3)',
  'asinh(x)',
  'acosh(x)',
  'atanh(x)',
  'x*atanh(x)',
  '1/(cosh(x)^2)',
  'exp(x)*cosh(x)',
  'sinh(x)/cosh(x)^2',
  'cosh(x)^3',
  'x^2*sinh(x)',
  'exp(-x)*cosh(x)',
  'x/cosh(x)^2',
  'cos(x)^2*sin(2*x)',
  'sin(2*x)*exp(sin(x))',
  'tan(2*x)',
  'sin(x)^(1/3)*cos(x)^3',
  'cos(x)/(sin(x)^2-5*sin(x)+6)',
  '(1+x^2)/(1+x)^3',
  'x^2/(1-x^2)^(3/2)',
  'sqrt(x^2+4)/x^2',
  'x^5*sqrt(1+x^3)',
  '1/(x^3*sqrt(x^2-1))',
  'sin(4*x)/cos(2*x)',
  'cos(x)^3*sin(x)^(3/2)',
];

describe('hunt 2: indefinite integrals (differentiated back)', () => {
  it.each(INTEGRALS)('∫ %s dx', (s) => {
    const f = P(s);
    const F = integrate(f, x);
    expect(F.kind, `${s} stayed unevaluated`).not.toBe('Integral');
    expect(backCheck(f, F, POINTS), `${s}: too few sample points`).toBeGreaterThanOrEqual(3);
  });
});

describe('hunt 2: the rules added for this hunt give tidy closed forms', () => {
  it.each([
    // N/D with N ≡ c·D′ (mod D): c·log|D| even when D has an irrational cubic root
    ['(x^2+1)/(x^3+3*x+1)', 'log(abs(x^3 + 3*x + 1))/3'],
    // odd power of cos with a fractional power of sin: w = sin x, a sum of powers of w
    ['cos(x)^3/sqrt(sin(x))', '-2*sin(x)^(5/2)/5 + 2*sqrt(sin(x))'],
    ['cos(x)^3*sin(x)^(3/2)', '-2*sin(x)^(9/2)/9 + 2*sin(x)^(5/2)/5'],
    // multiple angles: sin 2x = 2 sin x cos x, then Bioche's t = sin x (1 + cos²x = 2 − sin²x)
    ['sin(2*x)/(1+cos(x)^2)', '-log(abs(sin(x)^2 - 2))'],
    ['sin(4*x)/cos(2*x)', '-cos(2*x)'],
  ])('∫ %s dx = %s', (s, want) => {
    expect(S(integrate(P(s), x))).toBe(want);
  });
});

describe('hunt 2: out of scope stays an unevaluated Integral (never a wrong answer, never a hang)', () => {
  it.each(['sqrt(x^3+1)', 'sqrt(2+cos(x))', 'cos(2*x)*exp(sin(x)+cos(x))', 'sech(x)'])('∫ %s dx', (s) => {
    expect(integrate(parse(s, { undefinedFunctions: true }), x).kind).toBe('Integral');
  });
});

// [integrand, a, b, exact value as text (SymPy)]
const DEFINITE: [string, string, string, string][] = [
  ['sin(x)^5', '0', 'pi/2', '8/15'],
  ['x^2*exp(-2*x)', '0', 'oo', '1/4'],
  ['x*log(1+x)', '0', '1', '1/4'],
  ['log(x)^2', '1', 'E', 'E - 2'],
  ['1/(1+x^4)', '0', 'oo', 'sqrt(2)*pi/4'],
  ['exp(-x^2/2)', '-oo', 'oo', 'sqrt(2)*sqrt(pi)'],
  ['x^3*sqrt(1-x^2)', '0', '1', '2/15'],
  ['1/(x^2+9)', '0', '3', 'pi/12'],
  ['x*sinh(x)', '0', '1', 'exp(-1)'],
  ['cos(x)^4', '0', 'pi', '3*pi/8'],
  ['sqrt(4-x^2)', '0', '2', 'pi'],
  ['1/(x*(x^2+1)^2)', '1', 'oo', 'log(2)/2 - 1/4'],
  ['x^2*log(x)', '0', '1', '-1/9'],
  ['exp(-x)*sin(2*x)', '0', 'oo', '2/5'],
  ['1/((x+1)*sqrt(x))', '0', 'oo', 'pi'],
  ['tan(x)', '0', 'pi/4', 'log(2)/2'],
  ['1/cosh(x)', '-oo', 'oo', 'pi'],
  ['atan(x)/(1+x^2)', '0', '1', 'pi^2/32'],
];

definiteCases('hunt 2: definite and improper integrals', DEFINITE);

// [expression, point, direction, exact value (SymPy)]
const LIMITS: [string, string, '+' | '-' | '+-', string][] = [
  ['(1+sin(x))^(1/x)', '0', '+-', 'E'],
  ['(tan(x)-x)/x^3', '0', '+-', '1/3'],
  ['x*sin(1/x)', 'oo', '+-', '1'],
  ['(exp(x)-exp(-x))/x', '0', '+-', '2'],
  ['(1-cos(2*x))/(x*sin(x))', '0', '+-', '2'],
  ['x^2*exp(-x)', 'oo', '+-', '0'],
  ['(x-1)/log(x)', '1', '+-', '1'],
  ['x^(1/(x-1))', '1', '+-', 'E'],
  ['cos(x)^(1/x^2)', '0', '+-', 'exp(-1/2)'],
  ['sqrt(x^2+x)-x', 'oo', '+-', '1/2'],
  ['(1+2/x)^(3*x)', 'oo', '+-', 'exp(6)'],
  ['(asin(x)-x)/x^3', '0', '+-', '1/6'],
  ['log(cos(x))/x^2', '0', '+-', '-1/2'],
  ['(exp(x)-1-x-x^2/2)/x^3', '0', '+-', '1/6'],
  ['x^sin(x)', '0', '+', '1'],
  ['1/x-1/sin(x)', '0', '+-', '0'],
  ['1/log(x)-1/(x-1)', '1', '+-', '1/2'],
  ['x*(exp(1/x)-1)', 'oo', '+-', '1'],
  ['(2*x+1)/(x-3)', '3', '+', 'oo'],
  ['(2*x+1)/(x-3)', '3', '-', '-oo'],
  ['tan(x)', 'pi/2', '-', 'oo'],
  ['tan(x)', 'pi/2', '+', '-oo'],
  ['exp(1/x)', '0', '-', '0'],
  ['exp(1/x)', '0', '+', 'oo'],
  ['log(x)/(x-1)', '1', '+-', '1'],
  ['sinh(x)/exp(x)', 'oo', '+-', '1/2'],
  ['(x+sin(x))/x', 'oo', '+-', '1'],
  ['sqrt(x)*log(x)', '0', '+', '0'],
  ['(3^x-2^x)/x', '0', '+-', 'log(3) - log(2)'],
  ['atan(1/x)', '0', '-', '-pi/2'],
  ['atan(1/x)', '0', '+', 'pi/2'],
  ['x^(1/x)', 'oo', '+-', '1'],
  ['x*sin(1/x)', '0', '+-', '0'],
  ['log(x)/sqrt(x)', 'oo', '+-', '0'],
  ['x^3*exp(-x^2)', 'oo', '+-', '0'],
  ['(1+1/x^2)^x', 'oo', '+-', '1'],
  ['(x/(x+1))^x', 'oo', '+-', 'exp(-1)'],
  ['(x+cos(x))/(x+1)', 'oo', '+-', '1'],
  ['(x^2+sin(x))/x^2', 'oo', '+-', '1'],
  ['(sin(x)/x)^(1/x^2)', '0', '+-', 'exp(-1/6)'],
  ['(x-tan(x))/(x-sin(x))', '0', '+-', '-2'],
  ['x^2*(1-cos(1/x))', 'oo', '+-', '1/2'],
  ['(1+x)^(1/x)', 'oo', '+-', '1'],
  ['(x+1)/sqrt(x^2+1)', '-oo', '+-', '-1'],
  ['(sqrt(1+x)-sqrt(1-x))/x', '0', '+-', '1'],
  ['(x^x-1)/(x*log(x))', '0', '+', '1'],
  ['sin(x)^x', '0', '+', '1'],
  ['(1-x)^(1/x)', '0', '+-', 'exp(-1)'],
  ['abs(x-1)/(x-1)', '1', '+', '1'],
  ['abs(x-1)/(x-1)', '1', '-', '-1'],
  ['(cos(x)-cos(3*x))/x^2', '0', '+-', '4'],
  ['exp(x)/(1+exp(x))', '-oo', '+-', '0'],
  ['x^(1/log(x))', '0', '+', 'E'],
  ['log(x)^(1/x)', 'oo', '+-', '1'],
  ['x*tan(1/x)', 'oo', '+-', '1'],
  ['(3*x^3-x)/(2*x^3+x^2)', '-oo', '+-', '3/2'],
  ['(exp(2*x)-1)/sin(x)', '0', '+-', '2'],
  ['log(x)^2/x', 'oo', '+-', '0'],
  ['exp(-1/x)/x^2', '0', '+', '0'],
  ['tan(x)*log(x)', '0', '+', '0'],
];

describe('hunt 2: limits', () => {
  it.each(LIMITS)('lim %s as x → %s (%s)', (s, to, dir, want) => {
    const r = limit(P(s), x, P(to), dir);
    if (want === 'oo' || want === '-oo') expect(S(r)).toBe(want);
    else expect(evaluate(r)).toBeCloseTo(V(want), 13);
  });
  // Not yet decided by the rule set (the work budget runs out first): a LimitError is
  // acceptable, a wrong value is not. Values from SymPy.
  it.each([
    ['(2*x+sin(x))/(x-cos(x))', 'oo', '+-', '2'],
    ['(x^2+x*sin(x))/(x^2+1)', 'oo', '+-', '1'],
    ['(1/x)^tan(x)', '0', '+', '1'],
    ['(exp(x)+x)^(1/x)', 'oo', '+-', 'E'],
    ['log(1+exp(x))/x', 'oo', '+-', '1'],
    ['x*(pi/2-atan(x))', 'oo', '+-', '1'],
    ['sqrt(x+sqrt(x))-sqrt(x)', 'oo', '+-', '1/2'],
  ] as const)('lim %s as x → %s (%s): right or a LimitError', (s, to, dir, want) => {
    let r: Expr;
    try {
      r = limit(P(s), x, P(to), dir);
    } catch (err) {
      expect(err).toBeInstanceOf(LimitError);
      return;
    }
    expect(evaluate(r)).toBeCloseTo(V(want), 13);
  });
});

// [expression, x0, exact coefficients (SymPy)]
const SERIES: [string, string, string[]][] = [
  ['x/(exp(x)-1)', '0', ['1', '-1/2', '1/12', '0', '-1/720', '0', '1/30240']],
  ['sec(x)', '0', ['1', '0', '1/2', '0', '5/24', '0', '61/720']],
  ['log(cos(x))', '0', ['0', '0', '-1/2', '0', '-1/12', '0', '-1/45']],
  ['asin(x)', '0', ['0', '1', '0', '1/6', '0', '3/40', '0']],
  ['cosh(x)', '0', ['1', '0', '1/2', '0', '1/24', '0', '1/720']],
  ['tanh(x)', '0', ['0', '1', '0', '-1/3', '0', '2/15', '0']],
  ['exp(sin(x))', '0', ['1', '1', '1/2', '0', '-1/8', '-1/15', '-1/240']],
  ['1/cos(x)^2', '0', ['1', '0', '1', '0', '2/3', '0', '17/45']],
  ['(1+x)^(3/2)', '0', ['1', '3/2', '3/8', '-1/16', '3/128', '-3/256', '7/1024']],
  ['atanh(x)', '0', ['0', '1', '0', '1/3', '0', '1/5', '0']],
  ['log(1+x)/(1+x)', '0', ['0', '1', '-3/2', '11/6', '-25/12', '137/60', '-49/20']],
  ['exp(x)/(1-x)', '0', ['1', '2', '5/2', '8/3', '65/24', '163/60', '1957/720']],
  ['log(x)', '1', ['0', '1', '-1/2', '1/3', '-1/4']],
  ['sqrt(x)', '1', ['1', '1/2', '-1/8', '1/16', '-5/128']],
  ['x^x', '1', ['1', '1', '1', '1/2', '1/3']],
  ['exp(x)/x', '1', ['E', '0', 'E/2', '-E/3', '3*E/8']],
];

seriesCases('hunt 2: Taylor series (exact coefficients)', SERIES);

// [equation, exact real solutions ascending (SymPy)]
const SOLVE: [string, string[]][] = [
  ['x^3 - 6*x^2 + 11*x - 6', ['1', '2', '3']],
  ['2^x = 8', ['3']],
  ['exp(2*x) - 3*exp(x) + 2 = 0', ['0', 'log(2)']],
  ['x^4 - 16', ['-2', '2']],
  ['sqrt(x+1) = x - 1', ['3']],
  ['x^3 - 2*x^2 - x + 2', ['-1', '1', '2']],
  ['x^4 - 10*x^2 + 9', ['-3', '-1', '1', '3']],
  ['3^(x+1) = 27', ['2']],
  ['log(x, 2) = 3', ['8']],
  ['exp(x) - exp(-x) = 0', ['0']],
  ['x + 1/x = 2', ['1']],
  ['sqrt(2*x+3) = x', ['3']],
  ['x^2 - 2*x - 1', ['1 - sqrt(2)', '1 + sqrt(2)']],
  ['2*x^3 - 3*x^2 - 3*x + 2', ['-1', '1/2', '2']],
  ['log(x)^2 - log(x) = 0', ['1', 'E']],
  ['x*exp(x) = 0', ['0']],
  ['x^6 - 1', ['-1', '1']],
  ['(x-2)^3 = 8', ['4']],
  ['exp(x)^2 = 4', ['log(2)']],
  ['abs(x-1) = 2', ['-1', '3']],
  ['exp(2*x) - 5*exp(x) + 6', ['log(2)', 'log(3)']],
  ['log(x^2) = 2', ['-E', 'E']],
  ['sqrt(x) + 2 = x', ['4']],
  ['x^(2/3) = 4', ['8']],
  ['2^(2*x) - 3*2^x + 2 = 0', ['0', '1']],
  ['x^3 + x - 2', ['1']],
  ['x*log(x) = 0', ['1']],
  ['(x+1)/(x-1) = 3', ['2']],
  ['x^5 - x', ['-1', '0', '1']],
  ['sqrt(x-3) + sqrt(x) = 3', ['4']],
  ['exp(x) + exp(-x) = 2', ['0']],
  ['x^4 + x^2 - 6', ['-sqrt(2)', 'sqrt(2)']],
  ['log(x+2) - log(x) = log(3)', ['1']],
  ['abs(2*x+1) = 5', ['-3', '2']],
  ['9^x = 3', ['1/2']],
  ['4*x^3 - 12*x^2 + 9*x - 2', ['1/2', '2']],
];

describe('hunt 2: solve (real solutions)', () => {
  it.each(SOLVE)('%s', (eq, want) => {
    const got = solve(eq, 'x').map((e) => evaluate(e)).sort((a, b) => a - b);
    expect(got).toHaveLength(want.length);
    got.forEach((g, i) => expect(g).toBeCloseTo(V(want[i]!), 12));
  });
  it('a numeric root where the equation vanishes exactly at a small rational is reported exactly', () => {
    expect(solve('2^(2*x) - 3*2^x + 2 = 0', 'x').map(S)).toEqual(['0', '1']);
    expect(solve('sqrt(x-3) + sqrt(x) = 3', 'x').map(S)).toEqual(['4']);
    expect(solve('x^x = 4', 'x').map(S)).toEqual(['2']);
    expect(solve('3^x + 4^x = 5^x', 'x').map(S)).toEqual(['2']);
    // an irrational root stays a float, never snapped to a nearby rational
    const r = solve('x^5 - x - 1', 'x');
    expect(r).toHaveLength(1);
    expect(S(r[0]!)).toMatch(/^float\(1\.1673039782614/);
  });
});

