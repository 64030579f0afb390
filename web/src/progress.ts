/** The learner's progress, kept in localStorage: lessons visited, code run, exercises solved. */
export interface LessonProgress {
  visited?: boolean;
  ran?: boolean;
  solved?: string[];
}

const KEY = 'nabla.progress.v1';

function load(): Record<string, LessonProgress> {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, LessonProgress>;
  } catch {
    return {};
  }
}

/** Progress for a lesson (1..7). */
export function getProgress(id: number): LessonProgress {
  return load()[id] ?? {};
}

/** Merge `patch` into a lesson's progress (`solved` ids accumulate). */
export function markProgress(id: number, patch: LessonProgress): void {
  const all = load();
  const cur = all[id] ?? {};
  const solved = [...new Set([...(cur.solved ?? []), ...(patch.solved ?? [])])];
  all[id] = { ...cur, ...patch, solved };
  try {
    localStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    /* private mode: progress just is not kept */
  }
}

/** Forget all progress. */
export function resetProgress(): void {
  localStorage.removeItem(KEY);
}
