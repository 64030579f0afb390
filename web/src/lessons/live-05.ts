/**
 * Lesson 05's live figure (loaded after the page's first output): the published and the corrected
 * network trained side by side, with TensorFlow-Playground-style controls for the corrected one
 * (learning rate, hidden activation, layer sizes) and the speed. Training and drawing run in a
 * worker (mlp-worker.ts); the page only patches the elements of the figure that changed
 * (svg-patch.ts), so it never stutters.
 */
import { h } from '../dom.js';
import { onLeave } from '../lifecycle.js';
import { figureBox, para, section } from '../kit.js';
import { fitPanels } from '../panels.js';
import { svgPatcher } from '../svg-patch.js';
import { CORRECTED, type TrainerOptions } from './mlp.js';
import type { ActivationName } from '../../../src/nn/index.js';
import type { MlpFromWorker, MlpLayout, MlpToWorker } from './mlp-worker.js';

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
  let last: MlpFromWorker | null = null;
  let playing = false;
  const patcher = svgPatcher(box.body);
  const layout = (): MlpLayout => fitPanels(box.body, { width: 960, height: 320, panels: 3 });

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
    send({ type: 'reset', corrected: o, layout: layout() });
  }

  worker.onmessage = (ev: MessageEvent<MlpFromWorker>) => {
    last = ev.data;
    render();
    // Play asks for the next batch only when a snapshot is drawn: the page sets the pace.
    if (playing && last.pending === 0) send({ type: 'train', epochs: last.epoch < 150 ? 1 : Number(speed.value), layout: layout() });
  };

  function render(): void {
    if (!last) return;
    const s = last;
    const at = (e: number): string => (e ? `iteration ${e - 1}` : 'before training');
    readout.textContent =
      `published: ${at(s.epoch)} - loss value ${Number(s.pub.loss.toFixed(8))} accuracy ${s.pub.accuracy}\n` +
      `corrected: ${at(s.epoch)} - mean loss ${Number(s.fix.loss.toFixed(8))} accuracy ${s.fix.accuracy}`;
    if (s.svg) patcher.set(s.svg);
  }
  function setPlaying(on: boolean): void {
    if (on === playing) return;
    playing = on;
    play.textContent = on ? '❚❚ Pause' : '▶ Play';
    if (on) send({ type: 'train', epochs: last && last.epoch >= 150 ? Number(speed.value) : 1, layout: layout() });
    else send({ type: 'pause' });
  }
  play.addEventListener('click', () => setPlaying(!playing));
  stepBtn.addEventListener('click', () => send({ type: 'train', epochs: 1, layout: layout() }));
  to150.addEventListener('click', () => {
    if (last && last.epoch < 150) send({ type: 'train', epochs: 150 - last.epoch - last.pending, layout: layout() });
  });
  more.addEventListener('click', () => send({ type: 'train', epochs: 500, layout: layout() }));
  reset.addEventListener('click', restart);
  for (const el of [lr, act, speed]) el.addEventListener('change', () => el !== speed && restart());
  sizes.addEventListener('change', restart);
  // Play stops when the learner leaves the page (the worker ends with it).
  onLeave(() => (playing = false));
  // The first figure once the section is in the page (its width decides the layout).
  requestAnimationFrame(() => restart());
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
