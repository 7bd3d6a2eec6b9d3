/**
 * The compat half of an entry skeleton, as fs/open.c writes fallocate:
 *
 *   static long do_x(<kernel args>)            the shared work
 *   #ifndef CONFIG_ARCH_SPLIT_ARG64
 *   SYSCALL_DEFINEn(x, ...)                    native: calls do_x()
 *   #else                                      x86_32, ppc32, parisc: each 64-bit
 *   SYSCALL_DEFINEm(x, ..., SC_ARG64(off), ...)  argument in two registers,
 *   #endif                                     as fanotify_mark does
 *   #ifdef CONFIG_COMPAT
 *   struct compat_<s> { ... };                 for a `compat: true` struct
 *   COMPAT_SYSCALL_DEFINEn(x, ..., compat_arg_u64_dual(off), ...)
 *   {   ... return do_x(..., compat_arg_u64_glue(off), ...); }
 *   #endif
 *
 * A struct argument is copied in by each entry (the compat one reads
 * `struct compat_<s>`, whose `compat_u64` fields carry the compat ABI's
 * alignment, and converts it field by field); do_x() gets the kernel copy.
 */
import type { Defs, StructDef } from '../model/defs-schema.js';
import { parameterName } from '../model/c-declaration.js';
import { isScalar64 } from '../model/scalar64.js';
import type { PlannedCall } from '../plan/numbering.js';
import { compatStructsUsed } from '../plan/compat-entry.js';
import { fillArguments } from './prototype.js';

export interface Param {
  type: string;
  name: string;
}

/** The extensible struct argument of the native entry, if any. */
interface Extensible {
  struct: string;
  ptr: string;
  sizeArg: string;
}

const COMPAT_TYPE: Record<string, string> = { __u64: 'compat_u64', __s64: 'compat_s64' };

/** `struct compat_<s>`: the same fields, 64-bit ones with the compat ABI's alignment. */
function compatStructLines(st: StructDef): string[] {
  return [`struct compat_${st.name} {`, ...st.fields.map((f) => `\t${COMPAT_TYPE[f.type] ?? f.type} ${f.name}${f.count ? `[${f.count}]` : ''};`), '};'];
}

/** `kargs.a = cargs.a;` per field (arrays by memcpy). */
function conversionLines(st: StructDef): string[] {
  return st.fields.map((f) => (f.count ? `\tmemcpy(kargs.${f.name}, cargs.${f.name}, sizeof(kargs.${f.name}));` : `\tkargs.${f.name} = cargs.${f.name};`));
}

/** `compat_arg_u64(off)` -> `compat_arg_u64_dual(off)` / `compat_arg_u64_glue(off)`; other args as `type, name` / `name`. */
function defineItem(decl: string): string {
  const split = /^compat_arg_u64\((\w+)\)$/.exec(decl);
  if (split) return `compat_arg_u64_dual(${split[1]})`;
  const name = parameterName(decl);
  return `${decl.slice(0, decl.lastIndexOf(name)).trim()}, ${name}`;
}

function callItem(decl: string): string {
  const split = /^compat_arg_u64\((\w+)\)$/.exec(decl);
  return split ? `compat_arg_u64_glue(${split[1]})` : parameterName(decl);
}

export function compatView(defs: Defs, call: PlannedCall, params: readonly Param[], ext: Extensible | undefined) {
  const compatArgs = call.compatArgs ?? call.def.args;
  const layout = compatStructsUsed(call.def.args, defs.structs)[0];
  const structName = ext?.struct ?? layout?.name;
  const ptr = ext?.ptr ?? (layout ? params.find((p) => p.type.includes(`struct ${layout.name} `))?.name : undefined);
  const struct = structName ? defs.structs.find((s) => s.name === structName) : undefined;
  // do_x() takes the kernel copy of the struct in place of its pointer, and no size.
  const shared = params.filter((p) => p.name !== ext?.sizeArg).map((p) => (p.name === ptr ? { type: `const struct ${structName} *`, name: 'kargs' } : p));
  const doHead = fillArguments(`static long do_${call.def.name}(`, shared.length === 0 ? ['void'] : shared.map((p) => `${p.type}${p.type.endsWith('*') ? '' : ' '}${p.name}`), ')');
  const nativeArgs = shared.map((p) => (p.name === 'kargs' ? '&kargs' : p.name));
  const compatItems = compatArgs.map(defineItem);
  const registers = compatItems.reduce((n, item) => n + (item.startsWith('compat_arg_u64_dual') ? 2 : 1), 0);
  const converting = struct !== undefined && layout !== undefined;
  const compatCallArgs = shared.map((p) => {
    if (p.name === 'kargs') return '&kargs';
    const decl = compatArgs.find((d) => callItem(d) === p.name || callItem(d) === `compat_arg_u64_glue(${p.name})`);
    return decl ? callItem(decl) : p.name;
  });
  // Native 32-bit kernels that select ARCH_SPLIT_ARG64 get each 64-bit argument as two registers too.
  const wide = params.filter((p, i) => isScalar64(call.def.args[i]!));
  // (Not yet with a struct the entry copies in: the split entry would need the copy too.)
  const split = wide.length === 0 || ptr !== undefined ? false : {
    define: fillArguments(`SYSCALL_DEFINE${params.length + wide.length}(`, [call.def.name, ...params.map((p) => (wide.includes(p) ? `SC_ARG64(${p.name})` : `${p.type}, ${p.name}`))], ')'),
    call: fillArguments(`\treturn do_${call.def.name}(`, nativeArgs.map((a) => { const p = wide.find((w) => w.name === a); return p ? `SC_VAL64(${p.type}, ${p.name})` : a; }), ');'),
  };
  return {
    doName: `do_${call.def.name}`,
    split,
    doHead,
    nativeCall: fillArguments(`\treturn do_${call.def.name}(`, nativeArgs, ');'),
    nativeCopy: !ext && ptr && struct ? { struct: struct.name, ptr } : false,
    define: fillArguments(`COMPAT_SYSCALL_DEFINE${registers}(`, [call.def.name, ...compatItems], ')'),
    call: fillArguments(`\treturn do_${call.def.name}(`, compatCallArgs, ');'),
    struct: converting
      ? {
          lines: compatStructLines(struct),
          name: struct.name,
          ptr: ptr!,
          size: ext?.sizeArg ?? '',
          minSize: ext ? `offsetofend(struct compat_${struct.name}, ${struct.fields.filter((f) => f.since === 0).at(-1)!.name})` : '',
          conversion: conversionLines(struct),
        }
      : false,
  };
}
