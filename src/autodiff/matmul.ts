/**
 * Blocked matrix products on row-major Float64Arrays — A·B, Aᵀ·B and A·Bᵀ, the forward and the
 * two backward products of a dense layer — in JavaScript 4×4 tiles, or in the WebAssembly SIMD
 * kernels (wasm-matmul.ts) once the work is large. Callers pass `C`; nothing is allocated in loops.
 */
import { arenaKernels, wasmHeap, wasmKernels } from './wasm-matmul.js';

// The three products below compute 4×4 tiles of C in local variables (16 accumulators, 8 loads
// per 16 multiply-adds), then finish ragged edges with plain loops. Every entry is still summed in
// index order, so results do not depend on the tiling.

/** Products with at least this many multiply-adds go to the WebAssembly SIMD kernels. */
const WASM_MIN_WORK = 1 << 18;

/** C (m×n) = A (m×k) · B (k×n), row-major, overwriting C. */
export function matmulInto(A: Float64Array, B: Float64Array, C: Float64Array, m: number, k: number, n: number): void {
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  const arena = m4 > 0 && n4 > 0 ? arenaKernels(A, B, C) : null;
  const wasm = !arena && m4 > 0 && n4 > 0 && m * k * n >= WASM_MIN_WORK ? wasmKernels() : null;
  if (arena) {
    // Operands already live in one arena: no copies.
    arena.mm(A.byteOffset, B.byteOffset, C.byteOffset, m4, k, n, n4);
  } else if (wasm) {
    const heap = wasmHeap(wasm, m * k + k * n + m * n);
    heap.set(A.subarray(0, m * k), 0);
    heap.set(B.subarray(0, k * n), m * k);
    const cOff = m * k + k * n;
    wasm.mm(0, m * k * 8, cOff * 8, m4, k, n, n4);
    if (n4 === n) C.set(heap.subarray(cOff, cOff + m4 * n), 0);
    else for (let i = 0; i < m4; i++) C.set(heap.subarray(cOff + i * n, cOff + i * n + n4), i * n);
  } else {
    mmTiles(A, B, C, m4, k, n, n4);
  }
  // Ragged edges: columns ≥ n4 of the tiled rows, then the last m mod 4 rows.
  for (let i = 0; i < m4; i += 4) {
    const a0 = i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
    for (let j = n4; j < n; j++) {
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      for (let p = 0, bp = j; p < k; p++, bp += n) {
        const y = B[bp]!;
        c0 += A[a0 + p]! * y; c1 += A[a1 + p]! * y; c2 += A[a2 + p]! * y; c3 += A[a3 + p]! * y;
      }
      C[i * n + j] = c0; C[(i + 1) * n + j] = c1; C[(i + 2) * n + j] = c2; C[(i + 3) * n + j] = c3;
    }
  }
  for (let i = m4; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let c = 0;
      for (let p = 0; p < k; p++) c += A[i * k + p]! * B[p * n + j]!;
      C[i * n + j] = c;
    }
  }
}

/** The 4×4 tiles of C = A·B for rows < m4 and columns < n4 (JavaScript path). */
function mmTiles(A: Float64Array, B: Float64Array, C: Float64Array, m4: number, k: number, n: number, n4: number): void {
  for (let i = 0; i < m4; i += 4) {
    const a0 = i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
    for (let j = 0; j < n4; j += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let p = 0, bp = j; p < k; p++, bp += n) {
        const x0 = A[a0 + p]!, x1 = A[a1 + p]!, x2 = A[a2 + p]!, x3 = A[a3 + p]!;
        const y0 = B[bp]!, y1 = B[bp + 1]!, y2 = B[bp + 2]!, y3 = B[bp + 3]!;
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
      }
      const r0 = i * n + j, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
      C[r0] = c00; C[r0 + 1] = c01; C[r0 + 2] = c02; C[r0 + 3] = c03;
      C[r1] = c10; C[r1 + 1] = c11; C[r1 + 2] = c12; C[r1 + 3] = c13;
      C[r2] = c20; C[r2 + 1] = c21; C[r2 + 2] = c22; C[r2 + 3] = c23;
      C[r3] = c30; C[r3 + 1] = c31; C[r3 + 2] = c32; C[r3 + 3] = c33;
    }
  }
}

/** Rows of the long axis handled per block in matmulTNInto: both blocks stay in L2. */
const TN_BLOCK = 128;

/**
 * C (k×n) = Aᵀ · B for A (m×k), B (m×n): the weight gradient aᵀ·dz, without forming Aᵀ.
 * The long m axis is cut into blocks so the tiles re-read cached rows, not main memory.
 */
export function matmulTNInto(A: Float64Array, B: Float64Array, C: Float64Array, m: number, k: number, n: number): void {
  C.fill(0, 0, k * n);
  const k4 = k - (k % 4);
  const n4 = n - (n % 4);
  const arena = k4 > 0 && n4 > 0 ? arenaKernels(A, B, C) : null;
  const wasm = !arena && k4 > 0 && n4 > 0 && m * k * n >= WASM_MIN_WORK ? wasmKernels() : null;
  let heap: Float64Array | null = null;
  const bOff = m * k;
  const cOff = bOff + m * n;
  if (wasm) {
    heap = wasmHeap(wasm, cOff + k * n);
    heap.set(A.subarray(0, m * k), 0);
    heap.set(B.subarray(0, m * n), bOff);
    heap.fill(0, cOff, cOff + k * n);
  }
  // Thin products (no full 4×4 tile) only run the dot loops below: larger blocks, still cache-sized.
  const block = k4 > 0 && n4 > 0 ? TN_BLOCK : Math.max(TN_BLOCK, Math.floor(8192 / (k + n)));
  for (let i0 = 0; i0 < m; i0 += block) {
    const i1 = Math.min(m, i0 + block);
    if (arena) arena.tn(A.byteOffset, B.byteOffset, C.byteOffset, i0, i1, k4, k, n, n4);
    else if (wasm) wasm.tn(0, bOff * 8, cOff * 8, i0, i1, k4, k, n, n4);
    else if (k4 > 0 && n4 > 0) tnTiles(A, B, C, i0, i1, k4, k, n, n4);
    // Ragged edges. Rows p < k4 at columns the tiles did not cover (j ≥ n4, or all when n4 = 0):
    // four rows of C at a time (A[i, p..p+3] is contiguous), four accumulators hiding add latency.
    for (let p = 0; p < k4; p += 4) {
      for (let j = n4; j < n; j++) {
        let c0 = C[p * n + j]!, c1 = C[(p + 1) * n + j]!, c2 = C[(p + 2) * n + j]!, c3 = C[(p + 3) * n + j]!;
        for (let i = i0, ap = i0 * k + p, bp = i0 * n + j; i < i1; i++, ap += k, bp += n) {
          const y = B[bp]!;
          c0 += A[ap]! * y; c1 += A[ap + 1]! * y; c2 += A[ap + 2]! * y; c3 += A[ap + 3]! * y;
        }
        C[p * n + j] = c0; C[(p + 1) * n + j] = c1; C[(p + 2) * n + j] = c2; C[(p + 3) * n + j] = c3;
      }
    }
    let p2 = k4;
    // Rows p ≥ k4 in pairs over groups of four columns: each B row is read once for both rows.
    for (; p2 + 2 <= k; p2 += 2) {
      for (let j = 0; j + 4 <= n; j += 4) {
        const r0 = p2 * n + j, r1 = r0 + n;
        let c0 = C[r0]!, c1 = C[r0 + 1]!, c2 = C[r0 + 2]!, c3 = C[r0 + 3]!;
        let d0 = C[r1]!, d1 = C[r1 + 1]!, d2 = C[r1 + 2]!, d3 = C[r1 + 3]!;
        for (let i = i0, ap = i0 * k + p2, bp = i0 * n + j; i < i1; i++, ap += k, bp += n) {
          const x = A[ap]!, w = A[ap + 1]!;
          const y0 = B[bp]!, y1 = B[bp + 1]!, y2 = B[bp + 2]!, y3 = B[bp + 3]!;
          c0 += x * y0; c1 += x * y1; c2 += x * y2; c3 += x * y3;
          d0 += w * y0; d1 += w * y1; d2 += w * y2; d3 += w * y3;
        }
        C[r0] = c0; C[r0 + 1] = c1; C[r0 + 2] = c2; C[r0 + 3] = c3;
        C[r1] = d0; C[r1 + 1] = d1; C[r1 + 2] = d2; C[r1 + 3] = d3;
      }
    }
    for (let p = k4; p < k; p++) {
      // What the pairs left: all columns of an odd last row, and the last n mod 4 columns.
      let j = p < p2 ? n - (n % 4) : 0;
      for (; j + 4 <= n; j += 4) {
        let c0 = C[p * n + j]!, c1 = C[p * n + j + 1]!, c2 = C[p * n + j + 2]!, c3 = C[p * n + j + 3]!;
        for (let i = i0, ap = i0 * k + p, bp = i0 * n + j; i < i1; i++, ap += k, bp += n) {
          const x = A[ap]!;
          c0 += x * B[bp]!; c1 += x * B[bp + 1]!; c2 += x * B[bp + 2]!; c3 += x * B[bp + 3]!;
        }
        C[p * n + j] = c0; C[p * n + j + 1] = c1; C[p * n + j + 2] = c2; C[p * n + j + 3] = c3;
      }
      for (; j + 2 <= n; j += 2) {
        let c0 = C[p * n + j]!;
        let c1 = C[p * n + j + 1]!;
        for (let i = i0, ap = i0 * k + p, bp = i0 * n + j; i < i1; i++, ap += k, bp += n) {
          const x = A[ap]!;
          c0 += x * B[bp]!;
          c1 += x * B[bp + 1]!;
        }
        C[p * n + j] = c0;
        C[p * n + j + 1] = c1;
      }
      for (; j < n; j++) {
        let c = C[p * n + j]!;
        for (let i = i0, ap = i0 * k + p, bp = i0 * n + j; i < i1; i++, ap += k, bp += n) c += A[ap]! * B[bp]!;
        C[p * n + j] = c;
      }
    }
  }
  if (heap && n4 === n) C.set(heap.subarray(cOff, cOff + k4 * n), 0);
  else if (heap) for (let p = 0; p < k4; p++) C.set(heap.subarray(cOff + p * n, cOff + p * n + n4), p * n);
}

/** C[p..p+3, j..j+3] += Σ_{i0 ≤ i < i1} A[i, p..p+3]ᵀ·B[i, j..j+3] for every 4×4 tile (JavaScript path). */
function tnTiles(A: Float64Array, B: Float64Array, C: Float64Array, i0: number, i1: number, k4: number, k: number, n: number, n4: number): void {
  for (let p = 0; p < k4; p += 4) {
    for (let j = 0; j < n4; j += 4) {
      const r0 = p * n + j, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
      let c00 = C[r0]!, c01 = C[r0 + 1]!, c02 = C[r0 + 2]!, c03 = C[r0 + 3]!;
      let c10 = C[r1]!, c11 = C[r1 + 1]!, c12 = C[r1 + 2]!, c13 = C[r1 + 3]!;
      let c20 = C[r2]!, c21 = C[r2 + 1]!, c22 = C[r2 + 2]!, c23 = C[r2 + 3]!;
      let c30 = C[r3]!, c31 = C[r3 + 1]!, c32 = C[r3 + 2]!, c33 = C[r3 + 3]!;
      for (let i = i0, ap = i0 * k + p, bp = i0 * n + j; i < i1; i++, ap += k, bp += n) {
        const x0 = A[ap]!, x1 = A[ap + 1]!, x2 = A[ap + 2]!, x3 = A[ap + 3]!;
        const y0 = B[bp]!, y1 = B[bp + 1]!, y2 = B[bp + 2]!, y3 = B[bp + 3]!;
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
      }
      C[r0] = c00; C[r0 + 1] = c01; C[r0 + 2] = c02; C[r0 + 3] = c03;
      C[r1] = c10; C[r1 + 1] = c11; C[r1 + 2] = c12; C[r1 + 3] = c13;
      C[r2] = c20; C[r2 + 1] = c21; C[r2 + 2] = c22; C[r2 + 3] = c23;
      C[r3] = c30; C[r3 + 1] = c31; C[r3 + 2] = c32; C[r3 + 3] = c33;
    }
  }
}

/**
 * C (m×k) = A · Bᵀ for A (m×n), B (k×n): the backward da = dz·Wᵀ, as tiled dot products.
 * `bt` (n·k values, in the same arena as A and C) lets arena operands run without copies.
 */
export function matmulNTInto(A: Float64Array, B: Float64Array, C: Float64Array, m: number, n: number, k: number, bt?: Float64Array): void {
  const m4 = m - (m % 4);
  const k4 = k - (k % 4);
  if (bt && m4 > 0 && k4 > 0 && arenaKernels(A, bt, C)) {
    transposeInto(B, bt, k, n);
    matmulInto(A, bt.subarray(0, n * k), C, m, n, k);
    return;
  }
  if (n === 1) {
    // An outer product a·bᵀ: C[i, p] = 0 + a_i·b_p (the 0 + keeps −0 → +0 exactly as a sum would).
    for (let i = 0, ci = 0; i < m; i++, ci += k) {
      const x = A[i]!;
      for (let p = 0; p < k; p++) C[ci + p] = 0 + x * B[p]!;
    }
    return;
  }
  if (m4 > 0 && k4 > 0 && m * n * k >= WASM_MIN_WORK && wasmKernels()) {
    // A·Bᵀ = A·(Bᵀ): transpose the small B (k×n) once, then the A·B kernel sums over j in order.
    const Bt = new Float64Array(n * k);
    transposeInto(B, Bt, k, n);
    matmulInto(A, Bt, C, m, n, k);
    return;
  }
  for (let i = 0; i < m4; i += 4) {
    const a0 = i * n, a1 = a0 + n, a2 = a1 + n, a3 = a2 + n;
    for (let p = 0; p < k4; p += 4) {
      const b0 = p * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let j = 0; j < n; j++) {
        const x0 = A[a0 + j]!, x1 = A[a1 + j]!, x2 = A[a2 + j]!, x3 = A[a3 + j]!;
        const y0 = B[b0 + j]!, y1 = B[b1 + j]!, y2 = B[b2 + j]!, y3 = B[b3 + j]!;
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
      }
      const r0 = i * k + p, r1 = r0 + k, r2 = r1 + k, r3 = r2 + k;
      C[r0] = c00; C[r0 + 1] = c01; C[r0 + 2] = c02; C[r0 + 3] = c03;
      C[r1] = c10; C[r1 + 1] = c11; C[r1 + 2] = c12; C[r1 + 3] = c13;
      C[r2] = c20; C[r2 + 1] = c21; C[r2 + 2] = c22; C[r2 + 3] = c23;
      C[r3] = c30; C[r3 + 1] = c31; C[r3 + 2] = c32; C[r3 + 3] = c33;
    }
    let p = k4;
    // Leftover columns of C two at a time: each A row is read once for both (8 accumulators).
    for (; p + 2 <= k; p += 2) {
      const bp = p * n, bq = bp + n;
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0, d0 = 0, d1 = 0, d2 = 0, d3 = 0;
      for (let j = 0; j < n; j++) {
        const y = B[bp + j]!, w = B[bq + j]!;
        const x0 = A[a0 + j]!, x1 = A[a1 + j]!, x2 = A[a2 + j]!, x3 = A[a3 + j]!;
        c0 += x0 * y; c1 += x1 * y; c2 += x2 * y; c3 += x3 * y;
        d0 += x0 * w; d1 += x1 * w; d2 += x2 * w; d3 += x3 * w;
      }
      C[i * k + p] = c0; C[(i + 1) * k + p] = c1; C[(i + 2) * k + p] = c2; C[(i + 3) * k + p] = c3;
      C[i * k + p + 1] = d0; C[(i + 1) * k + p + 1] = d1; C[(i + 2) * k + p + 1] = d2; C[(i + 3) * k + p + 1] = d3;
    }
    for (; p < k; p++) {
      const bp = p * n;
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      for (let j = 0; j < n; j++) {
        const y = B[bp + j]!;
        c0 += A[a0 + j]! * y; c1 += A[a1 + j]! * y; c2 += A[a2 + j]! * y; c3 += A[a3 + j]! * y;
      }
      C[i * k + p] = c0; C[(i + 1) * k + p] = c1; C[(i + 2) * k + p] = c2; C[(i + 3) * k + p] = c3;
    }
  }
  for (let i = m4; i < m; i++) {
    for (let p = 0; p < k; p++) {
      let c = 0;
      for (let j = 0; j < n; j++) c += A[i * n + j]! * B[p * n + j]!;
      C[i * k + p] = c;
    }
  }
}

/** out (n×k) = Bᵀ for B (k×n): A·Bᵀ then runs on the A·B kernel, still summing in index order. */
function transposeInto(B: Float64Array, out: Float64Array, k: number, n: number): void {
  for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) out[j * k + p] = B[p * n + j]!;
}
