/**
 * Buffer reuse across training steps. A training loop runs the same graph every step, so the
 * n-th buffer an op asks for has the same length every step: a `BufferPool` hands back last
 * step's n-th buffer instead of allocating (and zero-filling, and later collecting) a new one.
 * Tensors made while a pool is active are only valid until the pool's next `begin()`, which is
 * why only a training loop that owns every intermediate (Sequential.fit) turns one on.
 *
 * For large batches the pool can move every buffer, the parameters and the input batch into one
 * WebAssembly arena, so the SIMD matrix kernels read their operands in place (no copies).
 */
import { wasmArena } from './wasm-matmul.js';

/** Round up to an even count of doubles: 16-byte alignment for the SIMD loads. */
const even = (n: number): number => n + (n % 2);

/**
 * Step-scoped buffers: `begin()` at the start of every step, then ops call {@link newBuffer}.
 *
 * @example
 * const pool = new BufferPool();
 * pool.begin();
 * const a = withPool(pool, () => newBuffer(4));
 * pool.begin();
 * withPool(pool, () => newBuffer(4)) === a // → true (the same array, reused)
 */
export class BufferPool {
  private bufs: Float64Array[] = [];
  private cursor = 0;
  /** True while every buffer of the recorded sequence lives in the arena. */
  private inArena = false;
  private arena: Float64Array | null = null;

  /** Start a step: buffers are handed out again from the first one. */
  begin(): void {
    this.cursor = 0;
  }

  /** The next buffer of length n: last step's when the length matches, else a new one (contents undefined). */
  take(n: number): Float64Array {
    const i = this.cursor++;
    const b = this.bufs[i];
    if (b !== undefined && b.length === n) return b;
    const fresh = new Float64Array(n);
    this.bufs[i] = fresh;
    if (b !== undefined) this.inArena = false;
    return fresh;
  }

  /** Whether the buffers already live in a WebAssembly arena. */
  get arenaReady(): boolean {
    return this.inArena;
  }

  /**
   * Move the buffers of the step just recorded, plus `keep` (arrays whose values matter: the
   * parameters), into one WebAssembly arena. Returns the arena copies of `keep` (same order), or
   * null when WebAssembly is unavailable. Later steps must take buffers in the same order.
   */
  toArena(keep: readonly Float64Array[]): Float64Array[] | null {
    const used = this.bufs.slice(0, this.cursor);
    let total = 0;
    for (const b of used) total += even(b.length);
    for (const k of keep) total += even(k.length);
    const arena = wasmArena(total);
    if (!arena) return null;
    let off = 0;
    const carve = (n: number): Float64Array => {
      const v = arena.subarray(off, off + n);
      off += even(n);
      return v;
    };
    this.bufs = used.map((b) => carve(b.length));
    const moved = keep.map((k) => {
      const v = carve(k.length);
      v.set(k);
      return v;
    });
    this.arena = arena;
    this.inArena = true;
    return moved;
  }

  /**
   * Drop every buffer (and the arena). Fields are only written when they change: V8 treats a
   * field that is never written after construction as constant, and the first write to it throws
   * away the optimized code of every op that drew a buffer (the next fit would compile them again).
   */
  release(): void {
    this.bufs.length = 0;
    if (this.arena !== null) this.arena = null;
    if (this.inArena) this.inArena = false;
    this.cursor = 0;
  }
}

/** The pool ops draw from, if any (set by {@link withPool}). */
let active: BufferPool | null = null;

/**
 * Make `pool` (or none) the active pool and return the one it replaces; restore that in a
 * `finally`. The closure-free form of {@link withPool}, for loops that run every training step.
 * @example
 * const saved = setActivePool(new BufferPool());
 * setActivePool(saved) instanceof BufferPool // → true (the pool it replaced)
 */
export function setActivePool(pool: BufferPool | null): BufferPool | null {
  const saved = active;
  active = pool;
  return saved;
}

/** Run `body` with `pool` active: {@link newBuffer} draws from it. @example withPool(new BufferPool(), () => newBuffer(3).length) // → 3 */
export function withPool<R>(pool: BufferPool, body: () => R): R {
  const saved = active;
  active = pool;
  try {
    return body();
  } finally {
    active = saved;
  }
}

/**
 * A Float64Array of length n for an op's result: from the active pool when one is active, else a
 * fresh zeroed one. Pool buffers hold old values: callers overwrite every entry.
 * @example newBuffer(2) // → Float64Array [0, 0] (no pool active)
 */
export function newBuffer(n: number): Float64Array {
  return active ? active.take(n) : new Float64Array(n);
}
