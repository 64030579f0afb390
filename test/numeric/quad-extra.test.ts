import { describe, expect, it } from 'vitest';
import { QUAD_MAX_EVAL, epsilonTable, gk21, quad } from '../../src/numeric/index.js';
import { levinU } from '../../src/numeric/quad-oscillatory.js';
import { ArgumentError, ConvergenceError, DomainError } from '../../src/core/index.js';

// Exact values: standard integrals (Dirichlet, Fresnel, Laplace) — not the code's own output.
const cases: [string, (x: number) => number, number, number, number][] = [
  ['sin x / x on [0, ∞) = π/2', (x) => Math.sin(x) / x, 0, Infinity, Math.PI / 2],
  ['sin x / x on ℝ = π', (x) => Math.sin(x) / x, -Infinity, Infinity, Math.PI],
  ['cos x / (1 + x²) on [0, ∞) = π/(2e)', (x) => Math.cos(x) / (1 + x * x), 0, Infinity, Math.PI / (2 * Math.E)],
  ['sin(x²) on [0, ∞) = √(π/8)', (x) => Math.sin(x * x), 0, Infinity, Math.sqrt(Math.PI / 8)],
  ['sin x / √x on [0, ∞) = √(π/2)', (x) => Math.sin(x) / Math.sqrt(x), 0, Infinity, Math.sqrt(Math.PI / 2)],
  ['sin(1/x)/x on (0, 1] = π/2 − Si(1)', (x) => Math.sin(1 / x) / x, 0, 1, Math.PI / 2 - 0.946083070367183],
  ['cos(1/x) on (0, 1] = cos 1 − π/2 + Si(1)', (x) => Math.cos(1 / x), 0, 1, Math.cos(1) - Math.PI / 2 + 0.946083070367183],
  ['e^−x cos x on [0, ∞) = 1/2', (x) => Math.exp(-x) * Math.cos(x), 0, Infinity, 0.5],
  ['x^−0.9 on (0, 1] = 10', (x) => x ** -0.9, 0, 1, 10],
  ['log x on (0, 1] = −1', Math.log, 0, 1, -1],
  ['1/(1+x²) on (−∞, 0] = π/2', (x) => 1 / (1 + x * x), -Infinity, 0, Math.PI / 2],
  // oscillation without sign changes: humps + Levin's u-transform
  ['sin²x/x² on [0, ∞) = π/2', (x) => (Math.sin(x) / x) ** 2, 0, Infinity, Math.PI / 2],
  ['(1 − cos x)/x² on [0, ∞) = π/2', (x) => (1 - Math.cos(x)) / (x * x), 0, Infinity, Math.PI / 2],
  ['sin⁴x/x² on [0, ∞) = π/4', (x) => Math.sin(x) ** 4 / (x * x), 0, Infinity, Math.PI / 4],
  // interior singularities found without break points
  ['|x − 1/π|^−0.8 on [0, 1] = 5((1/π)^0.2 + (1 − 1/π)^0.2)', (x) => Math.abs(x - 1 / Math.PI) ** -0.8, 0, 1, 5 * ((1 / Math.PI) ** 0.2 + (1 - 1 / Math.PI) ** 0.2)],
  ['|x − 0.2|^−½ + |x − 0.7|^−½ on [0, 1]', (x) => Math.abs(x - 0.2) ** -0.5 + Math.abs(x - 0.7) ** -0.5, 0, 1, 2 * (Math.sqrt(0.2) + Math.sqrt(0.8) + Math.sqrt(0.7) + Math.sqrt(0.3))],
];

describe('quad beyond the battery', () => {
  for (const [name, f, a, b, exact] of cases) {
    it(name, () => {
      const r = quad(f, a, b);
      expect(r.status, r.message).toBe(0);
      const err = Math.abs(r.value - exact);
      expect(err).toBeLessThanOrEqual(1e-8 * Math.abs(exact));
      expect(err).toBeLessThanOrEqual(10 * r.error);
    });
  }
  it('reversed limits negate; equal limits give 0', () => {
    expect(quad(Math.exp, 1, 0).value).toBeCloseTo(-(Math.E - 1), 14);
    expect(quad(Math.exp, 2, 2)).toMatchObject({ value: 0, error: 0, neval: 0 });
  });
  it('break points handle interior singularities', () => {
    const r = quad((x) => 1 / Math.sqrt(Math.abs(x)), -1, 1, { points: [0] });
    expect(Math.abs(r.value - 4)).toBeLessThan(1e-12);
  });
  it('a node landing on a singularity or a 0/0 becomes a break point by itself', () => {
    // 0 is the midpoint node of [−1, 1]
    expect(Math.abs(quad((x) => 1 / Math.sqrt(Math.abs(x)), -1, 1).value - 4)).toBeLessThan(1e-12);
    expect(Math.abs(quad((x) => Math.sin(x) / x, -1, 1).value - 2 * 0.946083070367183)).toBeLessThan(1e-13); // 2·Si(1)
  });
  it('flags divergence and the subdivision limit instead of pretending', () => {
    const cos = quad(Math.cos, 0, Infinity);
    expect(cos.status).toBe(5);
    expect(cos.error).toBeGreaterThan(0.5);
    const hard = quad((x) => Math.sin(1 / x), 0, 1, { limit: 5, oscillatory: false });
    expect(hard.status).toBe(1);
    expect(hard.message).toMatch(/subdivisions/);
  });
  it('typed errors on bad input', () => {
    expect(() => quad(Math.exp, NaN, 1)).toThrow(ArgumentError);
    expect(() => quad(Math.exp, 0, 1, { limit: 0 })).toThrow(ArgumentError);
    expect(() => quad(() => NaN, 0, 1)).toThrow(DomainError);
    expect(() => quad(Math.sqrt, -2, -1)).toThrow(/returned NaN .* inside \(-2, -1\)/);
  });
  it('gk21 is exact for polynomials of degree ≤ 31 (Kronrod 21-point)', () => {
    const r = gk21((x) => x ** 30, 0, 1);
    expect(Math.abs(r.result - 1 / 31)).toBeLessThan(1e-16);
  });
  it("Levin's u-transform sums Σ 1/k² (where epsilon fails)", () => {
    const terms = Array.from({ length: 12 }, (_, k) => 1 / (k + 1) ** 2);
    expect(Math.abs(levinU(terms) - Math.PI ** 2 / 6)).toBeLessThan(1e-9);
  });
  it("Wynn's epsilon accelerates Σ(−1)^k/(k+1) to ln 2", () => {
    const t = epsilonTable();
    let s = 0;
    let out = { value: 0, error: Infinity };
    for (let k = 0; k < 20; k++) {
      s += (-1) ** k / (k + 1);
      out = t.push(s);
    }
    expect(Math.abs(out.value - Math.LN2)).toBeLessThan(1e-14);
    expect(Math.abs(s - Math.LN2)).toBeGreaterThan(1e-2); // the plain partial sum is far off
  });
});

describe('quad: narrow peaks every first-pass node misses', () => {
  it('exp(−(x−100)²) over ℝ = √π (SciPy quad returns 0 here)', () => {
    const r = quad((x) => Math.exp(-((x - 100) ** 2)), -Infinity, Infinity);
    expect(Math.abs(r.value - Math.sqrt(Math.PI))).toBeLessThan(1e-12);
    expect(r.status).toBe(0);
  });
  it('a Gaussian of sd 7e-5 at 1/π on [0, 1] (SciPy quad returns 0)', () => {
    const r = quad((x) => Math.exp(-1e8 * (x - 1 / Math.PI) ** 2), 0, 1);
    const exact = Math.sqrt(Math.PI / 1e8);
    expect(Math.abs(r.value - exact)).toBeLessThan(1e-8 * exact);
    expect(Math.abs(r.value - exact)).toBeLessThanOrEqual(10 * r.error);
  });
  it('Si(1000) = ∫₀¹⁰⁰⁰ sin x / x: more oscillations than the subdivision limit allows', () => {
    const r = quad((x) => Math.sin(x) / x, 0, 1000);
    expect(r.status).toBe(0);
    expect(Math.abs(r.value - 1.570233121968771218)).toBeLessThan(1e-8); // mpmath si(1000)
  });
  it('the zero function stays 0', () => {
    expect(quad(() => 0, 0, Infinity).value).toBe(0);
  });
});

describe('quad: aliasing and the evaluation budget', () => {
  // ∫₀ᵇ sin = 1 − cos b. On [0, 1e300] the doubles near the top are ~1e284 apart, so every node
  // sees an arbitrary value of sin: QAGS's extrapolated totals looked converged (1.1e299, status 0).
  it('never reports success with an aliased value (sin on [0, 1e300])', () => {
    const r = quad(Math.sin, 0, 1e300);
    const truth = 1 - Math.cos(1e300);
    if (r.status === 0) expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(10 * r.error);
    expect(r.status).not.toBe(0);
    expect(r.neval).toBeLessThanOrEqual(QUAD_MAX_EVAL);
  });

  it('stops at maxEval with status 6 and the first stage\'s estimate (sin on [0, 1e7])', () => {
    const r = quad(Math.sin, 0, 1e7, { maxEval: 20_000 });
    expect(r.status).toBe(6);
    expect(r.neval).toBeLessThanOrEqual(20_000);
    expect(r.message).toMatch(/maxEval/);
    expect(quad(Math.sin, 0, 1e7).neval).toBeLessThanOrEqual(QUAD_MAX_EVAL); // was 3.2 million
  });

  it('keeps a genuinely extrapolated result: the cross-check agrees at endpoint singularities', () => {
    for (const [f, want] of [[(x: number) => 1 / Math.sqrt(x), 2], [Math.log, -1], [(x: number) => Math.log(x) / Math.sqrt(x), -4]] as const) {
      const r = quad(f, 0, 1);
      expect(r.status).toBe(0);
      expect(Math.abs(r.value - want)).toBeLessThan(1e-9);
    }
  });

  it('still integrates 1600 periods by splitting at the sign changes (sin on [0, 1e4])', () => {
    const r = quad(Math.sin, 0, 1e4);
    expect(r.status).toBe(0);
    expect(Math.abs(r.value - (1 - Math.cos(1e4)))).toBeLessThan(1e-7);
  });

  it('rejects a maxEval that is not an integer ≥ 21', () => {
    for (const bad of [0, 20, 1.5, '100', NaN]) expect(() => quad(Math.sin, 0, 1, { maxEval: bad as number })).toThrow(ArgumentError);
  });

  it('a budget spent before any estimate is a ConvergenceError', () => {
    const points = Array.from({ length: 60 }, (_, i) => (i + 1) / 61);
    expect(() => quad(Math.sin, 0, 1, { points, maxEval: 21 * 10 })).toThrow(ConvergenceError);
  });
});
