// simplify on the review's sigmoid cases (53 and 58): σ, softplus and the hyperbolics written as
// exponentials of one argument become a rational function of t = e^u, cancelled exactly.
import { describe, it, expect } from 'vitest';
import { toString } from '../../src/symbolic/print/text.js';
import { simplify } from '../../src/symbolic/index.js';
describe('simplify: sigmoid identities through exponentials of one argument', () => {
  it.each([
    ['exp(x)/(1+exp(x)) - 1/(1+exp(-x))', '0'],
    ['sigmoid(x) + sigmoid(-x)', '1'],
    ['2*sigmoid(2*x) - 1 - tanh(x)', '0'],
    ['exp(-x)/(exp(-x) + 1)^2 - sigmoid(x)*(1 - sigmoid(x))', '0'], // σ′ = σ(1 − σ)
  ])('%s = %s', (e, want) => expect(toString(simplify(e))).toBe(want));
});
