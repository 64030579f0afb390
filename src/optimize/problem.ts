/**
 * The problem a solver sees: validated x0 and bounds, counted evaluations of f, ∇f, ∇²f and the
 * constraints, and forward-difference derivatives where the caller gave none.
 */
import { ArgumentError, ShapeError, describeValue } from '../core/errors.js';
import type { Bound, Constraint, MinimizeOptions } from './types.js';

const EPS = 2.220446049250313e-16;

/** Evaluation counters, SciPy's meaning: nfev counts every call of f (differences included). */
export interface Counters {
  nfev: number;
  njev: number;
  nhev: number;
}

/** A validated problem with counted callbacks. */
export interface Problem {
  n: number;
  x0: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  hasBounds: boolean;
  counts: Counters;
  warnings: string[];
  /** Whether the caller supplied the gradient (else forward differences). */
  exactGradient: boolean;
  /** Whether every constraint has its `jac`. */
  exactConstraintJac: boolean;
  /** Relative forward-difference step in use. */
  fdRel: number;
  /**
   * Switch finite-difference gradients to central differences (step ε^⅓·max(1, |xᵢ|), error
   * O(h²) instead of O(h)). Solvers do this when forward differences are too inaccurate to make
   * progress near a minimiser. Returns false if the gradient is exact or already central.
   */
  useCentralDifferences(): boolean;
  /** f(x); NaN/±Infinity are returned as they are (solvers decide). */
  f(x: Float64Array): number;
  /** ∇f(x); `fx` = f(x) saves one call when differencing. */
  g(x: Float64Array, fx?: number): Float64Array;
  /** ∇²f(x) row-major (caller's hess, else forward differences of ∇f). */
  h(x: Float64Array): Float64Array;
  /** Constraint components: count, which are equalities (listed first within `types`). */
  m: number;
  meq: number;
  /** All constraint components at x: equalities first, then inequalities (c ≥ 0). */
  c(x: Float64Array): Float64Array;
  /** Jacobian of `c` (m×n row-major); `cx` = c(x) saves a call when differencing. */
  a(x: Float64Array, cx?: Float64Array): Float64Array;
  /** Maps component k of `c` back to its index in the caller's flattened constraint list. */
  order: Int32Array;
}

/** The relative forward-difference step SciPy uses ('2-point'): √ε. */
export const DEFAULT_FD_STEP = Math.sqrt(EPS);

/**
 * Forward-difference step for each coordinate: hᵢ = r·sign(xᵢ)·max(1, |xᵢ|), flipped to a backward
 * step when x + hᵢ would leave the bounds, and rounded so that (xᵢ + hᵢ) − xᵢ = hᵢ exactly.
 */
function fdSteps(x: Float64Array, rel: number, lower: Float64Array, upper: Float64Array): Float64Array {
  const h = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    let hi = rel * (x[i]! >= 0 ? 1 : -1) * Math.max(1, Math.abs(x[i]!));
    if (x[i]! + hi > upper[i]! || x[i]! + hi < lower[i]!) hi = -hi;
    h[i] = x[i]! + hi - x[i]!;
  }
  return h;
}

function toArray(v: ArrayLike<number>, n: number, what: string): Float64Array {
  if (v == null || typeof v.length !== 'number') throw new ShapeError(`${what} must return an array of ${n} numbers`);
  if (v.length !== n) throw new ShapeError(`${what} returned ${v.length} values, expected ${n} (one per variable)`);
  return Float64Array.from(v);
}

function parseBounds(bounds: readonly Bound[] | undefined, n: number): { lower: Float64Array; upper: Float64Array; has: boolean } {
  const lower = new Float64Array(n).fill(-Infinity);
  const upper = new Float64Array(n).fill(Infinity);
  if (bounds === undefined) return { lower, upper, has: false };
  if (!Array.isArray(bounds) || bounds.length !== n) {
    throw new ArgumentError(`bounds must have one [lower, upper] pair per variable: got ${Array.isArray(bounds) ? bounds.length : typeof bounds}, expected ${n}`);
  }
  let has = false;
  for (let i = 0; i < n; i++) {
    const b = bounds[i];
    if (!Array.isArray(b) || b.length !== 2) throw new ArgumentError(`bounds[${i}] must be a pair [lower, upper]`);
    const lo = b[0] ?? -Infinity, hi = b[1] ?? Infinity;
    if (typeof lo !== 'number' || typeof hi !== 'number' || Number.isNaN(lo) || Number.isNaN(hi)) {
      throw new ArgumentError(`bounds[${i}] must hold numbers or null, got [${String(b[0])}, ${String(b[1])}]`);
    }
    if (lo > hi) throw new ArgumentError(`bounds[${i}]: lower bound ${lo} exceeds upper bound ${hi}`);
    if (lo === Infinity || hi === -Infinity) throw new ArgumentError(`bounds[${i}] = [${lo}, ${hi}] leaves no feasible value`);
    lower[i] = lo;
    upper[i] = hi;
    if (lo > -Infinity || hi < Infinity) has = true;
  }
  return { lower, upper, has };
}

/**
 * Validate the arguments of `minimize` and wrap the callbacks with counters and differences.
 * Malformed arguments throw `ArgumentError`/`ShapeError`; x0 outside the bounds is clipped into
 * them with a warning (SciPy does the same), or throws with `clipX0: false`.
 */
export function makeProblem(
  fun: (x: Float64Array) => number,
  x0In: ArrayLike<number>,
  options: MinimizeOptions,
  clipX0 = true,
): Problem {
  if (typeof fun !== 'function') throw new ArgumentError('minimize: fun must be a function (x: Float64Array) => number');
  if (x0In == null || typeof x0In.length !== 'number' || x0In.length === 0) {
    throw new ArgumentError('minimize: x0 must be a non-empty array of numbers');
  }
  const n = x0In.length;
  const x0 = Float64Array.from(x0In);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x0[i]!)) throw new ArgumentError(`minimize: x0[${i}] = ${x0In[i]} is not a finite number`);
  }
  const { lower, upper, has } = parseBounds(options.bounds, n);
  const warnings: string[] = [];
  const outside: number[] = [];
  for (let i = 0; i < n; i++) if (x0[i]! < lower[i]! || x0[i]! > upper[i]!) outside.push(i);
  if (outside.length > 0) {
    const list = outside.map((i) => `x0[${i}] = ${x0[i]} not in [${lower[i]}, ${upper[i]}]`).join('; ');
    if (!clipX0) throw new ArgumentError(`minimize: x0 lies outside the bounds (${list})`);
    for (const i of outside) x0[i] = Math.min(upper[i]!, Math.max(lower[i]!, x0[i]!));
    warnings.push(`x0 was outside the bounds and was clipped into them (${list})`);
  }
  const rel = options.fdStep ?? DEFAULT_FD_STEP;
  if (!(rel > 0)) throw new ArgumentError(`fdStep must be positive, got ${describeValue(rel)}`);
  const counts: Counters = { nfev: 0, njev: 0, nhev: 0 };
  const f = (x: Float64Array): number => {
    counts.nfev++;
    const v = fun(Float64Array.from(x));
    if (typeof v !== 'number') throw new ArgumentError(`minimize: fun must return a number, got ${typeof v}`);
    return v;
  };
  const jac = options.jac;
  if (jac !== undefined && typeof jac !== 'function') throw new ArgumentError('minimize: jac must be a function');
  let central = false;
  const g = (x: Float64Array, fx?: number): Float64Array => {
    counts.njev++;
    if (jac) return toArray(jac(Float64Array.from(x)), n, 'jac');
    const out = new Float64Array(n);
    const xp = Float64Array.from(x);
    if (central) {
      // (f(x + hᵢeᵢ) − f(x − hᵢeᵢ)) / 2hᵢ, one-sided where a bound is in the way
      const h3 = Math.cbrt(EPS);
      for (let i = 0; i < n; i++) {
        const hi = h3 * Math.max(1, Math.abs(x[i]!));
        const up = x[i]! + hi, dn = x[i]! - hi;
        if (up <= upper[i]! && dn >= lower[i]!) {
          xp[i] = up;
          const fu = f(xp);
          xp[i] = dn;
          const fd = f(xp);
          out[i] = (fu - fd) / (up - dn);
        } else {
          const f0 = fx ?? f(x);
          fx = f0;
          xp[i] = up <= upper[i]! ? up : dn;
          out[i] = (f(xp) - f0) / (xp[i]! - x[i]!);
        }
        xp[i] = x[i]!;
      }
      return out;
    }
    const f0 = fx ?? f(x);
    const h = fdSteps(x, rel, lower, upper);
    for (let i = 0; i < n; i++) {
      xp[i] = x[i]! + h[i]!;
      out[i] = (f(xp) - f0) / h[i]!;
      xp[i] = x[i]!;
    }
    return out;
  };
  const hess = options.hess;
  const h = (x: Float64Array): Float64Array => {
    counts.nhev++;
    if (hess) {
      const v = hess(Float64Array.from(x));
      if (v.length === n * n && typeof (v as ArrayLike<number>)[0] === 'number') return Float64Array.from(v as ArrayLike<number>);
      if (v.length !== n) throw new ShapeError(`hess must return ${n} rows of ${n} (or ${n * n} numbers), got ${v.length}`);
      const out = new Float64Array(n * n);
      for (let i = 0; i < n; i++) out.set(toArray((v as ArrayLike<number>[])[i]!, n, `hess row ${i}`), i * n);
      return out;
    }
    // ∂²f/∂xᵢ∂xⱼ ≈ (∇f(x + hⱼeⱼ) − ∇f(x))ᵢ / hⱼ, then symmetrised.
    const g0 = g(x);
    const hs = fdSteps(x, Math.sqrt(rel), lower, upper);
    const out = new Float64Array(n * n);
    const xp = Float64Array.from(x);
    for (let j = 0; j < n; j++) {
      xp[j] = x[j]! + hs[j]!;
      const gj = g(xp);
      xp[j] = x[j]!;
      for (let i = 0; i < n; i++) out[i * n + j] = (gj[i]! - g0[i]!) / hs[j]!;
    }
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) {
      const s = 0.5 * (out[i * n + j]! + out[j * n + i]!);
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
    return out;
  };

  // Constraints: evaluate each once at x0 to learn its size, then order equalities first.
  const cons = options.constraints ?? [];
  if (!Array.isArray(cons)) throw new ArgumentError('constraints must be an array of {type, fun, jac?}');
  const sizes: number[] = [];
  cons.forEach((c: Constraint, k: number) => {
    if (c == null || (c.type !== 'eq' && c.type !== 'ineq')) {
      throw new ArgumentError(`constraints[${k}].type must be 'eq' or 'ineq', got ${c == null ? c : JSON.stringify(c.type)}`);
    }
    if (typeof c.fun !== 'function') throw new ArgumentError(`constraints[${k}].fun must be a function`);
    if (c.jac !== undefined && typeof c.jac !== 'function') throw new ArgumentError(`constraints[${k}].jac must be a function`);
    const v = c.fun(Float64Array.from(x0));
    const len = typeof v === 'number' ? 1 : v?.length;
    if (typeof len !== 'number' || len < 1) throw new ArgumentError(`constraints[${k}].fun must return a number or a non-empty array`);
    sizes.push(len);
  });
  const offsets: number[] = [];
  let total = 0;
  for (const s of sizes) {
    offsets.push(total);
    total += s;
  }
  const eqIdx: number[] = [], inIdx: number[] = [];
  cons.forEach((c, k) => {
    for (let j = 0; j < sizes[k]!; j++) (c.type === 'eq' ? eqIdx : inIdx).push(offsets[k]! + j);
  });
  const order = Int32Array.from([...eqIdx, ...inIdx]);
  const m = total, meq = eqIdx.length;
  const flatValues = (x: Float64Array): Float64Array => {
    const out = new Float64Array(m);
    cons.forEach((c, k) => {
      const v = c.fun(Float64Array.from(x));
      if (typeof v === 'number') {
        if (sizes[k] !== 1) throw new ShapeError(`constraints[${k}].fun changed size: got 1 value, expected ${sizes[k]}`);
        out[offsets[k]!] = v;
      } else {
        if (v.length !== sizes[k]) throw new ShapeError(`constraints[${k}].fun changed size: got ${v.length} values, expected ${sizes[k]}`);
        for (let j = 0; j < v.length; j++) out[offsets[k]! + j] = v[j]!;
      }
    });
    return out;
  };
  const c = (x: Float64Array): Float64Array => {
    const flat = flatValues(x);
    const out = new Float64Array(m);
    for (let i = 0; i < m; i++) out[i] = flat[order[i]!]!;
    return out;
  };
  const a = (x: Float64Array, cx?: Float64Array): Float64Array => {
    // Rows in the caller's flattened order first, then permuted like `c`.
    const flat = new Float64Array(m * n);
    let base: Float64Array | undefined;
    cons.forEach((con, k) => {
      if (con.jac) {
        const v = con.jac(Float64Array.from(x));
        if (sizes[k] === 1 && typeof (v as ArrayLike<number>)[0] === 'number') {
          flat.set(toArray(v as ArrayLike<number>, n, `constraints[${k}].jac`), offsets[k]! * n);
        } else {
          if (v.length !== sizes[k]) throw new ShapeError(`constraints[${k}].jac returned ${v.length} rows, expected ${sizes[k]}`);
          for (let j = 0; j < sizes[k]!; j++) {
            flat.set(toArray((v as ArrayLike<number>[])[j]!, n, `constraints[${k}].jac row ${j}`), (offsets[k]! + j) * n);
          }
        }
      } else {
        if (base === undefined) {
          if (cx) {
            base = new Float64Array(m);
            for (let i = 0; i < m; i++) base[order[i]!] = cx[i]!;
          } else base = flatValues(x);
        }
        const hstep = fdSteps(x, rel, lower, upper);
        const xp = Float64Array.from(x);
        for (let i = 0; i < n; i++) {
          xp[i] = x[i]! + hstep[i]!;
          const v = con.fun(Float64Array.from(xp));
          xp[i] = x[i]!;
          for (let j = 0; j < sizes[k]!; j++) {
            const vj = typeof v === 'number' ? v : v[j]!;
            flat[(offsets[k]! + j) * n + i] = (vj - base[offsets[k]! + j]!) / hstep[i]!;
          }
        }
      }
    });
    const out = new Float64Array(m * n);
    for (let i = 0; i < m; i++) out.set(flat.subarray(order[i]! * n, order[i]! * n + n), i * n);
    return out;
  };
  return { n, x0, lower, upper, hasBounds: has, counts, warnings, exactGradient: jac !== undefined, exactConstraintJac: cons.every((k) => k.jac !== undefined), fdRel: rel,
    useCentralDifferences: () => {
      if (jac !== undefined || central) return false;
      central = true;
      return true;
    },
    f, g, h, m, meq, c, a, order };
}

/** Largest violation of the bounds and constraints (equalities |c|, inequalities max(0, −c)). */
export function maxViolation(p: Problem, x: Float64Array, cx: Float64Array): number {
  let v = 0;
  for (let i = 0; i < p.n; i++) v = Math.max(v, p.lower[i]! - x[i]!, x[i]! - p.upper[i]!);
  for (let i = 0; i < p.m; i++) v = Math.max(v, i < p.meq ? Math.abs(cx[i]!) : -cx[i]!);
  return v;
}

/** The infinity norm. */
export function normInf(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s = Math.max(s, Math.abs(v[i]!));
  return s;
}

/** The dot product. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
