import type { Server } from 'node:http';
/**
 * Serve `dir` on `host`:`port` (default 127.0.0.1:5173; port 0 picks a free one), text compressed
 * (brotli or gzip), hashed assets cached immutably; `precompress` compresses everything first.
 */
export function serve(opts: { dir: string; port?: number; host?: string; precompress?: boolean }): Promise<{ server: Server; url: string }>;
/** The encoding to send for an Accept-Encoding header: br, else gzip, else null. */
export function pickEncoding(accept?: string): 'br' | 'gzip' | null;
