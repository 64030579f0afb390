/**
 * Typed errors shared by every layer. Each carries a stable `code` so that callers (and the CLI)
 * can tell kinds apart without matching on message text.
 *
 * @example
 * new DomainError('log needs x > 0, got -1') instanceof NablaError // → true
 * linsolve(matrix(2, 2, [1, 2, 2, 4]), [1, 2]) // → throws SingularMatrixError (a NablaError)
 */
export class NablaError extends Error {
  readonly code: string = 'NABLA_ERROR';
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Text that does not parse. `position` is a 0-based offset; the message ends with a caret line. @example parse('2 +') // → throws ParseError */
export class ParseError extends NablaError {
  override readonly code = 'PARSE_ERROR';
  constructor(
    readonly reason: string,
    readonly input: string,
    readonly position: number,
  ) {
    super(`${reason} at position ${position + 1}\n  ${input}\n  ${' '.repeat(Math.max(0, position))}^`);
  }
}

/** Array or tensor shapes that do not fit an operation; the message names the op and both shapes. @example matmul(identity(2), identity(3)) // → throws ShapeError */
export class ShapeError extends NablaError {
  override readonly code = 'SHAPE_ERROR';
}

/** A value outside the domain of an operation (log of a negative, singular matrix, NaN input...). @example cholesky(matrix(2, 2, [1, 2, 2, 1])) // → throws DomainError (not positive definite) */
export class DomainError extends NablaError {
  override readonly code = 'DOMAIN_ERROR';
}

/** Malformed arguments: wrong types, lengths, unknown option values. @example minimize((v) => v[0]! ** 2, [1], { method: 'newtons' as never }) // → throws ArgumentError */
export class ArgumentError extends NablaError {
  override readonly code = 'ARGUMENT_ERROR';
}

/** Work refused because it would exceed a documented size, depth or time budget. @example diff('sin(x)', ['x', 1e9]) // → throws LimitError */
export class LimitError extends NablaError {
  override readonly code = 'LIMIT_ERROR';
}

/**
 * A question the engine cannot decide with certainty (a limit whose leading term it cannot prove
 * nonzero, a sign it cannot establish): it refuses instead of guessing. A LimitError, so code that
 * catches "gave up" catches this too.
 * @example new UndecidedError('cannot tell the sign of c') instanceof LimitError // → true
 */
export class UndecidedError extends LimitError {
  override readonly code = 'UNDECIDED' as 'LIMIT_ERROR';
}

/** A numerical method that could not reach the requested accuracy. @example newton((x) => x * x + 1, 0, { fprime: (x) => 2 * x }) // → throws ConvergenceError (f′(0) = 0) */
export class ConvergenceError extends NablaError {
  override readonly code = 'CONVERGENCE_ERROR';
}

/** A matrix that is singular (or numerically so) where an inverse or solve was asked for. @example inverse(matrix(2, 2, [1, 2, 2, 4])) // → throws SingularMatrixError */
export class SingularMatrixError extends DomainError {
  override readonly code = 'SINGULAR_MATRIX' as 'DOMAIN_ERROR';
}

/**
 * A caller's value, short and safe to put in an error message: never throws (an object without a
 * prototype cannot be turned into a string by a template literal), never long.
 * @example describeValue(Object.create(null)) // → 'an object'
 * describeValue('+-+') // → "'+-+'"
 */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 40)}…` : v}'`;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || v === undefined) return String(v);
  if (v === null) return 'null';
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'symbol') return 'a symbol';
  return Array.isArray(v) ? 'an array' : 'an object';
}

/**
 * Throw an ArgumentError unless an options argument is undefined or an object (`null`, a number or
 * an array given as options would otherwise fail later with a TypeError).
 * @example checkOptionsArg(null, 'minimize') // → throws ArgumentError (minimize: options must be an object, got null)
 */
export function checkOptionsArg(options: unknown, op: string): void {
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    throw new ArgumentError(`${op}: options must be an object, got ${describeValue(options)}`);
  }
}

/**
 * Refuse option names a function does not know: a typo (`batchsize`) or an option from another
 * library would otherwise be ignored silently. `hint` is added to the message for a name that is
 * a known mistake (SciPy's nested `options: {…}` for `minimize`).
 * @example checkOptions('fit', { batchsize: 8 }, ['batchSize']) // → throws ArgumentError (fit: unknown option 'batchsize' (have batchSize))
 */
export function checkOptions(op: string, options: unknown, keys: readonly string[], hint: Readonly<Record<string, string>> = {}): void {
  if (options === undefined) return;
  checkOptionsArg(options, op);
  for (const k of Object.keys(options as object)) {
    if (!keys.includes(k)) throw new ArgumentError(`${op}: unknown option '${k}' (have ${keys.join(', ')})${Object.hasOwn(hint, k) ? `; ${hint[k]}` : ''}`);
  }
}
