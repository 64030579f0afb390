/**
 * Support vector machines to ONNX in float64 with standard `ai.onnx` operators (opset 13), so that
 * ONNX Runtime reproduces nabla's decision values and probabilities to rounding (the ai.onnx.ml
 * SVMClassifier/LinearClassifier in export-svm.ts hold and compute everything in float32).
 *
 *   kernel     linear  K = X·SVᵀ                         (a linear SVC uses its weights: F = X·Wᵀ)
 *              rbf     K = exp(−γ Σ_f (x_f − sv_f)²)      (differences, as nabla predicts)
 *              poly    K = (γ X·SVᵀ + coef0)^degree       (libsvm's repeated squaring, as Mul nodes)
 *              sigmoid K = tanh(γ X·SVᵀ + coef0)
 *   pairs      F = K·C − ρ, C[s, (i,j)] = the coefficient of support vector s in pair (i, j)
 *              (libsvm's sign: F > 0 favours i)
 *   label      one-vote-per-pair counts, ArgMax (first maximum, as nabla), Gather of the labels
 *              (scikit-learn's `breakTies`: ArgMax of the 'ovr' values instead)
 *   decision   nabla's `decisionMatrix`: −F (two classes), F ('ovo'), votes + confidence
 *              / (3(|confidence| + 1)) ('ovr')
 *   probabilities (probability: true)  Platt's σ(A·F + B) per pair, clipped to [1e−7, 1 − 1e−7],
 *              then libsvm's pairwise coupling: its fixed-point sweeps in an ONNX Loop, each
 *              sample frozen once its own stopping test passes, so the iterations are libsvm's
 *
 *   LinearSVC  decision = X·coefᵀ + intercept; label: f > 0 (two classes) or ArgMax.
 *
 * Sums over support vectors or features run in ONNX Runtime's order, not nabla's, so values
 * agree to ~1e−15 relative to the terms' size, not bit for bit.
 */
import { ArgumentError } from '../core/errors.js';
import type { LinearSVC } from '../svm/linear-svc.js';
import type { SVC } from '../svm/svc.js';
import type { SvmLabel } from '../svm/validate.js';
import { DataType, type Attribute, type GraphSpec, type Initializer, type NodeSpec, type ValueInfo } from './onnx-proto.js';

/** Nodes and constants of a graph, with fresh value names. */
class GraphBuilder {
  readonly nodes: NodeSpec[] = [];
  readonly initializers: Initializer[] = [];
  private count = 0;
  private readonly consts = new Map<string, string>();

  constructor(private readonly prefix: string, private readonly shared?: GraphBuilder) {}

  fresh(hint: string): string {
    return `${this.prefix}${hint}_${this.count++}`;
  }

  /** A double constant (shared by value); subgraphs put theirs in the outer graph. */
  double(values: readonly number[], dims: number[] = [values.length]): string {
    return this.constant(DataType.DOUBLE, values, dims);
  }

  int64(values: readonly number[], dims: number[] = [values.length]): string {
    return this.constant(DataType.INT64, values, dims);
  }

  private constant(type: typeof DataType.DOUBLE | typeof DataType.INT64, values: readonly number[], dims: number[]): string {
    if (this.shared) return this.shared.constant(type, values, dims);
    const key = `${type}/${dims.join('x')}:${values.map((v) => (Object.is(v, -0) ? '-0' : String(v))).join(',')}`;
    let name = this.consts.get(key);
    if (!name) {
      name = this.fresh(type === DataType.DOUBLE ? 'c' : 'i');
      this.initializers.push({ name, dims, type, values });
      this.consts.set(key, name);
    }
    return name;
  }

  op(op: string, inputs: string[], attributes?: Attribute[], output?: string): string {
    const out = output ?? this.fresh(op.toLowerCase());
    this.nodes.push({ op, inputs, outputs: [out], ...(attributes ? { attributes } : {}) });
    return out;
  }

  /** Column j of a [N, m] value, as [N, 1]. */
  column(x: string, j: number): string {
    return this.op('Gather', [x, this.int64([j])], [{ name: 'axis', int: 1 }]);
  }
}

/** The class labels as a constant and the output type: int64, double or string. */
function labelTable(g: GraphBuilder, classes: readonly SvmLabel[]): { name: string; type: ValueInfo['type'] } {
  const name = g.fresh('classes');
  if (classes.every((c) => typeof c === 'number' && Number.isSafeInteger(c))) {
    g.initializers.push({ name, dims: [classes.length], type: DataType.INT64, values: classes as number[] });
    return { name, type: DataType.INT64 };
  }
  if (classes.every((c) => typeof c === 'number')) {
    g.initializers.push({ name, dims: [classes.length], type: DataType.DOUBLE, values: classes as number[] });
    return { name, type: DataType.DOUBLE };
  }
  g.initializers.push({ name, dims: [classes.length], type: DataType.STRING, values: classes.map(String) });
  return { name, type: DataType.STRING };
}

/** k×k → pairs in libsvm's order (i < j). */
function pairList(k: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) out.push([i, j]);
  return out;
}

/** Row-major [rows, cols] of a nested list, transposed: [cols, rows]. */
function transposed(m: readonly (readonly number[])[], cols: number): number[] {
  const out = new Array<number>(m.length * cols);
  for (let r = 0; r < m.length; r++) for (let c = 0; c < cols; c++) out[c * m.length + r] = m[r]![c]!;
  return out;
}

/** base^degree by libsvm's repeated squaring (powi), one Mul per step, so the rounding is the same. */
function powiNodes(g: GraphBuilder, base: string, degree: number): string {
  let tmp = base;
  let ret: string | null = null;
  for (let t = degree; t > 0; t = Math.floor(t / 2)) {
    if (t % 2 === 1) ret = ret === null ? tmp : g.op('Mul', [ret, tmp]);
    if (Math.floor(t / 2) > 0) tmp = g.op('Mul', [tmp, tmp]);
  }
  // degree 0: 1 for every entry (base·0 + 1).
  return ret ?? g.op('Add', [g.op('Mul', [base, g.double([0], [])]), g.double([1], [])]);
}

/** One-hot [nPairs, k] matrices: which class a pair's vote goes to. */
function voteMatrices(g: GraphBuilder, k: number): { first: string; second: string } {
  const pairs = pairList(k);
  const a = new Array<number>(pairs.length * k).fill(0);
  const b = new Array<number>(pairs.length * k).fill(0);
  pairs.forEach(([i, j], p) => {
    a[p * k + i] = 1;
    b[p * k + j] = 1;
  });
  return { first: g.double(a, [pairs.length, k]), second: g.double(b, [pairs.length, k]) };
}

/** Votes per class [N, k]: a pair's vote goes to i where `toFirst` (bool [N, nPairs]) holds, else to j. */
function votes(g: GraphBuilder, toFirst: string, k: number): string {
  const { first, second } = voteMatrices(g, k);
  const v = g.op('Cast', [toFirst], [{ name: 'to', int: DataType.DOUBLE }]);
  const notV = g.op('Sub', [g.double([1], []), v]);
  return g.op('Add', [g.op('MatMul', [v, first]), g.op('MatMul', [notV, second])]);
}

/** scikit-learn's 'ovr' values from the pairs: votes (f < 0 → j) + confidence / (3(|confidence| + 1)). */
function ovrValues(g: GraphBuilder, F: string, k: number): string {
  const pairs = pairList(k);
  const sign = new Array<number>(pairs.length * k).fill(0);
  pairs.forEach(([i, j], p) => {
    sign[p * k + i] = 1;
    sign[p * k + j] = -1;
  });
  const conf = g.op('MatMul', [F, g.double(sign, [pairs.length, k])]);
  const v = votes(g, g.op('Not', [g.op('Less', [F, g.double([0], [])])]), k);
  const denom = g.op('Mul', [g.double([3], []), g.op('Add', [g.op('Abs', [conf]), g.double([1], [])])]);
  return g.op('Add', [v, g.op('Div', [conf, denom])]);
}

/** Row-wise first maximum as [N] int64. */
const argmax = (g: GraphBuilder, x: string): string => g.op('ArgMax', [x], [{ name: 'axis', int: 1 }, { name: 'keepdims', int: 0 }]);

/** libsvm's pair decision values F [N, nPairs] of an SVC. */
function pairValues(g: GraphBuilder, model: SVC): string {
  const kp = model.kernelParams;
  if (typeof kp.kernel !== 'string') throw new ArgumentError('toONNX: an SVC with a custom kernel function has no ONNX form (export knows linear, rbf, poly and sigmoid)');
  const k = model.classes.length;
  const d = model.nFeatures;
  const nPairs = (k * (k - 1)) / 2;
  // libsvm's signs, from scikit-learn's (two classes flip coefficients and intercept).
  const rho = k === 2 ? [model.intercepts[0]!] : model.intercepts.map((r) => -r);
  const rhoName = g.double(rho, [nPairs]);
  if (kp.kernel === 'linear') {
    const w = k === 2 ? [model.coefs[0]!.map((v) => -v)] : model.coefs;
    return g.op('Sub', [g.op('MatMul', ['X', g.double(transposed(w, d), [d, nPairs])]), rhoName]);
  }
  const sv = model.supportVectors;
  const m = sv.length;
  let K: string;
  if (kp.kernel === 'rbf') {
    const x3 = g.op('Reshape', ['X', g.int64([-1, 1, d])]);
    const diff = g.op('Sub', [x3, g.double(sv.flat(), [1, m, d])]);
    const sq = g.op('ReduceSum', [g.op('Mul', [diff, diff]), g.int64([2])], [{ name: 'keepdims', int: 0 }]);
    K = g.op('Exp', [g.op('Mul', [g.double([-kp.gamma], []), sq])]);
  } else {
    const dot = g.op('MatMul', ['X', g.double(transposed(sv, d), [d, m])]);
    // γ as a [1, m] row, not a scalar: ONNX Runtime folds MatMul followed by Mul with a scalar
    // constant into one FusedMatMul whose alpha is a float32 attribute (γ rounded to float32).
    const gammaRow = g.double(new Array<number>(m).fill(kp.gamma), [1, m]);
    const base = g.op('Add', [g.op('Mul', [gammaRow, dot]), g.double([kp.coef0], [])]);
    K = kp.kernel === 'poly' ? powiNodes(g, base, kp.degree) : g.op('Tanh', [base]);
  }
  // C[s, p]: pair p = (i, j) weighs class i's vectors by row j−1 of the coefficients, class j's by row i.
  const svCoef = k === 2 ? [model.dualCoefs[0]!.map((v) => -v)] : model.dualCoefs;
  const nSupport = model.nSupport;
  const start = nSupport.map((_, c) => nSupport.slice(0, c).reduce((a, b) => a + b, 0));
  const C = new Array<number>(m * nPairs).fill(0);
  pairList(k).forEach(([i, j], p) => {
    for (let s = start[i]!; s < start[i]! + nSupport[i]!; s++) C[s * nPairs + p] = svCoef[j - 1]![s]!;
    for (let s = start[j]!; s < start[j]! + nSupport[j]!; s++) C[s * nPairs + p] = svCoef[i]![s]!;
  });
  return g.op('Sub', [g.op('MatMul', [K, g.double(C, [m, nPairs])]), rhoName]);
}

/**
 * Class probabilities [N, k]: Platt's pair probabilities, then libsvm's coupling (nabla's
 * multiclassProbability) with every multiply and add in its order, sweeps in a Loop.
 */
function probabilities(g: GraphBuilder, model: SVC, F: string): string {
  const k = model.classes.length;
  const pairs = pairList(k);
  // σ(z) for z = A·F + B, from whichever exponential cannot overflow; then clipped.
  const z = g.op('Add', [g.op('Mul', [F, g.double(model.probA, [pairs.length])]), g.double(model.probB, [pairs.length])]);
  const one = g.double([1], []);
  const eNeg = g.op('Exp', [g.op('Neg', [z])]);
  const upper = g.op('Div', [eNeg, g.op('Add', [one, eNeg])]);
  const lower = g.op('Div', [one, g.op('Add', [one, g.op('Exp', [z])])]);
  const sig = g.op('Where', [g.op('GreaterOrEqual', [z, g.double([0], [])]), upper, lower]);
  const R = g.op('Min', [g.op('Max', [sig, g.double([1e-7], [])]), g.double([1 - 1e-7], [])]);
  // r[i][j] as [N, 1] columns: the pair's value, or 1 − it for the reversed pair.
  const r: string[][] = Array.from({ length: k }, () => new Array<string>(k));
  pairs.forEach(([i, j], p) => {
    r[i]![j] = g.column(R, p);
    r[j]![i] = g.op('Sub', [one, r[i]![j]!]);
  });
  // Q as nabla builds it: Q[t][t] = Σ_{j≠t} r[j][t]² (j in order), Q[t][j] = −r[j][t]·r[t][j] (j > t), symmetric.
  const Q: string[][] = Array.from({ length: k }, () => new Array<string>(k));
  for (let t = 0; t < k; t++) {
    let diag: string | null = null;
    const addSq = (j: number): void => {
      const sq = g.op('Mul', [r[j]![t]!, r[j]![t]!]);
      diag = diag === null ? sq : g.op('Add', [diag, sq]);
    };
    for (let j = 0; j < t; j++) {
      addSq(j);
      Q[t]![j] = Q[j]![t]!;
    }
    for (let j = t + 1; j < k; j++) {
      addSq(j);
      Q[t]![j] = g.op('Mul', [g.op('Neg', [r[j]![t]!]), r[t]![j]!]);
    }
    Q[t]![t] = diag!;
  }
  // Start: p = 1/k everywhere, [N, k].
  const shape = g.op('Concat', [g.op('Slice', [g.op('Shape', ['X']), g.int64([0]), g.int64([1])]), g.int64([k])], [{ name: 'axis', int: 0 }]);
  const p0 = g.op('Expand', [g.double(new Array<number>(k).fill(1 / k), [k]), shape]);

  // The Loop body: one sweep of libsvm's iteration for every sample not yet converged.
  const b = new GraphBuilder(`${g.fresh('body')}/`, g);
  const pIn = b.fresh('p_in');
  let p = Array.from({ length: k }, (_, j) => b.column(pIn, j));
  const dot = (row: string[]): string => {
    let s: string | null = null;
    for (let j = 0; j < k; j++) {
      const term = b.op('Mul', [row[j]!, p[j]!]);
      s = s === null ? term : b.op('Add', [s, term]);
    }
    return s!;
  };
  let Qp = Q.map((row) => dot(row));
  let pQp: string | null = null;
  for (let t = 0; t < k; t++) {
    const term = b.op('Mul', [p[t]!, Qp[t]!]);
    pQp = pQp === null ? term : b.op('Add', [pQp, term]);
  }
  const errors = Qp.map((q) => b.op('Abs', [b.op('Sub', [q, pQp!])]));
  const maxError = errors.length === 1 ? errors[0]! : b.op('Max', errors);
  const done = b.op('Less', [maxError, b.double([0.005 / k], [])]);
  let pq = pQp!;
  const two = b.double([2], []);
  for (let t = 0; t < k; t++) {
    const diff = b.op('Div', [b.op('Sub', [pq, Qp[t]!]), Q[t]![t]!]);
    p[t] = b.op('Add', [p[t]!, diff]);
    const onePlus = b.op('Add', [one, diff]);
    const inner = b.op('Add', [b.op('Mul', [diff, Q[t]![t]!]), b.op('Mul', [two, Qp[t]!])]);
    pq = b.op('Div', [b.op('Div', [b.op('Add', [pq, b.op('Mul', [diff, inner])]), onePlus]), onePlus]);
    Qp = Qp.map((q, j) => b.op('Div', [b.op('Add', [q, b.op('Mul', [diff, Q[t]![j]!])]), onePlus]));
    p = p.map((pj) => b.op('Div', [pj, onePlus]));
  }
  const pNew = b.op('Concat', p, [{ name: 'axis', int: 1 }]);
  const pOut = b.op('Where', [done, pIn, pNew]);
  const notDone = b.op('Cast', [b.op('Not', [done])], [{ name: 'to', int: DataType.DOUBLE }]);
  const condOut = b.op('Greater', [b.op('ReduceMax', [notDone], [{ name: 'keepdims', int: 0 }]), b.double([0], [])]);
  const body: GraphSpec = {
    name: b.fresh('sweep'),
    nodes: b.nodes,
    initializers: [],
    inputs: [
      { name: b.fresh('iter'), type: DataType.INT64, shape: [] },
      { name: b.fresh('cond_in'), type: DataType.BOOL, shape: [] },
      { name: pIn, type: DataType.DOUBLE, shape: ['N', k] },
    ],
    outputs: [
      { name: condOut, type: DataType.BOOL, shape: [] },
      { name: pOut, type: DataType.DOUBLE, shape: ['N', k] },
    ],
  };
  const trips = g.int64([Math.max(100, k)], []);
  const start = g.fresh('go');
  g.initializers.push({ name: start, dims: [], type: DataType.INT64, values: [1] });
  const cond0 = g.op('Cast', [start], [{ name: 'to', int: DataType.BOOL }]);
  return g.op('Loop', [trips, cond0, p0], [{ name: 'body', graph: body }]);
}

/** The float64 graph of a fitted SVC: outputs `label`, `decision` and (with probabilities) `probabilities`. */
export function svcGraph64(model: SVC, name: string): GraphSpec {
  const g = new GraphBuilder('');
  const k = model.classes.length;
  const F = pairValues(g, model);
  const table = labelTable(g, model.classes);
  const ovr = k > 2 && model.decisionFunctionShape === 'ovr' ? ovrValues(g, F, k) : null;
  const index = model.breakTies && ovr ? argmax(g, ovr) : argmax(g, votes(g, g.op('Greater', [F, g.double([0], [])]), k));
  g.op('Gather', [table.name, index], [{ name: 'axis', int: 0 }], 'label');
  const decision = k === 2 ? g.op('Neg', [F]) : ovr ?? F;
  g.op('Identity', [decision], undefined, 'decision');
  const outputs: ValueInfo[] = [
    { name: 'label', type: table.type, shape: ['N'] },
    { name: 'decision', type: DataType.DOUBLE, shape: ['N', k === 2 ? 1 : ovr ? k : (k * (k - 1)) / 2] },
  ];
  if (model.probability) {
    g.op('Identity', [probabilities(g, model, F)], undefined, 'probabilities');
    outputs.push({ name: 'probabilities', type: DataType.DOUBLE, shape: ['N', k] });
  }
  return { name, nodes: g.nodes, initializers: g.initializers, inputs: [{ name: 'X', type: DataType.DOUBLE, shape: ['N', model.nFeatures] }], outputs };
}

/** The float64 graph of a fitted LinearSVC: outputs `label` and `decision` (its decisionMatrix). */
export function linearSvcGraph64(model: LinearSVC, name: string): GraphSpec {
  const g = new GraphBuilder('');
  const d = model.nFeatures;
  const coef = model.coef;
  const rows = coef.length;
  const decision = g.op('Add', [g.op('MatMul', ['X', g.double(transposed(coef, d), [d, rows])]), g.double(model.intercept, [rows])], undefined, 'decision');
  const table = labelTable(g, model.classes);
  let index: string;
  if (rows === 1) {
    // Two classes: f > 0 → classes[1].
    const above = g.op('Cast', [g.op('Greater', [decision, g.double([0], [])])], [{ name: 'to', int: DataType.INT64 }]);
    index = g.op('Reshape', [above, g.int64([-1])]);
  } else index = argmax(g, decision);
  g.op('Gather', [table.name, index], [{ name: 'axis', int: 0 }], 'label');
  return {
    name,
    nodes: g.nodes,
    initializers: g.initializers,
    inputs: [{ name: 'X', type: DataType.DOUBLE, shape: ['N', d] }],
    outputs: [
      { name: 'label', type: table.type, shape: ['N'] },
      { name: 'decision', type: DataType.DOUBLE, shape: ['N', rows] },
    ],
  };
}
