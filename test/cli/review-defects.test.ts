// CLI rows of the newcomer review: identities (W9), parameters in critical (W8), hostile sizes
// (C1, C2) and system errors (C3, H3) exit 2 with a message, never "internal error" (exit 1).
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
});
