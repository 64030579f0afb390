/** Scalar root finding: Brent's bracketing method and Newton's method. */
import { ArgumentError, ConvergenceError, DomainError, checkOptionsArg, describeValue } from '../core/index.js';

/** A root and how it was found. */
export interface RootResult {
  root: number;
  /** Iterations used. */
  iterations: number;
  /** Function evaluations used. */
  fcalls: number;
  converged: boolean;
}

/** Options for `brentq`. */
export interface BrentOptions {
  /** Absolute x tolerance. Default 2e−12 (SciPy's). */
  xtol?: number;
  /** Relative x tolerance. Default 4ε (SciPy's 8.88e−16). */
  rtol?: number;
  /** Iteration cap. Default 100. */
  maxiter?: number;
}

/**
 * A root of f in [a, b], where f(a) and f(b) have opposite signs, by Brent's method: inverse
 * quadratic interpolation (or secant) when it stays inside the bracket and shrinks it fast
 * enough, bisection otherwise — so it never does worse than bisection.
 *
 * @example
 * brentq((x) => x * x - 2, 0, 2).root // → ≈ 1.4142136 (√2)
 */
export function brentq(f: (x: number) => number, a: number, b: number, options: BrentOptions = {}): RootResult {
  checkOptionsArg(options, 'brentq');
  if (typeof a !== 'number' || typeof b !== 'number') throw new ArgumentError(`brentq: the bracket must be two numbers, got ${describeValue(a)} and ${describeValue(b)}`);
  const xtol = options.xtol ?? 2e-12;
  const rtol = options.rtol ?? 4 * Number.EPSILON;
  const maxiter = options.maxiter ?? 100;
  if (!Number.isFinite(a) || !Number.isFinite(b)) throw new ArgumentError(`brentq: the bracket must be finite, got [${a}, ${b}]`);
  let fcalls = 0;
  const F = (x: number): number => {
    fcalls++;
    const y = f(x);
    if (Number.isNaN(y)) throw new DomainError(`brentq: f(${x}) is NaN`);
    return y;
  };
  let fa = F(a), fb = F(b);
  if (fa === 0) return { root: a, iterations: 0, fcalls, converged: true };
  if (fb === 0) return { root: b, iterations: 0, fcalls, converged: true };
  if (Math.sign(fa) === Math.sign(fb)) {
    throw new ArgumentError(`brentq: f(a) = ${fa} and f(b) = ${fb} have the same sign; the bracket [${a}, ${b}] must contain a sign change`);
  }
  // b is the best estimate, a the previous one, c the contrapoint (f(b)·f(c) < 0).
  let c = a, fc = fa, d = b - a, e = d;
  for (let iter = 1; iter <= maxiter; iter++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a; fc = fa; d = b - a; e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b; b = c; c = a;
      fa = fb; fb = fc; fc = fa;
    }
    const tol = 0.5 * (xtol + rtol * Math.abs(b));
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return { root: b, iterations: iter, fcalls, converged: true };
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      let p: number, q: number;
      const s = fb / fa;
      if (a === c) {
        p = 2 * m * s; // secant
        q = 1 - s;
      } else {
        const qa = fa / fc, r = fb / fc; // inverse quadratic through (a, fa), (b, fb), (c, fc)
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m; e = m;
      }
    } else {
      d = m; e = m;
    }
    a = b; fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = F(b);
  }
  throw new ConvergenceError(`brentq: no convergence in ${maxiter} iterations (bracket [${Math.min(b, c)}, ${Math.max(b, c)}])`);
}

/** Options for `newton`. */
export interface NewtonOptions {
  /** f′; without it the secant method is used. */
  fprime?: (x: number) => number;
  /** Stop when |x_{k+1} − x_k| ≤ tol + rtol·|x|. Default 1.48e−8 (SciPy's). */
  tol?: number;
  rtol?: number;
  /** Iteration cap. Default 50. */
  maxiter?: number;
}

/**
 * A root near x0 by Newton's method x ← x − f(x)/f′(x), or the secant method when no derivative
 * is given. Fast near a simple root; no bracket, so it can wander: ConvergenceError then.
 *
 * @example
 * newton((x) => x * x - 2, 1, { fprime: (x) => 2 * x }).root // → ≈ 1.4142136 (√2)
 * newton(Math.cos, 1).root // → ≈ 1.5707963 (π/2)
 */
export function newton(f: (x: number) => number, x0: number, options: NewtonOptions = {}): RootResult {
  checkOptionsArg(options, 'newton');
  if (typeof x0 !== 'number') throw new ArgumentError(`newton: x0 must be a number, got ${describeValue(x0)}`);
  const tol = options.tol ?? 1.48e-8;
  const rtol = options.rtol ?? 0;
  const maxiter = options.maxiter ?? 50;
  if (!Number.isFinite(x0)) throw new ArgumentError(`newton: x0 must be finite, got ${x0}`);
  let fcalls = 0;
  const F = (x: number): number => {
    fcalls++;
    return f(x);
  };
  let x = x0;
  if (options.fprime) {
    for (let iter = 1; iter <= maxiter; iter++) {
      const fx = F(x);
      if (fx === 0) return { root: x, iterations: iter, fcalls, converged: true };
      const d = options.fprime(x);
      if (d === 0 || !Number.isFinite(d)) {
        throw new ConvergenceError(`newton: derivative is ${d} at x = ${x}; try another x0 or brentq`);
      }
      const next = x - fx / d;
      if (!Number.isFinite(next)) throw new ConvergenceError(`newton: iterate became ${next}`);
      if (Math.abs(next - x) <= tol + rtol * Math.abs(next)) return { root: next, iterations: iter, fcalls, converged: true };
      x = next;
    }
  } else {
    // Secant: second point a small relative step away, as SciPy does.
    let x1 = x0 * (1 + 1e-4) + (x0 >= 0 ? 1e-4 : -1e-4);
    let f0 = F(x), f1 = F(x1);
    if (Math.abs(f1) < Math.abs(f0)) {
      [x, x1] = [x1, x];
      [f0, f1] = [f1, f0];
    }
    for (let iter = 1; iter <= maxiter; iter++) {
      if (f1 === f0) {
        if (f1 === 0) return { root: x1, iterations: iter, fcalls, converged: true };
        throw new ConvergenceError(`newton (secant): f is flat between ${x} and ${x1}; try another x0 or brentq`);
      }
      const next = x1 - (f1 * (x1 - x)) / (f1 - f0);
      if (!Number.isFinite(next)) throw new ConvergenceError(`newton (secant): iterate became ${next}`);
      if (Math.abs(next - x1) <= tol + rtol * Math.abs(next)) return { root: next, iterations: iter, fcalls, converged: true };
      x = x1; f0 = f1;
      x1 = next; f1 = F(x1);
    }
  }
  throw new ConvergenceError(`newton: no convergence in ${maxiter} iterations (last x = ${x}); try another x0 or brentq`);
}
