/**
 * `nabla matdiff EXPR --wrt w --shapes "X:n,m w:m y:n"`: the derivative of a matrix expression
 * in closed matrix form. Text by default (parseable), `--pretty` (2-D Unicode), `--latex`,
 * `--unicode`, `--json`; `--hessian` for the Hessian; `--layout` to choose the convention;
 * `--check` verifies at random sizes against autodiff and finite differences.
 */
import type { Command } from 'commander';
import { ArgumentError } from '../../core/errors.js';
import { checkDerivative, derivative, hessian, parseMatrixExpr, parseShapes, toLatex, toPretty, toText, toUnicode, type Layout, type MExpr } from '../../matcalc/index.js';
import type { CliIO } from '../io.js';

interface MatdiffOpts {
  wrt?: string;
  shapes?: string;
  symmetric?: string;
  layout?: string;
  hessian?: boolean;
  pretty?: boolean;
  latex?: boolean;
  unicode?: boolean;
  json?: boolean;
  check?: boolean;
  seed?: string;
}

const LAYOUTS = ['mixed', 'numerator', 'denominator'];

function show(e: MExpr, o: MatdiffOpts): string {
  return o.latex ? toLatex(e) : o.pretty ? toPretty(e) : o.unicode ? toUnicode(e) : toText(e);
}

const fmtErr = (x: number): string => (x === 0 ? '0' : x.toExponential(1));

/**
 * Run `nabla matdiff`.
 * @example
 * const lines: string[] = [];
 * runMatdiff('norm(X*w - y)^2', { wrt: 'w', shapes: 'X:n,m w:m y:n' }, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
 * lines[0] // → "2*X'*(X*w - y)"
 */
export function runMatdiff(expr: string, o: MatdiffOpts, io: CliIO): void {
  if (!o.wrt) throw new ArgumentError('choose the variable with --wrt (e.g. --wrt w)');
  const shapes = parseShapes(o.shapes ?? '');
  if (!(o.wrt in shapes)) throw new ArgumentError(`--wrt ${o.wrt}: declare its shape in --shapes (e.g. "${o.wrt}:m" for a vector)`);
  const layout = (o.layout ?? 'mixed') as Layout;
  if (!LAYOUTS.includes(layout)) throw new ArgumentError(`--layout must be one of ${LAYOUTS.join(', ')}, got '${o.layout}'`);
  const symmetric = (o.symmetric ?? '').split(/[\s,]+/).filter(Boolean);
  const opts = { symmetric, undeclared: 'error' as const };
  const f = parseMatrixExpr(expr, shapes, opts);
  const x = parseMatrixExpr(o.wrt, shapes, opts);
  const d = o.hessian ? hessian(f, x) : derivative(f, x, { layout });
  const report = o.check ? checkDerivative(f, x, { order: o.hessian ? 2 : 1, layout, derived: d, seed: o.seed === undefined ? 0 : Number(o.seed) }) : null;
  if (o.json) {
    io.out(
      JSON.stringify({
        input: toText(f),
        wrt: o.wrt,
        kind: o.hessian ? 'hessian' : 'derivative',
        layout,
        result: toText(d),
        unicode: toUnicode(d),
        latex: toLatex(d),
        shape: d.shape,
        ...(report ? { check: { ok: report.ok, dims: report.dims, errors: report.errors } } : {}),
      }),
    );
  } else {
    io.out(show(d, o));
    if (report) {
      const dims = Object.entries(report.dims).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join(', ');
      io.out(`check at ${dims || 'the given sizes'}: autodiff ${fmtErr(report.errors.autodiff)}, finite differences ${fmtErr(report.errors.finiteDifference)} (max error relative to the largest entry) — ${report.ok ? 'ok' : 'FAILED'}`);
    }
  }
  if (report && !report.ok) throw new Error(`the derivative failed its numeric check (autodiff ${report.errors.autodiff}, finite differences ${report.errors.finiteDifference})`);
}

export function register(program: Command, io: CliIO): void {
  program
    .command('matdiff')
    .description('derivative of a matrix expression in closed matrix form (gradient, Jacobian, Hessian)')
    .argument('<expr>', `e.g. "norm(X*w - y)^2"; X' or X^T transposes; inv, det, tr, diag, sum, norm, .*, ./, .^, softmax, logsumexp, exp, log, tanh, sigmoid, relu, softplus`)
    .option('--wrt <name>', 'the variable (declared in --shapes)')
    .option('--shapes <spec>', 'shapes, e.g. "X:n,m w:m y:n lambda:" (a name with no dims is a scalar)')
    .option('--symmetric <names>', 'matrices known to be symmetric (constants only), e.g. A,S')
    .option('--layout <layout>', 'mixed (default: gradient shaped like the variable, Jacobian m×n), numerator or denominator')
    .option('--hessian', 'the Hessian (scalar expression, vector variable)')
    .option('--pretty', 'print in 2-D Unicode')
    .option('--unicode', 'print on one line in Unicode')
    .option('--latex', 'print LaTeX')
    .option('--json', 'print a JSON record')
    .option('--check', 'verify at random sizes against autodiff and finite differences')
    .option('--seed <n>', 'seed of --check (default 0)')
    .action((expr: string, opts: MatdiffOpts) => runMatdiff(expr, opts, io));
}
