/**
 * Matrix products, inverse and determinant. Three fused forms share the blocked kernels so that no transpose is ever
 * materialized in a backward pass:  mm = A·B,  mmNT = A·Bᵀ,  mmTN = Aᵀ·B.
 *   d(A·B):  Ā = Ḡ·Bᵀ (mmNT),  B̄ = Aᵀ·Ḡ (mmTN)
 *   d(A·Bᵀ): Ā = Ḡ·B  (mm),    B̄ = Ḡᵀ·A (mmTN)
 *   d(Aᵀ·B): Ā = B·Ḡᵀ (mmNT),  B̄ = A·Ḡ  (mm)
 */
import { ShapeError } from '../core/errors.js';
import { fmtShape } from './kernels.js';
import { det, inverse } from '../numeric/lu.js';
import { matmulInto, matmulNTInto, matmulTNInto } from './matmul.js';
import { Tensor, opTable, record, tensor, type TensorLike } from './tensor.js';

function need2d(op: string, a: Tensor, b: Tensor): void {
  if (a.ndim !== 2 || b.ndim !== 2) throw new ShapeError(`${op}: needs 2-d operands, got ${fmtShape(a.shape)} and ${fmtShape(b.shape)}`);
}

function mm(a: Tensor, b: Tensor): Tensor {
  need2d('matmul', a, b);
  const [m, k] = a.shape as [number, number];
  const [k2, n] = b.shape as [number, number];
  if (k !== k2) throw new ShapeError(`matmul: shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)} do not align (${k} ≠ ${k2})`);
  const out = new Float64Array(m * n);
  matmulInto(a.data, b.data, out, m, k, n);
  return record(new Tensor(out, [m, n]), 'matmul', [a, b], (g) => [a.traced ? mmNT(g, b) : null, b.traced ? mmTN(a, g) : null]);
}

function mmNT(a: Tensor, b: Tensor): Tensor {
  need2d('matmul', a, b);
  const [m, n] = a.shape as [number, number];
  const [k, n2] = b.shape as [number, number];
  if (n !== n2) throw new ShapeError(`matmul: shapes ${fmtShape(a.shape)} and ${fmtShape([n2, k])} do not align (${n} ≠ ${n2})`);
  const out = new Float64Array(m * k);
  matmulNTInto(a.data, b.data, out, m, n, k);
  return record(new Tensor(out, [m, k]), 'matmulNT', [a, b], (g) => [a.traced ? mm(g, b) : null, b.traced ? mmTN(g, a) : null]);
}

function mmTN(a: Tensor, b: Tensor): Tensor {
  need2d('matmul', a, b);
  const [m, k] = a.shape as [number, number];
  const [m2, n] = b.shape as [number, number];
  if (m !== m2) throw new ShapeError(`matmul: shapes ${fmtShape([k, m])} and ${fmtShape(b.shape)} do not align (${m} ≠ ${m2})`);
  const out = new Float64Array(k * n);
  matmulTNInto(a.data, b.data, out, m, k, n);
  return record(new Tensor(out, [k, n]), 'matmulTN', [a, b], (g) => [a.traced ? mmNT(b, g) : null, b.traced ? mm(a, g) : null]);
}

// matmul with NumPy's rules for 1-d operands: a vector on the left is a row, on the right a column,
// and the added axis is dropped from the result.
opTable['matmul'] = (x: TensorLike, z: TensorLike): Tensor => {
  let a = tensor(x);
  let b = tensor(z);
  if (a.ndim === 0 || b.ndim === 0) throw new ShapeError(`matmul: scalar operand (shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)}); use mul`);
  const va = a.ndim === 1;
  const vb = b.ndim === 1;
  if (va) a = a.reshape([1, a.shape[0]!]);
  if (vb) b = b.reshape([b.shape[0]!, 1]);
  if (a.ndim !== 2 || b.ndim !== 2) throw new ShapeError(`matmul: only 1-d and 2-d operands are supported, got ${fmtShape(a.shape)} and ${fmtShape(b.shape)}`);
  if (a.shape[1] !== b.shape[0]) {
    throw new ShapeError(`matmul: shapes ${fmtShape(tensor(x).shape)} and ${fmtShape(tensor(z).shape)} do not align (${a.shape[1]} ≠ ${b.shape[0]})`);
  }
  let y = mm(a, b);
  if (va && vb) y = y.reshape([]);
  else if (va) y = y.reshape([y.shape[1]!]);
  else if (vb) y = y.reshape([y.shape[0]!]);
  return y;
};

// inv(A) for a square 2-d A:  Ā = −A⁻ᵀ Ḡ A⁻ᵀ  (from d(A⁻¹) = −A⁻¹ dA A⁻¹). Written with tensor ops,
// so it differentiates again.
opTable['inv'] = (x: TensorLike): Tensor => {
  const a = tensor(x);
  if (a.ndim !== 2 || a.shape[0] !== a.shape[1]) throw new ShapeError(`inv: needs a square 2-d tensor, got ${fmtShape(a.shape)}`);
  const y = new Tensor(inverse({ rows: a.shape[0]!, cols: a.shape[1]!, data: a.data }).data, [...a.shape]);
  return record(y, 'inv', [a], (g) => [y.T.matmul(g).matmul(y.T).neg()]);
};

// det(A) for a square 2-d A (a scalar tensor):  Ā = Ḡ · det(A) · A⁻ᵀ  (Jacobi's formula).
opTable['det'] = (x: TensorLike): Tensor => {
  const a = tensor(x);
  if (a.ndim !== 2 || a.shape[0] !== a.shape[1]) throw new ShapeError(`det: needs a square 2-d tensor, got ${fmtShape(a.shape)}`);
  const y = new Tensor(Float64Array.of(det({ rows: a.shape[0]!, cols: a.shape[1]!, data: a.data })), []);
  return record(y, 'det', [a], (g) => [g.mul(y).mul(a.inv().T)]);
};
