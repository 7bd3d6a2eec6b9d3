import { describe, expect, it } from 'vitest';
import { layoutClass, layoutInClass, typeAlign, type LayoutClassName } from '../../src/bindings/abi-layout.js';
import type { FieldDef, UapiType } from '../../src/model/defs-schema.js';

// Alignments as the psABIs define them: i386 aligns long long to 4 inside
// structs, m68k caps every alignment at 2, __aligned_u64 is aligned(8).
const cases: [LayoutClassName, UapiType, number][] = [
  ['lp64-le', '__u64', 8],
  ['lp64-be', '__s64', 8],
  ['ilp32-le', '__u64', 8],
  ['ilp32-le-u64a4', '__u64', 4],
  ['ilp32-le-u64a4', '__aligned_u64', 8],
  ['ilp32-le-u64a4', '__u16', 2],
  ['m68k', '__u32', 2],
  ['m68k', '__u64', 2],
  ['m68k', '__u8', 1],
  ['m68k', '__aligned_s64', 8],
];

const field = (name: string, type: UapiType): FieldDef => ({ name, type, doc: name, since: 0 });

describe('layout classes', () => {
  it.each(cases)('%s aligns %s to %i', (cls, type, want) => {
    expect(typeAlign(layoutClass(cls), type)).toBe(want);
  });

  it('places a __u64 after a __u32 by class', () => {
    const fields = [field('a', '__u32'), field('b', '__u64')];
    expect(layoutInClass(fields, layoutClass('lp64-le'))).toMatchObject({ size: 16, align: 8 });
    expect(layoutInClass(fields, layoutClass('ilp32-le-u64a4'))).toMatchObject({ size: 12, align: 4 });
    expect(layoutInClass([field('a', '__u8'), field('b', '__u32')], layoutClass('m68k')).fields[1]!.offset).toBe(2);
  });

  it('knows each class byte order', () => {
    expect(layoutClass('lp64-be').littleEndian).toBe(false);
    expect(layoutClass('ilp32-le').littleEndian).toBe(true);
    expect(layoutClass('m68k').littleEndian).toBe(false);
  });
});
