// CLI rows of the newcomer review: identities (W9), parameters in critical (W8), hostile sizes
// (C1, C2) and system errors (C3, H3) exit 2 with a message, never "internal error" (exit 1);
// infinite bounds (W15), critical's classification and printing (W13), and the messages of U3,
// U4 and U7.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './run-cli.js';

describe('nabla: review defects', () => {
  it('solve "x=x" says every x is a solution (exit 0)', async () => {
    expect(await cli('solve', 'x=x')).toMatchObject({ code: 0, out: 'every real x is a solution (the equation holds identically)' });
    const j = await cli('solve', 'x+1 = 1+x', '--json');
    expect(JSON.parse(j.out)).toEqual({ equation: 'x+1 = 1+x', variable: 'x', identity: true, solutions: [] });
  });
  it('critical "x^2+y^2" --var x finds x = 0', async () => {
    const r = await cli('critical', 'x^2+y^2', '--var', 'x');
    expect(r.code).toBe(0);
    expect(r.out).toContain('x = 0: local min, f = y^2');
  });
  it('hostile sizes exit 2 with the limit named', async () => {
    const big = await cli('diff', 'sin(x)', '--order', '1000000000');
    expect(big.code).toBe(2);
    expect(big.err).toMatch(/--order must be an integer 0\.\.1000/);
    const tower = await cli('diff', Array(3000).fill('x').join('^'));
    expect(tower.code).toBe(2);
    expect(tower.err).toMatch(/^error: toString: written out it has more than 4000000 nodes \(printedSize/);
    const unknown = await cli('diff', 'sinn(x)');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown function 'sinn' \(did you mean 'sin'\?/);
  });
  it('a file the system refuses to write is exit 2 with its reason (was "internal error", exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nabla-out-'));
    try {
      // A folder where the first figure's file should go: writing it fails with EISDIR, as root too.
      mkdirSync(join(dir, '01-f-and-derivative.svg'));
      const r = await cli('lesson', '1', '--out', dir);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/error: cannot open '.*01-f-and-derivative\.svg': EISDIR/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('an output folder under /proc or /sys is refused at once (mkdir there spins in Node)', async () => {
    for (const out of ['/proc/nabla', '/sys/x']) {
      const r = await cli('lesson', '1', '--out', out);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/inside a system folder/);
    }
  });

  it('W15: --from/--to Infinity or NaN are refused (they parsed as symbols: Infinity^3/3)', async () => {
    for (const to of ['Infinity', 'NaN', '-infinity', 'nan']) {
      const r = await cli('integrate', 'x^2', '--from', '0', '--to', to);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`--to must be a number or an expression \\(like 1\\.5, pi/2, a, -oo, oo\\), got '${to}'`));
    }
    expect(await cli('integrate', 'x^2', '--from', '0', '--to', 'oo')).toMatchObject({ code: 0, out: 'oo' });
    expect((await cli('limit', '1/x', 'Infinity')).err).toMatch(/the point must be a number \(like 0, pi\/2, oo\), got 'Infinity'/);
  });

  it('W13: critical of exp(-x^2)*sin(x) prints numbers, decides every point, and makes no periodic claim', async () => {
    const r = await cli('critical', 'exp(-x^2)*sin(x)');
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/float\(|inconclusive|periodic|order 8/);
    expect(r.out).toContain('x = 0.653271187094403: local max, f = 0.396652961085471   [second derivative:');
    expect(r.out).toMatch(/x = 9\.477485705420797: local min, f = -5\.15\d*e-41 {3}\[second derivative: f''\(9\.477485705420797\) = 1\.867\d*e-38 > 0\]/);
  });

  it('U3: an expression that starts with - gets a hint to put -- before it', async () => {
    const r = await cli('diff', '-x^2');
    expect(r.code).toBe(2);
    expect(r.err).toBe(`error: unknown option '-x^2'\nhint: an expression or number that starts with '-' goes after --, as in: nabla diff -- "-x^2"`);
    expect(await cli('diff', '--', '-x^2')).toMatchObject({ code: 0, out: '-2*x' });
  });

  it('U4: svm --kernel poly --degree 100 names the kernel degree, not C', async () => {
    const r = await cli('svm', '--kernel', 'poly', '--degree', '100');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/kernel value .* is too large \(\(gamma\*<x, x'> \+ coef0\)\^degree with degree 100.*use a smaller degree or gamma/);
  });

  it('U7: --at x=NaN is not "no value given for symbol"; a file under /proc is not "its folder does not exist"', async () => {
    const r = await cli('diff', 'x^2', '--at', 'x=NaN');
    expect(r.code).toBe(2);
    expect(r.err).toBe("error: --at x: 'NaN' is not a finite number (give a number or a constant expression such as pi/2)");
    const p = await cli('plot', 'x^2', '-o', '/proc/f.png');
    expect(p.code).toBe(2);
    expect(p.err).toMatch(/cannot write '\/proc\/f\.png': files cannot be created in its folder/);
  });
});
