/** Lesson 01: differential calculus. */
import { cell, exercisesSection, liveLater, para, referenceOutput, section } from '../kit.js';
import { SOURCES } from './sources.js';
import first from 'virtual:nabla-first-output/1';

export function render(root: HTMLElement): void {
  root.append(
    section(
      'The idea',
      para(`<p>How fast does $f$ change at $x$? Move a little, by $\\delta$, and divide the change by the step:
$$\\frac{f(x+\\delta) - f(x)}{\\delta}.$$
This <em>rate of change</em> depends on $\\delta$. The <strong>derivative</strong> is what it tends to as $\\delta$ shrinks:
$$f'(x) = \\lim_{\\delta\\to 0} \\frac{f(x+\\delta)-f(x)}{\\delta}.$$
For $f(x)=x^2$ the rate is $\\frac{(x+\\delta)^2 - x^2}{\\delta} = 2x + \\delta$, so $f'(x) = 2x$. In general the <strong>power rule</strong> says $\\frac{d}{dx}x^n = n\\,x^{n-1}$.</p>`),
    ),
    section(
      'The code',
      para('<p>The listing samples $f(x)=x^2$ at 500 points of $[-10, 10]$ and computes $f\'$ two ways: by the rate of change with $\\delta = 10^{-4}$ (red) and by the rule $2x$ (blue). Edit it and press <kbd>Run</kbd> (or <kbd>Ctrl</kbd>+<kbd>Enter</kbd>).</p>'),
      cell(1, SOURCES[1]!, { title: 'lesson 01 — rate of change vs. power rule' , first }).root,
      referenceOutput(1),
      para('<p>The two curves coincide: the largest gap on the grid is $10^{-4}$, exactly $\\delta$, as the algebra above predicts.</p>'),
    ),
    liveLater(() => import('./live-01.js')),
    exercisesSection(1),
  );
}
