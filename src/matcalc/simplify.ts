/**
 * Textbook simplification, on top of the canonical forms the constructors keep:
 *   - common chain ends come out of sums: Aᵀu + Aᵀv → Aᵀ(u + v), Ax + Aᵀx → (A + Aᵀ)x;
 *   - an elementwise sum is expanded when that makes it smaller (−y⊙(1−σ) + (1−y)⊙σ → σ − y);
 *   - a dot product with a Hadamard product is written as a sum when that cancels
 *     (sᵀ(y ⊘ s) → sum(y));
 *   - exponential forms fold back into σ and softplus (exp(u) ⊘ (exp(u) + 1) → σ(u)).
 * Each rewrite is kept only when it makes the expression smaller, so nothing loops.
 */
import { ONE, expand, foldSigmoid, isNum, mul as smul, numValue, pow as spow, type Expr } from '../symbolic/index.js';
import { add, divideTerms, hadamard, lift, linearParts, lower, matmul, mul, sum, transpose } from './build.js';
import { isColumn, isRow, mchildren, type MExpr } from './node.js';
import { mapMExpr } from './rebuild.js';

/** Symbolic nodes in a scalar expression (a tree count). */
function exprSize(root: Expr): number {
  let n = 0;
  const stack: Expr[] = [root];
  while (stack.length) {
    const x = stack.pop()!;
    n++;
    if (x.kind === 'Add') stack.push(...x.terms);
    else if (x.kind === 'Mul') stack.push(...x.bases, ...x.exps);
    else if (x.kind === 'Pow') stack.push(x.base, x.exp);
    else if (x.kind === 'Function') stack.push(...x.args);
  }
  return n;
}

const sizes = new WeakMap<MExpr, number>();

/** A size measure of a matrix expression (tree count of nodes, ew expressions included); cached, nodes are immutable. */
export function size(e: MExpr): number {
  const hit = sizes.get(e);
  if (hit !== undefined) return hit;
  let n = e.kind === 'ew' ? exprSize(e.expr) : 1;
  for (const k of mchildren(e)) n += size(k);
  sizes.set(e, n);
  return n;
}

/** Whether expanding could change x: a product or power with a sum inside. */
function expandable(root: Expr): boolean {
  const stack: Expr[] = [root];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.kind === 'Mul' && x.bases.some((b) => b.kind === 'Add')) return true;
    if (x.kind === 'Pow' && x.base.kind === 'Add' && isNum(x.exp)) return true;
    if (x.kind === 'Add') stack.push(...x.terms);
    else if (x.kind === 'Mul') stack.push(...x.bases);
  }
  return false;
}

type Part = [Expr, MExpr | null];

/** Factors b^e (any, not only scalars) present in every term of a sum. */
function commonFactors(x: Expr): Expr[] {
  if (x.kind !== 'Add' || !isNumZero(x.coeff)) return [];
  const factorsOf = (t: Expr): Expr[] => (t.kind === 'Mul' ? t.bases.map((b, i) => spow(b, t.exps[i]!)) : [t]);
  const terms = x.terms;
  let common = factorsOf(terms[0]!);
  for (const t of terms.slice(1)) {
    const fs = new Set(factorsOf(t));
    common = common.filter((c) => fs.has(c));
    if (!common.length) break;
  }
  return common;
}

const isNumZero = (n: Expr): boolean => isNum(n) && numValue(n) === 0;

/** Group terms Σ sᵢ·F·Rᵢ sharing the first (side 'left') or last factor F into F·(Σ sᵢRᵢ). */
function factorSide(parts: Part[], side: 'left' | 'right'): Part[] | null {
  const groups = new Map<MExpr, number[]>();
  parts.forEach(([, a], i) => {
    if (!a || a.kind !== 'matmul') return;
    const f = side === 'left' ? a.factors[0]! : a.factors[a.factors.length - 1]!;
    groups.set(f, [...(groups.get(f) ?? []), i]);
  });
  let best: [MExpr, number[]] | null = null;
  for (const [f, idx] of groups) if (idx.length >= 2 && (!best || idx.length > best[1].length)) best = [f, idx];
  if (!best) return null;
  const [F, idx] = best;
  const rest = idx.map((i) => {
    const [s, a] = parts[i]! as [Expr, MExpr & { kind: 'matmul' }];
    const r = side === 'left' ? a.factors.slice(1) : a.factors.slice(0, -1);
    return mul(lower(s, { rows: 1, cols: 1 }), r.length === 1 ? r[0]! : matmul(...r));
  });
  const inner = simplifyNode(add(...rest));
  const grouped = side === 'left' ? matmul(F, inner) : matmul(inner, F);
  const out: Part[] = parts.filter((_, i) => !idx.includes(i));
  out.push([ONE, grouped]);
  return out;
}

function fromParts(parts: Part[], like: MExpr): MExpr {
  return add(...parts.map(([s, a]) => (a ? mul(lower(s, { rows: 1, cols: 1 }), a) : mul(lower(s, { rows: 1, cols: 1 }), lower(ONE, like.shape)))));
}

/**
 * Work budget of one `simplify` call, in node rewrites tried. Distributing products over sums and
 * factoring sums re-simplify what they build, which grows exponentially with nesting (softmax of
 * softmax of softmax …); past the budget a node is kept as it is, so the result is still correct,
 * only less tidy, and the same on every machine.
 */
export const SIMPLIFY_BUDGET = 1500;
let budgetLeft = SIMPLIFY_BUDGET;

function simplifyNode(e: MExpr, depth = 0): MExpr {
  if (--budgetLeft < 0) return e;
  let cur = e;
  if (cur.kind === 'ew') {
    let parts = linearParts(cur);
    if (parts && parts.length >= 2) {
      for (const side of ['left', 'right'] as const) {
        for (let k = 0; k < 8 && parts; k++) {
          const next = factorSide(parts, side);
          if (!next) break;
          parts = next;
        }
      }
      if (parts) {
        const cand = fromParts(parts, cur);
        if (size(cand) < size(cur)) cur = cand;
      }
    }
    if (cur.kind === 'ew' && depth < 3) {
      // A factor common to every term comes out of the sum: g ⊙ a − g ⊙ b → g ⊙ (a − b).
      const common = commonFactors(cur.expr);
      if (common.length) {
        const g = smul(...common);
        const quotient = divideTerms(cur.expr, g);
        const inner = simplifyNode(lower(quotient, cur.shape), depth + 1);
        const cand = lower(smul(g, lift(inner)), cur.shape);
        if (size(cand) < size(cur)) cur = cand;
      }
    }
    if (cur.kind === 'ew' && expandable(cur.expr)) {
      const ex = expand(cur.expr);
      // Only a clear gain: σ ⊙ (1 − σ) stays, −y ⊙ (1 − σ) + (1 − y) ⊙ σ becomes σ − y.
      if (ex !== cur.expr && exprSize(ex) + 2 <= exprSize(cur.expr)) cur = lower(ex, cur.shape);
    }
    if (cur.kind === 'ew') {
      // The logistic forms back to σ and softplus: exp(Xw) ⊘ (exp(Xw) + 1) → σ(Xw).
      const folded = foldSigmoid(cur.expr);
      if (folded !== cur.expr && exprSize(folded) < exprSize(cur.expr)) cur = lower(folded, cur.shape);
    }
  }
  if (cur.kind === 'matmul' && depth < 3) {
    // Distribute over a sum factor when that cancels: (diag(s) − s sᵀ)(y ⊘ s) → y − s·sum(y).
    const f = cur.factors;
    for (let i = 0; i < f.length; i++) {
      const parts = linearParts(f[i]!);
      if (!parts || parts.length < 2 || parts.some(([, a]) => !a)) continue;
      const spread = add(...parts.map(([s, a]) => mul(lower(s, { rows: 1, cols: 1 }), matmul(...f.slice(0, i), a!, ...f.slice(i + 1)))));
      const cand = mapMExpr(spread, (_o, r) => simplifyNode(r, depth + 1));
      if (size(cand) < size(cur)) return cand;
    }
  }
  if (cur.kind === 'matmul') {
    // aᵀb with a Hadamard side is sum(a ⊙ b) when that cancels: sᵀ(y ⊘ s) → sum(y).
    const f = cur.factors;
    for (let i = 0; i + 1 < f.length; i++) {
      const a = f[i]!;
      const b = f[i + 1]!;
      if (isRow(a.shape) && isColumn(b.shape) && (a.kind === 'ew' || b.kind === 'ew')) {
        const dot = sum(hadamard(transpose(a), b));
        const cand = matmul(...f.slice(0, i), dot, ...f.slice(i + 2));
        if (size(cand) < size(cur)) {
          cur = cand;
          break;
        }
      }
    }
  }
  return cur;
}

/**
 * Simplify toward the forms a textbook prints.
 * @example simplify(add(matmul(A, x), matmul(transpose(A), x))) // → (A + A')*x
 */
export function simplify(e: MExpr): MExpr {
  budgetLeft = SIMPLIFY_BUDGET;
  return mapMExpr(e, (_o, r) => simplifyNode(r));
}

function normalNode(e: MExpr, depth: number): MExpr {
  if (e.kind === 'ew' && expandable(e.expr)) {
    const ex = expand(e.expr);
    return ex === e.expr ? e : lower(ex, e.shape);
  }
  if (e.kind === 'matmul' && depth < 6) {
    const f = e.factors;
    for (let i = 0; i < f.length; i++) {
      const parts = linearParts(f[i]!);
      if (!parts || parts.length < 2) continue;
      const spread = add(...parts.map(([s, a]) => mul(lower(s, { rows: 1, cols: 1 }), a ? matmul(...f.slice(0, i), a, ...f.slice(i + 1)) : matmul(...f.slice(0, i), lower(ONE, f[i]!.shape), ...f.slice(i + 1)))));
      return mapMExpr(spread, (_o, r) => normalNode(r, depth + 1));
    }
  }
  return e;
}

/**
 * A fully expanded form (products distributed over sums, elementwise algebra expanded) for
 * deciding equality: two expressions with the same normal form are equal.
 * @example normalForm(matmul(A, add(B, C))) === normalForm(add(matmul(A, B), matmul(A, C))) // → true
 */
export function normalForm(e: MExpr): MExpr {
  return mapMExpr(e, (_o, r) => normalNode(r, 0));
}

/**
 * Whether two expressions are the same by their normal forms (a sound test: `true` means equal;
 * `false` may miss identities the rewriting does not know).
 * @example sameExpression(matmul(A, add(B, C)), add(matmul(A, B), matmul(A, C))) // → true
 */
export function sameExpression(a: MExpr, b: MExpr): boolean {
  return a === b || normalForm(a) === normalForm(b);
}
