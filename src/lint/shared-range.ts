/**
 * The shared range: the generic syscalls every table is expected to carry
 * with the same number (plus the table's offset, alpha +110).
 *
 * Older calls are not shared: each table has its own historical numbering
 * below the newest block (x86_64's read is 0, the generic one 63), the
 * time64 calls 403-423 exist only in 32-bit tables, some calls are
 * arch-private.  Nothing here names those ranges; they are found from the
 * tree.  Walking the generic numbers down from the newest call that every
 * arch table carries (as a row or a `# NNN reserved for name` comment), the
 * range extends as long as every arch table carries each call; newer calls
 * (the ones being added, which some table may lack by mistake) are in the
 * range too.
 * On 6.12 this gives 424 (pidfd_send_signal) to 462 (mseal).
 */
import { GENERIC_TABLE, type KernelTree, type TableModel } from '../kernel/kernel-tree.js';

export interface SharedCall {
  name: string;
  nr: number;
}

const carried = new WeakMap<TableModel, Set<string>>();

/** Does the table have a row or a `# NNN reserved for name` comment for `name`? */
export function carries(table: TableModel, name: string): boolean {
  let names = carried.get(table);
  if (!names) {
    names = new Set(table.table.lines.flatMap((l) => (l.kind === 'row' ? [l.name] : l.reserved ? [l.reserved.name] : [])));
    carried.set(table, names);
  }
  return names.has(name);
}

const ranges = new WeakMap<KernelTree, SharedCall[]>();

/** The shared range, computed once per tree (several rules ask). */
export function sharedRange(tree: KernelTree): SharedCall[] {
  let range = ranges.get(tree);
  if (!range) ranges.set(tree, (range = computeSharedRange(tree)));
  return range;
}

function computeSharedRange(tree: KernelTree): SharedCall[] {
  const calls = [...tree.generic.numbers].map(([name, nr]) => ({ name, nr })).sort((a, b) => b.nr - a.nr);
  // The arch tables decide: a call may be left out of scripts/syscall.tbl on purpose (missing-row-rule.ts),
  // and such a gap must not cut the range short.
  const archTables = tree.tables.filter((t) => t.path !== GENERIC_TABLE);
  const everywhere = (c: SharedCall) => archTables.every((t) => carries(t, c.name));
  const top = calls.findIndex(everywhere);
  if (top < 0) return [];
  let end = top;
  while (end + 1 < calls.length && everywhere(calls[end + 1]!)) end++;
  return calls.slice(0, end + 1).reverse();
}

/** Lowest generic number of the shared range (Infinity when there is none). */
export function sharedStart(tree: KernelTree): number {
  const range = sharedRange(tree);
  return range.length > 0 ? range[0]!.nr : Infinity;
}
