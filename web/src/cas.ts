/**
 * The symbolic layer as the pages use it, with each feature looked up by name so a page keeps
 * working (with a note) while a piece of the library has not landed.
 */
import type { Nabla } from './lib.js';
import { tex } from './math.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** The library function `name`, or null. */
export function pick(n: Nabla, ...names: string[]): ((...a: Any[]) => Any) | null {
  for (const name of names) if (typeof n[name] === 'function') return n[name] as (...a: Any[]) => Any;
  return null;
}

/** Plain text of an expression or matrix. */
export function text(n: Nabla, e: unknown): string {
  const ts = pick(n, 'exprToString');
  if (ts && e && typeof e === 'object' && (e as { kind?: string }).kind !== 'Matrix') {
    try {
      return String(ts(e));
    } catch {
      /* fall through */
    }
  }
  if (e && typeof e === 'object' && (e as { kind?: string }).kind === 'Matrix') {
    const m = e as { toRows(): unknown[][] };
    return `[${m.toRows().map((r) => `[${r.map((x) => text(n, x)).join(', ')}]`).join(', ')}]`;
  }
  return String(e);
}

/** LaTeX source of an expression or matrix, or null when the library has no LaTeX printer yet. */
export function latexOf(n: Nabla, e: unknown): string | null {
  const f = pick(n, 'toLatex', 'latex');
  if (!f) return null;
  try {
    return String(f(e));
  } catch {
    return null;
  }
}

/** KaTeX HTML for an expression (from its LaTeX), or null. */
export function texHtml(n: Nabla, e: unknown, display = true): string | null {
  const l = latexOf(n, e);
  return l === null ? null : tex(l, display);
}

/** 2-D pretty print, or the plain text. */
export function prettyOf(n: Nabla, e: unknown): string {
  const f = pick(n, 'pretty');
  if (f) {
    try {
      return String(f(e));
    } catch {
      /* fall through */
    }
  }
  return text(n, e);
}

/** Free symbol names of an expression, sorted. */
export function freeNames(n: Nabla, e: unknown): string[] {
  const f = pick(n, 'freeSymbols');
  if (!f) return [];
  return (f(e) as Array<{ name: string }>).map((s) => s.name).sort();
}

/** Numeric value of an expression at a point. */
export function evalAt(n: Nabla, e: unknown, env: Record<string, number>): number {
  const f = pick(n, 'evaluate');
  if (!f) return NaN;
  try {
    return Number(f(e, env));
  } catch {
    return NaN;
  }
}

export interface CriticalPoint {
  x: number;
  exact?: string;
  kind: 'local minimum' | 'local maximum' | 'inflection (not an extremum)' | 'flat';
}

/**
 * Critical points of f(x) on [a, b]: the library's solver when it has one, otherwise sign
 * changes of f' on a fine grid refined by bisection; the kind from the sign of f'' (or of f'
 * on both sides when f'' = 0).
 */
export function criticalPoints1D(n: Nabla, f: unknown, x: string, a = -10, b = 10): CriticalPoint[] {
  const lib = pick(n, 'criticalPoints');
  if (lib) {
    try {
      const r = lib(f, x) as { points: Array<{ point: Record<string, unknown>; kind: string }> };
      const KIND: Record<string, CriticalPoint['kind']> = { min: 'local minimum', max: 'local maximum', inflection: 'inflection (not an extremum)' };
      return r.points
        .map((p) => ({ x: evalAt(n, p.point[x], {}), exact: text(n, p.point[x]), kind: KIND[p.kind] ?? ('flat' as const) }))
        .filter((p) => Number.isFinite(p.x) && p.x >= a && p.x <= b);
    } catch {
      /* fall back to the numeric scan below */
    }
  }
  const diff = pick(n, 'diff')!;
  const d1 = diff(f, x);
  const d2 = diff(d1, x);
  const g = (v: number): number => evalAt(n, d1, { [x]: v });
  const gg = (v: number): number => evalAt(n, d2, { [x]: v });
  const roots: Array<{ x: number; exact?: string }> = [];
  const solve = pick(n, 'solve');
  let solved = false;
  if (solve) {
    try {
      const sols = solve(d1, x) as unknown[];
      for (const s of sols) {
        const v = evalAt(n, s, {});
        if (Number.isFinite(v) && v >= a && v <= b) roots.push({ x: v, exact: text(n, s) });
      }
      solved = true;
    } catch {
      solved = false;
    }
  }
  if (!solved) {
    const N = 4000;
    let px = a;
    let pv = g(a);
    if (pv === 0) roots.push({ x: a });
    for (let i = 1; i <= N; i++) {
      const cx = a + ((b - a) * i) / N;
      const cv = g(cx);
      if (cv === 0) roots.push({ x: cx });
      else if (Number.isFinite(pv) && Number.isFinite(cv) && pv !== 0 && Math.sign(pv) !== Math.sign(cv)) {
        let lo = px;
        let hi = cx;
        for (let k = 0; k < 80; k++) {
          const mid = (lo + hi) / 2;
          if (Math.sign(g(mid)) === Math.sign(g(lo))) lo = mid;
          else hi = mid;
        }
        const r = (lo + hi) / 2;
        // A pole of f' also changes sign: keep only real zeros.
        if (Math.abs(g(r)) < 1e-6 * (1 + Math.abs(g(px)) + Math.abs(g(cx)))) roots.push({ x: r });
      }
      px = cx;
      pv = cv;
    }
  }
  return roots.map((r) => {
    const c = gg(r.x);
    const h = 1e-4 * Math.max(1, Math.abs(r.x));
    let kind: CriticalPoint['kind'];
    if (c > 1e-9) kind = 'local minimum';
    else if (c < -1e-9) kind = 'local maximum';
    else {
      const l = g(r.x - h);
      const rr = g(r.x + h);
      kind = l < 0 && rr > 0 ? 'local minimum' : l > 0 && rr < 0 ? 'local maximum' : Math.abs(l) < 1e-12 && Math.abs(rr) < 1e-12 ? 'flat' : 'inflection (not an extremum)';
    }
    return { ...r, kind };
  });
}
