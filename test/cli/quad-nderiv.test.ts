import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import type { CliIO } from '../../src/cli/io.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await runCli(argv, io);
  return { code, out, err: err.join('\n') };
}

describe('nabla quad', () => {
  it('∫ exp(−x²) over ℝ = √π', async () => {
    const r = await cli('quad', 'exp(-x^2)', '--from', '-oo', '--to', 'oo');
    expect(r.code).toBe(0);
    expect(Math.abs(Number(r.out[0]) - Math.sqrt(Math.PI))).toBeLessThan(1e-14);
    expect(r.out[1]).toMatch(/^error estimate .* evaluations \(qagi\)$/);
  });
  it('sin(x)/x on [0, oo) and break points', async () => {
    const r = await cli('quad', 'sin(x)/x', '--from', '0', '--to', 'oo');
    expect(Math.abs(Number(r.out[0]) - Math.PI / 2)).toBeLessThan(1e-9);
    const p = await cli('quad', '1/sqrt(abs(t))', '--var', 't', '--from', '-1', '--to', '1', '--points', '0');
    expect(Math.abs(Number(p.out[0]) - 4)).toBeLessThan(1e-12);
  });
  it('bad input is exit 2 with a message', async () => {
    const a = await cli('quad', 'x*y', '--from', '0', '--to', '1');
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/also uses y/);
    const b = await cli('quad', 'exp(x', '--from', '0', '--to', '1');
    expect(b.code).toBe(2);
    const c = await cli('quad', 'sqrt(x)', '--from', '-2', '--to', '-1');
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/returned NaN at x = .*inside \(-2, -1\)/);
    const d = await cli('quad', 'cos(x)', '--from', '0', '--to', 'oo');
    expect(d.err).toMatch(/divergent/);
    const e = await cli('quad', 'sin(x)', '--from', '0', '--to', '1', '--max-eval', '5');
    expect(e.code).toBe(2);
    expect(e.err).toMatch(/maxEval must be an integer ≥ 21/);
  });
  it('--max-eval bounds the work and warns when the result is not certified', async () => {
    const r = await cli('quad', 'sin(x)', '--from', '0', '--to', '1e7', '--max-eval', '20000');
    expect(r.out[1]).toMatch(/^error estimate .*, (\d+) evaluations/);
    expect(Number(/, (\d+) evaluations/.exec(r.out[1]!)![1])).toBeLessThanOrEqual(20000);
    expect(r.err).toMatch(/warning: The evaluation budget \(maxEval\) was spent/);
  });
});

describe('nabla nderiv', () => {
  it('Richardson on the known case: 4.053427893898621 to ~1e-13', async () => {
    const r = await cli('nderiv', 'exp(x)/sqrt(sin(x)^3+cos(x)^3)', '--at', '1.5', '--method', 'richardson');
    expect(r.code).toBe(0);
    expect(Math.abs(Number(r.out[0]) - 4.053427893898621)).toBeLessThan(2e-13);
  });
  it('central by default; unknown methods are exit 2', async () => {
    const r = await cli('nderiv', 'sin(x)', '--at', 'pi/3');
    expect(Math.abs(Number(r.out[0]) - 0.5)).toBeLessThan(1e-10);
    const bad = await cli('nderiv', 'sin(x)', '--at', '1', '--method', 'bogus');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--method must be one of/);
  });
  it('dual numbers: exact derivatives of the parsed expression', async () => {
    const r = await cli('nderiv', 'exp(x)/sqrt(sin(x)^3+cos(x)^3)', '--at', '1.5', '--method', 'dual');
    expect(Math.abs(Number(r.out[0]) - 4.053427893898621)).toBeLessThanOrEqual(1e-15);
    // d/dx x^x = x^x (1 + ln x): 4(1 + ln 2) at 2
    const p = await cli('nderiv', 'x^x', '--at', '2', '--method', 'dual');
    expect(Math.abs(Number(p.out[0]) - 4 * (1 + Math.LN2))).toBeLessThan(1e-14);
    const e = await cli('nderiv', 'erf(x)', '--at', '1', '--method', 'dual');
    expect(e.code).toBe(2);
  });
});
