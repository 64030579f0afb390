/**
 * Newton's method with a line search: solve ∇²f·d = −∇f by Cholesky; when ∇²f is not positive
 * definite, shift it to ∇²f + τI with τ doubled from 1e-3·max|diag| until Cholesky succeeds
 * (N&W algorithm 3.3), so d is always a descent direction. Armijo backtracking from α = 1.
 * Converges when ‖∇f‖∞ ≤ tol (default 1e-5). Without `hess`, forward differences of ∇f.
 */
import { choleskyLower, forwardSub, backSubT } from './dense.js';
import { backtrack } from './line-search.js';
import { dot, normInf, type Problem } from './problem.js';
import { solverResult, startPoint } from './result.js';
import { Status } from './status.js';
import type { MinimizeOptions, OptimizeResult, OptimizeStep } from './types.js';

/** Newton's method as a generator of iterates. */
export function* newton(p: Problem, o: MinimizeOptions): Generator<OptimizeStep, OptimizeResult, void> {
  const n = p.n;
  const tol = o.tol ?? 1e-5;
  const maxiter = o.maxiter ?? 200 * n;
  const maxfev = o.maxfev ?? Infinity;
  let { x, f, g } = startPoint(p);
  let nit = 0;
  const done = (status: number, detail?: string): OptimizeResult =>
    solverResult(p, 'newton', { x, fun: f, jac: g, nit }, status, detail, { nhev: p.counts.nhev });
  if (!Number.isFinite(f)) return done(Status.nonFinite, `f(x0) = ${f}`);
  for (;;) {
    const gn = normInf(g);
    if (!Number.isFinite(gn)) return done(Status.nonFinite, 'the gradient is not finite');
    if (gn <= tol) return done(Status.success);
    if (nit >= maxiter) return done(Status.maxiter, `‖∇f‖∞ = ${gn.toExponential(3)} > tol = ${tol}`);
    if (p.counts.nfev >= maxfev) return done(Status.maxfev);
    const H = p.h(x);
    if (!H.every(Number.isFinite)) return done(Status.nonFinite, 'the Hessian is not finite');
    let L = choleskyLower(H, n);
    let diagMax = 0;
    for (let i = 0; i < n; i++) diagMax = Math.max(diagMax, Math.abs(H[i * n + i]!));
    let tau = L === null ? Math.max(1e-3 * diagMax, 1e-8) : 0;
    while (L === null && tau < 1e20) {
      const Ht = Float64Array.from(H);
      for (let i = 0; i < n; i++) Ht[i * n + i]! += tau;
      L = choleskyLower(Ht, n);
      if (L === null) tau *= 2;
    }
    if (L === null) return done(Status.badHessian, 'no shift τ made ∇²f + τI positive definite');
    const d = backSubT(L, n, forwardSub(L, n, g)).map((v) => -v);
    const bt = backtrack((a) => {
      const xt = x.map((v, i) => v + a * d[i]!);
      return { phi: p.f(xt), data: xt };
    }, f, dot(g, d), 1, 60);
    if (bt === null) return done(Status.lineSearch, `‖∇f‖∞ = ${gn.toExponential(3)}`);
    nit++;
    x = bt.data;
    f = bt.phi;
    g = p.g(x, f);
    const step: OptimizeStep = { nit, x: Float64Array.from(x), fun: f, jac: Float64Array.from(g), nfev: p.counts.nfev, alpha: bt.alpha };
    if (o.callback && o.callback(step) === true) return done(Status.callback);
    yield step;
  }
}
