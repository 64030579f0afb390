import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

describe('nabla train --onnx', () => {
  it('writes a network that ONNX Runtime runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nabla-train-onnx-'));
    const file = join(dir, 'net.onnx');
    const r = await cli('train', '--data', 'moons', '--samples', '200', '--layers', '2,8,1', '--epochs', '20', '--json', '--onnx', file);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/wrote .*net\.onnx \(ONNX/);
    const session = await ort.InferenceSession.create(readFileSync(file));
    const out = await session.run({ X: new ort.Tensor('float64', Float64Array.from([0, 0, 1, 0.5, -1, 0.3]), [3, 2]) });
    const p = Array.from(out['output']!.data as Float64Array);
    const label = Array.from(out['label']!.data as BigInt64Array, Number);
    expect(p).toHaveLength(3);
    p.forEach((v, i) => {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
      expect(label[i]).toBe(v > 0.5 ? 1 : 0);
    });
    rmSync(dir, { recursive: true });
  });
  it('an unwritable path is exit 2', async () => {
    const r = await cli('train', '--samples', '50', '--epochs', '2', '--onnx', '/nonexistent-dir/net.onnx');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--onnx: cannot write/);
  });
});
