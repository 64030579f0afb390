// Each method on problems with known exact answers; resumable stepping; SLSQP's multipliers
// against the KKT conditions solved by hand.
import { describe, expect, it } from 'vitest';
import { minimize, minimizeSteps, SOLVERS, STATUS_MESSAGES, type OptimizeStep } from '../../src/optimize/index.js';

const rosen = (x: Float64Array) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;
const rosenGrad = (x: Float64Array) => [-400 * x[0]! * (x[1]! - x[0]! ** 2) - 2 * (1 - x[0]!), 200 * (x[1]! - x[0]! ** 2)];
const rosenHess = (x: Float64Array) => [
  [1200 * x[0]! ** 2 - 400 * x[1]! + 2, -400 * x[0]!],
  [-400 * x[0]!, 200],
];

describe('methods', () => {
  it('the registry has the six methods and a status table', () => {
    expect(Object.keys(SOLVERS).sort()).toEqual(['bfgs', 'gradient-descent', 'l-bfgs-b', 'nelder-mead', 'newton', 'slsqp']);
    expect(STATUS_MESSAGES[0]).toBe('Optimization terminated successfully');
  });

  it('gradient descent, fixed step, on (x − 3)²: xₖ₊₁ = xₖ − 2α(xₖ − 3)', () => {
    const steps = minimizeSteps((x) => (x[0]! - 3) ** 2, [0], { method: 'gradient-descent', stepRule: 'fixed', learningRate: 0.25 });
    const first = steps.next().value as OptimizeStep;
    expect(first.x[0]).toBeCloseTo(1.5, 6); // 0 − 0.25·(−6)
    const r = minimize((x) => (x[0]! - 3) ** 2, [0], { method: 'gradient-descent', stepRule: 'fixed', learningRate: 0.25, jac: (x) => [2 * (x[0]! - 3)] });
    expect(r.success).toBe(true);
    expect(r.x[0]).toBeCloseTo(3, 5);
  });

  it('gradient descent with backtracking on an ill-conditioned quadratic', () => {
    const r = minimize((x) => x[0]! ** 2 + 10 * x[1]! ** 2, [3, 1], { method: 'gradient-descent' });
    expect(r.success).toBe(true);
    expect(Math.abs(r.x[0]!)).toBeLessThan(1e-5);
    expect(Math.abs(r.x[1]!)).toBeLessThan(1e-5);
  });

  it('newton with the analytic Hessian converges quadratically to (1, 1) on Rosenbrock', () => {
    const r = minimize(rosen, [-1.2, 1], { method: 'newton', jac: rosenGrad, hess: rosenHess, tol: 1e-10 });
    expect(r.success).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 10);
    expect(r.x[1]).toBeCloseTo(1, 10);
    expect(r.nit).toBeLessThan(40);
    expect(r.nhev).toBe(r.nit);
  });

  it('newton with a finite-difference Hessian, and on an indefinite start', () => {
    const r = minimize(rosen, [-1.2, 1], { method: 'newton', jac: rosenGrad });
    expect(r.success).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 4);
    // f = x⁴ − 2x² + y²: Hessian indefinite at x = 0.1; the shifted Newton step still descends
    const w = minimize((x) => x[0]! ** 4 - 2 * x[0]! ** 2 + x[1]! ** 2, [0.1, 1], { method: 'newton' });
    expect(w.success).toBe(true);
    expect(Math.abs(w.x[0]!)).toBeCloseTo(1, 5);
  });

  it('l-bfgs-b stops on an active bound with the projected gradient zero', () => {
    // min (x − 3)² + (y + 1)² on [0, 2] × [0, 5]: x* = (2, 0)
    const r = minimize((x) => (x[0]! - 3) ** 2 + (x[1]! + 1) ** 2, [1, 1], { method: 'l-bfgs-b', bounds: [[0, 2], [0, 5]] });
    expect(r.success).toBe(true);
    expect(Array.from(r.x)).toEqual([2, 0]);
    // Rosenbrock with x₁ ≤ 0.5: the constrained minimiser is (0.5, 0.25)
    const b = minimize(rosen, [-1.2, 1], { bounds: [[null, 0.5], [null, null]], jac: rosenGrad });
    expect(b.method).toBe('l-bfgs-b');
    expect(b.x[0]).toBeCloseTo(0.5, 8);
    expect(b.x[1]).toBeCloseTo(0.25, 6);
  });

  it('nelder-mead respects bounds', () => {
    const r = minimize((x) => (x[0]! - 3) ** 2 + (x[1]! + 1) ** 2, [1, 1], { method: 'nelder-mead', bounds: [[0, 2], [0, 5]] });
    expect(r.success).toBe(true);
    expect(r.x[0]).toBeCloseTo(2, 4);
    expect(r.x[1]).toBeCloseTo(0, 4);
  });

  it('slsqp: equality-constrained quadratic with its exact KKT point and multiplier', () => {
    // min x² + 2y² s.t. x + y = 3: ∇f = λ∇c → (2x, 4y) = λ(1, 1) → x = 2, y = 1, λ = 4
    const r = minimize((x) => x[0]! ** 2 + 2 * x[1]! ** 2, [0, 0], {
      constraints: [{ type: 'eq', fun: (x) => x[0]! + x[1]! - 3, jac: () => [1, 1] }],
      jac: (x) => [2 * x[0]!, 4 * x[1]!],
    });
    expect(r.method).toBe('slsqp');
    expect(r.success).toBe(true);
    expect(r.x[0]).toBeCloseTo(2, 9);
    expect(r.x[1]).toBeCloseTo(1, 9);
    expect(r.multipliers![0]).toBeCloseTo(4, 8);
  });

  it('slsqp: the lesson 07 margin problem, multipliers (8/9, 4/9, 4/9)', () => {
    const r = minimize((w) => w[0]! ** 2 + w[1]! ** 2, [1, 1, 1], {
      method: 'slsqp',
      bounds: [[-10, 10], [-10, 10], [-10, 10]],
      constraints: [
        { type: 'ineq', fun: (w) => -w[2]! - 1 },
        { type: 'ineq', fun: (w) => w[0]! + 2 * w[1]! + w[2]! - 1 },
        { type: 'ineq', fun: (w) => 2 * w[0]! + w[1]! + w[2]! - 1 },
      ],
    });
    expect(r.success).toBe(true);
    expect(r.fun).toBeCloseTo(8 / 9, 12);
    [2 / 3, 2 / 3, -1].forEach((v, i) => expect(r.x[i]).toBeCloseTo(v, 10));
    [8 / 9, 4 / 9, 4 / 9].forEach((v, i) => expect(r.multipliers![i]).toBeCloseTo(v, 6));
    expect(Array.from(r.boundMultipliers!)).toEqual([0, 0, 0]);
  });

  it('slsqp: vector-valued constraints and the ordering of multipliers', () => {
    // min −x − y s.t. (1 − x² − y² ≥ 0, x ≥ 0): x = y = 1/√2, λ = 1/√2 for the disc, 0 for x ≥ 0
    const r = minimize((x) => -x[0]! - x[1]!, [0.5, 0.1], {
      constraints: [{ type: 'ineq', fun: (x) => [1 - x[0]! ** 2 - x[1]! ** 2, x[0]!] }],
    });
    expect(r.success).toBe(true);
    expect(r.x[0]).toBeCloseTo(Math.SQRT1_2, 7);
    expect(r.multipliers![0]).toBeCloseTo(Math.SQRT1_2, 5);
    expect(r.multipliers![1]).toBeCloseTo(0, 8);
  });
});

describe('resumable stepping', () => {
  it.each(['bfgs', 'l-bfgs-b', 'nelder-mead', 'slsqp', 'newton', 'gradient-descent'] as const)('%s: minimizeSteps yields every iterate and returns minimize’s result', (method) => {
    const opts = { method, maxiter: method === 'gradient-descent' ? 20000 : undefined };
    const gen = minimizeSteps(rosen, [-1.2, 1], opts);
    const seen: OptimizeStep[] = [];
    let res = gen.next();
    while (!res.done) {
      seen.push(res.value);
      res = gen.next();
    }
    const direct = minimize(rosen, [-1.2, 1], opts);
    expect(res.value.nit).toBe(seen.length);
    expect(seen.map((s) => s.nit)).toEqual(seen.map((_, i) => i + 1));
    expect(Array.from(res.value.x)).toEqual(Array.from(direct.x));
    expect(res.value.fun).toBe(direct.fun);
    expect(seen[seen.length - 1]!.fun).toBe(res.value.fun);
  });

  it('a callback can stop the solver', () => {
    let calls = 0;
    const r = minimize(rosen, [-1.2, 1], { method: 'bfgs', callback: () => ++calls === 3 });
    expect(r.status).toBe(7);
    expect(r.success).toBe(false);
    expect(r.nit).toBe(3);
  });

  it('nelder-mead steps carry the simplex for animation', () => {
    const s = minimizeSteps(rosen, [-1.2, 1], { method: 'nelder-mead' }).next().value as OptimizeStep;
    expect(s.simplex).toHaveLength(3);
  });
});

describe('doc examples', () => {
  it('wolfeLineSearch accepts the first trial when both conditions hold', async () => {
    const { wolfeLineSearch } = await import('../../src/optimize/index.js');
    expect(wolfeLineSearch((a) => ({ alpha: a, phi: (a - 2) ** 2, dphi: 2 * (a - 2), data: null }), 4, -4)!.alpha).toBe(1);
    // a far too long first step is cut back by the zoom phase to one satisfying both conditions
    const p = wolfeLineSearch((a) => ({ alpha: a, phi: (a - 2) ** 2, dphi: 2 * (a - 2), data: null }), 4, -4, { alpha0: 100 })!;
    expect(p.phi).toBeLessThanOrEqual(4 - 1e-4 * p.alpha * 4);
    expect(Math.abs(2 * (p.alpha - 2))).toBeLessThanOrEqual(0.9 * 4);
  });

  it('wolfeLineSearch refuses a non-descent direction and bad constants without evaluating', async () => {
    const { wolfeLineSearch } = await import('../../src/optimize/index.js');
    let calls = 0;
    const phi = (a: number) => ({ alpha: a, phi: (a - 2) ** 2, dphi: 2 * (a - 2), data: (calls++, null) });
    expect(wolfeLineSearch(phi, 4, 4)).toBeNull(); // uphill: φ'(0) > 0
    expect(wolfeLineSearch(phi, 4, 0)).toBeNull();
    expect(wolfeLineSearch(phi, NaN, -4)).toBeNull();
    expect(calls).toBe(0);
    expect(() => wolfeLineSearch(phi, 4, -4, { c1: 0.9, c2: 0.1 })).toThrow(/0 < c1 < c2 < 1/);
  });

  it('minimize examples', () => {
    const res = minimize((x) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2, [-1.2, 1], { method: 'bfgs' });
    expect(res.success).toBe(true);
    const c = minimize((v) => v[0]! ** 2 + v[1]! ** 2, [2, 0], { constraints: [{ type: 'ineq', fun: (v) => v[0]! + v[1]! - 1 }] });
    expect(c.x[0]).toBeCloseTo(0.5, 8);
    expect(c.x[1]).toBeCloseTo(0.5, 8);
  });
});
