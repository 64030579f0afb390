import { describe, expect, it } from 'vitest';
import { checkGrads, grad, tensor, Tensor } from '../../src/autodiff/index.js';
import { ShapeError } from '../../src/core/errors.js';

const A = [[4, 1, 0.5], [0.3, 3, -1], [0.2, 0.7, 5]];

describe('autodiff inv and det', () => {
  it('inv(A)·A = I and det matches the cofactor expansion', () => {
    const a = tensor(A);
    const p = a.inv().matmul(a).data;
    const I = [1, 0, 0, 0, 1, 0, 0, 0, 1];
    p.forEach((v, i) => expect(v).toBeCloseTo(I[i]!, 13));
    const [r0, r1, r2] = A as [number[], number[], number[]];
    const cof = r0[0]! * (r1[1]! * r2[2]! - r1[2]! * r2[1]!) - r0[1]! * (r1[0]! * r2[2]! - r1[2]! * r2[0]!) + r0[2]! * (r1[0]! * r2[1]! - r1[1]! * r2[0]!);
    expect(a.det().item()).toBeCloseTo(cof, 12);
  });

  it('∂ det A / ∂A = det(A)·A⁻ᵀ (Jacobi), ∂ log det A = A⁻ᵀ', () => {
    const g = grad((x: Tensor) => x.det().log())(A);
    const invT = tensor(A).inv().T.data;
    g.data.forEach((v, i) => expect(v).toBeCloseTo(invT[i]!, 12));
  });

  it('first and second derivatives agree with finite differences', () => {
    expect(checkGrads((x: Tensor) => x.inv().sum(), A).ok).toBe(true);
    expect(checkGrads((x: Tensor) => x.det(), A).ok).toBe(true);
    expect(checkGrads((x: Tensor) => x.inv().matmul(x.T).det(), A, { rtol: 1e-4 }).ok).toBe(true);
  });

  it('refuses non-square input with both shapes named', () => {
    expect(() => tensor([[1, 2, 3]]).inv()).toThrow(ShapeError);
    expect(() => tensor([1, 2]).det()).toThrow(/square 2-d tensor, got/);
  });
});
