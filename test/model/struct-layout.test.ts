// Natural 64-bit layout of uapi structs: SIZE_VERn sizes and the implicit
// padding syswire warns about.
import { describe, expect, it } from 'vitest';
import type { FieldDef, StructDef } from '../../src/model/defs-schema.js';
import { implicitPadding, layoutStruct, versionSizes } from '../../src/model/struct-layout.js';

const f = (name: string, type: FieldDef['type'], since = 0, count?: number): FieldDef => ({ name, type, doc: name, since, ...(count ? { count } : {}) });

describe('struct layout', () => {
  it.each([
    ['u32 then u64', [f('a', '__u32'), f('b', '__u64')], [0, 8], 16],
    ['u8 array then u16', [f('a', '__u8', 0, 3), f('b', '__u16')], [0, 4], 6],
    ['all u64', [f('a', '__u64'), f('b', '__aligned_u64')], [0, 8], 16],
  ])('%s', (_t, fields, offsets, size) => {
    const layout = layoutStruct(fields);
    expect(layout.fields.map((x) => x.offset)).toEqual(offsets);
    expect(layout.size).toBe(size);
  });

  it('sizes each published version from the fields it had', () => {
    const st = { name: 's', header: 'include/uapi/linux/s.h', doc: 's', extensible: true, flags: [], fields: [f('a', '__u64'), f('b', '__u32', 1), f('c', '__u32', 1), f('d', '__u64', 2)] } satisfies StructDef;
    expect(versionSizes(st)).toEqual([8, 16, 24]);
  });

  it('finds holes before fields and at the end', () => {
    expect(implicitPadding([f('a', '__u32'), f('b', '__u64'), f('c', '__u8')])).toEqual([
      { before: 'b', bytes: 4 },
      { before: null, bytes: 7 },
    ]);
    expect(implicitPadding([f('a', '__u32'), f('pad', '__u32'), f('b', '__u64')])).toEqual([]);
  });
});
