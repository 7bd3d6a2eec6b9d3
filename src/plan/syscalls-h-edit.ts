/**
 * include/linux/syscalls.h: each prototype goes after the prototype named
 * by the definition's `after.syscalls_h` hint, or after the last generic
 * prototype (just before the architecture-specific part); struct types
 * used by the arguments get a forward declaration after the last one of
 * the list at the top of the file.
 */
import type { KernelTree } from '../kernel/kernel-tree.js';
import { joinLines } from '../kernel/text-lines.js';
import type { LoadedDefs } from '../model/defs-loader.js';
import type { Diagnostic } from '../model/diagnostics.js';
import { renderPrototype } from '../render/prototype.js';
import type { FileEdit, Insertion } from './file-edit.js';
import { insertLines } from './file-edit.js';
import { structsUsed } from '../kernel/syscalls-h-reader.js';
import type { PlannedCall } from './numbering.js';
import { parameterName } from '../model/c-declaration.js';
import { isScalar64 } from '../model/scalar64.js';

/**
 * A call with a 64-bit argument has two native prototypes, as
 * fanotify_mark does: kernels that select ARCH_SPLIT_ARG64 (x86_32, ppc32,
 * parisc) take each such argument as two 32-bit ones.
 */
function prototypeLines(entry: string, args: readonly string[]): string[] {
  if (!args.some(isScalar64)) return renderPrototype(entry, args);
  const split = args.flatMap((a) => (isScalar64(a) ? [1, 2].map((n) => `unsigned int ${parameterName(a)}_${n}`) : [a]));
  return ['#if defined(CONFIG_ARCH_SPLIT_ARG64)', ...renderPrototype(entry, split), '#else', ...renderPrototype(entry, args), '#endif'];
}

export function planSyscallsHEdit(tree: KernelTree, calls: readonly PlannedCall[], loaded: LoadedDefs, problems: Diagnostic[]): FileEdit | undefined {
  const header = tree.syscallsH;
  const byEntry = new Map(header.prototypes.map((p) => [p.entry, p]));
  const insertions: Insertion[] = [];
  const declared = new Set(header.forwardStructs.keys());
  const forward: string[] = [];
  for (const call of calls) {
    if (byEntry.has(call.entry)) continue;
    const hint = call.def.after.syscalls_h;
    const anchor = hint === undefined ? header.lastGenericPrototype : (byEntry.get(hint) ?? byEntry.get(`sys_${hint}`));
    if (!anchor) {
      problems.push(loaded.error(['syscalls', call.index, 'after', 'syscalls_h'], hint ? `no prototype for '${hint}' in ${header.path}` : `no prototype to anchor on in ${header.path}`));
      continue;
    }
    insertions.push({ after: anchor.last, lines: prototypeLines(call.entry, call.def.args) });
    for (const name of structsUsed(call.def.args)) if (!declared.has(name)) declared.add(name), forward.push(`struct ${name};`);
  }
  if (insertions.length === 0) return undefined;
  if (forward.length > 0) insertions.unshift({ after: header.lastForwardStruct, lines: forward });
  const source = joinLines(header.text);
  return { path: header.path, before: source, after: insertLines(source, insertions) };
}
