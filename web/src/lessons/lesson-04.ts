/** Lesson 04: the Jacobian. */
import { cell, exercisesSection, liveLater, para, referenceOutput, section } from '../kit.js';
import { SOURCES } from './sources.js';
import first from 'virtual:nabla-first-output/4';

export function render(root: HTMLElement): void {
  root.append(
    section(
      'The idea',
      para(`<p>A vector-valued function $f:\\mathbb{R}^n\\to\\mathbb{R}^m$ has one gradient per component. Stack them as rows and you get the <strong>Jacobian</strong>:
$$J_f = \\begin{bmatrix} \\frac{\\partial f_1}{\\partial x_1} & \\cdots & \\frac{\\partial f_1}{\\partial x_n} \\\\ \\vdots & & \\vdots \\\\ \\frac{\\partial f_m}{\\partial x_1} & \\cdots & \\frac{\\partial f_m}{\\partial x_n} \\end{bmatrix}, \\qquad f(x + h) \\approx f(x) + J_f\\,h.$$
It is the best linear approximation of $f$ near a point. For $f(x,y) = (2xy,\\; x^2y)$:
$$J_f = \\begin{bmatrix} 2y & 2x \\\\ 2xy & x^2 \\end{bmatrix}.$$
A computer algebra system computes it symbolically and lets us check by hand.</p>`),
    ),
    section(
      'The code',
      para('<p>The listing uses SymPy\'s <code>Matrix.jacobian</code> and <code>pprint</code>; nabla\'s <code>jacobian</code> and <code>pretty</code> print the same matrix.</p>'),
      cell(4, SOURCES[4]!, { title: 'lesson 04 — a symbolic Jacobian' , first }).root,
      referenceOutput(4),
    ),
    liveLater(() => import('./live-04.js')),
    exercisesSection(4),
  );
}
