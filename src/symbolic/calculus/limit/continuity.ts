/**
 * Limits that need no method: each operation is continuous at its operands' limits, or the
 * extended-real arithmetic is determinate (a finite value plus ∞, a proven-positive constant times
 * ∞, e^(−∞) = 0, f(±∞) from the function table's `atInfinity`). One pass over the DAG, exact
 * constructors only: no sampling, no series. Anything else — 0·∞, ∞ − ∞, 1/0 from an unknown
 * side, a function at a point where continuity is not known, a constant whose sign is not
 * proven — is left to the methods that decide it (null).
 *
 * t → 0⁺ (mode 'zero') keeps the side from which a value tends to 0 (2·√t → 0⁺, so 1/(2·√t) → ∞).
 *
 * @example
 * limit('sqrt(pi)*erf(x)/2', 'x', 'oo') // → sqrt(pi)/2 (erf(∞) = 1, a continuous product)
 */
import { E, NAN, NEG_OO, OO, ZERO, ZOO, isNum, numSign, type Expr, type SymbolNode } from '../../expr/expr.js';
import { add, mul, pow } from '../../expr/arith.js';
import { knownSign } from '../../expr/assumptions.js';
import { FUNCTIONS, fn } from '../../functions/index.js';
import { CONTINUOUS_ON_R, free } from '../../algebra/util.js';
import type { Lim } from './tractable.js';

/** A limit with, for the value 0, the side it is approached from (0: unknown or both). */
type Val = { k: 'fin'; v: Expr; side: -1 | 0 | 1 } | { k: 'inf'; s: 1 | -1 };

const fin = (v: Expr, side: -1 | 0 | 1 = 0): Val => ({ k: 'fin', v, side });
const inf = (s: number): Val => ({ k: 'inf', s: s > 0 ? 1 : -1 });

/** The sign a constant value is proven to have (±1), or 0 when not proven. */
function provenSign(v: Expr): -1 | 0 | 1 {
  const s = knownSign(v);
  return s === 1 || s === -1 ? s : 0;
}

/**
 * lim g as t → 0⁺ (mode 'zero') or t → +∞ (mode 'inf') when continuity or determinate
 * extended-real arithmetic gives it; null otherwise.
 * @example limitByContinuity(parse('atan(t)'), symbol('t'), 'inf')?.k // → 'fin' (the value pi/2)
 */
export function limitByContinuity(g: Expr, t: SymbolNode, mode: 'zero' | 'inf'): Lim | null {
  const memo = new Map<Expr, Val | null>();
  const val = (e: Expr): Val | null => {
    let r = memo.get(e);
    if (r === undefined) {
      r = node(e);
      memo.set(e, r);
    }
    return r;
  };

  const node = (e: Expr): Val | null => {
    if (e === t) return mode === 'zero' ? fin(ZERO, 1) : inf(1);
    if (free(e, t)) {
      if (e === OO) return inf(1);
      if (e === NEG_OO) return inf(-1);
      return e === ZOO || e === NAN ? null : fin(e);
    }
    switch (e.kind) {
      case 'Add': {
        const parts: Val[] = [fin(e.coeff)];
        for (let i = 0; i < e.terms.length; i++) {
          const v = val(e.terms[i]!);
          if (!v) return null;
          parts.push(scale(v, e.coeffs[i]!));
        }
        return sum(parts);
      }
      case 'Mul': {
        const factors: Val[] = [];
        for (let i = 0; i < e.bases.length; i++) {
          const v = power(e.bases[i]!, e.exps[i]!);
          if (!v) return null;
          factors.push(v);
        }
        return product(e.coeff, factors);
      }
      case 'Pow':
        return power(e.base, e.exp);
      case 'Function':
        return func(e.name, e.args);
      default:
        return null;
    }
  };

  /** c·v for a nonzero number c. */
  const scale = (v: Val, c: Expr): Val => {
    const s = isNum(c) ? numSign(c) : 0;
    if (v.k === 'inf') return inf(v.s * s);
    return fin(mul(c, v.v), (v.side * s) as -1 | 0 | 1);
  };

  const sum = (parts: Val[]): Val | null => {
    let infinite = 0;
    for (const p of parts) {
      if (p.k !== 'inf') continue;
      if (infinite && infinite !== p.s) return null; // ∞ − ∞
      infinite = p.s;
    }
    if (infinite) return inf(infinite);
    const fins = parts as Array<Extract<Val, { k: 'fin' }>>;
    const total = add(...fins.map((p) => p.v));
    // 0 from one side only when every part tends to 0 from that side.
    const side = fins.every((p) => p.v === ZERO && p.side === 1) ? 1 : fins.every((p) => p.v === ZERO && p.side === -1) ? -1 : 0;
    return fin(total, total === ZERO ? side : 0);
  };

  const product = (c: Expr, factors: Val[]): Val | null => {
    let zeros = 0, infs = 0, sign = isNum(c) ? numSign(c) : provenSign(c);
    let sideKnown = true;
    let value: Expr = c;
    for (const f of factors) {
      if (f.k === 'inf') {
        infs++;
        sign *= f.s;
      } else if (f.v === ZERO) {
        zeros++;
        if (f.side === 0) sideKnown = false;
        sign *= f.side;
      } else {
        value = mul(value, f.v);
        const s = provenSign(f.v);
        if (s === 0) sideKnown = false;
        sign *= s;
      }
    }
    if (zeros && infs) return null; // 0·∞
    if (infs) return sideKnown && sign !== 0 ? inf(sign) : null;
    if (zeros) return fin(ZERO, sideKnown ? (Math.sign(sign) as -1 | 0 | 1) : 0);
    return fin(value);
  };

  /** lim bᵏ for the factor b^k. */
  const power = (b: Expr, k: Expr): Val | null => {
    if (free(b, t) && free(k, t)) return val(pow(b, k));
    if (b === E) {
      const u = val(k);
      if (!u) return null;
      if (u.k === 'inf') return u.s > 0 ? inf(1) : fin(ZERO, 1);
      return fin(pow(E, u.v));
    }
    if (!isNum(k)) return null;
    const ks = numSign(k);
    const integer = k.kind === 'Integer';
    const odd = integer && k.value.num % 2n !== 0n;
    const u = val(b);
    if (!u) return null;
    if (u.k === 'inf') {
      // (+∞)^k; (−∞)^k only for an integer k (its parity gives the sign).
      if (u.s < 0 && !integer) return null;
      const s = u.s < 0 && odd ? -1 : 1;
      return ks > 0 ? inf(s) : fin(ZERO, s as 1 | -1);
    }
    if (u.v === ZERO) {
      if (ks > 0) {
        if (integer) return fin(ZERO, u.side === 0 ? 0 : odd ? u.side : 1);
        return u.side > 0 ? fin(ZERO, 1) : null;
      }
      // 1/0: infinite, with the sign of the side (an odd power of a negative side is negative).
      if (u.side > 0) return inf(1);
      return u.side < 0 && integer ? inf(odd ? -1 : 1) : null;
    }
    // A nonzero limit: bᵏ is continuous there for a positive integer k, for other k when b's limit
    // is proven positive (or, for a negative integer k, proven nonzero).
    if (integer && ks > 0) return fin(pow(u.v, k));
    const s = provenSign(u.v);
    if (s > 0 || (s < 0 && integer)) return fin(pow(u.v, k));
    return null;
  };

  const func = (name: string, args: readonly Expr[]): Val | null => {
    if (args.length !== 1) return null;
    const u = val(args[0]!);
    if (!u) return null;
    const def = FUNCTIONS[name];
    if (u.k === 'inf') {
      const at = def?.atInfinity?.(u.s);
      if (!at || !('kind' in at)) return null; // no limit, or bounded oscillation
      return at === OO ? inf(1) : at === NEG_OO ? inf(-1) : at === ZOO || at === NAN ? null : fin(at);
    }
    if (name === 'log') {
      if (u.v === ZERO) return u.side > 0 ? inf(-1) : null;
      return provenSign(u.v) > 0 ? fin(fn('log', u.v)) : null;
    }
    return CONTINUOUS_ON_R.has(name) ? fin(fn(name, u.v)) : null;
  };

  const r = val(g);
  if (!r) return null;
  return r.k === 'inf' ? { k: 'inf', s: r.s } : { k: 'fin', v: r.v };
}
