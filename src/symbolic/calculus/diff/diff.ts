/**
 * Symbolic differentiation. One iterative pass over the expression DAG per variable: every
 * distinct sub-expression is differentiated once (memoized), children before parents, so shared
 * subexpressions cost nothing extra and depth never touches the call stack.
 *
 * Rules (u, v functions of x; c free of x):
 * - sum:      (Σ cᵢ uᵢ)' = Σ cᵢ uᵢ'
 * - product:  (c Π fᵢ)' = (c Π fᵢ) · Σ fᵢ'/fᵢ, with (b^e)'/(b^e) = e·b'/b + e'·log b
 *             (this is the product, quotient and power rules at once; Mul re-collects powers)
 * - power:    (u^c)' = c·u^(c-1)·u';  (c^u)' = c^u·log c·u';  general (u^v)' = u^v (v' log u + v u'/u)
 * - function: f(u)' = f'(u)·u' from the function table (chain rule); an unknown f gives an
 *             unevaluated Derivative.
 *
 * @example
 * const x = symbol('x');
 * diff(parse('x^3 - 2*x^2 + 1'), x) // → 3*x^2 - 4*x
 * diff(parse('sin(x)'), [x, 2])      // → -sin(x)
 * diff('x*y', 'x', 'y')              // → 1
 */
import { ArgumentError, LimitError, describeValue } from '../../../core/errors.js';
import { LIMITS, checkLimit, limitMessage } from '../../../core/limits.js';
import { SymMatrix } from '../../walk/matrix.js';
import { add, addArray, mul, mulArray, pow } from '../../expr/arith.js';
import {
  NEG_ONE,
  ONE,
  ZERO,
  compareExpr,
  constructionWork,
  internedCount,
  isNum,
  makeDerivative,
  makeIntegral,
  makeMul,
  numAdd,
  numMul,
  symbol,
  type Expr,
  type MulNode,
  type SymbolNode,
} from '../../expr/expr.js';
import { FUNCTIONS, fn } from '../../functions/index.js';
import { freeSymbols, postorder, postorderReleasing, subs } from '../../walk/traverse.js';

/** A variable to differentiate by, or [variable, order] (the public `DiffVar` also takes names). @example diff('x*y^3', x, [y, 2]) // → 6*y (∂³/∂x∂y²) */
export type DiffSpec = SymbolNode | readonly [SymbolNode, number];

/** Options for diff: `steps` (default false) returns the rules applied. @example diff('x^2', 'x', { steps: true }).steps[0].rule // → 'power' */
export interface DiffOptions {
  /** Return the result with the chain of rules applied. Default false. */
  steps?: boolean;
}

/** One rule application in a step trace (outermost first). @example diff('sin(x^2)', 'x', { steps: true }).steps[0] // → { rule: 'sin + chain', expr: sin(x^2), result: 2*x*cos(x^2) } */
export interface DiffStep {
  /** 'sum', 'constant multiple', 'product', 'quotient', 'power', 'exponential', 'chain', 'sin', … */
  rule: string;
  /** The rule in symbols, e.g. `d/du sin(u) = cos(u)`. */
  formula: string;
  /** d/dx of this… */
  expr: Expr;
  /** …is this. */
  result: Expr;
}

/** A derivative with the rule steps applied, outermost first. @example diff('sin(x^2)', 'x', { steps: true }).result // → 2*x*cos(x^2) */
export interface DiffTrace {
  result: Expr;
  variable: SymbolNode;
  steps: DiffStep[];
}

const toSymbol = (v: SymbolNode): SymbolNode => {
  if (v && v.kind === 'Symbol') return v;
  throw new ArgumentError('diff: variables must be symbols');
};

/** Expand [x, n] specs into a list of variables. */
function variableList(e: Expr, specs: readonly DiffSpec[]): SymbolNode[] {
  if (specs.length === 0) {
    const fs = freeSymbols(e);
    if (fs.length === 1) return [fs[0]!];
    if (fs.length === 0) return [symbol('x')];
    throw new ArgumentError(`diff: say which variable — the expression has ${fs.map((s) => s.name).join(', ')}`);
  }
  let order = 0;
  for (const s of specs) {
    const n = Array.isArray(s) ? (s as readonly [unknown, number])[1] : 1;
    if (Array.isArray(s) && (!Number.isInteger(n) || n < 0)) throw new ArgumentError(`diff: order must be a non-negative integer, got ${describeValue(n)}`);
    order += n;
  }
  checkLimit('derivativeOrder', order, 'diff');
  const out: SymbolNode[] = [];
  for (const s of specs) {
    if (Array.isArray(s)) {
      const [v, n] = s as readonly [SymbolNode, number];
      if (!Number.isInteger(n) || n < 0) throw new ArgumentError(`diff: order must be a non-negative integer, got ${describeValue(n)}`);
      for (let i = 0; i < n; i++) out.push(toSymbol(v));
    } else out.push(toSymbol(s as SymbolNode));
  }
  return out;
}

/**
 * c·eᵢ·bᵢ^(eᵢ-1)·Π_{j≠i} bⱼ^eⱼ built directly from a canonical Mul when that stays canonical
 * (numeric exponent, plain base); null sends the caller to the general constructor.
 */
function lowerExponent(m: MulNode, i: number): Expr | null {
  const e = m.exps[i]!;
  const b = m.bases[i]!;
  if ((e.kind !== 'Integer' && e.kind !== 'Rational') || b.kind === 'Pow' || b.kind === 'Mul' || isNum(b)) return null;
  const coeff = numMul(m.coeff, e);
  const newExp = numAdd(e, NEG_ONE);
  let bases = m.bases;
  let exps = m.exps;
  if (newExp === ZERO) {
    bases = bases.filter((_, j) => j !== i);
    exps = exps.filter((_, j) => j !== i);
  } else {
    exps = exps.slice();
    (exps as Expr[])[i] = newExp;
  }
  if (bases.length === 0) return coeff;
  if (bases.length === 1) {
    // A lone factor: let the constructors decide (c·(u+v) distributes, 1·u^k is a Pow).
    return mul(coeff, pow(bases[0]!, exps[0]!));
  }
  return makeMul(coeff, bases, exps);
}

/** d(node)/dx given the derivatives of its children (as listed by `children`). */
function rule(node: Expr, d: Expr[], x: SymbolNode, trace: DiffStep[] | null): Expr {
  switch (node.kind) {
    case 'Integer':
    case 'Rational':
    case 'Float':
    case 'Constant':
      return ZERO;
    case 'Symbol':
      return node === x ? ONE : ZERO;
    default:
  }
  let allZero = true;
  for (let i = 0; i < d.length; i++)
    if (d[i] !== ZERO) {
      allZero = false;
      break;
    }
  if (allZero) return ZERO;
  let result: Expr;
  let name = '';
  let formula = '';
  switch (node.kind) {
    case 'Add': {
      const n = node.terms.length;
      const parts: Expr[] = [];
      for (let i = 0; i < n; i++) {
        const dt = d[1 + n + i]!;
        if (dt !== ZERO) parts.push(mul(node.coeffs[i]!, dt));
      }
      result = parts.length === 1 ? parts[0]! : addArray(parts);
      name = 'sum';
      formula = "(u + v)' = u' + v'";
      break;
    }
    case 'Mul': {
      const n = node.bases.length;
      const parts: Expr[] = [];
      let quotient = false;
      for (let i = 0; i < n; i++) {
        const b = node.bases[i]!;
        const e = node.exps[i]!;
        const db = d[1 + i]!;
        const de = d[1 + n + i]!;
        if (isNum(e) && e.kind !== 'Float' && e.value.num < 0n) quotient = true;
        // d(b^e)/(b^e) = e·b'/b + e'·log b
        if (de === ZERO) {
          // ∂(c·Π bⱼ^eⱼ) through factor i = c·eᵢ·bᵢ^(eᵢ-1)·Π_{j≠i} bⱼ^eⱼ · bᵢ' (fast: one exponent changes)
          const lowered = lowerExponent(node, i);
          parts.push(lowered ? mul(lowered, db) : mulArray([node, e, db, pow(b, NEG_ONE)]));
        }
        else {
          const dl = db === ZERO ? mul(de, fn('log', b)) : add(mul(de, fn('log', b)), mul(e, db, pow(b, NEG_ONE)));
          parts.push(mul(node, dl));
        }
      }
      result = parts.length === 1 ? parts[0]! : addArray(parts);
      if (trace) {
        // Mul stores its factors as (base, exponent) pairs: trace each varying factor's own rule.
        for (let i = n - 1; i >= 0; i--) {
          const db = d[1 + i]!;
          const de = d[1 + n + i]!;
          if (db === ZERO && de === ZERO) continue;
          const b = node.bases[i]!;
          const e = node.exps[i]!;
          if (e === ONE) continue; // the base is a node of its own and traced already
          const f = pow(b, e);
          const df = de === ZERO ? mul(e, pow(b, add(e, NEG_ONE)), db) : mul(f, add(mul(de, fn('log', b)), mul(e, db, pow(b, NEG_ONE))));
          const [rname, rformula] =
            de === ZERO ? ['power', "(u^n)' = n·u^(n-1)·u'"] : db === ZERO ? ['exponential', "(a^u)' = a^u·log(a)·u'"] : ['general power', "(u^v)' = u^v·(v'·log(u) + v·u'/u)"];
          trace.push({ rule: rname + (db !== ZERO && db !== ONE && de === ZERO ? ' + chain' : de !== ZERO && de !== ONE && db === ZERO ? ' + chain' : ''), formula: rformula, expr: f, result: df });
        }
      }
      const nonConst = node.bases.filter((_, i) => d[1 + i] !== ZERO || d[1 + n + i] !== ZERO).length;
      if (nonConst <= 1 && node.coeff !== ONE) {
        name = 'constant multiple';
        formula = "(c·u)' = c·u'";
      } else if (quotient) {
        name = 'quotient';
        formula = "(u/v)' = (u'·v - u·v')/v²";
      } else {
        name = 'product';
        formula = "(u·v)' = u'·v + u·v'";
      }
      break;
    }
    case 'Pow': {
      const b = node.base;
      const e = node.exp;
      const db = d[0]!;
      const de = d[1]!;
      if (de === ZERO) {
        // (u^c)' = c·u^(c-1)·u'
        result = mul(e, pow(b, add(e, NEG_ONE)), db);
        name = 'power';
        formula = "(u^n)' = n·u^(n-1)·u'";
      } else if (db === ZERO) {
        // (c^u)' = c^u·log(c)·u'
        result = mul(node, fn('log', b), de);
        name = 'exponential';
        formula = "(a^u)' = a^u·log(a)·u'";
      } else {
        result = mul(node, add(mul(de, fn('log', b)), mul(e, db, pow(b, NEG_ONE))));
        name = 'general power';
        formula = "(u^v)' = u^v·(v'·log(u) + v·u'/u)";
      }
      if (trace && ((name === 'power' && db !== ONE) || (name === 'exponential' && de !== ONE))) name += ' + chain';
      break;
    }
    case 'Function': {
      const def = FUNCTIONS[node.name];
      if (!def || !def.derivative) {
        result = node.args.length === 1 && node.args[0] === x ? makeDerivative(node, [x]) : makeDerivative(node, [x]);
        name = 'unevaluated';
        formula = `d/dx ${node.name}(…) (no rule known)`;
        break;
      }
      const parts: Expr[] = [];
      for (let i = 0; i < node.args.length; i++) {
        if (d[i] === ZERO) continue;
        parts.push(mul(def.derivative(node.args, i), d[i]!));
      }
      result = parts.length === 1 ? parts[0]! : addArray(parts);
      name = node.name;
      formula = def.rule;
      if (trace && node.args.some((a, i) => d[i] !== ZERO && a !== x)) name += ' + chain';
      break;
    }
    case 'Derivative': {
      const vars = [...node.vars, x].sort(compareExpr) as SymbolNode[];
      result = makeDerivative(node.expr, vars);
      name = 'unevaluated';
      break;
    }
    case 'Integral': {
      const f = node.expr;
      const t = node.var;
      if (node.lower === null) {
        // d/dx ∫ f(x) dx = f(x); otherwise differentiate under the integral sign.
        result = t === x ? f : makeIntegral(d[0]!, t);
      } else {
        // Leibniz: d/dx ∫_a^b f dt = f(b)·b' - f(a)·a' + ∫_a^b ∂f/∂x dt
        const lo = node.lower;
        const hi = node.upper!;
        const inner = d[0] === ZERO || t === x ? ZERO : makeIntegral(d[0]!, t, lo, hi);
        result = add(mul(subs(f, new Map([[t, hi]])), d[3]!), mul(NEG_ONE, subs(f, new Map([[t, lo]])), d[2]!), inner);
      }
      name = 'integral';
      break;
    }
  }
  if (trace) trace.push({ rule: name, formula, expr: node, result: result! });
  return result!;
}

/**
 * The work budget of one derivative call: the nodes interned since `start` (a count of work, so
 * the same input is refused on every machine), checked every 256 rule applications.
 */
function budgeted(start: number, f: (node: Expr, d: Expr[]) => Expr, startWork = constructionWork()): (node: Expr, d: Expr[]) => Expr {
  let calls = 0;
  return (node, d) => {
    if ((++calls & 255) === 0) {
      const built = internedCount() - start;
      if (built > LIMITS.derivativeNodes) throw new LimitError(limitMessage('derivativeNodes', built, 'diff'));
    }
    // Construction work is checked at every rule: one rule on big products can cost millions.
    const work = constructionWork() - startWork;
    if (work > LIMITS.derivativeWork) throw new LimitError(limitMessage('derivativeWork', work, 'diff'));
    return f(node, d);
  };
}

function diffOnce(e: Expr, x: SymbolNode, trace: DiffStep[] | null, start = internedCount(), startWork = constructionWork()): Expr {
  const visit = budgeted(start, (node, d) => rule(node, d, x, trace), startWork);
  // Deep expressions release intermediate derivatives as soon as their parents are done.
  if (e.kind === 'Function' || e.kind === 'Pow') return postorderReleasing<Expr>(e, visit);
  return postorder<Expr>(e, visit);
}

/**
 * Differentiate `e` by each variable in turn (`diff(e, x, x)` or `diff(e, [x, 2])` for order 2).
 * With no variable, the expression's only free symbol. A last `{ steps: true }` argument returns
 * `{ result, steps }` with the rules applied, outermost first.
 * @example diff(parse('x^2*y'), x, y) // → 2*x
 */
export function diff(e: Expr, ...args: DiffSpec[]): Expr;
export function diff(e: SymMatrix, ...args: DiffSpec[]): SymMatrix;
export function diff(e: Expr, x: DiffSpec, options: DiffOptions & { steps: true }): DiffTrace;
export function diff(e: Expr | SymMatrix, ...args: Array<DiffSpec | DiffOptions>): Expr | DiffTrace | SymMatrix {
  // A matrix differentiates entry by entry (one memo for all entries), by the same variables.
  if (e instanceof SymMatrix) {
    if (args.some((a) => typeof a === 'object' && a !== null && !Array.isArray(a) && (a as Expr).kind === undefined))
      throw new ArgumentError('diff: steps are traced for one expression, not a matrix');
    const vars = args.length ? variableList(e.data[0] ?? ZERO, args as DiffSpec[]) : matrixVariable(e);
    let data: readonly Expr[] = e.data;
    const start = internedCount();
    const startWork = constructionWork();
    for (const x of vars) {
      const memo = new Map<Expr, Expr>();
      const visit = budgeted(start, (node, d) => rule(node, d, x, null), startWork);
      data = data.map((entry) => postorder<Expr>(entry, visit, memo));
    }
    return SymMatrix.of(e.rows, e.cols, data);
  }
  let expr = e;
  let opts: DiffOptions = {};
  const last = args[args.length - 1];
  if (last !== undefined && typeof last === 'object' && !Array.isArray(last) && (last as Expr).kind === undefined) {
    opts = last as DiffOptions;
    args = args.slice(0, -1);
  }
  const vars = variableList(expr, args as DiffSpec[]);
  if (opts.steps) {
    if (vars.length !== 1) throw new ArgumentError('diff: steps are traced for a single first derivative');
    const trace: DiffStep[] = [];
    const result = diffOnce(expr, vars[0]!, trace);
    const steps = trace.filter((s) => s.rule !== '').reverse();
    return { result, variable: vars[0]!, steps };
  }
  const start = internedCount();
  const startWork = constructionWork();
  for (const x of vars) expr = diffOnce(expr, x, null, start, startWork);
  return expr;
}

/** d e/dx by one variable: `diff(e, x)` without options or orders to read. @example diffBy(parse('x^3'), x) // → 3*x^2 */
export function diffBy(e: Expr, x: SymbolNode): Expr {
  return diffOnce(e, x, null);
}

/** The one variable of a matrix's entries, when no variable is given. */
function matrixVariable(m: SymMatrix): SymbolNode[] {
  const names = new Set<SymbolNode>();
  for (const entry of m.data) for (const s of freeSymbols(entry)) names.add(s);
  if (names.size > 1) throw new ArgumentError(`diff: say which variable — the matrix has ${[...names].map((s) => s.name).sort().join(', ')}`);
  return [names.size ? [...names][0]! : symbol('x')];
}

/**
 * d/dx for many expressions sharing one memo (shared subexpressions differentiate once). `settle`
 * may answer 0 for nodes known to be free of x, which are then not walked (see `zeroWhereFree`).
 * @example diffMany([sin(x), pow(sin(x), 2)], x) // → [cos(x), 2*sin(x)*cos(x)]
 */
export function diffMany(exprs: readonly Expr[], x: SymbolNode, settle?: (e: Expr) => Expr | undefined): Expr[] {
  const memo = new Map<Expr, Expr>();
  const visit = budgeted(internedCount(), (node, d) => rule(node, d, x, null));
  return exprs.map((e) => postorder<Expr>(e, visit, memo, settle));
}

/**
 * For derivatives of the same expressions by many variables (gradients, Jacobians, Hessians): one
 * walk marks which of `xs` occur under each node (a bit set per node), and `zeroWhereFree(xs)(x)`
 * is a `settle` for `diffMany` answering 0 at every node without x. Each variable's pass then
 * walks only the paths down to x, so a gradient by n weights costs n paths, not n whole walks. The
 * derivatives are the same nodes either way: a node free of x differentiates to 0 by the rules.
 * With fewer than three distinct variables the marking costs about what it saves: no `settle`.
 * @example zeroWhereFree([parse('x*y + z')], [x, y, z])(y)!(z) // → 0 (z is free of y: not walked)
 */
export function zeroWhereFree(exprs: readonly Expr[], xs: readonly SymbolNode[]): (x: SymbolNode) => ((e: Expr) => Expr | undefined) | undefined {
  const bit = new Map<Expr, number>();
  for (const x of xs) if (!bit.has(x)) bit.set(x, bit.size);
  // One or two variables: the marking walk costs about what it saves.
  if (bit.size < 3) return () => undefined;
  const words = Math.max(1, Math.ceil(bit.size / 32));
  const none = new Uint32Array(words);
  const masks = new Map<Expr, Uint32Array>();
  const visit = (e: Expr, kids: Uint32Array[]): Uint32Array => {
    if (e.kind === 'Symbol') {
      const b = bit.get(e);
      if (b === undefined) return none;
      const m = new Uint32Array(words);
      m[b >>> 5] = 1 << (b & 31);
      return m;
    }
    // The union of the children's sets, sharing a child's set when it is the only non-empty one.
    let out: Uint32Array = none;
    let own = false;
    for (const k of kids) {
      if (k === none || k === out) continue;
      if (out === none) out = k;
      else {
        if (!own) {
          out = out.slice();
          own = true;
        }
        for (let w = 0; w < words; w++) out[w]! |= k[w]!;
      }
    }
    return out;
  };
  for (const e of exprs) postorder(e, visit, masks);
  return (x) => {
    const b = bit.get(x);
    if (b === undefined) return () => ZERO;
    const w = b >>> 5;
    const m = 1 << (b & 31);
    return (e) => {
      const set = masks.get(e);
      return set !== undefined && (set[w]! & m) === 0 ? ZERO : undefined;
    };
  };
}

