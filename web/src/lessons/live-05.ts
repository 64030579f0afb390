/**
 * Lesson 05's live figure (loaded after the page's first output): the published and the corrected
 * network trained side by side, with TensorFlow-Playground-style controls for the corrected one
 * (learning rate, hidden activation, layer sizes) and the speed. Training runs in a worker
 * (mlp-worker.ts); the page only draws its snapshots, so it never stutters.
 */
import { h } from '../dom.js';
import { onLeave } from '../lifecycle.js';
import { figureBox, para, section } from '../kit.js';
import { draw, fitPanels, loadLib, panel } from '../live.js';
import type { Nabla } from '../lib.js';
import { CORRECTED, type TrainerOptions } from './mlp.js';
import type { ActivationName } from '../../../src/nn/index.js';
import { GRID, RANGE, type MlpFromWorker, type MlpToWorker } from './mlp-worker.js';

export function live(): HTMLElement {
  const box = figureBox('Left: the published listing (dsigmoid = 2·s(1−s), summed loss, η = 0.005). Middle: the corrected network with the settings above. Right: the mean loss of both per epoch.');
  box.body.setAttribute('role', 'img');
  box.body.setAttribute('aria-label', 'decision regions of the published and the corrected network, and their loss curves');
  const play = h('button', { type: 'button', class: 'play' }, '▶ Play');
  const stepBtn = h('button', { type: 'button', class: 'step' }, 'Step');
  const to150 = h('button', { type: 'button', class: 'to150' }, 'Train to 150');
  const more = h('button', { type: 'button', class: 'plus500' }, '+500 epochs');
  const reset = h('button', { type: 'button', class: 'reset-training' }, 'Reset');
  const lr = h('select', { 'aria-label': 'learning rate of the corrected network', class: 'lr' }, ...['0.03', '0.1', '0.3', '0.8', '2', '5'].map((v) => h('option', { value: v, selected: v === String(CORRECTED.lr) }, v)));
  const act = h('select', { 'aria-label': 'hidden activation of the corrected network', class: 'activation' }, ...['relu', 'tanh', 'sigmoid'].map((v) => h('option', { value: v }, v)));
  const sizes = h('input', { type: 'text', class: 'expr hidden-sizes', value: '4, 3', size: 8, 'aria-label': 'hidden layer sizes of the corrected network, comma-separated' });
  const speed = h('select', { 'aria-label': 'epochs per step while playing', class: 'speed' }, ...['1', '5', '20', '50'].map((v) => h('option', { value: v, selected: v === '5' }, v)));
  const note = h('span', { class: 'status', role: 'status' });
  const readout = h('p', { class: 'readout training-readout', role: 'status' }, 'Loading…');
  let n: Nabla | null = null;
  let last: Extract<MlpFromWorker, { type: 'snapshot' }> | null = null;
  let playing = false;
  let points: { c0: { x: number[]; y: number[] }; c1: { x: number[]; y: number[] } } | null = null;

  const worker = new Worker(new URL('./mlp-worker.ts', import.meta.url), { type: 'module', name: 'nabla-mlp' });
  const send = (m: MlpToWorker): void => worker.postMessage(m);
  onLeave(() => worker.terminate());

  /** The corrected network's options from the controls, or null (with a note) when the sizes do not read. */
  function corrected(): TrainerOptions | null {
    const hidden = sizes.value.split(',').map((s) => Number(s.trim()));
    if (!hidden.length || hidden.some((k) => !Number.isInteger(k) || k < 1 || k > 16) || hidden.length > 4) {
      note.textContent = 'Hidden sizes: 1 to 4 layers of 1–16 units, such as 4, 3.';
      return null;
    }
    note.textContent = '';
    const a = act.value as ActivationName;
    return { network: { layerSizes: [2, ...hidden, 1], activations: [...hidden.map(() => a), 'sigmoid'], loss: 'bceMean' }, lr: Number(lr.value) };
  }
  function restart(): void {
    const o = corrected();
    if (!o) return;
    setPlaying(false);
    send({ type: 'reset', corrected: o });
  }

  worker.onmessage = (ev: MessageEvent<MlpFromWorker>) => {
    last = ev.data;
    render();
    // Play asks for the next batch only when a snapshot is drawn: the page sets the pace.
    if (playing && last.pending === 0) send({ type: 'train', epochs: last.epoch < 150 ? 1 : Number(speed.value) });
  };

  function render(): void {
    if (!n || !last || !points) return;
    const s = last;
    const at = (e: number): string => (e ? `iteration ${e - 1}` : 'before training');
    readout.textContent =
      `published: ${at(s.epoch)} - loss value ${Number(s.pub.loss.toFixed(8))} accuracy ${s.pub.accuracy}\n` +
      `corrected: ${at(s.epoch)} - mean loss ${Number(s.fix.loss.toFixed(8))} accuracy ${s.fix.accuracy}`;
    // The worker's grid, looked up at the same 50 × 50 points the boundary is drawn from.
    const lookup = (g: Float64Array) => (x: number, y: number): number => {
      const i = Math.round(((x + RANGE) / (2 * RANGE)) * (GRID - 1));
      const j = Math.round(((y + RANGE) / (2 * RANGE)) * (GRID - 1));
      return g[Math.max(0, Math.min(GRID - 1, i)) * GRID + Math.max(0, Math.min(GRID - 1, j))]!;
    };
    const { c0, c1 } = points;
    draw(box, n, (n) => {
      const L = fitPanels(box.body, { width: 960, height: 320, panels: 3 });
      const fig = n.figure({ ...L, id: 'live05' });
      for (const [k, net, title] of [[0, s.pub, 'published'], [1, s.fix, 'corrected']] as const) {
        fig.axes(...panel(L, k), { title: `${title}: accuracy ${net.accuracy.toFixed(3)}`, aspect: 'equal', legend: false }).add(
          n.decisionBoundary(lookup(net.grid), [-RANGE, RANGE], [-RANGE, RANGE], { resolution: GRID }),
          n.scatter({ ...c0, r: 1.5, fill: '#1c7ed6' }),
          n.scatter({ ...c1, r: 1.5, fill: '#e03131' }),
        );
      }
      const ep = (l: number[]): number[] => l.map((_, i) => i);
      fig.axes(...panel(L, 2), { title: 'mean loss per epoch', legend: 'top-right' }).add(
        n.line({ x: ep(s.pub.losses), y: s.pub.losses.map((v) => v / 1000), label: 'published', stroke: '#e8590c' }),
        n.line({ x: ep(s.fix.losses), y: s.fix.losses, label: 'corrected', stroke: '#2b8a3e' }),
      );
      return fig;
    });
  }
  function setPlaying(on: boolean): void {
    if (on === playing) return;
    playing = on;
    play.textContent = on ? '❚❚ Pause' : '▶ Play';
    if (on) send({ type: 'train', epochs: last && last.epoch >= 150 ? Number(speed.value) : 1 });
    else send({ type: 'pause' });
  }
  play.addEventListener('click', () => setPlaying(!playing));
  stepBtn.addEventListener('click', () => send({ type: 'train', epochs: 1 }));
  to150.addEventListener('click', () => {
    if (last && last.epoch < 150) send({ type: 'train', epochs: 150 - last.epoch - last.pending });
  });
  more.addEventListener('click', () => send({ type: 'train', epochs: 500 }));
  reset.addEventListener('click', restart);
  for (const el of [lr, act, speed]) el.addEventListener('change', () => el !== speed && restart());
  sizes.addEventListener('change', restart);
  // Play stops when the learner leaves the page (the worker ends with it).
  onLeave(() => (playing = false));
  void loadLib().then((lib) => {
    n = lib;
    const { X, y } = lib.makeCircles({ nSamples: 1000, factor: 0.5, noise: 0.1, seed: 0 });
    const cls = (c: number): { x: number[]; y: number[] } => ({ x: X.filter((_, i) => y[i] === c).map((r) => r[0]!), y: X.filter((_, i) => y[i] === c).map((r) => r[1]!) });
    points = { c0: cls(0), c1: cls(1) };
    restart();
  });
  const label = (text: string, el: HTMLElement): HTMLElement => h('label', { class: 'slider' }, h('span', {}, text), el);
  return section(
    'Try it',
    para(
      '<p>Train both networks from the same data and initial weights. <em>Published</em> is the listing (doubled $\\sigma\'$, summed loss, $\\eta = 0.005$): its steps are too big and after ~100 epochs it oscillates. <em>Corrected</em> uses the true $\\sigma\'$ and the mean loss; with the defaults ($\\eta = 0.8$, ReLU, layers 4 and 3, as the lesson module) it sits on a plateau for a while, then separates the circles (press <em>+500 epochs</em> a few times). Change its learning rate, activation or layer sizes to see what each does; training runs off the page\'s thread.</p>',
    ),
    h('div', { class: 'controls' }, play, stepBtn, to150, more, reset),
    h('div', { class: 'controls' }, label('η', lr), label('activation', act), label('hidden sizes', sizes), label('epochs per step', speed), note),
    readout,
    box.el,
  );
}
