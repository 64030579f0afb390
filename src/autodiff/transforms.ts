/**
 * Reverse mode: an iterative walk of the recorded graph, and the transforms built on it —
 * grad, valueAndGrad, vjp, jvp, adJacobian, adHessian. Each transform differentiates with
 * respect to its own fresh variable; when that variable's input is itself being differentiated by
 * an outer transform, the two are linked by an identity node, so transforms nest (hessian =
 * jacobian ∘ grad) without confusing their perturbations.
 */
import { ArgumentError, ShapeError } from '../core/errors.js';
import { fmtShape, sameShape } from './kernels.js';
import { Tensor, tape, tensor, type TensorLike } from './tensor.js';

/** A differentiable argument: one tensor-like value, or a list of tensors (model parameters). */
export type Params = TensorLike | readonly Tensor[];

function isTensorList(x: Params): x is readonly Tensor[] {
  return Array.isArray(x) && x.length > 0 && x.every((t) => t instanceof Tensor);
}

/** A fresh variable for one transform, linked to `x` when x is itself traced by an outer one. */
function variable(x: TensorLike): Tensor {
  const t = tensor(x);
  const leaf = new Tensor(t.data, t.shape);
  leaf.traced = true;
  leaf.op = 'variable';
  if (t.traced && tape.recording) {
    leaf.parents = [t];
    leaf.vjpFn = (g) => [g];
  }
  return leaf;
}

/**
 * Cotangents of `targets` for output `y` seeded with `seed` (same shape as y). Iterative DFS for
 * the topological order; only nodes on a path to a target are visited backwards. With
 * `createGraph` the VJPs record, so the result can be differentiated again.
 */
export function backward(y: Tensor, seed: Tensor, targets: readonly Tensor[], createGraph: boolean): Tensor[] {
  if (!sameShape(seed.shape, y.shape)) throw new ShapeError(`backward: cotangent shape ${fmtShape(seed.shape)} does not match output shape ${fmtShape(y.shape)}`);
  const isTarget = new Set(targets);
  const order: Tensor[] = [];
  if (y.traced) {
    const seen = new Set<Tensor>([y]);
    const stack: Array<{ node: Tensor; i: number }> = [{ node: y, i: 0 }];
    while (stack.length) {
      const fr = stack[stack.length - 1]!;
      const ps = isTarget.has(fr.node) ? null : fr.node.parents;
      if (ps && fr.i < ps.length) {
        const p = ps[fr.i++]!;
        if (p.traced && !seen.has(p)) {
          seen.add(p);
          stack.push({ node: p, i: 0 });
        }
      } else {
        order.push(fr.node);
        stack.pop();
      }
    }
  }
  // order has parents before children; mark nodes that lead to a target.
  const reaches = new Set<Tensor>();
  for (const node of order) {
    if (isTarget.has(node) || node.parents?.some((p) => reaches.has(p))) reaches.add(node);
  }
  const cot = new Map<Tensor, Tensor>();
  const owned = new Set<Tensor>();
  const saved = tape.recording;
  tape.recording = createGraph;
  try {
    if (reaches.has(y)) cot.set(y, seed);
    for (let k = order.length - 1; k >= 0; k--) {
      const node = order[k]!;
      if (isTarget.has(node) || !reaches.has(node)) continue;
      const g = cot.get(node);
      if (!g) continue;
      cot.delete(node);
      const grads = node.vjpFn!(g);
      const ps = node.parents!;
      for (let j = 0; j < ps.length; j++) {
        const p = ps[j]!;
        const gp = grads[j];
        if (!gp || !reaches.has(p)) continue;
        const prev = cot.get(p);
        if (!prev) cot.set(p, gp);
        else if (!createGraph && prev.size === gp.size) {
          // First order: sum into a buffer this walk owns (cotangents may alias, e.g. add's VJP
          // hands g to both parents), then keep adding into it in place.
          let acc = prev;
          if (!owned.has(prev)) {
            acc = new Tensor(Float64Array.from(prev.data), prev.shape);
            owned.add(acc);
            cot.set(p, acc);
          }
          const a = acc.data, b = gp.data;
          for (let i = 0; i < a.length; i++) a[i] += b[i]!;
        } else cot.set(p, prev.add(gp));
      }
    }
  } finally {
    tape.recording = saved;
  }
  return targets.map((t) => cot.get(t) ?? Tensor.zeros(t.shape));
}

function asScalar(name: string, out: unknown): Tensor {
  const y = out instanceof Tensor ? out : tensor(out as TensorLike);
  if (y.size !== 1) throw new ShapeError(`${name}: the function must return a scalar, got shape ${fmtShape(y.shape)} (use vjp or adJacobian)`);
  return y;
}

/** Run `body` as one transform level (nesting depth decides whether backward records). */
function level<R>(body: () => R): R {
  tape.depth++;
  try {
    return body();
  } finally {
    tape.depth--;
  }
}

/**
 * `valueAndGrad(f)(x, ...rest)` → `[f(x), ∇f(x)]` for a scalar-valued f. `x` may be a
 * tensor-like value or a list of tensors (then the gradient is a list).
 *
 * @example
 * const [v, g] = valueAndGrad((x: Tensor) => x.mul(x).sum())([1, 2, 3]);
 * v.item() // → 14
 * g.toArray() // → [2, 4, 6]
 */
export function valueAndGrad<A extends unknown[]>(f: (x: Tensor, ...rest: A) => Tensor | number): (x: TensorLike, ...rest: A) => [Tensor, Tensor];
export function valueAndGrad<A extends unknown[]>(f: (x: Tensor[], ...rest: A) => Tensor | number): (x: readonly Tensor[], ...rest: A) => [Tensor, Tensor[]];
export function valueAndGrad<A extends unknown[]>(
  f: (x: never, ...rest: A) => Tensor | number,
// eslint-disable-next-line @typescript-eslint/no-explicit-any
): (x: Params, ...rest: A) => any {
  return (x: Params, ...rest: A) =>
    level(() => {
      const list = isTensorList(x);
      const vars = list ? (x as readonly Tensor[]).map(variable) : [variable(x as TensorLike)];
      const y = asScalar('grad', f((list ? vars : vars[0]) as never, ...rest));
      const gs = backward(y, Tensor.ones(y.shape), vars, tape.depth > 1);
      const value = tape.depth > 1 ? y : y.detach();
      return [value, list ? gs : gs[0]!];
    });
}

/**
 * `grad(f)(x)` = ∇f(x) for a scalar-valued f; compose for higher orders: `grad(grad(f))`.
 *
 * @example
 * grad((x: Tensor) => x.sin())(0).item() // → 1
 * grad(grad((x: Tensor) => x.pow(3)))(2).item() // → 12
 */
export function grad<A extends unknown[]>(f: (x: Tensor, ...rest: A) => Tensor | number): (x: TensorLike, ...rest: A) => Tensor;
export function grad<A extends unknown[]>(f: (x: Tensor[], ...rest: A) => Tensor | number): (x: readonly Tensor[], ...rest: A) => Tensor[];
export function grad<A extends unknown[]>(f: (x: never, ...rest: A) => Tensor | number): (x: Params, ...rest: A) => any {
  const vg = valueAndGrad(f as (x: Tensor, ...rest: A) => Tensor) as unknown as (x: Params, ...rest: A) => [Tensor, Tensor | Tensor[]];
  return (x: Params, ...rest: A) => vg(x, ...rest)[1];
}

/**
 * `vjp(f, x)` → `{ value, pullback }` where `pullback(u)` = uᵀ·J_f(x), for any output shape.
 *
 * @example
 * const { pullback } = vjp((x: Tensor) => x.mul(x), [1, 2]);
 * pullback([1, 1]).toArray() // → [2, 4]
 */
export function vjp(f: (x: Tensor) => Tensor, x: TensorLike): { value: Tensor; pullback: (u: TensorLike) => Tensor };
export function vjp(f: (x: Tensor[]) => Tensor, x: readonly Tensor[]): { value: Tensor; pullback: (u: TensorLike) => Tensor[] };
export function vjp(f: (x: never) => Tensor, x: Params): { value: Tensor; pullback: (u: TensorLike) => Tensor | Tensor[] } {
  const list = isTensorList(x);
  const vars = list ? (x as readonly Tensor[]).map(variable) : [variable(x as TensorLike)];
  const y = level(() => tensor(f((list ? vars : vars[0]) as never)));
  return {
    value: tape.depth > 0 ? y : y.detach(),
    pullback: (u: TensorLike) => {
      const gs = backward(y, tensor(u), vars, tape.depth > 0);
      return list ? gs : gs[0]!;
    },
  };
}

/**
 * `jvp(f, x, v)` → `{ value, tangent }` with tangent = J_f(x)·v, by transposing the VJP
 * (v ↦ (u ↦ uᵀJ)ᵀ v): two reverse passes, no forward-mode machinery needed.
 *
 * @example
 * jvp((x: Tensor) => x.mul(x), [1, 2], [1, 0]).tangent.toArray() // → [2, 0]
 */
export function jvp(f: (x: Tensor) => Tensor, x: TensorLike, v: TensorLike): { value: Tensor; tangent: Tensor } {
  return level(() => {
    const xv = variable(x);
    const dir = tensor(v);
    if (!sameShape(dir.shape, xv.shape)) throw new ShapeError(`jvp: tangent shape ${fmtShape(dir.shape)} does not match input shape ${fmtShape(xv.shape)}`);
    const y = tensor(f(xv));
    const u = variable(Tensor.zeros(y.shape));
    const [ux] = backward(y, u, [xv], true); // uᵀJ, linear in u
    const [tangent] = backward(ux!, dir, [u], tape.depth > 1);
    return { value: tape.depth > 1 ? y : y.detach(), tangent: tangent! };
  });
}

/**
 * Jacobian by reverse mode, one pullback per output entry: shape `[...out, ...in]`.
 * (Named `adJacobian` because symbolic owns `jacobian`.)
 *
 * @example
 * const f = (v: Tensor) => v.index(0).square().mul(v.index(1)).add(v.index(1).sin());
 * adJacobian(f)([1, 2]).toArray() // → [4, 0.5838531634528576]
 */
export function adJacobian(f: (x: Tensor) => Tensor | number): (x: TensorLike) => Tensor {
  return (x: TensorLike) =>
    level(() => {
      const xv = variable(x);
      const y = tensor(f(xv) as TensorLike);
      const create = tape.depth > 1;
      const rows: Tensor[] = [];
      for (let i = 0; i < y.size; i++) {
        const e = Tensor.zeros(y.shape);
        e.data[i] = 1;
        rows.push(backward(y, e, [xv], create)[0]!.reshape([1, ...xv.shape]));
      }
      if (rows.length === 0) return Tensor.zeros([...y.shape, ...xv.shape]);
      return Tensor.concat(rows, 0).reshape([...y.shape, ...xv.shape]);
    });
}

/**
 * Hessian = Jacobian of the gradient (reverse over reverse).
 *
 * @example
 * const f = (v: Tensor) => v.index(0).square().mul(v.index(1)).add(v.index(1).sin());
 * adHessian(f)([1, 2]).toArray() // → [[4, 2], [2, -0.9092974268256817]]
 */
export function adHessian(f: (x: Tensor) => Tensor | number): (x: TensorLike) => Tensor {
  const g = grad(f as (x: Tensor) => Tensor);
  return adJacobian((x: Tensor) => g(x));
}

/**
 * Stop gradients: the value of `x` as a constant.
 *
 * @example
 * grad((x: Tensor) => x.mul(stopGradient(x)))(3).item() // → 3 (only the first factor is differentiated)
 */
export function stopGradient(x: TensorLike): Tensor {
  if (x instanceof Tensor) return x.detach();
  if (Array.isArray(x) && x.some((t) => t instanceof Tensor)) throw new ArgumentError('stopGradient: pass one tensor');
  return tensor(x);
}
