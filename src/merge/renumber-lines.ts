/**
 * Renumber the branch's side of an "appended at the same place" conflict so
 * that its syscalls follow upstream's.
 *
 * The rule is the same in every file, so files merged one at a time by git
 * stay consistent with each other: the branch's distinct numbers, in
 * ascending order, become upstream's highest number in the conflict + 1,
 * + 2, ...  A table's offset therefore carries over by itself (alpha's
 * upstream rows end at 576, so the branch's rows become 577, 578), and
 * split rows sharing one number (32/64) keep sharing it.
 *
 * Lines another way (a comment, a blank line) are kept as they are; a line
 * the file kind does not expect in an appended block makes the conflict
 * unresolvable (`undefined`).
 */
export type FileKind = 'table' | 'unistd' | 'text';

const TABLE_ROW = /^(\d+)(\s.*)$/;
const RESERVED = /^(#\s*)(\d+)(\s+reserved\s+for\s.*)$/;
const DEFINE = /^(#define\s+__NR_\w+\s+)(\d+)(\s*)$/;
const UNISTD_OTHER = /^(__SYSCALL\(|__SC_COMP\(|\/\*.*\*\/\s*$|$)/;

interface NumberedLine {
  text: string;
  nr?: number;
  render?: (nr: number) => string;
}

function numberedLine(kind: FileKind, line: string): NumberedLine | undefined {
  if (kind === 'table') {
    const row = TABLE_ROW.exec(line);
    if (row) return { text: line, nr: Number(row[1]), render: (nr) => renumberTableRow(row[1]!, row[2]!, nr) };
    const reserved = RESERVED.exec(line);
    if (reserved) return { text: line, nr: Number(reserved[2]), render: (nr) => `${reserved[1]}${nr}${reserved[3]}` };
    return line === '' || line.startsWith('#') ? { text: line } : undefined;
  }
  if (kind === 'text') return { text: line };
  const define = DEFINE.exec(line);
  if (define) return { text: line, nr: Number(define[2]), render: (nr) => `${define[1]}${nr}${define[3]}` };
  return UNISTD_OTHER.test(line) ? { text: line } : undefined;
}

/**
 * A new number in a row keeps the row's columns: numbers are followed by a
 * TAB (the column stays 8 while the number has fewer than 8 digits) or, in
 * s390's old format, padded with spaces to a fixed width.
 */
function renumberTableRow(oldNr: string, rest: string, nr: number): string {
  const text = String(nr);
  if (!rest.startsWith(' ')) return text + rest;
  const pad = rest.length - rest.trimStart().length + oldNr.length - text.length;
  return text + ' '.repeat(Math.max(1, pad)) + rest.trimStart();
}

/** Highest syscall number among lines of one side of a conflict, or undefined. */
export function highestNumber(kind: FileKind, lines: readonly string[]): number | undefined {
  const nrs = lines.map((l) => numberedLine(kind, l)?.nr).filter((n): n is number => n !== undefined);
  return nrs.length > 0 ? Math.max(...nrs) : undefined;
}

/** Every line parses as something an appended block may hold. */
export function isAppendBlock(kind: FileKind, lines: readonly string[]): boolean {
  return lines.every((l) => numberedLine(kind, l) !== undefined);
}

export function renumberAfter(kind: FileKind, lines: readonly string[], last: number): string[] {
  const parsed = lines.map((l) => numberedLine(kind, l)!);
  const distinct = [...new Set(parsed.map((p) => p.nr).filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
  const mapping = new Map(distinct.map((nr, i) => [nr, last + 1 + i]));
  return parsed.map((p) => (p.nr !== undefined && p.render ? p.render(mapping.get(p.nr)!) : p.text));
}

/** The syscall names a block adds (table rows or `#define __NR_x`), to refuse merging a call both sides added. */
export function addedNames(kind: FileKind, lines: readonly string[]): string[] {
  if (kind === 'table') return lines.flatMap((l) => (TABLE_ROW.test(l) ? [l.split(/\s+/)[2] ?? ''] : []));
  if (kind === 'unistd') return lines.flatMap((l) => /^#define\s+__NR_(\w+)\s+\d+/.exec(l)?.[1] ?? []);
  return [];
}
