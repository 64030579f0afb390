/**
 * Checking a typed answer against an exercise's expected answer.
 *
 * symbolic: both sides are evaluated at random points (a CAS simplification of a − b to 0 is
 * tried first when the symbolic layer offers it); numeric: within the exercise's tolerance;
 * choice: the same word. Tuples like `(2, 2)` compare component by component.
 */
import { AnswerSyntaxError, parseAnswer, type ParsedAnswer } from './expr-eval.js';

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

/** Optional CAS hook: true if the two texts are provably equal, false if provably different, null if unsure. */
export type CasEquivalence = (a: string, b: string) => boolean | null;

function seededRandom(seed: number): () => number {
  // mulberry32: a small deterministic generator so a check gives the same verdict every time
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function close(a: number, b: number, tol: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Compare two parsed answers at random points; `upToConstant` allows a constant offset (antiderivatives). */
function sameAtRandomPoints(
  got: ParsedAnswer,
  want: ParsedAnswer,
  vars: string[],
  upToConstant: boolean,
): 'same' | 'constant' | 'different' {
  const rnd = seededRandom(12345);
  let tested = 0;
  const offsets: number[][] = got.parts.map(() => []);
  for (let trial = 0; trial < 60 && tested < 12; trial++) {
    const env: Record<string, number> = {};
    // Alternate between a signed and a positive range so log/sqrt answers get valid points.
    for (const v of vars) env[v] = trial % 2 ? 0.1 + 2.9 * rnd() : -3 + 6 * rnd();
    let valid = true;
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < want.parts.length; i++) {
      const w = want.parts[i]!(env);
      const g = got.parts[i]!(env);
      if (!Number.isFinite(w)) { valid = false; break; }
      pairs.push([g, w]);
    }
    if (!valid) continue;
    tested++;
    for (let i = 0; i < pairs.length; i++) offsets[i]!.push(pairs[i]![0] - pairs[i]![1]);
  }
  if (tested === 0) return 'different';
  const allZero = offsets.every((o) => o.every((d) => close(d + 1, 1, 1e-7)));
  if (allZero) return 'same';
  if (upToConstant && offsets.every((o) => o.every((d) => close(d, o[0]!, 1e-7)))) return 'constant';
  return 'different';
}

/**
 * Check `text` against exercise `ex`.
 * @example checkAnswer({ id: 'a', prompt: '', kind: 'symbolic', answer: '3*x^2 - 4*x', variables: ['x'] }, 'x*(3x-4)').ok // true
 */
export function checkAnswer(ex: CheckableExercise, text: string, cas?: CasEquivalence): CheckResult {
  const answerText = text.trim();
  if (!answerText) return { ok: false, message: 'Type an answer first.' };
  if (ex.kind === 'choice') {
    // W[l].T, W[l]ᵀ, W[l]^T and w[l].transpose() name the same thing.
    const norm = (s: string) =>
      s
        .trim()
        .toLowerCase()
        .replace(/^(a|the|local|global)\s+/, '')
        .replace(/^maximum$/, 'max')
        .replace(/^minimum$/, 'min')
        .replace(/\s+/g, '')
        .replace(/ᵀ|\^t\b|\.transpose\(\)|'$/g, '.t')
        .replace(/\.$/, '');
    const ok = norm(answerText) === norm(String(ex.answer));
    return { ok, message: ok ? 'Correct.' : 'Not that one; look at the hints.' };
  }
  let got: ParsedAnswer;
  try {
    got = parseAnswer(answerText);
  } catch (e) {
    const verdict = ex.kind === 'symbolic' ? cas?.(answerText, String(ex.answer)) ?? null : null;
    if (verdict !== null) return verdict ? { ok: true, message: 'Correct: the CAS finds your answer equal to the expected one.' } : { ok: false, message: 'Not equivalent: the CAS finds a different value.' };
    return { ok: false, message: `Cannot read that answer: ${e instanceof AnswerSyntaxError ? e.message : String(e)}` };
  }
  let want: ParsedAnswer;
  try {
    want = parseAnswer(String(ex.answer));
  } catch {
    // The expected answer is beyond this reader (say, a matrix in the library's syntax): the CAS decides.
    const verdict = cas?.(answerText, String(ex.answer)) ?? null;
    if (verdict === null) return { ok: false, message: 'This answer cannot be checked automatically here; compare with the worked solution.' };
    return verdict ? { ok: true, message: 'Correct: the CAS finds your answer equal to the expected one.' } : { ok: false, message: 'Not equivalent: the CAS finds a different value.' };
  }
  if (got.parts.length !== want.parts.length) {
    return { ok: false, message: `Expected ${want.parts.length === 1 ? 'one value' : `${want.parts.length} components`}, got ${got.parts.length}.` };
  }
  if (ex.kind === 'numeric') {
    if (got.variables.size) return { ok: false, message: `Expected a number; '${[...got.variables][0]}' is not known here.` };
    // An exercise's tolerance is absolute; without one, agree to 1e-9 relative.
    const ok = got.parts.every((g, i) => {
      const a = g({});
      const b = want.parts[i]!({});
      const tol = ex.tolerance ?? 1e-9 * Math.max(1, Math.abs(b));
      return Number.isFinite(a) && Math.abs(a - b) <= tol;
    });
    return { ok, message: ok ? 'Correct.' : 'Not quite: check the numbers.' };
  }
  const vars = [...new Set([...(ex.variables ?? []), ...want.variables])];
  const extra = [...got.variables].filter((v) => !vars.includes(v));
  if (extra.length) return { ok: false, message: `The answer uses ${extra.map((v) => `'${v}'`).join(', ')}, which does not appear in the exercise.` };
  if (cas) {
    const verdict = cas(answerText, String(ex.answer));
    if (verdict === true) return { ok: true, message: 'Correct: the CAS simplifies your answer minus the expected one to 0.' };
  }
  const upToC = /antiderivative|integral|up to a constant|\+\s*C\b/i.test(ex.prompt);
  const r = sameAtRandomPoints(got, want, vars, upToC);
  if (r === 'same') return { ok: true, message: 'Correct: your answer equals the expected one at every test point.' };
  if (r === 'constant') return { ok: true, message: 'Correct, up to the constant of integration C.' };
  return { ok: false, message: 'Not equivalent: at some test points your answer gives a different value.' };
}
