import type { Command } from 'commander';
import { ArgumentError } from '../../core/errors.js';
import { pyRepr } from '../../core/format.js';
import { derivative, richardson } from '../../numeric/index.js';
import { evaluateDual, parse, symbol } from '../../symbolic/index.js';
import type { CliIO } from '../io.js';
import { compileInVariable, parseNumberArg } from './quad.js';

const METHODS = ['forward', 'central', 'five-point', 'richardson', 'dual'] as const;

type Method = (typeof METHODS)[number];

/** `nabla nderiv`: f′(at) by differences, Richardson (with its error estimate) or dual numbers. */
export function runNderiv(expr: string, opts: { at: string; method: string; var: string }, io: CliIO): void {
  if (!(METHODS as readonly string[]).includes(opts.method)) {
    throw new ArgumentError(`--method must be one of ${METHODS.join(', ')}, got '${opts.method}'`);
  }
  const f = compileInVariable(expr, opts.var, 'the expression');
  const x = parseNumberArg(opts.at, 'at');
  const method = opts.method as Method;
  if (method === 'dual') {
    io.out(pyRepr(evaluateDual(parse(expr), symbol(opts.var), x).du));
    io.out('(dual numbers: exact to rounding)');
    return;
  }
  if (method === 'richardson') {
    const r = richardson(f, x);
    io.out(pyRepr(r.value));
    io.out(`error estimate ${r.error.toExponential(2)} (richardson)`);
    return;
  }
  io.out(pyRepr(derivative(f, x, { method })));
  io.out(`(${method} difference)`);
}

export function register(program: Command, io: CliIO): void {
  program
    .command('nderiv')
    .description('derivative of an expression at a point: finite differences, Richardson extrapolation or dual numbers')
    .argument('<expr>', "expression, e.g. 'exp(x)/sqrt(sin(x)^3+cos(x)^3)'")
    .requiredOption('--at <x>', 'the point (number or expression like pi/4)')
    .option('--method <m>', `${METHODS.join(' | ')}`, 'central')
    .option('--var <name>', 'the variable', 'x')
    .action((expr: string, opts: { at: string; method: string; var: string }) => runNderiv(expr, opts, io));
}
