import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { quad } from '../../src/numeric/index.js';
import { batteryLimit, compileBatteryExpr } from './battery-expr.mjs';

interface Case {
  id: string;
  integrand: string;
  a: string;
  b: string;
  exact_value: number;
  scipy_quad_default: { neval: number };
}
const battery = JSON.parse(
  readFileSync(resolve(__dirname, '../reference/quadrature/battery.json'), 'utf8'),
) as { integrals: Case[] };

describe('battery translator', () => {
  it('reads the syntax', () => {
    expect(compileBatteryExpr('x^2*exp(-x)')(1)).toBeCloseTo(Math.exp(-1), 15);
    expect(compileBatteryExpr('-x^2')(3)).toBe(-9);
    expect(batteryLimit('pi/2')).toBe(Math.PI / 2);
    expect(batteryLimit('-inf')).toBe(-Infinity);
  });
});

describe('quad on the reference battery', () => {
  for (const c of battery.integrals) {
    it(`${c.id}: ∫ ${c.integrand} from ${c.a} to ${c.b}`, () => {
      const f = compileBatteryExpr(c.integrand);
      const r = quad(f, batteryLimit(c.a), batteryLimit(c.b));
      const trueErr = Math.abs(r.value - c.exact_value);
      expect(r.status, r.message).toBe(0);
      expect(trueErr).toBeLessThanOrEqual(1e-8 * Math.abs(c.exact_value));
      // honest: the true error never exceeds 10× the reported one
      expect(trueErr).toBeLessThanOrEqual(10 * r.error);
      expect(r.error).toBeLessThan(1e-6 * Math.max(1, Math.abs(c.exact_value)));
    });
  }
});
