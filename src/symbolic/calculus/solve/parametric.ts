/**
 * `solve` with parameters: equations in x whose coefficients contain other symbols (x² = a,
 * a·x + b = 0, x² + b·x + c = 0, e^(a·x) = 2). Solutions cannot be checked or sorted by value
 * for every parameter value, so:
 *
 * - linear a·x + b = 0 → x = −b/a; quadratic a·x² + b·x + c = 0 → (−b ± √(b² − 4ac))/(2a),
 *   with x·(a·x + b) = 0 → 0, −b/a and a·x² + c = 0 → ±√(−c/a);
 * - anything else goes to the caller's exact methods (isolation: e^(a·x) = 2 → log(2)/a);
 * - each candidate is checked with sample parameter values; one that is real there and fails is
 *   dropped, one that is not real there (√a for a < 0) is kept: it solves the equation for the
 *   parameter values where it is real.
 *
 * @example
 * solve('x^2 - a', 'x') // → [-sqrt(a), sqrt(a)]
 */
import { LimitError } from '../../../core/errors.js';
import { add, mul, pow, sub } from '../../expr/arith.js';
import { ZERO, type Expr, type SymbolNode } from '../../expr/expr.js';
import { tidy } from '../../algebra/simplify.js';
import { evalNumber, free } from '../../algebra/util.js';
import { linearIn, quadraticIn } from '../diff/polynomial-in.js';
import { freeSymbols } from '../../walk/traverse.js';
import { Unsolvable, type Solution } from './poly.js';

/** Parameter values for the check: generic, positive, distinct. */
const SAMPLE = (i: number) => 0.7 + 0.37 * i;

/** Candidate solutions of f = 0 for x when f has other free symbols; see the module comment. */
export function solveParametric(f: Expr, x: SymbolNode, exact: (f: Expr) => Solution[]): Solution[] {
  const params = freeSymbols(f).filter((s) => s !== x);
  let cands: Expr[];
  const q = quadraticIn(f, x);
  const l = q ? null : linearIn(f, x);
  if (q) {
    const [a, b, c] = q;
    if (c === ZERO) cands = [ZERO, mul(-1, b, pow(a, -1))];
    else if (b === ZERO) {
      const r = pow(mul(-1, c, pow(a, -1)), pow(2, -1));
      cands = [mul(-1, r), r];
    } else {
      const root = pow(sub(pow(b, 2), mul(4, a, c)), pow(2, -1));
      const den = pow(mul(2, a), -1);
      cands = [mul(sub(mul(-1, b), root), den), mul(add(mul(-1, b), root), den)];
    }
  } else if (l) cands = [mul(-1, l[1], pow(l[0], -1))];
  else {
    try {
      cands = exact(f).map((s) => s.value);
    } catch (err) {
      if (!(err instanceof Unsolvable)) throw err;
      throw new LimitError(`solve: no exact method solves this equation with parameters (${params.map((p) => p.name).join(', ')})`);
    }
  }
  const env = new Map<Expr, number>(params.map((p, i) => [p, SAMPLE(i)]));
  const out: Solution[] = [];
  for (const c0 of cands) {
    const c = tidy(c0);
    if (out.some((o) => o.value === c) || !free(c, x)) continue;
    const v = evalNumber(c, env);
    if (Number.isFinite(v)) {
      env.set(x, v);
      const fv = evalNumber(f, env);
      env.delete(x);
      if (!(Math.abs(fv) <= 1e-9 * Math.max(1, Math.abs(v)))) continue;
    }
    out.push({ value: c, numeric: false });
  }
  return out;
}
