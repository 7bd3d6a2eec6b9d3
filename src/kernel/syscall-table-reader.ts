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

export function parseTableRow(raw: string, line: number, path: string): TableRow {
  const { fields, separators } = splitFields(raw);
  const [nrText, abi, name, entry, compat] = fields;
  if (!nrText || !/^\d+$/.test(nrText)) {
    throw new TableParseError(path, line, `row does not start with a syscall number: '${raw}'`);
  }
  if (!abi || !name) throw new TableParseError(path, line, `row needs at least <number> <abi> <name>: '${raw}'`);
  if (fields.length > 6) throw new TableParseError(path, line, `row has ${fields.length} fields, at most 6 allowed`);
  const row: TableRow = { kind: 'row', raw, line, fields, separators, nr: Number(nrText), abi, name };
  if (entry !== undefined) row.entry = entry;
  if (compat !== undefined) row.compat = compat;
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
  const blank = (i: number) => raw.charCodeAt(i) === 9 || raw.charCodeAt(i) === 32;
  let i = 0;
  while (true) {
    const start = i;
    while (i < raw.length && !blank(i)) i++;
    fields.push(raw.slice(start, i));
    if (i === raw.length) return { fields, separators };
    const gap = i;
    while (i < raw.length && blank(i)) i++;
    separators.push(raw.slice(gap, i));
    if (i === raw.length) return { fields, separators };
  }
}

export function parseSyscallTable(path: string, source: string): SyscallTable {
  const text = splitLines(source);
  const lines: TableLine[] = text.lines.map((raw, i) => {
    const line = i + 1;
    if (raw === '' || raw.trim() === '') return { kind: 'blank', raw, line };
    if (raw.startsWith('#')) {
      const m = RESERVED.exec(raw);
      const comment: TableComment = { kind: 'comment', raw, line };
      if (m) comment.reserved = { nr: Number(m[1]), name: m[2]! };
      return comment;
    }
    return parseTableRow(raw, line, path);
  });
  return { path, text, lines, rows: lines.filter((l): l is TableRow => l.kind === 'row') };
}

export function printSyscallTable(table: SyscallTable): string {
  const body = table.lines.map((l) => l.raw);
  return body.length === 0 ? '' : body.join('\n') + (table.text.finalNewline ? '\n' : '');
}
