/**
 * Reader for syscall*.tbl files.
 *
 * Row format (every table, see the header comment of each file):
 *
 *     <number> <abi> <name> [<entry point> [<compat entry point> [noreturn]]]
 *
 * Fields are separated by any run of TABs and spaces (that is how
 * scripts/syscalltbl.sh reads them).  Lines starting with '#' are comments;
 * `# NNN reserved for <name>` comments keep a number an arch does not
 * implement.  The reader keeps every line's raw text and the separators
 * between fields, so printing an unchanged table gives the same bytes.
 */
import { splitLines, type TextLines } from './text-lines.js';


/** The entry point of a number an arch does not implement. */
export const NI_SYSCALL = 'sys_ni_syscall';
export interface TableRow {
  kind: 'row';
  raw: string;
  /** 1-based line number in the file. */
  line: number;
  fields: string[];
  /** separators[i] is the whitespace between fields[i] and fields[i+1]. */
  separators: string[];
  nr: number;
  abi: string;
  name: string;
  entry?: string;
  compat?: string;
}

export interface TableComment {
  kind: 'comment' | 'blank';
  raw: string;
  line: number;
  /** Set for `# NNN reserved for <name>` placeholders. */
  reserved?: { nr: number; name: string };
}

export type TableLine = TableRow | TableComment;

export interface SyscallTable {
  /** Path relative to the tree root, with '/' separators. */
  path: string;
  text: TextLines;
  lines: TableLine[];
  rows: TableRow[];
}

export class TableParseError extends Error {
  constructor(
    readonly path: string,
    readonly line: number,
    message: string,
  ) {
    super(`${path}:${line}: error: ${message}`);
  }
}

const RESERVED = /^#\s*(\d+)\s+reserved\s+for\s+(\S+)/;

/**
 * The largest number a row may carry.  The highest in any tree is mips
 * n32's (6000 + the generic number); a million leaves room for centuries
 * and keeps every number, with any table's offset, an exact integer.
 */
export const MAX_ROW_NUMBER = 999_999;

function rowNumber(text: string, path: string, line: number): number {
  const nr = Number(text);
  if (!(nr <= MAX_ROW_NUMBER)) throw new TableParseError(path, line, `syscall number ${text} is out of range (at most ${MAX_ROW_NUMBER})`);
  return nr;
}

// The reader runs over ~7500 lines per tree on every command, almost all
// of it before V8 has optimised anything: hence indexed loops rather than
// destructuring and callbacks, and no trim() copy per line.

export function parseTableRow(raw: string, line: number, path: string): TableRow {
  const { fields, separators } = splitFields(raw);
  const nrText = fields[0]!;
  const abi = fields[1];
  const name = fields[2];
  if (!isDecimal(nrText)) {
    throw new TableParseError(path, line, `row does not start with a syscall number: '${raw}'`);
  }
  if (!abi || !name) throw new TableParseError(path, line, `row needs at least <number> <abi> <name>: '${raw}'`);
  if (fields.length > 6) throw new TableParseError(path, line, `row has ${fields.length} fields, at most 6 allowed`);
  const row: TableRow = { kind: 'row', raw, line, fields, separators, nr: rowNumber(nrText, path, line), abi, name };
  if (fields.length > 3) row.entry = fields[3]!;
  if (fields.length > 4) row.compat = fields[4]!;
  return row;
}

/**
 * Fields and the blank runs between them (TABs and spaces).  Leading blanks
 * give an empty first field; trailing blanks (upstream has them: x86_32
 * 394-402) are kept as a last separator with no field after it.
 */
function splitFields(raw: string): { fields: string[]; separators: string[] } {
  const fields: string[] = [];
  const separators: string[] = [];
  const end = raw.length;
  let i = 0;
  while (true) {
    const start = i;
    while (i < end && !isBlankAt(raw, i)) i++;
    fields.push(raw.slice(start, i));
    if (i === end) return { fields, separators };
    const gap = i;
    while (i < end && isBlankAt(raw, i)) i++;
    separators.push(raw.slice(gap, i));
    if (i === end) return { fields, separators };
  }
}

/** TAB or space (what scripts/syscalltbl.sh splits on). */
function isBlankAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 9 || c === 32;
}

function isDecimal(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Empty, or only whitespace as trim() sees it. */
function isBlankLine(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) if (!WHITESPACE.test(raw[i]!)) return false;
  return true;
}
const WHITESPACE = /\s/;

export function parseSyscallTable(path: string, source: string): SyscallTable {
  const text = splitLines(source);
  const lines: TableLine[] = [];
  const rows: TableRow[] = [];
  for (let i = 0; i < text.lines.length; i++) {
    const raw = text.lines[i]!;
    const line = i + 1;
    const first = raw.charCodeAt(0);
    // A line starting with a digit is a row; anything else is looked at closer.
    if (!(first >= 48 && first <= 57) && isBlankLine(raw)) {
      lines.push({ kind: 'blank', raw, line });
    } else if (first === 35) {
      const m = RESERVED.exec(raw);
      const comment: TableComment = { kind: 'comment', raw, line };
      if (m) comment.reserved = { nr: rowNumber(m[1]!, path, line), name: m[2]! };
      lines.push(comment);
    } else {
      const row = parseTableRow(raw, line, path);
      lines.push(row);
      rows.push(row);
    }
  }
  return { path, text, lines, rows };
}

/** A row rebuilt from its fields and the separators between them (and after the last, if any). */
export function printTableRow(row: Pick<TableRow, 'fields' | 'separators'>): string {
  let text = '';
  for (let i = 0; i < row.fields.length; i++) text += row.fields[i]! + (row.separators[i] ?? '');
  return text;
}

export function printSyscallTable(table: SyscallTable): string {
  const body = table.lines.map((l) => l.raw);
  return body.length === 0 ? '' : body.join('\n') + (table.text.finalNewline ? '\n' : '');
}

/**
 * One line on its own (a row a patch adds, a side of a merge conflict), read
 * as parseSyscallTable reads it: a row, a comment or a blank line.  Throws
 * TableParseError, at line 1, for anything else.
 */
export function parseTableLine(raw: string, path = ''): TableLine {
  return parseSyscallTable(path, `${raw}\n`).lines[0]!;
}
