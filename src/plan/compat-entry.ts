/**
 * Which calls get a compat entry, and its prototype's arguments.
 *
 * A definition may name the entry (`compat: true` or a function name).
 * Left out, the kernel's own rule (adding-syscalls.rst, "compat") decides:
 * an explicitly 64-bit scalar argument arrives from 32-bit user space in
 * two registers (fallocate, sync_file_range, fadvise64_64), and a struct
 * marked `compat: true` lays out differently there; both need
 * `compat_sys_<name>`.  Its prototype replaces each 64-bit argument by
 * `compat_arg_u64(name)` and each such struct by `struct compat_<name>`,
 * as include/linux/compat.h writes compat_sys_fallocate.
 */
import type { StructDef, SyscallDef } from '../model/defs-schema.js';
import { compatPrototypeArgs, scalar64Args } from '../model/scalar64.js';

export type CompatReason = 'defined' | 'split-64' | 'struct-layout';

export interface CompatEntry {
  compat?: string;
  compatWhy?: CompatReason;
  compatArgs?: string[];
}

/** The compat structs (`compat: true`) an argument list points to. */
export function compatStructsUsed(args: readonly string[], structs: readonly StructDef[]): StructDef[] {
  return structs.filter((st) => st.compat && args.some((a) => new RegExp(`\\bstruct\\s+${st.name}\\b`).test(a)));
}

export function compatEntry(def: SyscallDef, structs: readonly StructDef[]): CompatEntry {
  const converted = compatStructsUsed(def.args, structs);
  const why: CompatReason | undefined = def.compat ? 'defined' : def.compat === false ? undefined : converted.length > 0 ? 'struct-layout' : scalar64Args(def.args).length > 0 ? 'split-64' : undefined;
  if (!why) return {};
  const compat = typeof def.compat === 'string' ? def.compat : `compat_sys_${def.name}`;
  const renamed = compatPrototypeArgs(def.args).map((a) => converted.reduce((text, st) => text.replace(new RegExp(`\\bstruct\\s+${st.name}\\b`), `struct compat_${st.name}`), a));
  return { compat, compatWhy: why, compatArgs: def.compat_args ?? renamed };
}
