/**
 * The Playground's matrix mode: with shapes declared (`X:n,m w:m y:n`) the input is a matrix
 * expression, and each declared variable it uses gets its closed-form derivative, checked
 * numerically at random sizes against autodiff and finite differences. The Playground's worker
 * loads this module only when the shapes field is filled, so matrix calculus stays out of the
 * worker's first chunk.
 */
import { NablaError } from '../../src/core/index.js';
import { checkDerivative, derivative, parseMatrixExpr, parseShapes, toLatex, toPretty, toText, type MExpr } from '../../src/matcalc/index.js';
import { MAX_TYPESET, type PgCard, type PgRequest, type PgResult } from './pg-compute.js';

function shownMatrix(title: string, cls: string, e: MExpr, extra: Partial<PgCard> = {}): PgCard {
  const tx = toLatex(e);
  const typeset = tx.length <= MAX_TYPESET ? { latex: tx } : { note: `Shown as text: typeset it would be ${tx.length.toLocaleString('en')} characters of LaTeX.` };
  return { cls, title, ...typeset, text: toText(e), pretty: toPretty(e), ...extra };
}

/** The variables a matrix expression uses, among the declared ones, in declaration order. */
function usedNames(src: string, declared: string[]): string[] {
  const words = new Set(src.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
  return declared.filter((v) => words.has(v));
}

/**
 * Cards for a matrix expression: the input, then ∂f/∂v for each variable (the `vars` field's, or
 * every declared one the expression uses), each with its numerical check.
 * @example computeMatrixPlayground({ src: 'norm(X*w - y)^2', vars: 'w', shapes: 'X:n,m w:m y:n' }, emit) // input, ∂f/∂w = 2*X'*(X*w - y)
 */
export function computeMatrixPlayground(req: PgRequest, emit: (card: PgCard) => void): PgResult {
  let f: MExpr;
  let declared: string[];
  try {
    const shapes = parseShapes(req.shapes ?? '');
    declared = Object.keys(shapes);
    f = parseMatrixExpr(req.src, shapes, { undeclared: 'error' });
  } catch (e) {
    if (!(e instanceof NablaError)) throw e;
    return { vars: [], params: [], parseError: e.message };
  }
  const given = req.vars.split(',').map((s) => s.trim()).filter(Boolean);
  const vars = given.length ? given : usedNames(req.src, declared);
  emit(shownMatrix('Input', 'input', f));
  for (const name of vars) {
    try {
      const x = parseMatrixExpr(name, req.shapes ?? '');
      const d = derivative(f, x);
      const r = checkDerivative(f, x, { derived: d });
      const at = Object.entries(r.dims).map(([k, v]) => `${k} = ${v}`).join(', ');
      const note = `Checked at ${at}: autodiff error ${r.errors.autodiff.toExponential(1)}, finite differences ${r.errors.finiteDifference.toExponential(1)} — ${r.ok ? 'ok' : 'FAILED'}`;
      emit(shownMatrix(`Derivative ∂f/∂${name}`, 'matrix-derivative', d, { note }));
    } catch (e) {
      if (!(e instanceof NablaError)) throw e;
      emit({ cls: 'matrix-derivative', title: `Derivative ∂f/∂${name}`, error: `${e.name}: ${e.message}` });
    }
  }
  if (!vars.length) emit({ cls: 'matrix-derivative', title: 'Derivative', note: 'The expression uses none of the declared shapes: nothing to differentiate by.' });
  return { vars, params: [] };
}
