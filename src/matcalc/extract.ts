/**
 * Reading derivatives off differentials.
 *
 * Gradient (scalar f): each term is ⟨C, E⟩ with C = 1, E = the term; peel E down to dX moving
 * everything into the cotangent C by the adjoint rules
 *   ⟨C, A E B⟩ = ⟨AᵀCBᵀ, E⟩   ⟨C, Eᵀ⟩ = ⟨Cᵀ, E⟩   ⟨C, G ⊙ E⟩ = ⟨C ⊙ G, E⟩   ⟨c, tr E⟩ = ⟨cI, E⟩
 *   ⟨c, sum E⟩ = ⟨c·1, E⟩     ⟨C, diag E⟩ = ⟨diag C, E⟩   ⟨C, G·s⟩ = ⟨⟨C, G⟩, s⟩ (s scalar)
 * until E = dX; then C is the gradient (shaped like X).
 *
 * Jacobian (vector f, vector x): each term is L·E with L = I; peel E to dx by
 *   A·E → L A    g ⊙ E → L diag(g)    diag(E)·b → L diag(b)    L·(scalar s) → L (∇s)ᵀ
 */
import { LimitError } from '../core/errors.js';
import { isScalarExpr, type MExpr, type SymNode, isColumn, isScalarShape, sameShape, makeDSym, contains } from './node.js';
import { diag, hadamard, identity, lower, matmul, mul, ones, transpose } from './build.js';
import { ewPartial, inner } from './differential.js';
import { ewAtoms } from './node.js';

function notMatrixForm(what: string): never {
  throw new LimitError(`this derivative has no closed matrix form here (${what}); it would need a higher-order tensor`);
}

function dxFactor(factors: readonly MExpr[], dx: MExpr, memo: Map<MExpr, boolean>): number {
  const i = factors.findIndex((f) => contains(f, dx, memo));
  if (i < 0) notMatrixForm('a term lost its differential');
  return i;
}

function dxAtom(e: MExpr & { kind: 'ew' }, dx: MExpr, memo: Map<MExpr, boolean>): MExpr {
  const hits = ewAtoms(e).filter((a) => contains(a, dx, memo));
  if (hits.length !== 1) notMatrixForm('a term is not linear in the differential');
  return hits[0]!;
}

/** The cotangent of one scalar term linear in dX: the G with term = ⟨G, dX⟩. */
export function cotangent(term: MExpr, x: SymNode): MExpr {
  const dx = makeDSym(x);
  const memo = new Map<MExpr, boolean>();
  let C: MExpr = ones(1);
  let E = term;
  for (let guard = 0; guard < 10_000; guard++) {
    if (E === dx) return C;
    switch (E.kind) {
      case 'transpose':
        C = transpose(C);
        E = E.arg;
        break;
      case 'matmul': {
        const f = E.factors;
        const i = dxFactor(f, dx, memo);
        const left = f.slice(0, i);
        const right = f.slice(i + 1);
        C = matmul(...(left.length ? [transpose(matmul(...left))] : []), C, ...(right.length ? [transpose(matmul(...right))] : []));
        E = f[i]!;
        break;
      }
      case 'ew': {
        const a = dxAtom(E, dx, memo);
        const G = lower(ewPartial(E.expr, a), E.shape);
        C = sameShape(a.shape, E.shape) ? hadamard(C, G) : inner(C, G);
        E = a;
        break;
      }
      case 'trace':
        C = mul(C, identity(E.arg.shape.rows));
        E = E.arg;
        break;
      case 'sum':
        C = mul(C, ones(E.arg.shape.rows, E.arg.shape.cols));
        E = E.arg;
        break;
      case 'diag':
        C = diag(C);
        E = E.arg;
        break;
      default:
        notMatrixForm(`d${x.name} inside ${E.kind}`);
    }
  }
  throw new LimitError('cotangent: expression too deep');
}

/** J with term = J·dx, for a vector- or scalar-valued term linear in the vector dx. */
export function jacobianTerm(term: MExpr, x: SymNode): MExpr {
  const dx = makeDSym(x);
  const memo = new Map<MExpr, boolean>();
  let L: MExpr | null = null;
  let E = term;
  const left = (m: MExpr): MExpr => (L ? matmul(L, m) : m);
  for (let guard = 0; guard < 10_000; guard++) {
    if (E === dx) return L ?? identity(x.shape.rows);
    if (isScalarShape(E.shape)) return left(transpose(cotangent(E, x)));
    switch (E.kind) {
      case 'matmul': {
        const f = E.factors;
        const i = dxFactor(f, dx, memo);
        const A = f.slice(0, i);
        const B = f.slice(i + 1);
        const Fi = f[i]!;
        if (B.length === 0) {
          if (A.length) L = left(matmul(...A));
          E = Fi;
        } else {
          const b = matmul(...B);
          if (Fi.kind === 'diag' && isColumn(Fi.arg.shape) && isColumn(b.shape)) {
            // diag(t)·b = diag(b)·t
            L = left(A.length ? matmul(...A, diag(b)) : diag(b));
            E = Fi.arg;
          } else {
            const s = matmul(Fi, b);
            if (!isScalarShape(s.shape)) notMatrixForm('a matrix factor holding dx is followed by more factors');
            if (A.length) L = left(matmul(...A));
            E = s;
          }
        }
        break;
      }
      case 'ew': {
        const a = dxAtom(E, dx, memo);
        const G = lower(ewPartial(E.expr, a), E.shape);
        if (sameShape(a.shape, E.shape)) {
          L = G.kind === 'ew' && isScalarExpr(G.expr) ? left(mul(lower(G.expr, { rows: 1, cols: 1 }), identity(E.shape.rows))) : left(diag(G));
        } else {
          L = left(G); // a scalar atom times the vector G
        }
        E = a;
        break;
      }
      default:
        notMatrixForm(`d${x.name} inside ${E.kind} of a vector`);
    }
  }
  throw new LimitError('jacobian: expression too deep');
}
