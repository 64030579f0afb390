// The imaginary unit I: canonical arithmetic (I² = −1, √−r = I·√r, e^(I·π) = −1, 1/(a + b·I)),
// re/im/conjugate/abs, printing, and the real evaluators' refusal of complex values. Expected
// forms are SymPy 1.14's automatic results (test/reference/symbolic/complex.json, made by
// make-complex.py next to it): nabla's canonical form of the input must be the very node it
// builds from SymPy's printed answer (the forms differ only where nabla distributes a number over
// a sum: SymPy's (1 - I)/2 is nabla's 1/2 - I/2), and the complex value must agree.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import {
  E, I, ONE, NEG_ONE, PI, ZERO, abs, add, conjugate, diff, evaluate, evaluateComplex, exp, expand, im, int, lambdify, latex, mul, neg, parse, pow,
  pretty, rat, re, sqrt, symbol, toString, type Expr,
} from '../../../src/symbolic/index.js';
import { DomainError } from '../../../src/core/errors.js';
import { evalNumber, evalMany } from '../../../src/symbolic/walk/evaluate.js';

interface Ref {
  arith: Array<{ input: string; sympy: string; value: [number, number] }>;
  parts: Array<{ input: string; re: string; im: string; conjugate: string; abs: string }>;
}
const ref = JSON.parse(readFileSync(resolve(__dirname, '../../reference/symbolic/complex.json'), 'utf8')) as Ref;
const x = symbol('x');

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));

describe('the imaginary unit: canonical arithmetic against SymPy', () => {
  for (const c of ref.arith) {
    it(`${c.input} → ${c.sympy}`, () => {
      const e = parse(c.input);
      expect(toString(e)).toBe(toString(parse(c.sympy)));
      expect(e).toBe(parse(c.sympy));
      const v = evaluateComplex(e, { x: 0.7 });
      expect(close(v.re, c.value[0]) && close(v.im, c.value[1]), `${JSON.stringify(v)} vs ${c.value}`).toBe(true);
    });
  }

  it('I is the unit; i is an ordinary symbol', () => {
    expect(parse('I')).toBe(I);
    expect(parse('i').kind).toBe('Symbol');
    expect(mul(I, I)).toBe(NEG_ONE);
    expect(pow(I, -1)).toBe(neg(I));
    expect(pow(I, 4)).toBe(ONE);
    expect(pow(I, -6)).toBe(NEG_ONE);
    expect(sqrt(-9)).toBe(mul(3, I));
    expect(exp(mul(I, PI))).toBe(NEG_ONE);
    // Real cube roots stay (nabla reads (−8)^(1/3) as −2 on ℝ), and symbols are not split.
    expect(toString(parse('(-8)^(1/3)'))).toBe('(-8)^(1/3)');
    expect(toString(parse('sqrt(-x)'))).toBe('sqrt(-x)');
  });

  it('sums collect a + b·I; products of I reduce; expand multiplies out', () => {
    expect(toString(add(2, mul(3, I), I, -5))).toBe('-3 + 4*I');
    expect(toString(expand(parse('(1 + I)^3')))).toBe('-2 + 2*I');
    expect(expand(parse('(1 + I)*(1 - I)'))).toBe(int(2));
    expect(expand(parse('(2 - 3*I)*(4 + I)'))).toBe(parse('11 - 10*I'));
    expect(diff(parse('I*x^2 + exp(I*x)'), 'x')).toBe(parse('2*I*x + I*exp(I*x)'));
  });

  it('a float square root of a negative is I times the float root', () => {
    expect(toString(parse('sqrt(float(-2.25))'))).toBe('float(1.5)*I');
  });
});

describe('re, im, conjugate, abs', () => {
  for (const c of ref.parts) {
    it(c.input, () => {
      const e = parse(c.input);
      expect(re(e)).toBe(parse(c.re));
      expect(im(e)).toBe(parse(c.im));
      expect(conjugate(e)).toBe(parse(c.conjugate));
      expect(abs(e)).toBe(parse(c.abs));
    });
  }

  it('symbols are real: re(x + I*y) = x; exp(I*x) splits by Euler', () => {
    expect(re('x + I*y')).toBe(x);
    expect(im('x + I*y')).toBe(symbol('y'));
    expect(toString(conjugate('x + 2*I'))).toBe('x - 2*I');
    expect(toString(re('exp(I*x)'))).toBe('cos(x)');
    expect(toString(im('3*exp(I*x)'))).toBe('3*sin(x)');
    expect(toString(abs('x + I*y'))).toBe('sqrt(x^2 + y^2)');
    // Not written as a + b·I: left alone.
    expect(toString(re('sqrt(1 + I)'))).toBe('re(sqrt(1 + I))');
    expect(toString(re('(-1)^(1/4)'))).toBe('re((-1)^(1/4))');
  });

  it('the real and imaginary parts rebuild the number (random Gaussian rationals)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -20, max: 20 }), fc.integer({ min: 1, max: 9 }), (a, b, d) => {
        const z = add(rat(a, d), mul(rat(b, d), I));
        expect(add(re(z), mul(I, im(z)))).toBe(z);
        expect(conjugate(conjugate(z))).toBe(z);
        if (a !== 0 || b !== 0) expect(expand(mul(z, pow(z, -1)))).toBe(ONE);
        expect(expand(mul(z, conjugate(z)))).toBe(expand(pow(abs(z), 2)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('printing', () => {
  it('text I, pretty ⅈ (ASCII I), LaTeX i', () => {
    const e = parse('2 - 3*I*x');
    expect(toString(e)).toBe('-3*I*x + 2');
    expect(pretty(parse('2 + 3*I'))).toBe('2 + 3⋅ⅈ');
    expect(pretty(parse('2 + 3*I'), { ascii: true })).toBe('2 + 3*I');
    expect(latex(parse('2 + 3*I'))).toBe('2 + 3 i');
    expect(latex(parse('conjugate(sqrt(I))'))).toBe('\\overline{\\sqrt{i}}');
    expect(latex(parse('re(sqrt(1 + I))'))).toBe('\\operatorname{re}{\\left(\\sqrt{1 + i} \\right)}');
  });

  it('prints and parses back to the same node', () => {
    for (const t of ['I', '-I', '1/2 - sqrt(3)*I/2', 'I*pi', 'exp(I*x)', 'I^(1/2)', 'x + I*y', 'log(I)', 're(sqrt(1 + I))', 'conjugate(sqrt(I))'])
      expect(parse(toString(parse(t)))).toBe(parse(t));
  });
});

describe('evaluating: complex values are never a silent NaN', () => {
  it('evaluate gives a real value, else a DomainError naming the complex one', () => {
    expect(evaluate('(1 + I)*(1 - I)')).toBe(2);
    expect(evaluate('I^2*x', { x: 3 })).toBe(-3);
    expect(() => evaluate('1 + I')).toThrow(DomainError);
    expect(() => evaluate('1 + I')).toThrow(/complex \(1 \+ 1\*I\)/);
    expect(() => evaluate('x*I', { x: 2 })).toThrow(/evaluateComplex/);
  });

  it('evaluateComplex: principal branches, the real value where one exists', () => {
    expect(evaluateComplex('(1 + 2*I)*(3 - I)')).toEqual({ re: 5, im: 5 });
    expect(evaluateComplex('log(-1)')).toEqual({ re: 0, im: Math.PI });
    expect(evaluateComplex('(-8)^(1/3)')).toEqual({ re: -2, im: 0 });
    const w = evaluateComplex('exp(I*x)', { x: 1 });
    expect(close(w.re, Math.cos(1)) && close(w.im, Math.sin(1))).toBe(true);
    const s = evaluateComplex('sin(1 + I)');
    expect(close(s.re, Math.sin(1) * Math.cosh(1)) && close(s.im, Math.cos(1) * Math.sinh(1))).toBe(true);
    expect(() => evaluateComplex('erf(I)')).toThrow(DomainError);
    expect(() => evaluateComplex('x + I')).toThrow(/no value given for symbol 'x'/);
  });

  it('the algorithms’ evaluators give NaN at I; lambdify refuses it', () => {
    expect(evalNumber(parse('x + I'), new Map<Expr, number>([[x, 1]]))).toBeNaN();
    expect([...evalMany(parse('x*I'), x, [1, 2])].every(Number.isNaN)).toBe(true);
    expect(() => lambdify('x + I', ['x'])).toThrow(DomainError);
    expect(lambdify('x + I^2', ['x'])(3)).toBe(2);
  });

  it('E and pi are unchanged', () => {
    expect(evaluate(add(E, PI))).toBe(Math.E + Math.PI);
    expect(pow(E, ZERO)).toBe(ONE);
  });
});
