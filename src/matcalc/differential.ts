/**
 * Differentials: d f as a list of terms, each linear in dX with dX occurring once. One rule a
 * kind (memoized on the DAG, so shared subexpressions are differentiated once):
 *   d(AB) = dA·B + A·dB          d(Aᵀ) = (dA)ᵀ            d(A⁻¹) = −A⁻¹ dA A⁻¹
 *   d det A = det A · tr(A⁻¹ dA)   d tr A = tr dA            d sum A = sum dA
 *   d‖A‖ = tr(Aᵀ dA)/‖A‖          d softmax z = (diag s − s sᵀ) dz      d lse z = softmax(z)ᵀ dz
 *   d f(A₁, …) (elementwise) = Σᵢ ∂f/∂aᵢ ⊙ dAᵢ, the partials from the symbolic engine.
 * Derivatives of kinks (relu, abs, sign) hold almost everywhere: δ terms are dropped.
 */
import { ArgumentError } from '../core/errors.js';
import { ZERO, diff as sdiff, mapExpr, mul as smul, type Expr } from '../symbolic/index.js';
import { diag, inv, lift, lower, matmul, mul, hdiv, neg, softmax, sub, trace, sum, transpose } from './build.js';
import { atomSymbol, contains, ewAtoms, isColumn, isScalarShape, makeDSym, topoOrder, type MExpr, type SymNode } from './node.js';

/** ⟨A, B⟩ = tr(AᵀB), written the way a textbook would for vectors and scalars. */
export function inner(a: MExpr, b: MExpr): MExpr {
  if (isScalarShape(a.shape)) return mul(a, b);
  if (isColumn(a.shape)) return matmul(transpose(a), b);
  if (a.shape.rows === 1) return matmul(a, transpose(b));
  return trace(matmul(transpose(a), b));
}

/** An elementwise partial derivative, δ terms dropped (derivatives of kinks hold a.e.). */
export function ewPartial(expr: Expr, a: MExpr): Expr {
  const g = sdiff(expr, atomSymbol(a));
  return mapExpr(g, (_o, r) => (r.kind === 'Function' && r.name === 'dirac' ? ZERO : r));
}

/** The terms of d f with respect to the variable x (each contains dX exactly once). */
export function differential(f: MExpr, x: SymNode): MExpr[] {
  const dx = makeDSym(x);
  const dep = new Map<MExpr, boolean>();
  const memo = new Map<MExpr, MExpr[]>();
  const order = topoOrder(f);
  for (const n of order) memo.set(n, contains(n, x, dep) ? rule(n, x, dx, memo) : []);
  return memo.get(f)!;
}

function rule(e: MExpr, x: SymNode, dx: MExpr, memo: Map<MExpr, MExpr[]>): MExpr[] {
  const d = (a: MExpr): MExpr[] => memo.get(a) ?? [];
  switch (e.kind) {
    case 'sym':
      return e === x ? [dx] : [];
    case 'dsym':
    case 'identity':
      return [];
    case 'transpose':
      return d(e.arg).map(transpose);
    case 'matmul': {
      const out: MExpr[] = [];
      e.factors.forEach((fi, i) => {
        for (const t of d(fi)) out.push(matmul(...e.factors.slice(0, i), t, ...e.factors.slice(i + 1)));
      });
      return out;
    }
    case 'inv':
      // d(A⁻¹) = −A⁻¹ dA A⁻¹
      return d(e.arg).map((t) => neg(matmul(e, t, e)));
    case 'det':
      // d det A = det A · tr(A⁻¹ dA)
      return d(e.arg).map((t) => mul(e, trace(matmul(inv(e.arg), t))));
    case 'trace':
      return d(e.arg).map(trace);
    case 'sum':
      return d(e.arg).map(sum);
    case 'diag':
      return d(e.arg).map(diag);
    case 'norm':
      // d‖A‖ = ⟨A, dA⟩ / ‖A‖
      return d(e.arg).map((t) => hdiv(inner(e.arg, t), e));
    case 'softmax':
      // d s = (diag(s) − s sᵀ) dz
      return d(e.arg).map((t) => matmul(sub(diag(e), matmul(e, transpose(e))), t));
    case 'lse':
      // d lse(z) = softmax(z)ᵀ dz
      return d(e.arg).map((t) => matmul(transpose(softmax(e.arg)), t));
    case 'ew': {
      const out: MExpr[] = [];
      for (const a of ewAtoms(e)) {
        const ts = d(a);
        if (ts.length === 0) continue;
        const g = ewPartial(e.expr, a);
        if (g === ZERO) continue;
        for (const t of ts) out.push(lower(smul(g, lift(t)), e.shape));
      }
      return out;
    }
    default:
      throw new ArgumentError(`differential: unknown node kind ${(e as MExpr).kind}`);
  }
}
