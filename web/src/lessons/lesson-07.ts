/** Lesson 07: the support vector machine as constrained optimization. */
import { cell, exercisesSection, liveLater, para, quirk, referenceOutput, section } from '../kit.js';
import { SOURCES } from './sources.js';
import first from 'virtual:nabla-first-output/7';

export function render(root: HTMLElement): void {
  root.append(
    section(
      'The idea',
      para(`<p>A line $w\\cdot x + c = 0$ separates two classes labelled $y_i = \\pm1$ if $y_i(w\\cdot x_i + c) > 0$ for every point. Scale $w, c$ so the closest points have $y_i(w\\cdot x_i + c) = 1$; the gap between the lines $w\\cdot x + c = \\pm 1$ is then $2/|w|$. The widest gap solves
$$\\min_{w,c}\\; |w|^2 \\quad\\text{subject to}\\quad y_i(w\\cdot x_i + c) - 1 \\ge 0 \\text{ for all } i.$$
With <strong>Lagrange multipliers</strong> $\\alpha_i \\ge 0$, the optimum has $w = \\sum_i \\alpha_i y_i x_i$, and $\\alpha_i > 0$ only for points on the margin: the <em>support vectors</em>.</p>`),
    ),
    section(
      'The code',
      para('<p>The listing minimises $a^2 + b^2$ over $(a, b, c)$ with one constraint per point: $(0,0)$ in class $-1$, $(1,2)$ and $(2,1)$ in class $+1$. The exact answer is $a = b = \\frac23$, $c = -1$, objective $\\frac89$, and all three points are support vectors with $\\alpha = (\\frac49, \\frac29, \\frac29)$. The cell solves it as the listing does, with SLSQP (nabla\'s <code>minimize</code>), then exactly (with fractions) as an SVM with <code>hardMarginSvm</code>.</p>'),
      cell(7, SOURCES[7]!, { title: 'lesson 07 — the maximum-margin line' , first }).root,
      referenceOutput(7),
      quirk('<p><strong>About the original listing.</strong> SciPy\'s SLSQP prints <code>Objective: 0.8888888888888942</code> (SciPy 1.17 prints …917) and nabla\'s prints its own last digits: an iterative solver stops within its tolerance, so only the first ~14 digits mean anything. The exact optimum is $8/9$. Its multipliers for the scaled problem are $(\\frac89, \\frac49, \\frac49)$ — twice the SVM\'s $\\alpha$, because it minimises $|w|^2$ rather than $\\frac12|w|^2$.</p>'),
    ),
    liveLater(() => import('./live-07.js')),
    exercisesSection(7),
  );
}
