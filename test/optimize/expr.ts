// The reference files' expressions (x1..xn, + - * / ^, sin cos exp log sqrt, pi) as the
// callbacks a caller would hand to minimize, built from the library itself: the symbolic layer
// parses and `lambdify` compiles f; the gradient is reverse mode through the autodiff layer
// (`grad` of the same tree rebuilt from tensor ops). So these tests also exercise both bridges
// into optimize, which takes plain callbacks only.
import { grad, type Tensor } from '../../src/autodiff/index.js';
import { lambdify, numValue, parse, type Expr } from '../../src/symbolic/index.js';
import { minimize, type Bound, type OptimizeResult } from '../../src/optimize/index.js';

export interface Compiled {
  f: (x: ArrayLike<number>) => number;
  grad: (x: ArrayLike<number>) => Float64Array;
}

/** The constants the reference files use. */
const CONSTANTS: Record<string, number> = { pi: Math.PI, E: Math.E };

/** Evaluate `e` on the variables v (a tensor of n values) with tensor ops, sharing subtrees. */
function toTensor(e: Expr, v: Tensor, index: Map<string, number>, memo: Map<Expr, Tensor | number>): Tensor | number {
  const hit = memo.get(e);
  if (hit !== undefined) return hit;
  const go = (c: Expr): Tensor | number => toTensor(c, v, index, memo);
  // Tensor ops take numbers too; a plain number stays a constant (it is never traced).
  const mul = (a: Tensor | number, b: Tensor | number): Tensor | number =>
    typeof a === 'number' ? (typeof b === 'number' ? a * b : b.mul(a)) : a.mul(b);
  const add = (a: Tensor | number, b: Tensor | number): Tensor | number =>
    typeof a === 'number' ? (typeof b === 'number' ? a + b : b.add(a)) : a.add(b);
  const pow = (a: Tensor | number, b: Tensor | number): Tensor | number => {
    if (typeof a === 'number' && typeof b === 'number') return a ** b;
    if (a === Math.E && typeof b !== 'number') return b.exp(); // Pow(E, x) is exp(x)
    return typeof a === 'number' ? (b as Tensor).mul(Math.log(a)).exp() : a.pow(b);
  };
  let out: Tensor | number;
  switch (e.kind) {
    case 'Integer':
    case 'Rational':
    case 'Float':
      out = numValue(e);
      break;
    case 'Constant':
      if (!(e.name in CONSTANTS)) throw new Error(`constant ${e.name} is not supported`);
      out = CONSTANTS[e.name]!;
      break;
    case 'Symbol': {
      const i = index.get(e.name);
      if (i === undefined) throw new Error(`unknown variable ${e.name}`);
      out = v.index(i);
      break;
    }
    case 'Add':
      out = numValue(e.coeff);
      e.terms.forEach((t, i) => (out = add(out, mul(numValue(e.coeffs[i]!), go(t)))));
      break;
    case 'Mul':
      out = numValue(e.coeff);
      e.bases.forEach((b, i) => (out = mul(out, pow(go(b), go(e.exps[i]!)))));
      break;
    case 'Pow':
      out = pow(go(e.base), go(e.exp));
      break;
    case 'Function': {
      if (e.args.length !== 1) throw new Error(`function ${e.name} is not supported`);
      const a = go(e.args[0]!);
      const t = typeof a === 'number' ? null : a;
      if (e.name === 'sin') out = t ? t.sin() : Math.sin(a as number);
      else if (e.name === 'cos') out = t ? t.cos() : Math.cos(a as number);
      else if (e.name === 'log') out = t ? t.log() : Math.log(a as number);
      else if (e.name === 'exp') out = t ? t.exp() : Math.exp(a as number);
      else throw new Error(`function ${e.name} is not supported`);
      break;
    }
    default:
      throw new Error(`expression kind ${e.kind} is not supported`);
  }
  memo.set(e, out);
  return out;
}

/** f and ∇f of an expression in x1..xn. */
export function compile(src: string, n: number): Compiled {
  const vars = Array.from({ length: n }, (_, i) => `x${i + 1}`);
  const e = parse(src, { vars });
  const f = lambdify(e, vars);
  const index = new Map(vars.map((name, i) => [name, i]));
  const g = grad((v: Tensor) => {
    const y = toTensor(e, v, index, new Map());
    return typeof y === 'number' ? v.sum().mul(0).add(y) : y;
  });
  return {
    f: (x) => f(...Array.from(x)),
    grad: (x) => Float64Array.from(g(Array.from(x)).data),
  };
}

/** A Hock–Schittkowski problem written as text, as the hand-typed test collections hold them. */
export interface HsText { id: string; n: number; f: string; c: Array<[string, string]>; b: Bound[]; x0: number[]; fs: number }

/** Solve an HS problem with SLSQP from its start, with exact gradients or forward differences. */
export function runHs(p: HsText, exact: boolean): OptimizeResult {
  const o = compile(p.f, p.n);
  const constraints = p.c.map(([type, e]) => {
    const k = compile(e, p.n);
    return { type: type as 'eq' | 'ineq', fun: k.f, ...(exact ? { jac: k.grad } : {}) };
  });
  return minimize(o.f, p.x0, { method: 'slsqp', bounds: p.b, constraints, ...(exact ? { jac: o.grad } : {}) });
}
