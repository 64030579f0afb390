/**
 * Checking a typed answer against an exercise's expected answer with the symbolic layer.
 *
 * Both texts are read by the library's `parse` (a ParseError's position is shown to the
 * learner). symbolic: a − b simplifies to 0, or failing that a and b agree at seeded random
 * points (up to a constant when the prompt asks for an antiderivative); numeric: within the
 * exercise's tolerance; choice: the same word. Vectors and matrices — `(2, 2)`,
 * `[[2y, 2x], [2xy, x^2]]`, `[a, b; c, d]` — compare entry by entry.
 */
import { NablaError, ParseError, RandomState } from '../../src/core/index.js';
import { ZERO, evaluate, freeSymbols, parse, simplify, sub, type Expr } from '../../src/symbolic/index.js';

export interface CheckableExercise {
  id: string;
  prompt: string;
  answer: string | number;
  kind: 'symbolic' | 'numeric' | 'choice';
  variables?: string[];
  tolerance?: number;
}

export interface CheckResult {
  ok: boolean;
  message: string;
}

const SUPERSCRIPT: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-' };

/**
 * What people type, in the parser's syntax: superscript powers (`x²` → `x^(2)`), `√2`, `√(…)`, `∗`, a
 * leading `f'(x) =` or `y =`. The parser itself reads `−`, `·`, `×`, `÷` and `**`.
 * @example normalizeAnswer("f'(x) = 3x² − 4x") // "3x^(2) − 4x"
 */
export function normalizeAnswer(s: string): string {
  return s
    .replace(/[–∗]/g, (c) => (c === '–' ? '-' : '*'))
    .replace(/√\s*([\w.]+)/g, 'sqrt($1)') // √2 → sqrt(2); √(…) → sqrt(…)
    .replace(/√/g, 'sqrt')
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+/g, (m) => `^(${[...m].map((c) => SUPERSCRIPT[c]).join('')})`)
    .replace(/^\s*[A-Za-z]\w*'*\s*(\([^)]*\))?\s*=\s*/, '');
}

/**
 * The entries of an answer as texts: a bracket group with a top-level `,` or `;` is a tuple,
 * tuples nest and flatten (so a matrix compares entry by entry); anything else is one entry.
 * @example answerEntries('[[a, b], [c, d]]') // ['a', 'b', 'c', 'd']
 */
export function answerEntries(text: string): string[] {
  const out: string[] = [];
  const pending = [text];
  // Iterative (a stack of texts still to split) so deep nesting cannot overflow the call stack.
  while (pending.length) {
    const s = pending.pop()!.trim();
    const parts = splitTopLevel(s);
    if (parts.length > 1) {
      for (let i = parts.length - 1; i >= 0; i--) pending.push(parts[i]!);
      continue;
    }
    const inner = /^[([]([\s\S]*)[)\]]$/.exec(s);
    if (inner && enclosesAll(s) && splitTopLevel(inner[1]!).length > 1) pending.push(inner[1]!);
    else out.push(s);
  }
  return out;
}

/** `s` cut at `,`/`;` outside any bracket. */
function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if ((c === ',' || c === ';') && depth === 0) {
      parts.push(s.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(s.slice(from));
  return parts;
}

/** True when the first bracket of `s` closes at its last character: `(a, b)`, not `(a)(b)`. */
function enclosesAll(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') {
      depth--;
      if (depth === 0) return i === s.length - 1;
    }
  }
  return false;
}

/** Parse every entry with the exercise's variables declared (so `2xy` is 2·x·y). */
function readEntries(text: string, vars: readonly string[]): Expr[] {
  return answerEntries(normalizeAnswer(text)).map((s) => parse(s, { vars }));
}

/** |a − b| within `tol` relative to the larger of 1, |a|, |b|. */
function close(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

/** a − b at a point, or null where either side has no finite value (log of a negative, …). */
function differenceAt(a: Expr, b: Expr, env: Record<string, number>): number | null {
  try {
    const va = evaluate(a, env);
    const vb = evaluate(b, env);
    return Number.isFinite(vb) && Number.isFinite(va) ? va - vb : Number.isFinite(vb) ? NaN : null;
  } catch (e) {
    if (e instanceof NablaError) return null;
    throw e;
  }
}

/**
 * Compare entry lists: 'same' if every a − b simplifies to 0 or vanishes at seeded random
 * points; 'constant' if (with `upToConstant`) each a − b is the same number at every point.
 */
function compareEntries(got: Expr[], want: Expr[], vars: string[], upToConstant: boolean): 'same' | 'constant' | 'different' {
  const open: number[] = [];
  got.forEach((g, i) => {
    if (simplifiesToZero(sub(g, want[i]!))) return;
    open.push(i);
  });
  if (!open.length) return 'same';
  // The CAS could not decide: evaluate at points, alternating a signed and a positive range so
  // answers with log or sqrt still get valid points. Seeded, so a check always gives the same verdict.
  const rng = new RandomState(12345);
  const offsets: number[][] = open.map(() => []);
  let tested = 0;
  for (let trial = 0; trial < 60 && tested < 12; trial++) {
    const env: Record<string, number> = {};
    for (const v of vars) env[v] = trial % 2 ? 0.1 + 2.9 * rng.randomSample() : -3 + 6 * rng.randomSample();
    const d = open.map((i) => differenceAt(got[i]!, want[i]!, env));
    if (d.some((x) => x === null)) continue;
    tested++;
    d.forEach((x, k) => offsets[k]!.push(x!));
  }
  if (!tested) return 'different';
  if (offsets.every((o) => o.every((d) => close(d, 0, 1e-7)))) return 'same';
  if (upToConstant && offsets.every((o) => o.every((d) => close(d, o[0]!, 1e-7)))) return 'constant';
  return 'different';
}

function simplifiesToZero(d: Expr): boolean {
  if (d === ZERO) return true;
  try {
    return simplify(d) === ZERO;
  } catch (e) {
    // A form simplify cannot handle leaves the decision to the numbers.
    if (e instanceof NablaError) return false;
    throw e;
  }
}

/** Choice answers: W[l].T, W[l]ᵀ, W[l]^T and w[l].transpose() name the same thing; "a local max" = "max". */
function normChoice(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/^(a|the|local|global)\s+/, '')
    .replace(/^maximum$/, 'max')
    .replace(/^minimum$/, 'min')
    .replace(/\s+/g, '')
    .replace(/ᵀ|\^t\b|\.transpose\(\)|'$/g, '.t')
    .replace(/\.$/, '');
}

/**
 * Check `text` against exercise `ex`.
 * @example checkAnswer({ id: 'a', prompt: '', kind: 'symbolic', answer: '3*x^2 - 4*x', variables: ['x'] }, 'x*(3x-4)').ok // true
 */
export function checkAnswer(ex: CheckableExercise, text: string): CheckResult {
  const answerText = text.trim();
  if (!answerText) return { ok: false, message: 'Type an answer first.' };
  if (ex.kind === 'choice') {
    const ok = normChoice(answerText) === normChoice(String(ex.answer));
    return { ok, message: ok ? 'Correct.' : 'Not that one; look at the hints.' };
  }
  const declared = ex.variables ?? [];
  let got: Expr[];
  try {
    got = readEntries(answerText, declared);
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, message: `Cannot read that answer: ${e.reason} at position ${e.position + 1} of '${e.input}'.` };
    if (e instanceof NablaError) return { ok: false, message: `Cannot read that answer: ${e.message}` };
    throw e;
  }
  // The expected answer is the course's own text: a failure to read it is a bug, so it throws.
  const want = readEntries(String(ex.answer), declared);
  if (got.length !== want.length) {
    return { ok: false, message: `Expected ${want.length === 1 ? 'one value' : `${want.length} components`}, got ${got.length}.` };
  }
  const names = (es: Expr[]): string[] => [...new Set(es.flatMap((e) => freeSymbols(e).map((s) => s.name)))];
  if (ex.kind === 'numeric') {
    const free = names(got);
    if (free.length) return { ok: false, message: `Expected a number; '${free[0]}' is not known here.` };
    // An exercise's tolerance is absolute; without one, agree to 1e-9 relative.
    const ok = got.every((g, i) => {
      const a = differenceAt(g, want[i]!, {});
      const b = evaluate(want[i]!);
      const tol = ex.tolerance ?? 1e-9 * Math.max(1, Math.abs(b));
      return a !== null && Math.abs(a) <= tol;
    });
    return { ok, message: ok ? 'Correct.' : 'Not quite: check the numbers.' };
  }
  const vars = [...new Set([...declared, ...names(want)])];
  const extra = names(got).filter((v) => !vars.includes(v));
  if (extra.length) return { ok: false, message: `The answer uses ${extra.map((v) => `'${v}'`).join(', ')}, which does not appear in the exercise.` };
  const upToC = /antiderivative|integral|up to a constant|\+\s*C\b/i.test(ex.prompt);
  const r = compareEntries(got, want, vars, upToC);
  if (r === 'same') return { ok: true, message: 'Correct: your answer equals the expected one.' };
  if (r === 'constant') return { ok: true, message: 'Correct, up to the constant of integration C.' };
  return { ok: false, message: 'Not equivalent: at some test points your answer gives a different value.' };
}
