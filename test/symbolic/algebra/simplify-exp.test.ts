// simplify on the review's sigmoid cases (53 and 58): σ, softplus and the hyperbolics written as
// exponentials of one argument become a rational function of t = e^u, cancelled exactly.
import { describe, it, expect } from 'vitest';
import { toString } from '../../../src/symbolic/print/text.js';
import { evaluate, foldSigmoid, parse, simplify } from '../../../src/symbolic/index.js';
describe('simplify: sigmoid identities through exponentials of one argument', () => {
  it.each([
    ['exp(x)/(1+exp(x)) - 1/(1+exp(-x))', '0'],
    ['sigmoid(x) + sigmoid(-x)', '1'],
    ['2*sigmoid(2*x) - 1 - tanh(x)', '0'],
    ['exp(-x)/(exp(-x) + 1)^2 - sigmoid(x)*(1 - sigmoid(x))', '0'], // σ′ = σ(1 − σ)
  ])('%s = %s', (e, want) => expect(toString(simplify(e))).toBe(want));
});

describe('foldSigmoid and simplify: exponential forms back to σ and softplus', () => {
  it.each([
    ['exp(u)/(exp(u) + 1)', 'sigmoid(u)'],
    ['1/(1 + exp(-u))', 'sigmoid(u)'],
    ['1/(1 + exp(u))', 'sigmoid(-u)'],
    ['log(1 + exp(u))', 'softplus(u)'],
    ['2*x*exp(2*u)/(exp(2*u) + 1)', '2*x*sigmoid(2*u)'],
    ['exp(x)/(exp(x) + 1) - y', 'sigmoid(x) - y'],
    // A numerator with another exponent keeps it: 1/(1 + eˣ) alone is σ(−x).
    ['exp(2*x)/(exp(x) + 1)', 'exp(2*x)*sigmoid(-x)'],
  ])('foldSigmoid(%s) = %s', (e, want) => expect(toString(foldSigmoid(e))).toBe(toString(parse(want))));
  it.each([
    // Not of the form 1 + eᵘ, or the numerator's exponent differs: left alone.
    'exp(x)/(exp(x) + 2)',
    '1/(2 + exp(x))',
    'log(1 + 2*exp(x))',
  ])('foldSigmoid leaves %s', (e) => expect(foldSigmoid(e)).toBe(parse(e)));
  it('simplify uses it (σ(u) − y is smaller than its exponential form)', () => {
    expect(toString(simplify('exp(u)/(1 + exp(u)) - y'))).toBe(toString(parse('sigmoid(u) - y')));
    expect(toString(simplify('1 - 1/(1 + exp(-u))'))).toBe('sigmoid(-u)');
  });
  it('agrees numerically with the unfolded forms', () => {
    for (const [a, b] of [['exp(u)/(exp(u) + 1)', 'sigmoid(u)'], ['log(1 + exp(u))', 'softplus(u)'], ['1/(1 + exp(u))', 'sigmoid(-u)']] as const)
      for (const u of [-30, -2.5, 0, 0.7, 20]) expect(evaluate(a, { u })).toBeCloseTo(evaluate(b, { u }), 12);
  });
});

describe('simplify: logarithms of σ and softplus (log σ(u) = −softplus(−u), softplus(u) − softplus(−u) = u)', () => {
  it.each([
    ['softplus(x) - softplus(-x)', 'x'],
    ['log(sigmoid(x)) + softplus(-x)', '0'],
    ['log(1 - sigmoid(x))', '-softplus(x)'],
    ['log(1 + exp(-x)) + x', 'softplus(x)'],
    // binary cross-entropy of a logit z against a label y
    ['-y*log(sigmoid(z)) - (1 - y)*log(1 - sigmoid(z))', 'softplus(z) - y*z'],
  ])('%s = %s', (e, want) => expect(simplify(e)).toBe(parse(want)));
  // (Not at |u| = 30: there 1 − σ(u) cancels to a few digits, the very loss the softplus form avoids.)
  it('the identities hold numerically, out into both tails', () => {
    const pairs = [['log(sigmoid(u))', '-softplus(-u)'], ['log(1 - sigmoid(u))', '-softplus(u)'], ['softplus(u) - softplus(-u)', 'u']] as const;
    for (const [a, b] of pairs) for (const u of [-12, -2.5, 0, 0.7, 12]) expect(evaluate(a, { u })).toBeCloseTo(evaluate(b, { u }), 9);
  });
  it('leaves forms that have nothing to cancel', () => {
    expect(simplify('log(sigmoid(x))')).toBe(parse('log(sigmoid(x))'));
    expect(simplify('softplus(-x)')).toBe(parse('softplus(-x)'));
  });
});
