import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('nabla train', () => {
  it('trains on circles and reports every epoch', async () => {
    const r = await cli('train', '--data', 'circles', '--samples', '200', '--layers', '2,16,16,1', '--epochs', '150');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^training an MLP through autodiff: circles, 200 samples, layers \[2, 16, 16, 1\]/);
    expect(lines.filter((l) => /^epoch +\d+ +loss \d+\.\d{6} +accuracy \d\.\d{3} +\d+\.\d{2} ms$/.test(l))).toHaveLength(150);
    const acc = Number(/accuracy (\d\.\d+);/.exec(lines.at(-1)!)![1]);
    expect(acc).toBeGreaterThan(0.95);
  });

  it('--json with adam on blobs (softmax output)', async () => {
    const r = await cli('train', '--data', 'blobs', '--samples', '150', '--layers', '2,8,3', '--epochs', '60', '--optimizer', 'adam', '--lr', '0.05', '--json');
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.out);
    expect(rep.epochs).toHaveLength(60);
    expect(rep.epochs[59].loss).toBeLessThan(rep.epochs[0].loss);
    expect(rep.finalAccuracy).toBeGreaterThan(0.8);
    expect(rep.msPerEpoch).toBeGreaterThan(0);
  });

  it('bad input exits 2 with a message', async () => {
    for (const argv of [['--epochs', 'x'], ['--layers', '3,4,1'], ['--data', 'spirals'], ['--optimizer', 'rmsprop'], ['--layers', '2,4,2']]) {
      const r = await cli('train', ...argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^error: --/);
    }
  });
});
