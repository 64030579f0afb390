// summation and product against direct summation and SymPy's closed forms
// (test/reference/symbolic/sums.json, made by make_sums.py).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DomainError, UndecidedError } from '../../../../src/core/errors.js';
import { OO, diff, evaluate, latex, limit, parse, product, subs, summation, type Expr } from '../../../../src/symbolic/index.js';
import { SUM_METHODS } from '../../../../src/symbolic/calculus/sum/index.js';

const REF: { cases: Array<['sum' | 'product', string, string, string, string, number | string | null]> } = JSON.parse(
  readFileSync(resolve(__dirname, '../../../reference/symbolic/sums.json'), 'utf8'),
);

/** Σ (or Π) of the term for k = a … b, by adding up doubles. */
function direct(kind: 'sum' | 'product', term: Expr, a: number, b: number, env: Record<string, number> = {}): number {
  let acc = kind === 'sum' ? 0 : 1;
  for (let i = a; i <= b; i++) {
    const v = evaluate(term, { ...env, k: i });
    acc = kind === 'sum' ? acc + v : acc * v;
  }
  return acc;
}

const close = (got: number, want: number, rtol: number) => expect(Math.abs(got - want), `${got} vs ${want}`).toBeLessThanOrEqual(rtol * Math.max(1, Math.abs(want)));

describe('summation and product: SymPy cases', () => {
  it.each(REF.cases)('%s %s, k = %s … %s (SymPy: %s)', (kind, term, a, b, sympy, value) => {
    const f = parse(term);
    const r = (kind === 'sum' ? summation : product)(f, ['k', a, b]);
    if (b === 'n') {
      // The closed form in n against the direct sum (product) for n = a … a + 25, x = 0.3.
      for (let n = Number(a); n <= Number(a) + 25; n++) {
        const env = { n, x: 0.3 };
        close(evaluate(subs(r, { n }), env), direct(kind, f, Number(a), n, env), 1e-12);
        close(evaluate(subs(parse(sympy.replace('RisingFactorial(2, n)', 'factorial(n + 1)')), { n }), env), evaluate(subs(r, { n }), env), 1e-12);
      }
    } else if (typeof value === 'number') close(evaluate(r), value, 1e-14);
    else if (value === 'oo') expect(r.toString()).toBe('oo');
    else close(evaluate(r, { x: 0.7 }), evaluate(parse(sympy), { x: 0.7 }), 1e-14);
  });

  it('reads as SymPy writes the classics', () => {
    expect(summation('k^2', ['k', 1, 'n']).toString()).toBe('n^3/3 + n^2/2 + n/6');
    expect(summation('2^k', ['k', 0, 'n']).toString()).toBe('2^(n + 1) - 1');
    expect(summation('1/k^2', ['k', 1, 'oo']).toString()).toBe('pi^2/6');
    expect(summation('1/k^4', ['k', 1, 'oo']).toString()).toBe('pi^4/90');
    expect(summation('1/k^3', ['k', 1, 'oo']).toString()).toBe('zeta(3)');
    expect(summation('x^k/factorial(k)', ['k', 0, 'oo']).toString()).toBe('exp(x)');
    expect(summation('1/(k*(k+1))', ['k', 1, 'n']).toString()).toBe('1 - 1/(n + 1)');
    expect(product('k', ['k', 1, 'n']).toString()).toBe('factorial(n)');
    expect(product('c', ['k', 1, 'n']).toString()).toBe('c^n');
    expect(product('k/(k + 1)', ['k', 1, 'n']).toString()).toBe('1/(n + 1)');
    expect(product('2^k', ['k', 1, 'n']).toString()).toBe('2^(n^2/2 + n/2)');
  });

  it('a geometric sum with a symbolic ratio, to n and to ∞ for a known |r| < 1', () => {
    const r = summation('k*x^k', ['k', 0, 'n']);
    for (const [x, n] of [[0.3, 4], [2.5, 7], [-1.7, 5]] as const) close(evaluate(subs(r, { n }), { x }), direct('sum', parse('k*x^k'), 0, n, { x }), 1e-12);
    expect(summation('k*(1/3)^k', ['k', 1, 'oo']).toString()).toBe('3/4');
    expect(() => summation('x^k', ['k', 0, 'oo'])).toThrow(/converges only for \|x\| < 1/);
  });

  it('Karr’s convention for an empty or reversed range, and long numeric ranges by the closed form', () => {
    expect(summation('k', ['k', 5, 4]).toString()).toBe('0');
    expect(summation('k', ['k', 5, 2]).toString()).toBe('-7'); // −(3 + 4)
    expect(summation('k^3', ['k', 1, 10000]).toString()).toBe('2500500025000000');
    // A long reversed range by the closed form, not term by term: −Σ_{k=11}^{999} k
    expect(summation('k', ['k', 1000, 10]).toString()).toBe('-499445');
    expect(summation('k', ['k', 10 ** 9, 100]).toString()).toBe(String(-((10n ** 9n - 1n) * 10n ** 9n / 2n - 5050n)));
    expect(product('k', ['k', 1000, 10])).toBe(parse('factorial(10)/factorial(999)'));
    expect(product('k', ['k', 1, 300]).toString()).toBe(parse('factorial(300)').toString());
  });
});

describe('summation and product: what is not known is said, never guessed', () => {
  it('divergent sums are ±oo, oscillating ones a DomainError', () => {
    expect(summation('1/k', ['k', 1, 'oo']).toString()).toBe('oo');
    expect(summation('-k^2', ['k', 1, 'oo']).toString()).toBe('-oo');
    expect(summation('2^k', ['k', 0, 'oo']).toString()).toBe('oo');
    expect(() => summation('(-1)^k', ['k', 0, 'oo'])).toThrow(DomainError);
  });

  it('no closed form: UndecidedError naming the sum', () => {
    expect(() => summation('sin(k)', ['k', 1, 'n'])).toThrow(UndecidedError);
    expect(() => summation('1/k^2', ['k', 1, 'n'])).toThrow(/generalized harmonic numbers/);
    expect(() => summation('1/(3*k + 1)', ['k', 0, 'n'])).toThrow(/digamma/);
    expect(() => summation('x^k/k', ['k', 1, 'oo'])).toThrow(/converges only for \|x\| < 1/);
    expect(() => summation('2^k/k', ['k', 1, 'oo'])).toThrow(DomainError);
    expect(() => summation('(-1)^k*k/(k + 1)', ['k', 0, 'oo'])).toThrow(DomainError); // terms do not go to 0
    expect(() => summation('1/(k^2 + 1)', ['k', 0, 'oo'])).toThrow(UndecidedError);
    expect(() => product('k^2 + 1', ['k', 1, 'n'])).toThrow(UndecidedError);
    expect(() => product('1 + 1/k^2', ['k', 1, 'oo'])).toThrow(/infinite products/);
  });

  it('bad ranges are typed errors', () => {
    expect(() => summation('k', ['k', '1/2', 'n'])).toThrow(/integers/);
    expect(() => summation('k', ['k', 1, 'k'])).toThrow(/must not contain k/);
    expect(() => summation('k', ['k', 1] as never)).toThrow(/\[variable, lower, upper\]/);
    expect(() => summation('k', ['k', '-oo', 0])).toThrow(UndecidedError);
  });

  it('the methods are listed in order (ARCHITECTURE.md names them)', () => {
    expect(SUM_METHODS.map((m) => m.name)).toEqual(['polynomial × geometric', 'rational function', 'exponential series', 'zeta series', 'logarithmic series', 'binomial theorem', 'linearity']);
  });

  it('random polynomial × geometric and telescoping terms agree with direct sums', () => {
    // A fixed set of terms built from small integer coefficients (no randomness at run time).
    const terms = ['3*k^4 - k + 7', '(2*k - 1)*3^k', 'k^2*(1/2)^k', '1/((k + 1)*(k + 4))', '(k^3 - 2)/2^k', '5/((2*k + 1)*(2*k + 3))', '1/(k + 2)^2 - 1/(k + 3)^2'];
    for (const t of terms) {
      const f = parse(t);
      const r = summation(f, ['k', 2, 'n']);
      for (const n of [2, 3, 9, 20]) close(evaluate(subs(r, { n })), direct('sum', f, 2, n), 1e-11);
    }
  });
});

describe('harmonic numbers, logarithmic series and the binomial theorem', () => {
  const n = (t: string, a: number, upto: number[]) => {
    const f = parse(t);
    const r = summation(f, ['k', a, 'n']);
    for (const m of upto) close(evaluate(subs(r, { n: m }), { x: 0.3 }), direct('sum', f, a, m, { x: 0.3, n: m }), 1e-12);
    return r;
  };
  it('finite sums with a harmonic part (beyond SymPy 1.14, which leaves these unevaluated)', () => {
    expect(n('1/k', 1, [1, 2, 7, 40])).toBe(parse('harmonic(n)'));
    expect(n('1/(k + 1)', 1, [1, 2, 7, 40])).toBe(parse('harmonic(n + 1) - 1'));
    expect(n('1/(2*k + 1)', 0, [0, 1, 2, 7, 40])).toBe(parse('harmonic(2*n + 1) - harmonic(n)/2'));
    n('1/(k*(k + 2)) + 3/k', 1, [1, 2, 7, 40]);
    n('1/(2*k + 3) - 2/(k + 5)', 2, [2, 3, 9, 30]);
  });
  it('harmonic(n): exact at integers, ψ(n + 1) + γ between them (mpmath values), derivative, limit, LaTeX', () => {
    expect(parse('harmonic(10)')).toBe(parse('7381/2520'));
    expect(parse('harmonic(0)')).toBe(parse('0'));
    expect(parse('harmonic(-2)').toString()).toBe('zoo');
    const mp: Array<[number, number]> = [[0.5, 0.61370563888010938117], [2.5, 1.6803723055467760478], [10.25, 2.9524814311980129275], [100.5, 5.1923402662395969779], [-0.5, -1.3862943611198906188], [-1.5, 0.61370563888010938117], [1e6, 14.392726722865723631]];
    for (const [x, v] of mp) close(evaluate('harmonic(x)', { x }), v, 4e-15);
    expect(diff('harmonic(x)', 'x')).toBe(parse('polygamma(1, x + 1)'));
    expect(limit('harmonic(x)', 'x', OO)).toBe(OO);
    expect(latex('harmonic(n)')).toBe('H_{n}');
  });
  it('Σ rᵏ·R(k) to ∞ with |r| < 1 or r = −1: logarithms and arctangents', () => {
    expect(summation('(-1)^(k+1)/k', ['k', 1, 'oo'])).toBe(parse('log(2)'));
    expect(summation('1/(k*2^k)', ['k', 1, 'oo'])).toBe(parse('log(2)'));
    expect(summation('(-1)^k/(2*k+1)', ['k', 0, 'oo'])).toBe(parse('pi/4'));
    expect(summation('(1/4)^k/(2*k+1)', ['k', 0, 'oo'])).toBe(parse('log(3)')); // = 2·atanh(1/2), SymPy's form
    expect(summation('(1/3)^k/(k+2)', ['k', 0, 'oo'])).toBe(parse('9*log(3/2) - 3'));
    expect(summation('k*(1/2)^k/(k+1)', ['k', 0, 'oo'])).toBe(parse('2 - 2*log(2)'));
    // (−1/3)ᵏ/(2k + 1) = atan(1/√3)·√3 = π√3/6; the start shifted by a few terms
    close(evaluate(summation('(-1/3)^k/(2*k+1)', ['k', 0, 'oo'])), Math.PI * Math.sqrt(3) / 6, 1e-15);
    close(evaluate(summation('(2/5)^k/(k*(k + 3))', ['k', 4, 'oo'])), direct('sum', parse('(2/5)^k/(k*(k + 3))'), 4, 200), 1e-14);
  });
  it('the binomial theorem: Σ binomial(n, k)·p(k)·rᵏ for k = 0 … n', () => {
    expect(n('binomial(n, k)', 0, [0, 1, 5, 12])).toBe(parse('2^n'));
    expect(n('binomial(n, k)*x^k', 0, [0, 1, 5, 12])).toBe(parse('(1 + x)^n'));
    expect(n('k*binomial(n, k)', 0, [0, 1, 5, 12])).toBe(parse('n*2^(n - 1)'));
    n('(k^2 - 3*k + 1)*binomial(n, k)*(-2)^k', 0, [0, 1, 5, 12]);
    n('binomial(n, k)/3^k', 0, [0, 1, 5, 12]);
  });
});
