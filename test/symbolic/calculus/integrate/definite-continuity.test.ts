import { describe, it, expect } from 'vitest';
import { integrateDetailed, toString, evaluate, parse, symbol } from '../../../../src/symbolic/index.js';

const x = symbol('x');
const definite = (f: string, a: string, b: string) => integrateDetailed(parse(f), [x, parse(a), parse(b)]);

// Definite integrals whose antiderivative is continuous inside (a, b) although not entire (roots
// and logarithms of linear arguments of one sign there): F(b) − F(a) is taken without the
// quadrature cross-check. The values are exact (by hand: ∫₁ᵉ dx/x = 1, ∫₀¹ log x dx = −1, …).
describe('definite integrals: continuous antiderivatives at singular or infinite ends', () => {
  const cases: Array<[string, string, string, string, number]> = [
    ['1/x', '1', 'E', '1', 1],
    ['1/x', '-2', '-1', '-log(2)', -Math.LN2],
    ['log(x)', '0', '1', '-1', -1],
    ['x*log(x)', '0', '1', '-1/4', -0.25],
    ['1/sqrt(x)', '0', '1', '2', 2],
    ['1/sqrt(4 - x)', '0', '4', '4', 4],
    ['1/(x*(x + 1))', '1', '2', '2*log(2) - log(3)', Math.log(4 / 3)],
    ['exp(-x)/sqrt(x)', '0', 'oo', 'sqrt(pi)', Math.sqrt(Math.PI)],
  ];
  for (const [f, a, b, text, value] of cases) {
    it(`∫ ${f} over [${a}, ${b}] = ${text}`, () => {
      const r = definite(f, a, b);
      expect(r.method).toBe('symbolic');
      expect(toString(r.value)).toBe(text);
      expect(evaluate(r.value)).toBeCloseTo(value, 12);
    });
  }

  it('an infinite end value is a divergence (∫₀¹ dx/x, ∫₀^∞ √x)', () => {
    expect(toString(definite('1/x', '0', '1').value)).toBe('oo');
    expect(toString(definite('sqrt(x)', '0', 'oo').value)).toBe('oo');
  });

  it('an argument that changes sign inside keeps the cross-check: ∫₋₁¹ x^(1/3) = 0', () => {
    const r = definite('x^(1/3)', '-1', '1');
    expect(r.method).toBe('symbolic');
    expect(evaluate(r.value)).toBeCloseTo(0, 12);
  });
});

// Powers of a base with a proven sign (1 + eˣ > 0) are finite everywhere, so a definite integral
// with symbolic ends is F(b) − F(a) (before, `isEntire` refused them and the integral stayed).
describe('definite integrals with parameters: integrands continuous on all of ℝ through a proven sign', () => {
  it('∫₀ᵃ dx/(1 + eˣ) = a + log 2 − log(eᵃ + 1), ∫ₐᵇ eˣ/(1 + eˣ)² = 1/(eᵃ + 1) − 1/(eᵇ + 1)', () => {
    const r1 = definite('1/(1 + exp(x))', '0', 'a');
    expect(toString(r1.value)).toBe('a + log(2) - log(exp(a) + 1)');
    // By hand at a = 0.8: 0.8 + log 2 − log(e^0.8 + 1)
    expect(evaluate(r1.value, { a: 0.8 })).toBeCloseTo(0.8 + Math.LN2 - Math.log(Math.exp(0.8) + 1), 14);
    const r2 = definite('exp(x)/(1 + exp(x))^2', 'a', 'b');
    expect(evaluate(r2.value, { a: -0.3, b: 1.2 })).toBeCloseTo(1 / (Math.exp(-0.3) + 1) - 1 / (Math.exp(1.2) + 1), 14);
  });
  it('a base of unknown sign still refuses: ∫₀ᵃ dx/(x² − 2) stays unevaluated', () => {
    expect(definite('1/(x^2 - 2)', '0', 'a').value.kind).toBe('Integral');
  });
});
