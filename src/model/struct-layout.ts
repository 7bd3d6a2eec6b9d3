/**
 * Natural layout of a uapi struct made of fixed-width types, as the
 * reference 64-bit ABIs (x86_64, arm64, ...) lay it out: each field at the
 * next multiple of its alignment, the size rounded up to the largest
 * alignment.  `SIZE_VERn` constants are computed from it.
 */
import type { FieldDef, StructDef, UapiType } from './defs-schema.js';

export const TYPE_SIZE: Record<UapiType, number> = {
  __u8: 1, __s8: 1, __u16: 2, __s16: 2, __u32: 4, __s32: 4,
  __u64: 8, __s64: 8, __aligned_u64: 8, __aligned_s64: 8,
};

export interface FieldLayout {
  field: FieldDef;
  offset: number;
  size: number;
}

export interface StructLayout {
  fields: FieldLayout[];
  size: number;
  align: number;
}

/** Layout with natural alignment; `align(type)` may be overridden for other ABIs. */
export function layoutStruct(fields: readonly FieldDef[], align: (type: UapiType) => number = (t) => TYPE_SIZE[t]): StructLayout {
  let offset = 0;
  let maxAlign = 1;
  const out: FieldLayout[] = [];
  for (const field of fields) {
    const a = align(field.type);
    maxAlign = Math.max(maxAlign, a);
    offset = roundUp(offset, a);
    const size = TYPE_SIZE[field.type] * (field.count ?? 1);
    out.push({ field, offset, size });
    offset += size;
  }
  return { fields: out, size: roundUp(offset, maxAlign), align: maxAlign };
}

/** Sizes of each published version: index n is `<NAME>_SIZE_VER<n>`. */
export function versionSizes(struct: StructDef): number[] {
  const last = Math.max(0, ...struct.fields.map((f) => f.since));
  return Array.from({ length: last + 1 }, (_, n) => layoutStruct(struct.fields.filter((f) => f.since <= n)).size);
}

function roundUp(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}

/** Holes the compiler inserts before a field or at the end (natural 64-bit layout). */
export function implicitPadding(fields: readonly FieldDef[]): { before: string | null; bytes: number }[] {
  const layout = layoutStruct(fields);
  const holes: { before: string | null; bytes: number }[] = [];
  let end = 0;
  for (const f of layout.fields) {
    if (f.offset > end) holes.push({ before: f.field.name, bytes: f.offset - end });
    end = f.offset + f.size;
  }
  if (layout.size > end) holes.push({ before: null, bytes: layout.size - end });
  return holes;
}
