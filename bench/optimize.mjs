// SLSQP over the Hock–Schittkowski reference set: nit / nfev and median wall time per problem,
// nabla vs SciPy 1.17 (recorded in the reference file), forward differences and exact gradients;
// plus BFGS / L-BFGS-B on Rosenbrock-100.
// Usage: node bench/optimize.mjs   (NABLA_DIST overrides ../dist/index.js)
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { nabla as m, median } from './lib/common.mjs';
const { minimize } = m;
const here = dirname(fileURLToPath(import.meta.url));
const refDir = resolve(here, '../test/reference/optimize');
const hs = JSON.parse(readFileSync(resolve(refDir, 'hock-schittkowski.json'), 'utf8'));
const unc = JSON.parse(readFileSync(resolve(refDir, 'unconstrained.json'), 'utf8'));

/** The reference syntax (x1..xn, + - * / ^, sin cos exp log sqrt, pi) → value and reverse-mode gradient. */
function compile(src, n) {
  const toks = src.match(/\d+\.?\d*(?:e[+-]?\d+)?|\.\d+|[A-Za-z_]\w*|[-+*/^()]/g);
  let pos = 0;
  const nodes = [];
  const push = (nd) => nodes.push(nd) - 1;
  const expr = () => { let l = term(); while (toks[pos] === '+' || toks[pos] === '-') { const op = toks[pos++]; l = push({ op, a: l, b: term() }); } return l; };
  const term = () => { let l = unary(); while (toks[pos] === '*' || toks[pos] === '/') { const op = toks[pos++]; l = push({ op, a: l, b: unary() }); } return l; };
  const unary = () => { if (toks[pos] === '-') { pos++; return push({ op: 'neg', a: unary() }); } if (toks[pos] === '+') { pos++; return unary(); } const b = atom(); if (toks[pos] === '^') { pos++; return push({ op: '^', a: b, b: unary() }); } return b; };
  const atom = () => {
    const t = toks[pos++];
    if (t === '(') { const e = expr(); pos++; return e; }
    if (/^[\d.]/.test(t)) return push({ op: 'c', v: Number(t) });
    if (t === 'pi') return push({ op: 'c', v: Math.PI });
    if (/^x\d+$/.test(t)) return push({ op: 'x', i: Number(t.slice(1)) - 1 });
    pos++; const a = expr(); pos++; return push({ op: t, a });
  };
  const root = expr();
  const v = new Float64Array(nodes.length), adj = new Float64Array(nodes.length);
  const fwd = (x) => {
    for (let k = 0; k <= root; k++) {
      const d = nodes[k];
      switch (d.op) {
        case 'c': v[k] = d.v; break; case 'x': v[k] = x[d.i]; break;
        case '+': v[k] = v[d.a] + v[d.b]; break; case '-': v[k] = v[d.a] - v[d.b]; break;
        case '*': v[k] = v[d.a] * v[d.b]; break; case '/': v[k] = v[d.a] / v[d.b]; break;
        case '^': v[k] = v[d.a] ** v[d.b]; break; case 'neg': v[k] = -v[d.a]; break;
        default: v[k] = Math[d.op](v[d.a]);
      }
    }
    return v[root];
  };
  const grad = (x) => {
    fwd(x); adj.fill(0); adj[root] = 1;
    const g = new Float64Array(n);
    for (let k = root; k >= 0; k--) {
      const d = nodes[k], w = adj[k];
      if (w === 0) continue;
      switch (d.op) {
        case 'x': g[d.i] += w; break;
        case '+': adj[d.a] += w; adj[d.b] += w; break; case '-': adj[d.a] += w; adj[d.b] -= w; break;
        case '*': adj[d.a] += w * v[d.b]; adj[d.b] += w * v[d.a]; break;
        case '/': adj[d.a] += w / v[d.b]; adj[d.b] -= (w * v[d.a]) / v[d.b] ** 2; break;
        case '^': adj[d.a] += v[d.b] === 0 ? 0 : w * v[d.b] * v[d.a] ** (v[d.b] - 1); break;
        case 'neg': adj[d.a] -= w; break;
        case 'sin': adj[d.a] += w * Math.cos(v[d.a]); break; case 'cos': adj[d.a] -= w * Math.sin(v[d.a]); break;
        case 'exp': adj[d.a] += w * v[k]; break; case 'log': adj[d.a] += w / v[d.a]; break;
        case 'sqrt': adj[d.a] += (w * 0.5) / v[k]; break;
      }
    }
    return g;
  };
  return { f: fwd, grad };
}


function timeIt(run, reps, warmup = 2) {
  for (let i = 0; i < warmup; i++) run();
  const t = [];
  for (let r = 0; r < reps; r++) { const t0 = performance.now(); run(); t.push(performance.now() - t0); }
  return median(t);
}

// Warm the JIT on the whole set first (a cold first solve costs 10-30× a warm one).
for (let rep = 0; rep < 5; rep++) {
  for (const p of hs.problems) {
    const obj = compile(p.objective, p.n);
    const cons = p.constraints.map((c) => ({ type: c.type, fun: compile(c.expr, p.n).f }));
    minimize(obj.f, p.x0, { method: 'slsqp', bounds: p.bounds, constraints: cons });
  }
}

for (const exact of [false, true]) {
  console.log(`\nSLSQP on Hock–Schittkowski, ${exact ? 'exact gradients' : 'forward differences'} (ours vs SciPy 1.17)`);
  console.log('problem  solved    nit (SciPy)   nfev (SciPy)   time ms (SciPy)');
  let solved = 0, sNit = 0, sNitS = 0, sNfev = 0, sNfevS = 0, tOurs = 0, tScipy = 0;
  for (const p of hs.problems) {
    const obj = compile(p.objective, p.n);
    const cons = p.constraints.map((c) => { const k = compile(c.expr, p.n); return { type: c.type, fun: k.f, ...(exact ? { jac: k.grad } : {}) }; });
    const opts = { method: 'slsqp', bounds: p.bounds, constraints: cons, ...(exact ? { jac: obj.grad } : {}) };
    const r = minimize(obj.f, p.x0, opts);
    const ms = timeIt(() => minimize(obj.f, p.x0, opts), 7, 3);
    const s = exact ? p.scipy_slsqp_exactjac : p.scipy_slsqp_default;
    const ok = Math.abs(r.fun - p.fstar) <= 1e-6 * Math.max(1, Math.abs(p.fstar)) && r.maxcv <= 1e-6;
    if (ok) solved++;
    sNit += r.nit; sNitS += s.nit; sNfev += r.nfev; sNfevS += s.nfev; tOurs += ms; tScipy += s.time_ms_median;
    console.log(`${p.id.padEnd(8)} ${(ok ? 'yes' : 'NO').padEnd(6)} ${String(r.nit).padStart(5)} (${String(s.nit).padStart(3)})   ${String(r.nfev).padStart(5)} (${String(s.nfev).padStart(4)})   ${ms.toFixed(3).padStart(8)} (${s.time_ms_median.toFixed(3)})`);
  }
  const sc = hs.problems.filter((p) => (exact ? p.scipy_slsqp_exactjac : p.scipy_slsqp_default).solved).length;
  console.log(`solved ${solved}/${hs.problems.length} (SciPy ${sc}); total nit ${sNit} (SciPy ${sNitS}); total nfev ${sNfev} (SciPy ${sNfevS}); total time ${tOurs.toFixed(2)} ms (SciPy ${tScipy.toFixed(2)} ms)`);
}

console.log('\nRosenbrock-100 (ours vs SciPy 1.17)');
const r100 = unc.problems.find((p) => p.id === 'Rosenbrock100');
const ro = compile(r100.objective, r100.n);
for (const [key, method, exact] of [['BFGS_exact', 'bfgs', true], ['LBFGSB_exact', 'l-bfgs-b', true], ['BFGS_fd', 'bfgs', false], ['LBFGSB_fd', 'l-bfgs-b', false]]) {
  const opts = { method, ...(exact ? { jac: ro.grad } : {}) };
  const r = minimize(ro.f, r100.x0, opts);
  const ms = exact ? timeIt(() => minimize(ro.f, r100.x0, opts), 3) : timeIt(() => minimize(ro.f, r100.x0, opts), 1, 0);
  const s = r100.scipy[key];
  console.log(`${key.padEnd(13)} f ${r.fun.toExponential(2)} nit ${r.nit} (${s.nit}) nfev ${r.nfev} (${s.nfev}) time ${ms.toFixed(1)} ms (${s.time_ms_median.toFixed(1)} ms)`);
}
