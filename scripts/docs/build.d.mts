import type { DocComment } from './doc-comment.mjs';
/** One export resolved to its declarations. */
export interface ApiExport {
  kind: string;
  name: string;
  file: string;
  doc: DocComment | undefined;
  declarations: Array<{ kind: string; name: string; text: string; line: number; doc: DocComment | undefined }>;
  members: Array<{ text: string; name: string; doc: DocComment | undefined }>;
  namespace?: string;
}
export interface ApiEntry { spec: string; page: string; types: string; doc: DocComment | undefined; exports: Map<string, ApiExport> }
/** The package's entry points from package.json `exports`. */
export function entryPoints(distDir?: string): Array<{ spec: string; page: string; types: string }>;
/** Every entry point with its exports, and where each declaration is documented in full. */
export function collectApi(distDir?: string): { entries: ApiEntry[]; home: Map<string, { page: string; anchor: string }>; key: (x: ApiExport) => string };
/** Write the reference into `outDir` (default web-dist/api) from the declarations in `distDir` (default dist). */
export function buildDocs(options?: { distDir?: string; outDir?: string }): {
  pages: string[];
  entries: ApiEntry[];
  home: Map<string, { page: string; anchor: string }>;
  key: (x: ApiExport) => string;
  anchorId: (name: string) => string;
};
