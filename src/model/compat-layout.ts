/**
 * Does a uapi struct lay out differently for a compat ABI (32-bit user
 * space on a 64-bit kernel) than for the 64-bit ABIs?  Then a 64-bit
 * kernel cannot copy it in as it is: the call needs a compat entry that
 * reads `struct compat_<name>` (whose `compat_u64` fields carry the compat
 * ABI's alignment, include/asm-generic/compat.h), or a struct that lays
 * out the same everywhere.  The layouts are the bindings' layout classes
 * (bindings/abi-layout.ts); nothing here is a second layout model.
 */
import { layoutClass, layoutInClass, type LayoutClassName } from '../bindings/abi-layout.js';
import { USER_ABIS } from '../bindings/abi-catalog.js';
import type { FieldDef } from './defs-schema.js';

/** The 32-bit ABIs a 64-bit kernel runs as compat (x86, arm64, mips, powerpc, sparc, parisc, riscv). */
const COMPAT_ABIS = ['i386', 'x32', 'arm', 'mips-o32', 'mips-n32', 'powerpc', 'sparc', 'parisc', 'riscv32'];
const NATIVE: LayoutClassName = 'lp64-le';

export interface LayoutDifference {
  abi: string;
  /** Fields whose offset differs: [name, compat offset, native offset]. */
  fields: [string, number, number][];
  size: [number, number];
}

/** Every compat ABI whose layout of `fields` differs from the native 64-bit one. */
export function compatLayoutDifferences(fields: readonly FieldDef[]): LayoutDifference[] {
  const native = layoutInClass(fields, layoutClass(NATIVE));
  const out: LayoutDifference[] = [];
  for (const name of COMPAT_ABIS) {
    const spec = USER_ABIS.find((a) => a.name === name)!;
    const cls = spec.layout.le ?? spec.layout.be!;
    const compat = layoutInClass(fields, layoutClass(cls));
    const moved = compat.fields
      .map((f, i): [string, number, number] => [f.field.name, f.offset, native.fields[i]!.offset])
      .filter(([, a, b]) => a !== b);
    if (moved.length > 0 || compat.size !== native.size) out.push({ abi: name, fields: moved, size: [compat.size, native.size] });
  }
  return out;
}

/** `i386: 'len' at offset 4 (8 on 64-bit), size 12 (16 on 64-bit)`. */
export function describeDifference(d: LayoutDifference): string {
  const parts = d.fields.map(([name, at, native]) => `'${name}' at offset ${at} (${native} on 64-bit)`);
  if (d.size[0] !== d.size[1]) parts.push(`size ${d.size[0]} (${d.size[1]} on 64-bit)`);
  return `${d.abi}: ${parts.join(', ')}`;
}
