/**
 * Compile expressions to plain JS functions. The code is generated from the expression tree
 * only (never from user text): one `const` per distinct sub-expression — interning makes every
 * shared subexpression one node, so this is common-subexpression elimination for free — then
 * the results. `vectorized` evaluates over Float64Array columns in one call.
 *
 * @example
 * const f = lambdify(parse('x^2 + sin(y)'), ['x', 'y']);
 * f(3, 0); // → 9
 * f.vectorized([Float64Array.of(1, 2), Float64Array.of(0, 0)]); // → Float64Array [1, 4]
 */
import { ArgumentError, DomainError } from '../../core/errors.js';
import { E, HALF, ONE, numValue, type Expr, type Num, type SymbolNode } from '../expr/expr.js';
import { FUNCTIONS } from '../functions/index.js';
import { realPow } from '../walk/evaluate.js';
import { SymMatrix } from '../walk/matrix.js';
import { postorder } from '../walk/traverse.js';
import { children } from '../expr/expr.js';

/**
 * A compiled scalar function with its vectorised twin and generated source.
 * @example
 * const f = lambdify('x^2', ['x']);
 * f(3) // → 9
 * f.vectorized([Float64Array.of(1, 2)]) // → Float64Array [1, 4]
 */
export interface CompiledFunction<R> {
  (...args: number[]): R;
  /** The variables' values as one array, as `minimize` passes them: `f(Float64Array.of(1, 2))`. */
  (values: ArrayLike<number>): R;
  /** Evaluate at many points: one Float64Array per variable (same length). */
  vectorized(columns: ReadonlyArray<ArrayLike<number>>): R extends number ? Float64Array : Float64Array[];
  /** The generated body (for learners and debugging). */
  readonly code: string;
}

/**
 * The functions generated code calls by name: every table entry whose JS is `__name(…)` (erf, Si,
 * σ, gamma, …) gets its own numeric evaluator, so a new entry needs nothing here; plus the real
 * root rule.
 */
function helpers(): Record<string, (...xs: never[]) => number> {
  const out: Record<string, (...xs: never[]) => number> = {};
  for (const d of Object.values(FUNCTIONS)) if (d.js.startsWith(`__${d.name}(`)) out[`__${d.name}`] = d.numeric;
  // b^(p/q) with q odd: the real root for b < 0, as every evaluator (walk/evaluate.ts).
  out.__rpow = realPow;
  return out;
}

function lit(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '(-Infinity)';
  const s = String(v);
  return v < 0 ? `(${s})` : s;
}

/** Build statements computing every node; returns the statement list and the code of each root. */
function generate(roots: readonly Expr[], vars: readonly SymbolNode[]): { body: string[]; outs: string[] } {
  const argIndex = new Map<Expr, number>();
  vars.forEach((v, i) => argIndex.set(v, i));
  const body: string[] = [];
  let next = 0;
  const memo = new Map<Expr, string>();
  // Integer powers needed per base, so x^k can be built as a ladder of products (x^k = x^(k-1)·x)
  // instead of one Math.pow each.
  const ladderNeeds = new Map<Expr, Set<number>>();
  const need = (b: Expr, e: Expr): void => {
    if (b === E || e.kind !== 'Integer') return;
    const n = Math.abs(Number(e.value.num));
    if (n < 2 || n > 4096) return;
    let set = ladderNeeds.get(b);
    if (!set) ladderNeeds.set(b, (set = new Set()));
    set.add(n);
  };
  const seen = new Map<Expr, 0>();
  // How many parents use each node: a Mul or Function used once is written inline in its parent
  // (fewer statements and scratch columns); shared nodes get a temporary (CSE).
  const uses = new Map<Expr, number>();
  for (const r of roots) uses.set(r, 2);
  for (const r of roots)
    postorder<0>(
      r,
      (e) => {
        for (const k of children(e)) uses.set(k, (uses.get(k) ?? 0) + 1);
        if (e.kind === 'Pow') need(e.base, e.exp);
        else if (e.kind === 'Mul') for (let i = 0; i < e.bases.length; i++) need(e.bases[i]!, e.exps[i]!);
        return 0;
      },
      seen,
    );
  /** Code for |n|-th powers of a base, emitted on first use. */
  const ladders = new Map<Expr, Map<number, string>>();
  const ladder = (b: Expr, bCode: string): Map<number, string> => {
    let m = ladders.get(b);
    if (m) return m;
    m = new Map([[1, bCode]]);
    let prev = 1;
    for (const n of [...(ladderNeeds.get(b) ?? [])].sort((p, q) => p - q)) {
      const gap = n - prev;
      const step = gap === 1 ? bCode : gap === 2 ? `(${bCode} * ${bCode})` : m.get(gap) ?? `Math.pow(${bCode}, ${gap})`;
      const name = `t${next++}`;
      body.push(`const ${name} = ${m.get(prev)} * ${step};`);
      m.set(n, name);
      prev = n;
    }
    ladders.set(b, m);
    return m;
  };
  /** Shared b^e temporaries for factors that are not nodes of their own (Mul stores pairs). */
  const powMemo = new Map<string, string>();
  const powCode = (base: Expr, b: string, e: Expr, eCode: string): string => {
    if (e === ONE) return b;
    const key = `${b}^${eCode}`;
    const hit = powMemo.get(key);
    if (hit) return hit;
    let code: string;
    if (base === E) code = `Math.exp(${eCode})`;
    else if (e === HALF) code = `Math.sqrt(${b})`;
    else if (e.kind === 'Rational' && e.value.num === -1n && e.value.den === 2n) code = `1 / Math.sqrt(${b})`;
    else if (e.kind === 'Integer' && ladderNeeds.get(base)?.has(Math.abs(Number(e.value.num)))) {
      const n = Number(e.value.num);
      const t = ladder(base, b).get(Math.abs(n))!;
      code = n < 0 ? `1 / ${t}` : t;
      if (n > 0) {
        powMemo.set(key, t);
        return t;
      }
    } else if (e.kind === 'Integer' && e.value.num === -1n) code = `1 / ${b}`;
    else if (e.kind === 'Rational' && e.value.den % 2n === 1n) code = `__rpow(${b}, ${eCode}, true, ${e.value.num % 2n !== 0n})`;
    else code = `Math.pow(${b}, ${eCode})`;
    const name = `t${next++}`;
    body.push(`const ${name} = ${code};`);
    powMemo.set(key, name);
    return name;
  };
  const visit = (e: Expr, kids: string[]): string => {
    switch (e.kind) {
      case 'Integer':
      case 'Rational':
      case 'Float':
        return lit(numValue(e as Num));
      case 'Symbol': {
        const i = argIndex.get(e);
        if (i === undefined) throw new ArgumentError(`lambdify: '${e.name}' is not among the variables [${vars.map((v) => v.name).join(', ')}]`);
        return `a${i}`;
      }
      case 'Constant':
        if (e.name === 'I')
          throw new DomainError('lambdify: the expression contains the imaginary unit I; compiled functions return real numbers (evaluateComplex gives a complex value)');
        return e.name === 'pi' ? 'Math.PI' : e.name === 'E' ? 'Math.E' : e.name === 'oo' ? 'Infinity' : e.name === '-oo' ? '(-Infinity)' : 'NaN';
      default:
    }
    let code: string;
    switch (e.kind) {
      case 'Add': {
        const n = e.terms.length;
        const parts: string[] = [];
        if (numValue(e.coeff) !== 0) parts.push(kids[0]!);
        for (let i = 0; i < n; i++) {
          const c = numValue(e.coeffs[i]!);
          const t = kids[1 + n + i]!;
          parts.push(c === 1 ? t : c === -1 ? `-${t}` : `${kids[1 + i]} * ${t}`);
        }
        // Long sums are accumulated in chunks so the JS parser never sees a 10⁵-deep chain.
        if (parts.length > 64) {
          const name = `t${next++}`;
          let text = `let ${name} = ${parts.slice(0, 64).join(' + ')};`;
          for (let i = 64; i < parts.length; i += 64) text += `\n${name} += ${parts.slice(i, i + 64).join(' + ')};`;
          body.push(text);
          return name;
        }
        code = parts.join(' + ');
        break;
      }
      case 'Mul': {
        const n = e.bases.length;
        const parts: string[] = [];
        const c = numValue(e.coeff);
        if (c !== 1) parts.push(kids[0]!);
        for (let i = 0; i < n; i++) parts.push(powCode(e.bases[i]!, kids[1 + i]!, e.exps[i]!, kids[1 + n + i]!));
        code = parts.join(' * ');
        break;
      }
      case 'Pow':
        return powCode(e.base, kids[0]!, e.exp, kids[1]!);
        break;
      case 'Function': {
        const def = FUNCTIONS[e.name];
        if (!def) throw new ArgumentError(`lambdify: no numeric definition for the function '${e.name}'`);
        code = def.js.replace(/\$(\d)/g, (_, d: string) => kids[Number(d)]!);
        break;
      }
      default:
        throw new ArgumentError(`lambdify: cannot compile an unevaluated ${e.kind.toLowerCase()}`);
    }
    if (uses.get(e) === 1 && (e.kind === 'Mul' || e.kind === 'Function') && code.length < 160) return `(${code})`;
    const name = `t${next++}`;
    body.push(`const ${name} = ${code};`);
    return name;
  };
  const outs = roots.map((r) => {
    if (r.kind !== 'Add' || r.terms.length <= 64) return postorder<string>(r, visit, memo);
    // A long sum is accumulated group by group, right after each group's terms are computed, so
    // the terms' temporaries stay inside one chunk (SSA: each partial sum is a new constant).
    let acc = lit(numValue(r.coeff));
    for (let i = 0; i < r.terms.length; i += 16) {
      const parts: string[] = [acc];
      for (let j = i; j < Math.min(i + 16, r.terms.length); j++) {
        const t = postorder<string>(r.terms[j]!, visit, memo);
        const c = numValue(r.coeffs[j]!);
        parts.push(c === 1 ? t : c === -1 ? `-${t}` : `${lit(c)} * ${t}`);
      }
      const name = `t${next++}`;
      body.push(`const ${name} = ${parts.join(' + ')};`);
      acc = name;
    }
    return acc;
  });
  return { body, outs };
}

type Input = Expr | readonly Expr[] | SymMatrix;

/** What a value is, for error messages: 'a string', 'an array of length 2', 'undefined'. */
function describe(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (typeof v === 'string') return `the string '${v.length > 20 ? v.slice(0, 20) + '…' : v}'`;
  if (Array.isArray(v) || ArrayBuffer.isView(v)) return `an array of length ${(v as ArrayLike<unknown>).length}`;
  return `a ${typeof v}`;
}

const isNumberArray = (v: unknown): v is ArrayLike<unknown> =>
  Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView) && !(v instanceof BigInt64Array) && !(v instanceof BigUint64Array));

/**
 * The numbers a compiled function was called with: one number per variable, or one array of them
 * (SciPy's and `minimize`'s convention). Anything else is an ArgumentError, never a silent string
 * concatenation or coercion ('2' + 3).
 */
function checkedArguments(args: readonly unknown[], vars: readonly SymbolNode[]): number[] {
  const names = vars.map((v) => v.name).join(', ');
  const xs = args.length === 1 && isNumberArray(args[0]) ? Array.from(args[0]) : args;
  if (xs.length !== vars.length) {
    const count = args.length === 1 && isNumberArray(args[0]) ? `got an array of ${xs.length}` : `got ${args.length}`;
    throw new ArgumentError(
      `expected ${vars.length} argument${vars.length === 1 ? '' : 's'} (${names}) or one array of ${vars.length} numbers, ${count}`,
    );
  }
  for (let i = 0; i < xs.length; i++)
    if (typeof xs[i] !== 'number')
      throw new ArgumentError(`argument ${i + 1} (${vars[i]!.name}) must be a number, got ${describe(xs[i])}`);
  return xs as number[];
}

/** A vectorized column: an array (or typed array) of numbers only. */
function checkColumn(c: unknown, i: number, vars: readonly SymbolNode[]): void {
  if (!isNumberArray(c)) throw new ArgumentError(`vectorized: column ${i + 1} (${vars[i]!.name}) must be an array of numbers, got ${describe(c)}`);
  if (c instanceof Float64Array || ArrayBuffer.isView(c)) return;
  for (let k = 0; k < c.length; k++)
    if (typeof c[k] !== 'number') throw new ArgumentError(`vectorized: column ${i + 1} (${vars[i]!.name}) entry ${k} must be a number, got ${describe(c[k])}`);
}

/**
 * Code size limits. V8 optimizes a function only below a bytecode budget (~60 KB) and compiles big
 * functions slowly, while one optimized loop beats several: code up to SINGLE_CHARS characters
 * becomes one function; bigger code is split into CHUNK_CHARS pieces that pass shared temporaries
 * through scratch columns (correct, but slower per point — a known limitation).
 */
const SINGLE_CHARS = 55_000;
const CHUNK_CHARS = 10_000;
/** Points per block in the vectorized form (bounds the scratch memory). */
const BLOCK = 256;

type Chunk = (n: number, A: ReadonlyArray<ArrayLike<number>>, T: Float64Array[]) => void;

/**
 * Compile statements into chunk functions that loop over a block of points. Temporaries crossing
 * a chunk boundary (or read by an output) live in Float64Array scratch columns T[k].
 */
function compileChunks(body: readonly string[], outs: readonly string[], nVars: number, limit: number): { chunks: Chunk[]; temps: number[] } {
  const defIn = new Map<string, number>();
  const groups: string[][] = [];
  let size = 0;
  body.forEach((stmt) => {
    if (groups.length === 0 || (size + stmt.length > limit && groups[groups.length - 1]!.length > 0)) {
      groups.push([]);
      size = 0;
    }
    const g = groups.length - 1;
    size += stmt.length + 1;
    groups[g]!.push(stmt);
    defIn.set(/^(?:const|let) (t\d+)/.exec(stmt)![1]!, g);
  });
  const exported = new Set<string>();
  const imports: Array<Set<string>> = groups.map(() => new Set());
  groups.forEach((g, gi) => {
    for (const stmt of g)
      for (const ref of stmt.match(/\bt\d+\b/g) ?? []) {
        const d = defIn.get(ref)!;
        if (d < gi) {
          imports[gi]!.add(ref);
          exported.add(ref);
        }
      }
  });
  for (const o of outs) if (/^t\d+$/.test(o)) exported.add(o);
  const chunks = groups.map((g, gi) => {
    const imp = [...imports[gi]!];
    const exp = g.map((stmt) => /^(?:const|let) (t\d+)/.exec(stmt)![1]!).filter((t) => exported.has(t));
    const head = [
      ...Array.from({ length: nVars }, (_, i) => `const A${i} = A[${i}];`),
      ...[...imp, ...exp].map((t) => `const T${t.slice(1)} = T[${t.slice(1)}];`),
    ].join(' ');
    const loopHead = [
      ...Array.from({ length: nVars }, (_, i) => `const a${i} = A${i}[i];`),
      ...imp.map((t) => `const ${t} = T${t.slice(1)}[i];`),
    ].join(' ');
    const stores = exp.map((t) => `T${t.slice(1)}[i] = ${t};`).join(' ');
    const src = `return function (n, A, T) {\n${head}\nfor (let i = 0; i < n; i++) {\n${loopHead}\n${g.join('\n')}\n${stores}\n}\n};`;
    const h = helpers();
    return new Function(...Object.keys(h), src)(...Object.values(h)) as Chunk;
  });
  return { chunks, temps: [...exported].map((t) => Number(t.slice(1))) };
}

/** Evaluate outs over columns block by block. */
function runVectorized(
  chunks: Chunk[],
  temps: number[],
  outs: readonly string[],
  columns: ReadonlyArray<ArrayLike<number>>,
  n: number,
): Float64Array[] {
  const results = outs.map(() => new Float64Array(n));
  // A packed array (no holes) so chunk functions read their columns from fast elements.
  const empty = new Float64Array(0);
  const T: Float64Array[] = new Array<Float64Array>(Math.max(0, ...temps) + 1).fill(empty);
  for (const t of temps) T[t] = new Float64Array(Math.min(BLOCK, Math.max(n, 1)));
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    const A = columns.map((c) => (c instanceof Float64Array ? c.subarray(start, end) : Float64Array.from(Array.prototype.slice.call(c, start, end) as number[])));
    for (const ch of chunks) ch(end - start, A, T);
    outs.forEach((o, k) => {
      const r = results[k]!;
      if (/^t\d+$/.test(o)) r.set(T[Number(o.slice(1))]!.subarray(0, end - start), start);
      else if (/^a\d+$/.test(o)) r.set(A[Number(o.slice(1))]!, start);
      else r.fill(Number(o.replace(/[()]/g, '')), start, end);
    });
  }
  return results;
}

/**
 * Compile an expression (→ number), a list (→ number[]) or a matrix (→ number[][]) into a JS
 * function of `vars` (in that order).
 * @example lambdify('x*y', ['x', 'y'])(2, 3) // → 6
 */
export function lambdify(input: Expr, vars: readonly SymbolNode[]): CompiledFunction<number>;
export function lambdify(input: readonly Expr[], vars: readonly SymbolNode[]): CompiledFunction<number[]>;
export function lambdify(input: SymMatrix, vars: readonly SymbolNode[]): CompiledFunction<number[][]>;
export function lambdify(input: Input, vars: readonly SymbolNode[]): CompiledFunction<unknown> {
  let roots: Expr[];
  let shape: 'scalar' | 'list' | 'matrix';
  let cols = 0;
  if (input instanceof SymMatrix) {
    roots = [...input.data];
    shape = 'matrix';
    cols = input.cols;
  } else if (Array.isArray(input)) {
    roots = [...(input as readonly Expr[])];
    shape = 'list';
  } else {
    roots = [input as Expr];
    shape = 'scalar';
  }
  const { body, outs } = generate(roots, vars);
  const shapeOut = (vals: ArrayLike<number>): unknown => {
    if (shape === 'scalar') return vals[0];
    const list = Array.from(vals);
    if (shape === 'list') return list;
    const rows: number[][] = [];
    for (let i = 0; i < list.length; i += cols) rows.push(list.slice(i, i + cols));
    return rows;
  };
  const code = [...body, `return [${outs.join(', ')}];`].join('\n');
  const { chunks, temps } = compileChunks(body, outs, vars.length, code.length <= SINGLE_CHARS ? Infinity : CHUNK_CHARS);
  let scalar: (...a: number[]) => unknown;
  if (code.length <= SINGLE_CHARS) {
    // Small: one straight-line function. Generated from the expression tree only: variables are
    // a0…, numbers are formatted by us, function names come from the table.
    const params = vars.map((_, i) => `a${i}`).join(', ');
    let ret: string;
    if (shape === 'scalar') ret = `return ${outs[0]};`;
    else if (shape === 'list') ret = `return [${outs.join(', ')}];`;
    else {
      const rows: string[] = [];
      for (let i = 0; i < outs.length; i += cols) rows.push(`[${outs.slice(i, i + cols).join(', ')}]`);
      ret = `return [${rows.join(', ')}];`;
    }
    const h = helpers();
    scalar = new Function(...Object.keys(h), `return function (${params}) {\n${body.join('\n')}\n${ret}\n};`)(...Object.values(h)) as (
      ...a: number[]
    ) => unknown;
  } else {
    scalar = (...a: number[]) =>
      shapeOut(runVectorized(chunks, temps, outs, a.map((v) => Float64Array.of(v)), 1).map((r) => r[0]!));
  }
  const f = ((...args: unknown[]) => scalar(...checkedArguments(args, vars))) as CompiledFunction<unknown>;
  Object.defineProperty(f, 'code', { value: code });
  (f as { vectorized: unknown }).vectorized = (columns: ReadonlyArray<ArrayLike<number>>) => {
    if (!Array.isArray(columns) || columns.length !== vars.length)
      throw new ArgumentError(`vectorized: expected an array of ${vars.length} columns (${vars.map((v) => v.name).join(', ')}), got ${describe(columns)}`);
    const n = columns[0]?.length ?? 1;
    columns.forEach((c, i) => checkColumn(c, i, vars));
    for (const c of columns) if (c.length !== n) throw new ArgumentError('vectorized: columns have different lengths');
    const r = runVectorized(chunks, temps, outs, columns, n);
    return shape === 'scalar' ? r[0] : r;
  };
  return f;
}
