import { describe, expect, it } from 'vitest';
import { LimitError, ShapeError } from '../../src/core/errors.js';
import { ad, adHessian, adJacobian, checkGrads, grad, jvp, Tensor, tensor, valueAndGrad, Value, vjp } from '../../src/autodiff/index.js';

const f = (v: Tensor) => v.index(0).square().mul(v.index(1)).add(v.index(1).sin());

describe('must-show: jacobian and hessian of v0²v1 + sin v1 at (1, 2)', () => {
  it('jacobian = [2v0v1, v0² + cos v1]', () => {
    const J = adJacobian(f)([1, 2]).toArray() as number[];
    expect(J[0]).toBe(4);
    expect(J[1]).toBeCloseTo(0.5838531634528576, 15);
  });
  it('hessian = [[2v1, 2v0], [2v0, −sin v1]]', () => {
    const H = adHessian(f)([1, 2]).toArray() as number[][];
    expect(H[0]).toEqual([4, 2]);
    expect(H[1]![0]).toBe(2);
    expect(H[1]![1]).toBeCloseTo(-0.9092974268256817, 15);
    expect(ad.hessian(f)([1, 2]).toArray()).toEqual(H);
  });
  it('jacobian of a vector function has shape [out, in]', () => {
    const g = (v: Tensor) => Tensor.concat([v.index(0).mul(v.index(1)).reshape([1]), v.exp()], 0);
    const J = adJacobian(g)([1, 2]);
    expect(J.shape).toEqual([3, 2]);
    expect(J.toArray()).toEqual([[2, 1], [Math.E, 0], [0, Math.exp(2)]]);
  });
});

describe('exact derivatives', () => {
  it('higher-order derivatives of tanh, exp, sigmoid (VJPs are differentiable)', () => {
    const x = 0.5;
    const t = Math.tanh(x);
    // tanh' = 1 − t², tanh'' = −2t(1 − t²), tanh''' = (6t² − 2)(1 − t²)
    expect(grad(grad((z: Tensor) => z.tanh()))(x).item()).toBeCloseTo(-2 * t * (1 - t * t), 14);
    expect(grad(grad(grad((z: Tensor) => z.tanh())))(x).item()).toBeCloseTo((6 * t * t - 2) * (1 - t * t), 14);
    expect(grad(grad(grad((z: Tensor) => z.exp())))(1).item()).toBeCloseTo(Math.E, 14);
    const s = 1 / (1 + Math.exp(-x));
    expect(grad(grad((z: Tensor) => z.sigmoid()))(x).item()).toBeCloseTo(s * (1 - s) * (1 - 2 * s), 14);
    expect(grad(grad((z: Tensor) => z.pow(3)))(2).item()).toBe(12);
  });
  it('valueAndGrad over a parameter list; broadcasting gradients sum back', () => {
    const W = tensor([[1, 2], [3, 4]]);
    const b = tensor([0.5, -0.5]);
    const X = tensor([[1, 0], [0, 1], [1, 1]]);
    const [v, [gW, gb]] = valueAndGrad((p: Tensor[]) => X.matmul(p[0]!).add(p[1]!).sum())([W, b]);
    // Σ (XW + b) = Σ_ij (XW)_ij + 3Σ b;  ∂/∂W_kj = Σ_i X_ik;  ∂/∂b_j = 3
    expect(v.item()).toBe(2 * (1 + 2 + 3 + 4) - 3 * 0 + 0 + (1 + 2 + 3 + 4) - 10 + 0);
    expect(gW!.toArray()).toEqual([[2, 2], [2, 2]]);
    expect(gb!.toArray()).toEqual([3, 3]);
  });
  it('vjp and jvp agree with the Jacobian', () => {
    const g = (x: Tensor) => x.mul(x).mul(tensor([1, 2]));
    const { value, pullback } = vjp(g, [3, 4]);
    expect(value.toArray()).toEqual([9, 32]);
    expect((pullback([1, 1]) as Tensor).toArray()).toEqual([6, 16]);
    expect(jvp(g, [3, 4], [1, 0]).tangent.toArray()).toEqual([6, 0]);
  });
  it('max with ties shares the gradient; relu/abs at kinks', () => {
    expect((grad((x: Tensor) => x.max())([1, 3, 3]) as Tensor).toArray()).toEqual([0, 0.5, 0.5]);
    expect((grad((x: Tensor) => x.max(1).sum())([[1, 5], [7, 2]]) as Tensor).toArray()).toEqual([[0, 1], [1, 0]]);
    expect((grad((x: Tensor) => x.relu().sum())([-1, 0, 2]) as Tensor).toArray()).toEqual([0, 0, 1]);
    expect((grad((x: Tensor) => x.abs().sum())([-1, 0, 2]) as Tensor).toArray()).toEqual([-1, 0, 1]);
  });
  it('nested grad does not confuse perturbations (d/dx [x · d/dy (x + y)] = 1)', () => {
    const outer = grad((x: Tensor) => x.mul(grad((y: Tensor) => x.add(y))(1)));
    expect(outer(1).item()).toBe(1);
  });
});

describe('checkGrads on every op, first and second order', () => {
  const X = [[0.3, -0.7, 1.1], [0.9, 0.2, -0.4]];
  const P = [[0.6, 1.3, 0.8], [1.7, 0.4, 1.2]];
  const W = tensor([[0.2, -0.5], [0.7, 0.1], [-0.3, 0.9]]);
  const cases: Array<[string, (x: Tensor) => Tensor, number[][]]> = [
    ['add (broadcast row)', (x) => x.add(tensor([1, 2, 3])).mul(x), X],
    ['sub', (x) => x.sub(x.mul(x)), X],
    ['mul', (x) => x.mul(x).mul(x), X],
    ['div', (x) => tensor(1).div(x.add(2)), X],
    ['neg', (x) => x.neg().mul(x), X],
    ['pow (tensor exponent)', (x) => x.pow(x), P],
    ['pow (constant exponent)', (x) => x.pow(3), X],
    ['exp', (x) => x.exp(), X],
    ['log', (x) => x.log(), P],
    ['sqrt', (x) => x.sqrt(), P],
    ['abs', (x) => x.abs().mul(x), X],
    ['sin', (x) => x.sin(), X],
    ['cos', (x) => x.cos(), X],
    ['tanh', (x) => x.tanh(), X],
    ['sigmoid', (x) => x.sigmoid(), X],
    ['relu', (x) => x.relu().mul(x), X],
    ['softplus', (x) => x.softplus(), X],
    ['matmul', (x) => x.matmul(W).tanh(), X],
    ['matmul (x both sides)', (x) => x.matmul(x.T), X],
    ['transpose', (x) => x.T.mul(x.T), X],
    ['reshape', (x) => x.reshape([3, 2]).mul(x.reshape([3, 2])), X],
    ['sum (axis)', (x) => x.mul(x).sum(0), X],
    ['mean (axis, keepdims)', (x) => x.mul(x).mean(1, true).mul(x), X],
    ['max (axis)', (x) => x.mul(x).max(1), X],
    ['where', (x) => Tensor.where(x.gt(0), x.mul(x), x.sin()), X],
    ['clip', (x) => x.clip(-0.5, 0.5).mul(x), X],
    ['maximum', (x) => x.maximum(x.sin().add(0.05)).mul(x), X],
    ['concat', (x) => Tensor.concat([x, x.mul(x)], 1), X],
    ['take / index / slice', (x) => x.take([1, 0, 1]).mul(x.index(1)).add(x.slice(0, 0, 1)).add(x.slice(1, 1, 2).sum()), X],
  ];
  for (const [name, fn, x] of cases) {
    it(name, () => {
      const report = checkGrads(fn, x, { order: 2 });
      expect(report.checks.filter((c) => c.order === 2).length).toBe(4);
      expect(report.ok, JSON.stringify(report.checks.filter((c) => !c.ok))).toBe(true);
    });
  }
});

describe('shape errors name the op and both shapes', () => {
  it('matmul and add', () => {
    expect(() => tensor([[1, 2]]).matmul(tensor([[1, 2]]))).toThrow(/matmul: shapes \[1, 2\] and \[1, 2\] do not align/);
    expect(() => tensor([1, 2, 3]).add(tensor([1, 2]))).toThrow(ShapeError);
    expect(() => tensor([1, 2, 3]).add(tensor([1, 2]))).toThrow(/add: shapes \[3\] and \[2\]/);
    expect(() => tensor([1, 2, 3]).reshape([2, 2])).toThrow(/reshape: cannot reshape \[3\]/);
    expect(() => grad((x: Tensor) => x.mul(2))([1, 2])).toThrow(/must return a scalar, got shape \[2\]/);
  });
  it('constructors refuse bad and huge shapes with typed errors, not a RangeError', () => {
    expect(() => Tensor.zeros([-1])).toThrow(ShapeError);
    expect(() => Tensor.ones([1.5, 2])).toThrow(/a shape is a list of integers >= 0, got \[1.5, 2\]/);
    expect(() => Tensor.full([1e6, 1e6], 0)).toThrow(LimitError);
    expect(() => Tensor.randn([1e6, 1e6])).toThrow(/above the limit of 268435456/);
    expect(Tensor.zeros([0, 3]).size).toBe(0);
  });
  it('deep graphs do not overflow the stack (iterative tape)', () => {
    const g = grad((x: Tensor) => {
      let y = x;
      for (let i = 0; i < 20000; i++) y = y.mul(1.0001);
      return y;
    })(1).item();
    expect(g).toBeCloseTo(1.0001 ** 20000, 6);
  });
});

describe('Value (micrograd)', () => {
  it('matches the chain rule by hand', () => {
    const a = new Value(2);
    const b = new Value(-3);
    const c = a.mul(b).add(a.pow(2)).tanh();
    c.backward();
    const t = Math.tanh(-6 + 4);
    expect(a.grad).toBeCloseTo((1 - t * t) * (-3 + 4), 14);
    expect(b.grad).toBeCloseTo((1 - t * t) * 2, 14);
  });
  it('agrees with the tensor engine', () => {
    const x = new Value(0.7);
    x.sigmoid().mul(x.exp()).div(x.add(1)).log().backward();
    const g = grad((t: Tensor) => t.sigmoid().mul(t.exp()).div(t.add(1)).log())(0.7).item();
    expect(x.grad).toBeCloseTo(g, 14);
  });
});
