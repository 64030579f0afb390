import { describe, expect, it } from 'vitest';
import { RandomState } from '../../src/core/random.js';
import { matmulInto, matmulNTInto, matmulTNInto } from '../../src/autodiff/matmul.js';
import { wasmKernels } from '../../src/autodiff/wasm-matmul.js';

/** Σ_p in index order, one multiply and one add at a time: what every kernel must reproduce bit for bit. */
function naive(get: (i: number, j: number, p: number) => number, rows: number, cols: number, depth: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      let c = 0;
      for (let p = 0; p < depth; p++) c += get(i, j, p);
      out[i * cols + j] = c;
    }
  }
  return out;
}

describe('matrix kernels (JavaScript tiles and WebAssembly SIMD) sum in index order', () => {
  const rs = new RandomState(7);
  // Small shapes run the JavaScript tiles; the large ones (≥ 2¹⁸ multiply-adds) the wasm kernels.
  const shapes: Array<[number, number, number]> = [[1, 1, 1], [5, 3, 7], [9, 4, 6], [1000, 2, 4], [1000, 4, 3], [130, 66, 37], [517, 64, 64], [2050, 12, 17]];

  it('the SIMD module compiles here', () => {
    expect(wasmKernels()).not.toBeNull();
  });

  for (const [m, k, n] of shapes) {
    it(`A·B, Aᵀ·B, A·Bᵀ for m=${m}, k=${k}, n=${n}`, () => {
      const A = rs.randn(m * k);
      const B = rs.randn(k * n);
      const C = new Float64Array(m * n);
      matmulInto(A, B, C, m, k, n);
      expect(C).toEqual(naive((i, j, p) => A[i * k + p]! * B[p * n + j]!, m, n, k));

      const G = rs.randn(m * n);
      const W = new Float64Array(k * n);
      matmulTNInto(A, G, W, m, k, n);
      expect(W).toEqual(naive((p, j, i) => A[i * k + p]! * G[i * n + j]!, k, n, m));

      const D = new Float64Array(m * k);
      matmulNTInto(G, B, D, m, n, k);
      expect(D).toEqual(naive((i, p, j) => G[i * n + j]! * B[p * n + j]!, m, k, n));
    });
  }
});
