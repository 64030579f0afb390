/**
 * Shared types of the optimize layer: the callbacks a caller supplies, the options of `minimize`,
 * SciPy-shaped results and the per-iteration steps that `minimizeSteps` yields.
 */

/** The optimization methods; `minimize` looks each up in one `Record<Method, Solver>`. */
export type Method = 'gradient-descent' | 'bfgs' | 'l-bfgs-b' | 'nelder-mead' | 'newton' | 'slsqp';

/** An objective f: ℝⁿ → ℝ. It receives a fresh copy of x and may keep it. */
export type ObjectiveFn = (x: Float64Array) => number;
/** A gradient ∇f: ℝⁿ → ℝⁿ. */
export type GradientFn = (x: Float64Array) => ArrayLike<number>;
/** A Hessian ∇²f: rows (`number[][]`) or a row-major n·n array. */
export type HessianFn = (x: Float64Array) => ArrayLike<number>[] | ArrayLike<number>;

/**
 * A constraint for `slsqp`. `'eq'` means fun(x) = 0, `'ineq'` means fun(x) ≥ 0 (SciPy's convention).
 * `fun` may return one number or a vector of them; `jac` returns the gradient (one number each
 * variable) for a scalar constraint, or one row a component for a vector constraint. Without
 * `jac`, forward differences are used.
 */
export interface Constraint {
  type: 'eq' | 'ineq';
  fun: (x: Float64Array) => number | ArrayLike<number>;
  jac?: (x: Float64Array) => ArrayLike<number> | ArrayLike<number>[];
}

/** A bound pair [lower, upper]; `null`, `undefined` or ±Infinity mean unbounded on that side. */
export type Bound = readonly [number | null | undefined, number | null | undefined];

/** What a callback receives each iteration; return `true` to stop the solver. */
export type Callback = (step: OptimizeStep) => boolean | void;

/** Options of `minimize`. Every field is optional; defaults are per method (see each solver). */
export interface MinimizeOptions {
  /**
   * Default: `'slsqp'` with constraints, `'l-bfgs-b'` with bounds only, else `'bfgs'` (SciPy's rule).
   */
  method?: Method;
  /** Gradient of the objective. Default: forward differences with step √ε·max(1, |xᵢ|). */
  jac?: GradientFn;
  /** Hessian (used by `'newton'`; default: forward differences of the gradient). */
  hess?: HessianFn;
  /** One bound pair per variable (`l-bfgs-b`, `slsqp`, `nelder-mead`). */
  bounds?: readonly Bound[];
  /** Equality and inequality constraints (`slsqp` only). */
  constraints?: readonly Constraint[];
  /**
   * Termination tolerance. `bfgs`, `l-bfgs-b`, `newton`, `gradient-descent`: on ‖∇f‖∞ (projected
   * for bounds; default 1e-5). `slsqp`: KKT tolerance (default 1e-6, see slsqp.ts).
   * `nelder-mead`: simplex size and spread of f (default 1e-4 each, like SciPy's xatol/fatol).
   */
  tol?: number;
  /** Iteration limit (default: bfgs and newton 200·n, l-bfgs-b 15000, nelder-mead 200·n, slsqp 100 + 10·n, gradient-descent 10000). */
  maxiter?: number;
  /** Limit on objective evaluations, finite differences included (default: nelder-mead 200·n, l-bfgs-b 15000 (×(n+1) with differences), else none). */
  maxfev?: number;
  /** Called after every iteration with the current step; return true to stop. */
  callback?: Callback;
  /** Relative finite-difference step (default √ε ≈ 1.49e-8, SciPy's '2-point' rule). */
  fdStep?: number;
  /** gradient-descent: `'backtracking'` (default) or `'fixed'`. */
  stepRule?: 'fixed' | 'backtracking';
  /** gradient-descent: the fixed step (learning rate), or the first trial step (default 1). */
  learningRate?: number;
  /** l-bfgs-b: number of stored correction pairs (default 10). */
  memory?: number;
  /** nelder-mead: Gao–Han dimension-adaptive coefficients (default false). */
  adaptive?: boolean;
  /** nelder-mead: absolute simplex-size tolerance (default `tol` or 1e-4). */
  xatol?: number;
  /** nelder-mead: absolute spread-of-f tolerance (default `tol` or 1e-4). */
  fatol?: number;
  /** When x0 lies outside the bounds: clip it into them with a warning (true, SciPy's behaviour) or throw (false). */
  clipX0?: boolean;
}

/** SciPy's result fields. `multipliers` is present for constrained methods. */
export interface OptimizeResult {
  x: Float64Array;
  fun: number;
  /** Gradient at x (absent for derivative-free methods). */
  jac?: Float64Array;
  nit: number;
  nfev: number;
  njev: number;
  nhev?: number;
  /** A key of `STATUS_MESSAGES`; 0 means success. */
  status: number;
  message: string;
  success: boolean;
  method: Method;
  /**
   * Lagrange multipliers of the constraints, one each constraint component in the order given
   * (L = f − Σ λᵢ cᵢ; λ ≥ 0 for inequalities).
   */
  multipliers?: Float64Array;
  /** Multipliers of the bounds: positive for an active lower bound, negative for an upper one. */
  boundMultipliers?: Float64Array;
  /** Largest constraint or bound violation at x. */
  maxcv?: number;
  /** Notes such as "x0 was clipped into the bounds". */
  warnings: string[];
}

/** One iterate as yielded by `minimizeSteps` and passed to callbacks. */
export interface OptimizeStep {
  nit: number;
  x: Float64Array;
  fun: number;
  jac?: Float64Array;
  nfev: number;
  /** Step length taken by the line search (when there is one). */
  alpha?: number;
  /** Largest constraint violation (constrained methods). */
  maxcv?: number;
  /** Nelder–Mead: the current simplex, one vertex a row. */
  simplex?: Float64Array[];
}
