/**
 * Neural networks to ONNX (standard `ai.onnx` operators, opset 13, in float64 so that ONNX
 * Runtime reproduces nabla's outputs to rounding):
 *
 *   each layer   Gemm(h, W, b) → activation (Relu, Sigmoid, Tanh, Softmax; softplus as
 *                max(z, 0) + log(1 + e^−|z|); none for linear)
 *   outputs      `output` = the network's output (probabilities for sigmoid/softmax heads),
 *                `label`  = the predicted class as nabla's predictClasses gives it:
 *                           one output → output > 0.5, several → ArgMax (first maximum)
 */
import { ArgumentError } from '../core/errors.js';
import type { MLP } from '../nn/mlp.js';
import type { Sequential } from '../nn/model.js';
import { DataType, type GraphSpec, type Initializer, type NodeSpec } from './onnx-proto.js';

/** A layer as the exporter sees it: weights [nIn, nOut] row-major, bias [nOut], activation name. */
export interface DenseLayerData {
  W: ArrayLike<number>;
  b: ArrayLike<number>;
  nIn: number;
  nOut: number;
  activation: string;
}

const ACTIVATION_OPS: Record<string, NodeSpec['op'] | null> = {
  linear: null,
  relu: 'Relu',
  sigmoid: 'Sigmoid',
  tanh: 'Tanh',
  softplus: 'Softplus',
  softmax: 'Softmax',
};

/** The layers of a `Sequential` of Dense layers (read through their documented fields). */
export function sequentialLayers(model: Sequential): DenseLayerData[] {
  return model.layers.map((layer, i) => {
    const l = layer as unknown as { W?: { data: Float64Array; shape: number[] }; b?: { data: Float64Array }; nIn?: number; nOut?: number; activation?: string };
    if (!l.W || !l.b || typeof l.nIn !== 'number' || typeof l.nOut !== 'number' || typeof l.activation !== 'string') {
      throw new ArgumentError(`toONNX: layer ${i} (${layer?.constructor?.name ?? typeof layer}) is not a Dense layer (W, b, nIn, nOut, activation); export supports Dense layers`);
    }
    return { W: l.W.data, b: l.b.data, nIn: l.nIn, nOut: l.nOut, activation: l.activation };
  });
}

/** The layers of the course's explicit MLP (W[l], b[l] matrices, named activations). */
export function mlpLayers(model: MLP): DenseLayerData[] {
  const out: DenseLayerData[] = [];
  for (let l = 1; l < model.layerSizes.length; l++) {
    out.push({ W: model.W[l]!.data, b: model.b[l]!.data, nIn: model.layerSizes[l - 1]!, nOut: model.layerSizes[l]!, activation: model.activations[l - 1]!.name });
  }
  return out;
}

/** The graph of a stack of dense layers. */
export function denseGraph(layers: DenseLayerData[], name: string): GraphSpec {
  const nodes: NodeSpec[] = [];
  const initializers: Initializer[] = [];
  let h = 'X';
  layers.forEach((l, i) => {
    if (!(l.activation in ACTIVATION_OPS)) {
      throw new ArgumentError(`toONNX: layer ${i} has activation '${l.activation}', which has no ONNX export here (supported: ${Object.keys(ACTIVATION_OPS).join(', ')})`);
    }
    initializers.push({ name: `W${i}`, dims: [l.nIn, l.nOut], type: DataType.DOUBLE, values: l.W });
    initializers.push({ name: `b${i}`, dims: [l.nOut], type: DataType.DOUBLE, values: l.b });
    const z = `z${i}`;
    nodes.push({ op: 'Gemm', inputs: [h, `W${i}`, `b${i}`], outputs: [z] });
    const op = ACTIVATION_OPS[l.activation];
    if (op === 'Softplus') {
      // ONNX Runtime has no float64 Softplus; the stable form max(z, 0) + log(1 + e^−|z|).
      nodes.push({ op: 'Relu', inputs: [z], outputs: [`sp_pos${i}`] });
      nodes.push({ op: 'Abs', inputs: [z], outputs: [`sp_abs${i}`] });
      nodes.push({ op: 'Neg', inputs: [`sp_abs${i}`], outputs: [`sp_neg${i}`] });
      nodes.push({ op: 'Exp', inputs: [`sp_neg${i}`], outputs: [`sp_exp${i}`] });
      if (!initializers.some((t) => t.name === 'one')) initializers.push({ name: 'one', dims: [], type: DataType.DOUBLE, values: [1] });
      nodes.push({ op: 'Add', inputs: [`sp_exp${i}`, 'one'], outputs: [`sp_sum${i}`] });
      nodes.push({ op: 'Log', inputs: [`sp_sum${i}`], outputs: [`sp_log${i}`] });
      nodes.push({ op: 'Add', inputs: [`sp_pos${i}`, `sp_log${i}`], outputs: [`a${i}`] });
      h = `a${i}`;
    } else if (op) {
      nodes.push({ op, inputs: [z], outputs: [`a${i}`], ...(op === 'Softmax' ? { attributes: [{ name: 'axis', int: -1 }] } : {}) });
      h = `a${i}`;
    } else h = z;
  });
  const last = layers[layers.length - 1]!;
  nodes.push({ op: 'Identity', inputs: [h], outputs: ['output'] });
  if (last.nOut === 1) {
    initializers.push({ name: 'half', dims: [], type: DataType.DOUBLE, values: [0.5] });
    initializers.push({ name: 'flat', dims: [1], type: DataType.INT64, values: [-1] });
    nodes.push({ op: 'Greater', inputs: ['output', 'half'], outputs: ['above'] });
    nodes.push({ op: 'Cast', inputs: ['above'], outputs: ['label2d'], attributes: [{ name: 'to', int: DataType.INT64 }] });
    nodes.push({ op: 'Reshape', inputs: ['label2d', 'flat'], outputs: ['label'] });
  } else {
    nodes.push({ op: 'ArgMax', inputs: ['output'], outputs: ['label'], attributes: [{ name: 'axis', int: 1 }, { name: 'keepdims', int: 0 }] });
  }
  return {
    name,
    nodes,
    initializers,
    inputs: [{ name: 'X', type: DataType.DOUBLE, shape: ['N', layers[0]!.nIn] }],
    outputs: [
      { name: 'label', type: DataType.INT64, shape: ['N'] },
      { name: 'output', type: DataType.DOUBLE, shape: ['N', last.nOut] },
    ],
  };
}
