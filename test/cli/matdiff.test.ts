import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

const LS = ['norm(X*w - y)^2', '--wrt', 'w', '--shapes', 'X:n,m w:m y:n'];

describe('nabla matdiff', () => {
  it('prints the gradient in textbook matrix form, in text, Unicode, LaTeX and 2-D', async () => {
    expect(await cli('matdiff', ...LS)).toMatchObject({ code: 0, out: "2*X'*(X*w - y)" });
    expect((await cli('matdiff', ...LS, '--unicode')).out).toBe('2Xᵀ(Xw − y)');
    expect((await cli('matdiff', ...LS, '--latex')).out).toBe('2 X^{\\top} \\left(X w - y\\right)');
    expect((await cli('matdiff', 'norm(X*w - y)^2/n', '--wrt', 'w', '--shapes', 'X:n,m w:m y:n', '--pretty')).out).toBe(' 2Xᵀ(Xw − y)\n─────────────\n      n');
    expect((await cli('matdiff', 'log(det(A))', '--wrt', 'A', '--shapes', 'A:n,n')).out).toBe("inv(A)'");
  });

  it('--check verifies against autodiff and finite differences', async () => {
    const r = await cli('matdiff', ...LS, '--check');
    expect(r.code).toBe(0);
    const [formula, check] = r.out.split('\n');
    expect(formula).toBe("2*X'*(X*w - y)");
    expect(check).toMatch(/^check at m=\d, n=\d: autodiff \S+, finite differences \S+ .* ok$/);
  });

  it('--hessian, --layout and --json', async () => {
    expect((await cli('matdiff', ...LS, '--hessian')).out).toBe("2*X'*X");
    expect((await cli('matdiff', 'A*x', '--wrt', 'x', '--shapes', 'A:n,m x:m', '--layout', 'denominator')).out).toBe("A'");
    expect((await cli('matdiff', "x'*A*x", '--wrt', 'x', '--shapes', 'A:n,n x:n', '--layout', 'numerator')).out).toBe("x'*(A + A')");
    const j = JSON.parse((await cli('matdiff', ...LS, '--json', '--check')).out);
    expect(j).toMatchObject({ result: "2*X'*(X*w - y)", unicode: '2Xᵀ(Xw − y)', layout: 'mixed', shape: { rows: 'm', cols: 1 }, check: { ok: true } });
  });

  it('bad input exits 2 with a message', async () => {
    const shape = await cli('matdiff', 'X*y', '--wrt', 'y', '--shapes', 'X:n,m y:n');
    expect(shape.code).toBe(2);
    expect(shape.err).toContain('matmul: shapes n×m and n×1 (vector) do not align (m ≠ n)');
    expect(shape.err).toContain('^');
    const parse = await cli('matdiff', 'norm(X*w - ', '--wrt', 'w', '--shapes', 'X:n,m w:m');
    expect(parse.code).toBe(2);
    expect(parse.err).toContain('unexpected end of input');
    const undeclared = await cli('matdiff', 'norm(X*w - y)', '--wrt', 'w', '--shapes', 'X:n,m w:m');
    expect(undeclared).toMatchObject({ code: 2 });
    expect(undeclared.err).toContain("'y' has no declared shape");
    expect((await cli('matdiff', 'X*w', '--wrt', 'X', '--shapes', 'X:n,m w:m')).err).toContain('higher-order tensor');
    expect((await cli('matdiff', 'sum(w)', '--shapes', 'w:m')).err).toContain('--wrt');
    expect((await cli('matdiff', 'sum(w)', '--wrt', 'w', '--shapes', 'w:m', '--layout', 'sideways')).code).toBe(2);
  });
});
