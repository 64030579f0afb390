/** Lesson 06: optimization — extrema where f'(x) = 0. */
import { cell, exercisesSection, liveLater, para, referenceOutput, section } from '../kit.js';
import { SOURCES } from './sources.js';
import first from 'virtual:nabla-first-output/6';

export function render(root: HTMLElement): void {
  root.append(
    section(
      'The idea',
      para(`<p>At a smooth maximum or minimum the tangent is flat, so <strong>extrema are where $f'(x) = 0$</strong> (the critical points). The second derivative tells which: $f''(x) > 0$ curves up (a minimum), $f''(x) < 0$ curves down (a maximum), and $f''(x) = 0$ needs a closer look. For
$$f(x) = x^3 - 2x^2 + 1,\\qquad f'(x) = 3x^2 - 4x = x(3x-4),$$
so $x = 0$ (where $f'' = -4$: a local maximum) and $x = \\frac43$ ($f'' = 4$: a local minimum). Not every function has one: $\\frac{d}{dx}\\log x = \\frac1x$ is never zero, so $\\log$ just keeps increasing.</p>`),
    ),
    section(
      'The code',
      para("<p>The original lesson is prose only; this cell checks its claims with nabla: <code>diff</code> for $f'$, <code>solve</code> for $f'(x) = 0$ (exactly: $\\frac43$, not $1.333…$), and <code>criticalPoints</code> for the kind by the second-derivative test.</p>"),
      cell(6, SOURCES[6]!, { title: 'lesson 06 — critical points' , first }).root,
      referenceOutput(6),
    ),
    liveLater(() => import('./live-06.js')),
    exercisesSection(6),
  );
}
