import { describe, expect, it } from 'vitest';
import { quad } from '../../src/numeric/index.js';

// A hunt for held-back cases: integrals with closed forms (values from tables — Gradshteyn &
// Ryzhik, Abramowitz & Stegun — or mpmath at 30 digits for the special-function constants),
// never the code's own output. The contract: status 0 with the value within 1e−8 relative and
// an honest error (true error ≤ 10× reported); a case that cannot be certified must say so with
// status ≠ 0, and even then its error estimate must cover the true error.
const EULER_GAMMA = 0.5772156649015329;
const CATALAN = 0.915965594177219;
const PI = Math.PI, E = Math.E;
const J0_5 = -0.17759677131433830435; // mpmath besselj(0, 5)
const J0_50 = 0.055812327669251815; // mpmath besselj(0, 50)
const J3_7 = -0.16755558799533424; // mpmath besselj(3, 7)
const I0_1 = 1.2660658777520083356; // mpmath besseli(0, 1)
const CI_1 = 0.33740392290096813466; // mpmath ci(1)

type Case = [string, (x: number) => number, number, number, number];
const cases: Case[] = [
  // algebraic and logarithmic endpoint singularities
  ['log(x)/√x on (0, 1] = −4', (x) => Math.log(x) / Math.sqrt(x), 0, 1, -4],
  ['x^−0.95 on (0, 1] = 20', (x) => x ** -0.95, 0, 1, 20],
  ['log²x on (0, 1] = 2', (x) => Math.log(x) ** 2, 0, 1, 2],
  ['√x·log x on (0, 1] = −4/9', (x) => Math.sqrt(x) * Math.log(x), 0, 1, -4 / 9],
  ['1/√(x(1−x)) on (0, 1) = π', (x) => 1 / Math.sqrt(x * (1 - x)), 0, 1, PI],
  ['x^−1/3 (1−x)^−2/3 on (0, 1) = B(2/3, 1/3) = 2π/√3', (x) => x ** (-1 / 3) * (1 - x) ** (-2 / 3), 0, 1, (2 * PI) / Math.sqrt(3)],
  ['log x · log(1−x) on (0, 1) = 2 − π²/6', (x) => Math.log(x) * Math.log1p(-x), 0, 1, 2 - PI ** 2 / 6],
  ['log(x)/(1−x) on (0, 1) = −π²/6', (x) => Math.log(x) / (1 - x), 0, 1, -(PI ** 2) / 6],
  ['log(1+x)/x on (0, 1] = π²/12', (x) => Math.log1p(x) / x, 0, 1, PI ** 2 / 12],
  ['atan(x)/x on (0, 1] = Catalan G', (x) => Math.atan(x) / x, 0, 1, CATALAN],
  ['(−log x)^−½ on (0, 1) = √π', (x) => 1 / Math.sqrt(-Math.log(x)), 0, 1, Math.sqrt(PI)],
  ['log sin x on (0, π/2] = −(π/2) log 2', (x) => Math.log(Math.sin(x)), 0, PI / 2, -(PI / 2) * Math.LN2],
  ['√(1−x²) on [0, 1] = π/4', (x) => Math.sqrt(1 - x * x), 0, 1, PI / 4],
  // infinite ranges
  ['e^−x log x on (0, ∞) = −γ', (x) => Math.exp(-x) * Math.log(x), 0, Infinity, -EULER_GAMMA],
  ['x/(eˣ−1) on (0, ∞) = π²/6', (x) => x / Math.expm1(x), 0, Infinity, PI ** 2 / 6],
  ['x³/(eˣ−1) on (0, ∞) = π⁴/15', (x) => x ** 3 / Math.expm1(x), 0, Infinity, PI ** 4 / 15],
  ['x^−0.9 e^−x on (0, ∞) = Γ(0.1)', (x) => x ** -0.9 * Math.exp(-x), 0, Infinity, 9.513507698668731],
  ['e^−x/√x on (0, ∞) = √π', (x) => Math.exp(-x) / Math.sqrt(x), 0, Infinity, Math.sqrt(PI)],
  ['1/((1+x)√x) on (0, ∞) = π', (x) => 1 / ((1 + x) * Math.sqrt(x)), 0, Infinity, PI],
  ['1/(1+x⁴) on [0, ∞) = π/(2√2)', (x) => 1 / (1 + x ** 4), 0, Infinity, PI / (2 * Math.SQRT2)],
  ['log(1+x²)/(1+x²) on [0, ∞) = π log 2', (x) => Math.log1p(x * x) / (1 + x * x), 0, Infinity, PI * Math.LN2],
  ['e^−x² log x on (0, ∞) = −(γ + 2 log 2)√π/4', (x) => Math.exp(-x * x) * Math.log(x), 0, Infinity, (-(EULER_GAMMA + 2 * Math.LN2) * Math.sqrt(PI)) / 4],
  ['sech x on ℝ = π', (x) => 1 / Math.cosh(x), -Infinity, Infinity, PI],
  ['e^−x² cos 2x on ℝ = √π/e', (x) => Math.exp(-x * x) * Math.cos(2 * x), -Infinity, Infinity, Math.sqrt(PI) / E],
  ['e^−(x−1000)² on ℝ = √π (far peak)', (x) => Math.exp(-((x - 1000) ** 2)), -Infinity, Infinity, Math.sqrt(PI)],
  ['e^−x/1000 on [0, ∞) = 1000 (slow decay)', (x) => Math.exp(-x / 1000), 0, Infinity, 1000],
  // oscillatory
  ['cos x/(1+x²) on [0, ∞) = π/(2e)', (x) => Math.cos(x) / (1 + x * x), 0, Infinity, PI / (2 * E)],
  ['sin x/√x on (0, ∞) = √(π/2)', (x) => Math.sin(x) / Math.sqrt(x), 0, Infinity, Math.sqrt(PI / 2)],
  ['e^−x cos 10x on [0, ∞) = 1/101', (x) => Math.exp(-x) * Math.cos(10 * x), 0, Infinity, 1 / 101],
  ['x e^−x sin x on [0, ∞) = 1/2', (x) => x * Math.exp(-x) * Math.sin(x), 0, Infinity, 0.5],
  ['e^−x sin x / x on (0, ∞) = π/4', (x) => (Math.exp(-x) * Math.sin(x)) / x, 0, Infinity, PI / 4],
  ['sin³x/x on (0, ∞) = π/4', (x) => Math.sin(x) ** 3 / x, 0, Infinity, PI / 4],
  ['(sin x/x)³ on (0, ∞) = 3π/8', (x) => (Math.sin(x) / x) ** 3, 0, Infinity, (3 * PI) / 8],
  ['sin x/(x(1+x²)) on (0, ∞) = (π/2)(1 − 1/e)', (x) => Math.sin(x) / (x * (1 + x * x)), 0, Infinity, (PI / 2) * (1 - 1 / E)],
  ['cos x² on [0, ∞) = √(π/8)', (x) => Math.cos(x * x), 0, Infinity, Math.sqrt(PI / 8)],
  ['sin(1/x) on (0, 1] = sin 1 − Ci(1)', (x) => Math.sin(1 / x), 0, 1, Math.sin(1) - CI_1],
  ['sin(1/x)/x on (0, 1] = π/2 − Si(1)', (x) => Math.sin(1 / x) / x, 0, 1, PI / 2 - 0.946083070367183],
  ['cos 100x on [0, 1] = sin(100)/100', (x) => Math.cos(100 * x), 0, 1, Math.sin(100) / 100],
  ['sin x on [0, 1000] = 1 − cos 1000', Math.sin, 0, 1000, 1 - Math.cos(1000)],
  // periodic and Bessel-like
  ['1/(2 + cos x) on [0, 2π] = 2π/√3', (x) => 1 / (2 + Math.cos(x)), 0, 2 * PI, (2 * PI) / Math.sqrt(3)],
  ['e^cos x on [0, 2π] = 2π I0(1)', (x) => Math.exp(Math.cos(x)), 0, 2 * PI, 2 * PI * I0_1],
  ['cos(5 sin t) on [0, π] = π J0(5)', (t) => Math.cos(5 * Math.sin(t)), 0, PI, PI * J0_5],
  ['cos(50 sin t) on [0, π] = π J0(50)', (t) => Math.cos(50 * Math.sin(t)), 0, PI, PI * J0_50],
  ['cos(3t − 7 sin t) on [0, π] = π J3(7)', (t) => Math.cos(3 * t - 7 * Math.sin(t)), 0, PI, PI * J3_7],
  // peaky
  ['1/(1e−4 + x²) on [−1, 1] = 200 atan 100', (x) => 1 / (1e-4 + x * x), -1, 1, 200 * Math.atan(100)],
  ['1/(1e−10 + x²) on [−1, 1] = 2e5 atan 1e5', (x) => 1 / (1e-10 + x * x), -1, 1, 2e5 * Math.atan(1e5)],
  ['narrow Gaussian sd 0.1 at 500 on [0, 1000]', (x) => Math.exp(-((x - 500) ** 2) / 0.02), 0, 1000, 0.1 * Math.sqrt(2 * PI)],
  // limits in every order
  ['e^x on (−∞, 0] = 1', Math.exp, -Infinity, 0, 1],
  ['e^−x from ∞ to 0 = −1', (x) => Math.exp(-x), Infinity, 0, -1],
  ['e^x from 0 to −∞ = −1', Math.exp, 0, -Infinity, -1],
  ['e^−x² from ∞ to −∞ = −√π', (x) => Math.exp(-x * x), Infinity, -Infinity, -Math.sqrt(PI)],
  ['1/(1+x²) from 1 to −∞ = −3π/4', (x) => 1 / (1 + x * x), 1, -Infinity, (-3 * PI) / 4],
  ['1/x² on [1, ∞) = 1', (x) => 1 / (x * x), 1, Infinity, 1],
  // second round: slow oscillatory decay, kinks and jumps, near-singular elliptic, sharp steps
  ['sin x/x^0.1 on (0, ∞) = Γ(0.9) sin(0.45π)', (x) => Math.sin(x) / x ** 0.1, 0, Infinity, 1.0554721095085662596], // mpmath
  ['cos x/√x on (0, ∞) = √(π/2)', (x) => Math.cos(x) / Math.sqrt(x), 0, Infinity, Math.sqrt(PI / 2)],
  ['x sin x/(1+x²) on [0, ∞) = π/(2e)', (x) => (x * Math.sin(x)) / (1 + x * x), 0, Infinity, PI / (2 * E)],
  ['log x · sin x/x on (0, ∞) = −γπ/2', (x) => (Math.log(x) * Math.sin(x)) / x, 0, Infinity, (-EULER_GAMMA * PI) / 2],
  ['sin x cos(x/2)/x on (0, ∞) = π/2', (x) => (Math.sin(x) * Math.cos(x / 2)) / x, 0, Infinity, PI / 2],
  ['sin x/x^1.5 on [1, ∞)', (x) => Math.sin(x) / x ** 1.5, 1, Infinity, 0.57147329264570518982], // mpmath quadosc (SciPy QAWF agrees)
  ['e^−x/(1+x) on [0, ∞) = e·E1(1)', (x) => Math.exp(-x) / (1 + x), 0, Infinity, 0.59634736232319407434], // mpmath
  ['(1 − e^−x)e^−x/x on (0, ∞) = log 2', (x) => (-Math.expm1(-x) * Math.exp(-x)) / x, 0, Infinity, Math.LN2],
  ['(x² − 1)/log x on (0, 1) = log 3', (x) => (x * x - 1) / Math.log(x), 0, 1, Math.log(3)],
  ['x^−½ log(1−x) on (0, 1) = 4 log 2 − 4', (x) => Math.log1p(-x) / Math.sqrt(x), 0, 1, 4 * Math.LN2 - 4],
  ['log⁴x on (0, 1] = 24', (x) => Math.log(x) ** 4, 0, 1, 24],
  ['e^(−1/x)/x² on (0, 1] = 1/e', (x) => Math.exp(-1 / x) / (x * x), 0, 1, 1 / E],
  ['K(0.5) = ∫ dθ/√(1 − ½sin²θ) on [0, π/2]', (t) => 1 / Math.sqrt(1 - 0.5 * Math.sin(t) ** 2), 0, PI / 2, 1.8540746773013719184], // mpmath ellipk
  ['K(1 − 1e−10): nearly log-singular at π/2', (t) => 1 / Math.sqrt(1 - (1 - 1e-10) * Math.sin(t) ** 2), 0, PI / 2, 12.899219826387599516], // mpmath ellipk
  ['log(1+x)/(1+x²) on [0, 1] = (π/8) log 2', (x) => Math.log1p(x) / (1 + x * x), 0, 1, (PI / 8) * Math.LN2],
  ['|x − 1/3| on [0, 1] = 5/18 (a kink)', (x) => Math.abs(x - 1 / 3), 0, 1, 5 / 18],
  ['step x > 0.3 on [0, 1] = 0.7 (a jump)', (x) => (x > 0.3 ? 1 : 0), 0, 1, 0.7],
  ['logistic step 1/(1+e^{100(x−½)}) on [0, 1] = ½', (x) => 1 / (1 + Math.exp(100 * (x - 0.5))), 0, 1, 0.5],
  ['x² sin 50x on [0, 1]', (x) => x * x * Math.sin(50 * x), 0, 1, -0.019509780996349534698], // mpmath
  ['Si(100) = ∫ sin x/x on (0, 100]', (x) => Math.sin(x) / x, 0, 100, 1.5622254668890562934], // mpmath si
  ['x e^−(x−3)² on ℝ = 3√π', (x) => x * Math.exp(-((x - 3) ** 2)), -Infinity, Infinity, 3 * Math.sqrt(PI)],
  ['(1+x²)^−3/2 on ℝ = 2', (x) => (1 + x * x) ** -1.5, -Infinity, Infinity, 2],
  ['1/(1e−6 + x²) on [0, 1000] = 1000·atan(1e6)', (x) => 1 / (1e-6 + x * x), 0, 1000, 1000 * Math.atan(1e6)],
  // third round: aliasing, huge ranges, far peaks, slow algebraic decay
  ['e^−x cos 100x on [0, ∞) = 1/10001 (probe step ≈ period: aliasing)', (x) => Math.exp(-x) * Math.cos(100 * x), 0, Infinity, 1 / 10001],
  ['sin x · e^(−x/100)/x on (0, ∞) = atan 100', (x) => (Math.sin(x) * Math.exp(-x / 100)) / x, 0, Infinity, Math.atan(100)],
  ['1/(1+x²) on [−1e10, 1e10] = 2 atan 1e10 (peak on a split point)', (x) => 1 / (1 + x * x), -1e10, 1e10, 2 * Math.atan(1e10)],
  ['e^−(x−1e6)² on [0, 2e6] = √π (nodes rounded at 1e6)', (x) => Math.exp(-((x - 1e6) ** 2)), 0, 2e6, Math.sqrt(PI)],
  ['1/(x + 1e−12) on [0, 1] = log(1 + 1e12)', (x) => 1 / (x + 1e-12), 0, 1, Math.log1p(1e12)],
  ['(1+x)^−1.01 on [0, ∞) = 100 (slow decay)', (x) => (1 + x) ** -1.01, 0, Infinity, 100],
  ['x^−0.99 on (0, 1] = 100', (x) => x ** -0.99, 0, 1, 100],
  ['x^−0.99 e^−x on (0, ∞) = Γ(0.01)', (x) => x ** -0.99 * Math.exp(-x), 0, Infinity, 99.432585119150603714], // mpmath gamma
];

describe('quad hunt: more integrals with closed forms', () => {
  for (const [name, f, a, b, exact] of cases) {
    it(name, () => {
      const r = quad(f, a, b);
      const trueErr = Math.abs(r.value - exact);
      expect(Number.isFinite(r.value)).toBe(true);
      // honest in every case: the error estimate covers the true error
      expect(trueErr, `value ${r.value}, error ${r.error}, status ${r.status}`).toBeLessThanOrEqual(10 * r.error);
      if (r.status === 0) expect(trueErr, `value ${r.value}`).toBeLessThanOrEqual(1e-8 * Math.abs(exact));
    });
  }
  it('every case above converges (status 0)', () => {
    const failing = cases.filter(([, f, a, b]) => quad(f, a, b).status !== 0).map(([n]) => n);
    expect(failing).toEqual([]);
  });
});

describe('quad hunt: zero-valued and hopeless integrals', () => {
  // Known limitation (SciPy shares it): a peak of width 1 at 10⁶ on an infinite range falls
  // between every node and every probe, and quad answers ≈ 0 with status 0. Pass the peak's
  // location in options.points, or integrate over a finite range around it, as this shows.
  it('a far peak on ℝ is found once its location is given as a break point', () => {
    const r = quad((x) => 1 / (1 + (x - 1e6) ** 2), -Infinity, Infinity, { points: [1e6] });
    expect(Math.abs(r.value - PI)).toBeLessThanOrEqual(1e-8 * PI);
    expect(Math.abs(r.value - PI)).toBeLessThanOrEqual(10 * r.error);
  });
  it('log x/(1+x²) on (0, ∞) = 0 to an absolute 1e−8', () => {
    const r = quad((x) => Math.log(x) / (1 + x * x), 0, Infinity);
    expect(Math.abs(r.value)).toBeLessThanOrEqual(1e-8);
    expect(Math.abs(r.value)).toBeLessThanOrEqual(10 * r.error + 1e-15);
  });
  it('odd integrand sin x·e^−x² on ℝ = 0', () => {
    const r = quad((x) => Math.sin(x) * Math.exp(-x * x), -Infinity, Infinity);
    expect(Math.abs(r.value)).toBeLessThanOrEqual(1e-12);
  });
  it('1/x on (0, 1] diverges: flagged, never a confident number', () => {
    const r = quad((x) => 1 / x, 0, 1);
    expect(r.status).not.toBe(0);
  });
  it('1/x on [1, ∞) diverges: flagged', () => {
    const r = quad((x) => 1 / x, 1, Infinity);
    expect(r.status).not.toBe(0);
  });
  it('x^−0.999 on (0, 1] = 1000: right, or flagged with an honest error', () => {
    const r = quad((x) => x ** -0.999, 0, 1);
    const trueErr = Math.abs(r.value - 1000);
    if (r.status === 0) expect(trueErr).toBeLessThanOrEqual(1e-8 * 1000);
    else expect(trueErr).toBeLessThanOrEqual(10 * r.error);
  });
});
