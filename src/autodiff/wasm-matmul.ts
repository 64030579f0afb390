/**
 * WebAssembly SIMD (f64x2) kernels for large matrix products. The module is assembled here from
 * a fixed instruction list (never from user input) and compiled once, lazily. Each C entry is
 * still summed in index order with separate multiply and add, so results are bit-identical to
 * the JavaScript kernels; only 4×4 tiles run here, the caller finishes the ragged edges.
 *
 * Data is copied into the module's own memory for each call (copying is ~1/10 of the work for
 * the sizes where this path is used), so callers keep ordinary Float64Arrays.
 */

// --- a tiny assembler: just the opcodes these two functions use -------------------------------
const I32 = 0x7f;
const V128 = 0x7b;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

const get = (i: number): number[] => [0x20, ...uleb(i)];
const set = (i: number): number[] => [0x21, ...uleb(i)];
const i32c = (v: number): number[] => [0x41, ...sleb(v)];
const add = [0x6a];
const mul = [0x6c];
const geS = [0x4e];
const block = [0x02, 0x40];
const loop = [0x03, 0x40];
const end = [0x0b];
const br = (d: number): number[] => [0x0c, ...uleb(d)];
const brIf = (d: number): number[] => [0x0d, ...uleb(d)];
const f64load = (offset: number): number[] => [0x2b, 3, ...uleb(offset)];
const simd = (op: number): number[] => [0xfd, ...uleb(op)];
const vload = (offset: number): number[] => [...simd(0x00), 4, ...uleb(offset)];
const vstore = (offset: number): number[] => [...simd(0x0b), 4, ...uleb(offset)];
const splat = simd(0x14); // f64x2.splat
const vadd = simd(0xf0); // f64x2.add
const vmul = simd(0xf2); // f64x2.mul
const vzero = [0x44, 0, 0, 0, 0, 0, 0, 0, 0, ...splat]; // f64.const 0; splat

/** local += (x * b): acc = f64x2.add(acc, f64x2.mul(x, b)). */
const fma = (acc: number, x: number, b: number): number[] => [...get(acc), ...get(x), ...get(b), ...vmul, ...vadd, ...set(acc)];
/** `local = local + step` for i32 locals. */
const inc = (l: number, step: number[]): number[] => [...get(l), ...step, ...add, ...set(l)];

/**
 * mm(A, B, C, m4, k, n, n4): for 4-row × 4-column tiles, C[i..i+3, j..j+3] = Σ_p A[i+r, p]·B[p, j..j+3].
 * Params 0–6; locals: 7 i, 8 j, 9 p, 10 ap, 11 bp, 12 kb, 13 nb, 14 cp, 15–22 c0..c7, 23 b0, 24 b1, 25 x,
 * 26–28 ap1..ap3.
 */
function mmBody(): number[] {
  const [A, B, C, M4, K, N, N4] = [0, 1, 2, 3, 4, 5, 6];
  const [I, J, P, AP, BP, KB, NB, CP] = [7, 8, 9, 10, 11, 12, 13, 14];
  const c = (r: number): number => 15 + r;
  const [B0, B1, X] = [23, 24, 25];
  // Row pointers of the tile: ap (row i) and ap1..ap3 (rows i+1..i+3), all stepping by 8 bytes.
  const [AP1, AP2, AP3] = [26, 27, 28];
  const rowPtr = [AP, AP1, AP2, AP3];
  const rowTerms: number[] = [];
  for (let r = 0; r < 4; r++) {
    // x = splat(A[row r, p]); c[2r] += x·b0; c[2r+1] += x·b1
    rowTerms.push(...get(rowPtr[r]!), ...f64load(0), ...splat, ...set(X), ...fma(c(2 * r), X, B0), ...fma(c(2 * r + 1), X, B1));
  }
  const stores: number[] = [...get(C), ...get(I), ...get(N), ...mul, ...get(J), ...add, ...i32c(8), ...mul, ...add, ...set(CP)];
  for (let r = 0; r < 4; r++) {
    stores.push(...get(CP), ...get(c(2 * r)), ...vstore(0), ...get(CP), ...get(c(2 * r + 1)), ...vstore(16));
    stores.push(...inc(CP, get(NB)));
  }
  const zero: number[] = [];
  for (let r = 0; r < 8; r++) zero.push(...vzero, ...set(c(r)));
  return [
    ...get(K), ...i32c(8), ...mul, ...set(KB),
    ...get(N), ...i32c(8), ...mul, ...set(NB),
    ...i32c(0), ...set(I),
    ...block, ...loop,
    ...get(I), ...get(M4), ...geS, ...brIf(1),
    ...i32c(0), ...set(J),
    ...block, ...loop,
    ...get(J), ...get(N4), ...geS, ...brIf(1),
    ...zero,
    // ap = A + i·kb;  bp = B + j·8
    ...get(A), ...get(I), ...get(KB), ...mul, ...add, ...set(AP),
    ...get(AP), ...get(KB), ...add, ...set(AP1),
    ...get(AP1), ...get(KB), ...add, ...set(AP2),
    ...get(AP2), ...get(KB), ...add, ...set(AP3),
    ...get(B), ...get(J), ...i32c(8), ...mul, ...add, ...set(BP),
    ...i32c(0), ...set(P),
    ...block, ...loop,
    ...get(P), ...get(K), ...geS, ...brIf(1),
    ...get(BP), ...vload(0), ...set(B0), ...get(BP), ...vload(16), ...set(B1),
    ...rowTerms,
    ...inc(P, i32c(1)), ...inc(AP, i32c(8)), ...inc(AP1, i32c(8)), ...inc(AP2, i32c(8)), ...inc(AP3, i32c(8)), ...inc(BP, get(NB)),
    ...br(0), ...end, ...end,
    ...stores,
    ...inc(J, i32c(4)),
    ...br(0), ...end, ...end,
    ...inc(I, i32c(4)),
    ...br(0), ...end, ...end,
  ];
}

/**
 * tn(A, B, C, i0, i1, k4, k, n, n4): C[p..p+3, j..j+3] += Σ_{i0≤i<i1} A[i, p..p+3]ᵀ·B[i, j..j+3]
 * for every 4×4 tile (C = AᵀB accumulated over one block of rows).
 * Params 0–8; locals: 9 p, 10 j, 11 i, 12 ap, 13 bp, 14 kb, 15 nb, 16 cp, 17–24 c0..c7, 25 b0, 26 b1, 27 x.
 */
function tnBody(): number[] {
  const [A, B, C, I0, I1, K4, K, N, N4] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const [P, J, I, AP, BP, KB, NB, CP] = [9, 10, 11, 12, 13, 14, 15, 16];
  const c = (r: number): number => 17 + r;
  const [B0, B1, X] = [25, 26, 27];
  const cAddr = [...get(C), ...get(P), ...get(N), ...mul, ...get(J), ...add, ...i32c(8), ...mul, ...add, ...set(CP)];
  const loads: number[] = [...cAddr];
  const stores: number[] = [...cAddr];
  for (let r = 0; r < 4; r++) {
    loads.push(...get(CP), ...vload(0), ...set(c(2 * r)), ...get(CP), ...vload(16), ...set(c(2 * r + 1)), ...inc(CP, get(NB)));
    stores.push(...get(CP), ...get(c(2 * r)), ...vstore(0), ...get(CP), ...get(c(2 * r + 1)), ...vstore(16), ...inc(CP, get(NB)));
  }
  const terms: number[] = [];
  for (let r = 0; r < 4; r++) {
    terms.push(...get(AP), ...f64load(8 * r), ...splat, ...set(X), ...fma(c(2 * r), X, B0), ...fma(c(2 * r + 1), X, B1));
  }
  return [
    ...get(K), ...i32c(8), ...mul, ...set(KB),
    ...get(N), ...i32c(8), ...mul, ...set(NB),
    ...i32c(0), ...set(P),
    ...block, ...loop,
    ...get(P), ...get(K4), ...geS, ...brIf(1),
    ...i32c(0), ...set(J),
    ...block, ...loop,
    ...get(J), ...get(N4), ...geS, ...brIf(1),
    ...loads,
    // ap = A + (i0·k + p)·8;  bp = B + (i0·n + j)·8
    ...get(A), ...get(I0), ...get(K), ...mul, ...get(P), ...add, ...i32c(8), ...mul, ...add, ...set(AP),
    ...get(B), ...get(I0), ...get(N), ...mul, ...get(J), ...add, ...i32c(8), ...mul, ...add, ...set(BP),
    ...get(I0), ...set(I),
    ...block, ...loop,
    ...get(I), ...get(I1), ...geS, ...brIf(1),
    ...get(BP), ...vload(0), ...set(B0), ...get(BP), ...vload(16), ...set(B1),
    ...terms,
    ...inc(I, i32c(1)), ...inc(AP, get(KB)), ...inc(BP, get(NB)),
    ...br(0), ...end, ...end,
    ...stores,
    ...inc(J, i32c(4)),
    ...br(0), ...end, ...end,
    ...inc(P, i32c(4)),
    ...br(0), ...end, ...end,
  ];
}

function section(id: number, payload: number[]): number[] {
  return [id, ...uleb(payload.length), ...payload];
}

function funcBody(i32Locals: number, v128Locals: number, code: number[], moreI32 = 0): number[] {
  const groups = moreI32 > 0 ? [3, ...uleb(i32Locals), I32, ...uleb(v128Locals), V128, ...uleb(moreI32), I32] : [2, ...uleb(i32Locals), I32, ...uleb(v128Locals), V128];
  const body = [...groups, ...code, ...end];
  return [...uleb(body.length), ...body];
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const fnType = (params: number): number[] => [0x60, ...uleb(params), ...new Array<number>(params).fill(I32), 0];
  const str = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (ch) => ch.charCodeAt(0))];
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [2, ...fnType(7), ...fnType(9)]),
    ...section(3, [2, 0, 1]),
    ...section(5, [1, 0, 1]), // one memory, min 1 page, no max
    ...section(7, [3, ...str('mem'), 2, 0, ...str('mm'), 0, 0, ...str('tn'), 0, 1]),
    ...section(10, [2, ...funcBody(8, 11, mmBody(), 3), ...funcBody(8, 11, tnBody())]),
  ];
  return new Uint8Array(bytes);
}

interface Kernels {
  mem: WebAssembly.Memory;
  mm: (a: number, b: number, c: number, m4: number, k: number, n: number, n4: number) => void;
  tn: (a: number, b: number, c: number, i0: number, i1: number, k4: number, k: number, n: number, n4: number) => void;
}

let kernels: Kernels | null | undefined;
let compiled: WebAssembly.Module | null | undefined;

function compile(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(moduleBytes());
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

function instantiate(mod: WebAssembly.Module): Kernels {
  const e = new WebAssembly.Instance(mod, {}).exports as unknown as Kernels;
  return { mem: e.mem, mm: e.mm, tn: e.tn };
}

/** Memories of arenas, so kernels can tell that operands already live in one. */
const arenas = new WeakMap<ArrayBuffer, Kernels>();

/**
 * A private instance whose memory holds at least `doubles` float64 values, returned as one view
 * (null where WebAssembly SIMD is unavailable). Operands carved from it go to the SIMD kernels
 * without copies. The memory never grows afterwards, so views stay valid.
 */
export function wasmArena(doubles: number): Float64Array | null {
  const mod = compile();
  if (!mod) return null;
  const k = instantiate(mod);
  const need = doubles * 8;
  const have = k.mem.buffer.byteLength;
  if (need > have) k.mem.grow(Math.ceil((need - have) / 65536));
  arenas.set(k.mem.buffer, k);
  return new Float64Array(k.mem.buffer, 0, doubles);
}

/** The kernels of the arena that holds all of `arrays`, or null. */
export function arenaKernels(...arrays: Float64Array[]): Kernels | null {
  const buf = arrays[0]!.buffer;
  for (const a of arrays) if (a.buffer !== buf) return null;
  return arenas.get(buf as ArrayBuffer) ?? null;
}

/** The compiled kernels, or null where WebAssembly SIMD is unavailable (then JS kernels run). */
export function wasmKernels(): Kernels | null {
  if (kernels !== undefined) return kernels;
  const mod = compile();
  kernels = mod ? instantiate(mod) : null;
  return kernels;
}

/** A Float64Array view of at least `doubles` entries of the module memory (grown as needed). */
export function wasmHeap(k: Kernels, doubles: number): Float64Array {
  const need = doubles * 8;
  const have = k.mem.buffer.byteLength;
  if (need > have) k.mem.grow(Math.ceil((need - have) / 65536));
  return new Float64Array(k.mem.buffer, 0, doubles);
}
