/**
 * Gruntz's algorithm (D. Gruntz, "On Computing Limits in a Symbolic Manipulation System", 1996)
 * for lim_{x→+∞} of exp-log expressions; limits at finite points and at −∞ reach it by x = x0 ± 1/t
 * and x = −t. It decides by exact comparison classes, never by sampling the expression near the
 * point:
 *
 * 1. Ω = mrv(e): the most rapidly varying subexpressions (x or exponentials e^s with s → ±∞),
 *    where f and g compare by lim log f/log g (∞: f faster, 0: g faster, else the same class).
 * 2. If x ∈ Ω, substitute x → eˣ (same limit) and start again: Ω then holds only exponentials.
 * 3. Pick g = e^h ∈ Ω with no other element inside; ω = g (or 1/g) → 0⁺, log ω = ±h. Each
 *    f = e^s ∈ Ω is rewritten as e^(s − c·h)·ω^(∓c) with c = lim s/h, a nonzero constant.
 * 4. Expand e in ω (coefficients live in lower classes): e ~ c₀·ω^e₀. e₀ > 0: the limit is 0;
 *    e₀ < 0: ±∞ by the sign of c₀; e₀ = 0: the limit of c₀, one class down.
 *
 * Every answer follows from proven facts (coefficients proven nonzero, signs decided); when a step
 * cannot be decided the algorithm throws UndecidedError instead of guessing. Work is counted in
 * steps against a budget, so the same input gives the same answer on any machine.
 *
 * @example
 * gruntz(parse('exp(x)*(exp(1/x - exp(-x)) - exp(1/x))'), x) // → -1
 */
import { NablaError, UndecidedError } from '../../../core/errors.js';
import { add, mul, pow } from '../../expr/arith.js';
import { E, NAN, NEG_OO, ONE, OO, ZERO, ZOO, isNum, numValue, symbol, type Expr, type SymbolNode } from '../../expr/expr.js';
import { fn } from '../../functions/index.js';
import { knownSign } from '../../expr/assumptions.js';
import { free, substitute } from '../../algebra/util.js';
import { rewrite } from '../../walk/rewrite.js';
import { freeSymbols } from '../../walk/traverse.js';
import { leadTermIn, type AsymptoticOracle } from '../series/asymptotic.js';
import { makeTractable, type Lim } from './tractable.js';
import { constantSign, isIdenticallyZero, sameConstant } from './zero-test.js';

/** Steps one Gruntz limit may take (limits, signs and series operations all count). */
export const GRUNTZ_STEPS = 40_000;

/** Nested limit computations deeper than this are refused. */
const MAX_NESTING = 60;

const W = symbol('_w_gruntz');

const fin = (v: Expr): Lim => ({ k: 'fin', v });
const inf = (s: 1 | -1): Lim => ({ k: 'inf', s });

/**
 * lim_{x→+∞} e: a finite expression, OO or NEG_OO. Throws UndecidedError when it cannot decide
 * (oscillation, functions outside the exp-log class, coefficients it cannot prove nonzero, or the
 * work budget spent).
 * @example gruntz(parse('(3^x + 5^x)^(1/x)'), x) // → 5
 */
export function gruntz(e: Expr, x: SymbolNode, steps = GRUNTZ_STEPS): Expr {
  const g = new Gruntz(x, steps);
  let l: Lim;
  try {
    l = g.limit(e);
  } catch (err) {
    if (err instanceof UndecidedError) throw err;
    // A constructor refusing (an overflow, an undefined constant) means we cannot decide here.
    if (err instanceof NablaError) throw new UndecidedError(err.message);
    throw err;
  }
  return l.k === 'inf' ? (l.s > 0 ? OO : NEG_OO) : l.v;
}

class Gruntz {
  private steps = 0;
  private nesting = 0;
  private readonly limits = new Map<Expr, Lim>();
  private readonly signs = new Map<Expr, -1 | 0 | 1>();
  private readonly tractables = new Map<Expr, Expr>();
  private readonly mrvs = new Map<Expr, Expr[]>();
  private readonly x: SymbolNode;
  private readonly xExp: Expr;

  constructor(x: SymbolNode, private readonly maxSteps: number) {
    this.x = x;
    this.xExp = pow(E, x);
  }

  private step(): void {
    if (++this.steps > this.maxSteps) throw new UndecidedError('the limit needs more work than its budget allows');
  }

  private nested<R>(f: () => R): R {
    if (++this.nesting > MAX_NESTING) {
      this.nesting--;
      throw new UndecidedError('the limit nests too deeply');
    }
    try {
      return f();
    } finally {
      this.nesting--;
    }
  }

  limit(e: Expr): Lim {
    const hit = this.limits.get(e);
    if (hit) return hit;
    this.step();
    const r = this.nested(() => this.limitOf(this.tractable(e)));
    this.limits.set(e, r);
    return r;
  }

  private limitOf(e: Expr): Lim {
    const x = this.x;
    if (free(e, x)) {
      if (e === OO) return inf(1);
      if (e === NEG_OO) return inf(-1);
      if (e === ZOO || e === NAN) throw new UndecidedError('the expression is undefined');
      return fin(e);
    }
    if (e === x) return inf(1);
    const lt = this.leadTerm(e);
    if (!lt) return fin(ZERO);
    if (lt.v > 0) return fin(ZERO);
    if (lt.v < 0) return inf(this.nonzeroSign(lt.c));
    return this.limit(lt.c);
  }

  /** The sign of e for all large x (0 only for an expression identically 0). */
  sign(e: Expr): -1 | 0 | 1 {
    const hit = this.signs.get(e);
    if (hit !== undefined) return hit;
    this.step();
    const r = this.nested(() => this.signOf(e));
    this.signs.set(e, r);
    return r;
  }

  private signOf(e: Expr): -1 | 0 | 1 {
    const x = this.x;
    if (free(e, x)) {
      if (freeSymbols(e).length) {
        // Parameters: only what their assumptions prove (a > 0 with symbol('a', { positive: true })).
        const s = knownSign(e);
        if (s === 1 || s === -1 || s === 0) return s;
        throw new UndecidedError('the sign of a parameter is unknown');
      }
      return constantSign(e);
    }
    if (e === x) return 1;
    if (e.kind === 'Pow') return this.powSign(e.base, e.exp);
    if (e.kind === 'Mul') {
      let s = Math.sign(numValue(e.coeff)) as -1 | 0 | 1;
      for (let i = 0; i < e.bases.length && s !== 0; i++) s = (s * this.powSign(e.bases[i]!, e.exps[i]!)) as -1 | 0 | 1;
      return s;
    }
    const t = this.tractable(e);
    if (t !== e && (t.kind === 'Pow' || t.kind === 'Mul' || free(t, x))) return this.sign(t);
    const lt = this.leadTerm(t);
    return lt ? this.nonzeroSign(lt.c) : 0;
  }

  private powSign(b: Expr, k: Expr): -1 | 0 | 1 {
    if (b === E) return 1;
    const sb = this.sign(b);
    if (k.kind === 'Integer') return (k.value.num % 2n === 0n ? sb * sb : sb) as -1 | 0 | 1;
    if (sb >= 0) return sb;
    throw new UndecidedError('a negative base raised to a fractional power');
  }

  private nonzeroSign(c: Expr): 1 | -1 {
    const s = this.sign(c);
    if (s === 0) throw new UndecidedError('a leading coefficient proven nonzero has sign 0');
    return s;
  }

  private tractable(e: Expr): Expr {
    const hit = this.tractables.get(e);
    if (hit) return hit;
    const r = makeTractable(e, this.x, { limit: (u) => this.limit(u), sign: (u) => this.sign(u) });
    this.tractables.set(e, r);
    if (r !== e) this.tractables.set(r, r);
    return r;
  }

  /** e(eˣ): the same limit, one level of exponentials up (log eˣ = x for real x). */
  private moveUp(e: Expr): Expr {
    return this.tractable(substitute(e, this.x, this.xExp));
  }

  /** The most rapidly varying subexpressions of a tractable e (x or exponentials e^s, s → ±∞). */
  private mrv(e: Expr): Expr[] {
    const hit = this.mrvs.get(e);
    if (hit) return hit;
    this.step();
    const x = this.x;
    let r: Expr[];
    if (free(e, x)) r = [];
    else if (e === x) r = [x];
    else if (e.kind === 'Add') r = e.terms.reduce<Expr[]>((acc, t) => this.mrvMax(acc, this.mrv(t)), []);
    else if (e.kind === 'Mul') r = e.bases.reduce<Expr[]>((acc, b, i) => this.mrvMax(acc, this.mrv(pow(b, e.exps[i]!))), []);
    else if (e.kind === 'Pow' && e.base === E) {
      const inner = this.mrv(e.exp);
      r = this.limit(e.exp).k === 'inf' ? this.mrvMax([e], inner) : inner;
    } else if (e.kind === 'Pow') {
      if (!free(e.exp, x)) throw new UndecidedError('a varying exponent survived the rewrite');
      r = this.mrv(e.base);
    } else if (e.kind === 'Function') r = e.args.reduce<Expr[]>((acc, a) => this.mrvMax(acc, this.mrv(a)), []);
    else throw new UndecidedError(`cannot take the limit of a ${e.kind}`);
    this.mrvs.set(e, r);
    return r;
  }

  private mrvMax(f: Expr[], g: Expr[]): Expr[] {
    if (!f.length) return g;
    if (!g.length) return f;
    const union = (): Expr[] => [...f, ...g.filter((t) => !f.includes(t))];
    if (f.some((t) => g.includes(t))) return union();
    const c = this.compare(f[0]!, g[0]!);
    return c > 0 ? f : c < 0 ? g : union();
  }

  /** 1 when f varies faster than g, −1 slower, 0 in the same class: by lim log f/log g. */
  private compare(f: Expr, g: Expr): -1 | 0 | 1 {
    const log = (t: Expr): Expr => (t === this.x ? fn('log', t) : (t as { exp: Expr }).exp);
    const l = this.limit(mul(log(f), pow(log(g), -1)));
    if (l.k === 'inf') return 1;
    return constantSign(l.v) === 0 ? -1 : 0;
  }

  /**
   * The leading term of a tractable e in ω, or null when e ≡ 0. When x itself is in the mrv set,
   * e is moved up (x → eˣ) and ω = e⁻ˣ; the mrv set of the moved-up expression is the moved-up
   * set, so it is not recomputed (recomputing would compare eˣ with x again, forever).
   */
  private leadTerm(e: Expr): { c: Expr; e: Expr; v: number } | null {
    const omega = this.mrv(e);
    if (omega.includes(this.x)) return this.expandIn(this.moveUp(e), this.x);
    const args = omega.map((f) => (f as { exp: Expr }).exp);
    // g = e^h: an element with no other element inside it, so that log ω = ±h is free of ω.
    const h = args.find((a, i) => args.every((s, j) => j === i || !containsExp(a, s)));
    if (h === undefined) throw new UndecidedError('no innermost element in the mrv set');
    return this.expandIn(e, h);
  }

  /**
   * Rewrite e in ω = e^(∓h) (h → ±∞, h in the fastest class of e) and read off the leading term.
   * Every exponential e^s of e is classified here, not only the mrv set's elements: s/h → c ≠ 0
   * puts it in ω's class, as e^(s − c·h)·ω^(∓c); s/h → 0 leaves it to the coefficients.
   */
  private expandIn(e: Expr, h: Expr): { c: Expr; e: Expr; v: number } | null {
    const lh = this.limit(h);
    if (lh.k !== 'inf') throw new UndecidedError('an mrv exponential does not grow');
    const up = lh.s > 0; // e^h → ∞: ω = e^(−h)
    const classOf = (s: Expr): Expr | null => {
      if (s === h) return ONE;
      if (this.limit(s).k !== 'inf') return null;
      const l = this.limit(mul(s, pow(h, -1)));
      if (l.k === 'inf') throw new UndecidedError('an exponential grows faster than the mrv set');
      if (freeSymbols(l.v).length) throw new UndecidedError('a class ratio depends on a parameter');
      return constantSign(l.v) === 0 ? null : l.v;
    };
    const rewritten = rewriteInOmega(e, this.x, classOf, h, up);
    const oracle: AsymptoticOracle = {
      isZero: (c) => isIdenticallyZero(c, [this.x]),
      sign: (c) => this.nonzeroSign(c),
      logW: up ? mul(-1, h) : h,
      step: () => this.step(),
      sameExponent: sameConstant,
    };
    return leadTermIn(rewritten, W, oracle);
  }
}

/** Whether e^s occurs in e (as a power of E or as a factor E^s of a product). */
function containsExp(e: Expr, s: Expr): boolean {
  const seen = new Set<Expr>();
  const stack = [e];
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n) || isNum(n)) continue;
    seen.add(n);
    if (n.kind === 'Pow') {
      if (n.base === E && n.exp === s) return true;
      stack.push(n.base, n.exp);
    } else if (n.kind === 'Mul') {
      if (n.bases.some((b, i) => b === E && n.exps[i] === s)) return true;
      stack.push(...n.bases, ...n.exps);
    } else if (n.kind === 'Add') stack.push(...n.terms);
    else if (n.kind === 'Function') stack.push(...n.args);
  }
  return false;
}

/**
 * Replace each e^s in ω's class (classOf(s) = c) by e^(s′ − c·h)·ω^(∓c) (s′: s rewritten), where e^h = ω^(∓1):
 * the identity e^s = e^(s − c·h)·(e^h)^c.
 */
function rewriteInOmega(e: Expr, x: SymbolNode, classOf: (s: Expr) => Expr | null, h: Expr, up: boolean): Expr {
  const expRule = (s: Expr, go: (m: Expr) => Expr): Expr => {
    const c = classOf(s);
    if (c === null) return pow(E, go(s));
    return mul(pow(E, add(go(s), mul(-1, c, h))), pow(W, up ? mul(-1, c) : c));
  };
  return rewrite(e, (n, go) => {
    if (free(n, x)) return n;
    if (n.kind === 'Pow' && n.base === E) return expRule(n.exp, go);
    if (n.kind !== 'Mul') return null;
    const parts: Expr[] = [n.coeff];
    for (let i = 0; i < n.bases.length; i++) parts.push(n.bases[i] === E ? expRule(n.exps[i]!, go) : pow(go(n.bases[i]!), go(n.exps[i]!)));
    return mul(...parts);
  });
}
