import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';


describe('nabla integrate / limit / series / solve / critical', () => {
  it('integrate prints the antiderivative; --from/--to the value; --json a record', async () => {
    expect(await cli('integrate', '3x^2 - 4x')).toMatchObject({ code: 0, out: 'x^3 - 2*x^2' });
    expect((await cli('integrate', '3x^2 - 4x', '--from', '0', '--to', '2')).out).toBe('0');
    expect((await cli('integrate', 'exp(-x^2)', '--from', '-oo', '--to', 'oo')).out).toBe('sqrt(pi)');
    const j = JSON.parse((await cli('integrate', 'x*exp(x)', '--json')).out);
    expect(j.method).toBe('symbolic');
    expect(j.steps[0].rule).toBe('integration by parts');
  });
  it('integrate --steps and --latex', async () => {
    const s = await cli('integrate', '1/(x^2-1)', '--steps');
    expect(s.out).toContain('partial fractions');
    const l = await cli('integrate', '1/(1+x^2)', '--latex');
    expect(l.out).toContain('\\operatorname{atan}');
  });
  it('an integral without antiderivative is left unevaluated with a note', async () => {
    const r = await cli('integrate', 'x^x');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Integral');
    expect(r.err).toContain('unevaluated');
  });
  it('sum and product: closed forms over an integer range', async () => {
    expect((await cli('sum', 'k^2', '--from', '1', '--to', 'n')).out).toBe('n^3/3 + n^2/2 + n/6');
    expect((await cli('sum', '1/k^2', '--from', '1', '--to', 'oo')).out).toBe('pi^2/6');
    expect((await cli('product', 'k', '--from', '1', '--to', 'n')).out).toBe('factorial(n)');
    expect(JSON.parse((await cli('sum', 'x^j/factorial(j)', '--var', 'j', '--from', '0', '--to', 'oo', '--json')).out).result).toBe('exp(x)');
    const bad = await cli('sum', 'k^2', '--from', '1');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--from and --to/);
    const none = await cli('sum', 'sin(k)', '--from', '1', '--to', 'n');
    expect(none.code).not.toBe(0);
    expect(none.err).toMatch(/no closed form/);
  });
  it('limit, series, solve, critical', async () => {
    expect((await cli('limit', 'sin(x)/x', '0')).out).toBe('1');
    expect((await cli('limit', '(1+1/x)^x', 'oo')).out).toBe('E');
    expect((await cli('limit', '1/x', '0', '--dir', '+')).out).toBe('oo');
    expect((await cli('series', 'exp(x)', '--order', '4')).out).toBe('x^3/6 + x^2/2 + x + 1 + O(x^4)');
    expect((await cli('solve', 'x^2 - 2 = 0')).out).toBe('x = -sqrt(2)\nx = sqrt(2)');
    expect((await cli('solve', 'x^2 + 1 = 0')).out).toBe('no real solutions');
    const c = await cli('critical', 'x^3 - 2x^2 + 1');
    expect(c.out).toContain("f' = 3*x^2 - 4*x");
    expect(c.out).toContain('x = 0: local max');
    expect(c.out).toContain('x = 4/3: local min');
    expect((await cli('critical', 'log(x)')).out).toContain("no critical points: f'(x) = 1/x is never 0");
  });
  it('series at oo, with roots and logs, and in several variables, with the error term SymPy prints', async () => {
    expect((await cli('series', 'sqrt(x^2+1)', '--at', 'oo', '--order', '4')).out).toBe('x + 1/(2*x) - 1/(8*x^3) + O(1/x^4, x → oo)');
    expect((await cli('series', 'sqrt(x^2+1)', '--at', '-oo', '--order', '3')).out).toBe('-x - 1/(2*x) + O(1/x^3, x → -oo)');
    expect((await cli('series', 'x^x', '--order', '3')).out).toBe('x^2*log(x)^2/2 + x*log(x) + 1 + O(x^3*log(x)^3)');
    expect((await cli('series', 'sqrt(x)*exp(x)', '--order', '2')).out).toBe('x^(3/2) + sqrt(x) + O(x^2)');
    expect((await cli('series', 'exp(x)*sin(y)', '--var', 'x,y', '--order', '3')).out).toBe('x*y + y + O(|(x, y)|^3)');
    expect((await cli('series', 'x*y^2', '--var', 'x y', '--at', '1,2', '--order', '2')).out).toBe('4*x + 4*y - 8 + O(|(x - 1, y - 2)|^2)');
    const j = JSON.parse((await cli('series', 'exp(x)*log(x)', '--order', '2', '--json')).out);
    expect(j).toMatchObject({ result: 'x*log(x) + log(x)', error: 'O(x^2*log(x))' });
    const bad = await cli('series', 'exp(1/x)');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/no series at this point/);
    expect((await cli('series', 'x*y', '--var', 'x,y', '--at', '1')).err).toMatch(/--at needs 2/);
  });
  it('solve --complex / --domain complex: roots with I; bad domains exit 2', async () => {
    expect((await cli('solve', 'x^2 + 2x + 5 = 0', '--complex')).out).toBe('x = -1 - 2*I\nx = -1 + 2*I');
    expect((await cli('solve', 'x^3 = 1', '--domain', 'complex')).out).toBe('x = 1\nx = -1/2 - sqrt(3)*I/2\nx = -1/2 + sqrt(3)*I/2');
    expect((await cli('solve', 'exp(x) = -1', '--complex')).out).toBe('x = I*pi');
    expect((await cli('solve', 'x^2 + 1', '--domain', 'real')).out).toBe('no real solutions');
    const j = JSON.parse((await cli('solve', 'x^3 - 1', '--complex', '--json')).out);
    expect(j.domain).toBe('complex');
    expect(j.solutions[0]).toEqual({ value: '1', approx: 1, numeric: false });
    expect(j.solutions[2].value).toBe('-1/2 + sqrt(3)*I/2');
    expect(j.solutions[2].approx.re).toBe(-0.5);
    expect(j.solutions[2].approx.im).toBeCloseTo(Math.sqrt(3) / 2, 15);
    const q = await cli('solve', 'x^5 - x - 1', '--complex');
    expect(q.out.split('\n')).toHaveLength(5);
    expect(q.out).toContain('(numeric approximation)');
    const bad = await cli('solve', 'x^2 + 1', '--domain', 'quaternion');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--domain must be real or complex');
    const und = await cli('solve', 'sin(x) = 2', '--complex');
    expect(und.code).toBe(2);
    expect(und.err).toContain('no method finds the complex roots');
  });
  it('--var / --wrt choose the variable when there are parameters', async () => {
    expect((await cli('integrate', 'a*x^2', '--wrt', 'x')).out).toBe('a*x^3/3');
    expect((await cli('integrate', 'a*x^2', '--var', 'a')).out).toBe('a^2*x^2/2');
    expect((await cli('integrate', 'a*x^2')).out).toBe('a*x^3/3');
  });
  it('symbolic bounds and parameters', async () => {
    expect((await cli('integrate', 'x^3', '--from', '0', '--to', 'a')).out).toBe('a^4/4');
    expect((await cli('solve', 'x^2 = a')).out).toBe('x = -sqrt(a)\nx = sqrt(a)');
    const s = await cli('integrate', 'x*abs(x)', '--steps');
    expect(s.out).toContain('piecewise');
    const bad = await cli('integrate', 'x', '--from', '0', '--to', 'x');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('cannot contain the variable');
    expect((await cli('limit', 'x', 'a')).code).toBe(2);
  });
  it('bad input exits 2 with a message', async () => {
    const r = await cli('limit', '1/x', '0');
    expect(r.code).toBe(2);
    expect(r.err).toContain('one-sided limits differ');
    expect((await cli('integrate', 'x^2', '--from', '0')).code).toBe(2);
  });
});

describe('nabla critical in several variables', () => {
  it('finds both stationary points of x·e^(−x²−y²) and says a periodic list is partial', async () => {
    const r = await cli('critical', 'x*exp(-x^2-y^2)', '--vars', 'x,y');
    expect(r.code).toBe(0);
    expect(r.out).toContain('x = -sqrt(2)/2, y = 0: local min');
    expect(r.out).toContain('x = sqrt(2)/2, y = 0: local max');
    const j = JSON.parse((await cli('critical', 'sin(x)', '--json')).out);
    expect(j.complete).toBe(false);
    expect((await cli('critical', 'sin(x)')).out).toMatch(/note: .*principal/);
  });
});
