/**
 * The real branches of Lambert's W (the inverse of w·eʷ) on doubles: W₀ on [−1/e, ∞) and W₋₁ on
 * [−1/e, 0). Near the branch point −1/e both come from the series in p = ±√(2(e·x + 1)), with e·x + 1
 * formed without cancellation; elsewhere Halley's iteration on w·eʷ − x, or for large |log|x||
 * Newton's iteration on w + log|w| = log|x|, which never overflows.
 *
 * @example
 * lambertWNum(Math.E) // → 1
 * lambertWNum(-0.2, -1) // → ≈ -2.5426413577735265
 */

/** e as a double-double: E_HI + E_LO. */
const E_HI = Math.E;
const E_LO = 1.4456468917292502e-16;

/** Coefficients of W = Σ μₖ·pᵏ near the branch point, p = ±√(2(e·x + 1)) (+ for W₀, − for W₋₁). */
const BRANCH_SERIES = [-1, 1, -1 / 3, 11 / 72, -43 / 540, 769 / 17280, -221 / 8505, 680863 / 43545600, -1963 / 204120];

/** Where the branch series is used: |p| below this (its terms then fall by 0.07 each). */
const BRANCH_SERIES_P = 0.1;

/** Iterations allowed; Halley and Newton converge in a handful from the starting guesses. */
const MAX_ITER = 60;

/** x·y exactly as hi + lo (Dekker's product by Veltkamp splitting). */
function twoProduct(x: number, y: number): [number, number] {
  const hi = x * y;
  const split = (a: number): [number, number] => {
    const c = 134217729 * a; // 2^27 + 1
    const ah = c - (c - a);
    return [ah, a - ah];
  };
  const [xh, xl] = split(x), [yh, yl] = split(y);
  const lo = xh * yh - hi + xh * yl + xl * yh + xl * yl;
  return [hi, lo];
}

/** e·x + 1 to double-double accuracy (it cancels to nothing near x = −1/e). */
function ePlusOne(x: number): number {
  const [hi, lo] = twoProduct(E_HI, x);
  return hi + 1 + (lo + E_LO * x);
}

/**
 * W_k(x) for k = 0 (principal branch, x ≥ −1/e) or k = −1 (−1/e ≤ x < 0); NaN outside.
 * @example lambertWNum(0) // → 0
 */
export function lambertWNum(x: number, k: 0 | -1 = 0): number {
  if (Number.isNaN(x)) return NaN;
  const q = ePlusOne(x);
  if (q < 0) return q > -1e-15 ? -1 : NaN; // below −1/e (a rounding of −1/e itself counts as −1/e)
  if (k === -1 && x >= 0) return x === 0 ? -Infinity : NaN;
  if (k === 0 && x === Infinity) return Infinity;
  if (x === 0) return 0;
  const p = (k === 0 ? 1 : -1) * Math.sqrt(2 * q);
  if (Math.abs(p) < BRANCH_SERIES_P) {
    let w = 0;
    for (let i = BRANCH_SERIES.length - 1; i >= 0; i--) w = w * p + BRANCH_SERIES[i]!;
    return w;
  }
  // Large |log|x||: Newton on g(w) = w + log|w| − log|x| (w and x share a sign), g′ = 1 + 1/w.
  const big = k === 0 ? x > 3 : x > -0.05;
  if (big) {
    const L = Math.log(Math.abs(x));
    let w = k === 0 ? L - Math.log(L) : L - Math.log(-L);
    for (let i = 0; i < MAX_ITER; i++) {
      const step = (w + Math.log(Math.abs(w)) - L) / (1 + 1 / w);
      w -= step;
      if (Math.abs(step) <= 1e-16 * Math.abs(w)) break;
    }
    return w;
  }
  // Halley's iteration on f(w) = w·eʷ − x from the branch series' value (or log(1 + x) near 0).
  let w = k === 0 && x > -0.25 ? Math.log1p(x) : -1 + p - (p * p) / 3 + (11 / 72) * p * p * p;
  for (let i = 0; i < MAX_ITER; i++) {
    const ew = Math.exp(w);
    const f = w * ew - x;
    const step = f / (ew * (w + 1) - ((w + 2) * f) / (2 * w + 2));
    w -= step;
    if (Math.abs(step) <= 1e-16 * Math.max(Math.abs(w), 1e-300)) break;
  }
  return w;
}
