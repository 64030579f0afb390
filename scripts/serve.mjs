#!/usr/bin/env node
// Serve the built course (web-dist/) on http://127.0.0.1:PORT. A tiny static server on node:http:
// GET/HEAD only, bound to 127.0.0.1, never outside the folder.
//   node scripts/serve.mjs [--port 5173] [--dir web-dist]      (--port 0 picks a free port)
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json', '.wasm': 'application/wasm',
};

/**
 * Start serving `dir` on 127.0.0.1:`port`. Resolves to { server, url } once listening.
 * @example const { url, server } = await serve({ dir: 'web-dist', port: 0 });
 */
export function serve({ dir, port = 5173, host = '127.0.0.1' }) {
  const root = resolve(dir);
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
    res.writeHead(200, {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
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
  serve(opts).then(
    ({ url }) => console.log(`nabla course: ${url}  (Ctrl+C to stop)`),
    (e) => {
      console.error(e.code === 'EADDRINUSE' ? `serve: port ${opts.port} is in use; try --port 0 or another number` : `serve: ${e.message}`);
      process.exit(2);
    },
  );
}
