// summation and product against direct summation and SymPy's closed forms
// (test/reference/symbolic/sums.json, made by make_sums.py).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DomainError, UndecidedError } from '../../../../src/core/errors.js';
import { evaluate, parse, product, subs, summation, type Expr } from '../../../../src/symbolic/index.js';
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
    expect(() => summation('1/k', ['k', 1, 'n'])).toThrow(/harmonic/);
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
    expect(SUM_METHODS.map((m) => m.name)).toEqual(['polynomial × geometric', 'rational function', 'exponential series', 'zeta series', 'linearity']);
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
