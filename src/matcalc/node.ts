/**
 * Matrix expressions: immutable, interned nodes with a shape. Building the same expression twice
 * returns the same object, so equality is `===` and memoized walks share work on the DAG.
 *
 * Kinds (every node has `shape = {rows, cols}`; a vector is `n×1`, a scalar `1×1`):
 *   sym        a variable leaf (`X`, `w`, `lambda`), optionally symmetric
 *   dsym       the differential `dX` of a variable (only inside derivative work)
 *   identity   `I_n`
 *   ew         elementwise and scalar algebra: a symbolic scalar expression whose symbols stand
 *              for whole matrices ("atoms"), applied entry by entry. Sums, scalar multiples,
 *              Hadamard products and quotients, elementwise powers and functions all live here,
 *              so the symbolic engine's canonical Add/Mul/Pow does the collecting. Scalar atoms
 *              and numbers broadcast (`1 - y` is `ones(n) - y`).
 *   matmul     a matrix product chain of ≥ 2 factors (1×1 factors are pulled out as scalars)
 *   transpose, inv, det, trace, diag, sum, norm, softmax, lse   one-argument nodes
 *
 * Atoms are referred to from `ew` expressions by placeholder symbols named from the atom's
 * structural hash (`atomSymbol`), so names, and hence canonical orders, are stable across runs.
 */
import { ShapeError, describeValue } from '../core/errors.js';
import { symbol, hashString, mix, type Expr, type SymbolNode } from '../symbolic/index.js';

/** A dimension: a number or a name (`'n'`). A named dimension equals only itself. */
export type Dim = number | string;

/** rows × cols; vectors are columns (`n×1`), scalars are `1×1`. */
export interface Shape {
  readonly rows: Dim;
  readonly cols: Dim;
}

export type UnaryKind = 'transpose' | 'inv' | 'det' | 'trace' | 'diag' | 'sum' | 'norm' | 'softmax' | 'lse';
export type MKind = 'sym' | 'dsym' | 'identity' | 'ew' | 'matmul' | UnaryKind;

interface Base {
  /** Creation counter, unique per node. */
  readonly id: number;
  /** Structural hash, stable across runs. */
  readonly hash: number;
  readonly shape: Shape;
}
/** A variable. @example matrixSymbol('X', 'n', 'm').name === 'X' // → true */
export interface SymNode extends Base {
  readonly kind: 'sym';
  readonly name: string;
  readonly symmetric: boolean;
}
/** The differential of a variable. */
export interface DSymNode extends Base {
  readonly kind: 'dsym';
  readonly of: SymNode;
}
export interface IdentityNode extends Base {
  readonly kind: 'identity';
}
/** Elementwise/scalar algebra over atoms (see the file header). */
export interface EwNode extends Base {
  readonly kind: 'ew';
  readonly expr: Expr;
}
export interface MatmulNode extends Base {
  readonly kind: 'matmul';
  readonly factors: readonly MExpr[];
}
export interface UnaryNode extends Base {
  readonly kind: UnaryKind;
  readonly arg: MExpr;
}
/** Any matrix expression. */
export type MExpr = SymNode | DSymNode | IdentityNode | EwNode | MatmulNode | UnaryNode;

// ---------------------------------------------------------------- shapes

export const SCALAR: Shape = Object.freeze({ rows: 1, cols: 1 });

/** `shape(r, c)`, checking each dimension is a positive integer or a name. */
export function shapeOf(rows: Dim, cols: Dim): Shape {
  return { rows: checkDim(rows), cols: checkDim(cols) };
}

const DIM_NAME = /^[A-Za-z_\u0370-\u03ff][A-Za-z0-9_\u0370-\u03ff]*$/;

export function checkDim(d: Dim): Dim {
  if (typeof d === 'number') {
    if (!Number.isInteger(d) || d < 1) throw new ShapeError(`a dimension must be a positive integer or a name, got ${describeValue(d)}`);
    return d;
  }
  if (typeof d === 'string' && /^\d+$/.test(d)) return checkDim(Number(d));
  if (typeof d !== 'string' || !DIM_NAME.test(d)) throw new ShapeError(`a dimension must be a positive integer or a name, got ${describeValue(d)}`);
  return d;
}

export const isScalarShape = (s: Shape): boolean => s.rows === 1 && s.cols === 1;
export const isColumn = (s: Shape): boolean => s.cols === 1 && s.rows !== 1;
export const isRow = (s: Shape): boolean => s.rows === 1 && s.cols !== 1;
export const isSquare = (s: Shape): boolean => s.rows === s.cols;
export const sameShape = (a: Shape, b: Shape): boolean => a.rows === b.rows && a.cols === b.cols;
export const transposeShape = (s: Shape): Shape => (s.rows === s.cols ? s : { rows: s.cols, cols: s.rows });

/** `n×m`, `n` for a column vector, `1×n` for a row, `scalar`. @example fmtShape({rows: 'n', cols: 1}) // → 'n×1 (vector)' */
export function fmtShape(s: Shape): string {
  if (isScalarShape(s)) return '1×1 (scalar)';
  if (isColumn(s)) return `${s.rows}×1 (vector)`;
  if (isRow(s)) return `1×${s.cols} (row vector)`;
  return `${s.rows}×${s.cols}`;
}

// ---------------------------------------------------------------- interning

let nextId = 0;
const table = new Map<string, MExpr>();

function dimHash(d: Dim): number {
  return typeof d === 'number' ? mix(7, d) : hashString(d);
}
function shapeHash(h: number, s: Shape): number {
  return mix(mix(h, dimHash(s.rows)), dimHash(s.cols));
}
const dimKey = (d: Dim): string => (typeof d === 'number' ? String(d) : `'${d}`);
const shapeKey = (s: Shape): string => `${dimKey(s.rows)},${dimKey(s.cols)}`;

function intern<T extends MExpr>(key: string, make: (id: number) => T): T {
  const hit = table.get(key);
  if (hit) return hit as T;
  const node = make(nextId++);
  table.set(key, node);
  return node;
}

/** The variable leaf (no checks; see `matrixSymbol` and friends for the public constructors). */
export function makeSym(name: string, shape: Shape, symmetric: boolean): SymNode {
  const h = shapeHash(mix(hashString('sym'), hashString(name) + (symmetric ? 1 : 0)), shape);
  return intern(`sym|${name}|${shapeKey(shape)}|${symmetric}`, (id) => ({ kind: 'sym', id, hash: h, shape, name, symmetric }));
}

export function makeDSym(of: SymNode): DSymNode {
  return intern(`dsym|${of.id}`, (id) => ({ kind: 'dsym', id, hash: mix(hashString('dsym'), of.hash), shape: of.shape, of }));
}

export function makeIdentity(n: Dim): IdentityNode {
  const shape: Shape = { rows: n, cols: n };
  return intern(`identity|${dimKey(n)}`, (id) => ({ kind: 'identity', id, hash: shapeHash(hashString('identity'), shape), shape }));
}

export function makeEw(expr: Expr, shape: Shape): EwNode {
  return intern(`ew|${expr.id}|${shapeKey(shape)}`, (id) => ({ kind: 'ew', id, hash: shapeHash(mix(hashString('ew'), expr.hash), shape), shape, expr }));
}

export function makeMatmul(factors: readonly MExpr[], shape: Shape): MatmulNode {
  let h = hashString('matmul');
  for (const f of factors) h = mix(h, f.hash);
  return intern(`matmul|${factors.map((f) => f.id).join(',')}`, (id) => ({ kind: 'matmul', id, hash: h, shape, factors: [...factors] }));
}

export function makeUnary(kind: UnaryKind, arg: MExpr, shape: Shape): UnaryNode {
  return intern(`${kind}|${arg.id}`, (id) => ({ kind, id, hash: mix(hashString(kind), arg.hash), shape, arg }));
}

/** The children of a node, in order. */
export function mchildren(e: MExpr): readonly MExpr[] {
  switch (e.kind) {
    case 'sym':
    case 'identity':
    case 'dsym':
      return [];
    case 'ew':
      return ewAtoms(e);
    case 'matmul':
      return e.factors;
    default:
      return [e.arg];
  }
}

// ---------------------------------------------------------------- atoms inside ew expressions

const atomByName = new Map<string, MExpr>();
const nameByAtom = new Map<MExpr, SymbolNode>();
const dimByName = new Map<string, string>();

/** The placeholder symbol that stands for `atom` inside ew expressions. */
export function atomSymbol(atom: MExpr): SymbolNode {
  const known = nameByAtom.get(atom);
  if (known) return known;
  let name = `_m${(atom.hash >>> 0).toString(36)}`;
  while (atomByName.has(name)) name += 'x'; // a hash collision: deterministic for one build order
  atomByName.set(name, atom);
  const s = symbol(name);
  nameByAtom.set(atom, s);
  return s;
}

/** The atom a placeholder stands for, or a dimension name, or null for any other symbol. */
export function atomOf(s: SymbolNode): MExpr | null {
  return atomByName.get(s.name) ?? null;
}

/** The symbol standing for the size of a named dimension as a scalar value (`tr(I_n) = n`). */
export function dimSymbol(d: string): SymbolNode {
  const name = `_d_${d}`;
  dimByName.set(name, d);
  return symbol(name);
}

/** The dimension name of a `dimSymbol`, or null. */
export function dimOf(s: SymbolNode): string | null {
  return dimByName.get(s.name) ?? null;
}

const atomsMemo = new WeakMap<Expr, MExpr[]>();

/** The atoms an ew node refers to, in a stable order. */
export function ewAtoms(e: EwNode): MExpr[] {
  return atomsOfExpr(e.expr);
}

/** The atoms a scalar expression refers to (placeholders only), in a stable order. */
export function atomsOfExpr(root: Expr): MExpr[] {
  const hit = atomsMemo.get(root);
  if (hit) return hit;
  const out: MExpr[] = [];
  const seen = new Set<Expr>();
  const stack: Expr[] = [root];
  while (stack.length) {
    const x = stack.pop()!;
    if (seen.has(x)) continue;
    seen.add(x);
    switch (x.kind) {
      case 'Symbol': {
        const a = atomOf(x);
        if (a) out.push(a);
        break;
      }
      case 'Add':
        stack.push(...x.terms);
        break;
      case 'Mul':
        stack.push(...x.bases, ...x.exps);
        break;
      case 'Pow':
        stack.push(x.base, x.exp);
        break;
      case 'Function':
        stack.push(...x.args);
        break;
      default:
        break;
    }
  }
  out.sort((a, b) => a.hash - b.hash || a.id - b.id);
  atomsMemo.set(root, out);
  return out;
}

/** True when every atom of the expression is a scalar (so it broadcasts). */
export function isScalarExpr(x: Expr): boolean {
  return atomsOfExpr(x).every((a) => isScalarShape(a.shape));
}

/** Whether `e` contains `target` (memoized per call through `memo`). */
export function contains(e: MExpr, target: MExpr, memo: Map<MExpr, boolean> = new Map()): boolean {
  // Iterative postorder so deep input cannot overflow the stack.
  const stack: Array<[MExpr, boolean]> = [[e, false]];
  while (stack.length) {
    const [n, done] = stack.pop()!;
    if (memo.has(n)) continue;
    if (n === target) {
      memo.set(n, true);
      continue;
    }
    const kids = mchildren(n);
    if (done) {
      memo.set(n, kids.some((k) => memo.get(k)));
      continue;
    }
    stack.push([n, true]);
    for (const k of kids) if (!memo.has(k)) stack.push([k, false]);
  }
  return memo.get(e)!;
}

/** Nodes of the DAG, children first. */
export function topoOrder(root: MExpr): MExpr[] {
  const order: MExpr[] = [];
  const seen = new Set<MExpr>();
  const stack: Array<[MExpr, boolean]> = [[root, false]];
  while (stack.length) {
    const [n, done] = stack.pop()!;
    if (done) {
      order.push(n);
      continue;
    }
    if (seen.has(n)) continue;
    seen.add(n);
    stack.push([n, true]);
    for (const k of mchildren(n)) if (!seen.has(k)) stack.push([k, false]);
  }
  return order;
}
