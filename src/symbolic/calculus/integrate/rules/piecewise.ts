/**
 * Integrands with a kink or a jump at one point: |u|, sign u, relu u, H(u), max(a, b), min(a, b)
 * with u (or a − b) linear in x. Each is written with s = sign(u), constant on either side of
 * the root c of u:
 *
 *   |u| = s·u,  relu u = (u + s·u)/2,  H(u) = (1 + s)/2,
 *   max(a, b) = (a + b + s·(a − b))/2,  min(a, b) = (a + b − s·(a − b))/2   (u = a − b).
 *
 * Then f = A + s·B and ∫ f = ∫A + s·(G(x) − G(c)) with G = ∫B: subtracting G(c) makes the
 * antiderivative continuous at c, so definite integrals across the kink stay right (a check by
 * differentiating at sample points cannot see a jump, so continuity is built in, not tested).
 *
 * @example
 * integrate('x*abs(x)', 'x') // → x^3*sign(x)/3
 */
import { add, mul, pow, sub } from '../../../expr/arith.js';
import { NAN, NEG_ONE, ONE, ZERO, symbol, type Expr, type SymbolNode } from '../../../expr/expr.js';
import { FUNCTIONS, fn, kinkArgument } from '../../../functions/index.js';
import { diff } from '../../diff/diff.js';
import { expandProducts } from '../../../algebra/rewrite.js';
import { evalNumber, free, isEntire, substitute, walkDependent } from '../../../algebra/util.js';
import { linearIn } from '../../diff/polynomial-in.js';
import { show } from './parts.js';
import type { IntegrationRule } from './rule.js';
import { freeSymbols, mapExpr } from '../../../walk/traverse.js';

const S = symbol('_sign_pw');
/** Smooth functions allowed in the branches f± (entire: no singularity anywhere). */
const ENTIRE_BRANCH = new Set(['sin', 'cos', 'sinh', 'cosh']);

/** The first kink node of f whose switching expression u is linear in x, with u. */
function findKink(f: Expr, x: SymbolNode): { node: Expr; u: Expr } | null {
  let found: { node: Expr; u: Expr } | null = null;
  walkDependent(f, x, (n) => {
    if (n.kind !== 'Function' || !FUNCTIONS[n.name]?.bySign || n.args.length > 2) return;
    const u = kinkArgument(n.args);
    if (!linearIn(u, x)) return;
    found = { node: n, u };
    return false;
  });
  return found;
}

/** The kink node in terms of s = sign(u) (see the module comment): its table entry's `bySign`. */
function inSign(node: Extract<Expr, { kind: 'Function' }>): Expr {
  return FUNCTIONS[node.name]!.bySign!(S, node.args);
}

/**
 * ∫ f dx for f with one kink of a linear argument; `integ` integrates the smooth parts. Null when
 * f has no such kink, f is not linear in s after the rewrite (|u|², 1/|u|…), or G(c) is not finite.
 */
export function integratePiecewise(f: Expr, x: SymbolNode, integ: (g: Expr) => Expr | null, note: (s: string) => void): Expr | null {
  const k = findKink(f, x);
  if (!k) return null;
  const node = k.node as Extract<Expr, { kind: 'Function' }>;
  const g = signPowersReduced(expandProducts(substitute(f, node, inSign(node))));
  const [a, b] = linearIn(k.u, x)!;
  const c = mul(-1, b, pow(a, -1));
  const B = diff(g, S);
  if (B === ZERO) return null;
  let IA: Expr | null, G: Expr | null;
  if (free(B, S)) {
    // f = A + s·B
    const A = substitute(g, S, ZERO);
    IA = free(A, x) ? mul(A, x) : integ(A);
    G = IA === null ? null : integ(B);
  } else {
    // Not linear in s (e^(−|x|)): the branches f₊ (s = 1) and f₋ (s = −1), F± = ∫f±, are
    // F₊ − F₊(c) for u > 0 and F₋ − F₋(c) for u < 0, i.e. (F₊ + F₋)/2 + s·(F₊ − F₋)/2 shifted.
    // Only for entire branches: F₋ is used on u < 0 only, but a singularity of F₋ on u > 0
    // (1/(1 + |x|): f₋ = 1/(1 − x)) would make the combined formula undefined there.
    const fp = substitute(g, S, ONE), fm = substitute(g, S, NEG_ONE);
    if (!isEntire(fp, x, ENTIRE_BRANCH) || !isEntire(fm, x, ENTIRE_BRANCH)) return null;
    const Fp = integ(fp), Fm = Fp === null ? null : integ(fm);
    if (Fp === null || Fm === null) return null;
    const Fpc = substitute(Fp, x, c), Fmc = substitute(Fm, x, c);
    if (!finiteAt(Fpc) || !finiteAt(Fmc)) return null;
    IA = mul(pow(2, -1), sub(add(Fp, Fm), add(Fpc, Fmc)));
    G = mul(pow(2, -1), sub(Fp, Fm));
  }
  if (IA === null || G === null) return null;
  const Gc = substitute(G, x, c);
  // G must be finite at the kink (∫ sign(x)/x² has no continuous antiderivative across 0),
  // unless f itself is undefined there (1/|2x + 3|⁷): then each side is its own interval.
  if (!finiteAt(Gc)) {
    if (freeSymbols(f).length > 1 || finiteAt(substituteOrNaN(f, x, c))) return null;
    note(`on each side of ${x.name} = ${show(c)} (where the integrand is undefined): ${node.name}(…) written with sign(${show(k.u)})`);
    return add(IA, mul(fn('sign', k.u), G));
  }
  note(`on each side of ${x.name} = ${show(c)}: ${node.name}(…) written with sign(${show(k.u)}), antiderivative kept continuous there`);
  return add(IA, mul(fn('sign', k.u), sub(G, Gc)));
}

/** A value at the kink is usable unless it is a number that is not finite (with parameters: trusted). */
const finiteAt = (v: Expr): boolean => freeSymbols(v).length > 0 || Number.isFinite(evalNumber(v, new Map()));

/**
 * f at x = c, or NaN where the substitution throws (1/0 …) or f is not real there: exactly,
 * 0·√(−1) would cancel to 0, so the value is also evaluated numerically (|x + 1|·√(x² + 3x + 1)
 * is undefined at x = −1).
 */
function substituteOrNaN(f: Expr, x: SymbolNode, c: Expr): Expr {
  try {
    if (freeSymbols(f).length === 1 && Number.isNaN(evalNumber(f, new Map([[x, evalNumber(c, new Map())]])))) return NAN;
    return substitute(f, x, c);
  } catch {
    return NAN;
  }
}

/** sᵏ → s or 1 (s = sign(u) is ±1): |u|⁷ = (s·u)⁷ = s·u⁷. */
function signPowersReduced(g: Expr): Expr {
  return mapExpr(g, (_o, e) => {
    const odd = (k: Expr) => k.kind === 'Integer' && k.value.num % 2n !== 0n;
    const even = (k: Expr) => k.kind === 'Integer' && k.value.num % 2n === 0n;
    if (e.kind === 'Pow' && e.base === S && (odd(e.exp) || even(e.exp))) return odd(e.exp) ? S : ONE;
    if (e.kind === 'Mul' && e.bases.includes(S)) {
      const i = e.bases.indexOf(S), k = e.exps[i]!;
      if (!odd(k) && !even(k)) return e;
      return mul(e.coeff, ...e.bases.map((b, j) => (j === i ? (odd(k) ? S : ONE) : pow(b, e.exps[j]!))));
    }
    return e;
  });
}

/**
 * sign(u)ᵏ·g for a u that is not linear (sin x, sinh x): sign(u) is constant on each interval
 * where u keeps its sign, so ∫ sign(u)·g = sign(u)·∫ g there (sign(u)² = 1). The answer is an
 * antiderivative on each such interval (a continuous one across the zeros of a periodic u would
 * need floor(x/π) terms).
 */
export const signFactorRule: IntegrationRule = {
  name: 'sign factor',
  needs: (s) => s.functions.has('sign'),
  step: 'piecewise',
  apply: ({ x, c, fs, integrate, note }) => {
    const at = fs.findIndex(([b, k]) => b.kind === 'Function' && b.name === 'sign' && k.kind === 'Integer' && linearIn(b.args[0]!, x) === null);
    if (at < 0) return null;
    const [s, k] = fs[at]!;
    const rest = mul(c, ...fs.filter((_, i) => i !== at).map(([b, e]) => pow(b, e)));
    const G = integrate(rest);
    if (G === null) return null;
    const odd = k.kind === 'Integer' && k.value.num % 2n !== 0n;
    note(`${show(s)} is constant where ${show((s as Extract<Expr, { kind: 'Function' }>).args[0]!)} keeps its sign`);
    return odd ? mul(s, G) : G;
  },
};
