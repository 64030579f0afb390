import { describe, expect, it } from 'vitest';
import { ArgumentError, ConvergenceError, DomainError, ShapeError, SingularMatrixError } from '../../src/core/index.js';
import {
  brentq,
  cholesky,
  condEstimate,
  derivative,
  det,
  eigSym,
  fromRows,
  inverse,
  linsolve,
  linspace,
  lstsq,
  matrix,
  newton,
  nnls,
  polyRoots,
  quad,
} from '../../src/numeric/index.js';

// Hostile input: typed errors or documented results, never a crash, a hang or a silent NaN.
describe('quad on hostile input', () => {
  it('NaN or a non-number from f is a DomainError that names x', () => {
    expect(() => quad(() => NaN, 0, 1)).toThrow(DomainError);
    expect(() => quad((x) => (x > 0.5 ? NaN : 1), 0, 1)).toThrow(/returned NaN at x = /);
    expect(() => quad(() => 'a' as unknown as number, 0, 1)).toThrow(DomainError);
  });
  it('equal limits give 0, including ±∞ = ±∞', () => {
    expect(quad(Math.exp, 3, 3).value).toBe(0);
    expect(quad(Math.exp, Infinity, Infinity).value).toBe(0);
    expect(quad(Math.exp, -Infinity, -Infinity).value).toBe(0);
  });
  it('an overflowing integral is a DomainError, not Infinity', () => {
    expect(() => quad(() => 1, -1e308, 1e308)).toThrow(/overflows/);
  });
  it('an integrand that overflows toward ∞ is a DomainError', () => {
    expect(() => quad(Math.exp, 0, Infinity)).toThrow(DomainError);
  });
  it('divergent integrals are flagged, not returned with status 0', () => {
    expect(quad((x) => x, 0, Infinity).status).not.toBe(0);
    expect(quad((x) => 1 / Math.sqrt(Math.abs(x)), -Infinity, Infinity).status).not.toBe(0);
    expect(quad((x) => 1 / (x - 0.5), 0, 1).status).not.toBe(0); // a principal value, not an integral
  });
  it('bad tolerances and break points are ArgumentErrors', () => {
    expect(() => quad(Math.exp, 0, 1, { epsabs: 0, epsrel: 1e-300 })).toThrow(ArgumentError);
    expect(() => quad(Math.exp, 0, 1, { points: [NaN] })).toThrow(ArgumentError);
    expect(() => quad(Math.exp, 0, 1, { epsrel: -1 })).toThrow(ArgumentError);
  });
  it('an explicit epsabs is honoured as SciPy does (no extra relative refinement)', () => {
    const f = (x: number) => Math.exp(-x) * Math.cos(10 * x);
    const loose = quad(f, 0, Infinity, { epsabs: 1.49e-8 });
    const dflt = quad(f, 0, Infinity);
    expect(Math.abs(dflt.value - 1 / 101)).toBeLessThanOrEqual(1e-8 / 101);
    expect(loose.error).toBeLessThanOrEqual(1.49e-8);
    expect(loose.neval).toBeLessThan(dflt.neval);
  });
});

describe('roots on hostile input', () => {
  it('brentq: non-finite bracket, no sign change and NaN from f are typed errors', () => {
    expect(() => brentq((x) => x, -Infinity, 1)).toThrow(ArgumentError);
    expect(() => brentq((x) => x, NaN, 1)).toThrow(ArgumentError);
    expect(() => brentq((x) => x * x + 1, -1, 1)).toThrow(ArgumentError);
    expect(() => brentq(() => NaN, -1, 1)).toThrow(DomainError);
  });
  it('brentq accepts a reversed bracket and a root at a == b', () => {
    expect(brentq((x) => x - 0.5, 1, 0).root).toBeCloseTo(0.5, 12);
    expect(brentq((x) => x, 0, 0).root).toBe(0);
  });
  it('newton: NaN iterates, no root and infinite x0 are typed errors', () => {
    expect(() => newton(() => NaN, 1)).toThrow(ConvergenceError);
    expect(() => newton((x) => x * x + 1, 0)).toThrow(ConvergenceError);
    expect(() => newton((x) => x, Infinity)).toThrow(ArgumentError);
  });
  it('polyRoots: the zero polynomial and NaN coefficients are typed errors', () => {
    expect(() => polyRoots([0, 0, 0])).toThrow(ArgumentError);
    expect(() => polyRoots([])).toThrow(ArgumentError);
    expect(() => polyRoots([1, NaN, 1])).toThrow(DomainError);
    expect(polyRoots([0, 1, -1])).toEqual([{ re: 1, im: 0 }]); // leading zeros dropped
  });
});

describe('linear algebra on hostile input', () => {
  const singular = fromRows([[1, 2], [2, 4]]);
  it('singular matrices: SingularMatrixError to solve or invert, det 0, cond ∞', () => {
    expect(() => linsolve(singular, [1, 2])).toThrow(SingularMatrixError);
    expect(() => inverse(singular)).toThrow(SingularMatrixError);
    expect(det(singular)).toBe(0);
    expect(condEstimate(singular)).toBe(Infinity);
  });
  it('NaN entries, wrong shapes and ragged rows are typed errors', () => {
    expect(() => linsolve(fromRows([[1, NaN], [2, 4]]), [1, 2])).toThrow(DomainError);
    expect(() => linsolve(fromRows([[1, 0], [0, 1]]), [1, 2, 3])).toThrow(ShapeError);
    expect(() => linsolve(fromRows([[1, 0, 1], [0, 1, 1]]), [1, 2])).toThrow(ShapeError);
    expect(() => fromRows([[1, 2], [1]])).toThrow(ShapeError);
    expect(() => matrix(-1, 2)).toThrow(ArgumentError);
    expect(() => eigSym(fromRows([[1, 2], [0, 1]]))).toThrow(DomainError);
    expect(() => cholesky(fromRows([[1, 2], [2, 1]]))).toThrow(DomainError);
    expect(() => nnls(fromRows([[1, NaN]]), [1])).toThrow(ArgumentError);
  });
  it('empty matrices: the conventions of NumPy (det 1, empty solutions)', () => {
    expect(det(matrix(0, 0))).toBe(1);
    expect(Array.from(linsolve(matrix(0, 0), []))).toEqual([]);
    expect(Array.from(eigSym(matrix(0, 0)).values)).toEqual([]);
    expect(nnls(matrix(0, 0), []).x.length).toBe(0);
  });
  it('a rank-deficient least-squares problem reports its rank and the minimum residual', () => {
    // three copies of the row (1, 1): only x₁ + x₂ is determined, = mean(1, 2, 3) = 2
    const r = lstsq(fromRows([[1, 1], [1, 1], [1, 1]]), [1, 2, 3]);
    expect(r.rank).toBe(1);
    expect(r.x[0]! + r.x[1]!).toBeCloseTo(2, 12);
    expect(r.residual).toBeCloseTo(2, 12); // (1−2)² + 0 + (3−2)²
  });
});

describe('arrays and derivatives on hostile input', () => {
  it('linspace rejects non-finite ends and absurd lengths', () => {
    expect(() => linspace(0, NaN, 5)).toThrow(ArgumentError);
    expect(() => linspace(0, 1, 1e12)).toThrow(ArgumentError);
  });
  it('derivative of f undefined at x is a DomainError, not NaN', () => {
    expect(() => derivative(() => NaN, 1)).toThrow(DomainError);
    expect(() => derivative(Math.sqrt, -1)).toThrow(DomainError);
    expect(() => derivative((x) => x, Infinity)).toThrow(DomainError);
  });
});
