/** What SVC and LinearSVC share: the fitted state's guard, `score`, `classes`, `nFeatures`. */
import { NablaError, ShapeError } from '../core/errors.js';
import type { SvmLabel, SvmMatrix } from './validate.js';

/**
 * A model used before `fit`.
 *
 * @example
 * new SVC().predict([[0, 0]]) // → throws NotFittedError
 */
export class NotFittedError extends NablaError {
  override readonly code = 'NOT_FITTED';
}

/** A fitted classifier's state always knows its classes and its number of features. */
export interface FittedBase {
  classes: SvmLabel[];
  d: number;
}

/** Base of the SVM classifiers. */
export abstract class Classifier<S extends FittedBase> {
  protected state: S | null = null;

  constructor(private readonly modelName: string) {}

  protected fitted(): S {
    if (!this.state) throw new NotFittedError(`this ${this.modelName} is not fitted yet: call fit(X, y) first`);
    return this.state;
  }

  /** Class labels for each row. */
  abstract predict(X: SvmMatrix): SvmLabel[];

  /** Mean accuracy on (X, y). */
  score(X: SvmMatrix, y: ArrayLike<SvmLabel>): number {
    const p = this.predict(X);
    if (y == null || y.length !== p.length) throw new ShapeError(`X has ${p.length} rows but y has ${y?.length} labels`);
    let ok = 0;
    for (let i = 0; i < p.length; i++) if (p[i] === y[i]) ok++;
    return ok / p.length;
  }

  /** The classes, sorted (scikit-learn's `classes_`). */
  get classes(): SvmLabel[] {
    return [...this.fitted().classes];
  }

  /** Number of features seen in fit. */
  get nFeatures(): number {
    return this.fitted().d;
  }
}
