/**
 * Taylor series in several variables, truncated by total degree (Maple's `mtaylor`; SymPy has no
 * multivariate `series`): every monomial Π (xᵢ − aᵢ)^kᵢ with Σ kᵢ < n. It scales the displacement,
 * f(a + ε·h), expands in ε with the one-variable series (the coefficient of εᵏ is the degree-k
 * part of the Taylor polynomial), and checks that each coefficient is a homogeneous polynomial of
 * degree k in h: where f is not analytic (√(x² + y²) at 0), that check fails and the expansion is
 * refused instead of returned wrong.
 *
 * @example
 * multiTaylor(parse('exp(x)*sin(y)'), [x, y], [ZERO, ZERO], 3) // → y + x*y
 */
import { ArgumentError, LimitError, describeValue } from '../../../core/errors.js';
import { add, mul, sub } from '../../expr/arith.js';
import { ONE, ZERO, symbol, type Expr, type SymbolNode } from '../../expr/expr.js';
import { evalNumber, free, substitute } from '../../algebra/util.js';
import { expand } from '../../algebra/expand.js';
import { tidy } from '../../algebra/simplify.js';
import { SeriesError, laurent } from './index.js';

const EPS = symbol('_eps_series');

/** Monomials one multivariate expansion may have (those of total degree < n in m variables: C(n + m − 1, m)). */
const MAX_MONOMIALS = 5000;

/** The exponents of a monomial c·Π hᵢ^kᵢ (c free of every hᵢ), or null. */
function monomialDegree(term: Expr, hs: readonly SymbolNode[]): number | null {
  const factors: Array<[Expr, Expr]> = term.kind === 'Mul' ? term.bases.map((b, i) => [b, term.exps[i]!]) : term.kind === 'Pow' ? [[term.base, term.exp]] : [[term, ONE]];
  let deg = 0;
  for (const [b, k] of factors) {
    if (hs.every((h) => free(b, h))) continue;
    if (!hs.includes(b as SymbolNode)) return null;
    if (k.kind !== 'Integer' || k.value.num < 0n) return null;
    deg += Number(k.value.num);
  }
  return deg;
}

/** Whether e (expanded) is a homogeneous polynomial of degree k in hs with coefficients free of them. */
function homogeneous(e: Expr, hs: readonly SymbolNode[], k: number): boolean {
  if (e === ZERO) return true;
  const terms = e.kind === 'Add' ? [e.coeff, ...e.terms] : [e];
  for (const t of terms) {
    if (t === ZERO) continue;
    if (monomialDegree(t, hs) !== k) return false;
  }
  return true;
}

/**
 * The Taylor polynomial of e about the point (a₁, …, aₘ) in the variables xs, with every monomial
 * of total degree below n. Throws SeriesError where e is not analytic at the point.
 * @example multiTaylor(parse('1/(1 - x - y)'), [x, y], [ZERO, ZERO], 3) // → 1 + x + y + x^2 + 2*x*y + y^2
 */
export function multiTaylor(e: Expr, xs: readonly SymbolNode[], at: readonly Expr[], n: number): Expr {
  if (!Number.isInteger(n) || n < 1) throw new ArgumentError(`series order must be a positive integer, got ${describeValue(n)}`);
  if (xs.length !== at.length) throw new ArgumentError(`series: ${xs.length} variables but ${at.length} expansion points`);
  if (new Set(xs).size !== xs.length) throw new ArgumentError('series: a variable is named twice');
  for (const a of at)
    if (!Number.isFinite(evalNumber(a, new Map())) || xs.some((x) => !free(a, x)))
      throw new ArgumentError('series: a multivariate expansion point must be finite numbers (expand at oo in one variable)');
  let monomials = 1;
  for (let i = 1; i <= xs.length && monomials <= MAX_MONOMIALS; i++) monomials = (monomials * (n - 1 + i)) / i;
  if (monomials > MAX_MONOMIALS) throw new LimitError(`series: total degree < ${n} in ${xs.length} variables has more than ${MAX_MONOMIALS} monomials`);
  // The displacement hᵢ = xᵢ − aᵢ: xᵢ itself where aᵢ = 0, else a placeholder put back at the end.
  const hs = xs.map((x, i) => (at[i] === ZERO ? x : symbol(`_h${i}_series`)));
  let g = e;
  xs.forEach((x, i) => (g = substitute(g, x, add(at[i]!, mul(EPS, hs[i]!)))));
  let s: ReturnType<typeof laurent>;
  try {
    s = laurent(g, EPS, ZERO, n);
  } catch (err) {
    if (err instanceof SeriesError) throw new SeriesError('no Taylor series at this point: the expression is not analytic there (a root, a log or an essential singularity)');
    throw err;
  }
  if (s.c.length && s.v < 0) throw new SeriesError('no Taylor series at this point: the expression has a pole there');
  const parts: Expr[] = [];
  for (let i = 0; i < s.c.length; i++) {
    const k = s.v + i;
    if (k >= n) break;
    const c = expand(tidy(s.c[i]!));
    if (!homogeneous(c, hs, k)) throw new SeriesError('no Taylor series at this point: the expression is not analytic there (a root, an absolute value or a log of a vanishing argument)');
    parts.push(c);
  }
  let r = add(...parts);
  hs.forEach((h, i) => {
    if (h !== xs[i]) r = substitute(r, h, sub(xs[i]!, at[i]!));
  });
  return r;
}

