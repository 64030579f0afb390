import type { Server } from 'node:http';
/** Serve `dir` on `host`:`port` (default 127.0.0.1:5173; port 0 picks a free one). */
export function serve(opts: { dir: string; port?: number; host?: string }): Promise<{ server: Server; url: string }>;
