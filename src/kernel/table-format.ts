/**
 * Learn a syscall table's format from its own rows.
 *
 * Nothing here is a per-file constant: the stops, the ABI used by new rows,
 * the way compat entries are written and the number offset all come from
 * the rows of the table's newest block (the run of lines, between blank
 * lines, that holds the most recent generic syscall).  Older blocks use
 * other column positions (arm below 403, s390's space-padded numbers) and
 * must never be rewritten, only appended to.
 */
import type { SyscallTable, TableLine, TableRow } from './syscall-table-reader.js';
import { visualEnd } from './text-lines.js';

/** How one gap between two fields is filled. */
export interface ColumnStop {
  /** 'tabs': TABs up to `column` (one TAB when past it); 'spaces': pad with spaces to `column`. */
  fill: 'tabs' | 'spaces';
  column: number;
}

/**
 * How a table carries compat entry points:
 * - 'column': a compat column after the entry (x86_32, o32, parisc, ...);
 * - 'entry':  no compat column, the entry column names the compat function (mips n32);
 * - 'always': every row has the compat column; a call without compat repeats its entry (s390 <= 6.18);
 * - 'none':   compat entries are never written (alpha, x86_64, arm, ...).
 */
export type CompatStyle = 'column' | 'entry' | 'always' | 'none';

export interface TableFormat {
  /** stops[i] describes the gap after field i. */
  stops: ColumnStop[];
  abis: string[];
  defaultAbi: string;
  compat: CompatStyle;
  /** Number written in the table minus the generic number (alpha: +110). */
  offset: number;
  /** Index into table.lines of the first and last line of the newest block. */
  block: { first: number; last: number };
}

const SAMPLE = 40;

/** What the generic numbering (asm-generic/unistd.h) tells about every syscall. */
export interface GenericReference {
  /** name -> generic number. */
  numbers: ReadonlyMap<string, number>;
  /** Names wired with `__SC_COMP`, i.e. calls that have a compat entry. */
  compat: ReadonlySet<string>;
}

export function learnTableFormat(table: SyscallTable, generic: GenericReference): TableFormat {
  const genericNumbers = generic.numbers;
  const block = findNewestBlock(table.lines, genericNumbers);
  const blockRows = table.lines.slice(block.first, block.last + 1).filter((l): l is TableRow => l.kind === 'row');
  const recent = blockRows.slice(-SAMPLE).reverse();
  const defaultAbi = mode(recent.map((r) => r.abi)) ?? 'common';
  return {
    stops: learnStops(recent, table.rows),
    abis: [...new Set(table.rows.map((r) => r.abi))],
    defaultAbi,
    compat: learnCompatStyle(table.rows, blockRows, generic),
    offset: learnOffset(table.rows, genericNumbers),
    block,
  };
}

function findNewestBlock(lines: readonly TableLine[], generic: ReadonlyMap<string, number>): { first: number; last: number } {
  let anchor = -1;
  let best = -1;
  let lastRow = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.kind !== 'row') continue;
    lastRow = i;
    const g = generic.get(l.name);
    if (g !== undefined && g >= best) {
      best = g;
      anchor = i;
    }
  }
  if (anchor < 0) anchor = lastRow;
  if (anchor < 0) return { first: 0, last: lines.length - 1 };
  let first = anchor;
  let last = anchor;
  while (first > 0 && lines[first - 1]!.kind !== 'blank') first--;
  while (last + 1 < lines.length && lines[last + 1]!.kind !== 'blank') last++;
  return { first, last };
}

/**
 * For each gap, the fill and stop of the rows that are regular up to that
 * gap (their previous field starts at the stop already learnt), newest
 * first.  arm64/32's old rows put the entry at 40 and the compat entry
 * elsewhere; only rows with the entry at the learnt 48 tell the compat stop.
 */
function learnStops(recent: readonly TableRow[], all: readonly TableRow[]): ColumnStop[] {
  const widest = Math.max(0, ...all.map((r) => r.fields.length));
  const newestFirst = [...all].reverse();
  const stops: ColumnStop[] = [];
  for (let gap = 0; gap < widest - 1; gap++) {
    const regular = (r: TableRow) => r.fields[gap + 1] !== undefined && (gap === 0 || fieldStarts(r)[gap] === stops[gap - 1]!.column);
    let samples = recent.filter(regular);
    if (samples.length < 3) samples = firstMatches(newestFirst, regular, SAMPLE);
    if (samples.length === 0) samples = newestFirst.filter((r) => r.fields[gap + 1] !== undefined).slice(0, SAMPLE);
    const fills = samples.map((r) => (/^\t+$/.test(r.separators[gap]!) ? 'tabs' : /^ +$/.test(r.separators[gap]!) ? 'spaces' : 'mixed'));
    const fill = mode(fills) === 'spaces' ? 'spaces' : 'tabs';
    const starts = samples.map((r) => fieldStarts(r)[gap + 1]!);
    stops.push({ fill, column: mode(starts) ?? (gap + 1) * 8 });
  }
  return stops;
}

/**
 * Look at how the table writes the calls the generic header wires with
 * `__SC_COMP` (epoll_pwait2, ...): in a compat column, in the entry column
 * (mips n32), or not at all (alpha, x86_64, arm).
 */
function learnCompatStyle(all: readonly TableRow[], block: readonly TableRow[], generic: GenericReference): CompatStyle {
  if (block.length > 0 && block.every((r) => r.fields.length >= 5)) return 'always';
  const votes = all
    .filter((r) => generic.compat.has(r.name))
    .reverse()
    .map((r): CompatStyle => (r.compat?.startsWith('compat_') ? 'column' : r.entry?.startsWith('compat_') ? 'entry' : 'none'));
  return mode(votes) ?? 'none';
}

function learnOffset(rows: readonly TableRow[], generic: ReadonlyMap<string, number>): number {
  const shared: { g: number; d: number }[] = [];
  for (const r of rows) {
    const g = generic.get(r.name);
    if (g !== undefined) shared.push({ g, d: r.nr - g });
  }
  shared.sort((a, b) => b.g - a.g);
  return mode(shared.slice(0, 10).map((s) => s.d)) ?? 0;
}

const startsCache = new WeakMap<TableRow, number[]>();

/** Visual start column of every field of a row. */
export function fieldStarts(row: TableRow): number[] {
  const cached = startsCache.get(row);
  if (cached) return cached;
  const starts: number[] = [];
  let col = 0;
  row.fields.forEach((field, i) => {
    starts.push(col);
    col = visualEnd(field + (row.separators[i] ?? ''), col);
  });
  startsCache.set(row, starts);
  return starts;
}

function firstMatches<T>(items: readonly T[], pred: (item: T) => boolean, limit: number): T[] {
  const out: T[] = [];
  for (const item of items) {
    if (pred(item) && out.push(item) >= limit) break;
  }
  return out;
}

/** Most frequent value; ties go to the one seen first (callers pass newest first). */
export function mode<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let bestCount = 0;
  for (let i = 0; i < values.length; i++) counts.set(values[i]!, (counts.get(values[i]!) ?? 0) + 1);
  // Map iteration follows first insertion, so a tie keeps the value seen first.
  counts.forEach((c, v) => {
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  });
  return best;
}
