/**
 * A matrix expression as a function of autodiff tensors, so reverse mode can differentiate the
 * original expression independently of the symbolic rules (the verification's second opinion).
 * Every value is a 2-d tensor [rows, cols]; scalars are [1, 1] and broadcast.
 */
import { ArgumentError } from '../core/errors.js';
import { Tensor, tensor } from '../autodiff/index.js';
import { E, numValue, type Expr } from '../symbolic/index.js';
import { atomOf, dimOf, topoOrder, type MExpr } from './node.js';

type Env = ReadonlyMap<string, Tensor>;

function eye(n: number): Tensor {
  const t = Tensor.zeros([n, n]);
  for (let i = 0; i < n; i++) t.data[i * n + i] = 1;
  return t;
}

function ewTensor(x: Expr, vals: ReadonlyMap<MExpr, Tensor>, dims: ReadonlyMap<string, number>, memo: Map<Expr, Tensor>): Tensor {
  const hit = memo.get(x);
  if (hit) return hit;
  const go = (y: Expr): Tensor => ewTensor(y, vals, dims, memo);
  let out: Tensor;
  switch (x.kind) {
    case 'Integer':
    case 'Rational':
    case 'Float':
      out = tensor(numValue(x));
      break;
    case 'Symbol': {
      const a = atomOf(x);
      if (a) out = vals.get(a)!;
      else {
        const d = dimOf(x);
        if (!d || !dims.has(d)) throw new ArgumentError(`to-tensor: unknown symbol ${x.name}`);
        out = tensor(dims.get(d)!);
      }
      break;
    }
    case 'Constant':
      if (x !== E) throw new ArgumentError(`to-tensor: constant ${x.name}`);
      out = tensor(Math.E);
      break;
    case 'Add': {
      let acc = tensor(numValue(x.coeff));
      x.terms.forEach((t, i) => (acc = acc.add(go(t).mul(numValue(x.coeffs[i]!)))));
      out = acc;
      break;
    }
    case 'Mul': {
      let acc = tensor(numValue(x.coeff));
      x.bases.forEach((b, i) => (acc = acc.mul(powT(b, x.exps[i]!, go))));
      out = acc;
      break;
    }
    case 'Pow':
      out = powT(x.base, x.exp, go);
      break;
    case 'Function': {
      const a = go(x.args[0]!);
      switch (x.name) {
        case 'log':
          out = a.log();
          break;
        case 'tanh':
          out = a.tanh();
          break;
        case 'sigmoid':
          out = a.sigmoid();
          break;
        case 'relu':
          out = a.relu();
          break;
        case 'softplus':
          out = a.softplus();
          break;
        case 'abs':
          out = a.abs();
          break;
        case 'sin':
          out = a.sin();
          break;
        case 'cos':
          out = a.cos();
          break;
        case 'heaviside':
          out = a.gt(0);
          break;
        case 'sign':
          out = a.gt(0).sub(a.lt(0));
          break;
        default:
          throw new ArgumentError(`to-tensor: no tensor op for ${x.name}`);
      }
      break;
    }
    default:
      throw new ArgumentError(`to-tensor: unsupported ${x.kind}`);
  }
  memo.set(x, out);
  return out;
}

function powT(b: Expr, e: Expr, go: (y: Expr) => Tensor): Tensor {
  if (b === E) return go(e).exp();
  if (e.kind === 'Rational' && e.value.num === 1n && e.value.den === 2n) return go(b).sqrt();
  if (e.kind === 'Integer') {
    const k = Number(e.value.num);
    if (k === 1) return go(b);
    if (k === 2) return go(b).square();
    if (k === -1) return tensor(1).div(go(b));
  }
  return go(b).pow(go(e));
}

/**
 * `toTensorFunction(e)(env, dims)`: the value of e as a traced tensor, reading variables from
 * `env` (2-d tensors by name).
 */
export function toTensorFunction(e: MExpr): (env: Env, dims: ReadonlyMap<string, number>) => Tensor {
  const order = topoOrder(e);
  return (env, dims) => {
    const vals = new Map<MExpr, Tensor>();
    const exprMemo = new Map<Expr, Tensor>();
    const size = (d: number | string): number => (typeof d === 'number' ? d : dims.get(d)!);
    for (const n of order) {
      const v = (m: MExpr): Tensor => vals.get(m)!;
      let out: Tensor;
      switch (n.kind) {
        case 'sym':
          out = env.get(n.name)!;
          break;
        case 'identity':
          out = eye(size(n.shape.rows));
          break;
        case 'ew': {
          out = ewTensor(n.expr, vals, dims, exprMemo);
          const shape = [size(n.shape.rows), size(n.shape.cols)];
          if (out.shape.length !== 2 || out.shape[0] !== shape[0] || out.shape[1] !== shape[1]) out = out.reshape(out.size === 1 ? [1, 1] : out.shape).broadcastTo(shape);
          break;
        }
        case 'matmul':
          out = n.factors.map(v).reduce((a, b) => a.matmul(b));
          break;
        case 'transpose':
          out = v(n.arg).T;
          break;
        case 'inv':
          out = v(n.arg).inv();
          break;
        case 'det':
          out = v(n.arg).det().reshape([1, 1]);
          break;
        case 'trace': {
          const a = v(n.arg);
          out = a.mul(eye(a.shape[0]!)).sum().reshape([1, 1]);
          break;
        }
        case 'diag': {
          const a = v(n.arg);
          out = a.shape[1] === 1 ? eye(a.shape[0]!).mul(a) : a.mul(eye(a.shape[0]!)).sum(1, true);
          break;
        }
        case 'sum':
          out = v(n.arg).sum().reshape([1, 1]);
          break;
        case 'norm': {
          const a = v(n.arg);
          out = a.mul(a).sum().sqrt().reshape([1, 1]);
          break;
        }
        case 'softmax': {
          const z = v(n.arg);
          const ex = z.sub(Math.max(...z.data)).exp();
          out = ex.div(ex.sum());
          break;
        }
        case 'lse': {
          const z = v(n.arg);
          const m = Math.max(...z.data);
          out = z.sub(m).exp().sum().log().add(m).reshape([1, 1]);
          break;
        }
        case 'dsym':
          throw new ArgumentError('to-tensor: a differential cannot be evaluated');
      }
      vals.set(n, out);
    }
    return vals.get(e)!;
  };
}
