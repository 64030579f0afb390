// scripts/serve.mjs: a static server bound to 127.0.0.1 that never serves outside its folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/serve.mjs';

let dir = '';
let server: Server;
let url = '';

function get(path: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  const u = new URL(url);
  return new Promise((ok, fail) => {
    const req = request({ host: u.hostname, port: u.port, path, method }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
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
