/**
 * Lesson 06 — optimization: extrema are where f′(x) = 0. For f(x) = x³ − 2x² + 1 the derivative
 * 3x² − 4x vanishes at x = 0 (local max, f″(0) = −4) and x = 4/3 (local min, f″(4/3) = 4);
 * for log x the derivative 1/x is never 0, so log has no extremum and increases on (0, ∞).
 */
import {
  criticalPoints, diff, evaluate, parse, solve, symbol, toString, type Expr, type SymbolNode,
} from '../symbolic/index.js';
import { linspace } from '../numeric/index.js';
import { annotate, figure, hline, line, scatter, type Figure } from '../plot/index.js';
import type { Exercise, Lesson, LessonFigure, LessonRun } from './types.js';

/** Where f′ > 0 / < 0 between consecutive critical points, inside the domain of f. */
export function monotonicity(f: Expr, x: SymbolNode, cuts: number[], domain: [number, number]): Array<{ from: number; to: number; trend: 'increasing' | 'decreasing' }> {
  // f′ keeps its sign between consecutive critical points (f′ continuous on the domain).
  const d = diff(f, x);
  const knots = [domain[0], ...cuts.filter((c) => c > domain[0] && c < domain[1]), domain[1]];
  const out: Array<{ from: number; to: number; trend: 'increasing' | 'decreasing' }> = [];
  for (let i = 0; i + 1 < knots.length; i++) {
    const a = knots[i]!, b = knots[i + 1]!;
    const mid = Number.isFinite(a) && Number.isFinite(b) ? (a + b) / 2 : Number.isFinite(a) ? a + 1 : Number.isFinite(b) ? b - 1 : 0;
    const s = evaluate(d, { [x.name]: mid });
    out.push({ from: a, to: b, trend: s > 0 ? 'increasing' : 'decreasing' });
  }
  return out;
}

/** An interval end: ±oo, or the exact text of the critical point it came from. */
function fmtEnd(v: number, exact: Map<number, string>): string {
  return v === Infinity ? 'oo' : v === -Infinity ? '-oo' : exact.get(v) ?? String(v);
}

/** The analysis of one function: derivative, critical points with kind, monotonicity. */
export function analyse(text: string, domain: [number, number]) {
  const x = symbol('x');
  const f = parse(text);
  const d1 = diff(f, x);
  const roots = solve(d1, x);
  const crit = criticalPoints(f, x);
  const mono = monotonicity(f, x, crit.points.map((p) => evaluate(p.point.x!)), domain);
  const exact = new Map(crit.points.map((p) => [evaluate(p.point.x!), toString(p.point.x!)] as [number, string]));
  const monoText = mono.map((m) => `${m.trend} on (${fmtEnd(m.from, exact)}, ${fmtEnd(m.to, exact)})`).join('; ');
  return { f, d1, roots, crit, mono, monoText };
}

/** f and f′ sampled on [a, b] (NaN outside the domain). */
function sample(f: Expr, d: Expr, a: number, b: number, n = 400): { x: Float64Array; f: Float64Array; d: Float64Array } {
  const x = linspace(a, b, n);
  const fv = new Float64Array(n), dv = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    fv[i] = evaluate(f, { x: x[i]! });
    dv[i] = evaluate(d, { x: x[i]! });
  }
  return { x, f: fv, d: dv };
}

/**
 * Two panels: f with its critical points marked and labelled by kind; f′ with the zero line, so
 * the extrema sit where f′ crosses 0.
 */
export function criticalFigure(text: string, a: number, b: number, title: string): Figure {
  const { f, d1, crit } = analyse(text, [a, b]);
  const s = sample(f, d1, a, b);
  const fig = figure({ width: 960, height: 400, cols: 2, title, id: `nabla-06-${text.length}` });
  const px = crit.points.map((p) => evaluate(p.point.x!));
  const py = crit.points.map((p) => evaluate(p.value));
  const left = fig.axes(0, 0, { title: 'y=f(x)' }).add(line({ x: s.x, y: s.f, label: 'f' }));
  if (px.length) {
    left.add(scatter({ x: px, y: py, fill: 'red', r: 5, label: 'critical points' }));
    crit.points.forEach((p, i) => left.add(annotate(`${p.kind} at x = ${toString(p.point.x!)}`, px[i]!, py[i]!)));
  }
  fig.axes(0, 1, { title: "y=f'(x)" }).add(line({ x: s.x, y: s.d, stroke: 'green', label: "f'" }), hline(0));
  return fig;
}

function figures(): LessonFigure[] {
  return [
    { name: '06-critical-points', figure: criticalFigure('x^3 - 2*x^2 + 1', -1, 2.2, 'f(x) = x³ − 2x² + 1: extrema where f′(x) = 0') },
    { name: '06-exercise-log', figure: criticalFigure('log(x)', 0.05, 5, "Exercise: f(x) = log x, f'(x) = 1/x > 0: no extremum") },
  ];
}

const exercises: Exercise[] = [
  {
    id: '06-min',
    prompt: 'For f(x) = x³ − 2x² + 1, at which x is the local minimum?',
    answer: '4/3',
    kind: 'symbolic',
    hints: ["Solve f'(x) = 3x² − 4x = x(3x − 4) = 0.", "Check the sign of f''(x) = 6x − 4 at each root."],
    solution: "f'(x) = x(3x − 4) = 0 at x = 0 and x = 4/3; f''(4/3) = 4 > 0, so x = 4/3 is a local minimum (f = −5/27).",
  },
  {
    id: '06-kind-at-0',
    prompt: 'For f(x) = x³ − 2x² + 1, what kind of critical point is x = 0: min, max or neither?',
    answer: 'max',
    kind: 'choice',
    hints: ["f''(0) = −4."],
    solution: "f''(0) = −4 < 0: the graph bends down, so x = 0 is a local maximum (f(0) = 1).",
  },
  {
    id: '06-log',
    prompt: 'How many critical points does f(x) = log x have?',
    answer: 0,
    kind: 'numeric',
    tolerance: 0,
    hints: ["f'(x) = 1/x. Can a fraction with numerator 1 be zero?"],
    solution: "f'(x) = 1/x is never 0 (and is > 0 for every x > 0): log x has no maximum or minimum and is increasing on (0, ∞).",
  },
  {
    id: '06-xexp',
    prompt: 'Where does f(x) = x·e^(−x) take its maximum?',
    answer: 1,
    kind: 'numeric',
    tolerance: 1e-9,
    hints: ["f'(x) = (1 − x)e^(−x); e^(−x) is never 0."],
    solution: "f'(x) = (1 − x)e^(−x) = 0 only at x = 1, and f''(1) = −1/e < 0: a maximum, f(1) = 1/e.",
  },
];

/** Lesson 06 as data. */
export const lesson06: Lesson = {
  id: 6,
  slug: 'optimization',
  title: 'Optimization',
  run(): LessonRun {
    const cubic = analyse('x^3 - 2*x^2 + 1', [-Infinity, Infinity]);
    const lg = analyse('log(x)', [0, Infinity]);
    const lines: string[] = [
      `f(x) = ${toString(cubic.f)}`,
      `f'(x) = ${toString(cubic.d1)}`,
      `Critical points (f'(x) = 0): [${cubic.roots.map(toString).join(', ')}]`,
    ];
    for (const p of cubic.crit.points) {
      lines.push(`x = ${toString(p.point.x!)}: local ${p.kind === 'max' ? 'maximum' : p.kind === 'min' ? 'minimum' : p.kind}, f = ${toString(p.value)} (${p.test})`);
    }
    lines.push(`Monotonic: ${cubic.monoText}`);
    lines.push('Exercise: f(x) = log(x)');
    lines.push(`f'(x) = ${toString(lg.d1)}`);
    lines.push(`Critical points (f'(x) = 0): [${lg.roots.map(toString).join(', ')}]`);
    lines.push(`${lg.crit.reason ?? ''}: log has no maximum or minimum`);
    lines.push(`Monotonic: ${lg.monoText}`);
    return {
      lines,
      get figures() {
        return figures();
      },
      exercises,
      data: {
        cubic: {
          f: toString(cubic.f),
          derivative: toString(cubic.d1),
          critical: cubic.crit.points.map((p) => ({ x: toString(p.point.x!), kind: p.kind, value: toString(p.value), test: p.test })),
          monotonic: cubic.mono,
        },
        log: { f: 'log(x)', derivative: toString(lg.d1), critical: [], reason: lg.crit.reason, monotonic: lg.mono },
      },
    };
  },
};
