/**
 * Hash-consing: structural hashes and the intern table that makes equal expressions the same
 * object. Internal to the node constructors (`expr.ts`); `mix`, `hashString` and
 * `internedCount` are re-exported from there.
 *
 * @example
 * import { mix } from './intern.js';
 * hashArray(0, [x, y]) !== hashArray(0, [y, x]) // → true (order matters)
 */
import type { Expr, Kind } from './types.js';

// ---------------------------------------------------------------------------------------------
// Hashing and the intern table

let nextId = 1;
/**
 * hash → node (or bucket of nodes) with that hash. Big Add/Mul nodes (more than WEAK_SIZE parts)
 * are held through WeakRefs so the garbage of long computations (the prefixes of a 10⁴-factor
 * product) can be collected; interning still holds while anyone references the node.
 */
type Entry = Expr | WeakRef<Expr>;
const table = new Map<number, Entry | Entry[]>();
/** Add/Mul nodes with more parts than this are interned weakly. @example WEAK_SIZE // → 32 (an Add of 33 terms is held by a WeakRef) */
export const WEAK_SIZE = 32;

/** Number of interned nodes (for diagnostics and node budgets). @example internedCount() > 0 */
export function internedCount(): number {
  return nextId - 1;
}

let work = 0;
/**
 * Work of node construction so far: every node asked for counts 1 plus its number of operands,
 * whether it was new or found in the table (hashing and comparing a 300-factor product is 300
 * steps either way). Budgets that must stop a computation in bounded time count this.
 * (mul(x, y) of two symbols costs 3: one node asked for, two operands.)
 * @example constructionWork() > 0 // → true
 */
export function constructionWork(): number {
  return work;
}

/** Add `n` to constructionWork (the Add/Mul constructors add their operand count). @internal */
export function addConstructionWork(n: number): void {
  work += n;
}

/** Mix a value into a 32-bit hash (structural hashing of nodes). @example mix(mix(0, 1), 2) !== mix(mix(0, 2), 1) // → true */
export function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x9e3779b1);
  return (h ^ (h >>> 15)) | 0;
}

/** FNV-1a hash of a string. @example hashString('x') === hashString('x') // → true */
export function hashString(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h | 0;
}

/** Hash of a bigint, linear in its size. @example hashBig(3n) === 3 // → true */
export function hashBig(b: bigint): number {
  if (b >= -0x40000000n && b <= 0x40000000n) return Number(b) | 0;
  // Low and middle words only: linear time even for huge coefficients (equality is checked anyway).
  return mix(Number(BigInt.asIntN(32, b)) | 0, Number(BigInt.asIntN(32, b >> 96n)) | 0);
}

/** Per-kind hash seeds, so `x` and `sin(x)`-like shapes of different kinds rarely collide. @example KIND_SEED.Pow !== KIND_SEED.Mul // → true */
export const KIND_SEED: Record<Kind, number> = {
  Integer: 11,
  Rational: 13,
  Float: 17,
  Symbol: 19,
  Constant: 23,
  Add: 29,
  Mul: 31,
  Pow: 37,
  Function: 41,
  Derivative: 43,
  Integral: 47,
};

// ---------------------------------------------------------------------------------------------
// Self-printing nodes: every node's prototype has toString(), so String(e) and `${e}` give the
// text form. The printer lives above this module (print-text.ts imports the node constructors),
// so it registers itself here at load time instead of being imported — no import cycle.

let printer: ((e: Expr) => string) | undefined;
let checkedPrinter: ((e: Expr) => string) | undefined;

/**
 * Install the text printers (called once by print-text.ts): `f` behind `String(e)`, and `checked`,
 * which refuses a too-large expression with a LimitError, behind JSON.stringify, console.log and
 * a matrix's text.
 */
export function registerPrinter(f: (e: Expr) => string, checked: (e: Expr) => string = f): void {
  printer = f;
  checkedPrinter = checked;
}

/** The size-checked printer (LimitError past LIMITS.printedSize), once print-text.ts is loaded. */
export function checkedNodePrinter(): ((e: Expr) => string) | undefined {
  return checkedPrinter;
}

/** The registered text printer, if loaded. @example nodePrinter()?.(x) // → 'x' */
export function nodePrinter(): ((e: Expr) => string) | undefined {
  return printer;
}

/**
 * Shared prototype of all nodes: printing only (nodes stay plain data otherwise). JSON.stringify
 * and Node's console.log show the text form too, not the internal fields (ids, hashes, bigints).
 */
const NODE_PROTO = {
  toString(this: Expr): string {
    return printer ? printer(this) : `[${this.kind} node]`;
  },
  toJSON(this: Expr): string {
    return checkedPrinter ? checkedPrinter(this) : `[${this.kind} node]`;
  },
  [Symbol.for('nodejs.util.inspect.custom')](this: Expr): string {
    try {
      return `Expr(${checkedPrinter ? checkedPrinter(this) : `[${this.kind} node]`})`;
    } catch {
      return `[${this.kind} node too large to print]`;
    }
  },
};

const deref = (e: Entry): Expr | undefined => (e instanceof WeakRef ? e.deref() : e);

/**
 * Find an interned node with this hash satisfying `same`, or register the one `make` builds.
 * @example intern(symbol('x').hash, (e) => e.kind === 'Symbol' && e.name === 'x', () => { throw new Error('not reached') }) === symbol('x') // → true (found, not made)
 */
export function intern<T extends Expr>(hash: number, same: (e: Expr) => boolean, make: (id: number) => T, weak = false): T {
  work++;
  const slot = table.get(hash);
  if (slot !== undefined) {
    if (Array.isArray(slot)) {
      for (let i = 0; i < slot.length; i++) {
        const e = deref(slot[i]!);
        if (e !== undefined && same(e)) return e as T;
      }
    } else {
      const e = deref(slot);
      if (e !== undefined && same(e)) return e as T;
    }
  }
  const node = make(nextId++);
  Object.setPrototypeOf(node, NODE_PROTO);
  const entry: Entry = weak ? new WeakRef(node) : node;
  if (slot === undefined) table.set(hash, entry);
  else if (Array.isArray(slot)) {
    // Drop collected entries while we are here.
    let w = 0;
    for (let i = 0; i < slot.length; i++) if (deref(slot[i]!) !== undefined) slot[w++] = slot[i]!;
    slot.length = w;
    slot.push(entry);
  } else if (deref(slot) === undefined) table.set(hash, entry);
  else table.set(hash, [slot, entry]);
  return node;
}

/** Element-wise identity of two node arrays. @example sameArray([x], [x]) // → true */
export function sameArray(a: readonly Expr[], b: readonly Expr[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Mix every node's hash into h, in order. @example hashArray(KIND_SEED.Add, [x, y]) === hashArray(KIND_SEED.Add, [x, y]) // → true */
export function hashArray(h: number, a: readonly Expr[]): number {
  for (let i = 0; i < a.length; i++) h = mix(h, a[i]!.hash);
  return h;
}
