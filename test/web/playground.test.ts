// The Playground in chromium: the CAS runs in a worker with Stop, so nothing freezes the page
// (D6); big polynomial integrals work (D7); plots are clipped at poles and free parameters get
// sliders (D18); unfinished input keeps the last results (D28); periodic critical points are all
// listed and corners labelled (D14, D15); one worker per page (D8).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { HAVE_CHROMIUM, SHOTS, mainThreadTasks, startCourse, type Course } from './harness.js';

const T = { timeout: 20_000 };

describe.skipIf(!HAVE_CHROMIUM)('playground in chromium', () => {
  let c: Course;
  beforeAll(async () => {
    c = await startCourse();
  }, 300_000);
  afterAll(async () => c?.close());

  const status = (page: Page) => page.locator('.pg-status').innerText();
  const answered = async (page: Page) => Number((await page.locator('.pg-results').getAttribute('data-answered')) ?? 0);
  /**
   * Fill one of the other fields (variables, shapes, plot range) and wait for the answer it asks
   * for, so the next answer counted is the next input's.
   */
  async function setField(page: Page, selector: string, value: string): Promise<void> {
    const before = await answered(page);
    await page.locator(selector).fill(value);
    await expect.poll(() => answered(page), T).toBeGreaterThan(before);
  }
  /** Type into the input and wait for that input's answer. */
  async function enter(page: Page, text: string, timeout = 20_000): Promise<void> {
    await expect.poll(() => answered(page), T).toBeGreaterThan(0);
    const before = await answered(page);
    await page.locator('input.playground-input').fill(text);
    await expect.poll(() => answered(page), { timeout }).toBeGreaterThan(before);
    expect(await status(page)).toMatch(/^(done|cannot read that yet)$/);
  }

  it('differentiates, integrates, plots, finds critical points, gradients and Jacobians', async () => {
    const { page, errors } = await c.open('/playground');
    await enter(page, 'x^3 - 2x^2 + 1');
    expect(await page.locator('code.derivative-text').textContent()).toBe('3*x^2 - 4*x');
    expect(await page.locator('.pg-card.critical').innerText()).toContain('x = 4/3: local minimum');
    expect(await page.locator('.pg-card.integral').innerText()).toContain('+ C');
    expect(await page.locator('.pg-card.hessian code').textContent()).toBe('[[6*x - 4]]');
    expect(await page.locator('.pg-card.plot svg').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'playground.png'), fullPage: true });
    await enter(page, 'sin(x)*x');
    expect(await page.locator('code.derivative-text').textContent()).toMatch(/^(x\*cos\(x\) \+ sin\(x\)|sin\(x\) \+ x\*cos\(x\))$/);
    expect(await page.locator('.pg-card.steps li').count()).toBeGreaterThan(1);
    await enter(page, 'x^2 + y^3');
    expect(await page.locator('.pg-card.gradient code').textContent()).toContain('3*y^2');
    await enter(page, '2*x*y, x^2*y');
    expect(await page.locator('.pg-card.jacobian code').textContent()).toContain('2*x*y');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('matrix mode: with shapes filled in, each derivative is in closed form and checked numerically (issue 16)', async () => {
    const { page, errors } = await c.open('/playground');
    await expect.poll(() => answered(page), T).toBeGreaterThan(0);
    const set = (selector: string, text: string): Promise<void> => setField(page, selector, text);
    const shapes = 'input.shapes-input';
    const vars = 'input.expr[aria-label^="variables"]';
    await set(shapes, 'X:n,m w:m y:n');
    await enter(page, 'norm(X*w - y)^2');
    // ∂/∂X, ∂/∂w, ∂/∂y in declaration order: the textbook forms 2(Xw − y)wᵀ, 2Xᵀ(Xw − y), 2(y − Xw).
    expect(await page.locator('code.matrix-derivative-text').allTextContents()).toEqual(["2*(X*w - y)*w'", "2*X'*(X*w - y)", '2*(y - X*w)']);
    const checks = await page.locator('.pg-card.matrix-derivative .note').allTextContents();
    expect(checks).toHaveLength(3);
    for (const t of checks) expect(t).toMatch(/^Checked at .*— ok$/);
    // The variables field picks which derivatives to show; a shape error is shown, not thrown.
    await set(vars, 'w');
    expect(await page.locator('code.matrix-derivative-text').allTextContents()).toEqual(["2*X'*(X*w - y)"]);
    await enter(page, 'log(det(X))');
    expect(await status(page)).toBe('cannot read that yet');
    expect(await page.locator('.pg-parse-error').innerText()).toMatch(/square|n.*m/i);
    // Clearing the shapes goes back to scalar calculus.
    await set(vars, '');
    await set(shapes, '');
    await enter(page, 'x^3 - 2x^2 + 1');
    expect(await page.locator('code.derivative-text').textContent()).toBe('3*x^2 - 4*x');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a 30-deep sin neither freezes the page nor outlives Stop; the worker is reused (D6, D8)', async () => {
    const { page, errors } = await c.open('/playground');
    await enter(page, 'x^2');
    const deep = `${'sin('.repeat(30)}x${')'.repeat(30)}`;
    // A heavier variant for Stop, so it is surely still computing when Stop is pressed.
    const heavy = `${'sin('.repeat(30)}(x+1)^50*(x-1)^50${')'.repeat(30)}`;
    const tasks = await mainThreadTasks(c.browser, page, async () => {
      await page.locator('input.playground-input').fill(heavy);
      await expect.poll(() => status(page), T).toBe('computing…');
      // The page answers at once while the worker computes.
      const t0 = Date.now();
      expect(await page.evaluate(() => 6 * 7)).toBe(42);
      expect(Date.now() - t0).toBeLessThan(1000);
      await page.locator('button.pg-stop').click();
      expect(await status(page)).toBe('stopped');
      await expect.poll(() => page.workers().length, T).toBeLessThanOrEqual(1);
      // The 30-deep sin to the end: a budget summarises what is too large to typeset.
      await enter(page, deep, 90_000);
    });
    console.log(`playground, 30-deep sin: longest main-thread tasks, CPU ms ${tasks.cpu.slice(0, 5).join(', ')}; wall ms ${tasks.wall.slice(0, 5).join(', ')}`);
    expect(tasks.cpu[0] ?? 0, 'longest main-thread task (CPU ms)').toBeLessThanOrEqual(50);
    expect(await page.locator('.pg-results').evaluate((el) => el.getElementsByTagName('*').length)).toBeLessThan(5000);
    await expect.poll(() => page.workers().length, T).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('integrates (x+1)^50*(x-1)^50 (D7), keeps results while the input is unfinished (D28)', async () => {
    const { page, errors } = await c.open('/playground');
    await enter(page, '(x+1)^50*(x-1)^50');
    const integral = await page.locator('.pg-card.integral').innerText();
    expect(integral).not.toContain('derivative check');
    expect(await page.locator('code.integral-text').textContent()).toMatch(/^x\^101\/101 - 50\*x\^99\/99/);
    await enter(page, 'sin(');
    expect(await page.locator('.pg-parse-error').innerText()).toMatch(/\^/);
    expect(await page.locator('.pg-results').getAttribute('class')).toContain('stale');
    expect(await page.locator('code.integral-text').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('clips plots at poles, gives free parameters sliders, lists every critical point on the range (D14, D15, D18)', async () => {
    const { page, errors } = await c.open('/playground');
    const yTicks = () =>
      page.locator('.pg-card.plot svg text').evaluateAll((ts) => ts.map((t) => Number((t.textContent ?? '').replace('\u2212', '-'))).filter(Number.isFinite));
    await enter(page, 'tan(x)');
    expect(Math.max(...(await yTicks()).map(Math.abs))).toBeLessThan(200);
    await enter(page, '1/x');
    expect(Math.max(...(await yTicks()).map(Math.abs))).toBeLessThan(200);
    await page.screenshot({ path: join(SHOTS, 'playground-pole.png') });
    await setField(page, 'input[aria-label^="variables"]', 'x');
    await enter(page, 'x^2*y ');
    expect(await page.locator('input[data-param="y"]').count()).toBe(1);
    expect(await page.locator('.pg-card.plot h2').innerText()).toContain('y = 1');
    await setField(page, 'input[aria-label^="variables"]', '');
    await setField(page, 'input[aria-label="plot from x ="]', '-10');
    await setField(page, 'input[aria-label="plot to x ="]', '10');
    await enter(page, 'sin(x) ');
    const crit = await page.locator('.pg-card.critical li').allInnerTexts();
    expect(crit).toHaveLength(6);
    expect(crit[0]).toContain('local minimum');
    await enter(page, 'abs(x)');
    expect(await page.locator('.pg-card.critical').innerText()).toContain('x = 0: local minimum');
    await enter(page, '(x+1)^10*(x-1)^10');
    expect(await page.locator('.pg-card.critical li').allInnerTexts()).toEqual(['x = -1: local minimum', 'x = 0: local maximum', 'x = 1: local minimum']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
