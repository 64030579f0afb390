import type { ApiExport } from './build.mjs';
import type { DocComment } from './doc-comment.mjs';
/** Split declaration text into statements with the doc comment before each. */
export function splitStatements(text: string, baseLine?: number): Array<{ doc: string | undefined; docLine: number; text: string; line: number }>;
/** Parse one `.d.ts` file. */
export function readModule(file: string): { file: string; doc: DocComment | undefined };
/** Every export of a module resolved to its declarations. */
export function moduleExports(file: string): Map<string, ApiExport>;
