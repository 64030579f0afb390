import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accuracy, makeBlobs, Sequential } from '../../src/nn/index.js';
import { cli } from './run-cli.js';

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

  it('sizes that would exhaust memory or run for days are refused up front (exit 2)', async () => {
    // --samples 1e9 used to abort V8 itself (a fatal "invalid size error", exit 133).
    for (const [argv, msg] of [
      [['--samples', '1e9'], /--samples 1000000000 is above the limit of 1000000/],
      [['--epochs', '1e12'], /--epochs 1000000000000 is above the limit/],
      [['--samples', '100000', '--layers', '2,100000,1'], /activations is above the limit/],
    ] as const) {
      const r = await cli('train', ...argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(msg);
    }
  });

  it('a diverging run stops at the first non-finite loss with a hint (exit 2)', async () => {
    const r = await cli('train', '--epochs', '3', '--lr', '1e308');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: training diverged: the loss became NaN at epoch 1; try a smaller --lr/);
    expect(r.out).not.toMatch(/NaN/);
  });

  it('minibatches, weight decay, a schedule, validation with early stopping, and --save', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nabla-train-'));
    const file = join(dir, 'model.json');
    const r = await cli('train', '--data', 'blobs', '--samples', '200', '--layers', '2,8,3', '--epochs', '300', '--optimizer', 'adam', '--lr', '0.3',
      '--batch-size', '32', '--weight-decay', '1e-4', '--schedule', 'step:50:0.5', '--validation', '0.2', '--patience', '5', '--save', file);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/batch 32, weight decay 0.0001, schedule step:50:0.5, validation 0.2, patience 5, seed 0$/);
    expect(lines[1]).toMatch(/^epoch +0 +loss \d+\.\d{6} +accuracy \d\.\d{3} +val loss \d+\.\d{6} +val accuracy \d\.\d{3} +\d+\.\d{2} ms$/);
    expect(r.out).toMatch(/stopped early after \d+ epochs: the validation loss had not improved for 5/);
    expect(r.err).toContain(`wrote ${file}`);
    const model = Sequential.load(readFileSync(file, 'utf8'));
    expect(model.layers.map((l) => l.activation)).toEqual(['relu', 'softmax']);
    const { X, y } = makeBlobs({ nSamples: 200, centers: 3, seed: 0 });
    expect(accuracy(y, model.predictClasses(X))).toBeGreaterThan(0.9);
  });

  it('new options are validated (exit 2)', async () => {
    for (const [argv, msg] of [
      [['--batch-size', '0'], /--batch-size must be a positive integer/],
      [['--schedule', 'linear'], /--schedule must be cosine, step/],
      [['--patience', '3'], /--patience stops on the validation loss: give --validation too/],
      [['--validation', '1'], /--validation must be a fraction/],
      [['--save', 'model.txt'], /--save: use a .json file name/],
      [['--epochs', '1', '--save', '/nonexistent-dir/m.json'], /--save: cannot write '\/nonexistent-dir\/m.json': its folder does not exist/],
    ] as const) {
      const r = await cli('train', ...argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(msg);
    }
  });
});
