/**
 * The Playground's computation, as plain data the page shows: one card per result (input,
 * derivative with steps, integral, gradient, Jacobian, Hessian, critical points, plot). It runs in
 * the Playground's worker (pg-worker.ts), so the page never waits on the CAS, and within a work
 * budget: a result too large to read (over MAX_SHOWN characters) is summarised, not typeset, and
 * the cards after it that would only be larger (the Hessian of a huge gradient) are skipped.
 */
import { NablaError } from '../../src/core/index.js';
import {
  ZERO,
  criticalPoints,
  diff,
  expand,
  gradient,
  hessian,
  integrate,
  jacobian,
  latex,
  parse,
  pretty,
  sub,
  subs,
  type Expr,
} from '../../src/symbolic/index.js';
import { figure, line, scatter, surface } from '../../src/plot/index.js';
import { criticalPoints1D, evalAt, freeNames, text, type Shown } from './cas.js';
import { splitTop } from './split.js';
import { clippedSamples } from './live.js';

/** Results longer than this many characters are summarised instead of typeset. */
export const MAX_SHOWN = 4000;
/** LaTeX longer than this is shown as plain text: typesetting it would block the page. */
export const MAX_TYPESET = 1200;
/** Input longer than this is refused. */
export const MAX_INPUT = 2000;

export interface PgCard {
  cls: string;
  title: string;
  /** KaTeX source of the result. */
  latex?: string;
  /** 2-D text of a matrix. */
  pretty?: string;
  /** Parseable text of the result. */
  text?: string;
  steps?: string[];
  items?: string[];
  note?: string;
  error?: string;
  /** The plot layer's SVG. */
  svg?: string;
}

export interface PgRequest {
  src: string;
  /** Comma-separated variables, blank for automatic. */
  vars: string;
  /** Values of free parameters (names not among the variables), default 1. */
  params?: Record<string, number>;
  /** The 1-D plot's x window. */
  window?: [number, number];
  /** Width of a plot in px (default 440): the space a card has, so text is not scaled down. */
  width?: number;
  /** Declared shapes (`X:n,m w:m y:n`): when not blank, the input is a matrix expression (pg-matrix.ts). */
  shapes?: string;
}

export interface PgResult {
  /** The variables used, and the free parameters that got sliders. */
  vars: string[];
  params: string[];
  /** A parse error: the message with a caret line under the input. */
  parseError?: string;
}

function shown(title: string, cls: string, e: Shown, extra: Partial<PgCard> = {}): PgCard {
  const t = text(e);
  if (t.length > MAX_SHOWN) return { cls, title, note: `Too large to show: ${t.length.toLocaleString('en')} characters. Its start: ${t.slice(0, 200)} …`, ...extra };
  const isMatrix = typeof (e as { toRows?: unknown }).toRows === 'function';
  const tx = latex(e);
  const typeset = tx.length <= MAX_TYPESET ? { latex: tx } : { note: `Shown as text: typeset it would be ${tx.length.toLocaleString('en')} characters of LaTeX.` };
  return { cls, title, ...typeset, text: t, ...(isMatrix ? { pretty: pretty(e) } : {}), ...extra };
}

function safe(title: string, cls: string, f: () => PgCard | PgCard[]): PgCard[] {
  try {
    const r = f();
    return Array.isArray(r) ? r : [r];
  } catch (e) {
    // One card the library cannot compute (no rule, no solver) says why; the others stay.
    if (!(e instanceof NablaError)) throw e;
    return [{ cls, title, error: `${e.name}: ${e.message}` }];
  }
}

/**
 * ∫ f dx: the library's integrate; when it gives up on a polynomial (a high power of a product),
 * the expanded polynomial term by term, kept only if its derivative expands back to f.
 */
export function antiderivative(f: Expr, x: string): { value: Expr | null; steps: string[]; reason?: string } {
  const r = integrate(f, x, { steps: true });
  if (r.method !== 'unevaluated') {
    return { value: r.value, steps: r.steps.map((st) => `${'  '.repeat(st.depth)}${st.rule}: ∫ ${text(st.integrand)} d${st.variable?.name ?? x} = ${text(st.result)}${st.detail ? `  (${st.detail})` : ''}`) };
  }
  const e = expand(f);
  if (e !== f) {
    const F = integrate(e, x);
    if (expand(sub(diff(F, x), e)) === ZERO) return { value: F, steps: [`expand the product into a polynomial, then integrate term by term (checked: d/d${x} of the result expands back to the integrand)`] };
  }
  return { value: null, steps: [], reason: r.reason };
}

/**
 * Compute the Playground's cards for `req`, handing each to `emit` as soon as it is ready.
 * @example computePlayground({ src: 'x^2', vars: '' }, (c) => cards.push(c)) // input, derivative, steps, integral, …
 */
export function computePlayground(req: PgRequest, emit: (card: PgCard) => void): PgResult {
  if (req.src.length > MAX_INPUT) return { vars: [], params: [], parseError: `The input is ${req.src.length} characters long; the Playground reads at most ${MAX_INPUT}.` };
  const comps = splitTop(req.src);
  if (!comps.length) return { vars: [], params: [] };
  let exprs: Expr[];
  try {
    exprs = comps.map((c) => parse(c));
  } catch (e) {
    if (!(e instanceof NablaError)) throw e;
    return { vars: [], params: [], parseError: e.message };
  }
  const given = req.vars.split(',').map((s) => s.trim()).filter(Boolean);
  const free = [...new Set(exprs.flatMap((e) => freeNames(e)))].sort();
  const vars = given.length ? given : free.length ? free : ['x'];
  const params = free.filter((v) => !vars.includes(v));
  const env = Object.fromEntries(params.map((p) => [p, req.params?.[p] ?? 1]));
  const x = vars[0]!;
  const f = exprs[0]!;
  const out = (cards: PgCard[]): void => cards.forEach(emit);

  if (exprs.length > 1) {
    out(safe('Jacobian', 'jacobian', () => shown(`Jacobian ∂(f₁…f${exprs.length})/∂(${vars.join(', ')})`, 'jacobian', jacobian(exprs, vars))));
    return { vars, params };
  }
  out([shown('Input', 'input', f)]);
  let big = false;
  out(
    safe('Derivative', 'derivative', () => {
      const t = diff(f, x, { steps: true });
      const d = shown(`Derivative d/d${x}`, 'derivative', t.result);
      big = !d.latex;
      const steps = t.steps.slice(0, 60).map((s) => `${s.rule}: ${s.formula}  —  d/d${x} ${text(s.expr)} = ${text(s.result)}`);
      if (t.steps.length > 60) steps.push(`… and ${t.steps.length - 60} more steps`);
      return [d, { cls: 'steps', title: 'Steps', steps: steps.some((s) => s.length > MAX_SHOWN) ? [`${t.steps.length} steps, too large to show`] : steps, ...(t.steps.length ? {} : { note: 'No rule needed (a constant or a variable).' }) }];
    }),
  );
  out(
    safe('Integral', 'integral', () => {
      const r = antiderivative(f, x);
      if (!r.value) return { cls: 'integral', title: `Integral ∫ … d${x}`, note: `No antiderivative found${r.reason ? `: ${r.reason}` : ''}.` };
      return shown(`Integral ∫ … d${x}  (+ C)`, 'integral', r.value, { steps: r.steps });
    }),
  );
  if (vars.length > 1) out(safe('Gradient', 'gradient', () => shown(`Gradient ∇ in (${vars.join(', ')})`, 'gradient', gradient(f, vars))));
  if (big) out([{ cls: 'hessian', title: `Hessian in (${vars.join(', ')})`, note: `Skipped: the first derivative is already over ${MAX_SHOWN} characters, so the second would be larger still.` }]);
  else out(safe('Hessian', 'hessian', () => shown(`Hessian in (${vars.join(', ')})`, 'hessian', hessian(f, vars))));

  if (vars.length === 1) {
    const [a, b] = req.window ?? [-5, 5];
    const fp = params.length ? subs(f, env) : f;
    let crit: ReturnType<typeof criticalPoints1D> = { points: [], more: false };
    out(
      safe('Critical points', 'critical', () => {
        crit = criticalPoints1D(fp, x, a, b);
        const items = crit.points.map((c) => `${x} = ${c.exact ?? c.x.toPrecision(8)}: ${c.kind}${c.corner ? ' (a corner: f′ changes sign without being 0)' : ''}`);
        if (crit.more) items.push('… and more: f′ changes sign faster than the scan resolves');
        return { cls: 'critical', title: `Critical points (f′ = 0 or changes sign on [${a}, ${b}])`, ...(items.length ? { items } : { note: 'None on this range.' }) };
      }),
    );
    out(
      safe('Plot', 'plot', () => {
        const n = 600;
        const xs = Float64Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
        const d = diff(fp, x);
        const fy = clippedSamples(xs.map((v) => evalAt(fp, { [x]: v })));
        const dy = xs.map((v) => evalAt(d, { [x]: v }));
        // f′ shares the axis: clip it to the same window so a steep f′ does not flatten f.
        const [lo, hi] = fy.domain ?? [-1, 1];
        const span = hi - lo;
        const dClipped = dy.map((v) => (v >= lo - span && v <= hi + span ? v : NaN));
        const fig = figure({ width: req.width ?? 440, height: 300, id: 'pg' });
        const ax = fig.axes(0, 0, { legend: 'top-left', xDomain: [a, b], ...(fy.domain ? { yDomain: fy.domain } : {}) });
        ax.add(line({ x: xs, y: fy.y, label: 'f' }), line({ x: xs, y: dClipped, label: "f'", dash: 'dashed' }));
        const cx = crit.points.map((c) => c.x);
        if (cx.length) ax.add(scatter({ x: cx, y: cx.map((v) => evalAt(fp, { [x]: v })), r: 4, fill: '#c92a2a', label: 'critical points' }));
        const note = fy.domain ? undefined : `f has no finite value on [${a}, ${b}]${params.length ? '' : ''}.`;
        return { cls: 'plot', title: `Plot on [${a}, ${b}]${params.length ? ` with ${params.map((p) => `${p} = ${env[p]}`).join(', ')}` : ''}`, svg: fig.toSVG(), ...(note ? { note } : {}) };
      }),
    );
  } else {
    out(
      safe('Critical points', 'critical', () => {
        const r = criticalPoints(f, vars);
        const items = r.points.map((p) => `(${vars.map((v) => text(p.point[v]!)).join(', ')}): ${p.kind} — ${p.test}`);
        return { cls: 'critical', title: '∇f = 0', ...(items.length ? { items } : { note: r.reason ?? 'None found.' }) };
      }),
    );
    if (vars.length === 2) {
      out(
        safe('Plot', 'plot', () => {
          const g = Float64Array.from({ length: 40 }, (_, i) => -3 + (6 * i) / 39);
          const z = new Float64Array(g.length * g.length);
          const fp = params.length ? subs(f, env) : f;
          for (let i = 0; i < g.length; i++) for (let j = 0; j < g.length; j++) z[i * g.length + j] = evalAt(fp, { [vars[0]!]: g[i]!, [vars[1]!]: g[j]! });
          const fig = figure({ width: req.width ?? 440, height: 360, id: 'pg' });
          fig.axes(0, 0, { xLabel: vars[0], yLabel: vars[1] }).add(surface({ x: g, y: g, z }));
          return { cls: 'plot', title: 'Surface on [−3, 3]²', svg: fig.toSVG() };
        }),
      );
    } else {
      out([{ cls: 'plot', title: 'Plot', note: `No plot for ${vars.length} variables: a plot shows one variable (a curve) or two (a surface).` }]);
    }
  }
  return { vars, params };
}
