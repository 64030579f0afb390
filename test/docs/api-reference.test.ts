// The API reference (`npm run docs`, scripts/docs/): declarations emitted by tsc from this tree,
// read back, rendered to HTML. Every public export must have a doc comment with a summary and
// must appear, with its own anchor, on its entry point's page; the reader must agree with the
// modules' runtime exports (so it misses nothing and invents nothing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApiInto } from './build-api.js';
import { moduleExports } from '../../scripts/docs/declarations.mjs';

const ROOT = resolve(__dirname, '../..');
let dir = '';
let built: ReturnType<typeof buildApiInto>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nabla-docs-'));
  built = buildApiInto(join(dir, 'api'));
}, 180_000);
afterAll(() => {
  built?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const VALUE_KINDS = new Set(['function', 'class', 'const', 'namespace', 'enum']);

describe('API reference', () => {
  it('every public export (and namespace member) has a doc comment with a summary', () => {
    const missing: string[] = [];
    for (const e of built.entries) {
      for (const [name, x] of e.exports) {
        if (!x.doc?.summary?.trim()) missing.push(`${e.spec}: ${name} (${x.kind}, ${x.file.slice(built.dtsDir.length + 1)})`);
        // A namespace's members are public too (`Q.add`, `QPoly.polyMul`).
        if (x.namespace) for (const [m, y] of moduleExports(x.namespace)) if (!y.doc?.summary?.trim()) missing.push(`${e.spec}: ${name}.${m} (${y.kind})`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it('every exported function and class has an example (DESIGN: "an example that runs as a test")', () => {
    const missing = new Set<string>();
    for (const e of built.entries) {
      for (const [name, x] of e.exports) {
        if ((x.kind === 'function' || x.kind === 'class') && !x.declarations.some((d) => d.doc?.examples.length)) missing.add(`${e.spec}: ${name}`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('reads exactly the values each entry point exports at runtime', async () => {
    for (const e of built.entries) {
      const src = e.page === 'nabla' ? join(ROOT, 'src/index.ts') : join(ROOT, 'src', e.page, 'index.ts');
      const runtime = Object.keys(await import(pathToFileURL(src).href)).sort();
      const read = [...e.exports].filter(([, x]) => VALUE_KINDS.has(x.kind)).map(([n]) => n).sort();
      expect(read, e.spec).toEqual(runtime);
    }
  });

  it('every export has its anchor on its entry point page, and the index links every declaration', () => {
    const index = readFileSync(join(dir, 'api', 'index.html'), 'utf8');
    let anchors = 0;
    for (const e of built.entries) {
      const html = readFileSync(join(dir, 'api', `${e.page}.html`), 'utf8');
      for (const [name, x] of e.exports) {
        expect(html, `${e.spec} ${name}`).toContain(`id="${built.anchorId(name)}"`);
        anchors++;
        const home = built.home.get(built.key(x))!;
        expect(index, `index → ${name}`).toContain(`href="${home.page}.html#${built.anchorId(home.anchor)}"`);
      }
    }
    expect(anchors).toBeGreaterThan(900);
  });

  it('shows a function with its signature, summary and example', () => {
    const html = readFileSync(join(dir, 'api', 'symbolic.html'), 'utf8');
    const section = html.slice(html.indexOf('id="api-integrate"'), html.indexOf('</section>', html.indexOf('id="api-integrate"')));
    expect(section).toContain('function integrate(e: ExprInput, spec: IntegrationSpec');
    expect(section).toContain('Returns an unevaluated Integral when no rule applies.');
    expect(section).toContain('<h3>Example</h3>');
    expect(section).toContain("integrate('1/(x^2+2*x+5)', 'x') // → ");
  });

  it('every page is a complete document with the course header linking back', () => {
    for (const page of built.pages) {
      const html = readFileSync(join(dir, 'api', page), 'utf8');
      expect(html.startsWith('<!doctype html>\n<html lang="en">'), page).toBe(true);
      expect(html).toContain('<a href="index.html" aria-current=');
      expect(html).toContain('<a href="../#/playground">Playground</a>');
      expect(html).toMatch(/<title>[^<]+<\/title>/);
    }
    expect(existsSync(join(dir, 'api', 'api.css'))).toBe(true);
  });
});
