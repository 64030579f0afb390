import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ArgumentError, LimitError, ParseError, ShapeError, DomainError } from '../../src/core/errors.js';
import {
  add,
  checkDerivative,
  compileMatrixExpr,
  derivative,
  det,
  evaluateMatrixExpr,
  gradient,
  hadamard,
  hessian,
  inv,
  jacobian,
  matmul,
  matrixSymbol,
  ones,
  parseMatrixExpr,
  scalarSymbol,
  sum,
  toLatex,
  toPretty,
  toText,
  toUnicode,
  trace,
  transpose,
  vectorSymbol,
  type MExpr,
} from '../../src/matcalc/index.js';
import { minimize } from '../../src/optimize/index.js';
import { lstsq } from '../../src/numeric/index.js';
import { RandomState } from '../../src/core/random.js';

const A = matrixSymbol('A', 'n', 'n');
const B = matrixSymbol('B', 'n', 'n');
const X = matrixSymbol('X', 'n', 'm');
const x = vectorSymbol('x', 'n');
const y = vectorSymbol('y', 'n');
const w = vectorSymbol('w', 'm');

describe('canonical forms', () => {
  it('interns: building twice gives the same object', () => {
    expect(matmul(X, w)).toBe(matmul(matrixSymbol('X', 'n', 'm'), vectorSymbol('w', 'm')));
    expect(add(x, y)).toBe(add(y, x));
  });
  it('transposes go down to the leaves: (AB)ᵀ = BᵀAᵀ, Aᵀᵀ = A, (A + B)ᵀ = Aᵀ + Bᵀ', () => {
    expect(transpose(matmul(A, B))).toBe(matmul(transpose(B), transpose(A)));
    expect(transpose(transpose(A))).toBe(A);
    expect(transpose(add(A, B))).toBe(add(transpose(A), transpose(B)));
    expect(toText(transpose(matmul(X, w)))).toBe("w'*X'");
    const S = matrixSymbol('S', 'n', 'n', { symmetric: true });
    expect(transpose(S)).toBe(S);
    expect(transpose(matmul(transpose(X), X))).toBe(matmul(transpose(X), X));
  });
  it('inverse and determinant rules', () => {
    expect(inv(inv(A))).toBe(A);
    expect(inv(transpose(A))).toBe(transpose(inv(A)));
    expect(toText(inv(transpose(A)))).toBe("inv(A)'");
    expect(toUnicode(inv(transpose(A)))).toBe('A⁻ᵀ');
    expect(det(transpose(A))).toBe(det(A));
    expect(toText(det(inv(A)))).toBe('1/det(A)');
    expect(toText(det(matmul(A, B)))).toBe('det(A)*det(B)');
  });
  it('trace cycles to one rotation and disappears through a 1×1 bond', () => {
    expect(trace(matmul(A, B))).toBe(trace(matmul(B, A)));
    expect(trace(matmul(A, B, X, transpose(X)))).toBe(trace(matmul(transpose(X), A, B, X)));
    expect(trace(matmul(x, transpose(y)))).toBe(matmul(transpose(y), x));
    expect(trace(transpose(A))).toBe(trace(A));
    expect(toText(trace(add(A, B)))).toBe('tr(A) + tr(B)');
  });
  it('ones-vector sums are sums; Hadamard algebra collects', () => {
    expect(matmul(transpose(ones('n')), x)).toBe(sum(x));
    expect(matmul(transpose(ones('n')), X, ones('m'))).toBe(sum(X));
    expect(toText(hadamard(x, add(1, y)))).toBe('x.*(y + 1)');
    expect(toText(parseMatrixExpr('sigmoid(x) ./ sigmoid(x)', 'x:n'))).toBe('ones(n)');
    expect(toText(parseMatrixExpr('x + x - 2*y', 'x:n y:n'))).toBe('2*(x - y)');
  });
});

describe('shape checking names the operation and both shapes', () => {
  it('sums, products and Hadamard products', () => {
    expect(() => add(X, w)).toThrow(ShapeError);
    expect(() => add(X, w)).toThrow('add: shapes n×m and m×1 (vector) differ');
    expect(() => matmul(X, y)).toThrow('matmul: shapes n×m and n×1 (vector) do not align (m ≠ n)');
    expect(() => hadamard(x, w)).toThrow('hadamard: shapes n×1 (vector) and m×1 (vector) differ');
    expect(() => inv(X)).toThrow('inv: needs a square matrix, got n×m');
    expect(() => trace(X)).toThrow('trace: needs a square matrix, got n×m');
    expect(() => parseMatrixExpr('diag(X)', 'X:n,m')).toThrow('diag: needs a vector or a square matrix, got n×m');
    expect(() => parseMatrixExpr('softmax(X)', 'X:n,m')).toThrow('softmax: needs a column vector, got n×m');
  });
  it('parse errors point at the input', () => {
    const bad = (s: string, spec = 'X:n,m w:m y:n'): unknown => {
      try {
        parseMatrixExpr(s, spec);
      } catch (e) {
        return e;
      }
      return null;
    };
    const e1 = bad('X*y') as ShapeError;
    expect(e1).toBeInstanceOf(ShapeError);
    expect(e1.message).toBe('matmul: shapes n×m and n×1 (vector) do not align (m ≠ n) at position 2\n  X*y\n   ^');
    expect(bad('X*w +')).toBeInstanceOf(ParseError);
    expect((bad('foo(w)') as Error).message).toContain("unknown function 'foo'");
    expect((bad('w / y') as Error).message).toContain('the divisor must be a scalar');
    expect((bad('X^2') as Error).message).toContain('power: n×m is not square (use .^ for an elementwise power)');
    expect(bad('w $ y')).toBeInstanceOf(ParseError);
    expect(bad('(w')).toBeInstanceOf(ParseError);
    expect(bad('X:n,m', 'X:n,m')).toBeInstanceOf(ParseError);
    expect(() => parseMatrixExpr('w', 'w:m w:n')).toThrow(ParseError);
    expect(() => parseMatrixExpr('w', 'w:0')).toThrow(ShapeError);
    expect(() => parseMatrixExpr('q', 'w:m', { undeclared: 'error' })).toThrow("'q' has no declared shape");
  });
  it('refuses deep nesting with a LimitError, never a stack overflow', () => {
    const deep = '('.repeat(5000) + 'x' + ')'.repeat(5000);
    expect(() => parseMatrixExpr(deep, 'x:n')).toThrow(LimitError);
    const calls = 'exp('.repeat(5000) + 'x' + ')'.repeat(5000);
    expect(() => parseMatrixExpr(calls, 'x:n')).toThrow(LimitError);
  });
});

describe('derivatives: layouts and limits', () => {
  const f = parseMatrixExpr("x'*A*x", 'x:n A:n,n');
  it('mixed layout by default; numerator and denominator on request', () => {
    expect(toText(gradient(f, x))).toBe("(A + A')*x");
    expect(toText(gradient(f, x, { layout: 'numerator' }))).toBe("x'*(A + A')");
    const g = parseMatrixExpr('A*x', 'x:n A:n,n');
    expect(toText(jacobian(g, x))).toBe('A');
    expect(toText(jacobian(g, x, { layout: 'denominator' }))).toBe("A'");
    expect(toText(derivative(parseMatrixExpr('X*w', 'X:n,m w:m'), parseMatrixExpr('w', 'w:m')))).toBe('X');
  });
  it('refuses what has no matrix form, and symmetric variables', () => {
    expect(() => derivative(parseMatrixExpr('X*w', 'X:n,m w:m'), X)).toThrow(ShapeError);
    expect(() => hessian(parseMatrixExpr('det(A)', 'A:n,n'), A)).toThrow('4-tensor');
    const S = matrixSymbol('S', 'n', 'n', { symmetric: true });
    expect(() => derivative(trace(S), S)).toThrow(ArgumentError);
    expect(() => derivative(f, matmul(A, x))).toThrow(ArgumentError);
  });
  it('a constant has a zero derivative of the right shape', () => {
    const c = parseMatrixExpr("y'*y", 'x:n y:n');
    expect(toText(derivative(c, x))).toBe('0*ones(n)');
  });
  it('derivatives by a scalar keep the shape of f', () => {
    const t = scalarSymbol('t');
    const e = parseMatrixExpr('exp(t*A*x)', 'A:n,n x:n t:');
    expect(toText(derivative(e, t))).toBe('exp(t*A*x).*(A*x)');
  });
});

describe('printing', () => {
  const e = parseMatrixExpr("norm(X*w - y)^2/n + lambda*norm(w)^2", 'X:n,m w:m y:n lambda:');
  const g = derivative(e, w);
  it('text, Unicode, LaTeX and 2-D', () => {
    expect(toText(g)).toBe("2*X'*(X*w - y)/n + 2*lambda*w");
    expect(toUnicode(g)).toBe('2Xᵀ(Xw − y)/n + 2λw');
    expect(toLatex(g)).toBe('\\frac{2 X^{\\top} \\left(X w - y\\right)}{n} + 2 \\lambda w');
    expect(toPretty(g)).toBe([' 2Xᵀ(Xw − y)', '───────────── + 2λw', '      n'].join('\n'));
    expect(toPretty(parseMatrixExpr('x.^(a+1)', 'x:n a:'))).toBe(' ∘a + 1\nx');
    expect(toLatex(parseMatrixExpr('x .* y ./ z', 'x:n y:n z:n'))).toBe('y \\odot x \\oslash z');
  });
  it('parse(toText(e)) === e over the battery of derivatives', () => {
    const spec = 'X:n,m w:m y:n lambda: A:n,n B:n,n x:n a:n';
    const exprs = [
      "-y'*log(sigmoid(X*w)) - (1 - y)'*log(1 - sigmoid(X*w))",
      'log(det(A))',
      "tr(A*inv(B)*A')",
      'sum(softplus(-y .* (X*w)))',
      "softmax(A*x) .* a ./ (1 + exp(-x))",
      'norm(A*x - a)^3',
      "x'*diag(a)*x + logsumexp(A*x)",
    ];
    for (const s of exprs) {
      const f = parseMatrixExpr(s, spec);
      expect(parseMatrixExpr(toText(f), spec)).toBe(f);
      for (const v of ['x', 'A', 'w', 'a']) {
        if (!toText(f).includes(v)) continue;
        let d: MExpr;
        try {
          d = derivative(f, parseMatrixExpr(v, spec));
        } catch {
          continue;
        }
        expect(parseMatrixExpr(toText(d), spec), `${s} by ${v}: ${toText(d)}`).toBe(d);
      }
    }
  });
});

describe('numeric evaluation', () => {
  it('binds numbers, arrays and matrices; named dimensions must agree', () => {
    const f = parseMatrixExpr("x'*A*x + sum(x)", 'x:n A:n,n');
    const v = evaluateMatrixExpr(f, { x: [1, 2], A: [[1, 2], [3, 4]] });
    expect(v.data[0]).toBe(1 * 1 + 2 * 2 + 3 * 2 + 4 * 4 + 3);
    expect(() => evaluateMatrixExpr(f, { x: [1, 2, 3], A: [[1, 2], [3, 4]] })).toThrow('dimension n is 3 from x (3×1) but 2 from A (2×2)');
    expect(() => evaluateMatrixExpr(f, { x: [1, 2] })).toThrow('no value bound for A');
    expect(() => evaluateMatrixExpr(parseMatrixExpr('sum(log(x))', 'x:n'), { x: [-1, 2] })).toThrow(DomainError);
  });
  it('a derived gradient drives minimize to the least-squares solution', () => {
    const rs = new RandomState(3);
    const n = 30;
    const m = 4;
    const Xd = { rows: n, cols: m, data: rs.randn(n * m) };
    const yd = rs.randn(n);
    const f = parseMatrixExpr('norm(X*w - y)^2', 'X:n,m w:m y:n');
    const fun = compileMatrixExpr(f);
    const jac = compileMatrixExpr(derivative(f, w));
    const res = minimize((v: Float64Array) => fun({ X: Xd, y: yd, w: v }).data[0]!, new Float64Array(m), {
      method: 'bfgs',
      jac: (v: Float64Array) => jac({ X: Xd, y: yd, w: v }).data,
    });
    const ref = lstsq(Xd, yd).x;
    for (let i = 0; i < m; i++) expect(res.x[i]).toBeCloseTo(ref[i]!, 6);
  });
});

describe('random expressions: every derivative checks out three ways', () => {
  // A small grammar of scalar expressions in a vector x (n), matrices A, B (n×n), a vector a (n).
  const vec = fc.letrec((tie) => ({
    v: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('x', 'a', 'A*x', "B'*x"),
      fc.tuple(fc.constantFrom('A', 'B', "A'"), tie('v')).map(([M, v]) => `${M}*(${v})`),
      fc.tuple(tie('v'), tie('v'), fc.constantFrom('+', '-', '.*')).map(([p, q, op]) => `(${p}) ${op} (${q})`),
      fc.tuple(fc.constantFrom('tanh', 'sigmoid', 'softplus', 'exp', 'softmax'), tie('v')).map(([g, v]) => `${g}(${v})`),
    ),
  })).v;
  const scalarExpr = fc.tuple(vec, vec, fc.constantFrom('dot', 'norm2', 'sum', 'lse', 'quad')).map(([p, q, k]) =>
    k === 'dot' ? `(${p})'*(${q})` : k === 'norm2' ? `norm(${p})^2` : k === 'sum' ? `sum(${p})` : k === 'lse' ? `logsumexp(${p})` : `(${p})'*A*(${q})`,
  );
  it('checkDerivative passes on generated expressions (and the text round-trips)', () => {
    const spec = 'x:n a:n A:n,n B:n,n';
    fc.assert(
      fc.property(scalarExpr, fc.integer({ min: 0, max: 1000 }), (s, seed) => {
        const f = parseMatrixExpr(s, spec);
        expect(parseMatrixExpr(toText(f), spec)).toBe(f);
        const r = checkDerivative(f, x, { seed, rtol: { finiteDifference: 1e-4 } });
        expect(r.errors.autodiff, `${s} → ${toText(r.derivative)}`).toBeLessThan(1e-8);
        expect(r.errors.finiteDifference, `${s} → ${toText(r.derivative)}`).toBeLessThan(1e-4);
        expect(parseMatrixExpr(toText(r.derivative), spec)).toBe(r.derivative);
      }),
      { numRuns: 60 },
    );
  });
});

describe('simplify has a work budget', () => {
  it('nested softmax (each level multiplied the rewrites tried) derives and checks out', { timeout: 120_000 }, () => {
    const spec = 'x:n a:n';
    const f = parseMatrixExpr("a'*softmax(softmax(softmax(softmax(x))))", spec);
    const r = checkDerivative(f, parseMatrixExpr('x', spec), { seed: 1 });
    expect(r.ok).toBe(true);
    expect(r.errors.autodiff).toBeLessThan(1e-8);
  });
});
