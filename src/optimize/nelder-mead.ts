/**
 * Nelder–Mead simplex search (Nelder & Mead 1965; coefficients as in SciPy: reflection ρ = 1,
 * expansion χ = 2, contraction ψ = ½, shrink σ = ½, or Gao & Han's dimension-adaptive values
 * χ = 1 + 2/n, ψ = ¾ − 1/(2n), σ = 1 − 1/n with `adaptive`). Initial simplex: x0 and x0 with one
 * coordinate scaled by 1.05 (0.00025 where it is 0). Converges when
 * max‖xᵢ − x₀‖∞ ≤ xatol and max|fᵢ − f₀| ≤ fatol. With bounds, trial points are clipped.
 */
import { solverResult } from './result.js';
import { Status } from './status.js';
import type { Problem } from './problem.js';
import type { MinimizeOptions, OptimizeResult, OptimizeStep } from './types.js';

/** Nelder–Mead as a generator of iterates. */
export function* nelderMead(p: Problem, o: MinimizeOptions): Generator<OptimizeStep, OptimizeResult, void> {
  const { n, lower, upper } = p;
  const adaptive = o.adaptive ?? false;
  const rho = 1;
  const chi = adaptive ? 1 + 2 / n : 2;
  const psi = adaptive ? 0.75 - 1 / (2 * n) : 0.5;
  const sigma = adaptive ? 1 - 1 / n : 0.5;
  const xatol = o.xatol ?? o.tol ?? 1e-4;
  const fatol = o.fatol ?? o.tol ?? 1e-4;
  const maxiter = o.maxiter ?? 200 * n;
  const maxfev = o.maxfev ?? 200 * n;
  const clip = (v: Float64Array): Float64Array => {
    for (let i = 0; i < n; i++) v[i] = Math.min(upper[i]!, Math.max(lower[i]!, v[i]!));
    return v;
  };
  // NaN values sort last: treat them as +∞.
  const F = (v: Float64Array): number => {
    const y = p.f(v);
    return Number.isNaN(y) ? Infinity : y;
  };
  const sim: Float64Array[] = [Float64Array.from(p.x0)];
  for (let k = 0; k < n; k++) {
    const y = Float64Array.from(p.x0);
    y[k] = y[k] !== 0 ? 1.05 * y[k]! : 0.00025;
    if (y[k]! > upper[k]!) y[k] = p.x0[k]! - (y[k]! - p.x0[k]!); // step into the box instead
    sim.push(clip(y));
  }
  const fsim = sim.map((v) => F(v));
  let nit = 0;
  const order = (): void => {
    const idx = fsim.map((_, i) => i).sort((a, b) => fsim[a]! - fsim[b]! || a - b);
    const s2 = idx.map((i) => sim[i]!), f2 = idx.map((i) => fsim[i]!);
    for (let i = 0; i <= n; i++) {
      sim[i] = s2[i]!;
      fsim[i] = f2[i]!;
    }
  };
  order();
  const done = (status: number, detail?: string): OptimizeResult =>
    solverResult(p, 'nelder-mead', { x: Float64Array.from(sim[0]!), fun: fsim[0]!, nit }, status, detail, { njev: 0 });
  if (!Number.isFinite(fsim[0]!)) return done(Status.nonFinite, 'f is not finite at any vertex of the initial simplex');
  const comb = (a: number, u: Float64Array, b: number, v: Float64Array): Float64Array => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = a * u[i]! + b * v[i]!;
    return clip(out);
  };
  for (;;) {
    let xs = 0, fs = 0;
    for (let j = 1; j <= n; j++) {
      fs = Math.max(fs, Math.abs(fsim[0]! - fsim[j]!));
      for (let i = 0; i < n; i++) xs = Math.max(xs, Math.abs(sim[j]![i]! - sim[0]![i]!));
    }
    if (xs <= xatol && fs <= fatol) return done(Status.success);
    if (nit >= maxiter) return done(Status.maxiter);
    if (p.counts.nfev >= maxfev) return done(Status.maxfev);
    // centroid of the n best vertices (summed afresh: a running sum drifts on badly scaled x)
    const xbar = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const v = sim[j]!;
      for (let i = 0; i < n; i++) xbar[i]! += v[i]!;
    }
    for (let i = 0; i < n; i++) xbar[i]! /= n;
    const worst = sim[n]!;
    const xr = comb(1 + rho, xbar, -rho, worst);
    const fxr = F(xr);
    let shrink = false;
    if (fxr < fsim[0]!) {
      const xe = comb(1 + rho * chi, xbar, -rho * chi, worst);
      const fxe = F(xe);
      if (fxe < fxr) {
        sim[n] = xe;
        fsim[n] = fxe;
      } else {
        sim[n] = xr;
        fsim[n] = fxr;
      }
    } else if (fxr < fsim[n - 1]!) {
      sim[n] = xr;
      fsim[n] = fxr;
    } else if (fxr < fsim[n]!) {
      const xc = comb(1 + psi * rho, xbar, -psi * rho, worst);
      const fxc = F(xc);
      if (fxc <= fxr) {
        sim[n] = xc;
        fsim[n] = fxc;
      } else shrink = true;
    } else {
      const xcc = comb(1 - psi, xbar, psi, worst);
      const fxcc = F(xcc);
      if (fxcc < fsim[n]!) {
        sim[n] = xcc;
        fsim[n] = fxcc;
      } else shrink = true;
    }
    if (shrink) {
      for (let j = 1; j <= n; j++) {
        sim[j] = comb(1 - sigma, sim[0]!, sigma, sim[j]!);
        fsim[j] = F(sim[j]!);
      }
    }
    nit++;
    order();
    const step: OptimizeStep = { nit, x: Float64Array.from(sim[0]!), fun: fsim[0]!, nfev: p.counts.nfev };
    // The simplex is copied for small problems only (the course animates 2-D ones).
    if (n <= 10) step.simplex = sim.map((v) => Float64Array.from(v));
    if (o.callback && o.callback(step) === true) return done(Status.callback);
    yield step;
  }
}
