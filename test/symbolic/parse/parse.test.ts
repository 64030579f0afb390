import { describe, expect, expectTypeOf, it } from 'vitest';
import { ParseError } from '../../../src/core/errors.js';
import {
  E, FUNCTIONS, OO, PI, SymMatrix, add, cos, div, evaluate, exp, float, fn, int, log, mul, neg, parse, parseAny, parseMatrix, pow, rat,
  sin, sqrt, symbol, symbols, toString, type SymbolNode,
} from '../../../src/symbolic/index.js';

const [x, y, z] = symbols('x y z');

describe('parse: operators and implicit multiplication', () => {
  it('reads + - * / ^ ** with the usual precedence', () => {
    expect(parse('1 + 2*3^2')).toBe(int(19));
    expect(parse('x**2')).toBe(pow(x, 2));
    expect(parse('-x^2')).toBe(neg(pow(x, 2)));
    expect(parse('2^3^2')).toBe(int(512)); // right associative
    expect(parse('x/y/z')).toBe(div(div(x, y), z));
    expect(parse('x - y - z')).toBe(add(x, neg(y), neg(z)));
    expect(parse('2^-1')).toBe(rat(1, 2));
    expect(parse('--x')).toBe(x);
  });
  it('multiplies implicitly', () => {
    expect(parse('2x')).toBe(mul(2, x));
    expect(parse('2(x+1)')).toBe(add(mul(2, x), 2));
    expect(parse('(x+1)(x-1)')).toBe(mul(add(x, 1), add(x, -1)));
    expect(parse('x y')).toBe(mul(x, y));
    expect(parse('2x^2')).toBe(mul(2, pow(x, 2)));
    expect(parse('3 sin(x)')).toBe(mul(3, sin(x)));
  });
  it('reads multi-letter names and splits runs of declared variables', () => {
    expect(parse('theta + w1_2')).toBe(add(symbol('theta'), symbol('w1_2')));
    expect(parse('xy')).toBe(symbol('xy'));
    expect(parse('2xy', { vars: ['x', 'y'] })).toBe(mul(2, x, y));
    expect(parse('x^2 y', { vars: ['x', 'y'] })).toBe(mul(pow(x, 2), y));
    expect(parse('x(x+1)', { vars: ['x'] })).toBe(mul(x, add(x, 1)));
  });
  it('reads numbers exactly, or as floats on request', () => {
    expect(parse('0.1')).toBe(rat(1, 10));
    expect(parse('1e-3')).toBe(rat(1, 1000));
    expect(parse('2.5E2')).toBe(int(250));
    expect(parse('.5')).toBe(rat(1, 2));
    expect(parse('0.1', { floats: true })).toBe(float(0.1));
    expect(parse('2e')).toBe(mul(2, E)); // e is Euler's number when no digits follow
    expect(parse('float(0.25)')).toBe(float(0.25));
  });
  it('knows the constants', () => {
    expect(parse('pi')).toBe(PI);
    expect(parse('e')).toBe(E);
    expect(parse('E')).toBe(E);
    expect(parse('oo')).toBe(OO);
    expect(parse('e^x')).toBe(exp(x));
  });
});

describe('parse: functions', () => {
  const names = ['exp', 'log', 'sqrt', 'abs', 'sign', 'sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'erf', 'sigmoid', 'softplus', 'relu', 'heaviside'];
  it.each(names)('%s(x) parses and evaluates like the table says', (name) => {
    const e = parse(`${name}(x)`);
    const v = name === 'acosh' ? 1.7 : 0.37;
    const expected = name === 'exp' ? Math.exp(v) : name === 'sqrt' ? Math.sqrt(v) : FUNCTIONS[name]!.numeric(v);
    expect(evaluate(e, { x: v })).toBeCloseTo(expected, 14);
  });
  it('reads two-argument forms', () => {
    expect(parse('log(x, 2)')).toBe(div(log(x), log(2)));
    expect(parse('atan2(y, x)')).toBe(fn('atan2', y, x));
    expect(parse('max(x, 0)')).toBe(fn('max', x, 0));
    expect(parse('min(x, y, z)')).toBe(fn('min', x, fn('min', y, z)));
  });
  it('treats an unknown name before ( as an undefined function only when asked', () => {
    const f = parse('f(x) + g(x, y)', { undefinedFunctions: true });
    expect(toString(f)).toBe('f(x) + g(x, y)');
    expect(parse('f(x)', { undefinedFunctions: ['f'] }).kind).toBe('Function');
    expect(() => parse('g(x)', { undefinedFunctions: ['f'] })).toThrow(/unknown function 'g'/);
  });
  it('refuses an unknown function name, suggesting the nearest known one', () => {
    expect(() => parse('sinn(x)')).toThrow(ParseError);
    expect(() => parse('sinn(x)')).toThrow(/unknown function 'sinn' \(did you mean 'sin'\?/);
    expect(() => parse('2*tanhh(x)')).toThrow(/did you mean 'tanh'\?[^]*at position 3/);
    expect(() => parse('sigmiod(x)')).toThrow(/did you mean 'sigmoid'\?/);
    expect(() => parse('Sqrt(x)')).toThrow(/did you mean 'sqrt'\?/);
    // Far from every known name: no guess, still the way out.
    expect(() => parse('frobnicate(x)')).toThrow(/unknown function 'frobnicate' \(for a product write frobnicate\*\(\.\.\.\); for an undefined function/);
    // A space before '(' keeps the product reading, and declared variables multiply.
    expect(toString(parse('a (x + 1)'))).toBe('a*(x + 1)');
    expect(toString(parse('a(x + 1)', { vars: ['a', 'x'] }))).toBe('a*(x + 1)');
  });
  it('accepts SymPy spellings', () => {
    expect(parse('Abs(x)')).toBe(parse('abs(x)'));
    expect(parse('Heaviside(x)')).toBe(parse('heaviside(x)'));
    expect(parse('ln(x)')).toBe(log(x));
  });
  it('simplifies exact special values', () => {
    expect(parse('sin(0) + cos(0) + log(1) + log(e) + exp(0)')).toBe(int(3));
    expect(parse('sqrt(4)')).toBe(int(2));
    expect(parse('cos(pi)')).toBe(int(-1));
    expect(parse('abs(-3)')).toBe(int(3));
    expect(parse('x^0')).toBe(int(1));
    expect(parse('exp(log(x))')).toBe(x);
    expect(parse('sqrt(x)^2')).toBe(x);
  });
});

describe('parse: matrices', () => {
  it('reads [a, b; c, d] and [a, b]', () => {
    const m = parseAny('[x, 2y; sin(x), 1]', { vars: ['x', 'y'] }) as SymMatrix;
    expect([m.rows, m.cols]).toEqual([2, 2]);
    expect(m.get(0, 1)).toBe(mul(2, y));
    expect(m.get(1, 0)).toBe(sin(x));
    const v = parseMatrix('[2xy, x^2 y]', { vars: ['x', 'y'] });
    expect([v.rows, v.cols]).toEqual([1, 2]);
    expect(v.get(0, 0)).toBe(mul(2, x, y));
  });
  it('refuses ragged rows and a matrix where an expression is wanted', () => {
    expect(() => parseAny('[x, y; z]')).toThrow(ParseError);
    expect(() => parse('[x, y]')).toThrow(/matrix/);
  });
});

describe('parse: errors carry a position and a caret line', () => {
  const cases: Array<[string, number, RegExp]> = [
    ['x +* 3', 3, /expected an expression before '\*'/],
    ['sin(x', 3, /missing '\)'/],
    ['x + 1)', 5, /unmatched '\)'/],
    ['2 $ 3', 2, /unexpected character '\$'/],
    ['', 0, /empty expression/],
    ['x +', 3, /unexpected end/],
    ['sin(x, y)', 0, /sin takes 1 argument/],
    ['sin()', 4, /sin\(\) needs an argument/],
    ['1, 2', 1, /',' outside a function call/],
  ];
  it.each(cases)('%j', (input, pos, reason) => {
    let err: unknown;
    try {
      parse(input);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ParseError);
    const pe = err as ParseError;
    expect(pe.position).toBe(pos);
    expect(pe.message).toMatch(reason);
    const lines = pe.message.split('\n');
    expect(lines[1]).toBe(`  ${input}`);
    expect(lines[2]).toBe(`  ${' '.repeat(pos)}^`);
  });
});

describe('symbols', () => {
  it('interns and splits', () => {
    expect(symbols('a, b c')).toEqual([symbol('a'), symbol('b'), symbol('c')]);
    // A literal list is typed as a tuple of its length; a run-time string as an array.
    expectTypeOf(symbols(' a, b\tc ')).toEqualTypeOf<[SymbolNode, SymbolNode, SymbolNode]>();
    expectTypeOf(symbols('')).toEqualTypeOf<[]>();
    expect(symbols('')).toEqual([]);
    expectTypeOf(symbols(String('a b'))).toEqualTypeOf<SymbolNode[]>();
    expect(symbol('x')).toBe(x);
    expect(sqrt(x)).toBe(pow(x, rat(1, 2)));
    expect(cos(neg(0))).toBe(int(1));
  });
});
