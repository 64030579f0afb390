// Rules are data: the order lives in RULES only, and ARCHITECTURE.md shows the same order
// (limit's method lists: calculus/limit/methods.test.ts). Steps name the rule that applied; a registered
// antiderivative is used; budgets count work, so answers do not depend on the machine's load.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { RULES } from '../../../../src/symbolic/calculus/integrate/rules/index.js';
import { runIntegration, INTEGRATION_STEPS } from '../../../../src/symbolic/calculus/integrate/engine.js';
import { heaviside, integrate, integrateDetailed, limit, parse, registerAntiderivative, symbol, toString } from '../../../../src/symbolic/index.js';

const ARCH = readFileSync(resolve(__dirname, '../../../../ARCHITECTURE.md'), 'utf8');
const x = symbol('x');

describe('integration rules as data', () => {
  it('ARCHITECTURE.md lists RULES in the same order', () => {
    const at = ARCH.indexOf('<!-- integration rules:');
    expect(at).toBeGreaterThan(0);
    const listed: string[] = [];
    for (const line of ARCH.slice(at).split('\n').slice(1)) {
      const m = /^\d+\. (.*)$/.exec(line);
      if (!m) break;
      listed.push(m[1]!);
    }
    expect(listed).toEqual(RULES.map((r) => r.name));
  });

  it('rule names are unique', () => {
    expect(new Set(RULES.map((r) => r.name)).size).toBe(RULES.length);
  });

  it('steps name the technique and the RULES entry that applied', () => {
    const r = integrate('x*exp(x)', 'x', { steps: true });
    expect(r.steps[0]).toMatchObject({ rule: 'integration by parts', entry: 'parts: polynomial × exp/trig' });
    const s = integrate('x*cos(x^2)', 'x', { steps: true });
    expect(s.steps[0]).toMatchObject({ rule: 'u-substitution', entry: 'u-substitution' });
    for (const st of [...r.steps, ...s.steps]) expect(RULES.map((q) => q.name)).toContain(st.entry);
  });

  it('the engine runs exactly the rules it is given', () => {
    // Without the rule list's later entries, x·eˣ (parts) is out of reach; with them it is not.
    const f = parse('x*exp(x)');
    const upToPolynomial = RULES.slice(0, RULES.findIndex((r) => r.name === 'polynomial') + 1);
    expect(runIntegration(f, x, { rules: upToPolynomial }).result).toBeNull();
    expect(toString(runIntegration(f, x).result!)).toBe('x*exp(x) - exp(x)');
  });

  it('a registered antiderivative is used (and checked)', () => {
    expect(integrateDetailed('dirac(x)', 'x').method).toBe('unevaluated');
    registerAntiderivative('dirac', (u) => heaviside(u));
    expect(integrate('dirac(2x + 1)', 'x')).toBe(parse('heaviside(2x + 1)/2'));
  });

  it('the work budget, not the clock, ends a search; the safety net says when it fired', () => {
    const hard = parse('log(x)*erf(x - 2) + atan(2*x) + erf(2*x + 2)');
    const r = runIntegration(hard, x);
    expect(r.result).toBeNull();
    expect(r.reason).toBe(`work budget of ${INTEGRATION_STEPS} sub-integrals exhausted`);
    expect(r.work).toBe(INTEGRATION_STEPS + 1);
    const net = runIntegration(hard, x, { maxSteps: 1e9, safetyMs: 1 });
    expect(net.reason).toMatch(/time safety net of 1 ms reached before the work budget \(this answer depends on the machine's speed\)/);
  });
});

/**
 * A batch of integrals and limits, some solved, some exhausting their budgets: the answers are
 * text, compared between an idle run and a run with a worker thread spinning on the CPU.
 */
const BATCH_INTEGRALS = [
  'x*exp(x)', 'sqrt(1-x^2)', 'x^2*sin(x)', '1/(x^3 + 1)', 'sin(x)^3*cos(x)^2', 'sqrt(2*x + 2)*sinh(x - 2)',
  'log(x)*sin(x - 1) + asin(x/4)', 'tan(2*x)*asin(x/4)', 'exp(x)/x^(1/3)', 'atan(x)^2',
];
const BATCH_LIMITS: Array<[string, string]> = [['sin(x)/x', '0'], ['(1 + 1/x)^x', 'oo'], ['x^x', '0'], ['(x + sin(x))/x', 'oo'], ['x*log(x)', '0']];
function batch(): string[] {
  return [
    ...BATCH_INTEGRALS.map((s) => toString(integrate(s, 'x'))),
    ...BATCH_LIMITS.map(([s, p]) => toString(limit(s, 'x', p))),
  ];
}

describe('determinism under load', () => {
  it('the same batch gives the same answers idle and with a busy worker thread', async () => {
    const idle = batch();
    const spin = new Worker('const end = Date.now() + 60000; while (Date.now() < end) {}', { eval: true });
    try {
      await new Promise((r) => setTimeout(r, 50));
      const busy = batch();
      expect(busy).toEqual(idle);
    } finally {
      await spin.terminate();
    }
    // Some answers are closed forms, some are unevaluated after the budget: both must repeat.
    expect(idle.some((s) => s.startsWith('Integral('))).toBe(true);
    expect(idle.filter((s) => !s.startsWith('Integral(')).length).toBeGreaterThan(5);
  }, 120_000);
});
