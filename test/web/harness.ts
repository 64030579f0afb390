// Shared by the browser tests: build the course with Vite (once for all files, see builtCourse),
// serve it with scripts/serve.mjs on a free port, and drive Debian's chromium with playwright-core.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
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

/** Every file the built course depends on: the app, the library, the lock file. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sourceFiles(join(dir, d.name)) : [join(dir, d.name)]));
}

/**
 * The course built with Vite, once for all the browser test files: the build is kept under
 * node_modules/.cache/nabla-web/ by a hash of everything it is made from (web/, src/, the lock
 * file), so the second file on finds it there. Files running at once may both build; the first
 * to finish keeps its copy.
 */
async function builtCourse(): Promise<string> {
  const hash = createHash('sha256');
  for (const f of [...sourceFiles(join(ROOT, 'web')), ...sourceFiles(join(ROOT, 'src')), join(ROOT, 'package-lock.json')].sort()) {
    hash.update(f.slice(ROOT.length)).update(readFileSync(f));
  }
  const cache = join(ROOT, 'node_modules/.cache/nabla-web');
  const dir = join(cache, hash.digest('hex').slice(0, 16));
  if (existsSync(join(dir, 'index.html'))) return dir;
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(join(cache, 'building-'));
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  try {
    renameSync(outDir, dir);
  } catch {
    rmSync(outDir, { recursive: true, force: true }); // another file's build got there first
  }
  // Older builds go (and half-written ones of files that failed).
  for (const old of readdirSync(cache)) {
    const p = join(cache, old);
    if (p !== dir && (!old.startsWith('building-') || statSync(p).mtimeMs < Date.now() - 3_600_000)) rmSync(p, { recursive: true, force: true });
  }
  return dir;
}

export async function startCourse(viewport = { width: 1100, height: 900 }): Promise<Course> {
  const outDir = await builtCourse();
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
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * When a page load first paints an element marked `elementtiming="ID"` (Element Timing: the
 * frame that shows its text), under DevTools' CPU throttling, and that time without the load of
 * other processes. The tests share 2 cores with other work, so the wall time (`wall`, from
 * navigation) also counts the time other processes held a core while the page's thread had work.
 * Chromium's throttler keeps the page's thread busy while it holds it back, so inside a
 * main-thread task the thread's CPU time (`tdur`) is the task's throttled cost, and the rest of
 * the task's wall time (`dur − tdur`) is time the thread was ready to run but another process
 * had the core. `model` is `wall` less that time, summed over the page's main-thread tasks from
 * the moment the HTML arrived (`htmlAt`) to the paint; the network waits (the emulated Slow 4G)
 * stay as measured. On an idle machine the two agree. `mark` is a User Timing mark the page sets
 * before the paint; it ties the page's clock to the trace's.
 */
export async function timeToPaint(
  browser: Browser,
  page: Page,
  id: string,
  mark: string,
  load: () => Promise<void>,
): Promise<{ wall: number; model: number; htmlAt: number; cpu: number; taskWall: number }> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
  let events: TraceEvent[] = [];
  let seen: { wall: number; markAt: number; htmlAt: number };
  try {
    await load();
    seen = await page.evaluate(
      ([id, mark]) =>
        new Promise<{ wall: number; markAt: number; htmlAt: number }>((resolve) => {
          new PerformanceObserver((list, obs) => {
            const e = list.getEntries().find((x) => (x as PerformanceEntry & { identifier: string }).identifier === id) as (PerformanceEntry & { renderTime: number }) | undefined;
            if (!e) return;
            obs.disconnect();
            const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
            resolve({ wall: e.renderTime, markAt: performance.getEntriesByName(mark)[0]?.startTime ?? NaN, htmlAt: nav?.responseEnd ?? 0 });
          }).observe({ type: 'element', buffered: true });
        }),
      [id, mark] as const,
    );
  } finally {
    events = (JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  }
  const { wall, markAt, htmlAt } = seen;
  const at = events.find((e) => e.name === mark && e.cat?.includes('blink.user_timing'));
  if (!at || !Number.isFinite(markAt)) throw new Error(`timeToPaint: no '${mark}' mark in the trace`);
  const thread = `${at.pid}:${at.tid}`;
  const navigation = at.ts - markAt * 1000;
  const from = navigation + htmlAt * 1000;
  const end = navigation + wall * 1000;
  // Top-level tasks of the page's main thread from the HTML's arrival to the paint (cut at both
  // ends, their CPU time in proportion).
  const runs = events
    .filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && `${e.pid}:${e.tid}` === thread && e.ts < end && e.ts + (e.dur ?? 0) > from)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  let taskWall = 0;
  let cpu = 0;
  let until = -Infinity;
  for (const e of runs) {
    if (e.ts < until) continue; // nested in a task already counted
    const dur = e.dur ?? 0;
    const part = dur > 0 ? (Math.min(e.ts + dur, end) - Math.max(e.ts, from)) / dur : 0;
    taskWall += dur * part;
    cpu += Math.min(dur, e.tdur ?? 0) * part;
    until = e.ts + dur;
  }
  const ms = (us: number): number => Math.round(us / 1000);
  return { wall: Math.round(wall), model: Math.round(wall - ms(taskWall - cpu)), htmlAt: Math.round(htmlAt), cpu: ms(cpu), taskWall: ms(taskWall) };
}
