// The canonical form must not depend on which modules are loaded (review Appendix A.1): the same
// ~170 expressions built in fresh worker threads, once with the printers imported first and once
// without, come out identical.
import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';

const NAMES = 'a b c d e f g h m n p q r s u v w x y'.split(' ');

function build(printersFirst: boolean): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./load-order-worker.mjs', import.meta.url), { workerData: { printersFirst, names: NAMES } });
    w.once('message', (m: string[]) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

describe('canonical form and load order', () => {
  it('the same expressions built with and without the printers loaded are identical', async () => {
    const [withPrinters, without] = await Promise.all([build(true), build(false)]);
    const pairs = (NAMES.length * (NAMES.length - 1)) / 2;
    expect(without.length).toBe(3 * pairs + 1);
    expect(without.slice(0, -1)).toEqual(withPrinters);
    // Built again after the printer was imported: still the same canonical form as before it.
    // (a, e) is the 4th pair of names (a–b, a–c, a–d, a–e), three expressions per pair.
    expect(without.at(-1)).toBe(without[3 * 3]);
  }, 60_000);
});
