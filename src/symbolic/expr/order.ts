/**
 * The storage order of expressions (by hash, ties broken structurally) and `children`, the
 * generic view of a node's parts. Re-exported from `expr.ts`.
 *
 * @example
 * import { compareExpr } from './order.js';
 * [y, x].sort(compareExpr) // → [y, x] (a fixed order that does not depend on creation order)
 */
import * as Qm from '../../core/rational.js';
import type { Expr, FloatNode, IntegerNode, Kind, SymbolNode } from './types.js';

// ---------------------------------------------------------------------------------------------
// Order and children

const KIND_RANK: Record<Kind, number> = {
  Integer: 0,
  Rational: 0,
  Float: 0,
  Constant: 1,
  Symbol: 2,
  Pow: 3,
  Mul: 4,
  Add: 5,
  Function: 6,
  Derivative: 7,
  Integral: 8,
};

/**
 * A total order on expressions used to sort Add terms and Mul bases: by hash, ties broken
 * structurally (so the order never depends on creation order). Not a "nice" print order.
 * @example [y, x].sort(compareExpr) // → [y, x] (the same order in every run)
 */
export function compareExpr(a: Expr, b: Expr): number {
  if (a === b) return 0;
  if (a.hash !== b.hash) return a.hash < b.hash ? -1 : 1;
  return structuralCompare(a, b);
}

/** Up to this many items `sortPaired` sorts in place by insertion (no index array, no closures). */
const INSERTION_SORT_MAX = 16;

/**
 * Sort `keys` by `compareExpr` and apply the same permutation to `vals` (a Mul's bases with their
 * exponents, an Add's terms with their coefficients). Small lists, the usual case, are sorted by
 * insertion in place; longer ones through an index sort.
 * @example
 * const ks = [x, y, z], vs = [1, 2, 3];
 * sortPaired(ks, vs);
 * vs.map((v, i) => ks[i] === [x, y, z][v - 1]) // → [true, true, true] (each value moved with its key)
 */
export function sortPaired<T>(keys: Expr[], vals: T[]): void {
  const n = keys.length;
  if (n <= INSERTION_SORT_MAX) {
    for (let i = 1; i < n; i++) {
      const k = keys[i]!;
      const v = vals[i]!;
      let j = i - 1;
      while (j >= 0 && compareExpr(keys[j]!, k) > 0) {
        keys[j + 1] = keys[j]!;
        vals[j + 1] = vals[j]!;
        j--;
      }
      keys[j + 1] = k;
      vals[j + 1] = v;
    }
    return;
  }
  const idx = keys.map((_, i) => i).sort((i, j) => compareExpr(keys[i]!, keys[j]!));
  const ks = idx.map((i) => keys[i]!);
  const vs = idx.map((i) => vals[i]!);
  for (let i = 0; i < n; i++) {
    keys[i] = ks[i]!;
    vals[i] = vs[i]!;
  }
}

function compareArrays(a: readonly Expr[], b: readonly Expr[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const c = compareExpr(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return 0;
}

/** Structural comparison for hash ties (rare). */
function structuralCompare(a: Expr, b: Expr): number {
  const ka = KIND_RANK[a.kind] * 16 + a.kind.length;
  const kb = KIND_RANK[b.kind] * 16 + b.kind.length;
  if (ka !== kb) return ka - kb;
  switch (a.kind) {
    case 'Integer':
    case 'Rational':
      return Qm.cmp(a.value, (b as IntegerNode).value);
    case 'Float':
      return a.value - (b as FloatNode).value;
    case 'Symbol':
    case 'Constant':
      return a.name < (b as SymbolNode).name ? -1 : 1;
    default: {
      const na = a.kind === 'Function' ? a.name : '';
      const nb = b.kind === 'Function' ? b.name : '';
      if (na !== nb) return na < nb ? -1 : 1;
      return compareArrays(children(a), children(b));
    }
  }
}

/**
 * The sub-expressions a node is built from, in a fixed order: Add → [coeff, ...coeffs, ...terms];
 * Mul → [coeff, ...bases, ...exps]; Pow → [base, exp]; Function → args; Derivative → [expr, ...vars];
 * Integral → [expr, var, lower?, upper?]. Atoms → []. `rebuild` in traverse.ts inverts it.
 * @example children(pow(x, 2)) // → [x, 2]
 */
export function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'Add':
      return [e.coeff, ...e.coeffs, ...e.terms];
    case 'Mul':
      return [e.coeff, ...e.bases, ...e.exps];
    case 'Pow':
      return [e.base, e.exp];
    case 'Function':
      return e.args;
    case 'Derivative':
      return [e.expr, ...e.vars];
    case 'Integral':
      return e.lower === null ? [e.expr, e.var] : [e.expr, e.var, e.lower, e.upper!];
    default:
      return [];
  }
}

/** True for numbers, symbols and constants (nodes without children). @example isAtom(symbol('x')) // → true */
export function isAtom(e: Expr): boolean {
  return (
    e.kind === 'Integer' ||
    e.kind === 'Rational' ||
    e.kind === 'Float' ||
    e.kind === 'Symbol' ||
    e.kind === 'Constant'
  );
}
