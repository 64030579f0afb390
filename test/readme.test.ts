// The README's quick-start snippet, run as written (imports from the source instead of the package).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, diff, integrate, toString, lambdify, minimize } from '../src/index.js';

describe('README quick start', () => {
  it('shows exactly two set-up commands, npm start and npm test', () => {
    const readme = readFileSync(resolve(__dirname, '../README.md'), 'utf8');
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm install && npm test');
  });
  it('the snippet gives the results its comments promise', () => {
    const f = parse('x^3 - 2x^2 + 1');
    expect(toString(diff(f, 'x'))).toBe('3*x^2 - 4*x');
    expect(toString(integrate('3x^2 - 4x', 'x'))).toBe('x^3 - 2*x^2');
    const g = lambdify(f, 'x');
    const x = minimize((v) => g(v[0]!), [2], { method: 'bfgs' }).x;
    expect(x[0]).toBeCloseTo(4 / 3, 5);
  });
});

describe('README: automatic simplifications', () => {
  it('behave as the README says', () => {
    expect(toString(parse('sin(-2*x)'))).toBe('-sin(2*x)');
    expect(toString(parse('cos(1 - x)'))).toBe('cos(x - 1)');
    expect(toString(parse('sqrt(8)'))).toBe('2*sqrt(2)');
    expect(toString(parse('tan(pi/2)'))).toBe('zoo');
    expect(toString(parse('sin(x + pi)'))).toBe('-sin(x)');
    expect(toString(parse('oo + pi'))).toBe('oo');
    expect(`${parse('x^2 + 1')}`).toBe('x^2 + 1');
  });
});

describe('README: matrix calculus', () => {
  it('the snippet gives the results its comments promise', async () => {
    const { mc, parseMatrixExpr, matrixGradient, matrixHessian, matrixToText, matrixToLatex, checkDerivative } = await import('../src/index.js');
    const loss = parseMatrixExpr('norm(X*w - y)^2 + lambda*norm(w)^2', 'X:n,m w:m y:n lambda:');
    const w = mc.vectorSymbol('w', 'm');
    const g = matrixGradient(loss, w);
    expect(matrixToText(g)).toBe("2*X'*(X*w - y) + 2*lambda*w");
    expect(matrixToLatex(g)).toBe('2 X^{\\top} \\left(X w - y\\right) + 2 \\lambda w');
    expect(matrixToText(matrixHessian(loss, w))).toBe("2*X'*X + 2*lambda*eye(m)");
    const A = mc.matrixSymbol('A', 'n', 'n');
    expect(matrixToText(matrixGradient(parseMatrixExpr('log(det(A))', 'A:n,n'), A))).toBe("inv(A)'");
    expect(checkDerivative(parseMatrixExpr('log(det(A))', 'A:n,n'), A).ok).toBe(true);
    const u = await import('../src/matcalc/index.js');
    const W = parseMatrixExpr('W', 'W:k,d');
    expect(u.toUnicode(u.derivative(parseMatrixExpr("logsumexp(W*x) - y'*W*x", 'W:k,d x:d y:k'), W))).toBe('(softmax(Wx) − y)xᵀ');
  });
});
