/**
 * The renumbering core shared by `renumber DEFS`, `renumber --patches` and
 * the merge driver: a set of syscalls moves from old numbers to new ones.
 *
 * - The rule (kernel-conventions §7: the number is a parameter): the
 *   distinct old numbers, in ascending order, become first, first + 1, ...
 *   `first` is the new base's next free number (renumber) or upstream's
 *   highest number in the conflict + 1 (merge).  Order is kept, and split
 *   rows sharing a number (32/64) keep sharing it.  A syscall the new base
 *   already has keeps the number it has there.
 * - The lines: in a syscall table, rows and `# N reserved for x` comments
 *   carry numbers; in a unistd header, `#define __NR_x N` lines do (the
 *   count `__NR_syscalls` included).  The line readers of src/kernel/ parse
 *   them; a renumbered line keeps everything but its number.
 * - The report: old -> new per syscall and per table, and the changelog
 *   notes of `--note`.
 */
import type { KernelTree, TableModel } from '../kernel/kernel-tree.js';
import { parseTableLine, printTableRow, type TableLine, type TableRow } from '../kernel/syscall-table-reader.js';
import { parseUnistdLine, printNrDefine } from '../kernel/unistd-reader.js';
import { nextFreeNumber } from './numbering.js';

/** 'table': a syscall*.tbl; 'unistd': a header of `#define __NR_` / `__SYSCALL` pairs. */
export type ListKind = 'table' | 'unistd';

/** A line of a syscall list, as an appended block may hold it. */
export interface ListLine {
  text: string;
  /** The number the line carries (a row, a reserved comment, a `#define __NR_`). */
  nr?: number;
  /** The syscall the line adds: a row's name, a `#define __NR_<name>`'s name. */
  name?: string;
  /** The line with another number, everything else kept. */
  renumber?: (nr: number) => string;
}

/**
 * `text` as a line of a `kind` list, or undefined for a line such a list
 * does not hold (a table row that is not a row; C code in a header).
 * Comments and blank lines come back without a number.
 */
export function parseListLine(kind: ListKind, text: string): ListLine | undefined {
  if (kind === 'table') {
    const line = tableLineOf(text);
    if (line?.kind === 'row') return { text, nr: line.nr, name: line.name, renumber: (nr) => renumberRow(line, nr) };
    const reserved = line?.kind === 'comment' ? line.reserved : undefined;
    if (reserved) return { text, nr: reserved.nr, renumber: (nr) => text.replace(/\d+/, String(nr)) };
    return line ? { text } : undefined;
  }
  const line = parseUnistdLine(text);
  if (line.kind === 'define') {
    const { define } = line;
    return { text, nr: define.nr, name: define.name, renumber: (nr) => printNrDefine(define, nr) };
  }
  return line.kind === 'other' || line.kind === 'undef' ? undefined : { text };
}

/** A table line read on its own, or undefined when the table reader refuses it. */
export function tableLineOf(text: string): TableLine | undefined {
  try {
    return parseTableLine(text);
  } catch {
    return undefined;
  }
}

/**
 * A row with a new number keeps its columns: the number is followed by TABs
 * (the column stays while the number has fewer than 8 digits) or, in s390's
 * old format, padded with spaces to the same width.
 */
function renumberRow(row: TableRow, nr: number): string {
  const [old, ...rest] = row.fields;
  const text = String(nr);
  const separators = [...row.separators];
  const gap = separators[0];
  if (gap?.startsWith(' ')) separators[0] = ' '.repeat(Math.max(1, gap.length + old!.length - text.length));
  return printTableRow({ fields: [text, ...rest], separators });
}

/** The rule: distinct old numbers, ascending, -> first, first + 1, ... */
export function consecutiveNumbers(olds: Iterable<number>, first: number): Map<number, number> {
  const distinct = [...new Set(olds)].sort((a, b) => a - b);
  return new Map(distinct.map((nr, i) => [nr, first + i]));
}

/** The lines, each numbered line with the number `to` gives it (undefined: kept as it is). */
export function renumberLines(lines: readonly ListLine[], to: (line: ListLine) => number | undefined): string[] {
  return lines.map((line) => {
    const nr = line.nr === undefined ? undefined : to(line);
    return nr === undefined || !line.renumber ? line.text : line.renumber(nr);
  });
}

/** A block whose numbers move, by the rule, to start at `first`. */
export function renumberBlock(lines: readonly ListLine[], first: number): string[] {
  const moves = consecutiveNumbers(lines.flatMap((l) => (l.nr === undefined ? [] : [l.nr])), first);
  return renumberLines(lines, (l) => moves.get(l.nr!));
}

/** The new generic number of each syscall, from its old one, on `tree`. */
export function assignNewNumbers(tree: KernelTree, olds: ReadonlyMap<string, number>): Map<string, number> {
  const moving = [...olds].filter(([name]) => !tree.generic.numbers.has(name));
  const moves = consecutiveNumbers(moving.map(([, nr]) => nr), nextFreeNumber(tree));
  return new Map([...olds].map(([name, nr]) => [name, tree.generic.numbers.get(name) ?? moves.get(nr)!]));
}

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
