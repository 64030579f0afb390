/**
 * Rewrites the integrator falls back on: expanding products and integer powers of sums
 * (x(x+1)³ → Σ terms, so linearity applies), and hyperbolic functions as exponentials
 * (cosh u = (eᵘ + e⁻ᵘ)/2, sinh u = (eᵘ − e⁻ᵘ)/2, tanh u = (e²ᵘ − 1)/(e²ᵘ + 1)).
 *
 * @example
 * expandProducts(parse('(x+1)^2*exp(x)')) // → x^2*exp(x) + 2*x*exp(x) + exp(x)
 */
import { add, addTerms, mul, pow, sub } from '../expr/arith.js';
import * as Qr from '../../core/rational.js';
import { E, NEG_ONE, ONE, isNum, type Expr } from '../expr/expr.js';
import { rewrite } from '../walk/rewrite.js';
import { has } from '../walk/traverse.js';
import { fn } from '../functions/index.js';
import { looksNegative } from '../functions/def.js';

const MAX_TERMS = 400;

/**
 * Multiply out the top level of e: a product whose factors include sums (or sums raised to a
 * small positive integer power) becomes a sum of products. Returns e itself when there is
 * nothing to expand or the result would exceed 400 terms.
 */
export function expandProducts(e: Expr): Expr {
  if (e.kind === 'Add') {
    const parts = e.terms.map((t, i) => mul(e.coeffs[i]!, expandProducts(t)));
    const r = add(e.coeff, ...parts);
    return r;
  }
  const factors: Array<[Expr, Expr]> = e.kind === 'Mul' ? e.bases.map((b, i) => [b, e.exps[i]!]) : e.kind === 'Pow' ? [[e.base, e.exp]] : [];
  const coeff: Expr = e.kind === 'Mul' ? e.coeff : ONE;
  let sums: Expr[][] = [];
  const others: Expr[] = [coeff];
  let changed = false;
  for (const [b, k] of factors) {
    if (b.kind === 'Add' && k.kind === 'Integer' && k.value.num >= 1n && k.value.num <= 12n) {
      for (let j = 0n; j < k.value.num; j++) sums.push(addTerms(b));
      changed = true;
    } else others.push(pow(b, k));
  }
  if (!changed || (sums.length === 1 && others.length === 1 && others[0] === ONE)) return e;
  let acc: Expr[] = [mul(...others)];
  for (const s of sums) {
    if (acc.length * s.length > MAX_TERMS) return e;
    const next: Expr[] = [];
    for (const a of acc) for (const t of s) next.push(mul(a, t));
    acc = next;
  }
  sums = [];
  return add(...acc);
}

/** Replace sinh/cosh/tanh (and σ(u) = 1/(1 + e⁻ᵘ), softplus u = log(1 + eᵘ)) by exponentials and expand. */
export function rewriteHyperbolic(e: Expr): Expr {
  const r = rewrite(e, (n, go) => {
    if (n.kind !== 'Function' || n.args.length !== 1) return null;
    const u = go(n.args[0]!);
    const ep = pow(E, u), em = pow(E, mul(-1, u));
    switch (n.name) {
      case 'sinh':
        return mul(pow(2, -1), sub(ep, em));
      case 'cosh':
        return mul(pow(2, -1), add(ep, em));
      case 'tanh':
        return mul(sub(pow(E, mul(2, u)), 1), pow(add(pow(E, mul(2, u)), 1), -1));
      case 'sigmoid':
        return pow(add(1, em), -1);
      case 'softplus':
        return fn('log', add(1, ep));
      default:
        return null;
    }
  });
  return r === e ? e : expandProducts(r);
}

/** v when x is 1 + eᵛ (exactly: constant 1, one term eᵛ with coefficient 1), else null. */
function onePlusExp(x: Expr): Expr | null {
  if (x.kind !== 'Add' || x.terms.length !== 1 || !isOne(x.coeff) || !isOne(x.coeffs[0]!)) return null;
  const t = x.terms[0]!;
  return t.kind === 'Pow' && t.base === E ? t.exp : null;
}
const isOne = (n: Expr): boolean => n === ONE;

/**
 * The inverse of the exponential forms: 1/(1 + e⁻ᵘ) = σ(u), eᵘ/(1 + eᵘ) = σ(u), 1/(1 + eᵘ) = σ(−u),
 * log(1 + eᵘ) = softplus(u). Gradients of logistic losses come out in these forms.
 * @example foldSigmoid(parse('exp(x)/(exp(x) + 1) - y')) // → sigmoid(x) - y
 */
export function foldSigmoid(e: Expr): Expr {
  if (!has(e, E)) return e; // no exponential anywhere: nothing to fold
  return rewrite(e, (n, go) => {
    if (n.kind === 'Function' && n.name === 'log' && n.args.length === 1) {
      const v = onePlusExp(go(n.args[0]!));
      return v === null ? null : fn('softplus', v);
    }
    if (n.kind === 'Pow' && n.exp.kind === 'Integer' && n.exp.value.num === -1n && n.exp.value.den === 1n) {
      const v = onePlusExp(go(n.base));
      return v === null ? null : fn('sigmoid', mul(-1, v));
    }
    if (n.kind !== 'Mul') return null;
    // eᵘ·(1 + eᵘ)⁻¹·rest → σ(u)·rest; a lone (1 + eᵛ)⁻¹ → σ(−v).
    const bases = n.bases.map(go);
    const exps = n.exps.map(go);
    const inv = bases.findIndex((b, i) => exps[i]!.kind === 'Integer' && (exps[i] as { value: { num: bigint; den: bigint } }).value.num === -1n && onePlusExp(b) !== null);
    if (inv < 0) return null;
    const v = onePlusExp(bases[inv]!)!;
    const top = bases.findIndex((b, i) => b === E && exps[i] === v);
    const rest: Expr[] = [n.coeff];
    bases.forEach((b, i) => i !== inv && i !== top && rest.push(pow(b, exps[i]!)));
    return mul(top >= 0 ? fn('sigmoid', v) : fn('sigmoid', mul(-1, v)), ...rest);
  });
}

/** u when x is σ(u), else null. */
const sigmoidArg = (x: Expr): Expr | null => (x.kind === 'Function' && x.name === 'sigmoid' && x.args.length === 1 ? x.args[0]! : null);

/** u when x is 1 − σ(u) (exactly: constant 1, one term σ(u) with coefficient −1), else null. */
function oneMinusSigmoid(x: Expr): Expr | null {
  if (x.kind !== 'Add' || x.terms.length !== 1 || !isOne(x.coeff) || x.coeffs[0] !== NEG_ONE) return null;
  return sigmoidArg(x.terms[0]!);
}

/**
 * The logistic identities turned one way, so that sums of them cancel: log σ(u) = −softplus(−u),
 * log(1 − σ(u)) = −softplus(u), and softplus(v) = v + softplus(−v) when v reads as negated (so
 * softplus(x) and softplus(−x) meet as one function). Followed by expansion, the binary
 * cross-entropy −y·log σ(z) − (1 − y)·log(1 − σ(z)) becomes softplus(z) − y·z.
 * @example logisticForm(parse('softplus(x) - softplus(-x)')) // → x
 */
export function logisticForm(e: Expr): Expr {
  const r = rewrite(e, (n, go) => {
    if (n.kind !== 'Function' || n.args.length !== 1) return null;
    const a = go(n.args[0]!);
    if (n.name === 'log') {
      const s = sigmoidArg(a);
      if (s !== null) return mul(NEG_ONE, softplusOf(mul(NEG_ONE, s)));
      const t = oneMinusSigmoid(a);
      if (t !== null) return mul(NEG_ONE, softplusOf(t));
      return null;
    }
    return n.name === 'softplus' ? softplusOf(a) : null;
  });
  return r === e ? e : expandProducts(r);
}

/** softplus(v) with the argument's sign that does not read as negated: softplus(v) = v + softplus(−v). */
const softplusOf = (v: Expr): Expr => (looksNegative(v) ? add(v, fn('softplus', mul(NEG_ONE, v))) : fn('softplus', v));

/**
 * Lower the degree of trig factors: sin²u = (1 − cos 2u)/2, cos²u = (1 + cos 2u)/2,
 * sin u·cos u = sin(2u)/2, then expand, so that x·sin²x or eˣ·sin x·cos x reach parts rules.
 */
export function reduceTrigPowers(e: Expr): Expr {
  if (e.kind !== 'Mul' && e.kind !== 'Pow') return e;
  const fs: Array<[Expr, Expr]> = e.kind === 'Mul' ? e.bases.map((b, i) => [b, e.exps[i]!]) : [[e.base, e.exp]];
  const out: Expr[] = [e.kind === 'Mul' ? e.coeff : ONE];
  const sinOf = new Map<Expr, number>(), cosOf = new Map<Expr, number>();
  for (const [b, k] of fs) {
    if (b.kind === 'Function' && (b.name === 'sin' || b.name === 'cos') && k.kind === 'Integer' && k.value.num > 0n && k.value.num <= 8n) {
      (b.name === 'sin' ? sinOf : cosOf).set(b.args[0]!, Number(k.value.num));
    } else out.push(pow(b, k));
  }
  let changed = false;
  const half = pow(2, -1);
  for (const u of new Set([...sinOf.keys(), ...cosOf.keys()])) {
    let s = sinOf.get(u) ?? 0, c = cosOf.get(u) ?? 0;
    const u2 = mul(2, u);
    while (s >= 1 && c >= 1) {
      out.push(mul(half, fn('sin', u2)));
      s--, c--;
      changed = true;
    }
    while (s >= 2) {
      out.push(mul(half, sub(1, fn('cos', u2))));
      s -= 2;
      changed = true;
    }
    while (c >= 2) {
      out.push(mul(half, add(1, fn('cos', u2))));
      c -= 2;
      changed = true;
    }
    if (s) out.push(fn('sin', u));
    if (c) out.push(fn('cos', u));
  }
  return changed ? expandProducts(mul(...out)) : e;
}

/** bᵘ = e^(u·log b) for constant b > 0 (b ≠ e), so that 2ˣ·3ˣ = e^(x(log 2 + log 3)) collects. */
export function rewriteExpBase(e: Expr): Expr {
  const positiveConst = (b: Expr) => b !== E && (b.kind === 'Integer' || b.kind === 'Rational') && Qr.sign(b.value) > 0;
  return rewrite(e, (n, go) => {
    const asPow = (b: Expr, k: Expr): Expr => (positiveConst(b) && !isNum(k) ? pow(E, mul(go(k), fn('log', b))) : pow(go(b), go(k)));
    if (n.kind === 'Pow' && positiveConst(n.base) && !isNum(n.exp)) return asPow(n.base, n.exp);
    if (n.kind === 'Mul' && n.bases.some((b, i) => positiveConst(b) && !isNum(n.exps[i]!))) return mul(n.coeff, ...n.bases.map((b, i) => asPow(b, n.exps[i]!)));
    return null;
  });
}

const TRIG_NAMES = new Set(['sin', 'cos', 'tan', 'cot', 'sec', 'csc']);

/**
 * Double-angle expansion when the half angle also occurs: sin 2u = 2·sin u·cos u and
 * cos 2u = 2cos²u − 1 (or 1 − 2sin²u when only sin u occurs), so that sin(2x)/(1 + cos²x) is
 * −2·cos x·(−sin x)/(1 + cos²x) and w = cos x applies. Returns e itself when nothing fires.
 */
export function expandDoubleAngle(e: Expr): Expr {
  // The arguments u of trig functions in e (sin 2u is rewritten only if some trig(u) occurs).
  const args = new Set<Expr>();
  const sinArgs = new Set<Expr>();
  rewrite(e, (n) => {
    if (n.kind === 'Function' && TRIG_NAMES.has(n.name) && n.args.length === 1) {
      args.add(n.args[0]!);
      if (n.name === 'sin' || n.name === 'csc') sinArgs.add(n.args[0]!);
    }
    return null;
  });
  const half = (v: Expr): Expr | null => {
    const w = mul(pow(2, -1), v);
    return args.has(w) && w !== v ? w : null;
  };
  return rewrite(e, (n, go) => {
    if (n.kind !== 'Function' || (n.name !== 'sin' && n.name !== 'cos') || n.args.length !== 1) return null;
    const w = half(n.args[0]!);
    if (w === null) return null;
    const s = fn('sin', go(w)), c = fn('cos', go(w));
    if (n.name === 'sin') return mul(2, s, c);
    const onlySin = sinArgs.has(w) && !hasCosFamily(e, w);
    return onlySin ? sub(1, mul(2, pow(s, 2))) : sub(mul(2, pow(c, 2)), 1);
  });
}

/** Whether e contains cos/sec/tan/cot of w (then cos 2w is written through cos w). */
function hasCosFamily(e: Expr, w: Expr): boolean {
  return ['cos', 'sec', 'tan', 'cot'].some((name) => has(e, fn(name, w)));
}
