/**
 * criticalPoints and solveSystem against exact, hand-derived answers (what SymPy's
 * solve(gradient) plus a Hessian test gives). Each case states the math in a comment.
 */
import { describe, it, expect } from 'vitest';
import { parse } from '../../../../src/symbolic/parse/parse.js';
import { symbol, type Expr } from '../../../../src/symbolic/expr/expr.js';
import { type CriticalResult } from '../../../../src/symbolic/calculus/critical/index.js';
import { zeroFactors } from '../../../../src/symbolic/calculus/solve/system.js';
import { toString, evaluate, criticalPoints, solveSystem, solveSystemDetailed } from '../../../../src/symbolic/index.js';

const S = (e: Expr) => toString(e);
const N = (e: Expr) => evaluate(e);

/** [exact coordinates..., kind] per point, in the result's (sorted) order. */
const exact = (r: CriticalResult) => r.points.map((p) => [...Object.values(p.point).map(S), p.kind]);

/** Numeric coordinates/kind/value compared with expected [coords, kind, value]. */
function expectPoints(r: CriticalResult, want: Array<[number[], string, number]>) {
  expect(r.points).toHaveLength(want.length);
  r.points.forEach((p, i) => {
    const [coords, kind, value] = want[i]!;
    Object.values(p.point).forEach((c, j) => expect(N(c)).toBeCloseTo(coords[j]!, 12));
    expect(p.kind).toBe(kind);
    expect(N(p.value)).toBeCloseTo(value, 12);
    expect(p.numeric).toBe(false);
  });
}

const r2 = Math.SQRT1_2;

describe('criticalPoints: the reported playground bug', () => {
  it('x·e^(−x²−y²): ∇f = ((1−2x²)e^u, −2xy e^u) = 0 at (±1/√2, 0)', () => {
    const r = criticalPoints(parse('x*exp(-x^2-y^2)'), ['x', 'y']);
    expect(r.complete).toBe(true);
    expect(r.reason).toBeUndefined();
    expect(exact(r)).toEqual([
      ['-sqrt(2)/2', '0', 'min'],
      ['sqrt(2)/2', '0', 'max'],
    ]);
    // f(±1/√2, 0) = ±e^(−1/2)/√2
    expectPoints(r, [
      [[-r2, 0], 'min', -r2 * Math.exp(-0.5)],
      [[r2, 0], 'max', r2 * Math.exp(-0.5)],
    ]);
  });
  it('x·y·e^(−x²−y²): saddle at 0, maxima where xy > 0, minima where xy < 0 (5 points)', () => {
    const r = criticalPoints('x*y*exp(-x^2-y^2)', ['x', 'y']);
    expect(r.complete).toBe(true);
    const e1 = Math.exp(-1) / 2;
    expectPoints(r, [
      [[-r2, -r2], 'max', e1],
      [[-r2, r2], 'min', -e1],
      [[0, 0], 'saddle', 0],
      [[r2, -r2], 'min', -e1],
      [[r2, r2], 'max', e1],
    ]);
  });
});

describe('criticalPoints: two and three variables', () => {
  it('x² + y²: min at 0; x² − y²: saddle at 0; −x² − y²: max', () => {
    expect(exact(criticalPoints('x^2 + y^2'))).toEqual([['0', '0', 'min']]);
    expect(exact(criticalPoints('x^2 - y^2'))).toEqual([['0', '0', 'saddle']]);
    expect(exact(criticalPoints('-x^2 - y^2'))).toEqual([['0', '0', 'max']]);
  });
  it('x³ − 3x + y²: ∇f = (3x² − 3, 2y); H = diag(6x, 2) → saddle (−1, 0), min (1, 0)', () => {
    const r = criticalPoints('x^3 - 3*x + y^2', ['x', 'y']);
    expect(exact(r)).toEqual([
      ['-1', '0', 'saddle'],
      ['1', '0', 'min'],
    ]);
    expect(r.points.map((p) => S(p.value))).toEqual(['2', '-2']);
    expect(r.points[0]!.test).toBe('Hessian eigenvalues -6, 2');
  });
  it('x⁴ + y⁴: H(0) = 0, decided by the higher-order argument f(h) − f(0) = h₁⁴ + h₂⁴ ≥ 0', () => {
    const r = criticalPoints('x^4 + y^4');
    expect(exact(r)).toEqual([['0', '0', 'min']]);
    expect(r.points[0]!.test).toMatch(/singular.*even powers/);
  });
  it('singular Hessian, not an extremum: x⁴ − y⁴ and x³ + y² are saddles', () => {
    const a = criticalPoints('x^4 - y^4');
    expect(exact(a)).toEqual([['0', '0', 'saddle']]);
    expect(a.points[0]!.test).toMatch(/rises along \(1, 0\) and falls along \(0, 1\)/);
    const b = criticalPoints('x^3 + y^2');
    expect(exact(b)).toEqual([['0', '0', 'saddle']]);
    expect(b.points[0]!.test).toMatch(/odd power/);
  });
  it('(x − 1)² + (y + 2)²: min 0 at (1, −2)', () => {
    const r = criticalPoints('(x-1)^2 + (y+2)^2');
    expect(exact(r)).toEqual([['1', '-2', 'min']]);
    expect(S(r.points[0]!.value)).toBe('0');
  });
  it('Rosenbrock 100(y − x²)² + (1 − x)²: the only stationary point is the min (1, 1)', () => {
    const r = criticalPoints('100*(y - x^2)^2 + (1 - x)^2', ['x', 'y']);
    expect(r.complete).toBe(true);
    expect(exact(r)).toEqual([['1', '1', 'min']]);
    // H(1, 1) = [[802, −400], [−400, 200]]: eigenvalues 501 ∓ √250601
    const ev = r.points[0]!.test.match(/[\d.]+/g)!.map(Number);
    expect(ev[0]).toBeCloseTo(501 - Math.sqrt(250601), 8);
    expect(ev[1]).toBeCloseTo(501 + Math.sqrt(250601), 8);
  });
  it('x² + xy + y² − 3x: 2x + y = 3, x + 2y = 0 → min −3 at (2, −1)', () => {
    const r = criticalPoints('x^2 + x*y + y^2 - 3*x');
    expect(exact(r)).toEqual([['2', '-1', 'min']]);
    expect(S(r.points[0]!.value)).toBe('-3');
  });
  it('x³ + y³ − 3xy (folium): saddle (0, 0), min (1, 1)', () => {
    expect(exact(criticalPoints('x^3 + y^3 - 3*x*y'))).toEqual([
      ['0', '0', 'saddle'],
      ['1', '1', 'min'],
    ]);
  });
  it('three variables: x² + y² + z² − xy − yz, Hessian eigenvalues 2 − √2, 2, 2 + √2 → min at 0', () => {
    const r = criticalPoints('x^2 + y^2 + z^2 - x*y - y*z', ['x', 'y', 'z']);
    expect(exact(r)).toEqual([['0', '0', '0', 'min']]);
    const ev = r.points[0]!.test.match(/[\d.]+/g)!.map(Number);
    expect(ev[0]).toBeCloseTo(2 - Math.SQRT2, 9);
    expect(ev[2]).toBeCloseTo(2 + Math.SQRT2, 9);
  });
});

describe('criticalPoints: harder systems (no linear unknown, singular Hessians)', () => {
  it('x⁴ + y⁴ + z⁴ − 4xyz: minima −1 at (1,1,1) and the three sign flips with xyz > 0; a saddle at 0', () => {
    const r = criticalPoints('x^4 + y^4 + z^4 - 4*x*y*z', ['x', 'y', 'z']);
    expect(r.complete).toBe(true);
    expect(exact(r)).toEqual([
      ['-1', '-1', '1', 'min'],
      ['-1', '1', '-1', 'min'],
      ['0', '0', '0', 'saddle'], // f(t, −t, −t) = 3t⁴ − 4t³: odd lowest order
      ['1', '-1', '-1', 'min'],
      ['1', '1', '1', 'min'],
    ]);
    expect(r.points.filter((p) => p.kind === 'min').every((p) => S(p.value) === '-1')).toBe(true);
  });
  it('x⁶ + y⁶ − 3x²y²: y = ±x² from a quadratic, then x²(x⁶ − 1) = 0 → four minima −1 and a saddle', () => {
    const r = criticalPoints('x^6 + y^6 - 3*x^2*y^2');
    expect(r.complete).toBe(true);
    expect(exact(r)).toEqual([
      ['-1', '-1', 'min'],
      ['-1', '1', 'min'],
      ['0', '0', 'saddle'],
      ['1', '-1', 'min'],
      ['1', '1', 'min'],
    ]);
  });
  it('(x² − 1)² + (y² − 1)²: 4 minima, 4 saddles, 1 maximum', () => {
    const r = criticalPoints('(x^2 - 1)^2 + (y^2 - 1)^2');
    expect(r.points).toHaveLength(9);
    const count = (k: string) => r.points.filter((p) => p.kind === k).length;
    expect([count('min'), count('saddle'), count('max')]).toEqual([4, 4, 1]);
    expect(exact(r).find((p) => p[2] === 'max')).toEqual(['0', '0', 'max']);
  });
  it('x/(1 + x² + y²): the denominator is dropped, min −1/2 at (−1, 0), max 1/2 at (1, 0)', () => {
    const r = criticalPoints('x/(1 + x^2 + y^2)');
    expect(exact(r)).toEqual([
      ['-1', '0', 'min'],
      ['1', '0', 'max'],
    ]);
  });
  it('x²y − y³ + x: x = −√3·y, y⁴ = 1/12 → two saddles', () => {
    const r = criticalPoints('x^2*y - y^3 + x');
    expect(r.complete).toBe(true);
    const y0 = 12 ** -0.25, x0 = Math.sqrt(3) * y0;
    const f = (x: number, y: number) => x * x * y - y ** 3 + x;
    expectPoints(r, [
      [[-x0, y0], 'saddle', f(-x0, y0)],
      [[x0, -y0], 'saddle', f(x0, -y0)],
    ]);
    expect(exact(r)).toEqual([
      ['-12^(1/4)/2', '12^(3/4)/12', 'saddle'],
      ['12^(1/4)/2', '-12^(3/4)/12', 'saddle'],
    ]);
  });
  it('√(x² + y²): the only candidate (0, 0) is where the gradient is undefined, so no "never 0"', () => {
    const r = criticalPoints('sqrt(x^2 + y^2)');
    expect(r.points).toEqual([]);
    expect(r.complete).toBe(false);
    expect(r.reason).toMatch(/undefined at x = 0, y = 0/);
  });
});

describe('criticalPoints: every answer checked against f itself', () => {
  // Independent of the classifier: at each listed point the gradient is ~0, a 'min' is ≤ f on a
  // ring of nearby points, a 'max' ≥, and a 'saddle' has nearby points on both sides.
  const fs = [
    'x^2 + y^2', 'x^2 - y^2', 'x^3 - 3*x + y^2', 'x^4 + y^4', 'x*y*exp(-x^2-y^2)', 'x*exp(-x^2-y^2)',
    '100*(y - x^2)^2 + (1 - x)^2', 'x^3 + y^3 - 3*x*y', 'x^6 + y^6 - 3*x^2*y^2', '(x^2 - 1)^2 + (y^2 - 1)^2',
    'x^4 - y^4', 'x^3 + y^2', 'x^2*y - y^3 + x', 'y^2 - x^3 + x', 'x*exp(y) - exp(x)', 'exp(x)*(x^2 + y^2)',
  ];
  for (const text of fs) {
    it(text, () => {
      const f = parse(text);
      const r = criticalPoints(f, ['x', 'y']);
      expect(r.points.length).toBeGreaterThan(0);
      const at = (x: number, y: number) => evaluate(f, { x, y });
      for (const p of r.points) {
        const [px, py] = [N(p.point.x!), N(p.point.y!)];
        r.derivative.forEach((g) => expect(Math.abs(evaluate(g, { x: px, y: py }))).toBeLessThan(1e-9));
        const f0 = at(px, py);
        const ring = Array.from({ length: 64 }, (_, k) => at(px + 1e-3 * Math.cos((k * Math.PI) / 32), py + 1e-3 * Math.sin((k * Math.PI) / 32)) - f0);
        const tol = 1e-12 * Math.max(1, Math.abs(f0));
        if (p.kind === 'min') expect(Math.min(...ring)).toBeGreaterThanOrEqual(-tol);
        else if (p.kind === 'max') expect(Math.max(...ring)).toBeLessThanOrEqual(tol);
        else if (p.kind === 'saddle') expect([Math.min(...ring) < 0, Math.max(...ring) > 0]).toEqual([true, true]);
      }
    });
  }
});

describe('criticalPoints: one variable', () => {
  it('x³ − 2x² + 1 (lesson 06): max at 0, min at 4/3', () => {
    const r = criticalPoints('x^3 - 2*x^2 + 1', 'x');
    expect(r.complete).toBe(true);
    expect(exact(r)).toEqual([
      ['0', 'max'],
      ['4/3', 'min'],
    ]);
    expect(r.points.map((p) => S(p.value))).toEqual(['1', '-5/27']);
  });
  it('x·e^(−x): f′ = (1 − x)e^(−x), max e^(−1) at 1', () => {
    const r = criticalPoints('x*exp(-x)', 'x');
    expect(exact(r)).toEqual([['1', 'max']]);
    expect(N(r.points[0]!.value)).toBeCloseTo(Math.exp(-1), 14);
  });
  it('sin x: principal solutions π/2 (max), 3π/2 (min), and the list says it is not complete', () => {
    const r = criticalPoints('sin(x)', 'x');
    expect(exact(r)).toEqual([
      ['pi/2', 'max'],
      ['3*pi/2', 'min'],
    ]);
    expect(r.complete).toBe(false);
    expect(r.reason).toMatch(/periodic/);
  });
  it('log x: f′ = 1/x is never 0 (proven)', () => {
    const r = criticalPoints('log(x)', 'x');
    expect(r.points).toEqual([]);
    expect(r.complete).toBe(true);
    expect(r.reason).toBe("f'(x) = 1/x is never 0");
  });
  it('x⁴ min, x³ inflection (higher-order test)', () => {
    expect(exact(criticalPoints('x^4', 'x'))).toEqual([['0', 'min']]);
    expect(exact(criticalPoints('x^3', 'x'))).toEqual([['0', 'inflection']]);
  });
});

describe('criticalPoints: honest reasons', () => {
  it('e^x + y²: "never 0" only because ∂f/∂x = e^x is proven nonzero', () => {
    const r = criticalPoints('exp(x) + y^2');
    expect(r.points).toEqual([]);
    expect(r.complete).toBe(true);
    expect(r.reason).toBe('the gradient is never 0: df/dx = exp(x) is never 0');
  });
  it('x + y²: ∂f/∂x = 1, no stationary point (proven)', () => {
    const r = criticalPoints('x + y^2');
    expect(r.points).toEqual([]);
    expect(r.complete).toBe(true);
    expect(r.reason).toMatch(/never 0/);
  });
  it('(x + y)²: the gradient vanishes on the line x + y = 0, never "never 0"', () => {
    const r = criticalPoints('(x + y)^2');
    expect(r.points).toEqual([]);
    expect(r.complete).toBe(false);
    expect(r.reason).toMatch(/whole curve/);
    expect(r.reason).not.toMatch(/never/);
  });
  it('(x² + y²)e^(−x²−y²): min at 0 plus a circle of maxima, flagged incomplete', () => {
    const r = criticalPoints('(x^2 + y^2)*exp(-x^2 - y^2)');
    expect(r.complete).toBe(false);
    expect(r.reason).toMatch(/curve/);
    const origin = r.points.find((p) => N(p.point.x!) === 0 && N(p.point.y!) === 0)!;
    expect(origin.kind).toBe('min');
    // Every listed point is stationary; those on the circle x² + y² = 1 are not called strict extrema.
    for (const p of r.points.filter((q) => q !== origin)) {
      expect(N(p.point.x!) ** 2 + N(p.point.y!) ** 2).toBeCloseTo(1, 12);
      expect(p.kind).toBe('inconclusive');
    }
  });
  it('sin x + y²: periodic, incomplete', () => {
    const r = criticalPoints('sin(x) + y^2');
    expect(exact(r)).toEqual([
      ['pi/2', '0', 'saddle'],
      ['3*pi/2', '0', 'min'],
    ]);
    expect(r.complete).toBe(false);
  });
  it('a parameter (a·x² + y² in x, y): the point is found, the kind depends on a', () => {
    const r = criticalPoints('a*x^2 + y^2', ['x', 'y']);
    expect(exact(r)).toEqual([['0', '0', 'inconclusive']]);
    expect(r.complete).toBe(false);
  });
});

describe('solveSystem on polynomial systems', () => {
  const vals = (sols: ReturnType<typeof solveSystem>, names: string[]) => sols.map((s) => names.map((n) => S(s.values.get(symbol(n))!)));
  it('circle ∩ line: x² + y² = 1, y = x → ±(√2/2, √2/2)', () => {
    expect(vals(solveSystem(['x^2 + y^2 = 1', 'y = x'], ['x', 'y']), ['x', 'y'])).toEqual([
      ['-sqrt(2)/2', '-sqrt(2)/2'],
      ['sqrt(2)/2', 'sqrt(2)/2'],
    ]);
  });
  it('x² + y² = 25, y = x + 1 → (−4, −3), (3, 4)', () => {
    const got = vals(solveSystem(['x^2 + y^2 = 25', 'y = x + 1'], ['x', 'y']), ['x', 'y']);
    expect(got.sort()).toEqual([['-4', '-3'], ['3', '4']]);
  });
  it('tangent and missing intersections: y = 1 touches once, y = 2 misses (proven empty)', () => {
    expect(vals(solveSystem(['x^2 + y^2 - 1', 'y - 1'], ['x', 'y']), ['x', 'y'])).toEqual([['0', '1']]);
    const miss = solveSystemDetailed(['x^2 + y^2 - 1', 'y - 2'], ['x', 'y']);
    expect(miss.solutions).toEqual([]);
    expect(miss.complete).toBe(true);
  });
  it('x² + y² = 1, y = x²: y = (√5 − 1)/2, x = ±√y', () => {
    const sols = solveSystem(['x^2 + y^2 = 1', 'y = x^2'], ['x', 'y']);
    const yv = (Math.sqrt(5) - 1) / 2;
    expect(sols.map((s) => [N(s.values.get(symbol('x'))!), N(s.values.get(symbol('y'))!)]).sort((a, b) => a[0]! - b[0]!)).toEqual([
      [expect.closeTo(-Math.sqrt(yv), 14), expect.closeTo(yv, 14)],
      [expect.closeTo(Math.sqrt(yv), 14), expect.closeTo(yv, 14)],
    ]);
    expect(sols.every((s) => !s.numeric)).toBe(true);
  });
  it('products split into cases: xy = 0, x + y = 1 → (0, 1), (1, 0)', () => {
    expect(vals(solveSystem(['x*y', 'x + y - 1'], ['x', 'y']), ['x', 'y']).sort()).toEqual([['0', '1'], ['1', '0']]);
  });
  it('never-zero factors are divided out: (x − 1)e^x = 0, (y² + 1)y = 0 → (1, 0)', () => {
    expect(vals(solveSystem(['(x - 1)*exp(x)', '(y^2 + 1)*y'], ['x', 'y']), ['x', 'y'])).toEqual([['1', '0']]);
  });
  it('Lagrange: extremes of x + y on x² + y² = 2 → (±1, ±1), λ = ±1/2', () => {
    const sols = solveSystem(['1 - 2*l*x', '1 - 2*l*y', 'x^2 + y^2 - 2'], ['x', 'y', 'l']);
    expect(vals(sols, ['x', 'y', 'l']).sort()).toEqual([['-1', '-1', '-1/2'], ['1', '1', '1/2']]);
  });
});

describe('zeroFactors', () => {
  it('drops exp, positive constants, sums of squares plus a constant; splits products', () => {
    expect(zeroFactors(parse('(1 - 2*x^2)*exp(-x^2 - y^2)')).map(S)).toEqual(['1 - 2*x^2']);
    expect(zeroFactors(parse('exp(x)'))).toEqual([]);
    expect(zeroFactors(parse('3*(x^2 + y^2 + 1)'))).toEqual([]);
    expect(zeroFactors(parse('x*y*(x^2 + 1)')).map(S).sort()).toEqual(['x', 'y']);
    // A common factor of a sum: y·e^u − 2x²y·e^u = y·e^u·(1 − 2x²).
    expect(zeroFactors(parse('y*exp(-x^2-y^2) - 2*x^2*y*exp(-x^2-y^2)')).map(S).sort()).toEqual(['1 - 2*x^2', 'y'].sort());
  });
  it('keeps what may vanish: x² + y² (zero at 0), sin x, a parameter', () => {
    expect(zeroFactors(parse('x^2 + y^2')).map(S)).toEqual(['x^2 + y^2']);
    expect(zeroFactors(parse('sin(x)')).map(S)).toEqual(['sin(x)']);
    expect(zeroFactors(parse('a*x')).map(S).sort()).toEqual(['a', 'x']);
  });
});
