// The coercion boundary (src/symbolic/api/coerce.ts): every public function of the symbolic layer
// is listed here. Each one that takes an expression accepts text and gives the same result as with
// the parsed expression; a wrong kind is an ArgumentError that names the parameter. The node-model
// functions (which take nodes by design) are listed with the reason.
import { describe, expect, it } from 'vitest';
import * as S from '../../../src/symbolic/index.js';
import { ArgumentError } from '../../../src/core/errors.js';
import { SymMatrix, type Expr } from '../../../src/symbolic/index.js';

const { parse, symbol } = S;
const x = symbol('x');
const y = symbol('y');
const P = (t: string, vars?: string[]) => parse(t, vars ? { vars } : {});

/** Results made comparable: expressions by identity (interned), everything else structurally. */
function norm(v: unknown): unknown {
  if (v instanceof SymMatrix) return { matrix: v.toRows().map((r) => r.map(norm)) };
  if (Array.isArray(v)) return v.map(norm);
  if (v instanceof Map) return [...v].map(([k, w]) => [norm(k), norm(w)]);
  if (typeof v === 'function') return { fn: (v as (...a: number[]) => unknown)(0.5, 0.25) };
  if (v && typeof v === 'object' && !('kind' in v)) return Object.fromEntries(Object.entries(v).map(([k, w]) => [k, norm(w)]));
  return v; // Expr (identity under toEqual's Object.is on interned nodes), number, string, boolean
}

interface Case {
  /** Call with text (and names) where an expression (or variable) is expected. */
  text: () => unknown;
  /** The same call with parsed expressions and symbols. */
  parsed: () => unknown;
  /** A call with a wrong kind for `param`. */
  wrong: () => unknown;
  param: string;
}

const BAD = true as never; // a boolean is never an expression, a variable or a list

const CASES: Record<string, Case> = {
  diff: { text: () => S.diff('2xy + sin(x)', 'x'), parsed: () => S.diff(P('2xy + sin(x)', ['x']), x), wrong: () => S.diff(BAD, 'x'), param: 'e' },
  diffMany: { text: () => S.diffMany(['x^2', 'sin(x)'], 'x'), parsed: () => S.diffMany([P('x^2'), P('sin(x)')], x), wrong: () => S.diffMany([P('x')], BAD), param: 'x' },
  gradient: { text: () => S.gradient('2xy', 'x y'), parsed: () => S.gradient(P('2xy', ['x', 'y']), [x, y]), wrong: () => S.gradient('x', BAD), param: 'vars' },
  jacobian: { text: () => S.jacobian(['xy', 'x + y'], ['x', 'y']), parsed: () => S.jacobian([P('x*y'), P('x + y')], [x, y]), wrong: () => S.jacobian([BAD], ['x']), param: 'exprs[0]' },
  hessian: { text: () => S.hessian('x^2 y', 'x,y'), parsed: () => S.hessian(P('x^2*y'), [x, y]), wrong: () => S.hessian(BAD, 'x'), param: 'expr' },
  integrate: { text: () => S.integrate('x*exp(x)', 'x'), parsed: () => S.integrate(P('x*exp(x)'), x), wrong: () => S.integrate(BAD, 'x'), param: 'e' },
  integrateDetailed: { text: () => S.integrateDetailed('1/x', ['x', 1, 'E']), parsed: () => S.integrateDetailed(P('1/x'), [x, S.int(1), S.E]), wrong: () => S.integrateDetailed('x', [BAD, 0, 1]), param: 'spec[0]' },
  verifyAntiderivative: { text: () => S.verifyAntiderivative('2x', 'x^2', 'x'), parsed: () => S.verifyAntiderivative(P('2*x'), P('x^2'), x), wrong: () => S.verifyAntiderivative('2x', BAD, 'x'), param: 'F' },
  integrateNumber: { text: () => S.integrateNumber('exp(x^2)', 'x', 0, '1'), parsed: () => S.integrateNumber(P('exp(x^2)'), x, S.int(0), S.int(1)), wrong: () => S.integrateNumber('x', 'x', 0, BAD), param: 'b' },
  summation: { text: () => S.summation('k^2', ['k', 1, 'n']), parsed: () => S.summation(P('k^2'), [S.symbol('k'), S.int(1), S.symbol('n')]), wrong: () => S.summation('k', ['k', BAD, 2]), param: 'spec[1]' },
  product: { text: () => S.product('k + 1', ['k', '1', 'n']), parsed: () => S.product(P('k + 1'), [S.symbol('k'), 1, S.symbol('n')]), wrong: () => S.product(BAD, ['k', 1, 'n']), param: 'e' },
  limit: { text: () => S.limit('sin(x)/x', 'x', '0'), parsed: () => S.limit(P('sin(x)/x'), x, 0), wrong: () => S.limit('x', 'x', BAD), param: 'to' },
  limitNumber: { text: () => S.limitNumber('(1 + 1/x)^x', 'x', 'oo'), parsed: () => S.limitNumber(P('(1 + 1/x)^x'), x, S.OO), wrong: () => S.limitNumber(BAD, 'x', 0), param: 'e' },
  series: { text: () => S.series('exp(x)', 'x', 0, 6), parsed: () => S.series(P('exp(x)'), x, S.ZERO, 6), wrong: () => S.series('exp(x)', BAD), param: 'x' },
  seriesDetailed: { text: () => S.seriesDetailed('sqrt(x^2 + x)', 'x', 'oo', 3), parsed: () => S.seriesDetailed(P('sqrt(x^2 + x)'), x, S.OO, 3), wrong: () => S.seriesDetailed('x', 'x', BAD), param: 'x0' },
  seriesCoefficients: { text: () => S.seriesCoefficients('tan(x)', 'x', '0', 6), parsed: () => S.seriesCoefficients(P('tan(x)'), x, 0, 6), wrong: () => S.seriesCoefficients('x', 'x', BAD, 3), param: 'x0' },
  laurent: { text: () => S.laurent('1/sin(x)', 'x', 0, 3), parsed: () => S.laurent(P('1/sin(x)'), x, S.ZERO, 3), wrong: () => S.laurent(BAD, 'x', 0, 3), param: 'e' },
  leadingTerm: { text: () => S.leadingTerm('1 - cos(x)', 'x', 0), parsed: () => S.leadingTerm(P('1 - cos(x)'), x, S.ZERO), wrong: () => S.leadingTerm('x', BAD, 0), param: 'x' },
  equationToExpr: { text: () => S.equationToExpr('exp(x) = 2'), parsed: () => S.equationToExpr(S.sub(P('exp(x)'), 2)), wrong: () => S.equationToExpr(BAD), param: 'equation' },
  solve: { text: () => S.solve('xy - 2 = 0', 'x'), parsed: () => S.solve(P('x*y - 2'), x), wrong: () => S.solve('x', BAD), param: 'x' },
  solveDetailed: { text: () => S.solveDetailed('x^5 - x - 1', 'x'), parsed: () => S.solveDetailed(P('x^5 - x - 1'), x), wrong: () => S.solveDetailed(BAD, 'x'), param: 'equation' },
  solveSystem: { text: () => S.solveSystem(['x^2 + y^2 = 1', 'x - y'], 'x y'), parsed: () => S.solveSystem([P('x^2 + y^2 - 1'), P('x - y')], [x, y]), wrong: () => S.solveSystem(['x'], BAD), param: 'unknowns' },
  solveSystemDetailed: { text: () => S.solveSystemDetailed(['xy - 1', 'x - y'], ['x', 'y']), parsed: () => S.solveSystemDetailed([P('x*y - 1'), P('x - y')], [x, y]), wrong: () => S.solveSystemDetailed([BAD], ['x']), param: 'equations[0]' },
  criticalPoints: { text: () => S.criticalPoints('x^3 - 3x'), parsed: () => S.criticalPoints(P('x^3 - 3*x')), wrong: () => S.criticalPoints(BAD), param: 'f' },
  expand: { text: () => S.expand('(x+1)^2'), parsed: () => S.expand(P('(x+1)^2')), wrong: () => S.expand(BAD), param: 'e' },
  simplify: { text: () => S.simplify('sin(x)^2 + cos(x)^2'), parsed: () => S.simplify(P('sin(x)^2 + cos(x)^2')), wrong: () => S.simplify(BAD), param: 'e' },
  foldSigmoid: { text: () => S.foldSigmoid('exp(x)/(exp(x) + 1)'), parsed: () => S.foldSigmoid(P('exp(x)/(exp(x) + 1)')), wrong: () => S.foldSigmoid(BAD), param: 'e' },
  tidy: { text: () => S.tidy('asin(1/2)'), parsed: () => S.tidy(P('asin(1/2)')), wrong: () => S.tidy(BAD), param: 'e' },
  together: { text: () => S.together('1/x + 1'), parsed: () => S.together(P('1/x + 1')), wrong: () => S.together(BAD), param: 'e' },
  factor: { text: () => S.factor('x^4 + 4', 'x'), parsed: () => S.factor(P('x^4 + 4'), x), wrong: () => S.factor('x', BAD), param: 'x' },
  subs: { text: () => S.subs('x^2', { x: 'y + 1' }), parsed: () => S.subs(P('x^2'), new Map([[x as Expr, P('y + 1')]])), wrong: () => S.subs('x', { x: BAD }), param: 's.x' },
  freeSymbols: { text: () => S.freeSymbols('x*y + z'), parsed: () => S.freeSymbols(P('x*y + z')), wrong: () => S.freeSymbols(BAD), param: 'e' },
  has: { text: () => S.has('sin(x)', 'x'), parsed: () => S.has(P('sin(x)'), x), wrong: () => S.has('x', BAD), param: 'target' },
  evaluate: { text: () => S.evaluate('x^2', { x: 3 }), parsed: () => S.evaluate(P('x^2'), { x: 3 }), wrong: () => S.evaluate(BAD), param: 'e' },
  evaluateComplex: { text: () => S.evaluateComplex('x*I + 1', { x: 3 }), parsed: () => S.evaluateComplex(S.add(S.mul(x, S.I), 1), { x: 3 }), wrong: () => S.evaluateComplex(BAD), param: 'e' },
  evaluateDual: { text: () => S.evaluateDual('x*sin(x)', 'x', 0.5), parsed: () => S.evaluateDual(P('x*sin(x)'), x, 0.5), wrong: () => S.evaluateDual('x', BAD, 1), param: 'x' },
  toString: { text: () => S.toString('x*2 + 1'), parsed: () => S.toString(P('2*x + 1')), wrong: () => S.toString(BAD), param: 'e' },
  exprToString: { text: () => S.exprToString('x*2 + 1'), parsed: () => S.exprToString(P('2*x + 1')), wrong: () => S.exprToString(BAD), param: 'e' },
  pretty: { text: () => S.pretty('x^2/2'), parsed: () => S.pretty(P('x^2/2')), wrong: () => S.pretty(BAD), param: 'e' },
  latex: { text: () => S.latex('x^2/2'), parsed: () => S.latex(P('x^2/2')), wrong: () => S.latex(BAD), param: 'e' },
  lambdify: { text: () => S.lambdify('xy + 1', 'x y'), parsed: () => S.lambdify(P('x*y + 1'), [x, y]), wrong: () => S.lambdify('x', BAD), param: 'vars' },
  add: { text: () => S.add('x', 1, 'x'), parsed: () => S.add(x, 1, x), wrong: () => S.add('x', BAD), param: 'args[1]' },
  mul: { text: () => S.mul(2, 'x', 'x y'), parsed: () => S.mul(2, x, P('x*y')), wrong: () => S.mul(BAD), param: 'args[0]' },
  pow: { text: () => S.pow('x', '1/2'), parsed: () => S.pow(x, S.HALF), wrong: () => S.pow('x', BAD), param: 'exp' },
  neg: { text: () => S.neg('x - 1'), parsed: () => S.neg(P('x - 1')), wrong: () => S.neg(BAD), param: 'a' },
  sub: { text: () => S.sub('x', 'y'), parsed: () => S.sub(x, y), wrong: () => S.sub(BAD, 'y'), param: 'a' },
  div: { text: () => S.div('x', 2), parsed: () => S.div(x, 2), wrong: () => S.div('x', BAD), param: 'b' },
  exp: { text: () => S.exp('log(x)'), parsed: () => S.exp(P('log(x)')), wrong: () => S.exp(BAD), param: 'a' },
  sqrt: { text: () => S.sqrt('8'), parsed: () => S.sqrt(8), wrong: () => S.sqrt(BAD), param: 'a' },
  fn: { text: () => S.fn('f', 'x', 2), parsed: () => S.fn('f', x, S.int(2)), wrong: () => S.fn('f', BAD), param: 'args[0]' },
  log: { text: () => S.log('x', '2'), parsed: () => S.log(x, 2), wrong: () => S.log('x', BAD), param: 'base' },
  atan2: { text: () => S.atan2('y', 'x'), parsed: () => S.atan2(y, x), wrong: () => S.atan2(BAD, 'x'), param: 'y' },
  max: { text: () => S.max('x', 'y', 1), parsed: () => S.max(x, y, 1), wrong: () => S.max('x', BAD), param: 'args[1]' },
  min: { text: () => S.min('x', 'y'), parsed: () => S.min(x, y), wrong: () => S.min(BAD, 'y'), param: 'args[0]' },
  symMatrix: { text: () => S.symMatrix([['x', 1], [0, 'y']]), parsed: () => S.symMatrix([[x, 1], [0, y]]), wrong: () => S.symMatrix([[1, BAD]]), param: 'rows[0][1]' },
};
// The one-argument function constructors: same shape each.
const ONE_ARG = 'sin cos tan sec csc cot asin acos atan sinh cosh tanh asinh acosh atanh erf sign heaviside sigmoid softplus relu abs re im conjugate'.split(' ');
for (const name of ONE_ARG) {
  const f = (S as unknown as Record<string, (u: unknown) => Expr>)[name]!;
  CASES[name] = { text: () => f('x/2 + 1'), parsed: () => f(P('x/2 + 1')), wrong: () => f(BAD), param: 'u' };
}

/**
 * Public functions that take nodes by design, not user input: node makers and accessors of the
 * node model (expr/), traversal primitives (walk/), the parser itself, and the function registry.
 */
const NODE_MODEL = new Set(
  `int rat float num symbol symbols constant numFromRational isNum numValue numIsZero numIsOne numSign numAdd numMul numNeg numInv
   makeAdd makeMul makePow makeFunction makeDerivative makeIntegral children compareExpr isAtom hashString mix internedCount constructionWork
   toExpr coeffAndTerm asBaseExp addTerms mulFactors addArray mulArray isSymMatrix SymMatrix
   postorder postorderReleasing rebuild mapExpr parse parseAny parseMatrix
   isKnownFunction looksNegative registerAntiderivative erfNum zeroFactors isPeriodicIn IdentityError SeriesError`.split(/\s+/),
);

describe('the coercion boundary', () => {
  it('every public function is either coerced (with a case here) or a node-model function', () => {
    const fns = Object.entries(S).filter(([, v]) => typeof v === 'function').map(([k]) => k);
    const unlisted = fns.filter((k) => !(k in CASES) && !NODE_MODEL.has(k));
    const both = fns.filter((k) => k in CASES && NODE_MODEL.has(k));
    const stale = [...Object.keys(CASES), ...NODE_MODEL].filter((k) => !fns.includes(k));
    expect({ unlisted, both, stale }).toEqual({ unlisted: [], both: [], stale: [] });
  });

  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: text gives the same result as parsed input; a wrong kind names '${c.param}'`, () => {
      expect(norm(c.text())).toEqual(norm(c.parsed()));
      let err: unknown;
      try {
        c.wrong();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ArgumentError);
      expect((err as Error).message).toContain(`argument '${c.param}'`);
    });
  }
});

describe('text arguments that used to be misread', () => {
  it('text is parsed with the variables the call names (2xy is 2·x·y when x is named)', () => {
    expect(S.diff('2xy', 'x')).toBe(S.mul(2, y));
    expect(S.solve('xy - 2 = 0', 'x')).toEqual([S.div(2, y)]);
    expect(S.integrate('2xy', 'x')).toBe(S.mul(x, x, y));
    // A name that contains no named variable stays one symbol; Greek names never split.
    expect(S.freeSymbols(S.diff('theta*x + ab', 'x')).map(String)).toEqual(['theta']);
  });

  it('series, evaluate, expand, subs and together work on text', () => {
    expect(S.series('exp(x)', 'x', 0, 3)).toBe(P('1 + x + x^2/2'));
    expect(S.evaluate('x^2', { x: 3 })).toBe(9);
    expect(S.evaluate('x^2', new Map([['x', 3]]))).toBe(9);
    expect(S.expand('(x+1)^2')).toBe(P('x^2 + 2x + 1'));
    expect(S.subs(P('x^2'), { x: 'y+1' })).toBe(S.pow(P('y + 1'), 2));
    expect(S.together('1/x + 1')).toBe(P('(x + 1)/x'));
  });

  it('numbers become expressions one way: integers exact, ±Infinity as ±oo, others floats', () => {
    expect(S.limit('1/x', 'x', Infinity)).toBe(S.ZERO);
    expect(S.integrate('1/x^2', ['x', 1, Infinity])).toBe(S.ONE);
    expect(S.series('1/(1-x)', 'x', 0, 3)).toBe(P('1 + x + x^2'));
    expect(S.add(0.5, 'x')).toBe(S.add(S.float(0.5), x));
  });
});
