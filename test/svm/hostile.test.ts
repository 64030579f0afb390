import { describe, expect, it } from 'vitest';
import { ArgumentError, DomainError, ShapeError } from '../../src/core/index.js';
import { NotFittedError, SVC } from '../../src/svm/index.js';

// Hostile input a scikit-learn user will try: the answers are exact (hand-solvable problems) or
// the documented scikit-learn behaviour.
describe('SVC on hostile input', () => {
  const X = [
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 3],
  ];
  const y = [0, 0, 1, 1];

  it('one class is a typed error', () => {
    expect(() => new SVC().fit(X, [1, 1, 1, 1])).toThrow(ArgumentError);
  });
  it('predict, decisionFunction and attributes before fit throw NotFittedError', () => {
    const s = new SVC();
    expect(() => s.predict(X)).toThrow(NotFittedError);
    expect(() => s.decisionFunction(X)).toThrow(NotFittedError);
    expect(() => s.supportVectors).toThrow(NotFittedError);
    expect(() => s.intercept).toThrow(NotFittedError);
  });
  it('wrong feature count, NaN or empty X at predict time are typed errors', () => {
    const s = new SVC({ kernel: 'linear' }).fit(X, y);
    expect(() => s.predict([[1, 2, 3]])).toThrow(ShapeError);
    expect(() => s.predict([[1]])).toThrow(ShapeError);
    expect(() => s.predict([[NaN, 1]])).toThrow(DomainError);
    expect(() => s.predict([])).toThrow(ArgumentError);
  });
  it('huge C on separable data is the hard margin: w = (1, 1), b = −3', () => {
    const s = new SVC({ kernel: 'linear', C: 1e300 }).fit(X, y);
    expect(s.converged).toBe(true);
    expect(s.coef[0]).toBeCloseTo(1, 9);
    expect(s.coef[1]).toBeCloseTo(1, 9);
    expect(s.intercept).toBeCloseTo(-3, 9);
    expect(s.predict(X)).toEqual(y);
  });
  it('huge C with contradicting duplicates terminates (zero curvature: step to the bound)', () => {
    // (0,0) and (1,1) each appear with both labels: no separation exists, every α goes to C and
    // the decision function is 0 at both points by symmetry.
    const Xd = [[0, 0], [0, 0], [1, 1], [1, 1]];
    for (const kernel of ['linear', 'rbf'] as const) {
      const s = new SVC({ kernel, C: 1e300 }).fit(Xd, [0, 1, 0, 1]);
      expect(s.converged).toBe(true);
      for (const v of s.decisionFunction(Xd)) expect(Number.isFinite(v)).toBe(true);
    }
  });
  it("constant features with gamma 'scale' use gamma = 1 (scikit-learn's rule for Var(X) = 0)", () => {
    const s = new SVC({ gamma: 'scale' }).fit([[2, 2], [2, 2], [2, 2], [2, 2]], [0, 1, 0, 1]);
    expect(s.gammaValue).toBe(1);
    // identical points, balanced labels: the decision function is 0 and the fit is finite
    expect(s.decisionFunction([[2, 2]])[0]).toBeCloseTo(0, 12);
  });
  it('a constant column does not break an otherwise separable problem', () => {
    const s = new SVC({ kernel: 'linear', C: 1e6 }).fit([[1, 0], [1, 1], [1, 2], [1, 3]], y);
    expect(s.predict([[1, 0.2], [1, 2.7]])).toEqual([0, 1]);
    expect(s.coef[0]).toBeCloseTo(0, 9); // the constant feature carries no weight
    expect(s.coef[1]).toBeCloseTo(2, 6); // margin between x = 1 and x = 2: w = 2, b = −3
    expect(s.intercept).toBeCloseTo(-3, 6);
  });
  it('one sample per class: the bisector', () => {
    const s = new SVC({ kernel: 'linear', C: 1e6 }).fit([[0, 0], [2, 0]], ['a', 'b']);
    expect(s.predict([[0.9, 5], [1.1, -5]])).toEqual(['a', 'b']);
    expect(s.decisionFunction([[1, 0]])[0]).toBeCloseTo(0, 9);
  });
  it('maxIter = 0 stops before any step and says so', () => {
    const s = new SVC({ maxIter: 0 }).fit(X, y);
    expect(s.converged).toBe(false);
    expect(s.nIter).toBe(0);
  });
});
