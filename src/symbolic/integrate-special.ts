/**
 * Numeric evaluation of the special functions the integrator answers with (besides erf, which
 * lives in functions.ts): the sine integral Si. Kept free of imports so the function table and
 * lambdify can use it.
 *
 * @example
 * siNum(1) // 0.946083070367183
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

