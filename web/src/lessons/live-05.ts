/** Lesson 05's live figure (loaded after the page's first output). */
import { h } from '../dom.js';
import { onLeave } from '../lifecycle.js';
import { figureBox, para, section } from '../kit.js';
import { draw, fitPanels, loadLib, panel } from '../live.js';
import type { Nabla } from '../lib.js';
import { CORRECTED, PUBLISHED, createTrainer, type Trainer } from './mlp.js';

export function live(): HTMLElement {
  const box = figureBox('Left: the published listing (dsigmoid = 2·s(1−s), summed loss). Middle: corrected (s(1−s), mean loss, η = 0.8). Right: the mean loss of both per epoch.');
  const play = h('button', { type: 'button', class: 'play' }, '▶ Play');
  const stepBtn = h('button', { type: 'button', class: 'step' }, 'Step');
  const to150 = h('button', { type: 'button', class: 'to150' }, 'Train to 150');
  const more = h('button', { type: 'button', class: 'plus500' }, '+500 epochs');
  const reset = h('button', { type: 'button', class: 'reset-training' }, 'Reset');
  const readout = h('p', { class: 'readout training-readout', role: 'status' }, 'Loading…');
  let n: Nabla | null = null;
  let data: { X: number[][]; y: number[] } | null = null;
  let pub: Trainer | null = null;
  let fix: Trainer | null = null;
  let timer: number | null = null;

  function resetAll(): void {
    if (!data) return;
    pub = createTrainer(data.X, data.y, PUBLISHED);
    fix = createTrainer(data.X, data.y, CORRECTED);
    render();
  }
  function step(k = 1): void {
    if (!pub || !fix) return;
    for (let i = 0; i < k; i++) {
      pub.step();
      fix.step();
    }
    render();
  }
  function render(): void {
    if (!n || !pub || !fix || !data) return;
    const line = (t: Trainer, name: string, what: string): string =>
      `${name}: ${t.epoch ? `iteration ${t.epoch - 1}` : 'before training'} - ${what} ${Number(t.loss.toFixed(8))} accuracy ${t.accuracy}`;
    readout.textContent = `${line(pub, 'published', 'loss value')}\n${line(fix, 'corrected', 'mean loss')}`;
    const { X, y } = data;
    const xs = X.map((r) => r[0]!);
    const ys = X.map((r) => r[1]!);
    const cls = (c: number): { x: number[]; y: number[] } => ({ x: xs.filter((_, i) => y[i] === c), y: ys.filter((_, i) => y[i] === c) });
    const c0 = cls(0);
    const c1 = cls(1);
    draw(box, n, (n) => {
      const L = fitPanels(box.body, { width: 960, height: 320, panels: 3 });
      const fig = n.figure({ ...L, id: 'live05' });
      for (const [col, t, title] of [[0, pub!, 'published'], [1, fix!, 'corrected']] as const) {
        fig.axes(...panel(L, col), { title: `${title}: accuracy ${t.accuracy.toFixed(3)}`, aspect: 'equal', legend: false }).add(
          n.decisionBoundary((a: number, b: number) => t.predict(a, b), [-1.5, 1.5], [-1.5, 1.5], { resolution: 50 }),
          n.scatter({ ...c0, r: 1.5, fill: '#1c7ed6' }),
          n.scatter({ ...c1, r: 1.5, fill: '#e03131' }),
        );
      }
      const ep = (t: Trainer): number[] => t.history.map((_, i) => i);
      fig.axes(...panel(L, 2), { title: 'mean loss per epoch', legend: 'top-right' }).add(
        n.line({ x: ep(pub!), y: pub!.history.map((h) => h.loss / 1000), label: 'published', stroke: '#e8590c' }),
        n.line({ x: ep(fix!), y: fix!.history.map((h) => h.loss), label: 'corrected', stroke: '#2b8a3e' }),
      );
      return fig;
    });
  }
  function setPlaying(on: boolean): void {
    if (on && timer === null) {
      // One epoch per tick through the published 150, then ten at a time.
      timer = window.setInterval(() => step(pub && pub.epoch < 150 ? 1 : 10), 80);
      play.textContent = '❚❚ Pause';
    } else if (!on && timer !== null) {
      clearInterval(timer);
      timer = null;
      play.textContent = '▶ Play';
    }
  }
  play.addEventListener('click', () => setPlaying(timer === null));
  stepBtn.addEventListener('click', () => step(1));
  to150.addEventListener('click', () => {
    if (pub && pub.epoch < 150) step(150 - pub.epoch);
  });
  more.addEventListener('click', () => step(500));
  reset.addEventListener('click', () => {
    setPlaying(false);
    resetAll();
  });
  void loadLib().then((lib) => {
    n = lib;
    data = lib.makeCircles({ nSamples: 1000, factor: 0.5, noise: 0.1, seed: 0 });
    resetAll();
  });
  // Play stops when the learner leaves the page.
  onLeave(() => setPlaying(false));
  return section(
    'Try it',
    para('<p>Train both networks from the same data and initial weights. <em>Published</em> is the listing (doubled $\\sigma\'$, summed loss, $\\eta = 0.005$): its steps are too big and after ~100 epochs it oscillates. <em>Corrected</em> uses the true $\\sigma\'$ and the mean loss with $\\eta = 0.8$, as the lesson module does: it sits on a plateau for a while, then separates the circles (press <em>+500 epochs</em> a few times).</p>'),
    h('div', { class: 'controls' }, play, stepBtn, to150, more, reset),
    readout,
    box.el,
  );
}
