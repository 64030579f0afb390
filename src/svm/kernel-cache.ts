// Slots are carved from chunks of this size: one arena for the whole budget (200 MB by default)
// cost a zero-filled allocation and, through V8's external-memory accounting, extra full garbage
// collections on every fit, though a 10k-point fit touches under 5% of it.
const CHUNK_BYTES = 4 << 20;

/**
 * LRU cache of kernel columns for the SMO solver, as float32 (half the memory of float64; the
 * solver's updates tolerate the rounding, and libsvm makes the same choice).
 *
 * Column `i` holds Q_{i,k} for positions k in [0, len_i): shrinking only ever asks for the first
 * `activeSize` positions, so a column is computed as far as needed and extended later. Buffers
 * are fixed-size slots of length `l` carved from ~4 MB chunks allocated as the cache fills (an
 * unused budget costs nothing, and the garbage collector sees a few buffers instead of a
 * thousand), recycled least-recently-used first.
 */
export class KernelCache {
  private readonly slotOf: Int32Array;
  private readonly len: Int32Array;
  /** Doubly linked LRU list over column indices; node `l` is the sentinel (next = oldest). */
  private readonly prev: Int32Array;
  private readonly next: Int32Array;
  private readonly slots: Float32Array[] = [];
  private readonly maxSlots: number;
  private arena: Float32Array | null = null;
  private arenaSlots = 0;
  private arenaUsed = 0;
  private readonly freeSlots: number[] = [];

  /** `bytes`: the budget (at least two columns are always kept). */
  constructor(
    private readonly l: number,
    bytes: number,
  ) {
    this.slotOf = new Int32Array(l).fill(-1);
    this.len = new Int32Array(l);
    this.prev = new Int32Array(l + 1).fill(l);
    this.next = new Int32Array(l + 1).fill(l);
    this.maxSlots = Math.max(2, Math.min(l, Math.floor(bytes / (4 * Math.max(1, l)))));
  }

  /** Number of slots the budget allows. */
  get capacity(): number {
    return this.maxSlots;
  }

  private unlink(h: number): void {
    this.next[this.prev[h]!] = this.next[h]!;
    this.prev[this.next[h]!] = this.prev[h]!;
  }

  private append(h: number): void {
    const s = this.l;
    this.next[h] = s;
    this.prev[h] = this.prev[s]!;
    this.next[this.prev[h]!] = h;
    this.prev[s] = h;
  }

  /**
   * Make column `index` resident with room for `len` entries and mark it most recently used.
   * Returns the first position that still has to be filled (≥ len when nothing does); read the
   * buffer with `column(index)` afterwards.
   */
  request(index: number, len: number): number {
    let s = this.slotOf[index]!;
    if (s >= 0) this.unlink(index);
    else {
      if (this.freeSlots.length) s = this.freeSlots.pop()!;
      else if (this.slots.length < this.maxSlots) {
        s = this.slots.length;
        if (this.arenaUsed === this.arenaSlots) {
          // Next chunk of about CHUNK_BYTES (never past the budget).
          this.arenaSlots = Math.max(1, Math.min(this.maxSlots - s, Math.floor(CHUNK_BYTES / (4 * this.l))));
          this.arena = new Float32Array(this.arenaSlots * this.l);
          this.arenaUsed = 0;
        }
        const u = this.arenaUsed++;
        this.slots.push(this.arena!.subarray(u * this.l, (u + 1) * this.l));
      } else {
        const victim = this.next[this.l]!;
        this.unlink(victim);
        s = this.slotOf[victim]!;
        this.slotOf[victim] = -1;
        this.len[victim] = 0;
      }
      this.slotOf[index] = s;
      this.len[index] = 0;
    }
    this.append(index);
    const start = this.len[index]!;
    if (len > start) this.len[index] = len;
    return start;
  }

  /** The buffer of a resident column (valid until the next `request`). */
  column(index: number): Float32Array {
    return this.slots[this.slotOf[index]!]!;
  }

  /**
   * Positions i and j trade places (the solver's shrinking swaps): their columns trade owners,
   * and every other cached column swaps its entries i and j, or is dropped when it only reaches
   * one of them.
   */
  swap(i: number, j: number): void {
    if (i === j) return;
    const si = this.slotOf[i]!;
    const sj = this.slotOf[j]!;
    if (si >= 0) this.unlink(i);
    if (sj >= 0) this.unlink(j);
    this.slotOf[i] = sj;
    this.slotOf[j] = si;
    const li = this.len[i]!;
    this.len[i] = this.len[j]!;
    this.len[j] = li;
    if (sj >= 0) this.append(i);
    if (si >= 0) this.append(j);
    const lo = i < j ? i : j;
    const hi = i < j ? j : i;
    const end = this.l;
    for (let h = this.next[end]!; h !== end; ) {
      const nx = this.next[h]!;
      const n = this.len[h]!;
      if (n > lo) {
        if (n > hi) {
          const col = this.slots[this.slotOf[h]!]!;
          const t = col[lo]!;
          col[lo] = col[hi]!;
          col[hi] = t;
        } else {
          this.unlink(h);
          this.freeSlots.push(this.slotOf[h]!);
          this.slotOf[h] = -1;
          this.len[h] = 0;
        }
      }
      h = nx;
    }
  }
}
