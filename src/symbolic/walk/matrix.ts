/**
 * A small immutable matrix of expressions: what `gradient`, `jacobian`, `hessian` and parsed
 * `[a, b; c, d]` literals return. Row-major; `get(i, j)` is 0-based.
 *
 * @example
 * const m = symMatrix([[parse('x'), parse('2*x')]]);
 * [m.rows, m.cols] // → [1, 2]
 * m.evaluate({ x: 3 }) // → [[3, 6]]
 */
import { ArgumentError, ShapeError } from '../../core/errors.js';
import { toExpr, type ExprLike } from '../expr/arith.js';
import type { Expr } from '../expr/expr.js';
import { evaluate, subs, type Env, type Substitution } from './traverse.js';
import { checkedNodePrinter } from '../expr/intern.js';

/** An immutable rows×cols matrix of expressions. @example jacobian(['x*y'], ['x', 'y']).get(0, 1) // → x */
export class SymMatrix {
  readonly kind = 'Matrix' as const;
  private constructor(
    readonly rows: number,
    readonly cols: number,
    /** Row-major entries. */
    readonly data: readonly Expr[],
  ) {}

  /** @internal */
  static of(rows: number, cols: number, data: readonly Expr[]): SymMatrix {
    if (data.length !== rows * cols) throw new ShapeError(`matrix of ${rows}×${cols} needs ${rows * cols} entries, got ${data.length}`);
    return new SymMatrix(rows, cols, data);
  }

  /** Entry (i, j), 0-based. */
  get(i: number, j: number): Expr {
    if (!(i >= 0 && i < this.rows && j >= 0 && j < this.cols && Number.isInteger(i) && Number.isInteger(j)))
      throw new ArgumentError(`index (${i}, ${j}) outside a ${this.rows}×${this.cols} matrix`);
    return this.data[i * this.cols + j]!;
  }

  /** The entries as nested arrays. */
  toRows(): Expr[][] {
    const out: Expr[][] = [];
    for (let i = 0; i < this.rows; i++) out.push(this.data.slice(i * this.cols, (i + 1) * this.cols));
    return out;
  }

  /** A new matrix with f applied to every entry. */
  map(f: (e: Expr, i: number, j: number) => ExprLike): SymMatrix {
    return new SymMatrix(
      this.rows,
      this.cols,
      this.data.map((e, k) => toExpr(f(e, Math.floor(k / this.cols), k % this.cols))),
    );
  }

  /** Substitute in every entry. */
  subs(s: Substitution): SymMatrix {
    return this.map((e) => subs(e, s));
  }

  /** Numeric values, as nested arrays of numbers. */
  evaluate(env: Env = {}): number[][] {
    return this.toRows().map((r) => r.map((e) => evaluate(e, env)));
  }

  /** The text form `[a, b; c, d]`, which parseMatrix reads back. @example String(parseMatrix('[x, 1]')) // '[x, 1]' */
  toString(): string {
    return `[${this.toJSON().map((r) => r.join(', ')).join('; ')}]`;
  }

  /** JSON: the entries as rows of text (each refused past LIMITS.printedSize). @example JSON.stringify(parseMatrix('[x; 1]')) // '[["x"],["1"]]' */
  toJSON(): string[][] {
    const print = checkedNodePrinter() ?? String;
    return this.toRows().map((r) => r.map((e) => print(e)));
  }

  /** What Node's console.log shows. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `SymMatrix(${this.toString()})`;
  }

  /** The transpose. */
  transpose(): SymMatrix {
    const d: Expr[] = [];
    for (let j = 0; j < this.cols; j++) for (let i = 0; i < this.rows; i++) d.push(this.data[i * this.cols + j]!);
    return new SymMatrix(this.cols, this.rows, d);
  }
}

/**
 * A matrix from rows of expressions (or numbers).
 * @example symMatrix([[1, 0], [0, 1]]).get(1, 1) // → 1
 */
export function symMatrix(rows: ReadonlyArray<ReadonlyArray<ExprLike>>): SymMatrix {
  const r = rows.length;
  const c = r ? rows[0]!.length : 0;
  for (const row of rows)
    if (row.length !== c) throw new ShapeError(`symMatrix: rows have different lengths (${c} and ${row.length})`);
  return SymMatrix.of(r, c, rows.flat().map(toExpr));
}

/** Type guard for SymMatrix. @example isSymMatrix(parseAny('[x, y]')) // → true */
export function isSymMatrix(x: unknown): x is SymMatrix {
  return x instanceof SymMatrix;
}
