/**
 * What the learner did, kept in localStorage: only their own actions count (a run they started,
 * an exercise they solved), never a page merely opened or a cell that ran by itself. Their work —
 * edited code and typed answers — is kept too, so a reload or Back brings it back, and the last
 * lesson opened feeds "continue where you left off".
 */
export interface LessonProgress {
  /** The learner pressed Run (or Ctrl+Enter) and the run finished without error. */
  ran?: boolean;
  /** Ids of the exercises they solved. */
  solved?: string[];
}

/** The learner's work on a lesson page. */
export interface LessonWork {
  /** The code cell's text when it differs from the lesson's. */
  code?: string;
  /** Typed (or chosen) answers by exercise id. */
  answers?: Record<string, string>;
}

const PROGRESS = 'nabla.progress.v2';
const WORK = 'nabla.work.v1';
const LAST = 'nabla.last.v1';

function read<T>(key: string, fallback: T): T {
  try {
    const v = localStorage.getItem(key);
    return v ? (JSON.parse(v) as T) : fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* private mode or full storage: the work just is not kept */
  }
}

/** Progress for a lesson (1..7). */
export function getProgress(id: number): LessonProgress {
  return read<Record<string, LessonProgress>>(PROGRESS, {})[id] ?? {};
}

/** Merge `patch` into a lesson's progress (`solved` ids accumulate). */
export function markProgress(id: number, patch: LessonProgress): void {
  const all = read<Record<string, LessonProgress>>(PROGRESS, {});
  const cur = all[id] ?? {};
  const solved = [...new Set([...(cur.solved ?? []), ...(patch.solved ?? [])])];
  all[id] = { ...cur, ...patch, solved };
  write(PROGRESS, all);
}

/** The learner's work on a lesson. */
export function getWork(id: number): LessonWork {
  return read<Record<string, LessonWork>>(WORK, {})[id] ?? {};
}

/** Keep the learner's code (undefined: back to the lesson's own) or one answer. */
export function saveWork(id: number, patch: { code?: string | null; answer?: [string, string] }): void {
  const all = read<Record<string, LessonWork>>(WORK, {});
  const cur: LessonWork = { ...(all[id] ?? {}) };
  if (patch.code === null) delete cur.code;
  else if (patch.code !== undefined) cur.code = patch.code;
  if (patch.answer) cur.answers = { ...cur.answers, [patch.answer[0]]: patch.answer[1] };
  all[id] = cur;
  write(WORK, all);
}

/** Remember the lesson the learner opened last. */
export function setLastLesson(id: number): void {
  write(LAST, id);
}

/** The lesson opened last, if any. */
export function lastLesson(): number | null {
  const v = read<unknown>(LAST, null);
  return typeof v === 'number' ? v : null;
}

/** Forget all progress and work. */
export function resetProgress(): void {
  for (const k of [PROGRESS, WORK, LAST, 'nabla.progress.v1']) {
    try {
      localStorage.removeItem(k);
    } catch {
      /* nothing kept, nothing to forget */
    }
  }
}
