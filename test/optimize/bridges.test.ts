// The bridges are the caller's: optimize takes plain callbacks. A symbolic objective reaches it
// through lambdify (with a symbolic gradient), an autodiff function through grad.
import { describe, expect, it } from 'vitest';
import { grad, Tensor, valueAndGrad } from '../../src/autodiff/index.js';
import { jacobian, lambdify } from '../../src/symbolic/index.js';
import { minimize } from '../../src/optimize/index.js';

describe('bridges into minimize', () => {
  it('symbolic: lambdify the objective and its Jacobian', () => {
    const expr = '100*(y - x^2)^2 + (1 - x)^2';
    const f = lambdify(expr, ['x', 'y']);
    const J = lambdify(jacobian([expr], ['x', 'y']), ['x', 'y']);
    const r = minimize((v) => f(...v), [-1.2, 1], { method: 'bfgs', jac: (v) => J(...v)[0]! });
    expect(r.success).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.nfev).toBe(r.njev); // no finite differences: one f per gradient
  });

  it('autodiff: grad of a tensor function', () => {
    const rosen = (v: Tensor) => v.index(1).sub(v.index(0).square()).square().mul(100).add(v.index(0).neg().add(1).square());
    const g = grad(rosen);
    const vg = valueAndGrad(rosen);
    const r = minimize((x) => vg(Array.from(x))[0].item(), [-1.2, 1], {
      method: 'l-bfgs-b',
      jac: (x) => g(Array.from(x)).toArray() as number[],
    });
    expect(r.success, r.message).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
  });
});
