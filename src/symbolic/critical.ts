/**
 * Stationary points and their kind. One variable: solve f′(x) = 0 exactly, then the
 * second-derivative test, and when f″(c) = 0 the higher-order test (the first non-zero
 * derivative f⁽ⁿ⁾(c): n even → min if > 0, max if < 0; n odd → inflection, not an extremum).
 * Several variables: solve ∇f = 0 by elimination, then the signs of the Hessian's eigenvalues
 * (all > 0 min, all < 0 max, mixed saddle, a zero eigenvalue inconclusive).
 *
 * @example
 * criticalPoints(parse('x^3 - 2*x^2 + 1'), 'x')
 * // [{ point: {x: 0}, kind: 'max', … }, { point: {x: 4/3}, kind: 'min', … }]
 * criticalPoints(parse('log(x)'), 'x').reason // "f'(x) = 1/x is never 0"
 */
import { ArgumentError, LimitError } from '../core/errors.js';
import { matrix } from '../numeric/matrix.js';
import { eigSym } from '../numeric/eig-sym.js';
import { ZERO, symbol, type Expr, type SymbolNode } from './expr.js';
import { diff } from './diff.js';
import { parse } from './parse.js';
import { toString } from './print-text.js';
import { freeSymbols } from './traverse.js';
import { evalNumber, substitute } from './integrate-util.js';
import { solveDetailed } from './solve.js';
import { solveSystem } from './solve-system.js';
import { tidy } from './simplify.js';

/** The kind of a stationary point. 'inflection' = stationary but not an extremum (1-D). */
export type CriticalKind = 'min' | 'max' | 'saddle' | 'inflection' | 'inconclusive';

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

export interface CriticalResult {
  points: CriticalPoint[];
  /** The derivative (1-D) or gradient components. */
  derivative: Expr[];
  /** Why there are none, when there are none. */
  reason?: string;
}

/**
 * Stationary points of f in the given variables (default: its free symbols, sorted by name).
 *
 * @example
 * criticalPoints(parse('x^2 + y^2'), ['x', 'y']).points[0].kind // 'min'
 */
export function criticalPoints(f: Expr | string, vars?: SymbolNode | string | ReadonlyArray<SymbolNode | string>): CriticalResult {
  const e = typeof f === 'string' ? parse(f) : f;
  const vs = (vars === undefined ? freeSymbols(e).sort((a, b) => (a.name < b.name ? -1 : 1)) : Array.isArray(vars) ? vars : [vars]).map((v) =>
    typeof v === 'string' ? symbol(v) : (v as SymbolNode),
  );
  if (!vs.length) throw new ArgumentError('criticalPoints: the expression has no variables');
  return vs.length === 1 ? oneVar(e, vs[0]!) : manyVars(e, vs);
}

function oneVar(f: Expr, x: SymbolNode): CriticalResult {
  const d1 = diff(f, x);
  const name = x.name;
  if (d1 === ZERO) return { points: [], derivative: [d1], reason: 'f is constant: every point is stationary' };
  let sols: ReturnType<typeof solveDetailed>;
  try {
    sols = solveDetailed(d1, x).filter((s) => Number.isFinite(evalNumber(substitute(f, x, s.value), new Map())));
  } catch (err) {
    if (!(err instanceof LimitError)) throw err;
    return { points: [], derivative: [d1], reason: `f'(${name}) = ${toString(d1)} = 0 could not be solved: ${err.message}` };
  }
  const points: CriticalPoint[] = [];
  for (const s of sols) {
    const c = s.value;
    let kind: CriticalKind = 'inconclusive';
    let test = 'derivatives up to order 8 vanish';
    let dn = d1;
    for (let n = 2; n <= 8; n++) {
      dn = diff(dn, x);
      const v = evalNumber(substitute(dn, x, c), new Map());
      if (!Number.isFinite(v)) {
        test = `f^(${n}) is undefined at the point`;
        break;
      }
      if (Math.abs(v) <= 1e-10) continue;
      const at = `${tick(n)}(${toString(c)}) = ${fmt(v)}`;
      if (n % 2 === 0) {
        kind = v > 0 ? 'min' : 'max';
        test = n === 2 ? `second derivative: ${at} ${v > 0 ? '> 0' : '< 0'}` : `higher-order test: first non-zero derivative is even, ${at}`;
      } else {
        kind = 'inflection';
        test = `higher-order test: first non-zero derivative is odd, ${at}`;
      }
      break;
    }
    points.push({ point: { [name]: c }, value: tidy(substitute(f, x, c)), kind, test, numeric: s.numeric });
  }
  if (!points.length) {
    return { points, derivative: [d1], reason: `f'(${name}) = ${toString(d1)} is never 0` };
  }
  return { points, derivative: [d1] };
}

const tick = (n: number): string => (n === 2 ? "f''" : n === 3 ? "f'''" : `f^(${n})`);
const fmt = (v: number): string => String(Math.round(v * 1e10) / 1e10);

function manyVars(f: Expr, vs: SymbolNode[]): CriticalResult {
  const grad = vs.map((v) => diff(f, v));
  const sols = solveSystem(grad, vs);
  const H = vs.map((a) => vs.map((b) => diff(diff(f, a), b)));
  const points: CriticalPoint[] = [];
  for (const s of sols) {
    const env = new Map<Expr, number>();
    for (const v of vs) env.set(v, evalNumber(s.values.get(v)!, new Map()));
    const n = vs.length;
    const data = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[i * n + j] = evalNumber(H[i]![j]!, env);
    const point: Record<string, Expr> = {};
    let value = f;
    for (const v of vs) {
      point[v.name] = s.values.get(v)!;
      value = substitute(value, v, s.values.get(v)!);
    }
    let kind: CriticalKind = 'inconclusive';
    let test = 'Hessian is not finite at the point';
    if (data.every(Number.isFinite)) {
      const ev = eigSym(matrix(n, n, data)).values;
      const scale = Math.max(1, ...Array.from(ev, Math.abs));
      const pos = ev.every((l) => l > 1e-10 * scale), negv = ev.every((l) => l < -1e-10 * scale);
      const zero = ev.some((l) => Math.abs(l) <= 1e-10 * scale);
      kind = pos ? 'min' : negv ? 'max' : zero ? 'inconclusive' : 'saddle';
      test = `Hessian eigenvalues ${Array.from(ev, fmt).join(', ')}`;
    }
    points.push({ point, value: tidy(value), kind, test, numeric: s.numeric });
  }
  return points.length
    ? { points, derivative: grad }
    : { points, derivative: grad, reason: 'no isolated stationary point: the gradient never vanishes, or vanishes along a whole curve' };
}
