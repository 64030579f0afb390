/**
 * Bioche's substitutions for integrands built from the trigonometric (or hyperbolic) functions of
 * x alone: with S = sin x, C = cos x, the integrand h(S, C) dx becomes a function of one variable
 * whenever only even powers of the "other" function remain, using C² = 1 − S² (no square root of
 * 1 − S² is ever taken, so the substitution is exact on the whole domain):
 *
 *   t = sin x:  h dx = (h/C) dt,    needs h/C even in C   (C² = 1 − t²)
 *   t = cos x:  h dx = −(h/S) dt,   needs h/S even in S   (S² = 1 − t²)
 *   t = tan x:  S = t·C, h dx = h/(1 + t²) dt, needs h(tC, C) even in C   (C² = 1/(1 + t²))
 *
 * and for sinh, cosh, tanh the same with C² = 1 + t², S² = t² − 1, C² = 1/(1 − t²). These are the
 * invariances of h(x) dx under x → π − x, x → −x and x → π + x. The new integrand may still hold
 * other radicals (√(2t + 2)); the rules after this one take it from there.
 *
 * @example
 * // t = tan x
 * integrate('1/(2*csc(x)^2 + 1)', 'x') // → x - sqrt(6)*atan(sqrt(6)*tan(x)/2)/3
 */
import { add, mul, pow, sub } from '../../../expr/arith.js';
import { ONE, ZERO, type Expr, type SymbolNode } from '../../../expr/expr.js';
import { mapExpr } from '../../../walk/traverse.js';
import { fn } from '../../../functions/index.js';
import { free, nodeCount, substitute, walkDependent } from '../../../algebra/util.js';
import { freshSymbol } from './trig.js';
import type { IntegrationRule } from './rule.js';

const CIRCULAR = { sin: 'S', cos: 'C', tan: 'S/C', cot: 'C/S', sec: '1/C', csc: '1/S' } as const;
const HYPERBOLIC = { sinh: 'S', cosh: 'C', tanh: 'S/C', coth: 'C/S', sech: '1/C', csch: '1/S' } as const;

/** h(S, C) with the functions of x replaced by the symbols S and C, or null (another x-dependence). */
function inSC(f: Expr, x: SymbolNode, table: Record<string, string>, S: SymbolNode, C: SymbolNode): Expr | null {
  let found = false;
  const ok = walkDependent(f, x, (n) => {
    if (n.kind === 'Function') {
      if (!(n.name in table) || n.args[0] !== x) return false;
      found = true;
      return [];
    }
    if (n === x) return false;
    if (n.kind === 'Pow' && !free(n.exp, x)) return false;
  });
  if (!ok || !found) return null;
  let h = f;
  for (const [name, how] of Object.entries(table)) {
    const v = how === 'S' ? S : how === 'C' ? C : how === 'S/C' ? mul(S, pow(C, -1)) : how === 'C/S' ? mul(C, pow(S, -1)) : how === '1/C' ? pow(C, -1) : pow(S, -1);
    h = substitute(h, fn(name, x), v);
  }
  return free(h, x) ? h : null;
}

/** The power of Y in a term (0 when it has none). */
function powerOf(term: Expr, Y: SymbolNode): Expr {
  if (term === Y) return ONE;
  if (term.kind === 'Pow' && term.base === Y) return term.exp;
  if (term.kind === 'Mul') {
    const i = term.bases.indexOf(Y);
    return i >= 0 ? term.exps[i]! : ZERO;
  }
  return ZERO;
}

/**
 * Sums whose terms all hold a power of Y with Y's lowest power taken out (t·C + C = C·(t + 1)),
 * inside out, so that the parity of Y shows in the exponents: (t·C + C)⁻⁶ = C⁻⁶·(t + 1)⁻⁶.
 */
function factorOut(g: Expr, Y: SymbolNode): Expr {
  return mapExpr(g, (_orig, e) => {
    if (e.kind !== 'Add' || e.coeff !== ZERO) return e;
    const ks = e.terms.map((term) => powerOf(term, Y));
    if (ks.some((k) => k === ZERO || k.kind !== 'Integer')) return e;
    const low = ks.reduce((a, b) => (a.kind === 'Integer' && b.kind === 'Integer' && b.value.num < a.value.num ? b : a));
    return mul(pow(Y, low), add(...e.terms.map((term, i) => mul(e.coeffs[i]!, term, pow(Y, mul(-1, low))))));
  });
}

/**
 * g with the symbol Y replaced by √q, when every power of Y in g is even (so no root remains);
 * null otherwise. Works on the expression's own powers: Y^(2k) → q^k.
 */
function evenIn(g0: Expr, Y: SymbolNode, q: Expr): Expr | null {
  const g = factorOut(g0, Y);
  // Y itself (a first power) or Y^k with k not even: an odd power.
  const even = walkDependent(g, Y, (n) => {
    if (n === Y) return false;
    if (n.kind === 'Pow' && n.base === Y) return n.exp.kind === 'Integer' && n.exp.value.num % 2n === 0n ? [] : false;
    return undefined;
  });
  if (!even) return null;
  const r = substitute(g, pow(Y, 2), q);
  return free(r, Y) ? r : null;
}

/**
 * h is a polynomial in S and C: every power of a part holding S or C is a non-negative integer
 * one. (cosh²x: t = tanh x would give ∫dt/(1 − t²)², logarithms of tanh; the exponential form
 * that the later rewrite finds, x/2 + e^(2x)/8 − e^(−2x)/8, is the readable one.)
 */
function polynomialInSC(h: Expr, S: SymbolNode, C: SymbolNode): boolean {
  const has = (e: Expr) => !free(e, S) || !free(e, C);
  const stack: Expr[] = [h];
  while (stack.length) {
    const n = stack.pop()!;
    if (!has(n)) continue;
    if (n.kind === 'Add') stack.push(...n.terms);
    else if (n.kind === 'Mul' || n.kind === 'Pow') {
      const parts: Array<[Expr, Expr]> = n.kind === 'Mul' ? n.bases.map((b, i) => [b, n.exps[i]!]) : [[n.base, n.exp]];
      for (const [b, k] of parts) {
        if (!has(b)) continue;
        if (k.kind !== 'Integer' || k.value.num < 0n || has(k)) return false;
        stack.push(b);
      }
    } else if (n !== S && n !== C) return false;
  }
  return true;
}

export const biocheRule: IntegrationRule = {
  name: 'Bioche substitution',
  // No `needs`: apply takes fresh symbols (_w…) before it declines, and later substitutions are
  // numbered after them, so skipping it would rename (and reorder) other answers.
  step: 'trigonometric substitution',
  apply: ({ f, x, integrate, note }) => {
    for (const hyperbolic of [false, true]) {
      const S = freshSymbol(), C = freshSymbol();
      const h = inSC(f, x, hyperbolic ? HYPERBOLIC : CIRCULAR, S, C);
      if (h === null) continue;
      const t = freshSymbol();
      const t2 = pow(t, 2);
      const [sinN, cosN, tanN] = hyperbolic ? ['sinh', 'cosh', 'tanh'] : ['sin', 'cos', 'tan'];
      const tries: Array<[string, () => Expr | null]> = [
        // t = sin: C² = 1 − t² (cosh² = 1 + t²)
        [sinN!, () => evenIn(substitute(mul(h, pow(C, -1)), S, t), C, hyperbolic ? add(1, t2) : sub(1, t2))],
        // t = cos: S² = 1 − t² (sinh² = t² − 1); dt = −sin dx (dt = sinh dx)
        [cosN!, () => evenIn(substitute(mul(h, pow(S, -1), hyperbolic ? ONE : -1), C, t), S, hyperbolic ? sub(t2, 1) : sub(1, t2))],
        // t = tan: S = t·C, C² = 1/(1 + t²) (1/(1 − t²)), dx = dt/(1 ± t²)
        [tanN!, () => {
          if (hyperbolic && polynomialInSC(h, S, C)) return null;
          const onePm = hyperbolic ? sub(1, t2) : add(1, t2);
          const g = evenIn(substitute(h, S, mul(t, C)), C, pow(onePm, -1));
          return g && mul(g, pow(onePm, -1));
        }],
      ];
      // Every substitution that applies, the smallest new integrand first: tan³x·√(2tan²x + 1)
      // under t = sin x keeps a radical of a rational function, under t = tan x only of a polynomial.
      const made: Array<[string, Expr, number]> = [];
      for (const [name, make] of tries) {
        const g = make();
        if (g === null || !free(g, S) || !free(g, C)) continue;
        made.push([name, g, nodeCount(g)]);
      }
      made.sort((a, b) => a[2] - b[2]);
      for (const [name, g] of made) {
        const G = integrate(g, t);
        if (G === null) continue;
        note(`${t.name} = ${name}(${x.name})`);
        return substitute(G, t, fn(name, x));
      }
    }
    return null;
  },
};
