/**
 * Double-precision gamma, polygamma, harmonic numbers and binomial for the function table and lambdify's code.
 *
 * Γ(x): integers from a table of correctly rounded factorials; x ≥ 10 by Stirling's series, written
 * so every factor has an exact input (x^(x/2)·e^(−x/2), squared, times √(2π/x)·e^S(x)); 0.5 ≤ x < 10
 * by Γ(x) = Γ(x + n)/(x(x + 1)⋯(x + n − 1)); x < 0.5 by the reflection Γ(x)Γ(1 − x) = π/sin(πx)
 * with sin(πx) reduced exactly. Relative error against mpmath stays below 1e−14 on the reference
 * points (test/reference/symbolic/special-functions.json).
 *
 * @example
 * gammaNum(5)   // → 24
 * gammaNum(0.5) // → ≈ 1.7724538509055159 (√π)
 */
import { EULER_GAMMA } from './special-numeric.js';

/** k! correctly rounded, k = 0 … 170 (171! overflows). */
const FACTORIALS: Float64Array = (() => {
  const out = new Float64Array(171);
  let f = 1n;
  for (let k = 0; k <= 170; k++) {
    if (k > 0) f *= BigInt(k);
    out[k] = Number(f); // BigInt → Number rounds to nearest
  }
  return out;
})();

/** B₂ₖ/(2k(2k − 1)), k = 1 … 10: the coefficients of Stirling's series for log Γ. */
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400, 43867 / 244188, -174611 / 125400];

/** Where Stirling's series takes over (its 10 terms are then below 1e−18 relative). */
const STIRLING_FROM = 10;

/** sin(πx) with the argument reduced exactly (x − 2·round(x/2) is exact in binary). @example sinPi(1) // → 0 */
export function sinPi(x: number): number {
  let r = x - 2 * Math.round(x / 2); // r ∈ [−1, 1]
  let sign = 1;
  if (r < 0) {
    r = -r;
    sign = -1;
  }
  if (r > 0.5) r = 1 - r; // sin(π(1 − r)) = sin(πr), 1 − r exact here
  return r === 0 ? 0 : sign * Math.sin(Math.PI * r);
}

/** cos(πx) with the same exact reduction. @example cosPi(1) // → -1 */
export function cosPi(x: number): number {
  let r = Math.abs(x - 2 * Math.round(x / 2)); // r ∈ [0, 1]
  let sign = 1;
  if (r > 0.5) {
    r = 1 - r;
    sign = -1;
  }
  return r === 0.5 ? 0 : sign * Math.cos(Math.PI * r);
}

/** Γ(x) on doubles: NaN at the poles 0, −1, −2, … (and −∞), +∞ past 171.6. @example gammaNum(-0.5) // → ≈ -3.5449077018110318 */
export function gammaNum(x: number): number {
  if (Number.isNaN(x) || x === -Infinity) return NaN;
  if (Number.isInteger(x)) return x <= 0 ? NaN : x <= 171 ? FACTORIALS[x - 1]! : Infinity;
  if (x < 0.5) {
    // Γ(x) = π/(sin(πx)·Γ(1 − x))
    const g = gammaNum(1 - x);
    const s = sinPi(x);
    return g === Infinity ? 0 * s : Math.PI / (s * g);
  }
  if (x >= 171.7) return Infinity;
  if (x >= STIRLING_FROM) return stirling(x);
  let y = x, p = 1;
  while (y < STIRLING_FROM) {
    p *= y;
    y += 1;
  }
  return stirling(y) / p;
}

/** Γ(y) for y ≥ 10 by Stirling's series: √(2π/y)·(y^(y/2)·e^(−y/2))²·e^S(y). */
function stirling(y: number): number {
  const r = 1 / (y * y);
  let s = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) s = s * r + STIRLING[k]!;
  s /= y;
  const half = Math.pow(y, y / 2) * Math.exp(-y / 2);
  return half * (half * Math.sqrt((2 * Math.PI) / y) * Math.exp(s));
}

/** k! as a double (Γ(k + 1)). @example factorialNum(5) // → 120 */
export const factorialNum = (k: number): number => gammaNum(k + 1);

/**
 * Bernoulli numbers B₂ₖ, k = 1 … 10 (for the polygamma asymptotic series).
 */
const BERNOULLI = [1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730, 7 / 6, -3617 / 510, 43867 / 798, -174611 / 330];

/** Where polygamma's asymptotic series takes over (recurrence below it). */
const POLYGAMMA_FROM = 20;

/**
 * The polygamma function ψ⁽ⁿ⁾(x) = dⁿ⁺¹/dxⁿ⁺¹ log Γ(x) for an integer n ≥ 0 (ψ⁽⁰⁾ = digamma): the
 * recurrence ψ⁽ⁿ⁾(x) = ψ⁽ⁿ⁾(x + 1) − (−1)ⁿ·n!/xⁿ⁺¹ up to x ≥ 20, then the asymptotic series;
 * x < 0 by the reflection ψ⁽ⁿ⁾(x) = (−1)ⁿψ⁽ⁿ⁾(1 − x) − πⁿ⁺¹·Pₙ(cot πx), where Pₙ is the polynomial
 * with dⁿ/dtⁿ cot t = Pₙ(cot t). NaN at the poles and for a non-integer or negative order.
 * @example polygammaNum(0, 1) // → ≈ -0.5772156649015329 (−γ)
 * polygammaNum(1, 1) // → ≈ 1.6449340668482264 (π²/6)
 */
export function polygammaNum(n: number, x: number): number {
  if (!Number.isInteger(n) || n < 0 || n > 100 || Number.isNaN(x)) return NaN;
  if (x <= 0 && Number.isInteger(x)) return NaN;
  if (x === Infinity) return n === 0 ? Infinity : 0;
  if (x < 0) {
    const c = cosPi(x) / sinPi(x);
    const P = cotDerivative(n);
    let pc = 0;
    for (let k = P.length - 1; k >= 0; k--) pc = pc * c + P[k]!;
    return (n % 2 === 0 ? 1 : -1) * polygammaNum(n, 1 - x) - Math.pow(Math.PI, n + 1) * pc;
  }
  const nf = factorialNum(n);
  const sgn = n % 2 === 0 ? 1 : -1; // (−1)ⁿ
  let acc = 0, y = x;
  while (y < POLYGAMMA_FROM) {
    acc -= (sgn * nf) / Math.pow(y, n + 1);
    y += 1;
  }
  return acc + polygammaAsymptotic(n, y);
}

/**
 * The harmonic number H(x) = Σ_{k=1}^{x} 1/k for integers x ≥ 0, and ψ(x + 1) + γ for real x (the
 * analytic continuation SymPy's harmonic uses); NaN at the poles x = −1, −2, ….
 * @example harmonicNum(4) // → ≈ 2.083333333333333 (25/12)
 */
export function harmonicNum(x: number): number {
  if (Number.isInteger(x) && x >= 0 && x <= HARMONIC_DIRECT_MAX) {
    let s = 0;
    for (let k = x; k >= 1; k--) s += 1 / k; // smallest terms first
    return s;
  }
  return polygammaNum(0, x + 1) + EULER_GAMMA;
}

/** Integers up to this are added term by term in harmonicNum (exact to rounding; above it ψ + γ is as good). */
const HARMONIC_DIRECT_MAX = 64;

/**
 * ψ⁽ⁿ⁾(y) for large y. n = 0: log y − 1/(2y) − Σ B₂ₖ/(2k·y²ᵏ); n ≥ 1: (−1)ⁿ⁺¹[(n − 1)!/yⁿ +
 * n!/(2yⁿ⁺¹) + Σ B₂ₖ·(2k + n − 1)!/((2k)!·y²ᵏ⁺ⁿ)].
 */
function polygammaAsymptotic(n: number, y: number): number {
  if (n === 0) {
    let s = 0;
    for (let k = BERNOULLI.length; k >= 1; k--) s += BERNOULLI[k - 1]! / (2 * k * Math.pow(y, 2 * k));
    return Math.log(y) - 1 / (2 * y) - s;
  }
  let s = 0;
  for (let k = BERNOULLI.length; k >= 1; k--) {
    // (2k + n − 1)!/(2k)! as a product, to stay exact for small n
    let ratio = 1;
    for (let j = 2 * k + 1; j <= 2 * k + n - 1; j++) ratio *= j;
    s += (BERNOULLI[k - 1]! * ratio) / Math.pow(y, 2 * k + n);
  }
  s += factorialNum(n - 1) / Math.pow(y, n) + factorialNum(n) / (2 * Math.pow(y, n + 1));
  return n % 2 === 1 ? s : -s;
}

/** Coefficients (constant first) of Pₙ with dⁿ/dtⁿ cot t = Pₙ(cot t): P₀ = c, Pₙ₊₁ = −(1 + c²)·Pₙ′. */
function cotDerivative(n: number): number[] {
  let p = [0, 1];
  for (let i = 0; i < n; i++) {
    const d = p.slice(1).map((a, k) => a * (k + 1)); // Pₙ′
    const next = new Array<number>(d.length + 2).fill(0);
    d.forEach((a, k) => {
      next[k]! -= a;
      next[k + 2]! -= a;
    });
    p = next;
  }
  return p;
}

/** Most factors the product form of binomial(n, k) multiplies (beyond it: gamma functions). */
const BINOMIAL_PRODUCT_MAX = 10_000;

/**
 * binomial(n, k) = Γ(n + 1)/(Γ(k + 1)·Γ(n − k + 1)): for an integer k ≥ 0 the product
 * Π (n − k + i)/i (any real n); 0 for a negative integer k; else the gamma quotient.
 * @example binomialNum(10, 3) // → 120
 */
export function binomialNum(n: number, k: number): number {
  if (Number.isNaN(n) || Number.isNaN(k)) return NaN;
  if (Number.isInteger(k)) {
    if (k < 0) return 0;
    // binomial(n, k) = binomial(n, n − k) for integers n ≥ k: the shorter product
    if (Number.isInteger(n) && n >= 0) {
      if (k > n) return 0;
      if (n - k < k) k = n - k;
    }
    if (k <= BINOMIAL_PRODUCT_MAX) {
      let r = 1;
      for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
      // For integers every partial product is an integer: rounding removes the divisions' last bit.
      return Number.isInteger(n) && Math.abs(r) < 2 ** 53 ? Math.round(r) : r;
    }
  }
  return gammaNum(n + 1) / (gammaNum(k + 1) * gammaNum(n - k + 1));
}

/** Terms summed directly before the Euler–Maclaurin tail of ζ. */
const ZETA_N = 10;

/**
 * The Riemann zeta function ζ(s) on doubles: Σ_{k<N} k⁻ˢ plus the Euler–Maclaurin tail
 * N¹⁻ˢ/(s − 1) + N⁻ˢ/2 + Σⱼ B₂ⱼ/(2j)!·s(s + 1)⋯(s + 2j − 2)·N^(−s−2j+1) for s ≥ 0 (ζ's analytic
 * continuation); for s < 0 the functional equation ζ(s) = 2ˢπˢ⁻¹·sin(πs/2)·Γ(1 − s)·ζ(1 − s).
 * NaN at the pole s = 1.
 * @example zetaNum(2) // → ≈ 1.6449340668482264 (π²/6)
 */
export function zetaNum(s: number): number {
  if (Number.isNaN(s) || s === 1) return NaN;
  if (s === Infinity) return 1;
  if (s < 0) return Math.pow(2, s) * Math.pow(Math.PI, s - 1) * sinPi(s / 2) * gammaNum(1 - s) * zetaNum(1 - s);
  let sum = 0;
  for (let k = 1; k < ZETA_N; k++) sum += Math.pow(k, -s);
  sum += Math.pow(ZETA_N, 1 - s) / (s - 1) + Math.pow(ZETA_N, -s) / 2;
  // (s)(s+1)…(s+2j−2)·N^(−s−2j+1)/(2j)! builds up term by term
  let t = s * Math.pow(ZETA_N, -s - 1);
  for (let j = 1; j <= BERNOULLI.length; j++) {
    if (j > 1) t *= ((s + 2 * j - 3) * (s + 2 * j - 2)) / (ZETA_N * ZETA_N);
    sum += (BERNOULLI[j - 1]! * t) / factorialNum(2 * j);
  }
  return sum;
}

/**
 * lgs(u) = log Γ(u) − (u − ½)·log u + u − ½·log 2π (Stirling's remainder, see LGS) for u > 0:
 * its series from 10 on, else from Γ itself. @example lgsNum(10) // → ≈ 0.008330563433362871
 */
export function lgsNum(u: number): number {
  if (!(u > 0)) return NaN;
  if (u >= STIRLING_FROM) {
    const r = 1 / (u * u);
    let s = 0;
    for (let k = STIRLING.length - 1; k >= 0; k--) s = s * r + STIRLING[k]!;
    return s / u;
  }
  return Math.log(gammaNum(u)) - (u - 0.5) * Math.log(u) + u - 0.5 * Math.log(2 * Math.PI);
}

/**
 * dgs⁽ⁿ⁾(u), the n-th derivative of dgs(u) = ψ(u) − log u + 1/(2u) (see dgsName), for u > 0: its
 * series −Σ B₂ₖ/(2k)·(−2k)(−2k − 1)⋯(−2k − n + 1)·u^(−2k−n) from 20 on, else from ψ⁽ⁿ⁾ itself.
 * @example dgsNum(0, 20) // → ≈ -0.00020828131184194
 */
export function dgsNum(n: number, u: number): number {
  if (!(u > 0)) return NaN;
  if (u >= POLYGAMMA_FROM) {
    let s = 0;
    for (let k = BERNOULLI.length; k >= 1; k--) {
      let fall = 1;
      for (let i = 0; i < n; i++) fall *= -2 * k - i;
      s += (-BERNOULLI[k - 1]! / (2 * k)) * fall * Math.pow(u, -2 * k - n);
    }
    return s;
  }
  // dⁿ/duⁿ log u = (−1)ⁿ⁻¹(n − 1)!/uⁿ (n ≥ 1), dⁿ/duⁿ 1/(2u) = (−1)ⁿ·n!/(2uⁿ⁺¹)
  let f = 1;
  for (let i = 2; i < n; i++) f *= i; // (n − 1)!
  const dlog = n === 0 ? Math.log(u) : ((n % 2 === 1 ? 1 : -1) * f) / Math.pow(u, n);
  const dhalf = ((n % 2 === 0 ? 1 : -1) * f * Math.max(1, n)) / (2 * Math.pow(u, n + 1));
  return polygammaNum(n, u) - dlog + dhalf;
}
