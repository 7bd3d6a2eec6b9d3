/**
 * The SYSCALL_DEFINEn entry-point skeleton.  For a size-extensible struct
 * argument it performs the checks in the kernel's order
 * (kernel-conventions §2): usize > PAGE_SIZE -> -E2BIG, usize below
 * <NAME>_SIZE_VER0 -> -EINVAL, copy_struct_from_user() (zero-fills a
 * shorter struct, -E2BIG for non-zero bytes past a longer one), then
 * unknown flag bits -> -EINVAL against the mask of the known flags (a
 * plain `flags` argument gets the same test).  The body returns
 * -EOPNOTSUPP until the implementation is written: -ENOSYS means "no such
 * syscall number" and nothing else (checkpatch's ENOSYS warning).
 *
 * A call with a compat entry (compat-skeleton.ts) shares its work in a
 * `do_<name>()` that both SYSCALL_DEFINEn and COMPAT_SYSCALL_DEFINEn call,
 * the way fs/open.c shares ksys_fallocate().
 */
import type { Defs, StructDef } from '../model/defs-schema.js';
import type { PlannedCall } from '../plan/numbering.js';
import { compatView, type Param } from './compat-skeleton.js';
import { renderTemplate } from './engine.js';
import { upper } from './helpers.js';

/** Split a C declaration `struct foo __user *data` into type and name. */
export function splitDeclaration(decl: string): Param {
  const m = /^(.*?)(\w+)\s*$/.exec(decl.trim());
  if (!m || !m[1]!.trim()) throw new Error(`cannot split argument declaration '${decl}' into type and name`);
  return { type: m[1]!.trim(), name: m[2]! };
}

/** `A | B`, or '' when no flags are defined (the flags must then be zero). */
export function flagMask(struct: StructDef | undefined): string {
  return (struct?.flags ?? []).map((f) => f.name).join(' | ');
}

export function renderEntrySkeletons(defs: Defs, calls: readonly PlannedCall[]): string {
  const view = calls.map((call) => {
    const params = call.def.args.map(splitDeclaration);
    const ext = call.def.extensible;
    const struct = ext ? defs.structs.find((s) => params.some((p) => p.name === ext.struct_arg && p.type.includes(`struct ${s.name} `))) : undefined;
    const docFor = (name: string) =>
      ext && name === ext.struct_arg && struct ? `user pointer to struct ${struct.name}` : ext && name === ext.size_arg && struct ? `size of *@${ext.struct_arg}, at least ${upper(struct.name)}_SIZE_VER0` : 'see the uapi header';
    const extensible =
      ext && struct
        ? { struct: struct.name, ptr: ext.struct_arg, size: ext.size_arg, ver0: `${upper(struct.name)}_SIZE_VER0`, flagsField: ext.flags_field ?? '', validFlags: flagMask(struct) }
        : false;
    // A plain flags argument is checked against the flags of the call's struct, if it has one.
    const argStruct = defs.structs.find((s) => params.some((p) => p.type.includes(`struct ${s.name} `)));
    const flagsArg = !extensible && params.some((p) => p.name === 'flags' && !p.type.includes('*')) ? { name: 'flags', validFlags: flagMask(argStruct) } : false;
    return {
      name: call.def.name,
      entry: call.entry,
      doc: call.def.doc ?? `the ${call.def.name}() system call`,
      params: params.map((p) => ({ ...p, doc: docFor(p.name) })),
      extensible,
      flagsArg,
      compat: call.compat ? compatView(defs, call, params, extensible ? { ...extensible, sizeArg: extensible.size } : undefined) : false,
    };
  });
  return renderTemplate('syscall-define.c.hbs', { calls: view });
}
