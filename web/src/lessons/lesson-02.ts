/** Lesson 02: integration as a running sum. */
import { cell, exercisesSection, liveLater, para, referenceOutput, section } from '../kit.js';
import { SOURCES } from './sources.js';
import first from 'virtual:nabla-first-output/2';

export function render(root: HTMLElement): void {
  root.append(
    section(
      'The idea',
      para(`<p>Integration runs differentiation backwards. Cut $[a, x]$ into steps of width $\\delta x$ and add up thin rectangles:
$$F(x) \\approx \\sum_{x_i \\le x} f(x_i)\\,\\delta x \\;\\xrightarrow{\\;\\delta x\\to 0\\;}\\; \\int_a^x f(t)\\,dt.$$
The running sum grows fastest where $f$ is large, so its slope is $f$: $F'(x) = f(x)$. Any two antiderivatives differ by a constant, so we write $\\int 2x\\,dx = x^2 + C$.</p>`),
    ),
    section(
      'The code',
      para('<p>$f(x) = 2x$ on <code>arange(-10, 10, 0.1)</code> (200 points); <code>cumsum</code> adds up $f(x)\\,\\delta x$. The curve is the parabola $x^2$ shifted down by about $100$, because the sum starts at $x=-10$ instead of $0$.</p>'),
      cell(2, SOURCES[2]!, { title: 'lesson 02 — integral as a running sum' , first }).root,
      referenceOutput(2),
    ),
    liveLater(() => import('./live-02.js')),
    exercisesSection(2),
  );
}
