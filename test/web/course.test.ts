// End-to-end tests of the interactive course: build the site once with Vite, serve it with
// scripts/serve.mjs on a free port, and drive Debian's chromium with playwright-core.
// Skipped (with a message) when /usr/bin/chromium is missing; `.ci/run` installs it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Server } from 'node:http';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const ROOT = resolve(__dirname, '../..');
const SHOTS = join(ROOT, 'test-results/screenshots');

if (!HAVE_CHROMIUM) {
  console.warn(`[test/web] skipping browser tests: ${CHROMIUM} not found (install it with 'apt-get install -y chromium')`);
}

describe.skipIf(!HAVE_CHROMIUM)('web course in chromium', () => {
  let outDir = '';
  let server: Server | undefined;
  let base = '';
  let browser: Browser | undefined;
  let context: BrowserContext;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'nabla-web-'));
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
    const { serve } = await import('../../scripts/serve.mjs');
    const s = await serve({ dir: outDir, port: 0 });
    server = s.server;
    base = s.url;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  /** Open a route and collect console errors and page errors while the test runs. */
  async function open(route: string): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}#${route}`);
    return { page, errors };
  }

  /** The first code cell's output once its (auto)run has ended. */
  async function cellDone(page: Page, nth = 0, timeout = 20_000): Promise<string> {
    const cell = page.locator('.code-cell').nth(nth);
    await cell.locator('[data-state]').or(cell).first().waitFor();
    await page.waitForFunction(
      (i) => {
        const c = document.querySelectorAll('.code-cell')[i] as HTMLElement | undefined;
        return !!c && !!c.dataset.state && c.dataset.state !== 'running';
      },
      nth,
      { timeout },
    );
    return cell.locator('pre.output').innerText();
  }

  it('home page lists the seven lessons in order', async () => {
    const { page, errors } = await open('/');
    const titles = await page.locator('ol.lessons li .title').allInnerTexts();
    expect(titles).toEqual([
      'Differential calculus',
      'Integration',
      'Gradient of a vector function',
      'Jacobian',
      'Backpropagation',
      'Optimization',
      'Support vector machine',
    ]);
    await page.screenshot({ path: join(SHOTS, 'home.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  for (let id = 1; id <= 7; id++) {
    it(`lesson ${id} loads with no console errors and runs its code`, async () => {
      const { page, errors } = await open(`/lesson/${id}`);
      await page.locator('article.lesson[data-rendered="true"]').waitFor({ timeout: 15_000 });
      const state = await page.evaluate(() => {
        const c = document.querySelector('.code-cell') as HTMLElement | null;
        return c ? 'cell' : 'none';
      });
      if (state === 'cell') {
        await cellDone(page, 0, 30_000);
        expect(await page.locator('.code-cell').first().getAttribute('data-state')).toBe('ok');
      }
      await page.locator('.exercises[data-ready="true"]').waitFor({ timeout: 15_000 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SHOTS, `lesson-0${id}.png`), fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
