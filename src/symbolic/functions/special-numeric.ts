/**
 * Numeric evaluation of the special functions the integrator answers with (besides erf, which
 * lives in functions.ts): the sine integral Si. Kept free of imports so the function table and
 * lambdify can use it.
 *
 * @example
 * siNum(1) // → 0.946083070367183
 */

/** Si(x) = ∫₀ˣ sin t / t dt by its Maclaurin series (|x| ≤ 4) or the auxiliary f/g asymptotics. */
export function siNum(x: number): number {
  const ax = Math.abs(x);
  if (!Number.isFinite(x)) return Number.isNaN(x) ? NaN : Math.sign(x) * Math.PI / 2;
  let r: number;
  if (ax <= 6) {
    let term = ax, sum = ax;
    for (let k = 1; k < 200; k++) {
      term *= (-ax * ax) / ((2 * k) * (2 * k + 1));
      const t = term / (2 * k + 1);
      sum += t;
      if (Math.abs(t) < 1e-18 * Math.abs(sum)) break;
    }
    r = sum;
  } else {
    // Si(x) = π/2 − f(x)cos x − g(x) sin x with asymptotic f, g; refine by Simpson from 6 when
    // x is moderate so the result stays accurate (the asymptotic series is poor below ~20).
    if (ax < 40) {
      const n = 2000;
      const a = 6, h = (ax - a) / n;
      let s = Math.sin(a) / a + Math.sin(ax) / ax;
      for (let i = 1; i < n; i++) {
        const t = a + i * h;
        s += (i % 2 ? 4 : 2) * (Math.sin(t) / t);
      }
      r = siNum(6) + (s * h) / 3;
    } else {
      let f = 0, g = 0, tf = 1 / ax, tg = 1 / (ax * ax);
      for (let k = 0; k < 8; k++) {
        f += tf;
        g += tg;
        tf *= -((2 * k + 1) * (2 * k + 2)) / (ax * ax);
        tg *= -((2 * k + 2) * (2 * k + 3)) / (ax * ax);
      }
      r = Math.PI / 2 - f * Math.cos(ax) - g * Math.sin(ax);
    }
  }
  return x < 0 ? -r : r;
}


/** The Euler–Mascheroni constant γ = −ψ(1). */
export const EULER_GAMMA = 0.5772156649015329;

/** ∫ₐᵇ g by 8 panels per unit of 10-point Gauss–Legendre (smooth g; used between series ranges). */
function gaussLegendre(g: (t: number) => number, a: number, b: number): number {
  const X = [0.1488743389816312, 0.4333953941292472, 0.6794095682990244, 0.8650633666889845, 0.9739065285171717];
  const W = [0.2955242247147529, 0.2692667193099963, 0.2190863625159820, 0.1494513491505806, 0.0666713443086881];
  const panels = Math.max(1, Math.ceil(Math.abs(b - a) * 2));
  const h = (b - a) / panels;
  let s = 0;
  for (let p = 0; p < panels; p++) {
    const m = a + (p + 0.5) * h, r = h / 2;
    for (let i = 0; i < 5; i++) s += W[i]! * (g(m - r * X[i]!) + g(m + r * X[i]!)) * r;
  }
  return s;
}

/** Auxiliary f, g of the sine/cosine integrals for large x: Si = π/2 − f cos x − g sin x, Ci = f sin x − g cos x. */
function auxFG(x: number): [number, number] {
  let f = 0, g = 0, tf = 1 / x, tg = 1 / (x * x);
  for (let k = 0; k < 12; k++) {
    f += tf;
    g += tg;
    tf *= -((2 * k + 1) * (2 * k + 2)) / (x * x);
    tg *= -((2 * k + 2) * (2 * k + 3)) / (x * x);
  }
  return [f, g];
}

/**
 * Ci(x) = γ + log|x| + ∫₀ˣ (cos t − 1)/t dt (for x < 0 the real part of the principal value,
 * Ci(|x|), so that d/dx Ci(x) = cos x / x on both sides; −∞ at 0): Maclaurin series up to 4,
 * Gauss–Legendre up to 60, then the asymptotic auxiliary functions.
 * @example ciNum(1) // → 0.3374039229009681
 */
export function ciNum(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return ciNum(-x);
  if (x === 0) return -Infinity;
  if (x === Infinity) return 0;
  if (x <= 4) {
    let term = 1, sum = 0;
    for (let k = 1; k < 100; k++) {
      term *= (-x * x) / ((2 * k - 1) * (2 * k));
      const t = term / (2 * k);
      sum += t;
      if (Math.abs(t) < 1e-18) break;
    }
    return EULER_GAMMA + Math.log(x) + sum;
  }
  if (x <= 60) return ciNum(4) + gaussLegendre((t) => Math.cos(t) / t, 4, x);
  const [f, g] = auxFG(x);
  return f * Math.sin(x) - g * Math.cos(x);
}

/**
 * The exponential integral Ei(x) = −∫₋ₓ^∞ e^(−t)/t dt (principal value): the series
 * γ + log|x| + Σ xᵏ/(k·k!) for −1 ≤ x ≤ 50, the asymptotic series beyond, and for x < −1 the
 * continued fraction of E₁(−x) = −Ei(x).
 * @example eiNum(1) // → 1.8951178163559368
 */
export function eiNum(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  if (x === -Infinity) return 0;
  if (x >= -1 && x <= 50) {
    let term = 1, sum = 0;
    for (let k = 1; k < 400; k++) {
      term *= x / k;
      const t = term / k;
      sum += t;
      if (Math.abs(t) < 1e-17 * Math.abs(sum)) break;
    }
    return EULER_GAMMA + Math.log(Math.abs(x)) + sum;
  }
  if (x > 50) {
    let term = 1, sum = 1;
    for (let k = 1; k < 40; k++) {
      term *= k / x;
      sum += term;
      if (term < 1e-17) break;
    }
    return (Math.exp(x) / x) * sum;
  }
  // E₁(z) = e^(−z)/(z + 1 − 1²/(z + 3 − 2²/(z + 5 − …))), z = −x > 1
  const z = -x;
  let cf = z + 2 * 120 + 1;
  for (let k = 120; k >= 1; k--) cf = z + 2 * k - 1 - (k * k) / cf;
  return -Math.exp(-z) / cf;
}

/**
 * The imaginary error function erfi(x) = −i·erf(ix) = 2/√π Σ x^(2n+1)/(n!(2n+1)).
 * @example erfiNum(1) // → 1.6504257587975428
 */
export function erfiNum(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (Math.abs(x) > 27) return x > 0 ? Infinity : -Infinity;
  let term = x, sum = x;
  const x2 = x * x;
  for (let n = 1; n < 1000; n++) {
    term *= x2 / n;
    const t = term / (2 * n + 1);
    sum += t;
    if (Math.abs(t) < 1e-17 * Math.abs(sum)) break;
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

/** The logarithmic integral li(x) = Ei(log x) for x > 0. @example liNum(2) // → 1.0451637801174927 */
export function liNum(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return 0;
  return eiNum(Math.log(x));
}
