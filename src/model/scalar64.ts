/**
 * Explicitly 64-bit scalar arguments (adding-syscalls.rst, "compat" and
 * "64-bit arguments"): `loff_t`, `u64`, `__u64`, `s64`, `__s64`,
 * `long long`, `unsigned long long`.  A 32-bit caller of a 64-bit kernel
 * passes such a value split over two 32-bit registers, so the call needs a
 * compat entry that glues the halves (`compat_arg_u64_dual()`), and the
 * halves must sit in an aligned register pair: arm EABI, mips o32 and ppc32
 * insert a padding register before a 64-bit value that would start in an
 * odd 32-bit slot, and the compat entry's halves are then off by one.
 * A pointer to a 64-bit type is not split and needs none of this.
 */
import { parameterName } from './c-declaration.js';

/** The type words that make an argument 64-bit (after `const`/`volatile` and `signed`/`int` noise). */
const SCALAR64 = new Set(['loff_t', 'u64', '__u64', 's64', '__s64', 'long long', 'unsigned long long']);

/** ABIs whose calling convention pads a 64-bit argument to an even register. */
export const PAIRING_ABIS = ['arm EABI', 'mips o32', 'ppc32'] as const;

/** Is `decl` (one C parameter declaration) a 64-bit scalar, i.e. not a pointer? */
export function isScalar64(decl: string): boolean {
  if (decl.includes('*')) return false;
  const words = decl.trim().split(/\s+/).slice(0, -1).filter((w) => !['const', 'volatile', 'signed', 'int', '__user'].includes(w));
  return SCALAR64.has(words.join(' '));
}

/** A 64-bit argument and where it lands in 32-bit registers. */
export interface Scalar64Arg {
  /** 0-based index in `args`. */
  index: number;
  name: string;
  /** 0-based 32-bit register slot of its first half, without padding. */
  slot: number;
}

/** The 64-bit arguments of a prototype and their unpadded 32-bit slots. */
export function scalar64Args(args: readonly string[]): Scalar64Arg[] {
  const out: Scalar64Arg[] = [];
  let slot = 0;
  args.forEach((decl, index) => {
    const wide = isScalar64(decl);
    if (wide) out.push({ index, name: parameterName(decl), slot });
    slot += wide ? 2 : 1;
  });
  return out;
}

/** 32-bit registers the arguments take when each 64-bit one is split in two. */
export function splitRegisterCount(args: readonly string[]): number {
  return args.length + scalar64Args(args).length;
}

/** The 64-bit arguments that start in an odd slot (1-based position 2, 4 or 6 counted in registers). */
export function oddSlotArgs(args: readonly string[]): Scalar64Arg[] {
  return scalar64Args(args).filter((a) => a.slot % 2 === 1);
}

/**
 * An order of the same arguments in which no 64-bit one starts in an odd
 * slot: walking the list, a 64-bit argument that would land odd lets the
 * next 32-bit argument go first; when none follows, the 64-bit arguments
 * go first.  Undefined when the order is already fine.
 */
export function alignedOrder(args: readonly string[]): string[] | undefined {
  if (oddSlotArgs(args).length === 0) return undefined;
  const rest = [...args];
  const out: string[] = [];
  let slot = 0;
  while (rest.length > 0) {
    const next = rest[0]!;
    if (isScalar64(next) && slot % 2 === 1) {
      const narrow = rest.findIndex((d) => !isScalar64(d));
      if (narrow < 0) break;
      out.push(rest.splice(narrow, 1)[0]!);
      slot += 1;
      continue;
    }
    out.push(rest.shift()!);
    slot += isScalar64(next) ? 2 : 1;
  }
  if (rest.length === 0 && oddSlotArgs(out).length === 0) return out;
  return [...args.filter(isScalar64), ...args.filter((d) => !isScalar64(d))];
}

/** The compat prototype's arguments: each 64-bit one becomes `compat_arg_u64(name)` (include/linux/compat.h). */
export function compatPrototypeArgs(args: readonly string[]): string[] {
  return args.map((decl) => (isScalar64(decl) ? `compat_arg_u64(${parameterName(decl)})` : decl));
}
