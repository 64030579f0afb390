/**
 * Asymptotic series in a small positive variable w → 0⁺: finite sums Σ cᵢ·w^eᵢ + O(w^N) whose
 * exponents eᵢ are real constants (rationals, or exact irrationals such as log 3/log 5) and whose
 * coefficients cᵢ are free of w. Coefficients may depend on other variables that vary more slowly
 * than any power of w: that is what the Gruntz limit algorithm expands in. Because log w is a
 * known expression (`logW`), logarithms expand too: log(c·wᵃ·(1 + r)) = log c + a·log w + log(1 + r).
 *
 * Every series carries the exact order of its error term, computed from its inputs' (a product
 * A·B is known to O(w^min(oA + b₀, oB + a₀))), so a leading term read off a series is never an
 * artefact of truncation. Zero tests and signs of coefficients come from an oracle (the caller
 * knows what the coefficients' variables do).
 *
 * @example
 * // log(1/w + 1) − log w·(−1) = w − w²/2 + …: the leading term is w
 * limit('(log(1/w + 1) + log(w))/w', 'w', 0, '+') // → 1 (the leading term is w)
 */
import { UndecidedError } from '../../../core/errors.js';
import { add, mul, pow } from '../../expr/arith.js';
import { E, NAN, NEG_OO, ONE, OO, PI, ZERO, ZOO, isNum, numFromRational, rat, symbol, type Expr, type SymbolNode } from '../../expr/expr.js';
import { ERFS, FUNCTIONS, LGS, dgsName, dgsOrder, fn, type SeriesOps } from '../../functions/index.js';
import { bernoulli } from '../../functions/table-special.js';
import { diff } from '../diff/diff.js';
import { evalNumber, free, substitute } from '../../algebra/util.js';
import { freeSymbols } from '../../walk/traverse.js';

/** erfs(u) = e^(u²)·erfc(u) (defined with the function table, whose erf entry builds it near ∞). */
export { ERFS };

/** What the series code asks about coefficients (expressions free of w). */
export interface AsymptoticOracle {
  /** Whether c is identically zero; throws UndecidedError when it cannot tell. */
  isZero(c: Expr): boolean;
  /** The sign of a nonzero coefficient where its variables go; throws UndecidedError when unknown. */
  sign(c: Expr): 1 | -1;
  /** log w, an expression free of w. */
  readonly logW: Expr;
  /** One unit of work; throws UndecidedError when the caller's budget is spent. */
  step(): void;
  /** Whether two constant exponents, numerically equal, are equal. */
  sameExponent(a: Expr, b: Expr): boolean;
}

/** One term c·w^e (v: the exponent's value). */
interface Term {
  readonly e: Expr;
  readonly v: number;
  readonly c: Expr;
}

/** Σ terms + O(w^order); order Infinity: exact. Terms sorted by exponent, none at or past order. */
export interface Series {
  readonly terms: readonly Term[];
  readonly order: number;
}

/** The series needs more terms than the current truncation keeps. */
class NeedPrecision extends Error {}

/** Terms of a power series in w that the expansion will compute at most (per composition). */
const MAX_POWERS = 120;

/** Relative truncation orders tried in turn until a nonzero leading term shows (the work budget bounds the tries). */
const ORDERS = [2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096];

const ZERO_SERIES: Series = { terms: [], order: Infinity };

const isConstNumber = (e: Expr): boolean => isNum(e) || freeSymbols(e).length === 0;

/**
 * The leading term c·w^e of expr as w → 0⁺, with c proven nonzero by the oracle, or null when the
 * expression is exactly zero. Throws UndecidedError when no truncation order shows a nonzero term.
 * @example limit('(exp(w) - 1)/w', 'w', 0) // → 1 (leadTermIn finds c = 1, e = 1 for exp(w) − 1)
 */
export function leadTermIn(expr: Expr, w: SymbolNode, oracle: AsymptoticOracle): { c: Expr; e: Expr; v: number } | null {
  for (const N of ORDERS) {
    let s: Series;
    try {
      s = new Expander(w, N, oracle).expand(expr);
    } catch (err) {
      if (err instanceof NeedPrecision) continue;
      throw err;
    }
    for (const t of s.terms) if (!oracle.isZero(t.c)) return { c: t.c, e: t.e, v: t.v };
    if (s.order === Infinity) return null;
  }
  throw new UndecidedError('could not find a nonzero leading term (too much cancellation)');
}

/** One expansion at a fixed truncation order N (every series is cut at w^N). */
class Expander {
  private readonly memo = new Map<Expr, Series>();
  private readonly y = symbol('_y_asym');

  /** The operations the function table's series rules are written with (`SeriesRule.expand`). */
  private readonly ops: SeriesOps<Series> = {
    constant: (c) => this.constant(c),
    add: (a, b) => this.add(a, b),
    scale: (a, k) => this.scale(a, k),
    mul: (a, b) => this.mul(a, b),
    inv: (a) => this.powConst(a, rat(-1)),
    exp: (a) => this.exp(a),
    log: (a) => this.log(a),
    sinCos: (a) => [this.func('sin', a), this.func('cos', a)],
    awayFromZero: (a) => {
      if (!(this.lead(a).v <= 0)) throw new UndecidedError('the argument tends to 0 where the function is singular');
      return a;
    },
  };

  constructor(
    private readonly w: SymbolNode,
    private readonly N: number,
    private readonly oracle: AsymptoticOracle,
  ) {}

  expand(e: Expr): Series {
    const hit = this.memo.get(e);
    if (hit) return hit;
    this.oracle.step();
    const r = this.expandNode(e);
    this.memo.set(e, r);
    return r;
  }

  private expandNode(e: Expr): Series {
    if (free(e, this.w)) return this.constant(e);
    if (e === this.w) return this.make([{ e: ONE, v: 1, c: ONE }], Infinity);
    switch (e.kind) {
      case 'Add': {
        let acc = this.constant(e.coeff);
        for (let i = 0; i < e.terms.length; i++) acc = this.add(acc, this.scale(this.expand(e.terms[i]!), e.coeffs[i]!));
        return acc;
      }
      case 'Mul': {
        let acc = this.constant(e.coeff);
        for (let i = 0; i < e.bases.length; i++) acc = this.mul(acc, this.expand(pow(e.bases[i]!, e.exps[i]!)));
        return acc;
      }
      case 'Pow': {
        const { base: b, exp: k } = e;
        if (b === E) return this.exp(this.expand(k));
        if (free(k, this.w)) {
          if (isConstNumber(k)) return this.powConst(this.expand(b), k);
          // b^k with k varying slowly: exp(k·log b).
          return this.exp(this.scale(this.log(this.expand(b)), k));
        }
        return this.exp(this.mul(this.expand(k), this.log(this.expand(b))));
      }
      case 'Function':
        if (e.args.length !== 1) throw new UndecidedError(`cannot expand ${e.name} of several arguments`);
        return this.func(e.name, this.expand(e.args[0]!));
      default:
        throw new UndecidedError(`cannot expand a ${e.kind} node`);
    }
  }

  // ---- construction -------------------------------------------------------------------------

  private constant(c: Expr): Series {
    if (c === OO || c === NEG_OO || c === ZOO || c === NAN) throw new UndecidedError('an infinite constant inside the expansion');
    return c === ZERO ? ZERO_SERIES : this.make([{ e: ZERO, v: 0, c }], Infinity);
  }

  /**
   * Merge equal exponents, drop zero coefficients and terms at or past the order. Precision is
   * relative: a series keeps N powers of w past its first term (w⁻¹⁸⁸⁵·(w⁻¹⁸⁸⁵ + 1)⁻¹ needs the
   * inverse to order w¹⁸⁸⁵⁺ᴺ, not to w^N).
   */
  private make(terms: Term[], order: number): Series {
    let low = Infinity;
    for (const t of terms) if (t.c !== ZERO && t.v < low) low = t.v;
    const o = Math.min(order, low + this.N);
    const byExp = new Map<Expr, Term>();
    for (const t of terms) {
      if (t.v >= o || t.c === ZERO) continue;
      const prev = byExp.get(t.e);
      byExp.set(t.e, prev ? { e: t.e, v: t.v, c: add(prev.c, t.c) } : t);
    }
    const sorted = [...byExp.values()].sort((a, b) => a.v - b.v);
    const out: Term[] = [];
    for (const t of sorted) {
      const prev = out[out.length - 1];
      // Exponents equal in value but not in form (log(4/3)/log(2/3) and 1 + log 2/log(2/3)) are
      // merged when proven equal; otherwise they cannot be ordered.
      if (prev && t.v - prev.v < 1e-9 * Math.max(1, Math.abs(t.v))) {
        if (!this.oracle.sameExponent(prev.e, t.e)) throw new UndecidedError('cannot order two exponents that are numerically equal');
        out[out.length - 1] = { e: prev.e, v: prev.v, c: add(prev.c, t.c) };
      } else out.push(t);
    }
    for (let i = out.length - 1; i >= 0; i--) if (out[i]!.c === ZERO) out.splice(i, 1);
    return { terms: out, order: o };
  }

  private add(a: Series, b: Series): Series {
    return this.make([...a.terms, ...b.terms], Math.min(a.order, b.order));
  }

  private scale(a: Series, k: Expr): Series {
    if (k === ZERO) return ZERO_SERIES;
    if (k === ONE) return a;
    return this.make(a.terms.map((t) => ({ e: t.e, v: t.v, c: mul(t.c, k) })), a.order);
  }

  /** c·w^e·a. */
  private shift(a: Series, c: Expr, e: Expr): Series {
    const v = evalNumber(e, new Map());
    return this.make(a.terms.map((t) => ({ e: add(t.e, e), v: t.v + v, c: mul(t.c, c) })), a.order + v);
  }

  private mul(a: Series, b: Series): Series {
    const a0 = a.terms.length ? a.terms[0]!.v : a.order;
    const b0 = b.terms.length ? b.terms[0]!.v : b.order;
    const order = Math.min(a.order + b0, b.order + a0);
    const cap = Math.min(order, a0 + b0 + this.N);
    const out: Term[] = [];
    for (const s of a.terms)
      for (const t of b.terms) {
        if (s.v + t.v >= cap) break;
        this.oracle.step();
        out.push({ e: add(s.e, t.e), v: s.v + t.v, c: mul(s.c, t.c) });
      }
    return this.make(out, order);
  }

  /** The first term whose coefficient is not zero, and the rest divided by it: a = c·w^e·(1 + r). */
  private lead(a: Series): { c: Expr; e: Expr; v: number; r: Series } {
    const ts = a.terms;
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i]!;
      if (this.oracle.isZero(t.c)) continue;
      const inv = pow(t.c, -1);
      const rest = ts.slice(i + 1).map((s) => ({ e: add(s.e, mul(-1, t.e)), v: s.v - t.v, c: mul(s.c, inv) }));
      return { c: t.c, e: t.e, v: t.v, r: this.make(rest, a.order - t.v) };
    }
    throw new NeedPrecision();
  }

  /** Σₖ coef(k)·rᵏ for r → 0 (its exponents positive), to order w^upTo. */
  private compose(r: Series, coef: (k: number) => Expr, upTo: number): Series {
    const r1 = r.terms.length ? r.terms[0]!.v : r.order;
    if (!(r1 > 0)) throw new NeedPrecision();
    let acc = this.make([{ e: ZERO, v: 0, c: coef(0) }], upTo);
    if (r1 === Infinity) return acc;
    let p: Series = this.make([{ e: ZERO, v: 0, c: ONE }], Infinity);
    for (let k = 1; k * r1 < upTo; k++) {
      if (k > MAX_POWERS) throw new UndecidedError('the expansion needs too many terms');
      p = this.mul(p, r);
      const ck = coef(k);
      if (ck !== ZERO) acc = this.add(acc, this.scale(p, ck));
    }
    return acc;
  }

  private powConst(a: Series, p: Expr): Series {
    if (p.kind === 'Integer' && p.value.num >= 0n && p.value.num <= 8n) {
      let acc: Series = this.make([{ e: ZERO, v: 0, c: ONE }], Infinity);
      for (let i = 0n; i < p.value.num; i++) acc = this.mul(acc, a);
      return acc;
    }
    const { c, e, v, r } = this.lead(a);
    // A negative base to a fractional power has no real value.
    if (p.kind !== 'Integer' && this.oracle.sign(c) < 0) throw new UndecidedError('a negative base raised to a fractional power');
    const pe = mul(p, e);
    return this.shift(this.compose(r, binomials(p), this.N), pow(c, p), pe);
  }

  private exp(a: Series): Series {
    let c0: Expr = ZERO;
    const rest: Term[] = [];
    for (const t of a.terms) {
      if (t.v < 0) {
        if (!this.oracle.isZero(t.c)) throw new UndecidedError('exp of a term that grows faster than any power of the expansion variable');
      } else if (t.v === 0) c0 = t.c;
      else rest.push(t);
    }
    if (a.order <= 0) throw new NeedPrecision();
    const s = this.compose(this.make(rest, a.order), inverseFactorials(), this.N);
    return this.scale(s, pow(E, c0));
  }

  private log(a: Series): Series {
    const { c, e, r } = this.lead(a);
    if (this.oracle.sign(c) < 0) throw new UndecidedError('log of an expression that is negative there');
    const c0 = add(logPositive(c), mul(e, this.oracle.logW));
    return this.compose(r, (k) => (k === 0 ? c0 : rat(k % 2 ? 1 : -1, k)), this.N);
  }

  /**
   * f(a) from the function table's series entry: Taylor at the constant term for an analytic f
   * (`taylor`), else f's own rule (`expand`: log, dirac); erfs's series at ∞.
   */
  private func(name: string, a: Series): Series {
    const rule = FUNCTIONS[name]?.series;
    if (!rule?.taylor && rule?.expand) return rule.expand(a, this.ops);
    let c0: Expr = ZERO;
    const rest: Term[] = [];
    let grows = false;
    for (const t of a.terms) {
      if (t.v < 0) {
        if (!this.oracle.isZero(t.c)) grows = true;
      } else if (t.v === 0) c0 = t.c;
      else rest.push(t);
    }
    if (grows) {
      if (name === ERFS) return this.erfsAtInfinity(a);
      if (name === LGS || dgsOrder(name) !== null) return this.stirlingAtInfinity(name, a);
      throw new UndecidedError(`no expansion of ${name} where its argument is unbounded`);
    }
    // lgs and dgs⁽ⁿ⁾ of a bounded argument: Taylor with lgs′ = dgs⁽⁰⁾, (dgs⁽ⁿ⁾)′ = dgs⁽ⁿ⁺¹⁾ (their
    // values at c0 are then limits of their own, where c0 grows more slowly than the series' scale).
    const helperDerivative = (d: Expr): Expr => {
      if (d.kind !== 'Function') throw new UndecidedError(`no derivative of ${name}`);
      return fn(d.name === LGS ? dgsName(0) : dgsName(dgsOrder(d.name)! + 1), this.y);
    };
    const helper = name === LGS || dgsOrder(name) !== null;
    if (!(name === ERFS || helper || rule?.taylor)) throw new UndecidedError(`no expansion for ${name}`);
    if (a.order <= 0) throw new NeedPrecision();
    const known = !helper && name !== ERFS ? rule?.coefficientsAt?.(c0) : null;
    if (known) return this.compose(this.make(rest, a.order), known, this.N);
    // cₖ = f⁽ᵏ⁾(c0)/k!, from the derivatives of f(y) at y = c0.
    const derivs: Expr[] = [name === ERFS ? fn(ERFS, this.y) : fn(name, this.y)];
    let fact: Expr = ONE;
    const coefs: Expr[] = [];
    const coef = (k: number): Expr => {
      while (coefs.length <= k) {
        const i = coefs.length;
        if (i > 0) {
          derivs.push(name === ERFS ? erfsDerivative(derivs[i - 1]!, this.y) : helper ? helperDerivative(derivs[i - 1]!) : diff(derivs[i - 1]!, this.y));
          fact = mul(fact, i);
        }
        const ck = mul(substitute(derivs[i]!, this.y, c0), pow(fact, -1));
        if (!finiteExpr(ck)) throw new UndecidedError(`${name} is not analytic at the point its argument tends to`);
        coefs.push(ck);
      }
      return coefs[k]!;
    };
    return this.compose(this.make(rest, a.order), coef, this.N);
  }

  /**
   * Stirling's remainders at u → +∞ (Bernoulli numbers B₂ₖ): lgs(u) ~ Σ_{k≥1} B₂ₖ/(2k(2k − 1))·u^(1−2k)
   * = u⁻¹·Σ_{j≥0} cⱼ·u^(−2j), and dgs⁽ⁿ⁾(u) ~ −Σ_{k≥1} B₂ₖ/(2k)·(−2k)(−2k − 1)⋯(−2k − n + 1)·u^(−2k−n)
   * = u^(−2−n)·Σ_{j≥0} dⱼ·u^(−2j).
   */
  private stirlingAtInfinity(name: string, a: Series): Series {
    const { c } = this.lead(a);
    if (this.oracle.sign(c) < 0) throw new UndecidedError(`${name} at −∞`);
    const n = dgsOrder(name);
    const inv = this.powConst(a, rat(-1));
    const inv2 = this.mul(inv, inv);
    const coef = (j: number): Expr => {
      const k = j + 1, b = numFromRational(bernoulli(2 * k));
      if (n === null) return mul(b, rat(1, 2 * k * (2 * k - 1)));
      let fall = 1;
      for (let i = 0; i < n; i++) fall *= -2 * k - i;
      return mul(b, rat(-fall, 2 * k));
    };
    const lead = n === null ? inv : this.powConst(a, rat(-2 - n));
    return this.mul(lead, this.compose(inv2, coef, this.N));
  }

  /** erfs(u) ~ (1/√π)·Σₖ (−1)ᵏ·(2k − 1)!!/2ᵏ·u^(−2k−1) as u → +∞. */
  private erfsAtInfinity(a: Series): Series {
    const { c } = this.lead(a);
    if (this.oracle.sign(c) < 0) throw new UndecidedError('erfs at −∞');
    const inv = this.powConst(a, rat(-1));
    const inv2 = this.mul(inv, inv);
    let dfact: Expr = ONE; // (2k − 1)!!/2ᵏ·(−1)ᵏ, built up term by term
    const coefs: Expr[] = [ONE];
    const coef = (k: number): Expr => {
      while (coefs.length <= k) {
        const j = coefs.length;
        dfact = mul(dfact, rat(-(2 * j - 1), 2));
        coefs.push(dfact);
      }
      return coefs[k]!;
    };
    return this.scale(this.mul(inv, this.compose(inv2, coef, this.N)), pow(PI, rat(-1, 2)));
  }
}

/** d/du erfs(u) = 2u·erfs(u) − 2/√π, applied to a polynomial in erfs(y). */
function erfsDerivative(d: Expr, y: SymbolNode): Expr {
  const F = fn(ERFS, y);
  const s = symbol('_erfs_s');
  // d as a polynomial-like expression in s = erfs(y): d/dy = ∂/∂y + ∂/∂s·(2y·s − 2/√π).
  const ds = substitute(d, F, s);
  const dy = diff(ds, y);
  const dss = diff(ds, s);
  const full = add(dy, mul(dss, add(mul(2, y, s), mul(-2, pow(PI, rat(-1, 2))))));
  return substitute(full, s, F);
}

/** A coefficient with no infinity or nan in it. */
function finiteExpr(e: Expr): boolean {
  let ok = true;
  const seen = new Set<Expr>();
  const stack = [e];
  while (stack.length && ok) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    if (n === ZOO || n === NAN || n === OO || n === NEG_OO) ok = false;
    else if (n.kind === 'Add') stack.push(...n.terms);
    else if (n.kind === 'Mul') stack.push(...n.bases, ...n.exps);
    else if (n.kind === 'Pow') stack.push(n.base, n.exp);
    else if (n.kind === 'Function') stack.push(...n.args);
  }
  return ok;
}

/** log c for c > 0, with exponential factors taken out: log(eᵘ·r) = u + log r. */
function logPositive(c: Expr): Expr {
  if (c.kind === 'Pow' && c.base === E) return c.exp;
  if (c.kind === 'Mul') {
    const i = c.bases.indexOf(E);
    if (i >= 0) {
      const rest = mul(c.coeff, ...c.bases.map((b, j) => (j === i ? ONE : pow(b, c.exps[j]!))));
      return add(c.exps[i]!, fn('log', rest));
    }
  }
  return fn('log', c);
}

/** k ↦ binomial(p, k), memoised. */
function binomials(p: Expr): (k: number) => Expr {
  const cs: Expr[] = [ONE];
  return (k) => {
    while (cs.length <= k) {
      const j = cs.length;
      cs.push(mul(cs[j - 1]!, add(p, -(j - 1)), rat(1, j)));
    }
    return cs[k]!;
  };
}

/** k ↦ 1/k!, memoised. */
function inverseFactorials(): (k: number) => Expr {
  const cs: Expr[] = [ONE];
  return (k) => {
    while (cs.length <= k) cs.push(mul(cs[cs.length - 1]!, rat(1, cs.length)));
    return cs[k]!;
  };
}

/** True when name has a numeric value in the table or is erfs. */
export function knownFunction(name: string): boolean {
  return name === ERFS || name === LGS || dgsOrder(name) !== null || name in FUNCTIONS;
}
