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
