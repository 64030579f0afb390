import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { diff, jacobian, latex, parse, pretty, symMatrix, toString } from '../../../src/symbolic/index.js';

const battery = JSON.parse(readFileSync(resolve(__dirname, '../../reference/symbolic/battery.json'), 'utf8'));
const readme = readFileSync(resolve(__dirname, '../../reference/course/README.md'), 'utf8');

describe('pretty (SymPy 2-D style)', () => {
  it('prints the lesson 04 Jacobian exactly as the course README', () => {
    const block = /## 04 Jacobian[\s\S]*?```\n([\s\S]*?)\n```/.exec(readme)![1]!;
    expect(pretty(jacobian(['2*x*y', 'x^2*y'], ['x', 'y']))).toBe(block);
  });
  type Case = { exprs: string[]; vars: string[]; pretty: string };
  const cases: Array<[string, Case]> = battery.jacobian.map((c: Case) => [c.exprs.join(', '), c]);
  it.each(cases)('matches SymPy pprint for J[%s]', (_n, c) => {
    const { exprs, vars, pretty: golden } = c;
    expect(pretty(jacobian(exprs, vars))).toBe(golden);
  });
  it('draws fractions, powers, roots and grown parentheses', () => {
    expect(pretty(parse('x/2'))).toBe('x\n─\n2');
    expect(pretty(parse('x^2 + 1'))).toBe(' 2    \nx  + 1');
    expect(pretty(parse('sqrt(1 - x^2)'))).toBe(['   ________', '  ╱      2 ', '╲╱  1 - x  '].join('\n'));
    expect(pretty(parse('sin(x)^2'))).toBe('   2   \nsin (x)');
    expect(pretty(parse('(x^2 + 1)^3'))).toBe(['        3', '⎛ 2    ⎞ ', '⎝x  + 1⎠ '].join('\n'));
    expect(pretty(parse('exp(-x)'))).toBe(' -x\nℯ  ');
    expect(pretty(parse('2*x*y'))).toBe('2⋅x⋅y');
    expect(pretty(parse('abs(x) + pi'))).toBe('│x│ + π'); // SymPy: pretty(Abs(x) + pi)
  });
  it('has an ASCII mode', () => {
    expect(pretty(jacobian(['2*x*y', 'x^2*y'], ['x', 'y']), { ascii: true })).toBe(
      ['[ 2*y   2*x]', '[          ]', '[        2 ]', '[2*x*y  x  ]'].join('\n'),
    );
    expect(pretty(parse('x/2'), { ascii: true })).toBe('x\n-\n2');
  });
});

describe('toString', () => {
  it('prints in SymPy order with ^ and explicit *', () => {
    expect(toString(parse('1 + 2x + x^2', { vars: ['x'] }))).toBe('x^2 + 2*x + 1');
    expect(toString(diff('x/(x^2+1)', 'x'))).toBe('-2*x^2/(x^2 + 1)^2 + 1/(x^2 + 1)');
    expect(toString(parse('1 - x^2'))).toBe('1 - x^2');
    expect(toString(parse('exp(-x^2)/sqrt(x)'))).toBe('exp(-x^2)/sqrt(x)');
    expect(toString(parse('-(x+1)*y'))).toBe('y*(-x - 1)');
    expect(toString(parse('3*x/2'))).toBe('3*x/2');
  });
  it('prints matrices as rows of text via toRows', () => {
    const m = symMatrix([[parse('x'), 1]]);
    expect(m.toRows().map((r) => r.map(toString))).toEqual([['x', '1']]);
  });
});

describe('latex', () => {
  it('follows SymPy conventions', () => {
    expect(latex(parse('x^2/2 + sin(theta)'))).toBe('\\frac{x^{2}}{2} + \\sin{\\left(\\theta \\right)}');
    expect(latex(parse('sin(x)^2'))).toBe('\\sin^{2}{\\left(x \\right)}');
    expect(latex(parse('sqrt(x) + exp(-x)'))).toBe('\\sqrt{x} + e^{- x}');
    expect(latex(parse('1/x^2'))).toBe('\\frac{1}{x^{2}}');
    expect(latex(jacobian(['2*x*y', 'x^2*y'], ['x', 'y']))).toBe(
      '\\left[\\begin{matrix}2 y & 2 x\\\\2 x y & x^{2}\\end{matrix}\\right]',
    );
  });
});
