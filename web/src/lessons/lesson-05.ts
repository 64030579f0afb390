/** Lesson 05: backpropagation. */
import { cell, exercisesSection, liveLater, para, quirk, referenceOutput, section } from '../kit.js';
import { SOURCES } from './sources.js';
import first from 'virtual:nabla-first-output/5';

export function render(root: HTMLElement): void {
  root.append(
    section(
      'The idea',
      para(`<p>A network is a chain of functions: $z^{[l]} = a^{[l-1]}W^{[l]} + b^{[l]}$, $a^{[l]} = g(z^{[l]})$. The chain rule says the gradient of the loss flows backwards through each link by multiplying with that link's Jacobian:
$$\\frac{\\partial L}{\\partial z^{[l]}} = \\frac{\\partial L}{\\partial a^{[l]}} \\odot g'(z^{[l]}),$$ $$\\frac{\\partial L}{\\partial W^{[l]}} = (a^{[l-1]})^\\top \\frac{\\partial L}{\\partial z^{[l]}},$$ $$\\frac{\\partial L}{\\partial a^{[l-1]}} = \\frac{\\partial L}{\\partial z^{[l]}} (W^{[l]})^\\top.$$
That is <em>backpropagation</em>: one backward sweep gives every weight's gradient, and gradient descent steps $W \\leftarrow W - \\eta\\,\\partial L/\\partial W$.</p>`),
    ),
    section(
      'The code',
      para('<p>The listing trains an MLP with layers $[2, 4, 3, 1]$ (ReLU, ReLU, sigmoid) on 1000 points of <code>make_circles</code> (factor 0.5, noise 0.1), weights drawn with seed 42, binary cross-entropy, 150 full-batch epochs at $\\eta = 0.005$. nabla\'s <code>makeCircles</code> and <code>RandomState</code> reproduce NumPy\'s generator, so the trace below matches the published one digit for digit: loss $693.62972747$ before training, accuracy $0.818$ at iteration 145 and $0.614$ at iteration 149.</p>'),
      cell(5, SOURCES[5]!, { title: 'lesson 05 — an MLP trained by hand-written backprop' , first }).root,
      referenceOutput(5),
      quirk(`<p><strong>About the original listing.</strong> Its <code>dsigmoid</code> returns $2\\,s(1-s)$; the sigmoid's true derivative is $s(1-s)$. Every gradient reaching the weights is therefore doubled, which with a loss <em>summed</em> over 1000 samples (it divides by <code>y.shape[1] = 1</code>) makes the step too large: the last ~30 epochs oscillate (accuracy 0.818 at 145, 0.614 at 149). Also, <code>dW</code> sums over samples while <code>db</code> averages. nabla reproduces the published trace faithfully in the cell above; set <code>FIXED = true</code> there, or compare the two side by side below.</p>`),
    ),
    liveLater(() => import('./live-05.js')),
    exercisesSection(5),
  );
}
