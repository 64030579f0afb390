import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

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
