import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from '../../../../src/symbolic/parse/parse.js';
import { symbol, type Expr } from '../../../../src/symbolic/expr/expr.js';
import { evalNumber } from '../../../../src/symbolic/algebra/util.js';
import { diff, toString, integrate } from '../../../../src/symbolic/index.js';

interface Pt { at: number[]; value: number }
const battery = JSON.parse(readFileSync(resolve(__dirname, '../../../reference/symbolic/battery.json'), 'utf8')) as {
  integrate: Array<{ expr: string; wrt: string; sympy: string; vars: string[]; integrand_points: Pt[] }>;
  definite: Array<{ expr: string; wrt: string; lower: string; upper: string; sympy: string; value: number }>;
};

const close = (a: number, b: number, rel = 1e-9) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));

describe('battery: integrate (differentiate back)', () => {
  for (const c of battery.integrate) {
    it(`∫ ${c.expr} d${c.wrt}`, () => {
      const x = symbol(c.wrt);
      const F = integrate(parse(c.expr), x);
      expect(F.kind, `unevaluated: ${toString(F)}`).not.toBe('Integral');
      const dF = diff(F, x);
      for (const p of c.integrand_points) {
        const v = evalNumber(dF, new Map<Expr, number>([[x, p.at[0]!]]));
        expect(close(v, p.value), `${toString(F)} at ${p.at[0]}: ${v} vs ${p.value}`).toBe(true);
      }
    });
  }
});

describe('battery: definite', () => {
  for (const c of battery.definite) {
    it(`∫ ${c.expr} from ${c.lower} to ${c.upper}`, () => {
      const r = integrate(parse(c.expr), [symbol(c.wrt), c.lower, c.upper], { steps: true });
      expect(r.method, r.reason).toBe('symbolic');
      expect(close(evalNumber(r.value, new Map()), c.value)).toBe(true);
    });
  }
});
