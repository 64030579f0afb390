// Shared by the browser tests: build the course once per file with Vite into a temporary folder,
// serve it with scripts/serve.mjs on a free port, and drive Debian's chromium with playwright-core.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Server } from 'node:http';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const ROOT = resolve(__dirname, '../..');
export const SHOTS = join(ROOT, 'test-results/screenshots');

export interface Course {
  base: string;
  /** Bytes the server sent (headers and bodies) since the last `resetSent()`. */
  sent(): { bytes: number; requests: number; byPath: Map<string, number> };
  resetSent(): void;
  outDir: string;
  browser: Browser;
  context: BrowserContext;
  /** Open a route in a new page, collecting console errors and page errors. */
  open(route: string, context?: BrowserContext): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

export async function startCourse(viewport = { width: 1100, height: 900 }): Promise<Course> {
  const outDir = mkdtempSync(join(tmpdir(), 'nabla-web-'));
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const { serve } = await import('../../scripts/serve.mjs');
  const s = (await serve({ dir: outDir, port: 0, precompress: true })) as { server: Server; url: string };
  let sent = { bytes: 0, requests: 0, byPath: new Map<string, number>() };
  s.server.on('request', (req, res) => {
    res.on('finish', () => {
      const head = Object.entries(res.getHeaders()).reduce((n, [k, v]) => n + k.length + String(v).length + 4, 20);
      const n = head + Number(res.getHeader('content-length') ?? 0);
      sent.bytes += n;
      sent.requests++;
      const path = (req.url ?? '').replace(/[-.][A-Za-z0-9_-]{8}(?=\.[a-z0-9]+$)/, '');
      sent.byPath.set(path, (sent.byPath.get(path) ?? 0) + n);
    });
  });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport });
  return {
    base: s.url,
    sent: () => sent,
    resetSent() {
      sent = { bytes: 0, requests: 0, byPath: new Map() };
    },
    outDir,
    browser,
    context,
    async open(route, ctx = context) {
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${s.url}#${route}`);
      return { page, errors };
    },
    async close() {
      await browser.close();
      await new Promise<void>((r) => s.server.close(() => r()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** The nth code cell's output once its (auto)run has ended. */
export async function cellDone(page: Page, nth = 0, timeout = 20_000): Promise<string> {
  const cell = page.locator('.code-cell').nth(nth);
  await cell.waitFor({ timeout });
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

/** Replace a code cell's text the way a learner would (select all, type) and run it. */
export async function typeAndRun(page: Page, code: string, nth = 0): Promise<void> {
  const cell = page.locator('.code-cell').nth(nth);
  await cell.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  await cell.locator('button.run').click();
}

/**
 * The page's main-thread tasks while `action` runs, from a Chromium trace: each task's thread CPU
 * time (`tdur`, the time the thread actually ran) and wall time (`dur`), in ms, longest first.
 * CPU time is what the page's code costs; wall time also counts the waits of a loaded machine
 * (the tests share 2 cores with other work), so the tests assert on CPU time and print both.
 */
export async function mainThreadTasks(browser: Browser, page: Page, action: () => Promise<void>): Promise<{ cpu: number[]; wall: number[] }> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  let events: TraceEvent[] = [];
  try {
    await action();
  } finally {
    events = (JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  }
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = events.filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && main.has(`${e.pid}:${e.tid}`));
  const ms = (v: number | undefined): number => Math.round((v ?? 0) / 100) / 10;
  return { cpu: tasks.map((t) => ms(t.tdur)).sort((a, b) => b - a), wall: tasks.map((t) => ms(t.dur)).sort((a, b) => b - a) };
}
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}
