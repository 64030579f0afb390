/**
 * Algebra commands: `nabla simplify`, `nabla expand`, `nabla factor`, `nabla together`. Each reads
 * one expression and prints the rewritten form as parseable text, or `--pretty`, `--latex`,
 * `--json` (input, result and LaTeX). Bad input exits 2 with a caret message.
 */
import type { Command } from 'commander';
import { expand, factor, latex, parse, simplify, symbol, together, toString, type Expr } from '../../symbolic/index.js';
import type { CliIO } from '../io.js';
import { parseOpts, showExpr, splitList, type OutputOpts } from './symbolic.js';

type Rewrite = (e: Expr, o: AlgebraOpts) => Expr;

interface AlgebraOpts extends OutputOpts {
  positive?: boolean;
  wrt?: string;
}

/**
 * Parse, rewrite, print.
 * @example
 * const lines: string[] = [];
 * runAlgebra('simplify', 'sin(x)^2 + cos(x)^2', {}, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
 * lines // → ['1']
 */
export function runAlgebra(name: keyof typeof REWRITES, text: string, o: AlgebraOpts, io: CliIO): void {
  const e = parse(text, parseOpts(splitList(o.vars)));
  const r = REWRITES[name].apply(e, o);
  io.out(o.json ? JSON.stringify({ input: toString(e), result: toString(r), latex: latex(r) }) : showExpr(r, o));
}

/** The commands, their help line and what each does. */
const REWRITES = {
  simplify: {
    help: 'simplify an expression (the smallest equivalent form): nabla simplify "sin(x)^2 + cos(x)^2"',
    apply: ((e, o) => simplify(e, { positive: o.positive ?? false })) as Rewrite,
  },
  expand: { help: 'multiply out products and powers of sums: nabla expand "(x + 1)^3"', apply: ((e) => expand(e)) as Rewrite },
  factor: {
    help: 'factor a polynomial over the rationals (several variables too): nabla factor "x^2 - y^2"',
    apply: ((e, o) => (o.wrt ? factor(e, symbol(o.wrt)) : factor(e))) as Rewrite,
  },
  together: { help: 'one fraction over a common denominator: nabla together "1/x + 1/y"', apply: ((e) => together(e)) as Rewrite },
};

/**
 * Register simplify, expand, factor and together on the CLI program.
 * @example
 * const program = buildProgram({ out: () => {}, err: () => {} }); // calls register
 * ['simplify', 'expand', 'factor', 'together'].every((n) => program.commands.some((c) => c.name() === n)) // → true
 */
export function register(program: Command, io: CliIO): void {
  for (const name of Object.keys(REWRITES) as Array<keyof typeof REWRITES>) {
    const c = program
      .command(name)
      .description(REWRITES[name].help)
      .argument('<expr>')
      .option('--vars <list>', 'variables, e.g. x,y (lets "2xy" mean 2·x·y)')
      .option('--pretty', '2-D output')
      .option('--latex', 'LaTeX output')
      .option('--json', 'JSON output');
    if (name === 'simplify') c.option('--positive', 'assume every symbol is a positive real (log(x*y) = log(x) + log(y), sqrt(x^2) = x)');
    if (name === 'factor') c.option('--wrt <var>', 'factor as a polynomial in this variable (the others are coefficients)');
    c.action((text: string, o: AlgebraOpts) => runAlgebra(name, text, o, io));
  }
}
