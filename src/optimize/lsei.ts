/**
 * The quadratic subproblem of SLSQP, solved the way Kraft (1988) does it: as a least-squares
 * problem with equality and inequality constraints (LSEI), reduced to least distance
 * programming (LDP), which is solved through a non-negative least-squares problem (NNLS).
 *
 *   min ½dᵀBd + gᵀd   s.t.  C·d = r,  G·d ≥ h          (B positive definite)
 *
 * 1. Equalities by a null-space basis: Cᵀ = Q·[R₁; 0], d = Q₁y₁ + Q₂y₂ with R₁ᵀy₁ = r.
 * 2. In y₂ the objective is ½y₂ᵀB_z y₂ + g_zᵀy₂, B_z = Q₂ᵀBQ₂ = LLᵀ, g_z = Q₂ᵀ(g + BQ₁y₁);
 *    with z = Lᵀy₂ + w, w = L⁻¹g_z, it is ½‖z‖² + const: a least-distance problem
 *    min ‖z‖ s.t. H·z ≥ k, H = GQ₂L⁻ᵀ, k = h − GQ₁y₁ + H·w.
 * 3. LDP by NNLS (Lawson–Hanson ch. 23): min ‖E·u − e‖, u ≥ 0 with E = [Hᵀ; kᵀ], e = (0,…,0,1);
 *    the residual ρ = E·u − e gives z = −ρ₁:ₙ/ρₙ₊₁ and multipliers λ = u/(−ρₙ₊₁). A zero residual
 *    means the inequalities are inconsistent.
 * 4. Equality multipliers from stationarity Bd + g = Cᵀμ + Gᵀλ: μ = R₁⁻¹Q₁ᵀ(Bd + g − Gᵀλ).
 */
import { nnls } from '../numeric/nnls.js';

/** Relative slack allowed on the QP's inequalities before its solution is called inaccurate. */
const LSEI_FEAS_TOL = 1e-8;
import { backSubT, choleskyLower, eye, forwardSub, mulTVec, mulVec, qrFull } from './dense.js';

/** A solved (or failed) LSEI problem. */
export interface LseiResult {
  ok: boolean;
  /** Why it failed: inconsistent constraints, rank-deficient equalities, or numerical trouble. */
  reason?: 'inconsistent' | 'rank' | 'numerical';
  d: Float64Array;
  /** Multipliers of the equality rows (free sign). */
  mu: Float64Array;
  /** Multipliers of the inequality rows (≥ 0). */
  lambda: Float64Array;
}

/** Least distance: min ‖z‖ s.t. H·z ≥ k (H is mi×nz). */
function ldp(H: Float64Array, mi: number, nz: number, k: Float64Array): { ok: boolean; z: Float64Array; lambda: Float64Array } {
  const z = new Float64Array(nz);
  const lambda = new Float64Array(mi);
  let anyPositive = false;
  for (let i = 0; i < mi; i++) if (k[i]! > 0) anyPositive = true;
  if (!anyPositive) return { ok: true, z, lambda }; // z = 0 is feasible and optimal
  if (nz === 0) return { ok: false, z, lambda };
  // Scale so that max kᵢ = 1: the solution scales with k, and an unscaled ‖z‖ ≫ 1 would make
  // 1 − kᵀu ≈ 1/(1 + ‖z‖²) tiny and the recovered z inaccurate.
  let sk = 0;
  for (let i = 0; i < mi; i++) sk = Math.max(sk, k[i]!);
  const E = new Float64Array((nz + 1) * mi);
  for (let i = 0; i < mi; i++) {
    for (let j = 0; j < nz; j++) E[j * mi + i] = H[i * nz + j]!;
    E[nz * mi + i] = k[i]! / sk;
  }
  const e = new Float64Array(nz + 1);
  e[nz] = 1;
  const sol = nnls({ rows: nz + 1, cols: mi, data: E }, e);
  const fac = -sol.residual[nz]!; // 1 − kᵀu
  if (!(fac > 1e-12)) return { ok: false, z, lambda };
  for (let j = 0; j < nz; j++) z[j] = (sk * sol.residual[j]!) / fac;
  for (let i = 0; i < mi; i++) lambda[i] = (sk * sol.x[i]!) / fac;
  return { ok: true, z, lambda };
}

/**
 * Solve min ½dᵀBd + gᵀd s.t. C·d = r (meq rows), G·d ≥ h (mi rows); B n×n positive definite.
 * Linearly dependent equality rows (duplicated or redundant constraints) are set aside by
 * Gram–Schmidt; the solution must satisfy them too, otherwise the equalities are inconsistent.
 */
export function lsei(
  B: Float64Array,
  g: Float64Array,
  n: number,
  C: Float64Array,
  r: Float64Array,
  meq: number,
  G: Float64Array,
  h: Float64Array,
  mi: number,
): LseiResult {
  // Rows of very different sizes (a constraint in the 1e5s beside a bound row of 1, or one of
  // 1e-4 beside it) spoil the NNLS tolerances. Gᵢd ≥ hᵢ is the same set as (Gᵢ/sᵢ)d ≥ hᵢ/sᵢ for
  // sᵢ > 0, with multiplier λᵢ = λ̃ᵢ/sᵢ; likewise for the equalities. So the rows are first solved
  // at unit norm. Blowing up a nearly vanishing gradient (x₃x₉ ≥ 0 near x₃ = 0) can turn its
  // rounding error into an inconsistency, so on failure only the long rows are shortened.
  const first = lseiRowScaled(B, g, n, C, r, meq, G, h, mi, 0);
  return first.ok ? first : lseiRowScaled(B, g, n, C, r, meq, G, h, mi, 1);
}

/** lsei with every row divided by max(floor, its norm) (a zero row is left alone). */
function lseiRowScaled(
  B: Float64Array,
  g: Float64Array,
  n: number,
  C: Float64Array,
  r: Float64Array,
  meq: number,
  G: Float64Array,
  h: Float64Array,
  mi: number,
  floor: number,
): LseiResult {
  const sc = rowNorms(C, meq, n, floor);
  const sg = rowNorms(G, mi, n, floor);
  const Cs = Float64Array.from(C), rs = Float64Array.from(r), Gs = Float64Array.from(G), hs = Float64Array.from(h);
  for (let i = 0; i < meq; i++) {
    for (let j = 0; j < n; j++) Cs[i * n + j]! /= sc[i]!;
    rs[i]! /= sc[i]!;
  }
  for (let i = 0; i < mi; i++) {
    for (let j = 0; j < n; j++) Gs[i * n + j]! /= sg[i]!;
    hs[i]! /= sg[i]!;
  }
  const sol = lseiScaled(B, g, n, Cs, rs, meq, Gs, hs, mi);
  for (let i = 0; i < meq; i++) sol.mu[i]! /= sc[i]!;
  for (let i = 0; i < mi; i++) sol.lambda[i]! /= sg[i]!;
  return sol;
}

/** max(floor, ‖Mᵢ‖₂) for each of the m rows of M (m×n); 1 for a zero row. */
function rowNorms(M: Float64Array, m: number, n: number, floor: number): Float64Array {
  const s = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let t = 0;
    for (let j = 0; j < n; j++) t += M[i * n + j]! ** 2;
    s[i] = t > 0 ? Math.max(floor, Math.sqrt(t)) : 1;
  }
  return s;
}

function lseiScaled(
  B: Float64Array,
  g: Float64Array,
  n: number,
  C: Float64Array,
  r: Float64Array,
  meq: number,
  G: Float64Array,
  h: Float64Array,
  mi: number,
): LseiResult {
  if (meq === 0) return lseiFullRank(B, g, n, C, r, meq, G, h, mi);
  const keep: number[] = [];
  const basis: Float64Array[] = [];
  for (let i = 0; i < meq; i++) {
    const v = C.slice(i * n, i * n + n);
    let norm0 = 0;
    for (let j = 0; j < n; j++) norm0 += v[j]! ** 2;
    norm0 = Math.sqrt(norm0);
    if (norm0 === 0) continue;
    for (let pass = 0; pass < 2; pass++) {
      for (const b of basis) {
        let t = 0;
        for (let j = 0; j < n; j++) t += b[j]! * v[j]!;
        for (let j = 0; j < n; j++) v[j]! -= t * b[j]!;
      }
    }
    let nv = 0;
    for (let j = 0; j < n; j++) nv += v[j]! ** 2;
    nv = Math.sqrt(nv);
    if (nv > 1e-10 * norm0) {
      keep.push(i);
      basis.push(v.map((t) => t / nv));
    }
  }
  if (keep.length === meq) return lseiFullRank(B, g, n, C, r, meq, G, h, mi);
  const Ck = new Float64Array(keep.length * n);
  const rk = new Float64Array(keep.length);
  keep.forEach((i, k) => {
    Ck.set(C.subarray(i * n, i * n + n), k * n);
    rk[k] = r[i]!;
  });
  const sol = lseiFullRank(B, g, n, Ck, rk, keep.length, G, h, mi);
  const mu = new Float64Array(meq);
  keep.forEach((i, k) => (mu[i] = sol.mu[k]!));
  if (!sol.ok) return { ...sol, mu };
  for (let i = 0; i < meq; i++) {
    if (keep.includes(i)) continue;
    let cd = 0, scale = Math.max(1, Math.abs(r[i]!));
    for (let j = 0; j < n; j++) {
      cd += C[i * n + j]! * sol.d[j]!;
      scale = Math.max(scale, Math.abs(C[i * n + j]! * sol.d[j]!));
    }
    if (Math.abs(cd - r[i]!) > 1e-8 * scale) return { ok: false, reason: 'inconsistent', d: new Float64Array(n), mu, lambda: new Float64Array(mi) };
  }
  return { ...sol, mu };
}

function lseiFullRank(
  B: Float64Array,
  g: Float64Array,
  n: number,
  C: Float64Array,
  r: Float64Array,
  meq: number,
  G: Float64Array,
  h: Float64Array,
  mi: number,
): LseiResult {
  const fail = (reason: LseiResult['reason']): LseiResult => ({
    ok: false,
    reason,
    d: new Float64Array(n),
    mu: new Float64Array(meq),
    lambda: new Float64Array(mi),
  });
  if (meq > n) return fail('rank');
  // 1. null space of C
  let Q: Float64Array, R1: Float64Array | null = null;
  const y1 = new Float64Array(meq);
  if (meq > 0) {
    const Ct = new Float64Array(n * meq);
    for (let i = 0; i < meq; i++) for (let j = 0; j < n; j++) Ct[j * meq + i] = C[i * n + j]!;
    const { q, rr } = qrFull(Ct, n, meq);
    Q = q;
    R1 = rr;
    let maxDiag = 0;
    for (let i = 0; i < meq; i++) maxDiag = Math.max(maxDiag, Math.abs(rr[i * meq + i]!));
    for (let i = 0; i < meq; i++) if (!(Math.abs(rr[i * meq + i]!) > 1e-12 * Math.max(1, maxDiag))) return fail('rank');
    // R₁ᵀy₁ = r (R₁ᵀ is lower triangular)
    for (let i = 0; i < meq; i++) {
      let s = r[i]!;
      for (let k = 0; k < i; k++) s -= rr[k * meq + i]! * y1[k]!;
      y1[i] = s / rr[i * meq + i]!;
    }
  } else Q = eye(n);
  const nz = n - meq;
  // v₁ = Q₁y₁, Q₂ = columns meq.. of Q
  const v1 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < meq; k++) s += Q[i * n + k]! * y1[k]!;
    v1[i] = s;
  }
  const Q2 = new Float64Array(n * nz);
  for (let i = 0; i < n; i++) for (let j = 0; j < nz; j++) Q2[i * nz + j] = Q[i * n + meq + j]!;
  // 2. reduced Hessian B_z = Q₂ᵀBQ₂ and gradient g_z = Q₂ᵀ(g + Bv₁)
  const BQ2 = new Float64Array(n * nz);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < nz; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += B[i * n + k]! * Q2[k * nz + j]!;
      BQ2[i * nz + j] = s;
    }
  }
  const Bz = new Float64Array(nz * nz);
  for (let i = 0; i < nz; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += Q2[k * nz + i]! * BQ2[k * nz + j]!;
      Bz[i * nz + j] = s;
      Bz[j * nz + i] = s;
    }
  }
  const Bv1 = mulVec(B, n, n, v1);
  const gv = new Float64Array(n);
  for (let i = 0; i < n; i++) gv[i] = g[i]! + Bv1[i]!;
  const gz = mulTVec(Q2, n, nz, gv);
  let L = choleskyLower(Bz, nz);
  if (L === null) {
    // Rounding can spoil definiteness of Q₂ᵀBQ₂: regularise slightly.
    let tr = 0;
    for (let i = 0; i < nz; i++) tr += Math.abs(Bz[i * nz + i]!);
    for (let i = 0; i < nz; i++) Bz[i * nz + i]! += 1e-10 * Math.max(1, tr / Math.max(1, nz));
    L = choleskyLower(Bz, nz);
    if (L === null) return fail('numerical');
  }
  const w = forwardSub(L, nz, gz);
  // 3. H = GQ₂L⁻ᵀ row by row (Hᵢᵀ = L⁻¹(GQ₂)ᵢᵀ), k = h − Gv₁ + H·w
  const H = new Float64Array(mi * nz);
  const k = new Float64Array(mi);
  const rowQ = new Float64Array(nz);
  for (let i = 0; i < mi; i++) {
    rowQ.fill(0);
    let gv1 = 0;
    for (let t = 0; t < n; t++) {
      const git = G[i * n + t]!;
      if (git === 0) continue;
      gv1 += git * v1[t]!;
      for (let j = 0; j < nz; j++) rowQ[j]! += git * Q2[t * nz + j]!;
    }
    const hi = forwardSub(L, nz, rowQ);
    H.set(hi, i * nz);
    let hw = 0;
    for (let j = 0; j < nz; j++) hw += hi[j]! * w[j]!;
    k[i] = h[i]! - gv1 + hw;
  }
  const sol = ldp(H, mi, nz, k);
  if (!sol.ok) return fail('inconsistent');
  // y₂ = L⁻ᵀ(z − w), d = v₁ + Q₂y₂
  const zw = new Float64Array(nz);
  for (let j = 0; j < nz; j++) zw[j] = sol.z[j]! - w[j]!;
  const y2 = backSubT(L, nz, zw);
  const d = Float64Array.from(v1);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < nz; j++) s += Q2[i * nz + j]! * y2[j]!;
    d[i]! += s;
  }
  // Sanity: the inequalities must hold up to rounding.
  const Gd = mulVec(G, mi, n, d);
  for (let i = 0; i < mi; i++) {
    let scale = Math.abs(h[i]!);
    for (let t = 0; t < n; t++) scale = Math.max(scale, Math.abs(G[i * n + t]! * d[t]!));
    if (Gd[i]! < h[i]! - LSEI_FEAS_TOL * Math.max(1, scale)) return fail('numerical');
  }
  // 4. equality multipliers μ = R₁⁻¹Q₁ᵀ(Bd + g − Gᵀλ)
  const mu = new Float64Array(meq);
  if (meq > 0 && R1) {
    const Bd = mulVec(B, n, n, d);
    const Gl = mulTVec(G, mi, n, sol.lambda);
    const res = new Float64Array(n);
    for (let i = 0; i < n; i++) res[i] = Bd[i]! + g[i]! - Gl[i]!;
    const q1r = new Float64Array(meq);
    for (let kk = 0; kk < meq; kk++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += Q[i * n + kk]! * res[i]!;
      q1r[kk] = s;
    }
    for (let i = meq - 1; i >= 0; i--) {
      let s = q1r[i]!;
      for (let j = i + 1; j < meq; j++) s -= R1[i * meq + j]! * mu[j]!;
      mu[i] = s / R1[i * meq + i]!;
    }
  }
  return { ok: true, d, mu, lambda: sol.lambda };
}
