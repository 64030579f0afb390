/**
 * Lesson 7, the SVM view: the three-point QP read as a support vector machine. The exact dual
 * (Lagrange multipliers α, active constraints, support vectors, margin 1/‖w‖), then the same line
 * from SMO (`new SVC({ kernel: 'linear', C: 1e6 })`), then the six-point exercise. The lead
 * appends these lines and data to lesson 7's run.
 */
import { numpyArrayString, pyRepr } from '../core/format.js';
import { hardMarginSlsqp } from '../svm/hard-margin-slsqp.js';
import { hardMarginSvm } from '../svm/hard-margin.js';
import { SVC } from '../svm/svc.js';

/** Lesson 7's points: (0,0) in class −1; (1,2), (2,1) in class +1. */
export const SVM_THREE_POINTS = { X: [[0, 0], [1, 2], [2, 1]], y: [-1, 1, 1] };
/** The exercise: add (−1,−1), (−3,−1) to class −1 and (3,3) to class +1. */
export const SVM_SIX_POINTS = {
  X: [[-1, -1], [-3, -1], [0, 0], [3, 3], [1, 2], [2, 1]],
  y: [-1, -1, -1, 1, 1, 1],
};

const point = (p: number[]): string => `(${p.join(', ')})`;
const tuple = (xs: string[]): string => `(${xs.join(', ')})`;

/**
 * The SVM section of lesson 7.
 *
 * @example
 * const { lines, data } = svmView();
 * data.alpha // → ['4/9', '2/9', '2/9']
 */
export function svmView(): { lines: string[]; data: Record<string, unknown> } {
  const { X, y } = SVM_THREE_POINTS;
  const exact = hardMarginSvm(X, y);
  const slsqp = hardMarginSlsqp(X, y);
  const svc = new SVC({ kernel: 'linear', C: 1e6 }).fit(X, y);
  const ex = hardMarginSvm(SVM_SIX_POINTS.X, SVM_SIX_POINTS.y);
  const exSvc = new SVC({ kernel: 'linear', C: 1e6 }).fit(SVM_SIX_POINTS.X, SVM_SIX_POINTS.y);
  const inactive = ex.active.map((a, i) => (a ? -1 : i)).filter((i) => i >= 0);

  const lines = [
    'As a support vector machine (the dual of the QP above):',
    '  maximise Σα_i − ½ΣΣ α_i α_j y_i y_j x_i·x_j  subject to α_i ≥ 0, Σ α_i y_i = 0',
    `  Lagrange multipliers α = ${tuple(exact.exact.alpha)}`,
    `  active constraints: ${exact.active.map((a, i) => `${point(X[i]!)} ${a ? 'active' : 'inactive'}`).join(', ')}`,
    `  support vectors: ${exact.support.map((i) => point(X[i]!)).join(', ')}`,
    `  w = Σ α_i y_i x_i = (a, b) = ${tuple(exact.exact.w)}, intercept c = ${exact.exact.b}`,
    `  margin 1/‖w‖ = ${pyRepr(exact.margin)} (= 3/(2√2)); ‖w‖² = a² + b² = ${exact.exact.objective}`,
    "  (SciPy's multipliers (8/9, 4/9, 4/9) are 2α: its objective a² + b² is twice ½‖w‖²)",
    `  minimize(½‖w‖², slsqp): multipliers ${numpyArrayString(slsqp.alpha, 8)} = α`,
    "SVC({kernel: 'linear', C: 1e6}) by SMO on the same points:",
    `  coef w = ${numpyArrayString(svc.coef, 4)}, intercept c = ${svc.intercept.toFixed(4)}`,
    `  support ${JSON.stringify(svc.support)}, dual_coef (y_i α_i) = ${numpyArrayString(svc.dualCoef, 4)}`,
    `  the same line, to SMO's stopping tolerance (tol = ${svc.tol}); ${svc.nIter} iterations`,
    'Exercise: add (-1,-1), (-3,-1) to class -1 and (3,3) to class +1',
    `  α = ${tuple(ex.exact.alpha)}`,
    `  inactive constraints (α = 0): ${inactive.map((i) => point(SVM_SIX_POINTS.X[i]!)).join(', ')}`,
    `  w = ${tuple(ex.exact.w)}, c = ${ex.exact.b}: the line is unchanged`,
    `  SVC support ${JSON.stringify(exSvc.support)}: the same three support vectors`,
  ];

  return {
    lines,
    data: {
      alpha: exact.exact.alpha,
      alphaValues: exact.alpha,
      active: exact.active,
      support: exact.support,
      supportVectors: exact.support.map((i) => X[i]),
      w: exact.w,
      b: exact.b,
      margin: exact.margin,
      objective: exact.objective,
      dualCoef: exact.dualCoef,
      slsqpMultipliers: slsqp.alpha,
      svc: { coef: svc.coef, intercept: svc.intercept, support: svc.support, dualCoef: svc.dualCoef, nIter: svc.nIter, tol: svc.tol },
      exercise: {
        X: SVM_SIX_POINTS.X,
        y: SVM_SIX_POINTS.y,
        alpha: ex.exact.alpha,
        active: ex.active,
        inactive,
        w: ex.w,
        b: ex.b,
        support: ex.support,
        svcSupport: exSvc.support,
      },
    },
  };
}
