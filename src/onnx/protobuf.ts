/**
 * A minimal Protocol Buffers writer (wire format only): varints, length-delimited fields,
 * 32-bit floats and packed repeated scalars. Enough to write ONNX models without a protobuf
 * dependency; messages are built innermost first and nested as bytes.
 *
 * Wire types: 0 varint, 1 64-bit, 2 length-delimited, 5 32-bit. A field's key is
 * (number << 3) | wire type, itself a varint.
 */
import { ArgumentError } from '../core/errors.js';

/** Bytes of one message under construction, written field by field (wire format by hand). @example new ProtoWriter().int(1, 150).finish() // → Uint8Array [8, 150, 1] */
export class ProtoWriter {
  private chunks: Uint8Array[] = [];
  private size = 0;

  private push(b: Uint8Array): void {
    this.chunks.push(b);
    this.size += b.length;
  }

  /** A varint; negative integers as 64-bit two's complement (ten bytes), as int64 fields want. */
  private varint(v: number | bigint): void {
    let x = typeof v === 'bigint' ? v : BigInt(v);
    if (typeof v === 'number' && !Number.isSafeInteger(v)) throw new ArgumentError(`protobuf: ${v} is not a safe integer`);
    if (x < 0n) x += 1n << 64n;
    const out: number[] = [];
    while (x >= 0x80n) {
      out.push(Number(x & 0x7fn) | 0x80);
      x >>= 7n;
    }
    out.push(Number(x));
    this.push(Uint8Array.from(out));
  }

  private key(field: number, wire: number): void {
    this.varint((field << 3) | wire);
  }

  /** An integer field (int32, int64, enum, bool). */
  int(field: number, v: number): this {
    this.key(field, 0);
    this.varint(v);
    return this;
  }

  /** A bytes or embedded-message field. */
  bytes(field: number, b: Uint8Array): this {
    this.key(field, 2);
    this.varint(b.length);
    this.push(b);
    return this;
  }

  /** A string field (UTF-8). */
  string(field: number, s: string): this {
    return this.bytes(field, new TextEncoder().encode(s));
  }

  /** An embedded message. */
  message(field: number, m: ProtoWriter): this {
    return this.bytes(field, m.finish());
  }

  /** A float (32-bit) field. */
  float(field: number, v: number): this {
    this.key(field, 5);
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v, true);
    this.push(b);
    return this;
  }

  /** Repeated floats, packed. */
  packedFloats(field: number, vs: ArrayLike<number>): this {
    const b = new Uint8Array(4 * vs.length);
    const dv = new DataView(b.buffer);
    for (let i = 0; i < vs.length; i++) dv.setFloat32(4 * i, vs[i]!, true);
    return this.bytes(field, b);
  }

  /** Repeated integers, packed varints. */
  packedInts(field: number, vs: ArrayLike<number>): this {
    const inner = new ProtoWriter();
    for (let i = 0; i < vs.length; i++) inner.varint(vs[i]!);
    return this.bytes(field, inner.finish());
  }

  /** The message's bytes. */
  finish(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** Float64 values as little-endian bytes (a TensorProto's raw_data). */
export function float64Bytes(vs: ArrayLike<number>): Uint8Array {
  const b = new Uint8Array(8 * vs.length);
  const dv = new DataView(b.buffer);
  for (let i = 0; i < vs.length; i++) dv.setFloat64(8 * i, vs[i]!, true);
  return b;
}

/** Int64 values as little-endian bytes. */
export function int64Bytes(vs: ArrayLike<number>): Uint8Array {
  const b = new Uint8Array(8 * vs.length);
  const dv = new DataView(b.buffer);
  for (let i = 0; i < vs.length; i++) dv.setBigInt64(8 * i, BigInt(vs[i]!), true);
  return b;
}
