/**
 * Lesson 03 — the gradient: the surface of f(x, y) = x² + y³, a field of gradient arrows, and a
 * numerical search over directions for the steepest ascent at (2, 3), printed exactly as the
 * listing prints it.
 */
import { pyRepr } from '../core/format.js';
import { arange, linspace, meshgrid, numericGradient, vmap } from '../numeric/index.js';
import type { Exercise, Lesson, LessonRun } from './types.js';
import { lesson03Figures } from './figures/lesson-03.js';

/** Result of the listing's direction search. */
export interface DirectionSearch {
  /** Angle in degrees (θ with dx = sin θ, dy = cos θ), as arange(0, 360, 0.1) produced it. */
  maxAngle: number;
  /** The largest rate of change found. */
  maxRate: number;
  /** (sin θ·rate, cos θ·rate): the gradient estimate. */
  gradient: [number, number];
  /** Every direction's rate, for plotting rate against angle. */
  angles: Float64Array;
  rates: Float64Array;
}

/**
 * The listing's search: for θ in arange(0, 360, 0.1), rate = (f(x + sin θ·s, y + cos θ·s) −
 * f(x, y))/s with s = 1e−4; keep the first maximum. The float operations follow the listing's
 * order (rad = angle·π/180; dx = sin(rad)·step) so the printed digits match Python's.
 */
export function steepestDirection(f: (x: number, y: number) => number, x: number, y: number, step = 0.0001): DirectionSearch {
  const angles = arange(0, 360, 0.1);
  const rates = new Float64Array(angles.length);
  let maxdf = -Infinity, maxangle = 0;
  for (let i = 0; i < angles.length; i++) {
    const angle = angles[i]!;
    const rad = (angle * Math.PI) / 180;
    const dx = Math.sin(rad) * step, dy = Math.cos(rad) * step;
    const df = (f(x + dx, y + dy) - f(x, y)) / step;
    rates[i] = df;
    if (df > maxdf) {
      maxdf = df;
      maxangle = angle;
    }
  }
  const gx = Math.sin((maxangle * Math.PI) / 180), gy = Math.cos((maxangle * Math.PI) / 180);
  return { maxAngle: maxangle, maxRate: maxdf, gradient: [gx * maxdf, gy * maxdf], angles, rates };
}

/** Dekker's split of a double into two 26-bit halves, for exact products. */
function split(a: number): [number, number] {
  const c = 134217729 * a; // 2^27 + 1
  const hi = c - (c - a);
  return [hi, a - hi];
}

/** a·b = p + e exactly (Dekker's two-product, no FMA needed). */
function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  const [ah, al] = split(a), [bh, bl] = split(b);
  const e = ah * bh - p + ah * bl + al * bh + al * bl;
  return [p, e];
}

/**
 * y³ rounded correctly, as C's pow(y, 3) (which Python and NumPy call) returns it. V8's `y ** 3`
 * can be one ulp off, which changes the listing's last printed digits. y² = p + e exactly, then
 * y³ = p·y + e·y in double-double, rounded once.
 */
export function cube(y: number): number {
  const [p, e] = twoProduct(y, y);
  const [h, l] = twoProduct(p, y);
  return h + (l + e * y);
}

/** Python's print of an int-valued Python int (no ".0") or a float (repr). */
function pyNum(v: number, isInt: boolean): string {
  return isInt ? String(v) : pyRepr(v);
}

/** The two lines the listing prints. */
export function searchLines(s: DirectionSearch, x: number, y: number): string[] {
  return [
    `Max rate of change at ${pyRepr(s.maxAngle)} degrees`,
    `Gradient vector at (${pyNum(x, true)},${pyNum(y, true)}) is (${pyRepr(s.gradient[0])},${pyRepr(s.gradient[1])})`,
  ];
}

const exercises: Exercise[] = [
  {
    id: '03-angle',
    prompt: 'For f(x, y) = x² + y² at (1, 1), in which direction (degrees, with dx = sin θ, dy = cos θ) does f increase fastest?',
    answer: 45,
    kind: 'numeric',
    tolerance: 0.05,
    hints: ['∇f = (2x, 2y). The fastest increase is along ∇f.', 'At (1, 1) the gradient is (2, 2): equal parts x and y.'],
    solution: '∇f(1, 1) = (2, 2) points at 45°; the search over 0.1° steps finds 45.0.',
  },
  {
    id: '03-rate',
    prompt: 'And what is the largest rate of change there?',
    answer: 2 * Math.SQRT2,
    kind: 'numeric',
    tolerance: 1e-3,
    hints: ['The largest directional derivative is the length of the gradient, |∇f|.'],
    solution: '|∇f(1, 1)| = |(2, 2)| = 2√2 ≈ 2.8284.',
  },
];

/** Lesson 03 as data. */
export const lesson03: Lesson = {
  id: 3,
  slug: 'gradient',
  title: 'Gradient of a vector function',
  run(): LessonRun {
    // x·x is correctly rounded, like pow(x, 2); y³ needs `cube`.
    const f = (x: number, y: number) => x * x + cube(y);
    // Surface: the listing uses a 1000 × 1000 grid; 60 × 60 draws the same picture.
    const axis = linspace(-10, 10, 60);
    const grid = meshgrid(axis, axis, 'ij');
    const z = grid.xv.map((xv, k) => f(xv, grid.yv[k]!));
    // Quiver: the listing's field (2x, 2y) is the gradient of x² + y², not of x² + y³.
    const q = linspace(-10, 10, 20);
    const qg = meshgrid(q, q, 'ij');
    const fx = vmap(qg.xv, (v) => 2 * v), fy = vmap(qg.yv, (v) => 2 * v);
    const size = fx.map((u, k) => Math.sqrt(u ** 2 + fy[k]! ** 2));
    const u = fx.map((v, k) => v / size[k]!), v = fy.map((w, k) => w / size[k]!);
    const tx = vmap(qg.xv, (w) => 2 * w), ty = vmap(qg.yv, (w) => 3 * w * w);
    const tsize = tx.map((a, k) => Math.hypot(a, ty[k]!));
    const search = steepestDirection(f, 2, 3);
    const exact = numericGradient((p) => f(p[0]!, p[1]!), [2, 3]);
    const ex = steepestDirection((x, y) => x ** 2 + y ** 2, 1, 1);
    const lines = [
      ...searchLines(search, 2, 3),
      `(exact gradient (4, 27); central differences give (${pyRepr(Number(exact[0]!.toPrecision(10)))}, ${pyRepr(Number(exact[1]!.toPrecision(10)))}))`,
      'Exercise: f(x,y) = x^2 + y^2 at (1,1)',
      ...searchLines(ex, 1, 1),
      `Max rate of change ${pyRepr(ex.maxRate)} (2*sqrt(2) = ${pyRepr(2 * Math.SQRT2)})`,
      "Note: the listing's arrow field is (2x, 2y), the gradient of x^2 + y^2; the gradient of x^2 + y^3 is (2x, 3y^2).",
    ];
    return {
      lines,
      get figures() { return lesson03Figures(this.data); },
      exercises,
      data: {
        surface: { x: axis, y: axis, z, listingResolution: 1000 },
        quiver: { x: qg.xv, y: qg.yv, u, v, magnitude: size },
        quiverTrue: { x: qg.xv, y: qg.yv, u: tx.map((a, k) => a / tsize[k]!), v: ty.map((b, k) => b / tsize[k]!), magnitude: tsize },
        search: { maxAngle: search.maxAngle, maxRate: search.maxRate, gradient: search.gradient, angles: search.angles, rates: search.rates },
        exercise: { maxAngle: ex.maxAngle, maxRate: ex.maxRate, gradient: ex.gradient },
      },
    };
  },
};
