// Assumptions on symbols (SymPy's positive/negative/real/integer/nonzero): what each part of the
// engine concludes from them. Expected values are exact math (∫ e^(−a·x²) over ℝ = √(π/a), …).
import { describe, it, expect } from 'vitest';
import { parse } from '../../../src/symbolic/parse/parse.js';
import { symbol, symbols, OO, NEG_OO } from '../../../src/symbolic/expr/expr.js';
import { toString } from '../../../src/symbolic/print/text.js';
import { simplify, integrate, limit, solve } from '../../../src/symbolic/index.js';
import { ArgumentError, LimitError } from '../../../src/core/errors.js';

const assume = { a: { positive: true }, b: { negative: true }, n: { integer: true } } as const;
const P = (s: string) => parse(s, { assume });
const S = (s: string) => toString(P(s));
const x = symbol('x');

describe('symbols with assumptions', () => {
  it('are distinct symbols that print alike', () => {
    const a = symbol('a', { positive: true });
    expect(a).not.toBe(symbol('a'));
    expect(a).toBe(symbol('a', { positive: true, real: true })); // implied facts add nothing
    expect(a.assume).toMatchObject({ positive: true, real: true, nonzero: true, nonnegative: true });
    expect(toString(a)).toBe('a');
    expect(P('a')).toBe(a);
    expect(symbols('p q', { negative: true }).map((s) => s.assume?.negative)).toEqual([true, true]);
  });
  it('reject contradictions and unknown facts', () => {
    expect(() => symbol('a', { positive: true, negative: true })).toThrow(ArgumentError);
    expect(() => symbol('a', { prime: true } as never)).toThrow(ArgumentError);
    expect(() => symbol('a', { positive: false })).toThrow(ArgumentError);
  });
});

describe('canonical forms use them (as SymPy does)', () => {
  it.each([
    ['sqrt(a^2)', 'a'],
    ['sqrt(b^2)', '-b'],
    ['abs(a)', 'a'],
    ['abs(b)', '-b'],
    ['abs(a^3*b^2 + a)', 'a^3*b^2 + a'],
    ['sign(a*b)', '-1'],
    ['(a^2)^(3/2)', 'a^3'],
    ['sqrt(4*a^2)', '2*a'],
    ['abs(a - 1)', 'abs(a - 1)'], // unknown sign: unchanged
  ])('%s = %s', (e, want) => expect(S(e)).toBe(want));
  it('without assumptions nothing changes', () => {
    expect(toString(parse('sqrt(a^2)'))).toBe('sqrt(a^2)');
    expect(toString(simplify('sqrt(a^2)'))).toBe('abs(a)');
  });
});

describe('integrate', () => {
  it('Gaussians and Laplace-type integrals with a positive parameter', () => {
    expect(integrate(P('exp(-a*x^2)'), [x, NEG_OO, OO])).toBe(P('sqrt(pi)/sqrt(a)'));
    expect(integrate(P('exp(-a*x^2)'), [x, 0, OO])).toBe(P('sqrt(pi)/(2*sqrt(a))'));
    expect(integrate(P('exp(-x^2/(2*a^2))'), [x, NEG_OO, OO])).toBe(P('sqrt(2)*sqrt(pi)*a'));
    expect(integrate(P('x^2*exp(-a*x)'), [x, 0, OO])).toBe(P('2/a^3'));
    expect(integrate(P('exp(b*x^2)'), [x, NEG_OO, OO])).toBe(P('sqrt(pi)/sqrt(-b)'));
  });
  it('without the assumption the sign of a is unknown: left unevaluated', () => {
    expect(integrate(parse('exp(-a*x^2)'), [x, NEG_OO, OO]).kind).toBe('Integral');
  });
});

describe('limit', () => {
  it('uses the signs of parameters', () => {
    expect(limit(P('x^a'), x, OO)).toBe(OO);
    expect(toString(limit(P('x^b'), x, OO))).toBe('0');
    expect(toString(limit(P('exp(-a*x)*x^10'), x, OO))).toBe('0');
    expect(limit(P('exp(a*x)/x^100'), x, OO)).toBe(OO);
  });
  it('without assumptions an unknown sign is not guessed', () => {
    expect(() => limit(parse('x^y'), x, OO)).toThrow(LimitError); // was 1 before: a wrong answer
    expect(() => limit(parse('exp(y*x)'), x, OO)).toThrow(LimitError);
  });
});

describe('solve', () => {
  const xp = symbol('x', { positive: true });
  const sol = (s: string, v = xp) => solve(parse(s, { assume: { ...assume, x: { positive: true } } }), v).map(toString);
  it('keeps the solutions the unknown allows', () => {
    expect(sol('x^2 - 4')).toEqual(['2']);
    expect(sol('x^3 - x')).toEqual(['1']);
    expect(sol('x^2 - a')).toEqual(['sqrt(a)']);
    const xi = symbol('x', { integer: true });
    expect(solve(parse('(2*x - 1)*(x - 3)', { assume: { x: { integer: true } } }), xi).map(toString)).toEqual(['3']);
  });
  it('drops roots the parameters make non-real', () => {
    expect(solve(P('x^2 + a'), x)).toEqual([]);
    expect(solve(P('x^2 + b'), x).map(toString)).toEqual(['-sqrt(-b)', 'sqrt(-b)']);
  });
});


describe('an integer symbol in trig arguments (SymPy 1.14: n = Symbol("n", integer=True))', () => {
  // [input, SymPy's result]; both parsed with the same assumptions, so equal means the same node.
  const cases: [string, string][] = [
    ['sin(n*pi)', '0'],
    ['tan(n*pi)', '0'],
    ['cos(n*pi)', '(-1)^n'],
    ['cos(2*n*pi)', '1'],
    ['cos(3*n*pi)', '(-1)^n'],
    ['sec(n*pi)', '(-1)^n'], // SymPy: (-1)**(-n), the same value for integer n
    ['cos(pi*(n + 1))', '(-1)^(n + 1)'],
    ['cos(n*pi + x)', '(-1)^n*cos(x)'],
    ['sin(x + 2*n*pi)', 'sin(x)'],
    ['tan(x + n*pi)', 'tan(x)'],
    ['sin(n*pi/2)', 'sin(n*pi/2)'], // not an integer multiple of π: unchanged
    ['csc(n*pi)', 'csc(n*pi)'], // a pole: left alone
  ];
  for (const [input, want] of cases) it(`${input} = ${want}`, () => expect(P(input)).toBe(P(want)));

  it('a symbol without the assumption is left alone', () => {
    expect(toString(parse('sin(m*pi)'))).toBe('sin(pi*m)');
    expect(toString(parse('cos(m*pi + x)'))).toBe('cos(pi*m + x)');
  });

  it('Fourier-coefficient integrals come out in closed form (SymPy gives the same)', () => {
    const k = { assume: { k: { integer: true, nonzero: true } } } as const;
    const I = (e: string, a: string, b: string) => integrate(parse(e, k), [x, parse(a), parse(b)]);
    expect(I('sin(k*x)', '0', 'pi')).toBe(parse('-(-1)^k/k + 1/k', k));
    expect(I('x*sin(k*x)', '-pi', 'pi')).toBe(parse('-2*(-1)^k*pi/k', k));
    expect(I('cos(k*x)^2', '0', '2*pi')).toBe(parse('pi', k));
  });
});
