// The rationalizing substitutions of rules/radical.ts (linear radicals, Chebyshev's binomial
// differentials, t = x/√(a + bx²)), logarithms at explicit roots (rules/roots.ts), Bioche's
// substitutions (rules/bioche.ts), (uᵏ)ᵖ clean-up and sign factors, and the exact check of
// rational antiderivatives. Each answer
// is checked here by central differences against the integrand, independently of integrate's
// own check, and each names the rule that made it.
import { describe, it, expect } from 'vitest';
import { parse } from '../../../../src/symbolic/parse/parse.js';
import { integrate } from '../../../../src/symbolic/calculus/integrate/index.js';
import { byRule, expectAntiderivative, x } from './by-rule.js';

const CASES: Array<[string, string, number[]]> = [
  // linear radicals: t = (A/B)^(1/q)
  ['x^(5/2)*sqrt(2 - 3*x)', 'linear radicals', [0.1, 0.4, 0.6]],
  ['sqrt(1 - x)/(x + 1)^(5/2)', 'linear radicals', [-0.5, 0.2, 0.9]],
  ['1/((2*x + 1/2)^(17/6)*(2*x + 1)^(7/6))', 'linear radicals', [0.3, 2, 5]],
  ['sqrt((x + 1)/(x - 1))', 'linear radicals', [-3, 1.5, 4]], // a power of a ratio of linear forms
  ['exp(-2*atanh(1/(2*x)))/(2 - 4*x)^(5/2)', 'linear radicals', [-3, -1, -0.7]], // e^(k·atanh u) = ((1 + u)/(1 − u))^(k/2)
  // Chebyshev: (m + 1)/n + p an integer, and (m + 1)/n an integer
  ['1/(x^2*(x^2/2 + 2)^(5/2))', 'binomial differential', [-2, 0.5, 3]],
  ['x^(3/2)/sqrt(x^5 + 1)', 'binomial differential', [0.3, 1.5, 4]],
  ['1/(x*(1 - x^2)^(2/3))', 'binomial differential', [-3, 0.5, 2]],
  // t = x/√(a + bx²)
  ['1/(sqrt(x^2 + 1)*(x^2 + 3)^2)', 'even radical of a binomial quadratic', [-1, 0.5, 2]],
  ['x^4/((x^2/2 + 2)*sqrt(3*x^2 + 3))', 'even radical of a binomial quadratic', [-1, 0.5, 2]],
  // R(x)·Q^(n/2): partial fractions of R·Q^((n+1)/2), u = 1/(x − r) at each pole
  ['sqrt(3*x^2 + x + 3)/((3 - x)^2*(3*x + 1))', 'rational function × √quadratic', [-2, 0.5, 4]],
  ['x^4*(x + 3)/(2*x^2 + x)^(5/2)', 'rational function × √quadratic', [-2, 0.5, 4]],
];

describe('rationalizing substitutions', () => {
  byRule(CASES);
});

describe('logarithms at explicit roots (irreducible factors of degree ≥ 3)', () => {
  const ROOTS: Array<[string, number[]]> = [
    ['1/(x^3 - 2)', [-1, 0.5, 3]], // binomial, a real root and a complex pair
    ['1/(2*x^4 - 1)', [-2, 0, 2]], // two real roots, one pair
    ['(x^4 + 1)/(x^8 - 3*x^4 + 1)', [-2, 0.3, 2]], // (x⁴ − x² − 1)(x⁴ + x² − 1): quadratics in x²
    ['(1 - x^4)/(x^8 - 5*x^4 + 1)', [-2, 0.3, 2]], // a quadratic in x⁴, real y
    ['1/(x^6 + x^3 + 1)', [-2, 0.3, 2]], // a quadratic in x³ with complex y
    ['(x^3 + 3)^2/(2*x^3 - 1)^2', [-2, 0.3, 2]], // Hermite reduction first
  ];
  byRule(ROOTS.map(([text, points]) => [text, 'logarithms at explicit roots', points]));
  it('declines a factor whose roots it cannot write (x⁵ + x + 3 is not solvable by these forms)', () => {
    expect(integrate(parse('1/(x^5 - x + 3)'), x).kind).toBe('Integral');
  });
});

describe('Bioche substitutions and powers of powers', () => {
  const TRIG: Array<[string, string, number[]]> = [
    ['sqrt(2*sin(x) + 2)*cos(x)^7', 'Bioche substitution', [-1, 0.5, 2]], // t = sin x
    ['cot(x)/sqrt(3 - cos(x))', 'Bioche substitution', [-2, 0.5, 2]], // t = cos x
    ['1/(2*csc(x)^2 + 1)', 'Bioche substitution', [-2, 0.5, 1]], // t = tan x
    ['(sin(x) + cos(x))^(-6)', 'Bioche substitution', [-0.5, 0.5, 1]], // (t·C + C)⁻⁶ = C⁻⁶(t + 1)⁻⁶
    ['(cosh(x)^(-2))^(3/2)', 'Bioche substitution', [-1, 0.5, 2]], // = cosh⁻³x, t = sinh x
    ['(csc(x)^2)^(-5/2)', 'sign factor', [-2, 0.5, 4]], // = sign(sin x)·sin⁵x
    ['(sinh(x)^(-2))^(-3/2)', 'sign factor', [-2, 0.5, 1]], // = sign(sinh x)·sinh³x
    ['sqrt(tanh(x)^3)', 'Bioche substitution', [0.2, 1, 3]], // = tanh^(3/2)x, where defined
    ['(tanh(x - 1)^(-4))^(1/3)', 'Bioche substitution', [-1, 0.5, 3]], // = tanh^(−4/3)(x − 1) ≥ 0
  ];
  byRule(TRIG);
});

describe('rational antiderivatives are checked exactly', () => {
  it('∫ (x + 1)^30·(x − 1)^30: the expanded answer cancels to nearly nothing near x = 1, beyond a floating-point check', () => {
    for (const n of [20, 30, 50]) {
      const f = parse(`(x + 1)^${n}*(x - 1)^${n}`);
      const F = integrate(f, x);
      expect(F.kind).not.toBe('Integral');
      // Far from x = 1 the values are accurate enough for a difference quotient.
      expectAntiderivative(f, F, [-0.3, 0.2]);
    }
  });
});

describe('exponentials times rational functions', () => {
  const EXP: Array<[string, string, number[]]> = [
    ['exp(6*x + 9)/(4*x^2 + 4*x + 1)', 'exponential × rational function', [-2, 0.5, 1]], // (2x + 1)² found by partial fractions
    ['(x + 1)^4*exp(-x - 1)/(x + 3)^4', 'exponential × rational function', [-5, 0.5, 2]],
    ['2^(x - 3)/(2*x + 1)^5', 'exponential × rational function', [-2, 0.5, 3]], // 2ᵘ = e^(u·log 2)
    ['exp(6*x)/(exp(4*x) + 1)', 'u-substitution', [-1, 0.5, 1]], // u = e^(2x), the gcd of the rates
    ['exp(-x^2)/x^6', 'parts: negative power', [-2, 0.5, 1]], // down to erf
    ['erf(x)/x^7', 'parts: inverse function × power of x', [-2, 0.5, 1]], // u = erf x
    ['Ei(x)/x^3', 'parts: inverse function × power of x', [-2, 0.5, 1]], // u = Ei x
    ['x^3*cos(x/2)*Si(x/2)', 'parts: LIATE', [-2, 0.5, 3]], // u = Si(x/2)
    // log(2/x³) = log 2 − 3·log x, x·A + x/2 = x·(A + 1/2): then u = log x
    ['1/(x*log(2/x^3) + x/2)', 'u-substitution', [0.3, 2, 5]],
    ['1/(x^3*(2*log(x^3/2) - 1)^2)', 'u-substitution', [0.3, 2, 5]],
    // sin(αx + β)/(γx + δ): shift, angle sum, Si and Ci
    ['sin(x)/(2*x + 1/2)', 'special functions', [-2, 0.5, 3]],
    ['cos(3*x + 2)/x', 'special functions', [0.5, 3]],
    ['3^(3*x/2 - 1)*cos(x + 1/2)', 'cyclic parts', [-2, 0.5, 3]], // Bᵘ·cos v with α = a·log B
  ];
  byRule(EXP);
});
