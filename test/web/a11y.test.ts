// Accessibility and layout in chromium (D20, D23, D27): axe-core on every page (zero serious or
// critical violations; counts printed), keyboard-only use of the widgets, figures legible and
// handles big enough on a 390×844 phone, and screenshots of every page at desktop and phone size
// in test-results/screenshots/ (looked at by a person; the assertions check what a machine can).
// The API reference (scripts/docs/) is built into the served folder and checked the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { HAVE_CHROMIUM, SHOTS, cellDone, startCourse, type Course } from './harness.js';
import { buildApiInto } from '../docs/build-api.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ROUTES = ['/', ...[1, 2, 3, 4, 5, 6, 7].map((i) => `/lesson/${i}`), '/playground', '/lesson/9'];
/** The reference's index and a few entry-point pages (the root page holds the long "also exported" table). */
const API_PAGES = ['index.html', 'symbolic.html', 'numeric.html', 'nn.html', 'nabla.html'];
const name = (r: string): string => (r === '/' ? 'home' : r.slice(1).replace('/', '-'));

/** Wait until a route has drawn what it draws: its cell's output and live figure, or the Playground's results. */
async function settle(page: Page, route: string): Promise<void> {
  if (route.startsWith('/lesson/') && route !== '/lesson/9') {
    await cellDone(page, 0, 60_000);
    // The live section replaces its placeholder; lesson 04's shows cards, the others a figure.
    await page.waitForFunction(() => !document.querySelector('.live-pending') && !!document.querySelector('.live-figure svg, .jacobian-out .pg-card'), null, { timeout: 60_000 });
  } else if (route === '/playground') {
    await page.locator('.pg-card.plot svg').waitFor({ timeout: 60_000 });
  }
  await page.waitForTimeout(300);
}

describe.skipIf(!HAVE_CHROMIUM)('accessibility and layout in chromium', () => {
  let c: Course;
  beforeAll(async () => {
    c = await startCourse({ width: 1280, height: 800 });
    buildApiInto(join(c.outDir, 'api')).dispose(); // served with the course, as `npm start` does
    mkdirSync(SHOTS, { recursive: true });
  }, 300_000);
  afterAll(async () => c?.close());

  it('axe-core finds no serious or critical violation on any page; desktop screenshots', { timeout: 400_000 }, async () => {
    const counts: string[] = [];
    const serious: string[] = [];
    for (const route of ROUTES) {
      const { page, errors } = await c.open(route);
      await settle(page, route);
      const ex = page.locator('.exercise').first();
      if (await ex.count()) {
        // As the review did: a hint open and a wrong answer shown.
        await ex.locator('button.hint').click();
        if (await ex.locator('input.answer').count()) {
          await ex.locator('input.answer').fill('0.123');
          await ex.locator('button.check').click();
        } else await ex.locator('button.choice').first().click();
        await page.waitForTimeout(500);
      }
      await page.screenshot({ path: join(SHOTS, `desktop-${name(route)}.png`), fullPage: true });
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const r = await (window as unknown as { axe: { run(o: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run({ resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, where: v.nodes.slice(0, 2).map((n) => n.target.join(' ')) }));
      });
      const by = (i: string): number => violations.filter((v) => v.impact === i).reduce((n, v) => n + v.nodes, 0);
      counts.push(`${route}: critical ${by('critical')}, serious ${by('serious')}, moderate ${by('moderate')}, minor ${by('minor')}`);
      for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) serious.push(`${route} ${v.id} (${v.impact}) ${v.where.join(' | ')}`);
      expect(errors, route).toEqual([]);
      await page.close();
    }
    console.log(`axe-core 4.14.1 violations (nodes):\n  ${counts.join('\n  ')}`);
    expect(serious).toEqual([]);
  });

  it('on a 390×844 phone: no sideways scroll, tick labels ≥ 10 px, drag handles ≥ 24 px; phone screenshots (D20)', { timeout: 400_000 }, async () => {
    const ctx = await c.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    for (const route of ROUTES) {
      const { page, errors } = await c.open(route, ctx);
      await settle(page, route);
      await page.screenshot({ path: join(SHOTS, `phone-${name(route)}.png`), fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${route} scrolls sideways`).toBeLessThanOrEqual(390);
      // Text in the live figures: the smallest rendered glyph height.
      const smallest = await page.evaluate(() => {
        const hs = [...document.querySelectorAll('.live-figure svg text, .pg-card svg text')]
          .filter((t) => (t.textContent ?? '').trim() && (t as SVGGraphicsElement).getBoundingClientRect().width > 0)
          .map((t) => Number.parseFloat(getComputedStyle(t).fontSize) * ((t as SVGGraphicsElement).getScreenCTM()?.a ?? 1));
        return hs.length ? Math.min(...hs) : null;
      });
      if (smallest !== null) expect(smallest, `${route}: smallest figure text (px)`).toBeGreaterThanOrEqual(10);
      const handles = await page.locator('svg .handle').evaluateAll((hs) => hs.map((h) => Math.min(h.getBoundingClientRect().width, h.getBoundingClientRect().height)));
      for (const size of handles) expect(size, `${route}: drag handle (px)`).toBeGreaterThanOrEqual(24);
      expect(errors, route).toEqual([]);
      await page.close();
    }
    await ctx.close();
  });

  it('the API reference: reached from the course header; axe-core finds nothing serious; no sideways scroll on a phone', { timeout: 300_000 }, async () => {
    const { page, errors } = await c.open('/');
    await page.locator('header.top nav a', { hasText: 'API' }).click();
    await page.waitForURL(/\/api\/index\.html$/);
    expect(await page.title()).toBe('nabla API reference');
    await page.locator('#filter').fill('integrate');
    expect(await page.locator('#all-exports tbody tr:not([hidden])').count()).toBeGreaterThan(0);
    expect(await page.locator('#all-exports tbody tr[hidden]').count()).toBeGreaterThan(100);
    const counts: string[] = [];
    const serious: string[] = [];
    const phone = await c.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    for (const p of API_PAGES) {
      await page.goto(new URL(`api/${p}`, c.base).href);
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const r = await (window as unknown as { axe: { run(o: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run({ resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, where: v.nodes.slice(0, 2).map((n) => n.target.join(' ')) }));
      });
      const by = (i: string): number => violations.filter((v) => v.impact === i).reduce((n, v) => n + v.nodes, 0);
      counts.push(`api/${p}: critical ${by('critical')}, serious ${by('serious')}, moderate ${by('moderate')}, minor ${by('minor')}`);
      for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) serious.push(`api/${p} ${v.id} (${v.impact}) ${v.where.join(' | ')}`);
      const small = await phone.newPage();
      await small.goto(new URL(`api/${p}`, c.base).href);
      await small.screenshot({ path: join(SHOTS, `phone-api-${p.replace('.html', '')}.png`) });
      expect(await small.evaluate(() => document.documentElement.scrollWidth), `api/${p} scrolls sideways`).toBeLessThanOrEqual(390);
      await small.close();
    }
    await phone.close();
    console.log(`axe-core 4.14.1 violations on the API pages (nodes):\n  ${counts.join('\n  ')}`);
    expect(serious).toEqual([]);
    expect(errors, 'console errors').toEqual([]);
    await page.close();
  });

  it('works from the keyboard alone: choices, SVM points, Escape stops a run; the not-found page has its title (D23, D27)', { timeout: 120_000 }, async () => {
    const { page, errors } = await c.open('/lesson/5');
    await settle(page, '/lesson/5');
    const choice = page.locator('.exercise button.choice[data-choice="W[l].T"]');
    await choice.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.exercise').first().getAttribute('data-verdict'), { timeout: 60_000 }).toBe('correct');

    await page.goto(`${c.base}#/lesson/7`);
    await settle(page, '/lesson/7');
    const before = await page.locator('.svm-readout').innerText();
    await page.locator('svg .handle[data-i="0"]').focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator('.svm-readout').innerText(), { timeout: 60_000 }).not.toBe(before);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-i'))).toBe('0');

    await page.goto(`${c.base}#/lesson/1`);
    await cellDone(page, 0, 60_000);
    await page.locator('.code-cell .cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('while (true) {}');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('.code-cell').getAttribute('data-state'), { timeout: 60_000 }).toBe('running');
    // Escape stops the run; a completion popup open in the editor takes the first Escape.
    for (let i = 0; i < 3 && (await page.locator('.code-cell').getAttribute('data-state')) === 'running'; i++) {
      await page.keyboard.press('Escape');
      await page.waitForTimeout(300);
    }
    await expect.poll(() => page.locator('.code-cell').getAttribute('data-state'), { timeout: 60_000 }).toBe('stopped');

    await page.goto(`${c.base}#/lesson/9`);
    await page.locator('h1').waitFor();
    expect(await page.title()).toBe('Not found — nabla');
    expect(errors).toEqual([]);
    await page.close();
  });
});
