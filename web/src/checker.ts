/**
 * Checking a typed answer against an exercise's expected answer with the symbolic layer, fairly:
 * a correct answer is never rejected for its form.
 *
 * - symbolic: a − b simplifies to 0, or a and b agree at seeded random points. Where the exercise
 *   asks for an antiderivative, a constant of any name (`+ C`, `+ k`) or value is accepted.
 * - numeric: within the exercise's tolerance, or a decimal rounded from the exact value with at
 *   least {@link MIN_SIGNIFICANT} significant digits (2.83 for 2√2; 1.33 for 4/3). Number words
 *   (`none`, `zero`) and, for angles, `45°` / `45 degrees` are read too.
 * - choice: the same option (the page shows buttons; typed names are normalised: `a local maximum`).
 * - points: the same set of points in any order (`(1,2), (0,0) and (2,1)`).
 * Vectors and matrices — `(2, 2)`, `[[2y, 2x], [2xy, x^2]]`, `[a, b; c, d]` — compare entry by entry.
 * A wrong answer gets the likely mistake named: the exercise's own table first, then the sign, a
 * constant factor (a missing chain-rule factor), a missing or extra constant, a derivative given
 * for an antiderivative (or the other way round), radians for degrees, too few digits.
 */
import { NablaError, ParseError, RandomState } from '../../src/core/index.js';
import { ZERO, diff, evaluate, freeSymbols, latex, parse, simplify, sub, subs, type Expr } from '../../src/symbolic/index.js';

export interface CheckableExercise {
  id: string;
  prompt: string;
  answer: string | number;
  kind: 'symbolic' | 'numeric' | 'choice' | 'points';
  variables?: string[];
  /** Absolute tolerance of a numeric answer. */
  tolerance?: number;
  /** Accept any added constant (an antiderivative). Default: the prompt mentions an antiderivative or + C. */
  upToConstant?: boolean;
  /** The unit of a numeric answer: `degrees` reads `45°` and spots an answer in radians. */
  unit?: 'degrees';
  /** The options of a multiple choice, shown as buttons. */
  choices?: string[];
  /** Button labels for choices, by choice. */
  labels?: Record<string, string>;
  /** How to write the answer (HTML); never contains the answer. */
  format?: string;
  /** Likely wrong answers and what to say about them (HTML with $math$). */
  mistakes?: Array<{ answer: string; message: string }>;
}

export interface CheckResult {
  ok: boolean;
  message: string;
  /** The message is the course's own HTML with $math$ (an exercise's mistake table), not plain text. */
  markup?: boolean;
}

/** Decimals typed by hand must carry at least this many significant digits. */
export const MIN_SIGNIFICANT = 3;

const SUPERSCRIPT: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-' };

/**
 * What people type, in the parser's syntax: superscript powers (`x²` → `x^(2)`), `√2`, `√(…)`, `∗`,
 * `σ(…)` for sigmoid, `π`, a leading `f'(x) =` or `y =`. The parser itself reads `−`, `·`, `×`, `÷`, `**`.
 * @example normalizeAnswer("f'(x) = 3x² − 4x") // "3x^(2) − 4x"
 */
export function normalizeAnswer(s: string): string {
  return s
    .replace(/[–∗]/g, (c) => (c === '–' ? '-' : '*'))
    .replace(/σ\s*\(/g, 'sigmoid(')
    .replace(/π/g, 'pi')
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

const NUMBER_WORDS: Record<string, string> = { zero: '0', none: '0', no: '0', nothing: '0', one: '1', two: '2', three: '3', four: '4', five: '5' };

/** A numeric answer's text in the parser's syntax: number words, and the degree sign for angles. */
function numericText(text: string, ex: CheckableExercise): string {
  let s = text.trim().replace(/\.$/, '');
  const word = /^([a-z]+)\b/i.exec(s)?.[1]?.toLowerCase();
  // "none", "zero", "no critical points", "one": the leading word is the number.
  if (word && NUMBER_WORDS[word] !== undefined && (s.length === word.length || /^(no|none|zero)\b/i.test(s))) s = NUMBER_WORDS[word]!;
  if (ex.unit === 'degrees') s = s.replace(/\s*(°|\bdeg(rees?)?\b|\bdegs\b)\s*$/i, '').replace(/°/g, '');
  return s;
}

/** |a − b| within `tol` relative to the larger of 1, |a|, |b|. */
function close(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The value of a closed-form expression, or null where it has none. */
function valueOf(e: Expr): number | null {
  try {
    const v = evaluate(e);
    return Number.isFinite(v) ? v : null;
  } catch (err) {
    if (err instanceof NablaError) return null;
    throw err;
  }
}

/**
 * How a typed decimal relates to the exact value: `rounded` when it is the value rounded to the
 * digits typed (within half a unit in the last place) with at least MIN_SIGNIFICANT significant
 * digits, `short` when it is rounded correctly but to fewer digits, null otherwise.
 */
export function roundedDecimal(typed: string, exact: number): 'rounded' | 'short' | null {
  const m = /^\s*[+-]?(\d*)\.(\d+)\s*$/.exec(typed) ?? /^\s*[+-]?(\d+)\.()\s*$/.exec(typed);
  if (!m) return null;
  const decimals = m[2]!.length;
  const half = 0.5 * 10 ** -decimals;
  if (Math.abs(Number(typed) - exact) > half * (1 + 1e-9)) return null;
  const digits = (m[1]! + m[2]!).replace(/^0+/, '');
  return digits.length >= MIN_SIGNIFICANT ? 'rounded' : 'short';
}

/** Seeded sample points for the variables: half signed, half positive (so log and sqrt have values). */
function samplePoints(vars: string[]): Array<Record<string, number>> {
  const rng = new RandomState(12345);
  const pts: Array<Record<string, number>> = [];
  for (let trial = 0; trial < 60; trial++) {
    const env: Record<string, number> = {};
    for (const v of vars) env[v] = trial % 2 ? 0.1 + 2.9 * rng.randomSample() : -3 + 6 * rng.randomSample();
    pts.push(env);
  }
  return pts;
}

/** a at a point, or null where it has no finite value (log of a negative, …). */
function at(e: Expr, env: Record<string, number>): number | null {
  try {
    const v = evaluate(e, env);
    return Number.isFinite(v) ? v : null;
  } catch (err) {
    if (err instanceof NablaError) return null;
    throw err;
  }
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

type Relation = 'same' | 'constant' | 'negated' | 'scaled' | 'different';

/**
 * How `got` relates to `want`, entry by entry: equal, equal up to an added constant, the negative,
 * a constant multiple (the same at every seeded point), or different. Decided by simplify when it
 * can, else at up to 12 points where both sides have values.
 */
function relate(got: Expr[], want: Expr[], vars: string[]): Relation {
  if (got.every((g, i) => simplifiesToZero(sub(g, want[i]!)))) return 'same';
  const pairs: Array<[number, number][]> = got.map(() => []);
  let tested = 0;
  for (const env of samplePoints(vars)) {
    if (tested >= 12) break;
    const row = got.map((g, i) => [at(g, env), at(want[i]!, env)] as const);
    if (row.some(([a, b]) => a === null || b === null)) continue;
    tested++;
    row.forEach(([a, b], k) => pairs[k]!.push([a!, b!]));
  }
  if (!tested) return 'different';
  const all = (p: (a: number, b: number, k: number) => boolean): boolean => pairs.every((ps, k) => ps.every(([a, b]) => p(a, b, k)));
  if (all((a, b) => close(a, b, 1e-7))) return 'same';
  const first = pairs.map((ps) => ps[0]!);
  if (all((a, b, k) => close(a - b, first[k]![0] - first[k]![1], 1e-7))) return 'constant';
  if (all((a, b) => close(a, -b, 1e-7))) return 'negated';
  const ratio = (a: number, b: number): number => (b === 0 ? (a === 0 ? 1 : NaN) : a / b);
  if (all((a, b, k) => close(ratio(a, b), ratio(first[k]![0], first[k]![1]), 1e-7))) return 'scaled';
  return 'different';
}

/** Names a learner gives the constant of integration: C, K, c, k, C1, C_1, … */
const CONSTANT_NAME = /^([A-Z]|c|k)(_?\d+)?$/;

const names = (es: Expr[]): string[] => [...new Set(es.flatMap((e) => freeSymbols(e).map((s) => s.name)))];

/** The exercise's own table of likely mistakes: the first one `got` matches, by `matches`. */
function knownMistake(ex: CheckableExercise, matches: (answer: string) => boolean): string | null {
  for (const m of ex.mistakes ?? []) {
    try {
      if (matches(m.answer)) return m.message;
    } catch (e) {
      if (!(e instanceof NablaError)) throw e;
    }
  }
  return null;
}

/** A parse failure as a message for the learner, or rethrow what is not a library error. */
function unreadable(e: unknown): CheckResult {
  if (e instanceof ParseError) return { ok: false, message: `Cannot read that answer: ${e.reason} at position ${e.position + 1} of '${e.input}'.` };
  if (e instanceof NablaError) return { ok: false, message: `Cannot read that answer: ${e.message}` };
  throw e;
}

/** Choice answers: W[l].T, W[l]ᵀ, W[l]^T, the transpose of W[l] name the same thing; "a local max" = "max". */
export function normChoice(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '')
    .replace(/^((a|an|the|local|global|it is|it's)\s+)+/, '')
    .replace(/^transpose\s+of\s+(.*)$/, '$1.t')
    .replace(/^maximum$/, 'max')
    .replace(/^minimum$/, 'min')
    .replace(/\s+/g, '')
    .replace(/ᵀ|\^t\b|\.transpose\(\)|'$/g, '.t')
    .replace(/\.$/, '');
}

/** The points of a text such as `(1,2), (0,0) and (2,1)`, as 'x,y' keys; null if anything else is there. */
function readPoints(text: string): string[] | null {
  const pts: string[] = [];
  const rest = normalizeAnswer(text).replace(/\(([^()]*)\)/g, (_m, inner: string) => {
    const vals = splitTopLevel(inner).map((s) => valueOf(parse(s)));
    pts.push(vals.map((v) => (v === null ? 'NaN' : String(Math.round(v * 1e9) / 1e9))).join(','));
    return ' ';
  });
  return pts.length && /^[\s,;&]*((and|und|et)[\s,;&]*)*$/i.test(rest.replace(/\band\b/gi, ' ')) ? pts : null;
}

function checkPoints(ex: CheckableExercise, text: string): CheckResult {
  let got: string[] | null;
  try {
    got = readPoints(text);
  } catch (e) {
    return unreadable(e);
  }
  if (!got) return { ok: false, message: 'Write the points as pairs in brackets, separated by commas.' };
  const want = readPoints(String(ex.answer))!;
  const g = new Set(got);
  const w = new Set(want);
  const right = [...g].filter((p) => w.has(p)).length;
  if (right === w.size && g.size === w.size) return { ok: true, message: 'Correct: those are exactly the points (in any order).' };
  if (right === g.size) return { ok: false, message: `Those ${right} are right, but some are missing.` };
  if (right === w.size) return { ok: false, message: 'All the right points are there, plus some whose multiplier is 0.' };
  return { ok: false, message: `${right} of your ${g.size} points are right.` };
}

function checkChoice(ex: CheckableExercise, text: string): CheckResult {
  const want = String(ex.answer);
  if (/\(.*,.*\)/.test(want)) return checkPoints(ex, text);
  const c = normChoice(text);
  const label = (k: string): string => normChoice(ex.labels?.[k] ?? k);
  const chosen = ex.choices?.find((k) => normChoice(k) === c || label(k) === c) ?? text;
  if (normChoice(chosen) === normChoice(want)) return { ok: true, message: 'Correct.' };
  const why = knownMistake(ex, (a) => normChoice(a) === normChoice(chosen));
  return why ? { ok: false, message: why, markup: true } : { ok: false, message: 'Not that one; look at the hints.' };
}

function checkNumeric(ex: CheckableExercise, text: string, want: Expr[]): CheckResult {
  const typed = numericText(text, ex);
  let got: Expr[];
  try {
    got = readEntries(typed, []);
  } catch (e) {
    return unreadable(e);
  }
  if (got.length !== want.length) return { ok: false, message: `Expected ${want.length === 1 ? 'one number' : `${want.length} numbers`}, got ${got.length}.` };
  const free = names(got);
  if (free.length) return { ok: false, message: `Expected a number; '${free[0]}' is not known here.` };
  const typedEntries = answerEntries(normalizeAnswer(typed));
  const gv = got.map(valueOf);
  const wv = want.map((w) => valueOf(w)!);
  if (gv.some((v) => v === null)) return { ok: false, message: 'That has no finite value.' };
  const tolOf = (w: number): number => ex.tolerance ?? 1e-9 * Math.max(1, Math.abs(w));
  const verdicts = gv.map((v, i) => (Math.abs(v! - wv[i]!) <= tolOf(wv[i]!) ? 'rounded' : roundedDecimal(typedEntries[i] ?? '', wv[i]!)));
  if (verdicts.every((v) => v === 'rounded')) return { ok: true, message: 'Correct.' };
  if (verdicts.every((v) => v !== null)) {
    return { ok: false, message: `Close, but give at least ${MIN_SIGNIFICANT} significant digits (or an exact value).` };
  }
  const why = knownMistake(ex, (a) => {
    const m = readEntries(a, []).map(valueOf);
    return m.length === gv.length && m.every((v, i) => v !== null && Math.abs(v - gv[i]!) <= tolOf(v));
  });
  if (why) return { ok: false, message: why, markup: true };
  if (ex.unit === 'degrees' && gv.every((v, i) => Math.abs((v! * 180) / Math.PI - wv[i]!) <= tolOf(wv[i]!) || /pi|rad/i.test(typed))) {
    return { ok: false, message: 'That looks like an angle in radians; the question asks for degrees (multiply by 180/π).' };
  }
  const negated = (v: number, i: number): boolean =>
    Math.abs(v + wv[i]!) <= tolOf(wv[i]!) || roundedDecimal((typedEntries[i] ?? '').replace(/^\s*-\s*/, ''), wv[i]!) !== null;
  if (gv.every((v, i) => wv[i] !== 0 && v! < 0 !== wv[i]! < 0 && negated(v!, i))) return { ok: false, message: 'Check the sign.' };
  return { ok: false, message: 'Not quite: check the numbers.' };
}

function checkSymbolic(ex: CheckableExercise, text: string, want: Expr[], declared: string[]): CheckResult {
  let got: Expr[];
  try {
    got = readEntries(text, declared);
  } catch (e) {
    return unreadable(e);
  }
  if (got.length !== want.length) {
    return { ok: false, message: `Expected ${want.length === 1 ? 'one expression' : `${want.length} components`}, got ${got.length}.` };
  }
  const vars = [...new Set([...declared, ...names(want)])];
  const upToC = ex.upToConstant ?? /antiderivative|integral|up to a constant|\+\s*C\b/i.test(ex.prompt);
  let extra = names(got).filter((v) => !vars.includes(v));
  let namedConstant = '';
  if (upToC && extra.length === 1 && CONSTANT_NAME.test(extra[0]!)) {
    // `+ C` (any name): the extra symbol must enter as an added constant, ∂/∂C a nonzero number.
    const c = extra[0]!;
    const slopes = got.map((g) => diff(g, c));
    if (slopes.every((s) => freeSymbols(s).length === 0 && s !== ZERO)) {
      got = got.map((g) => subs(g, { [c]: 0 }));
      namedConstant = c;
      extra = [];
    }
  }
  if (extra.length) return { ok: false, message: `The answer uses ${extra.map((v) => `'${v}'`).join(', ')}, which does not appear in the exercise.` };
  const r = relate(got, want, vars);
  if (r === 'same' || (r === 'constant' && upToC)) {
    return { ok: true, message: upToC ? `Correct${namedConstant ? `, with the constant ${namedConstant}` : ''}: an antiderivative is only defined up to a constant C.` : 'Correct: your answer equals the expected one.' };
  }
  const why = knownMistake(ex, (a) => {
    const m = readEntries(a, declared);
    const rel = m.length === got.length ? relate(got, m, vars) : 'different';
    return rel === 'same' || (rel === 'constant' && upToC);
  });
  if (why) return { ok: false, message: why, markup: true };
  const x = declared[0] ?? vars[0];
  if (x && want.length === 1) {
    // A derivative given where an antiderivative is asked (or the other way round).
    if (upToC && relate(got, [diff(diff(want[0]!, x), x)], vars) === 'same') return { ok: false, message: 'That is the derivative of f; the question asks for an antiderivative (integrate).' };
    if (upToC && relate(got, [diff(want[0]!, x)], vars) === 'same') return { ok: false, message: "That is f itself; find F with F′ = f." };
    if (!upToC && relate([diff(got[0]!, x)], want, vars) === 'same') return { ok: false, message: 'That is an antiderivative; the question asks for the derivative.' };
  }
  if (r === 'constant') return { ok: false, message: 'Off by a constant: check the constant term (a constant differentiates to 0).' };
  if (r === 'negated') return { ok: false, message: 'Check the sign: your answer is the negative of a correct one.' };
  if (r === 'scaled') return { ok: false, message: 'Off by a constant factor: a missing chain-rule factor or coefficient?' };
  return { ok: false, message: 'Not equivalent: your expression and a correct one differ.' };
}

/**
 * Check `text` against exercise `ex`.
 * @example checkAnswer({ id: 'a', prompt: '', kind: 'symbolic', answer: '3*x^2 - 4*x', variables: ['x'] }, 'x*(3x-4)').ok // true
 */
export function checkAnswer(ex: CheckableExercise, text: string): CheckResult {
  if (!text.trim()) return { ok: false, message: 'Type an answer first.' };
  if (ex.kind === 'choice') return checkChoice(ex, text);
  if (ex.kind === 'points') return checkPoints(ex, text);
  const declared = ex.variables ?? [];
  // The expected answer is the course's own text: a failure to read it is a bug, so it throws.
  const want = readEntries(String(ex.answer), declared);
  // A symbolic exercise whose answer is a number (x = 4/3) is checked as a number.
  if (ex.kind === 'numeric' || names(want).length === 0) return checkNumeric(ex, text, want);
  return checkSymbolic(ex, text, want, declared);
}

/**
 * How the checker reads the typed text, as LaTeX for a live preview; null when there is nothing to
 * show (a choice, empty text), or `{ error }` when it cannot be read.
 * @example previewAnswer({ id: 'a', prompt: '', kind: 'symbolic', answer: 'x', variables: ['x'] }, 'x^2/2') // { latex: '\\frac{x^{2}}{2}' }
 */
export function previewAnswer(ex: CheckableExercise, text: string): { latex: string } | { error: string } | null {
  if (!text.trim() || ex.kind === 'choice') return null;
  try {
    if (ex.kind === 'points') {
      const pts = [...normalizeAnswer(text).matchAll(/\(([^()]*)\)/g)].map((m) => `\\left(${splitTopLevel(m[1]!).map((s) => latex(parse(s))).join(',\\ ')}\\right)`);
      return pts.length ? { latex: pts.join(',\\quad ') } : null;
    }
    const numeric = ex.kind === 'numeric';
    const typed = numeric ? numericText(text, ex) : text;
    const es = readEntries(typed, numeric ? [] : (ex.variables ?? []));
    const unknown = numeric ? names(es) : [];
    if (unknown.length) return { error: `'${unknown[0]}' is not a number` };
    const body = es.map((e) => latex(e)).join(',\\ ');
    const shown = es.length > 1 ? `\\left(${body}\\right)` : body;
    return { latex: ex.unit === 'degrees' ? `${shown}^\\circ` : shown };
  } catch (e) {
    if (e instanceof NablaError) return { error: e instanceof ParseError ? `${e.reason} at position ${e.position + 1}` : e.message };
    throw e;
  }
}
