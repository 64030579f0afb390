// Infeasible and ill-posed inputs: a result with success false and a clear message, or a typed
// error for malformed arguments. Never a claimed success at a non-KKT point.
import { describe, expect, it } from 'vitest';
import { ArgumentError, ShapeError } from '../../src/core/errors.js';
import { minimize, STATUS_MESSAGES } from '../../src/optimize/index.js';

const sq = (x: Float64Array) => x[0]! ** 2 + x[1]! ** 2;

describe('malformed arguments throw typed errors', () => {
  it('wrong lengths and bad values', () => {
    expect(() => minimize(sq, [])).toThrow(ArgumentError);
    expect(() => minimize(sq, [1, NaN])).toThrow(/x0\[1\]/);
    expect(() => minimize(sq, [1, 1], { bounds: [[0, 1]] })).toThrow(ArgumentError);
    expect(() => minimize(sq, [1, 1], { bounds: [[0, 1], [2, 1]] })).toThrow(/lower bound 2 exceeds upper bound 1/);
    expect(() => minimize(sq, [1, 1], { jac: () => [1, 2, 3] })).toThrow(ShapeError);
    expect(() => minimize(sq, [1, 1], { method: 'simplex' as never })).toThrow(/unknown method 'simplex'/);
    expect(() => minimize(sq, [1, 1], { method: 'bfgs', constraints: [{ type: 'ineq', fun: (x) => x[0]! }] })).toThrow(/use 'slsqp'/);
    expect(() => minimize(sq, [1, 1], { constraints: [{ type: 'geq' as never, fun: (x) => x[0]! }] })).toThrow(/'eq' or 'ineq'/);
    expect(() => minimize(sq, [1, 1], { tol: -1 })).toThrow(ArgumentError);
    expect(() => minimize(sq, [1, 1], { maxfev: NaN })).toThrow(/maxfev must be a positive integer/);
    expect(() => minimize(sq, [1, 1], { maxfev: -1 })).toThrow(/maxfev/);
    expect(() => minimize(sq, [1, 1], { fdStep: Infinity })).toThrow(/fdStep must be a relative step/);
    expect(() => minimize(sq, [1, 1], { fdStep: 0 })).toThrow(ArgumentError);
    expect(() => minimize(sq, [1, 1], { constraints: [{ type: 'eq', fun: (x) => x[0]!, jac: () => [1] }] })).toThrow(ShapeError);
  });

  it('x0 outside the bounds is clipped with a warning, or refused with clipX0: false', () => {
    const r = minimize(sq, [5, 1], { method: 'slsqp', bounds: [[1, 2], [null, null]] });
    expect(r.success).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 8);
    expect(r.warnings[0]).toMatch(/x0\[0\] = 5 not in \[1, 2\]/);
    expect(() => minimize(sq, [5, 1], { method: 'l-bfgs-b', bounds: [[1, 2], [null, null]], clipX0: false })).toThrow(/outside the bounds/);
  });
});

describe('numerical failures give success: false with the reason', () => {
  it.each(['bfgs', 'l-bfgs-b', 'nelder-mead', 'newton', 'gradient-descent', 'slsqp'] as const)('NaN at x0 (%s)', (method) => {
    const r = minimize(() => NaN, [1, 2], { method });
    expect(r.success).toBe(false);
    expect(r.status).toBe(3);
    expect(r.message).toContain(STATUS_MESSAGES[3]);
  });

  it('NaN outside the domain is backed away from (log barrier-like objective)', () => {
    // f = x − log x has its minimum at x = 1; f is NaN for x < 0
    const f = (x: Float64Array) => x[0]! - Math.log(x[0]!);
    for (const method of ['bfgs', 'l-bfgs-b', 'nelder-mead', 'slsqp'] as const) {
      const r = minimize(f, [0.1], { method });
      expect(r.success, `${method}: ${r.message}`).toBe(true);
      expect(r.x[0]).toBeCloseTo(1, 3);
    }
  });

  it('inconsistent linear constraints: x ≥ 1 and x ≤ 0', () => {
    const r = minimize((x) => x[0]! ** 2, [0.5], {
      constraints: [
        { type: 'ineq', fun: (x) => x[0]! - 1 },
        { type: 'ineq', fun: (x) => -x[0]! },
      ],
    });
    expect(r.success).toBe(false);
    expect(r.message).toMatch(/inconsistent|could not be satisfied|infeasible/i);
    expect(r.maxcv).toBeGreaterThan(0.1);
  });

  it('inconsistent nonlinear constraints: inside the unit disc and on the line x + y = 3', () => {
    const r = minimize(sq, [0, 0], {
      constraints: [
        { type: 'ineq', fun: (x) => 1 - x[0]! ** 2 - x[1]! ** 2 },
        { type: 'eq', fun: (x) => x[0]! + x[1]! - 3 },
      ],
    });
    expect(r.success).toBe(false);
    expect(r.maxcv).toBeGreaterThan(0.1);
  });

  it('an infeasible start of a feasible problem is fine', () => {
    // min x² + y² s.t. x + y = 2, x ≥ 1.5 from (−5, −5): solution (1.5, 0.5)
    const r = minimize(sq, [-5, -5], {
      constraints: [
        { type: 'eq', fun: (x) => x[0]! + x[1]! - 2 },
        { type: 'ineq', fun: (x) => x[0]! - 1.5 },
      ],
    });
    expect(r.success).toBe(true);
    expect(r.x[0]).toBeCloseTo(1.5, 8);
    expect(r.x[1]).toBeCloseTo(0.5, 8);
  });

  it('iteration limit is a failure that says so', () => {
    const rosen = (x: Float64Array) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;
    for (const method of ['bfgs', 'l-bfgs-b', 'nelder-mead', 'slsqp', 'newton', 'gradient-descent'] as const) {
      const r = minimize(rosen, [-1.2, 1], { method, maxiter: 3 });
      expect(r.success).toBe(false);
      expect(r.status).toBe(1);
      expect(r.message).toMatch(/^Maximum number of iterations/);
    }
  });

  it.each(['bfgs', 'l-bfgs-b', 'newton', 'gradient-descent', 'slsqp'] as const)('an unbounded objective is not a success (%s)', (method) => {
    // f = −x₁: ∇f = (−1, 0) everywhere, so no point is stationary. SLSQP once measured the KKT
    // residual against tol·|f| and declared success once |f| ≈ 2.4e6.
    const r = minimize((x) => -x[0]!, [1, 1], { method, maxiter: 500 });
    expect(r.success).toBe(false);
    expect(r.message).not.toMatch(/successfully/);
  });

  it('a fixed gradient-descent step that diverges is reported', () => {
    const r = minimize((x) => x[0]! ** 4, [10], { method: 'gradient-descent', stepRule: 'fixed', learningRate: 1 });
    expect(r.success).toBe(false);
  });

  it('badly scaled: SLSQP stops early for SciPy (HS3-like); here only at a KKT point', () => {
    // f = x₂ + 1e-5 (x₂ − x₁)², x₂ ≥ 0: the x₁ direction is very flat; minimum 0 at (0, 0)
    const r = minimize((x) => x[1]! + 1e-5 * (x[1]! - x[0]!) ** 2, [10, 1], { method: 'slsqp', bounds: [[null, null], [0, null]] });
    expect(r.success).toBe(true);
    expect(Math.abs(r.fun)).toBeLessThan(1e-8);
  });
});

describe('redundant and over-determined equalities', () => {
  it('a duplicated equality constraint is harmless', () => {
    const c = { type: 'eq' as const, fun: (x: Float64Array) => x[0]! + x[1]! - 1 };
    const r = minimize(sq, [3, 0], { constraints: [c, c, { type: 'eq', fun: (x) => 2 * x[0]! + 2 * x[1]! - 2 }] });
    expect(r.success, r.message).toBe(true);
    expect(r.x[0]).toBeCloseTo(0.5, 8);
    expect(r.x[1]).toBeCloseTo(0.5, 8);
  });

  it('three independent equalities in two variables with no common point', () => {
    const r = minimize(sq, [0, 0], {
      constraints: [
        { type: 'eq', fun: (x) => x[0]! - 1 },
        { type: 'eq', fun: (x) => x[1]! - 1 },
        { type: 'eq', fun: (x) => x[0]! + x[1]! - 3 },
      ],
    });
    expect(r.success).toBe(false);
    expect(r.status).toBe(4);
  });
});

describe('option checks happen before the first step', () => {
  it('minimizeSteps throws at the call, not at the first next()', async () => {
    const { minimizeSteps } = await import('../../src/optimize/index.js');
    expect(() => minimizeSteps(sq, [1, 1], { method: 'gradient-descent', learningRate: -1 })).toThrow(ArgumentError);
    expect(() => minimizeSteps(sq, [1, 1], { method: 'l-bfgs-b', memory: 0 })).toThrow(/memory/);
    expect(() => minimizeSteps(sq, [1, 1], { stepRule: 'armijo' as never })).toThrow(/stepRule/);
  });
});
