/**
 * Line searches along a direction d from x: the strong Wolfe search of Nocedal & Wright
 * (Numerical Optimization, 2nd ed., algorithms 3.5 and 3.6, with cubic interpolation in the zoom)
 * and Armijo backtracking.
 *
 * Strong Wolfe conditions for φ(α) = f(x + αd):
 *   φ(α) ≤ φ(0) + c₁αφ'(0)          (sufficient decrease)
 *   |φ'(α)| ≤ c₂|φ'(0)|             (curvature)
 */

import { ArgumentError } from '../core/errors.js';

/** φ and φ' at a trial step, with whatever the caller wants to keep (gradient, point). */
export interface LinePoint<T> {
  alpha: number;
  phi: number;
  dphi: number;
  data: T;
}

/** Options of `wolfeLineSearch`. */
export interface WolfeOptions {
  /** First trial step (default 1). */
  alpha0?: number;
  /** Largest step allowed (default 1e10). */
  amax?: number;
  /** Sufficient-decrease constant (default 1e-4). */
  c1?: number;
  /** Curvature constant (default 0.9, the usual value for quasi-Newton methods). */
  c2?: number;
  /** Evaluations allowed (default 30). */
  maxEval?: number;
}

/** Minimiser of the cubic through (a, fa, da), (b, fb, db), or NaN. */
function cubicMin(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  // N&W (3.59): d₁ = φ'ₐ + φ'_b − 3(φₐ − φ_b)/(a − b), d₂ = sign(b − a)·√(d₁² − φ'ₐφ'_b)
  const d1 = da + db - (3 * (fa - fb)) / (a - b);
  const disc = d1 * d1 - da * db;
  if (!(disc >= 0)) return NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(disc);
  return b - ((b - a) * (db + d2 - d1)) / (db - da + 2 * d2);
}

/**
 * Strong Wolfe line search. `evaluate(α)` returns φ(α), φ'(α) and data; non-finite φ counts as
 * too long a step. Returns the accepted point, or `null` if none was found — at once, without
 * evaluating, when φ(0) is not finite or φ'(0) ≥ 0 (no descent direction: no step can satisfy
 * both conditions with 0 < c₁ < c₂ < 1). Throws `ArgumentError` for c₁, c₂ outside that range.
 *
 * @example
 * // φ(α) = (α − 2)², φ(0) = 4, φ'(0) = −4: the first trial α = 1 has φ = 1 and |φ'| = 2 ≤ 0.9·4
 * wolfeLineSearch((a) => ({ alpha: a, phi: (a - 2) ** 2, dphi: 2 * (a - 2), data: null }), 4, -4)!.alpha // → 1
 */
export function wolfeLineSearch<T>(
  evaluate: (alpha: number) => LinePoint<T>,
  phi0: number,
  dphi0: number,
  options: WolfeOptions = {},
): LinePoint<T> | null {
  const c1 = options.c1 ?? 1e-4, c2 = options.c2 ?? 0.9;
  const amax = options.amax ?? 1e10;
  const maxEval = options.maxEval ?? 30;
  if (!(c1 > 0 && c1 < c2 && c2 < 1)) throw new ArgumentError(`wolfeLineSearch: need 0 < c1 < c2 < 1, got c1 = ${c1}, c2 = ${c2}`);
  if (!Number.isFinite(phi0) || !(dphi0 < 0)) return null;
  let evals = 0;
  const ev = (a: number): LinePoint<T> => {
    evals++;
    return evaluate(a);
  };
  const zoom = (lo: LinePoint<T> | null, loA: number, loPhi: number, loD: number, hiA: number, hiPhi: number, hiD: number): LinePoint<T> | null => {
    let best = lo;
    while (evals < maxEval) {
      let a = Number.isFinite(hiPhi) && Number.isFinite(hiD) ? cubicMin(loA, loPhi, loD, hiA, hiPhi, hiD) : NaN;
      const lowEnd = Math.min(loA, hiA), highEnd = Math.max(loA, hiA), width = highEnd - lowEnd;
      if (!(a > lowEnd + 0.1 * width && a < highEnd - 0.1 * width)) a = 0.5 * (loA + hiA);
      if (width <= 1e-16 * Math.max(1, highEnd)) break;
      const t = ev(a);
      if (!Number.isFinite(t.phi) || t.phi > phi0 + c1 * a * dphi0 || t.phi >= loPhi) {
        hiA = a;
        hiPhi = Number.isFinite(t.phi) ? t.phi : Infinity;
        hiD = t.dphi;
      } else {
        if (Math.abs(t.dphi) <= -c2 * dphi0) return t;
        best = t;
        if (t.dphi * (hiA - loA) >= 0) {
          hiA = loA;
          hiPhi = loPhi;
          hiD = loD;
        }
        loA = a;
        loPhi = t.phi;
        loD = t.dphi;
      }
    }
    // Out of evaluations: a point with sufficient decrease is still a usable step.
    return best;
  };
  let prevA = 0, prevPhi = phi0, prevD = dphi0;
  let prev: LinePoint<T> | null = null;
  let a = Math.min(options.alpha0 ?? 1, amax);
  for (let i = 0; evals < maxEval; i++) {
    const t = ev(a);
    if (!Number.isFinite(t.phi) || t.phi > phi0 + c1 * a * dphi0 || (i > 0 && t.phi >= prevPhi)) {
      return zoom(prev, prevA, prevPhi, prevD, a, Number.isFinite(t.phi) ? t.phi : Infinity, t.dphi);
    }
    if (Math.abs(t.dphi) <= -c2 * dphi0) return t;
    if (t.dphi >= 0) return zoom(t, a, t.phi, t.dphi, prevA, prevPhi, prevD);
    if (a >= amax) return t; // sufficient decrease at the largest allowed step
    prev = t;
    prevA = a;
    prevPhi = t.phi;
    prevD = t.dphi;
    a = Math.min(2 * a, amax);
  }
  return prev;
}

/**
 * Armijo backtracking: the first α in α₀, α₀·β, α₀·β², … with φ(α) ≤ φ(0) + c₁αφ'(0)
 * (β = 0.5, c₁ = 1e-4). `phiAt` may return NaN/∞ (treated as failure). Returns null if none in
 * `maxEval` trials.
 */
export function backtrack<T>(
  phiAt: (alpha: number) => { phi: number; data: T },
  phi0: number,
  dphi0: number,
  alpha0 = 1,
  maxEval = 40,
  c1 = 1e-4,
): { alpha: number; phi: number; data: T } | null {
  let a = alpha0;
  for (let i = 0; i < maxEval; i++) {
    const t = phiAt(a);
    if (Number.isFinite(t.phi) && t.phi <= phi0 + c1 * a * dphi0) return { alpha: a, phi: t.phi, data: t.data };
    a *= 0.5;
  }
  return null;
}
