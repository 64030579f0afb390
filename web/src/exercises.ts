/**
 * The course's exercises as static data, so a lesson page shows them at once (they used to wait
 * for the lesson module to run in a worker, behind lesson 05's training). Ids and answers are the
 * lesson modules' (src/lessons); test/web/exercises.test.ts checks that every module exercise is
 * here with an equivalent answer. What the web adds: prompts with typeset math, the format note,
 * the choices of a multiple choice, and the likely mistakes the checker names.
 */
import type { CheckableExercise } from './checker.js';

export interface WebExercise extends CheckableExercise {
  hints: string[];
  solution: string;
}

const L1: WebExercise[] = [
  {
    id: '01-power-rule',
    prompt: "Repeat the comparison for $f(x) = x^3 - 2x^2 + 1$. What is $f'(x)$ by the rules?",
    answer: '3*x^2 - 4*x',
    kind: 'symbolic',
    variables: ['x'],
    format: 'Type an expression in x, such as <code>5x^4 + 2x</code>.',
    mistakes: [
      { answer: '3*x^2 - 4*x + 1', message: 'The constant term: the derivative of the constant $1$ is $0$.' },
      { answer: 'x^3 - 2*x^2', message: 'That drops the constant but keeps the powers: apply the power rule, $x^n \\to n\\,x^{n-1}$.' },
      { answer: '3*x^2 - 2*x', message: 'Check the $-2x^2$ term: the power rule brings the exponent $2$ down as a factor.' },
    ],
    hints: ['The power rule: $\\frac{d}{dx}x^n = n\\,x^{n-1}$; constants differentiate to $0$.', 'Differentiate term by term: $x^3$, then $-2x^2$, then $+1$.'],
    solution:
      "$$f'(x) = 3x^2 - 4x.$$ The rate of change $\\frac{f(x+\\delta) - f(x)}{\\delta} = 3x^2 - 4x + (3x - 2)\\delta + \\delta^2$, so on $[-10, 10]$ the curves differ by at most about $32\\delta = 3.2\\times 10^{-3}$.",
  },
  {
    id: '01-gap',
    prompt: 'For $f(x) = x^2$, how far apart are the rate of change with $\\delta = 10^{-4}$ and the rule $2x$, at most?',
    answer: 1e-4,
    kind: 'numeric',
    tolerance: 1e-6,
    format: 'Type a number: <code>2.5e-3</code>, <code>10^-2</code> and <code>0.0025</code> all work.',
    hints: ['Expand $(x + \\delta)^2 - x^2$ and divide by $\\delta$.'],
    solution: '$\\frac{(x + \\delta)^2 - x^2}{\\delta} = 2x + \\delta$: the gap is $\\delta = 10^{-4}$ everywhere (up to rounding).',
  },
];

const L2: WebExercise[] = [
  {
    id: '02-antiderivative',
    prompt: 'Take $f(x) = 3x^2 - 4x$. Which function does the running sum of $f(x)\\,\\delta x$ follow? Give an antiderivative $F(x)$; any constant $C$ will do.',
    answer: 'x^3 - 2*x^2',
    kind: 'symbolic',
    variables: ['x'],
    upToConstant: true,
    format: 'Type an expression in x; you may add <code>+ C</code>.',
    mistakes: [
      { answer: '6*x - 4', message: 'That is the derivative of $f$: integrate instead, $x^n \\to \\frac{x^{n+1}}{n+1}$.' },
      { answer: 'x^3 - 4*x^2', message: 'Check the $-4x$ term: $\\int x\\,dx = \\frac{x^2}{2}$, so divide by the new exponent.' },
      { answer: '3*x^3 - 4*x^2', message: 'Divide by the new exponent: $\\int x^n\\,dx = \\frac{x^{n+1}}{n+1}$.' },
    ],
    hints: ["Find $F$ with $F'(x) = 3x^2 - 4x$: reverse the power rule, $x^n \\to \\frac{x^{n+1}}{n+1}$.", 'Any constant $C$ can be added: the running sum starts at $x = -10$, not at $0$.'],
    solution: '$$F(x) = x^3 - 2x^2 + C.$$ The running sum from $x = -10$ is $F(x) - F(-10) \\approx x^3 - 2x^2 + 1200$, a shifted copy.',
  },
];

const L3: WebExercise[] = [
  {
    id: '03-angle',
    prompt: 'For $f(x, y) = x^2 + y^2$ at $(1, 1)$, in which direction $\\theta$ (in degrees, with $dx = \\sin\\theta$, $dy = \\cos\\theta$) does $f$ increase fastest?',
    answer: 45,
    kind: 'numeric',
    tolerance: 0.05,
    unit: 'degrees',
    format: 'Type an angle in degrees, such as <code>30</code>, <code>30°</code> or <code>30 degrees</code>.',
    mistakes: [{ answer: '225', message: 'That is the direction of fastest <em>decrease</em>: the gradient points the other way.' }],
    hints: ['$\\nabla f = (2x, 2y)$. The fastest increase is along $\\nabla f$.', 'At $(1, 1)$ the gradient is $(2, 2)$: equal parts $x$ and $y$.'],
    solution: '$\\nabla f(1, 1) = (2, 2)$ points at $45°$; the search over $0.1°$ steps finds $45.0$.',
  },
  {
    id: '03-rate',
    prompt: 'And what is the largest rate of change there?',
    answer: 2 * Math.SQRT2,
    kind: 'numeric',
    tolerance: 1e-3,
    format: 'Type an exact value such as <code>3*sqrt(5)</code>, or a decimal with at least 3 significant digits.',
    mistakes: [{ answer: '8', message: 'That is $|\\nabla f|^2$: take the square root.' }, { answer: '4', message: 'That adds the components: the rate is the length $\\sqrt{a^2 + b^2}$ of the gradient.' }],
    hints: ['The largest directional derivative is the length of the gradient, $|\\nabla f|$.'],
    solution: '$|\\nabla f(1, 1)| = |(2, 2)| = 2\\sqrt2 \\approx 2.8284$.',
  },
  {
    id: '03-gradient',
    prompt: 'Still for $f(x, y) = x^2 + y^2$: what is the gradient $\\nabla f$ at $(1, 1)$?',
    answer: '(2, 2)',
    kind: 'numeric',
    tolerance: 1e-6,
    format: 'Type a pair of numbers, such as <code>(5, -1)</code>.',
    hints: ['$\\nabla f = (\\partial f/\\partial x, \\partial f/\\partial y)$: differentiate in $x$ holding $y$ fixed, then the other way round.'],
    solution: '$$\\nabla f(x,y) = (2x,\\; 2y), \\qquad \\nabla f(1,1) = (2, 2).$$',
  },
];

const L4: WebExercise[] = [
  {
    id: '04-sigmoid-row1',
    prompt:
      'Let $\\sigma(z) = 1/(1+e^{-z})$. Differentiate $\\sigma(px+qy)$ with respect to $x$ (row 1, column 1 of the Jacobian of $(\\sigma(px+qy), \\sigma(rx+sy), \\sigma(tx+uy))$).',
    answer: 'p*exp(-p*x - q*y)/(exp(-p*x - q*y) + 1)^2',
    kind: 'symbolic',
    variables: ['x', 'y', 'p', 'q'],
    format: 'Type an expression in x, y, p, q; you may write <code>σ(…)</code> or <code>sigmoid(…)</code>, and <code>exp(…)</code> or <code>e^(…)</code>.',
    mistakes: [
      { answer: 'sigmoid(p*x + q*y)*(1 - sigmoid(p*x + q*y))', message: 'Chain rule: you have $\\sigma\'(u)$, now multiply by $\\partial u/\\partial x$ for $u = px + qy$.' },
      { answer: 'q*sigmoid(p*x + q*y)*(1 - sigmoid(p*x + q*y))', message: 'That is the derivative with respect to $y$: the inner derivative in $x$ is a different coefficient.' },
    ],
    hints: ['Chain rule: $\\frac{d}{dx}\\sigma(z) = \\sigma(z)(1 - \\sigma(z))\\,\\frac{dz}{dx}$.', '$z = px + qy$, so $\\frac{dz}{dx} = p$.'],
    solution:
      '$$\\frac{\\partial}{\\partial x}\\sigma(px+qy) = p\\,\\sigma(px+qy)\\bigl(1-\\sigma(px+qy)\\bigr) = \\frac{p\\,e^{-px-qy}}{\\left(e^{-px-qy}+1\\right)^2}.$$ Row $i$ of the Jacobian is $\\sigma_i(1-\\sigma_i)$ times the coefficients of $x$ and $y$.',
  },
];

const L5: WebExercise[] = [
  {
    id: '05-jacobian-in-backward',
    prompt:
      '<code>backward()</code> computes <code>da[l-1] = dz[l] @ W[l].T</code>. Which factor is the Jacobian (transposed) of $z^{[l]} = a^{[l-1]} W^{[l]} + b^{[l]}$ with respect to $a^{[l-1]}$?',
    answer: 'W[l].T',
    kind: 'choice',
    choices: ['dz[l]', 'W[l].T', 'a[l-1].T', 'db[l]'],
    format: 'Pick one.',
    mistakes: [
      { answer: 'dz[l]', message: '<code>dz[l]</code> is the upstream gradient the Jacobian multiplies, not the Jacobian.' },
      { answer: 'a[l-1].T', message: '<code>a[l-1].T</code> appears in the gradient with respect to the <em>weights</em>, <code>dW = a.T @ dz</code>.' },
      { answer: 'db[l]', message: '<code>db[l]</code> is the bias gradient; the bias does not depend on $a^{[l-1]}$.' },
    ],
    hints: ['Write one sample: $z_j = \\sum_i a_i W_{ij} + b_j$. What is $\\partial z_j/\\partial a_i$?', 'The chain rule multiplies the upstream gradient $dz$ by that Jacobian: $da_i = \\sum_j dz_j\\,\\partial z_j/\\partial a_i$.'],
    solution: '$\\partial z_j/\\partial a_i = W_{ij}$, so the factor is $(W^{[l]})^\\top$ and <code>da[l-1] = dz[l] @ W[l].T</code>: the weight matrix carries the gradient back through the layer.',
  },
];

const L6: WebExercise[] = [
  {
    id: '06-min',
    prompt: 'For $f(x) = x^3 - 2x^2 + 1$, at which $x$ is the local minimum?',
    answer: '4/3',
    kind: 'numeric',
    tolerance: 1e-9,
    format: 'Type a number: exact like <code>5/7</code>, or a decimal with at least 3 significant digits.',
    mistakes: [
      { answer: '0', message: "$x = 0$ is a critical point, but $f''(0) = -4 < 0$: a maximum." },
      { answer: '-5/27', message: 'That is the minimum <em>value</em> $f(x)$; the question asks where, the $x$.' },
    ],
    hints: ["Solve $f'(x) = 3x^2 - 4x = x(3x - 4) = 0$.", "Check the sign of $f''(x) = 6x - 4$ at each root."],
    solution: "$f'(x) = x(3x - 4) = 0$ at $x = 0$ and $x = \\frac43$; $f''(\\frac43) = 4 > 0$, so $x = \\frac43$ is a local minimum ($f = -\\frac{5}{27}$).",
  },
  {
    id: '06-kind-at-0',
    prompt: 'For $f(x) = x^3 - 2x^2 + 1$, what kind of critical point is $x = 0$?',
    answer: 'max',
    kind: 'choice',
    choices: ['min', 'max', 'neither'],
    labels: { min: 'a local minimum', max: 'a local maximum', neither: 'neither (an inflection)' },
    format: 'Pick one.',
    mistakes: [
      { answer: 'min', message: "Look at the sign of $f''(0)$: negative means the graph bends down." },
      { answer: 'neither', message: "$f''(0) \\ne 0$, so the second-derivative test decides." },
    ],
    hints: ["$f''(0) = -4$."],
    solution: "$f''(0) = -4 < 0$: the graph bends down, so $x = 0$ is a local maximum ($f(0) = 1$).",
  },
  {
    id: '06-log',
    prompt: 'How many critical points does $f(x) = \\log x$ have?',
    answer: 0,
    kind: 'numeric',
    tolerance: 0,
    format: 'Type a whole number.',
    hints: ["$f'(x) = 1/x$. Can a fraction with numerator $1$ be zero?"],
    solution: "$f'(x) = 1/x$ is never $0$ (and is $> 0$ for every $x > 0$): $\\log x$ has no maximum or minimum and is increasing on $(0, \\infty)$.",
  },
  {
    id: '06-xexp',
    prompt: 'Where does $f(x) = x\\,e^{-x}$ take its maximum?',
    answer: 1,
    kind: 'numeric',
    tolerance: 1e-9,
    format: 'Type the value of x.',
    mistakes: [{ answer: 'exp(-1)', message: 'That is the maximum <em>value</em> $f(x)$; the question asks where, the $x$.' }],
    hints: ["$f'(x) = (1 - x)e^{-x}$; $e^{-x}$ is never $0$."],
    solution: "$f'(x) = (1 - x)e^{-x} = 0$ only at $x = 1$, and $f''(1) = -1/e < 0$: a maximum, $f(1) = 1/e$.",
  },
];

const L7: WebExercise[] = [
  {
    id: '07-six-points',
    prompt: 'Add $(-1,-1)$ and $(-3,-1)$ to class $-1$ and $(3,3)$ to class $+1$, and solve again. What is the minimum of $a^2 + b^2$?',
    answer: 8 / 9,
    kind: 'numeric',
    tolerance: 1e-6,
    format: 'Type a number: exact like <code>5/7</code>, or a decimal with at least 3 significant digits.',
    mistakes: [{ answer: '2/3', message: 'That is $a$ (or $b$); the objective is $a^2 + b^2$.' }],
    hints: [
      'Check each new point against the old line $\\frac23 x_1 + \\frac23 x_2 - 1$: is $y_i\\cdot(\\text{line}) \\ge 1$ already?',
      'A constraint that already holds with room to spare cannot change the optimum: its multiplier is $0$.',
    ],
    solution:
      'The same $\\frac89$ at $a = b = \\frac23$, $c = -1$: the new points lie outside the margin ($y_i\\cdot(\\text{line}) - 1 = \\frac43, \\frac83, 2$), their constraints are inactive and their multipliers $0$, so the solution does not move.',
  },
  {
    id: '07-multipliers',
    prompt: 'Which points have a nonzero Lagrange multiplier in the six-point problem?',
    answer: '(0,0), (1,2), (2,1)',
    kind: 'points',
    format: 'Type the points in any order, such as <code>(4,1), (0,3)</code>.',
    hints: ['Nonzero multipliers belong to active constraints: points exactly on the margin.'],
    solution: 'The three original points: they are the support vectors; $\\lambda = (\\frac89, \\frac49, \\frac49)$ and $0$ for the new points.',
  },
];

/** Exercises per lesson id. */
export const EXERCISES: Record<number, WebExercise[]> = { 1: L1, 2: L2, 3: L3, 4: L4, 5: L5, 6: L6, 7: L7 };
