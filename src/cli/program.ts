import { Command, CommanderError } from 'commander';
import { NablaError } from '../core/errors.js';
import type { CliIO } from './io.js';
import { register as registerSymbolic } from './commands/symbolic.js';
import { register as registerCalculus } from './commands/calculus.js';
import { register as registerAlgebra } from './commands/algebra.js';
import { register as registerMatdiff } from './commands/matdiff.js';
import { register as registerQuad } from './commands/quad.js';
import { register as registerNderiv } from './commands/nderiv.js';
import { register as registerMinimize } from './commands/minimize.js';
import { register as registerTrain } from './commands/train.js';
import { register as registerSvm } from './commands/svm.js';
import { register as registerPlot } from './commands/plot.js';
import { register as registerLesson } from './commands/lesson.js';

/** Every command module registers itself here, in the order `nabla --help` lists them. */
const COMMANDS: Array<(program: Command, io: CliIO) => void> = [
  registerSymbolic, // diff, grad, jacobian, hessian, eval
  registerCalculus, // integrate, limit, series, solve, sum, product, critical
  registerAlgebra, // simplify, expand, factor, together
  registerMatdiff,
  registerQuad,
  registerNderiv,
  registerMinimize,
  registerTrain,
  registerSvm,
  registerPlot,
  registerLesson, // lesson, start
];

/** Build the `nabla` program writing to `io`. */
export function buildProgram(io: CliIO): Command {
  const program = new Command('nabla')
    .description('calculus for machine learning: symbolic math, numerics, autodiff, optimizers, SVMs, plots')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) });
  for (const reg of COMMANDS) reg(program, io);
  return program;
}

/** An error from the operating system (fs calls): it has an E… code and the system call's name. */
function isSystemError(e: unknown): e is NodeJS.ErrnoException & { syscall: string } {
  const x = e as NodeJS.ErrnoException;
  return e instanceof Error && typeof x.code === 'string' && /^E[A-Z]+$/.test(x.code) && typeof x.syscall === 'string';
}

/**
 * Run the CLI on `argv` (without node and script). Returns the exit code: 0 ok, 2 for bad input
 * (with the error's message, never a stack trace), 1 for anything unexpected.
 */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // `nabla diff "-x^2"`: the shell hands over -x^2, which reads as an option. Say how to pass it.
      const opt = e.code === 'commander.unknownOption' ? /'(-[^-].*)'/s.exec(e.message)?.[1] : undefined;
      if (opt !== undefined && argv[0] && !argv[0].startsWith('-')) {
        io.err(`hint: an expression or number that starts with '-' goes after --, as in: nabla ${argv[0]} -- "${opt}"`);
      }
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof NablaError) {
      io.err(`error: ${e.message}`);
      return 2;
    }
    // The system refused a file operation (a read-only folder, a full disk): the user's setting,
    // not a bug, so exit 2 with Node's own description (EACCES: permission denied, open '…').
    if (isSystemError(e)) {
      io.err(`error: cannot ${e.syscall} ${e.path ? `'${e.path}'` : 'the file'}: ${e.message}`);
      return 2;
    }
    io.err(`internal error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
