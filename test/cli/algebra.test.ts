// nabla simplify / expand / factor / together: the library's results, printed as text, 2-D, LaTeX or JSON.
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

describe('nabla simplify / expand / factor / together', () => {
  it('print the rewritten expression', async () => {
    expect(await cli('simplify', 'sin(x)^2 + cos(x)^2')).toMatchObject({ code: 0, out: '1' });
    expect((await cli('simplify', '(x^2 - 1)/(x - 1)')).out).toBe('x + 1');
    expect((await cli('simplify', '--', '-y*log(sigmoid(z)) - (1-y)*log(1-sigmoid(z))')).out).toBe('-y*z + softplus(z)');
    expect((await cli('expand', '(x + 1)^3')).out).toBe('x^3 + 3*x^2 + 3*x + 1');
    expect((await cli('factor', 'x^2 - y^2')).out).toBe('(x + y)*(x - y)');
    expect((await cli('factor', 'x^4 + 4')).out).toBe('(x^2 + 2*x + 2)*(x^2 - 2*x + 2)');
    expect((await cli('together', '1/x + 1/y')).out).toBe('(x + y)/(x*y)');
  });
  it('--positive assumes positive symbols; --vars reads implicit products; --wrt picks the variable', async () => {
    expect((await cli('simplify', 'log(x^2*y)')).out).toBe('log(x^2*y)');
    expect((await cli('simplify', 'log(x^2*y)', '--positive')).out).toBe('2*log(x) + log(y)');
    expect((await cli('simplify', 'sqrt(x^2)', '--positive')).out).toBe('x');
    expect((await cli('expand', '(2xy + 1)^2', '--vars', 'x,y')).out).toBe('4*x^2*y^2 + 4*x*y + 1');
    expect((await cli('factor', 'x^2*y + x*y^2', '--wrt', 'x')).out).toBe('x*y*(x + y)');
  });
  it('--latex, --pretty and --json', async () => {
    expect((await cli('simplify', 'sqrt(x^2)', '--latex')).out).toBe('\\left|{x}\\right|');
    expect((await cli('expand', '(x + 1)^2', '--pretty')).out).toBe(' 2          \nx  + 2⋅x + 1');
    expect(JSON.parse((await cli('factor', 'x^2 - 1', '--json')).out)).toEqual({ input: 'x^2 - 1', result: '(x + 1)*(x - 1)', latex: '\\left(x + 1\\right) \\left(x - 1\\right)' });
  });
  it('bad input exits 2 with the parser’s caret message', async () => {
    const r = await cli('factor', 'x^2 -');
    expect(r.code).toBe(2);
    expect(r.err).toContain('unexpected end of input');
    expect((await cli('simplify')).code).not.toBe(0);
  });
});
