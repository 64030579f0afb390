/**
 * The status → message table shared by every solver (0 is the only success).
 *
 * @example
 * STATUS_MESSAGES[0] // → 'Optimization terminated successfully'
 */
export const STATUS_MESSAGES: Readonly<Record<number, string>> = {
  0: 'Optimization terminated successfully',
  1: 'Maximum number of iterations has been exceeded',
  2: 'Maximum number of function evaluations has been exceeded',
  3: 'The objective or a constraint returned a non-finite value (NaN or ±Infinity)',
  4: 'The constraints are inconsistent: no feasible point was found',
  5: 'The line search could not decrease the objective (or merit function)',
  6: 'Stopped at a point that does not satisfy the optimality (KKT) conditions within tolerance',
  7: 'Stopped by the callback',
  8: 'The Hessian is singular or not positive definite',
};

/** Status codes by name, for readable solver code. */
export const Status = {
  success: 0,
  maxiter: 1,
  maxfev: 2,
  nonFinite: 3,
  infeasible: 4,
  lineSearch: 5,
  notKkt: 6,
  callback: 7,
  badHessian: 8,
} as const;

/** `STATUS_MESSAGES[status]`, followed by `detail` when given. */
export function statusMessage(status: number, detail?: string): string {
  const base = STATUS_MESSAGES[status] ?? `Unknown status ${status}`;
  return detail ? `${base}: ${detail}` : base;
}
