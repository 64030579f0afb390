/**
 * Small systems of (polynomial) equations by elimination, enough for stationary points and
 * Lagrange multipliers: repeatedly (1) solve an equation that involves a single unknown and
 * branch on its roots, (2) solve an equation linear in some unknown with a constant coefficient
 * and substitute, (3) for a linear unknown whose coefficient a depends on other unknowns, branch
 * on a ≠ 0 (substitute) and a = 0 (add a = 0 to the system). Solutions are checked numerically.
 *
 * @example
 * solveSystem(['x + y - 1', 'x - y'], ['x', 'y']) // [{x: 1/2, y: 1/2}]
 */
import { ArgumentError, NablaError } from '../core/errors.js';
import { mul, pow, sub } from './arith.js';
import { ZERO, symbol, type Expr, type SymbolNode } from './expr.js';
import { diff } from './diff.js';
import { evalNumber, free, substitute } from './integrate-util.js';
import { equationToExpr, solveDetailed } from './solve.js';

/** One solution: unknown → value. `numeric` when some value is a float approximation. */
export interface SystemSolution {
  values: Map<SymbolNode, Expr>;
  numeric: boolean;
}

const MAX_BRANCHES = 64;

/**
 * Real solutions of a system (expressions = 0 or text equations) in the given unknowns.
 * Throws ArgumentError for more than 6 unknowns.
 * @example solveSystem(['x^2 + y^2 - 1', 'x - y'], ['x', 'y']) // x = y = ±√2/2
 */
export function solveSystem(equations: ReadonlyArray<Expr | string>, unknowns: ReadonlyArray<SymbolNode | string>): SystemSolution[] {
  const vars = unknowns.map((v) => (typeof v === 'string' ? symbol(v) : v));
  if (vars.length > 6) throw new ArgumentError('solveSystem handles at most 6 unknowns');
  const eqs = equations.map(equationToExpr);
  const found: SystemSolution[] = [];
  const budget = { branches: 0 };
  elim(eqs, vars, new Map(), false, found, budget, 0);
  // Verify and dedupe.
  const out: SystemSolution[] = [];
  for (const s of found) {
    if (vars.some((v) => !s.values.has(v))) continue;
    const env = new Map<Expr, number>();
    for (const v of vars) env.set(v, evalNumber(s.values.get(v)!, new Map()));
    if ([...env.values()].some((v) => !Number.isFinite(v))) continue;
    const ok = eqs.every((e) => {
      const r = evalNumber(e, env);
      return Number.isFinite(r) && Math.abs(r) <= (s.numeric ? 1e-6 : 1e-9) * Math.max(1, ...[...env.values()].map(Math.abs));
    });
    if (!ok) continue;
    if (out.some((o) => vars.every((v) => Math.abs(evalNumber(o.values.get(v)!, new Map()) - env.get(v)!) < 1e-10))) continue;
    out.push(s);
  }
  return out;
}

function elim(
  eqs: Expr[],
  vars: SymbolNode[],
  known: Map<SymbolNode, Expr>,
  numeric: boolean,
  out: SystemSolution[],
  budget: { branches: number },
  depth: number,
): void {
  if (++budget.branches > MAX_BRANCHES * 8 || depth > 20) return;
  const live = eqs.filter((e) => e !== ZERO);
  const unknown = vars.filter((v) => !known.has(v));
  // Equations without unknowns must hold.
  for (const e of live) {
    if (unknown.every((v) => free(e, v))) {
      const r = evalNumber(e, new Map());
      if (!(Math.abs(r) <= 1e-9)) return;
    }
  }
  const rest = live.filter((e) => unknown.some((v) => !free(e, v)));
  if (!unknown.length || !rest.length) {
    if (unknown.length) return; // under-determined: infinitely many solutions, not listed
    out.push({ values: backSubstitute(known, vars), numeric });
    return;
  }
  const assign = (v: SymbolNode, val: Expr, num: boolean, extra: Expr[] = []) => {
    const k2 = new Map(known);
    k2.set(v, val);
    elim([...rest.map((e) => substitute(e, v, val)), ...extra], vars, k2, numeric || num, out, budget, depth + 1);
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
      }
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
      elim([...rest.filter((x) => x !== e), a, b], vars, known, numeric, out, budget, depth + 1);
      // a ≠ 0 branch.
      assign(v, mul(-1, b, pow(a, -1)), false);
      return;
    }
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
