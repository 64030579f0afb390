import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';


describe('nabla diff / grad / jacobian / hessian / eval', () => {
  it('diff prints the derivative; --order, --wrt, --at, --latex, --pretty, --json', async () => {
    expect(await cli('diff', 'x^3 - 2x^2 + 1')).toMatchObject({ code: 0, out: '3*x^2 - 4*x' });
    expect((await cli('diff', 'x^3 - 2x^2 + 1', '--order', '2')).out).toBe('6*x - 4');
    expect((await cli('diff', 'x^2*y', '--wrt', 'y')).out).toBe('x^2');
    expect((await cli('diff', 'x^3 - 2x^2 + 1', '--at', 'x=1.5')).out).toBe('3*x^2 - 4*x\nat x=1.5: 0.75');
    expect((await cli('diff', 'sin(x)^2', '--latex')).out).toBe('2 \\sin{\\left(x \\right)} \\cos{\\left(x \\right)}');
    expect((await cli('diff', 'x^3', '--pretty')).out).toBe('   2\n3⋅x ');
    const j = JSON.parse((await cli('diff', 'x*y', '--wrt', 'x', '--json', '--at', 'x=1,y=2')).out);
    expect(j).toMatchObject({ input: 'x*y', wrt: 'x', order: 1, result: 'y', value: 2 });
  });
  it('diff --steps lists the rules', async () => {
    const r = await cli('diff', 'sin(x^2)', '--steps');
    expect(r.code).toBe(0);
    expect(r.out).toContain('sin + chain');
    expect(r.out).toContain('power');
    expect(r.out.split('\n').at(-1)).toBe('= 2*x*cos(x^2)');
  });
  it('jacobian prints SymPy-style 2-D by default', async () => {
    const r = await cli('jacobian', '[2xy, x^2 y]', '--vars', 'x,y');
    expect(r.out).toBe(['⎡ 2⋅y   2⋅x⎤', '⎢          ⎥', '⎢        2 ⎥', '⎣2⋅x⋅y  x  ⎦'].join('\n'));
    expect((await cli('jacobian', '[2xy, x^2 y]', '--vars', 'x,y', '--text')).out).toBe('[2*y, 2*x; 2*x*y, x^2]');
  });
  it('grad and hessian, with values', async () => {
    expect((await cli('grad', 'x^2 + y^3', '--text', '--at', 'x=1,y=2')).out).toBe('[2*x; 3*y^2]\nat x=1,y=2: [[2],[12]]');
    expect((await cli('hessian', 'x^2 y', '--vars', 'x,y', '--text')).out).toBe('[2*y, 2*x; 2*x, 0]');
    const j = JSON.parse((await cli('hessian', 'x*y', '--json')).out);
    expect(j.entries).toEqual([['0', '1'], ['1', '0']]);
  });
  it('eval with I prints the complex value (a real one plainly)', async () => {
    expect((await cli('eval', '(1 + I)*(1 - I)')).out).toBe('2');
    expect((await cli('eval', '1 - 2*I')).out).toBe('1 - 2*I');
    expect((await cli('eval', '3*I')).out).toBe('3*I');
    expect((await cli('eval', 'exp(I*x)', '--at', 'x=0')).out).toBe('1');
    expect(JSON.parse((await cli('eval', '1 + I', '--json')).out).value).toEqual({ re: 1, im: 1 });
    const bad = await cli('eval', 'erf(I)');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('real arguments');
  });
  it('eval evaluates', async () => {
    expect((await cli('eval', 'sin(x)^2 + cos(x)^2', '--at', 'x=0.3')).out).toBe('1');
    expect((await cli('eval', '2*pi')).out).toBe(String(2 * Math.PI));
  });
  it('bad input exits 2 with a caret message and no stack trace', async () => {
    const r = await cli('diff', 'x^2 +* 3');
    expect(r.code).toBe(2);
    expect(r.err).toBe("error: expected an expression before '*' at position 6\n  x^2 +* 3\n       ^");
    const u = await cli('eval', 'x + 1');
    expect(u.code).toBe(2);
    expect(u.err).toContain("no value given for symbol 'x'");
    expect((await cli('diff', 'a*b')).code).toBe(2);
    expect((await cli('diff', 'x', '--order', '-1')).code).toBe(2);
    expect((await cli('eval', 'x', '--at', 'x')).err).toContain('name=value');
  });
});
