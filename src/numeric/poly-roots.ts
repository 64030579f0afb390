/** All complex roots of a polynomial by the Aberth–Ehrlich simultaneous iteration. */
import { ArgumentError, ConvergenceError, DomainError, describeValue } from '../core/index.js';

/** A complex number re + im·i. */
export interface ComplexRoot {
  re: number;
  im: number;
}

/** p(z) and p′(z) by Horner's rule in complex arithmetic. */
function horner(c: number[], zr: number, zi: number): [number, number, number, number] {
  let pr = c[0]!, pi = 0, dr = 0, di = 0;
  for (let k = 1; k < c.length; k++) {
    // p′ ← p′·z + p, then p ← p·z + c_k
    const ndr = dr * zr - di * zi + pr, ndi = dr * zi + di * zr + pi;
    dr = ndr; di = ndi;
    const npr = pr * zr - pi * zi + c[k]!, npi = pr * zi + pi * zr;
    pr = npr; pi = npi;
  }
  return [pr, pi, dr, di];
}

/**
 * The roots of c₀xⁿ + c₁xⁿ⁻¹ + … + cₙ (highest degree first, as NumPy's `roots`), with
 * multiplicity, sorted by real then imaginary part. Aberth–Ehrlich updates every estimate at once:
 * w_k = (p/p′)(z_k), z_k ← z_k − w_k / (1 − w_k·Σ_{j≠k} 1/(z_k − z_j)), converging cubically for
 * simple roots from starting points on a circle of radius given by the Cauchy-type bound. Imaginary
 * parts below 1e−14·|z| are set to 0 (real coefficients give real roots exactly then).
 *
 * @example
 * polyRoots([1, -3, 2]) // → ≈ [{ re: 1, im: 0 }, { re: 2, im: 0 }]
 */
export function polyRoots(coeffs: ArrayLike<number>, options: { maxiter?: number } = {}): ComplexRoot[] {
  const c0 = Array.from(coeffs);
  for (const v of c0) if (!Number.isFinite(v)) throw new DomainError(`polyRoots: coefficients must be finite, got ${describeValue(v)}`);
  let start = 0;
  while (start < c0.length && c0[start] === 0) start++;
  let c = c0.slice(start);
  if (c.length === 0) throw new ArgumentError('polyRoots: the zero polynomial has every number as a root');
  // Trailing zero coefficients are roots at 0.
  const zeros: ComplexRoot[] = [];
  while (c.length > 1 && c[c.length - 1] === 0) {
    c = c.slice(0, -1);
    zeros.push({ re: 0, im: 0 });
  }
  const n = c.length - 1;
  if (n === 0) return zeros;
  const lead = c[0]!;
  c = c.map((v) => v / lead);
  if (n === 1) return sortRoots([...zeros, { re: -c[1]!, im: 0 }]);
  // Start on a circle of radius max |c_k|^{1/k}·2 (a root bound) with an irrational angle offset.
  let r = 0;
  for (let k = 1; k <= n; k++) r = Math.max(r, Math.abs(c[k]!) ** (1 / k));
  r = Math.max(r, Number.MIN_VALUE);
  const zr = new Float64Array(n), zi = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const t = (2 * Math.PI * k) / n + 0.4;
    zr[k] = r * Math.cos(t);
    zi[k] = r * Math.sin(t);
  }
  const maxiter = options.maxiter ?? 500;
  const done = new Uint8Array(n);
  let converged = false;
  for (let iter = 0; iter < maxiter && !converged; iter++) {
    converged = true;
    for (let k = 0; k < n; k++) {
      if (done[k]) continue;
      const [pr, pi, dr, di] = horner(c, zr[k]!, zi[k]!);
      if (pr === 0 && pi === 0) {
        done[k] = 1;
        continue;
      }
      // w = p/p′
      const dd = dr * dr + di * di;
      let wr: number, wi: number;
      if (dd === 0) {
        wr = 1e-8 * r; wi = 1e-8 * r;
      } else {
        wr = (pr * dr + pi * di) / dd;
        wi = (pi * dr - pr * di) / dd;
      }
      // s = Σ_{j≠k} 1/(z_k − z_j)
      let sr = 0, si = 0;
      for (let j = 0; j < n; j++) {
        if (j === k) continue;
        const ar = zr[k]! - zr[j]!, ai = zi[k]! - zi[j]!;
        const aa = ar * ar + ai * ai;
        if (aa === 0) continue;
        sr += ar / aa;
        si += -ai / aa;
      }
      // correction = w / (1 − w·s)
      const denr = 1 - (wr * sr - wi * si), deni = -(wr * si + wi * sr);
      const den = denr * denr + deni * deni;
      const cr = den === 0 ? wr : (wr * denr + wi * deni) / den;
      const ci = den === 0 ? wi : (wi * denr - wr * deni) / den;
      zr[k]! -= cr;
      zi[k]! -= ci;
      const mag = Math.hypot(zr[k]!, zi[k]!);
      if (Math.hypot(cr, ci) <= 4 * Number.EPSILON * Math.max(mag, Number.MIN_VALUE)) done[k] = 1;
      else converged = false;
    }
  }
  if (!converged) {
    // Multiple roots converge only linearly to ~ε^{1/m}; accept if the residuals are tiny.
    for (let k = 0; k < n; k++) {
      const [pr, pi] = horner(c, zr[k]!, zi[k]!);
      let scale = 0;
      const m = Math.hypot(zr[k]!, zi[k]!);
      for (let j = 0; j <= n; j++) scale += Math.abs(c[j]!) * m ** (n - j);
      if (Math.hypot(pr, pi) > 1e-8 * scale) throw new ConvergenceError(`polyRoots: Aberth iteration did not converge in ${maxiter} sweeps`);
    }
  }
  const roots: ComplexRoot[] = [...zeros];
  for (let k = 0; k < n; k++) {
    const re = zr[k]!, im = zi[k]!;
    roots.push({ re, im: Math.abs(im) <= 1e-14 * Math.hypot(re, im) ? 0 : im });
  }
  return sortRoots(roots);
}

function sortRoots(rs: ComplexRoot[]): ComplexRoot[] {
  return rs.sort((a, b) => a.re - b.re || a.im - b.im);
}
