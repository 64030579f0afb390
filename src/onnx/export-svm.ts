/**
 * Support vector machines to ONNX with the `ai.onnx.ml` operators (opset 1):
 *
 * - `SVC` → SVMClassifier: libsvm's layout (support vectors class by class, (k−1) × nSV
 *   coefficients, one offset per pair with the sign ONNX adds: rho = −ρ), kernel parameters
 *   [γ, coef0, degree], and Platt's prob_a/prob_b when the model has probabilities. Outputs:
 *   `label` (one-vs-one votes) and `scores` (probabilities per class with prob_a/prob_b, else the
 *   pairs' decision values; with two classes and no probabilities [f, −f] for nabla's f).
 * - `LinearSVC` → LinearClassifier: coefficients (one row per model) and intercepts. Outputs:
 *   `label` and `scores` (f_c per class; two classes [−f, f]).
 *
 * The ai.onnx.ml operators hold their parameters as float32 and compute in float32 (the ONNX
 * specification types these attributes as floats), so ONNX Runtime's decision values and
 * probabilities agree with nabla's float64 ones to float32 rounding, not to the last bit.
 */
import { ArgumentError } from '../core/errors.js';
import type { LinearSVC } from '../svm/linear-svc.js';
import type { SVC } from '../svm/svc.js';
import type { SvmLabel } from '../svm/validate.js';
import { DataType, type Attribute, type GraphSpec } from './onnx-proto.js';

/** classlabels_ints for integer labels, classlabels_strings otherwise (ONNX allows only these). */
function classLabels(classes: SvmLabel[]): { attr: Attribute; type: typeof DataType.INT64 | typeof DataType.STRING } {
  if (classes.every((c) => typeof c === 'number' && Number.isSafeInteger(c))) {
    return { attr: { name: 'classlabels_ints', ints: classes as number[] }, type: DataType.INT64 };
  }
  return { attr: { name: 'classlabels_strings', strings: classes.map(String) }, type: DataType.STRING };
}

const KERNEL_NAMES: Record<string, string> = { linear: 'LINEAR', rbf: 'RBF', poly: 'POLY', sigmoid: 'SIGMOID' };

/** The graph of a fitted SVC. */
export function svcGraph(model: SVC, name: string): GraphSpec {
  const kp = model.kernelParams;
  if (typeof kp.kernel !== 'string') throw new ArgumentError('toONNX: an SVC with a custom kernel function has no ONNX form (SVMClassifier knows linear, rbf, poly and sigmoid)');
  const classes = model.classes;
  const k = classes.length;
  const labels = classLabels(classes);
  const dual = model.dualCoefs;
  // libsvm's sign: its pair functions are positive for the pair's first class. scikit-learn's
  // two-class dual_coef_/intercept_ are flipped; undo that.
  const coefficients = k === 2 ? dual[0]!.map((v) => -v) : dual.flat();
  const rho = k === 2 ? [-model.intercepts[0]!] : model.intercepts;
  const attributes: Attribute[] = [
    labels.attr,
    { name: 'coefficients', floats: coefficients },
    { name: 'kernel_params', floats: [kp.gamma, kp.coef0, kp.degree] },
    { name: 'kernel_type', string: KERNEL_NAMES[kp.kernel]! },
    { name: 'post_transform', string: 'NONE' },
    { name: 'rho', floats: rho },
    { name: 'support_vectors', floats: model.supportVectors.flat() },
    { name: 'vectors_per_class', ints: model.nSupport },
  ];
  if (model.probability) attributes.push({ name: 'prob_a', floats: model.probA }, { name: 'prob_b', floats: model.probB });
  const nScores = model.probability ? k : k === 2 ? 2 : (k * (k - 1)) / 2;
  return {
    name,
    nodes: [{ op: 'SVMClassifier', domain: 'ai.onnx.ml', inputs: ['X'], outputs: ['label', 'scores'], attributes }],
    initializers: [],
    inputs: [{ name: 'X', type: DataType.DOUBLE, shape: ['N', model.nFeatures] }],
    outputs: [
      { name: 'label', type: labels.type, shape: ['N'] },
      { name: 'scores', type: DataType.FLOAT, shape: ['N', nScores] },
    ],
  };
}

/** The graph of a fitted LinearSVC. */
export function linearSvcGraph(model: LinearSVC, name: string): GraphSpec {
  const classes = model.classes;
  const labels = classLabels(classes);
  // Two classes: rows (−w, w) and intercepts (−b, b), so that the scores are [−f, f] and the
  // label is their argmax (f ≤ 0 → classes[0], as nabla); one row would make ONNX Runtime treat
  // f as a probability and return [1 − f, f].
  const two = classes.length === 2;
  const coef = two ? [model.coef[0]!.map((v) => -v), model.coef[0]!] : model.coef;
  const intercepts = two ? [-model.intercept[0]!, model.intercept[0]!] : model.intercept;
  return {
    name,
    nodes: [
      {
        op: 'LinearClassifier',
        domain: 'ai.onnx.ml',
        inputs: ['X'],
        outputs: ['label', 'scores'],
        attributes: [
          labels.attr,
          { name: 'coefficients', floats: coef.flat() },
          { name: 'intercepts', floats: intercepts },
          { name: 'multi_class', int: 0 },
          { name: 'post_transform', string: 'NONE' },
        ],
      },
    ],
    initializers: [],
    inputs: [{ name: 'X', type: DataType.DOUBLE, shape: ['N', model.nFeatures] }],
    outputs: [
      { name: 'label', type: labels.type, shape: ['N'] },
      { name: 'scores', type: DataType.FLOAT, shape: ['N', classes.length] },
    ],
  };
}
