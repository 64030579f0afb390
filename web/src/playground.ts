/**
 * The playground: type an expression, get its derivative (with steps), integral, gradient,
 * Jacobian (for a comma-separated vector), Hessian, critical points and a plot.
 */
import { h } from './dom.js';
import { para } from './kit.js';
import { loadLib, type Nabla } from './lib.js';
import { NablaError } from '../../src/core/index.js';
import { criticalPoints, diff, gradient, hessian, integrate, jacobian, latex, parse, pretty, type Expr } from '../../src/symbolic/index.js';
import { criticalPoints1D, evalAt, freeNames, text, type Shown } from './cas.js';
import { tex } from './math.js';
import { draw, grid } from './live.js';
import { splitTop } from './lessons/lesson-04.js';

export async function render(root: HTMLElement): Promise<void> {
  document.title = 'Playground — nabla';
  const input = h('input', { type: 'text', class: 'expr playground-input', value: 'x^3 - 2x^2 + 1', 'aria-label': 'expression', spellcheck: 'false', autocomplete: 'off' });
  const varSel = h('input', { type: 'text', class: 'expr', size: 8, placeholder: 'auto', 'aria-label': 'variables (comma-separated, blank for automatic)' });
  const results = h('div', { class: 'pg-results', 'aria-live': 'polite' });
  root.replaceChildren(
    h('h1', {}, 'Playground'),
    para('<p>Type an expression in $x$ (or several variables, or a vector <code>f1, f2</code>). Implicit products like <code>3x</code> and <code>2 sin(x)</code> work; so do <code>^</code> and <code>**</code>.</p>'),
    h('div', { class: 'playground' }, h('div', { class: 'row' }, input, h('label', {}, 'variables ', varSel))),
    examples(input),
    results,
  );
  const n = await loadLib();
  let timer: number | undefined;
  const update = (): void => {
    clearTimeout(timer);
    timer = window.setTimeout(() => compute(n, input.value, varSel.value, results), 120);
  };
  input.addEventListener('input', update);
  varSel.addEventListener('input', update);
  compute(n, input.value, varSel.value, results);
  input.focus();
}

const EXAMPLES = ['x^3 - 2x^2 + 1', 'sin(x)*x', 'log(x)', 'x^2 + y^3', 'x*exp(-x^2 - y^2)', '2*x*y, x^2*y', 'sigmoid(p*x + q*y)', '1/(1 + x^2)'];

/** Buttons that put an example into the input. */
function examples(input: HTMLInputElement): HTMLElement {
  return h(
    'p',
    { class: 'examples' },
    'Try: ',
    ...EXAMPLES.flatMap((e) => {
      const b = h('button', { type: 'button', class: 'example' }, e);
      b.addEventListener('click', () => {
        input.value = e;
        input.dispatchEvent(new Event('input'));
      });
      return [b, ' '];
    }),
  );
}

function card(title: string, cls: string, ...body: Array<Node | string>): HTMLElement {
  return h('div', { class: `pg-card ${cls}` }, h('h3', {}, title), ...body);
}

function mathBlock(e: Shown): HTMLElement {
  const div = h('div', { class: 'math' });
  div.innerHTML = tex(latex(e), true);
  div.append(h('pre', { class: 'pretty' }, pretty(e)));
  return div;
}

function safe(cardTitle: string, cls: string, f: () => HTMLElement | HTMLElement[]): HTMLElement | HTMLElement[] {
  try {
    return f();
  } catch (e) {
    // One card the library cannot compute (no antiderivative rule, no solver) says why; the others stay.
    if (!(e instanceof NablaError)) throw e;
    return card(cardTitle, cls, h('p', { class: 'error' }, e.message));
  }
}

function compute(n: Nabla, src: string, varText: string, out: HTMLElement): void {
  const comps = splitTop(src);
  if (!comps.length) {
    out.replaceChildren();
    return;
  }
  let exprs: Expr[];
  try {
    exprs = comps.map((c) => parse(c));
  } catch (e) {
    if (!(e instanceof NablaError)) throw e;
    out.replaceChildren(card('Cannot read that', 'error parse-error', h('pre', { class: 'error' }, e.message)));
    return;
  }
  const given = varText.split(',').map((s) => s.trim()).filter(Boolean);
  const vars = given.length ? given : [...new Set(exprs.flatMap((e) => freeNames(e)))].sort();
  if (!vars.length) vars.push('x');
  const x = vars[0]!;
  const cards: Array<HTMLElement | HTMLElement[]> = [];
  const f = exprs[0]!;

  if (exprs.length > 1) {
    cards.push(safe('Jacobian', 'jacobian', () => card(`Jacobian ∂(f₁…f${exprs.length})/∂(${vars.join(', ')})`, 'jacobian', mathBlock(jacobian(exprs, vars)))));
  } else {
    cards.push(card('Input', 'input', mathBlock(f)));
    cards.push(
      safe('Derivative', 'derivative', () => {
        const t = diff(f, x, { steps: true });
        const steps = h('ol', { class: 'steps' }, ...t.steps.map((s) => h('li', {}, `${s.rule}: ${s.formula}  —  d/d${x} ${text(s.expr)} = ${text(s.result)}`)));
        return [
          card(`Derivative d/d${x}`, 'derivative', mathBlock(t.result), h('p', { class: 'plain' }, h('code', { class: 'derivative-text' }, text(t.result)))),
          card('Steps', 'steps', t.steps.length ? steps : h('p', {}, 'No rule needed (a constant or a variable).')),
        ];
      }),
    );
    cards.push(
      safe('Integral', 'integral', () => {
        const r = integrate(f, x, { steps: true });
        if (r.method === 'unevaluated') return card(`Integral ∫ … d${x}`, 'integral', h('p', {}, `No antiderivative found${r.reason ? `: ${r.reason}` : ''}.`));
        const steps = h(
          'ol',
          { class: 'steps' },
          ...r.steps.map((st) =>
            h('li', { style: `margin-left:${st.depth}em` }, `${st.rule}: ∫ ${text(st.integrand)} d${st.variable?.name ?? x} = ${text(st.result)}${st.detail ? `  (${st.detail})` : ''}`),
          ),
        );
        return card(`Integral ∫ … d${x}`, 'integral', mathBlock(r.value), h('p', { class: 'note' }, '+ C'), r.steps.length ? steps : h('span'));
      }),
    );
    if (vars.length > 1) {
      cards.push(safe('Gradient', 'gradient', () => card(`Gradient ∇ in (${vars.join(', ')})`, 'gradient', mathBlock(gradient(f, vars)))));
    }
    cards.push(safe('Hessian', 'hessian', () => card(`Hessian in (${vars.join(', ')})`, 'hessian', mathBlock(hessian(f, vars)))));
    if (vars.length === 1) {
      cards.push(
        safe('Critical points', 'critical', () => {
          const cps = criticalPoints1D(f, x, -10, 10);
          return card(
            "Critical points (f' = 0 on [−10, 10])",
            'critical',
            cps.length ? h('ul', {}, ...cps.map((c) => h('li', {}, `${x} = ${c.exact ?? c.x.toPrecision(8)}: ${c.kind}`))) : h('p', {}, 'None found.'),
          );
        }),
      );
      cards.push(
        safe('Plot', 'plot', () => {
          const box = { el: h('div', { class: 'figure-body' }), set(svg: string) { this.el.innerHTML = svg; } };
          const xs = grid(-5, 5, 400);
          const d = diff(f, x);
          const ys = xs.map((v) => evalAt(f, { [x]: v }));
          const ds = xs.map((v) => evalAt(d, { [x]: v }));
          draw(box, n, (nb) => {
            const fig = nb.figure({ width: 440, height: 300, id: 'pg' });
            fig.axes(0, 0, { legend: 'top-left' }).add(nb.line({ x: xs, y: ys, label: 'f' }), nb.line({ x: xs, y: ds, label: "f'", dash: 'dashed' }));
            return fig;
          });
          return card('Plot on [−5, 5]', 'plot', box.el);
        }),
      );
    } else {
      cards.push(
        safe('Critical points', 'critical', () => {
          const r = criticalPoints(f, vars);
          return card(
            '∇f = 0',
            'critical',
            r.points.length
              ? h('ul', {}, ...r.points.map((p) => h('li', {}, `(${vars.map((v) => text(p.point[v]!)).join(', ')}): ${p.kind} — ${p.test}`)))
              : h('p', {}, r.reason ?? 'None found.'),
          );
        }),
      );
    }
    if (vars.length === 2) {
      cards.push(
        safe('Plot', 'plot', () => {
          const box = { el: h('div', { class: 'figure-body' }), set(svg: string) { this.el.innerHTML = svg; } };
          const g = grid(-3, 3, 40);
          const z = new Float64Array(g.length * g.length);
          for (let i = 0; i < g.length; i++) for (let j = 0; j < g.length; j++) z[i * g.length + j] = evalAt(f, { [vars[0]!]: g[i]!, [vars[1]!]: g[j]! });
          draw(box, n, (nb) => {
            const fig = nb.figure({ width: 440, height: 360, id: 'pg' });
            fig.axes(0, 0, { xLabel: vars[0], yLabel: vars[1] }).add(nb.surface({ x: g, y: g, z }));
            return fig;
          });
          return card('Surface on [−3, 3]²', 'plot', box.el);
        }),
      );
    }
  }
  out.replaceChildren(...cards.flat());
}

