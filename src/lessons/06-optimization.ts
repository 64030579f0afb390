/**
 * Lesson 06 — optimization: extrema are where f′(x) = 0. For f(x) = x³ − 2x² + 1 the derivative
 * 3x² − 4x vanishes at x = 0 (local max, f″(0) = −4) and x = 4/3 (local min, f″(4/3) = 4);
 * for log x the derivative 1/x is never 0, so log has no extremum and increases on (0, ∞).
 */
import {
  criticalPoints, diff, evaluate, parse, solve, symbol, toString, type Expr, type SymbolNode,
} from '../symbolic/index.js';
import type { Exercise, Lesson, LessonRun } from './types.js';

/** Where f′ > 0 / < 0 between consecutive critical points, inside the domain of f. */
export function monotonicity(f: Expr, x: SymbolNode, cuts: number[], domain: [number, number]): Array<{ from: number; to: number; trend: 'increasing' | 'decreasing' }> {
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

const fmtEnd = (v: number): string => (v === Infinity ? 'oo' : v === -Infinity ? '-oo' : String(v));

/** The analysis of one function: derivative, critical points with kind, monotonicity. */
export function analyse(text: string, domain: [number, number]) {
  const x = symbol('x');
  const f = parse(text);
  const d1 = diff(f, x);
  const roots = solve(d1, x);
  const crit = criticalPoints(f, x);
  const mono = monotonicity(f, x, crit.points.map((p) => evaluate(p.point.x!)), domain);
  return { f, d1, roots, crit, mono };
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
    lines.push(`Monotonic: ${cubic.mono.map((m) => `${m.trend} on (${fmtEnd(m.from)}, ${fmtEnd(m.to)})`).join('; ')}`);
    lines.push('Exercise: f(x) = log(x)');
    lines.push(`f'(x) = ${toString(lg.d1)}`);
    lines.push(`Critical points (f'(x) = 0): [${lg.roots.map(toString).join(', ')}]`);
    lines.push(`${lg.crit.reason ?? ''}: log has no maximum or minimum`);
    lines.push(`Monotonic: ${lg.mono.map((m) => `${m.trend} on (${fmtEnd(m.from)}, ${fmtEnd(m.to)})`).join('; ')}`);
    return {
      lines,
      figures: [],
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
