/**
 * A dense, row-major matrix of float64 and the few operations the solvers need. Entry (i, j) lives
 * at `data[i * cols + j]`.
 */
import { ArgumentError, DomainError, ShapeError, describeValue } from '../core/index.js';

/** A dense row-major float64 matrix. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

function checkDim(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new ArgumentError(`${what} must be a non-negative integer, got ${describeValue(n)}`);
}

/**
 * A `rows × cols` matrix; `data` (row-major, copied) defaults to zeros.
 *
 * @example
 * matrix(2, 2, [1, 2, 3, 4]).data[2] // → 3
 */
export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {
  checkDim(rows, 'rows');
  checkDim(cols, 'cols');
  const out = new Float64Array(rows * cols);
  if (data !== undefined) {
    if (data.length !== rows * cols) {
      throw new ShapeError(`matrix(${rows}, ${cols}) needs ${rows * cols} entries, got ${data.length}`);
    }
    out.set(data);
  }
  return { rows, cols, data: out };
}

/**
 * A matrix from an array of rows.
 *
 * @example
 * fromRows([[1, 2], [3, 4]]).cols // → 2
 */
export function fromRows(rows: ArrayLike<number>[]): Matrix {
  const m = rows.length;
  const n = m === 0 ? 0 : rows[0]!.length;
  const out = matrix(m, n);
  for (let i = 0; i < m; i++) {
    const r = rows[i]!;
    if (r.length !== n) throw new ShapeError(`fromRows: row ${i} has ${r.length} entries, row 0 has ${n}`);
    for (let j = 0; j < n; j++) out.data[i * n + j] = r[j]!;
  }
  return out;
}

/**
 * The rows of a matrix as plain arrays (for printing and tests).
 *
 * @example
 * toRows(identity(2)) // → [[1, 0], [0, 1]]
 */
export function toRows(a: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < a.rows; i++) out.push(Array.from(a.data.subarray(i * a.cols, (i + 1) * a.cols)));
  return out;
}

/**
 * The n × n identity.
 *
 * @example
 * identity(3).data[4] // → 1
 */
export function identity(n: number): Matrix {
  const out = matrix(n, n);
  for (let i = 0; i < n; i++) out.data[i * n + i] = 1;
  return out;
}

/**
 * A copy of a matrix.
 *
 * @example
 * copyMatrix(identity(2)).data[0] // → 1
 */
export function copyMatrix(a: Matrix): Matrix {
  return { rows: a.rows, cols: a.cols, data: Float64Array.from(a.data) };
}

/**
 * Entry (i, j).
 *
 * @example
 * at(matrix(2, 2, [1, 2, 3, 4]), 1, 0) // → 3
 */
export function at(a: Matrix, i: number, j: number): number {
  return a.data[i * a.cols + j]!;
}

/**
 * The transpose Aᵀ.
 *
 * @example
 * transpose(matrix(1, 2, [1, 2])).rows // → 2
 */
export function transpose(a: Matrix): Matrix {
  const { rows: m, cols: n, data } = a;
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[j * m + i] = data[i * n + j]!;
  return { rows: n, cols: m, data: out };
}

/**
 * The product A·B (i-k-j loop order so the inner loop walks both operands contiguously).
 *
 * @example
 * matmul(identity(2), matrix(2, 1, [5, 6])).data // → Float64Array [5, 6]
 */
export function matmul(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) {
    throw new ShapeError(`matmul: (${a.rows}×${a.cols}) · (${b.rows}×${b.cols}) — inner sizes differ`);
  }
  const m = a.rows, k = a.cols, n = b.cols;
  const out = new Float64Array(m * n);
  const ad = a.data, bd = b.data;
  for (let i = 0; i < m; i++) {
    const oi = i * n;
    for (let p = 0; p < k; p++) {
      const aip = ad[i * k + p]!;
      if (aip === 0) continue;
      const bp = p * n;
      for (let j = 0; j < n; j++) out[oi + j]! += aip * bd[bp + j]!;
    }
  }
  return { rows: m, cols: n, data: out };
}

/**
 * The matrix–vector product A·x.
 *
 * @example
 * matvec(matrix(2, 2, [1, 2, 3, 4]), [1, 1]) // → Float64Array [3, 7]
 */
export function matvec(a: Matrix, x: ArrayLike<number>): Float64Array {
  if (x.length !== a.cols) throw new ShapeError(`matvec: (${a.rows}×${a.cols}) · vector of length ${x.length}`);
  const out = new Float64Array(a.rows);
  for (let i = 0; i < a.rows; i++) {
    let s = 0;
    const o = i * a.cols;
    for (let j = 0; j < a.cols; j++) s += a.data[o + j]! * x[j]!;
    out[i] = s;
  }
  return out;
}

/**
 * Aᵀ·x without forming the transpose.
 *
 * @example
 * matTvec(matrix(2, 2, [1, 2, 3, 4]), [1, 1]) // → Float64Array [4, 6]
 */
export function matTvec(a: Matrix, x: ArrayLike<number>): Float64Array {
  if (x.length !== a.rows) throw new ShapeError(`matTvec: (${a.rows}×${a.cols})ᵀ · vector of length ${x.length}`);
  const out = new Float64Array(a.cols);
  for (let i = 0; i < a.rows; i++) {
    const xi = x[i]!;
    const o = i * a.cols;
    for (let j = 0; j < a.cols; j++) out[j]! += a.data[o + j]! * xi;
  }
  return out;
}

/**
 * Elementwise A + s·B.
 *
 * @example
 * matAdd(identity(2), identity(2), 2).data[0] // → 3
 */
export function matAdd(a: Matrix, b: Matrix, s = 1): Matrix {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new ShapeError(`matAdd: (${a.rows}×${a.cols}) + (${b.rows}×${b.cols})`);
  }
  const out = new Float64Array(a.data.length);
  for (let i = 0; i < out.length; i++) out[i] = a.data[i]! + s * b.data[i]!;
  return { rows: a.rows, cols: a.cols, data: out };
}

/**
 * s·A.
 *
 * @example
 * matScale(identity(2), 3).data[3] // → 3
 */
export function matScale(a: Matrix, s: number): Matrix {
  return { rows: a.rows, cols: a.cols, data: a.data.map((v) => v * s) };
}

/**
 * The 1-norm (max column sum), ∞-norm (max row sum) or Frobenius norm.
 *
 * @example
 * matNorm(matrix(2, 2, [1, -2, 3, 4]), 'inf') // → 7
 */
export function matNorm(a: Matrix, kind: '1' | 'inf' | 'fro' = 'fro'): number {
  const { rows: m, cols: n, data } = a;
  if (kind === 'fro') {
    let s = 0;
    for (const v of data) s += v * v;
    return Math.sqrt(s);
  }
  let best = 0;
  if (kind === 'inf') {
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += Math.abs(data[i * n + j]!);
      best = Math.max(best, s);
    }
  } else {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += Math.abs(data[i * n + j]!);
      best = Math.max(best, s);
    }
  }
  return best;
}

/**
 * Throws DomainError naming the first NaN/±Infinity entry; solvers call it on their input.
 *
 * @example
 * assertFiniteMatrix(matrix(1, 2, [1, 2]), 'mySolver') // → undefined
 * assertFiniteMatrix(matrix(1, 2, [1, NaN]), 'mySolver') // → throws DomainError
 */
export function assertFiniteMatrix(a: Matrix, op: string): void {
  assertMatrix(a, op);
  for (let k = 0; k < a.data.length; k++) {
    const v = a.data[k]!;
    if (!Number.isFinite(v)) {
      throw new DomainError(`${op}: entry (${Math.floor(k / a.cols)}, ${k % a.cols}) is ${v}; the matrix must be finite`);
    }
  }
}

/**
 * Throws DomainError naming the first non-finite entry of a vector.
 *
 * @example
 * assertFiniteVector([1, 2], 'mySolver') // → undefined
 * assertFiniteVector([1, Infinity], 'mySolver') // → throws DomainError
 */
export function assertFiniteVector(x: ArrayLike<number>, op: string): void {
  if (typeof x !== 'object' || x === null || typeof x.length !== 'number') throw new ArgumentError(`${op}: expected an array of numbers, got ${describeValue(x)}`);
  for (let k = 0; k < x.length; k++) {
    if (typeof x[k] !== 'number' || !Number.isFinite(x[k]!)) throw new DomainError(`${op}: entry ${k} is ${describeValue(x[k])}; the vector must be finite numbers`);
  }
}

/**
 * Throws ShapeError unless `a` is square.
 *
 * @example
 * assertSquare(identity(2), 'det') // → undefined
 * assertSquare(matrix(2, 3, [1, 2, 3, 4, 5, 6]), 'det') // → throws ShapeError
 */
export function assertSquare(a: Matrix, op: string): void {
  assertMatrix(a, op);
  if (a.rows !== a.cols) throw new ShapeError(`${op} needs a square matrix, got ${a.rows}×${a.cols}`);
}

/**
 * Throws ArgumentError unless `a` is a Matrix ({ rows, cols, data } with rows·cols numbers), e.g.
 * a nested array given where `matrix(...)` was meant.
 * @example assertMatrix([[1, 2]] as never, 'linsolve') // → throws ArgumentError (linsolve: expected a Matrix (build one with fromRows([[…], …]) …)
 */
export function assertMatrix(a: Matrix, op: string): void {
  const m = a as Partial<Matrix> | null;
  if (typeof m !== 'object' || m === null || !Number.isInteger(m.rows) || !Number.isInteger(m.cols) || !m.data || m.data.length !== m.rows! * m.cols!) {
    throw new ArgumentError(`${op}: expected a Matrix (build one with fromRows([[…], …]) or matrix(rows, cols, data)), got ${Array.isArray(a) ? 'a nested array' : describeValue(a)}`);
  }
}
