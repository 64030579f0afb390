/**
 * One-call verification of a derivative: pick random sizes for the named dimensions and random
 * values for the variables, then compare the derived closed form, evaluated numerically, with
 * reverse-mode autodiff of the original expression and with central finite differences.
 */
import { ArgumentError, NablaError, ShapeError } from '../core/errors.js';
import { RandomState } from '../core/random.js';
import type { Matrix } from '../numeric/index.js';
import { Tensor, adHessian, adJacobian, grad } from '../autodiff/index.js';
import { derivative, hessian, type Layout } from './derive.js';
import { compileMatrixExpr, type Bindings } from './evaluate.js';
import { fmtShape, isColumn, isScalarShape, topoOrder, type MExpr, type SymNode } from './node.js';
import { toTensorFunction } from './to-tensor.js';

/** Options of {@link checkDerivative}. */
export interface CheckOptions {
  /** 1: the derivative (default); 2: the Hessian. */
  order?: 1 | 2;
  layout?: Layout;
  /** Sizes of named dimensions; the others are drawn from 2..4. */
  dims?: Readonly<Record<string, number>>;
  /** Seed of the random sizes and values (default 0). */
  seed?: number;
  /** A closed form the derivative should equal; it is evaluated at the same point and compared. */
  expected?: MExpr;
  /** Tolerances relative to the largest entry (defaults: 1e-9 autodiff and expected, 1e-5 differences, 1e-4 for Hessians). */
  rtol?: { autodiff?: number; finiteDifference?: number };
  /** Use a precomputed derivative instead of deriving again. */
  derived?: MExpr;
}

/** What {@link checkDerivative} measured. */
export interface CheckReport {
  ok: boolean;
  derivative: MExpr;
  dims: Record<string, number>;
  bindings: Record<string, Matrix>;
  symbolic: Matrix;
  autodiff: Matrix;
  finiteDifference: Matrix;
  expected?: Matrix;
  /** Largest |difference| / (1 + largest |entry|) against each reference. */
  errors: { autodiff: number; finiteDifference: number; expected?: number };
}

function variablesOf(f: MExpr): SymNode[] {
  const out = new Map<string, SymNode>();
  for (const n of topoOrder(f)) {
    if (n.kind !== 'sym') continue;
    const prev = out.get(n.name);
    if (prev && prev !== n) throw new ShapeError(`${n.name} is used with two shapes: ${fmtShape(prev.shape)} and ${fmtShape(n.shape)}`);
    out.set(n.name, n);
  }
  return [...out.values()];
}

function relErr(a: Matrix, b: Matrix): number {
  if (a.rows !== b.rows || a.cols !== b.cols) return Infinity;
  let scale = 0;
  let err = 0;
  for (let i = 0; i < a.data.length; i++) {
    scale = Math.max(scale, Math.abs(b.data[i]!));
    const d = Math.abs(a.data[i]! - b.data[i]!);
    err = Math.max(err, Number.isNaN(d) ? Infinity : d);
  }
  return err / (1 + scale);
}

function transposeM(a: Matrix): Matrix {
  const out = new Float64Array(a.data.length);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out[j * a.rows + i] = a.data[i * a.cols + j]!;
  return { rows: a.cols, cols: a.rows, data: out };
}

const sizeOf = (d: number | string, dims: Readonly<Record<string, number>>): number => (typeof d === 'number' ? d : dims[d]!);

function sample(vars: readonly SymNode[], dims: Record<string, number>, rs: RandomState, positive: boolean): Record<string, Matrix> {
  const out: Record<string, Matrix> = {};
  for (const v of vars) {
    const r = sizeOf(v.shape.rows, dims);
    const c = sizeOf(v.shape.cols, dims);
    const data = positive ? rs.uniform(0.5, 1.5, r * c) : rs.randn(r * c);
    if (r === c && r > 1) {
      // Square matrices are made well conditioned (and of positive determinant): + n·I.
      for (let i = 0; i < r; i++) data[i * c + i]! += r;
      if (v.symmetric) for (let i = 0; i < r; i++) for (let j = 0; j < i; j++) data[j * c + i] = data[i * c + j]!;
    }
    out[v.name] = { rows: r, cols: c, data };
  }
  return out;
}

/**
 * Derive ∂f/∂x (or the Hessian with `order: 2`) and check it at random numeric shapes against
 * autodiff and finite differences.
 * @example checkDerivative(parseMatrixExpr('log(det(A))', 'A:n,n'), A).ok // → true
 */
export function checkDerivative(f: MExpr, x: MExpr, options: CheckOptions = {}): CheckReport {
  if (x.kind !== 'sym') throw new ArgumentError('checkDerivative: differentiate with respect to a variable');
  const order = options.order ?? 1;
  const layout = options.layout ?? 'mixed';
  const d = options.derived ?? (order === 2 ? hessian(f, x) : derivative(f, x, { layout }));
  const rs = new RandomState(options.seed ?? 0);
  const vars = variablesOf(f);
  if (!vars.some((v) => v === x)) vars.push(x);
  const dims: Record<string, number> = { ...options.dims };
  for (const v of vars) for (const dd of [v.shape.rows, v.shape.cols]) if (typeof dd === 'string' && !(dd in dims)) dims[dd] = 2 + Math.floor(rs.uniform(0, 3, 1)[0]!);
  const fNum = compileMatrixExpr(f);
  const dNum = compileMatrixExpr(d);
  // Find a point where f is defined: normal values, then positive ones.
  let bindings: Record<string, Matrix> | null = null;
  let fail: unknown = null;
  for (let attempt = 0; attempt < 6 && !bindings; attempt++) {
    const b = sample(vars, dims, rs, attempt % 2 === 1);
    try {
      const v = fNum(b, dims);
      if (v.data.every(Number.isFinite)) bindings = b;
    } catch (e) {
      if (!(e instanceof NablaError)) throw e;
      fail = e;
    }
  }
  if (!bindings) throw fail instanceof Error ? fail : new ArgumentError('checkDerivative: no point found where the expression is finite');
  const point = bindings;
  const symbolic = dNum(point, dims);
  const xr = sizeOf(x.shape.rows, dims);
  const xc = sizeOf(x.shape.cols, dims);
  const fr = sizeOf(f.shape.rows, dims);
  const fc = sizeOf(f.shape.cols, dims);

  // Autodiff of the original expression.
  const tf = toTensorFunction(f);
  const dimMap = new Map(Object.entries(dims));
  const env = new Map<string, Tensor>();
  for (const v of vars) env.set(v.name, new Tensor(Float64Array.from(point[v.name]!.data), [point[v.name]!.rows, point[v.name]!.cols]));
  const withX = (t: Tensor): Tensor => {
    const e2 = new Map(env);
    e2.set(x.name, t.reshape([xr, xc]));
    return tf(e2, dimMap);
  };
  const x0 = env.get(x.name)!;
  let ad: Matrix;
  if (order === 2) {
    const h = adHessian((t: Tensor) => withX(t).reshape([]))(x0);
    ad = { rows: xr * xc, cols: xr * xc, data: Float64Array.from(h.data) };
  } else if (isScalarShape(f.shape)) {
    const g = grad((t: Tensor) => withX(t).reshape([]))(x0);
    ad = { rows: xr, cols: xc, data: Float64Array.from(g.data) };
  } else {
    const J = adJacobian((t: Tensor) => withX(t))(x0);
    ad = isScalarShape(x.shape) ? { rows: fr, cols: fc, data: Float64Array.from(J.data) } : { rows: fr * fc, cols: xr * xc, data: Float64Array.from(J.data) };
  }

  // Central differences of the numeric original.
  const n = xr * xc;
  const base = point[x.name]!.data;
  const at = (delta: Float64Array): Float64Array => {
    const b = { ...point, [x.name]: { rows: xr, cols: xc, data: delta } };
    return fNum(b, dims).data;
  };
  const shifted = (pairs: Array<[number, number]>): Float64Array => {
    const p = Float64Array.from(base);
    for (const [i, h] of pairs) p[i]! += h;
    return p;
  };
  let fd: Matrix;
  if (order === 2) {
    const data = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const hi = 1e-4 * Math.max(1, Math.abs(base[i]!));
        const hj = 1e-4 * Math.max(1, Math.abs(base[j]!));
        const v = at(shifted([[i, hi], [j, hj]]))[0]! - at(shifted([[i, hi], [j, -hj]]))[0]! - at(shifted([[i, -hi], [j, hj]]))[0]! + at(shifted([[i, -hi], [j, -hj]]))[0]!;
        data[i * n + j] = v / (4 * hi * hj);
      }
    }
    fd = { rows: n, cols: n, data };
  } else {
    const m = fr * fc;
    const data = new Float64Array(m * n);
    for (let j = 0; j < n; j++) {
      const h = 6e-6 * Math.max(1, Math.abs(base[j]!));
      const up = at(shifted([[j, h]]));
      const dn = at(shifted([[j, -h]]));
      for (let i = 0; i < m; i++) data[i * n + j] = (up[i]! - dn[i]!) / (2 * h);
    }
    // data is ∂f_i/∂x_j with f and x flattened row-major.
    fd = isScalarShape(f.shape) ? { rows: xr, cols: xc, data } : isScalarShape(x.shape) ? { rows: fr, cols: fc, data } : { rows: m, cols: n, data };
  }
  // Put the references in the requested layout.
  if (order === 1) {
    const flip = (isScalarShape(f.shape) && !isScalarShape(x.shape) && layout === 'numerator') || ((isColumn(f.shape) || isScalarShape(x.shape)) && !isScalarShape(f.shape) && layout === 'denominator');
    if (flip) {
      ad = transposeM(ad);
      fd = transposeM(fd);
    }
  }
  const errors: CheckReport['errors'] = { autodiff: relErr(symbolic, ad), finiteDifference: relErr(symbolic, fd) };
  const tolAd = options.rtol?.autodiff ?? 1e-9;
  const tolFd = options.rtol?.finiteDifference ?? (order === 2 ? 1e-4 : 1e-5);
  let ok = errors.autodiff <= tolAd && errors.finiteDifference <= tolFd;
  let expected: Matrix | undefined;
  if (options.expected) {
    expected = compileMatrixExpr(options.expected)(point, dims);
    errors.expected = relErr(symbolic, expected);
    ok &&= errors.expected <= tolAd;
  }
  return { ok, derivative: d, dims, bindings: point, symbolic, autodiff: ad, finiteDifference: fd, ...(expected ? { expected } : {}), errors };
}

export type { Bindings };
