/**
 * ONNX's messages (onnx.proto, IR version 7) as plain objects, and their encoding. Field numbers
 * are onnx.proto's:
 *
 *   ModelProto      ir_version 1, producer_name 2, producer_version 3, doc_string 6, graph 7, opset_import 8
 *   OperatorSetId   domain 1, version 2
 *   GraphProto      node 1, name 2, initializer 5, input 11, output 12
 *   NodeProto       input 1, output 2, name 3, op_type 4, attribute 5, domain 7
 *   AttributeProto  name 1, f 2, i 3, s 4, g 6, floats 7, ints 8, strings 9, type 20
 *   TensorProto     dims 1, data_type 2, string_data 6, name 8, raw_data 9
 *   ValueInfoProto  name 1, type 2;  TypeProto tensor_type 1;  Tensor elem_type 1, shape 2
 *   TensorShape     dim 1;  Dimension dim_value 1, dim_param 2
 */
import { float64Bytes, int64Bytes, ProtoWriter } from './protobuf.js';

/** TensorProto.DataType values used here. */
export const DataType = { FLOAT: 1, INT64: 7, STRING: 8, BOOL: 9, DOUBLE: 11 } as const;
export type DataTypeCode = (typeof DataType)[keyof typeof DataType];

/** AttributeProto.AttributeType values. */
const AttrType = { FLOAT: 1, INT: 2, STRING: 3, GRAPH: 5, FLOATS: 6, INTS: 7, STRINGS: 8 } as const;

/** A node attribute: numbers as floats unless marked, text, or lists of them. */
export type Attribute =
  | { name: string; float: number }
  | { name: string; int: number }
  | { name: string; string: string }
  | { name: string; floats: ArrayLike<number> }
  | { name: string; ints: ArrayLike<number> }
  | { name: string; strings: readonly string[] }
  | { name: string; graph: GraphSpec };

/** One ONNX operator node: its op type, input and output value names, and attributes. */
export interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  domain?: string;
  attributes?: Attribute[];
}

/** A constant tensor: double or int64 numbers, or strings. */
export type Initializer =
  | { name: string; dims: number[]; type: typeof DataType.DOUBLE | typeof DataType.INT64; values: ArrayLike<number> }
  | { name: string; dims: number[]; type: typeof DataType.STRING; values: readonly string[] };

/** A graph input or output: name, element type, shape ('N' = batch dimension). */
export interface ValueInfo {
  name: string;
  type: DataTypeCode;
  shape: (number | string)[];
}

/** An ONNX graph: its nodes in order, the constant tensors (initializers), inputs and outputs. */
export interface GraphSpec {
  name: string;
  nodes: NodeSpec[];
  initializers: Initializer[];
  inputs: ValueInfo[];
  outputs: ValueInfo[];
}

/** A whole ONNX model: the graph plus the operator-set versions it needs, ready to encode. */
export interface ModelSpec {
  graph: GraphSpec;
  /** Operator sets by domain ('' = ai.onnx). */
  opsets: { domain: string; version: number }[];
  producerVersion: string;
  docString?: string;
}

function attribute(a: Attribute): ProtoWriter {
  const w = new ProtoWriter().string(1, a.name);
  if ('float' in a) return w.float(2, a.float).int(20, AttrType.FLOAT);
  if ('int' in a) return w.int(3, a.int).int(20, AttrType.INT);
  if ('string' in a) return w.string(4, a.string).int(20, AttrType.STRING);
  if ('floats' in a) return w.packedFloats(7, a.floats).int(20, AttrType.FLOATS);
  if ('ints' in a) return w.packedInts(8, a.ints).int(20, AttrType.INTS);
  if ('graph' in a) return w.message(6, graphProto(a.graph)).int(20, AttrType.GRAPH);
  for (const s of a.strings) w.string(9, s);
  return w.int(20, AttrType.STRINGS);
}

function node(n: NodeSpec, index: number, graph: string): ProtoWriter {
  const w = new ProtoWriter();
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  // Node names are unique across the model, subgraphs included.
  w.string(3, `${graph}/${n.op}_${index}`).string(4, n.op);
  for (const a of n.attributes ?? []) w.message(5, attribute(a));
  if (n.domain) w.string(7, n.domain);
  return w;
}

function initializer(t: Initializer): ProtoWriter {
  const w = new ProtoWriter().packedInts(1, t.dims).int(2, t.type);
  if (t.type === DataType.STRING) {
    for (const v of t.values) w.string(6, v);
    return w.string(8, t.name);
  }
  w.string(8, t.name);
  return w.bytes(9, t.type === DataType.DOUBLE ? float64Bytes(t.values) : int64Bytes(t.values));
}

function valueInfo(v: ValueInfo): ProtoWriter {
  const shape = new ProtoWriter();
  for (const d of v.shape) shape.message(1, typeof d === 'number' ? new ProtoWriter().int(1, d) : new ProtoWriter().string(2, d));
  const tensor = new ProtoWriter().int(1, v.type).message(2, shape);
  return new ProtoWriter().string(1, v.name).message(2, new ProtoWriter().message(1, tensor));
}

/** A GraphProto (the model's graph, or a subgraph held by an attribute, e.g. Loop's body). */
function graphProto(graph: GraphSpec): ProtoWriter {
  const g = new ProtoWriter();
  graph.nodes.forEach((n, i) => g.message(1, node(n, i, graph.name)));
  g.string(2, graph.name);
  for (const t of graph.initializers) g.message(5, initializer(t));
  for (const v of graph.inputs) g.message(11, valueInfo(v));
  for (const v of graph.outputs) g.message(12, valueInfo(v));
  return g;
}

/** The bytes of a .onnx file (a ModelProto) for a model spec. @example encodeModel({ graph: { name: 'g', nodes: [], initializers: [], inputs: [], outputs: [] }, opsets: [{ domain: '', version: 17 }], producerVersion: '0.1.0' })[0] // → 8 (the tag of field 1, ir_version) */
export function encodeModel(m: ModelSpec): Uint8Array {
  const g = graphProto(m.graph);
  const w = new ProtoWriter().int(1, 7).string(2, 'nabla').string(3, m.producerVersion);
  if (m.docString) w.string(6, m.docString);
  w.message(7, g);
  for (const o of m.opsets) w.message(8, new ProtoWriter().string(1, o.domain).int(2, o.version));
  return w.finish();
}
