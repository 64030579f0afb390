/**
 * onnx: export trained models as standard `.onnx` files for ONNX Runtime and other servers —
 * `Sequential`/`MLP` with ai.onnx operators (float64), `SVC`/`LinearSVC` with the ai.onnx.ml
 * SVMClassifier/LinearClassifier. A small protobuf writer of our own encodes them.
 */
import { ArgumentError } from '../core/errors.js';
import { MLP } from '../nn/mlp.js';
import { Sequential } from '../nn/model.js';
import { LinearSVC } from '../svm/linear-svc.js';
import { SVC } from '../svm/svc.js';
import { denseGraph, mlpLayers, sequentialLayers } from './export-nn.js';
import { linearSvcGraph, svcGraph } from './export-svm.js';
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
}

/** Models {@link toONNX} exports. */
export type OnnxExportable = Sequential | MLP | SVC | LinearSVC;

/**
 * A trained model as the bytes of a `.onnx` file (ONNX IR 7; opsets ai.onnx 13, ai.onnx.ml 1).
 * Input `X` (float64, [N, features]); outputs `label` and `output` (networks) or `scores` (SVMs).
 *
 * @example
 * const svm = new SVC({ kernel: 'linear' }).fit([[0, 0], [1, 1], [2, 2], [3, 3]], [0, 0, 1, 1]);
 * const bytes = toONNX(svm); // write with fs.writeFileSync('svm.onnx', bytes)
 * bytes.length > 0 // → true
 */
export function toONNX(model: OnnxExportable, options: ToOnnxOptions = {}): Uint8Array {
  const name = options.name ?? 'nabla_model';
  let graph: GraphSpec;
  let ml = false;
  if (model instanceof Sequential) graph = denseGraph(sequentialLayers(model), name);
  else if (model instanceof MLP) graph = denseGraph(mlpLayers(model), name);
  else if (model instanceof SVC) {
    graph = svcGraph(model, name);
    ml = true;
  } else if (model instanceof LinearSVC) {
    graph = linearSvcGraph(model, name);
    ml = true;
  } else throw new ArgumentError(`toONNX: cannot export ${model === null ? 'null' : typeof model === 'object' ? (model as object).constructor?.name : typeof model}; it exports Sequential, MLP, SVC and LinearSVC`);
  return encodeModel({
    graph,
    opsets: ml ? [{ domain: 'ai.onnx.ml', version: 1 }, { domain: '', version: 13 }] : [{ domain: '', version: 13 }],
    producerVersion: '0.1.0',
    ...(options.docString ? { docString: options.docString } : {}),
  });
}
