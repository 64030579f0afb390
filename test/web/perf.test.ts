// Fast on a phone (D9, D20) and nothing left running (D8), measured in chromium: lesson 1 on an
// emulated phone with Slow 4G and a 4x slower CPU (first output ≤ 3 s, asserted); the bytes
// a tour of every page transfers (printed, target ≤ 2.5 MB); workers and timers end when the
// learner leaves a page; figures stay legible at 390×844.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { HAVE_CHROMIUM, SHOTS, cellDone, mainThreadTasks, startCourse, timeToPaint, type Course } from './harness.js';

/** Chrome DevTools' "Slow 4G" preset: 1.6 Mbit/s × 0.9 down, 750 kbit/s × 0.9 up, 150 ms × 3.75 latency. */
const SLOW_4G = { offline: false, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9, latency: 150 * 3.75 };

describe.skipIf(!HAVE_CHROMIUM)('course performance in chromium', () => {
  let c: Course;
  beforeAll(async () => {
    c = await startCourse();
  }, 300_000);
  afterAll(async () => c?.close());

  it('lesson 1 on Slow 4G with a 4x slower CPU: first output within 3 s, the live run after it, and the bytes it needs', { timeout: 180_000 }, async () => {
    const ctx = await c.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    c.resetSent();
    let shown = '';
    const first = await timeToPaint(c.browser, page, 'cell-output', 'nabla:first-output', async () => {
      await page.goto(`${c.base}#/lesson/1`, { waitUntil: 'commit' });
      await page.waitForFunction(() => (document.querySelector('.code-cell pre.output')?.textContent ?? '').length > 0, null, { timeout: 90_000, polling: 50 });
      shown = await page.locator('.code-cell pre.output').innerText();
    });
    // Bytes that arrived before the first output (resource timing: compressed body + headers).
    const bytes = await page.evaluate((t) => {
      const all = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
      return all.filter((e) => e.responseEnd <= t).reduce((n, e) => n + e.transferSize, 0);
    }, first.wall);
    await page.screenshot({ path: join(SHOTS, 'phone-throttled-lesson-01.png') });
    // The page shows the build's run of the starting code at once; the live run then replaces it
    // with its own output, which must be the same.
    const live = await page.waitForFunction(() => performance.getEntriesByName('nabla:live-output')[0]?.startTime, null, { timeout: 120_000, polling: 200 });
    const liveAt = Math.round(Number(await live.jsonValue()));
    const after = await cellDone(page, 0, 60_000);
    console.log(
      `lesson 1, Slow 4G + 4x CPU at 390×844: first output painted at ${first.model} ms on an idle machine ` +
        `(measured ${first.wall} ms wall on this machine; HTML at ${first.htmlAt} ms, then ${first.taskWall} ms of main-thread ` +
        `tasks of which ${first.cpu} ms on the CPU; ${(bytes / 1024).toFixed(0)} KB transferred by then); ` +
        `the live run's output at ${liveAt} ms wall`,
    );
    expect(shown).toContain('max |rate − rule| on the grid: 1.0e-4');
    expect(after).toBe(shown);
    // The target, asserted on the figure without the machine's load (see timeToPaint): the wall
    // time less the time other processes held the shared cores while the page's thread had work.
    // NABLA_STRICT_TIMING=1 asserts the raw wall time too (on an idle machine they agree).
    expect(first.model).toBeLessThanOrEqual(3000);
    if (process.env.NABLA_STRICT_TIMING === '1') expect(first.wall).toBeLessThanOrEqual(3000);
    // What the first output needs: the page, its chunks and styles, not the library or the worker.
    expect(bytes).toBeLessThanOrEqual(80 * 1024);
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

  it('lesson 5 trains and draws in a worker: +500 epochs and Play leave no main-thread task over 50 ms; the controls retrain (D22, §6)', { timeout: 240_000 }, async () => {
    const { page, errors } = await c.open('/lesson/5');
    const readout = page.locator('.training-readout');
    await expect.poll(() => readout.innerText(), { timeout: 60_000 }).toContain('published: before training');
    // What loading the page brings (the cell's run, then the editor's code) is over before the
    // measured interactions: they measure training and drawing only.
    await cellDone(page, 0, 120_000);
    await page.locator('.code-cell .cm-editor').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    const tasks = await mainThreadTasks(c.browser, page, async () => {
      await page.locator('button.plus500').click();
      await expect.poll(() => readout.innerText(), { timeout: 120_000 }).toContain('published: iteration 499');
      await page.locator('button.play').click();
      await page.waitForTimeout(1500);
      await page.locator('button.play').click();
    });
    console.log(`lesson 5, +500 epochs and Play: longest main-thread tasks, CPU ms ${tasks.cpu.slice(0, 5).join(', ')}; wall ms ${tasks.wall.slice(0, 5).join(', ')}`);
    // Training and drawing run in the worker; the page only patches the figure's changed elements
    // (decision regions, curves, titles: never the 2000 data points). CPU time, not wall time: the
    // tests share 2 cores, and a task's wall time also counts other processes' turns.
    expect(tasks.cpu[0] ?? 0).toBeLessThanOrEqual(50);
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
