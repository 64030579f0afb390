/**
 * Limited-memory BFGS with bounds, by the projected-gradient active-set approach:
 *
 * - the projected gradient  pgᵢ = P(x − ∇f)ᵢ − xᵢ  (P = clip to [l, u]) measures optimality; the
 *   run succeeds only when ‖pg‖∞ ≤ tol (default 1e-5, SciPy's pgtol);
 * - variables at a bound whose gradient pushes outward are held fixed; on the free ones the
 *   L-BFGS two-loop recursion (N&W algorithm 7.4, H₀ = (sᵀy/yᵀy)·I) gives the direction;
 * - if the full step stays inside the box, a strong Wolfe line search is used; otherwise an
 *   Armijo search along the projected path x(α) = P(x + αd) (Bertsekas 1982), which lets several
 *   bounds become active in one step, the role the generalized Cauchy point plays in L-BFGS-B.
 */
import { ArgumentError, describeValue } from '../core/errors.js';
import { backtrack, wolfeLineSearch } from './line-search.js';
import { dot, normInf, type Problem } from './problem.js';
import { solverResult, startPoint } from './result.js';
import { Status } from './status.js';
import type { MinimizeOptions, OptimizeResult, OptimizeStep } from './types.js';

/** L-BFGS-B as a generator of iterates. */
export function* lbfgsb(p: Problem, o: MinimizeOptions): Generator<OptimizeStep, OptimizeResult, void> {
  const { n, lower, upper } = p;
  const pgtol = o.tol ?? 1e-5;
  const maxiter = o.maxiter ?? 15000;
  const maxfev = o.maxfev ?? 15000 * Math.max(1, p.exactGradient ? 1 : n + 1);
  const mem = o.memory ?? 10;
  if (!(Number.isInteger(mem) && mem >= 1)) throw new ArgumentError(`memory must be a positive integer, got ${describeValue(mem)}`);
  const clip = (v: number, i: number): number => Math.min(upper[i]!, Math.max(lower[i]!, v));
  let { x, f, g } = startPoint(p);
  let nit = 0;
  const projGrad = (): Float64Array => {
    const pg = new Float64Array(n);
    for (let i = 0; i < n; i++) pg[i] = clip(x[i]! - g[i]!, i) - x[i]!;
    return pg;
  };
  const done = (status: number, detail?: string): OptimizeResult =>
    solverResult(p, 'l-bfgs-b', { x, fun: f, jac: g, nit }, status, detail);
  if (!Number.isFinite(f)) return done(Status.nonFinite, `f(x0) = ${f}`);
  if (!g.every(Number.isFinite)) return done(Status.nonFinite, 'the gradient at x0 is not finite');
  const S: Float64Array[] = [], Y: Float64Array[] = [];
  for (;;) {
    const pgn = normInf(projGrad());
    if (pgn <= pgtol) return done(Status.success);
    if (nit >= maxiter) return done(Status.maxiter, `projected gradient ${pgn.toExponential(3)} > tol = ${pgtol}`);
    if (p.counts.nfev >= maxfev) return done(Status.maxfev, `projected gradient ${pgn.toExponential(3)}`);
    // Free variables: not at a bound that the gradient pushes against.
    const free = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const atLo = x[i]! <= lower[i]! && g[i]! > 0;
      const atHi = x[i]! >= upper[i]! && g[i]! < 0;
      free[i] = atLo || atHi ? 0 : 1;
    }
    // Two-loop recursion on the free subspace.
    const q = new Float64Array(n);
    for (let i = 0; i < n; i++) q[i] = free[i] ? g[i]! : 0;
    const k = S.length;
    const alphas = new Float64Array(k);
    const masked = (v: Float64Array): Float64Array => v.map((t, i) => (free[i] ? t : 0));
    const Sm = S.map(masked), Ym = Y.map(masked);
    const rhos = Sm.map((s, j) => 1 / dot(Ym[j]!, s));
    for (let j = k - 1; j >= 0; j--) {
      if (!Number.isFinite(rhos[j]!) || rhos[j]! <= 0) continue;
      alphas[j] = rhos[j]! * dot(Sm[j]!, q);
      for (let i = 0; i < n; i++) q[i]! -= alphas[j]! * Ym[j]![i]!;
    }
    let gamma = 1;
    for (let j = k - 1; j >= 0; j--) {
      if (Number.isFinite(rhos[j]!) && rhos[j]! > 0) {
        gamma = 1 / (rhos[j]! * dot(Ym[j]!, Ym[j]!));
        break;
      }
    }
    for (let i = 0; i < n; i++) q[i]! *= gamma;
    for (let j = 0; j < k; j++) {
      if (!Number.isFinite(rhos[j]!) || rhos[j]! <= 0) continue;
      const beta = rhos[j]! * dot(Ym[j]!, q);
      for (let i = 0; i < n; i++) q[i]! += (alphas[j]! - beta) * Sm[j]![i]!;
    }
    const d = new Float64Array(n);
    for (let i = 0; i < n; i++) d[i] = free[i] ? -q[i]! : 0;
    let dphi0 = dot(g, d);
    if (!(dphi0 < 0)) {
      S.length = 0;
      Y.length = 0;
      for (let i = 0; i < n; i++) d[i] = free[i] ? -g[i]! : 0;
      dphi0 = dot(g, d);
    }
    // First iteration: a unit-length trial step (the gradient's scale is unknown).
    const alpha0 = k === 0 ? Math.min(1, 1 / Math.max(1e-300, Math.sqrt(dot(d, d)))) : 1;
    let amax = Infinity;
    for (let i = 0; i < n; i++) {
      if (d[i]! > 0) amax = Math.min(amax, (upper[i]! - x[i]!) / d[i]!);
      else if (d[i]! < 0) amax = Math.min(amax, (lower[i]! - x[i]!) / d[i]!);
    }
    let xn: Float64Array | null = null, fn = f, gn: Float64Array | null = null, alphaTaken = 0;
    if (amax >= alpha0) {
      const pt = wolfeLineSearch(
        (alpha) => {
          const xt = new Float64Array(n);
          for (let i = 0; i < n; i++) xt[i] = clip(x[i]! + alpha * d[i]!, i);
          const ft = p.f(xt);
          if (!Number.isFinite(ft)) return { alpha, phi: Infinity, dphi: NaN, data: { x: xt, g: new Float64Array(n) } };
          const gt = p.g(xt, ft);
          return { alpha, phi: ft, dphi: dot(gt, d), data: { x: xt, g: gt } };
        },
        f,
        dphi0,
        { alpha0, amax },
      );
      if (pt && pt.phi <= f) {
        xn = pt.data.x;
        fn = pt.phi;
        gn = pt.data.g;
        alphaTaken = pt.alpha;
      }
    }
    if (xn === null) {
      // Projected path: sufficient decrease measured by gᵀ(x(α) − x).
      const bt = backtrack(
        (alpha) => {
          const xt = new Float64Array(n);
          for (let i = 0; i < n; i++) xt[i] = clip(x[i]! + alpha * d[i]!, i);
          let gs = 0;
          for (let i = 0; i < n; i++) gs += g[i]! * (xt[i]! - x[i]!);
          const ft = p.f(xt);
          // φ(α) ≤ f + c₁·gᵀ(x(α) − x) rewritten for backtrack's test with φ'(0)·α → gᵀ(x(α) − x)
          return { phi: Number.isFinite(ft) ? ft - 1e-4 * gs + 1e-4 * alpha * dphi0 : NaN, data: { x: xt, f: ft } };
        },
        f,
        dphi0,
        alpha0,
      );
      if (bt && bt.data.f < f) {
        xn = bt.data.x;
        fn = bt.data.f;
        gn = p.g(xn, fn);
        alphaTaken = bt.alpha;
      }
    }
    // Forward differences stalled (no relative decrease above SciPy's factr·ε = 2.2e-9):
    // continue with central differences.
    const stalled = xn === null || (f - fn) / Math.max(Math.abs(f), Math.abs(fn), 1) <= 2.2e-9;
    if (stalled && p.useCentralDifferences()) {
      S.length = 0;
      Y.length = 0;
      g = p.g(x, f);
      continue;
    }
    if (xn === null || gn === null) {
      if (S.length > 0) {
        S.length = 0;
        Y.length = 0;
        continue;
      }
      return done(Status.lineSearch, `projected gradient ${pgn.toExponential(3)} > tol = ${pgtol}`);
    }
    nit++;
    const s = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xn[i]! - x[i]!;
      y[i] = gn[i]! - g[i]!;
    }
    if (dot(s, y) > 2.2e-16 * dot(y, y)) {
      S.push(s);
      Y.push(y);
      if (S.length > mem) {
        S.shift();
        Y.shift();
      }
    }
    x = xn;
    f = fn;
    g = gn;
    if (!g.every(Number.isFinite)) return done(Status.nonFinite, 'the gradient is not finite');
    const step: OptimizeStep = { nit, x: Float64Array.from(x), fun: f, jac: Float64Array.from(g), nfev: p.counts.nfev, alpha: alphaTaken };
    if (o.callback && o.callback(step) === true) return done(Status.callback);
    yield step;
  }
}
