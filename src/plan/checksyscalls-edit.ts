/**
 * scripts/checksyscalls.sh: `#define __IGNORE_<name>` for calls left out of
 * the generic table (scripts/syscall.tbl), so the arches that build from it
 * pass `make prepare` without `#warning syscall <name> not implemented`.
 * Arch tables need nothing here: they keep an excluded call's number with a
 * `sys_ni_syscall` row (table-edit.ts).  The defines open a new paragraph
 * with its own comment at the end of the ignore list, the way 6.12 added
 * `__IGNORE_fstat` ("Newer ports are not required to provide fstat ...").
 */
import { alwaysIgnored, CHECKSYSCALLS, parseChecksyscalls } from '../kernel/checksyscalls-reader.js';
import type { KernelTree } from '../kernel/kernel-tree.js';
import { renderLines } from '../render/engine.js';
import { insertLines, type FileEdit } from './file-edit.js';
import type { PlannedCall } from './numbering.js';
import { isExcluded, keepsReservedRow } from './table-edit.js';

/** The calls checksyscalls.sh must be told to ignore: excluded from a table that keeps no reserved row. */
export function callsToIgnore(tree: Pick<KernelTree, 'tables'>, calls: readonly PlannedCall[]): PlannedCall[] {
  return calls.filter((c) => tree.tables.some((t) => !keepsReservedRow(t) && isExcluded(c.def, t)));
}

export function planChecksyscallsEdit(tree: KernelTree, calls: readonly PlannedCall[], readTreeFile: (path: string) => string | undefined): FileEdit | undefined {
  const candidates = callsToIgnore(tree, calls);
  if (candidates.length === 0) return undefined;
  const source = readTreeFile(CHECKSYSCALLS);
  // A tree without the script has no check to satisfy.
  if (source === undefined) return undefined;
  const script = parseChecksyscalls(CHECKSYSCALLS, source);
  const ignored = alwaysIgnored(script);
  const names = candidates.map((c) => c.def.name).filter((name) => !ignored.has(name));
  if (names.length === 0) return undefined;
  const lines = renderLines('checksyscalls-ignore.sh.hbs', { comment: 'Not wired up on the architectures that use scripts/syscall.tbl', names });
  return { path: CHECKSYSCALLS, before: source, after: insertLines(source, [{ after: script.list.end - 1, lines }]) };
}
