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
  if (!Array.isArray(x) || x.length === 0) return false;
  for (let i = 0; i < x.length; i++) if (!(x[i] instanceof Tensor)) return false;
  return true;
}

/** Fresh variables for a list of tensors (a loop: training calls this every step). */
function variables(xs: readonly Tensor[]): Tensor[] {
  const vars = new Array<Tensor>(xs.length);
  for (let i = 0; i < xs.length; i++) vars[i] = variable(xs[i]!);
  return vars;
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
 * The scratch of one backward walk. Nodes found by the walk are numbered in `seen`, and each
 * keeps its number in `Tensor.slot`: a node belongs to this walk when `seen[node.slot] === node`
 * (a stale slot from an older walk points at another node or past the end). Per-node data lives in
 * arrays indexed by that number, so a walk allocates no Set or Map and, reusing one workspace,
 * almost nothing at all: a training step walks the same small graph thousands of times.
 */
class Walk {
  seen: Tensor[] = [];
  /** Per slot: a target (its cotangent is collected, its parents are not visited). */
  target: boolean[] = [];
  /** Per slot: some path leads from this node to a target. */
  reaches: boolean[] = [];
  /** Per slot: the cotangent so far, and whether this walk owns its buffer (may add in place). */
  cot: Array<Tensor | null> = [];
  owned: boolean[] = [];
  /** Post-order (parents before children) of the traced nodes reachable from the output. */
  order: Tensor[] = [];
  stackNode: Tensor[] = [];
  stackNext: number[] = [];
  n = 0;

  slotOf(t: Tensor): number {
    const s = t.slot;
    return s >= 0 && s < this.n && this.seen[s] === t ? s : -1;
  }

  add(t: Tensor, isTarget: boolean): number {
    const s = this.n++;
    t.slot = s;
    this.seen[s] = t;
    this.target[s] = isTarget;
    this.reaches[s] = isTarget;
    this.cot[s] = null;
    this.owned[s] = false;
    return s;
  }

  /** Drop every reference (the arrays keep their capacity for the next walk). */
  clear(): void {
    this.seen.fill(null as unknown as Tensor, 0, this.n);
    this.cot.fill(null, 0, this.n);
    this.order.length = 0;
    this.stackNode.length = 0;
    this.stackNext.length = 0;
    this.n = 0;
  }
}

/** The shared workspace; a walk that starts while it is busy (none does today) gets its own. */
const shared = new Walk();
let sharedBusy = false;

/**
 * Cotangents of `targets` for output `y` seeded with `seed` (same shape as y). Iterative DFS for
 * the topological order; only nodes on a path to a target are visited backwards. With
 * `createGraph` the VJPs record, so the result can be differentiated again.
 */
export function backward(y: Tensor, seed: Tensor, targets: readonly Tensor[], createGraph: boolean): Tensor[] {
  if (!sameShape(seed.shape, y.shape)) throw new ShapeError(`backward: cotangent shape ${fmtShape(seed.shape)} does not match output shape ${fmtShape(y.shape)}`);
  const own = sharedBusy;
  const w = own ? new Walk() : shared;
  sharedBusy = true;
  const saved = tape.recording;
  try {
    for (const t of targets) if (w.slotOf(t) < 0) w.add(t, true);
    const { order, stackNode, stackNext } = w;
    if (y.traced && w.slotOf(y) < 0) {
      w.add(y, false);
      stackNode.push(y);
      stackNext.push(0);
      while (stackNode.length) {
        const top = stackNode.length - 1;
        const node = stackNode[top]!;
        const ps = node.parents;
        const i = stackNext[top]!;
        if (ps && i < ps.length) {
          stackNext[top] = i + 1;
          const p = ps[i]!;
          if (!p.traced) continue;
          if (w.slotOf(p) < 0) {
            w.add(p, false);
            stackNode.push(p);
            stackNext.push(0);
          }
        } else {
          order.push(node);
          stackNode.pop();
          stackNext.pop();
        }
      }
    }
    // order has parents before children; mark nodes that lead to a target.
    for (const node of order) {
      const s = node.slot;
      if (w.reaches[s]) continue;
      const ps = node.parents;
      if (ps) for (const p of ps) {
        const q = w.slotOf(p);
        if (q >= 0 && w.reaches[q]) {
          w.reaches[s] = true;
          break;
        }
      }
    }
    tape.recording = createGraph;
    const ys = w.slotOf(y);
    if (ys >= 0 && w.reaches[ys]) w.cot[ys] = seed;
    for (let k = order.length - 1; k >= 0; k--) {
      const node = order[k]!;
      const s = node.slot;
      if (w.target[s] || !w.reaches[s]) continue;
      const g = w.cot[s];
      if (!g) continue;
      w.cot[s] = null;
      const grads = node.vjpFn!(g);
      const ps = node.parents!;
      for (let j = 0; j < ps.length; j++) {
        const gp = grads[j];
        if (!gp) continue;
        const q = w.slotOf(ps[j]!);
        if (q < 0 || !w.reaches[q]) continue;
        const prev = w.cot[q];
        if (!prev) w.cot[q] = gp;
        else if (!createGraph && prev.size === gp.size) {
          // First order: sum into a buffer this walk owns (cotangents may alias, e.g. add's VJP
          // hands g to both parents), then keep adding into it in place.
          let acc = prev;
          if (!w.owned[q]) {
            acc = new Tensor(Float64Array.from(prev.data), prev.shape);
            w.owned[q] = true;
            w.cot[q] = acc;
          }
          const a = acc.data, b = gp.data;
          for (let i = 0; i < a.length; i++) a[i] = a[i]! + b[i]!;
        } else w.cot[q] = prev.add(gp);
      }
    }
    const out: Tensor[] = new Array<Tensor>(targets.length);
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i]!;
      out[i] = w.cot[w.slotOf(t)] ?? Tensor.zeros(t.shape);
    }
    return out;
  } finally {
    tape.recording = saved;
    w.clear();
    if (!own) sharedBusy = false;
  }
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
 * `valueAndGrad` for a list of tensors, called directly: `[f(ps), ∇f(ps)]`. A module-level
 * function rather than a closure made per call, so a training loop that calls it every step (fit)
 * keeps its optimized code from one fit to the next. One transform level, written out rather
 * than through level(): no closure per step either.
 * @example
 * const [v, g] = valueAndGradList((ps) => ps[0]!.mul(ps[1]!).sum(), [tensor([2]), tensor([3])]);
 * v.item() // → 6
 * g.map((t) => t.item()) // → [3, 2]
 */
export function valueAndGradList<A extends unknown[]>(f: (ps: Tensor[], ...rest: A) => Tensor | number, params: readonly Tensor[], ...rest: A): [Tensor, Tensor[]] {
  tape.depth++;
  try {
    const vars = variables(params);
    const y = asScalar('grad', f(vars, ...rest));
    const gs = backward(y, Tensor.ones(y.shape), vars, tape.depth > 1);
    return [tape.depth > 1 ? y : y.detach(), gs];
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
  return (x: Params, ...rest: A) => {
    if (isTensorList(x)) return valueAndGradList(f as (ps: Tensor[], ...rest: A) => Tensor | number, x, ...rest);
    const [value, gs] = valueAndGradList((ps: Tensor[], ...r: A) => (f as (x: Tensor, ...rest: A) => Tensor | number)(ps[0]!, ...r), [tensor(x as TensorLike)], ...rest);
    return [value, gs[0]!];
  };
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
  const vars = list ? variables(x as readonly Tensor[]) : [variable(x as TensorLike)];
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
