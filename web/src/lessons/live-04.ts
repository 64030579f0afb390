/** Lesson 04's live figure (loaded after the page's first output). */
import { h } from '../dom.js';
import { para, section } from '../kit.js';
import { escapeHtml } from '../live.js';
import { NablaError } from '../../../src/core/index.js';
import { diff, jacobian, latex, pretty } from '../../../src/symbolic/index.js';
import { text } from '../cas.js';
import { loadTex, tex } from '../math.js';
import { splitTop } from '../split.js';

// Results are typeset as they come: KaTeX's code starts loading with this module.
void loadTex();

export function live(): HTMLElement {
  const input = h('input', { type: 'text', class: 'expr jacobian-input', value: '2*x*y, x^2*y', size: 40, 'aria-label': 'vector function components, separated by commas' });
  const vars = h('input', { type: 'text', class: 'expr', value: 'x, y', size: 10, 'aria-label': 'variables' });
  const out = h('div', { class: 'jacobian-out pg-results' });
  function render(): void {
    try {
      const comps = splitTop(input.value);
      const vs = vars.value.split(',').map((s) => s.trim()).filter(Boolean);
      const J = jacobian(comps, vs);
      const steps = h('ol', { class: 'steps' });
      comps.forEach((c, i) => {
        vs.forEach((v, j) => {
          const t = diff(c, v, { steps: true });
          const li = h('li', {}, `J[${i + 1}][${j + 1}] = ∂(${c.trim()})/∂${v} = ${text(t.result)}`);
          if (t.steps.length) li.append(h('ul', {}, ...t.steps.map((s) => h('li', {}, `${s.rule}: ${s.formula}   — d/d${v} ${text(s.expr)} = ${text(s.result)}`))));
          steps.append(li);
        });
      });
      out.replaceChildren(
        h('div', { class: 'pg-card' }, h('h3', {}, 'Jacobian'), h('pre', { class: 'pretty jacobian-pretty' }, pretty(J))),
        h('div', { class: 'pg-card' }, h('h3', {}, 'LaTeX'), h('div', {}, ...htmlNodes(tex(latex(J), true))), h('pre', {}, latex(J))),
        h('div', { class: 'pg-card', style: 'grid-column: 1 / -1' }, h('h3', {}, 'Steps'), steps),
      );
    } catch (e) {
      // A ParseError's message carries the position and a caret line under the typed text.
      if (!(e instanceof NablaError)) throw e;
      out.innerHTML = `<pre class="error">${escapeHtml(e.message)}</pre>`;
    }
  }
  input.addEventListener('input', render);
  vars.addEventListener('input', render);
  render();
  return section(
    'Try it',
    para('<p>Type the components of a vector function, separated by commas, for example <code>sigmoid(p*x + q*y), sigmoid(r*x + s*y)</code> or <code>x*cos(y), x*sin(y)</code>.</p>'),
    h('div', { class: 'controls' }, h('label', { class: 'slider wide' }, h('span', {}, 'f ='), input), h('label', { class: 'slider' }, h('span', {}, 'variables'), vars)),
    out,
  );
}

function htmlNodes(markup: string): Node[] {
  const t = document.createElement('template');
  t.innerHTML = markup;
  return [...t.content.childNodes];
}
