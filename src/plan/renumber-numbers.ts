/**
 * Old -> new numbers when a series moves to a new base (kernel-conventions
 * §7: the number is a parameter; everything derived from it is recomputed
 * from the target tree).  The series' distinct old numbers, in ascending
 * order, become the new base's next free numbers, consecutively; a table's
 * number is the generic one plus the table's offset (alpha 573 -> 577).
 */
import type { KernelTree, TableModel } from '../kernel/kernel-tree.js';
import { nextFreeNumber } from './numbering.js';

export interface TableMove {
  /** Table id: `alpha`, `x86/64`, `generic`, ... */
  id: string;
  old: number;
  new: number;
}

export interface NumberMove {
  name: string;
  old: number;
  new: number;
  tables: TableMove[];
}

/** The new generic number of each syscall, from its old one. */
export function assignNewNumbers(tree: KernelTree, olds: ReadonlyMap<string, number>): Map<string, number> {
  const distinct = [...new Set(olds.values())].sort((a, b) => a - b);
  const next = nextFreeNumber(tree);
  const byOld = new Map(distinct.map((nr, i) => [nr, next + i]));
  return new Map([...olds].map(([name, nr]) => [name, byOld.get(nr)!]));
}

/** One move per syscall, with every table of `tree` that `inTable` says carries it. */
export function describeMoves(tree: KernelTree, olds: ReadonlyMap<string, number>, news: ReadonlyMap<string, number>, inTable: (name: string, table: TableModel) => boolean): NumberMove[] {
  return [...olds]
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .map(([name, old]) => {
      const nr = news.get(name)!;
      const tables = tree.tables.filter((t) => inTable(name, t)).map((t) => ({ id: t.id, old: old + t.format.offset, new: nr + t.format.offset }));
      return { name, old, new: nr, tables };
    });
}

/** `name old -> new`, then one indented line per table. */
export function formatMoves(moves: readonly NumberMove[]): string {
  const width = Math.max(0, ...moves.flatMap((m) => m.tables.map((t) => t.id.length)));
  return moves
    .map((m) => [`${m.name} ${m.old} -> ${m.new}`, ...m.tables.map((t) => `  ${t.id.padEnd(width)}  ${t.old} -> ${t.new}`)].join('\n') + '\n')
    .join('');
}

/** Changelog lines for `--note`: one per syscall whose number changed. */
export function renumberNotes(moves: readonly NumberMove[]): string[] {
  return moves.filter((m) => m.old !== m.new).map((m) => `Renumber ${m.name} ${m.old} -> ${m.new} after rebase`);
}
