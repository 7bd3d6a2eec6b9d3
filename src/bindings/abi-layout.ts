/**
 * Struct layout classes: how each family of ABIs places the fixed-width
 * uapi types.  Only three things vary between ABIs for such structs: byte
 * order, the alignment of a plain 64-bit field, and a cap on alignment.
 *
 *   class            order  __u64 align  cap  ABIs
 *   lp64-le          LE     8            -    x86_64, arm64, riscv64, loongarch64, alpha, ppc64le, mips n64 (el)
 *   lp64-be          BE     8            -    s390x, sparc64, ppc64, mips n64
 *   ilp32-le         LE     8            -    x32, arm EABI, riscv32, mips o32/n32 (el), hexagon, xtensa
 *   ilp32-be         BE     8            -    powerpc, sparc, parisc, mips o32/n32, arm (BE8), xtensa (BE)
 *   ilp32-le-u64a4   LE     4            -    i386, sh, microblaze (el), nios2, csky, arc
 *   ilp32-be-u64a4   BE     4            -    openrisc, microblaze, sh (BE)
 *   m68k             BE     2            2    m68k: every type of 2 bytes or more is 2-aligned
 *
 * `__aligned_u64`/`__aligned_s64` carry `__attribute__((aligned(8)))` in
 * include/uapi/linux/types.h, so they are 8-aligned in every class, m68k
 * included.  The ILP32 and LP64 classes differ only in name for these
 * structs (no `long` or pointer fields); they are kept apart because the
 * C compilers that check them are different.
 */
import type { UapiType } from '../model/defs-schema.js';
import { layoutStruct, TYPE_SIZE, type StructLayout } from '../model/struct-layout.js';
import type { FieldDef } from '../model/defs-schema.js';

export const LAYOUT_CLASS_NAMES = ['lp64-le', 'lp64-be', 'ilp32-le', 'ilp32-be', 'ilp32-le-u64a4', 'ilp32-be-u64a4', 'm68k'] as const;
export type LayoutClassName = (typeof LAYOUT_CLASS_NAMES)[number];

export interface LayoutClass {
  name: LayoutClassName;
  littleEndian: boolean;
  /** Alignment of a plain `__u64`/`__s64`. */
  u64Align: number;
  /** Upper bound on the natural alignment of unattributed types. */
  maxAlign: number;
}

const classes: Record<LayoutClassName, Omit<LayoutClass, 'name'>> = {
  'lp64-le': { littleEndian: true, u64Align: 8, maxAlign: 8 },
  'lp64-be': { littleEndian: false, u64Align: 8, maxAlign: 8 },
  'ilp32-le': { littleEndian: true, u64Align: 8, maxAlign: 8 },
  'ilp32-be': { littleEndian: false, u64Align: 8, maxAlign: 8 },
  'ilp32-le-u64a4': { littleEndian: true, u64Align: 4, maxAlign: 8 },
  'ilp32-be-u64a4': { littleEndian: false, u64Align: 4, maxAlign: 8 },
  m68k: { littleEndian: false, u64Align: 2, maxAlign: 2 },
};

export function layoutClass(name: LayoutClassName): LayoutClass {
  return { name, ...classes[name] };
}

/** Alignment of one uapi type in a class. */
export function typeAlign(cls: LayoutClass, type: UapiType): number {
  if (type === '__aligned_u64' || type === '__aligned_s64') return 8;
  const natural = TYPE_SIZE[type];
  return Math.min(natural === 8 ? cls.u64Align : natural, cls.maxAlign);
}

/** The struct's layout in one class (offsets, size, alignment). */
export function layoutInClass(fields: readonly FieldDef[], cls: LayoutClass): StructLayout {
  return layoutStruct(fields, (type) => typeAlign(cls, type));
}
