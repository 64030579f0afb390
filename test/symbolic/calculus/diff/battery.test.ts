// Every diff, gradient (with its Hessian) and jacobian case of the SymPy battery, compared
// numerically at the reference points (relative 1e-9).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { diff, evaluate, gradient, hessian, jacobian, parse, symbol } from '../../../../src/symbolic/index.js';

const battery = JSON.parse(readFileSync(resolve(__dirname, '../../../reference/symbolic/battery.json'), 'utf8'));

function close(actual: number, expected: number, rel = 1e-9): void {
  const tol = rel * Math.max(1, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= tol)) expect(actual).toBe(expected);
}

const envOf = (vars: string[], at: number[]): Record<string, number> => Object.fromEntries(vars.map((v, i) => [v, at[i]!]));

describe('battery: diff', () => {
  for (const c of battery.diff) {
    it(`d/d${c.wrt} ${c.expr}`, () => {
      const d = diff(parse(c.expr), symbol(c.wrt));
      const ref = parse(c.sympy);
      for (const p of c.points) {
        const env = envOf(c.vars, p.at);
        close(evaluate(d, env), p.value);
        close(evaluate(ref, env), p.value); // the printed SymPy result parses to the same function
      }
    });
  }
});

describe('battery: gradient and Hessian', () => {
  for (const c of battery.gradient) {
    it(`∇ ${c.expr}`, () => {
      const g = gradient(c.expr, c.vars);
      const h = hessian(c.expr, c.vars);
      const n = c.vars.length;
      expect([g.rows, g.cols, h.rows, h.cols]).toEqual([n, 1, n, n]);
      for (const p of c.points) {
        const env = envOf(p.vars, p.at);
        p.gradient.forEach((v: number, i: number) => close(evaluate(g.get(i, 0), env), v));
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) close(evaluate(h.get(i, j), env), evaluate(parse(c.hessian[i][j]), env));
      }
    });
  }
});

describe('battery: jacobian', () => {
  for (const c of battery.jacobian) {
    it(`J [${c.exprs.join(', ')}]`, () => {
      const J = jacobian(c.exprs, c.vars);
      for (const p of c.points) {
        const env = envOf(p.vars, p.at);
        p.value.forEach((row: number[], i: number) => row.forEach((v, j) => close(evaluate(J.get(i, j), env), v)));
      }
    });
  }
});
