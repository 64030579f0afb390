/**
 * Stationary points and their kind. One variable: solve f′(x) = 0 exactly, then the
 * second-derivative test, and when f″(c) = 0 the higher-order test (the first non-zero
 * derivative f⁽ⁿ⁾(c): n even → min if > 0, max if < 0; n odd → inflection, not an extremum).
 * Several variables: solve ∇f = 0 by elimination (`solveSystemDetailed`: never-vanishing
 * factors such as e^(−x²−y²) are divided out and products split into cases), then the signs of
 * the Hessian's eigenvalues (all > 0 min, all < 0 max, one > 0 and one < 0 saddle). When the
 * Hessian is singular and otherwise semi-definite, a polynomial f at a rational point gets a
 * higher-order argument: f(p + h) − f(p) expanded in h is a sum of even monomials with
 * coefficients of one sign (min/max), or along some line through p its lowest-order term is odd
 * or has the opposite sign to another line's (saddle); otherwise the kind is 'inconclusive'.
 *
 * "No stationary point" is only claimed when proven (`complete`); otherwise `reason` says why the
 * list may be incomplete (periodic equations: principal solutions only, unsolved equations, a
 * curve of stationary points).
 *
 * @example
 * criticalPoints(parse('x^3 - 2*x^2 + 1'), 'x').points // → [{ point: {x: 0}, kind: 'max' }, { point: {x: 4/3}, kind: 'min' }]
 * criticalPoints(parse('log(x)'), 'x').reason // → "f'(x) = 1/x is never 0"
 */
import { dict } from '../../../core/dict.js';
import { ArgumentError, LimitError } from '../../../core/errors.js';
import { matrix } from '../../../numeric/matrix.js';
import { eigSym } from '../../../numeric/eig-sym.js';
import { add, sub } from '../../expr/arith.js';
import { ZERO, float, isNum, symbol, type Expr, type SymbolNode } from '../../expr/expr.js';
import { expand } from '../../algebra/expand.js';
import { diff } from '../diff/diff.js';
import { toString } from '../../print/text.js';
import { freeSymbols } from '../../walk/traverse.js';
import { foldDag } from '../../walk/eval-common.js';
import { evalNumber, free, substitute } from '../../algebra/util.js';
import { solveDetailed } from '../solve/index.js';
import { isPeriodicIn, solveSystemDetailed, zeroFactors } from '../solve/system.js';
import { exprToRatFun } from '../../poly/convert.js';
import { tidy } from '../../algebra/simplify.js';

/** The kind of a stationary point. 'inflection' = stationary but not an extremum (1-D). */
export type CriticalKind = 'min' | 'max' | 'saddle' | 'inflection' | 'inconclusive';

/** One stationary point of f: where it is, f there, and what kind it is (with the test that decided). */
export interface CriticalPoint {
  /** Coordinates, by variable name. */
  point: Record<string, Expr>;
  /** f at the point. */
  value: Expr;
  kind: CriticalKind;
  /** How the kind was decided, e.g. "f''(0) = -4 < 0" or 'Hessian eigenvalues 2, 6'. */
  test: string;
  /** True when the coordinates are floating-point approximations. */
  numeric: boolean;
}

/** `criticalPoints`' answer: the points, the derivative or gradient solved, and whether the list is complete. */
export interface CriticalResult {
  points: CriticalPoint[];
  /** The derivative (1-D) or gradient components. */
  derivative: Expr[];
  /** True when `points` is provably every isolated stationary point (for periodic f′: false). */
  complete: boolean;
  /** Why there are none, or why the list may be incomplete. */
  reason?: string;
}

/**
 * Stationary points of f in the given variables (default: its free symbols, sorted by name).
 *
 * @example
 * criticalPoints(parse('x^2 + y^2'), ['x', 'y']).points[0].kind // → 'min'
 */
export function criticalPoints(e: Expr, vars?: readonly SymbolNode[]): CriticalResult {
  const vs = vars === undefined ? freeSymbols(e).sort((a, b) => (a.name < b.name ? -1 : 1)) : [...vars];
  if (!vs.length) throw new ArgumentError('criticalPoints: the expression has no variables');
  return vs.length === 1 ? oneVar(e, vs[0]!) : manyVars(e, vs);
}

function oneVar(f: Expr, x: SymbolNode): CriticalResult {
  const d1 = diff(f, x);
  const name = x.name;
  if (d1 === ZERO) return { points: [], derivative: [d1], complete: false, reason: 'f is constant: every point is stationary' };
  let raw: ReturnType<typeof solveDetailed>;
  try {
    raw = solveDetailed(d1, x);
  } catch (err) {
    if (!(err instanceof LimitError)) throw err;
    return { points: [], derivative: [d1], complete: false, reason: `f'(${name}) = ${toString(d1)} = 0 could not be solved: ${err.message}` };
  }
  // Other symbols are parameters (f = x² + y² in x alone): f is defined at c when it is finite
  // for generic parameter values; a derivative that depends on them decides nothing.
  const params = freeSymbols(f).filter((p) => p !== x);
  const generic = new Map<Expr, number>(params.map((p, i) => [p, GENERIC[i % GENERIC.length]!]));
  const sols = raw.filter((s) => Number.isFinite(evalNumber(substitute(f, x, s.value), generic)));
  const points: CriticalPoint[] = [];
  for (const s of sols) {
    const c = s.value;
    const cText = c.kind === 'Float' ? String(c.value) : toString(c);
    let kind: CriticalKind = 'inconclusive';
    let test = 'derivatives up to order 8 vanish';
    let dn = d1;
    for (let n = 2; n <= 8; n++) {
      dn = diff(dn, x);
      const dc = tidy(substitute(dn, x, c));
      const uses = params.filter((p) => freeSymbols(dc).includes(p));
      if (uses.length) {
        test = `${tick(n)}(${cText}) = ${toString(dc)} depends on ${uses.map((p) => p.name).join(', ')}`;
        break;
      }
      const v = evalNumber(dc, new Map());
      if (!Number.isFinite(v)) {
        test = `f^(${n}) is undefined at the point`;
        break;
      }
      // Zero up to rounding, relative to the size of the terms that cancel: e^(-x²)·(…) at x = 9.5
      // is about 1e-37 and not zero, while 1e-17 left over from 1 - 1 is.
      if (dc === ZERO || Math.abs(v) <= 1e-8 * magnitude(dc)) continue;
      const at = `${tick(n)}(${cText}) = ${fmtSig(v)}`;
      if (n % 2 === 0) {
        kind = v > 0 ? 'min' : 'max';
        test = n === 2 ? `second derivative: ${at} ${v > 0 ? '> 0' : '< 0'}` : `higher-order test: first non-zero derivative is even, ${at}`;
      } else {
        kind = 'inflection';
        test = `higher-order test: first non-zero derivative is odd, ${at}`;
      }
      break;
    }
    // At a numeric point f is a number: 0.6077…·e^(-0.4267…) is shown as the float it is.
    const value = tidy(substitute(f, x, c));
    const approx = s.numeric && !freeSymbols(value).length ? evalNumber(value, new Map()) : NaN;
    points.push({ point: { [name]: c }, value: Number.isFinite(approx) ? float(approx) : value, kind, test, numeric: s.numeric });
  }
  const dText = `f'(${name}) = ${toString(d1)}`;
  if (raw.some((s) => s.numeric) && !exprToRatFun(d1, x)) {
    return { points, derivative: [d1], complete: false, reason: `${dText} = 0 was solved numerically by a scan of [-20, 20]: roots outside it are not listed` };
  }
  // Trigonometric f′: solve lists principal solutions only (SymPy's convention), so say so, and
  // call f′ periodic only when it is (1 + cos(x) is; x·sin(x) is not).
  if (isPeriodicIn(d1, x)) {
    const why = periodic(d1, x)
      ? `${dText} is periodic: only the principal solutions are listed, the others repeat with its period`
      : `${dText} involves trigonometric functions of ${name}: only the principal solutions are listed, there may be others`;
    return { points, derivative: [d1], complete: false, reason: why };
  }
  if (!points.length) {
    const reason = raw.length ? `${dText} vanishes only where f is undefined` : `${dText} is never 0`;
    return { points, derivative: [d1], complete: true, reason };
  }
  return { points, derivative: [d1], complete: true };
}

/**
 * The size of the terms whose sum is e (a constant expression): sums add absolute values, products
 * and positive integer powers multiply them, anything else counts its own |value|. A value of e
 * far below this is what is left of cancellation, i.e. zero up to rounding (for 1 − √2²/2, 2).
 */
function magnitude(e: Expr): number {
  const none = new Map<Expr, number>();
  const posInt = (k: Expr) => k.kind === 'Integer' && k.value.num > 0n;
  const kids = (n: Expr): readonly Expr[] =>
    n.kind === 'Add' ? n.terms : n.kind === 'Mul' ? n.bases.filter((_, i) => posInt(n.exps[i]!)) : n.kind === 'Pow' && posInt(n.exp) ? [n.base] : [];
  const abs = (k: Expr) => Math.abs(evalNumber(k, none));
  const power = (k: Expr) => Number((k as { value: { num: bigint } }).value.num);
  return foldDag<number>(
    e,
    (n, get) => {
      if (n.kind === 'Add') return n.terms.reduce((acc, t, i) => acc + abs(n.coeffs[i]!) * get(t), abs(n.coeff));
      if (n.kind === 'Mul') {
        let m = abs(n.coeff);
        n.bases.forEach((b, i) => (m *= posInt(n.exps[i]!) ? get(b) ** power(n.exps[i]!) : Math.pow(abs(b), evalNumber(n.exps[i]!, none))));
        return m;
      }
      if (n.kind === 'Pow' && posInt(n.exp)) return get(n.base) ** power(n.exp);
      return abs(n);
    },
    new Map(),
    kids,
  );
}

/**
 * f is periodic in x: every occurrence of x is inside sin, cos, tan, … of a linear a·x + b
 * (functions of such, sums and products of them too). A sufficient test, not a complete one.
 */
function periodic(e: Expr, x: SymbolNode): boolean {
  const stack: Expr[] = [e];
  while (stack.length) {
    const n = stack.pop()!;
    if (free(n, x)) continue;
    if (n.kind === 'Function' && TRIG.has(n.name) && n.args.length === 1) {
      if (!free(diff(n.args[0]!, x), x)) return false;
      continue;
    }
    if (n.kind === 'Symbol') return false;
    if (n.kind === 'Add') stack.push(...n.terms);
    else if (n.kind === 'Mul') stack.push(...n.bases, ...n.exps);
    else if (n.kind === 'Pow') stack.push(n.base, n.exp);
    else if (n.kind === 'Function') stack.push(...n.args);
    else return false;
  }
  return true;
}
const TRIG = new Set(['sin', 'cos', 'tan', 'cot', 'sec', 'csc']);

/** Generic parameter values (irrational, unrelated), for "is f defined here" with parameters. */
const GENERIC = [Math.SQRT2, Math.E / 2, Math.PI / 3, Math.LN2 + 1, Math.sqrt(7)];

const tick = (n: number): string => (n === 2 ? "f''" : n === 3 ? "f'''" : `f^(${n})`);
const fmt = (v: number): string => String(Math.round(v * 1e10) / 1e10);
/** Ten significant digits: a tiny f''(c) prints as 4.1e-16, not 0. */
const fmtSig = (v: number): string => String(Number(v.toPrecision(10)));

function manyVars(f: Expr, vs: SymbolNode[]): CriticalResult {
  const grad = vs.map((v) => diff(f, v));
  const sys = solveSystemDetailed(grad, vs);
  const H = vs.map((a) => vs.map((b) => diff(diff(f, a), b)));
  const points: CriticalPoint[] = [];
  for (const s of sys.solutions) {
    const env = new Map<Expr, number>();
    for (const v of vs) env.set(v, evalNumber(s.values.get(v)!, new Map()));
    const n = vs.length;
    const data = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[i * n + j] = evalNumber(H[i]![j]!, env);
    const point = dict<Expr>();
    let value = f;
    for (const v of vs) {
      point[v.name] = s.values.get(v)!;
      value = substitute(value, v, s.values.get(v)!);
    }
    value = tidy(value);
    let kind: CriticalKind = 'inconclusive';
    const params = freeSymbols(f).filter((p) => !vs.includes(p));
    let test = params.length ? `the Hessian depends on the parameters ${params.map((p) => p.name).join(', ')}` : 'Hessian is not finite at the point';
    if (data.every(Number.isFinite)) {
      const ev = eigSym(matrix(n, n, data)).values;
      const scale = Math.max(1, ...Array.from(ev, Math.abs));
      const hasPos = ev.some((l) => l > 1e-10 * scale), hasNeg = ev.some((l) => l < -1e-10 * scale);
      const zero = ev.some((l) => Math.abs(l) <= 1e-10 * scale);
      test = `Hessian eigenvalues ${Array.from(ev, fmt).join(', ')}`;
      if (hasPos && hasNeg) kind = 'saddle';
      else if (!zero) kind = hasPos ? 'min' : 'max';
      else {
        const higher = s.numeric ? null : higherOrder(f, vs, point, value);
        if (higher) [kind, test] = [higher[0], `${test} (singular); ${higher[1]}`];
        else test += ': a zero eigenvalue, the second-derivative test is inconclusive';
      }
    }
    points.push({ point, value, kind, test, numeric: s.numeric });
  }
  // A stable order: by coordinates, lexicographically.
  const coords = (p: CriticalPoint) => vs.map((v) => evalNumber(p.point[v.name]!, new Map()));
  points.sort((a, b) => {
    const ca = coords(a), cb = coords(b);
    for (let i = 0; i < ca.length; i++) if (ca[i] !== cb[i]) return ca[i]! - cb[i]!;
    return 0;
  });
  const out: CriticalResult = { points, derivative: grad, complete: sys.complete };
  if (!sys.complete) {
    const curve = 'the gradient vanishes along a whole curve or surface, whose points are not isolated (a listed point may lie on it; the others are not listed)';
    const why = [...sys.notes, ...(sys.infinite ? [curve] : [])];
    out.reason = !sys.notes.length
      ? curve
      : `${points.length ? 'the list may be incomplete' : 'no isolated stationary point was found, but this is not proven'}: ${why.join('; ')}`;
  } else if (!points.length) {
    const never = grad.findIndex((g) => zeroFactors(g).length === 0);
    out.reason =
      never >= 0
        ? `the gradient is never 0: df/d${vs[never]!.name} = ${toString(grad[never]!)} is never 0`
        : 'the gradient is never 0: every case of the factored system grad f = 0 is contradictory';
  }
  return out;
}

/**
 * Higher-order test at a rational point p of a polynomial f (see the module comment).
 * Returns [kind, explanation] or null when it cannot decide.
 */
function higherOrder(f: Expr, vs: SymbolNode[], point: Record<string, Expr>, value: Expr): [CriticalKind, string] | null {
  if (!vs.every((v) => isNum(point[v.name]!) && point[v.name]!.kind !== 'Float')) return null;
  const hs = vs.map((_, i) => symbol(`_h${i}_crit`));
  let g = f;
  vs.forEach((v, i) => (g = substitute(g, v, add(point[v.name]!, hs[i]!))));
  const mons = monomials(expand(sub(g, value)), hs);
  if (!mons || !mons.length) return null;
  const even = mons.every((m) => m.exps.every((k) => k % 2 === 0));
  if (even && mons.every((m) => m.c > 0)) return ['min', 'f(p + h) - f(p) is a sum of even powers of h with positive coefficients, so >= 0'];
  if (even && mons.every((m) => m.c < 0)) return ['max', 'f(p + h) - f(p) is a sum of even powers of h with negative coefficients, so <= 0'];
  // Along a line p + t·d: the lowest-order term c·tᵏ of f(p + t·d) − f(p) decides the sign near t = 0.
  // Directions d ∈ {−1, 0, 1}ⁿ up to sign (first non-zero entry 1); n ≤ 4 here.
  const dirs: number[][] = [];
  const n = vs.length;
  if (n > 4) return null;
  for (let code = 1; code < 3 ** n; code++) {
    const d = vs.map((_, k) => (Math.floor(code / 3 ** k) % 3) - 1);
    if (d.find((t) => t !== 0) === 1) dirs.push(d);
  }
  dirs.sort((a, b) => a.filter((t) => t !== 0).length - b.filter((t) => t !== 0).length); // axes first
  let posDir: string | null = null, negDir: string | null = null;
  for (const d of dirs) {
    const byDeg = new Map<number, number>();
    for (const m of mons) {
      const w = m.exps.reduce((acc, k, i) => acc * d[i]! ** k, m.c);
      const deg = m.exps.reduce((a, b) => a + b, 0);
      byDeg.set(deg, (byDeg.get(deg) ?? 0) + w);
    }
    const lead = [...byDeg.entries()].filter(([, c]) => Math.abs(c) > 1e-12).sort((a, b) => a[0] - b[0])[0];
    if (!lead) continue;
    const dText = `(${d.join(', ')})`;
    if (lead[0] % 2 === 1) return ['saddle', `along direction ${dText} f(p + t*d) - f(p) starts with ${fmt(lead[1])}*t^${lead[0]}, an odd power: not an extremum`];
    if (lead[1] > 0) posDir ??= dText;
    else negDir ??= dText;
  }
  if (posDir && negDir) return ['saddle', `f rises along ${posDir} and falls along ${negDir}: not an extremum`];
  return null;
}

/** g as Σ c·Π hᵢ^kᵢ (numeric c), or null when g is not a polynomial in hs with numeric coefficients. */
function monomials(g: Expr, hs: SymbolNode[]): Array<{ c: number; exps: number[] }> | null {
  const one = (t: Expr, c: number): { c: number; exps: number[] } | null => {
    const exps = hs.map(() => 0);
    const parts: Array<[Expr, Expr]> = t.kind === 'Mul' ? t.bases.map((b, i) => [b, t.exps[i]!]) : t.kind === 'Pow' ? [[t.base, t.exp]] : [[t, ZERO]];
    if (t.kind === 'Mul') c *= evalNumber(t.coeff, new Map());
    for (const [b, k] of parts) {
      const i = hs.indexOf(b as SymbolNode);
      const kk = k === ZERO ? 1 : k.kind === 'Integer' ? Number(k.value.num) : -1;
      if (i < 0 || kk < 1) return null;
      exps[i]! += kk;
    }
    return Number.isFinite(c) ? { c, exps } : null;
  };
  if (g === ZERO) return [];
  if (g.kind !== 'Add') {
    const m = one(g, 1);
    return m ? [m] : null;
  }
  if (g.coeff !== ZERO) return null;
  const out: Array<{ c: number; exps: number[] }> = [];
  for (let i = 0; i < g.terms.length; i++) {
    const m = one(g.terms[i]!, evalNumber(g.coeffs[i]!, new Map()));
    if (!m) return null;
    out.push(m);
  }
  return out;
}
