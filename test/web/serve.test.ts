// scripts/serve.mjs: a static server bound to 127.0.0.1 that never serves outside its folder,
// sends text compressed (brotli or gzip) and lets the browser cache hashed assets for good (D9).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { pickEncoding, serve } from '../../scripts/serve.mjs';

let dir = '';
const BIG = `export const table = [${Array.from({ length: 400 }, (_, i) => i * i).join(', ')}];\n`.repeat(20);
let server: Server;
let url = '';

type Reply = { status: number; type: string; body: string; raw: Buffer; headers: Record<string, string | string[] | undefined> };
function get(path: string, method = 'GET', headers: Record<string, string> = {}): Promise<Reply> {
  const u = new URL(url);
  return new Promise((ok, fail) => {
    const req = request({ host: u.hostname, port: u.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        ok({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: raw.toString('utf8'), raw, headers: res.headers });
      });
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nabla-serve-'));
  mkdirSync(join(dir, 'site/assets'), { recursive: true });
  writeFileSync(join(dir, 'site/index.html'), '<!doctype html><p>course</p>');
  writeFileSync(join(dir, 'site/assets/a.js'), 'export {}');
  writeFileSync(join(dir, 'site/assets/worker-Dx9_Ab-3.js'), BIG);
  writeFileSync(join(dir, 'secret.txt'), 'do not serve');
  ({ server, url } = await serve({ dir: join(dir, 'site'), port: 0 }));
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

describe('serve', () => {
  it('listens on 127.0.0.1 and prints a URL with the port', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((server.address() as { address: string }).address).toBe('127.0.0.1');
  });
  it('serves index.html for / and files with their types', async () => {
    expect(await get('/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><p>course</p>' });
    expect(await get('/assets/a.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect((await get('/assets/a.js', 'HEAD')).body).toBe('');
  });
  it('refuses what is outside the folder, unknown files and other methods', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt']) {
      const r = await get(path);
      expect(r.status, path).toBe(404); // normalised to /secret.txt inside the folder: not there
      expect(r.body).not.toContain('do not serve');
    }
    const escaped = await get('/..%2fsecret.txt'); // decodes to /../secret.txt after URL normalisation
    expect(escaped.status).toBe(403);
    expect(escaped.body).not.toContain('do not serve');
    expect((await get('/nope.js')).status).toBe(404);
    expect((await get('/', 'POST')).status).toBe(405);
  });
});

describe('compression and caching (D9)', () => {
  const worker = '/assets/worker-Dx9_Ab-3.js';
  it('picks brotli, else gzip, else nothing', () => {
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding('gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding('')).toBeNull();
  });
  it('sends hashed assets compressed, with a year of immutable caching', async () => {
    const br = await get(worker, 'GET', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(brotliDecompressSync(br.raw).toString('utf8')).toBe(BIG);
    expect(br.raw.length).toBeLessThan(BIG.length / 4);
    expect(Number(br.headers['content-length'])).toBe(br.raw.length);
    const gz = await get(worker, 'GET', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.raw).toString('utf8')).toBe(BIG);
    const plain = await get(worker);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(BIG);
  });
  it('revalidates unhashed files with an ETag (304 when unchanged)', async () => {
    const first = await get('/', 'GET', { 'accept-encoding': 'br' });
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    const again = await get('/', 'GET', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect((await get('/assets/a.js')).headers['cache-control']).toBe('no-cache'); // not hashed
  });
});
