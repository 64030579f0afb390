// The function table's facts agree with its own numeric values, and the algorithms that read them
// (signOf, limit, integrate's final check) use them.
import { describe, expect, it } from 'vitest';
import { FUNCTIONS, inInterval, isBounded } from '../../../src/symbolic/functions/index.js';
import { signOf } from '../../../src/symbolic/functions/sign.js';
import { OO, integrate, limit, parse, symbol, type Expr } from '../../../src/symbolic/index.js';
import { evaluate } from '../../../src/symbolic/walk/evaluate.js';

/** 2000 points spread over [−60, 60], dense near 0, and the interval ends ±1. */
const SAMPLES = [...Array.from({ length: 2000 }, (_, i) => Math.sinh(-4.8 + (9.6 * i) / 1999)), -1, 1, 0];

describe('function table facts', () => {
  const unary = Object.values(FUNCTIONS).filter((d) => d.arity === 1);

  it('every value lies in the stated range, and only the stated domain has values', () => {
    const bad: string[] = [];
    for (const d of unary) {
      for (const t of SAMPLES) {
        const v = d.numeric(t);
        const inside = !d.domain || inInterval(d.domain, t);
        // Outside: no value (NaN), or ±∞ at an open end (log 0 = −∞).
        if (!inside && Number.isFinite(v)) bad.push(`${d.name}(${t}) = ${v} outside its domain`);
        // Floats round onto an open end (σ(60) = 1), so the ends count as inside.
        if (inside && d.range && Number.isFinite(v) && !inInterval({ lo: d.range.lo, hi: d.range.hi }, v)) bad.push(`${d.name}(${t}) = ${v} outside its range`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('monotone entries are monotone on their domain', () => {
    const bad: string[] = [];
    for (const d of unary.filter((d) => d.monotone)) {
      const pts = SAMPLES.filter((t) => !d.domain || inInterval(d.domain, t)).sort((a, b) => a - b);
      const vs = pts.map((t) => d.numeric(t)).filter(Number.isFinite);
      for (let i = 1; i < vs.length; i++) if (d.monotone === 'increasing' ? vs[i]! < vs[i - 1]! : vs[i]! > vs[i - 1]!) bad.push(`${d.name} at ${pts[i]}`);
    }
    expect(bad).toEqual([]);
  });

  it('polesAt: the function is unbounded next to a zero of sin u or cos u', () => {
    for (const d of unary.filter((d) => d.polesAt)) {
      const at = d.polesAt === 'cos' ? Math.PI / 2 : Math.PI;
      expect(Math.abs(d.numeric(at + 1e-9)), d.name).toBeGreaterThan(1e8);
    }
  });

  it('expLog, nearInfinity and nearBranch are identities where they are used', () => {
    const u = symbol('u');
    const agree = (name: string, form: Expr, t: number) => {
      const want = FUNCTIONS[name]!.numeric(t), got = evaluate(form, { u: t });
      expect(Math.abs(got - want), `${name} at ${t}: ${form}`).toBeLessThan(1e-12 * Math.max(1, Math.abs(want)));
    };
    for (const d of unary) {
      const inDomain = SAMPLES.filter((t, i) => i % 25 === 0 && (!d.domain || inInterval(d.domain, t)) && Math.abs(t) < 30 && Number.isFinite(d.numeric(t)));
      const form = d.expLog?.([u]);
      if (form) for (const t of inDomain) agree(d.name, form, t);
      // erf's, erfc's and Γ's forms hold erfs and lgs, which only the asymptotic series evaluates.
      const internal = (f: Expr) => /_erfs|_lgs|_dgs/.test(String(f));
      const [plus, minus] = d.nearInfinity && !internal(d.nearInfinity(u, 1)) ? [d.nearInfinity(u, 1), d.nearInfinity(u, -1)] : [];
      if (plus && minus) for (const t of inDomain) if (Math.abs(t) > 0.5) agree(d.name, t > 0 ? plus : minus, t);
      for (const b of d.nearBranch?.at ?? []) {
        const near = d.nearBranch!.form(u, b);
        // Towards b from the side of 0, within a unit (asin's branch points ±1, Γ's poles 0, −1, …).
        for (const t of [0.9, 0.99, 0.5]) agree(d.name, near, b === 0 ? 1 - t : b - Math.sign(b) * (1 - t));
      }
    }
  });

  it('isBounded follows the range', () => {
    expect(['sin', 'cos', 'tanh', 'atan', 'erf', 'sigmoid'].every((n) => isBounded(FUNCTIONS[n]))).toBe(true);
    expect(['log', 'sinh', 'cosh', 'abs'].some((n) => isBounded(FUNCTIONS[n]))).toBe(false);
  });
});

describe('algorithms read the facts', () => {
  const x = symbol('x');
  it('signOf: ranges on one side of 0, and monotone functions through 0', () => {
    expect(signOf(parse('cosh(x)'))).toBe(1);
    expect(signOf(parse('sigmoid(x) + softplus(x)'))).toBe(1);
    expect(signOf(parse('-tanh(x^2 + 1)'))).toBe(-1);
    expect(signOf(parse('atan(exp(x))*erf(x^2 + 2)'))).toBe(1);
    expect(signOf(parse('abs(x)'))).toBe(0); // ≥ 0 only
    expect(signOf(parse('sinh(x)'))).toBe(0);
    expect(signOf(parse('acos(x)'))).toBe(0); // acos(1) = 0
  });

  it('limit: a monotone function of a bounded argument, and poles from polesAt', () => {
    // log(cos t + 2) ∈ [0, log 3], so log(cos x + 2)/x → 0
    expect(limit(parse('log(cos(x) + 2)/x'), x, parse('oo')).toString()).toBe('0');
    expect(limit(parse('sigmoid(sin(x))/x'), x, parse('oo')).toString()).toBe('0');
    expect(limit(parse('tan(x)'), x, parse('pi/2'), '-').toString()).toBe('oo');
    expect(limit(parse('cot(x)'), x, 0, '+').toString()).toBe('oo');
  });

  it("integrate's final check cuts at domain ends: ∫ 1/√(1 − x²) is asin on (−1, 1)", () => {
    expect(integrate(parse('1/sqrt(1 - x^2)'), x).toString()).toBe('asin(x)');
    expect(integrate(parse('tan(x)'), x).toString()).toBe('-log(abs(cos(x)))');
  });
});

describe('atan2 by the quadrant when the signs are known (SymPy 1.14 values)', () => {
  const x = symbol('x');
  const assume = { assume: { a: { positive: true } } } as const;
  const cases: [string, string][] = [
    ['atan2(1, 1)', 'pi/4'],
    ['atan2(-1, -1)', '-3*pi/4'],
    ['atan2(0, -2)', 'pi'],
    ['atan2(3, 0)', 'pi/2'],
    ['atan2(-3, 0)', '-pi/2'],
    ['atan2(a, -1)', 'pi - atan(a)'],
    ['atan2(-a, -2)', 'atan(a/2) - pi'],
  ];
  for (const [input, want] of cases) it(`${input} = ${want}`, () => expect(parse(input, assume)).toBe(parse(want, assume)));
  it('an unknown sign keeps atan2 whole, as SymPy does', () => {
    expect(parse('atan2(y, z)').toString()).toBe('atan2(y, z)');
    expect(parse('atan2(y, 2)').toString()).toBe('atan2(y, 2)');
  });
  it('x·atan2(1/x, 1) → 1 at ∞ (was oo: atan2(0, 1) was read as a nonzero constant; now a 0·∞ form)', () => {
    expect(limit(parse('x*atan2(1/x, 1)'), x, OO)).toBe(parse('1'));
    expect(limit(parse('x*atan2(1/x, -1)'), x, OO)).toBe(OO);
  });
});
