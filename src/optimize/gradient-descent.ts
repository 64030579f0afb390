/**
 * Gradient descent x ← x − α∇f(x): with a fixed step α = `learningRate` (stepRule 'fixed'), or
 * Armijo backtracking from a trial step that doubles after each success (default). Converges when
 * ‖∇f‖∞ ≤ tol (default 1e-5). A fixed step that makes f non-finite stops with status 3.
 */
import { ArgumentError, describeValue } from '../core/errors.js';
import { backtrack } from './line-search.js';
import { dot, normInf, type Problem } from './problem.js';
import { solverResult, startPoint } from './result.js';
import { Status } from './status.js';
import type { MinimizeOptions, OptimizeResult, OptimizeStep } from './types.js';

/** Gradient descent as a generator of iterates. */
export function* gradientDescent(p: Problem, o: MinimizeOptions): Generator<OptimizeStep, OptimizeResult, void> {
  const n = p.n;
  const tol = o.tol ?? 1e-5;
  const maxiter = o.maxiter ?? 10000;
  const maxfev = o.maxfev ?? Infinity;
  const rule = o.stepRule ?? 'backtracking';
  const lr = o.learningRate ?? (rule === 'fixed' ? 0.01 : 1);
  if (!(lr > 0)) throw new ArgumentError(`learningRate must be positive, got ${describeValue(lr)}`);
  let { x, f, g } = startPoint(p);
  let nit = 0;
  const done = (status: number, detail?: string): OptimizeResult =>
    solverResult(p, 'gradient-descent', { x, fun: f, jac: g, nit }, status, detail);
  if (!Number.isFinite(f)) return done(Status.nonFinite, `f(x0) = ${f}`);
  let trial = lr;
  for (;;) {
    const gn = normInf(g);
    if (!Number.isFinite(gn)) return done(Status.nonFinite, 'the gradient is not finite');
    if (gn <= tol) return done(Status.success);
    if (nit >= maxiter) return done(Status.maxiter, `‖∇f‖∞ = ${gn.toExponential(3)} > tol = ${tol}`);
    if (p.counts.nfev >= maxfev) return done(Status.maxfev);
    let alpha: number;
    let xn: Float64Array, fn: number;
    if (rule === 'fixed') {
      alpha = lr;
      xn = x.map((v, i) => v - lr * g[i]!);
      fn = p.f(xn);
      if (!Number.isFinite(fn)) {
        nit++;
        x = xn;
        f = fn;
        return done(Status.nonFinite, `f = ${fn} after a fixed step of ${lr}: the step is too large`);
      }
    } else {
      const gg = dot(g, g);
      const bt = backtrack((a) => {
        const xt = x.map((v, i) => v - a * g[i]!);
        return { phi: p.f(xt), data: xt };
      }, f, -gg, trial, 60);
      if (bt === null) return done(Status.lineSearch, `‖∇f‖∞ = ${gn.toExponential(3)}`);
      alpha = bt.alpha;
      xn = bt.data;
      fn = bt.phi;
      trial = 2 * alpha;
    }
    nit++;
    x = xn;
    f = fn;
    g = p.g(x, f);
    const step: OptimizeStep = { nit, x: Float64Array.from(x), fun: f, jac: Float64Array.from(g), nfev: p.counts.nfev, alpha };
    if (o.callback && o.callback(step) === true) return done(Status.callback);
    yield step;
  }
}
