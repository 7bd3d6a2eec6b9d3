/**
 * Give every syscall of a definition its generic number.
 *
 * `auto` takes the next free number: above every table's newest block (in
 * generic numbering, i.e. with the table's offset taken off: alpha's 572 is
 * 462), above asm-generic's `__NR_syscalls` and above arm64's
 * `__NR_compat_syscalls` in trees that still have unistd32.h.  Rows outside
 * the newest block (x86_64's x32 range 512-547) are not part of the generic
 * range but still collide with an explicit number.  A syscall the tree
 * already has keeps its number and is reported as wired.
 */
import type { KernelTree } from '../kernel/kernel-tree.js';
import { MAX_ROW_NUMBER } from '../kernel/syscall-table-reader.js';
import type { LoadedDefs } from '../model/defs-loader.js';
import type { SyscallDef } from '../model/defs-schema.js';
import { DiagnosticError, type Diagnostic } from '../model/diagnostics.js';
import { compatEntry, type CompatReason } from './compat-entry.js';

export interface PlannedCall {
  def: SyscallDef;
  /** Index in defs.syscalls, for diagnostics. */
  index: number;
  /** Generic number (tables add their own offset). */
  nr: number;
  entry: string;
  compat?: string;
  /**
   * Why the call has a compat entry: the definition names one (`defined`), or syswire adds it for a
   * 64-bit argument or a `compat: true` struct (compat-entry.ts).  Tables whose entry column names
   * the compat function (mips n32) take it only when `defined`: n32 passes a 64-bit value in one
   * register and lays structs out as n64 does, as the tree's fallocate row shows.
   */
  compatWhy?: CompatReason;
  /** The compat prototype's arguments (include/linux/compat.h). */
  compatArgs?: string[];
  /**
   * Already in asm-generic/unistd.h: keeps its number, only missing pieces are added.  A call only
   * some tables have (a wire-up stopped half way) is not wired but keeps those rows' number.
   */
  wired: boolean;
}

/** The lowest generic number no table, header or count has used yet. */
export function nextFreeNumber(tree: KernelTree): number {
  return numberIndex(tree).next;
}

/** Who already uses generic number `nr` (any table row, reserved comment or unistd.h define). */
export function numberUsers(tree: KernelTree, nr: number): { where: string; name: string }[] {
  return [...(numberIndex(tree).users.get(nr) ?? [])];
}

interface NumberIndex {
  next: number;
  users: Map<number, { where: string; name: string }[]>;
  /** name -> the generic numbers its rows have, and where (a half-wired tree has some tables only). */
  rows: Map<string, { where: string; nr: number }[]>;
}

/** Built once per tree: every number check and `auto` of a run reads it. */
const indexes = new WeakMap<KernelTree, NumberIndex>();

function numberIndex(tree: KernelTree): NumberIndex {
  const known = indexes.get(tree);
  if (known) return known;
  const users = new Map<number, { where: string; name: string }[]>();
  const rows = new Map<string, { where: string; nr: number }[]>();
  const use = (nr: number, user: { where: string; name: string }) => {
    const list = users.get(nr);
    if (list) list.push(user);
    else users.set(nr, [user]);
  };
  let next = tree.unistd.count ?? 0;
  for (const p of tree.unistd.pairs) {
    next = Math.max(next, p.nr + 1);
    if (p.callLine >= 0) use(p.nr, { where: tree.unistd.path, name: p.name });
  }
  if (tree.arm64Compat) next = Math.max(next, tree.arm64Compat.count.count);
  for (const t of tree.tables) {
    const { first, last } = t.format.block;
    t.table.lines.forEach((line, i) => {
      const nr = line.kind === 'row' ? line.nr : line.reserved?.nr;
      if (nr === undefined) return;
      // Rows outside the newest block (x86_64's x32 range) still collide with an explicit number.
      if (i >= first && i <= last) next = Math.max(next, nr - t.format.offset + 1);
      use(nr - t.format.offset, { where: t.path, name: line.kind === 'row' ? line.name : line.reserved!.name });
      if (line.kind === 'row') rows.set(line.name, [...(rows.get(line.name) ?? []), { where: t.path, nr: nr - t.format.offset }]);
    });
  }
  const index = { next, users, rows };
  indexes.set(tree, index);
  return index;
}

/**
 * A call asm-generic/unistd.h lacks but some tables have (a wire-up that
 * stopped half way, a hand edit): the rest of the tree must get the number
 * those rows have, or a new number would split it.  Rows that disagree are
 * refused: only the author knows which is right.
 */
function partlyWired(tree: KernelTree, loaded: LoadedDefs, index: number, problems: Diagnostic[]): number | undefined {
  const name = loaded.defs.syscalls[index]!.name;
  const found = numberIndex(tree).rows.get(name) ?? [];
  const numbers = [...new Set(found.map((r) => r.nr))];
  if (numbers.length <= 1) return numbers[0];
  const where = numbers.map((nr) => `${nr} in ${found.find((r) => r.nr === nr)!.where}`).join(', ');
  problems.push(loaded.error(['syscalls', index, 'name'], `${name} already has rows with different numbers (${where}, generic numbering): fix the tree's rows first`));
  return numbers[0];
}

export function assignNumbers(tree: KernelTree, loaded: LoadedDefs): PlannedCall[] {
  const problems: Diagnostic[] = [];
  const taken = new Set<number>();
  const calls = loaded.defs.syscalls.map((def, index): PlannedCall => {
    const call: PlannedCall = { def, index, nr: -1, entry: def.entry ?? `sys_${def.name}`, wired: false };
    Object.assign(call, compatEntry(def, loaded.defs.structs));
    const existing = tree.generic.numbers.get(def.name);
    const rows = existing === undefined ? partlyWired(tree, loaded, index, problems) : undefined;
    if (existing !== undefined || rows !== undefined) {
      const nr = (existing ?? rows)!;
      if (def.number !== 'auto' && def.number !== nr) {
        problems.push(loaded.error(['syscalls', index, 'number'], `${def.name} is already wired as ${nr} in ${existing !== undefined ? tree.unistd.path : 'some syscall tables'}, not ${def.number}`));
      }
      taken.add(nr);
      return { ...call, nr, wired: existing !== undefined };
    }
    if (def.number === 'auto') return call;
    const users = numberUsers(tree, def.number).filter((u) => u.name !== def.name);
    if (users.length > 0 || taken.has(def.number)) {
      const first = users[0];
      const detail = first ? `${first.name} in ${first.where}${users.length > 1 ? ` (and ${users.length - 1} more places)` : ''}` : 'another syscall of this definition';
      problems.push(loaded.error(['syscalls', index, 'number'], `number ${def.number} for ${def.name} collides with ${detail}`));
    }
    taken.add(def.number);
    return { ...call, nr: def.number };
  });
  let next = nextFreeNumber(tree);
  for (const call of calls) {
    if (call.nr >= 0) continue;
    while (taken.has(next)) next++;
    // A tree whose numbers run past the tables' range has no next free number.
    if (next > MAX_ROW_NUMBER) throw new DiagnosticError([{ file: tree.unistd.path, line: 0, col: 0, severity: 'error', message: `no free syscall number below ${MAX_ROW_NUMBER} in this tree` }]);
    call.nr = next;
    taken.add(next);
  }
  if (problems.length > 0) throw new DiagnosticError(problems);
  return calls;
}
