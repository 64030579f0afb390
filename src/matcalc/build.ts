/**
 * Smart constructors: every matrix expression is built through these, which check shapes (errors
 * name the operation and both shapes) and keep one canonical form:
 *   - transposes are pushed down to leaves: (AB)ᵀ = BᵀAᵀ, (A + B)ᵀ = Aᵀ + Bᵀ, Aᵀᵀ = A, (A⁻¹)ᵀ
 *     stays outside the inverse (printed A⁻ᵀ);
 *   - products are flat chains; scalar (1×1) factors and numeric contents are pulled out front;
 *     identities drop; 1ᵀv and 1ᵀA1 become sum(v), sum(A);
 *   - tr(AB…) takes a canonical cyclic rotation, and disappears when the cycle passes through a
 *     1×1 bond (tr(y xᵀ) = xᵀy); tr, sum and det pull scalars out and see through transposes;
 *   - sums, Hadamard products/quotients, elementwise powers and functions are ew nodes whose
 *     symbolic expression the symbolic engine keeps canonical (σ⁻¹ ⊙ σ = 1, A + A = 2A).
 */
import { ArgumentError, ShapeError, describeValue } from '../core/errors.js';
import {
  ONE,
  ZERO,
  addTerms,
  asBaseExp,
  coeffAndTerm,
  fn,
  int,
  isNum,
  mul as smul,
  add as sadd,
  pow as spow,
  exp as sexp,
  sqrt as ssqrt,
  num,
  numValue,
  subs,
  type Expr,
  type Num,
  type SymbolNode,
} from '../symbolic/index.js';
import {
  SCALAR,
  atomOf,
  atomSymbol,
  checkDim,
  dimSymbol,
  ewAtoms,
  fmtShape,
  isColumn,
  isScalarExpr,
  isScalarShape,
  isSquare,
  makeEw,
  makeIdentity,
  makeMatmul,
  makeSym,
  makeUnary,
  sameShape,
  transposeShape,
  type Dim,
  type MExpr,
  type Shape,
  type SymNode,
} from './node.js';

/** A matrix expression or a number (numbers broadcast in sums). */
export type MLike = MExpr | number;

// ---------------------------------------------------------------- leaves

const NAME_RE = /^[A-Za-z\u0370-\u03ff][A-Za-z0-9_\u0370-\u03ff]*$/;

function checkName(name: string): string {
  if (typeof name !== 'string' || !NAME_RE.test(name)) throw new ArgumentError(`${describeValue(name)} is not a valid symbol name (letters, digits, _; starting with a letter)`);
  return name;
}

/**
 * A matrix variable with symbolic or numeric dimensions.
 * @example matrixSymbol('X', 'n', 'm').shape // → { rows: 'n', cols: 'm' }
 */
export function matrixSymbol(name: string, rows: Dim, cols: Dim, options: { symmetric?: boolean } = {}): SymNode {
  const shape = { rows: checkDim(rows), cols: checkDim(cols) };
  if (options.symmetric && shape.rows !== shape.cols) throw new ShapeError(`matrixSymbol: a symmetric matrix must be square, got ${fmtShape(shape)}`);
  return makeSym(checkName(name), shape, !!options.symmetric || isScalarShape(shape));
}

/** A column vector variable. @example vectorSymbol('w', 'm').shape // → { rows: 'm', cols: 1 } */
export function vectorSymbol(name: string, n: Dim): SymNode {
  return makeSym(checkName(name), { rows: checkDim(n), cols: 1 }, false);
}

/** A scalar variable. @example scalarSymbol('lambda').shape // → { rows: 1, cols: 1 } */
export function scalarSymbol(name: string): SymNode {
  return makeSym(checkName(name), SCALAR, true);
}

/** The all-ones vector (or `n×m` matrix). @example ones('n').shape // → { rows: 'n', cols: 1 } */
export function ones(n: Dim, m: Dim = 1): MExpr {
  return makeEw(ONE, { rows: checkDim(n), cols: checkDim(m) });
}

/** The zero matrix. @example zeros(2, 3).shape // → { rows: 2, cols: 3 } */
export function zeros(n: Dim, m: Dim = 1): MExpr {
  return makeEw(ZERO, { rows: checkDim(n), cols: checkDim(m) });
}

/** The identity `I_n`. @example identity('n').shape // → { rows: 'n', cols: 'n' } */
export function identity(n: Dim): MExpr {
  const d = checkDim(n);
  return d === 1 ? scalar(1) : makeIdentity(d);
}

/** A numeric scalar. @example scalar(2).shape // → { rows: 1, cols: 1 } */
export function scalar(c: number | Expr): MExpr {
  return lower(typeof c === 'number' ? num(c) : c, SCALAR);
}

/** A dimension's size as a scalar expression (`tr(I_n) = n`). */
export function dimValue(d: Dim): Expr {
  return typeof d === 'number' ? int(d) : dimSymbol(d);
}

// ---------------------------------------------------------------- ew plumbing

/** The symbolic expression standing for `e` inside elementwise algebra. */
export function lift(e: MLike): Expr {
  if (typeof e === 'number') return num(e);
  return e.kind === 'ew' ? e.expr : atomSymbol(e);
}

/** An ew node of `shape` for `expr`, collapsing a lone atom of that shape to the atom itself. */
export function lower(expr: Expr, shape: Shape): MExpr {
  if (expr.kind === 'Symbol') {
    const a = atomOf(expr);
    if (a && sameShape(a.shape, shape)) return a;
  }
  if (expr.kind === 'Constant' && (expr.name === 'nan' || expr.name === 'zoo')) throw new ArgumentError(`the expression is undefined (${expr.name}), e.g. a division by zero`);
  return makeEw(expr, shape);
}

/** The shape of an elementwise combination: equal shapes, or scalars broadcasting. */
function ewShape(op: string, parts: readonly MLike[]): Shape {
  let shape: Shape | null = null;
  for (const p of parts) {
    if (typeof p === 'number' || isScalarShape(p.shape)) continue;
    if (shape && !sameShape(shape, p.shape)) throw new ShapeError(`${op}: shapes ${fmtShape(shape)} and ${fmtShape(p.shape)} differ`);
    shape = shape ?? p.shape;
  }
  return shape ?? SCALAR;
}

/** Split an expression into [numeric/scalar part, matrix part] (`2λ·A` → [2λ, A]). */
export function splitScalar(f: MExpr): [Expr, MExpr | null] {
  if (isScalarShape(f.shape)) return [lift(f), null];
  if (f.kind !== 'ew') return [ONE, f];
  const x = f.expr;
  if (x.kind === 'Mul') {
    const sc: Expr[] = [x.coeff];
    const mat: Expr[] = [];
    for (let i = 0; i < x.bases.length; i++) {
      const factor = spow(x.bases[i]!, x.exps[i]!);
      (isScalarExpr(factor) ? sc : mat).push(factor);
    }
    if (sc.length === 1 && sc[0] === ONE) return [ONE, f];
    return [smul(...sc), lower(smul(...mat), f.shape)];
  }
  if (x.kind === 'Add') {
    // Scalar factors common to every term: λa + λb = λ(a + b).
    const common = commonScalarFactors(x);
    if (common.length) return [smul(...common), lower(divideTerms(x, smul(...common)), f.shape)];
    // The numeric content (2a − 2b = 2(a − b)) and a canonical sign: the leading term — the
    // biggest, as printed first — is positive, so Xw − y stays and y − Xw becomes −(Xw − y).
    const terms = addTerms(x);
    const cs = terms.map((t) => coeffAndTerm(t)[0]);
    const mags = cs.map((c) => Math.abs(numValue(c)));
    const flip = numValue(cs[leadingTerm(terms)]!) < 0;
    const content = mags.every((m) => m === mags[0]) && mags[0] !== 1 && cs[0]!.kind !== 'Float' ? numAbs(cs[0]!) : ONE;
    if (flip || content !== ONE) {
      const g = smul(flip ? -1 : 1, content);
      return [g, lower(divideTerms(x, g), f.shape)];
    }
  }
  return [ONE, f];
}

const weightMemo = new WeakMap<object, number>();

/** Node count of a term with transposes free (the printer's ordering weight). */
export function termWeight(x: Expr): number {
  const hit = weightMemo.get(x);
  if (hit !== undefined) return hit;
  let w: number;
  if (x.kind === 'Symbol') {
    const a = atomOf(x);
    w = a ? mweight(a) : 1;
  } else if (x.kind === 'Add') w = 1 + x.terms.reduce((t, y) => t + termWeight(y), 0);
  else if (x.kind === 'Mul') w = 1 + x.bases.reduce((t, y) => t + termWeight(y), 0);
  else if (x.kind === 'Pow') w = 1 + termWeight(x.base);
  else if (x.kind === 'Function') w = 1 + x.args.reduce((t, y) => t + termWeight(y), 0);
  else w = 0;
  weightMemo.set(x, w);
  return w;
}

function mweight(e: MExpr): number {
  const hit = weightMemo.get(e);
  if (hit !== undefined) return hit;
  let w = e.kind === 'transpose' ? 0 : 1;
  if (e.kind === 'ew') w = termWeight(e.expr);
  else if (e.kind === 'matmul') for (const f of e.factors) w += mweight(f);
  else if ('arg' in e) w += mweight(e.arg);
  weightMemo.set(e, w);
  return w;
}

/** Index of the leading term of a sum: the heaviest, ties broken by structural hash. */
export function leadingTerm(terms: readonly Expr[]): number {
  let best = 0;
  const key = (t: Expr): [number, number] => {
    const r = coeffAndTerm(t)[1];
    return [termWeight(r), r.hash >>> 0];
  };
  let bk = key(terms[0]!);
  for (let i = 1; i < terms.length; i++) {
    const k = key(terms[i]!);
    if (k[0] > bk[0] || (k[0] === bk[0] && k[1] > bk[1])) {
      best = i;
      bk = k;
    }
  }
  return best;
}

/** Σ tᵢ / g, dividing term by term (a product with a sum is not distributed automatically). */
export function divideTerms(x: Expr, g: Expr): Expr {
  const inv = spow(g, -1);
  return sadd(...addTerms(x).map((t) => smul(t, inv)));
}

/** Non-numeric scalar factors b^e present (with the same exponent) in every term of a sum. */
export function commonScalarFactors(x: Expr): Expr[] {
  const terms = addTerms(x);
  if (terms.length < 2) return [];
  const factorsOf = (t: Expr): Expr[] => (t.kind === 'Mul' ? t.bases.map((b, i) => spow(b, t.exps[i]!)) : isNum(t) ? [] : [t]);
  let common = factorsOf(terms[0]!).filter(isScalarExpr);
  for (const t of terms.slice(1)) {
    const fs = new Set(factorsOf(t));
    common = common.filter((c) => fs.has(c));
    if (!common.length) break;
  }
  return common;
}

function numAbs(c: Num): Num {
  return (numValue(c) < 0 ? smul(-1, c) : c) as Num;
}

/** For an ew that is a linear combination Σ sᵢ·Aᵢ of atoms (sᵢ scalar), the pairs [sᵢ, Aᵢ]; A = null for a constant part. */
export function linearParts(e: MExpr): Array<[Expr, MExpr | null]> | null {
  if (e.kind !== 'ew') return [[ONE, e]];
  const out: Array<[Expr, MExpr | null]> = [];
  for (const t of addTerms(e.expr)) {
    const factors = t.kind === 'Mul' ? [t.coeff, ...t.bases.map((b, i) => spow(b, t.exps[i]!))] : [t];
    const sc: Expr[] = [];
    let atom: MExpr | null = null;
    for (const fct of factors) {
      if (isScalarExpr(fct)) sc.push(fct);
      else {
        const [b, p] = asBaseExp(fct);
        const a = b.kind === 'Symbol' ? atomOf(b) : null;
        if (atom || p !== ONE || !a) return null;
        atom = a;
      }
    }
    out.push([smul(...sc), atom]);
  }
  return out;
}

// ---------------------------------------------------------------- sums and elementwise algebra

/** Sum of same-shaped expressions (numbers broadcast as constant matrices). @example add(A, B) */
export function add(...parts: MLike[]): MExpr {
  const shape = ewShapeStrict('add', parts);
  return lower(sadd(...parts.map(lift)), shape);
}

function ewShapeStrict(op: string, parts: readonly MLike[]): Shape {
  let shape: Shape | null = null;
  for (const p of parts) {
    if (typeof p === 'number') continue;
    if (shape && !sameShape(shape, p.shape)) throw new ShapeError(`${op}: shapes ${fmtShape(shape)} and ${fmtShape(p.shape)} differ`);
    shape = shape ?? p.shape;
  }
  return shape ?? SCALAR;
}

/** The difference a − b (same shapes; a number is a constant matrix). @example toText(sub(X, Y)) // → 'X - Y' */
export function sub(a: MLike, b: MLike): MExpr {
  return add(a, neg(b));
}

/** The negation −a. @example toText(neg(X)) // → '-X' */
export function neg(a: MLike): MExpr {
  return typeof a === 'number' ? scalar(-a) : lower(smul(-1, lift(a)), a.shape);
}

/** Hadamard (elementwise) product; a scalar operand scales. @example hadamard(x, y) */
export function hadamard(...parts: MLike[]): MExpr {
  const shape = ewShape('hadamard', parts);
  return lower(smul(...parts.map(lift)), shape);
}

/** The elementwise (Hadamard) quotient a ⊘ b. @example hdiv(X, Y).shape // → { rows: 'n', cols: 'm' } */
export function hdiv(a: MLike, b: MLike): MExpr {
  const shape = ewShape('hadamard division', [a, b]);
  return lower(smul(lift(a), spow(lift(b), -1)), shape);
}

/** Elementwise power a.^p (p a number or a scalar expression). @example epow(x, 2).shape // → { rows: 'n', cols: 1 } */
export function epow(a: MLike, p: MLike): MExpr {
  if (typeof p !== 'number' && !isScalarShape(p.shape)) throw new ShapeError(`elementwise power: the exponent must be a scalar, got ${fmtShape(p.shape)}`);
  const shape = typeof a === 'number' ? SCALAR : a.shape;
  return lower(spow(lift(a), lift(p)), shape);
}

/** Elementwise functions the engine knows (derivatives come from the symbolic function table). */
export const EW_FUNCTIONS = ['exp', 'log', 'tanh', 'sigmoid', 'relu', 'softplus', 'sqrt', 'abs', 'sin', 'cos', 'sign', 'heaviside'] as const;
/** The name of an elementwise function `ewFn` applies (one of `EW_FUNCTIONS`). */
export type EwFunction = (typeof EW_FUNCTIONS)[number];

/** An elementwise function applied entry by entry. @example ewFn('sigmoid', X) */
export function ewFn(name: EwFunction, a: MLike): MExpr {
  const shape = typeof a === 'number' ? SCALAR : a.shape;
  const x = lift(a);
  const e = name === 'exp' ? sexp(x) : name === 'sqrt' ? ssqrt(x) : (EW_FUNCTIONS as readonly string[]).includes(name) ? fn(name, x) : null;
  if (!e) throw new ArgumentError(`unknown elementwise function ${describeValue(name)} (have ${EW_FUNCTIONS.join(', ')})`);
  return lower(e, shape);
}

// ---------------------------------------------------------------- products

/** A product: scalar × anything is scaling, otherwise the matrix product. @example mul(X, w) */
export function mul(...parts: MLike[]): MExpr {
  if (parts.length === 0) return scalar(1);
  let acc: MExpr = typeof parts[0] === 'number' ? scalar(parts[0]) : parts[0]!;
  for (const p of parts.slice(1)) {
    const b: MExpr = typeof p === 'number' ? scalar(p) : p;
    if (isScalarShape(acc.shape) || isScalarShape(b.shape)) acc = lower(smul(lift(acc), lift(b)), isScalarShape(acc.shape) ? b.shape : acc.shape);
    else acc = matmul(acc, b);
  }
  return acc;
}

const isOnes = (f: MExpr): boolean => f.kind === 'ew' && isNum(f.expr) && !isScalarShape(f.shape);

/** The matrix product of a chain (inner dimensions must agree). @example matmul(transpose(X), X) */
export function matmul(...fs: MExpr[]): MExpr {
  if (fs.length === 0) throw new ArgumentError('matmul: no factors');
  for (let i = 0; i + 1 < fs.length; i++) {
    const a = fs[i]!.shape;
    const b = fs[i + 1]!.shape;
    if (a.cols !== b.rows) throw new ShapeError(`matmul: shapes ${fmtShape(a)} and ${fmtShape(b)} do not align (${a.cols} ≠ ${b.rows})`);
  }
  const shape: Shape = { rows: fs[0]!.shape.rows, cols: fs[fs.length - 1]!.shape.cols };
  const scalars: Expr[] = [];
  let chain: MExpr[] = [];
  const push = (f: MExpr): void => {
    if (f.kind === 'matmul') {
      for (const g of f.factors) push(g);
      return;
    }
    if (f.kind === 'identity') return;
    const [s, rest] = splitScalar(f);
    if (s !== ONE) scalars.push(s);
    if (rest) {
      if (rest.kind === 'matmul') for (const g of rest.factors) push(g);
      else if (rest.kind !== 'identity') chain.push(rest);
    }
  };
  for (const f of fs) push(f);
  chain = diagProducts(chain);
  if (chain.some((f) => f.kind === 'ew' && f.expr === ZERO) || scalars.includes(ZERO)) return lower(ZERO, shape);
  // 1ᵀ…1 and 1ᵀv, vᵀ1 are sums.
  if (chain.length >= 2) {
    const first = chain[0]!;
    const last = chain[chain.length - 1]!;
    const onesRow = isOnes(first) && first.shape.rows === 1;
    const onesCol = isOnes(last) && last.shape.cols === 1;
    if (onesRow && onesCol && chain.length >= 3) {
      scalars.push((first as { expr: Expr }).expr, (last as { expr: Expr }).expr, lift(sum(matmul(...chain.slice(1, -1)))));
      chain = [];
    } else if (onesRow && shape.cols === 1) {
      scalars.push((first as { expr: Expr }).expr, lift(sum(chain.length === 2 ? chain[1]! : matmul(...chain.slice(1)))));
      chain = [];
    } else if (onesCol && shape.rows === 1) {
      scalars.push((last as { expr: Expr }).expr, lift(sum(chain.length === 2 ? chain[0]! : matmul(...chain.slice(0, -1)))));
      chain = [];
    }
  }
  let core: MExpr | null;
  if (chain.length === 0) core = isScalarShape(shape) ? null : shape.rows === shape.cols ? makeIdentity(shape.rows) : lower(ONE, shape);
  else if (chain.length === 1) core = chain[0]!;
  else core = makeMatmul(chain, shape);
  if (core && !sameShape(core.shape, shape)) core = lower(lift(core), shape);
  if (scalars.length === 0) return core ?? scalar(1);
  return lower(smul(...scalars, ...(core ? [lift(core)] : [])), shape);
}

const isDiagOfVector = (f: MExpr): f is MExpr & { kind: 'diag'; arg: MExpr } => f.kind === 'diag' && isColumn(f.arg.shape);

/** diag(a)·b = a ⊙ b for a vector b, bᵀdiag(a) = (a ⊙ b)ᵀ, diag(a)·diag(b) = diag(a ⊙ b). */
function diagProducts(chain: MExpr[]): MExpr[] {
  const out = [...chain];
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i + 1 < out.length; i++) {
      const a = out[i]!;
      const b = out[i + 1]!;
      let r: MExpr | null = null;
      if (isDiagOfVector(a) && isDiagOfVector(b)) r = diag(hadamard(a.arg, b.arg));
      else if (isDiagOfVector(a) && b.shape.cols === 1) r = hadamard(a.arg, b);
      else if (isDiagOfVector(b) && a.shape.rows === 1) r = transpose(hadamard(b.arg, transpose(a)));
      if (r) {
        const [sc, rest] = splitScalar(r);
        if (sc !== ONE) break; // keep scalars with the constructor's pulling (rare: leave as is)
        out.splice(i, 2, ...(rest ? [rest] : []));
        changed = true;
        break;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- transpose, inverse, det, trace

/** Whether e is known to be symmetric (e.g. Aᵀ·A, A + Aᵀ, a symbol declared symmetric). @example isSymmetric(matmul(transpose(X), X)) // → true */
export function isSymmetric(e: MExpr): boolean {
  if (isScalarShape(e.shape)) return true;
  switch (e.kind) {
    case 'sym':
      return e.symmetric;
    case 'identity':
      return true;
    case 'diag':
      return isColumn(e.arg.shape);
    case 'inv':
      return isSymmetric(e.arg);
    case 'ew':
      return isSquare(e.shape) && ewAtoms(e).every(isSymmetric);
    case 'matmul':
      return transpose(e) === e;
    default:
      return false;
  }
}

/** The transpose. @example transpose(matmul(A, B)) === matmul(transpose(B), transpose(A)) // → true */
export function transpose(e: MExpr): MExpr {
  if (isScalarShape(e.shape)) return e;
  const t = transposeShape(e.shape);
  switch (e.kind) {
    case 'sym':
      return e.symmetric ? e : makeUnary('transpose', e, t);
    case 'identity':
      return e;
    case 'transpose':
      return e.arg;
    case 'matmul':
      return matmul(...[...e.factors].reverse().map(transpose));
    case 'ew': {
      const m = new Map<Expr, Expr>();
      for (const a of ewAtoms(e)) if (!isScalarShape(a.shape)) m.set(atomSymbol(a), lift(transpose(a)));
      return lower(m.size ? subs(e.expr, m) : e.expr, t);
    }
    case 'diag':
      if (isColumn(e.arg.shape)) return e;
      break;
    case 'inv':
      if (isSymmetric(e.arg)) return e;
      break;
    default:
      break;
  }
  return makeUnary('transpose', e, t);
}

function needSquare(op: string, e: MExpr): void {
  if (!isSquare(e.shape)) throw new ShapeError(`${op}: needs a square matrix, got ${fmtShape(e.shape)}`);
}

/** The inverse (square matrices). @example inv(inv(A)) === A // → true */
export function inv(e: MExpr): MExpr {
  needSquare('inv', e);
  if (isScalarShape(e.shape)) return lower(spow(lift(e), -1), SCALAR);
  switch (e.kind) {
    case 'inv':
      return e.arg;
    case 'identity':
      return e;
    case 'transpose':
      return transpose(inv(e.arg));
    case 'diag':
      if (isColumn(e.arg.shape)) return diag(epow(e.arg, -1));
      break;
    case 'ew': {
      const [s, rest] = splitScalar(e);
      if (s !== ONE && rest) return mul(lower(spow(s, -1), SCALAR), inv(rest));
      break;
    }
    default:
      break;
  }
  return makeUnary('inv', e, e.shape);
}

/** The determinant (a scalar). @example det(transpose(A)) === det(A) // → true */
export function det(e: MExpr): MExpr {
  needSquare('det', e);
  if (isScalarShape(e.shape)) return e;
  switch (e.kind) {
    case 'transpose':
      return det(e.arg);
    case 'inv':
      return epow(det(e.arg), -1);
    case 'identity':
      return scalar(1);
    case 'matmul':
      if (e.factors.every((f) => isSquare(f.shape))) return hadamard(...e.factors.map(det));
      break;
    case 'ew': {
      const [s, rest] = splitScalar(e);
      if (s !== ONE && rest) return lower(smul(spow(s, dimValue(e.shape.rows)), lift(det(rest))), SCALAR);
      break;
    }
    default:
      break;
  }
  return makeUnary('det', e, SCALAR);
}

/** Lexicographic order of two factor lists by structural hash. */
function chainLess(a: readonly MExpr[], b: readonly MExpr[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.hash !== b[i]!.hash) return (a[i]!.hash >>> 0) < (b[i]!.hash >>> 0);
  }
  return false;
}

/** The trace (square matrices); cycles products to a canonical rotation. @example trace(matmul(x, transpose(y))) === matmul(transpose(y), x) // → true */
export function trace(e: MExpr): MExpr {
  needSquare('trace', e);
  if (isScalarShape(e.shape)) return e;
  switch (e.kind) {
    case 'transpose':
      return trace(e.arg);
    case 'identity':
      return lower(dimValue(e.shape.rows), SCALAR);
    case 'diag':
      if (isColumn(e.arg.shape)) return sum(e.arg);
      break;
    case 'ew': {
      const parts = linearParts(e);
      if (parts && !(parts.length === 1 && parts[0]![0] === ONE)) {
        return add(...parts.map(([s, a]) => mul(lower(s, SCALAR), a ? trace(a) : lower(dimValue(e.shape.rows), SCALAR))));
      }
      break;
    }
    case 'matmul': {
      const f = e.factors;
      const k = f.length;
      // A bond of size 1 between factors i and i+1: rotating it outside leaves a 1×1 product.
      for (let i = 0; i + 1 < k; i++) {
        if (f[i]!.shape.cols === 1) return matmul(...f.slice(i + 1), ...f.slice(0, i + 1));
      }
      // Canonical rotation: fewest transposes (tr(AB), not tr(BᵀAᵀ)), then least by hash.
      const rev = [...f].reverse().map(transpose);
      const tcount = (c: readonly MExpr[]): number => c.filter((g) => g.kind === 'transpose').length;
      let best: MExpr[] = [...f];
      for (const base of [f, rev]) {
        for (let r = 0; r < k; r++) {
          const cand = [...base.slice(r), ...base.slice(0, r)];
          const dt = tcount(cand) - tcount(best);
          if (dt < 0 || (dt === 0 && chainLess(cand, best))) best = cand;
        }
      }
      const inner = matmul(...best);
      return inner.kind === 'matmul' ? makeUnary('trace', inner, SCALAR) : trace(inner);
    }
    default:
      break;
  }
  return makeUnary('trace', e, SCALAR);
}

// ---------------------------------------------------------------- sums, norms, diag, softmax

/** The sum of all entries (1ᵀA1). @example sum(add(x, y)) === add(sum(x), sum(y)) // → true */
export function sum(e: MExpr): MExpr {
  if (isScalarShape(e.shape)) return e;
  switch (e.kind) {
    case 'transpose':
      return sum(e.arg);
    case 'diag':
      if (isColumn(e.arg.shape)) return sum(e.arg);
      break;
    case 'identity':
      return lower(dimValue(e.shape.rows), SCALAR);
    case 'ew': {
      const parts = linearParts(e);
      if (parts && !(parts.length === 1 && parts[0]![0] === ONE)) {
        const size = smul(dimValue(e.shape.rows), dimValue(e.shape.cols));
        return add(...parts.map(([s, a]) => (a ? mul(lower(s, SCALAR), sum(a)) : lower(smul(s, size), SCALAR))));
      }
      break;
    }
    default:
      break;
  }
  return makeUnary('sum', e, SCALAR);
}

/** The Euclidean norm of a vector, Frobenius norm of a matrix. @example norm(x) */
export function norm(e: MExpr): MExpr {
  if (isScalarShape(e.shape)) return ewFn('abs', e);
  if (e.kind === 'transpose') return norm(e.arg);
  if (e.kind === 'ew') {
    const [s, rest] = splitScalar(e);
    if (s !== ONE && rest && isNum(s)) return mul(Math.abs(numValue(s)), norm(rest));
  }
  return makeUnary('norm', e, SCALAR);
}

/** diag(v) = the diagonal matrix of a vector; diag(A) = the diagonal of a square matrix as a vector. @example diag(x).shape // → { rows: 'n', cols: 'n' } */
export function diag(e: MExpr): MExpr {
  if (isScalarShape(e.shape)) return e;
  if (isColumn(e.shape)) return makeUnary('diag', e, { rows: e.shape.rows, cols: e.shape.rows });
  if (!isSquare(e.shape)) throw new ShapeError(`diag: needs a vector or a square matrix, got ${fmtShape(e.shape)}`);
  if (e.kind === 'diag') return e.arg;
  if (e.kind === 'identity') return ones(e.shape.rows);
  if (e.kind === 'transpose') return diag(e.arg);
  return makeUnary('diag', e, { rows: e.shape.rows, cols: 1 });
}

function needVector(op: string, e: MExpr): void {
  if (!isColumn(e.shape) && !isScalarShape(e.shape)) throw new ShapeError(`${op}: needs a column vector, got ${fmtShape(e.shape)}`);
}

/** softmax(z) = exp(z) / sum(exp(z)) for a column vector. @example softmax(x).shape // → { rows: 'n', cols: 1 } */
export function softmax(e: MExpr): MExpr {
  needVector('softmax', e);
  if (isScalarShape(e.shape)) return scalar(1);
  return makeUnary('softmax', e, e.shape);
}

/** log-sum-exp: log(sum(exp(z))) for a column vector, a scalar. @example gradient(logsumexp(x), x) // → softmax(x) */
export function logsumexp(e: MExpr): MExpr {
  needVector('logsumexp', e);
  if (isScalarShape(e.shape)) return e;
  return makeUnary('lse', e, SCALAR);
}

/**
 * a^p: a scalar power, or for a square matrix an integer power (−1 is the inverse).
 * @example pow(A, -1) === inv(A) // → true
 */
export function pow(a: MExpr, p: MLike): MExpr {
  if (isScalarShape(a.shape)) return epow(a, p);
  const k = typeof p === 'number' ? p : p.kind === 'ew' && isNum(p.expr) ? numValue(p.expr) : NaN;
  if (!isSquare(a.shape)) throw new ShapeError(`power: ${fmtShape(a.shape)} is not square (use .^ for an elementwise power)`);
  if (!Number.isInteger(k)) throw new ShapeError(`power: a matrix power needs an integer exponent (use .^ for an elementwise power)`);
  if (Math.abs(k) > 64) throw new ArgumentError(`power: exponent ${k} is above the limit of 64`);
  if (k === 0) return identity(a.shape.rows);
  const base = k < 0 ? inv(a) : a;
  return matmul(...Array.from({ length: Math.abs(k) }, () => base));
}
