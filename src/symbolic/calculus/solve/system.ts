/**
 * Small systems of (polynomial) equations by elimination, enough for stationary points and
 * Lagrange multipliers: repeatedly (1) solve an equation that involves a single unknown and
 * branch on its roots, (2) solve an equation linear in some unknown with a constant coefficient
 * and substitute, (3) for a linear unknown whose coefficient a depends on other unknowns, branch
 * on a ≠ 0 (substitute) and a = 0 (add a = 0 to the system), (4) solve an equation quadratic in
 * an unknown (or a pure power a·vᵏ + r) with a constant leading coefficient by its formula and
 * branch on every root. Solutions are checked numerically.
 *
 * Before each step every equation is split into the factors that can vanish (`zeroFactors`):
 * A·B = 0 ⇔ A = 0 or B = 0, so the system branches on each factor; factors that are never 0 for
 * real values are divided out (nonzero constants, exp(u), bᵘ with b > 0, u² + 1, cosh u, …;
 * the sign test is `signOf`), and an equation made only of such factors closes its branch.
 * Denominators are dropped (1/u is never 0); a root where one is 0 fails the final check.
 * `solveSystemDetailed` also says whether the search was exhaustive (`complete`): "no solution"
 * is only claimed when every branch was closed by exact reasoning.
 *
 * @example
 * solveSystem(['x + y - 1', 'x - y'], ['x', 'y'])[0].values // → {x: 1/2, y: 1/2}
 */
import { ArgumentError, NablaError } from '../../../core/errors.js';
import { add, mul, pow, sub } from '../../expr/arith.js';
import { ONE, ZERO, isNum, rat, type Expr, type SymbolNode } from '../../expr/expr.js';
import { diff } from '../diff/diff.js';
import { expandProducts } from '../../algebra/rewrite.js';
import { evalNumber, free, substitute } from '../../algebra/util.js';
import { signOf } from '../../functions/sign.js';
import { quadraticIn } from '../diff/polynomial-in.js';
import { together } from '../../algebra/simplify.js';
import { exprToRatFun } from '../../poly/convert.js';
import { freeSymbols } from '../../walk/traverse.js';
import { toString } from '../../print/text.js';
import { solveDetailed } from './index.js';

/** One solution: unknown → value. `numeric` when some value is a float approximation. */
export interface SystemSolution {
  values: Map<SymbolNode, Expr>;
  numeric: boolean;
}

/** `solveSystemDetailed`'s answer. */
export interface SystemResult {
  solutions: SystemSolution[];
  /**
   * True when every branch of the elimination was settled exactly, so `solutions` is every
   * isolated real solution (an empty list then proves there is none). False when some equation
   * could not be solved, only principal solutions of a periodic equation were taken, numeric
   * roots came from a scan, or the search budget ran out.
   */
  complete: boolean;
  /** True when some branch leaves unknowns free: a curve or surface of solutions (not listed). */
  infinite: boolean;
  /** Why the search is not complete, one note per cause. */
  notes: string[];
}

interface SearchState {
  branches: number;
  notes: Set<string>;
  infinite: boolean;
  /** Sample values of the parameters (symbols that are not unknowns). */
  paramEnv: Map<Expr, number>;
}

const MAX_BRANCHES = 64;
const PERIODIC = new Set(['sin', 'cos', 'tan', 'cot', 'sec', 'csc']);

/**
 * Real solutions of a system (expressions = 0 or text equations) in the given unknowns.
 * Throws ArgumentError for more than 6 unknowns.
 * @example solveSystem(['x^2 + y^2 - 1', 'x - y'], ['x', 'y']).map((s) => s.values) // → [{x: -sqrt(2)/2, y: -sqrt(2)/2}, {x: sqrt(2)/2, y: sqrt(2)/2}]
 */
export function solveSystem(equations: readonly Expr[], unknowns: readonly SymbolNode[]): SystemSolution[] {
  return solveSystemDetailed(equations, unknowns).solutions;
}

/**
 * `solveSystem` with a completeness verdict, see `SystemResult`.
 * @example
 * solveSystemDetailed(['exp(x)', 'y'], ['x', 'y']) // → { solutions: [], complete: true }
 */
export function solveSystemDetailed(eqs: readonly Expr[], vars: readonly SymbolNode[]): SystemResult {
  if (vars.length > 6) throw new ArgumentError('solveSystem handles at most 6 unknowns');
  // Other symbols are parameters: checked at generic sample values (0.7, 1.07, …).
  const params = [...new Set(eqs.flatMap((e) => freeSymbols(e)))].filter((p) => !vars.includes(p));
  const paramEnv = new Map<Expr, number>(params.map((p, i) => [p, 0.7 + 0.37 * i]));
  const found: SystemSolution[] = [];
  const state: SearchState = { branches: 0, notes: new Set(), infinite: false, paramEnv };
  elim([...eqs], [...vars], new Map(), false, found, state, 0);
  // Verify and dedupe.
  const out: SystemSolution[] = [];
  const seen: number[][] = [];
  const undefinedAt: number[][] = [];
  for (const s of found) {
    if (vars.some((v) => !s.values.has(v))) continue;
    const env = new Map<Expr, number>(paramEnv);
    for (const v of vars) env.set(v, evalNumber(s.values.get(v)!, paramEnv));
    const xs = vars.map((v) => env.get(v)!);
    if (xs.some((v) => !Number.isFinite(v))) continue;
    const rs = eqs.map((e) => evalNumber(e, env));
    if (rs.some((r) => !Number.isFinite(r))) {
      undefinedAt.push(xs); // a real point where an equation is undefined (e.g. √(x²+y²) at 0)
      continue;
    }
    // Residuals are judged against the size of the equations' terms there (100·x² − 100 at x = 1
    // has terms of size 100); a near miss is reported rather than silently dropped.
    const scales = eqs.map((e) => Math.max(1, termScale(e, env), ...xs.map(Math.abs)));
    const tol = s.numeric ? 1e-6 : 1e-9;
    if (!rs.every((r, i) => Math.abs(r) <= tol * scales[i]!)) {
      if (rs.every((r, i) => Math.abs(r) <= 1e-3 * scales[i]!)) {
        state.notes.add(`a candidate near ${vars.map((v, i) => `${v.name} = ${+xs[i]!.toPrecision(6)}`).join(', ')} failed the numeric check`);
      }
      continue;
    }
    if (seen.some((o) => o.every((v, i) => Math.abs(v - xs[i]!) < 1e-10 * Math.max(1, Math.abs(v))))) continue;
    seen.push(xs);
    out.push(s);
  }
  for (const xs of undefinedAt) {
    if (seen.some((o) => o.every((v, i) => Math.abs(v - xs[i]!) < 1e-10 * Math.max(1, Math.abs(v))))) continue;
    state.notes.add(`the equations are undefined at ${vars.map((v, i) => `${v.name} = ${+xs[i]!.toPrecision(12)}`).join(', ')}, a candidate that was dropped`);
  }
  return { solutions: out, complete: state.notes.size === 0 && !state.infinite, infinite: state.infinite, notes: [...state.notes] };
}

/** Σ|terms| of e at env (|e| when e is not a sum): the scale for a residual check. */
function termScale(e: Expr, env: ReadonlyMap<Expr, number>): number {
  if (e.kind !== 'Add') return Math.abs(evalNumber(e, env));
  let s = Math.abs(evalNumber(e.coeff, env));
  for (let i = 0; i < e.terms.length; i++) s += Math.abs(evalNumber(mul(e.coeffs[i]!, e.terms[i]!), env));
  return Number.isFinite(s) ? s : 0;
}

/**
 * The factors of e whose vanishing makes e = 0, with the never-vanishing ones dropped:
 * e = 0 ⇔ some returned factor = 0. An empty list means e ≠ 0 wherever it is defined (proven).
 * Common factors of a sum are pulled out first: y·e^u − 2x²y·e^u = y·e^u·(1 − 2x²).
 *
 * @example
 * zeroFactors(parse('(1 - 2*x^2)*exp(-x^2 - y^2)')) // → [1 - 2*x^2]
 * zeroFactors(parse('exp(x)'))                     // → []
 */
export function zeroFactors(e: Expr): Expr[] {
  const out: Expr[] = [];
  const stack: Array<[Expr, number]> = [[e, 0]];
  while (stack.length) {
    const [f, depth] = stack.pop()!;
    if (!freeSymbols(f).length) {
      const v = evalNumber(f, new Map());
      if (!(Math.abs(v) > 1e-300)) out.push(f); // 0 (or undecidable): keep, the caller checks it
      continue;
    }
    if (signOf(f) !== 0) continue; // > 0 or < 0 everywhere it is defined
    if (depth > 12) {
      out.push(f);
      continue;
    }
    if (f.kind === 'Mul' || f.kind === 'Pow') {
      const parts: Array<[Expr, Expr]> = f.kind === 'Mul' ? f.bases.map((b, i) => [b, f.exps[i]!]) : [[f.base, f.exp]];
      for (const [b, k] of parts) {
        if (isNum(k)) {
          // bᵏ = 0 ⇔ b = 0 for k > 0; never for k < 0 (a denominator).
          if (evalNumber(k, new Map()) > 0) stack.push([b, depth + 1]);
        } else if (signOf(b) <= 0) out.push(pow(b, k)); // bᵘ with b > 0 is never 0
      }
      continue;
    }
    if (f.kind === 'Function' && f.name === 'abs') {
      stack.push([f.args[0]!, depth + 1]); // |u| = 0 ⇔ u = 0
      continue;
    }
    if (f.kind === 'Add') {
      // A sum of fractions is 0 where its numerator is: Σ aᵢ/dᵢ = N/D.
      const t = together(f);
      if (t !== f) {
        stack.push([t, depth + 1]);
        continue;
      }
      const common = sharedFactor(f);
      if (common) {
        stack.push([common, depth + 1], [expandProducts(mul(f, pow(common, -1))), depth + 1]);
        continue;
      }
    }
    out.push(f);
  }
  return out.filter((f, i) => out.indexOf(f) === i);
}

/** The product of factors bᵏ (k > 0, the least exponent) shared by every term of a sum, or null. */
function sharedFactor(f: Extract<Expr, { kind: 'Add' }>): Expr | null {
  if (f.coeff !== ZERO) return null;
  const factorsOf = (t: Expr): Array<[Expr, Expr]> =>
    t.kind === 'Mul' ? t.bases.map((b, i) => [b, t.exps[i]!] as [Expr, Expr]) : t.kind === 'Pow' ? [[t.base, t.exp]] : [[t, ONE]];
  let shared = factorsOf(f.terms[0]!);
  for (let i = 1; i < f.terms.length && shared.length; i++) {
    const fi = factorsOf(f.terms[i]!);
    shared = shared.flatMap(([b, k]): Array<[Expr, Expr]> => {
      const hit = fi.find(([b2]) => b2 === b);
      if (!hit) return [];
      if (hit[1] === k) return [[b, k]];
      if (isNum(k) && isNum(hit[1])) return [[b, evalNumber(k, new Map()) <= evalNumber(hit[1], new Map()) ? k : hit[1]]];
      return [];
    });
  }
  shared = shared.filter(([b, k]) => freeSymbols(pow(b, k)).length > 0 && (!isNum(k) || evalNumber(k, new Map()) > 0));
  return shared.length ? mul(...shared.map(([b, k]) => pow(b, k))) : null;
}

function elim(
  eqs: Expr[],
  vars: SymbolNode[],
  known: Map<SymbolNode, Expr>,
  numeric: boolean,
  out: SystemSolution[],
  state: SearchState,
  depth: number,
): void {
  if (++state.branches > MAX_BRANCHES * 8 || depth > 20) {
    state.notes.add('the search budget ran out (too many cases)');
    return;
  }
  const live = eqs.filter((e) => e !== ZERO);
  const unknown = vars.filter((v) => !known.has(v));
  // Equations without unknowns must hold.
  for (const e of live) {
    if (unknown.every((v) => free(e, v))) {
      const r = evalNumber(e, state.paramEnv);
      if (Math.abs(r) <= 1e-9) continue;
      // A condition on the parameters alone (a = 0): generic values are assumed.
      if (freeSymbols(e).length) state.notes.add(`assumed ${toString(e)} != 0 (special parameter values are not explored)`);
      return;
    }
  }
  let rest = live.filter((e) => unknown.some((v) => !free(e, v)));
  if (!unknown.length || !rest.length) {
    if (unknown.length) {
      state.infinite = true; // under-determined: infinitely many solutions, not listed
      return;
    }
    out.push({ values: backSubstitute(known, vars), numeric });
    return;
  }
  // (0) Factor: divide out never-zero factors; A·B = 0 branches into A = 0 and B = 0.
  for (let i = 0; i < rest.length; i++) {
    const e = rest[i]!;
    const fs = zeroFactors(e);
    if (!fs.length) return; // e is never 0: this branch has no solution (proven)
    if (fs.length > 1) {
      const others = rest.filter((_, j) => j !== i);
      for (const f of fs) elim([...others, f], vars, known, numeric, out, state, depth + 1);
      return;
    }
    if (fs[0] !== e) rest = rest.map((r, j) => (j === i ? fs[0]! : r));
  }
  // The same equation twice (up to a constant factor) counts once.
  rest = rest.filter((e, i) => !rest.slice(0, i).some((r) => r === e || isNum(mul(e, pow(r, -1)))));
  const assign = (v: SymbolNode, val: Expr, num: boolean, extra: Expr[] = []) => {
    const k2 = new Map(known);
    k2.set(v, val);
    elim([...rest.map((e) => substitute(e, v, val)), ...extra], vars, k2, numeric || num, out, state, depth + 1);
  };
  // (1) an equation in a single unknown.
  for (const e of rest) {
    const inv = unknown.filter((v) => !free(e, v));
    if (inv.length === 1) {
      const v = inv[0]!;
      let sols: ReturnType<typeof solveDetailed> = [];
      try {
        sols = solveDetailed(e, v);
      } catch (err) {
        if (!(err instanceof NablaError)) throw err;
        state.notes.add(`could not solve ${toString(e)} = 0 for ${v.name}`);
      }
      if (isPeriodicIn(e, v)) state.notes.add(`${toString(e)} = 0 is periodic in ${v.name}: only principal solutions are listed`);
      if (sols.some((s) => s.numeric) && !exprToRatFun(e, v)) state.notes.add(`numeric roots of ${toString(e)} = 0 from a scan of [-20, 20]`);
      for (const s of sols) assign(v, s.value, s.numeric);
      return;
    }
  }
  // (2) linear with a constant coefficient.
  for (const e of rest)
    for (const v of unknown) {
      if (free(e, v)) continue;
      const a = diff(e, v);
      if (!unknown.every((w) => free(a, w)) || a === ZERO) continue;
      assign(v, mul(-1, sub(e, mul(a, v)), pow(a, -1)), false);
      return;
    }
  // (3) linear with a coefficient depending on other unknowns: branch a ≠ 0 / a = 0.
  for (const e of rest)
    for (const v of unknown) {
      if (free(e, v)) continue;
      const a = diff(e, v);
      if (!free(a, v)) continue;
      const b = sub(e, mul(a, v));
      // a = 0 branch: then b = 0 too.
      elim([...rest.filter((x) => x !== e), a, b], vars, known, numeric, out, state, depth + 1);
      // a ≠ 0 branch.
      assign(v, mul(-1, b, pow(a, -1)), false);
      return;
    }
  // (4) quadratic a·v² + b·v + c = 0 or pure power a·vᵏ + r = 0 in one unknown v with a constant
  // a ≠ 0: branch on every formula root, v = (−b ± √(b² − 4ac))/(2a) or v = ±(−r/a)^(1/k), each
  // a function of the other unknowns; where it is not real its branch fails the final check.
  for (const e of rest)
    for (const v of unknown) {
      const roots = rootFormulas(e, v, unknown);
      if (!roots) continue;
      for (const r of roots) assign(v, r, false);
      return;
    }
  const eqText = rest.map((e) => toString(e) + ' = 0').join(', ');
  state.notes.add(
    rest.length < unknown.length
      ? `${eqText}: fewer equations than unknowns, the solutions may form a curve or surface (not listed)`
      : `no elimination step applies to ${eqText}`,
  );
}

/** Roots of e = 0 for v by the quadratic or pure-power formula (see step 4), or null. */
function rootFormulas(e: Expr, v: SymbolNode, unknown: SymbolNode[]): Expr[] | null {
  if (free(e, v)) return null;
  const isConst = (c: Expr) => unknown.every((w) => free(c, w)) && !freeSymbols(c).length && c !== ZERO;
  const q = quadraticIn(e, v);
  if (q && isConst(q[0])) {
    const [a, b, c] = q;
    const root = pow(sub(pow(b, 2), mul(4, a, c)), pow(2, -1));
    const den = pow(mul(2, a), -1);
    return [mul(sub(mul(-1, b), root), den), mul(add(mul(-1, b), root), den)];
  }
  if (e.kind !== 'Add') return null;
  const dep = e.terms.map((t, i) => mul(e.coeffs[i]!, t)).filter((t) => !free(t, v));
  if (dep.length !== 1) return null;
  const t = dep[0]!;
  const parts: Array<[Expr, Expr]> = t.kind === 'Mul' ? t.bases.map((b, i) => [b, t.exps[i]!]) : t.kind === 'Pow' ? [[t.base, t.exp]] : [];
  const hit = parts.find(([b]) => b === v);
  if (!hit || hit[1].kind !== 'Integer' || hit[1].value.num < 3n) return null;
  const k = Number(hit[1].value.num);
  const a = mul(t, pow(v, -k));
  if (!isConst(a)) return null;
  const w = mul(-1, sub(e, t), pow(a, -1)); // vᵏ = w
  const r = pow(w, rat(1, k));
  // Even k: ±w^(1/k). Odd k: the real root, w^(1/k) for w ≥ 0 and −(−w)^(1/k) for w < 0.
  return k % 2 === 0 ? [r, mul(-1, r)] : [r, mul(-1, pow(mul(-1, w), rat(1, k)))];
}

/**
 * e contains a trigonometric function of v (then `solve` gives principal solutions only).
 * @example isPeriodicIn(parse('cos(2*x) + y'), symbol('x')) // → true
 */
export function isPeriodicIn(e: Expr, v: SymbolNode): boolean {
  const stack: Expr[] = [e];
  while (stack.length) {
    const n = stack.pop()!;
    if (free(n, v)) continue;
    if (n.kind === 'Function' && PERIODIC.has(n.name)) return true;
    if (n.kind === 'Add') stack.push(...n.terms);
    else if (n.kind === 'Mul') stack.push(...n.bases, ...n.exps);
    else if (n.kind === 'Pow') stack.push(n.base, n.exp);
    else if (n.kind === 'Function') stack.push(...n.args);
  }
  return false;
}

/** Resolve values that still mention later-solved unknowns. */
function backSubstitute(known: Map<SymbolNode, Expr>, vars: SymbolNode[]): Map<SymbolNode, Expr> {
  const out = new Map<SymbolNode, Expr>();
  for (const v of vars) {
    let e = known.get(v)!;
    for (let i = 0; i < vars.length; i++) for (const w of vars) if (known.has(w) && !free(e, w)) e = substitute(e, w, known.get(w)!);
    out.set(v, e);
  }
  return out;
}
