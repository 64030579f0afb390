// The fused training ops (dense, the cross-entropies from logits), the buffer pool, in-place
// gradient accumulation and the selection ops, checked against composite tensor ops, finite
// differences and exact values.
import { describe, expect, it } from 'vitest';
import {
  adHessian, BufferPool, checkGrads, concat, dense, gather, grad, newBuffer, sigmoidCrossEntropy,
  softmaxCrossEntropyWithLogits, stack, Tensor, tensor, valueAndGrad, where, withPool, type FusedActivation,
} from '../../src/autodiff/index.js';
import { RandomState } from '../../src/core/random.js';

const ACTS: FusedActivation[] = ['relu', 'sigmoid', 'tanh', 'softplus', 'linear'];
const composite: Record<FusedActivation, (z: Tensor) => Tensor> = {
  relu: (z) => z.relu(), sigmoid: (z) => z.sigmoid(), tanh: (z) => z.tanh(), softplus: (z) => z.softplus(), linear: (z) => z,
};

function rand(shape: number[], seed: number): Tensor {
  return Tensor.randn(shape, seed);
}

const close = (a: Tensor, b: Tensor, tol = 1e-12): void => {
  expect(a.shape).toEqual(b.shape);
  a.data.forEach((v, i) => expect(Math.abs(v - b.data[i]!)).toBeLessThanOrEqual(tol * (1 + Math.abs(b.data[i]!))));
};

describe('dense: g(x·W + b) as one node', () => {
  for (const act of ACTS) {
    // 3 units: the backward kernel's column-by-column path; 11: its row-by-row path.
    for (const units of [3, 11]) {
      it(`${act}, ${units} units: value and all three gradients equal the composite ops`, () => {
        const x = rand([7, 5], 1), W = rand([5, units], 2), b = rand([units], 3);
        const loss = (f: (x: Tensor, W: Tensor, b: Tensor) => Tensor) => (ps: Tensor[]) => f(ps[0]!, ps[1]!, ps[2]!).mul(rand([7, units], 4)).sum();
        const [v1, g1] = valueAndGrad(loss((x, W, b) => dense(x, W, b, act)))([x, W, b]);
        const [v2, g2] = valueAndGrad(loss((x, W, b) => composite[act](x.matmul(W).add(b))))([x, W, b]);
        expect(v1.item()).toBeCloseTo(v2.item(), 12);
        g1.forEach((g, i) => close(g, g2[i]!));
      });
    }
    it(`${act}: second derivatives (grad of grad) agree with finite differences`, () => {
      const W = rand([3, 2], 5), b = rand([2], 6);
      // relu is piecewise linear: its second derivative is 0 away from the kinks, still checked.
      const f = (x: Tensor) => dense(x.reshape([2, 3]), W, b, act).square().sum();
      expect(checkGrads(f, rand([6], 7), { order: 2 }).ok).toBe(true);
    });
  }
  it('refuses shapes that do not make x·W + b', () => {
    expect(() => dense(tensor([[1, 2]]), tensor([[1], [2], [3]]), tensor([0]))).toThrow(/do not make x·W \+ b/);
    expect(() => dense(tensor([[1, 2]]), tensor([[1], [2]]), tensor([0]), 'gelu' as FusedActivation)).toThrow(/unknown activation 'gelu'/);
  });
});

describe('cross-entropies from logits', () => {
  it('sigmoidCrossEntropy equals BCE of σ(z) and stays finite at |z| = 1000', () => {
    const z = tensor([-3, -0.5, 0, 0.7, 4]);
    const t = [0, 1, 1, 0, 1];
    const want = t.reduce((s, ti, i) => {
      const p = 1 / (1 + Math.exp(-z.data[i]!));
      return s - (ti * Math.log(p) + (1 - ti) * Math.log(1 - p));
    }, 0);
    expect(sigmoidCrossEntropy(z, t, 'sum').item()).toBeCloseTo(want, 13);
    expect(sigmoidCrossEntropy(z, t).item()).toBeCloseTo(want / 5, 13);
    // ∂/∂z = σ(z) − t (mean: over n)
    const g = grad((u: Tensor) => sigmoidCrossEntropy(u, t))(z);
    g.data.forEach((v, i) => expect(v).toBeCloseTo((1 / (1 + Math.exp(-z.data[i]!)) - t[i]!) / 5, 15));
    expect(sigmoidCrossEntropy(tensor([1000, -1000]), [0, 1], 'sum').item()).toBe(2000);
    expect(checkGrads((u: Tensor) => sigmoidCrossEntropy(u, t), z, { order: 2 }).ok).toBe(true);
  });
  it('softmaxCrossEntropyWithLogits: value, gradient (softmax − onehot)/n, Hessian as the composite', () => {
    const z = tensor([[1, 2, 3], [0, 0, 0]]);
    const lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
    expect(softmaxCrossEntropyWithLogits(z, [2, 0]).item()).toBeCloseTo((lse - 3 + Math.log(3)) / 2, 14);
    const flat = (f: (u: Tensor, c: number[]) => Tensor) => (u: Tensor) => f(u.reshape([2, 3]), [2, 0]);
    const comp = (u: Tensor, c: number[]) => {
      const onehot = new Float64Array(6);
      c.forEach((k, i) => (onehot[i * 3 + k] = 1));
      return u.logSoftmax(-1).mul(new Tensor(onehot, [2, 3])).sum().neg().div(2);
    };
    close(grad(flat(softmaxCrossEntropyWithLogits))(z.reshape([6])), grad(flat(comp))(z.reshape([6])));
    close(adHessian(flat(softmaxCrossEntropyWithLogits))(z.reshape([6])), adHessian(flat(comp))(z.reshape([6])));
    expect(softmaxCrossEntropyWithLogits(tensor([[1000, -1000]]), [1]).item()).toBe(2000);
    expect(() => softmaxCrossEntropyWithLogits(z, [3, 0])).toThrow(/label 3 \(row 0\) is not a class index in \[0, 3\)/);
  });
});

describe('buffer pool', () => {
  it('hands back the same arrays step after step, and fresh ones when a length changes', () => {
    const pool = new BufferPool();
    pool.begin();
    const [a, b] = withPool(pool, () => [newBuffer(4), newBuffer(2)]);
    pool.begin();
    const [c, d] = withPool(pool, () => [newBuffer(4), newBuffer(3)]);
    expect(c).toBe(a);
    expect(d).not.toBe(b);
    expect(newBuffer(4)).not.toBe(a); // no pool active
  });
  it('toArena keeps the values of the arrays it moves and gives arena views', () => {
    const pool = new BufferPool();
    pool.begin();
    withPool(pool, () => newBuffer(8));
    const moved = pool.toArena([Float64Array.of(1, 2, 3)]);
    if (moved) {
      expect(Array.from(moved[0]!)).toEqual([1, 2, 3]);
      pool.begin();
      expect(withPool(pool, () => newBuffer(8)).buffer).toBe(moved[0]!.buffer);
    }
  });
});

describe('gradient accumulation in place', () => {
  it('a value used several times gets the sum of its cotangents (aliases untouched)', () => {
    const x = tensor([1, 2, 3]);
    // x feeds add twice (the add VJP hands the same g to both parents) and a product.
    const g = grad((u: Tensor) => u.add(u).add(u.mul(u)).sum())(x);
    expect(Array.from(g.data)).toEqual([4, 6, 8]);
  });
});

describe('selection ops', () => {
  it('min, argmax/argmin (first on ties, NaN wins as in NumPy)', () => {
    const x = tensor([[3, 1, 1], [0, 5, 5]]);
    expect(x.min(1).toArray()).toEqual([1, 0]);
    expect(x.argmax(1).toArray()).toEqual([0, 1]);
    expect(x.argmin(1).toArray()).toEqual([1, 0]);
    expect(x.argmax().item()).toBe(4);
    expect(x.argmax(0, true).shape).toEqual([1, 3]);
    expect(tensor([1, NaN, 5]).argmax().item()).toBe(1);
    // ties share the gradient, as max
    expect(Array.from(grad((u: Tensor) => u.min())([2, 1, 1]).data)).toEqual([0, 0.5, 0.5]);
  });
  it('gather (torch.gather) and its gradient, a scatter-add', () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(gather(x, 1, [[2, 0], [1, 1]]).toArray()).toEqual([[3, 1], [5, 5]]);
    expect(gather(x, 0, [[1, 0, 1]]).toArray()).toEqual([[4, 2, 6]]);
    const g = grad((u: Tensor) => gather(u, 1, [[2, 0], [1, 1]]).sum())(x);
    expect(g.toArray()).toEqual([[1, 0, 1], [0, 2, 0]]);
    expect(() => gather(x, 1, [[3]])).toThrow(/index 3 is out of range/);
    expect(checkGrads((u: Tensor) => gather(u.reshape([2, 3]), 1, [[2, 0], [1, 1]]).square().sum(), x.reshape([6]), { order: 2 }).ok).toBe(true);
  });
  it('stack, concat and where carry gradients', () => {
    expect(stack([tensor([1, 2]), tensor([3, 4])], 1).toArray()).toEqual([[1, 3], [2, 4]]);
    const g = grad((u: Tensor) => stack([u, u.mul(2)], 0).mul(tensor([[1, 1], [1, 1]])).sum())([1, 1]);
    expect(Array.from(g.data)).toEqual([3, 3]);
    expect(concat([tensor([[1]]), tensor([[2]])], 1).toArray()).toEqual([[1, 2]]);
    const gw = grad((u: Tensor) => where([1, 0, 1], u, u.mul(10)).sum())([1, 2, 3]);
    expect(Array.from(gw.data)).toEqual([1, 10, 1]);
    expect(() => stack([tensor([1]), tensor([1, 2])])).toThrow(/differ/);
  });
  it('logsumexp, logSoftmax and softmax are stable at 1000 and differentiate', () => {
    const x = tensor([[1000, 1000], [-Infinity, 0]]);
    expect(x.logsumexp(1).toArray()).toEqual([1000 + Math.log(2), 0]);
    expect(tensor([-Infinity, -Infinity]).logsumexp().item()).toBe(-Infinity);
    expect(tensor([[1000, 0]]).logSoftmax().data[1]).toBe(-1000);
    expect(tensor([[1000, 1000]]).softmax().toArray()).toEqual([[0.5, 0.5]]);
    const v = rand([4], 9);
    expect(checkGrads((u: Tensor) => u.logsumexp(), v, { order: 2 }).ok).toBe(true);
    expect(checkGrads((u: Tensor) => u.reshape([2, 2]).logSoftmax(1).mul(tensor([[1, 2], [3, 4]])).sum(), v, { order: 2 }).ok).toBe(true);
    expect(checkGrads((u: Tensor) => u.softmax().index(0), v, { order: 2 }).ok).toBe(true);
    // ∂ logsumexp = softmax
    const rs = new RandomState(1);
    const w = tensor(Array.from(rs.randn(5)));
    close(grad((u: Tensor) => u.logsumexp())(w), w.softmax());
  });
});
