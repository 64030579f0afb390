/**
 * onnx: export trained models as standard `.onnx` files for ONNX Runtime and other servers —
 * `Sequential`/`MLP` with ai.onnx operators (float64); `SVC`/`LinearSVC` in float64 with ai.onnx
 * operators (default), or with the ai.onnx.ml SVMClassifier/LinearClassifier (float32) on request.
 * A small protobuf writer of our own encodes them.
 */
import { ArgumentError, checkOptions, describeValue } from '../core/errors.js';
import { MLP } from '../nn/mlp.js';
import { Sequential } from '../nn/model.js';
import { LinearSVC } from '../svm/linear-svc.js';
import { SVC } from '../svm/svc.js';
import { denseGraph, mlpLayers, sequentialLayers } from './export-nn.js';
import { linearSvcGraph, svcGraph } from './export-svm.js';
import { linearSvcGraph64, svcGraph64 } from './export-svm-f64.js';
import { encodeModel, type GraphSpec } from './onnx-proto.js';

export { ProtoWriter } from './protobuf.js';
export { encodeModel, DataType } from './onnx-proto.js';
export type { ModelSpec, GraphSpec, NodeSpec, Attribute, Initializer, ValueInfo } from './onnx-proto.js';

/** Options of {@link toONNX}. */
export interface ToOnnxOptions {
  /** Graph name. Default 'nabla_model'. */
  name?: string;
  /** Free text stored in the model (ModelProto.doc_string). */
  docString?: string;
  /**
   * SVMs only. 'float64' (default): standard ai.onnx operators in float64, outputs `label`,
   * `decision` (nabla's decisionMatrix) and, with probabilities, `probabilities` — ONNX Runtime
   * agrees with nabla to ~1e−15. 'ml': the ai.onnx.ml SVMClassifier/LinearClassifier, outputs
   * `label` and `scores`, computed in float32 (for runtimes that want those operators).
   */
  svmFormat?: 'float64' | 'ml';
}

/** Models {@link toONNX} exports. */
export type OnnxExportable = Sequential | MLP | SVC | LinearSVC;

/**
 * A trained model as the bytes of a `.onnx` file (ONNX IR 7; opsets ai.onnx 13, ai.onnx.ml 1).
 * Input `X` (float64, [N, features]); outputs `label` and `output` (networks), `label`,
 * `decision` and `probabilities` (SVMs, float64) or `label` and `scores` (SVMs, svmFormat 'ml').
 *
 * @example
 * const svm = new SVC({ kernel: 'linear' }).fit([[0, 0], [1, 1], [2, 2], [3, 3]], [0, 0, 1, 1]);
 * const bytes = toONNX(svm); // write with fs.writeFileSync('svm.onnx', bytes)
 * bytes.length > 0 // → true
 */
export function toONNX(model: OnnxExportable, options: ToOnnxOptions = {}): Uint8Array {
  checkOptions('toONNX', options, ['name', 'docString', 'svmFormat']);
  const name = options.name ?? 'nabla_model';
  const format = options.svmFormat ?? 'float64';
  if (format !== 'float64' && format !== 'ml') throw new ArgumentError(`toONNX: svmFormat must be 'float64' or 'ml', got ${describeValue(format)}`);
  let graph: GraphSpec;
  let ml = false;
  if (model instanceof Sequential) graph = denseGraph(sequentialLayers(model), name);
  else if (model instanceof MLP) graph = denseGraph(mlpLayers(model), name);
  else if (model instanceof SVC) {
    ml = format === 'ml';
    graph = ml ? svcGraph(model, name) : svcGraph64(model, name);
  } else if (model instanceof LinearSVC) {
    ml = format === 'ml';
    graph = ml ? linearSvcGraph(model, name) : linearSvcGraph64(model, name);
  } else throw new ArgumentError(`toONNX: cannot export ${model === null ? 'null' : typeof model === 'object' ? (model as object).constructor?.name : typeof model}; it exports Sequential, MLP, SVC and LinearSVC`);
  return encodeModel({
    graph,
    opsets: ml ? [{ domain: 'ai.onnx.ml', version: 1 }, { domain: '', version: 13 }] : [{ domain: '', version: 13 }],
    producerVersion: '0.1.0',
    ...(options.docString ? { docString: options.docString } : {}),
  });
}
