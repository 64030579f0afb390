import { describe, expect, it } from 'vitest';
import { createProgress, progressAllowed, progressLine } from '../../src/cli/progress.js';

/** A fake terminal: records every write. */
function fakeStream(isTTY: boolean, columns?: number) {
  const writes: string[] = [];
  return { isTTY, columns, writes, write: (s: string) => { writes.push(s); return true; } };
}

/** A clock the test moves by hand. */
function fakeClock() {
  const clock = { t: 0, now: () => clock.t };
  return clock;
}

describe('progress bar', () => {
  it('renders label, filled and empty cells and the counts', () => {
    expect(progressLine('training', 75, 150, 10)).toBe('training ▕█████░░░░░▏ 75/150');
    expect(progressLine('x', 0, 4, 4)).toBe('x ▕░░░░▏ 0/4');
    expect(progressLine('x', 4, 4, 4)).toBe('x ▕████▏ 4/4');
    expect(progressLine('x', 9, 0, 2)).toBe('x ▕░░▏ 9/0');
  });

  it('draws on a TTY with \\r updates and clears its line when done', () => {
    const s = fakeStream(true);
    const clock = fakeClock();
    const bar = createProgress({ label: 'training', stream: s, env: {}, width: 10, now: clock.now });
    expect(bar.active).toBe(true);
    bar.update(75, 150);
    expect(s.writes).toEqual(['\rtraining ▕█████░░░░░▏ 75/150\x1b[K']);
    clock.t = 100;
    bar.update(150, 150);
    expect(s.writes[1]).toBe('\rtraining ▕██████████▏ 150/150\x1b[K');
    bar.done();
    expect(s.writes.at(-1)).toBe('\r\x1b[K');
    expect(s.writes).toHaveLength(3);
    bar.done(); // nothing left to clear
    expect(s.writes).toHaveLength(3);
  });

  it('redraws at most once per 50 ms (≤ 20 per second)', () => {
    const s = fakeStream(true);
    const clock = fakeClock();
    const bar = createProgress({ stream: s, env: {}, now: clock.now });
    // 1000 updates over one simulated second, one per millisecond.
    for (let i = 1; i <= 1000; i++) {
      bar.update(i, 1000);
      clock.t += 1;
    }
    expect(s.writes.length).toBeGreaterThan(1);
    expect(s.writes.length).toBeLessThanOrEqual(20);
    bar.done();
    expect(s.writes.at(-1)).toBe('\r\x1b[K');
  });

  it('prints lines above the bar: clear, write, redraw', () => {
    const s = fakeStream(true);
    const bar = createProgress({ label: 'l', stream: s, env: {}, width: 2, now: () => 0 });
    bar.update(1, 2);
    bar.around(() => s.write('epoch 1\n'));
    expect(s.writes).toEqual(['\rl ▕█░▏ 1/2\x1b[K', '\r\x1b[K', 'epoch 1\n', '\rl ▕█░▏ 1/2\x1b[K']);
  });

  it('narrows the bar to the terminal width', () => {
    const s = fakeStream(true, 24);
    const bar = createProgress({ label: 'training', stream: s, env: {}, now: () => 0 });
    bar.update(1, 10);
    const text = s.writes[0]!.replace('\r', '').replace('\x1b[K', '');
    expect([...text].length).toBeLessThan(24);
    expect(text).toMatch(/^training ▕.*▏ 1\/10$/);
  });

  it('writes nothing when the stream is not a TTY', () => {
    const s = fakeStream(false);
    const bar = createProgress({ stream: s, env: {} });
    expect(bar.active).toBe(false);
    bar.update(1, 2);
    let ran = false;
    bar.around(() => { ran = true; });
    bar.done();
    expect(ran).toBe(true);
    expect(s.writes).toEqual([]);
  });

  it('writes nothing when NO_COLOR, CI or TERM=dumb forbid it, or the caller disables it', () => {
    for (const env of [{ NO_COLOR: '1' }, { CI: 'true' }, { TERM: 'dumb' }]) {
      const s = fakeStream(true);
      const bar = createProgress({ stream: s, env });
      bar.update(1, 2);
      bar.done();
      expect(s.writes).toEqual([]);
    }
    const s = fakeStream(true);
    createProgress({ stream: s, env: {}, enabled: false }).update(1, 2);
    expect(s.writes).toEqual([]);
    // Empty NO_COLOR and CI=false do not count (no-color.org; CI tools set CI=true).
    expect(progressAllowed(fakeStream(true), { NO_COLOR: '', CI: 'false' })).toBe(true);
    expect(progressAllowed(fakeStream(true), {})).toBe(true);
  });
});
