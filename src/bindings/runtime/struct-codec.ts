/**
 * Run-time part of the generated bindings: encode and decode uapi structs
 * with a DataView, per layout class.  Copied into every generated module
 * (see abi-detect.ts); the `declare`d names come from the generated data.
 *
 * Encoding starts from a zeroed buffer, so padding and reserved fields are
 * always zero (the kernel's copy_struct_from_user() and most flag checks
 * reject anything else).  64-bit fields are `bigint`, smaller ones
 * `number`; out-of-range values throw a RangeError instead of wrapping.
 * Decoding a size-extensible struct from fewer bytes zero-fills the missing
 * fields, the way the kernel reads an older, smaller struct.
 */
declare type LayoutClass = string;
declare const LAYOUT_CLASSES: Readonly<Record<LayoutClass, { readonly littleEndian: boolean }>>;
declare function detectAbi(): DetectedAbi;
declare interface DetectedAbi {
  readonly layout: LayoutClass;
}

export type FieldKind = 'u8' | 's8' | 'u16' | 's16' | 'u32' | 's32' | 'u64' | 's64';

export interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  /** Array length; 0 for a scalar field. */
  readonly count: number;
  /** Reserved or padding field: not part of the value, always encoded as zero. */
  readonly reserved: boolean;
}

export interface ClassLayout {
  readonly size: number;
  readonly align: number;
  /** Byte offset of each field, in field order. */
  readonly offsets: readonly number[];
}

export interface StructSpec {
  readonly name: string;
  readonly extensible: boolean;
  readonly fields: readonly FieldSpec[];
  readonly layouts: Readonly<Record<LayoutClass, ClassLayout>>;
}

/** A layout class name, or a detected ABI (whose layout class is used). */
export type AbiSelector = LayoutClass | DetectedAbi;

type Scalar = number | bigint;

const KIND_SIZE: Readonly<Record<FieldKind, number>> = { u8: 1, s8: 1, u16: 2, s16: 2, u32: 4, s32: 4, u64: 8, s64: 8 };

function classOf(spec: StructSpec, abi: AbiSelector): { layout: ClassLayout; littleEndian: boolean } {
  const name = typeof abi === 'string' ? abi : abi.layout;
  const layout = spec.layouts[name];
  const cls = LAYOUT_CLASSES[name];
  if (!layout || !cls) throw new RangeError(`struct ${spec.name}: unknown layout class '${name}'`);
  return { layout, littleEndian: cls.littleEndian };
}

export function encodeStruct(spec: StructSpec, value: object, abi: AbiSelector = detectAbi()): Uint8Array {
  const { layout, littleEndian } = classOf(spec, abi);
  const bytes = new Uint8Array(layout.size);
  const view = new DataView(bytes.buffer);
  const record = value as Readonly<Record<string, unknown>>;
  spec.fields.forEach((field, i) => {
    if (field.reserved) return;
    const raw = record[field.name];
    const items = field.count > 0 ? (raw as readonly unknown[] | undefined) ?? [] : [raw];
    if (items.length > Math.max(field.count, 1)) throw new RangeError(`struct ${spec.name}: ${field.name} has more than ${field.count} items`);
    items.forEach((item, k) => writeScalar(view, (layout.offsets[i] ?? 0) + k * KIND_SIZE[field.kind], field, item ?? 0, littleEndian, spec.name));
  });
  return bytes;
}

export function decodeStruct<T extends object>(spec: StructSpec, bytes: Uint8Array, abi: AbiSelector = detectAbi()): T {
  const { layout, littleEndian } = classOf(spec, abi);
  let source = bytes;
  if (bytes.length < layout.size) {
    if (!spec.extensible) throw new RangeError(`struct ${spec.name}: ${bytes.length} bytes, need ${layout.size}`);
    source = new Uint8Array(layout.size);
    source.set(bytes);
  }
  const view = new DataView(source.buffer, source.byteOffset, source.byteLength);
  const out: Record<string, Scalar | Scalar[]> = {};
  spec.fields.forEach((field, i) => {
    if (field.reserved) return;
    const at = (k: number) => readScalar(view, (layout.offsets[i] ?? 0) + k * KIND_SIZE[field.kind], field.kind, littleEndian);
    out[field.name] = field.count > 0 ? Array.from({ length: field.count }, (_, k) => at(k)) : at(0);
  });
  return out as unknown as T;
}

function writeScalar(view: DataView, at: number, field: FieldSpec, item: unknown, le: boolean, struct: string): void {
  const wide = field.kind === 'u64' || field.kind === 's64';
  if (wide ? typeof item !== 'bigint' : typeof item !== 'number' || !Number.isInteger(item)) {
    throw new TypeError(`struct ${struct}: ${field.name} must be ${wide ? 'a bigint' : 'an integer number'}`);
  }
  const bits = KIND_SIZE[field.kind] * 8;
  const big = BigInt(item as Scalar);
  const fits = field.kind.startsWith('u') ? BigInt.asUintN(bits, big) === big : BigInt.asIntN(bits, big) === big;
  if (!fits) throw new RangeError(`struct ${struct}: ${field.name} = ${String(item)} does not fit ${field.kind}`);
  if (wide) view.setBigUint64(at, BigInt.asUintN(64, big), le);
  else if (bits === 32) view.setUint32(at, Number(BigInt.asUintN(32, big)), le);
  else if (bits === 16) view.setUint16(at, Number(BigInt.asUintN(16, big)), le);
  else view.setUint8(at, Number(BigInt.asUintN(8, big)));
}

function readScalar(view: DataView, at: number, kind: FieldKind, le: boolean): Scalar {
  switch (kind) {
    case 'u8': return view.getUint8(at);
    case 's8': return view.getInt8(at);
    case 'u16': return view.getUint16(at, le);
    case 's16': return view.getInt16(at, le);
    case 'u32': return view.getUint32(at, le);
    case 's32': return view.getInt32(at, le);
    case 'u64': return view.getBigUint64(at, le);
    case 's64': return view.getBigInt64(at, le);
  }
}
