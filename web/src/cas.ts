/**
 * The symbolic layer as the pages show it: text of expressions and matrices, values at a point,
 * and 1-D critical points with a readable kind. (KaTeX is `tex(latex(e), true)` from math.ts.)
 */
import { NablaError } from '../../src/core/index.js';
import {
  criticalPoints,
  diff,
  evaluate,
  exprToString,
  freeSymbols,
  isSymMatrix,
  lambdify,
  type Env,
  type Expr,
  type SymMatrix,
} from '../../src/symbolic/index.js';

/** An expression or a matrix of them, as the symbolic layer returns. */
export type Shown = Expr | SymMatrix;

/** Plain text of an expression, or `[[a, b], [c, d]]` for a matrix. @example text(parse('x^2')) // 'x^2' */
export function text(e: Shown): string {
  if (isSymMatrix(e)) return `[${e.toRows().map((r) => `[${r.map(exprToString).join(', ')}]`).join(', ')}]`;
  return exprToString(e);
}

/** Free symbol names of an expression, sorted. @example freeNames(parse('y + x')) // ['x', 'y'] */
export function freeNames(e: Expr): string[] {
  return freeSymbols(e)
    .map((s) => s.name)
    .sort();
}

/**
 * Value of `e` at a point for plotting: NaN where the library reports the value undefined
 * (a library error), so one bad sample leaves a gap in the curve instead of breaking the figure.
 * @example evalAt(parse('1/x'), { x: 0 }) // Infinity or NaN, never a throw
 */
export function evalAt(e: Expr, env: Env): number {
  try {
    return evaluate(e, env);
  } catch (err) {
    if (err instanceof NablaError) return NaN;
    throw err;
  }
}

export interface CriticalPoint1D {
  x: number;
  /** The exact coordinate as text (`4/3`), when the solver found it exactly. */
  exact?: string;
  kind: 'local minimum' | 'local maximum' | 'stationary, not an extremum';
  /** f is not differentiable there (a corner such as |x| at 0): f′ changes sign without being 0. */
  corner?: boolean;
}

/** The most critical points listed (sin(1/x) has infinitely many near 0). */
export const MAX_CRITICAL_POINTS = 24;

/**
 * Critical points of f(x) on [a, b], every one in the range (periodic f′ included), each labelled
 * by the first-derivative test: f′ going − to + is a minimum, + to − a maximum, no sign change
 * not an extremum. That test also decides flat-bottomed points (x¹⁰ at 0) and corners (|x| at 0)
 * where the second derivative cannot. The library's exact solutions (`criticalPoints`) give the
 * exact text where they match. At most MAX_CRITICAL_POINTS are returned; `more` says if some were cut.
 * @example criticalPoints1D(parse('x^3 - 2x^2 + 1'), 'x').points // [{ x: 0, exact: '0', kind: 'local maximum' }, { x: 1.33…, exact: '4/3', kind: 'local minimum' }]
 */
export function criticalPoints1D(f: Expr, x: string, a = -10, b = 10, samples = 4000): { points: CriticalPoint1D[]; more: boolean } {
  const d = diff(f, x);
  // Compiled once: the scan evaluates f′ thousands of times.
  const compiled = lambdify(d, [x]);
  const fd = (v: number): number => {
    const r = compiled(v);
    return Number.isFinite(r) ? r : NaN;
  };
  const fv = (v: number): number => evalAt(f, { [x]: v });
  const sign = (v: number): number => (Number.isNaN(v) ? NaN : Math.sign(v));
  const exact: Array<{ x: number; text: string }> = [];
  try {
    for (const p of criticalPoints(f, x).points) {
      const c = p.point[x]!;
      const v = evalAt(c, {});
      if (!p.numeric && Number.isFinite(v)) exact.push({ x: v, text: exprToString(c) });
    }
  } catch (e) {
    if (!(e instanceof NablaError)) throw e;
  }
  const found: CriticalPoint1D[] = [];
  const h = (b - a) / samples;
  // f′ at the midpoints of the sample cells: its sign on each side of a candidate.
  let prevX = a;
  let prev = sign(fd(a));
  let lastCross = -10;
  let more = false;
  for (let i = 1; i <= samples; i++) {
    const xi = a + i * h;
    const si = sign(fd(xi));
    if (Number.isNaN(si) || Number.isNaN(prev)) {
      prev = si;
      prevX = xi;
      continue;
    }
    if (si !== prev && prev !== 0) {
      // A sign change of f′ in (prevX, xi]: bisect to it.
      let lo = prevX;
      let hi = xi;
      if (si === 0) lo = hi = xi;
      for (let k = 0; k < 60 && hi - lo > 1e-13 * Math.max(1, Math.abs(lo)); k++) {
        const mid = (lo + hi) / 2;
        const sm = sign(fd(mid));
        if (sm === 0) lo = hi = mid;
        else if (sm === prev) lo = mid;
        else hi = mid;
      }
      const c = (lo + hi) / 2;
      // Skip a pole of f (1/x², where f′ also changes sign): f must be finite and continuous there.
      const yc = fv(c);
      const left = fv(c - 1e-6 * Math.max(1, Math.abs(c)));
      const right = fv(c + 1e-6 * Math.max(1, Math.abs(c)));
      const continuous = [yc, left, right].every(Number.isFinite) && Math.abs(left - right) <= 1e-3 * Math.max(1, Math.abs(yc));
      // Where f′ is 0 on both sides of a flat stretch, look past it for the sign after.
      let after = si;
      for (let j = i + 1; after === 0 && j <= samples; j++) after = sign(fd(a + j * h));
      // Crossings closer than two samples: f′ oscillates faster than the scan resolves (sin(1/x)).
      if (i - lastCross <= 2) more = true;
      lastCross = i;
      const dup = found.length > 0 && Math.abs(found[found.length - 1]!.x - c) <= 2 * h;
      if (continuous && after !== prev && !Number.isNaN(after) && !dup) {
        const kind = prev < 0 && after > 0 ? 'local minimum' : 'local maximum';
        const ex = exact.find((e) => Math.abs(e.x - c) <= 1e-6 * Math.max(1, Math.abs(c)));
        const corner = Math.abs(fd(c)) > 1e-6 && !ex;
        found.push({ x: ex?.x ?? c, ...(ex ? { exact: ex.text } : {}), kind, ...(corner ? { corner: true } : {}) });
        if (found.length > MAX_CRITICAL_POINTS) break;
      }
    }
    if (si !== 0) prev = si;
    else if (si !== prev) {
      // f′ = 0 exactly at this sample: carry on with the sign past it.
      let j = i + 1;
      let after = 0;
      for (; after === 0 && j <= samples; j++) after = sign(fd(a + j * h));
      if (!Number.isNaN(after)) prev = after;
    }
    prevX = xi;
  }
  // Exact stationary points with no sign change (x³ at 0): listed, not an extremum.
  for (const e of exact) {
    if (e.x < a || e.x > b || found.some((p) => Math.abs(p.x - e.x) <= 1e-6 * Math.max(1, Math.abs(e.x)))) continue;
    found.push({ x: e.x, exact: e.text, kind: 'stationary, not an extremum' });
  }
  found.sort((p, q) => p.x - q.x);
  more ||= found.length > MAX_CRITICAL_POINTS;
  return { points: found.slice(0, MAX_CRITICAL_POINTS), more };
}
