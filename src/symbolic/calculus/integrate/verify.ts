/**
 * The final check of every antiderivative: F′ = f over the integrand's whole real domain.
 *
 * A fixed handful of sample points misses both ways: it accepts an F that is right on one side of
 * a branch point only (an Euler substitution's (2x + √(4x² + 8x + 4) + 2)⁻⁴ is singular for every
 * x < −1), and it rejects a right F whose integrand lives on an interval narrower than the gaps
 * between the points. So the points come from the domain: f is evaluated on a grid that is fine
 * near 0 and spreads out to ±27 (t = sinh s, shifted off 0 so no grid point lands on a removable
 * singularity), the grid is cut into runs where f is finite, no denominator or radicand changes
 * sign and no function (of f or of F) crosses an end of its domain, a kink or a pole (the function
 * table's `domain`, `bySign` and `polesAt`), and each run is sampled inside. On every run F must be
 * real and F′ must equal f; a mismatch counts only when the neighbouring points confirm it (so one
 * ill-conditioned evaluation near a pole rejects nothing), and F undefined where f is defined
 * fails the check.
 *
 * @example
 * verifyAntiderivative(parse('2*x'), parse('x^2'), symbol('x')) // → true
 */
import { add } from '../../expr/arith.js';
import { children, isNum, numValue, type Expr, type SymbolNode } from '../../expr/expr.js';
import { diff } from '../diff/diff.js';
import { knownSign } from '../../expr/assumptions.js';
import { evalMany, free, isEntire, walkDependent } from '../../algebra/util.js';
import { logAbs } from '../../functions/sign.js';
import { FUNCTIONS, fn, kinkArgument } from '../../functions/index.js';
import { mapExpr, someNode } from '../../walk/traverse.js';
import { exprToRatFun } from '../../poly/convert.js';
import { polyDeriv, polyEq, polyMul, polySub } from '../../poly/poly.js';

/** Fixed points kept from the first version of the check: both signs, several scales. */
const FIXED = [0.3712, 0.8123, 1.3391, 2.1749, 0.5417, 3.7031, -0.4519, -1.2837, 0.1138, 5.9021, -2.6607, 9.4153];

/** The scan grid: t = sinh(s), s from −4 to 4 in steps of 1/10 (spacing 0.1 near 0, ≈ 2.7 at ±27). */
const GRID = Float64Array.from({ length: 81 }, (_, i) => Math.sinh(-4 + i / 10 + 0.0123));

/** At most this many runs are sampled (the ones nearest 0): periodic integrands have dozens. */
const MAX_RUNS = 24;

/** Where F′ and f agree: 1e−7 relative. A disagreement above 1e−5 at a point and its neighbours rejects. */
const AGREE = 1e-7;
const DISAGREE = 1e-5;

/**
 * Expressions whose sign change may switch F to another branch or leave its domain: bases of
 * negative and fractional powers, and, from the function table, u − t at each finite end t of a
 * function's domain, the switching argument of a kink function (`bySign`), and sin u or cos u for
 * one with poles there (`polesAt`).
 */
function criticalExpressions(e: Expr, x: SymbolNode, out: Set<Expr>): void {
  walkDependent(e, x, (n) => {
    if (n.kind === 'Pow' && isNum(n.exp) && (numValue(n.exp) < 0 || !Number.isInteger(numValue(n.exp)))) out.add(n.base);
    else if (n.kind === 'Function') {
      const def = FUNCTIONS[n.name];
      if (!def) return;
      const u = n.args[0]!;
      for (const t of def.domain ? [def.domain.lo, def.domain.hi] : []) if (Number.isFinite(t)) out.add(add(u, -t));
      if (def.bySign) out.add(kinkArgument(n.args));
      if (def.polesAt) out.add(fn(def.polesAt, u));
    }
  });
}

/**
 * Points that sample every run of f's real domain (see the module comment), then the fixed points.
 * Runs are cut where f stops being finite and where a critical expression changes sign. With no
 * critical expression that can change sign (one with a proven sign, 1 + eˣ, cannot) and an f
 * defined and continuous everywhere (`isEntire`) there is one run,
 * the whole grid, and nothing needs evaluating to find it.
 */
export function domainSamples(f: Expr, F: Expr, x: SymbolNode, env: ReadonlyMap<Expr, number>): number[] {
  const crit = new Set<Expr>();
  criticalExpressions(f, x, crit);
  criticalExpressions(F, x, crit);
  // |u| and what has a proven sign (eᵘ, 1 + eᵘ) never change sign: nothing to cut there.
  const cutters = [...crit].filter((c) => {
    if (c.kind === 'Function' && c.name === 'abs') return false;
    const sign = knownSign(c);
    return sign !== 1 && sign !== -1;
  });
  const runs: Array<[number, number]> = [];
  if (cutters.length === 0 && isEntire(f, x)) runs.push([0, GRID.length - 1]);
  else {
    const memo = new Map<Expr, Float64Array>();
    const fv = evalMany(f, x, GRID, env, memo);
    // cut[i]: a critical expression changes sign between grid points i and i + 1.
    const cut = new Uint8Array(GRID.length);
    for (const c of cutters) {
      const s = evalMany(c, x, GRID, env, memo);
      for (let i = 0; i + 1 < GRID.length; i++) if (Math.sign(s[i]!) * Math.sign(s[i + 1]!) < 0) cut[i] = 1;
    }
    let start = -1;
    for (let i = 0; i < GRID.length; i++) {
      const ok = Number.isFinite(fv[i]!);
      if (ok && start < 0) start = i;
      if (start >= 0 && (!ok || i === GRID.length - 1 || cut[i])) {
        runs.push([start, ok ? i : i - 1]);
        start = -1;
      }
    }
  }
  const mid = ([a, b]: [number, number]) => Math.abs(GRID[(a + b) >> 1]!);
  const chosen = runs.sort((p, q) => mid(p) - mid(q)).slice(0, MAX_RUNS);
  const pts: number[] = [];
  for (const [a, b] of chosen) {
    if (b - a >= 4) pts.push(GRID[a + ((b - a) >> 2)]!, GRID[(a + b) >> 1]!, GRID[b - ((b - a) >> 2)]!);
    else if (b > a) pts.push((GRID[a]! + GRID[b]!) / 2);
    else pts.push(GRID[a]!);
  }
  return [...pts, ...FIXED];
}

/**
 * Is F′ = f over f's real domain? See the module comment. With parameters (other free symbols)
 * they get fixed values 0.7, 1.07, 1.44, …
 * @example verifyAntiderivative(parse('1/x'), parse('log(x)'), symbol('x')) // → false (F is not real for x < 0)
 */
export function verifyAntiderivative(f: Expr, F: Expr, x: SymbolNode): boolean {
  const exact = rationalIdentity(f, F, x);
  if (exact !== null) return exact;
  const dF = diff(F, x);
  const env = new Map<Expr, number>();
  // The other symbols of f and F, sorted by name (as freeSymbols sorts them).
  parameters(f, F, x)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    // Parameters take values their assumptions allow (a negative symbol gets a negative value).
    .forEach((s, i) => env.set(s, (s.assume?.negative ? -1 : 1) * (0.7 + 0.37 * i)));
  const pts = domainSamples(f, F, x, env);
  // One memo for the three: F′ repeats much of F (and often of f), each common part is evaluated once.
  const memo = new Map<Expr, Float64Array>();
  const fa = evalMany(f, x, pts, env, memo), fb = evalMany(dF, x, pts, env, memo), fF = evalMany(F, x, pts, env, memo);
  const far = (a: number, b: number) => Math.abs(a - b) > DISAGREE * Math.max(1e-3, Math.abs(a), Math.abs(b));
  let used = 0;
  for (let i = 0; i < pts.length; i++) {
    const a = fa[i]!, b = fb[i]!, Fi = fF[i]!;
    if (!Number.isFinite(a) || Math.abs(a) > 1e12) continue;
    // F undefined or infinite where f is defined (not at a removable point of F, nor where a
    // value merely overflows, which only happens far out): right on part of the domain only.
    if (!Number.isFinite(Fi)) {
      if ((Number.isNaN(Fi) || Math.abs(pts[i]!) <= 5) && undefinedAround(f, F, x, pts[i]!, env)) return false;
      continue;
    }
    if (!Number.isFinite(b)) continue;
    if (Math.abs(a - b) <= AGREE * Math.max(1e-3, Math.abs(a), Math.abs(b))) {
      used++;
      continue;
    }
    if (!far(a, b)) continue;
    // Confirm at two neighbours before rejecting.
    const t = pts[i]!, d = 1e-4 * Math.max(1, Math.abs(t));
    const nb = [t - d, t + d];
    const na = evalMany(f, x, nb, env), nd = evalMany(dF, x, nb, env);
    if (nb.every((_, k) => Number.isFinite(na[k]!) && Number.isFinite(nd[k]!) && far(na[k]!, nd[k]!))) return false;
  }
  return used >= 2 || (used >= 1 && free(f, x));
}

/** The symbols other than x in f and F (each distinct node looked at once). */
function parameters(f: Expr, F: Expr, x: SymbolNode): SymbolNode[] {
  const out = new Set<SymbolNode>();
  const seen = new Set<Expr>();
  const stack: Expr[] = [f, F];
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    if (n.kind === 'Symbol') {
      if (n !== x) out.add(n);
    } else if (n.kind === 'Add') stack.push(...n.terms);
    else if (n.kind === 'Mul') stack.push(...n.bases, ...n.exps);
    else if (n.kind === 'Pow') stack.push(n.base, n.exp);
    else if (n.kind === 'Function') stack.push(...n.args);
    else stack.push(...children(n));
  }
  return [...out];
}

/**
 * When f and F are both rational functions of x over ℚ, F′ = f is decided exactly (a proof over the
 * whole domain, and no rounding: the expanded ∫(x + 1)³⁰(x − 1)³⁰ has terms near 2⁶⁰ that cancel
 * to almost nothing near x = 1, beyond any floating-point comparison); otherwise null.
 */
function rationalIdentity(f: Expr, F: Expr, x: SymbolNode): boolean | null {
  // Most answers have a logarithm, a root or another function in them: a look at the nodes first.
  if (!rationalShape(F, x) || !rationalShape(f, x)) return null;
  const rf = exprToRatFun(f, x);
  if (!rf) return null;
  const rF = exprToRatFun(F, x);
  if (!rF) return null;
  // (P/Q)′ = (P′Q − PQ′)/Q² = A/B  ⇔  (P′Q − PQ′)·B = A·Q²
  const [P, Qd] = rF, [A, B] = rf;
  const lhs = polyMul(polySub(polyMul(polyDeriv(P), Qd), polyMul(P, polyDeriv(Qd))), B);
  return polyEq(lhs, polyMul(A, polyMul(Qd, Qd)));
}

/**
 * Could e be a rational function of x over ℚ (what `exprToRatFun` reads): built from x and exact
 * numbers by sums, products and integer powers only? A necessary condition, checked without
 * building polynomials.
 */
function rationalShape(e: Expr, x: SymbolNode): boolean {
  return !someNode(e, (n) => !rationalNode(n, x));
}

/** One node of a rational function of x over ℚ: exact numbers, x, sums, integer powers. */
function rationalNode(n: Expr, x: SymbolNode): boolean {
  switch (n.kind) {
    case 'Integer':
    case 'Rational':
    case 'Add':
      return true;
    case 'Symbol':
      return n === x;
    case 'Mul':
      return n.exps.every((k) => k.kind === 'Integer');
    case 'Pow':
      return n.exp.kind === 'Integer';
    default:
      return false; // a Float, a constant, a function
  }
}

/** Is F undefined or infinite on both sides of t while f is finite there (so t is not a removable point of F or the edge of f's domain)? */
function undefinedAround(f: Expr, F: Expr, x: SymbolNode, t: number, env: ReadonlyMap<Expr, number>): boolean {
  const d = 1e-6 * Math.max(1, Math.abs(t));
  const near = [t - d, t + d];
  const fv = evalMany(f, x, near, env), Fv = evalMany(F, x, near, env);
  return near.every((_, k) => Number.isFinite(fv[k]!) && !Number.isFinite(Fv[k]!));
}

/**
 * F rewritten where a form is right only piecewise or on part of the domain, with the same
 * derivative wherever both are defined: atan(tan u) → u (the former jumps by π where f is
 * smooth), and, with `absLogs`, log u → log|u| (log(log x) is real only for x > 1, log|log x|
 * for every x > 0 but 1).
 * @example repairAntiderivative(parse('log(log(x))'), x, true) // → log(abs(log(abs(x))))
 */
export function repairAntiderivative(F: Expr, x: SymbolNode, absLogs: boolean): Expr {
  return mapExpr(F, (_orig, e) => {
    if (e.kind !== 'Function' || e.args.length !== 1 || free(e, x)) return e;
    const u = e.args[0]!;
    if (e.name === 'atan' && u.kind === 'Function' && u.name === 'tan') return u.args[0]!;
    if (absLogs && e.name === 'log' && !(u.kind === 'Function' && u.name === 'abs')) return logAbs(u);
    return e;
  });
}
