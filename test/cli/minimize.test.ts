// `nabla minimize`: symbolic objective and constraints → exact gradients → minimize.
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

describe('nabla minimize', () => {
  it('Rosenbrock by BFGS from (−1.2, 1): the minimiser (1, 1)', async () => {
    const r = await cli('minimize', '100*(y-x^2)^2 + (1-x)^2', '--x0', '-1.2,1', '--method', 'bfgs', '--json');
    expect(r.code).toBe(0);
    const res = JSON.parse(r.out);
    expect(res.vars).toEqual(['x', 'y']);
    expect(res.success).toBe(true);
    expect(res.x[0]).toBeCloseTo(1, 6);
    expect(res.x[1]).toBeCloseTo(1, 6);
    expect(res.method).toBe('bfgs');
  });

  it('with a constraint and bounds: x + y ≤ 1 (SLSQP chosen), x ∈ [−2, 2]', async () => {
    const r = await cli('minimize', '100*(y-x^2)^2 + (1-x)^2', '--x0', '-1.2,1', '--constraint', 'x+y<=1', '--bounds', 'x=-2:2', '--json');
    expect(r.code).toBe(0);
    const res = JSON.parse(r.out);
    expect(res.method).toBe('slsqp');
    expect(res.success).toBe(true);
    // on the line y = 1 − x, stationarity of the Lagrangian with λ ≥ 0 (checked by residual)
    expect(res.x[0] + res.x[1]).toBeCloseTo(1, 8);
    expect(res.multipliers[0]).toBeGreaterThan(0);
    const [x, y] = res.x as number[];
    const gx = -400 * x! * (y! - x! ** 2) - 2 * (1 - x!), gy = 200 * (y! - x! ** 2);
    expect(gx).toBeCloseTo(-res.multipliers[0], 4);
    expect(gy).toBeCloseTo(-res.multipliers[0], 4);
  });

  it('prints a text report', async () => {
    const r = await cli('minimize', '(x-3)^2 + (y+1)^2', '--bounds', 'x=0:2,y=0:');
    expect(r.code).toBe(0);
    expect(r.out).toContain('method: l-bfgs-b');
    expect(r.out).toContain('success: True');
    expect(r.out).toContain('x: x = 2.0, y = 0.0');
  });

  it('bad input exits with code 2 and a message', async () => {
    expect((await cli('minimize', 'x^2 + y^2', '--x0', '1,2,3')).err).toMatch(/--x0 has 3 values but there are 2 variables/);
    expect((await cli('minimize', 'x^2', '--method', 'simplex')).code).toBe(2);
    expect((await cli('minimize', 'x^2', '--constraint', 'x + 1')).err).toMatch(/--constraint must look like/);
    expect((await cli('minimize', 'x^2', '--bounds', 'z=0:1')).err).toMatch(/not a variable/);
    expect((await cli('minimize', 'x^^2')).code).toBe(2);
  });

  it('an infeasible problem reports success False', async () => {
    const r = await cli('minimize', 'x^2', '--constraint', 'x >= 1', '--constraint', 'x <= 0');
    expect(r.code).toBe(0);
    expect(r.out).toContain('success: False');
  });
});
