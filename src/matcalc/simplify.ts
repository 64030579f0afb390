/**
 * Textbook simplification, on top of the canonical forms the constructors keep:
 *   - common chain ends come out of sums: Aᵀu + Aᵀv → Aᵀ(u + v), Ax + Aᵀx → (A + Aᵀ)x;
 *   - an elementwise sum is expanded when that makes it smaller (−y⊙(1−σ) + (1−y)⊙σ → σ − y);
 *   - a dot product with a Hadamard product is written as a sum when that cancels
 *     (sᵀ(y ⊘ s) → sum(y)).
 * Each rewrite is kept only when it makes the expression smaller, so nothing loops.
 */
import { ONE, expand, type Expr } from '../symbolic/index.js';
import { add, hadamard, linearParts, lower, matmul, mul, sum, transpose } from './build.js';
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

/** A size measure of a matrix expression (tree count of nodes, ew expressions included). */
export function size(e: MExpr, memo: Map<MExpr, number> = new Map()): number {
  const hit = memo.get(e);
  if (hit !== undefined) return hit;
  let n = e.kind === 'ew' ? exprSize(e.expr) : 1;
  for (const k of mchildren(e)) n += size(k, memo);
  memo.set(e, n);
  return n;
}

type Part = [Expr, MExpr | null];

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

function simplifyNode(e: MExpr, depth = 0): MExpr {
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
    if (cur.kind === 'ew') {
      const ex = expand(cur.expr);
      // Only a clear gain: σ ⊙ (1 − σ) stays, −y ⊙ (1 − σ) + (1 − y) ⊙ σ becomes σ − y.
      if (ex !== cur.expr && exprSize(ex) + 2 <= exprSize(cur.expr)) cur = lower(ex, cur.shape);
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
 * @example simplify(add(matmul(A, x), matmul(transpose(A), x))) // (A + A')*x
 */
export function simplify(e: MExpr): MExpr {
  return mapMExpr(e, (_o, r) => simplifyNode(r));
}
