#!/usr/bin/env node
// Serve the built course (web-dist/) on http://127.0.0.1:PORT. A tiny static server on node:http:
// GET/HEAD only, bound to 127.0.0.1, never outside the folder. Text assets go out compressed
// (brotli, else gzip, with node's own zlib), compressed once and kept in memory. Hashed assets
// (assets/name-HASH.js) are cached by the browser for a year, immutable, so a worker script is
// downloaded once however many workers start; other files are revalidated with an ETag.
//   node scripts/serve.mjs [--port 5173] [--dir web-dist]      (--port 0 picks a free port)
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json', '.wasm': 'application/wasm',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.map', '.ttf', '.wasm']);
/** Vite's hashed file names: name-XXXXXXXX.ext, with an 8-character base64url hash. */
const HASHED = /[-.][A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

/** The encoding to send for an Accept-Encoding header: br, else gzip, else none. */
export function pickEncoding(accept = '') {
  const offered = accept
    .split(',')
    .map((p) => p.trim().split(';'))
    .filter(([, q]) => !q || Number(q.split('=')[1]) > 0)
    .map(([name]) => name.trim().toLowerCase());
  if (offered.includes('br')) return 'br';
  if (offered.includes('gzip')) return 'gzip';
  return null;
}

/**
 * Start serving `dir` on 127.0.0.1:`port`. Resolves to { server, url } once listening; with
 * `precompress`, after every text asset has been compressed (so no request waits for it).
 * @example const { url, server } = await serve({ dir: 'web-dist', port: 0 });
 */
export async function serve({ dir, port = 5173, host = '127.0.0.1', precompress = false }) {
  const root = resolve(dir);
  // file path → { mtime, raw, br, gzip, etag }; compressed on first request, then kept.
  const cache = new Map();
  function entry(file) {
    const st = statSync(file);
    let e = cache.get(file);
    if (!e || e.mtime !== st.mtimeMs) {
      e = { mtime: st.mtimeMs, raw: readFileSync(file), etag: `"${st.size.toString(36)}-${Math.round(st.mtimeMs).toString(36)}"` };
      cache.set(file, e);
    }
    return e;
  }
  function body(e, file, enc) {
    if (!enc || !COMPRESSIBLE.has(extname(file).toLowerCase()) || e.raw.length < 512) return null;
    if (enc === 'br') e.br ??= brotliCompressSync(e.raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: e.raw.length } });
    else e.gzip ??= gzipSync(e.raw, { level: 9 });
    return e[enc];
  }
  if (precompress) {
    const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((x) => (x.isDirectory() ? walk(join(d, x.name)) : [join(d, x.name)]));
    for (const f of walk(root)) {
      const e = entry(f);
      body(e, f, 'br');
      body(e, f, 'gzip');
    }
  }
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    let file = resolve(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const e = entry(file);
    const hashed = HASHED.test(file) && file.includes(`${sep}assets${sep}`);
    const headers = {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag: e.etag,
      vary: 'accept-encoding',
      'x-content-type-options': 'nosniff',
    };
    if (!hashed && req.headers['if-none-match'] === e.etag) {
      res.writeHead(304, headers).end();
      return;
    }
    const enc = pickEncoding(String(req.headers['accept-encoding'] ?? ''));
    const packed = body(e, file, enc);
    const out = packed ?? e.raw;
    // setHeader (not writeHead's object) so the headers stay readable (res.getHeader) after sending.
    for (const [k, v] of Object.entries({ ...headers, ...(packed ? { 'content-encoding': enc } : {}), 'content-length': out.length })) res.setHeader(k, v);
    res.writeHead(200);
    res.end(req.method === 'HEAD' ? undefined : out);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const addr = server.address();
      ok({ server, url: `http://${host}:${addr.port}/` });
    });
  });
}

function parseArgs(argv) {
  const out = { port: 5173, dir: fileURLToPath(new URL('../web-dist', import.meta.url)) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [k, inline] = a.split('=', 2);
    const val = () => inline ?? argv[++i];
    if (k === '--port' || k === '-p') out.port = Number(val());
    else if (k === '--dir') out.dir = val();
    else if (k === '--help' || k === '-h') {
      console.log('usage: node scripts/serve.mjs [--port N] [--dir web-dist]');
      process.exit(0);
    } else {
      console.error(`serve: unknown option '${a}' (try --help)`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535) {
    console.error(`serve: --port must be a number 0-65535, got '${out.port}'`);
    process.exit(2);
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(join(opts.dir, 'index.html'))) {
    console.error(`serve: ${opts.dir}/index.html not found; build the course first with 'npm run build:web'`);
    process.exit(2);
  }
  serve({ ...opts, precompress: true }).then(
    ({ url }) => console.log(`nabla course: ${url}  (Ctrl+C to stop)`),
    (e) => {
      console.error(e.code === 'EADDRINUSE' ? `serve: port ${opts.port} is in use; try --port 0 or another number` : `serve: ${e.message}`);
      process.exit(2);
    },
  );
}
