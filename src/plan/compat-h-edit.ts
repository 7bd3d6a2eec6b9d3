/**
 * include/linux/compat.h: the prototype of a call's compat entry
 * (kernel-conventions §1.5, §6.3: compat prototypes go here, not to
 * syscalls.h).  It goes after the compat prototype named by the
 * `after.compat_h` hint, or else next to the newest compat call the tree
 * has (the highest generic number wired with `__SC_COMP` whose prototype
 * is in compat.h, epoll_pwait2 in 6.12).  The arguments are the
 * definition's `compat_args`, or its `args` with 64-bit ones as
 * `compat_arg_u64(name)` (compat-entry.ts).
 */
import type { KernelTree } from '../kernel/kernel-tree.js';
import type { Prototype } from '../kernel/syscalls-h-reader.js';
import { joinLines } from '../kernel/text-lines.js';
import type { LoadedDefs } from '../model/defs-loader.js';
import type { Diagnostic } from '../model/diagnostics.js';
import { renderPrototype } from '../render/prototype.js';
import { insertLines, type FileEdit, type Insertion } from './file-edit.js';
import type { PlannedCall } from './numbering.js';

function newestCompatPrototype(tree: KernelTree, byEntry: ReadonlyMap<string, Prototype>): Prototype | undefined {
  const newest = tree.unistd.pairs
    .filter((p) => p.compat !== undefined && byEntry.has(p.compat))
    .sort((a, b) => b.nr - a.nr)[0];
  return newest ? byEntry.get(newest.compat!) : undefined;
}

export function planCompatHEdit(tree: KernelTree, calls: readonly PlannedCall[], loaded: LoadedDefs, problems: Diagnostic[]): FileEdit | undefined {
  const header = tree.compatH;
  const wanted = calls.filter((c) => c.compat !== undefined);
  if (!header || wanted.length === 0) return undefined;
  const byEntry = new Map(header.prototypes.map((p) => [p.entry, p]));
  const insertions: Insertion[] = [];
  for (const call of wanted) {
    if (byEntry.has(call.compat!)) continue;
    const hint = call.def.after.compat_h;
    const anchor = hint === undefined ? newestCompatPrototype(tree, byEntry) : (byEntry.get(hint) ?? byEntry.get(`compat_sys_${hint}`));
    if (!anchor) {
      problems.push(loaded.error(['syscalls', call.index, 'after', 'compat_h'], hint ? `no compat prototype for '${hint}' in ${header.path}` : `no compat prototype to anchor on in ${header.path}`));
      continue;
    }
    const args = call.compatArgs ?? call.def.args;
    // A compat struct lives in the entry's .c file: the prototype needs its tag declared.
    const declared = (tag: string) => header.text.lines.some((l) => l.startsWith(`struct ${tag} {`) || l === `struct ${tag};`);
    const forward = [...new Set(args.flatMap((a) => [...a.matchAll(/\bstruct\s+(compat_\w+)/g)].map((m) => m[1]!)))].filter((t) => !declared(t));
    insertions.push({ after: anchor.last, lines: [...forward.map((t) => `struct ${t};`), ...renderPrototype(call.compat!, args)] });
  }
  if (insertions.length === 0) return undefined;
  const source = joinLines(header.text);
  return { path: header.path, before: source, after: insertLines(source, insertions) };
}
