/**
 * Numeric evaluation: a matrix expression is compiled once into a list of kernel steps over
 * Float64Array matrices (one step per distinct node, so shared subexpressions run once); each ew
 * node becomes a `lambdify`-generated function run over whole columns. Bind variables by name
 * (numbers, arrays, nested arrays or `Matrix`); named dimensions are read off the bound values and
 * must agree everywhere.
 */
import { ArgumentError, DomainError, ShapeError } from '../core/errors.js';
import { det as ndet, inverse, matmul as nmatmul, type Matrix } from '../numeric/index.js';
import { lambdify, type CompiledFunction, type SymbolNode } from '../symbolic/index.js';
import { atomSymbol, dimOf, dimSymbol, ewAtoms, topoOrder, type Dim, type MExpr, type Shape, type SymNode } from './node.js';

/** A value bound to a variable: a number (scalar), a vector, nested rows, or a Matrix. */
export type Binding = number | ArrayLike<number> | ReadonlyArray<ArrayLike<number>> | Matrix;

/** Variable values by name, plus optional sizes of dimensions no variable determines. */
export type Bindings = Readonly<Record<string, Binding>>;

/** A compiled expression: call it with bindings, get a Matrix (a 1×1 for a scalar). */
export interface CompiledMatrixExpr {
  (bindings: Bindings, dims?: Readonly<Record<string, number>>): Matrix;
  /** The variables the expression reads, by name. */
  readonly variables: readonly SymNode[];
}

/** Turn a binding into a Matrix of the expected orientation. */
export function toMatrix(name: string, v: Binding, shape: Shape): Matrix {
  if (typeof v === 'number') return { rows: 1, cols: 1, data: Float64Array.of(v) };
  if (isMatrix(v)) return v;
  const arr = v as ArrayLike<unknown>;
  if (arr.length > 0 && typeof arr[0] === 'object' && arr[0] !== null) {
    const rows = v as ReadonlyArray<ArrayLike<number>>;
    const c = rows[0]!.length;
    const data = new Float64Array(rows.length * c);
    rows.forEach((r, i) => {
      if (r.length !== c) throw new ShapeError(`${name}: ragged rows (row 0 has ${c} entries, row ${i} has ${r.length})`);
      for (let j = 0; j < c; j++) data[i * c + j] = Number(r[j]);
    });
    return { rows: rows.length, cols: c, data };
  }
  const data = Float64Array.from(arr as ArrayLike<number>);
  // A flat array is a column vector, or a row when the variable is a row.
  return shape.rows === 1 && shape.cols !== 1 ? { rows: 1, cols: data.length, data } : { rows: data.length, cols: 1, data };
}

function isMatrix(v: unknown): v is Matrix {
  return typeof v === 'object' && v !== null && 'rows' in v && 'cols' in v && (v as Matrix).data instanceof Float64Array;
}

const fmt = (m: { rows: number; cols: number }): string => `${m.rows}×${m.cols}`;

type Step = (vals: Matrix[], dims: ReadonlyMap<string, number>) => Matrix;

function size(d: Dim, dims: ReadonlyMap<string, number>): number {
  if (typeof d === 'number') return d;
  const v = dims.get(d);
  if (v === undefined) throw new ArgumentError(`dimension ${d} is not fixed by the bound values: pass it in dims`);
  return v;
}

function eye(n: number): Matrix {
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) data[i * n + i] = 1;
  return { rows: n, cols: n, data };
}

function scalarM(v: number): Matrix {
  return { rows: 1, cols: 1, data: Float64Array.of(v) };
}

function transposeM(a: Matrix): Matrix {
  const out = new Float64Array(a.data.length);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out[j * a.rows + i] = a.data[i * a.cols + j]!;
  return { rows: a.cols, cols: a.rows, data: out };
}

/** Multiply a chain in the cheapest order (dynamic programming over the split points). */
function chainProduct(ms: Matrix[]): Matrix {
  const k = ms.length;
  const dim = [ms[0]!.rows, ...ms.map((m) => m.cols)];
  for (let i = 0; i + 1 < k; i++) if (ms[i]!.cols !== ms[i + 1]!.rows) throw new ShapeError(`matmul: shapes ${fmt(ms[i]!)} and ${fmt(ms[i + 1]!)} do not align`);
  const cost: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const split: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let len = 2; len <= k; len++) {
    for (let i = 0; i + len - 1 < k; i++) {
      const j = i + len - 1;
      cost[i]![j] = Infinity;
      for (let s = i; s < j; s++) {
        const c = cost[i]![s]! + cost[s + 1]![j]! + dim[i]! * dim[s + 1]! * dim[j + 1]!;
        if (c < cost[i]![j]!) {
          cost[i]![j] = c;
          split[i]![j] = s;
        }
      }
    }
  }
  const go = (i: number, j: number): Matrix => (i === j ? ms[i]! : nmatmul(go(i, split[i]![j]!), go(split[i]![j]! + 1, j)));
  return go(0, k - 1);
}

function ewStep(e: MExpr & { kind: 'ew' }): Step {
  const atoms = ewAtoms(e);
  const dimNames = new Set<string>();
  const walk: SymbolNode[] = [];
  // Dimension symbols used as values (tr(I_n) = n).
  const stack = [e.expr];
  const seen = new Set<unknown>();
  while (stack.length) {
    const x = stack.pop()!;
    if (seen.has(x)) continue;
    seen.add(x);
    if (x.kind === 'Symbol') {
      const d = dimOf(x);
      if (d) dimNames.add(d);
    } else if (x.kind === 'Add') stack.push(...x.terms);
    else if (x.kind === 'Mul') stack.push(...x.bases, ...x.exps);
    else if (x.kind === 'Pow') stack.push(x.base, x.exp);
    else if (x.kind === 'Function') stack.push(...x.args);
  }
  const dimList = [...dimNames];
  for (const a of atoms) walk.push(atomSymbol(a));
  for (const d of dimList) walk.push(dimSymbol(d));
  const f: CompiledFunction<number> = lambdify(e.expr, walk);
  const idx = atoms.map((a) => a);
  return (vals, dims) => {
    const rows = size(e.shape.rows, dims);
    const cols = size(e.shape.cols, dims);
    const n = rows * cols;
    const cols_: Float64Array[] = idx.map((a) => {
      const v = vals[a.id]!;
      if (v.data.length === n) return v.data;
      return new Float64Array(n).fill(v.data[0]!);
    });
    for (const d of dimList) cols_.push(new Float64Array(n).fill(size(d, dims)));
    if (cols_.length === 0) return { rows, cols, data: new Float64Array(n).fill(f()) };
    if (n === 1) {
      const args = cols_.map((c) => c[0]!);
      return { rows, cols, data: Float64Array.of(f(...args)) };
    }
    return { rows, cols, data: f.vectorized(cols_) };
  };
}

function stepOf(e: MExpr): Step {
  switch (e.kind) {
    case 'sym':
      return (vals) => vals[e.id]!;
    case 'dsym':
      throw new ArgumentError(`cannot evaluate the differential d${e.of.name}`);
    case 'identity':
      return (_v, dims) => eye(size(e.shape.rows, dims));
    case 'ew':
      return ewStep(e);
    case 'matmul':
      return (vals) => chainProduct(e.factors.map((f) => vals[f.id]!));
    case 'transpose':
      return (vals) => transposeM(vals[e.arg.id]!);
    case 'inv':
      return (vals) => inverse(vals[e.arg.id]!);
    case 'det':
      return (vals) => scalarM(ndet(vals[e.arg.id]!));
    case 'trace':
      return (vals) => {
        const a = vals[e.arg.id]!;
        let s = 0;
        for (let i = 0; i < a.rows; i++) s += a.data[i * a.cols + i]!;
        return scalarM(s);
      };
    case 'diag':
      return (vals) => {
        const a = vals[e.arg.id]!;
        if (a.cols === 1) {
          const n = a.rows;
          const data = new Float64Array(n * n);
          for (let i = 0; i < n; i++) data[i * n + i] = a.data[i]!;
          return { rows: n, cols: n, data };
        }
        const data = new Float64Array(a.rows);
        for (let i = 0; i < a.rows; i++) data[i] = a.data[i * a.cols + i]!;
        return { rows: a.rows, cols: 1, data };
      };
    case 'sum':
      return (vals) => scalarM(vals[e.arg.id]!.data.reduce((s, v) => s + v, 0));
    case 'norm':
      return (vals) => scalarM(Math.hypot(...vals[e.arg.id]!.data));
    case 'softmax':
      return (vals) => {
        const z = vals[e.arg.id]!;
        const m = Math.max(...z.data);
        const ex = z.data.map((v) => Math.exp(v - m));
        const s = ex.reduce((a, b) => a + b, 0);
        return { rows: z.rows, cols: 1, data: ex.map((v) => v / s) };
      };
    case 'lse':
      return (vals) => {
        const z = vals[e.arg.id]!;
        const m = Math.max(...z.data);
        let s = 0;
        for (const v of z.data) s += Math.exp(v - m);
        return scalarM(m + Math.log(s));
      };
  }
}

/**
 * Compile to a function of named bindings returning a Matrix (1×1 for scalars).
 * @example compileMatrixExpr(parseMatrixExpr("x'*x", 'x:n'))({ x: [3, 4] }).data[0] // → 25
 */
export function compileMatrixExpr(e: MExpr): CompiledMatrixExpr {
  const order = topoOrder(e);
  const steps = order.map((n) => [n, stepOf(n)] as const);
  const variables = order.filter((n): n is SymNode => n.kind === 'sym');
  const byName = new Map<string, SymNode>();
  for (const v of variables) {
    const prev = byName.get(v.name);
    if (prev && prev !== v) throw new ShapeError(`${v.name} is used with two shapes in one expression`);
    byName.set(v.name, v);
  }
  const run = (bindings: Bindings, extraDims: Readonly<Record<string, number>> = {}): Matrix => {
    if (typeof bindings !== 'object' || bindings === null) throw new ArgumentError('bind variables with an object like { X: [[1, 2], [3, 4]], w: [1, 2] }');
    const dims = new Map<string, number>(Object.entries(extraDims));
    const dimFrom = new Map<string, string>();
    const vals: Matrix[] = [];
    for (const v of variables) {
      const b = bindings[v.name];
      if (b === undefined) throw new ArgumentError(`no value bound for ${v.name}`);
      const m = toMatrix(v.name, b, v.shape);
      for (const [d, got] of [[v.shape.rows, m.rows], [v.shape.cols, m.cols]] as const) {
        if (typeof d === 'number') {
          if (d !== got) throw new ShapeError(`${v.name} must be ${v.shape.rows}×${v.shape.cols}, got ${fmt(m)}`);
        } else if (dims.has(d) && dims.get(d) !== got) {
          throw new ShapeError(`dimension ${d} is ${dims.get(d)} from ${dimFrom.get(d) ?? 'dims'} but ${got} from ${v.name} (${fmt(m)})`);
        } else {
          dims.set(d, got);
          dimFrom.set(d, `${v.name} (${fmt(m)})`);
        }
      }
      if (m.data.length !== m.rows * m.cols) throw new ShapeError(`${v.name}: ${m.data.length} values do not fill ${fmt(m)}`);
      vals[v.id] = m;
    }
    let last: Matrix | null = null;
    for (const [n, step] of steps) {
      if (n.kind === 'sym') continue;
      last = step(vals, dims);
      vals[n.id] = last;
    }
    const out = last ?? vals[e.id]!;
    for (const x of out.data) {
      if (Number.isNaN(x)) throw new DomainError('the expression is undefined at these values (NaN: a log or root of a negative entry, 0/0, …)');
    }
    return out;
  };
  return Object.assign(run, { variables });
}

/**
 * Evaluate once with bindings.
 * @example evaluateMatrixExpr(parseMatrixExpr('A*x', 'A:2,2 x:2'), { A: [[1, 2], [3, 4]], x: [1, 1] }).data // → [3, 7]
 */
export function evaluateMatrixExpr(e: MExpr, bindings: Bindings, dims?: Readonly<Record<string, number>>): Matrix {
  return compileMatrixExpr(e)(bindings, dims);
}
