import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from '../../../src/symbolic/parse/parse.js';
import { symbol, OO, NEG_OO, type Expr } from '../../../src/symbolic/expr/expr.js';
import { evalNumber } from '../../../src/symbolic/algebra/util.js';
import { toString, limit, seriesCoefficients, solve } from '../../../src/symbolic/index.js';

const battery = JSON.parse(readFileSync(resolve(__dirname, '../../reference/symbolic/battery.json'), 'utf8')) as {
  limit: Array<{ expr: string; wrt: string; to: string; sympy: string; value: number }>;
  series: Array<{ expr: string; wrt: string; at: number; order: number; coefficients: string[] }>;
  solve: Array<{ expr: string; wrt: string; sympy: string[]; real_values: number[] }>;
};
const num = (e: Expr) => evalNumber(e, new Map());
const close = (a: number, b: number, rel = 1e-9) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));

describe('battery: limit', () => {
  for (const c of battery.limit) {
    it(`lim ${c.expr} as ${c.wrt} → ${c.to}`, () => {
      const to = c.to === 'oo' ? OO : c.to === '-oo' ? NEG_OO : parse(c.to);
      const r = limit(parse(c.expr), symbol(c.wrt), to);
      expect(close(num(r), c.value), `${toString(r)} vs ${c.sympy}`).toBe(true);
    });
  }
});

describe('battery: series (exact coefficients)', () => {
  for (const c of battery.series) {
    it(`series ${c.expr} at ${c.at}, order ${c.order}`, () => {
      const cs = seriesCoefficients(parse(c.expr), symbol(c.wrt), c.at, c.order);
      expect(cs.map(toString)).toEqual(c.coefficients);
    });
  }
});

describe('battery: solve (real solutions)', () => {
  for (const c of battery.solve) {
    it(`solve ${c.expr}`, () => {
      const r = solve(c.expr, c.wrt).map(num);
      expect(r.length, r.join(', ')).toBe(c.real_values.length);
      r.forEach((v, i) => expect(close(v, c.real_values[i]!, 1e-12), `${v} vs ${c.real_values[i]}`).toBe(true));
    });
  }
});
