// The unconstrained reference problems with bfgs, l-bfgs-b and nelder-mead: at least as many
// solved as SciPy 1.17 solved with the same settings, Rosenbrock-100 included.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { minimize, type MinimizeOptions } from '../../src/optimize/index.js';
import { compile } from './expr.js';

interface ScipyRun { nit: number; nfev: number; solved: boolean }
interface UProblem { id: string; n: number; objective: string; x0: number[]; fstar: number; scipy: Record<string, ScipyRun> }

const ref = JSON.parse(
  readFileSync(resolve(__dirname, '../reference/optimize/unconstrained.json'), 'utf8'),
) as { problems: UProblem[] };

const configs: Array<[string, MinimizeOptions, boolean]> = [
  ['BFGS_fd', { method: 'bfgs' }, false],
  ['BFGS_exact', { method: 'bfgs' }, true],
  ['LBFGSB_fd', { method: 'l-bfgs-b' }, false],
  ['LBFGSB_exact', { method: 'l-bfgs-b' }, true],
  ['NelderMead_default', { method: 'nelder-mead' }, false],
  ['NelderMead_tight', { method: 'nelder-mead', xatol: 1e-10, fatol: 1e-12, maxiter: 200000, maxfev: 200000, adaptive: true }, false],
];

describe.each(configs)('%s', (key, options, exact) => {
  it('solves at least as many problems as SciPy', () => {
    let ours = 0, theirs = 0;
    const lines: string[] = [];
    for (const pr of ref.problems) {
      const s = pr.scipy[key]!;
      if (s.solved) theirs++;
      // Nelder–Mead on 100 variables fails for SciPy and for us alike (simplex methods do not
      // scale); it costs seconds, so the test leaves it out and counts it as unsolved.
      if (key.startsWith('NelderMead') && pr.n > 10) {
        expect(s.solved).toBe(false);
        continue;
      }
      const obj = compile(pr.objective, pr.n);
      const r = minimize(obj.f, pr.x0, { ...options, ...(exact ? { jac: obj.grad } : {}) });
      const ok = Math.abs(r.fun - pr.fstar) <= 1e-6 * Math.max(1, Math.abs(pr.fstar));
      if (ok) ours++;
      // Honest termination: success is never claimed at a point that is not a solution.
      if (r.success && !ok) throw new Error(`${key} ${pr.id}: success claimed at f = ${r.fun}`);
      lines.push(`${pr.id.padEnd(16)} ${ok ? 'solved' : 'FAILED'} nit ${r.nit} (SciPy ${s.nit}) nfev ${r.nfev} (SciPy ${s.nfev})`);
    }
    console.log([`${key}: solved ${ours}, SciPy ${theirs}`, ...lines].join('\n'));
    expect(ours).toBeGreaterThanOrEqual(theirs);
    if (!key.startsWith('NelderMead')) expect(ours).toBe(ref.problems.length); // Rosenbrock-100 included
  });
});
