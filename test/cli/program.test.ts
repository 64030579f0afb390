import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import type { CliIO } from '../../src/cli/io.js';

/** Run the CLI in-process and capture what it prints. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('nabla program', () => {
  it('prints help listing the commands', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('lesson');
  });
  it('an unknown lesson is exit 2 with a message, not a stack trace', async () => {
    const r = await cli('lesson', '99', '--no-figures');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no lesson 99/);
    expect(r.err).not.toMatch(/\bat .*\.ts:\d+/);
  });
  it('an unknown command is exit 2', async () => {
    const r = await cli('frobnicate');
    expect(r.code).toBe(2);
  });
});
