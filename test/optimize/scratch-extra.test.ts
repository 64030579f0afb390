import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { minimize } from '../../src/optimize/index.js';
import { compile } from './expr.js';
it('extra', () => {
  const ps = JSON.parse(readFileSync('/tmp/h6/extra-hs.json', 'utf8'));
  for (const exact of [false, true]) {
    let solved = 0;
    for (const p of ps) {
      const o = compile(p.f, p.n);
      const cons = p.c.map(([t, e]: [string, string]) => { const k = compile(e, p.n); return { type: t, fun: k.f, ...(exact ? { jac: k.grad } : {}) }; });
      const r = minimize(o.f, p.x0, { method: 'slsqp', bounds: p.b, constraints: cons, ...(exact ? { jac: o.grad } : {}) });
      const ok = Math.abs(r.fun - p.fs) <= 1e-6 * Math.max(1, Math.abs(p.fs)) && r.maxcv! <= 1e-6;
      if (ok) solved++;
      console.log(p.id.padEnd(5), ok ? 'OK ' : 'BAD', r.success ? 'succ' : 'FAIL', r.nit, r.nfev, r.fun, p.fs, r.maxcv, r.success ? '' : r.message);
    }
    console.log('solved', solved, ps.length);
  }
});
