// The one rewriter (walk/rewrite.ts): each distinct node once, smart constructors on the way up,
// the input itself back when no rule fires, and a LimitError (never a stack overflow) past its depth.
import { describe, expect, it } from 'vitest';
import { LimitError } from '../../../src/core/errors.js';
import { add, cos, div, fn, parse, pow, sin, symbol, toString, type Expr } from '../../../src/symbolic/index.js';
import { REWRITE_MAX_DEPTH, postRule, rewrite } from '../../../src/symbolic/walk/rewrite.js';

const x = symbol('x');

describe('rewrite', () => {
  it('replaces bottom-up through the smart constructors', () => {
    const tanToSinCos = postRule((r) => (r.kind === 'Function' && r.name === 'tan' ? div(sin(r.args[0]!), cos(r.args[0]!)) : r));
    expect(toString(rewrite(parse('tan(x)*cos(x) + tan(tan(x))'), tanToSinCos))).toBe(
      toString(parse('sin(x) + sin(sin(x)/cos(x))/cos(sin(x)/cos(x))')),
    );
  });

  it('visits each distinct node once on a shared DAG', () => {
    // s_{k+1} = sin(s_k) + s_k: 2^30 paths in the tree, 30 distinct sums in the DAG.
    let e: Expr = x;
    for (let k = 0; k < 30; k++) e = add(sin(e), e);
    const seen = new Map<Expr, number>();
    rewrite(e, (n) => {
      seen.set(n, (seen.get(n) ?? 0) + 1);
      return null;
    });
    expect([...seen.values()].every((c) => c === 1)).toBe(true);
    expect(seen.has(x)).toBe(true);
  });

  it('gives back the same object when no rule fires, and the rule sees originals', () => {
    const e = parse('x^2*exp(x) + log(1 + x)');
    expect(rewrite(e, () => null)).toBe(e);
    expect(rewrite(e, (n) => (n === x ? symbol('y') : null))).toBe(parse('y^2*exp(y) + log(1 + y)'));
  });

  it('refuses nesting beyond REWRITE_MAX_DEPTH with a LimitError', () => {
    let deep: Expr = x;
    for (let k = 0; k < REWRITE_MAX_DEPTH + 10; k++) deep = fn('f', deep);
    expect(() => rewrite(deep, () => null)).toThrow(LimitError);
    let ok: Expr = x, expected: Expr = pow(x, 2);
    for (let k = 0; k < REWRITE_MAX_DEPTH - 10; k++) (ok = fn('f', ok)), (expected = fn('f', expected));
    expect(rewrite(ok, (n) => (n === x ? pow(x, 2) : null))).toBe(expected);
  });
});
