/** Messages between the page and the code-cell worker. */
export type ToWorker = { type: 'run'; id: number; code: string } | { type: 'lesson'; lesson: number };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'out'; id: number; stream: 'out' | 'err'; text: string }
  | { type: 'figure'; id: number; svg: string }
  | { type: 'done'; id: number; ms: number }
  | { type: 'error'; id: number; name: string; message: string; line: number | null }
  | { type: 'lesson'; lesson: number; lines: string[]; error?: string };
