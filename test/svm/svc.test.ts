import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ArgumentError, DomainError, NablaError, ShapeError } from '../../src/core/errors.js';
import { makeCircles } from '../../src/nn/datasets.js';
import { NotFittedError, SVC, smoSolve } from '../../src/svm/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const ref = JSON.parse(readFileSync(resolve(here, '../reference/svm/svc.json'), 'utf8'));

type Small = { X: number[][]; y: number[]; w: number[]; b: number; support: number[]; dual_coef: number[] };

function expectClose(actual: number[], expected: number[], tol: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => expect(Math.abs(a - expected[i]!)).toBeLessThanOrEqual(tol));
}

describe('SVC on lesson 7 (reference: scikit-learn SVC)', () => {
  // The reference was made with a tight tol (its numbers agree with the exact 2/3, −1 to 1e-13);
  // at tol 1e-12 our SMO takes libsvm's path and lands on the very same digits.
  for (const name of ['three_points', 'six_points'] as const) {
    it(`${name}: w = (2/3, 2/3), b = −1, support and dual coefficients`, () => {
      const r: Small = ref[name];
      const svm = new SVC({ kernel: 'linear', C: 1e6, tol: 1e-12 }).fit(r.X, r.y);
      expectClose(svm.coef, r.w, 1e-6);
      expect(Math.abs(svm.intercept - r.b)).toBeLessThanOrEqual(1e-6);
      expect(svm.support).toEqual(r.support);
      expectClose(svm.dualCoef, r.dual_coef, 1e-6);
      expectClose(svm.coef, [2 / 3, 2 / 3], 1e-9);
      expect(svm.intercept).toBeCloseTo(-1, 9);
      expect(svm.supportVectors).toEqual(r.support.map((i) => r.X[i]));
      expect(svm.nSupport).toEqual([1, 2]);
      expect(svm.margin).toBeCloseTo(3 / (2 * Math.SQRT2), 9);
      expect(svm.converged).toBe(true);
    });

    it(`${name}: the default tol 1e-3 gives the line to ~1e-3`, () => {
      const r: Small = ref[name];
      const svm = new SVC({ kernel: 'linear', C: 1e6 }).fit(r.X, r.y);
      expectClose(svm.coef, r.w, 1e-3);
      expect(svm.support).toEqual(r.support);
      expect(svm.predict(r.X)).toEqual(r.y);
      expect(svm.score(r.X, r.y)).toBe(1);
    });

    it(`${name}: solver 'hard-margin' gives the exact line`, () => {
      const r: Small = ref[name];
      const svm = new SVC({ kernel: 'linear', solver: 'hard-margin' }).fit(r.X, r.y);
      expectClose(svm.coef, [2 / 3, 2 / 3], 1e-15);
      expect(svm.intercept).toBe(-1);
      expect(svm.support).toEqual(r.support);
      expectClose(svm.dualCoef, r.dual_coef, 1e-6);
      expect(svm.alpha.filter((a) => a > 0)).toEqual([4 / 9, 2 / 9, 2 / 9]);
    });
  }

  it('alpha and active constraints: the exercise points are inactive', () => {
    const r: Small = ref.six_points;
    const svm = new SVC({ kernel: 'linear', C: 1e6, tol: 1e-12 }).fit(r.X, r.y);
    expect(svm.activeConstraints).toEqual([false, false, true, false, true, true]);
    expectClose(svm.alpha, [0, 0, 4 / 9, 0, 2 / 9, 2 / 9], 1e-9);
    // Inactive constraints hold strictly: y_i f(x_i) > 1.
    const f = svm.decisionFunction(r.X);
    for (const i of [0, 1, 3]) expect(r.y[i]! * f[i]!).toBeGreaterThan(1.5);
  });

  it('labels can be any two values; the larger one is the positive class', () => {
    const r: Small = ref.three_points;
    const svm = new SVC({ kernel: 'linear', C: 1e6, tol: 1e-12 }).fit(r.X, ['no', 'yes', 'yes']);
    expect(svm.classes).toEqual(['no', 'yes']);
    expectClose(svm.dualCoef, r.dual_coef, 1e-6);
    expect(svm.predict([[3, 3], [-1, 0]])).toEqual(['yes', 'no']);
    // Swapping which class is larger flips every sign.
    const flipped = new SVC({ kernel: 'linear', C: 1e6, tol: 1e-12 }).fit(r.X, [1, 0, 0]);
    expectClose(flipped.coef, [-2 / 3, -2 / 3], 1e-9);
    expect(flipped.intercept).toBeCloseTo(1, 9);
  });
});

describe('SVC rbf on make_circles (reference: libsvm through scikit-learn)', () => {
  const test = makeCircles({ nSamples: 5000, factor: 0.5, noise: 0.1, seed: 12345 });
  for (const [key, n] of [
    ['circles_rbf_1000', 1000],
    ['circles_rbf_10000', 10000],
  ] as const) {
    it(`${n} points: support-vector count, intercept and accuracy`, () => {
      const r = ref[key];
      expect(r.dataset).toBe(`make_circles(n_samples=${n}, factor=0.5, noise=0.1, random_state=0)`);
      expect(r.test_set).toBe('make_circles(n_samples=5000, factor=0.5, noise=0.1, random_state=12345)');
      const { X, y } = makeCircles({ nSamples: n, factor: 0.5, noise: 0.1, seed: 0 });
      const svm = new SVC({ kernel: 'rbf', C: r.C, gamma: 'scale', tol: r.tol }).fit(X, y);
      expect(Math.abs(svm.gammaValue - r.gamma) / r.gamma).toBeLessThan(1e-12);
      const nsv = svm.support.length;
      expect(Math.abs(nsv - r.n_support)).toBeLessThanOrEqual(0.01 * r.n_support);
      expect(Math.abs(svm.intercept - r.intercept)).toBeLessThanOrEqual(1e-2);
      expect(svm.score(test.X, test.y)).toBeGreaterThanOrEqual(r.test_accuracy);
      expect(svm.score(X, y)).toBeGreaterThanOrEqual(r.train_accuracy - 0.002);
      expect(svm.nSupport).toHaveLength(2);
      expect(svm.nSupport.reduce((a, b) => a + b, 0)).toBe(nsv);
      expect(svm.converged).toBe(true);
    });
  }
});

/**
 * KKT conditions of the soft-margin problem, checked from the outside through decisionFunction:
 * α = 0 ⇒ y f ≥ 1, 0 < α < C ⇒ y f = 1, α = C ⇒ y f ≤ 1 (each up to the tolerance), plus
 * 0 ≤ α ≤ C and Σ y α = 0.
 */
function expectKkt(svm: SVC, X: number[][], y: number[], slack: number): void {
  const f = svm.decisionFunction(X);
  const alpha = svm.alpha;
  const s = y.map((v) => (v === svm.classes[1] ? 1 : -1));
  let sum = 0;
  for (let i = 0; i < X.length; i++) {
    const a = alpha[i]!;
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThanOrEqual(svm.C);
    sum += s[i]! * a;
    const m = s[i]! * f[i]!;
    if (a === 0) expect(m).toBeGreaterThanOrEqual(1 - slack);
    else if (a === svm.C) expect(m).toBeLessThanOrEqual(1 + slack);
    else expect(Math.abs(m - 1)).toBeLessThanOrEqual(slack);
  }
  expect(Math.abs(sum)).toBeLessThan(1e-9);
}

describe('SMO solutions satisfy the KKT conditions', () => {
  const { X, y } = makeCircles({ nSamples: 300, factor: 0.5, noise: 0.15, seed: 3 });
  const cases: Array<[string, ConstructorParameters<typeof SVC>[0]]> = [
    ['rbf', { kernel: 'rbf', C: 1 }],
    ['rbf C=10 gamma=auto', { kernel: 'rbf', C: 10, gamma: 'auto' }],
    ['linear', { kernel: 'linear', C: 0.5 }],
    ['poly', { kernel: 'poly', degree: 2, coef0: 1, C: 1 }],
    ['sigmoid', { kernel: 'sigmoid', gamma: 0.1, coef0: -1, C: 0.3 }],
    ['custom', { kernel: (a, b) => (1 + a[0]! * b[0]! + a[1]! * b[1]!) ** 2, C: 1 }],
    ['no shrinking', { kernel: 'rbf', C: 1, shrinking: false }],
  ];
  for (const [name, opts] of cases) {
    it(name, () => {
      const svm = new SVC({ ...opts, tol: 1e-5 }).fit(X, y);
      expect(svm.converged).toBe(true);
      expectKkt(svm, X, y, 1e-4);
    });
  }

  it('poly degree 2 with coef0 1 equals the custom kernel (1 + a·b)²', () => {
    const a = new SVC({ kernel: 'poly', degree: 2, coef0: 1, gamma: 1, tol: 1e-6 }).fit(X, y);
    const b = new SVC({ kernel: (u, v) => (1 + u[0]! * v[0]! + u[1]! * v[1]!) ** 2, tol: 1e-6 }).fit(X, y);
    expect(a.support).toEqual(b.support);
    expect(Math.abs(a.intercept - b.intercept)).toBeLessThan(1e-4);
  });

  it('a tiny kernel cache (constant eviction and column swaps) changes nothing', () => {
    const big = new SVC({ C: 1 }).fit(X, y);
    const tiny = new SVC({ C: 1, cacheSize: 0.003 }).fit(X, y);
    expect(tiny.alpha).toEqual(big.alpha);
    expect(tiny.intercept).toBe(big.intercept);
  });

  it('Ḡ built lazily at the first shrink (big cache) equals Ḡ kept current from the start (small cache)', () => {
    // 4000 noisy points need ~9000 steps, so shrinking runs many times; the default cache holds
    // all 4000 columns (lazy Ḡ), 1 MB holds 65 (eager Ḡ, constant eviction).
    const big = makeCircles({ nSamples: 4000, factor: 0.5, noise: 0.3, seed: 3 });
    const lazy = new SVC({ C: 10 }).fit(big.X, big.y);
    const eager = new SVC({ C: 10, cacheSize: 1 }).fit(big.X, big.y);
    expect(lazy.nIter).toBeGreaterThan(2000);
    expect(lazy.converged).toBe(true);
    expect(lazy.alpha).toEqual(eager.alpha);
    expect(lazy.intercept).toBe(eager.intercept);
    expectKkt(lazy, big.X, big.y, 1e-2);
  });

  it('maxIter stops early and says so', () => {
    const svm = new SVC({ C: 1, maxIter: 3 }).fit(X, y);
    expect(svm.converged).toBe(false);
    expect(svm.nIter).toBe(3);
  });

  it('predict agrees with the sign of decisionFunction', () => {
    const svm = new SVC({ C: 1 }).fit(X, y);
    const f = svm.decisionFunction(X);
    expect(svm.predict(X)).toEqual(f.map((v) => (v >= 0 ? 1 : 0)));
    expect(svm.score(X, y)).toBeGreaterThan(0.9);
  });
});

describe('bad input gives typed errors', () => {
  const X = [
    [0, 0],
    [1, 2],
    [2, 1],
  ];
  const fit = (Xb: unknown, yb: unknown, opts = {}) => () => new SVC(opts).fit(Xb as number[][], yb as number[]);
  it('bad labels and weights', () => {
    expect(fit(X, [1, 1, 1])).toThrow(ArgumentError);
    expect(fit(X, [1, 1, 1])).toThrow(/only one class/);
    expect(fit(X, [0, 1, Infinity])).toThrow(DomainError);
    expect(fit(X, [0, 1, 2], { solver: 'hard-margin', kernel: 'linear' })).toThrow(/two classes/);
    expect(fit(X, [0, 1, 2], { classWeight: { 7: 2 } })).toThrow(/not in y/);
    expect(fit(X, [0, 1, 2], { classWeight: { 1: -2 } })).toThrow(/≥ 0/);
    expect(() => new SVC().fit(X, [0, 1, 1], [1, 1])).toThrow(ShapeError);
    expect(() => new SVC().fit(X, [0, 1, 1], [1, NaN, 1])).toThrow(DomainError);
    expect(() => new SVC().fit(X, [0, 1, 1], [0, 0, 0])).toThrow(/every sampleWeight is 0/);
    expect(() => new SVC().fit(X, [0, 1, 1], [1, 0, 0])).toThrow(/no sample with a positive weight/);
    expect(() => new SVC({ decisionFunctionShape: 'ovx' as 'ovr' })).toThrow(ArgumentError);
    expect(() => new SVC({ breakTies: true, decisionFunctionShape: 'ovo' })).toThrow(ArgumentError);
    expect(() => new SVC({ randomState: -1 })).toThrow(ArgumentError);
    const m = new SVC().fit(X, [0, 1, 2]);
    expect(() => m.predictProba(X)).toThrow(/probability: true/);
    expect(() => m.intercept).toThrow(/use intercepts/);
    expect(() => m.decisionFunction(X)).toThrow(/decisionMatrix/);
    expect(fit(X, [0, 'a', 1])).toThrow(ArgumentError);
  });
  it('NaN or infinite features', () => {
    expect(fit([[0, 0], [1, NaN], [2, 1]], [0, 1, 1])).toThrow(DomainError);
    expect(fit([[0, 0], [1, NaN], [2, 1]], [0, 1, 1])).toThrow('X[1][1] is NaN');
    expect(fit([[0, 0], [1, Infinity], [2, 1]], [0, 1, 1])).toThrow(DomainError);
  });
  it('mismatched lengths and ragged rows', () => {
    expect(fit(X, [0, 1])).toThrow(ShapeError);
    expect(fit(X, [0, 1])).toThrow('X has 3 rows but y has 2 labels');
    expect(fit([[0, 0], [1], [2, 1]], [0, 1, 1])).toThrow(ShapeError);
    const svm = new SVC({ kernel: 'linear' }).fit(X, [0, 1, 1]);
    expect(() => svm.predict([[1, 2, 3]])).toThrow(ShapeError);
    expect(() => svm.score(X, [0, 1])).toThrow(ShapeError);
  });
  it('empty X', () => {
    expect(fit([], [])).toThrow(ArgumentError);
    expect(fit([], [])).toThrow(/empty/);
    expect(fit([[], []], [0, 1])).toThrow(ShapeError);
  });
  it('bad options and use before fit', () => {
    expect(() => new SVC({ C: -1 })).toThrow(ArgumentError);
    expect(() => new SVC({ gamma: 0 })).toThrow(ArgumentError);
    expect(() => new SVC({ kernel: 'cubic' as 'rbf' })).toThrow(/kernel must be/);
    expect(() => new SVC({ degree: 1.5 })).toThrow(ArgumentError);
    expect(() => new SVC({ solver: 'hard-margin', kernel: 'rbf' })).toThrow(ArgumentError);
    expect(() => new SVC().predict(X)).toThrow(NotFittedError);
    expect(() => new SVC({ kernel: 'rbf' }).fit(X, [0, 1, 1]).coef).toThrow(/only defined for kernel 'linear'/);
    expect(fit(X, [0, 1, 1], { kernel: () => NaN })).toThrow(ArgumentError);
  });
  it('every error is a NablaError', () => {
    for (const f of [fit(X, [2, 2, 2]), fit([], []), fit(X, [0])]) {
      expect(f).toThrow(NablaError);
    }
  });
});

describe('smoSolve (the dual solver on its own)', () => {
  const base = {
    X: new Float64Array([0, 0, 1, 2, 2, 1]),
    n: 3,
    d: 2,
    y: new Int8Array([1, -1, -1]), // libsvm's convention: the first class is +1
    C: 1e6,
    kernel: { kernel: 'linear' as const, gamma: 1, degree: 3, coef0: 0 },
    tol: 1e-12,
    maxIter: -1,
    cacheBytes: 1 << 20,
    shrinking: true,
  };
  it('α = (4/9, 2/9, 2/9), ρ = b, dual objective −4/9', () => {
    const r = smoSolve(base);
    expectClose(Array.from(r.alpha), [4 / 9, 2 / 9, 2 / 9], 1e-12);
    expect(r.rho).toBeCloseTo(-1, 12); // f_lib(x) = Σ y α k − ρ = −(w·x + b) ⇒ ρ = b
    expect(r.objective).toBeCloseTo(-4 / 9, 12); // ½αᵀQα − Σα = ½‖w‖² − ‖w‖²
    expect(r.converged).toBe(true);
    expect(r.gap).toBeLessThan(1e-12);
  });
  it('checks its arguments', () => {
    expect(() => smoSolve({ ...base, n: 4 })).toThrow(ShapeError);
    expect(() => smoSolve({ ...base, y: new Int8Array([1, 0, -1]) })).toThrow(ArgumentError);
    expect(() => smoSolve({ ...base, C: 0 })).toThrow(ArgumentError);
  });
});
