/** Lesson 03: the gradient of a function of two variables. */
import { cell, exercisesSection, liveLater, para, quirk, referenceOutput, section } from '../kit.js';
import { SOURCES } from './sources.js';
import first from 'virtual:nabla-first-output/3';

export function render(root: HTMLElement): void {
  root.append(
    section(
      'The idea',
      para(`<p>For a function of two variables, a <strong>partial derivative</strong> is the ordinary derivative in one variable with the other held fixed. For $f(x,y) = x^2 + y^3$:
$$\\frac{\\partial f}{\\partial x} = 2x, \\qquad \\frac{\\partial f}{\\partial y} = 3y^2, \\qquad \\nabla f = \\left(2x,\\; 3y^2\\right).$$
Moving a small step $h$ in the unit direction $u$ changes $f$ by about $h\\,\\nabla f\\cdot u$. That is largest when $u$ points along $\\nabla f$: the <strong>gradient is the direction of steepest ascent</strong>, and its length $|\\nabla f|$ is the rate of increase there.</p>`),
    ),
    section(
      'The code',
      para('<p>Three parts: the surface $z = x^2 + y^3$, the field of gradient directions, and a brute-force search at $(2, 3)$ over every direction $\\theta$ in $0.1°$ steps (with $dx = \\sin\\theta$, $dy = \\cos\\theta$, so $\\theta$ is measured from the $y$ axis). The exact gradient there is $(4, 27)$, at $\\arctan(4/27) \\approx 8.43°$.</p>'),
      cell(3, SOURCES[3]!, { title: 'lesson 03 — surface, gradient field, steepest ascent' , first }).root,
      referenceOutput(3),
      quirk(`<p><strong>About the original listing.</strong> Its arrow plot uses $(2x, 2y)$ — the gradient of $x^2 + y^2$, not of $x^2 + y^3$. nabla's cell draws the true field $(2x, 3y^2)$; switch the field below to compare. Also, Python prints the gradient as <code>(3.987419245872443,27.002750276227097)</code>: the last few digits here depend on the platform's <code>sin</code>, the angle $8.4°$ does not.</p>`),
    ),
    liveLater(() => import('./live-03.js')),
    exercisesSection(3),
  );
}
