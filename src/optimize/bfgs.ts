/**
 * BFGS with a strong Wolfe line search (Nocedal & Wright, algorithm 6.1). Keeps the inverse
 * Hessian approximation H, updated by
 *   H ← (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ,  ρ = 1/yᵀs,
 * with H₀ = I rescaled to (yᵀs/yᵀy)·I before the first update (N&W 6.20). Converges when
 * ‖∇f‖∞ ≤ tol (default 1e-5, SciPy's gtol); only then does it report success.
 */
import { wolfeLineSearch } from './line-search.js';
import { dot, normInf, type Problem } from './problem.js';
import { solverResult, startPoint } from './result.js';
import { Status } from './status.js';
import type { MinimizeOptions, OptimizeResult, OptimizeStep } from './types.js';

/** BFGS as a generator of iterates. */
export function* bfgs(p: Problem, o: MinimizeOptions): Generator<OptimizeStep, OptimizeResult, void> {
  const n = p.n;
  const gtol = o.tol ?? 1e-5;
  const maxiter = o.maxiter ?? 200 * n;
  const maxfev = o.maxfev ?? Infinity;
  let { x, f, g } = startPoint(p);
  let nit = 0;
  const done = (status: number, detail?: string): OptimizeResult =>
    solverResult(p, 'bfgs', { x, fun: f, jac: g, nit }, status, detail);
  if (!Number.isFinite(f)) return done(Status.nonFinite, `f(x0) = ${f}`);
  if (!g.every(Number.isFinite)) return done(Status.nonFinite, 'the gradient at x0 is not finite');
  const H = new Float64Array(n * n);
  const resetH = (): void => {
    H.fill(0);
    for (let i = 0; i < n; i++) H[i * n + i] = 1;
  };
  resetH();
  let fresh = true; // H is the (unscaled) identity
  let fPrev = f + normInf(g) / 2;
  for (;;) {
    const gnorm = normInf(g);
    if (gnorm <= gtol) return done(Status.success);
    if (nit >= maxiter) return done(Status.maxiter, `‖∇f‖∞ = ${gnorm.toExponential(3)} > tol = ${gtol}`);
    if (p.counts.nfev >= maxfev) return done(Status.maxfev, `‖∇f‖∞ = ${gnorm.toExponential(3)}`);
    const d = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s -= H[i * n + j]! * g[j]!;
      d[i] = s;
    }
    let dphi0 = dot(g, d);
    if (!(dphi0 < 0)) {
      resetH();
      fresh = true;
      for (let i = 0; i < n; i++) d[i] = -g[i]!;
      dphi0 = dot(g, d);
    }
    // First trial step as in SciPy: from the last decrease, α₀ = min(1, 2.02·(f_prev − f)/(−φ'(0))).
    const alpha0 = Math.min(1, (1.01 * 2 * (f - fPrev)) / dphi0) || 1;
    const xt = new Float64Array(n);
    const point = wolfeLineSearch(
      (alpha) => {
        for (let i = 0; i < n; i++) xt[i] = x[i]! + alpha * d[i]!;
        const ft = p.f(xt);
        if (!Number.isFinite(ft)) return { alpha, phi: Infinity, dphi: NaN, data: { x: Float64Array.from(xt), g: new Float64Array(n) } };
        const gt = p.g(xt, ft);
        return { alpha, phi: ft, dphi: dot(gt, d), data: { x: Float64Array.from(xt), g: gt } };
      },
      f,
      dphi0,
      { alpha0: alpha0 > 0 ? alpha0 : 1 },
    );
    if (point === null || !(point.phi <= f)) {
      if (p.useCentralDifferences()) {
        // forward differences too inaccurate to go on: continue with central ones
        g = p.g(x, f);
        resetH();
        fresh = true;
        continue;
      }
      if (!fresh) {
        resetH();
        fresh = true;
        continue;
      }
      return done(Status.lineSearch, `‖∇f‖∞ = ${gnorm.toExponential(3)} > tol = ${gtol} (precision loss)`);
    }
    nit++;
    const s = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = point.data.x[i]! - x[i]!;
      y[i] = point.data.g[i]! - g[i]!;
    }
    fPrev = f;
    x = point.data.x;
    f = point.phi;
    g = point.data.g;
    const ys = dot(y, s);
    if (ys > 1e-14 * Math.sqrt(dot(y, y) * dot(s, s))) {
      if (fresh) {
        const gamma = ys / dot(y, y);
        for (let i = 0; i < n * n; i++) H[i] = H[i]! * gamma;
        fresh = false;
      }
      // H ← (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ, expanded: H − ρ(s(Hy)ᵀ + (Hy)sᵀ) + (ρ²yᵀHy + ρ)ssᵀ
      const rho = 1 / ys;
      const Hy = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let t = 0;
        for (let j = 0; j < n; j++) t += H[i * n + j]! * y[j]!;
        Hy[i] = t;
      }
      const yHy = dot(y, Hy);
      const coef = rho * rho * yHy + rho;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) H[i * n + j]! += -rho * (s[i]! * Hy[j]! + Hy[i]! * s[j]!) + coef * s[i]! * s[j]!;
      }
    }
    const step: OptimizeStep = { nit, x: Float64Array.from(x), fun: f, jac: Float64Array.from(g), nfev: p.counts.nfev, alpha: point.alpha };
    if (o.callback && o.callback(step) === true) return done(Status.callback);
    yield step;
  }
}
