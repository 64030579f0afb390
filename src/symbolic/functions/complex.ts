/**
 * Real and imaginary parts of expressions written with the imaginary unit, and the table entries
 * `re`, `im`, `conjugate` built on them. `reIm(e)` splits e = a + b·I with a, b free of I.
 * Symbols are real in nabla (its real-variable convention), so an expression without I is its
 * own real part, except a negative number under an even root ((−1)^(1/4)), which is left
 * unsplit; e^(a + b·I) splits by Euler's formula. `abs` uses it too: |a + b·I| = √(a² + b²).
 *
 * @example
 * reIm(parse('x + 3*I*y - 2')) // → [x - 2, 3*y]
 * reIm(parse('sqrt(1 + I)'))   // → null
 */
import { D } from '../../numeric/dual.js';
import { add, coeffAndTerm, exp, mul, mulArray, pow, sub } from '../expr/arith.js';
import { E, HALF, I, ONE, ZERO, children, numNeg, numSign, type Expr } from '../expr/expr.js';
import { fn, registerFunctions, type FunctionDef } from './def.js';

/** The imaginary unit occurs in e (each node looked at once, without recursion). @example hasI(parse('x + 2*I')) // → true */
export function hasI(e: Expr): boolean {
  return findNode(e, (n) => n === I);
}

/** A node of e satisfies `test` (iterative, each shared node once). */
function findNode(e: Expr, test: (n: Expr) => boolean): boolean {
  const seen = new Set<Expr>();
  const stack: Expr[] = [e];
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    if (test(n)) return true;
    for (const k of children(n)) stack.push(k);
  }
  return false;
}

/** An even root of a negative number ((−1)^(1/4)): complex although I does not occur. */
function evenRootOfNegative(n: Expr): boolean {
  const bad = (b: Expr, k: Expr) =>
    (b.kind === 'Integer' || b.kind === 'Rational') && numSign(b) < 0 && k.kind === 'Rational' && k.value.den % 2n === 0n;
  if (n.kind === 'Pow') return bad(n.base, n.exp);
  if (n.kind === 'Mul') return n.bases.some((b, i) => bad(b, n.exps[i]!));
  return false;
}

/** Real by construction in nabla: no I and no even root of a negative number. */
function realByForm(e: Expr): boolean {
  return !findNode(e, (n) => n === I || evenRootOfNegative(n));
}

/** Nesting bound for reIm's recursion into sums and exponents (deeper: not split). */
const MAX_SPLIT_DEPTH = 32;
/** Most non-real factors of one product that reIm multiplies out. */
const MAX_COMPLEX_FACTORS = 4;

/**
 * [a, b] with e = a + b·I and a, b real by form, or null when e is not written that way (I inside
 * a function or a non-exponential power: sqrt(I), (1 + I)², log(I)).
 * @example reIm(parse('2*x - I*x')) // → [2*x, -x]
 * reIm(parse('exp(I*x)')) // → [cos(x), sin(x)]
 */
export function reIm(e: Expr, depth = 0): [Expr, Expr] | null {
  if (e === I) return [ZERO, ONE];
  if (depth > MAX_SPLIT_DEPTH) return null;
  if (e.kind === 'Add') {
    const re: Expr[] = [e.coeff];
    const im: Expr[] = [];
    for (let i = 0; i < e.terms.length; i++) {
      const p = reIm(e.terms[i]!, depth + 1);
      if (!p) return null;
      re.push(mul(e.coeffs[i]!, p[0]));
      im.push(mul(e.coeffs[i]!, p[1]));
    }
    return [add(...re), add(...im)];
  }
  if (e.kind === 'Mul') {
    // Real factors together, then (a + b·I)(c + d·I) = (ac − bd) + (ad + bc)·I for the others
    // (at most MAX_COMPLEX_FACTORS of them: each doubles the terms).
    const real: Expr[] = [e.coeff];
    let acc: [Expr, Expr] | null = null;
    let complexFactors = 0;
    for (let i = 0; i < e.bases.length; i++) {
      const f = pow(e.bases[i]!, e.exps[i]!);
      if (realByForm(f)) {
        real.push(f);
        continue;
      }
      if (++complexFactors > MAX_COMPLEX_FACTORS) return null;
      const p = reIm(f, depth + 1);
      if (!p) return null;
      acc = acc ? [sub(mul(acc[0], p[0]), mul(acc[1], p[1])), add(mul(acc[0], p[1]), mul(acc[1], p[0]))] : p;
    }
    const r = mulArray(real);
    return acc ? [mul(r, acc[0]), mul(r, acc[1])] : [e, ZERO];
  }
  if (e.kind === 'Pow' && e.base === E) {
    // Euler: e^(a + b·I) = e^a·(cos b + I·sin b)
    const p = reIm(e.exp, depth + 1);
    if (!p) return null;
    if (p[1] === ZERO) return [e, ZERO];
    const m = exp(p[0]);
    return [mul(m, fn('cos', p[1])), mul(m, fn('sin', p[1]))];
  }
  return realByForm(e) ? [e, ZERO] : null;
}

/** |u| for u = a + b·I with b ≠ 0: √(a² + b²); undefined otherwise (abs's own rules apply). @example absOfComplex(parse('3 + 4*I')) // → 5 */
export function absOfComplex(u: Expr): Expr | undefined {
  if (!hasI(u)) return undefined;
  const p = reIm(u);
  if (!p || p[1] === ZERO) return undefined;
  if (p[0] === ZERO) {
    // |b·I| = |b|, with b's number outside as SymPy writes it: |2·I·x| = 2·|x|
    const [c, t] = coeffAndTerm(p[1]);
    return mul(numSign(c) < 0 ? numNeg(c) : c, fn('abs', t));
  }
  return pow(add(pow(p[0], 2), pow(p[1], 2)), HALF);
}

const complexParts: FunctionDef[] = [
  {
    name: 're',
    arity: 1,
    parity: 'odd',
    numeric: (x) => x,
    simplify: ([u]) => reIm(u!)?.[0],
    // Symbols are real: re(u) = u wherever re stays unevaluated on a real path.
    derivative: () => ONE,
    dual: (a) => a,
    rule: 'd/du re(u) = 1 (u real)',
    latex: '\\operatorname{re}',
    js: '($0)',
  },
  {
    name: 'im',
    arity: 1,
    parity: 'odd',
    numeric: () => 0,
    simplify: ([u]) => reIm(u!)?.[1],
    derivative: () => ZERO,
    dual: () => D.constant(0),
    rule: 'd/du im(u) = 0 (u real)',
    latex: '\\operatorname{im}',
    js: '0',
  },
  {
    name: 'conjugate',
    arity: 1,
    parity: 'odd',
    numeric: (x) => x,
    simplify: ([u]) => {
      const p = reIm(u!);
      return p ? add(p[0], mul(-1, I, p[1])) : undefined;
    },
    derivative: () => ONE,
    dual: (a) => a,
    rule: 'd/du conjugate(u) = 1 (u real)',
    latex: '\\overline',
    js: '($0)',
  },
];

registerFunctions(complexParts);
