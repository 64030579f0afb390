/**
 * Sequential least-squares quadratic programming (Kraft 1988, "A software package for sequential
 * quadratic programming"), written from the paper's description:
 *
 * - a quasi-Newton (damped BFGS) approximation B of the Hessian of the Lagrangian
 *   L(x, λ) = f(x) − Σ λᵢcᵢ(x), started at B = I;
 * - each iteration the QP  min ½dᵀBd + ∇fᵀd  s.t. ∇cᵢᵀd + cᵢ = 0 (eq), ≥ 0 (ineq), l ≤ x + d ≤ u,
 *   solved as LSEI → LDP → NNLS (lsei.ts); when its linearised constraints are inconsistent, the
 *   relaxed problem with one more variable δ ∈ [0, 1] — constraints ∇cᵢᵀd + (1 − δ)cᵢ, penalty
 *   ½ρδ² — is solved instead;
 * - an L1 merit function φ(x) = f(x) + Σ ρᵢ·viol(cᵢ(x)), penalties ρᵢ ← max(|λᵢ|, (ρᵢ + |λᵢ|)/2),
 *   and an Armijo backtracking line search on φ with safeguarded quadratic interpolation.
 *
 * Termination is honest: success only when x is feasible (violation ≤ 0.01·tol) and the KKT conditions
 * hold with the QP's multipliers: ‖∇f − Aᵀλ − μ_bounds‖∞ ≤ tol·max(1, ‖∇f‖∞, |λᵢ∇cᵢ|, |μ|), λ_ineq ≥ 0 and
 * |λᵢcᵢ| ≤ tol·max(1, |f|). Otherwise the result says what failed.
 */
import { dampedBfgsUpdate, eye } from './dense.js';
import { lsei } from './lsei.js';
import { dot, maxViolation, normInf, type Problem } from './problem.js';
import { Status, statusMessage } from './status.js';
import type { MinimizeOptions, OptimizeResult, OptimizeStep } from './types.js';

const EPS = 2.220446049250313e-16;
/** Sufficient-decrease constant of the merit line search (Nocedal & Wright's usual 1e-4). */
const ARMIJO = 1e-4;

interface QpSolution {
  ok: boolean;
  reason?: 'inconsistent' | 'rank' | 'numerical';
  d: Float64Array;
  lam: Float64Array;
  muB: Float64Array;
  delta: number;
}

/** Build and solve the (optionally relaxed) QP at x. */
function solveQp(
  p: Problem,
  B: Float64Array,
  g: Float64Array,
  A: Float64Array,
  c: Float64Array,
  x: Float64Array,
  relax: boolean,
  rhoRelax: number,
): QpSolution {
  const { n, m, meq, lower, upper } = p;
  const nn = relax ? n + 1 : n;
  const Bq = new Float64Array(nn * nn);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Bq[i * nn + j] = B[i * n + j]!;
  const gq = new Float64Array(nn);
  gq.set(g);
  if (relax) Bq[n * nn + n] = rhoRelax;
  // Equalities: ∇cᵢᵀd − δcᵢ = −cᵢ
  const C = new Float64Array(meq * nn);
  const r = new Float64Array(meq);
  for (let i = 0; i < meq; i++) {
    for (let j = 0; j < n; j++) C[i * nn + j] = A[i * n + j]!;
    if (relax) C[i * nn + n] = -c[i]!;
    r[i] = -c[i]!;
  }
  // Inequalities, then finite bounds, then 0 ≤ δ ≤ 1.
  const rows: Array<{ kind: 'c' | 'lo' | 'up' | 'delta'; idx: number }> = [];
  for (let i = meq; i < m; i++) rows.push({ kind: 'c', idx: i });
  for (let i = 0; i < n; i++) {
    if (lower[i]! > -Infinity) rows.push({ kind: 'lo', idx: i });
    if (upper[i]! < Infinity) rows.push({ kind: 'up', idx: i });
  }
  if (relax) {
    rows.push({ kind: 'delta', idx: 0 });
    rows.push({ kind: 'delta', idx: 1 });
  }
  const mi = rows.length;
  const G = new Float64Array(mi * nn);
  const h = new Float64Array(mi);
  rows.forEach((row, t) => {
    if (row.kind === 'c') {
      for (let j = 0; j < n; j++) G[t * nn + j] = A[row.idx * n + j]!;
      if (relax && c[row.idx]! < 0) G[t * nn + n] = -c[row.idx]!;
      h[t] = -c[row.idx]!;
    } else if (row.kind === 'lo') {
      G[t * nn + row.idx] = 1;
      h[t] = lower[row.idx]! - x[row.idx]!;
    } else if (row.kind === 'up') {
      G[t * nn + row.idx] = -1;
      h[t] = x[row.idx]! - upper[row.idx]!;
    } else if (row.idx === 0) {
      G[t * nn + n] = 1;
      h[t] = 0;
    } else {
      G[t * nn + n] = -1;
      h[t] = -1;
    }
  });
  const sol = lsei(Bq, gq, nn, C, r, meq, G, h, mi);
  const lam = new Float64Array(m);
  const muB = new Float64Array(n);
  if (!sol.ok) return { ok: false, reason: sol.reason, d: new Float64Array(n), lam, muB, delta: 1 };
  for (let i = 0; i < meq; i++) lam[i] = sol.mu[i]!;
  rows.forEach((row, t) => {
    if (row.kind === 'c') lam[row.idx] = sol.lambda[t]!;
    else if (row.kind === 'lo') muB[row.idx]! += sol.lambda[t]!;
    else if (row.kind === 'up') muB[row.idx]! -= sol.lambda[t]!;
  });
  return { ok: true, d: sol.d.slice(0, n), lam, muB, delta: relax ? sol.d[n]! : 0 };
}

/** Σ ρᵢ·viol(cᵢ): |cᵢ| for equalities, max(0, −cᵢ) for inequalities. */
function penalty(p: Problem, rho: Float64Array, c: Float64Array): number {
  let s = 0;
  for (let i = 0; i < p.m; i++) s += rho[i]! * (i < p.meq ? Math.abs(c[i]!) : Math.max(0, -c[i]!));
  return s;
}

/** ∇ₓL = ∇f − Aᵀλ. */
function lagrangianGradient(p: Problem, g: Float64Array, A: Float64Array, lam: Float64Array): Float64Array {
  const out = Float64Array.from(g);
  for (let i = 0; i < p.m; i++) {
    const l = lam[i]!;
    if (l === 0) continue;
    for (let j = 0; j < p.n; j++) out[j]! -= l * A[i * p.n + j]!;
  }
  return out;
}

/** SLSQP as a generator of iterates; the return value is the final result. */
export function* slsqp(p: Problem, o: MinimizeOptions): Generator<OptimizeStep, OptimizeResult, void> {
  const { n, m, meq } = p;
  const tol = o.tol ?? 1e-6;
  // Feasibility is asked of x itself (c is evaluated exactly, and SQP converges fast in it), so
  // the bar is 100× stricter than the stationarity tolerance: violation ≤ 0.01·tol.
  const feasTol = 0.01 * tol;
  const maxiter = o.maxiter ?? 100 + 10 * n;
  const maxfev = o.maxfev ?? Infinity;
  let x: Float64Array = Float64Array.from(p.x0);
  let f = p.f(x);
  let c = p.c(x);
  let nit = 0;
  const finish = (status: number, detail: string | undefined, g?: Float64Array, lam?: Float64Array, muB?: Float64Array): OptimizeResult => {
    const multipliers = new Float64Array(m);
    if (lam) for (let i = 0; i < m; i++) multipliers[p.order[i]!] = lam[i]!;
    return {
      x,
      fun: f,
      jac: g,
      nit,
      nfev: p.counts.nfev,
      njev: p.counts.njev,
      status,
      message: statusMessage(status, detail),
      success: status === Status.success,
      method: 'slsqp',
      multipliers,
      boundMultipliers: muB ?? new Float64Array(n),
      maxcv: maxViolation(p, x, c),
      warnings: p.warnings,
    };
  };
  const finite = (v: number, cv: Float64Array): boolean => Number.isFinite(v) && cv.every(Number.isFinite);
  if (!finite(f, c)) return finish(Status.nonFinite, `at x0 f = ${f}, constraints = [${Array.from(c).join(', ')}]`);
  let g = p.g(x, f);
  let A = p.a(x, c);
  if (!g.every(Number.isFinite) || !A.every(Number.isFinite)) return finish(Status.nonFinite, 'the gradient at x0 is not finite');
  let B = eye(n);
  let fresh = true; // B was just (re)set to the identity
  let resets = 0;
  const rho = new Float64Array(m);
  let rhoRelax = 100;
  let lastLam: Float64Array = new Float64Array(m);
  let lastMuB: Float64Array = new Float64Array(n);
  let stalls = 0;
  /** Restart B from the identity, at most five times a run and never twice in a row. */
  const resetB = (): boolean => {
    if (fresh || resets >= 5) return false;
    B = eye(n);
    fresh = true;
    resets++;
    return true;
  };
  const noFeasibleStep = (viol: number, ...rest: [Float64Array, Float64Array, Float64Array]): OptimizeResult =>
    finish(Status.infeasible, `no step reduces the largest violation ${viol.toExponential(3)} (the linearized constraints have no common solution)`, ...rest);
  for (;;) {
    // --- QP subproblem at x
    let qp = solveQp(p, B, g, A, c, x, false, rhoRelax);
    // B has become too ill-conditioned to factor accurately: restart it from the identity.
    if (!qp.ok && qp.reason === 'numerical' && resetB()) qp = solveQp(p, B, g, A, c, x, false, rhoRelax);
    let relaxed = false;
    if (!qp.ok) {
      relaxed = true;
      qp = solveQp(p, B, g, A, c, x, true, rhoRelax);
      if (!qp.ok) {
        // The relaxed QP always has the feasible point d = 0, δ = 1: failing it is numerical.
        const v = maxViolation(p, x, c);
        if (v <= feasTol) {
          return finish(Status.notKkt, `the QP subproblem is numerically degenerate at iteration ${nit} (nearly dependent active constraint gradients); x is feasible`, g, lastLam, lastMuB);
        }
        return finish(Status.infeasible, `the QP subproblem has no solution at iteration ${nit} (violation ${v.toExponential(3)})`, g, lastLam, lastMuB);
      }
    }
    const { d, lam, muB } = qp;
    // --- KKT test at x with the QP multipliers
    const viol = maxViolation(p, x, c);
    const scale = Math.max(1, Math.abs(f));
    const gl = lagrangianGradient(p, g, A, lam);
    for (let j = 0; j < n; j++) gl[j]! -= muB[j]!;
    const stationarity = normInf(gl);
    let comp = 0;
    for (let i = meq; i < m; i++) comp = Math.max(comp, Math.abs(lam[i]! * c[i]!));
    for (let j = 0; j < n; j++) {
      if (muB[j]! > 0) comp = Math.max(comp, muB[j]! * (x[j]! - p.lower[j]!));
      if (muB[j]! < 0) comp = Math.max(comp, -muB[j]! * (p.upper[j]! - x[j]!));
    }
    if (!relaxed) {
      lastLam = lam;
      lastMuB = muB;
    }
    // With forward differences the gradient is only accurate to about ½|∂²L/∂xᵢ²|·hᵢ + 2ε|f|/hᵢ
    // (truncation + rounding); no method can certify stationarity below that, so it is allowed.
    let fdAllow = 0;
    if (!p.exactGradient || !p.exactConstraintJac) {
      for (let j = 0; j < n; j++) {
        const hj = p.fdRel * Math.max(1, Math.abs(x[j]!));
        fdAllow = Math.max(fdAllow, Math.abs(B[j * n + j]!) * hj + (4 * EPS * scale) / hj);
      }
    }
    // Stationarity is measured against the size of the terms that must cancel in
    // ∇f − Σλᵢ∇cᵢ − μ, not against |f|: a |f|-relative bar grows without limit on an unbounded
    // objective (f = −x₁ reached "success" at f ≈ −2.4e6, where tol·|f| > ‖∇f‖ = 1).
    let termScale = Math.max(1, normInf(g), normInf(muB));
    for (let i = 0; i < m; i++) {
      if (lam[i] === 0) continue;
      for (let j = 0; j < n; j++) termScale = Math.max(termScale, Math.abs(lam[i]! * A[i * n + j]!));
    }
    // B's diagonal is only a guess at the curvature, and it can grow large on a linear objective:
    // cap the allowance at √tol of the term scale so it can never excuse a gradient of order 1.
    const tolG = tol * termScale + Math.min(fdAllow, Math.sqrt(tol) * termScale);
    if (!relaxed && viol <= feasTol && stationarity <= tolG && comp <= tol * scale) {
      return finish(Status.success, undefined, g, lam, muB);
    }
    if (nit >= maxiter) {
      return finish(Status.maxiter, `KKT residual ${stationarity.toExponential(3)}, violation ${viol.toExponential(3)} after ${nit} iterations`, g, lastLam, lastMuB);
    }
    if (p.counts.nfev >= maxfev) return finish(Status.maxfev, undefined, g, lastLam, lastMuB);
    nit++;
    // --- L1 merit function and its directional derivative along d
    for (let i = 0; i < m; i++) rho[i] = Math.max(Math.abs(lam[i]!), 0.5 * (rho[i]! + Math.abs(lam[i]!)));
    const phi0 = f + penalty(p, rho, c);
    const dphi = dot(g, d) - (1 - qp.delta) * penalty(p, rho, c);
    if (relaxed) rhoRelax = Math.min(rhoRelax * 10, 1e10);
    if (!(dphi < 0)) {
      // Not a descent direction for φ: the model is poor. Restart B, else give up.
      if (resetB()) continue;
      if (relaxed) return noFeasibleStep(viol, g, lastLam, lastMuB);
      return finish(Status.notKkt, `no descent direction; KKT residual ${stationarity.toExponential(3)}, violation ${viol.toExponential(3)}`, g, lastLam, lastMuB);
    }
    // --- line search: φ(x + αd) ≤ φ(x) + 0.1·α·φ'
    let alpha = 1;
    let accepted = false;
    let xt = x, ft = f, ct = c;
    for (let trial = 0; trial < 12; trial++) {
      xt = new Float64Array(n);
      for (let j = 0; j < n; j++) xt[j] = Math.min(p.upper[j]!, Math.max(p.lower[j]!, x[j]! + alpha * d[j]!));
      ft = p.f(xt);
      ct = p.c(xt);
      const phit = finite(ft, ct) ? ft + penalty(p, rho, ct) : Infinity;
      if (phit - phi0 <= ARMIJO * alpha * dphi) {
        accepted = true;
        break;
      }
      // quadratic model through φ(0), φ'(0), φ(α): minimiser α² · (−φ') / (2(φ(α) − φ(0) − αφ'))
      const denom = 2 * (phit - phi0 - alpha * dphi);
      const aq = Number.isFinite(denom) && denom > 0 ? (-dphi * alpha * alpha) / denom : 0.1 * alpha;
      alpha = Math.min(0.5 * alpha, Math.max(0.1 * alpha, aq));
    }
    if (!accepted) {
      if (resetB()) continue;
      if (relaxed) return noFeasibleStep(viol, g, lastLam, lastMuB);
      return finish(Status.lineSearch, `KKT residual ${stationarity.toExponential(3)}, violation ${viol.toExponential(3)}`, g, lastLam, lastMuB);
    }
    // --- BFGS update of B with y = ∇ₓL(x⁺, λ) − ∇ₓL(x, λ)
    const gt = p.g(xt, ft);
    const At = p.a(xt, ct);
    if (!gt.every(Number.isFinite) || !At.every(Number.isFinite)) {
      return finish(Status.nonFinite, `the gradient is not finite at x = [${Array.from(xt).join(', ')}]`, g, lastLam, lastMuB);
    }
    const s = new Float64Array(n);
    for (let j = 0; j < n; j++) s[j] = xt[j]! - x[j]!;
    const glOld = lagrangianGradient(p, g, A, lam);
    const glNew = lagrangianGradient(p, gt, At, lam);
    const y = new Float64Array(n);
    for (let j = 0; j < n; j++) y[j] = glNew[j]! - glOld[j]!;
    const stepTiny = normInf(s) <= 1e-15 * (1 + normInf(x)) && Math.abs(ft - f) <= 1e-15 * scale;
    stalls = stepTiny ? stalls + 1 : 0;
    if (dampedBfgsUpdate(B, n, s, y)) fresh = false;
    x = xt;
    f = ft;
    c = ct;
    g = gt;
    A = At;
    const step: OptimizeStep = { nit, x: Float64Array.from(x), fun: f, jac: Float64Array.from(g), nfev: p.counts.nfev, alpha, maxcv: maxViolation(p, x, c) };
    if (o.callback && o.callback(step) === true) return finish(Status.callback, undefined, g, lastLam, lastMuB);
    yield step;
    if (stalls >= 3) {
      return finish(Status.notKkt, `no progress; KKT residual ${stationarity.toExponential(3)}, violation ${viol.toExponential(3)}`, g, lastLam, lastMuB);
    }
  }
}
