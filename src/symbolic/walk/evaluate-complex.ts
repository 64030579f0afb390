/**
 * Complex evaluation: the value of an expression that contains the imaginary unit `I`, as a pair
 * `{ re, im }` of doubles. `evaluate` stays real-valued (it refuses an I with a DomainError that
 * points here); `solve`'s tests check complex roots with this.
 *
 * Where the real evaluator gives a real value, this one gives the same value (imaginary part 0):
 * (−8)^(1/3) is still the real cube root −2. Otherwise powers and logarithms take the principal
 * branch, as SymPy does: (−4)^(1/2) = 2i, log(−1) = iπ. Functions with a complex argument:
 * exp, log, sin, cos, tan, sinh, cosh, tanh, abs, re, im, conjugate; any other function needs a
 * real argument (DomainError otherwise).
 *
 * @example
 * evaluateComplex(parse('(1 + 2*I)*(3 - I)')) // → { re: 5, im: 5 }
 * evaluateComplex(parse('x^2 + 1'), { x: 2 })  // → { re: 5, im: 0 }
 */
import { ArgumentError, DomainError } from '../../core/errors.js';
import { E, numValue, type Expr, type Num, type SymbolNode } from '../expr/expr.js';
import { FUNCTIONS } from '../functions/index.js';
import { envLookup, foldDag, realPow, type Env } from './eval-common.js';

/** A complex number as two doubles. @example const z: ComplexValue = { re: 0, im: 1 }; */
export interface ComplexValue {
  re: number;
  im: number;
}

const c = (re: number, im = 0): ComplexValue => ({ re, im });
const cadd = (a: ComplexValue, b: ComplexValue): ComplexValue => c(a.re + b.re, a.im + b.im);
const cmul = (a: ComplexValue, b: ComplexValue): ComplexValue => c(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
function cdiv(a: ComplexValue, b: ComplexValue): ComplexValue {
  // Smith's algorithm: no overflow from squaring |b|.
  if (Math.abs(b.re) >= Math.abs(b.im)) {
    const r = b.im / b.re, d = b.re + b.im * r;
    return c((a.re + a.im * r) / d, (a.im - a.re * r) / d);
  }
  const r = b.re / b.im, d = b.re * r + b.im;
  return c((a.re * r + a.im) / d, (a.im * r - a.re) / d);
}
const cexp = (z: ComplexValue): ComplexValue => {
  const m = Math.exp(z.re);
  return z.im === 0 ? c(m) : c(m * Math.cos(z.im), m * Math.sin(z.im));
};
/** Principal logarithm: log|z| + i·arg z, arg in (−π, π]. */
const clog = (z: ComplexValue): ComplexValue => c(Math.log(Math.hypot(z.re, z.im)), Math.atan2(z.im, z.re));
const ci = (z: ComplexValue): ComplexValue => c(-z.im, z.re); // i·z

/** zⁿ for an integer n by squaring (exact for Gaussian integers within double range). */
function cpowInt(z: ComplexValue, n: number): ComplexValue {
  if (n < 0) return cdiv(c(1), cpowInt(z, -n));
  let r = c(1), p = z;
  for (let k = n; k > 0; k = Math.floor(k / 2)) {
    if (k % 2 === 1) r = cmul(r, p);
    p = cmul(p, p);
  }
  return r;
}

/** b^k: the real rule when it gives a real value, else the principal branch exp(k·log b). */
function cpow(b: ComplexValue, k: ComplexValue, kNode: Expr): ComplexValue {
  if (b.im === 0 && k.im === 0) {
    const oddDen = kNode.kind === 'Rational' && kNode.value.den % 2n === 1n;
    const oddNum = kNode.kind === 'Rational' && kNode.value.num % 2n !== 0n;
    const r = realPow(b.re, k.re, oddDen, oddNum);
    if (!Number.isNaN(r) || Number.isNaN(b.re) || Number.isNaN(k.re)) return c(r);
  }
  if (k.im === 0 && Number.isInteger(k.re) && Math.abs(k.re) <= 1024) return cpowInt(b, k.re);
  if (b.re === 0 && b.im === 0) return k.re > 0 ? c(0) : c(NaN, NaN);
  return cexp(cmul(k, clog(b)));
}

/** The functions evaluated at a complex argument (the rest need a real one). */
const COMPLEX_FUNCTIONS: Readonly<Record<string, (z: ComplexValue) => ComplexValue>> = {
  log: clog,
  // sin z = sin a cosh b + i cos a sinh b, cos z = cos a cosh b − i sin a sinh b
  sin: (z) => c(Math.sin(z.re) * Math.cosh(z.im), Math.cos(z.re) * Math.sinh(z.im)),
  cos: (z) => c(Math.cos(z.re) * Math.cosh(z.im), -Math.sin(z.re) * Math.sinh(z.im)),
  tan: (z) => cdiv(COMPLEX_FUNCTIONS.sin!(z), COMPLEX_FUNCTIONS.cos!(z)),
  // sinh z = −i sin(iz), cosh z = cos(iz)
  sinh: (z) => {
    const s = COMPLEX_FUNCTIONS.sin!(ci(z));
    return c(s.im, -s.re);
  },
  cosh: (z) => COMPLEX_FUNCTIONS.cos!(ci(z)),
  tanh: (z) => cdiv(COMPLEX_FUNCTIONS.sinh!(z), COMPLEX_FUNCTIONS.cosh!(z)),
  abs: (z) => c(Math.hypot(z.re, z.im)),
  re: (z) => c(z.re),
  im: (z) => c(z.im),
  conjugate: (z) => c(z.re, -z.im),
};

function node(n: Expr, v: (e: Expr) => ComplexValue, symbol: (s: SymbolNode) => number | undefined): ComplexValue {
  switch (n.kind) {
    case 'Integer':
    case 'Rational':
    case 'Float':
      return c(numValue(n as Num));
    case 'Symbol': {
      const x = symbol(n);
      if (x === undefined) throw new ArgumentError(`evaluateComplex: no value given for symbol '${n.name}'`);
      return c(x);
    }
    case 'Constant':
      return n.name === 'I' ? c(0, 1) : c(n.name === 'pi' ? Math.PI : n.name === 'E' ? Math.E : n.name === 'oo' ? Infinity : n.name === '-oo' ? -Infinity : NaN);
    case 'Add': {
      let s = v(n.coeff);
      for (let i = 0; i < n.terms.length; i++) s = cadd(s, cmul(v(n.coeffs[i]!), v(n.terms[i]!)));
      return s;
    }
    case 'Mul': {
      let p = v(n.coeff);
      for (let i = 0; i < n.bases.length; i++) p = cmul(p, cpow(v(n.bases[i]!), v(n.exps[i]!), n.exps[i]!));
      return p;
    }
    case 'Pow':
      return n.base === E ? cexp(v(n.exp)) : cpow(v(n.base), v(n.exp), n.exp);
    case 'Function': {
      const def = FUNCTIONS[n.name];
      if (!def) throw new ArgumentError(`evaluateComplex: unknown function '${n.name}'`);
      const args = n.args.map(v);
      if (args.every((a) => a.im === 0)) {
        const r = def.numeric(...args.map((a) => a.re));
        // log of a negative real: the principal branch, log|x| + iπ.
        if (Number.isNaN(r) && n.name === 'log' && args[0]!.re < 0) return clog(args[0]!);
        return c(r);
      }
      const f = args.length === 1 ? COMPLEX_FUNCTIONS[n.name] : undefined;
      if (!f) throw new DomainError(`evaluateComplex: ${n.name}() is evaluated only at real arguments here, got a complex one`);
      return f(args[0]!);
    }
    case 'Derivative':
    case 'Integral':
      throw new DomainError(`evaluateComplex: cannot evaluate an unevaluated ${n.kind.toLowerCase()} numerically`);
  }
}

/**
 * The complex value of e, with `env` giving every free symbol a real value (a missing symbol or
 * an unknown function is an ArgumentError). Each node is computed once, without recursion.
 * @example evaluateComplex(parse('exp(I*x)'), { x: Math.PI / 2 }) // → ≈ { re: 0, im: 1 }
 */
export function evaluateComplex(e: Expr, env: Env = {}): ComplexValue {
  const symbol = envLookup(env);
  return foldDag<ComplexValue>(e, (n, get) => node(n, get, symbol));
}
