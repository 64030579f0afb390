// Run the CLI in-process with captured output: the exit code runCli returns, stdout and stderr
// lines joined. Shared by the CLI tests (test/cli/*.test.ts, test/plot/cli-plot.test.ts).
import type { CliIO } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';

export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
